package content

import (
	"strconv"
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
	"go.yaml.in/yaml/v3"
)

// The keys each kind of file accepts, in the order of docs/content-format.md.
var (
	settingsKeys = []keySpec{
		{"title", "tên cổng thông tin", true},
		{"description", "mô tả ngắn", false},
		{"repository", "địa chỉ kho git", false},
		{"forge", "loại máy chủ git của kho: github, gitea, forgejo hoặc gitlab", false},
		{"branch", "nhánh chứa nội dung, mặc định main", false},
		{"base_url", "địa chỉ đầy đủ nơi đăng cổng thông tin, ví dụ https://example.org/mohinh/", false},
	}
	campaignKeys = []keySpec{
		{"title", "tên đợt đăng ký", true},
		{"year", "năm của đợt đăng ký", true},
		{"number", "số công văn, ví dụ 943-CV/HU", true},
		{"issued", "ngày ban hành", true},
		{"deadline", "hạn đăng ký", true},
		{"issuer", "mã tổ chức ban hành", true},
		{"signer", "người ký", false},
		{"signer_title", "chức vụ người ký", false},
		{"recipients", "danh sách Kính gửi", false},
		{"expected", "các loại tổ chức phải đăng ký", false},
		{"results_deadline", "hạn báo cáo kết quả", false},
		{"bases", "các văn bản căn cứ mà bản đăng ký dẫn ở câu mở đầu", false},
		{"criteria", "các tiêu chí thẩm định", false},
		{"pass_score", "điểm đạt để được công nhận", false},
	}
	fieldKeys = []keySpec{
		{"title", "tên lĩnh vực", true},
		{"order", "thứ tự hiển thị", false},
	}
	organisationKeys = []keySpec{
		{"title", "tên tổ chức", true},
		{"kind", "loại tổ chức", true},
		{"parent", "mã tổ chức cấp trên", false},
		{"party_name", "tên đảng bộ ghi ở đầu văn bản cấp dưới", false},
		{"superior", "tên đảng bộ cấp trên ghi ở đầu văn bản, cho tổ chức cao nhất của cổng", false},
		{"place", "địa danh ghi trước ngày tháng", false},
		{"archive", "nơi lưu văn bản ghi ở dòng cuối Nơi nhận, ví dụ VPHU", false},
		{"established", "ngày thành lập", false},
		{"dissolved", "ngày giải thể, sáp nhập", false},
		{"successor", "mã tổ chức kế thừa", false},
		{"reviewers", "danh sách tài khoản (trên máy chủ git của kho: GitHub, Gitea, Forgejo, GitLab) duyệt bản đăng ký của tổ chức", false},
	}
	// registrationKeys are the contract's (keys.go).
	registrationKeys = keySpecs(registrationContract)
)

func decodeSettings(path string, fm *frontMatter, diags *diagnostics) Settings {
	r := newRecord(path, fm, settingsKeys, diags)
	s := Settings{
		Title:       r.text("title"),
		Description: r.text("description"),
		Repository:  r.text("repository"),
		Body:        fm.body,
	}
	if s.Repository != "" && !strings.HasPrefix(s.Repository, "https://") && !strings.HasPrefix(s.Repository, "http://") {
		line, col := r.src.At("repository")
		diags.Errorf(path, line, col, "bad-url", "\"repository\" phải là địa chỉ trang web bắt đầu bằng https://")
		s.Repository = ""
	}
	s.Forge, s.Branch = decodeForge(path, r, s.Repository, diags), r.text("branch")
	if s.Branch == "" {
		s.Branch = DefaultBranch
	} else if why := branchProblem(s.Branch); why != "" {
		line, col := r.src.At("branch")
		diags.Errorf(path, line, col, "bad-branch", "nhánh %q không phải tên nhánh git (%s): hãy ghi tên nhánh chứa nội dung, thường là main", s.Branch, why)
		s.Branch = DefaultBranch
	}
	if raw := r.text("base_url"); raw != "" {
		u, err := BaseURL(raw)
		if err != nil {
			line, col := r.src.At("base_url")
			diags.Errorf(path, line, col, "bad-base-url", "\"base_url\" %q %v: hãy ghi địa chỉ trang chủ của cổng thông tin, ví dụ https://mohinh.example.gov.vn/don-duong/", raw, err)
		}
		s.BaseURL = u
	}
	s.Source = r.src
	return s
}

