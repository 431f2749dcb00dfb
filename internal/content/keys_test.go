package content

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mohinh/mohinh/internal/diag"
)

// sampleValues are two valid values of each kind of key: a registration
// written with the first of every key loads without a problem, and the
// second must read as something else.
var sampleValues = map[ValueKind][2]string{
	TextValue:           {"Lần đầu tiên tài liệu được gửi trước qua sổ tay điện tử.", "Mọi đảng viên nhận tài liệu trước ba ngày."},
	OrganisationValue:   {"to-chuc-mau", "to-chuc-khac"},
	CampaignValue:       {"2024", "2025"},
	FieldValue:          {"linh-vuc-mau", "linh-vuc-khac"},
	DocumentNumberValue: {"12-CV/ĐU", "13-CV/ĐU"},
	DateValue:           {"2024-01-08", "2024-01-09"},
	StatusValue:         {"approved", "rejected"},
}

// parseSample reads a registration with the first sample value of every
// key, changed by change: a value, or "" to leave the key out.
func parseSample(change map[string]string) (*Registration, diag.List) {
	var b strings.Builder
	b.WriteString("---\n")
	for _, k := range RegistrationKeys() {
		v, changed := change[k.Name]
		if !changed {
			v = sampleValues[k.Value][0]
		}
		switch {
		case v == "":
		case k.Value == CampaignValue || k.Value == DateValue: // a number, a date: not text
			b.WriteString(k.Name + ": " + v + "\n")
		default:
			b.WriteString(k.Name + ": " + YAMLScalar(v) + "\n")
		}
	}
	b.WriteString("---\n")
	return ParseRegistration(RegistrationPath(2024, "to-chuc-mau", "mo-hinh-mau"), []byte(b.String()))
}

func hasCode(diags diag.List, code string) bool {
	for _, d := range diags {
		if d.Code == code {
			return true
		}
	}
	return false
}

// The loader knows every key of the contract, and reads each: a key that
// the list has and the decoder does not read fails here.
func TestTheLoaderReadsEveryKey(t *testing.T) {
	base, diags := parseSample(nil)
	if len(diags) > 0 {
		t.Fatalf("a registration with every key has problems: %v", diags)
	}
	for _, k := range RegistrationKeys() {
		if _, ok := sampleValues[k.Value]; !ok {
			t.Errorf("%s: no sample value of its kind %d", k.Name, k.Value)
			continue
		}
		other, diags := parseSample(map[string]string{k.Name: sampleValues[k.Value][1]})
		if len(diags) > 0 {
			t.Errorf("%s: %v", k.Name, diags)
		}
		if reflect.DeepEqual(*base, *other) {
			t.Errorf("%s: the loader does not read it: another value gives the same registration", k.Name)
		}
		_, diags = parseSample(map[string]string{k.Name: ""})
		if got := hasCode(diags, "missing-key"); got != k.Required {
			t.Errorf("%s: left out, missing-key is %v; required is %v (%v)", k.Name, got, k.Required, diags)
		}
		if k.Label == "" || k.Form == "" {
			t.Errorf("%s: no label", k.Name)
		}
	}
}

// A text whose words are counted warns with fewer than MinWords; no other
// key does.
func TestWordsAreCountedWhereTheContractSays(t *testing.T) {
	short := strings.TrimSpace(strings.Repeat("chữ ", MinWords-1))
	enough := strings.TrimSpace(strings.Repeat("chữ ", MinWords))
	for _, k := range RegistrationKeys() {
		if k.Value != TextValue {
			continue
		}
		_, diags := parseSample(map[string]string{k.Name: short})
		if got := hasCode(diags, "text-too-short"); got != k.Words {
			t.Errorf("%s with %d words: text-too-short is %v, Words is %v", k.Name, MinWords-1, got, k.Words)
		}
		if _, diags := parseSample(map[string]string{k.Name: enough}); hasCode(diags, "text-too-short") {
			t.Errorf("%s with %d words: %v", k.Name, MinWords, diags)
		}
	}
}

// A decoder that reads a key its kind does not list stops, in every test
// that loads such a file, instead of finding nothing without a word.
func TestReadingAnUnlistedKeyStops(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("reading an unlisted key did not stop")
		}
	}()
	var diags diag.List
	r := newRecord("content/fields/x.md", &frontMatter{}, fieldKeys, &diags)
	r.text("colour")
}
