package lint_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/testkit/casetest"
)

// TestReleasedFilesReportAsLoaded: Terraform files read from disk are
// released once loaded (graph.Files.Release); every finding, position,
// related place, fix and caret line of a run is the one a run gives that
// holds them (the same bytes as unsaved buffers, which are never
// released), on every Terraform tree of the repository's test data.
func TestReleasedFilesReportAsLoaded(t *testing.T) {
	var roots []string
	for _, top := range []string{"../testdata/realworld", "../rules/testdata", "../loader/terraform/testdata", "../chaindiff/testdata"} {
		seen := map[string]bool{}
		_ = filepath.WalkDir(top, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") && !seen[filepath.Dir(path)] {
				seen[filepath.Dir(path)] = true
				roots = append(roots, filepath.Dir(path))
			}
			return nil
		})
	}
	if len(roots) < 50 {
		t.Fatalf("%d Terraform directories found, want the test data's", len(roots))
	}
	released := 0
	for _, dir := range roots {
		res, err := lint.Run(lint.Options{Paths: []string{dir}})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		overlay := map[string][]byte{}
		for _, f := range res.Graph.Files.List() {
			if f.Released() {
				released++
				b, err := os.ReadFile(f.Name)
				if err != nil {
					t.Fatal(err)
				}
				overlay[f.Name] = b
			}
		}
		if len(overlay) == 0 {
			continue
		}
		held, err := lint.Run(lint.Options{Paths: []string{dir}, Overlay: overlay})
		if err != nil {
			t.Fatalf("%s with its files held: %v", dir, err)
		}
		for name := range overlay {
			if held.Graph.Files.Get(name).Released() {
				t.Fatalf("%s: an unsaved buffer was released", name)
			}
		}
		if diff := cmp.Diff(held.Findings, res.Findings); diff != "" {
			t.Errorf("%s: findings (-held +released):\n%s", dir, diff)
		}
		want, err := casetest.Text(held, dir)
		if err != nil {
			t.Fatal(err)
		}
		got, err := casetest.Text(res, dir)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: text report (-held +released):\n%s", dir, diff)
		}
	}
	if released < 50 {
		t.Errorf("%d files released, want every Terraform file read whole from disk", released)
	}
}
