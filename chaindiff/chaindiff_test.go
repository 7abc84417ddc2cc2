package chaindiff_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/chaindiff"
	"github.com/chainlint/chainlint/internal/golden"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
)

func side(t *testing.T, dir string) chaindiff.Side {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := lint.FindConfig(abs, "", nil) // a case's own .chainlint.yaml
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Paths: []string{abs}, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return chaindiff.Side{Label: filepath.Base(dir), Result: res, Rel: output.RelativeTo(abs)}
}

// TestGolden compares each case's base and head directories and pins the
// report in every format: expected.txt, .json, .md and .github.
func TestGolden(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*")
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r := chaindiff.Compare(side(t, filepath.Join(dir, "base")), side(t, filepath.Join(dir, "head")))
			for format, ext := range map[string]string{"text": "txt", "json": "json", "markdown": "md", "github": "github"} {
				var b bytes.Buffer
				if err := r.Write(&b, format); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join(dir, "expected."+ext), b.String())
			}
		})
	}
}

// TestSameTreeIsNoChange: a tree compared with itself changes nothing,
// and the Markdown comment says so in one line.
func TestSameTreeIsNoChange(t *testing.T) {
	s := side(t, "testdata/basic/head")
	r := chaindiff.Compare(s, s)
	if !r.Unchanged() {
		t.Errorf("a tree against itself: %+v", r)
	}
	var b bytes.Buffer
	if err := r.Write(&b, "markdown"); err != nil {
		t.Fatal(err)
	}
	if b.String() != "## chainlint diff\n\nNo change to the chain.\n" {
		t.Errorf("markdown:\n%s", b.String())
	}
}

// TestJSONContract: the JSON document carries its version and the keys
// its contract names.
func TestJSONContract(t *testing.T) {
	r := chaindiff.Compare(side(t, "testdata/basic/base"), side(t, "testdata/basic/head"))
	var b bytes.Buffer
	if err := r.Write(&b, "json"); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["version"] != float64(chaindiff.FormatVersion) {
		t.Errorf("version %v", doc["version"])
	}
	for _, k := range []string{"services", "edges", "findings", "limits", "activation_order", "loops"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no %q in the JSON report", k)
		}
	}
	f := doc["findings"].(map[string]any)
	if _, ok := f["introduced"]; !ok || !strings.Contains(b.String(), `"fixed"`) {
		t.Errorf("findings lacks introduced or fixed: %v", f)
	}
}

// TestSwapMirrors: swapping BASE and HEAD mirrors the report: what was
// introduced is fixed, edges added are removed, services added are
// removed.
func TestSwapMirrors(t *testing.T) {
	b, h := side(t, "testdata/basic/base"), side(t, "testdata/basic/head")
	fwd, back := chaindiff.Compare(b, h), chaindiff.Compare(h, b)
	key := func(fs []chaindiff.Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Rule+"|"+f.Service+"|"+f.Object)
		}
		sort.Strings(out)
		return out
	}
	if !slices.Equal(key(fwd.Findings.Introduced), key(back.Findings.Fixed)) || !slices.Equal(key(fwd.Findings.Fixed), key(back.Findings.Introduced)) {
		t.Errorf("findings do not mirror:\n%+v\n%+v", fwd.Findings, back.Findings)
	}
	if !slices.Equal(fwd.Edges.Added, back.Edges.Removed) || !slices.Equal(fwd.Edges.Removed, back.Edges.Added) {
		t.Errorf("edges do not mirror:\n%+v\n%+v", fwd.Edges, back.Edges)
	}
	if !slices.Equal(fwd.Loops.Introduced, back.Loops.Removed) || !slices.Equal(fwd.Reach.Reached, back.Reach.NoLongerReached) {
		t.Errorf("loops or reach do not mirror")
	}
	status := func(r *chaindiff.Report) map[string]string {
		out := map[string]string{}
		for _, s := range r.Services {
			out[s.Service] = s.Status
		}
		return out
	}
	mirror := map[string]string{"added": "removed", "removed": "added", "changed": "changed"}
	fs, bs := status(fwd), status(back)
	for name, st := range fs {
		if bs[name] != mirror[st] {
			t.Errorf("service %s: %s one way, %s the other", name, st, bs[name])
		}
	}
	if len(fs) != len(bs) {
		t.Errorf("services: %v against %v", fs, bs)
	}
}

// TestRuleCasesAsChanges: each rule's golden cases, as a change from a
// good case to a bad one, introduce the rule's finding, and the change
// back fixes it.
func TestRuleCasesAsChanges(t *testing.T) {
	rulesDir := "../rules/testdata"
	entries, err := os.ReadDir(rulesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		rule := e.Name()
		bad, _ := filepath.Glob(filepath.Join(rulesDir, rule, "bad*"))
		good, _ := filepath.Glob(filepath.Join(rulesDir, rule, "good*"))
		if len(bad) == 0 || len(good) == 0 {
			continue
		}
		t.Run(rule, func(t *testing.T) {
			g, b := side(t, good[0]), side(t, bad[0])
			has := func(fs []chaindiff.Finding) bool {
				for _, f := range fs {
					if f.Rule == rule {
						return true
					}
				}
				return false
			}
			if !has(chaindiff.Compare(g, b).Findings.Introduced) {
				t.Errorf("%s → %s does not introduce %s", good[0], bad[0], rule)
			}
			if !has(chaindiff.Compare(b, g).Findings.Fixed) {
				t.Errorf("%s → %s does not fix %s", bad[0], good[0], rule)
			}
		})
	}
}

// TestJSONContractDocumented: docs/diff-json.md names every field of the
// JSON document.
func TestJSONContractDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/diff-json.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := 0; i < ty.NumField(); i++ {
			f := ty.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" || !f.IsExported() {
				continue
			}
			if !strings.Contains(string(doc), "`"+name+"`") && !strings.Contains(string(doc), "`"+name+".") && !strings.Contains(string(doc), "."+name) && !strings.Contains(string(doc), name+"[]") {
				t.Errorf("docs/diff-json.md does not document %s.%s (%q)", ty.Name(), f.Name, name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(chaindiff.Report{}))
}
