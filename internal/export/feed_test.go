package export

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mohinh/mohinh/internal/content"
)

type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID        string `xml:"id"`
		Title     string `xml:"title"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Link      struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Author   string `xml:"author>name"`
		Category struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

// The feed is well-formed Atom, newest first, with absolute links.
func TestAtom(t *testing.T) {
	site, _ := fixture(t)
	var buf bytes.Buffer
	if err := Atom(&buf, site, testLinks{}, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), xml.Header) {
		t.Error("no XML declaration")
	}
	var feed atomDoc
	if err := xml.Unmarshal(buf.Bytes(), &feed); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, buf.String())
	}
	if feed.Lang != "vi" || feed.ID != "https://example.org/feed.xml" || feed.Title != "Cổng thử" || feed.Updated != "2024-01-15T00:00:00+07:00" {
		t.Errorf("feed %q %q %q %q", feed.Lang, feed.ID, feed.Title, feed.Updated)
	}
	if len(feed.Links) != 2 || feed.Links[0].Rel != "self" || feed.Links[1].Href != "https://example.org/" {
		t.Errorf("links %+v", feed.Links)
	}
	var got []string
	for _, e := range feed.Entries {
		got = append(got, e.Updated[:10]+" "+e.Title)
		if !strings.HasPrefix(e.Link.Href, "https://example.org/mo-hinh/2024/") || e.ID != e.Link.Href {
			t.Errorf("entry %q: link %q, id %q", e.Title, e.Link.Href, e.ID)
		}
	}
	want := []string{
		`2024-01-15 =HYPERLINK("http://x","y")`,
		"2024-01-09 +1",
		"2024-01-08 Chi bộ số — sổ tay đảng viên điện tử",
		"2024-01-02 @SUM(1)",
		"2023-12-21 -1", // no date: the call's date
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	e := feed.Entries[0]
	if e.Author != "Nguyễn Văn An (Đảng ủy xã Ka Đô)" || e.Category.Term != "kinh-te" || !strings.Contains(e.Summary, "Nộp muộn") {
		t.Errorf("first entry %+v", e)
	}
	for _, problem := range atomProblems(buf.Bytes()) {
		t.Error(problem)
	}
}

// An entry is as new as the latest change to its registration: its
// decision, its results report, the last commit to any of their files; the
// feed as its newest entry, whichever comes first. No clock is read: the
// same site gives the same feed.
func TestAtomUpdated(t *testing.T) {
	fsys := fstest.MapFS{}
	add := func(p, fm string) { fsys[p] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n")} }
	add("content/_index.md", "title: Cổng thử")
	add("content/campaigns/2024.md", "title: Đăng ký năm 2024\nyear: 2024\nnumber: 943-CV/HU\nissued: 2023-12-21\ndeadline: 2024-01-10\nissuer: huyen-uy")
	add("content/fields/kinh-te.md", "title: Kinh tế")
	add("content/organisations/huyen-uy.md", "title: Huyện ủy Đơn Dương\nkind: cap-uy")
	add("content/organisations/xa-ka-do.md", "title: Đảng ủy xã Ka Đô\nkind: dang-uy-co-so\nparent: huyen-uy")
	reg := func(slug, date string) {
		add("content/registrations/2024/xa-ka-do/"+slug+".md", "title: Mô hình "+slug+"\norganisation: xa-ka-do\ncampaign: 2024\nfield: kinh-te\ndate: "+date+"\nnovelty: Mới.\nexpected_results: Tốt.")
	}
	reg("a-thong-qua", "2024-01-09")     // approved 2024-01-20, reported on 2024-11-15
	reg("b-chi-thong-qua", "2024-01-08") // approved only
	reg("c-sua-sau", "2024-01-07")       // approved, and its file edited later
	reg("d-chua-duyet", "2024-01-06")    // nothing since
	add("content/decisions/2024/huyen-uy/thong-qua.md", "title: Thông báo\nkind: approval\nissuer: huyen-uy\ncampaign: 2024\nnumber: 120-TB/HU\ndate: 2024-01-20\napproved:\n  - xa-ka-do/a-thong-qua\n  - xa-ka-do/b-chi-thong-qua\n  - xa-ka-do/c-sua-sau")
	add("content/results/2024/xa-ka-do/a-thong-qua.md", "number: 45-BC/ĐU\ndate: 2024-11-15\nachieved: Đạt.")
	site, diags := content.Load(fsys)
	if diags.HasErrors() {
		t.Fatalf("fixture: %v", diags)
	}
	commits := map[string]time.Time{
		// A commit in another time zone, written in Vietnam's.
		"content/registrations/2024/xa-ka-do/c-sua-sau.md": time.Date(2025, 2, 3, 10, 4, 5, 0, time.FixedZone("", 2*60*60)),
		// A commit older than the documents' dates changes nothing.
		"content/registrations/2024/xa-ka-do/d-chua-duyet.md": time.Date(2024, 1, 2, 9, 0, 0, 0, time.UTC),
	}
	lastCommit := func(path string) time.Time { return commits[path] }
	var buf, again bytes.Buffer
	if err := Atom(&buf, site, testLinks{}, lastCommit); err != nil {
		t.Fatal(err)
	}
	if err := Atom(&again, site, testLinks{}, lastCommit); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("the same site gives another feed (%v)", err)
	}
	for _, problem := range atomProblems(buf.Bytes()) {
		t.Error(problem)
	}
	var feed atomDoc
	if err := xml.Unmarshal(buf.Bytes(), &feed); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range feed.Entries {
		got = append(got, e.Title+" "+e.Published+" "+e.Updated)
	}
	want := []string{
		"Mô hình a-thong-qua 2024-01-09T00:00:00+07:00 2024-11-15T00:00:00+07:00",
		"Mô hình b-chi-thong-qua 2024-01-08T00:00:00+07:00 2024-01-20T00:00:00+07:00",
		"Mô hình c-sua-sau 2024-01-07T00:00:00+07:00 2025-02-03T15:04:05+07:00",
		"Mô hình d-chua-duyet 2024-01-06T00:00:00+07:00 2024-01-06T00:00:00+07:00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if feed.Updated != "2025-02-03T15:04:05+07:00" {
		t.Errorf("the feed is updated %s, want its newest entry's, 2025-02-03T15:04:05+07:00", feed.Updated)
	}

	// Without the history, the documents' dates.
	buf.Reset()
	if err := Atom(&buf, site, testLinks{}, nil); err != nil {
		t.Fatal(err)
	}
	feed = atomDoc{}
	if err := xml.Unmarshal(buf.Bytes(), &feed); err != nil {
		t.Fatal(err)
	}
	if feed.Updated != "2024-11-15T00:00:00+07:00" || feed.Entries[2].Updated != "2024-01-20T00:00:00+07:00" {
		t.Errorf("without history: feed %s, third entry %s", feed.Updated, feed.Entries[2].Updated)
	}
}

// atomProblems are the ways a feed breaks the rules of RFC 4287 that a
// feed reader or validator holds it to: ids that are absolute IRIs
// (4.2.6), unique among the entries; dates in RFC 3339 (3.3); an entry
// updated no earlier than published, and the feed no earlier than its
// entries (4.2.15: the most recent change); a title, a link to the entry
// and to the feed itself; an author (4.2.1).
func atomProblems(data []byte) []string {
	var feed struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Author  string `xml:"author>name"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Entries []struct {
			ID        string `xml:"id"`
			Title     string `xml:"title"`
			Updated   string `xml:"updated"`
			Published string `xml:"published"`
			Link      struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		return []string{"not well-formed: " + err.Error()}
	}
	var problems []string
	absolute := func(what, s string) {
		u, err := url.Parse(s)
		if err != nil || !u.IsAbs() || u.Host == "" {
			problems = append(problems, what+" is not an absolute IRI: "+s)
		}
	}
	date := func(what, s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			problems = append(problems, what+" is not an RFC 3339 date: "+s)
		}
		return d
	}
	absolute("the feed's id", feed.ID)
	updated := date("the feed's updated", feed.Updated)
	if feed.Title == "" || feed.Author == "" {
		problems = append(problems, "the feed has no title or no author")
	}
	self := false
	for _, l := range feed.Links {
		absolute("a link of the feed", l.Href)
		self = self || l.Rel == "self" && l.Href == feed.ID
	}
	if !self {
		problems = append(problems, "the feed has no link to itself")
	}
	ids := map[string]bool{}
	var newest time.Time
	for _, e := range feed.Entries {
		absolute("an entry's id", e.ID)
		absolute("an entry's link", e.Link.Href)
		if ids[e.ID] {
			problems = append(problems, "two entries have the id "+e.ID)
		}
		ids[e.ID] = true
		if e.Title == "" {
			problems = append(problems, e.ID+" has no title")
		}
		u := date(e.ID+" updated", e.Updated)
		if u.After(newest) {
			newest = u
		}
		if e.Published != "" {
			if p := date(e.ID+" published", e.Published); u.Before(p) {
				problems = append(problems, e.ID+" is updated before it is published")
			}
		}
	}
	if len(feed.Entries) > 0 && !updated.Equal(newest) {
		problems = append(problems, "the feed's updated "+feed.Updated+" is not its newest entry's")
	}
	return problems
}

