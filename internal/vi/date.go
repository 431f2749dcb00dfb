package vi

import (
	"strconv"
	"time"
)

// DateProse formats the date of t for running text and for the place-and-date
// line of a document, day and month padded to two digits as Hướng dẫn
// 36-HD/VPTW asks: "ngày 08 tháng 01 năm 2024".
func DateProse(t time.Time) string {
	y, m, d := t.Date()
	var buf [32]byte
	b := buf[:0]
	b = append(b, "ngày "...)
	b = append2(b, d)
	b = append(b, " tháng "...)
	b = append2(b, int(m))
	b = append(b, " năm "...)
	return string(appendYear(b, y))
}

// DateShort formats the date of t for tables: "08/01/2024".
func DateShort(t time.Time) string {
	y, m, d := t.Date()
	var buf [16]byte
	b := buf[:0]
	b = append2(b, d)
	b = append(b, '/')
	b = append2(b, int(m))
	b = append(b, '/')
	return string(appendYear(b, y))
}

// append2 appends n, which is below 100, as two digits.
func append2(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

// appendYear appends y with at least four digits, as time.Format's "2006" does.
func appendYear(b []byte, y int) []byte {
	for d := 1000; y >= 0 && y < d && d > 1; d /= 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(y), 10)
}
