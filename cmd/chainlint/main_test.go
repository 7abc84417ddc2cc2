package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/internal/fakefastly"
	"github.com/chainlint/chainlint/internal/golden"
	"github.com/chainlint/chainlint/output"
	"github.com/chainlint/chainlint/rules"
)

// binary is the chainlint command built once for the exit-status tests.
var binary string

func TestMain(m *testing.M) {
	if os.Getenv(peakHelperEnv) != "" {
		os.Exit(peakHelper(os.Args[1:]))
	}
	flag.Parse()
	dir, err := os.MkdirTemp("", "chainlint-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "chainlint")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-trimpath", "-o", binary, ".").CombinedOutput()
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
	return runCmd(t, cmd)
}

// runCmd runs a prepared command and returns its output and exit status;
// a command that cannot be run at all fails the test.
func runCmd(t *testing.T, cmd *exec.Cmd) (stdout, stderr string, status int) {
	t.Helper()
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
		{"explain", clean, []string{"explain", "chain-loop"}, 0, "Ignoring it", ""},
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
	golden.Check(t, filepath.Join("testdata", "examples.txt"), stdout)
}

func TestFormats(t *testing.T) {
	dir := writeTree(t, map[string]string{"estate.json": loopingExport})
	for format, want := range map[string]string{
		"sarif":      `"ruleId": "missing-host-override"`,
		"github":     "::error file=estate.json,line=3,col=44",
		"checkstyle": `<error line="3" column="44" severity="error"`,
		"junit":      `<testsuites name="chainlint" tests="1" failures="1" errors="0">`,
	} {
		stdout, stderr, status := runBinary(t, dir, "--format", format)
		if status != 1 || !strings.Contains(stdout, want) {
			t.Errorf("--format %s: status %d, output lacks %q:\n%s%s", format, status, want, stdout, stderr)
		}
	}
}

func TestConfigFile(t *testing.T) {
	tests := []struct {
		name, config string
		status       int
		stdout       string
		stderr       string
	}{
		{"unknown key", "profile: current\nrulez:\n  long-chain: off\n", 2, "", `.chainlint.yaml:2:1: unknown key "rulez" (did you mean "rules"?)`},
		{"unknown rule", "rules:\n  missing-host-overide: off\n", 2, "", `unknown rule "missing-host-overide" (did you mean "missing-host-override"?)`},
		{"bad severity", "rules:\n  long-chain: loud\n", 2, "", "severity must be off, info, warning or error"},
		{"bad profile", "profile: newest\n", 2, "", ".chainlint.yaml:1:10: unknown profile"},
		{"rule off", "rules:\n  missing-host-override: off\n", 0, "no problems", ""},
		{"rule demoted", "rules:\n  missing-host-override: info\n", 0, "info: backend", ""},
		{"fail-on from config", "fail-on: none\n", 0, "error: backend", ""},
		{"exclude", "exclude: [\"sub/**\"]\n", 0, "no problems in 0 services", ""},
		{"ignore by service", "ignore:\n  - rule: missing-host-override\n    service: www\n    reason: known\n", 0, "no problems", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"sub/estate.json": loopingExport, ".chainlint.yaml": tt.config})
			stdout, stderr, status := runBinary(t, dir)
			if status != tt.status || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("status %d (want %d)\nstdout:\n%s\nstderr:\n%s", status, tt.status, stdout, stderr)
			}
		})
	}
	// The config is found from a subdirectory, and the flag wins over it.
	dir := writeTree(t, map[string]string{"sub/estate.json": loopingExport, ".chainlint.yaml": "fail-on: none\n"})
	if _, _, status := runBinary(t, filepath.Join(dir, "sub"), "--fail-on", "error"); status != 1 {
		t.Errorf("--fail-on error over the config's none: status %d, want 1", status)
	}
}

