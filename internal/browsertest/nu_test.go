package browsertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The Nu HTML checker (the W3C's validator, npm vnu-jar, run by Java)
// finds no error in any page of the built sample: every page type is
// there. Under CI a missing checker or Java fails; elsewhere it skips.
func TestNuHTMLChecker(t *testing.T) {
	e := setup(t)
	jar := filepath.Join("node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	java, err := exec.LookPath("java")
	if _, jarErr := os.Stat(jar); err != nil || jarErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the Nu HTML checker needs Java and npm ci in internal/browsertest: java %v, vnu.jar %v", err, jarErr)
		}
		t.Skip("no Java or no vnu.jar (npm ci in internal/browsertest): the Nu HTML checker is skipped")
	}
	out, err := exec.Command(java, "-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu", e.sampleDir).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		report := strings.ReplaceAll(string(out), e.sampleDir+string(filepath.Separator), "")
		t.Errorf("the Nu HTML checker reports (%v):\n%s", err, report)
	}
}
