package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inProcess runs chainlint as a Command in this process, in dir, with the
// given standard input and environment: no binary, no process, no real
// working directory.
func inProcess(t *testing.T, dir, stdin string, env map[string]string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var o, e bytes.Buffer
	c := &Command{Stdin: strings.NewReader(stdin), Stdout: &o, Stderr: &e, Dir: dir, Getenv: func(k string) string { return env[k] },
		Environ: func() []string {
			var out []string
			for k, v := range env {
				out = append(out, k+"="+v)
			}
			return out
		}}
	status = c.Run(args)
	return o.String(), e.String(), status
}

// TestCommandInProcess exercises the command line through Command, with
// its world injected, as actionlint tests its Command.
func TestCommandInProcess(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"estate.json":     loopingExport,
		"sub/.keep":       "",
		".chainlint.yaml": "fail-on: error\nrules:\n  missing-host-override: warning\n",
	})
	for _, tc := range []struct {
		name      string
		stdin     string
		env       map[string]string
		args      []string
		status    int
		stdout    []string // substrings
		stderr    []string
		notStdout []string
	}{
		{name: "relative paths and names, config found in Dir", args: []string{"estate.json"},
			// The config makes the finding a warning and fails on errors only.
			status: 0, stdout: []string{"estate.json:3:44: warning:", "[missing-host-override]"}},
		{name: "default path is Dir", args: []string{"--format", "compact"},
			status: 0, stdout: []string{"estate.json:3:44: warning:"}, notStdout: []string{"    "}},
		{name: "--config relative to Dir", args: []string{"--config", "none.yaml", "estate.json"},
			status: 2, stderr: []string{"config:"}},
		{name: "--fail-on beats the config", args: []string{"--fail-on", "warning", "estate.json"}, status: 1},
		{name: "standard input", stdin: loopingExport, args: []string{"-", "--stdin-filename", "piped.json", "-q"},
			status: 0, stdout: []string{"piped.json:3:44: warning:"}, notStdout: []string{"problem"}},
		// no-color.org: a command-line flag overrides NO_COLOR.
		{name: "--color always beats NO_COLOR", env: map[string]string{"NO_COLOR": "1"}, args: []string{"--color", "always", "estate.json"},
			status: 0, stdout: []string{"\x1b[33mwarning"}},
		{name: "--color never", args: []string{"--color", "never", "estate.json"}, status: 0, notStdout: []string{"\x1b["}},
		{name: "no fix, no mark", args: []string{"estate.json"}, status: 0, notStdout: []string{"[*]", "fixable"}},
		// A mistyped command is not read as a missing path.
		{name: "mistyped command", args: []string{"grpah", "estate.json"}, status: 2,
			stderr: []string{`unknown command "grpah" (and no file of that name): did you mean chainlint graph?`}},
		{name: "a missing path far from any command", args: []string{"nothing-here"}, status: 2,
			stderr: []string{"nothing-here: no such file or directory"}},
		{name: "colour always", args: []string{"--color", "always", "estate.json"}, status: 0, stdout: []string{"\x1b[33mwarning"}},
		{name: "version", args: []string{"version"}, status: 0, stdout: []string{"chainlint "}},
		{name: "help exits 0", args: []string{"help", "explain"}, status: 0, stdout: []string{"usage: chainlint explain RULE"}},
		{name: "explain suggests", args: []string{"explain", "chain-los"}, status: 2, stderr: []string{"did you mean chain-loop?"}},
		{name: "a named path with nothing in it", args: []string{"sub"}, status: 2, stderr: []string{"no Fastly configuration found"}},
		{name: "--stdin-filename naming a directory is refused, not linted from disk", stdin: loopingExport, args: []string{"-", "--stdin-filename", "sub"},
			status: 2, stderr: []string{"names a directory"}},
		{name: "graph in Dir", args: []string{"graph", "estate.json"}, status: 0, stdout: []string{"flowchart LR"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, status := inProcess(t, dir, tc.stdin, tc.env, tc.args...)
			if status != tc.status {
				t.Errorf("status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tc.status, stdout, stderr)
			}
			for _, want := range tc.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			for _, not := range tc.notStdout {
				if strings.Contains(stdout, not) {
					t.Errorf("stdout has %q:\n%s", not, stdout)
				}
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

// TestCommandOutputFiles: --output files and init land in Dir.
func TestCommandOutputFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{"estate.json": loopingExport})
	if _, stderr, status := inProcess(t, dir, "", nil, "--output", "sarif=out/report.sarif", "--output", "html=report.html"); status != 1 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, f := range []string{"out/report.sarif", "report.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not written in Dir: %v", f, err)
		}
	}
	if _, stderr, status := inProcess(t, dir, "", nil, "init"); status != 0 {
		t.Fatalf("init: %d %s", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, ".chainlint.yaml")); err != nil {
		t.Errorf("init did not write in Dir: %v", err)
	}
}

// TestFixableMarked: a finding --fix can fix is marked, as ruff marks its
// own, in text and in compact output, and the summary counts them.
func TestFixableMarked(t *testing.T) {
	examples, err := filepath.Abs("../../testdata/examples")
	if err != nil {
		t.Fatal(err)
	}
	stdout, _, _ := inProcess(t, examples, "", nil, ".")
	for _, want := range []string{`set override_host = "chained-service.example.com" [*] [missing-host-override]`, "; 1 fixable with --fix [*]"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Count(stdout, "[*]") != 2 {
		t.Errorf("want one marked finding and the summary:\n%s", stdout)
	}
	stdout, _, _ = inProcess(t, examples, "", nil, "--format", "compact", ".")
	if !strings.Contains(stdout, `"chained-service.example.com" [*] [missing-host-override]`+"\n") || strings.Count(stdout, "[*]") != 1 {
		t.Errorf("compact output does not mark the one fixable finding:\n%s", stdout)
	}
}
