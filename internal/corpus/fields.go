package corpus

// field is a lĩnh vực with what registrations in it are about.
type field struct {
	id, title, desc string
	// titles of models; {L} is the organisation's locus, {T} a topic.
	titles []string
	// topics: noun phrases used in titles and prose.
	topics []string
}

var fields = []field{
	{
		id: "xay-dung-dang", title: "Xây dựng Đảng và hệ thống chính trị",
		desc: "Các mô hình nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng, chất lượng sinh hoạt chi bộ và đội ngũ đảng viên.",
		titles: []string{
			"Chi bộ 4 tốt", "Chi bộ 4 tốt gắn với {T}", "Đảng viên đỡ đầu hộ dân tại {L}",
			"Mỗi tháng một gương điển hình", "Nâng cao chất lượng sinh hoạt chi bộ tại {L}",
			"Sinh hoạt chi bộ kiểu mẫu gắn với đối thoại cùng nhân dân", "Mỗi đảng viên một việc làm cụ thể",
			"Phát triển đảng viên trong đoàn viên thanh niên tại {L}", "Cấp ủy viên phụ trách địa bàn: {T}",
			"Mô hình “Chi bộ 4 tốt” tại {L}", "Đổi mới {T}",
		},
		topics: []string{
			"sinh hoạt chuyên đề hằng tháng", "công tác phát triển đảng viên", "kiểm tra, giám sát đảng viên nơi cư trú",
			"nâng cao chất lượng sinh hoạt chi bộ", "đánh giá, xếp loại đảng viên bằng sản phẩm cụ thể",
			"phân công đảng viên phụ trách hộ gia đình",
		},
	},
	{
		id: "kinh-te", title: "Kinh tế",
		desc: "Các mô hình phát triển sản xuất, kinh doanh, ứng dụng khoa học – công nghệ, tăng thu nhập cho người dân.",
		titles: []string{
			"Ứng dụng VietGAP trong {T}", "Ứng dụng VietGAP trong trồng rau an toàn tại {L}",
			"Tưới nhỏ giọt tiết kiệm nước cho cây cà phê tại {L}", "Tổ hợp tác chăn nuôi bò sữa {L}",
			"Đảng viên làm kinh tế giỏi giúp hộ nghèo thoát nghèo", "Liên kết tiêu thụ nông sản theo chuỗi giá trị tại {L}",
			"Nhà kính thông minh cho {T}", "Đảng viên đi đầu trong {T}", "Mô hình “Cánh đồng lớn” về {T}",
		},
		topics: []string{
			"sản xuất rau, hoa ứng dụng công nghệ cao", "chăn nuôi bò sữa", "tái canh cà phê",
			"trồng dâu nuôi tằm", "sản xuất nông nghiệp hữu cơ", "phát triển sản phẩm OCOP", "trồng sầu riêng xuất khẩu",
		},
	},
	{
		id: "van-hoa-xa-hoi", title: "Văn hóa – xã hội",
		desc: "Các mô hình an sinh xã hội, giáo dục, y tế, giữ gìn bản sắc văn hóa và xây dựng đời sống văn hóa ở khu dân cư.",
		titles: []string{
			"Hũ gạo thiện tâm", "Hũ gạo thiện tâm {L}", "Tủ sách pháp luật tại {L}", "Khu dân cư văn hóa kiểu mẫu {L}",
			"Giữ gìn nghề dệt thổ cẩm của đồng bào Chu Ru", "Câu lạc bộ dưỡng sinh người cao tuổi {L}",
			"Mái ấm tình thương cho hộ khó khăn", "\"Mỗi tháng một gương điển hình\" về {T}", "Đồng hành cùng {T}",
		},
		topics: []string{
			"học sinh có hoàn cảnh khó khăn", "gia đình văn hóa", "phòng, chống bạo lực gia đình",
			"chăm sóc sức khỏe người cao tuổi", "bảo tồn văn hóa cồng chiêng", "khuyến học, khuyến tài",
		},
	},
	{
		id: "quoc-phong-an-ninh", title: "Quốc phòng – an ninh",
		desc: "Các mô hình bảo đảm an ninh chính trị, trật tự an toàn xã hội, xây dựng thế trận quốc phòng toàn dân ở cơ sở.",
		titles: []string{
			"Camera an ninh kết nối tại {L}", "Tổ tự quản an ninh trật tự {L}", "Khu dân cư an toàn về an ninh trật tự",
			"Dân quân tự vệ giúp dân mùa thu hoạch", "Zalo an ninh trật tự {L}", "Toàn dân tham gia {T}",
		},
		topics: []string{
			"phòng, chống tội phạm ma túy", "bảo đảm trật tự an toàn giao thông", "phòng cháy, chữa cháy rừng",
			"giải quyết mâu thuẫn tại cơ sở", "quản lý người lao động tự do",
		},
	},
	{
		id: "dan-van", title: "Dân vận",
		desc: "Các mô hình “Dân vận khéo”, phát huy quyền làm chủ của nhân dân, tăng cường mối quan hệ mật thiết giữa Đảng và nhân dân.",
		titles: []string{
			"Dân vận khéo trong {T}", "Dân vận khéo trong {T} tại {L}", "Dân vận khéo trong xây dựng khu dân cư kiểu mẫu",
			"Lắng nghe dân nói, nói dân hiểu, làm dân tin", "Đối thoại định kỳ giữa cấp ủy và nhân dân {L}",
		},
		topics: []string{
			"vận động hiến đất làm đường giao thông nông thôn", "chuyển đổi cơ cấu cây trồng", "thu gom, phân loại rác thải",
			"giải phóng mặt bằng", "vận động đồng bào dân tộc thiểu số", "xây dựng nhà tình nghĩa",
		},
	},
	{
		id: "chuyen-doi-so", title: "Chuyển đổi số",
		desc: "Các mô hình ứng dụng công nghệ số trong lãnh đạo, sinh hoạt đảng, quản lý nhà nước và đời sống người dân.",
		titles: []string{
			"Chi bộ số", "Chi bộ số: sổ tay đảng viên điện tử", "Sổ tay đảng viên điện tử tại {L}",
			"Gửi tài liệu sinh hoạt chi bộ trước qua Zalo", "Thanh toán không dùng tiền mặt tại {L}",
			"Bản đồ số hộ gia đình {L}", "Mã QR giới thiệu sản phẩm OCOP", "Tổ công nghệ số cộng đồng: {T}",
		},
		topics: []string{
			"hướng dẫn người dân dịch vụ công trực tuyến", "sinh hoạt chi bộ không giấy tờ", "chợ 4.0",
			"số hóa hồ sơ đảng viên", "định danh điện tử VNeID",
		},
	},
	{
		id: "hoc-tap-lam-theo-bac", title: "Học tập và làm theo Bác",
		desc: "Các mô hình thực hiện Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
		titles: []string{
			"Mỗi tuần một lời Bác dạy", "Góc học tập và làm theo Bác tại {L}",
			"Học tập và làm theo Bác gắn với {T}", "Thực hiện Chỉ thị 05 gắn với {T}",
			"\"Làm theo lời Bác\" trong {T}",
		},
		topics: []string{
			"thực hành tiết kiệm", "nêu gương của người đứng đầu", "phong cách gần dân, sát dân",
			"giải quyết thủ tục hành chính cho người dân", "chăm lo thế hệ trẻ",
		},
	},
	{
		id: "nong-thon-moi", title: "Nông thôn mới",
		desc: "Các mô hình xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu và khu dân cư xanh – sạch – đẹp.",
		titles: []string{
			"Xây dựng nông thôn mới kiểu mẫu tại {L}", "Tuyến đường hoa nông thôn mới", "Hiến đất làm đường giao thông nông thôn",
			"Vườn mẫu nông thôn mới {L}", "Xanh – sạch – đẹp gắn với {T}", "Đảng viên gương mẫu trong {T}",
		},
		topics: []string{
			"bê tông hóa đường ngõ xóm", "thắp sáng đường quê", "xử lý rác thải tại hộ gia đình",
			"cải tạo vườn tạp", "xây dựng hàng rào xanh",
		},
	},
}
