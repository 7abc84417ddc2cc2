package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// The --fix guarantees: a file reached under two names is fixed once,
// fixes apply only inside the paths given, and symlinks not named are not
// written through.

const jsonLoop = `{"services": [
  {"name": "shop", "type": "vcl", "version": {"domains": [{"name": "shop.example.com"}],
    "backends": [{"name": "api", "address": "api.example.com"}]}},
  {"name": "api", "type": "vcl", "version": {"domains": [{"name": "api.example.com"}],
    "backends": [{"name": "origin", "address": "origin.example.com", "override_host": "origin.example.com"}]}}
]}
`

func TestFixSameFileTwice(t *testing.T) {
	dir := writeTree(t, map[string]string{"tf/main.tf": tfChain, "tf/terraform.tfvars": "chained = \"chained.example.com\"\n", "f.json": jsonLoop})
	_, stderr, status := runBinary(t, dir, "--fix", "tf", filepath.Join(dir, "tf"), "f.json", "./f.json")
	if status != 0 || !strings.Contains(stderr, "fixed 2 files") {
		t.Fatalf("status %d\n%s", status, stderr)
	}
	tf, _ := os.ReadFile(filepath.Join(dir, "tf", "main.tf"))
	if strings.Count(string(tf), "override_host") != 1 || !strings.Contains(string(tf), "override_host = var.chained\n") {
		t.Errorf("main.tf after --fix:\n%s", tf)
	}
	js, _ := os.ReadFile(filepath.Join(dir, "f.json"))
	var v any
	if err := json.Unmarshal(js, &v); err != nil || strings.Count(string(js), "override_host") != 2 {
		t.Errorf("f.json after --fix (%v):\n%s", err, js)
	}
	// Linted twice under two names, the estate is still one estate.
	if stdout, _, status := runBinary(t, dir, "tf", filepath.Join(dir, "tf")); status != 0 || strings.Contains(stdout, "duplicate-domain") {
		t.Errorf("one directory given twice: status %d\n%s", status, stdout)
	}
}

func TestFixOnlyInsideGivenPaths(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"envs/prod/main.tf": "module \"svc\" {\n  source = \"../../other\"\n}\n",
		"other/main.tf":     strings.Replace(tfChain, "var.chained", `"chained.example.com"`, 1),
	})
	stdout, stderr, status := runBinary(t, dir, "--fix", "envs/prod")
	if status != 1 || !strings.Contains(stderr, "fixed 0 files") || !strings.Contains(stderr, "other/main.tf is outside the paths given") ||
		!strings.Contains(stdout, "[missing-host-override]") {
		t.Errorf("status %d\n%s%s", status, stdout, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "other", "main.tf")); strings.Contains(string(b), "override_host") {
		t.Error("a file outside the given paths was written")
	}
	if stdout, _, _ := runBinary(t, dir, "--diff", "envs/prod"); !strings.Contains(stdout, `+    override_host = "chained.example.com"`) {
		t.Errorf("--diff does not offer the fix:\n%s", stdout)
	}
}

func TestFixNotThroughSymlinks(t *testing.T) {
	dir := writeTree(t, map[string]string{"tree/real.json": jsonLoop})
	if err := os.Symlink("real.json", filepath.Join(dir, "tree", "a-link.json")); err != nil {
		t.Fatal(err)
	}
	// Walking tree/ meets a-link.json first: the file is loaded under the
	// link's name, so it is reached through a link that was not named.
	_, stderr, _ := runBinary(t, dir, "--fix", "tree")
	if !strings.Contains(stderr, "a-link.json is reached through a symbolic link") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "tree", "real.json")); strings.Count(string(b), "override_host") != 1 {
		t.Error("written through a symlink that was not named")
	}
	// Named explicitly, the link is fixed (its target is written, the link
	// kept).
	if _, stderr, status := runBinary(t, dir, "--fix", "tree/a-link.json"); status != 0 || !strings.Contains(stderr, "fixed 1 file") {
		t.Errorf("status %d\n%s", status, stderr)
	}
	if st, err := os.Lstat(filepath.Join(dir, "tree", "a-link.json")); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
}