func TestInit(t *testing.T) {
	dir := writeTree(t, map[string]string{"estate.json": cleanExport})
	if stdout, _, status := runBinary(t, dir, "init"); status != 0 || !strings.Contains(stdout, "wrote .chainlint.yaml") {
		t.Fatalf("init: %d %s", status, stdout)
	}
	if _, stderr, status := runBinary(t, dir, "init"); status != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("a second init must refuse to overwrite: %d %s", status, stderr)
	}
	// The starter file must itself be a valid config.
	if stdout, stderr, status := runBinary(t, dir); status != 0 {
		t.Errorf("linting with the starter config: %d\n%s%s", status, stdout, stderr)
	}
	// It lists every rule with its default severity, commented out; and
	// uncommenting a line makes a valid config.
	starter, err := os.ReadFile(filepath.Join(dir, ".chainlint.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.All() {
		if !strings.Contains(string(starter), "\n  # "+r.Name+": "+r.Severity.String()+" ") {
			t.Errorf("the starter config does not list %s: %s", r.Name, r.Severity)
		}
	}
	uncommented := strings.Replace(string(starter), "  # chain-loop: error", "  chain-loop: warning", 1)
	if err := os.WriteFile(filepath.Join(dir, ".chainlint.yaml"), []byte(uncommented), 0o644); err != nil {
		t.Fatal(err)
	}
	if stdout, stderr, status := runBinary(t, dir); status != 0 {
		t.Errorf("linting with a line of the starter config uncommented: %d\n%s%s", status, stdout, stderr)
	}
}

