package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/rules"
)

// TestFixesResolveFindings applies every suggested fix of each fixable
// rule's bad cases to a copy of the case and lints again: the rule must no
// longer fire, and the fixed files must still load without parse errors.
func TestFixesResolveFindings(t *testing.T) {
	for _, r := range rules.All() {
		if !r.Fixable {
			continue
		}
		dirs, _ := filepath.Glob(filepath.Join("testdata", r.Name, "bad*"))
		fixed := 0
		for _, dir := range dirs {
			t.Run(filepath.ToSlash(dir), func(t *testing.T) {
				tmp := copyDir(t, dir)
				findings := lintFindings(t, tmp)
				// A parse error the case has before the fix (a module
				// Terraform refuses) is not the fix's.
				before := map[string]bool{}
				for _, f := range findings {
					if f.Rule == "parse-error" {
						before[f.Message] = true
					}
				}
				edits := map[string][]analyzer.Edit{}
				unfixable := 0
				for _, f := range findings {
					if f.Rule != r.Name {
						continue
					}
					if len(f.Fixes) == 0 {
						unfixable++
					}
					for _, fx := range f.Fixes {
						for _, e := range fx.Edits() {
							edits[e.Pos.Filename] = append(edits[e.Pos.Filename], e)
						}
					}
				}
				if len(edits) == 0 {
					return // this case's findings have no mechanical fix
				}
				fixed++
				for name, es := range edits {
					src, err := os.ReadFile(name)
					if err != nil {
						t.Fatal(err)
					}
					out, err := analyzer.ApplyEdits(src, es)
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(name, out, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				left := 0
				for _, f := range lintFindings(t, tmp) {
					switch {
					case f.Rule == "parse-error" && !before[f.Message]:
						t.Errorf("the fix broke the file: %s:%d: %s", f.Pos.Filename, f.Pos.Line, f.Message)
					case f.Rule == r.Name && len(f.Fixes) > 0:
						t.Errorf("after the fix: %s:%d: %s", f.Pos.Filename, f.Pos.Line, f.Message)
					case f.Rule == r.Name:
						left++
					}
				}
				if left != unfixable {
					t.Errorf("%d findings without a fix remain, want the %d there were", left, unfixable)
				}
			})
		}
		if fixed == 0 {
			t.Errorf("rule %s is Fixable but none of its bad cases carries a fix", r.Name)
		}
	}
}

func lintFindings(t *testing.T, dir string) []analyzer.Finding {
	t.Helper()
	return lintCase(t, dir).Findings
}

func copyDir(t *testing.T, dir string) string {
	t.Helper()
	tmp := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || e.Name() == "expected.txt" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tmp
}
