package render

// The registration form ("Đăng ký mô hình", layouts/form.html and
// assets/form.js) checks what a person types with the rules of mohinh
// check. It reads them from du-lieu/dang-ky.schema.json, a JSON Schema of a
// registration's front matter that the build writes from the content
// contract, asked of internal/content and never written here again:
//
//   - the keys, in order, with their types, which are required, the form's
//     labels and hints, which texts have their words counted and the
//     fewest words they may have: content.RegistrationKeys, MinWords;
//   - the form of a document number: content.NumberPattern;
//   - where the file goes: content.RegistrationPathPattern, and its name,
//     content.FileSlug, which the browser computes from chu-viet.json
//     (vitext.go) with its length, content.MaxSlugLen;
//   - the calls with their issue dates and deadlines, the organisations
//     that may answer each (content.Organisation.MayRegister), the fields
//     and the statuses come from the linked site.
//
// Dates are checked in the browser against its own clock in Vietnam's time
// zone, as content.Today does: the build writes no "today", so that two
// builds of the same content stay byte-identical.

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
)

// FormSchema is du-lieu/dang-ky.schema.json: a JSON Schema (2020-12) of a
// registration's front matter, with what the schema language cannot say —
// dates relative to a call, who may answer which call, short texts — under
// "x-mohinh".
type FormSchema struct {
	Schema               string                `json:"$schema"`
	Title                string                `json:"title"`
	Type                 string                `json:"type"`
	Required             []string              `json:"required"`
	AdditionalProperties bool                  `json:"additionalProperties"`
	Properties           map[string]SchemaProp `json:"properties"`
	Order                []string              `json:"x-order"` // the keys in the order of docs/content-format.md
	Rules                FormRules             `json:"x-mohinh"`
}

// SchemaProp is one key of the front matter.
type SchemaProp struct {
	Title       string `json:"title"` // the form item, in Vietnamese
	Description string `json:"description,omitempty"`
	Type        string `json:"type"`
	MinLength   int    `json:"minLength,omitempty"`
	Pattern     string `json:"pattern,omitempty"`
	Format      string `json:"format,omitempty"`
	Enum        []any  `json:"enum,omitempty"`
	Default     any    `json:"default,omitempty"`
}

// FormRules are the rules and lists beyond the schema.
type FormRules struct {
	// MinWords: a required text of fewer words gets a warning.
	MinWords int `json:"minWords"`
	// WordsChecked are the keys whose length in words is checked.
	WordsChecked []string `json:"wordsChecked"`
	// MaxSlug is the longest file name (content.MaxSlugLen).
	MaxSlug int `json:"maxSlug"`
	// Path is where the file goes, with {year}, {org} and {slug}.
	Path string `json:"path"`
	// Repository is the site's repository ("" when not set); NewFileURL
	// opens its page for a new file, with {path} and {value} to fill in
	// (content.Settings.NewFileURL). A link longer than NewFileMax is not
	// offered: the page opens with the file name only, and the person
	// pastes or uploads the file.
	Repository string `json:"repository"`
	NewFileURL string `json:"newFileURL,omitempty"`
	NewFileMax int    `json:"newFileMax,omitempty"`
	// Forge is the forge's name ("GitLab"); Propose says what to press on
	// its page; MayIgnoreContent is set where the page may open empty.
	Forge            string `json:"forge,omitempty"`
	Propose          string `json:"-"`
	MayIgnoreContent bool   `json:"-"`
	// TimeZoneOffset is the offset of Vietnam's time, in minutes, for
	// "today" (content.Today).
	TimeZoneOffset int `json:"timeZoneOffset"`

	Campaigns     []FormCampaign     `json:"campaigns"` // newest first
	Organisations []FormOrganisation `json:"organisations"`
	Fields        []TableField       `json:"fields"`
	Messages      map[string]string  `json:"messages"`
}

// FormCampaign is a call the form can answer.
type FormCampaign struct {
	Year     int    `json:"year"`
	Title    string `json:"title"`
	Number   string `json:"number"`
	Issued   string `json:"issued"`   // YYYY-MM-DD: a registration signed before it is an error
	Deadline string `json:"deadline"` // after it, a warning: late
	Label    string `json:"label"`    // as the form offers it
}

