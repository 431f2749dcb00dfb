package forgetest

// A small client of the Chrome DevTools Protocol over the pipe Chromium
// opens with --remote-debugging-pipe: commands are JSON messages written to
// its file descriptor 3, answers and events come back on 4, each ended by a
// NUL byte. The same protocol as internal/browsertest's client, cut down to
// what these tests need: open a page, navigate, evaluate JavaScript, wait
// for the document to change and take a screenshot.

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

type browser struct {
	cmd  *exec.Cmd
	in   io.WriteCloser // its fd 3
	mu   sync.Mutex
	next int
	wait map[int]chan message
	subs []*subscription
	dead chan struct{}
	err  error
}

type message struct {
	ID        int             `json:"id,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

type subscription struct {
	session, method string
	ch              chan json.RawMessage
}

// startBrowser starts Chromium at path with a fresh profile in dir.
func startBrowser(path, dir string) (*browser, error) {
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	evR, evW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
		"--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
		"--remote-debugging-pipe", "--user-data-dir="+dir, "about:blank")
	cmd.ExtraFiles = []*os.File{cmdR, evW}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	cmdR.Close()
	evW.Close()
	b := &browser{cmd: cmd, in: cmdW, wait: map[int]chan message{}, dead: make(chan struct{})}
	go b.read(evR)
	return b, nil
}

func (b *browser) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		data, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.err = fmt.Errorf("chromium closed the pipe: %w", err)
			b.mu.Unlock()
			close(b.dead)
			return
		}
		var m message
		if json.Unmarshal(data[:len(data)-1], &m) != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch := b.wait[m.ID]; ch != nil {
				ch <- m
				delete(b.wait, m.ID)
			}
		} else {
			for _, s := range b.subs {
				if s.method == m.Method && (s.session == "" || s.session == m.SessionID) {
					select {
					case s.ch <- m.Params:
					default:
					}
				}
			}
		}
		b.mu.Unlock()
	}
}

func (b *browser) call(ctx context.Context, session, method string, params, result any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan message, 1)
	b.wait[id] = ch
	b.mu.Unlock()
	raw := []byte("{}")
	if params != nil {
		var err error
		if raw, err = json.Marshal(params); err != nil {
			return err
		}
	}
	data, _ := json.Marshal(message{ID: id, SessionID: session, Method: method, Params: raw})
	b.mu.Lock()
	_, err := b.in.Write(append(data, 0))
	b.mu.Unlock()
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-b.dead:
		return b.err
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (b *browser) subscribe(session, method string) *subscription {
	s := &subscription{session: session, method: method, ch: make(chan json.RawMessage, 8)}
	b.mu.Lock()
	b.subs = append(b.subs, s)
	b.mu.Unlock()
	return s
}

func (b *browser) unsubscribe(s *subscription) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, x := range b.subs {
		if x == s {
			b.subs = append(b.subs[:i], b.subs[i+1:]...)
			return
		}
	}
}

// close asks Chromium to quit, and kills it if it does not.
func (b *browser) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b.call(ctx, "", "Browser.close", nil, nil)
	done := make(chan struct{})
	go func() { b.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		b.cmd.Process.Kill()
		<-done
	}
	b.in.Close()
}

// page is one tab, of 1280×900 pixels.
type page struct {
	b       *browser
	ctx     context.Context
	session string

	mu       sync.Mutex
	problems []string // uncaught exceptions
}

func (b *browser) newPage(ctx context.Context) (*page, error) {
	var t struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &t); err != nil {
		return nil, err
	}
	var s struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": t.TargetID, "flatten": true}, &s); err != nil {
		return nil, err
	}
	p := &page{b: b, ctx: ctx, session: s.SessionID}
	exceptions := b.subscribe(s.SessionID, "Runtime.exceptionThrown")
	go func() {
		for raw := range exceptions.ch {
			var e struct {
				ExceptionDetails struct {
					Text      string `json:"text"`
					Exception struct {
						Description string `json:"description"`
					} `json:"exception"`
				} `json:"exceptionDetails"`
			}
			json.Unmarshal(raw, &e)
			p.mu.Lock()
			p.problems = append(p.problems, e.ExceptionDetails.Text+" "+e.ExceptionDetails.Exception.Description)
			p.mu.Unlock()
		}
	}()
	for _, m := range []string{"Page.enable", "Runtime.enable"} {
		if err := p.call(m, nil, nil); err != nil {
			return nil, err
		}
	}
	if err := p.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *page) call(method string, params, result any) error {
	return p.b.call(p.ctx, p.session, method, params, result)
}

// navigate loads url and waits for its load event.
func (p *page) navigate(url string) error {
	return p.loading(url, func() error {
		var res struct {
			ErrorText string `json:"errorText"`
		}
		if err := p.call("Page.navigate", map[string]any{"url": url}, &res); err != nil {
			return err
		}
		if res.ErrorText != "" {
			return errors.New(res.ErrorText)
		}
		return nil
	})
}

// loading does what makes the page load another, and waits for that
// page's load event.
func (p *page) loading(what string, do func() error) error {
	loaded := p.b.subscribe(p.session, "Page.loadEventFired")
	defer p.b.unsubscribe(loaded)
	if err := do(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	select {
	case <-loaded.ch:
		return nil
	case <-time.After(60 * time.Second):
		return fmt.Errorf("%s: no load event in 60 s", what)
	case <-p.ctx.Done():
		return p.ctx.Err()
	}
}

// eval evaluates a JavaScript expression, awaiting a promise, and decodes
// its value into out (if not nil).
func (p *page) eval(expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := p.call("Runtime.evaluate", map[string]any{"expression": expr, "awaitPromise": true, "returnByValue": true}, &res)
	if err != nil {
		return err
	}
	if e := res.ExceptionDetails; e != nil {
		return fmt.Errorf("javascript: %s %s", e.Text, e.Exception.Description)
	}
	if out != nil && res.Result.Value != nil {
		return json.Unmarshal(res.Result.Value, out)
	}
	return nil
}

// waitFor waits until expr is true. The page says when to look again: expr
// is evaluated at once and after every change of the document (a
// MutationObserver), never on a timer. It gives up after limit, a bound
// for a page that never gets there, not a measure of speed.
func (p *page) waitFor(expr string, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(p.ctx, limit)
	defer cancel()
	q := &page{b: p.b, ctx: ctx, session: p.session}
	err := q.eval(`new Promise(resolve => {
		const ok = () => { try { return !!(`+expr+`); } catch (e) { return false; } };
		if (ok()) { resolve(true); return; }
		const o = new MutationObserver(() => { if (ok()) { o.disconnect(); resolve(true); } });
		o.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
	})`, nil)
	if err != nil {
		return fmt.Errorf("waiting for %s: %w", expr, err)
	}
	return nil
}

// screenshot saves the page's viewport as a PNG.
func (p *page) screenshot(file string) error {
	var shot struct {
		Data string `json:"data"`
	}
	if err := p.call("Page.captureScreenshot", map[string]any{"format": "png"}, &shot); err != nil {
		return err
	}
	data, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		return err
	}
	return os.WriteFile(file, data, 0o644)
}

func (p *page) takeProblems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.problems
	p.problems = nil
	return out
}

// findChromium returns $CHROMIUM, Debian's chromium, or "".
func findChromium() string {
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// jsString quotes s for JavaScript source.
func jsString(s string) string {
	b, _ := json.Marshal(s) // escapes U+2028 and U+2029 too
	return string(b)
}
