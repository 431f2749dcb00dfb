package vi

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// donDuong is the towns and communes of Đơn Dương before 2025, in the order
// a Vietnamese reader expects to find them.
var donDuong = []string{
	"D'Ran", "Đạ Ròn", "Ka Đô", "Ka Đơn", "Lạc Lâm",
	"Lạc Xuân", "Pró", "Quảng Lập", "Thạnh Mỹ", "Tu Tra",
}

func TestSortDonDuong(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		s := slices.Clone(donDuong)
		r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		SortStrings(s)
		if !slices.Equal(s, donDuong) {
			t.Fatalf("SortStrings gave\n%q\nwant\n%q", s, donDuong)
		}
		r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		slices.SortFunc(s, Compare)
		if !slices.Equal(s, donDuong) {
			t.Fatalf("sorting with Compare gave\n%q\nwant\n%q", s, donDuong)
		}
	}
	// Decomposed text, as typed on a Mac, sorts the same.
	s := make([]string, len(donDuong))
	for i, n := range donDuong {
		s[len(s)-1-i] = norm.NFD.String(n)
	}
	SortStrings(s)
	for i := range s {
		if s[i] != norm.NFD.String(donDuong[i]) {
			t.Fatalf("decomposed names sort as %q", s)
		}
	}
}

func TestCompareLess(t *testing.T) {
	// Each pair is in order: Compare(a, b) < 0 and Compare(b, a) > 0.
	for _, p := range [][2]string{
		{"D'Ran", "Đạ Ròn"},
		{"Đạ Ròn", "Ka Đô"},
		{"Ka Đô", "Zô"},
		{"D'Ran", "Zô"},
		{"Đạ Ròn", "Z"},
		{"Đạ Ròn", "Zzz"},
		{"Đạ Ròn", "Ép"},
		{"Đ", "E"},
		{"Dz", "Đa"},
		{"Ðạ Ròn", "Ka Đô"}, // the look-alike U+00D0 sorts as Đ,
		{"Dzzz", "Ðạ Ròn"},  // not as D
		{"Lạc Lâm", "Lạc Xuân"},
		{"Pró", "Quảng Lập"},
		{"Quảng Lập", "Thạnh Mỹ"},
		{"Thạnh Mỹ", "Tu Tra"},
		{"Ka Đô", "Ka Đơn"},
		{"Ka Đô", "Kado"}, // a space sorts before letters
		{"ca", "cha"},
		{"nga", "ngha"},
		{"tu", "tư"},
		{"tư", "tv"},
		{"ka đô", "Ka Đô"}, // case is tertiary, lower first
		{"hoà", "hòa"},     // the tone on the earlier vowel sorts later
		{"uỷ", "ủy"},
		{"thuỷ", "thủy"},
		{"Chi bộ 2", "Chi bộ 10"}, // numbers compare as numbers
		{"", "a"},
	} {
		if c := Compare(p[0], p[1]); c >= 0 {
			t.Errorf("Compare(%q, %q) = %d, want < 0", p[0], p[1], c)
		}
		if c := Compare(p[1], p[0]); c <= 0 {
			t.Errorf("Compare(%q, %q) = %d, want > 0", p[1], p[0], c)
		}
		if c := bytes.Compare(SortKey(p[0]), SortKey(p[1])); c >= 0 {
			t.Errorf("SortKey(%q) >= SortKey(%q)", p[0], p[1])
		}
	}
	for _, s := range []string{"", "a", "Ka Đô", norm.NFD.String("Ka Đô")} {
		if c := Compare(s, s); c != 0 {
			t.Errorf("Compare(%q, %[1]q) = %d, want 0", s, c)
		}
	}
	if c := Compare("Ka Đô", norm.NFD.String("Ka Đô")); c == 0 {
		t.Errorf("Compare(NFC, NFD) = 0, want the byte order to decide")
	}
}

func TestAlphabet(t *testing.T) {
	want := strings.Fields("a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y")
	for _, upper := range []bool{false, true} {
		s := slices.Clone(want)
		if upper {
			for i := range want {
				want[i] = Upper(want[i])
			}
			s = slices.Clone(want)
		}
		slices.Reverse(s)
		SortStrings(s)
		if !slices.Equal(s, want) {
			t.Errorf("alphabet sorts as %v, want %v", s, want)
		}
	}
}

