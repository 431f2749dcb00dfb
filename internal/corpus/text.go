package corpus

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// Sentence templates. {O} organisation, {L} its locus, {U} "chi bộ" or
// "đảng bộ", {T} topic, {Y} year, {Y-1} the year before, {D} its Party
// members, {N} {K} {P} {Q} {M} numbers of various sizes.
var noveltySentences = []string{
	"Lần đầu tiên {O} áp dụng cách làm này trong {T}, thay cho cách làm cũ vốn rời rạc, thiếu theo dõi thường xuyên.",
	"Mô hình gắn trách nhiệm của từng đảng viên với từng việc cụ thể, có sản phẩm và thời hạn hoàn thành rõ ràng.",
	"Cấp ủy trực tiếp theo dõi, mỗi quý sơ kết, rút kinh nghiệm và công khai kết quả trước nhân dân {L}.",
	"Cách làm huy động được sự tham gia của Mặt trận Tổ quốc và các đoàn thể, không trông chờ vào ngân sách nhà nước.",
	"Kết hợp ứng dụng công nghệ số (Zalo, mã QR, sổ tay điện tử) để theo dõi tiến độ và tiếp nhận ý kiến của người dân.",
	"Khác với các năm trước, mô hình lấy hộ gia đình làm trung tâm, mỗi đảng viên phụ trách từ {K} đến {N} hộ.",
	"Nội dung {T} được cụ thể hóa thành các tiêu chí đo đếm được, phù hợp với điều kiện thực tế của {L}.",
	"Việc triển khai được lồng ghép vào sinh hoạt {U} thường kỳ, không phát sinh thêm hội họp.",
	"Đảng viên là người đi đầu, làm trước để quần chúng làm theo; người đứng đầu cấp ủy trực tiếp chỉ đạo.",
	"Lần đầu tiên nguồn lực xã hội hóa được công khai hằng tháng trên bảng tin và nhóm Zalo của {L}.",
	"Mô hình chuyển từ cách vận động chung chung sang “cầm tay chỉ việc”, đến tận từng hộ, từng người.",
	"Kết quả thực hiện là một tiêu chí khi đánh giá, xếp loại chất lượng đảng viên cuối năm {Y}.",
}

var resultSentences = []string{
	"Phấn đấu 100% đảng viên của {O} tham gia và hoàn thành nhiệm vụ được phân công.",
	"Trong năm {Y}, có ít nhất {N} hộ dân được hỗ trợ, hướng dẫn trực tiếp thông qua mô hình.",
	"Tỷ lệ hộ dân hài lòng đạt trên {P}%, không để phát sinh điểm nóng, khiếu kiện đông người.",
	"Thu nhập bình quân của các hộ tham gia tăng từ {Q}% trở lên so với năm {Y-1}.",
	"Chất lượng sinh hoạt {U} được nâng lên; cuối năm phấn đấu được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
	"Mô hình được sơ kết sau 6 tháng và tổng kết vào tháng 12 năm {Y} để đánh giá, nhân rộng.",
	"Có ít nhất {K} đảng viên được biểu dương, khen thưởng từ việc thực hiện mô hình.",
	"Giảm khoảng {Q}% thời gian xử lý công việc nhờ ứng dụng công nghệ thông tin.",
	"Huy động được khoảng {M} triệu đồng từ nguồn xã hội hóa để thực hiện mô hình.",
	"Góp phần hoàn thành các chỉ tiêu nghị quyết đại hội về {T} trên địa bàn {L}.",
	"Nhân rộng mô hình ra ít nhất {K} chi bộ, đơn vị có điều kiện tương tự trong năm {Y}.",
	"Kết nạp thêm {K} đảng viên mới từ những quần chúng tích cực tham gia mô hình.",
}

var contentSentences = []string{
	"Mô hình được xây dựng trên cơ sở Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung.",
	"Xuất phát từ thực tiễn {L}, nơi {T} còn nhiều khó khăn, {O} lựa chọn xây dựng mô hình để tạo chuyển biến rõ nét trong năm {Y}.",
	"Nội dung chính của mô hình là tập trung vào {T}, phân công cụ thể cho từng đảng viên, từng đoàn thể, gắn với trách nhiệm người đứng đầu.",
	"Mô hình thực hiện phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
	"Mỗi đảng viên đăng ký ít nhất một việc làm cụ thể, được {U} thông qua và theo dõi kết quả hằng tháng.",
	"Toàn {U} hiện có {D} đảng viên, trong đó nhiều đồng chí trẻ có khả năng ứng dụng công nghệ thông tin.",
	"Kinh phí thực hiện chủ yếu từ nguồn xã hội hóa, sự đóng góp tự nguyện của cán bộ, đảng viên và nhân dân.",
	"Mô hình bám sát nghị quyết đại hội đảng bộ các cấp nhiệm kỳ 2020–2025 và chương trình công tác năm {Y} của cấp ủy.",
	"Những năm qua, {T} tại {L} đã có kết quả bước đầu nhưng chưa đồng đều, chưa có cách làm bài bản.",
	"Mô hình được thảo luận dân chủ tại kỳ sinh hoạt {U} tháng 12 năm {Y-1} và được đa số đảng viên tán thành.",
}

