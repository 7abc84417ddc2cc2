// Package house holds tests of the tree's shape: which packages may
// import which.
package house

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/chainlint/chainlint/"

// TestInternalAreLeaves: the packages under internal/ are leaves, imported
// from anywhere and importing nothing of chainlint but other leaves, so
// the import arrows all run one way (issue #28). Harnesses that sit on
// top live in testkit/.
func TestInternalAreLeaves(t *testing.T) {
	pkgs := list(t, module+"internal/...")
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, module) && !strings.HasPrefix(imp, module+"internal/") {
				t.Errorf("%s imports %s: internal/ holds leaves only (a harness goes to testkit/)", p.ImportPath, imp)
			}
		}
	}
	if len(pkgs) < 10 {
		t.Fatalf("only %d packages under internal/", len(pkgs))
	}
}

// pkg is what the tests read of `go list -json`.
type pkg struct {
	ImportPath   string
	Imports      []string
	Dir          string
	GoFiles      []string
	TestGoFiles  []string
	XTestGoFiles []string
}

// list lists the packages a pattern matches.
func list(t *testing.T, pattern string) []pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", pattern).Output()
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var pkgs []pkg
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			return pkgs
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
}

// layers are the tree's floors, bottom first: a package may import its own
// floor and those below, never one above (issue #28: the model apart from
// the driver, the VCL model with the VCL semantics). A package is on the
// floor of the longest prefix that names it.
var layers = [][]string{
	{"internal/", "vcl", "loader/tree", "docs"}, // foundations
	{"graph"},    // the service graph the loaders build
	{"schema"},   // the Fastly objects' fields, as each format names them
	{"vclmodel"}, // what each service's VCL does (an analysis step)
	{"routes"},   // where each backend's requests go; the chain graph
	{"loader"},   // files → graph
	{"analyzer"}, // the pass driver
	{"rules", "config", "baseline"},
	{"lint"}, // the one pipeline
	{"output", "chainview", "chaindiff", "lsp", "pull"},
	{"cmd/", "testkit/", "bench"},
}

// floor returns the floor of a package (relative to the module), or -1.
func floor(pkg string) int {
	best, at := -1, -1
	for i, l := range layers {
		for _, p := range l {
			if (pkg == strings.TrimSuffix(p, "/") || strings.HasPrefix(pkg, strings.TrimSuffix(p, "/")+"/")) && len(p) > best {
				best, at = len(p), i
			}
		}
	}
	return at
}

// TestLayers: every import of a chainlint package runs down the floors
// above, or along one; none runs back up.
func TestLayers(t *testing.T) {
	pkgs := list(t, module+"...")
	for _, p := range pkgs {
		from := strings.TrimPrefix(p.ImportPath, module)
		fi := floor(from)
		if fi < 0 {
			t.Errorf("%s is on no floor: add it to layers", from)
			continue
		}
		for _, imp := range p.Imports {
			to, ok := strings.CutPrefix(imp, module)
			if !ok {
				continue
			}
			if ti := floor(to); ti > fi {
				t.Errorf("%s (floor %d) imports %s (floor %d): an import runs back up", from, fi, to, ti)
			}
		}
	}
	if len(pkgs) < 30 {
		t.Fatalf("only %d packages", len(pkgs))
	}
}

// TestFloor pins the floor look-up the layer test relies on.
func TestFloor(t *testing.T) {
	for pkg, want := range map[string]int{"internal/memo": 0, "graph": 1, "schema": 2, "loader/terraform": 5, "loader/tree": 0, "lint/budget": 8, "cmd/chainlint": 10, "nowhere": -1} {
		if got := floor(pkg); got != want {
			t.Errorf("floor(%q) = %d, want %d", pkg, got, want)
		}
	}
}

// TestPositionsThroughFiles: positions become file:line:column through
// graph.Files (or graph.File), whose line tables the files keep; the
// token.FileSet's files hold none, so asking it would put every finding
// on line 1.
func TestPositionsThroughFiles(t *testing.T) {
	banned := []string{"Fset().Position(", "Fset.Position(", ".PositionFor(", "TF.Position(", "TF.Line(", "TF.LineStart(", "TF.LineCount("}
	files := 0
	for _, p := range list(t, module+"...") {
		for _, name := range slices.Concat(p.GoFiles, p.TestGoFiles, p.XTestGoFiles) {
			if p.ImportPath == module+"testkit/house" {
				continue // this test names them
			}
			src, err := os.ReadFile(filepath.Join(p.Dir, name))
			if err != nil {
				t.Fatal(err)
			}
			files++
			for _, b := range banned {
				if strings.Contains(string(src), b) {
					t.Errorf("%s/%s calls %s…: use graph.Files.Position (or a graph.File's Line, LineStart, LineCount)", p.ImportPath, name, b)
				}
			}
		}
	}
	if files < 100 {
		t.Fatalf("only %d Go files read", files)
	}
}
