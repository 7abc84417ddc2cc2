package terraform_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/loader"
)

// TestBackendRefs: a backend whose address refers to another resource has
// that reference (what orders a terraform apply), in either provider
// family; a literal address has none.
func TestBackendRefs(t *testing.T) {
	dir := t.TempDir()
	src := `resource "fastly_service_vcl" "origin" {
  name = "origin"
  domain {
    name = "origin.example.com"
  }
}

resource "fastly_service_vcl" "edge" {
  name = "edge"
  domain {
    name = "edge.example.com"
  }
  backend {
    name    = "to-origin"
    address = tolist(fastly_service_vcl.origin.domain)[0].name
  }
  backend {
    name    = "literal"
    address = "literal.example.net"
  }
}

resource "fastly_service_cdn" "api" {
  name = "api"
}

resource "fastly_service_backend" "api" {
  service_id    = fastly_service_cdn.api.id
  version       = 1
  name          = "next-origin"
  address       = "api-origin.example.net"
  override_host = tolist(fastly_service_vcl.origin.domain)[0].name
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := loader.Paths([]string{dir}, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"to-origin": "fastly_service_vcl.origin", "literal": "", "next-origin": "fastly_service_vcl.origin"}
	seen := 0
	for _, s := range g.Services {
		for _, b := range s.Backends {
			w, ok := want[b.Name.Value]
			if !ok {
				continue
			}
			seen++
			if got := strings.Join(b.Refs(), " "); got != w {
				t.Errorf("backend %s: refs %q, want %q", b.Name.Value, got, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d backends loaded", seen, len(want))
	}
}
