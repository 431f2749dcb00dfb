package corpus

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Organisation kinds (docs/content-format.md).
const (
	KindCapUy           = "cap-uy"
	KindCoQuanThamMuu   = "co-quan-tham-muu"
	KindDangUyCoSo      = "dang-uy-co-so"
	KindChiBoCoSo       = "chi-bo-co-so"
	KindChiBoTrucThuoc  = "chi-bo-truc-thuoc"
	registrationsPerOrg = 7
)

// Kinds lists the organisation kinds from the top of the tree down.
var Kinds = []string{KindCapUy, KindCoQuanThamMuu, KindDangUyCoSo, KindChiBoCoSo, KindChiBoTrucThuoc}

type org struct {
	idx, parent     int
	id, title, kind string
	partyName       string // written only when set
	place           string // written only when set
	locus           string // how titles and prose name it: "thôn Phước Lạc"
	numSuffix       string // "ĐU" in "12-CV/ĐU"
	headTitle       string // "Bí thư"
	deputyTitle     string // "Phó Bí thư"
	secretary       string
	deputy          string
	members         int
	depth           int
	weight          float64 // share of registrations
	dissolved       time.Time
	successor       int
	mergedFrom      []int
	children        []int
	counter         int // last document number used
}

// advisory bodies of a committee: name, abbreviation, head, deputy.
var advisoryBodies = [][4]string{
	{"Ban Tổ chức", "BTC", "Trưởng ban", "Phó Trưởng ban"},
	{"Ủy ban Kiểm tra", "UBKT", "Chủ nhiệm", "Phó Chủ nhiệm"},
	{"Ban Tuyên giáo", "BTG", "Trưởng ban", "Phó Trưởng ban"},
	{"Văn phòng", "VP", "Chánh Văn phòng", "Phó Chánh Văn phòng"},
	{"Ban Dân vận", "BDV", "Trưởng ban", "Phó Trưởng ban"},
}

var districtAgencies = []string{
	"Trung tâm Y tế", "Phòng Giáo dục và Đào tạo", "Kho bạc Nhà nước", "Ngân hàng Chính sách xã hội",
	"Trung tâm Văn hóa – Thông tin và Thể thao", "Chi cục Thuế", "Hạt Kiểm lâm",
	"Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên", "Tòa án nhân dân", "Viện Kiểm sát nhân dân",
	"Chi cục Thi hành án dân sự", "Phòng Nông nghiệp và Môi trường", "Bảo hiểm xã hội",
	"Ban Quản lý dự án đầu tư xây dựng",
}

var schoolPatrons = []string{
	"Lê Quý Đôn", "Nguyễn Du", "Trần Phú", "Chu Văn An", "Nguyễn Trãi", "Lê Lợi", "Quang Trung",
	"Hùng Vương", "Lê Hồng Phong", "Phan Bội Châu", "Nguyễn Bỉnh Khiêm", "Võ Thị Sáu",
	"Lý Tự Trọng", "Ngô Gia Tự", "Hoàng Hoa Thám", "Phan Chu Trinh", "Lương Thế Vinh",
}

var policeUnits = []string{
	"Đội An ninh", "Đội Cảnh sát giao thông", "Đội Cảnh sát hình sự", "Đội Tham mưu",
	"Đội Cảnh sát quản lý hành chính", "Đội Cảnh sát điều tra", "Đội Cảnh sát kinh tế",
}

var militaryUnits = []string{"Ban Tham mưu", "Ban Chính trị", "Ban Hậu cần – Kỹ thuật", "Trung đội Dân quân cơ động"}

var communeUnits = []string{"Quân sự", "Công an", "Trường Mầm non", "Trường Tiểu học", "Trạm Y tế", "Cơ quan"}

type builder struct {
	r     *rand.Rand
	names *namer
	ids   ids
	orgs  []*org
}

