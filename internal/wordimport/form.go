package wordimport

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"

	"github.com/mohinh/mohinh/internal/vi"
)

// Letter is what a registration written on the call's form says: the
// heading, the models it registers and the signature.
type Letter struct {
	Superior string // the organisation above the issuer, first line of the heading
	Issuer   string // the issuing organisation, as the heading writes it
	Number   string // "12-CV/ĐU", without "Số"
	Place    string
	Date     string // YYYY-MM-DD, "" when the letter has none that can be read
	Models   []Model
	Signer   string
	Title    string // the signer's title: "Bí thư"
	// Member is the party member who registers in their own name: the
	// letter is signed "NGƯỜI ĐĂNG KÝ", or opens "…, đồng chí <name>,
	// đảng viên …". Empty for an organisation's letter.
	Member string
}

// Model is one model a letter registers. Its texts are paragraphs joined
// by blank lines; Body is Markdown.
type Model struct {
	Title, Field, Novelty, Expected string
	Body                            string
}

// item labels of the form, folded (vi.Fold), and what they fill.
const (
	itemTitle = iota + 1
	itemField
	itemNovelty
	itemExpected
	itemBody // a further item, kept in the body under its own heading
	itemEnd  // Nơi nhận: the items are over
)

var itemLabels = []struct {
	fold string
	item int
}{
	{"ten mo hinh", itemTitle},
	{"ten cach lam", itemTitle},
	{"linh vuc", itemField},
	{"tinh moi", itemNovelty},
	{"du kien ket qua", itemExpected},
	{"ket qua du kien", itemExpected},
	{"noi nhan", itemEnd},
	// Further items some organisations add: kept in the body.
	{"noi dung", itemBody},
	{"cach thuc", itemBody},
	{"cach lam", itemBody},
	{"lo trinh", itemBody},
	{"giai phap", itemBody},
	{"to chuc thuc hien", itemBody},
	{"kinh phi", itemBody},
	{"thoi gian thuc hien", itemBody},
	{"pham vi", itemBody},
	{"doi tuong", itemBody},
	{"muc tieu", itemBody},
	{"muc dich", itemBody},
	{"su can thiet", itemBody},
	{"thuc trang", itemBody},
}

var (
	numberRe = regexp.MustCompile(`^(?i)số\s*:?\s*(\S.*)$`)
	dateRe   = regexp.MustCompile(`(?i)ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})`)
	// numbering typed by hand before an item: "1.", "2)", "a)", "-", "+", "I."
	memberRe    = regexp.MustCompile(`(?i)đồng chí\s+([^,]+?)\s*,\s*đảng viên`)
	numberingRe = regexp.MustCompile(`^\s*(?:(?:\d{1,2}|[a-zđ]|[IVX]{1,4})\s*[.)/]|[-–+•*])\s*`)
)

