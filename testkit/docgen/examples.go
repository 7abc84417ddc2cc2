package docgen

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/rules"
)

// A rule page's examples are not written for the page: they are the
// rule's golden cases (rules/testdata/RULE/bad*, good*), shown whole with
// the report chainlint prints for them, so an example cannot drift from
// what the tool does. TestDocExamples lints each page's examples again,
// from the page itself.

// example is one case directory: its input files and its report.
type example struct {
	dir     string // relative to the repository root, slash-separated
	files   []exampleFile
	printed string // expected.txt: the text report, names relative to dir
	size    int
}

type exampleFile struct {
	name    string // relative to the case directory, slash-separated
	content string
}

// findingRule matches the rule ID at the end of a report's finding line.
var findingRule = regexp.MustCompile(`(?m)^\S.*: (?:error|warning|info): .* \[([a-z0-9-]+)\]$`)

// readCase reads a case directory (nil if it is not one).
func readCase(root, dir string) *example {
	printed, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
	if err != nil {
		return nil
	}
	rel, _ := filepath.Rel(root, dir)
	ex := &example{dir: filepath.ToSlash(rel), printed: string(printed)}
	symlink := false
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type()&fs.ModeSymlink != 0 {
			symlink = true
		}
		if err != nil || d.IsDir() || d.Name() == "expected.txt" {
			return nil //nolint:nilerr // an unreadable entry is not part of the example
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil //nolint:nilerr // as above
		}
		name, _ := filepath.Rel(dir, path)
		ex.files = append(ex.files, exampleFile{name: filepath.ToSlash(name), content: string(src)})
		ex.size += len(src)
		return nil
	})
	sort.Slice(ex.files, func(i, j int) bool { return ex.files[i].name < ex.files[j].name })
	if symlink {
		return nil // a page shows files, not links
	}
	return ex
}

// firedRules lists the rules a report's findings belong to.
func firedRules(printed string) []string {
	var out []string
	for _, m := range findingRule.FindAllStringSubmatch(printed, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// namedRules are the rule IDs a rule's Doc mentions (besides its own).
func namedRules(r *analyzer.Rule) []string {
	var out []string
	for _, other := range rules.All() {
		if other.Name != r.Name && regexp.MustCompile(`\b`+regexp.QuoteMeta(other.Name)+`\b`).MatchString(r.Doc) {
			out = append(out, other.Name)
		}
	}
	return out
}

// maxExampleBytes keeps pages readable: a case bigger than this (a
// 51-link export) is linked, not shown.
const maxExampleBytes = 12 << 10

// examples picks a rule's page examples from its golden cases: the
// smallest bad case whose report holds the rule's findings and no other
// rule's (except rules the page names), the smallest such case written
// in Terraform when the first is not, and the smallest good case whose
// report is clean (else clean of all but rules the page names).
func examples(root string, r *analyzer.Rule) (bad, badTF, good *example, err error) {
	allowed := append(namedRules(r), r.Name)
	dirs, _ := filepath.Glob(filepath.Join(root, "rules", "testdata", r.Name, "*"))
	sort.Strings(dirs)
	// A case named plainly ("bad", "good", "bad-terraform") is the
	// canonical one; else the smallest.
	rank := func(ex *example, plain ...string) int {
		if slices.Contains(plain, filepath.Base(ex.dir)) {
			return 0
		}
		return 1
	}
	better := func(cur, ex *example, plain ...string) bool {
		if cur == nil {
			return true
		}
		if a, b := rank(ex, plain...), rank(cur, plain...); a != b {
			return a < b
		}
		return ex.size < cur.size
	}
	goodClean := false
	for _, d := range dirs {
		ex := readCase(root, d)
		if ex == nil || ex.size > maxExampleBytes {
			continue
		}
		base := filepath.Base(d)
		switch {
		case strings.HasPrefix(base, "bad"):
			fired := firedRules(ex.printed)
			if !slices.Contains(fired, r.Name) || slices.ContainsFunc(fired, func(id string) bool { return !slices.Contains(allowed, id) }) {
				continue
			}
			if better(bad, ex, "bad") {
				bad = ex
			}
			if ex.hasExt(".tf") && better(badTF, ex, "bad-terraform", "bad-tf") {
				badTF = ex
			}
		case strings.HasPrefix(base, "good"):
			fired := firedRules(ex.printed)
			if slices.Contains(fired, r.Name) || slices.ContainsFunc(fired, func(id string) bool { return !slices.Contains(allowed, id) }) {
				continue
			}
			// A clean case first; else one whose only findings are of
			// rules the page names.
			clean := len(fired) == 0
			if good == nil || clean && !goodClean || clean == goodClean && better(good, ex, "good") {
				good, goodClean = ex, clean
			}
		}
	}
	if bad == nil {
		return nil, nil, nil, fmt.Errorf("rule %s: no case in rules/testdata/%s/bad*/ (under %d bytes) fires it and no rule its page does not name", r.Name, r.Name, maxExampleBytes)
	}
	if good == nil {
		return nil, nil, nil, fmt.Errorf("rule %s: no case in rules/testdata/%s/good*/ (under %d bytes) is clean of it and of rules its page does not name", r.Name, r.Name, maxExampleBytes)
	}
	if bad.hasExt(".tf") || badTF == bad {
		badTF = nil
	}
	return bad, badTF, good, nil
}

func (ex *example) hasExt(ext string) bool {
	return slices.ContainsFunc(ex.files, func(f exampleFile) bool { return strings.HasSuffix(f.name, ext) })
}

// fences maps file extensions to code fence languages.
var fences = map[string]string{
	".json": "json", ".yaml": "yaml", ".yml": "yaml", ".tf": "hcl", ".tfvars": "hcl", ".vcl": "vcl",
	".toml": "toml", ".rs": "rust", ".js": "javascript", ".mjs": "javascript", ".ts": "typescript", ".go": "go",
}

func fence(name string) string {
	if f, ok := fences[strings.ToLower(filepath.Ext(name))]; ok {
		return f
	}
	return "text"
}

// fileMarker introduces an example file on a page: TestDocExamples reads
// the files back from these.
const fileMarker = "File `"

// writeExample renders a case: each file under its name, then the report.
func writeExample(b *strings.Builder, ex *example, intro string) {
	fmt.Fprintf(b, "%s (the test case [`%s`](../../%s), linted as it is):\n\n", intro, ex.dir, ex.dir)
	for _, f := range ex.files {
		content := strings.TrimRight(f.content, "\n")
		fmt.Fprintf(b, "%s%s`:\n\n```%s\n%s\n```\n\n", fileMarker, f.name, fence(f.name), content)
	}
	fmt.Fprintf(b, "`chainlint .` prints:\n\n```text\n%s\n```\n\n", strings.TrimRight(ex.printed, "\n"))
}

// exampleSections renders a page's Example, In Terraform and Fixed
// sections.
func exampleSections(root string, r *analyzer.Rule) (string, error) {
	bad, badTF, good, err := examples(root, r)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("\n## Example\n\n")
	writeExample(&b, bad, "A configuration it reports")
	if badTF != nil {
		b.WriteString("\n## In Terraform\n\n")
		writeExample(&b, badTF, "The same kind of finding in Terraform")
	}
	b.WriteString("\n## Fixed\n\n")
	writeExample(&b, good, "A configuration it does not report")
	return b.String(), nil
}
