package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeterminism: the output is byte-identical across runs, argument
// orders and GOMAXPROCS, in every format.
func TestDeterminism(t *testing.T) {
	root, _ := filepath.Abs("../..")
	args := [][]string{
		{"testdata/examples", "rules/testdata/chain-loop", "rules/testdata/static-shared-secret", "loader/terraform/testdata/modules"},
		{"loader/terraform/testdata/modules", "rules/testdata/static-shared-secret", "rules/testdata/chain-loop", "testdata/examples"},
	}
	for _, format := range []string{"text", "json", "sarif"} {
		var first string
		for i, procs := range []string{"1", "8", "2"} {
			cmd := exec.Command(binary, append(append([]string(nil), args[i%2]...), "--format", format, "--fail-on", "none")...)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if i == 0 {
				first = string(out)
				if !strings.Contains(first, "chain-loop") {
					t.Fatalf("the inputs produced no findings:\n%s", first)
				}
				continue
			}
			if string(out) != first {
				t.Errorf("--format %s differs between runs (GOMAXPROCS %s, argument order %d)", format, procs, i%2)
			}
		}
	}
}
