package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/internal/synth/estate"
)

// TestLargeExportGivenBack: an export of more than a megabyte read from
// disk is read outside the heap, given back as it loads and released
// (loader.Options.OutsideHeap); the same bytes on standard input are
// held whole. The reports, with their excerpts (read from the file
// again) and fixes, must be the same; a string left in the memory given
// back would crash the run.
func TestLargeExportGivenBack(t *testing.T) {
	dir := t.TempDir()
	opts := estate.Options{Services: 1500, Seed: 9}
	files := map[string][]byte{"estate.json": estate.Bundle(opts), "estate.yaml": estate.YAMLBundle(opts)}
	if err := estate.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		if len(src) < 1<<20 {
			t.Fatalf("%s is %d bytes: under the size read outside the heap", name, len(src))
		}
		for _, format := range []string{"text", "json"} {
			fromDisk, stderr, status := runBinary(t, dir, "--format", format, "--fail-on", "none", name)
			if status != 0 || stderr != "" {
				t.Fatalf("%s, %s: status %d\n%s", name, format, status, stderr)
			}
			cmd := exec.Command(binary, "--format", format, "--fail-on", "none", "--stdin-filename", name, "-")
			cmd.Dir, cmd.Stdin = dir, strings.NewReader(string(src))
			held, stderr, status := runCmd(t, cmd)
			if status != 0 || stderr != "" {
				t.Fatalf("%s on standard input, %s: status %d\n%s", name, format, status, stderr)
			}
			if fromDisk != held {
				t.Errorf("%s, %s: the report from disk differs from the one held whole", name, format)
			}
			if format == "text" && strings.Count(fromDisk, "\n") < 100 {
				t.Errorf("%s: a report of %d lines: the estate should have findings with excerpts", name, strings.Count(fromDisk, "\n"))
			}
		}
	}
}
