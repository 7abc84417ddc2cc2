package terraform_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/vclmodel"
)

// TestStreamMatchesWhole loads every construct case, the real-world
// corpus and a generated estate twice: streamed (a transient cache, as
// the command line loads) and whole (a persistent cache, as the language
// server loads). The graphs, problems and notes must be the same.
func TestStreamMatchesWhole(t *testing.T) {
	var roots []string
	cases, _ := filepath.Glob("testdata/*")
	for _, c := range cases {
		if st, err := os.Stat(c); err == nil && st.IsDir() && filepath.Base(c) != "fuzz" {
			if _, err := os.Stat(filepath.Join(c, "project")); err == nil {
				c = filepath.Join(c, "project")
			}
			roots = append(roots, c)
		}
	}
	roots = append(roots, corpusModules(t)...)
	dir := t.TempDir()
	if err := estate.Write(dir, estate.TerraformFiles(estate.Options{Services: 60, Seed: 3})); err != nil {
		t.Fatal(err)
	}
	roots = append(roots, dir)
	for _, root := range roots {
		t.Run(root, func(t *testing.T) {
			streamed, err := loader.Paths([]string{root}, loader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			vclmodel.ApplyAll(streamed) // the model is a step of the run: the dump shows what it reads
			whole, err := loader.Paths([]string{root}, loader.Options{Memo: memo.New()})
			if err != nil {
				t.Fatal(err)
			}
			vclmodel.ApplyAll(whole) // the model is a step of the run: the dump shows what it reads
			if diff := cmp.Diff(dump(whole, root), dump(streamed, root)); diff != "" {
				t.Errorf("streamed load differs from the whole load (-whole +streamed):\n%s", diff)
			}
		})
	}
}
