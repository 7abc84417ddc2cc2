package chaindiff_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
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
	res, err := lint.Run(lint.Options{Paths: []string{abs}})
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
