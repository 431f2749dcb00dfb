package forgetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/build"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mohinh/mohinh/internal/cdp"
	"github.com/mohinh/mohinh/internal/content"
)

// howToGetOne is what a skipped test says.
const howToGetOne = "set MOHINH_GITEA to a Gitea or Forgejo binary, or put gitea or forgejo on PATH " +
	"or in $(go env GOPATH)/bin; internal/forgetest/install-gitea.sh builds Gitea there " +
	"from the Go module proxy (and its web assets from npm)"

// findForge returns the forge's binary and what it says it is, or skips
// the test without one. A binary named by MOHINH_GITEA must run.
func findForge(t *testing.T) (bin string, forge content.Forge, version string) {
	t.Helper()
	bin = os.Getenv("MOHINH_GITEA")
	if bin == "" {
		for _, name := range []string{"gitea", "forgejo"} {
			if p, err := exec.LookPath(name); err == nil {
				bin = p
				break
			}
			if p := filepath.Join(build.Default.GOPATH, "bin", name); isFile(p) {
				bin = p
				break
			}
		}
	}
	if bin == "" {
		t.Skip("no Gitea or Forgejo binary, so no real forge to follow the new-file link on: " + howToGetOne)
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s --version: %v\n%s", bin, err, out)
	}
	version = strings.TrimSpace(string(out))
	forge = content.Gitea
	if strings.Contains(strings.ToLower(version), "forgejo") {
		forge = content.Forgejo
	}
	return bin, forge, version
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// forgeServer is a Gitea or Forgejo server of the test's own, in a
// temporary folder, answering on 127.0.0.1 only.
type forgeServer struct {
	bin, dir, conf string
	env            []string
	url            string // ROOT_URL, ending in "/"
	user, password string
	log            string // the server's output
}

// secret returns n random bytes, hex-encoded.
func secret(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// startForge configures a fresh server on a free port, creates its
// database and an administrator, and starts it. The server says when it
// is ready on a notify socket, as systemd has it (NOTIFY_SOCKET,
// READY=1). (Handing it the listening socket too, LISTEN_FDS, would make
// it take the test for the Gitea it replaces in a graceful restart, and
// stop it.) It is killed when the test ends.
func startForge(t *testing.T, bin string) *forgeServer {
	t.Helper()
	dir := t.TempDir()
	s := &forgeServer{bin: bin, dir: dir, conf: filepath.Join(dir, "app.ini"), user: "toa-soan", password: secret(t, 12)}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	s.url = fmt.Sprintf("http://127.0.0.1:%d/", port)

	notify, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: filepath.Join(dir, "notify.sock"), Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer notify.Close()

	me, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	jwt := make([]byte, 32)
	rand.Read(jwt)
	conf := fmt.Sprintf(`APP_NAME = mohinh forge test
RUN_USER = %[1]s
RUN_MODE = prod
WORK_PATH = %[2]s

[server]
PROTOCOL = http
HTTP_ADDR = 127.0.0.1
HTTP_PORT = %[3]d
DOMAIN = 127.0.0.1
ROOT_URL = %[4]s
LOCAL_ROOT_URL = %[4]s
APP_DATA_PATH = %[2]s/data
DISABLE_SSH = true
START_SSH_SERVER = false
OFFLINE_MODE = true
LFS_START_SERVER = false

[database]
DB_TYPE = sqlite3
PATH = %[2]s/data/forge.db

[repository]
ROOT = %[2]s/repositories
DEFAULT_BRANCH = main

[security]
INSTALL_LOCK = true
SECRET_KEY = %[5]s
INTERNAL_TOKEN = %[6]s

[oauth2]
JWT_SECRET = %[7]s

[service]
DISABLE_REGISTRATION = true

[session]
PROVIDER = memory

[cache]
ADAPTER = memory

[queue]
TYPE = channel

[indexer]
REPO_INDEXER_ENABLED = false

[mailer]
ENABLED = false

[actions]
ENABLED = false

[cron]
ENABLED = false

[cron.update_checker]
ENABLED = false

[other]
SHOW_FOOTER_VERSION = true

[log]
MODE = console
LEVEL = Warn
ROOT_PATH = %[2]s/log
`, me.Username, dir, port, s.url, secret(t, 32), secret(t, 32), base64.RawURLEncoding.EncodeToString(jwt))
	if err := os.WriteFile(s.conf, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}

	// The server's environment: none of the test's git settings, its own
	// home, and leave to run as root where the tests run as root (CI).
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "HOME=") && !strings.HasPrefix(kv, "GITEA_") && !strings.HasPrefix(kv, "FORGEJO_") {
			s.env = append(s.env, kv)
		}
	}
	s.env = append(s.env, "HOME="+filepath.Join(dir, "home"), "GITEA_WORK_DIR="+dir, "FORGEJO_WORK_DIR="+dir)
	if os.Geteuid() == 0 {
		s.env = append(s.env, "GITEA_I_AM_BEING_UNSAFE_RUNNING_AS_ROOT=true", "FORGEJO_I_AM_BEING_UNSAFE_RUNNING_AS_ROOT=true")
	}

	s.run(t, "migrate", "--config", s.conf)
	s.run(t, "admin", "user", "create", "--config", s.conf, "--admin", "--username", s.user,
		"--password", s.password, "--email", s.user+"@example.com", "--must-change-password=false")

	logFile, err := os.Create(filepath.Join(dir, "web.log"))
	if err != nil {
		t.Fatal(err)
	}
	s.log = logFile.Name()
	cmd := exec.Command(bin, "web", "--config", s.conf)
	cmd.Dir = dir
	cmd.Env = append(append([]string{}, s.env...), "NOTIFY_SOCKET="+notify.LocalAddr().String())
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	logFile.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			s.showLog(t)
		}
	})

	ready := make(chan error, 1)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := notify.Read(buf)
			if err != nil {
				ready <- err
				return
			}
			if bytes.Contains(buf[:n], []byte("READY=1")) {
				ready <- nil
				return
			}
		}
	}()
	select {
	case err := <-ready:
		if err != nil {
			t.Fatalf("reading the server's notify socket: %v", err)
		}
	case err := <-exited:
		exited <- err
		t.Fatalf("%s web ended before it was ready: %v", bin, err)
	}
	// No clock here: the server says it is ready or it exits; one that
	// hangs is go test's -timeout to end.
	return s
}

