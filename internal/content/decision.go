package content

import (
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
	"go.yaml.in/yaml/v3"
)

// Decision is a document by which a committee decides on registrations of
// a call: one file per document, as committees issue them — one notice
// approves a whole list (content/decisions/<year>/<issuer>/<slug>.md).
type Decision struct {
	Source
	Slug         string // file name without .md
	CampaignYear int
	IssuerID     string
	Kind         DecisionKind
	Title        string
	Number       string
	Date         Date
	Signer       string
	SignerTitle  string
	Approved     []DecisionItem // approval: in the order of the file
	Rejected     []DecisionItem
	Scores       []Score // appraisal
	Body         Markdown

	Issuer   *Organisation
	Campaign *Campaign
}

// DecisionItem is one registration a decision lists.
type DecisionItem struct {
	Ref          string // "<organisation>/<slug>" (RegistrationRef)
	Reason       string // why it was rejected; "" for an approval
	Line, Col    int    // where the item is written
	Registration *Registration
}

// DecisionKind is what a decision decides.
type DecisionKind string

// The kinds of decision.
const (
	// Approval approves (thông qua) or rejects registrations of a call
	// before they are carried out.
	Approval DecisionKind = "approval"
	// Appraisal scores the results of models against the call's
	// criteria (thẩm định, Hướng dẫn 09-HD/BTCTU).
	Appraisal DecisionKind = "appraisal"
	// Recognition recognises (công nhận) models that achieved their
	// results, or not: Approved are the recognised, Rejected the others.
	Recognition DecisionKind = "recognition"
)

// DecisionKinds lists every kind of decision, in the order of the year.
var DecisionKinds = []DecisionKind{Approval, Appraisal, Recognition}

var decisionKindLabels = map[DecisionKind]string{
	Approval:    "Xét duyệt, thông qua đăng ký",
	Appraisal:   "Thẩm định kết quả",
	Recognition: "Công nhận mô hình",
}

// Score is one model's line of an appraisal: its points by criterion, in
// the call's order of criteria.
type Score struct {
	Ref          string
	Points       []int // by Campaign.Criteria
	Total        int
	Note         string
	Line, Col    int
	Registration *Registration

	written []writtenPoints // as written, by criterion id: read against the call's criteria when linking
}

// writtenPoints are the points of one criterion as an appraisal writes them.
type writtenPoints struct {
	criterion string
	value     string
	whole     bool // a whole number
	line, col int
}

// Label is the kind in Vietnamese.
func (k DecisionKind) Label() string { return decisionKindLabels[k] }

// Valid reports whether k is one of DecisionKinds.
func (k DecisionKind) Valid() bool { _, ok := decisionKindLabels[k]; return ok }

// Decided returns every item of d, approvals first.
func (d *Decision) Decided() []DecisionItem {
	out := make([]DecisionItem, 0, len(d.Approved)+len(d.Rejected))
	return append(append(out, d.Approved...), d.Rejected...)
}

// decisionKeys are the keys of a decision, in the order of
// docs/content-format.md.
var decisionKeys = []keySpec{
	{"title", "trích yếu của văn bản", true},
	{"kind", "loại quyết định, ví dụ approval", true},
	{"issuer", "mã cấp ủy ban hành", true},
	{"campaign", "năm của đợt đăng ký", true},
	{"number", "số văn bản, ví dụ 15-TB/ĐU", true},
	{"date", "ngày ký", true},
	{"signer", "người ký", false},
	{"signer_title", "chức vụ người ký", false},
	{"approved", "danh sách mô hình được thông qua", false},
	{"rejected", "danh sách mô hình không được thông qua, có lý do", false},
	{"scores", "điểm thẩm định của từng mô hình", false},
	{"recognised", "danh sách mô hình được công nhận", false},
	{"not_recognised", "danh sách mô hình không được công nhận, có lý do", false},
}

