package terraform

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// Every test of the package poisons what an arena gives back: a tree read
// after its arena is given back (a domain's kept instance, a node a
// service kept) changes what the streamed load builds, which
// TestStreamMatchesWhole compares with the whole load's.
func init() { recycledPoison = true }

// arenaPiece is a service as the synthetic estate writes one.
const arenaPiece = `resource "fastly_service_vcl" "s2678" {
  name = "service-2678"

  domain {
    name = "d0.s2678.${var.zone}"
  }

  backend {
    name    = "origin0"
    address = "origin0.s2678.example.net"
    port    = local.origin_port
    use_ssl = true
  }

  snippet {
    name    = "recv"
    type    = "recv"
    content = <<-EOT
      if (req.url ~ "^/api/") {
        set req.http.X-API = "1";
      }
    EOT
  }
}
`

// TestArenaParseAllocates: a piece parsed into an arena used before
// allocates less than half of what the same parse makes on the heap (its
// strings, and the steps of its references, boxed; not its nodes).
func TestArenaParseAllocates(t *testing.T) {
	src := []byte(arenaPiece)
	start := hcl.Pos{Line: 1, Column: 1}
	heap := testing.AllocsPerRun(50, func() {
		if _, _, ok := fastParse(src, "main.tf", start, nil); !ok {
			t.Fatal("fastParse refused the piece")
		}
	})
	a := new(pieceArena)
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

// TestRunsKeepNeighbours: a slice carved from runs has no room past its
// length, so an append to it cannot write over the next one's elements.
func TestRunsKeepNeighbours(t *testing.T) {
	var r runs[int]
	first := r.copyOf([]int{1, 2})
	second := r.copyOf([]int{3, 4})
	if cap(first) != len(first) {
		t.Fatalf("cap %d, len %d", cap(first), len(first))
	}
	_ = append(first, 9)
	if second[0] != 3 {
		t.Errorf("an append to one run wrote %d over the next", second[0])
	}
	if r.copyOf(nil) != nil {
		t.Error("an empty run is not nil")
	}
	long := make([]int, runLen/4+1)
	if got := r.copyOf(long); len(got) != len(long) || &got[0] == &long[0] {
		t.Error("a long run is not a copy")
	}
	r.reset()
	if again := r.copyOf([]int{5}); &again[0] != &first[0] {
		t.Error("reset does not hand the room out again")
	}
}