// FormOrganisation is an organisation, in the order of the tree.
type FormOrganisation struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Depth int    `json:"depth"`
	// Closed are the years of the calls it may not answer, and Why says
	// why for each, as the loader does (content.Organisation.RegisterProblem):
	// dissolved before it was issued, established after its deadline,
	// under another committee than its issuer.
	Closed []int             `json:"closed,omitempty"`
	Why    map[string]string `json:"why,omitempty"`
	// Label is the title indented by depth, as the form's list shows it;
	// ClosedYears is Closed for an HTML attribute.
	Label       string `json:"-"`
	ClosedYears string `json:"-"`
}

// formMessages are what the form says next to a field, in Vietnamese;
// {…} are filled in by the form.
var formMessages = map[string]string{
	"required":         "Hãy điền mục “{label}”.",
	"choose":           "Hãy chọn {label}.",
	"title-no-letter":  "Tên mô hình phải có ít nhất một chữ cái hoặc chữ số để đặt tên tệp.",
	"duplicate-title":  "Tổ chức đã có bản đăng ký cùng tên trong đợt này: “{other}”. Hãy đặt tên khác.",
	"bad-number":       "Số văn bản “{value}” không đúng dạng: hãy viết <số>-<loại văn bản>/<ký hiệu cơ quan>, không có dấu cách, ví dụ 12-CV/ĐU.",
	"bad-date":         "Ngày ký không hợp lệ: hãy ghi ngày/tháng/năm của một ngày có thật, ví dụ 08/01/2024.",
	"date-in-future":   "Ngày ký {date} là ngày trong tương lai: hãy ghi đúng ngày đã ký văn bản.",
	"date-before-call": "Ngày ký {date} trước ngày ban hành Công văn số {number} ({issued}): hãy kiểm tra lại ngày ký.",
	"late":             "Nộp muộn {days} ngày: hạn đăng ký của đợt {year} là {deadline}.",
	"text-too-short":   "Nội dung chỉ có {n} từ: hãy viết cụ thể hơn để người đọc hiểu được mô hình.",
	"closed":           "{why}.",
	"member-required":  "Bản đăng ký cá nhân cần họ tên đảng viên.",
}

// proposeSteps say what to press on each forge's new-file page to send
// the file for review.
var proposeSteps = map[content.Forge]string{
	content.GitHub:  "bấm “Propose new file” (đề xuất tệp mới) để mở yêu cầu hợp nhất (pull request)",
	content.Gitea:   giteaSteps + " rồi bấm “Commit Changes”",
	content.Forgejo: giteaSteps + " rồi bấm “Commit changes”",
	content.GitLab:  "đặt tên nhánh mới, đánh dấu “Start a new merge request with these changes” (mở yêu cầu hợp nhất) rồi bấm “Commit changes”",
}

// giteaSteps: Gitea (1.26, 1.27) shows the file's name as the last folder
// of the path, above an empty name box (internal/forgetest); Backspace in
// the box brings it back.
const giteaSteps = "nếu ô tên tệp trống và tên tệp hiện ở cuối đường dẫn phía trên, nhấn phím Backspace (xóa lùi) một lần trong ô đó để đưa tên tệp vào ô; chọn “Create a new branch for this commit and start a pull request” (tạo nhánh mới và mở yêu cầu hợp nhất)"