func decodeDecision(path string, parts []string, fm *frontMatter, diags *diagnostics) *Decision {
	r := newRecord(path, fm, decisionKeys, diags)
	d := &Decision{
		Slug:        parts[len(parts)-1],
		Title:       r.text("title"),
		IssuerID:    r.id("issuer"),
		Number:      r.text("number"),
		Date:        r.date("date"),
		Signer:      r.text("signer"),
		SignerTitle: r.text("signer_title"),
		Body:        fm.body,
	}
	d.Source = r.src
	folderYear, folderIssuer := parts[0], parts[1]
	if year, ok := r.number("campaign"); ok {
		d.CampaignYear = year
		if strconv.Itoa(year) != folderYear {
			line, col := r.src.At("campaign")
			diags.Errorf(path, line, col, "folder-mismatch", "đợt đăng ký %d không khớp với thư mục năm %s chứa tệp: hãy sửa \"campaign\" hoặc chuyển tệp vào "+DecisionsDir+"/%d/%s/", year, folderYear, year, folderIssuer)
		}
	}
	if d.IssuerID != "" && d.IssuerID != folderIssuer {
		line, col := r.src.At("issuer")
		diags.Errorf(path, line, col, "folder-mismatch", "cấp ủy ban hành %q không khớp với thư mục %s chứa tệp: hãy sửa \"issuer\" hoặc chuyển tệp vào "+DecisionsDir+"/%s/%s/", d.IssuerID, folderIssuer, folderYear, d.IssuerID)
	}
	if k := r.text("kind"); k != "" {
		d.Kind = DecisionKind(k)
		if !d.Kind.Valid() {
			line, col := r.src.At("kind")
			diags.Errorf(path, line, col, "bad-decision-kind", "loại quyết định %q không hợp lệ: hãy ghi %s", k, decisionKindList())
			d.Kind = ""
		}
	}
	if d.Number != "" && !numberPattern.MatchString(d.Number) {
		line, col := r.src.At("number")
		diags.Errorf(path, line, col, "bad-number", "số văn bản %q không đúng dạng: hãy viết <số>-<loại văn bản>/<ký hiệu cơ quan>, không có dấu cách, ví dụ 15-TB/ĐU", d.Number)
	}
	// Each kind reads its own lists; another kind's is refused where it is.
	lists := map[DecisionKind][2]string{Approval: {"approved", "rejected"}, Recognition: {"recognised", "not_recognised"}, Appraisal: {"scores", ""}}
	if own, ok := lists[d.Kind]; ok {
		for _, key := range []string{"approved", "rejected", "scores", "recognised", "not_recognised"} {
			if key != own[0] && key != own[1] && r.written(key) {
				line, col := r.src.At(key)
				diags.Errorf(path, line, col, "wrong-list", "văn bản loại %s (%s) không có danh sách %q: %s", d.Kind, d.Kind.Label(), key, decisionListHelp(d.Kind))
			}
		}
	}
	switch d.Kind {
	case Approval, Recognition:
		own := lists[d.Kind]
		d.Approved = approvedItems(r, own[0])
		d.Rejected = rejectedItems(r, own[1])
		if len(d.Approved)+len(d.Rejected) == 0 && !r.written(own[0]) && !r.written(own[1]) {
			diags.Errorf(path, fm.startLine, 1, "decision-empty", "văn bản chưa nêu mô hình nào: %s", decisionListHelp(d.Kind))
		}
	case Appraisal:
		d.Scores = scoreItems(r)
		if len(d.Scores) == 0 && !r.written("scores") {
			diags.Errorf(path, fm.startLine, 1, "decision-empty", "văn bản chưa nêu mô hình nào: %s", decisionListHelp(d.Kind))
		}
	}
	return d
}

// decisionListHelp says which lists a kind of decision has.
func decisionListHelp(k DecisionKind) string {
	switch k {
	case Recognition:
		return "hãy dùng danh sách \"recognised:\" (được công nhận) và \"not_recognised:\" (không được công nhận, có lý do)"
	case Appraisal:
		return "hãy dùng danh sách \"scores:\", mỗi mục gồm \"registration: <mã-tổ-chức>/<tên-tệp>\" và điểm của từng tiêu chí"
	}
	return "hãy dùng danh sách \"approved:\" (được thông qua) và \"rejected:\" (không được thông qua, có lý do), mỗi mục một dòng \"- <mã-tổ-chức>/<tên-tệp>\""
}

func decisionKindList() string {
	var parts []string
	for _, k := range DecisionKinds {
		parts = append(parts, string(k)+" ("+k.Label()+")")
	}
	return strings.Join(parts, ", ")
}

// approvedItems reads key ("approved", "recognised"): a list of
// references, one a line.
func approvedItems(r *record, key string) []DecisionItem {
	seq := r.sequence(key)
	var out []DecisionItem
	for _, item := range seq {
		line, col := r.pos(item)
		if item.Kind != yaml.ScalarNode {
			r.diags.Errorf(r.path, line, col, "bad-reference", "mỗi mục của %q là một dòng \"- <mã-tổ-chức>/<tên-tệp>\", ví dụ \"- chi-bo-thon-ka-do-moi/nuoi-ca-tam-long-be\"", key)
			continue
		}
		if ref, ok := r.reference(key, item); ok {
			out = append(out, DecisionItem{Ref: ref, Line: line, Col: col})
		}
	}
	return out
}

