package vclmodel

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
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

// callChain is custom VCL whose vcl_recv calls f0, which calls f1, … up
// to f(n-1): each sets the Host, to one of four names, under a condition
// of its own.
func callChain(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "sub f%d {\n  if (req.url ~ \"%d\") {\n    set req.http.Host = \"h%d.example.com\";\n  }\n", i, i, i%4)
		if i+1 < n {
			fmt.Fprintf(&b, "  call f%d;\n", i+1)
		}
		b.WriteString("}\n")
	}
	b.WriteString("sub vcl_recv {\n#FASTLY recv\n  call f0;\n}\n")
	return b.String()
}

// headerSets is custom VCL that sets a header under n conditions and
// copies the Host from it.
func headerSets(n int) string {
	var b strings.Builder
	b.WriteString("sub vcl_recv {\n#FASTLY recv\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  if (req.url ~ \"%d\") {\n    set req.http.X-H = \"h%d.example.com\";\n  }\n", i, i)
	}
	b.WriteString("  set req.http.Host = req.http.X-H;\n}\n")
	return b.String()
}

// TestCostStaysLinear holds the model of large custom VCL to linear cost
// in allocated bytes (time is BenchmarkApply's, by hand): four times the
// VCL at most 2.2² times the bytes (2.2× per doubling, over two), and the
// model must not give up. Each figure is the least of three runs, after a
// first one that pays for what is made once.
//
//   - routing blocks: each block's else branch is a fact its path has
//     decided; facts copied on every fork allocated as n² (5.9× from 100
//     to 400 blocks).
//   - a chain of calls: each callee ran once for every path that reached
//     it, 2^n runs for n calls (20 calls took 270 MB and ran out of
//     steps).
//   - a header set under many conditions: each set added a value to the
//     path's list of header values, copied at the next (13.7× from 100 to
//     400 sets).
func TestCostStaysLinear(t *testing.T) {
	for _, tt := range []struct {
		name         string
		vcl          func(int) string
		small, large int
	}{
		{"routing blocks", realisticVCL, 100, 400},
		{"a chain of calls", callChain, 50, 200},
		{"a header set under many conditions", headerSets, 100, 400},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cost := func(n int) uint64 {
				// No collection while a run is measured: one would drop
				// the parse cache's weak entries mid-run, and the parse
				// done again counts against the model (4.92× once in ten
				// runs, 4.45× otherwise).
				defer debug.SetGCPercent(debug.SetGCPercent(-1))
				src := tt.vcl(n)
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
						t.Fatalf("%d: the model gave up", n)
					}
					least = min(least, after.TotalAlloc-before.TotalAlloc)
				}
				return least
			}
			cost(10)
			small, large := cost(tt.small), cost(tt.large)
			t.Logf("%d: %.1f MB; %d: %.1f MB", tt.small, float64(small)/1e6, tt.large, float64(large)/1e6)
			if growth := float64(large) / float64(small); growth > 2.2*2.2 {
				t.Errorf("the model allocated %.2f× as much for %d as for %d, over %.2f (2.2× per doubling)", growth, tt.large, tt.small, 2.2*2.2)
			}
		})
	}
}
