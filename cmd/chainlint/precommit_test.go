package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook installs this repository's hook with pre-commit's own
// try-repo into a scratch git repository holding a broken chain: the hook
// must fail with chainlint's finding, then pass once the file is fixed.
// pre-commit builds the hook with `go install`, offline here: the module
// cache is the one this test already uses and the proxy is off.
// snapshot copies the working tree (tracked and untracked files that git
// does not ignore, but test data) into a new git repository, so that
// try-repo tests what is on disk, not only what was committed.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "-co", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.HasPrefix(name, "testdata/") || strings.Contains(name, "/testdata/") {
			continue // test inputs (six in seven files): the hook builds without them
		}
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue // deleted in the working tree
		}
		target := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "snapshot"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

func TestPreCommitHook(t *testing.T) {
	t.Parallel() // a process each, independent: the two cores share them
	if testing.Short() {
		t.Skip("builds the hook with pre-commit: slow")
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	repo, work, run := preCommitSetup(t, "GOMODCACHE="+strings.TrimSpace(string(modcache)), "GOPROXY=off", "GOFLAGS=-mod=mod -trimpath", "GOTOOLCHAIN=local")
	out, err := run("pre-commit", "try-repo", repo, "chainlint", "--all-files")
	if err == nil || !strings.Contains(out, "[missing-host-override]") || !strings.Contains(out, "Failed") {
		t.Fatalf("the hook must fail with the finding; err %v, output:\n%s", err, out)
	}
	// pre-commit builds a golang hook with go install ./... in the hook's
	// repository (its languages/golang.py): the commands that installs must
	// be chainlint alone, no internal tool.
	list := exec.Command("go", "list", "-f", "{{if eq .Name \"main\"}}{{.ImportPath}}{{end}}", "./...")
	list.Dir, list.Env = repo, append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	mains, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	if got := strings.Fields(string(mains)); len(got) != 1 || got[0] != "github.com/chainlint/chainlint/cmd/chainlint" {
		t.Errorf("go install ./... installs %v, want chainlint alone", got)
	}
	fixed := strings.Replace(loopingExport, `"address": "global.ssl.fastly.net"`, `"address": "origin.example.com"`, 1)
	if err := os.WriteFile(filepath.Join(work, "fastly", "estate.json"), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := run("git", "commit", "-qam", "fixed"); err != nil {
		t.Fatalf("git commit: %v\n%s", err, out)
	}
	out, err = run("pre-commit", "try-repo", repo, "chainlint", "--all-files")
	if err != nil || !strings.Contains(out, "Passed") {
		t.Fatalf("the hook must pass once the chain is fixed; err %v, output:\n%s", err, out)
	}
}

// TestPreCommitSystemHook runs the chainlint-system hook (language:
// system) with the chainlint built for these tests first on the PATH: no
// Go is needed when the hook runs.
func TestPreCommitSystemHook(t *testing.T) {
	t.Parallel() // a process each, independent: the two cores share them
	repo, _, run := preCommitSetup(t, "PATH="+filepath.Dir(binary)+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := run("pre-commit", "try-repo", repo, "chainlint-system", "--all-files")
	if err == nil || !strings.Contains(out, "[missing-host-override]") || !strings.Contains(out, "Failed") {
		t.Fatalf("the system hook must fail with the finding; err %v, output:\n%s", err, out)
	}
}

// preCommitSetup snapshots this repository and makes a git work tree
// holding a broken chain, committed; run runs a command there with env.
func preCommitSetup(t *testing.T, env ...string) (repo, work string, run func(name string, args ...string) (string, error)) {
	t.Helper()
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed; .ci/run installs Debian's pre-commit package")
		}
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	root, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skip("not in a git checkout")
	}
	repo = snapshot(t, strings.TrimSpace(string(root)))
	work = writeTree(t, map[string]string{"fastly/estate.json": loopingExport})
	env = append(append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	), env...)
	run = func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = work, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "broken chain"}} {
		if out, err := run("git", args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return repo, work, run
}
