package corpus

import (
	"bytes"
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/vi"
)

// A decision is one notice (thông báo) by which an approving level
// approves and rejects the registrations of a call made to it
// (docs/content-format.md, Decisions).
type decision struct {
	kind          string // content.DecisionKind: approval, appraisal, recognition
	issuer        *org
	camp          *campaign
	supplementary bool // the notice on what was registered after the deadline
	date          time.Time
	number        string
	signer        string
	signerTitle   string
	approved      []*reg   // approved; for a recognition, recognised
	rejected      []*reg   // rejected; for a recognition, not recognised
	reasons       []string // why each of rejected was rejected
	scores        []score  // an appraisal's (results.go)
}

// rejectReasons are what a committee writes when it does not approve.
var rejectReasons = []string{
	"Trùng với mô hình đã đăng ký và thực hiện năm trước, chưa nêu được điểm mới.",
	"Nội dung chưa cụ thể, chưa xác định rõ chỉ tiêu, kết quả cần đạt và cách đánh giá.",
	"Là nhiệm vụ thường xuyên của cơ quan, đơn vị, chưa phải cách làm mới, sáng tạo.",
	"Chưa phù hợp với điều kiện thực tế của địa phương; đề nghị nghiên cứu, đăng ký lại trong đợt sau.",
	"Trùng lặp với mô hình của tổ chức đảng khác trên cùng địa bàn; đề nghị phối hợp thực hiện chung.",
	"Nguồn lực thực hiện chưa bảo đảm, chưa có kế hoạch triển khai cụ thể.",
}

// undecidedPercent[age] is the share of the groups of a call age years old
// whose approving level has not (yet) entered its notice: the written
// statuses stand for it.
var undecidedPercent = []int{20, 8, 4}

// supplementaryAt is the size of a group from which the registrations sent
// after the deadline are approved by a second, supplementary notice.
const supplementaryAt = 12

// horizonDays is how long after the last call's deadline the corpus is a
// snapshot of: its "today". Registrations are dated up to five days after
// the deadline; no decision is dated after the horizon.
const horizonDays = 50

// approver is rg's approving level, content.Registration.ApprovingLevel:
// a member's own organisation for an individual registration, else the
// organisation's parent, else the call's issuer (root); nil when rg is the
// root's own.
func approver(rg *reg, orgs []*org, root *org) *org {
	switch o := rg.org; {
	case rg.member != "":
		return o
	case o.parent >= 0:
		return orgs[o.parent]
	case o != root:
		return root
	}
	return nil
}

// planDecisions writes the notices of every approving level for every
// call: one listing what it decided, and for a large group a second one
// for what was registered late. The registrations a notice lists no longer
// write "status: approved" or "status: rejected"; the later steps
// (implementing…) stay written. Some groups are left undecided, as are
// those whose level no longer existed when it could have decided.
func planDecisions(r *rand.Rand, regs []*reg, camps []*campaign, orgs []*org) []*decision {
	root := orgs[0]
	last := camps[len(camps)-1]
	today := last.deadline.AddDate(0, 0, horizonDays)
	type key struct{ year, issuer int }
	groups := map[key][]*reg{}
	var keys []key
	for _, rg := range regs {
		if rg.status == "registered" {
			continue
		}
		lv := approver(rg, orgs, root)
		if lv == nil {
			continue
		}
		k := key{rg.camp.year, lv.idx}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], rg)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.year, b.year), cmp.Compare(a.issuer, b.issuer)) })
	var decs []*decision
	for _, k := range keys {
		items := groups[k]
		slices.SortFunc(items, func(a, b *reg) int { return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.idx, b.idx)) })
		issuer, c := orgs[k.issuer], items[0].camp
		if r.IntN(100) < undecidedPercent[min(last.year-c.year, len(undecidedPercent)-1)] {
			continue
		}
		parts := [][]*reg{items}
		if len(items) >= supplementaryAt {
			late := slices.IndexFunc(items, func(rg *reg) bool { return rg.date.After(c.deadline) })
			if late > 0 {
				parts = [][]*reg{items[:late], items[late:]}
			}
		}
		prev := time.Time{}
		for pi, part := range parts {
			lo := part[len(part)-1].date
			if lo.Before(c.issued) {
				lo = c.issued
			}
			gap := 3 + r.IntN(15)
			if pi > 0 {
				lo, gap = later(lo, prev.AddDate(0, 0, 1)), 5+r.IntN(20)
			}
			date := lo.AddDate(0, 0, gap)
			if date.After(today) {
				date = today
			}
			if !issuer.dissolved.IsZero() && !date.Before(issuer.dissolved) {
				date = issuer.dissolved.AddDate(0, 0, -1)
			}
			if date.Before(lo) {
				break // too late, or the level ended first: undecided
			}
			d := &decision{kind: "approval", issuer: issuer, camp: c, supplementary: pi > 0, date: date, signer: issuer.secretary, signerTitle: issuer.headTitle}
			if issuer.kind == KindCapUy || r.IntN(100) < 20 {
				d.signer, d.signerTitle = issuer.deputy, issuer.deputyTitle
			}
			for _, rg := range part {
				if rg.status == "rejected" {
					d.rejected = append(d.rejected, rg)
					d.reasons = append(d.reasons, pick(r, rejectReasons))
				} else {
					d.approved = append(d.approved, rg)
					rg.approval = d
				}
				rg.decided = true
				if rg.status == "approved" || rg.status == "rejected" {
					rg.writeStatus = false
				}
			}
			decs = append(decs, d)
			prev = date
		}
	}
	numberDecisions(decs)
	return decs
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// numberDecisions numbers each issuer's documents of each type from 1 in
// each calendar year, in the order they were signed: 1-TB/ĐU, 2-TB/ĐU;
// 1-PTĐ/BTCHU; 1-QĐ/HU.
func numberDecisions(decs []*decision) {
	type key struct {
		issuer *org
		code   string
	}
	byIssuer := map[key][]*decision{}
	for _, d := range decs {
		k := key{d.issuer, d.code()}
		byIssuer[k] = append(byIssuer[k], d)
	}
	for _, ds := range byIssuer {
		slices.SortStableFunc(ds, func(a, b *decision) int { return a.date.Compare(b.date) })
		n, year := 0, 0
		for _, d := range ds {
			if d.date.Year() != year {
				n, year = 0, d.date.Year()
			}
			n++
			d.number = strconv.Itoa(n) + "-" + d.code() + "/" + d.issuer.numSuffix
		}
	}
}

