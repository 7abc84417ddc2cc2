package bench

import (
	"fmt"
	"sync"
	"testing"

	"github.com/chainlint/chainlint/chaindiff"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/vclmodel"
)

// estateDir writes an estate of n services in a format and returns its
// directory and total size.
func estateDir(b testing.TB, n int, format string) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	o := estate.Options{Services: n, Seed: 1}
	files := map[string][]byte{}
	switch format {
	case "json":
		files["estate.json"] = estate.Bundle(o)
	case "json+vcl": // every VCL service with 10 KB of custom VCL
		o.HeavyVCL = true
		files["estate.json"] = estate.Bundle(o)
	case "yaml":
		files["estate.yaml"] = estate.YAMLBundle(o)
	case "terraform":
		files = estate.TerraformFiles(o)
	}
	if err := estate.Write(dir, files); err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, content := range files {
		total += int64(len(content))
	}
	return dir, total
}

func lintDir(b *testing.B, dir string) {
	res, err := lint.Run(lint.Options{Paths: []string{dir}})
	if err != nil || res.Incomplete || len(res.Findings) == 0 {
		b.Fatalf("err %v, incomplete %v, %d findings", err, res != nil && res.Incomplete, len(res.Findings))
	}
}

// perEstate runs op over generated estates of 1,000 and 10,000 services
// in each input kind, one sub-benchmark each.
func perEstate(b *testing.B, op func(b *testing.B, dir string)) {
	for _, format := range []string{"json", "yaml", "terraform"} {
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("%s/%d", format, n), func(b *testing.B) {
				dir, size := estateDir(b, n, format)
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					op(b, dir)
				}
			})
		}
	}
}

// BenchmarkLint lints generated estates end to end (read, parse, load,
// every rule) per input kind.
func BenchmarkLint(b *testing.B) { perEstate(b, lintDir) }

// BenchmarkFloor reads and parses the same files with the parsers alone:
// encoding/json into any, yaml.v3 into a yaml.Node, hclsyntax.ParseConfig,
// and the VCL lexer over the custom VCL. Lint time over this is the
// overhead of chainlint itself.
func BenchmarkFloor(b *testing.B) { perEstate(b, floor) }

func floor(b *testing.B, dir string) {
	if err := Floor(dir); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkScaling doubles the estate from 1,000 to 8,000 services: time
// and allocations must grow linearly (at most 2.1× per doubling).
func BenchmarkScaling(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000, 8000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir, size := estateDir(b, n, "json")
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				lintDir(b, dir)
			}
		})
	}
}

// BenchmarkDiff compares an estate of 1,000 services with a variant of
// it (another seed): two lints, side by side as chainlint diff runs
// them, and the comparison. Goal: at most 2.2× BenchmarkLint/json/1000.
func BenchmarkDiff(b *testing.B) {
	base, _ := estateDir(b, 1000, "json")
	dir := b.TempDir()
	if err := estate.Write(dir, map[string][]byte{"estate.json": estate.Bundle(estate.Options{Services: 1000, Seed: 2})}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var sides [2]chaindiff.Side
		var wg sync.WaitGroup
		for i, d := range []string{base, dir} { // side by side, as chainlint diff lints them
			wg.Go(func() {
				res, err := lint.Run(lint.Options{Paths: []string{d}})
				if err != nil {
					panic(err)
				}
				sides[i] = chaindiff.Side{Label: d, Result: res, Rel: func(s string) string { return s }}
			})
		}
		wg.Wait()
		if r := chaindiff.Compare(sides[0], sides[1]); r.Unchanged() {
			b.Fatal("two estates, no change")
		}
	}
}

// BenchmarkVCLModel reads the VCL of every VCL service of an estate of
// 1,000 services once more, as a lint's load does (vclmodel.Prepare): the
// model's cost on what estates hold (boilerplate with a few snippets,
// one service in eight a small custom VCL), per service read.
func BenchmarkVCLModel(b *testing.B) {
	dir, _ := estateDir(b, 1000, "json")
	g, err := loader.Paths([]string{dir}, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var services []*graph.Service
	var texts []*graph.Text // every VCL text, and its value decoded as loaded
	var values []string
	for _, s := range g.Services {
		if s.Platform == graph.PlatformVCL {
			services = append(services, s)
			for _, v := range s.VCLs {
				texts, values = append(texts, &v.Content), append(values, v.Content.Value)
			}
			for _, sn := range s.Snippets {
				texts, values = append(texts, &sn.Content), append(values, sn.Content.Value)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			t.Value = values[i] // the model releases what it has read
		}
		g.Memo = memo.NewTransient() // a run's own: each parse once, as a lint's load
		sink := &graph.Graph{}
		for _, s := range services {
			s.VCL = nil
			vclmodel.Prepare(g, sink, s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(services)), "ns/service")
}
