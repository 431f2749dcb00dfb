package corpus

import (
	"bytes"
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mohinh/mohinh/internal/content"
)

// The second half of a call's year (docs/content-format.md): the models
// approved report their results at the year's end, the approving level —
// or its Ban Tổ chức — appraises them against the call's criteria, and
// the approving level recognises those that reached the pass score.

// A criterion scores an appraisal (campaign's "criteria").
type criterion struct {
	id, title string
	max       int
}

// criteria are every call's, as Hướng dẫn 09-HD/BTCTU sets them.
var criteria = []criterion{
	{"tinh-moi", "Tính mới, sáng tạo", 30},
	{"hieu-qua", "Hiệu quả", 40},
	{"nhan-rong", "Khả năng nhân rộng", 30},
}

// passScore is the total a recognised model reaches (campaign's
// "pass_score").
const passScore = 70

// resultsDeadline is when a call's results are due: 31 January of the
// following year (content.Campaign.ResultsDeadline's default).
func resultsDeadline(c *campaign) time.Time { return day(c.year+1, time.January, 31) }

// latePercent is the share of results reports filed after the deadline.
const latePercent = 6

// A result is one model's results report (báo cáo kết quả thực hiện).
type result struct {
	rg          *reg
	date        time.Time
	number      string
	signer      string
	signerTitle string
	late        bool
}

// A score is one model's line of an appraisal.
type score struct {
	rg     *reg
	points []int // by criteria
	note   string
}

func (s score) total() int {
	n := 0
	for _, p := range s.points {
		n += p
	}
	return n
}

// planResults files the results reports of the models that an approval
// notice approved and whose status says they were carried out
// (completed, recognised or not): none in the newest call, whose year
// is not over. A report is dated from late November to the results
// deadline, a few after it; never after the corpus's today, before the
// approval or once the organisation has ended. A registration with a
// report no longer writes "status: completed".
func planResults(r *rand.Rand, regs []*reg, camps []*campaign) []*result {
	last := camps[len(camps)-1]
	today := last.deadline.AddDate(0, 0, horizonDays)
	var out []*result
	for _, rg := range regs {
		if rg.approval == nil || rg.camp == last {
			continue
		}
		switch rg.status {
		case "completed", "recognised", "not-recognised":
		default:
			continue
		}
		c := rg.camp
		res := &result{rg: rg}
		if r.IntN(100) < latePercent {
			res.date = resultsDeadline(c).AddDate(0, 0, 1+r.IntN(20))
		} else {
			res.date = day(c.year, time.November, 20).AddDate(0, 0, r.IntN(73))
		}
		res.date = later(res.date, rg.approval.date.AddDate(0, 0, 60))
		if res.date.After(today) {
			res.date = today
		}
		o := rg.org
		if res.date.Before(rg.approval.date) || !o.dissolved.IsZero() && !res.date.Before(o.dissolved) {
			continue
		}
		res.late = res.date.After(resultsDeadline(c))
		switch {
		case rg.member != "":
			res.signer, res.signerTitle = rg.member, "Đảng viên"
		case r.IntN(100) < 15:
			res.signer, res.signerTitle = o.deputy, o.deputyTitle
		default:
			res.signer, res.signerTitle = o.secretary, o.headTitle
		}
		if rg.member == "" && r.IntN(100) < 90 {
			res.number = "-" // numbered below
		}
		rg.result = res
		if rg.status == "completed" {
			rg.writeStatus = false
		}
		out = append(out, res)
	}
	numberResults(r, out)
	return out
}

