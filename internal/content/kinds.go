package content

// Status is where a registration stands in its lifecycle.
type Status string

// The lifecycle: registered → approved | rejected; approved → implementing;
// implementing → completed; completed → recognised | not-recognised.
const (
	Registered    Status = "registered"
	Approved      Status = "approved"
	Rejected      Status = "rejected"
	Implementing  Status = "implementing"
	Completed     Status = "completed"
	Recognised    Status = "recognised"
	NotRecognised Status = "not-recognised"
)

// Statuses lists every status in lifecycle order.
var Statuses = []Status{Registered, Approved, Rejected, Implementing, Completed, Recognised, NotRecognised}

var statusLabels = map[Status]string{
	Registered:    "Đã đăng ký",
	Approved:      "Đã được thông qua",
	Rejected:      "Không được thông qua",
	Implementing:  "Đang triển khai",
	Completed:     "Đã hoàn thành",
	Recognised:    "Được công nhận",
	NotRecognised: "Không được công nhận",
}

var statusMeanings = map[Status]string{
	Registered:    "Tổ chức, đảng viên đã gửi bản đăng ký; mô hình đang chờ cấp xét duyệt (cấp ủy cấp trên trực tiếp của tổ chức đăng ký, hoặc chi bộ với bản đăng ký của đảng viên) xem xét, thông qua.",
	Approved:      "Cấp xét duyệt đã thông qua mô hình bằng văn bản; mô hình được triển khai trong năm.",
	Rejected:      "Cấp xét duyệt không thông qua mô hình; lý do ghi trong văn bản xét duyệt.",
	Implementing:  "Mô hình đã được thông qua và đang được triển khai thực hiện.",
	Completed:     "Tổ chức, đảng viên đã báo cáo kết quả thực hiện mô hình; mô hình chờ thẩm định và xét công nhận.",
	Recognised:    "Mô hình đã được thẩm định kết quả và được cấp xét duyệt công nhận bằng quyết định: mô hình để các tổ chức đảng tham khảo, học tập.",
	NotRecognised: "Cấp xét duyệt đã xét kết quả và không công nhận mô hình; lý do ghi trong quyết định.",
}

// Meaning says in a sentence what the status means, for a visitor.
func (s Status) Meaning() string { return statusMeanings[s] }

// Label is the status in Vietnamese.
func (s Status) Label() string { return statusLabels[s] }

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { _, ok := statusLabels[s]; return ok }

// Kind is the kind of a Party organisation.
type Kind string

// The kinds of organisation, from the committee that issues calls down to
// the branches of a base organisation.
const (
	CapUy          Kind = "cap-uy"
	CoQuanThamMuu  Kind = "co-quan-tham-muu"
	DangUyCoSo     Kind = "dang-uy-co-so"
	ChiBoCoSo      Kind = "chi-bo-co-so"
	ChiBoTrucThuoc Kind = "chi-bo-truc-thuoc"
)

// Kinds lists every kind, from the top of the hierarchy down.
var Kinds = []Kind{CapUy, CoQuanThamMuu, DangUyCoSo, ChiBoCoSo, ChiBoTrucThuoc}

var kindLabels = map[Kind]string{
	CapUy:          "Cấp ủy",
	CoQuanThamMuu:  "Cơ quan tham mưu, giúp việc",
	DangUyCoSo:     "Đảng ủy cơ sở",
	ChiBoCoSo:      "Chi bộ cơ sở",
	ChiBoTrucThuoc: "Chi bộ trực thuộc",
}

// Label is the kind in Vietnamese.
func (k Kind) Label() string { return kindLabels[k] }

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { _, ok := kindLabels[k]; return ok }

// Timeliness says whether a registration arrived by its call's deadline.
type Timeliness int

// A registration without a date cannot be placed.
const (
	TimeUnknown Timeliness = iota
	OnTime
	Late
)

// Label is the timeliness in Vietnamese.
func (t Timeliness) Label() string {
	switch t {
	case OnTime:
		return "Đúng hạn"
	case Late:
		return "Nộp muộn"
	}
	return "Chưa rõ ngày"
}

// Key is a short ASCII name of the timeliness: "ontime", "late", "unknown".
func (t Timeliness) Key() string {
	switch t {
	case OnTime:
		return "ontime"
	case Late:
		return "late"
	}
	return "unknown"
}
