package render

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
)

// printView is a registration laid out as the official Party document
// (Hướng dẫn 36-HD/VPTW): header, number, place and date, subject, Kính gửi,
// the four items of the form, Nơi nhận and the signature block. Every text
// is computed here; the template only places it.
type printView struct {
	R          *content.Registration
	Superior   string   // top left, upper case: the Đảng bộ above the issuer
	Issuer     string   // under it, upper case, bold
	Number     string   // "Số 12-CV/ĐU"; empty for an individual's letter without one
	PlaceDate  string   // "Ka Đô, ngày 08 tháng 01 năm 2024"
	Subject    string   // "Đăng ký mô hình mới, cách làm sáng tạo năm 2024"
	Recipients []string // Kính gửi, punctuated: "- A," … "- B."
	Intro      string   // the opening sentence
	OnBehalf   string   // "T/M ĐẢNG ỦY", may be empty
	SignerRole string   // "BÍ THƯ"
	Signer     string
	Copies     []string // Nơi nhận
}

func (b *viewBuilder) print(r *content.Registration) printView {
	o, c := r.Organisation, r.Campaign
	v := printView{
		R:          r,
		Subject:    c.Title,
		Recipients: punctuate(r.Recipients()),
		SignerRole: upper(r.SignerTitle),
		Signer:     r.Signer,
		Copies:     []string{"Như trên,", o.FileCopy()},
	}
	superior, issuer := o.DocumentHeading()
	v.Superior, v.Issuer = upper(superior), upper(issuer)
	switch {
	case r.Number != "":
		v.Number = "Số " + r.Number
	case !r.Individual(): // leave room to write the number by hand
		v.Number = "Số       -CV/……"
	}
	date := "ngày      tháng      năm " + itoa(c.Year)
	if !r.Date.IsZero() {
		date = r.Date.Prose()
	}
	place := o.Place
	if place == "" {
		place = "……"
	}
	v.PlaceDate = place + ", " + date

	call := "Công văn số " + c.Number
	if !c.Issued.IsZero() {
		call += ", ngày " + c.Issued.Short()
	}
	if c.Issuer != nil {
		call += " của " + c.Issuer.Title
	}
	subject := lowerFirst(c.Title)
	// The form cites the call's bases first, then the call.
	if len(c.Bases) > 0 {
		bases := make([]string, len(c.Bases))
		for i, b := range c.Bases {
			bases[i] = strings.TrimRight(b, " ;,.")
		}
		call = strings.Join(bases, "; ") + "; " + call
	}
	if r.Individual() {
		v.Intro = "Thực hiện " + call + " về việc " + subject + ", đồng chí " + r.Member + ", đảng viên " + o.Title + ", đăng ký mô hình mới, cách làm sáng tạo năm " + itoa(c.Year) + " như sau:"
		v.OnBehalf = "NGƯỜI ĐĂNG KÝ"
		v.SignerRole = ""
		if v.Signer == "" {
			v.Signer = r.Member
		}
	} else {
		v.Intro = "Thực hiện " + call + " về việc " + subject + ", " + o.Title + " đăng ký mô hình mới, cách làm sáng tạo năm " + itoa(c.Year) + " như sau:"
		v.OnBehalf = onBehalf(o.Kind)
	}
	return v
}

// onBehalf is the "T/M" line of a collective signature: a committee signs
// on behalf of its collective body.
func onBehalf(k content.Kind) string {
	switch k {
	case content.CapUy:
		return "T/M BAN THƯỜNG VỤ"
	case content.DangUyCoSo:
		return "T/M ĐẢNG ỦY"
	case content.ChiBoCoSo, content.ChiBoTrucThuoc:
		return "T/M CHI BỘ"
	}
	return "" // an advisory body's head signs in their own title
}

func itoa(n int) string { return strconv.Itoa(n) }

// lowerFirst lowers the first letter, to use a title inside a sentence.
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[size:]
}

// punctuate ends every line of a list with a comma and the last with a
// full stop, each after a dash, as the lines of Kính gửi are written; a
// single recipient has no dash (Hướng dẫn 36-HD/VPTW).
func punctuate(lines []string) []string {
	if len(lines) == 1 { // one recipient: on the line of "Kính gửi:", without a dash
		return []string{strings.TrimRight(lines[0], ",.;") + "."}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		l = strings.TrimRight(l, ",.;")
		if i == len(lines)-1 {
			out[i] = "- " + l + "."
		} else {
			out[i] = "- " + l + ","
		}
	}
	return out
}
