package codeowners

// The CI files for the self-hosted forges — .gitea/workflows/ and
// .forgejo/workflows/ (GitHub's syntax, run by a runner of the Board's
// own) and .gitlab-ci.yml — cannot be run in a test either. These tests
// parse them and check what they promise: they run offline (no action
// fetched from anywhere), check a pull request against its target branch
// and build it, and on GitLab keep the Code Quality report.

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// forgeWorkflow is a Gitea or Forgejo Actions workflow, as far as these
// tests read it.
type forgeWorkflow struct {
	On   map[string]any              `yaml:"on"`
	Jobs map[string]forgeWorkflowJob `yaml:"jobs"`
}

type forgeWorkflowJob struct {
	RunsOn any               `yaml:"runs-on"`
	Env    map[string]string `yaml:"env"`
	Steps  []step            `yaml:"steps"`
}

// readYAML reads a file of the repository (path from its root) into v,
// and also as a tree of maps and lists.
func readYAML(t *testing.T, path string, v any) any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var tree any
	if err := yaml.Unmarshal(data, &tree); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tree
}

// findKey calls f with every value of key anywhere in tree.
func findKey(tree any, key string, f func(any)) {
	switch n := tree.(type) {
	case map[string]any:
		for k, v := range n {
			if k == key {
				f(v)
			}
			findKey(v, key, f)
		}
	case []any:
		for _, v := range n {
			findKey(v, key, f)
		}
	}
}

// firstStep returns the index and the first step whose run holds all of
// texts; -1 when none does.
func firstStep(steps []step, texts ...string) (int, step) {
	for i, s := range steps {
		if !slices.ContainsFunc(texts, func(text string) bool { return !strings.Contains(s.Run, text) }) {
			return i, s
		}
	}
	return -1, step{}
}

// readForgeWorkflow reads a workflow and checks what every one of them
// must be: offline (no "uses:" at all, so nothing is fetched from
// github.com or elsewhere), with no privileged trigger, with no
// expression inside a shell script, on a runner label of the Board's.
func readForgeWorkflow(t *testing.T, path string) forgeWorkflow {
	t.Helper()
	var wf forgeWorkflow
	tree := readYAML(t, path, &wf)
	if len(wf.On) == 0 || len(wf.Jobs) == 0 {
		t.Fatalf("%s: no triggers or no jobs", path)
	}
	findKey(tree, "uses", func(v any) {
		t.Errorf("%s: uses: %v; the forge may have no access to the internet: write run: steps", path, v)
	})
	for _, bad := range []string{"pull_request_target", "workflow_run"} {
		if _, ok := wf.On[bad]; ok {
			t.Errorf("%s: triggered by %s", path, bad)
		}
	}
	for name, j := range wf.Jobs {
		if label, ok := j.RunsOn.(string); !ok || label == "" {
			t.Errorf("%s, job %s: runs-on %v, want one label (Gitea knows no other form)", path, name, j.RunsOn)
		}
		if j.Env["GOTOOLCHAIN"] != "local" {
			t.Errorf("%s, job %s: GOTOOLCHAIN = %q, want local: Go must not try to download itself", path, name, j.Env["GOTOOLCHAIN"])
		}
		if len(j.Steps) == 0 {
			t.Errorf("%s, job %s: no steps", path, name)
		}
		for _, s := range j.Steps {
			if strings.TrimSpace(s.Run) == "" {
				t.Errorf("%s, job %s: a step without run: %+v", path, name, s)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("%s, job %s: an expression in run: %q; pass it through env:", path, name, s.Run)
			}
		}
	}
	return wf
}