var stepSentences = []string{
	"Tháng 01/{Y}: cấp ủy họp, thống nhất nội dung, phân công nhiệm vụ cho từng đảng viên.",
	"Xây dựng kế hoạch chi tiết, xác định rõ người phụ trách, thời gian hoàn thành và sản phẩm cụ thể.",
	"Tuyên truyền trên hệ thống loa truyền thanh, nhóm Zalo của {L} và tại các buổi họp dân.",
	"Phối hợp với Mặt trận Tổ quốc và các đoàn thể vận động nhân dân cùng tham gia.",
	"Quý II/{Y}: khảo sát, lựa chọn {N} hộ tiêu biểu để làm điểm trước khi nhân rộng.",
	"Hằng tháng, {U} nghe báo cáo tiến độ trong sinh hoạt thường kỳ; kịp thời tháo gỡ vướng mắc.",
	"Mời cán bộ kỹ thuật tập huấn cho đảng viên và hộ dân về {T}.",
	"Ứng dụng phần mềm, mã QR để cập nhật và công khai kết quả thực hiện.",
	"Tháng 6/{Y}: sơ kết 6 tháng, rút kinh nghiệm, điều chỉnh cách làm cho phù hợp.",
	"Kiểm tra, giám sát việc thực hiện; biểu dương kịp thời những cách làm hay.",
	"Tháng 11/{Y}: tổng kết, đánh giá hiệu quả, đề xuất khen thưởng tập thể, cá nhân tiêu biểu.",
}

var roleLines = []string{
	"- **Bí thư**: chịu trách nhiệm chung, trực tiếp chỉ đạo và báo cáo kết quả với cấp ủy cấp trên.",
	"- **Phó Bí thư**: xây dựng kế hoạch chi tiết, theo dõi tiến độ hằng tháng.",
	"- **Cấp ủy viên**: mỗi đồng chí phụ trách một nhóm hộ, một phần việc cụ thể.",
	"- **Đảng viên**: gương mẫu thực hiện, vận động gia đình và người thân cùng tham gia.",
	"- **Mặt trận và các đoàn thể**: tuyên truyền, vận động hội viên, giám sát việc thực hiện.",
}

var supportSentences = []string{
	"Kinh phí dự kiến khoảng {M} triệu đồng, chủ yếu từ nguồn xã hội hóa và đóng góp tự nguyện.",
	"{O} đề nghị cấp ủy cấp trên quan tâm hướng dẫn, hỗ trợ tài liệu và tập huấn kỹ năng.",
	"Cơ sở vật chất sẵn có của {L} được tận dụng tối đa, không đầu tư mới khi chưa thật cần thiết.",
	"Đảng viên cao tuổi, có uy tín trong cộng đồng được phân công làm nòng cốt vận động.",
	"Chính quyền và các ngành chuyên môn phối hợp hỗ trợ về kỹ thuật và thủ tục.",
}

var progressSentences = []string{
	"Sau {K} tháng triển khai, đã có {N} hộ tham gia, vượt chỉ tiêu đề ra.",
	"Các đảng viên được phân công đều hoàn thành phần việc của mình đúng thời hạn.",
	"Nhân dân {L} đồng tình, hưởng ứng, nhiều hộ tự nguyện đóng góp ngày công và kinh phí.",
	"Cấp ủy cấp trên đã kiểm tra, đánh giá cao tính thiết thực của mô hình.",
	"Một số khó khăn ban đầu về kinh phí và thời gian đã được tháo gỡ kịp thời.",
}

var replicateSentences = []string{
	"Mô hình có thể nhân rộng ra các chi bộ, đơn vị có điều kiện tương tự trên địa bàn.",
	"Cách làm đơn giản, chi phí thấp, dễ áp dụng ở các thôn, tổ dân phố khác.",
	"Sau khi tổng kết, {O} sẽ chia sẻ kinh nghiệm tại hội nghị chuyên đề của cấp ủy cấp trên.",
	"Tài liệu hướng dẫn thực hiện được biên soạn ngắn gọn để các đơn vị bạn tham khảo.",
}

// text fills sentence templates for one registration.
type text struct {
	r                  *rand.Rand
	org, locus, unit   string
	topic              string
	year, partyMembers int
}

func (t *text) fill(tpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		j := strings.IndexByte(tpl[i:], '}') + i
		b.WriteString(tpl[:i])
		switch tpl[i+1 : j] {
		case "O":
			b.WriteString(t.org)
		case "L":
			b.WriteString(t.locus)
		case "U":
			b.WriteString(t.unit)
		case "T":
			b.WriteString(t.topic)
		case "Y":
			b.WriteString(strconv.Itoa(t.year))
		case "Y-1":
			b.WriteString(strconv.Itoa(t.year - 1))
		case "D":
			b.WriteString(strconv.Itoa(t.partyMembers))
		case "N":
			b.WriteString(strconv.Itoa(10 + t.r.IntN(50)))
		case "K":
			b.WriteString(strconv.Itoa(2 + t.r.IntN(5)))
		case "P":
			b.WriteString(strconv.Itoa(80 + t.r.IntN(19)))
		case "Q":
			b.WriteString(strconv.Itoa(5 + t.r.IntN(21)))
		case "M":
			b.WriteString(strconv.Itoa(10 * (1 + t.r.IntN(30))))
		}
		tpl = tpl[j+1:]
	}
}

// sentences picks k distinct templates, keeping their order when ordered.
func (t *text) sentences(list []string, k int, ordered bool) []string {
	idx := t.r.Perm(len(list))[:min(k, len(list))]
	if ordered {
		slices.Sort(idx)
	}
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = t.fill(list[j])
	}
	return out
}

func (t *text) paragraph(list []string, k int) string {
	return strings.Join(t.sentences(list, k, false), " ")
}
