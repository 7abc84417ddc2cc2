package fastlyapi_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/loader/fastlyapi"
	"github.com/chainlint/chainlint/rules"
)

// FuzzLoadExport loads arbitrary bytes as a JSON or YAML export (VCL
// inside included) and runs every rule: never a panic, every problem
// positioned inside the file.
func FuzzLoadExport(f *testing.F) {
	for _, pat := range []string{"../../rules/testdata/*/*/*.json", "../../rules/testdata/*/*/*.yaml", "../../testdata/examples/*"} {
		matches, _ := filepath.Glob(pat)
		for _, m := range matches {
			if b, err := os.ReadFile(m); err == nil {
				f.Add(b, filepath.Ext(m) != ".json")
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte, yaml bool) {
		name := "estate.json"
		if yaml {
			name = "estate.yaml"
		}
		g := analyzer.NewGraph()
		fastlyapi.Load(g, name, src, true)
		g.Finish()
		for _, p := range g.Problems {
			if !p.Pos.IsValid() {
				t.Fatalf("unpositioned problem: %s", p.Message)
			}
		}
		if _, err := analyzer.Run(g, rules.All(), nil); err != nil {
			t.Fatal(err)
		}
	})
}
