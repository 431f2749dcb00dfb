package content

import (
	"github.com/mohinh/mohinh/internal/diag"
)

// validateRegistrations checks the rules of each linked registration that
// need its call or other registrations: dates, and titles that repeat
// another organisation's or year's. It runs on every rebuild of serve, so
// what needs only the file itself is checked once, when it is read
// (checkRegistrationFile).
func validateRegistrations(site *Site, opts Options, diags *diag.List) {
	today := opts.Today
	for _, r := range site.Registrations {
		c := r.Campaign
		if !r.Date.IsZero() {
			line, col := r.At("date")
			switch {
			case r.Date.After(today):
				diags.Errorf(r.Path, line, col, "date-in-future", "ngày ký %s là ngày trong tương lai: hãy ghi đúng ngày đã ký văn bản", r.Date.Short())
			case !c.Issued.IsZero() && r.Date.Before(c.Issued):
				diags.Errorf(r.Path, line, col, "date-before-call", "ngày ký %s trước ngày ban hành Công văn số %s (%s): hãy kiểm tra lại ngày ký", r.Date.Short(), c.Number, c.Issued.Short())
			case r.Timeliness() == Late:
				diags.Warnf(r.Path, line, col, "late", "nộp muộn %d ngày: hạn đăng ký của đợt %d là %s", r.DaysLate(), c.Year, c.Deadline.Short())
			}
		}
	}
	checkLifetimes(site, diags)
	for _, d := range site.Decisions {
		if d.Date.After(today) {
			line, col := d.At("date")
			diags.Errorf(d.Path, line, col, "date-in-future", "ngày ký %s là ngày trong tương lai: hãy ghi đúng ngày đã ký văn bản", d.Date.Short())
		}
	}
	warnSimilarTitles(site, opts.IsNew, diags)
}

// checkRegistrationFile checks what needs only the registration itself:
// the form of the document number, required texts too short to say
// anything.
func checkRegistrationFile(r *Registration, diags *diag.List) {
	if r.Number != "" && !numberPattern.MatchString(r.Number) {
		line, col := r.At("number")
		diags.Errorf(r.Path, line, col, "bad-number", "số văn bản %q không đúng dạng: hãy viết <số>-<loại văn bản>/<ký hiệu cơ quan>, không có dấu cách, ví dụ 12-CV/ĐU", r.Number)
	}
	for _, k := range registrationContract {
		if !k.Words {
			continue
		}
		if n := wordCount(r.wordsText(k.Name)); n > 0 && n < MinWords {
			line, col := r.At(k.Name)
			diags.Warnf(r.Path, line, col, "text-too-short", "nội dung của khóa %q chỉ có %d từ: hãy viết cụ thể hơn để người đọc hiểu được mô hình", k.Name, n)
		}
	}
}
