package terraform_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/loader/terraform"
)

func seedFiles(f *testing.F, pattern string) {
	matches, _ := filepath.Glob(pattern)
	for _, m := range matches {
		if b, err := os.ReadFile(m); err == nil {
			f.Add(b)
		}
	}
}

// FuzzLoadHCL loads arbitrary bytes as a one-file module: never a panic,
// every problem positioned inside the file, and the streamed load the
// same as the whole one.
func FuzzLoadHCL(f *testing.F) {
	seedFiles(f, "testdata/*/*.tf")
	seedFiles(f, "../../testdata/realworld/terraform/*/*/*.tf")
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "main.tf")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		g := graph.NewGraph() // no cache: a streamed load
		terraform.Load(g, map[string]terraform.Dir{dir: {Files: []string{path}, Root: dir}}, terraform.Options{})
		g.Finish()
		for _, p := range append(g.Problems, g.Notes...) {
			if !p.Pos.IsValid() {
				t.Fatalf("unpositioned problem: %s", p.Message)
			}
		}
		whole := graph.NewGraph()
		whole.Memo = memo.New()
		terraform.Load(whole, map[string]terraform.Dir{dir: {Files: []string{path}, Root: dir}}, terraform.Options{})
		whole.Finish()
		if a, b := dump(whole, dir), dump(g, dir); a != b {
			t.Fatalf("streamed load differs from the whole load:\nwhole:\n%s\nstreamed:\n%s", a, b)
		}
	})
}

// FuzzLoadShowJSON loads arbitrary bytes as terraform show -json output.
func FuzzLoadShowJSON(f *testing.F) {
	seedFiles(f, "testdata/*/*.json")
	f.Fuzz(func(t *testing.T, src []byte) {
		g := graph.NewGraph()
		terraform.LoadShowJSON(g, "plan.json", src)
		g.Finish()
	})
}
