// Package house holds tests of the tree's shape: which packages may
// import which.
package house

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/chainlint/chainlint/"

// TestInternalAreLeaves: the packages under internal/ are leaves, imported
// from anywhere and importing nothing of chainlint but other leaves, so
// the import arrows all run one way (issue #28). Harnesses that sit on
// top live in testkit/.
func TestInternalAreLeaves(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", module+"internal/...").Output()
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	n := 0
	for {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, module) && !strings.HasPrefix(imp, module+"internal/") {
				t.Errorf("%s imports %s: internal/ holds leaves only (a harness goes to testkit/)", p.ImportPath, imp)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d packages under internal/", n)
	}
}
