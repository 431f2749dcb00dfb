package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/report"
)

// Markdown writes a call's report as Markdown, for the Board to paste into
// its own documents: the summary table, the counts, and the compliance
// table. Text from the registrations is escaped, so that it reads as the
// text it is whatever Markdown it holds.
func Markdown(w io.Writer, s *report.Summary, links Links) error {
	b := bufio.NewWriter(w)
	c, cp := s.Campaign, s.Compliance
	fmt.Fprintf(b, "# %s\n\n", md(s.Title()))
	if s.Level != nil && s.Level != c.Issuer {
		fmt.Fprintf(b, "Báo cáo của **%s** tổng hợp gửi cấp trên: các mô hình của tổ chức, của các tổ chức trực thuộc và đảng viên.\n\n", md(s.Level.Title))
	}
	call := "Công văn số " + c.Number
	if !c.Issued.IsZero() {
		call += ", ngày " + c.Issued.Short()
	}
	if c.Issuer != nil {
		call += " của " + c.Issuer.Title
	}
	fmt.Fprintf(b, "Thực hiện [%s](%s) về việc %s, hạn đăng ký %s.\n\n", md(call), links.Campaign(c), md(lowerFirst(c.Title)), c.Deadline.Short())
	t := s.Total
	fmt.Fprintf(b, "Có **%d** mô hình của **%d** tổ chức: %d tập thể, %d cá nhân; %d đúng hạn, %d nộp muộn, %d chưa rõ ngày.\n\n",
		t.N, len(s.Groups), t.Collective, t.Individual, t.OnTime, t.Late, t.Undated)
	fmt.Fprintf(b, "Có **%d** tổ chức phải đăng ký: %d đúng hạn, %d nộp muộn, %d chưa rõ ngày, **%d chưa đăng ký**.\n",
		len(cp.Entries), cp.OnTime, cp.Late, cp.Undated, cp.Missing)

	fmt.Fprint(b, "\n## Danh sách mô hình đăng ký\n\n")
	fmt.Fprint(b, "| STT | Tổ chức | Tên mô hình | Lĩnh vực | Tính mới | Dự kiến kết quả | Ngày đăng ký | Thời hạn | Trạng thái |\n")
	fmt.Fprint(b, "|---:|---|---|---|---|---|---|---|---|\n")
	for _, row := range s.Rows {
		r := row.R
		title := md(r.Title)
		if r.Individual() {
			title += " (cá nhân: " + md(r.Member) + ")"
		}
		fmt.Fprintf(b, "| %d | %s | [%s](%s) | %s | %s | %s | %s | %s | %s |\n",
			row.N, md(r.Organisation.Title), title, links.Registration(r), md(r.Field.Title),
			md(row.Novelty), md(row.ExpectedResults), r.Date.Short(), timeliness(r), r.Status.Label())
	}

	for _, part := range []struct {
		title, label string
		tallies      []report.Tally
	}{
		{"Theo lĩnh vực", "Lĩnh vực", s.ByField},
		{"Theo loại tổ chức", "Loại tổ chức", s.ByKind},
		{"Tập thể và cá nhân", "Hình thức", s.ByForm},
		{"Theo trạng thái", "Trạng thái", s.ByStatus},
	} {
		fmt.Fprintf(b, "\n## %s\n\n| %s | Số mô hình |\n|---|---:|\n", part.title, part.label)
		for _, t := range part.tallies {
			fmt.Fprintf(b, "| %s | %d |\n", md(t.Label), t.N)
		}
		fmt.Fprintf(b, "| **%s** | **%d** |\n", s.Total.Label, s.Total.N)
	}

	fmt.Fprint(b, "\n## Tình hình đăng ký\n\n")
	fmt.Fprint(b, "| STT | Tổ chức | Loại tổ chức | Tình hình | Ngày đăng ký đầu tiên | Số mô hình |\n|---:|---|---|---|---|---:|\n")
	for _, e := range cp.Entries {
		fmt.Fprintf(b, "| %d | %s | %s | %s | %s | %d |\n", e.N, md(e.Organisation.Title), e.Organisation.Kind.Label(), stateText(e), e.First.Short(), len(e.Registrations))
	}
	if len(cp.Excluded) > 0 {
		var names []string
		for _, o := range cp.Excluded {
			names = append(names, md(o.Title)+" (giải thể "+o.Dissolved.Short()+")")
		}
		fmt.Fprintf(b, "\nKhông tính các tổ chức đã giải thể trước ngày ban hành công văn: %s.\n", strings.Join(names, "; "))
	}
	return b.Flush()
}

// timeliness is "Đúng hạn", "Nộp muộn 5 ngày" or "Chưa rõ ngày".
func timeliness(r *content.Registration) string {
	if r.Timeliness() == content.Late {
		return fmt.Sprintf("%s %d ngày", r.Timeliness().Label(), r.DaysLate())
	}
	return r.Timeliness().Label()
}

// stateText is an expected organisation's state, with the delay when late.
func stateText(e report.Entry) string {
	if e.State == report.Late {
		return fmt.Sprintf("%s %d ngày", e.State.Label(), e.DaysLate)
	}
	return e.State.Label()
}

// mdEscaper escapes what Markdown (CommonMark and GitHub's tables) would
// read as markup; a backslash before ASCII punctuation is always literal.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `&`, `\&`, `~`, `\~`, `#`, `\#`, `!`, `\!`,
)

// md is s as Markdown text on one line.
func md(s string) string {
	return mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}
