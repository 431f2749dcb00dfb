package wordimport

import (
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// File returns r as a registration file: every key of the contract
// (content.RegistrationKeys) in its order, the values written as the
// loader reads them (content.YAMLScalar), the two long texts as folded
// blocks, and a comment on each key left empty saying what to write
// there. The body is what the document says beyond the form's items.
func (r *Registration) File() []byte {
	missing := map[string]string{}
	for _, m := range r.Missing {
		missing[m.Key] = m.Message
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("# Nhập từ " + oneLine(r.Source) + "; hướng dẫn: docs/huong-dan-dang-ky.md\n")
	for _, k := range content.RegistrationKeys() {
		value := ""
		switch k.Name {
		case "title":
			value = r.Title
		case "organisation":
			value = r.Organisation
		case "campaign":
			if r.Year != 0 {
				b.WriteString("campaign: " + itoa(r.Year) + "\n")
				continue
			}
		case "field":
			value = r.FieldID
		case "member":
			value = r.Member
		case "number":
			value = r.Number
		case "date":
			if _, ok := content.ParseDate(r.Date); ok {
				b.WriteString("date: " + r.Date + "\n")
				continue
			}
		case "signer":
			value = r.Signer
		case "signer_title":
			value = r.SignerTitle
		case "novelty":
			value = r.Novelty
		case "expected_results":
			value = r.Expected
		case "status":
			value = string(content.Registered)
		}
		switch {
		case value != "" && (k.Name == "novelty" || k.Name == "expected_results"):
			b.WriteString(k.Name + ": >\n")
			for i, p := range strings.Split(strings.TrimSpace(value), "\n\n") {
				if i > 0 {
					b.WriteString("\n")
				}
				b.WriteString("  " + oneLine(p) + "\n")
			}
		case value != "":
			b.WriteString(k.Name + ": " + content.YAMLScalar(value) + "\n")
		case missing[k.Name] != "":
			b.WriteString(k.Name + ": \"\"  # CẦN ĐIỀN: " + oneLine(missing[k.Name]) + "\n")
		default:
			b.WriteString(k.Name + ": \"\"\n")
		}
	}
	b.WriteString("---\n")
	if body := strings.TrimSpace(r.Body); body != "" {
		b.WriteString("\n" + body + "\n")
	}
	return []byte(b.String())
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func itoa(n int) string { return strconv.Itoa(n) }
