package newreg

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/vi"
)

// ErrNoAnswer is returned when the input ends before a question is answered.
var ErrNoAnswer = errors.New("dừng giữa chừng khi chưa trả lời hết các câu hỏi")

// Asker asks a person for what a Draft lacks, one line per answer, and asks
// again, saying why, until the answer can be used. Lists are numbered; an
// item is picked by its number, its id or, for organisations and fields, a
// part of its name.
type Asker struct {
	in  *bufio.Reader
	out io.Writer
}

// NewAsker asks on out and reads answers from in.
func NewAsker(in io.Reader, out io.Writer) *Asker {
	return &Asker{in: bufio.NewReader(in), out: out}
}

// answer prints prompt and reads one line, trimmed and in NFC.
func (a *Asker) answer(prompt string) (string, error) {
	fmt.Fprint(a.out, prompt)
	line, err := a.in.ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		fmt.Fprintln(a.out)
		return "", ErrNoAnswer
	}
	return vi.NFC(strings.TrimSpace(line)), nil
}

// choose lists items numbered from 1 under heading and returns the one the
// person picks: by number, by pick for any other answer (an id), or def
// (an index) on an empty answer when def >= 0.
func choose[T any](a *Asker, heading string, items []T, show func(T) string, def int, prompt string, pick func(string) (T, error)) (T, error) {
	fmt.Fprintln(a.out, heading)
	width := len(strconv.Itoa(len(items)))
	for i, it := range items {
		fmt.Fprintf(a.out, "  %*d. %s\n", width, i+1, show(it))
	}
	for {
		s, err := a.answer(prompt)
		if err != nil {
			var zero T
			return zero, err
		}
		if s == "" && def >= 0 {
			return items[def], nil
		}
		if s == "" {
			fmt.Fprintln(a.out, "Chưa chọn: hãy gõ một số thứ tự trong danh sách rồi nhấn Enter.")
			continue
		}
		n, notNumber := strconv.Atoi(s)
		if notNumber == nil && n >= 1 && n <= len(items) {
			return items[n-1], nil
		}
		it, err := pick(s) // an id may be a number too: a year
		switch {
		case err == nil:
			return it, nil
		case notNumber == nil:
			fmt.Fprintf(a.out, "Số %d không có trong danh sách: hãy chọn từ 1 đến %d.\n", n, len(items))
		default:
			fmt.Fprintln(a.out, sentence(err.Error()))
		}
	}
}

// Campaign asks for the call; the newest is the default. The only call
// is taken without asking.
func (a *Asker) Campaign(site *content.Site) (*content.Campaign, error) {
	show := func(c *content.Campaign) string {
		s := strconv.Itoa(c.Year) + " — " + oneLine(c.Title)
		if c.Number != "" && !c.Deadline.IsZero() {
			s += " (Công văn số " + oneLine(c.Number) + ", hạn " + c.Deadline.Short() + ")"
		}
		return s
	}
	if len(site.Campaigns) == 1 {
		fmt.Fprintln(a.out, "Đợt đăng ký: "+show(site.Campaigns[0]))
		return site.Campaigns[0], nil
	}
	prompt := fmt.Sprintf("Gõ số thứ tự hoặc năm [nhấn Enter để chọn %d]: ", site.Campaigns[0].Year)
	return choose(a, "Đợt đăng ký:", site.Campaigns, show, 0, prompt, func(s string) (*content.Campaign, error) {
		return FindCampaign(site, s)
	})
}

// Organisation asks for the organisation among those that may answer c,
// shown as the tree, each with its kind. Besides a number or an id, a part
// of the name picks the one organisation whose name contains it.
func (a *Asker) Organisation(site *content.Site, c *content.Campaign) (*content.Organisation, error) {
	orgs := Organisations(site, c)
	if len(orgs) == 0 {
		return nil, fmt.Errorf("không có tổ chức nào có thể đăng ký trong đợt %d", c.Year)
	}
	show := func(o *content.Organisation) string {
		return strings.Repeat("  ", o.Depth) + oneLine(o.Title) + " — " + o.Kind.Label() + " (" + o.ID + ")"
	}
	heading := "Tổ chức đăng ký (bản đăng ký cá nhân: chi bộ nơi đảng viên sinh hoạt):"
	return choose(a, heading, orgs, show, -1, "Gõ số thứ tự, mã hoặc một phần tên tổ chức: ", func(s string) (*content.Organisation, error) {
		if o, ok := site.OrganisationByID[s]; ok {
			return o, CheckMayRegister(o, c)
		}
		if o, err := byName(a, orgs, s, func(o *content.Organisation) (string, string) { return o.Title, o.ID }); o != nil || err != nil {
			return o, err
		}
		return FindOrganisation(site, s)
	})
}