// numberResults numbers each organisation's reports in each calendar
// year in the order they were signed, continuing its register of reports
// (BC) from where it stood: 45-BC/ĐU.
func numberResults(r *rand.Rand, results []*result) {
	sorted := slices.Clone(results)
	slices.SortFunc(sorted, func(a, b *result) int {
		return cmp.Or(cmp.Compare(a.rg.org.idx, b.rg.org.idx), a.date.Compare(b.date), cmp.Compare(a.rg.idx, b.rg.idx))
	})
	type key struct{ org, year int }
	counter := map[key]int{}
	for _, res := range sorted {
		if res.number == "" {
			continue
		}
		k := key{res.rg.org.idx, res.date.Year()}
		n, ok := counter[k]
		if !ok {
			n = r.IntN(40)
		}
		n += 1 + r.IntN(3)
		counter[k] = n
		res.number = strconv.Itoa(n) + "-BC/" + res.rg.org.numSuffix
	}
}

// boardOf is the Ban Tổ chức of committee o, nil if it has none.
func boardOf(o *org, orgs []*org) *org {
	for _, c := range o.children {
		if b := orgs[c]; b.kind == KindCoQuanThamMuu && strings.HasPrefix(b.title, "Ban Tổ chức ") {
			return b
		}
	}
	return nil
}

func existedOn(o *org, d time.Time) bool { return o.dissolved.IsZero() || d.Before(o.dissolved) }

// judgementReasons are why a model that reported its results is not
// recognised, after its score.
var judgementReasons = []string{
	"Kết quả chưa rõ nét, thiếu số liệu chứng minh so với chỉ tiêu đã đăng ký.",
	"Mô hình chưa được duy trì thường xuyên, một số nội dung chưa thực hiện.",
	"Hiệu quả còn hạn chế, khả năng nhân rộng chưa cao.",
	"Báo cáo kết quả chưa đánh giá được tác động của mô hình đối với nhân dân trên địa bàn.",
}

// scoreNotes are what an appraisal remarks on a model.
var scoreNotes = [2][]string{
	{ // below the pass score
		"Kết quả chưa đạt chỉ tiêu đăng ký; đề nghị tiếp tục thực hiện, bổ sung số liệu.",
		"Mô hình còn trùng với nhiệm vụ thường xuyên, chưa thể hiện rõ tính mới.",
		"Hồ sơ báo cáo sơ sài, thiếu minh chứng kết quả.",
	},
	{ // at or above it
		"Mô hình thiết thực, có số liệu chứng minh hiệu quả rõ nét.",
		"Cách làm mới, chi phí thấp, có thể nhân rộng ở các đơn vị có điều kiện tương tự.",
		"Được nhân dân đồng tình, hưởng ứng; kết quả vượt chỉ tiêu đăng ký.",
		"Đề nghị biểu dương, khen thưởng tập thể, cá nhân tiêu biểu.",
	},
}

