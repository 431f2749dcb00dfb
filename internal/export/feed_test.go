package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
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
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
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
	if err := Atom(&buf, site, testLinks{}); err != nil {
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
