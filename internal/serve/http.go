package serve

import (
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/content"
)

// eventsPath is where pages listen for rebuilds.
const eventsPath = "/_mohinh/events"

// handler serves the store. It answers only requests whose Host is the
// address served (a guard against DNS rebinding: a page of another site
// cannot read this one through a name that resolves to 127.0.0.1), never
// serves a file outside the build, and gives the event stream only to
// pages of this origin.
func (s *Server) handler(addr string) http.Handler {
	allowed := allowedHosts(addr)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowed[strings.ToLower(r.Host)] {
			http.Error(w, "Host không được phép", http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "chỉ đọc", http.StatusMethodNotAllowed)
			return
		}
		if r.URL.Path == eventsPath {
			if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
				http.Error(w, "nguồn không được phép", http.StatusForbidden)
				return
			}
			s.events.serve(streamWriter{w, http.NewResponseController(w), s.timeouts.write}, r)
			return
		}
		name, ok := fileName(r.URL.Path, r.URL.RawPath)
		if !ok {
			s.notFound(w)
			return
		}
		data, found := s.store.get(name)
		if !found && !strings.HasSuffix(name, "index.html") {
			_, dir := s.store.get(name + "/index.html")
			if _, broken := s.state().broken[name+"/index.html"]; dir || broken {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
		}
		if !found {
			if a, ok := s.attachment(name); ok {
				s.serveAttachment(w, a)
				return
			}
			if st := s.state(); st.broken[name] != "" {
				frame, _ := s.store.get("404.html")
				s.write(w, name, brokenPage(frame, st.broken[name], st), http.StatusNotFound)
				return
			}
			s.notFound(w)
			return
		}
		s.write(w, name, data, http.StatusOK)
	})
}

// streamWriter gives each write of the event stream a deadline of its
// own: the server's WriteTimeout, counted from the request, would cut the
// stream, which lasts as long as its page, while a write that stalls still
// fails and ends it.
type streamWriter struct {
	http.ResponseWriter
	rc      *http.ResponseController
	timeout time.Duration
}

func (w streamWriter) Write(p []byte) (int, error) {
	w.rc.SetWriteDeadline(time.Now().Add(w.timeout))
	return w.ResponseWriter.Write(p)
}

func (w streamWriter) Flush() {
	w.rc.SetWriteDeadline(time.Now().Add(w.timeout))
	w.rc.Flush()
}

// Unwrap lets an http.ResponseController reach the connection.
func (w streamWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// fileName maps a URL path to a file of the build: "/" and "/x/" to their
// index.html. It refuses what could leave the build: "..", encoded
// slashes, backslashes, NUL.
func fileName(urlPath, rawPath string) (string, bool) {
	if strings.Contains(rawPath, "%2f") || strings.Contains(rawPath, "%2F") || strings.Contains(rawPath, "%5c") || strings.Contains(rawPath, "%5C") {
		return "", false
	}
	if strings.ContainsAny(urlPath, "\\\x00") || !strings.HasPrefix(urlPath, "/") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		name = path.Join(name, "index.html")
	}
	return name, true
}

func (s *Server) notFound(w http.ResponseWriter) {
	data, ok := s.store.get("404.html")
	switch {
	case ok:
	case s.state().state == builtNothing:
		data = []byte("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Chưa dựng được trang nào</title><body style=\"font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem\"><h1>Chưa dựng được trang nào</h1><p>Nội dung có lỗi nên chưa có trang nào để hiển thị: các lỗi được liệt kê bên dưới.</p></body></html>")
	default:
		data = []byte("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Không tìm thấy</title><body><p>Không tìm thấy trang.</p></body></html>")
	}
	s.write(w, "404.html", data, http.StatusNotFound)
}

// attachment returns the attached file whose copy the output file name
// would be, in the last good build.
func (s *Server) attachment(name string) (content.Attachment, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.attachments[name]
	return a, ok
}

// attachmentTypes are the Content-Types of the attached files, by the
// type their content has (content.SniffAttachment).
var attachmentTypes = map[string]string{"pdf": "application/pdf", "jpeg": "image/jpeg", "png": "image/png"}

// serveAttachment sends an attached file from the site folder, as build
// would have copied it: read when asked for rather than held in memory,
// and only while it is still what the build found — a regular file, within
// the size allowed, of the type it had — so that a file swapped since is
// never served as something else.
func (s *Server) serveAttachment(w http.ResponseWriter, a content.Attachment) {
	file := filepath.Join(s.opts.Site, filepath.FromSlash(a.Path))
	info, err := os.Lstat(file)
	if err != nil || !info.Mode().IsRegular() || info.Size() > content.MaxAttachmentSize {
		s.notFound(w)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil || int64(len(data)) > content.MaxAttachmentSize || content.SniffAttachment(data) != a.Type {
		s.notFound(w)
		return
	}
	h := w.Header()
	h.Set("Content-Type", attachmentTypes[a.Type])
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}

// write sends a file; an HTML page gets the reload script and, while there
// are errors, the overlay listing them (overlay.go).
func (s *Server) write(w http.ResponseWriter, name string, data []byte, status int) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, s.state())
	}
	w.WriteHeader(status)
	w.Write(data)
}

// reloadScript listens for rebuilds and reloads the page.
const reloadScript = `<script>(function(){var es=new EventSource("` + eventsPath + `");es.onmessage=function(){location.reload()};})();</script>`

// allowedHosts are the Host headers that name the served address.
func allowedHosts(addr string) map[string]bool {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return map[string]bool{strings.ToLower(addr): true}
	}
	hosts := map[string]bool{net.JoinHostPort(host, port): true}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() || host == "localhost" {
		for _, h := range []string{"localhost", "127.0.0.1", "::1"} {
			hosts[net.JoinHostPort(h, port)] = true
		}
	}
	return hosts
}