// planJudgements appraises and recognises the models whose status says
// they were judged (recognised or not) and that have a results report:
// one appraisal and one recognition per approving level and call. The
// appraisal of a committee's models is made by its Ban Tổ chức three
// times in four, unless that board decides models of its own that year;
// it is dated after the last report it scores and the recognition after
// it, neither after the corpus's today nor once its issuer has ended —
// then that step is left undone and the written statuses stand.
func planJudgements(r *rand.Rand, regs []*reg, camps []*campaign, orgs []*org) []*decision {
	root := orgs[0]
	last := camps[len(camps)-1]
	today := last.deadline.AddDate(0, 0, horizonDays)
	type key struct{ year, issuer int }
	groups := map[key][]*reg{}
	var keys []key
	for _, rg := range regs {
		if rg.result == nil || rg.status != "recognised" && rg.status != "not-recognised" {
			continue
		}
		k := key{rg.camp.year, approver(rg, orgs, root).idx}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], rg)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.year, b.year), cmp.Compare(a.issuer, b.issuer)) })
	var decs []*decision
	for _, k := range keys {
		items := groups[k]
		slices.SortFunc(items, func(a, b *reg) int { return cmp.Or(a.result.date.Compare(b.result.date), cmp.Compare(a.idx, b.idx)) })
		lv, c := orgs[k.issuer], items[0].camp
		appraiser := lv
		if b := boardOf(lv, orgs); b != nil && lv.kind == KindCapUy && groups[key{k.year, b.idx}] == nil && r.IntN(100) < 75 {
			appraiser = b
		}
		lastResult := items[len(items)-1].result.date
		ad := lastResult.AddDate(0, 0, 5+r.IntN(15))
		if ad.After(today) {
			ad = today
		}
		if ad.Before(lastResult) || !existedOn(appraiser, ad) {
			continue
		}
		a := &decision{kind: "appraisal", issuer: appraiser, camp: c, date: ad, signer: appraiser.secretary, signerTitle: appraiser.headTitle}
		if r.IntN(100) < 25 {
			a.signer, a.signerTitle = appraiser.deputy, appraiser.deputyTitle
		}
		for _, rg := range items {
			s := score{rg: rg, points: scorePoints(r, rg.status == "recognised")}
			if r.IntN(100) < 40 {
				s.note = pick(r, scoreNotes[b2i(rg.status == "recognised")])
			}
			a.scores = append(a.scores, s)
			rg.appraisal = a
		}
		decs = append(decs, a)

		rd := ad.AddDate(0, 0, 3+r.IntN(12))
		if rd.After(today) {
			rd = today
		}
		if rd.Before(ad) || !existedOn(lv, rd) {
			continue
		}
		d := &decision{kind: "recognition", issuer: lv, camp: c, date: rd, signer: lv.secretary, signerTitle: lv.headTitle}
		if lv.kind == KindCapUy || r.IntN(100) < 20 {
			d.signer, d.signerTitle = lv.deputy, lv.deputyTitle
		}
		for i, rg := range items {
			if rg.status == "recognised" {
				d.approved = append(d.approved, rg)
			} else {
				d.rejected = append(d.rejected, rg)
				d.reasons = append(d.reasons, "Tổng điểm thẩm định "+strconv.Itoa(a.scores[i].total())+"/100, dưới điểm đạt "+strconv.Itoa(passScore)+". "+pick(r, judgementReasons))
			}
			rg.recognition = d
			rg.writeStatus = false
		}
		decs = append(decs, d)
	}
	return decs
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// scorePoints are a model's points by criterion: a total of at least
// passScore when pass, below it otherwise.
func scorePoints(r *rand.Rand, pass bool) []int {
	lo, hi := 30, 80
	if pass {
		lo, hi = 60, 100
	}
	p := make([]int, len(criteria))
	for {
		total := 0
		for i, k := range criteria {
			p[i] = k.max * (lo + r.IntN(hi-lo+1)) / 100
			total += p[i]
		}
		if total >= passScore == pass {
			return p
		}
	}
}

// Sentence templates of results reports (text.fill).
var achievedSentences = []string{
	"Sau một năm triển khai, {N} hộ dân {L} đã tham gia mô hình, vượt chỉ tiêu đăng ký ban đầu.",
	"100% đảng viên của {O} tham gia và hoàn thành phần việc được phân công; {K} đồng chí được biểu dương.",
	"Tỷ lệ hộ dân hài lòng đạt {P}%, không phát sinh khiếu kiện đông người trên địa bàn {L}.",
	"Thu nhập bình quân của các hộ tham gia tăng {Q}% so với năm {Y-1}.",
	"Huy động được {M} triệu đồng từ nguồn xã hội hóa để thực hiện mô hình, không sử dụng ngân sách nhà nước.",
	"Thời gian xử lý công việc giảm khoảng {Q}% nhờ ứng dụng công nghệ thông tin.",
	"Mô hình đã được nhân rộng ra {K} chi bộ, đơn vị có điều kiện tương tự.",
	"Kết nạp được {K} đảng viên mới từ những quần chúng tích cực tham gia mô hình.",
	"Chất lượng sinh hoạt {U} được nâng lên; {P}% đảng viên được xếp loại hoàn thành tốt nhiệm vụ năm {Y}.",
	"Hoàn thành {P}% các chỉ tiêu về {T} mà nghị quyết của {U} năm {Y} đề ra.",
}

