package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/vi"
)

// Date is a calendar date without time of day or zone.
type Date struct{ t time.Time }

// ParseDate reads a date written YYYY-MM-DD and rejects dates that do not
// exist (2024-02-30).
func ParseDate(s string) (Date, bool) {
	if len(s) != len("2006-01-02") {
		return Date{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, false
	}
	return Date{t}, true
}

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// DaysAfter returns how many days d is after e (negative when before).
func (d Date) DaysAfter(e Date) int { return int(d.t.Sub(e.t).Hours() / 24) }

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// String returns the date as YYYY-MM-DD, or "" when absent.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Prose returns the date as written in Vietnamese prose:
// "ngày 08 tháng 01 năm 2024".
func (d Date) Prose() string {
	if d.IsZero() {
		return ""
	}
	return vi.DateProse(d.t)
}

// Short returns the date as written in tables: "08/01/2024".
func (d Date) Short() string {
	if d.IsZero() {
		return ""
	}
	return vi.DateShort(d.t)
}

// Today is the current date where the content is written: Vietnam, UTC+7.
func Today() Date {
	now := time.Now().In(time.FixedZone("ICT", 7*60*60))
	d, _ := ParseDate(now.Format(time.DateOnly))
	return d
}

// explainDate says what is wrong with s, a date ParseDate refuses, and how
// to write it. A date written the way people write them — day first as
// Vietnamese does ("05/01/2024", "8-1-2024", "05.01.2024", "ngày 5 tháng 1
// năm 2024"), or year first without zeros ("2024-1-5", "2024/01/05") — is
// read, and the message gives it back as YYYY-MM-DD.
func explainDate(s string) string {
	y, m, d, ok := readLooseDate(s)
	if !ok {
		return fmt.Sprintf("ngày %q không đúng dạng: hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-01-08 là ngày 08 tháng 01 năm 2024", s)
	}
	if m > 12 && d >= 1 && d <= 12 {
		if date, ok := realDate(y, d, m); ok {
			// Day and month swapped: "01/13/2024" as in English.
			return fmt.Sprintf("ngày %q không có thật (không có tháng %d), có lẽ ngày và tháng bị viết đổi chỗ cho nhau: nếu là %s, hãy ghi %s", s, m, date.Prose(), date)
		}
	}
	if m < 1 || m > 12 {
		return fmt.Sprintf("ngày %q không có thật (không có tháng %d): hãy kiểm tra lại, rồi ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-01-08 là ngày 08 tháng 01 năm 2024", s, m)
	}
	date, ok := realDate(y, m, d)
	if !ok {
		days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return fmt.Sprintf("ngày %q không có thật: tháng %02d năm %d chỉ có %d ngày; hãy kiểm tra lại ngày", s, m, y, days)
	}
	return fmt.Sprintf("ngày %q chưa viết theo dạng NĂM-THÁNG-NGÀY: hãy ghi %s (%s)", s, date, date.Prose())
}

// realDate returns the date y-m-d, and whether it exists.
func realDate(y, m, d int) (Date, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return Date{t}, m >= 1 && m <= 12 && t.Day() == d && y >= 1
}

// readLooseDate reads the year, month and day of s written with numbers
// separated by "/", "-", "." or spaces, year first or last (day first when
// last), as eight digits, or in words. ok is false for anything else.
func readLooseDate(s string) (y, m, d int, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 40 {
		return 0, 0, 0, false
	}
	if f := vi.Fold(s); strings.HasPrefix(f, "ngay ") && strings.Contains(f, "thang") && strings.Contains(f, "nam") {
		// "ngày 5 tháng 1 năm 2024"
		f = strings.NewReplacer("ngay", " ", "thang", " ", "nam", " ").Replace(f)
		s = f
	}
	var nums []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' }) {
		if strings.Trim(part, "0123456789") != "" || len(part) > 8 {
			return 0, 0, 0, false
		}
		nums = append(nums, part)
	}
	if len(nums) == 1 && len(nums[0]) == 8 {
		// "20240108", "08012024"
		p := nums[0]
		if p[:2] == "19" || p[:2] == "20" {
			nums = []string{p[:4], p[4:6], p[6:]}
		} else {
			nums = []string{p[:2], p[2:4], p[4:]}
		}
	}
	if len(nums) != 3 {
		return 0, 0, 0, false
	}
	n := make([]int, 3)
	for i, p := range nums {
		n[i], _ = strconv.Atoi(p)
	}
	switch {
	case len(nums[0]) == 4 && len(nums[1]) <= 2 && len(nums[2]) <= 2:
		return n[0], n[1], n[2], true
	case len(nums[2]) == 4 && len(nums[0]) <= 2 && len(nums[1]) <= 2:
		return n[2], n[1], n[0], true
	}
	return 0, 0, 0, false
}