func decodeCampaign(path, fileYear string, fm *frontMatter, diags *diagnostics) *Campaign {
	r := newRecord(path, fm, campaignKeys, diags)
	c := &Campaign{
		Title:       r.text("title"),
		Number:      r.text("number"),
		Issued:      r.date("issued"),
		Deadline:    r.date("deadline"),
		IssuerID:    r.id("issuer"),
		Signer:      r.text("signer"),
		SignerTitle: r.text("signer_title"),
		Recipients:  r.list("recipients"),
		Bases:       r.list("bases"),
		Body:        fm.body,
	}
	c.Source = r.src
	c.Expected = expectedKinds(r, diags)
	c.ResultsDeadline = r.date("results_deadline")
	c.Criteria = criteria(r, diags)
	if n, ok := r.number("pass_score"); ok {
		c.PassScore = n
		total := 0
		for _, k := range c.Criteria {
			total += k.Max
		}
		if line, col := r.src.At("pass_score"); len(c.Criteria) == 0 || n < 0 || n > total {
			diags.Errorf(path, line, col, "bad-pass-score", "điểm đạt %d không hợp lệ: điểm đạt phải từ 0 đến tổng điểm tối đa của các tiêu chí (\"criteria\"), hiện là %d", n, total)
		}
	}
	year, ok := r.number("year")
	if ok && strconv.Itoa(year) != fileYear {
		line, col := r.src.At("year")
		diags.Errorf(path, line, col, "year-mismatch", "năm %d không khớp với tên tệp %s.md: hãy sửa năm hoặc đổi tên tệp thành %d.md", year, fileYear, year)
	}
	c.Year, _ = strconv.Atoi(fileYear)
	if c.ResultsDeadline.IsZero() {
		c.ResultsDeadline, _ = realDate(c.Year+1, 1, 31) // the call's year, and the following January
	}
	if !c.Issued.IsZero() && !c.Deadline.IsZero() && c.Deadline.Before(c.Issued) {
		line, col := r.src.At("deadline")
		diags.Errorf(path, line, col, "deadline-before-issued", "hạn đăng ký %s sớm hơn ngày ban hành %s: hãy kiểm tra lại hai ngày này", c.Deadline.Short(), c.Issued.Short())
	}
	return c
}

func decodeField(path, id string, fm *frontMatter, diags *diagnostics) *Field {
	r := newRecord(path, fm, fieldKeys, diags)
	f := &Field{ID: id, Title: r.text("title"), Body: fm.body}
	f.Order, _ = r.number("order")
	f.Source = r.src
	return f
}

func decodeOrganisation(path, id string, fm *frontMatter, diags *diagnostics) *Organisation {
	r := newRecord(path, fm, organisationKeys, diags)
	o := &Organisation{
		ID:          id,
		Title:       r.text("title"),
		ParentID:    r.id("parent"),
		PartyName:   r.text("party_name"),
		Superior:    r.text("superior"),
		Place:       r.text("place"),
		Archive:     r.text("archive"),
		Established: r.date("established"),
		Dissolved:   r.date("dissolved"),
		SuccessorID: r.id("successor"),
		Reviewers:   r.list("reviewers"),
		Body:        fm.body,
	}
	o.Source = r.src
	o.badParent = o.ParentID == "" && r.written("parent")
	if o.Superior != "" && r.written("parent") {
		line, col := r.src.At("superior")
		diags.Warnf(path, line, col, "superior-with-parent", "tổ chức đã có cấp trên (\"parent\") nên dòng \"superior\" không được dùng: đầu văn bản ghi tên đảng bộ của cấp trên đó; hãy xóa dòng \"superior\"")
	}
	// The handles are checked against the site's forge when linked
	// (checkReviewers).
	if k := r.text("kind"); k != "" {
		o.Kind = Kind(k)
		if !o.Kind.Valid() {
			line, col := r.src.At("kind")
			diags.Errorf(path, line, col, "bad-kind", "loại tổ chức %q không hợp lệ%s %s", k, kindHint(k), kindList())
		}
	}
	if o.SuccessorID != "" && o.Dissolved.IsZero() {
		line, col := r.src.At("successor")
		diags.Errorf(path, line, col, "successor-without-dissolved", "có tổ chức kế thừa (\"successor\") nhưng chưa có ngày giải thể, sáp nhập: hãy thêm dòng \"dissolved: NĂM-THÁNG-NGÀY\"")
	}
	if !o.Established.IsZero() && !o.Dissolved.IsZero() && !o.Established.Before(o.Dissolved) {
		line, col := r.src.At("dissolved")
		diags.Errorf(path, line, col, "dissolved-before-established", "ngày giải thể %s không sau ngày thành lập %s: hãy kiểm tra lại hai ngày này", o.Dissolved.Short(), o.Established.Short())
	}
	if o.SuccessorID == id && id != "" {
		line, col := r.src.At("successor")
		diags.Errorf(path, line, col, "successor-self", "tổ chức không thể kế thừa chính nó: hãy ghi vào \"successor\" mã của tổ chức khác, hoặc xóa dòng này")
		o.SuccessorID = ""
	}
	return o
}

