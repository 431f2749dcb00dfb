package check

import (
	"os"
	"strings"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/diag"
)

// The lifecycle across a branch: a registration's status moves one step
// forward or stays. Its status is what its decision gives (a document of
// content/decisions) or, without one, what its file says; so a branch that
// deletes a decision, or takes a registration off its list, moves
// registrations back as surely as one that edits "status".

// mayMove reports whether a status may go from before to after: the
// lifecycle is the model's (content.MayFollow).
func mayMove(before, after content.Status) bool { return content.MayFollow(before, after) }

// allowedAfter says in words where a status may go next.
func allowedAfter(s content.Status) string {
	n := content.NextStatuses(s)
	if len(n) == 0 {
		return "không còn bước nào sau trạng thái này"
	}
	var names []string
	for _, s := range n {
		names = append(names, string(s)+" ("+s.Label()+")")
	}
	return "bước tiếp theo chỉ có thể là " + strings.Join(names, " hoặc ")
}

// touchesStatus reports whether a branch may change what a registration's
// status is: it changes a decision or a results report, or the "status"
// of a registration.
func (c *Changes) touchesStatus(statusEdited bool) bool {
	if statusEdited {
		return true
	}
	isDecision := func(p string) bool {
		return strings.HasPrefix(p, content.DecisionsDir+"/") || strings.HasPrefix(p, content.ResultsDir+"/")
	}
	for _, list := range [][]string{c.Added, c.Modified, c.Deleted} {
		for _, p := range list {
			if isDecision(p) {
				return true
			}
		}
	}
	for _, r := range c.Renamed {
		if isDecision(r[0]) || isDecision(r[1]) {
			return true
		}
	}
	return false
}

// compareLifecycle loads the site at base and in the working tree and
// reports every registration whose status, as its documents give it,
// moves other than one step forward. The problem is put where the move
// was made: the decision that now decides it, the decision that decided
// it at base (deleted or no longer listing it), or its own "status".
func compareLifecycle(site, base string, ch *Changes) (diag.List, error) {
	before, _, err := siteAt(site, base, content.Date{})
	if err != nil {
		return nil, err
	}
	after, _ := content.LoadWith(os.DirFS(site), content.Options{IsNew: ch.isAdded})
	renamedFrom := map[string]string{}
	for _, r := range ch.Renamed {
		renamedFrom[r[1]] = r[0]
	}
	var diags diag.List
	for _, r := range after.Registrations {
		old := r.Path
		if from, ok := renamedFrom[old]; ok {
			old = from
		}
		b := before.RegistrationByPath[old]
		if b == nil || mayMove(b.Status, r.Status) {
			continue
		}
		move := "mô hình " + content.RegistrationRef(r) + " chuyển từ trạng thái " + string(b.Status) + " (" + b.Status.Label() + ") ở " + base + " sang " + string(r.Status) + " (" + r.Status.Label() + ")"
		switch {
		case b.Result != nil && r.Result == nil && after.ResultByPath[b.Result.Path] == nil:
			diags.Errorf(b.Result.Path, 0, 0, "status-jump", "%s vì báo cáo kết quả của mô hình nay bị xóa: %s; không được xóa báo cáo đã nộp, hãy khôi phục tệp", move, allowedAfter(b.Status))
		case r.Decision != nil && (b.Decision == nil || b.Decision.Path != r.Decision.Path || b.DecisionRejects != r.DecisionRejects):
			line, col := itemAt(r.Decision, r)
			diags.Errorf(r.Decision.Path, line, col, "status-jump", "%s theo văn bản này: %s; hãy xóa mục này", move, allowedAfter(b.Status))
		case b.Decision != nil && r.Decision == nil:
			d := b.Decision
			if now := after.DecisionByPath[d.Path]; now != nil {
				diags.Errorf(d.Path, now.FrontLine, 1, "status-jump", "%s vì văn bản %s không còn ghi mô hình này: %s; không được bỏ mô hình khỏi văn bản đã ban hành, hãy ghi lại mục %s", move, d.Label(), allowedAfter(b.Status), content.RegistrationRef(r))
			} else {
				diags.Errorf(d.Path, 0, 0, "status-jump", "%s vì văn bản %s đã quyết định mô hình nay bị xóa: %s; không được xóa văn bản đã ban hành, hãy khôi phục tệp", move, d.Label(), allowedAfter(b.Status))
			}
		default:
			line, col := r.At("status")
			diags.Errorf(r.Path, line, col, "status-jump", "không được chuyển trạng thái từ %s (%s) sang %s (%s): %s", b.Status, b.Status.Label(), r.Status, r.Status.Label(), allowedAfter(b.Status))
		}
	}
	return diags, nil
}

// itemAt returns where d lists r.
func itemAt(d *content.Decision, r *content.Registration) (int, int) {
	for _, it := range d.Decided() {
		if it.Registration == r {
			return it.Line, it.Col
		}
	}
	return d.FrontLine, 1
}
