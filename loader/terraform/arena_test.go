package terraform

import (
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/chainlint/chainlint/internal/synth/estate"
)

// Every test of the package poisons what an arena gives back: a tree read
// after its arena is given back (a domain's kept instance, a node a
// service kept) changes what the streamed load builds, which
// TestStreamMatchesWhole compares with the whole load's.
func init() { recycledPoison = true }

// estatePiece returns a VCL service as the synthetic estate writes one:
// the first of its main.tf's top-level blocks that is one.
func estatePiece(t *testing.T) []byte {
	t.Helper()
	main, _ := estate.Terraform(estate.Options{Services: 40, Seed: 1})
	cuts := splitTopLevel(main, 1)
	for i := 0; i+1 < len(cuts); i++ {
		piece := main[cuts[i]:cuts[i+1]]
		if typ, labels, _, ok := blockHeader(piece); ok && typ == "resource" && len(labels) == 2 && labels[0] == "fastly_service_vcl" {
			return piece
		}
	}
	t.Fatal("the estate has no VCL service")
	return nil
}

// TestArenaParseAllocates: a piece parsed into an arena used before
// allocates less than half of what the same parse makes on the heap (its
// strings, and the steps of its references, boxed; not its nodes).
func TestArenaParseAllocates(t *testing.T) {
	src := estatePiece(t)
	start := hcl.Pos{Line: 1, Column: 1}
	heap := testing.AllocsPerRun(50, func() {
		if _, _, ok := fastParse(src, "main.tf", start, nil); !ok {
			t.Fatal("fastParse refused the piece")
		}
	})
	a := newPieceArena()
	arena := testing.AllocsPerRun(50, func() {
		a.reset()
		if _, _, ok := fastParse(src, "main.tf", start, a); !ok {
			t.Fatal("fastParse refused the piece")
		}
	})
	t.Logf("allocations: %.0f on the heap, %.0f in an arena", heap, arena)
	if arena*2 > heap {
		t.Errorf("a parse into a used arena made %.0f allocations, the heap's %.0f: want at most half", arena, heap)
	}
}