// rejectedItems reads key ("rejected", "not_recognised"): a list of a
// reference and its reason.
func rejectedItems(r *record, key string) []DecisionItem {
	seq := r.sequence(key)
	var out []DecisionItem
	form := "mỗi mục của \"" + key + "\" gồm hai dòng: \"- registration: <mã-tổ-chức>/<tên-tệp>\" và \"  reason: <lý do>\""
	for _, item := range seq {
		line, col := r.pos(item)
		if item.Kind != yaml.MappingNode {
			r.diags.Errorf(r.path, line, col, "bad-reference", "%s", form)
			continue
		}
		var refNode, reasonNode *yaml.Node
		bad := false
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			switch k.Value {
			case "registration":
				refNode = v
			case "reason":
				reasonNode = v
			default:
				kl, kc := r.pos(k)
				r.diags.Errorf(r.path, kl, kc, "unknown-key", "khóa %q không dùng được trong một mục của %q: %s", k.Value, key, form)
				bad = true
			}
		}
		if bad {
			continue
		}
		if refNode == nil || refNode.Kind != yaml.ScalarNode || isEmpty(refNode) {
			r.diags.Errorf(r.path, line, col, "bad-reference", "mục này thiếu mô hình không được thông qua: %s", form)
			continue
		}
		ref, ok := r.reference(key, refNode)
		if !ok {
			continue
		}
		rl, rc := r.pos(refNode)
		it := DecisionItem{Ref: ref, Line: rl, Col: rc}
		if reasonNode == nil || reasonNode.Kind != yaml.ScalarNode || isEmpty(reasonNode) {
			r.diags.Errorf(r.path, rl, rc, "missing-reason", "mô hình %s %s nhưng chưa ghi lý do: hãy thêm dòng \"  reason: …\" ngay dưới, để tổ chức đăng ký biết vì sao", ref, map[string]string{"rejected": "không được thông qua", "not_recognised": "không được công nhận"}[key])
		} else {
			it.Reason = r.normal(strings.TrimSpace(reasonNode.Value))
		}
		out = append(out, it)
	}
	return out
}

// sequence returns the items of key, which must be a list.
func (r *record) sequence(key string) []*yaml.Node {
	v, ok := r.value(key)
	if !ok || isEmpty(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		line, col := r.pos(v)
		r.diags.Errorf(r.path, line, col, "not-list", "%q phải là một danh sách: mỗi mục viết trên một dòng, bắt đầu bằng \"- \"", key)
		return nil
	}
	return v.Content
}

// reference reads one "<organisation>/<slug>" of key.
func (r *record) reference(key string, n *yaml.Node) (string, bool) {
	s := strings.TrimSpace(n.Value)
	s = strings.TrimSuffix(s, ".md")
	org, slug, ok := strings.Cut(s, "/")
	if !ok || org == "" || slug == "" || strings.Contains(slug, "/") || !vi.IsSlug(org) || !vi.IsSlug(slug) {
		line, col := r.pos(n)
		r.diags.Errorf(r.path, line, col, "bad-reference", "%q không phải tên một bản đăng ký: mỗi mục của %q ghi <mã-tổ-chức>/<tên-tệp>, là hai phần cuối của đường dẫn bản đăng ký (không có .md), ví dụ chi-bo-thon-ka-do-moi/nuoi-ca-tam-long-be", cut(n.Value, 80), key)
		return "", false
	}
	return org + "/" + slug, true
}

// scoreItems reads "scores" of an appraisal: a list of a reference, the
// points of each criterion by its id, and an optional note. The points
// are checked against the call's criteria when linking.
func scoreItems(r *record) []Score {
	const form = "mỗi mục của \"scores\" gồm dòng \"- registration: <mã-tổ-chức>/<tên-tệp>\", rồi mỗi tiêu chí một dòng \"  <mã-tiêu-chí>: <điểm>\", có thể thêm \"  note: <nhận xét>\""
	var out []Score
	for _, item := range r.sequence("scores") {
		line, col := r.pos(item)
		if item.Kind != yaml.MappingNode {
			r.diags.Errorf(r.path, line, col, "bad-reference", "%s", form)
			continue
		}
		sc := Score{Line: line, Col: col}
		var ref *yaml.Node
		var points []writtenPoints
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			switch k.Value {
			case "registration":
				ref = v
			case "note":
				sc.Note = r.normal(strings.TrimSpace(v.Value))
			default:
				vl, vc := r.pos(v)
				points = append(points, writtenPoints{criterion: k.Value, value: v.Value, whole: v.Kind == yaml.ScalarNode && v.Tag == "!!int", line: vl, col: vc})
			}
		}
		if ref == nil || ref.Kind != yaml.ScalarNode || isEmpty(ref) {
			r.diags.Errorf(r.path, line, col, "bad-reference", "mục này thiếu mô hình được thẩm định: %s", form)
			continue
		}
		var ok bool
		if sc.Ref, ok = r.reference("scores", ref); !ok {
			continue
		}
		sc.Line, sc.Col = r.pos(ref)
		sc.written = points
		out = append(out, sc)
	}
	return out
}

// MaxScore is the most points an appraisal of c's models can give: the
// sum of its criteria's maxima; 0 when the call has no scoring.
func (c *Campaign) MaxScore() int {
	n := 0
	for _, k := range c.Criteria {
		n += k.Max
	}
	return n
}
