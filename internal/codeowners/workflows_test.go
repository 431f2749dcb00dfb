package codeowners

// The repository's GitHub workflows (.github/workflows/) cannot be run in a
// test, but what makes them safe and correct can be read: these tests parse
// them and check the promises of the issue that asked for them.

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Concurrency struct {
		Group string `yaml:"group"`
	} `yaml:"concurrency"`
	Jobs map[string]job `yaml:"jobs"`
}

type job struct {
	Needs       any               `yaml:"needs"`
	Permissions map[string]string `yaml:"permissions"`
	Environment struct {
		Name string `yaml:"name"`
	} `yaml:"environment"`
	Steps []step `yaml:"steps"`
}

type step struct {
	ID   string            `yaml:"id"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]any    `yaml:"with"`
	Env  map[string]string `yaml:"env"`
}

const workflowDir = "../../.github/workflows"

func readWorkflow(t *testing.T, name string) workflow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(workflowDir, name))
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(wf.On) == 0 || len(wf.Jobs) == 0 {
		t.Fatalf("%s: no triggers or no jobs", name)
	}
	return wf
}

// findStep returns the first step, in job order, for which match is true.
func (j job) findStep(match func(step) bool) (int, step, bool) {
	for i, s := range j.Steps {
		if match(s) {
			return i, s, true
		}
	}
	return -1, step{}, false
}

func uses(action string) func(step) bool {
	return func(s step) bool { return strings.HasPrefix(s.Uses, action+"@") }
}

func runs(text string) func(step) bool {
	return func(s step) bool { return strings.Contains(s.Run, text) }
}

// Every workflow: no privileged trigger that runs a pull request's code
// with secrets, and no expression expanded into a shell script, where a
// branch name or title could become a command.
func TestWorkflowsSafe(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(workflowDir, "*.y*ml"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no workflows in %s (%v)", workflowDir, err)
	}
	for _, path := range names {
		name := filepath.Base(path)
		wf := readWorkflow(t, name)
		for _, bad := range []string{"pull_request_target", "workflow_run"} {
			if _, ok := wf.On[bad]; ok {
				t.Errorf("%s: triggered by %s", name, bad)
			}
		}
		for jobName, j := range wf.Jobs {
			for _, s := range j.Steps {
				if strings.Contains(s.Run, "${{") {
					t.Errorf("%s, job %s: an expression in run: %q; pass it through env:", name, jobName, s.Run)
				}
				if s.Uses != "" && !strings.Contains(s.Uses, "@v") {
					t.Errorf("%s, job %s: %s is not pinned to a version", name, jobName, s.Uses)
				}
			}
		}
	}
}

func TestCheckWorkflow(t *testing.T) {
	wf := readWorkflow(t, "check.yml")
	if _, ok := wf.On["pull_request"]; !ok {
		t.Error("check.yml does not run on pull_request")
	}
	if len(wf.Permissions) != 1 || wf.Permissions["contents"] != "read" {
		t.Errorf("check.yml permissions = %v, want only contents: read", wf.Permissions)
	}
	if len(wf.Jobs) != 1 {
		t.Fatalf("check.yml has %d jobs, want 1", len(wf.Jobs))
	}
	for _, j := range wf.Jobs {
		if j.Permissions != nil {
			t.Errorf("a job of check.yml widens permissions: %v", j.Permissions)
		}
		co, s, ok := j.findStep(uses("actions/checkout"))
		if !ok {
			t.Fatal("check.yml does not check out the repository")
		}
		if d, ok := s.With["fetch-depth"].(int); !ok || d != 0 {
			t.Errorf("checkout fetch-depth = %v, want 0 (the whole history, for --base)", s.With["fetch-depth"])
		}
		if _, _, ok := j.findStep(uses("actions/setup-go")); !ok {
			t.Error("check.yml does not set up Go")
		}
		ck, s, ok := j.findStep(runs("check --format github --base"))
		if !ok {
			t.Fatal("check.yml does not run mohinh check --format github --base")
		}
		if !strings.Contains(s.Run, `"origin/$BASE_REF"`) || s.Env["BASE_REF"] != "${{ github.base_ref }}" {
			t.Errorf("the check step should compare with origin/$BASE_REF, BASE_REF being github.base_ref: run %q, env %v", s.Run, s.Env)
		}
		b, _, ok := j.findStep(runs("mohinh build"))
		if !ok || !(co < ck && ck < b) {
			t.Errorf("steps out of order: checkout %d, check %d, build %d", co, ck, b)
		}
	}
}

func TestPublishWorkflow(t *testing.T) {
	wf := readWorkflow(t, "publish.yml")
	push, _ := wf.On["push"].(map[string]any)
	branches, _ := push["branches"].([]any)
	if !slices.Contains(branches, any("main")) {
		t.Errorf("publish.yml does not run on push to main: on.push = %v", wf.On["push"])
	}
	if _, ok := wf.On["workflow_dispatch"]; !ok {
		t.Error("publish.yml cannot be run by hand (workflow_dispatch)")
	}
	if wf.Concurrency.Group != "pages" {
		t.Errorf("concurrency group = %q, want pages", wf.Concurrency.Group)
	}
	for k, v := range wf.Permissions {
		if v != "read" {
			t.Errorf("publish.yml grants %s: %s to every job; grant it to the deploy job only", k, v)
		}
	}

	build, ok := wf.Jobs["build"]
	if !ok {
		t.Fatal("publish.yml has no build job")
	}
	if _, s, ok := build.findStep(uses("actions/configure-pages")); !ok || s.ID != "pages" {
		t.Error("the build job should run actions/configure-pages with id: pages")
	}
	bi, s, ok := build.findStep(runs("mohinh build --base-url"))
	if !ok {
		t.Fatal("the build job does not run mohinh build --base-url")
	}
	if s.Env["BASE_URL"] != "${{ steps.pages.outputs.base_url }}" || !strings.Contains(s.Run, `"$BASE_URL/"`) {
		t.Errorf("the portal should be built for the Pages address: run %q, env %v", s.Run, s.Env)
	}
	ui, s, ok := build.findStep(uses("actions/upload-pages-artifact"))
	if !ok || s.With["path"] != "public" || ui < bi {
		t.Errorf("the build job should upload public/ after building: %+v", s)
	}

	deploy, ok := wf.Jobs["deploy"]
	if !ok {
		t.Fatal("publish.yml has no deploy job")
	}
	if deploy.Needs != "build" {
		t.Errorf("deploy needs %v, want build", deploy.Needs)
	}
	if _, _, ok := deploy.findStep(uses("actions/deploy-pages")); !ok {
		t.Error("the deploy job does not run actions/deploy-pages")
	}
	if deploy.Permissions["pages"] != "write" || deploy.Permissions["id-token"] != "write" {
		t.Errorf("deploy permissions = %v, want pages: write, id-token: write", deploy.Permissions)
	}
	if deploy.Environment.Name != "github-pages" {
		t.Errorf("deploy environment = %q, want github-pages", deploy.Environment.Name)
	}
}
