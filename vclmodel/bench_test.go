package vclmodel

import (
	"fmt"
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