// TestTraceTakesWhatPeoplePaste: a whole URL (scheme, port, path, query),
// request details, and the lint flags that change what is loaded.
func TestTraceTakesWhatPeoplePaste(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": tfChain, "prod.tfvars": "chained = \"chained.example.com\"\n"})
	stdout, stderr, status := runBinary(t, dir, "trace", "https://www.example.com:443/a/b?x=1#frag", "--var-file", "prod.tfvars", ".")
	if status != 0 || !strings.Contains(stdout, "trace Host www.example.com/a/b?x=1 ") || !strings.Contains(stdout, "back to www") {
		t.Errorf("status %d\n%s%s", status, stdout, stderr)
	}
	if _, stderr, status := runBinary(t, dir, "trace", "www.example.com", "--header", "nocolon", "."); status != 2 || !strings.Contains(stderr, "want 'Name: value'") {
		t.Errorf("a bad --header: status %d\n%s", status, stderr)
	}
	for _, args := range [][]string{{"graph", "--var", "chained=chained.example.com", "."}, {"purge-order", "--allow-outside-root", "."}} {
		if _, stderr, status := runBinary(t, dir, args...); status != 0 {
			t.Errorf("%v: status %d\n%s", args, status, stderr)
		}
	}
}

// TestModuleFilesInsideConfinement: linting envs/prod reads
// ../../modules/service as Terraform does, and that module's own files;
// nothing beyond them.
func TestModuleFilesInsideConfinement(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"envs/prod/main.tf":            "module \"svc\" {\n  source = \"../../modules/service\"\n}\n",
		"modules/service/main.tf":      "resource \"fastly_service_vcl\" \"a\" {\n  name = \"a\"\n  vcl {\n    name    = \"main\"\n    content = file(\"${path.module}/vcl/main.vcl\")\n  }\n}\n",
		"modules/service/vcl/main.vcl": "sub vcl_recv {\n#FASTLY recv\n}\n",
		"secret.vcl":                   "sub vcl_recv { }\n",
	})
	if stdout, stderr, status := runBinary(t, dir, "envs/prod"); status != 0 {
		t.Errorf("a module's own file: status %d\n%s%s", status, stdout, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "modules/service/main.tf"), []byte("resource \"fastly_service_vcl\" \"a\" {\n  name = \"a\"\n  vcl {\n    name    = \"main\"\n    content = file(\"${path.module}/../../secret.vcl\")\n  }\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if stdout, _, status := runBinary(t, dir, "envs/prod"); status != 3 || !strings.Contains(stdout, "outside the project root envs/prod and its local modules") {
		t.Errorf("beyond the module: status %d\n%s", status, stdout)
	}
}

// TestCommandConventions: help and version subcommands, --help on every
// subcommand exits 0, a mistyped rule gets a suggestion, a named path that
// yields nothing is a usage error, and --diff with nothing to fix exits 0.
func TestCommandConventions(t *testing.T) {
	dir := writeTree(t, map[string]string{"README.md": "# hello\n", "f.json": jsonLoop})
	for _, args := range [][]string{{"help"}, {"help", "trace"}, {"version"}, {"rules", "--help"}, {"init", "--help"},
		{"lsp", "--help"}, {"explain", "--help"}, {"trace", "--help"}, {"graph", "--help"}, {"pull", "--help"}, {"--help"}} {
		if _, stderr, status := runBinary(t, dir, args...); status != 0 {
			t.Errorf("%v: status %d\n%s", args, status, stderr)
		}
	}
	if _, stderr, _ := runBinary(t, dir, "trace", "--help"); !strings.Contains(stderr, "URL") {
		t.Errorf("trace --help does not name its URL:\n%s", stderr)
	}
	if _, stderr, status := runBinary(t, dir, "--formt", "json", "f.json"); status != 2 || !strings.Contains(stderr, "did you mean --format?") || strings.Contains(stderr, "Flags:") {
		t.Errorf("a mistyped flag gets a suggestion, not the usage: status %d\n%s", status, stderr)
	}
	if _, stderr, status := runBinary(t, dir, "explain", "chain-los"); status != 2 || !strings.Contains(stderr, "did you mean chain-loop?") {
		t.Errorf("explain chain-los: status %d\n%s", status, stderr)
	}
	if _, stderr, status := runBinary(t, dir, "README.md"); status != 2 || !strings.Contains(stderr, "no Fastly configuration found in README.md") {
		t.Errorf("README.md: status %d\n%s", status, stderr)
	}
	if _, stderr, status := runBinary(t, dir, "f.json", "README.md"); status != 2 || !strings.Contains(stderr, "no Fastly configuration found in README.md (") {
		t.Errorf("one of two paths yields nothing: status %d\n%s", status, stderr)
	}
	if _, _, status := runBinary(t, dir, "--diff", "f.json"); status != 1 {
		t.Errorf("--diff with a fix to print: status %d, want 1", status)
	}
	clean := writeTree(t, map[string]string{"ok.json": validExport})
	if _, _, status := runBinary(t, clean, "--diff"); status != 0 {
		t.Errorf("--diff with nothing to fix: status %d, want 0", status)
	}
}

