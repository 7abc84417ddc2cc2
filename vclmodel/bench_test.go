package vclmodel

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
)

// realisticVCL is custom VCL of n routing blocks: each an if on the URL
// that picks a backend and passes or sets a header, as large services
// write them, plus Fastly's boilerplate subroutines.
func realisticVCL(n int) string {
	var b strings.Builder
	b.WriteString("sub vcl_recv {\n#FASTLY recv\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  if (req.url.path ~ \"^/section%d/\") {\n    set req.http.X-Section = \"%d\";\n    set req.backend = F_b%d;\n  }\n", i, i, i%8)
		if i%5 == 0 {
			fmt.Fprintf(&b, "  if (req.http.Cookie ~ \"session%d\") {\n    return(pass);\n  }\n", i)
		}
	}
	b.WriteString("  return(lookup);\n}\n")
	b.WriteString("sub vcl_miss {\n#FASTLY miss\n  if (req.backend == F_b0) {\n    set bereq.http.host = \"b0.example.com\";\n  }\n  return(fetch);\n}\n")
	b.WriteString("sub vcl_pass {\n#FASTLY pass\n  if (req.backend == F_b0) {\n    set bereq.http.host = \"b0.example.com\";\n  }\n  return(pass);\n}\n")
	return b.String()
}

// BenchmarkApply reads custom VCL of 100 to 800 routing blocks (parse,
// facts and the request-flow model): the time must grow linearly with
// the VCL's size (at most about 2.1× per doubling).
func BenchmarkApply(b *testing.B) {
	for _, n := range []int{100, 200, 400, 800} {
		src := realisticVCL(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				g := graph.NewGraph()
				s := &graph.Service{Platform: graph.PlatformVCL}
				s.VCLs = []*graph.VCLSource{{Content: graph.Text{Field: graph.Field[string]{Value: src, Set: true}}}}
				Apply(g, s)
				if s.VCL.Exits == nil {
					b.Fatal("the model gave up")
				}
			}
		})
	}
}

// TestCostStaysLinear holds the model of custom VCL of routing blocks to
// linear cost in allocated bytes (time is BenchmarkApply's, by hand): 400
// blocks at most 2.2² times 100 (2.2× per doubling, over two). Each
// block's else branch is a fact its path has decided; facts copied on
// every fork made the model allocate as n² (5.9× from 100 to 400 blocks).
// Each figure is the least of three runs, after a first one that pays
// for what is made once.
func TestCostStaysLinear(t *testing.T) {
	cost := func(n int) uint64 {
		src := realisticVCL(n)
		least := uint64(math.MaxUint64)
		for range 3 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			g := graph.NewGraph()
			s := &graph.Service{Platform: graph.PlatformVCL}
			s.VCLs = []*graph.VCLSource{{Content: graph.Text{Field: graph.Field[string]{Value: src, Set: true}}}}
			Apply(g, s)
			runtime.ReadMemStats(&after)
			if s.VCL == nil || s.VCL.Exits == nil {
				t.Fatalf("%d blocks: the model gave up", n)
			}
			least = min(least, after.TotalAlloc-before.TotalAlloc)
		}
		return least
	}
	cost(10)
	small, large := cost(100), cost(400)
	t.Logf("100 blocks: %.1f MB; 400 blocks: %.1f MB", float64(small)/1e6, float64(large)/1e6)
	if growth := float64(large) / float64(small); growth > 2.2*2.2 {
		t.Errorf("the model allocated %.2f× as much for 400 blocks as for 100, over %.2f (2.2× per doubling)", growth, 2.2*2.2)
	}
}
