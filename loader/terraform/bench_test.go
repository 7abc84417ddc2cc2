package terraform_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/chainlint/chainlint/graph"
	synth "github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/loader/terraform"
)

func writeModule(b *testing.B, n int) (string, []byte) {
	src, vcls := synth.Terraform(synth.Options{Services: n, Seed: 1})
	dir := b.TempDir()
	path := filepath.Join(dir, "main.tf")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	for p, content := range vcls {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, p), content, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return path, src
}

// BenchmarkLoadTerraform loads (parses and evaluates) a generated
// 1,000-service module into a graph.
func BenchmarkLoadTerraform(b *testing.B) {
	path, src := writeModule(b, 1000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		g := graph.NewGraph()
		terraform.Load(g, map[string]terraform.Dir{filepath.Dir(path): {Files: []string{path}, Root: filepath.Dir(path)}}, terraform.Options{})
		if len(g.Services) != 1000 || len(g.Problems) > 0 {
			b.Fatalf("%d services, problems %v", len(g.Services), g.Problems)
		}
	}
}

// BenchmarkParseHCL is the floor: hclsyntax.ParseConfig of the same file.
func BenchmarkParseHCL(b *testing.B) {
	_, src := writeModule(b, 1000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.Pos{Line: 1, Column: 1}); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