// buildFormSchema computes the schema for site; repository links are the
// site's forge's, on its branch, as the registrations' "propose a change"
// links are.
func buildFormSchema(site *content.Site) FormSchema {
	keys := content.RegistrationKeys()
	s := FormSchema{
		Schema:               "https://json-schema.org/draft/2020-12/schema",
		Title:                "Bản đăng ký mô hình mới, cách làm sáng tạo",
		Type:                 "object",
		AdditionalProperties: false,
		Properties:           map[string]SchemaProp{},
		Rules: FormRules{
			MinWords:       content.MinWords,
			MaxSlug:        content.MaxSlugLen,
			Path:           content.RegistrationPathPattern,
			Repository:     site.Settings.Repository,
			TimeZoneOffset: 7 * 60,
			Messages:       formMessages,
		},
	}
	for _, k := range keys {
		if k.Required {
			s.Required = append(s.Required, k.Name)
		}
		if k.Words {
			s.Rules.WordsChecked = append(s.Rules.WordsChecked, k.Name)
		}
	}
	if repo := strings.TrimSuffix(site.Settings.Repository, "/"); repo != "" {
		f := site.Settings.Forge
		s.Rules.Repository = repo
		s.Rules.NewFileURL = site.Settings.NewFileURL()
		s.Rules.NewFileMax = content.NewFileLinkLimit
		s.Rules.Forge, s.Rules.Propose, s.Rules.MayIgnoreContent = f.Name(), proposeSteps[f], f.NewFileIgnoresContent()
	}
	var years []any
	for _, c := range site.Campaigns {
		years = append(years, c.Year)
		label := "Năm " + strconv.Itoa(c.Year)
		if c.Number != "" {
			label += " — Công văn số " + c.Number
		}
		if !c.Deadline.IsZero() {
			label += ", hạn đăng ký " + c.Deadline.Short()
		}
		s.Rules.Campaigns = append(s.Rules.Campaigns, FormCampaign{Year: c.Year, Title: c.Title, Number: c.Number, Issued: c.Issued.String(), Deadline: c.Deadline.String(), Label: label})
	}
	var orgIDs []any
	for _, o := range treeOrder(site) {
		orgIDs = append(orgIDs, o.ID)
		fo := FormOrganisation{ID: o.ID, Title: o.Title, Depth: o.Depth, Label: strings.Repeat("\u00a0\u00a0\u00a0", o.Depth) + o.Title}
		var closed []string
		for _, c := range site.Campaigns {
			if why := o.RegisterProblem(c); why != "" {
				fo.Closed = append(fo.Closed, c.Year)
				closed = append(closed, strconv.Itoa(c.Year))
				if fo.Why == nil {
					fo.Why = map[string]string{}
				}
				fo.Why[strconv.Itoa(c.Year)] = upperFirst(why)
			}
		}
		fo.ClosedYears = strings.Join(closed, " ")
		s.Rules.Organisations = append(s.Rules.Organisations, fo)
	}
	var fieldIDs []any
	for _, f := range site.Fields {
		fieldIDs = append(fieldIDs, f.ID)
		s.Rules.Fields = append(s.Rules.Fields, TableField{ID: f.ID, Title: f.Title})
	}
	var statuses []any
	for _, st := range content.Statuses {
		statuses = append(statuses, string(st))
	}
	for _, k := range keys {
		p := SchemaProp{Title: k.Form, Description: k.Hint, Type: "string"}
		switch k.Value {
		case content.OrganisationValue:
			p.Enum = orgIDs
		case content.CampaignValue:
			p.Type, p.Enum = "integer", years
		case content.FieldValue:
			p.Enum = fieldIDs
		case content.DocumentNumberValue:
			p.Pattern = content.NumberPattern
		case content.DateValue:
			p.Format = "date"
		case content.StatusValue:
			p.Enum, p.Default = statuses, string(content.Registered)
		}
		if k.Required && p.Type == "string" {
			p.MinLength = 1
		}
		s.Properties[k.Name] = p
		s.Order = append(s.Order, k.Name)
	}
	return s
}

// treeOrder lists the organisations each followed by those under it, as
// the form offers them.
func treeOrder(site *content.Site) []*content.Organisation {
	var out []*content.Organisation
	seen := map[*content.Organisation]bool{}
	var walk func(o *content.Organisation)
	walk = func(o *content.Organisation) {
		if seen[o] {
			return
		}
		seen[o] = true
		out = append(out, o)
		for _, c := range o.Children {
			walk(c)
		}
	}
	for _, root := range site.Roots {
		walk(root)
	}
	for _, o := range site.Organisations {
		walk(o)
	}
	return out
}

// FormView is the form's page: the schema, and each item's label and
// whether it is required, by key.
type FormView struct {
	Schema FormSchema
	Items  map[string]FormItem
}

// FormItem is one item of the form.
type FormItem struct {
	Key, Label, Description string
	Required                bool
}

func formView(site *content.Site) FormView {
	s := buildFormSchema(site)
	v := FormView{Schema: s, Items: map[string]FormItem{}}
	for key, p := range s.Properties {
		v.Items[key] = FormItem{Key: key, Label: p.Title, Description: p.Description, Required: slices.Contains(s.Required, key)}
	}
	return v
}
