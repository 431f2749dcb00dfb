package content

import (
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
