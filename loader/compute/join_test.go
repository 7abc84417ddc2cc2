package compute

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWithin pins which project a package path belongs to: the deepest
// project directory above it, never a sibling or a parent.
func TestWithin(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"app", "app/edge", "other"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, d, ManifestName), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		dir, pkg string
		want     bool
	}{
		{"app", "app/pkg/app.tar.gz", true},
		{"app", "app/build/deep/app.tar.gz", true},
		{"app", "app", false},
		{"app", "other/pkg/app.tar.gz", false},
		{"app", "app-two/pkg/app.tar.gz", false},
		{"app", "app/edge/pkg/edge.tar.gz", false}, // the nested project's
		{"app/edge", "app/edge/pkg/edge.tar.gz", true},
		{"app/edge", "app/pkg/app.tar.gz", false},
	} {
		if got := within(filepath.Join(root, tc.dir), filepath.Join(root, tc.pkg)); got != tc.want {
			t.Errorf("within(%s, %s) = %v, want %v", tc.dir, tc.pkg, got, tc.want)
		}
	}
}
