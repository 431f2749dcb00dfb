package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// proseDate writes a date as in Vietnamese prose: "ngày 08 tháng 01 năm 2024".
func proseDate(t time.Time) string {
	return fmt.Sprintf("ngày %02d tháng %02d năm %d", t.Day(), int(t.Month()), t.Year())
}

func para(b *bytes.Buffer, s string) {
	b.WriteByte('\n')
	wrap(b, s, "", 100)
}

func heading(b *bytes.Buffer, s string) {
	b.WriteString("\n## ")
	b.WriteString(s)
	b.WriteByte('\n')
}

func bullets(b *bytes.Buffer, lines []string) {
	b.WriteByte('\n')
	for _, l := range lines {
		if !strings.HasPrefix(l, "- ") {
			l = "- " + l
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
}

func renderIndex(b *bytes.Buffer, root *org, years []int) {
	f := fm{b}
	f.open()
	f.str("title", "Mô hình mới, cách làm sáng tạo – "+root.partyName)
	f.str("description", "Đăng ký, theo dõi và nhân rộng các mô hình mới, cách làm sáng tạo của các tổ chức đảng và đảng viên trong "+root.partyName+".")
	f.str("repository", "https://github.com/mohinh/mohinh")
	f.close()
	para(b, "Cổng thông tin tập hợp các bản đăng ký mô hình mới, cách làm sáng tạo của các cơ quan tham mưu, tổ chức cơ sở đảng, chi bộ trực thuộc và đảng viên trong "+root.partyName+" từ năm "+strconv.Itoa(years[0])+" đến năm "+strconv.Itoa(years[len(years)-1])+".")
	para(b, "Mỗi mô hình được theo dõi từ khi đăng ký, xét duyệt, triển khai thực hiện đến khi tổng kết, công nhận; kết quả là căn cứ đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên hằng năm.")
}

func renderCampaign(b *bytes.Buffer, c *campaign, root *org) {
	f := fm{b}
	f.open()
	f.str("title", "Đăng ký mô hình mới, cách làm sáng tạo năm "+strconv.Itoa(c.year))
	f.int("year", c.year)
	f.str("number", c.number)
	f.date("issued", c.issued)
	f.date("deadline", c.deadline)
	f.str("issuer", root.id)
	f.str("signer", c.signer)
	f.str("signer_title", "Phó Bí thư")
	if len(c.recipients) > 0 {
		f.list("recipients", c.recipients)
	}
	f.date("results_deadline", resultsDeadline(c))
	renderCriteria(b)
	f.int("pass_score", passScore)
	f.close()
	para(b, "Thực hiện Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung; Hướng dẫn số 09-HD/BTCTU ngày 14/12/2022 của Ban Tổ chức Tỉnh ủy, Ban Thường vụ "+root.title+" đề nghị các cơ quan tham mưu, tổ chức cơ sở đảng đăng ký mô hình mới, cách làm sáng tạo năm "+strconv.Itoa(c.year)+".")
	heading(b, "Yêu cầu")
	bullets(b, []string{
		"Mô hình phải thiết thực, khả thi, có tính mới, mang lại hiệu quả và có khả năng nhân rộng ở các đơn vị có điều kiện tương tự.",
		"Mỗi tổ chức cơ sở đảng đăng ký ít nhất một mô hình tập thể; khuyến khích đảng viên đăng ký mô hình cá nhân.",
		"Trước khi triển khai, mô hình phải được ban thường vụ đảng ủy, chi ủy xem xét, thông qua.",
	})
	heading(b, "Thời hạn")
	para(b, "Bản đăng ký gửi về Ban Tổ chức "+root.title+" trước "+proseDate(c.deadline)+" qua đường văn thư; kết quả thực hiện là căn cứ đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên cuối năm "+strconv.Itoa(c.year)+".")
	heading(b, "Báo cáo kết quả, thẩm định và công nhận")
	para(b, "Các tổ chức đảng, đảng viên có mô hình được thông qua báo cáo kết quả thực hiện trước "+proseDate(resultsDeadline(c))+". Cấp xét duyệt (hoặc ban tổ chức của cấp ủy đó) thẩm định theo ba tiêu chí: tính mới, sáng tạo (30 điểm); hiệu quả (40 điểm); khả năng nhân rộng (30 điểm); mô hình đạt từ "+strconv.Itoa(passScore)+" điểm trở lên được xem xét công nhận.")
}

func renderField(b *bytes.Buffer, f *field, order int) {
	w := fm{b}
	w.open()
	w.str("title", f.title)
	w.int("order", order)
	w.close()
	para(b, f.desc)
}

func renderOrg(b *bytes.Buffer, o *org, orgs []*org) {
	f := fm{b}
	f.open()
	f.str("title", o.title)
	f.str("kind", o.kind)
	if o.parent >= 0 {
		f.str("parent", orgs[o.parent].id)
	}
	if o.partyName != "" {
		f.str("party_name", o.partyName)
	}
	if o.place != "" {
		f.str("place", o.place)
	}
	if !o.dissolved.IsZero() {
		f.date("dissolved", o.dissolved)
		f.str("successor", orgs[o.successor].id)
	}
	f.close()
	name := o.title
	if o.partyName != "" {
		name = o.partyName
	}
	s := name + " có " + strconv.Itoa(o.members) + " đảng viên"
	var sub int
	for _, c := range o.children {
		if orgs[c].kind != KindCoQuanThamMuu {
			sub++
		}
	}
	if sub > 0 {
		s += " sinh hoạt tại " + strconv.Itoa(sub) + " tổ chức đảng trực thuộc"
	}
	s += ". Bí thư: đồng chí " + o.secretary + "; " + strings.ToLower(o.deputyTitle[:1]) + o.deputyTitle[1:] + ": đồng chí " + o.deputy + "."
	if o.kind == KindCoQuanThamMuu {
		s = o.title + " là cơ quan tham mưu, giúp việc của " + orgs[o.parent].title + ". " + strings.ToUpper(o.headTitle[:1]) + o.headTitle[1:] + ": đồng chí " + o.secretary + "."
	}
	para(b, s)
	for _, m := range o.mergedFrom {
		d := orgs[m]
		para(b, "Từ "+proseDate(d.dissolved)+", "+d.title+" sáp nhập vào "+o.title+"; hồ sơ và đảng viên được chuyển giao nguyên trạng.")
	}
	if !o.dissolved.IsZero() {
		para(b, "Kết thúc hoạt động từ "+proseDate(o.dissolved)+" do sắp xếp, sáp nhập; đơn vị tiếp nhận là "+orgs[o.successor].title+".")
	}
}

// sentenceCount is 2 or 3, sometimes 4.
func sentenceCount(r *rand.Rand) int {
	if r.IntN(8) == 0 {
		return 4
	}
	return 2 + r.IntN(2)
}

// regRand is the random source of one registration's prose, independent of
// the order files are written in.
func regRand(seed int64, idx int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15^uint64(idx)))
}