// ParseLetter reads the lines of a letter written on the call's form
// (ReadDocx).
func ParseLetter(paragraphs []string) Letter {
	var lines []string
	for _, p := range paragraphs {
		for _, l := range strings.FieldsFunc(p, func(r rune) bool { return r == '\n' || r == '\t' || r == '\v' }) {
			if l = clean(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	var lt Letter
	i := 0
	// The heading: up to "Kính gửi", or the first item when there is none.
	headings := 0
	for ; i < len(lines); i++ {
		l := lines[i]
		f := vi.Fold(l)
		if strings.HasPrefix(f, "kinh gui") || labelOf(l) != 0 {
			break
		}
		if m := numberRe.FindStringSubmatch(l); m != nil && lt.Number == "" && strings.ContainsAny(m[1], "-/") {
			lt.Number = cleanNumber(m[1])
			continue
		}
		if m := dateRe.FindStringSubmatch(l); m != nil && lt.Date == "" {
			lt.Date = isoDate(m[3], m[2], m[1])
			if place, _, ok := strings.Cut(l, ","); ok && !strings.ContainsAny(place, ".…") {
				lt.Place = strings.TrimSpace(place)
			}
			continue
		}
		if f == "dang cong san viet nam" || strings.HasPrefix(f, "doc lap") || !isHeading(l) {
			continue
		}
		switch headings {
		case 0:
			lt.Superior = l
		case 1:
			lt.Issuer = l
		}
		headings++
	}
	// The opening, up to the first item: who registers, when a member does.
	for ; i < len(lines) && labelOf(lines[i]) == 0; i++ {
		if m := memberRe.FindStringSubmatch(lines[i]); m != nil && lt.Member == "" {
			lt.Member = strings.TrimSpace(m[1])
		}
	}
	// The items.
	var (
		cur     *Model
		item    int
		text    []string
		heading string
	)
	finish := func() {
		if cur == nil {
			text, heading = nil, ""
			return
		}
		t := strings.Join(text, "\n\n")
		switch item {
		case itemTitle:
			cur.Title = strings.Join(text, " ")
		case itemField:
			cur.Field = strings.Join(text, " ")
		case itemNovelty:
			cur.Novelty = t
		case itemExpected:
			cur.Expected = t
		case itemBody:
			if cur.Body != "" {
				cur.Body += "\n\n"
			}
			cur.Body += "## " + heading
			if t != "" {
				cur.Body += "\n\n" + t
			}
		}
		text, heading = nil, ""
	}
	for ; i < len(lines); i++ {
		l := lines[i]
		label := labelOf(l)
		if label == itemEnd {
			break
		}
		if label == 0 {
			text = append(text, l)
			continue
		}
		finish()
		item = label
		name, value := splitLabel(l)
		if label == itemTitle {
			lt.Models = append(lt.Models, Model{})
			cur = &lt.Models[len(lt.Models)-1]
		}
		heading = name
		if value != "" {
			text = append(text, value)
		}
	}
	finish()
	// The signature block: after "Nơi nhận", the lines that are not
	// recipients ("- Như trên,"): "T/M …", the title, then the name.
	var sig []string
	for i++; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+") || strings.HasPrefix(vi.Fold(l), "luu") {
			continue
		}
		sig = append(sig, l)
	}
	for _, l := range sig {
		f := vi.Fold(l)
		switch {
		case strings.HasPrefix(f, "t/m") || strings.HasPrefix(f, "tm.") || strings.HasPrefix(f, "tm ") ||
			strings.HasPrefix(f, "kt.") || strings.HasPrefix(f, "kt ") || strings.HasPrefix(f, "("):
		case isHeading(l) && lt.Title == "":
			lt.Title = titleCase(l)
		case isHeading(l):
			lt.Signer = nameCase(l)
		default:
			lt.Signer = l
		}
	}
	// A member signs as "NGƯỜI ĐĂNG KÝ", which is not a title of the
	// contract's: the registration is theirs, signed as "Đảng viên".
	if vi.Fold(lt.Title) == "nguoi dang ky" {
		if lt.Member == "" {
			lt.Member = lt.Signer
		}
		lt.Title = ""
	}
	return lt
}

// labelOf tells the item a line starts, 0 for none. A label is followed
// by a colon ("Tên mô hình: …"), possibly after numbering ("1. Tên mô
// hình").
func labelOf(l string) int {
	name, _ := splitLabel(l)
	f := vi.Fold(name)
	for _, lb := range itemLabels {
		if f == lb.fold || strings.HasPrefix(f, lb.fold+" ") {
			// A long name is a sentence that happens to start like a label.
			if utf8.RuneCountInString(name) > 60 {
				return 0
			}
			// Without a colon, only the label alone on its line
			// ("1. Tên mô hình") starts an item.
			if !strings.Contains(l, ":") && f != lb.fold {
				return 0
			}
			return lb.item
		}
	}
	return 0
}

// splitLabel returns the label of an item line, without numbering, and
// the text after its colon.
func splitLabel(l string) (name, value string) {
	l = numberingRe.ReplaceAllString(l, "")
	name, value, ok := strings.Cut(l, ":")
	if !ok {
		// "1. Tên mô hình" with the name on the next line
		return strings.TrimSpace(l), ""
	}
	return strings.TrimSpace(name), strings.TrimSpace(value)
}

// isHeading reports whether l is written in capitals, as the heading and
// the signer's title are.
func isHeading(l string) bool {
	letters := 0
	for _, r := range l {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// titleNames are the words of a signer's title written with capitals in
// the middle of the title: "Phó Bí thư", "Chánh Văn phòng".
var titleNames = []string{"Bí thư", "Văn phòng", "Ủy ban Kiểm tra", "Ban Thường vụ", "Thường trực"}

// titleCase writes a title in capitals as the registrations do: "PHÓ BÍ
// THƯ" is "Phó Bí thư", "CHÁNH VĂN PHÒNG" "Chánh Văn phòng".
func titleCase(s string) string {
	s = strings.ToLower(s)
	for _, name := range titleNames {
		s = strings.ReplaceAll(s, strings.ToLower(name), name)
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// nameCase writes a name typed in capitals as names are written:
// "NGUYỄN VĂN AN" is "Nguyễn Văn An".
func nameCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// clean makes one line of text: spaces collapsed, NFC, without the
// characters the loader refuses (content.RefusedRune) nor the invisible
// ones office programs leave (zero-width space, byte order mark, soft
// hyphen).
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0':
			return ' '
		case '\u200b', '\ufeff', '\u00ad':
			return -1
		}
		if _, refused := content.RefusedRune(string(r)); refused && r != '\t' && r != '\n' {
			return ' '
		}
		return r
	}, s)
	return vi.NFC(strings.Join(strings.Fields(s), " "))
}

// cleanNumber is a document number as the contract writes it: "12-CV/ĐU".
func cleanNumber(s string) string {
	s = strings.Join(strings.Fields(s), "")
	return strings.Trim(s, ".,;:")
}

func isoDate(y, m, d string) string {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if yy < 1900 || mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return ""
	}
	return strconv.Itoa(yy) + "-" + pad2(mm) + "-" + pad2(dd)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
