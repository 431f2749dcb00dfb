package serve

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// broker sends server-sent events to every open page.
type broker struct {
	mu      sync.Mutex
	clients map[chan string]bool
	closed  bool
}

func newBroker() *broker { return &broker{clients: map[chan string]bool{}} }

// send tells every open page to reload; a page too slow to take it misses
// nothing that matters, as every message means "reload".
func (b *broker) send(msg string) { b.frame("data: " + msg + "\n\n") }

// announce tells every listener that the named files changed without
// asking pages to reload: pages listen to unnamed messages only, scripts
// (the tests) to every event.
func (b *broker) announce(name string) { b.frame("event: " + name + "\ndata: " + name + "\n\n") }

// frame sends one server-sent event, whole, to every listener.
func (b *broker) frame(msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case c <- msg:
		default:
		}
	}
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for c := range b.clients {
		close(c)
		delete(b.clients, c)
	}
}

// serve holds an event stream open until the page goes away or the server
// stops.
func (b *broker) serve(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan string, 1)
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.clients[c] = true
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		if b.clients[c] {
			delete(b.clients, c)
			close(c)
		}
		b.mu.Unlock()
	}()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	fmt.Fprint(w, ": mohinh\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case msg, ok := <-c:
			if !ok {
				return
			}
			fmt.Fprint(w, msg)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": …\n\n")
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}