// TestShortFlagsAndRuleSelection: -f, -c, -q, the compact format, and
// --enable / --disable / --only over the config.
func TestShortFlagsAndRuleSelection(t *testing.T) {
	dir := writeTree(t, map[string]string{"f.json": jsonLoop, "strict.yaml": "rules:\n  missing-host-override: off\n"})
	stdout, _, status := runBinary(t, dir, "-f", "compact", "f.json")
	if status != 1 || strings.Count(stdout, "\n") != 1 || !strings.HasPrefix(stdout, "f.json:3:") || strings.Contains(stdout, "problem") {
		t.Errorf("compact: status %d\n%s", status, stdout)
	}
	if stdout, _, _ := runBinary(t, dir, "-q", "f.json"); strings.Contains(stdout, "problem") || !strings.Contains(stdout, "[missing-host-override]") {
		t.Errorf("-q:\n%s", stdout)
	}
	if stdout, _, status := runBinary(t, dir, "-c", "strict.yaml", "f.json"); status != 0 || strings.Contains(stdout, "missing-host-override") {
		t.Errorf("-c switches the rule off: status %d\n%s", status, stdout)
	}
	if stdout, _, status := runBinary(t, dir, "-c", "strict.yaml", "--enable", "missing-host-override", "f.json"); status != 1 || !strings.Contains(stdout, "[missing-host-override]") {
		t.Errorf("--enable over the config: status %d\n%s", status, stdout)
	}
	if stdout, _, status := runBinary(t, dir, "--only", "long-chain,chain-loop", "f.json"); status != 0 || strings.Contains(stdout, "missing-host-override") {
		t.Errorf("--only: status %d\n%s", status, stdout)
	}
	if _, stderr, status := runBinary(t, dir, "--disable", "chain-lop", "f.json"); status != 2 || !strings.Contains(stderr, "did you mean chain-loop?") {
		t.Errorf("--disable with a typo: status %d\n%s", status, stderr)
	}
}

// TestVersionIsSemantic: --version and SARIF's semanticVersion hold a
// semantic version (0.0.0-dev[+commit] for a build from a clone).
func TestVersionIsSemantic(t *testing.T) {
	semver := regexp.MustCompile(`^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
	stdout, _, status := runBinary(t, t.TempDir(), "--version")
	v := strings.TrimSpace(strings.TrimPrefix(stdout, "chainlint "))
	if status != 0 || !semver.MatchString(v) {
		t.Errorf("--version: status %d, %q", status, stdout)
	}
	dir := writeTree(t, map[string]string{"f.json": jsonLoop})
	stdout, _, _ = runBinary(t, dir, "--format", "sarif", "f.json")
	m := regexp.MustCompile(`"semanticVersion": "([^"]*)"`).FindStringSubmatch(stdout)
	if m == nil || !semver.MatchString(m[1]) {
		t.Errorf("SARIF semanticVersion: %v", m)
	}
}

// TestColor: --color always colours severity, rule and caret; never and
// NO_COLOR (under auto) do not; output to a pipe is plain under auto.
func TestColor(t *testing.T) {
	dir := writeTree(t, map[string]string{"f.json": jsonLoop})
	if stdout, _, _ := runBinary(t, dir, "--color", "always", "f.json"); !strings.Contains(stdout, "\x1b[31m\x1b[1merror\x1b[0m") || !strings.Contains(stdout, "\x1b[2m[missing-host-override]\x1b[0m") {
		t.Errorf("--color always:\n%q", stdout)
	}
	for _, args := range [][]string{{"--color", "never", "f.json"}, {"f.json"}} {
		if stdout, _, _ := runBinary(t, dir, args...); strings.Contains(stdout, "\x1b[") {
			t.Errorf("%v: colour on a pipe:\n%q", args, stdout)
		}
	}
	// On a terminal (script(1) gives one), auto colours unless NO_COLOR.
	if _, err := exec.LookPath("script"); err == nil {
		for _, tc := range []struct {
			env   string
			color bool
		}{{"NO_COLOR=", true}, {"NO_COLOR=1", false}} {
			cmd := exec.Command("script", "-qec", binary+" --color auto f.json", "/dev/null")
			cmd.Dir, cmd.Env = dir, append(os.Environ(), tc.env)
			stdout, _, _ := runCmd(t, cmd)
			if strings.Contains(stdout, "\x1b[") != tc.color {
				t.Errorf("on a terminal with %s: colour %v, want %v:\n%q", tc.env, !tc.color, tc.color, stdout)
			}
		}
	}
	if _, stderr, status := runBinary(t, dir, "--color", "sometimes", "f.json"); status != 2 || !strings.Contains(stderr, "want auto, always or never") {
		t.Errorf("a bad --color: %d %s", status, stderr)
	}
}