func TestSitemap(t *testing.T) {
	var buf bytes.Buffer
	urls := []string{"https://example.org/", "https://example.org/a&b/"}
	if err := Sitemap(&buf, urls); err != nil {
		t.Fatal(err)
	}
	var set struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []string `xml:"url>loc"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &set); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	if strings.Join(set.URLs, " ") != strings.Join(urls, " ") || !strings.Contains(buf.String(), "a&amp;b") {
		t.Errorf("sitemap %q:\n%s", set.URLs, buf.String())
	}
}

// robots.txt lets every robot in and names the sitemap, when there is one.
func TestRobots(t *testing.T) {
	for sitemap, want := range map[string]string{
		"https://example.org/mohinh/sitemap.xml": "User-agent: *\nAllow: /\n\nSitemap: https://example.org/mohinh/sitemap.xml\n",
		"":                                       "User-agent: *\nAllow: /\n",
	} {
		var buf bytes.Buffer
		if err := Robots(&buf, sitemap); err != nil || buf.String() != want {
			t.Errorf("Robots(%q) = %q, %v; want %q", sitemap, buf.String(), err, want)
		}
	}
}

// Markdown keeps the text of a registration as text.
func TestMarkdown(t *testing.T) {
	_, sum := fixture(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, sum, testLinks{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"# Báo cáo tổng hợp đăng ký mô hình mới, cách làm sáng tạo năm 2024\n",
		"Có **5** mô hình của **2** tổ chức: 4 tập thể, 1 cá nhân; 3 đúng hạn, 1 nộp muộn, 1 chưa rõ ngày.",
		"Có **3** tổ chức phải đăng ký: 2 đúng hạn, 0 nộp muộn, 0 chưa rõ ngày, **1 chưa đăng ký**.",
		`[=HYPERLINK("http://x","y") (cá nhân: Nguyễn Văn An)](https://example.org/mo-hinh/2024/xa-ka-do/cong-thuc/)`,
		"Nộp muộn 5 ngày",
		"| 2 | Đảng ủy xã Pró | Đảng ủy cơ sở | Chưa đăng ký |  | 0 |",
		"| **Tổng cộng** | **5** |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	if got := md("a | b *c* <script> [x](y) #1 \\"); got != `a \| b \*c\* \<script\> \[x\](y) \#1 \\` {
		t.Errorf("md = %q", got)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| ") && strings.Count(line, " | ")-strings.Count(line, `\|`) > 9 {
			t.Errorf("a table row has extra cells: %q", line)
		}
	}
}
