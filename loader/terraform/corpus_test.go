package terraform_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/lint"
)

const corpusDir = "../../testdata/realworld/terraform"

// corpusModules lists what the corpus holds as Terraform modules: each
// directory of a real module, and each of the provider's examples, which
// sit side by side in one directory but are independent single-file
// configurations (loaded together they would declare resources twice).
func corpusModules(t testing.TB) []string {
	var out []string
	dirs := map[string]bool{}
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") {
			return err
		}
		if strings.Contains(filepath.ToSlash(path), "terraform-provider-fastly/") {
			out = append(out, path)
		} else {
			dirs[filepath.Dir(path)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for d := range dirs {
		out = append(out, d)
	}
	if len(out) < 50 {
		t.Fatalf("only %d Terraform modules under %s", len(out), corpusDir)
	}
	return out
}

// missingInCorpus are findings the corpus makes on purpose, with why.
var missingInCorpus = map[string]string{
	"service_vcl_usage_with_custom_vcl.tf": "the provider's documentation example reads my_custom_main.vcl and my_custom_library.vcl, which its repository does not hold either",
}

// assemble rebuilds a security example as its repository has it: the
// corpus keeps its .tf files and its vcl/ directory in separate trees.
func assemble(t *testing.T, module string) string {
	t.Helper()
	vclDir := filepath.Join(corpusDir, "..", "vcl", "security-use-cases", filepath.Base(module), "vcl")
	if _, err := os.Stat(vclDir); err != nil {
		return module
	}
	dir := filepath.Join(t.TempDir(), filepath.Base(module))
	copyTree(t, module, dir)
	copyTree(t, vclDir, filepath.Join(dir, "vcl"))
	return dir
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCorpus loads every Terraform module written outside this project:
// no parse-error, no vcl-syntax error, and no error-severity finding, but
// for the corpus's own missing files, listed with the reason.
func TestCorpus(t *testing.T) {
	services := 0
	for _, m := range corpusModules(t) {
		res, err := lint.Run(lint.Options{Paths: []string{assemble(t, m)}})
		if err != nil {
			t.Errorf("%s: %v", m, err)
			continue
		}
		services += len(res.Graph.Services)
		for _, f := range res.Findings {
			if _, known := missingInCorpus[filepath.Base(f.Pos.Filename)]; known && f.Rule == "parse-error" && strings.Contains(f.Message, "no such file") {
				continue
			}
			if f.Severity == analyzer.SeverityError {
				t.Errorf("%s:%d:%d: %s [%s]", f.Pos.Filename, f.Pos.Line, f.Pos.Column, f.Message, f.Rule)
			}
		}
	}
	if services < 20 {
		t.Errorf("the corpus yielded only %d services", services)
	}
}

// TestProviderExamplesAsOneDirectory lints the provider's examples as a
// user would, a directory at a time: Terraform refuses each directory (its
// examples declare the same resources), which chainlint says, and reads
// each file as its own estate, so no chain finding joins two examples (an
// example's placeholder backend "example.com" is another example's domain).
func TestProviderExamplesAsOneDirectory(t *testing.T) {
	root := filepath.Join(corpusDir, "terraform-provider-fastly")
	for _, dir := range []string{root, filepath.Join(root, "resources"), filepath.Join(root, "data-sources")} {
		res, err := lint.Run(lint.Options{Paths: []string{dir}})
		if err != nil {
			t.Fatal(err)
		}
		duplicates := 0
		for _, f := range res.Findings {
			switch {
			case f.Rule == "parse-error" && strings.HasPrefix(f.Message, "Duplicate resource"):
				duplicates++
			case f.Severity >= analyzer.SeverityWarning:
				t.Errorf("%s: %s:%d: [%s] %s", dir, f.Pos.Filename, f.Pos.Line, f.Rule, f.Message)
			}
		}
		if duplicates == 0 {
			t.Errorf("%s: no duplicate declaration reported: the test no longer tests a directory Terraform refuses", dir)
		}
	}
}
