package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
)

// Syllables that make up Vietnamese place names (NFC, tone marks as in
// official documents).
var syllables = []string{
	"Phước", "Thạnh", "Đức", "Quảng", "Lạc", "Tân", "Hòa", "Đông", "Tây", "Nam",
	"Bắc", "An", "Bình", "Hưng", "Long", "Thịnh", "Phú", "Mỹ", "Lộc", "Thọ",
	"Xuân", "Hiệp", "Thành", "Trung", "Nghĩa", "Lợi", "Sơn", "Lâm", "Thủy", "Vĩnh",
	"Hải", "Gia", "Kim", "Ninh", "Định", "Hội", "Thuận", "Tiến", "Quang", "Minh",
	"Phong", "Cát", "Hà", "Thái", "Khánh", "Linh", "Thượng", "Hạ", "Tuy", "Châu",
	"Hồng", "Liên", "Diên", "Hoài", "Đại", "Yên", "Lương", "Vân", "Tường", "Trà",
	"Phương", "Tịnh", "Điền", "Hương", "Mai", "Đồng", "Thạch", "Cẩm", "Ngọc", "Bảo",
	"Lập", "Hiếu", "Quý", "Tú", "Dương", "Đạt", "Tài", "Hợp", "Kiên", "Trường",
}

// Place names of the Central Highlands, used once each for a little colour
// (apostrophes included: their slugs drop them).
var highlandPlaces = []string{
	"Ka Đô", "Ka Đơn", "Tu Tra", "Pró", "D'Ran", "Đạ Ròn", "K'Long", "Lơ Mu",
	"Đa Nhim", "Ro Men", "Đạ M'Rông", "Liêng Srônh", "Đạ Tông", "Phi Liêng",
	"Păng Tiêng", "Tà Nung", "Đạ Sar", "Đưng K'Nớ", "Ka Đê", "Lát", "Đạ Chais",
	"Ta Hine", "Ninh Gia", "Ró Men", "Đinh Trang Hòa", "Kon Chênh", "R'Lơm",
}

var surnames = []string{
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ",
	"Hồ", "Ngô", "Dương", "Lý",
}

// Cumulative weights of surnames (roughly their share in Vietnam).
var surnameWeights = []int{38, 49, 58, 65, 70, 74, 78, 80, 82, 84, 86, 88, 89, 90}

var (
	middleMale   = []string{"Văn", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Công", "Văn"}
	middleFemale = []string{"Thị", "Thị", "Thanh", "Minh", "Ngọc", "Thu"}
	givenMale    = []string{"An", "Bình", "Cường", "Dũng", "Hùng", "Long", "Nam", "Quân", "Tuấn", "Hải", "Sơn", "Thắng", "Toàn", "Khoa", "Hiếu", "Phúc", "Trung", "Vinh"}
	givenFemale  = []string{"Hà", "Hạnh", "Lan", "Mai", "Phương", "Thảo", "Trang", "Vy", "Hương", "Hoa", "Nga", "Yến", "Linh", "Thủy", "Ngân", "Hằng"}
)

// personName returns a Vietnamese full name.
func personName(r *rand.Rand) string {
	w := r.IntN(surnameWeights[len(surnameWeights)-1])
	sur := surnames[0]
	for i, c := range surnameWeights {
		if w < c {
			sur = surnames[i]
			break
		}
	}
	if r.IntN(2) == 0 {
		return sur + " " + pick(r, middleMale) + " " + pick(r, givenMale)
	}
	return sur + " " + pick(r, middleFemale) + " " + pick(r, givenFemale)
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// namer hands out place names that are unique across the province (by slug).
type namer struct {
	r        *rand.Rand
	used     map[string]bool
	highland int
}

func newNamer(r *rand.Rand) *namer {
	return &namer{r: r, used: map[string]bool{}}
}

// place returns a new place name: a highland name now and then, otherwise
// two syllables; a numeral suffix is added once combinations run out.
func (n *namer) place() string {
	var cand string
	for try := 0; try < 12; try++ {
		if n.highland < len(highlandPlaces) && n.r.IntN(100) < 6 {
			cand = highlandPlaces[n.highland]
			n.highland++
		} else {
			a, b := pick(n.r, syllables), pick(n.r, syllables)
			if a == b {
				continue
			}
			cand = a + " " + b
		}
		if !n.used[vi.Slug(cand)] {
			n.used[vi.Slug(cand)] = true
			return cand
		}
	}
	if cand == "" {
		cand = syllables[0] + " " + syllables[1]
	}
	for i := 2; ; i++ {
		c := cand + " " + strconv.Itoa(i)
		if !n.used[vi.Slug(c)] {
			n.used[vi.Slug(c)] = true
			return c
		}
	}
}

// ids hands out unique ids, used as file names: vi.Slug of a title cut
// by cutSlug, with -2, -3 appended on a clash.
type ids map[string]bool

func (u ids) take(title string) string {
	base := cutSlug(vi.Slug(title))
	id := base
	for i := 2; u[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	u[id] = true
	return id
}

// cutSlug cuts a slug longer than 80 bytes at a hyphen before its 80th
// byte, dropping the word there even when it ends on that byte. It is the
// generator's own way, not the contract's (content.FileSlug keeps such a
// word): the loader accepts any slug as a file name, as it accepts a name
// a person chose, and keeping the cut keeps the sites generated from a
// seed the same from one version to the next, for benchmarks and for
// comparing builds.
func cutSlug(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	s = s[:max]
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, "-")
}