func (b *builder) add(parent *org, kind, title string) *org {
	o := &org{
		idx: len(b.orgs), parent: -1, successor: -1, kind: kind, title: title,
		id: b.ids.take(title), headTitle: "Bí thư", deputyTitle: "Phó Bí thư",
		secretary: personName(b.r), deputy: personName(b.r), depth: 1,
	}
	if parent != nil {
		o.parent = parent.idx
		o.depth = parent.depth + 1
		o.locus = parent.locus
		parent.children = append(parent.children, o.idx)
	}
	switch kind {
	case KindCoQuanThamMuu:
		o.weight, o.members = 1.5, 6+b.r.IntN(15)
	case KindDangUyCoSo:
		o.weight, o.numSuffix = 2.5, "ĐU"
	case KindChiBoCoSo:
		o.weight, o.numSuffix, o.members = 1.5, "CB", 8+b.r.IntN(35)
	case KindChiBoTrucThuoc:
		o.weight, o.numSuffix, o.members = 1, "CB", 6+b.r.IntN(40)
	}
	b.orgs = append(b.orgs, o)
	return o
}

// buildOrgs makes a province of about target organisations.
func buildOrgs(r *rand.Rand, target int) []*org {
	target = max(target, 12)
	b := &builder{r: r, names: newNamer(r), ids: ids{}}
	province := b.names.place()
	root := b.add(nil, KindCapUy, "Tỉnh ủy "+province)
	root.partyName, root.locus, root.numSuffix = "Đảng bộ tỉnh "+province, "tỉnh "+province, "TU"
	districts := max(1, int(math.Round(float64(target)/100)))
	if districts >= 3 {
		b.advisory(root, 5, "Tỉnh ủy "+province, "TU")
	}
	left := target - len(b.orgs)
	for d := 0; d < districts; d++ {
		budget := left / districts
		if d < left%districts {
			budget++
		}
		b.district(root, d, districts, budget)
	}
	for _, o := range b.orgs {
		if o.kind == KindDangUyCoSo || o.kind == KindCapUy {
			for _, c := range o.children {
				o.members += b.orgs[c].members
			}
		}
	}
	return b.orgs
}

func (b *builder) advisory(parent *org, n int, committee, suffix string) {
	for _, a := range advisoryBodies[:n] {
		o := b.add(parent, KindCoQuanThamMuu, a[0]+" "+committee)
		o.numSuffix, o.headTitle, o.deputyTitle = a[1]+suffix, a[2], a[3]
	}
}

func (b *builder) district(root *org, d, districts, budget int) {
	name := b.names.place()
	kind, committee, suffix := "huyện", "Huyện ủy", "HU"
	switch {
	case d == 0 && districts > 1:
		kind, committee, suffix = "thành phố", "Thành ủy", "TU"
	case d > 0 && b.r.IntN(100) < 12:
		kind, committee, suffix = "thị xã", "Thị ủy", "TU"
	}
	o := b.add(root, KindCapUy, committee+" "+name)
	o.partyName, o.place, o.locus, o.numSuffix = "Đảng bộ "+kind+" "+name, name, kind+" "+name, suffix
	if d == 0 {
		root.place = name
	}
	left := budget - 1
	nadv := min(4+b.r.IntN(2), max(0, left-3))
	b.advisory(o, nadv, committee+" "+name, suffix)
	left -= nadv
	agencies := shuffled(b.r, districtAgencies)
	security := 0
	if budget >= 50 {
		security = 2
	}
	first := true
	for left > 0 {
		k := 4 + b.r.IntN(9)
		if left <= 2 || k > left-1 || b.r.IntN(100) < 35 {
			b.baseBranch(o, kind, name, &agencies)
			left--
			continue
		}
		var duc *org
		if security > 0 {
			duc = b.security(o, kind, name, security == 2, &k)
			security--
		} else {
			duc = b.commune(o, kind, first, k)
			first = false
		}
		left -= 1 + len(duc.children)
	}
}