func decodeRegistration(path, slug string, fm *frontMatter, diags *diagnostics) *Registration {
	r := newRecord(path, fm, registrationKeys, diags)
	g := &Registration{
		Slug:            slug,
		Title:           r.text("title"),
		OrganisationID:  r.id("organisation"),
		FieldID:         r.id("field"),
		Member:          r.text("member"),
		Number:          r.text("number"),
		Date:            r.date("date"),
		Signer:          r.text("signer"),
		SignerTitle:     r.text("signer_title"),
		Novelty:         r.text("novelty"),
		ExpectedResults: r.text("expected_results"),
		Status:          Registered,
		Body:            fm.body,
	}
	g.Source = r.src
	g.statusWritten = r.written("status")
	year, ok := r.number("campaign")
	g.CampaignYear = year
	if ok && year == 0 {
		// 0 would read as "no call" when linking, and the registration
		// would be left out without a word.
		line, col := r.src.At("campaign")
		diags.Errorf(path, line, col, "unknown-campaign", "đợt đăng ký năm 0 không tồn tại: hãy ghi năm của đợt đăng ký, ví dụ 2024")
	}
	g.titleKey = vi.Fold(g.Title)
	if s := r.text("status"); s != "" {
		g.Status = Status(s)
		if !g.Status.Valid() {
			line, col := r.src.At("status")
			hint := ": hãy ghi mã của trạng thái."
			if code, byName := closestChoice(s, statusChoices()); code != "" {
				hint = suggest(code, Status(code).Label(), byName)
			}
			diags.Errorf(path, line, col, "bad-status", "trạng thái %q không hợp lệ%s Các trạng thái dùng được: %s", s, hint, statusList())
			g.Status = Registered
		}
	}
	checkRegistrationFile(g, diags)
	return g
}

// statusChoices are the statuses and their names, for suggestions.
func statusChoices() []choice {
	out := make([]choice, len(Statuses))
	for i, s := range Statuses {
		out[i] = choice{code: string(s), names: []string{s.Label()}}
	}
	return out
}

// kindChoices are the kinds of organisation and their names.
func kindChoices() []choice {
	out := make([]choice, len(Kinds))
	for i, k := range Kinds {
		out[i] = choice{code: string(k), names: []string{k.Label()}}
	}
	return out
}

// kindHint suggests the kind k was likely meant to be.
func kindHint(k string) string {
	if code, byName := closestChoice(k, kindChoices()); code != "" {
		return suggest(code, Kind(code).Label(), byName) + " Các loại dùng được:"
	}
	return ": hãy dùng một trong các loại"
}

func statusList() string {
	var parts []string
	for _, s := range Statuses {
		parts = append(parts, string(s)+" ("+s.Label()+")")
	}
	return strings.Join(parts, ", ")
}

func kindList() string {
	var parts []string
	for _, k := range Kinds {
		parts = append(parts, string(k)+" ("+k.Label()+")")
	}
	return strings.Join(parts, ", ")
}