var lessonSentences = []string{
	"Cấp ủy phải trực tiếp chỉ đạo, phân công cụ thể và kiểm tra thường xuyên thì mô hình mới duy trì được.",
	"Đảng viên phải gương mẫu làm trước, nói đi đôi với làm để nhân dân tin và làm theo.",
	"Công khai kết quả hằng tháng giúp nhân dân giám sát và tạo động lực cho các hộ tham gia.",
	"Cần huy động sự vào cuộc của Mặt trận và các đoàn thể ngay từ khi xây dựng kế hoạch.",
	"Chỉ tiêu phải đo đếm được, phù hợp với điều kiện thực tế của {L}.",
}

var shortcomingSentences = []string{
	"Một số hộ tham gia chưa thường xuyên, nhất là vào thời điểm mùa vụ.",
	"Kinh phí xã hội hóa còn hạn chế, chưa đáp ứng nhu cầu mở rộng mô hình.",
	"Việc ứng dụng công nghệ thông tin ở một số đảng viên lớn tuổi còn lúng túng.",
	"Công tác tuyên truyền có lúc chưa sâu rộng, một bộ phận nhân dân chưa nắm rõ cách làm.",
}

// resultRand is the random source of one report's prose, independent of
// the order files are written in.
func resultRand(seed int64, idx int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x5851f42d4c957f2d^uint64(idx)))
}

// resultFile is where rg's results report goes (content.ResultPath).
func resultFile(rg *reg) string {
	return content.ResultPath(&content.Registration{CampaignYear: rg.camp.year, OrganisationID: rg.org.id, Slug: rg.slug})
}

func renderResult(b *bytes.Buffer, res *result, seed int64) {
	rg := res.rg
	r := resultRand(seed, rg.idx)
	o := rg.org
	unit := "chi bộ"
	if o.kind == KindDangUyCoSo {
		unit = "đảng bộ"
	}
	t := &text{
		r: r, org: o.title, locus: o.locus, unit: unit, topic: fields[rg.field].topics[rg.topic],
		year: rg.camp.year, partyMembers: o.members,
	}
	f := fm{b}
	f.open()
	if res.number != "" {
		f.str("number", res.number)
	}
	f.date("date", res.date)
	f.str("signer", res.signer)
	f.str("signer_title", res.signerTitle)
	f.folded("achieved", t.paragraph(achievedSentences, 2+r.IntN(3)), 90)
	if r.IntN(100) < 70 {
		f.folded("lessons", t.paragraph(lessonSentences, 1+r.IntN(2)), 90)
	}
	f.close()
	if r.IntN(100) < 25 {
		return // the front matter is the report
	}
	heading(b, "Quá trình triển khai")
	intro := "Thực hiện mô hình “" + rg.title + "” đã được " + deciding(rg.approval.issuer) + " thông qua tại Thông báo số " + rg.approval.number + " " + proseDate(rg.approval.date) + ", " + o.title + " báo cáo kết quả thực hiện năm " + strconv.Itoa(rg.camp.year) + " như sau."
	if rg.member != "" {
		intro = "Thực hiện mô hình “" + rg.title + "” đã được " + deciding(rg.approval.issuer) + " thông qua tại Thông báo số " + rg.approval.number + " " + proseDate(rg.approval.date) + ", đồng chí " + rg.member + " báo cáo kết quả thực hiện năm " + strconv.Itoa(rg.camp.year) + " như sau."
	}
	para(b, intro)
	bullets(b, t.sentences(progressSentences, 2+r.IntN(2), false))
	if r.IntN(2) == 0 {
		heading(b, "Tồn tại, hạn chế")
		para(b, t.paragraph(shortcomingSentences, 1+r.IntN(2)))
	}
	heading(b, "Kiến nghị")
	para(b, "Đề nghị "+deciding(approverOf(rg))+" xem xét, thẩm định và công nhận kết quả thực hiện mô hình; hỗ trợ tài liệu để nhân rộng ở các đơn vị có điều kiện tương tự.")
}

