package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputPaths: --output, --write-baseline and init never write
// through a symbolic link to a file outside the working directory, never
// replace one of the run's inputs, and two of them naming one file is a
// usage error.
func TestOutputPaths(t *testing.T) {
	dir := writeTree(t, map[string]string{"estate.json": loopingExport})
	outside := filepath.Join(t.TempDir(), "victim.txt")
	if err := os.WriteFile(outside, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "report.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	initDir := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(initDir, ".chainlint.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, stderr, status := inProcess(t, initDir, "", nil, "init", "--force"); status != 2 || !strings.Contains(stderr, "outside the working directory") {
		t.Errorf("init --force through a link outside: status %d, stderr %q", status, stderr)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"through a link outside", []string{"--output", "text=report.txt", "estate.json"}, "outside the working directory"},
		{"baseline through a link outside", []string{"--write-baseline", "report.txt", "estate.json"}, "outside the working directory"},
		{"an input", []string{"--output", "json=estate.json", "estate.json"}, "one of the files this run reads"},
		{"twice", []string{"--output", "json=out.json", "--output", "sarif=./out.json", "estate.json"}, "one file twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, status := inProcess(t, dir, "", nil, tc.args...)
			if status != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("status %d, stderr %q; want 2 and %q", status, stderr, tc.want)
			}
		})
	}
	if b, _ := os.ReadFile(outside); string(b) != "keep me" {
		t.Errorf("the file outside was written: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "estate.json")); string(b) != loopingExport {
		t.Error("an input was replaced")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestStdoutWriteFails: a failed write to standard output is an error
// with a non-zero status, for every command that prints.
func TestStdoutWriteFails(t *testing.T) {
	fixable := `{"services": [
  {"name": "www", "type": "vcl", "version": {"domains": [{"name": "www.example.com"}], "backends": [{"name": "c", "address": "chained.example.com"}]}},
  {"name": "chained", "type": "vcl", "version": {"domains": [{"name": "chained.example.com"}], "backends": [{"name": "o", "address": "o.example.net", "override_host": "o.example.net"}]}}]}`
	dir := writeTree(t, map[string]string{"estate.json": fixable})
	for _, args := range [][]string{{"estate.json"}, {"rules"}, {"explain", "chain-loop"}, {"--diff", "estate.json"}, {"trace", "www.example.com", "estate.json"}, {"graph", "estate.json"}, {"vcl", "www", "estate.json"}} {
		var e bytes.Buffer
		c := &Command{Stdin: strings.NewReader(""), Stdout: failingWriter{}, Stderr: &e, Dir: dir}
		if status := c.Run(args); status == 0 {
			t.Errorf("%v: status 0 with a standard output that fails", args)
		}
	}
}

// TestVarFilePerRoot: --var-file ROOT=FILE applies FILE to the root
// module in ROOT only; a plain --var-file applies to every root.
func TestVarFilePerRoot(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"envs/prod/main.tf":    tfChain,
		"envs/staging/main.tf": tfChain,
		"prod.tfvars":          "chained = \"chained.example.com\"\n",
	})
	stdout, stderr, _ := inProcess(t, dir, "", nil, "--var-file", "envs/prod=prod.tfvars", "--format", "compact")
	prodLoop := strings.Contains(stdout, "envs/prod/main.tf") && strings.Contains(stdout, "[missing-host-override]")
	stagingUnset := strings.Contains(stdout, "envs/staging/main.tf") && strings.Contains(stdout, "[unset-variable]")
	if !prodLoop || !stagingUnset || strings.Contains(stdout, "envs/prod/main.tf:10:15: warning") {
		t.Errorf("want prod linted with the file (its loop found) and staging without (unset-variable):\n%s%s", stdout, stderr)
	}
	stdout, _, _ = inProcess(t, dir, "", nil, "--var-file", "prod.tfvars", "--format", "compact")
	if strings.Contains(stdout, "[unset-variable]") {
		t.Errorf("a plain --var-file applies to every root:\n%s", stdout)
	}
}
