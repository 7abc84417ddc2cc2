package docgen

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/internal/golden"
	"github.com/chainlint/chainlint/rules"
	"github.com/chainlint/chainlint/testkit/casetest"
)

// TestGeneratedDocsAreFresh fails when README.md's rule table or a
// docs/rules page disagrees with the rules' code; with -update it writes
// them (go generate ./... runs it so).
func TestGeneratedDocsAreFresh(t *testing.T) {
	root := filepath.Join("..", "..")
	if *golden.Update {
		if err := Write(root); err != nil {
			t.Fatal(err)
		}
	}
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sortedKeys(files) {
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./...)", name, err)
			continue
		}
		if diff := cmp.Diff(files[name], string(got)); diff != "" {
			t.Errorf("%s is stale; run go generate ./... (-want +got):\n%s", name, diff)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(root, "docs", "rules", "*.md"))
	for _, p := range pages {
		rel, _ := filepath.Rel(root, p)
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s documents no rule; delete it", rel)
		}
	}
}

// TestDocExamples reads every rule page's examples back from the page
// itself, lints them in a fresh directory as the CLI would, and checks
// that the page shows what chainlint prints: the Example (and In
// Terraform) report has the rule's finding and no finding of a rule the
// page does not name; the Fixed report has neither.
func TestDocExamples(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, r := range rules.All() {
		t.Run(r.Name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(root, "docs", "rules", r.Name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			allowed := append(namedRules(r), r.Name)
			sections := pageExamples(t, string(page))
			for _, want := range []string{"Example", "Fixed"} {
				if _, ok := sections[want]; !ok {
					t.Fatalf("no %s section with files and a report", want)
				}
			}
			for name, ex := range sections {
				dir := t.TempDir()
				for _, f := range ex.files {
					path := filepath.Join(dir, filepath.FromSlash(f.name))
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(f.content+"\n"), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				got := lintText(t, dir)
				if diff := cmp.Diff(ex.printed, strings.TrimRight(got, "\n")); diff != "" {
					t.Errorf("%s: the page shows another report than chainlint prints for its files (-page +chainlint):\n%s", name, diff)
				}
				fired := firedRules(got)
				for _, id := range fired {
					if !slices.Contains(allowed, id) {
						t.Errorf("%s: %s fires, which the page does not name", name, id)
					}
				}
				if has := slices.Contains(fired, r.Name); has != (name != "Fixed") {
					t.Errorf("%s: %s fires: %v", name, r.Name, has)
				}
			}
		})
	}
}

// pageExamples parses a page's example sections: the files shown under
// "File `NAME`:" and the report shown after "`chainlint .` prints:".
func pageExamples(t *testing.T, page string) map[string]*example {
	t.Helper()
	out := map[string]*example{}
	var cur *example
	lines := strings.Split(page, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "## "):
			cur = nil
			if name := strings.TrimPrefix(line, "## "); name == "Example" || name == "In Terraform" || name == "Fixed" {
				cur = &example{}
				out[name] = cur
			}
		case cur != nil && (strings.HasPrefix(line, fileMarker) || line == "`chainlint .` prints:"):
			// The block starts two lines on: a blank line, then the fence.
			j := i + 2
			if j >= len(lines) || !strings.HasPrefix(lines[j], "```") {
				t.Fatalf("line %d: no code block after %q", i+1, line)
			}
			k := j + 1
			for k < len(lines) && lines[k] != "```" {
				k++
			}
			body := strings.Join(lines[j+1:k], "\n")
			if strings.HasPrefix(line, fileMarker) {
				name := strings.TrimSuffix(strings.TrimPrefix(line, fileMarker), "`:")
				cur.files = append(cur.files, exampleFile{name: name, content: body})
			} else {
				cur.printed = body
			}
			i = k
		}
	}
	return out
}

// lintText lints a directory as the CLI does (with its .chainlint.yaml)
// and renders the text report, names relative to the directory.
func lintText(t *testing.T, dir string) string {
	t.Helper()
	res, err := casetest.Lint(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := casetest.Text(res, dir)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRulesCiteFastly: every rule about Fastly links the documentation it
// relies on (the three about chainlint's own ignores and bounds need none).
func TestRulesCiteFastly(t *testing.T) {
	own := []string{"ignore-without-reason", "unused-ignore", "skipped-input"}
	for _, r := range rules.All() {
		if len(references[r.Name]) == 0 && !slices.Contains(own, r.Name) {
			t.Errorf("rule %s links no documentation: add it to references", r.Name)
		}
	}
	for name := range references {
		if rules.ByID(name) == nil {
			t.Errorf("references names %s, which is no rule", name)
		}
	}
}
