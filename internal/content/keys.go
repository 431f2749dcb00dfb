package content

import "slices"

// A Key is one key of a registration's front matter, as the contract
// (docs/content-format.md) defines it. The loader reads registrations by
// these keys; the form's JSON Schema (internal/render) and the file of
// "mohinh new" (internal/newreg) are written from them, so that a key
// added here reaches all three, and a key added anywhere else does not
// exist.
type Key struct {
	Name     string    // as written in the file
	Value    ValueKind // what its value is
	Required bool      // a file without it, or with it empty, is an error
	// Words: the value is a text that says what the model is, and one of
	// fewer than MinWords words gets a warning.
	Words bool
	Label string // what the key means, in the loader's messages
	Form  string // the form's name for the item, in Vietnamese
	Hint  string // a line under the form's item; "" for none
}

// ValueKind is what the value of a key is, and so how it is read and
// offered: typed, picked from a list, or matched against a pattern.
type ValueKind int

const (
	TextValue           ValueKind = iota // any text of one value, a line or a paragraph
	OrganisationValue                    // the id of an organisation (organisations/<id>.md)
	CampaignValue                        // the year of a call, a whole number (campaigns/<year>.md)
	FieldValue                           // the id of a field (fields/<id>.md)
	DocumentNumberValue                  // a document number, NumberPattern
	DateValue                            // a date, YYYY-MM-DD (ParseDate)
	StatusValue                          // one of Statuses; Registered when absent
)

// registrationContract are the keys of a registration, in the order of
// docs/content-format.md, which is the order files are written in.
var registrationContract = []Key{
	{Name: "title", Value: TextValue, Required: true, Label: "Tên mô hình", Form: "Tên mô hình"},
	{Name: "organisation", Value: OrganisationValue, Required: true, Label: "mã tổ chức đăng ký", Form: "Tổ chức đăng ký"},
	{Name: "campaign", Value: CampaignValue, Required: true, Label: "năm của đợt đăng ký", Form: "Đợt đăng ký"},
	{Name: "field", Value: FieldValue, Required: true, Label: "mã lĩnh vực", Form: "Lĩnh vực"},
	{Name: "member", Value: TextValue, Label: "họ tên đảng viên đăng ký cá nhân", Form: "Họ tên đảng viên", Hint: "Chỉ với bản đăng ký cá nhân"},
	{Name: "number", Value: DocumentNumberValue, Label: "số văn bản", Form: "Số văn bản", Hint: "Ví dụ 12-CV/ĐU, không ghi chữ “Số”"},
	{Name: "date", Value: DateValue, Label: "ngày ký", Form: "Ngày ký"},
	{Name: "signer", Value: TextValue, Label: "người ký", Form: "Người ký", Hint: "Ví dụ Nguyễn Văn An"},
	{Name: "signer_title", Value: TextValue, Label: "chức vụ người ký", Form: "Chức vụ người ký", Hint: "Bí thư, Phó Bí thư…"},
	{
		Name: "novelty", Value: TextValue, Required: true, Words: true, Label: "Tính mới của mô hình",
		Form: "Tính mới của mô hình", Hint: "Điều gì lần đầu tiên được làm, khác trước thế nào",
	},
	{
		Name: "expected_results", Value: TextValue, Required: true, Words: true, Label: "Dự kiến kết quả đạt được sau khi triển khai thực hiện",
		Form: "Dự kiến kết quả đạt được sau khi triển khai thực hiện", Hint: "Số liệu cụ thể, đạt vào lúc nào",
	},
	{Name: "status", Value: StatusValue, Label: "trạng thái", Form: "Trạng thái"},
}

// RegistrationKeys returns the keys of a registration, in the order of
// docs/content-format.md. The slice is the caller's.
func RegistrationKeys() []Key { return slices.Clone(registrationContract) }

// MinWords is the fewest words a text of a Words key may have before it is
// flagged as too short to say what the model is.
const MinWords = 5

// contractKey returns the key of a registration named name.
func contractKey(name string) (Key, bool) {
	for _, k := range registrationContract {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// keySpecs are keys as the record reader checks them.
func keySpecs(keys []Key) []keySpec {
	out := make([]keySpec, len(keys))
	for i, k := range keys {
		out[i] = keySpec{name: k.Name, label: k.Label, required: k.Required}
	}
	return out
}

// wordsText returns the text of a Words key of r: the decoder stores each
// in its own field.
func (r *Registration) wordsText(key string) string {
	switch key {
	case "novelty":
		return r.Novelty
	case "expected_results":
		return r.ExpectedResults
	}
	return ""
}
