package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGeneratedDocsAreFresh fails when README.md's rule table or a
// docs/rules page disagrees with the rules' code.
func TestGeneratedDocsAreFresh(t *testing.T) {
	root := filepath.Join("..", "..")
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
