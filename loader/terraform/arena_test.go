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
