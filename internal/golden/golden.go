// Package golden compares test output with a golden file beside the
// test's inputs; with -update it rewrites the file instead. Test packages
// share it so that every golden test behaves the same way.
package golden

import (
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update is the -update flag: rewrite golden files from the current output.
var Update = flag.Bool("update", false, "rewrite golden files from the current output")

// Check compares got with the file at path (or rewrites it with -update).
func Check(t testing.TB, path, got string) {
	t.Helper()
	if *Update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("output differs from %s (-want +got; run the test with -update to accept):\n%s", path, diff)
	}
}
