package serve

import (
	"bytes"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/diag"
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
			if _, dir := s.store.get(name + "/index.html"); dir {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
		}
		if !found {
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
	if !ok {
		data = []byte("<!doctype html><html lang=\"vi\"><title>Không tìm thấy</title><body><p>Không tìm thấy trang.</p></body></html>")
	}
	s.write(w, "404.html", data, http.StatusNotFound)
}

// write sends a file; an HTML page gets the reload script and, while the
// content has errors, the overlay listing them.
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

// inject adds the reload script and the overlay before </body>.
func inject(page []byte, problems diag.List) []byte {
	var add bytes.Buffer
	if len(problems) > 0 {
		add.WriteString(`<div id="mohinh-problems" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff4f4;color:#5a0000;border-top:4px solid #a3161b;padding:12px 20px;font:14px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)">`)
		add.WriteString(`<p style="margin:0 0 6px;font-weight:700">Nội dung có lỗi — trang đang hiển thị bản dựng tốt gần nhất. Sửa tệp và lưu lại, trang sẽ tự cập nhật.</p><ul style="margin:0;padding-left:20px;font-family:ui-monospace,monospace;font-size:13px">`)
		for _, d := range problems {
			add.WriteString("<li>")
			add.WriteString(html.EscapeString(d.String()))
			add.WriteString("</li>")
		}
		add.WriteString("</ul></div>")
	}
	add.WriteString(reloadScript)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte(nil), page...), add.Bytes()...)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:i]...)
	out = append(out, add.Bytes()...)
	return append(out, page[i:]...)
}

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