func TestTonesAreSecondary(t *testing.T) {
	for _, v := range vowels {
		for _, fam := range []string{v.lower, v.upper} {
			want := strings.Split(fam, "")
			s := slices.Clone(want)
			slices.Reverse(s)
			SortStrings(s)
			if !slices.Equal(s, want) {
				t.Errorf("tones sort as %v, want %v (none, huyền, hỏi, ngã, sắc, nặng)", s, want)
			}
			// A tone never outweighs a later letter: "ạb" < "ac".
			last := want[len(want)-1]
			if Compare(last+"b", want[0]+"c") >= 0 {
				t.Errorf("Compare(%q, %q) >= 0", last+"b", want[0]+"c")
			}
		}
	}
}

// corpus is a mix of strings on which Compare and SortKey must agree.
func corpus() []string {
	s := []string{"", " ", "a", "A", "'", "-", "0", "9", "\x00", "\xff", "Ð", "ð", "Đ", "đ", "Z", "z"}
	s = append(s, donDuong...)
	for _, n := range donDuong {
		s = append(s, norm.NFD.String(n), Upper(n), Fold(n), Slug(n), strings.ReplaceAll(n, "Đ", "Ð"))
	}
	for _, v := range vowels {
		s = append(s, strings.Split(v.lower+v.upper, "")...)
		s = append(s, "t"+v.lower, "t"+norm.NFD.String(v.lower))
	}
	return append(s, "hòa", "hoà", "ủy", "uỷ", "thủy", "thuỷ", "Dran", "Đ'Ran", "D’Ran", "中文", "a\u0301\u0301")
}

func TestSortKeyAgreesWithCompare(t *testing.T) {
	c := corpus()
	for _, a := range c {
		for _, b := range c {
			want := Compare(a, b)
			if got := bytes.Compare(SortKey(a), SortKey(b)); got != want {
				t.Errorf("%+q vs %+q: keys compare %d, Compare says %d", a, b, got, want)
			}
			if want == 0 && a != b {
				t.Errorf("Compare(%+q, %+q) = 0", a, b)
			}
		}
	}
}

func TestSortBy(t *testing.T) {
	type org struct {
		name string
		id   int
	}
	var s []org
	for i, n := range []string{"Tu Tra", "Ka Đô", "Tu Tra", "D'Ran", "Ka Đô", "Tu Tra", "hoà", "hòa"} {
		s = append(s, org{n, i})
	}
	SortBy(s, func(o org) string { return o.name })
	got := fmt.Sprint(s)
	want := "[{D'Ran 3} {hoà 6} {hòa 7} {Ka Đô 1} {Ka Đô 4} {Tu Tra 0} {Tu Tra 2} {Tu Tra 5}]"
	if got != want {
		t.Errorf("SortBy gave\n%s\nwant (stable)\n%s", got, want)
	}
	SortBy([]org{}, func(o org) string { return o.name })
	one := []org{{"x", 1}}
	SortBy(one, func(o org) string { return o.name })

	c := corpus()
	want2 := slices.Clone(c)
	slices.SortStableFunc(want2, Compare)
	SortStrings(c)
	if !slices.Equal(c, want2) {
		t.Errorf("SortStrings and sorting by Compare disagree:\n%q\n%q", c, want2)
	}
}

func TestCollationConcurrent(t *testing.T) {
	c := corpus()
	want := make([]int, len(c))
	keys := make([]Key, len(c))
	for i := range c {
		want[i] = Compare(c[i], c[(i+1)%len(c)])
		keys[i] = SortKey(c[i])
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for n := range 50 {
				for i := range c {
					j := (i + g + n) % len(c)
					if got := Compare(c[j], c[(j+1)%len(c)]); got != want[j] {
						t.Errorf("Compare(%q, %q) = %d under load, want %d", c[j], c[(j+1)%len(c)], got, want[j])
						return
					}
					if got := SortKey(c[j]); !bytes.Equal(got, keys[j]) {
						t.Errorf("SortKey(%q) changed under load", c[j])
						return
					}
				}
				s := slices.Clone(donDuong)
				slices.Reverse(s)
				SortStrings(s)
				if !slices.Equal(s, donDuong) {
					t.Errorf("SortStrings under load gave %q", s)
					return
				}
			}
		})
	}
	wg.Wait()
}

// Numbers in names sort as numbers: "Tổ dân phố 2" before "Tổ dân phố 10".
func TestCompareNumeric(t *testing.T) {
	names := []string{"Chi bộ thôn 10", "Chi bộ thôn 2", "Chi bộ thôn 1"}
	SortStrings(names)
	want := []string{"Chi bộ thôn 1", "Chi bộ thôn 2", "Chi bộ thôn 10"}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("got %q, want %q", names, want)
		}
	}
}