// run runs a command of the forge's binary to its end.
func (s *forgeServer) run(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command(s.bin, args...)
	cmd.Dir = s.dir
	cmd.Env = s.env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(s.bin), strings.Join(args[:min(3, len(args))], " "), err, out)
	}
}

func (s *forgeServer) showLog(t *testing.T) {
	data, err := os.ReadFile(s.log)
	if err != nil {
		return
	}
	if len(data) > 8000 {
		data = data[len(data)-8000:]
	}
	t.Logf("the server's output ends:\n%s", data)
}

// api sends a request to the server's API as the administrator and
// decodes the answer into out (if not nil), which must have status want.
func (s *forgeServer) api(t *testing.T, method, path string, body any, want int, out any) {
	t.Helper()
	data, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(method, s.url+"api/v1/"+path, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(s.user, s.password)
	req.Header.Set("Content-Type", "application/json")
	client := &http.Client{Timeout: 2 * time.Minute}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer bytes.Buffer
	answer.ReadFrom(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %s, want %d\n%.2000s", method, path, resp.Status, want, answer.Bytes())
	}
	if out != nil {
		if err := json.Unmarshal(answer.Bytes(), out); err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
	}
}

// git runs git in dir with none of the user's settings.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	home := filepath.Join(dir, "..", "git-home")
	os.MkdirAll(home, 0o755)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "HOME=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0",
		"GIT_AUTHOR_NAME=Tòa soạn", "GIT_AUTHOR_EMAIL=toa-soan@example.com",
		"GIT_COMMITTER_NAME=Tòa soạn", "GIT_COMMITTER_EMAIL=toa-soan@example.com")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pushSite makes a site repository from the sample site of this