func TestBaseline(t *testing.T) {
	dir := writeTree(t, map[string]string{"estate.json": loopingExport})
	if _, stderr, status := runBinary(t, dir, "--write-baseline", "baseline.json"); status != 0 || !strings.Contains(stderr, "recorded 1 findings") {
		t.Fatalf("write: %d %s", status, stderr)
	}
	// The summary says what the baseline hid: a gate that hides
	// everything must not read as a clean run.
	if stdout, _, status := runBinary(t, dir, "--baseline", "baseline.json"); status != 0 || !strings.Contains(stdout, "no new problems in 1 service from 1 file (1 hidden by the baseline)") {
		t.Errorf("a baselined finding was reported, or the summary hides the baseline: %d\n%s", status, stdout)
	}
	// Moving the finding to another line does not resurface it; a new
	// finding is reported.
	moved := "\n\n\n" + strings.Replace(loopingExport, `"www.example.com"}]`, `"www.example.com"}, {"name": "w2.example.com"}]`, 1)
	moved = strings.Replace(moved, `"backends": [`, `"backends": [{"name": "edge2", "address": "global.ssl.fastly.net"}, `, 1)
	if err := os.WriteFile(filepath.Join(dir, "estate.json"), []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, status := runBinary(t, dir, "--baseline", "baseline.json")
	if status != 1 || strings.Count(stdout, "[missing-host-override]") != 1 || !strings.Contains(stdout, `backend "edge2"`) || !strings.Contains(stdout, "(1 more hidden by the baseline)") {
		t.Errorf("want only the new finding: %d\n%s", status, stdout)
	}
	if _, stderr, status := runBinary(t, dir, "--baseline", "nope.json"); status != 2 || !strings.Contains(stderr, "--baseline") {
		t.Errorf("missing baseline file: %d %s", status, stderr)
	}
}

// TestSecretsNeverPrinted lints estates holding secret literals (a shared
// header constant, a literal HMAC key) in every output format and every
// string form that can hold VCL (a JSON string with escapes, an HCL quoted
// string with escaped quotes, an HCL heredoc, a YAML block scalar and a
// double-quoted YAML string), and asserts that no output contains them,
// nor any five characters of them (a mask shifted by an escape leaks the
// end of the value).
func TestSecretsNeverPrinted(t *testing.T) {
	const secret, key = "k9Qz-h3aD-77wp", "Zr8-mNOP-qq41w"
	vcl := func(v string) string { return strings.ReplaceAll(strings.ReplaceAll(v, "\n", `\n`), `"`, `\"`) }
	first := `sub vcl_miss {
  set bereq.http.Edge-Auth = "` + secret + `";
  set bereq.http.Sig = digest.hmac_sha256("` + key + `", req.url);
}
sub vcl_pass {
  set bereq.http.Edge-Auth = "` + secret + `";
}
`
	second := `sub vcl_recv {
  if (req.http.Edge-Auth != "` + secret + `") { error 403; }
}
`
	estate := `{"services": [
  {"name": "www", "type": "vcl", "version": {"domains": [{"name": "www.example.com"}],
    "backends": [{"name": "c", "address": "c.example.com", "override_host": "c.example.com"}],
    "vcls": [{"name": "main", "content": "` + vcl(first) + `"}]}},
  {"name": "c", "type": "vcl", "version": {"domains": [{"name": "c.example.com"}],
    "backends": [{"name": "o", "address": "origin.example.com"}],
    "vcls": [{"name": "main", "content": "` + vcl(second) + `"}]}}]}`
	tf := `resource "fastly_service_vcl" "q" {
  name = "q"
  domain { name = "q.example.com" }
  snippet {
    name    = "quoted"
    type    = "miss"
    content = "set bereq.http.Sig = digest.hmac_sha256(\"` + key + `\", req.url);"
  }
  snippet {
    name    = "heredoc"
    type    = "pass"
    content = <<-EOT
      set bereq.http.Sig = digest.hmac_sha256("` + key + `", req.url);
    EOT
  }
}
`
	yaml := `services:
  - name: y
    type: vcl
    version:
      domains: [{name: y.example.com}]
      snippets:
        - name: block
          type: miss
          content: |
            set bereq.http.Sig = digest.hmac_sha256("` + key + `", req.url);
        - name: double
          type: pass
          content: "set bereq.http.Sig = digest.hmac_sha256(\"` + key + `\", req.url);"
`
	dir := writeTree(t, map[string]string{"estate.json": estate, "direct.vcl": first, "tf/main.tf": tf, "estate.yaml": yaml})
	var pieces []string
	for _, lit := range []string{secret, key} {
		for i := 0; i+5 <= len(lit); i++ {
			pieces = append(pieces, lit[i:i+5])
		}
	}
	for _, format := range output.Formats {
		stdout, stderr, status := inProcess(t, dir, "", nil, "--format", format, "--fail-on", "none")
		if status != 0 {
			t.Fatalf("%s: status %d\n%s", format, status, stderr)
		}
		for _, piece := range pieces {
			if strings.Contains(stdout, piece) || strings.Contains(stderr, piece) {
				t.Errorf("--format %s prints %q of a secret:\n%s", format, piece, stdout)
				break
			}
		}
		if format == "text" {
			// Each excerpt masks the key exactly: its quotes (escaped or
			// not) around as many stars as it has characters.
			masked := regexp.MustCompile(`hmac_sha256\(\\?"\*{` + strconv.Itoa(len(key)) + `}\\?"`)
			for _, line := range strings.Split(stdout, "\n") {
				if strings.Contains(line, "hmac_sha256(") && !strings.HasSuffix(line, "]") && !masked.MatchString(line) {
					t.Errorf("an excerpt does not mask the key exactly: %s", line)
				}
			}
			if !strings.Contains(stdout, "[static-shared-secret]") || strings.Count(stdout, "[hardcoded-secret]") < 5 {
				t.Errorf("the secrets were not all found (want static-shared-secret and five hardcoded-secret):\n%s", stdout)
			}
		}
	}
}

const tfChain = `variable "chained" {}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "chained"
    address = var.chained
  }
}

resource "fastly_service_vcl" "chained" {
  name = "chained"
  domain {
    name = "chained.example.com"
  }
}
`

func TestFixAndDiff(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": tfChain, "terraform.tfvars": "chained = \"chained.example.com\"\n", "estate.yaml": "- name: shop\n  type: vcl\n  version:\n    domains: [{name: shop.example.com}]\n    backends:\n      - name: www\n        address: www.example.com\n"})
	stdout, _, status := runBinary(t, dir, "--diff")
	if status != 1 || // a diff was printed: a --check-style gate fails !strings.Contains(stdout, `+    override_host = var.chained`) ||
		!strings.Contains(stdout, "+++ b/estate.yaml") || !strings.Contains(stdout, "+      - override_host: www.example.com") {
		t.Fatalf("--diff: status %d\n%s", status, stdout)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "main.tf")); string(b) != tfChain {
		t.Fatal("--diff changed a file")
	}
	stdout, stderr, status := runBinary(t, dir, "--fix")
	// Fixing the loop leaves a three-service chain: an info finding.
	if status != 0 || strings.Contains(stdout, "[missing-host-override]") || !strings.Contains(stdout, "[long-chain]") || !strings.Contains(stderr, "fixed 2 files") {
		t.Fatalf("--fix: status %d\n%s%s", status, stdout, stderr)
	}
	if stdout, _, status := runBinary(t, dir); status != 0 || strings.Contains(stdout, "[missing-host-override]") {
		t.Errorf("after --fix the files still have the findings:\n%s", stdout)
	}
}

