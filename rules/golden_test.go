package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/config"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/golden"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/rules"
	"github.com/chainlint/chainlint/testkit/casetest"
)

// lintDir lints one case directory as the CLI would (with the case's own
// .chainlint.yaml, if any) and renders the text report with file names
// relative to the directory.
func lintDir(t *testing.T, dir string) string {
	t.Helper()
	out, err := casetest.Text(lintCase(t, dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func lintCase(t *testing.T, dir string) *lint.Result {
	t.Helper()
	res, err := casetest.Lint(dir)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// caseDirs returns every golden case: a directory below testdata holding
// an expected.txt.
func caseDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == "expected.txt" {
			dirs = append(dirs, filepath.Dir(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A case is testdata/RULE/CASE: one without its expected.txt would be
	// skipped without a word.
	all, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, dir := range all {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() && !slices.Contains(dirs, dir) {
			t.Errorf("%s: a case without expected.txt, so TestGolden would skip it: add one", dir)
		}
	}
	return dirs
}

// TestGolden lints every case directory under testdata/RULE/CASE and
// compares the report with the case's expected.txt (-update rewrites them).
func TestGolden(t *testing.T) {
	for _, dir := range caseDirs(t) {
		t.Run(filepath.ToSlash(strings.TrimPrefix(dir, "testdata"+string(filepath.Separator))), func(t *testing.T) {
			golden.Check(t, filepath.Join(dir, "expected.txt"), lintDir(t, dir))
		})
	}
}

// TestEveryRuleHasCases insists on at least one case where each rule fires
// (testdata/RULE/bad*) and one where it must not (testdata/RULE/good*).
func TestEveryRuleHasCases(t *testing.T) {
	for _, r := range rules.All() {
		var fires, silent bool
		dirs, _ := filepath.Glob(filepath.Join("testdata", r.Name, "*"))
		for _, dir := range dirs {
			want, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
			if err != nil {
				continue
			}
			has := strings.Contains(string(want), "["+r.Name+"]")
			switch base := filepath.Base(dir); {
			case strings.HasPrefix(base, "bad"):
				if !has {
					t.Errorf("%s: a bad case where %s does not fire", dir, r.Name)
				}
				fires = fires || has
			case strings.HasPrefix(base, "good"):
				if has {
					t.Errorf("%s: a good case where %s fires", dir, r.Name)
				}
				silent = true
			}
		}
		if !fires {
			t.Errorf("rule %s has no case in testdata/%s/bad*/ where it fires", r.Name, r.Name)
		}
		if !silent {
			t.Errorf("rule %s has no case in testdata/%s/good*/ where it must stay silent", r.Name, r.Name)
		}
	}
}

// TestRuleDocs checks the documentation contract of every rule: a
// kebab-case ID, a one-line summary, and a bad and a good example.
func TestRuleDocs(t *testing.T) {
	if err := analyzer.Validate(rules.All()); err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.All() {
		if !strings.Contains(r.Doc, "\nBad:\n") || !strings.Contains(r.Doc, "\nGood:\n") {
			t.Errorf("%s: Doc lacks a Bad: or Good: example", r.Name)
		}
		if s := r.Summary(); len(s) > 100 || strings.HasSuffix(s, ".") {
			t.Errorf("%s: summary %q should be one short line without a final period", r.Name, s)
		}
	}
}

// TestRuleAlone runs each rule's golden cases with that rule alone (every
// other rule off, as analysistest runs one analyzer) and checks that it
// reports exactly what it reports in the whole pipeline: a rule's findings
// never depend on which other rules run. The whole-pipeline reports stay
// pinned by TestGolden.
func TestRuleAlone(t *testing.T) {
	for _, dir := range caseDirs(t) {
		rel, _ := filepath.Rel("testdata", dir)
		id := strings.Split(filepath.ToSlash(rel), "/")[0]
		if rules.ByID(id) == nil || id == "unused-ignore" {
			continue // unused-ignore judges the other rules' ignores: it needs them run
		}
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			whole := lintCase(t, dir)
			var cfg *config.Config
			if path := filepath.Join(dir, config.FileName); fileExists(path) {
				var err error
				if cfg, err = config.Load(path, lint.RuleIDs()); err != nil {
					t.Fatal(err)
				}
			} else {
				cfg = &config.Config{}
			}
			alone := map[string]analyzer.Severity{}
			for _, other := range lint.RuleIDs() {
				if other != id {
					alone[other] = analyzer.SeverityNone
				} else if sev, ok := cfg.Rules[id]; ok {
					alone[id] = sev
				}
			}
			cfg.Rules = alone
			res, err := lint.Run(lint.Options{Paths: []string{dir}, Config: cfg})
			if err != nil {
				t.Fatal(err)
			}
			key := func(f analyzer.Finding) string {
				return fmt.Sprintf("%s:%d:%d %s %s", f.Pos.Filename, f.Pos.Line, f.Pos.Column, f.Rule, f.Message)
			}
			var want, got []string
			for _, f := range whole.Findings {
				if f.Rule == id {
					want = append(want, key(f))
				}
			}
			for _, f := range res.Findings {
				got = append(got, key(f))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s alone reports otherwise than in the whole pipeline (-whole +alone):\n%s", id, diff)
			}
		})
	}
}

// TestLoadRulesAreRules: every rule ID the loaders report under
// (analyzer.LoadRules) is a rule, which reports them.
func TestLoadRulesAreRules(t *testing.T) {
	for _, id := range graph.LoadRules {
		if rules.ByID(string(id)) == nil {
			t.Errorf("loaders report under %q, which is no rule", id)
		}
	}
}