// TestStdin: "-" reads one file from standard input, named (and its loader
// chosen) by --stdin-filename; JSON is recognised without it.
func TestStdin(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args  []string
		input string
		want  string
	}{
		{[]string{"-"}, jsonLoop, "stdin.json:3:"},
		{[]string{"--stdin-filename", "fastly/estate.json", "-"}, jsonLoop, "fastly/estate.json:3:"},
		{[]string{"--stdin-filename", "main.vcl", "-"}, "sub vcl_recv { set x = ; }\n", "main.vcl:1:23: error: VCL syntax"},
	} {
		cmd := exec.Command(binary, tc.args...)
		cmd.Dir, cmd.Stdin = dir, strings.NewReader(tc.input)
		stdout, stderr, status := runCmd(t, cmd)
		if status == 0 || status == 2 || !strings.Contains(stdout, tc.want) {
			t.Errorf("%v: status %d\n%s%s", tc.args, status, stdout, stderr)
		}
	}
	cmd := exec.Command(binary, "--fix", "-")
	cmd.Dir, cmd.Stdin = dir, strings.NewReader(jsonLoop)
	if _, stderr, status := runCmd(t, cmd); status != 2 || !strings.Contains(stderr, "standard input") {
		t.Errorf("--fix -: status %d\n%s", status, stderr)
	}
}

// TestSeveralOutputs: --output FORMAT=FILE, repeatable, - for standard
// output: SARIF to a file and text to the log in one run.
func TestSeveralOutputs(t *testing.T) {
	dir := writeTree(t, map[string]string{"f.json": jsonLoop})
	stdout, stderr, status := runBinary(t, dir, "--output", "sarif=out.sarif", "--output", "text=-", "--output", "json=out.json", "f.json")
	if status != 1 || !strings.Contains(stdout, "[missing-host-override]") {
		t.Fatalf("status %d\n%s%s", status, stdout, stderr)
	}
	for name, want := range map[string]string{"out.sarif": `"ruleId": "missing-host-override"`, "out.json": `"rule": "missing-host-override"`} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s: %v\n%.300s", name, err, b)
		}
	}
	if _, stderr, status := runBinary(t, dir, "--output", "yaml=x", "f.json"); status != 2 || !strings.Contains(stderr, "want FORMAT=FILE") {
		t.Errorf("a bad --output: %d %s", status, stderr)
	}
}

// TestMarkdown: --format markdown is CommonMark (GitHub's table extension)
// with one table row per finding, each rule linked to its page, and a
// Mermaid block that is what graph --format mermaid prints.
func TestMarkdown(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "examples"))
	stdout, _, _ := runBinary(t, t.TempDir(), "--format", "markdown", root)
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	doc := md.Parser().Parse(text.NewReader([]byte(stdout)))
	var rows int
	var mermaid string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.TableRow:
			rows++
		case *ast.FencedCodeBlock:
			if string(n.Language([]byte(stdout))) == "mermaid" {
				var b strings.Builder
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					b.Write(seg.Value([]byte(stdout)))
				}
				mermaid = b.String()
			}
		}
		return ast.WalkContinue, nil
	})
	if rows != 5 || strings.Count(stdout, "](https://github.com/chainlint/chainlint/blob/main/docs/rules/") != 5 {
		t.Errorf("%d table rows, want 5 (one per finding, each rule linked):\n%s", rows, stdout)
	}
	graph, _, _ := runBinary(t, t.TempDir(), "graph", "--format", "mermaid", root)
	if mermaid == "" || mermaid != graph {
		t.Errorf("the Mermaid block is not graph's:\n%s\nwant:\n%s", mermaid, graph)
	}
}