// code is the type of document in its number: a notice (TB) approves, an
// appraisal form (PTĐ, phiếu thẩm định) scores, a committee's decision
// (QĐ), a chi bộ's resolution (NQ) or an advisory body's notice
// recognises.
func (d *decision) code() string {
	switch d.kind {
	case "appraisal":
		return "PTĐ"
	case "recognition":
		switch d.issuer.kind {
		case KindCapUy, KindDangUyCoSo:
			return "QĐ"
		case KindCoQuanThamMuu:
			return "TB"
		}
		return "NQ"
	}
	return "TB"
}

// slug is the document's file name.
func (d *decision) slug() string {
	switch d.kind {
	case "appraisal":
		return "phieu-tham-dinh-ket-qua-thuc-hien-mo-hinh-nam-" + strconv.Itoa(d.camp.year)
	case "recognition":
		kind := map[string]string{"QĐ": "quyet-dinh", "NQ": "nghi-quyet", "TB": "thong-bao"}[d.code()]
		return kind + "-cong-nhan-mo-hinh-nam-" + strconv.Itoa(d.camp.year)
	}
	if d.supplementary {
		return "thong-bao-bo-sung-ket-qua-xet-duyet-mo-hinh-nam-" + strconv.Itoa(d.camp.year)
	}
	return "thong-bao-ket-qua-xet-duyet-mo-hinh-nam-" + strconv.Itoa(d.camp.year)
}

// title is the document's subject line, naming whose models it decides.
func (d *decision) title() string {
	y := strconv.Itoa(d.camp.year)
	switch d.kind {
	case "appraisal":
		return "Phiếu thẩm định kết quả thực hiện mô hình mới, cách làm sáng tạo năm " + y
	case "recognition":
		switch d.code() {
		case "QĐ":
			return "Quyết định công nhận mô hình mới, cách làm sáng tạo năm " + y
		case "NQ":
			return "Nghị quyết công nhận mô hình mới, cách làm sáng tạo năm " + y + " của đảng viên"
		}
		return "Thông báo công nhận mô hình mới, cách làm sáng tạo năm " + y + " của đảng viên"
	}
	if d.supplementary {
		return "Thông báo bổ sung kết quả xét duyệt mô hình mới, cách làm sáng tạo năm " + y
	}
	individual, collective := false, false
	for _, rg := range d.all() {
		if rg.member != "" {
			individual = true
		} else {
			collective = true
		}
	}
	t := "Thông báo kết quả xét duyệt mô hình mới, cách làm sáng tạo năm " + y
	switch {
	case individual && collective:
		return t + " của các chi bộ trực thuộc và đảng viên"
	case individual:
		return t + " của đảng viên"
	case d.issuer.kind == KindDangUyCoSo:
		return t + " của các chi bộ trực thuộc"
	}
	return t + " của các tổ chức đảng trực thuộc"
}