// expectedKinds reads the optional "expected" of a call: the kinds of
// organisation that must answer it (the compliance report, internal/report).
func expectedKinds(r *record, diags *diagnostics) []Kind {
	items := r.list("expected")
	var kinds []Kind
	for i, k := range items {
		if Kind(k).Valid() {
			kinds = append(kinds, Kind(k))
			continue
		}
		line, col := r.src.At("expected")
		if v := r.values["expected"]; len(v.Content) == len(items) {
			line, col = r.pos(v.Content[i])
		}
		diags.Errorf(r.path, line, col, "bad-kind", "loại tổ chức %q trong \"expected\" không hợp lệ%s %s", k, kindHint(k), kindList())
	}
	return kinds
}

// criteria reads the appraisal criteria of a call: a list of {id, title,
// max}, ids unique slugs, max a positive whole number.
func criteria(r *record, diags *diagnostics) []Criterion {
	const form = "mỗi tiêu chí viết \"- {id: tinh-moi, title: \\\"Tính mới, sáng tạo\\\", max: 30}\""
	var out []Criterion
	seen := map[string]bool{}
	for _, item := range r.sequence("criteria") {
		line, col := r.pos(item)
		if item.Kind != yaml.MappingNode {
			diags.Errorf(r.path, line, col, "bad-criterion", "%s", form)
			continue
		}
		var k Criterion
		ok := true
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, v := item.Content[i], item.Content[i+1]
			switch key.Value {
			case "id":
				k.ID = strings.TrimSpace(v.Value)
			case "title":
				k.Title = r.normal(strings.TrimSpace(v.Value))
			case "max":
				n, err := strconv.Atoi(strings.TrimSpace(v.Value))
				if err != nil || v.Tag != "!!int" || n <= 0 {
					vl, vc := r.pos(v)
					diags.Errorf(r.path, vl, vc, "bad-criterion", "điểm tối đa %q của tiêu chí phải là một số nguyên dương, ví dụ 30", v.Value)
					ok = false
				}
				k.Max = n
			default:
				kl, kc := r.pos(key)
				diags.Errorf(r.path, kl, kc, "bad-criterion", "khóa %q không dùng được trong một tiêu chí: %s", key.Value, form)
				ok = false
			}
		}
		switch {
		case !ok:
		case !vi.IsSlug(k.ID) || k.ID == "registration" || k.ID == "note":
			diags.Errorf(r.path, line, col, "bad-criterion", "mã tiêu chí %q không hợp lệ: hãy dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ tinh-moi; %s", k.ID, form)
		case k.Title == "" || k.Max == 0:
			diags.Errorf(r.path, line, col, "bad-criterion", "tiêu chí %s thiếu tên (\"title\") hoặc điểm tối đa (\"max\"): %s", k.ID, form)
		case seen[k.ID]:
			diags.Errorf(r.path, line, col, "bad-criterion", "tiêu chí %s đã có ở trên: mỗi tiêu chí một mã riêng", k.ID)
		default:
			seen[k.ID] = true
			out = append(out, k)
		}
	}
	return out
}

// decodeForge reads "forge": the one written, or the public service's
// that the repository's host names. A repository on a server of the
// site's own needs it written; without a repository it is GitHub, whose
// conventions (CODEOWNERS, handles) apply by default.
func decodeForge(path string, r *record, repository string, diags *diagnostics) Forge {
	written, byHost := Forge(r.text("forge")), ForgeOfRepository(repository)
	line, col := r.src.At("forge")
	switch {
	case written != "" && !written.Valid():
		diags.Errorf(path, line, col, "bad-forge", "không có loại máy chủ git %q: hãy ghi %s", string(written), forgeList())
	case written != "" && byHost != "" && written != byHost:
		diags.Errorf(path, line, col, "bad-forge", "kho %s nằm trên %s, không phải %s: hãy ghi \"forge: %s\" hoặc xóa dòng \"forge\"", repository, byHost.Name(), written.Name(), byHost)
		return byHost
	case written != "":
		return written
	case byHost != "":
		return byHost
	case repository != "":
		line, col := r.src.At("repository")
		diags.Errorf(path, line, col, "missing-forge", "kho %s nằm trên máy chủ riêng: hãy ghi loại máy chủ bằng dòng \"forge: gitea\", \"forge: forgejo\" hoặc \"forge: gitlab\"", repository)
	}
	return GitHub
}
