package scc

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestComponents(t *testing.T) {
	tests := []struct {
		name string
		adj  [][]int
		want [][]int
	}{
		{"empty", nil, nil},
		{"chain, dependencies first", [][]int{{1}, {2}, {}}, [][]int{{2}, {1}, {0}}},
		{"independent vertices in index order", [][]int{{}, {}, {}}, [][]int{{0}, {1}, {2}}},
		{"cycle", [][]int{{1}, {2}, {0}}, [][]int{{0, 1, 2}}},
		{"self loop", [][]int{{0}}, [][]int{{0}}},
		{"cycle then tail", [][]int{{1}, {0, 2}, {}}, [][]int{{2}, {0, 1}}},
		{"diamond", [][]int{{1, 2}, {3}, {3}, {}}, [][]int{{3}, {1}, {2}, {0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Components(tt.adj)); diff != "" {
				t.Errorf("Components (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCyclic(t *testing.T) {
	adj := [][]int{{0}, {2}, {1}, {}}
	for _, tt := range []struct {
		comp []int
		want bool
	}{{[]int{0}, true}, {[]int{1, 2}, true}, {[]int{3}, false}} {
		if got := Cyclic(adj, tt.comp); got != tt.want {
			t.Errorf("Cyclic(%v) = %v, want %v", tt.comp, got, tt.want)
		}
	}
}

// TestLongChain runs a chain far deeper than a recursive Tarjan could.
func TestLongChain(t *testing.T) {
	const n = 1_000_000
	adj := make([][]int, n)
	for i := range n - 1 {
		adj[i] = []int{i + 1}
	}
	adj[n-1] = []int{0}
	got := Components(adj)
	if len(got) != 1 || len(got[0]) != n {
		t.Fatalf("got %d components, want one of %d", len(got), n)
	}
}
