package vi

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// titles returns 10,000 registration titles made from the words of real
// ones, the same on every run.
var titles = sync.OnceValue(func() []string {
	words := strings.Fields(`Chi bộ 4 tốt Đảng viên đỡ đầu hộ dân số sổ tay điện tử
		gửi tài liệu họp qua Zalo Mỗi tháng một gương điển hình Hũ gạo thiện tâm hiến đất làm
		đường nông thôn mới rau hoa công nghệ cao nhà kính tưới nhỏ giọt VietGAP bò sữa làng nghề
		Chu Ru khu dân cư kiểu mẫu Đảng ủy xã Ka Đô Ka Đơn Lạc Lâm Lạc Xuân Pró Quảng Lập Tu Tra
		Đạ Ròn thị trấn Thạnh Mỹ D'Ran Huyện ủy Đơn Dương Ban Tuyên giáo Ủy ban Kiểm tra Dân vận
		hòa hoà thủy thuỷ năm 2024 sinh hoạt chuyên đề “dân vận khéo”`)
	r := rand.New(rand.NewPCG(36, 2018))
	t := make([]string, 10000)
	for i := range t {
		n := 4 + r.IntN(10)
		parts := make([]string, n)
		for j := range parts {
			parts[j] = words[r.IntN(len(words))]
		}
		t[i] = strings.Join(parts, " ")
	}
	return t
})

// sink keeps results on the heap, as a caller's would be.
var sink string

func BenchmarkFold(b *testing.B) {
	t := titles()
	i := 0
	for b.Loop() {
		sink = Fold(t[i%len(t)])
		i++
	}
}

func BenchmarkFoldASCII(b *testing.B) {
	for b.Loop() {
		sink = Fold("chi bo 4 tot dang vien do dau ho dan")
	}
}

func BenchmarkSlug(b *testing.B) {
	t := titles()
	i := 0
	for b.Loop() {
		sink = Slug(t[i%len(t)])
		i++
	}
}

func BenchmarkSortKey(b *testing.B) {
	t := titles()
	i := 0
	for b.Loop() {
		SortKey(t[i%len(t)])
		i++
	}
}

func BenchmarkCompare(b *testing.B) {
	t := titles()
	i := 0
	for b.Loop() {
		Compare(t[i%len(t)], t[(i+1)%len(t)])
		i++
	}
}

// BenchmarkSortBy sorts all 10,000 titles once per iteration.
func BenchmarkSortBy(b *testing.B) {
	type reg struct {
		title string
		n     int
	}
	t := titles()
	regs := make([]reg, len(t))
	for b.Loop() {
		for i, s := range t {
			regs[i] = reg{s, i}
		}
		SortBy(regs, func(r reg) string { return r.title })
	}
}

// BenchmarkSortByCompare is what SortBy saves: sorting with Compare in the
// comparator recomputes collation elements on every comparison.
func BenchmarkSortByCompare(b *testing.B) {
	t := titles()
	s := make([]string, len(t))
	for b.Loop() {
		copy(s, t)
		slices.SortStableFunc(s, Compare)
	}
}

// BenchmarkLegacyEncoding looks at the text of every file: most words are
// Vietnamese, a fifth of them hold a Latin-1 letter and are read as
// syllables.
func BenchmarkLegacyEncoding(b *testing.B) {
	text := strings.Join(titles()[:100], "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if enc, _ := LegacyEncoding(text); enc != NoLegacy {
			b.Fatal(enc)
		}
	}
}
