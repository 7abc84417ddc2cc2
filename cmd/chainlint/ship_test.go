package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The shipping files live at the repository root: the GitHub Action
// (action.yml, whose step is scripts/action.sh) and the container image
// (Dockerfile). Neither GitHub nor a Docker engine is here, so these
// tests run what can run (the action's script, on the bundled example)
// and check the structure of the rest.

// TestActionScript runs the action's step as GitHub would, against the
// bundled example: it fails the step (exit 1: the example holds errors),
// writes annotations to the log, SARIF to its file, the Markdown summary
// to the job summary and the step's outputs.
func TestActionScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	tmp := t.TempDir()
	summary, outputs := filepath.Join(tmp, "summary.md"), filepath.Join(tmp, "outputs")
	sarif := filepath.Join(tmp, "chainlint.sarif")
	cmd := exec.Command("bash", "../../scripts/action.sh")
	cmd.Env = append(os.Environ(),
		"CHAINLINT_BIN="+binary, "ACTION_PATH=../..", "RUNNER_TEMP="+tmp,
		"INPUT_PATHS=../../testdata/examples", "INPUT_FORMAT=github", "INPUT_FAIL_ON=", "INPUT_VERSION=",
		"INPUT_SARIF_FILE="+sarif, "INPUT_ARGS=--profile current",
		"GITHUB_STEP_SUMMARY="+summary, "GITHUB_OUTPUT="+outputs)
	stdout, stderr, status := runCmd(t, cmd)
	if status != 1 {
		t.Fatalf("status %d, want 1 (the example holds errors)\n%s\n%s", status, stdout, stderr)
	}
	if !strings.Contains(stdout, "::error file=") || !strings.Contains(stdout, "title=chainlint missing-host-override::") {
		t.Errorf("no GitHub annotations in the log:\n%s", stdout)
	}
	var report struct {
		Runs []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	raw, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &report); err != nil || len(report.Runs) != 1 || len(report.Runs[0].Results) != 5 {
		t.Errorf("SARIF: %v, %+v", err, report)
	}
	sum, err := os.ReadFile(summary)
	if err != nil || !strings.HasPrefix(string(sum), "## chainlint\n\n5 problems (4 errors, 1 warning)") {
		t.Errorf("job summary: %v\n%s", err, sum)
	}
	out, err := os.ReadFile(outputs)
	if err != nil || !strings.Contains(string(out), "sarif-file="+sarif+"\n") || !strings.Contains(string(out), "exit-code=1\n") {
		t.Errorf("step outputs: %v\n%s", err, out)
	}
}

// TestActionManifest: action.yml is a composite action whose lint step
// runs scripts/action.sh with every input passed as the INPUT_ variable
// the script reads.
func TestActionManifest(t *testing.T) {
	raw, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Name   string                    `yaml:"name"`
		Inputs map[string]map[string]any `yaml:"inputs"`
		Runs   struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID  string            `yaml:"id"`
				Run string            `yaml:"run"`
				Env map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(raw, &action); err != nil {
		t.Fatal(err)
	}
	if action.Name == "" || action.Runs.Using != "composite" {
		t.Fatalf("want a named composite action: %+v", action)
	}
	script, err := os.ReadFile("../../scripts/action.sh")
	if err != nil {
		t.Fatal(err)
	}
	var lint map[string]string
	for _, s := range action.Runs.Steps {
		if s.ID == "lint" {
			lint = s.Env
			if !strings.Contains(s.Run, "scripts/action.sh") {
				t.Errorf("the lint step does not run scripts/action.sh: %s", s.Run)
			}
		}
	}
	for name := range action.Inputs {
		if name == "upload-sarif" {
			continue // used by the upload step's condition
		}
		env := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		if lint[env] != "${{ inputs."+name+" }}" {
			t.Errorf("input %s is not passed to the lint step as %s", name, env)
		}
		if !strings.Contains(string(script), env) {
			t.Errorf("scripts/action.sh never reads %s", env)
		}
	}
}