func (d *decision) all() []*reg { return append(slices.Clone(d.approved), d.rejected...) }

func ref(rg *reg) string { return rg.org.id + "/" + rg.slug }

// head writes the keys every decision starts with, of the kind given.
func (f fm) head(d *decision, kind string) {
	f.str("title", d.title())
	f.str("kind", kind)
	f.str("issuer", d.issuer.id)
	f.int("campaign", d.camp.year)
	f.str("number", d.number)
	f.date("date", d.date)
	f.str("signer", d.signer)
	f.str("signer_title", d.signerTitle)
}

// decided writes what d approves under yes and what it rejects, with
// the reasons, under no: "approved"/"rejected" of an approval,
// "recognised"/"not_recognised" of a recognition.
func (f fm) decided(d *decision, yes, no string) {
	if len(d.approved) > 0 {
		refs := make([]string, len(d.approved))
		for i, rg := range d.approved {
			refs[i] = ref(rg)
		}
		f.list(yes, refs)
	}
	if len(d.rejected) > 0 {
		f.b.WriteString(no + ":\n")
		for i, rg := range d.rejected {
			f.str("  - registration", ref(rg))
			f.str("    reason", d.reasons[i])
		}
	}
}

func renderDecision(b *bytes.Buffer, d *decision, root *org, orgs []*org) {
	switch d.kind {
	case "appraisal":
		renderAppraisal(b, d, orgs)
		return
	case "recognition":
		renderRecognition(b, d, orgs)
		return
	}
	f := fm{b}
	f.open()
	f.head(d, "approval")
	f.decided(d, "approved", "rejected")
	f.close()
	o, c, y := d.issuer, d.camp, strconv.Itoa(d.camp.year)
	call := "Công văn số " + c.number + ", ngày " + vi.DateShort(c.issued) + " của Ban Thường vụ " + root.title
	var s string
	switch o.kind {
	case KindCapUy:
		s = "Trên cơ sở đề nghị của Ban Tổ chức " + o.title + ", " + deciding(o) + " thông báo kết quả xét duyệt các mô hình mới, cách làm sáng tạo năm " + y + " đăng ký theo " + call + "."
	case KindDangUyCoSo:
		s = deciding(o) + " thông báo kết quả xét duyệt các mô hình mới, cách làm sáng tạo năm " + y + " đăng ký theo " + call + "."
	case KindCoQuanThamMuu:
		s = o.title + " thông báo kết quả xét duyệt các mô hình mới, cách làm sáng tạo năm " + y + " của đảng viên đăng ký theo " + call + "."
	default:
		s = "Tại kỳ sinh hoạt tháng " + d.date.Format("01/2006") + ", " + o.title + " thảo luận, xét duyệt các mô hình mới, cách làm sáng tạo năm " + y + " của đảng viên đăng ký theo " + call + "."
	}
	if d.supplementary {
		s = deciding(o) + " thông qua bổ sung các mô hình đăng ký sau thời hạn " + proseDate(c.deadline) + "."
	}
	para(b, s)
	var res []string
	if len(d.approved) > 0 {
		res = append(res, "thông qua "+strconv.Itoa(len(d.approved))+" mô hình")
	}
	if len(d.rejected) > 0 {
		res = append(res, "không thông qua "+strconv.Itoa(len(d.rejected))+" mô hình, lý do ghi tại từng mô hình")
	}
	para(b, "Kết quả: "+strings.Join(res, "; ")+".")
	switch {
	case d.supplementary:
		para(b, "Đề nghị các đơn vị rút kinh nghiệm, gửi văn bản đăng ký đúng thời hạn trong các đợt sau.")
	case len(d.approved) > 0:
		para(b, "Các tổ chức đảng, đảng viên có mô hình được thông qua xây dựng kế hoạch, tổ chức thực hiện, sơ kết 6 tháng và báo cáo kết quả cùng với báo cáo kiểm điểm cuối năm "+y+".")
	}
}

// deciding names the body of o that decides: the Standing Committee of a
// committee, else o itself (content.Organisation.Addressee).
func deciding(o *org) string {
	if o.kind == KindCapUy || o.kind == KindDangUyCoSo {
		return "Ban Thường vụ " + o.title
	}
	return o.title
}
