package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// binary is the chainlint command built once for the exit-status tests.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "chainlint-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "chainlint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBinary runs the built command in dir and returns its output and
// exit status.
func runBinary(t *testing.T, dir string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		status = exit.ExitCode()
	default:
		t.Fatal(err)
	}
	return o.String(), e.String(), status
}

// writeTree writes files (name → content) below a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	cleanExport = `{"services": [{"name": "www", "type": "vcl", "version": {
  "domains": [{"name": "www.example.com"}],
  "backends": [{"name": "origin", "address": "origin.example.com"}]}}]}`
	loopingExport = `{"services": [{"name": "www", "type": "vcl", "version": {
  "domains": [{"name": "www.example.com"}],
  "backends": [{"name": "edge", "address": "global.ssl.fastly.net"}]}}]}`
	infoOnlyExport = `{"services": [{"name": "www", "type": "vcl", "version": {
  "domains": [{"name": "www.example.com"}],
  "backends": [{"name": "p", "address": "global.ssl.fastly.net", "override_host": "partner.example.net"}]}}]}`
)

func TestExitStatus(t *testing.T) {
	clean := writeTree(t, map[string]string{"estate.json": cleanExport, "package.json": `{"name": "x", "version": "1"}`})
	looping := writeTree(t, map[string]string{"estate.json": loopingExport})
	info := writeTree(t, map[string]string{"estate.json": infoOnlyExport})
	broken := writeTree(t, map[string]string{"estate.json": `{"services": [`, "ok.json": cleanExport})
	tests := []struct {
		name   string
		dir    string
		args   []string
		status int
		stdout string // a substring the output must hold
		stderr string
	}{
		{"clean", clean, nil, 0, "no problems in 1 service from 1 file", ""},
		{"error finding", looping, []string{"."}, 1, "[missing-host-override]", ""},
		{"flags after paths", looping, []string{".", "--fail-on", "none"}, 0, "[missing-host-override]", ""},
		{"info below fail-on", info, nil, 0, "[external-chain]", ""},
		{"fail-on info", info, []string{"--fail-on=info"}, 1, "[external-chain]", ""},
		{"parse error wins", broken, nil, 3, "INCOMPLETE", ""},
		{"parse error even with fail-on none", broken, []string{"--fail-on", "none"}, 3, "[parse-error]", ""},
		{"unknown flag", clean, []string{"--frobnicate"}, 2, "", "flag provided but not defined"},
		{"bad format", clean, []string{"--format", "xml"}, 2, "", "unknown format"},
		{"bad profile", clean, []string{"--profile", "newest"}, 2, "", "unknown profile"},
		{"bad fail-on", clean, []string{"--fail-on", "fatal"}, 2, "", "unknown severity"},
		{"missing path", clean, []string{"nope"}, 2, "", "nope: no such file"},
		{"rules", clean, []string{"rules"}, 0, "missing-host-override", ""},
		{"explain", clean, []string{"explain", "chain-loop"}, 0, "Bad:", ""},
		{"explain unknown", clean, []string{"explain", "no-such-rule"}, 2, "", "unknown rule"},
		{"version", clean, []string{"--version"}, 0, "chainlint ", ""},
		{"help", clean, []string{"--help"}, 0, "", "usage: chainlint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runBinary(t, tt.dir, tt.args...)
			if status != tt.status {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tt.status, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
		})
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads every file; covered by the bad-input table's symlink case")
	}
	dir := writeTree(t, map[string]string{"estate.json": cleanExport})
	if err := os.Chmod(filepath.Join(dir, "estate.json"), 0); err != nil {
		t.Fatal(err)
	}
	stdout, _, status := runBinary(t, dir, "estate.json")
	if status != 3 || !strings.Contains(stdout, "cannot read file") {
		t.Errorf("status %d, output:\n%s", status, stdout)
	}
}

// TestJSONContract pins the JSON output's shape: the README documents it
// and tools parse it.
func TestJSONContract(t *testing.T) {
	dir := writeTree(t, map[string]string{"sub/estate.json": loopingExport})
	stdout, _, status := runBinary(t, dir, "--format", "json")
	if status != 1 {
		t.Fatalf("status %d", status)
	}
	var doc struct {
		Version     int  `json:"version"`
		Incomplete  bool `json:"incomplete"`
		Diagnostics []struct {
			Rule, Severity, Message, File, Service string
			Line, Column                           int
			EndLine                                int `json:"end_line"`
			EndColumn                              int `json:"end_column"`
			Fixes                                  []any
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || doc.Incomplete || len(doc.Diagnostics) != 1 {
		t.Fatalf("document: %+v", doc)
	}
	d := doc.Diagnostics[0]
	if d.Rule != "missing-host-override" || d.Severity != "error" || d.File != "sub/estate.json" ||
		d.Line != 3 || d.Column != 44 || d.EndColumn != 67 || d.Service != "www" || d.Fixes == nil {
		t.Errorf("diagnostic: %+v", d)
	}
}

// TestExamples runs chainlint on the bundled examples, as the README's
// first command does, and compares with testdata/examples.txt.
func TestExamples(t *testing.T) {
	stdout, _, status := runBinary(t, "../..", "testdata/examples")
	if status != 1 {
		t.Errorf("status %d, want 1 (the examples hold errors)", status)
	}
	golden := filepath.Join("testdata", "examples.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), stdout); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
	}
}