func TestTerraformVariables(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": tfChain, "prod.tfvars": "chained = \"chained.example.com\"\n"})
	// Without a value the chain goes unchecked: a warning (terraform plan
	// would stop too), which fails the default gate.
	if stdout, _, status := runBinary(t, dir); status != 1 || !strings.Contains(stdout, "[unset-variable]") {
		t.Errorf("without a value: status %d\n%s", status, stdout)
	}
	// TF_VAR_name, as Terraform reads it.
	if stdout, _, status := inProcess(t, dir, "", map[string]string{"TF_VAR_chained": "chained.example.com"}); status != 1 || !strings.Contains(stdout, "[missing-host-override]") || strings.Contains(stdout, "[unset-variable]") {
		t.Errorf("TF_VAR_chained: status %d\n%s", status, stdout)
	}
	for _, args := range [][]string{{"--var", "chained=chained.example.com"}, {"--var-file", filepath.Join(dir, "prod.tfvars")}} {
		if stdout, _, status := runBinary(t, dir, args...); status != 1 || !strings.Contains(stdout, "[missing-host-override]") {
			t.Errorf("%v: status %d\n%s", args, status, stdout)
		}
	}
	if _, stderr, status := runBinary(t, dir, "--var", "novalue"); status != 2 || !strings.Contains(stderr, "want name=value") {
		t.Errorf("bad --var: %d %s", status, stderr)
	}
}

func TestFileOutsideRoot(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"project/main.tf": "resource \"fastly_service_vcl\" \"www\" {\n  name = \"www\"\n  vcl {\n    name    = \"main\"\n    content = file(\"../secret.vcl\")\n  }\n}\n",
		"secret.vcl":      "sub vcl_recv { }\n",
	})
	stdout, _, status := runBinary(t, dir, "project")
	if status != 3 || !strings.Contains(stdout, "project/main.tf:5:15: error:") || !strings.Contains(stdout, "outside the project root") {
		t.Errorf("status %d\n%s", status, stdout)
	}
	if stdout, _, status := runBinary(t, dir, "project", "--allow-outside-root"); status != 0 {
		t.Errorf("--allow-outside-root: status %d\n%s", status, stdout)
	}
}

