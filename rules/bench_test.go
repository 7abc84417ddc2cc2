package rules_test

import (
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	synth "github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/loader/fastlyapi"
	"github.com/chainlint/chainlint/rules"
)

// BenchmarkLint loads a generated 1,000-service export bundle and runs
// every rule over it: the whole pipeline but for reading the file.
func BenchmarkLint(b *testing.B) {
	src := synth.Bundle(synth.Options{Services: 1000, Seed: 1})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		g := graph.NewGraph()
		if !fastlyapi.Load(g, "estate.json", src, true) {
			b.Fatal("not recognised as an export")
		}
		g.Finish()
		res, err := analyzer.Run(g, rules.All(), nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Findings) == 0 || res.Incomplete {
			b.Fatalf("%d findings, incomplete %v", len(res.Findings), res.Incomplete)
		}
	}
}
