package check

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/mohinh/mohinh/internal/diag"
)

// gitlabResult has what a Code Quality report must tell apart: errors and
// warnings, a problem of the whole file (line 0), two identical problems
// of one file, and with --base an existing problem.
func gitlabResult() Result {
	var diags, existing diag.List
	diags.Errorf("content/ghi-chu.txt", 0, 0, "misplaced", "content/ chỉ nhận tệp có đuôi .md")
	diags.Errorf("content/registrations/2024/xa-pro/a.md", 3, 15, "unknown-organisation", "tổ chức \"xa-pr\" không tồn tại — có phải \"xa-pro\"?")
	diags.Warnf("content/registrations/2024/xa-pro/a.md", 7, 33, "personal-phone", "có vẻ là số điện thoại")
	diags.Warnf("content/registrations/2024/xa-pro/a.md", 7, 72, "personal-phone", "có vẻ là số điện thoại")
	existing.Warnf("content/registrations/2024/xa-pro/b.md", 6, 7, "late", "nộp muộn 5 ngày")
	existing.Errorf("content/registrations/2024/xa-pro/c.md", 0, 0, "bad-file-name", "tên tệp không hợp lệ")
	return Result{Diags: diags, Existing: existing, Files: 5, Changes: &Changes{Base: "origin/main"}}
}

// decodeCodeQuality decodes a GitLab report and checks each object against
// the documented format: exactly the fields description, check_name,
// fingerprint, severity and location {path, lines {begin}}, of the right
// types; a severity GitLab knows; lines.begin a whole number ≥ 1;
// fingerprints unique.
func decodeCodeQuality(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var issues []map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&issues); err != nil {
		t.Fatalf("not a JSON list of objects: %v\n%s", err, data)
	}
	if dec.More() {
		t.Fatalf("more than one JSON document:\n%s", data)
	}
	keys := func(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
	fingerprints := map[string]int{}
	for i, issue := range issues {
		if got, want := keys(issue), []string{"check_name", "description", "fingerprint", "location", "severity"}; !slices.Equal(got, want) {
			t.Errorf("issue %d: fields %v, want %v", i, got, want)
		}
		for _, k := range []string{"description", "check_name", "fingerprint", "severity"} {
			if s, ok := issue[k].(string); !ok || s == "" {
				t.Errorf("issue %d: %s = %#v, want a non-empty string", i, k, issue[k])
			}
		}
		switch issue["severity"] {
		case "info", "minor", "major", "critical", "blocker":
		default:
			t.Errorf("issue %d: severity %#v is not one of GitLab's", i, issue["severity"])
		}
		fp, _ := issue["fingerprint"].(string)
		if b, err := hex.DecodeString(fp); err != nil || len(b) != 32 {
			t.Errorf("issue %d: fingerprint %q is not a hex SHA-256", i, fp)
		}
		if j, dup := fingerprints[fp]; dup {
			t.Errorf("issues %d and %d have the same fingerprint %s", j, i, fp)
		}
		fingerprints[fp] = i
		loc, ok := issue["location"].(map[string]any)
		if !ok {
			t.Errorf("issue %d: location = %#v, want an object", i, issue["location"])
			continue
		}
		if got, want := keys(loc), []string{"lines", "path"}; !slices.Equal(got, want) {
			t.Errorf("issue %d: location fields %v, want %v", i, got, want)
		}
		if p, ok := loc["path"].(string); !ok || p == "" {
			t.Errorf("issue %d: location.path = %#v, want a non-empty string", i, loc["path"])
		}
		lines, ok := loc["lines"].(map[string]any)
		if !ok {
			t.Errorf("issue %d: location.lines = %#v, want an object", i, loc["lines"])
			continue
		}
		if got, want := keys(lines), []string{"begin"}; !slices.Equal(got, want) {
			t.Errorf("issue %d: location.lines fields %v, want %v", i, got, want)
		}
		n, ok := lines["begin"].(json.Number)
		begin, err := n.Int64()
		if !ok || err != nil || begin < 1 {
			t.Errorf("issue %d: location.lines.begin = %#v, want a whole number ≥ 1", i, lines["begin"])
		}
	}
	return issues
}

func TestGitLabReport(t *testing.T) {
	res := gitlabResult()
	var out, again bytes.Buffer
	if err := GitLab(&out, res); err != nil {
		t.Fatal(err)
	}
	issues := decodeCodeQuality(t, out.Bytes())
	if len(issues) != len(res.Diags)+len(res.Existing) {
		t.Fatalf("%d issues, want %d: the branch's problems, then the existing ones", len(issues), len(res.Diags)+len(res.Existing))
	}
	for i, d := range append(slices.Clone(res.Diags), res.Existing...) {
		issue := issues[i]
		loc := issue["location"].(map[string]any)
		begin, _ := loc["lines"].(map[string]any)["begin"].(json.Number).Int64()
		wantBegin := int64(max(d.Line, 1))
		wantSeverity := map[diag.Severity]string{diag.Error: "major", diag.Warning: "minor"}[d.Severity]
		if issue["description"] != d.Message || issue["check_name"] != d.Code || issue["severity"] != wantSeverity || loc["path"] != d.Path || begin != wantBegin {
			t.Errorf("issue %d = %v, want %s (%s) at %s line %d, %s", i, issue, d.Message, d.Code, d.Path, wantBegin, wantSeverity)
		}
	}

	// The same problems give the same report, run after run.
	if err := GitLab(&again, gitlabResult()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), again.Bytes()) {
		t.Errorf("two runs differ:\n%s\n%s", out.Bytes(), again.Bytes())
	}

	// An existing problem keeps the fingerprint it has without --base, so
	// that GitLab finds it in the target branch's report; a line added
	// above a problem does not change its fingerprint.
	all := append(slices.Clone(res.Diags), res.Existing...)
	for i := range all {
		all[i].Line += 3
	}
	var whole bytes.Buffer
	if err := GitLab(&whole, Result{Diags: all}); err != nil {
		t.Fatal(err)
	}
	for i, issue := range decodeCodeQuality(t, whole.Bytes()) {
		if issue["fingerprint"] != issues[i]["fingerprint"] {
			t.Errorf("issue %d: fingerprint %v without --base and 3 lines lower, %v with", i, issue["fingerprint"], issues[i]["fingerprint"])
		}
	}

	// No problem: an empty list, which GitLab reads as "no issue".
	var empty bytes.Buffer
	if err := GitLab(&empty, Result{}); err != nil {
		t.Fatal(err)
	}
	if empty.String() != "[]\n" {
		t.Errorf("no problem: %q, want []", empty.String())
	}
}

// A hostile file name or message is data, escaped as JSON escapes: safe to
// print, read back as it was.
func TestGitLabReportEscapes(t *testing.T) {
	res := hostileResult()
	var out bytes.Buffer
	if err := GitLab(&out, res); err != nil {
		t.Fatal(err)
	}
	assertPrintable(t, "gitlab", out.String())
	issues := decodeCodeQuality(t, out.Bytes())
	for i, d := range res.Diags {
		if issues[i]["description"] != d.Message || issues[i]["location"].(map[string]any)["path"] != d.Path {
			t.Errorf("%q, %q read back as %v", d.Path, d.Message, issues[i])
		}
	}
}