// TestFileThroughSymlinks: file() is confined after symlinks are resolved,
// a link to a file, a link to a directory and a link in a link's target
// alike (the loader resolves a file's directory once for every file() in
// it, and the file itself only when it is a link).
func TestFileThroughSymlinks(t *testing.T) {
	service := func(name, path string) string {
		return fmt.Sprintf("resource \"fastly_service_vcl\" %q {\n  name = %q\n  vcl {\n    name    = \"main\"\n    content = file(%q)\n  }\n}\n", name, name, path)
	}
	for _, c := range []struct {
		name, path string
		links      map[string]string // link → target, under the tree
		refused    bool
	}{
		{"file link out", "link.vcl", map[string]string{"project/link.vcl": "../secret.vcl"}, true},
		{"directory link out", "vcl/secret.vcl", map[string]string{"project/vcl": ".."}, true},
		{"link in a linked directory", "vcl/link.vcl", map[string]string{"project/vcl": "real", "project/real/link.vcl": "../../secret.vcl"}, true},
		{"directory link in", "vcl/inside.vcl", map[string]string{"project/vcl": "real"}, false},
		{"file link in", "link.vcl", map[string]string{"project/link.vcl": "real/inside.vcl"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{
				"project/main.tf":         service("www", c.path),
				"project/real/inside.vcl": "sub vcl_recv { }\n",
				"secret.vcl":              "sub vcl_recv { }\n",
			})
			for link, target := range c.links {
				if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
					t.Skip("no symlinks here:", err)
				}
			}
			stdout, _, status := runBinary(t, dir, "project")
			if refused := status == 3 && strings.Contains(stdout, "outside the project root"); refused != c.refused {
				t.Errorf("status %d, refused %v, want %v\n%s", status, refused, c.refused, stdout)
			}
		})
	}
}

// TestPullEndToEnd pulls from an in-process fake Fastly API with the built
// binary, lints the bundle it wrote, and checks that the token is printed
// nowhere.
func TestPullEndToEnd(t *testing.T) {
	fake := fakefastly.New()
	defer fake.Close()
	dir := t.TempDir()
	run := func(env string, args ...string) (string, string, int) {
		cmd := exec.Command(binary, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env)
		return runCmd(t, cmd)
	}
	token := "FASTLY_API_TOKEN=" + fakefastly.Token
	for _, out := range []string{"estate.json", "estate.yaml"} {
		stdout, stderr, status := run(token, "pull", "--all", "--endpoint", fake.URL, "--out", out)
		if status != 0 {
			t.Fatalf("pull --out %s: status %d\n%s", out, status, stderr)
		}
		if strings.Contains(stdout+stderr, fakefastly.Token) {
			t.Error("pull printed the token")
		}
		stdout, _, status = run("", out)
		if status != 1 || !strings.Contains(stdout, "[missing-host-override]") || !strings.Contains(stdout, "[invalid-link-name]") {
			t.Errorf("linting the pulled %s: status %d\n%s", out, status, stdout)
		}
		b, _ := os.ReadFile(filepath.Join(dir, out))
		if strings.Contains(string(b), fakefastly.Token) {
			t.Errorf("%s holds the token", out)
		}
	}
	if _, stderr, status := run("FASTLY_API_TOKEN=bad", "pull", "--all", "--endpoint", fake.URL); status != 2 || !strings.Contains(stderr, "refused the token") || strings.Contains(stderr, "bad\n") {
		t.Errorf("bad token: status %d, %s", status, stderr)
	}
	fake.Truncate["/resources/stores/config"] = true
	if _, stderr, status := run(token, "pull", "--all", "--endpoint", fake.URL); status != 3 || !strings.Contains(stderr, "not the JSON expected") {
		t.Errorf("truncated answer: status %d, %s", status, stderr)
	}
	if _, stderr, status := run("FASTLY_API_TOKEN=", "pull", "--all", "--endpoint", fake.URL); status != 2 || !strings.Contains(stderr, "no API token") {
		t.Errorf("no token: status %d, %s", status, stderr)
	}
	if _, _, status := run(token, "pull", "--endpoint", fake.URL); status != 2 {
		t.Errorf("neither --all nor --service: status %d", status)
	}
}

func TestVerbose(t *testing.T) {
	_, stderr, _ := runBinary(t, "../..", "rules/testdata/unknown-store-reference/bad-rust", "--verbose")
	if !strings.Contains(stderr, `(service "app-rust"): 1 source files scanned, 3 store opens and backend sends found, 1 with a name computed at run time (skipped)`) {
		t.Errorf("--verbose: %s", stderr)
	}
}