// fetchesWithToken checks that a step gets the repository from the
// forge itself, with the job's token, which never goes on a command line
// or into .git/config.
func fetchesWithToken(t *testing.T, path string, s step) {
	t.Helper()
	if s.Env["SERVER_URL"] != "${{ github.server_url }}" || s.Env["REPOSITORY"] != "${{ github.repository }}" || s.Env["TOKEN"] != "${{ github.token }}" {
		t.Errorf("%s: the fetch should use the forge's address, the repository and the job's token: env %v", path, s.Env)
	}
	if !strings.Contains(s.Run, `git remote add origin "$SERVER_URL/$REPOSITORY.git"`) || !strings.Contains(s.Run, "GIT_CONFIG_VALUE_0=") || strings.Contains(s.Run, "git -c") || strings.Contains(s.Run, "@$SERVER") {
		t.Errorf("%s: the token should reach git through GIT_CONFIG_* only:\n%s", path, s.Run)
	}
	if strings.Contains(s.Run, "--depth") {
		t.Errorf("%s: a shallow fetch; --base and the pages need the whole history:\n%s", path, s.Run)
	}
}

func TestForgeCheckWorkflows(t *testing.T) {
	for _, path := range []string{".gitea/workflows/check.yml", ".forgejo/workflows/check.yml"} {
		wf := readForgeWorkflow(t, path)
		if _, ok := wf.On["pull_request"]; !ok {
			t.Errorf("%s does not run on pull_request", path)
		}
		if len(wf.Jobs) != 1 {
			t.Errorf("%s has %d jobs, want 1", path, len(wf.Jobs))
		}
		for _, j := range wf.Jobs {
			fi, fetch := firstStep(j.Steps, "git fetch")
			if fi < 0 {
				t.Fatalf("%s does not fetch the repository", path)
			}
			fetchesWithToken(t, path, fetch)
			if fetch.Env["PR_REF"] != "${{ github.ref }}" || fetch.Env["BASE_REF"] != "${{ github.base_ref }}" ||
				!strings.Contains(fetch.Run, `"+refs/heads/$BASE_REF:refs/remotes/origin/$BASE_REF"`) || !strings.Contains(fetch.Run, `"+$PR_REF:`) {
				t.Errorf("%s: the fetch should get the pull request (github.ref) and its target branch as origin/$BASE_REF (github.base_ref): env %v\n%s", path, fetch.Env, fetch.Run)
			}
			gi, _ := firstStep(j.Steps, "go build", "./cmd/mohinh")
			ci, check := firstStep(j.Steps, "mohinh check", "--base")
			if ci < 0 {
				t.Fatalf("%s does not run mohinh check --base", path)
			}
			if !strings.Contains(check.Run, `--base "origin/$BASE_REF"`) || check.Env["BASE_REF"] != "${{ github.base_ref }}" {
				t.Errorf("%s: the check should compare with origin/$BASE_REF, BASE_REF being github.base_ref: run %q, env %v", path, check.Run, check.Env)
			}
			bi, _ := firstStep(j.Steps, "mohinh build")
			if !(fi < gi && gi < ci && ci < bi) {
				t.Errorf("%s: steps out of order: fetch %d, go build %d, check %d, build %d", path, fi, gi, ci, bi)
			}
		}
	}
}

func TestForgePublishWorkflows(t *testing.T) {
	for _, path := range []string{".gitea/workflows/publish.yml", ".forgejo/workflows/publish.yml"} {
		wf := readForgeWorkflow(t, path)
		push, _ := wf.On["push"].(map[string]any)
		branches, _ := push["branches"].([]any)
		if !slices.Contains(branches, any("main")) {
			t.Errorf("%s does not run on push to main: on.push = %v", path, wf.On["push"])
		}
		if _, ok := wf.On["pull_request"]; ok {
			t.Errorf("%s publishes pull requests", path)
		}
		for _, j := range wf.Jobs {
			fi, fetch := firstStep(j.Steps, "git fetch")
			if fi < 0 {
				t.Fatalf("%s does not fetch the repository", path)
			}
			fetchesWithToken(t, path, fetch)
			bi, build := firstStep(j.Steps, "mohinh build")
			if bi < fi {
				t.Fatalf("%s does not build after fetching", path)
			}
			if !strings.Contains(build.Run, `--out "$PUBLISH_DIR"`) || build.Env["PUBLISH_DIR"] != "${{ vars.PUBLISH_DIR }}" {
				t.Errorf("%s: the portal should be built into the folder of the variable PUBLISH_DIR: run %q, env %v", path, build.Run, build.Env)
			}
		}
	}
}