func renderReg(b *bytes.Buffer, rg *reg, seed int64) {
	r := regRand(seed, rg.idx)
	o := rg.org
	unit := "chi bộ"
	if o.kind == KindDangUyCoSo {
		unit = "đảng bộ"
	}
	t := &text{
		r: r, org: o.title, locus: o.locus, unit: unit, topic: fields[rg.field].topics[rg.topic],
		year: rg.camp.year, partyMembers: o.members,
	}
	target := 1850 + r.IntN(900)
	f := fm{b}
	f.open()
	f.str("title", rg.title)
	f.str("organisation", o.id)
	f.int("campaign", rg.camp.year)
	f.str("field", fields[rg.field].id)
	if rg.member != "" {
		f.str("member", rg.member)
	}
	if rg.number != "" {
		f.str("number", rg.number)
	}
	f.date("date", rg.date)
	f.str("signer", rg.signer)
	f.str("signer_title", rg.signerTitle)
	f.folded("novelty", t.paragraph(noveltySentences, sentenceCount(r)), 90)
	f.folded("expected_results", t.paragraph(resultSentences, sentenceCount(r)), 90)
	if rg.writeStatus {
		f.str("status", rg.status)
	}
	f.close()

	heading(b, "Nội dung mô hình")
	intro := t.paragraph(contentSentences, 2)
	if rg.member != "" {
		intro = "Đồng chí " + rg.member + ", đảng viên " + o.title + ", đăng ký thực hiện mô hình và trực tiếp triển khai tại nơi công tác, nơi cư trú. " + intro
	}
	para(b, intro)
	heading(b, "Cách thức triển khai")
	bullets(b, t.sentences(stepSentences, 3+r.IntN(3), true))
	extras := []func(){
		func() {
			heading(b, "Phân công thực hiện")
			bullets(b, roleLines[:3+r.IntN(3)])
		},
		func() {
			heading(b, "Điều kiện bảo đảm")
			para(b, t.paragraph(supportSentences, 2+r.IntN(2)))
		},
		func() {
			if rg.status == "registered" || rg.status == "approved" || rg.status == "rejected" {
				heading(b, "Khả năng nhân rộng")
				para(b, t.paragraph(replicateSentences, 2))
				return
			}
			heading(b, "Kết quả bước đầu")
			bullets(b, t.sentences(progressSentences, 2+r.IntN(3), false))
		},
		func() { para(b, t.paragraph(contentSentences, 2)) },
		func() { para(b, t.paragraph(supportSentences, 2)) },
	}
	for _, add := range extras {
		if b.Len() >= target {
			break
		}
		add()
	}
}