// Field asks for the field, in the site's order of fields.
func (a *Asker) Field(site *content.Site) (*content.Field, error) {
	show := func(f *content.Field) string { return oneLine(f.Title) + " (" + f.ID + ")" }
	return choose(a, "Lĩnh vực:", site.Fields, show, -1, "Gõ số thứ tự, mã hoặc một phần tên lĩnh vực: ", func(s string) (*content.Field, error) {
		if f, ok := site.FieldByID[s]; ok {
			return f, nil
		}
		if f, err := byName(a, site.Fields, s, func(f *content.Field) (string, string) { return f.Title, f.ID }); f != nil || err != nil {
			return f, err
		}
		return FindField(site, s)
	})
}

// byName picks from items, as listed, the one whose name contains s, tone
// marks and case aside, and says which it took. With several, the error
// lists them with their numbers; with none, the zero T and no error.
func byName[T comparable](a *Asker, items []T, s string, names func(T) (name, id string)) (T, error) {
	var zero T
	key := vi.Fold(s)
	var found []int
	for i, it := range items {
		if name, _ := names(it); strings.Contains(vi.Fold(name), key) {
			found = append(found, i)
		}
	}
	switch {
	case len(found) == 1:
		name, id := names(items[found[0]])
		fmt.Fprintf(a.out, "→ %s (%s)\n", oneLine(name), id)
		return items[found[0]], nil
	case len(found) > 1:
		var b strings.Builder
		fmt.Fprintf(&b, "tìm thấy %d mục có tên chứa %q: ", len(found), s)
		for j, i := range found {
			if j > 0 {
				b.WriteString("; ")
			}
			name, _ := names(items[i])
			fmt.Fprintf(&b, "%d. %s", i+1, oneLine(name))
		}
		b.WriteString(" — hãy gõ số thứ tự của mục cần chọn")
		return zero, errors.New(b.String())
	}
	return zero, nil
}

// Title asks for the model's name until CheckTitle and then usable accept
// it; usable says why a title cannot be taken (its file exists…).
func (a *Asker) Title(usable func(title string) error) (string, error) {
	for {
		s, err := a.answer("Tên mô hình: ")
		if err != nil {
			return "", err
		}
		title := CleanText(s)
		if err := CheckTitle(title); err != nil {
			fmt.Fprintln(a.out, capitalise(err.Error())+": hãy gõ tên rồi nhấn Enter.")
			continue
		}
		if err := usable(title); err != nil {
			fmt.Fprintln(a.out, sentence(err.Error()))
			continue
		}
		return title, nil
	}
}

// Member asks whether the registration is an individual's and returns the
// member's name, or "" for a collective registration.
func (a *Asker) Member() (string, error) {
	for {
		s, err := a.answer("Nếu là bản đăng ký cá nhân, gõ họ tên đảng viên; nếu là bản của tập thể, để trống rồi nhấn Enter: ")
		if err != nil {
			return "", err
		}
		name := CleanText(s)
		if err := CheckText("họ tên đảng viên", name); err != nil {
			fmt.Fprintln(a.out, capitalise(err.Error())+": hãy gõ lại rồi nhấn Enter.")
			continue
		}
		return name, nil
	}
}

// sentence writes an error message as a sentence: a capital letter first,
// a full stop at the end unless it ends with a question mark.
func sentence(s string) string {
	s = capitalise(s)
	if !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	for _, r := range s {
		return vi.Upper(string(r)) + s[len(string(r)):]
	}
	return s
}