// repository, its _index.md naming the forge's repository, and pushes it
// to branch main of a new repository there. It returns the site's folder.
func pushSite(t *testing.T, s *forgeServer, forge content.Forge) string {
	t.Helper()
	var repo struct {
		HTMLURL string `json:"html_url"`
	}
	s.api(t, "POST", "user/repos", map[string]any{"name": "site", "private": false, "auto_init": false, "default_branch": "main"}, http.StatusCreated, &repo)
	if repo.HTMLURL != s.url+s.user+"/site" {
		t.Fatalf("the repository's address is %q, want %q", repo.HTMLURL, s.url+s.user+"/site")
	}

	site := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(filepath.Join(site, "content"), os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(site, "content", "_index.md")
	data, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^(repository|forge|branch):.*\n`)
	front := fmt.Sprintf("---\nrepository: %s\nforge: %s\nbranch: main\n", repo.HTMLURL, forge)
	data = []byte(strings.Replace(re.ReplaceAllString(string(data), ""), "---\n", front, 1))
	if err := os.WriteFile(index, data, 0o644); err != nil {
		t.Fatal(err)
	}

	git(t, site, "init", "-q", "-b", "main")
	git(t, site, "add", "content")
	git(t, site, "commit", "-q", "-m", "Trang mẫu")
	git(t, site, "push", "-q", push(s), "main")

	// The forge has the branch: git asks it, as a clone would.
	head := strings.TrimSpace(git(t, site, "rev-parse", "HEAD"))
	if got := git(t, site, "ls-remote", push(s), "refs/heads/main"); !strings.HasPrefix(got, head+"\t") {
		t.Fatalf("branch main on the forge is %q, want the commit pushed, %s", got, head)
	}
	return site
}

// push is the address git pushes the site to, with the administrator's
// name and password.
func push(s *forgeServer) string {
	return strings.Replace(s.url, "://", "://"+s.user+":"+s.password+"@", 1) + s.user + "/site.git"
}

// TestGiteaNewFileLink follows the registration form's new-file link on a
// real Gitea (or Forgejo): the forge's page must open for the file's path,
// with the file's text in its editor, for a person signed in.
func TestGiteaNewFileLink(t *testing.T) {
	bin, forge, version := findForge(t)
	chromium, err := cdp.FindChromium()
	if err != nil {
		t.Skip("no Chromium (apt-get install chromium, or set CHROMIUM) to follow the link in")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git to push the site with")
	}
	t.Logf("forge: %s (%s)", version, bin)

	s := startForge(t, bin)
	siteDir := pushSite(t, s, forge)

	// The link is made as the portal makes it: the pattern from the
	// site's settings, filled by the browser with encodeURIComponent as
	// layouts/assets/form.js does.
	site, _ := content.Load(os.DirFS(siteDir))
	pattern := site.Settings.NewFileURL()
	if want := s.url + s.user + "/site/_new/main/?filename={path}&value={value}"; pattern != want {
		t.Fatalf("NewFileURL() = %q, want %q", pattern, want)
	}
	if len(site.Registrations) == 0 {
		t.Fatal("the sample site has no registration")
	}
	sample := site.Registrations[0]
	old, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(sample.Path)))
	if err != nil {
		t.Fatal(err)
	}
	path := strings.TrimSuffix(sample.Path, ".md") + "-ban-moi.md"
	file := strings.Replace(string(old), "title: ", "title: (Bản mới) ", 1)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	b, err := cdp.Start(chromium, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p.LoadTimeout = time.Minute // a forge's page is slower to load than a static one

	// Sign in, as a person does, on the forge's own page.
	if err := p.Navigate(s.url + "user/login"); err != nil {
		t.Fatal(err)
	}
	err = p.Loading("sign in", func() error {
		return p.Eval(`(() => {
			document.getElementById("user_name").value = `+cdp.JSString(s.user)+`;
			const pw = document.getElementById("password");
			pw.value = `+cdp.JSString(s.password)+`;
			pw.form.submit();
		})()`, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	var where string
	p.Eval(`location.pathname`, &where)
	if strings.HasPrefix(where, "/user/login") {
		var text string
		p.Eval(`document.body.innerText`, &text)
		t.Fatalf("still on the sign-in page after signing in:\n%s", text)
	}

	var link string
	if err := p.Eval(`(() => { const path = `+cdp.JSString(path)+`, file = `+cdp.JSString(file)+`;
		return `+cdp.JSString(pattern)+`
			.replace("{path}", encodeURIComponent(path).replace(/%2F/g, "/"))
			.replace("{value}", encodeURIComponent(file)); })()`, &link); err != nil {
		t.Fatal(err)
	}
	t.Logf("link: %d bytes (the form offers links up to %d)", len(link), content.NewFileLinkLimit)
	if err := p.Navigate(link); err != nil {
		t.Fatal(err)
	}

	// The forge's editor takes the text from the link once its script has
	// set the editor up: wait for the text to reach the form's textarea,
	// which the editor keeps in step, bounded for a page that never
	// fills it; what the page shows is then compared whatever it is.
	waitErr := p.WaitForWithin(`document.querySelector("#edit_area") && document.querySelector("#edit_area").value !== ""`, time.Minute)
	if name := os.Getenv("MOHINH_SCREENSHOTS"); name != "" {
		if err := p.Screenshot(filepath.Join(name, "gitea-newfile.png")); err != nil {
			t.Error(err)
		}
	}
	got := readEditor(t, p)
	t.Logf("page: %s %q; folders %q, file-name box %q, tree path %q", strings.SplitN(got.URL, "?", 2)[0], got.Title, got.Folders, got.FileName, got.TreePath)
	if problems := p.TakeProblems(); len(problems) > 0 {
		t.Logf("the page's script reported: %q", problems)
	}
	if !got.NewFile {
		t.Errorf("%s is not the forge's new-file page", got.URL)
	}
	name := path[strings.LastIndex(path, "/")+1:]
	if shown := strings.Join(append(got.Folders, got.FileName), "/"); got.FileName == "" && shown == path+"/" {
		// The forge took the whole path for the folders (Gitea 1.26 and
		// 1.27 redirect ?filename= to a path and the new-file page treats
		// every part of it as a folder): the page shows the file's name as
		// the last folder and an empty file-name box, required before the
		// commit button works. Backspace in that box takes the last folder
		// back into it, which the form tells Gitea and Forgejo users to
		// do (proposeSteps in internal/render/schema.go): do as they do.
		t.Logf("%s shows the file's name %q as a folder and leaves the file-name box empty: pressing Backspace in it, as the form says", version, name)
		if err := p.Eval(`(() => { const e = document.getElementById("file-name"); e.focus(); e.setSelectionRange(0, 0); })()`, nil); err != nil {
			t.Fatal(err)
		}
		for _, typ := range []string{"keyDown", "keyUp"} {
			if err := p.Call("Input.dispatchKeyEvent", map[string]any{"type": typ, "key": "Backspace", "code": "Backspace", "windowsVirtualKeyCode": 8}, nil); err != nil {
				t.Fatal(err)
			}
		}
		got = readEditor(t, p)
		if got.FileName != name || got.TreePath != path {
			t.Errorf("Backspace in the empty file-name box, as the form says, does not give the name back: folders %q, box %q, tree path %q; want %q", got.Folders, got.FileName, got.TreePath, path)
		}
	} else if got.FileName != name || shown != path {
		t.Errorf("the page offers the path %q (folders %q, file-name box %q), want %q", shown, got.Folders, got.FileName, path)
	}
	if got.TreePath != path {
		t.Errorf("the form would commit the file at %q, want %q", got.TreePath, path)
	}
	if waitErr != nil {
		t.Errorf("the editor never received the file's text: %v", waitErr)
	}
	if got.Content != file {
		t.Errorf("the editor holds\n%s\nwant the file from the link\n%s", got.Content, file)
	}
	if first := strings.SplitN(file, "\n", 3)[1]; !strings.Contains(got.Shown, first) {
		t.Errorf("the editor does not show %q; it shows\n%s", first, got.Shown)
	}

	// Committed as the page stands, the file lands on branch main with the
	// link's text, byte for byte.
	if got.TreePath != path || got.Content != file {
		return
	}
	err = p.Loading("commit", func() error {
		return p.Eval(`document.getElementById("commit-button").click()`, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	var after string
	p.Eval(`location.pathname`, &after)
	t.Logf("after the commit: %s", after)
	git(t, siteDir, "fetch", "-q", push(s), "main")
	if committed := git(t, siteDir, "show", "FETCH_HEAD:"+path); committed != file {
		t.Errorf("the forge committed\n%s\nwant the file from the link\n%s", committed, file)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Error("the test ran out of its time bound")
	}
}

// editorPage is what the forge's page for a new file shows and holds.
type editorPage struct {
	URL, Title string
	Folders    []string // the path's folders, before the file-name box
	FileName   string   // the file-name box
	TreePath   string   // the path the form commits to
	Content    string   // the form's textarea, which the editor keeps in step
	Shown      string   // the editor's text on the screen
	NewFile    bool     // the page is a form that commits a new file
}

func readEditor(t *testing.T, p *cdp.Page) editorPage {
	t.Helper()
	var got editorPage
	if err := p.Eval(`(() => {
		const v = sel => { const e = document.querySelector(sel); return e ? e.value : ""; };
		const editor = document.querySelector(".cm-content, .monaco-editor .view-lines");
		return {
			URL: location.href,
			Title: document.title,
			Folders: [...document.querySelectorAll(".breadcrumb span.section")].map(e => e.textContent.trim()),
			FileName: v("#file-name"),
			TreePath: v("#tree_path"),
			Content: v("#edit_area"),
			Shown: editor ? editor.innerText : "",
			NewFile: !!document.querySelector("form.edit.form #edit_area"),
		};
	})()`, &got); err != nil {
		t.Fatal(err)
	}
	return got
}
