package tree

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

// TestYAMLOffsetsLinear: finding the offsets of a document's nodes counts
// over each character about once, also on one long line (JSON saved as
// YAML, flow style: counted from the line's start for every node, 2,000
// services in a 1.6 MB line took 75 s) and for an anchor expanded by
// many aliases at the end of a long line.
func TestYAMLOffsetsLinear(t *testing.T) {
	offsetSteps = new(atomic.Int64)
	defer func() { offsetSteps = nil }()
	flow := func(n int) string {
		items := make([]string, n)
		for i := range items {
			items[i] = fmt.Sprintf(`{"id": "S%d", "name": "s%d", "backends": [{"name": "b", "address": "o%d.example.net"}]}`, i, i, i)
		}
		return `{"services": [` + strings.Join(items, ", ") + `]}`
	}
	aliases := func(n int) string {
		return `{"pad": "` + strings.Repeat("x", 50*n) + `", "a": &a {"k1": "v", "k2": [1, 2, 3], "k3": {"x": "y"}}, "list": [` + strings.TrimSuffix(strings.Repeat("*a, ", n), ", ") + `]}`
	}
	for _, tt := range []struct {
		name string
		doc  func(int) string
	}{{"one line", flow}, {"aliases at a long line's end", aliases}} {
		t.Run(tt.name, func(t *testing.T) {
			for _, n := range []int{500, 2000} {
				src := tt.doc(n)
				before := offsetSteps.Load()
				if _, err := ParseYAML([]byte(src)); err != nil {
					t.Fatal(err)
				}
				if steps := offsetSteps.Load() - before; steps > int64(2*len(src)) {
					t.Errorf("%d: offsets counted over %d characters of a %d-byte document", n, steps, len(src))
				}
			}
		})
	}
}