func shuffled(r *rand.Rand, xs []string) []string {
	out := append([]string(nil), xs...)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// baseBranch adds a chi bộ cơ sở directly under the district committee.
func (b *builder) baseBranch(d *org, kind, name string, agencies *[]string) {
	var unit string
	switch {
	case len(*agencies) > 0:
		unit = (*agencies)[0] + " " + kind + " " + name
		*agencies = (*agencies)[1:]
	case b.r.IntN(2) == 0:
		unit = "Trường THPT " + pick(b.r, schoolPatrons)
	case b.r.IntN(2) == 0:
		unit = "Trường THCS " + b.names.place()
	default:
		unit = "Trường THPT " + b.names.place()
	}
	o := b.add(d, KindChiBoCoSo, "Chi bộ "+unit)
	o.locus = unit
}

// security adds the Party committee of the district police or military
// command with its branches; k is capped to the units available.
func (b *builder) security(d *org, kind, name string, police bool, k *int) *org {
	body, units := "Công an "+kind+" "+name, policeUnits
	if !police {
		body, units = "Ban Chỉ huy Quân sự "+kind+" "+name, militaryUnits
	}
	title := "Đảng ủy " + body
	if !police {
		title = "Đảng ủy Quân sự " + kind + " " + name
	}
	o := b.add(d, KindDangUyCoSo, title)
	o.partyName, o.locus = "Đảng bộ "+title[len("Đảng ủy "):], body
	*k = min(*k, len(units))
	for _, u := range shuffled(b.r, units)[:*k] {
		c := b.add(o, KindChiBoTrucThuoc, "Chi bộ "+u+", "+body)
		c.locus = u + ", " + body
	}
	return o
}

// commune adds a đảng ủy xã, thị trấn or phường with k branches.
func (b *builder) commune(d *org, kind string, first bool, k int) *org {
	unit := "xã"
	switch kind {
	case "thành phố":
		if b.r.IntN(100) < 80 {
			unit = "phường"
		}
	case "thị xã":
		if b.r.IntN(2) == 0 {
			unit = "phường"
		}
	default:
		if first || b.r.IntN(100) < 8 {
			unit = "thị trấn"
		}
	}
	name := b.names.place()
	o := b.add(d, KindDangUyCoSo, "Đảng ủy "+unit+" "+name)
	o.partyName, o.place, o.locus = "Đảng bộ "+unit+" "+name, name, unit+" "+name
	inst := shuffled(b.r, communeUnits)[:min(k/3, len(communeUnits))]
	for i := 0; i < k; i++ {
		var locus string
		switch {
		case i < len(inst) && (inst[i] == "Trường Mầm non" || inst[i] == "Trường Tiểu học"):
			locus = inst[i] + " " + name
		case i < len(inst):
			locus = inst[i] + " " + unit + " " + name
		case unit == "xã":
			locus = "thôn " + b.names.place()
		case unit == "thị trấn":
			locus = "tổ dân phố " + b.names.place()
		default:
			locus = "khu phố " + strconv.Itoa(i-len(inst)+1) + ", phường " + name
		}
		c := b.add(o, KindChiBoTrucThuoc, "Chi bộ "+locus)
		c.locus = locus
	}
	return o
}

// territorial reports whether o is the branch of a village or street block.
func territorial(o *org) bool {
	return o.kind == KindChiBoTrucThuoc && (strings.HasPrefix(o.locus, "thôn ") ||
		strings.HasPrefix(o.locus, "tổ dân phố ") || strings.HasPrefix(o.locus, "khu phố "))
}

// dissolve ends about 2% of the organisations in year: branches of villages
// and street blocks, each merged into a neighbouring one that stays.
func dissolve(r *rand.Rand, orgs []*org, year int) {
	n := int(math.Round(float64(len(orgs)) * 0.02))
	if n == 0 && len(orgs) >= 20 {
		n = 1
	}
	successor := map[int]bool{}
	for _, i := range r.Perm(len(orgs)) {
		if n == 0 {
			return
		}
		o := orgs[i]
		if !territorial(o) || successor[i] || !o.dissolved.IsZero() {
			continue
		}
		var sibs []int
		for _, c := range orgs[o.parent].children {
			s := orgs[c]
			if c != i && territorial(s) && s.dissolved.IsZero() {
				sibs = append(sibs, c)
			}
		}
		if len(sibs) == 0 {
			continue
		}
		s := sibs[r.IntN(len(sibs))]
		o.dissolved = time.Date(year, time.Month(3+r.IntN(8)), 1, 0, 0, 0, 0, time.UTC)
		o.successor = s
		successor[s] = true
		orgs[s].mergedFrom = append(orgs[s].mergedFrom, i)
		n--
	}
}