// TestDockerfile checks the image's structure: a build stage with the Go
// of go.mod stamping the version, then a minimal final stage holding the
// binary alone, run as a non-root user in /src with chainlint as its
// entry point; .dockerignore leaves what the build reads.
func TestDockerfile(t *testing.T) {
	raw, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var stages [][]string // instructions per stage
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "FROM ") {
			stages = append(stages, nil)
		}
		if len(stages) == 0 {
			t.Fatalf("an instruction before FROM: %s", line)
		}
		stages[len(stages)-1] = append(stages[len(stages)-1], line)
	}
	if len(stages) < 2 {
		t.Fatalf("want a multi-stage build, got %d stage(s)", len(stages))
	}
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	build := strings.Join(stages[0], "\n")
	if goVersion == nil || !strings.Contains(stages[0][0], "golang:"+string(goVersion[1])) {
		t.Errorf("the build stage's Go (%s) is not go.mod's (%s)", stages[0][0], goVersion)
	}
	if !strings.Contains(build, "-X main.version=${VERSION}") || !strings.Contains(build, "CGO_ENABLED=0") {
		t.Errorf("the build stage does not build a static binary with the version stamped:\n%s", build)
	}
	final := stages[len(stages)-1]
	if base := final[0]; !strings.Contains(base, "distroless/static") && base != "FROM scratch" {
		t.Errorf("the final stage is not minimal: %s", base)
	}
	var copies []string
	got := map[string]string{}
	for _, ins := range final[1:] {
		word, rest, _ := strings.Cut(ins, " ")
		switch word {
		case "COPY":
			copies = append(copies, rest)
		case "RUN", "ADD":
			t.Errorf("the final stage runs or adds something besides the binary: %s", ins)
		default:
			got[word] = rest
		}
	}
	if len(copies) != 1 || !strings.HasPrefix(copies[0], "--from=") || !strings.HasSuffix(copies[0], "/chainlint") {
		t.Errorf("the final stage must copy the binary alone from the build stage: %q", copies)
	}
	if user := got["USER"]; user == "" || strings.HasPrefix(user, "root") || strings.HasPrefix(user, "0") {
		t.Errorf("the image runs as root (USER %q)", user)
	}
	if got["WORKDIR"] != "/src" {
		t.Errorf("WORKDIR %q, want /src", got["WORKDIR"])
	}
	if got["ENTRYPOINT"] != `["chainlint"]` {
		t.Errorf(`ENTRYPOINT %q, want ["chainlint"]`, got["ENTRYPOINT"])
	}
	// What the binary's build reads (its packages, with the rule pages
	// and POP list they embed) must reach the build context.
	ignore, err := os.ReadFile("../../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	list, err := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{if .Module.Main}}{{.Dir}}{{end}}{{end}}", "./").Output()
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs("../..")
	for _, dir := range strings.Fields(string(list)) {
		rel, _ := filepath.Rel(root, dir)
		rel = filepath.ToSlash(rel)
		for _, pat := range strings.Split(string(ignore), "\n") {
			pat = strings.TrimSpace(pat)
			if pat == "" || strings.HasPrefix(pat, "#") {
				continue
			}
			p := strings.TrimPrefix(pat, "**/")
			for _, part := range prefixes(rel) {
				if ok, _ := filepath.Match(p, part); ok {
					t.Errorf(".dockerignore's %q leaves out %s, which the binary is built from", pat, rel)
				}
			}
		}
	}
}

// prefixes are a slash path's leading parts: a/b/c → a, a/b, a/b/c, and
// (for a ** pattern) each last element.
func prefixes(p string) []string {
	parts := strings.Split(p, "/")
	var out []string
	for i := range parts {
		out = append(out, strings.Join(parts[:i+1], "/"), parts[i])
	}
	return out
}