// Gitea reads .gitea/workflows/ and Forgejo .forgejo/workflows/ only when
// they exist; otherwise both fall back to .github/workflows/, whose
// actions come from github.com. Each folder holds the same workflows.
func TestForgeWorkflowFolders(t *testing.T) {
	list := func(dir string) []string {
		names, err := filepath.Glob(filepath.Join("..", "..", dir, "*.y*ml"))
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range names {
			names[i] = filepath.Base(n)
		}
		return names
	}
	gitea, forgejo := list(".gitea/workflows"), list(".forgejo/workflows")
	if len(gitea) == 0 || !slices.Equal(gitea, forgejo) {
		t.Errorf(".gitea/workflows has %v, .forgejo/workflows %v: want the same, not none", gitea, forgejo)
	}
}

// gitlabJob is a job of .gitlab-ci.yml, as far as these tests read it.
type gitlabJob struct {
	Stage string `yaml:"stage"`
	Rules []struct {
		If   string `yaml:"if"`
		When string `yaml:"when"`
	} `yaml:"rules"`
	Script    []string `yaml:"script"`
	Artifacts struct {
		When    string            `yaml:"when"`
		Paths   []string          `yaml:"paths"`
		Reports map[string]string `yaml:"reports"`
	} `yaml:"artifacts"`
}

func (j gitlabJob) runsOn(condition string) bool {
	return slices.ContainsFunc(j.Rules, func(r struct {
		If   string `yaml:"if"`
		When string `yaml:"when"`
	},
	) bool {
		return r.If == condition && r.When != "never"
	})
}

// line returns the index and the first line of the script holding all of
// texts; -1 when none does.
func (j gitlabJob) line(texts ...string) (int, string) {
	for i, l := range j.Script {
		if !slices.ContainsFunc(texts, func(text string) bool { return !strings.Contains(l, text) }) {
			return i, l
		}
	}
	return -1, ""
}

const (
	mergeRequest  = `$CI_PIPELINE_SOURCE == "merge_request_event"`
	defaultBranch = `$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`
)

