package bench

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/vcl"
)

// Floor reads and parses every file under dir with the parsers alone:
// encoding/json into any, yaml.v3 into a yaml.Node, hclsyntax.ParseConfig,
// and the VCL lexer. What a lint of the same files costs beyond this is
// chainlint's own overhead; the benchmarks and scripts/bench-process.sh
// compare the two.
func Floor(dir string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch filepath.Ext(path) {
		case ".json":
			var v any
			return json.Unmarshal(src, &v)
		case ".yaml", ".yml":
			var n yaml.Node
			return yaml.Unmarshal(src, &n)
		case ".tf":
			if _, diags := hclsyntax.ParseConfig(src, path, hcl.Pos{Line: 1, Column: 1}); diags.HasErrors() {
				return diags
			}
		case ".vcl":
			lx := vcl.NewLexer(src)
			for lx.Next().Kind != vcl.EOF {
			}
		}
		return nil
	})
}