// approverOf is the level that approved rg: its approval notice's issuer.
func approverOf(rg *reg) *org { return rg.approval.issuer }

func renderCriteria(b *bytes.Buffer) {
	b.WriteString("criteria:\n")
	for _, k := range criteria {
		b.WriteString("  - {id: " + k.id + ", title: " + flowScalar(k.title) + ", max: " + strconv.Itoa(k.max) + "}\n")
	}
}

// flowScalar quotes s where a flow mapping needs it.
func flowScalar(s string) string {
	if strings.ContainsAny(s, ",{}[]:#\"'") {
		return strconv.Quote(s)
	}
	return content.YAMLScalar(s)
}

func renderAppraisal(b *bytes.Buffer, d *decision, orgs []*org) {
	f := fm{b}
	f.open()
	f.head(d, "appraisal")
	b.WriteString("scores:\n")
	passed := 0
	for _, s := range d.scores {
		f.str("  - registration", ref(s.rg))
		for i, k := range criteria {
			f.int("    "+k.id, s.points[i])
		}
		if s.note != "" {
			f.str("    note", s.note)
		}
		if s.total() >= passScore {
			passed++
		}
	}
	f.close()
	o, y := d.issuer, strconv.Itoa(d.camp.year)
	lv := approverOf(d.scores[0].rg)
	who := deciding(o)
	if o != lv {
		who = o.title + ", cơ quan tham mưu, giúp việc của " + lv.title + ","
	}
	var crit []string
	for _, k := range criteria {
		crit = append(crit, strings.ToLower(k.title)+" (tối đa "+strconv.Itoa(k.max)+" điểm)")
	}
	para(b, "Căn cứ báo cáo kết quả thực hiện của các tổ chức đảng, đảng viên, "+who+" thẩm định kết quả thực hiện "+strconv.Itoa(len(d.scores))+" mô hình mới, cách làm sáng tạo năm "+y+" theo các tiêu chí: "+strings.Join(crit, "; ")+". Điểm đạt là "+strconv.Itoa(passScore)+"/100.")
	res := "Kết quả: " + strconv.Itoa(passed) + " mô hình đạt từ " + strconv.Itoa(passScore) + " điểm trở lên"
	if n := len(d.scores) - passed; n > 0 {
		res += "; " + strconv.Itoa(n) + " mô hình dưới điểm đạt"
	}
	para(b, res+".")
	if o != lv {
		para(b, "Đề nghị Ban Thường vụ "+lv.title+" xem xét, công nhận các mô hình đạt điểm đạt trở lên.")
	}
}

func renderRecognition(b *bytes.Buffer, d *decision, orgs []*org) {
	f := fm{b}
	f.open()
	f.head(d, "recognition")
	f.decided(d, "recognised", "not_recognised")
	f.close()
	a := d.all()[0].appraisal
	y := strconv.Itoa(d.camp.year)
	para(b, "Căn cứ Phiếu thẩm định số "+a.number+" "+proseDate(a.date)+" của "+a.issuer.title+" thẩm định kết quả thực hiện mô hình mới, cách làm sáng tạo năm "+y+", "+deciding(d.issuer)+" xem xét, công nhận kết quả thực hiện các mô hình.")
	var res []string
	if len(d.approved) > 0 {
		res = append(res, "công nhận "+strconv.Itoa(len(d.approved))+" mô hình")
	}
	if len(d.rejected) > 0 {
		res = append(res, "không công nhận "+strconv.Itoa(len(d.rejected))+" mô hình, lý do ghi tại từng mô hình")
	}
	para(b, "Kết quả: "+strings.Join(res, "; ")+".")
	if len(d.approved) > 0 {
		para(b, "Các mô hình được công nhận là căn cứ đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm "+y+" và được giới thiệu để nhân rộng trong toàn đảng bộ.")
	}
}