func TestGitLabCI(t *testing.T) {
	var ci struct {
		Stages    []string          `yaml:"stages"`
		Variables map[string]string `yaml:"variables"`
		Default   struct {
			Image        string   `yaml:"image"`
			BeforeScript []string `yaml:"before_script"`
		} `yaml:"default"`
	}
	var nodes map[string]yaml.Node
	tree := readYAML(t, ".gitlab-ci.yml", &ci)
	readYAML(t, ".gitlab-ci.yml", &nodes)
	jobs := map[string]gitlabJob{}
	for name, n := range nodes {
		switch name {
		case "stages", "variables", "default", "workflow", "include":
			continue
		}
		var j gitlabJob
		if err := n.Decode(&j); err != nil {
			t.Fatalf(".gitlab-ci.yml, job %s: %v", name, err)
		}
		jobs[name] = j
	}
	if want := []string{"check", "build", "publish"}; !slices.Equal(ci.Stages, want) {
		t.Errorf("stages %v, want %v", ci.Stages, want)
	}
	if ci.Variables["GIT_DEPTH"] != "0" {
		t.Errorf("GIT_DEPTH = %q, want 0: --base and the pages need the whole history", ci.Variables["GIT_DEPTH"])
	}
	if ci.Variables["GOTOOLCHAIN"] != "local" {
		t.Errorf("GOTOOLCHAIN = %q, want local", ci.Variables["GOTOOLCHAIN"])
	}
	if ci.Default.Image != "${GO_IMAGE}" || !strings.HasPrefix(ci.Variables["GO_IMAGE"], "golang:") {
		t.Errorf("image %q, GO_IMAGE %q: want the image in the variable GO_IMAGE, a golang image by default", ci.Default.Image, ci.Variables["GO_IMAGE"])
	}
	if !slices.ContainsFunc(ci.Default.BeforeScript, func(l string) bool { return strings.Contains(l, "go build") && strings.Contains(l, "./cmd/mohinh") }) {
		t.Errorf("before_script %q does not build mohinh", ci.Default.BeforeScript)
	}
	findKey(tree, "services", func(v any) { t.Errorf("services: %v; nothing else should be pulled", v) })

	// The report and the exit code of the check, whatever it finds.
	checks := func(name, command string) {
		t.Helper()
		j, ok := jobs[name]
		if !ok {
			t.Fatalf(".gitlab-ci.yml has no job %s", name)
		}
		if j.Stage != "check" {
			t.Errorf("%s: stage %q, want check", name, j.Stage)
		}
		ci, l := j.line(command + " > gl-code-quality-report.json")
		if ci < 0 {
			t.Fatalf("%s does not run %s > gl-code-quality-report.json: %q", name, command, j.Script)
		}
		if !strings.HasSuffix(l, "|| status=$?") {
			t.Errorf("%s: %q should keep the exit code (|| status=$?)", name, l)
		}
		if last := j.Script[len(j.Script)-1]; last != `exit "$status"` {
			t.Errorf("%s ends with %q, want exit \"$status\": the job must fail when the check does", name, last)
		}
		for _, l := range j.Script {
			if strings.Contains(l, "--format gitlab") && strings.Contains(l, "|| true") {
				t.Errorf("%s: %q hides the check's failure", name, l)
			}
		}
		if j.Artifacts.When != "always" || j.Artifacts.Reports["codequality"] != "gl-code-quality-report.json" {
			t.Errorf("%s: artifacts %+v, want reports: codequality: gl-code-quality-report.json, when: always", name, j.Artifacts)
		}
	}
	checks("check", `mohinh check --format gitlab --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"`)
	check := jobs["check"]
	if !check.runsOn(mergeRequest) {
		t.Errorf("check does not run on merge requests: rules %+v", check.Rules)
	}
	fi, _ := check.line("git fetch", `"+refs/heads/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:refs/remotes/origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"`)
	ci2, _ := check.line("--format gitlab")
	if fi < 0 || fi > ci2 {
		t.Errorf("check should fetch the target branch as origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME before checking: %q", check.Script)
	}
	// GitLab shows in a merge request the problems the target branch's
	// report lacks: the default branch needs a report too.
	checks("check:default-branch", "mohinh check --format gitlab")
	if j := jobs["check:default-branch"]; !j.runsOn(defaultBranch) {
		t.Errorf("check:default-branch does not run on the default branch: rules %+v", j.Rules)
	}

	build, ok := jobs["build"]
	if !ok {
		t.Fatal(".gitlab-ci.yml has no build job")
	}
	if i, _ := build.line("mohinh build"); i < 0 || build.Stage != "build" || !build.runsOn(mergeRequest) {
		t.Errorf("build should build the portal in stage build on merge requests: %+v", build)
	}

	pages, ok := jobs["pages"]
	if !ok {
		t.Fatal(".gitlab-ci.yml has no pages job")
	}
	if pages.Stage != "publish" || !pages.runsOn(defaultBranch) || pages.runsOn(mergeRequest) {
		t.Errorf("pages should publish from the default branch only, in stage publish: %+v", pages)
	}
	if i, l := pages.line("mohinh build"); i < 0 || strings.Contains(l, "--out") || !strings.Contains(l, `--base-url "$CI_PAGES_URL/"`) {
		t.Errorf("pages should build into public/ for the Pages address: %q", pages.Script)
	}
	if !slices.Equal(pages.Artifacts.Paths, []string{"public"}) {
		t.Errorf("pages artifacts %v, want public", pages.Artifacts.Paths)
	}
}

// GitLab fills a new merge request from .gitlab/merge_request_templates/
// Default.md: the same checklist as GitHub's pull request template, in
// GitLab's words. (Gitea and Forgejo read .github/pull_request_template.md
// themselves.)
func TestGitLabMergeRequestTemplate(t *testing.T) {
	github, err := os.ReadFile(filepath.Join("..", "..", ".github", "pull_request_template.md"))
	if err != nil {
		t.Fatal(err)
	}
	gitlab, err := os.ReadFile(filepath.Join("..", "..", ".gitlab", "merge_request_templates", "Default.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.ReplaceAll(string(github), "pull request", "merge request"); string(gitlab) != want {
		t.Errorf("the GitLab template is not GitHub's checklist in GitLab's words:\n%s", gitlab)
	}
}
