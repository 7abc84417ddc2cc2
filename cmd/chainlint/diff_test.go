package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/internal/golden"
)

// TestDiff runs chainlint diff on a git repository: BASE from a revision
// (read without checking it out, also scoped to a path), HEAD the working
// tree; the exit status follows the introduced findings and --fail-on.
func TestDiff(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Parallel()
	repo, git := gitRepo(t)
	copyFile := func(from, to string) {
		t.Helper()
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("../../chaindiff/testdata/basic/base/estate.json", filepath.Join(repo, "fastly", "estate.json"))
	git("add", ".")
	git("commit", "-q", "-m", "base")
	copyFile("../../chaindiff/testdata/basic/head/estate.json", filepath.Join(repo, "fastly", "estate.json"))

	for _, tc := range []struct {
		name   string
		args   []string
		status int
		stdout []string
		stderr string
	}{
		{"revision against the working tree", []string{"diff", "git:HEAD"}, 1,
			[]string{"chainlint diff git:HEAD → .: 3 services changed", "fastly/estate.json:6:34: error:", "activation order (origins first): api, www, legacy (deactivate)"}, ""},
		{"revision scoped to a path", []string{"diff", "git:HEAD:fastly", "fastly", "--format", "json"}, 1,
			[]string{`"version": 1`, `"introduced": [`, `"file": "fastly/estate.json"`}, ""},
		{"fail-on none", []string{"diff", "git:HEAD", "--fail-on", "none", "--format", "markdown"}, 0,
			[]string{"**3 services changed", "```mermaid"}, ""},
		{"github annotations", []string{"diff", "git:HEAD", "--format", "github"}, 1,
			[]string{"::error file=fastly/estate.json,line=6,col=34,title=chainlint diff missing-host-override::"}, ""},
		{"the working tree against itself", []string{"diff", ".", "."}, 0, []string{"no change to the chain"}, ""},
		{"an unknown revision", []string{"diff", "git:no-such-rev"}, 2, nil, "git:no-such-rev: git archive no-such-rev:"},
		{"no argument", []string{"diff"}, 2, nil, "usage: chainlint diff BASE [HEAD]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, status := runBinary(t, repo, tc.args...)
			if status != tc.status {
				t.Errorf("status %d, want %d\n%s\n%s", status, tc.status, stdout, stderr)
			}
			for _, want := range tc.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			if tc.stderr != "" && !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
		})
	}
	// The revision was read without touching the working tree.
	if b, _ := os.ReadFile(filepath.Join(repo, "fastly", "estate.json")); !strings.Contains(string(b), `"API"`) {
		t.Error("diff changed the working tree")
	}
}

// TestDiffPlan: a Terraform plan's JSON alone is both sides, its
// prior_state before and its planned_values after.
func TestDiffPlan(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	service := func(override string) string {
		return `{"address": "fastly_service_vcl.www", "mode": "managed", "type": "fastly_service_vcl", "name": "www",
		  "provider_name": "registry.terraform.io/fastly/fastly",
		  "values": {"id": "WWW", "name": "www", "domain": [{"name": "www.example.com"}],
		    "backend": [{"name": "api", "address": "api.example.com", "port": 443` + override + `}]}},
		 {"address": "fastly_service_vcl.api", "mode": "managed", "type": "fastly_service_vcl", "name": "api",
		  "provider_name": "registry.terraform.io/fastly/fastly",
		  "values": {"id": "API", "name": "api", "domain": [{"name": "api.example.com"}], "backend": []}}`
	}
	plan := `{"format_version": "1.2", "terraform_version": "1.9.8",
	  "prior_state": {"format_version": "1.0", "values": {"root_module": {"resources": [` + service(`, "override_host": "api.example.com"`) + `]}}},
	  "planned_values": {"root_module": {"resources": [` + service("") + `]}}}`
	if err := os.WriteFile(filepath.Join(dir, "plan.json"), []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, status := runBinary(t, dir, "diff", "plan.json")
	if status != 1 {
		t.Fatalf("status %d, want 1\n%s\n%s", status, stdout, stderr)
	}
	for _, want := range []string{
		"chainlint diff plan.json (prior_state) → plan.json (planned_values): 1 service changed",
		"before: api.example.com → api, Host api.example.com (override_host)",
		"[missing-host-override]",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

// TestRealHistory replays pypi/infra's Terraform commits #150 to #156
// (testdata/realworld/history/pypi-infra) into a git repository and
// pins chainlint diff's report of commit pairs, read with git:REV:PATH:
// #150 adds a service whose backend sends the client's Host, #156 makes
// it send its own.
func TestRealHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Parallel()
	history := "../../testdata/realworld/history/pypi-infra"
	commits, err := filepath.Glob(filepath.Join(history, "[0-9][0-9]-*"))
	if err != nil || len(commits) != 7 {
		t.Fatalf("commits: %v %v", commits, err)
	}
	repo, git := gitRepo(t)
	for _, dir := range commits {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Join(repo, filepath.Dir(rel)), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(repo, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
		git("add", "-A")
		git("commit", "-q", "-m", filepath.Base(dir))
		git("tag", filepath.Base(dir)[3:])
	}
	for _, pair := range [][2]string{{"fe4fb0e", "58f243d"}, {"b88eb2e", "d7f84aa"}, {"fe4fb0e", "d7f84aa"}} {
		t.Run(pair[0]+"-"+pair[1], func(t *testing.T) {
			stdout, stderr, status := runBinary(t, repo, "diff", "git:"+pair[0]+":terraform", "git:"+pair[1]+":terraform")
			if status != 0 {
				t.Errorf("status %d\n%s", status, stderr)
			}
			golden.Check(t, filepath.Join("testdata", "history", "pypi-infra-"+pair[0]+"-"+pair[1]+".txt"), stdout)
		})
	}
}

// gitRepo makes an empty git repository and a function that runs git in
// it (as a user, without signing).
func gitRepo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	return repo, git
}
