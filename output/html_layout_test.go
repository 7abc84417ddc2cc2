package output

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"testing"

	"github.com/chainlint/chainlint/chainview"
)

func layoutColumns(g *chainview.Graph) map[string]int {
	nodes, _ := htmlLayout(g, nil)
	cols := map[string]int{}
	for _, n := range nodes {
		cols[n.id] = (n.x - htmlMargin) / (htmlNodeW + htmlColGap)
	}
	return cols
}

// TestHTMLLayoutColumns: a node's column is its longest path from a
// source; a loop's services take successive columns; what a loop reaches
// comes after all of it.
func TestHTMLLayoutColumns(t *testing.T) {
	g := &chainview.Graph{}
	for _, id := range []string{"a", "b", "c", "d", "x", "y", "z"} {
		g.Services = append(g.Services, chainview.GraphService{ID: id, Name: id})
	}
	g.Origins = []string{"o"}
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"a", "c"}, {"c", "d"}, {"x", "y"}, {"y", "x"}, {"y", "z"}, {"d", "origin:o"}} {
		g.Edges = append(g.Edges, chainview.GraphEdge{From: e[0], To: e[1]})
	}
	want := map[string]int{"a": 0, "b": 1, "c": 2, "d": 3, "origin:o": 4, "x": 0, "y": 1, "z": 2}
	got := layoutColumns(g)
	for id, c := range want {
		if got[id] != c {
			t.Errorf("column of %s = %d, want %d (all: %v)", id, got[id], c, got)
		}
	}
}

// TestHTMLLayoutManyPaths: 90 services, each chained to the one after
// next and to the next (in that order), have some 10^18 paths; the last
// one's column is the longest of them.
func TestHTMLLayoutManyPaths(t *testing.T) {
	g := &chainview.Graph{}
	const n = 90
	for i := range n {
		g.Services = append(g.Services, chainview.GraphService{ID: fmt.Sprint(i), Name: fmt.Sprint(i)})
	}
	for i := range n {
		for _, k := range []int{2, 1} {
			if i+k < n {
				g.Edges = append(g.Edges, chainview.GraphEdge{From: fmt.Sprint(i), To: fmt.Sprint(i + k)})
			}
		}
	}
	if got := layoutColumns(g)[fmt.Sprint(n-1)]; got != n-1 {
		t.Errorf("column of the last service = %d, want %d", got, n-1)
	}
}

// BenchmarkHTMLLayout: 2,000 services each chained to the next five.
func BenchmarkHTMLLayout(b *testing.B) {
	g := &chainview.Graph{}
	const n = 2000
	for i := range n {
		g.Services = append(g.Services, chainview.GraphService{ID: fmt.Sprint(i), Name: fmt.Sprint(i)})
		for k := 1; k <= 5 && i+k < n; k++ {
			g.Edges = append(g.Edges, chainview.GraphEdge{From: fmt.Sprint(i), To: fmt.Sprint(i + k)})
		}
	}
	for b.Loop() {
		htmlLayout(g, nil)
	}
}

// TestHTMLWriterEscapes: the report's writer escapes as
// html.EscapeString does, byte for byte.
func TestHTMLWriterEscapes(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">'&'</a>`, "émoji 😀 & <>", "&amp; already"} {
		var buf bytes.Buffer
		bw := bufio.NewWriter(&buf)
		htmlWriter{bw}.e(s)
		_ = bw.Flush()
		if got, want := buf.String(), html.EscapeString(s); got != want {
			t.Errorf("%q: wrote %q, html.EscapeString gives %q", s, got, want)
		}
	}
}
