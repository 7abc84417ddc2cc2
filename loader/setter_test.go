package loader

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
)

// TestSettersEditTheirOwnBackend sets a field on every backend of files
// where backends share their file's setter (a JSON export, a streamed
// YAML one, Terraform blocks of literals) or have one of their own (a
// Terraform block with an expression): each edit lands inside its own
// backend and names it.
func TestSettersEditTheirOwnBackend(t *testing.T) {
	files := map[string]string{
		"export.json": `{"services": [
  {"id": "s1", "name": "one", "type": "vcl", "active_version": {"number": 1,
    "domains": [{"name": "one.example.com"}],
    "backends": [
      {"name": "b0", "address": "b0.example.net"},
      {"name": "b1", "address": "b1.example.net", "port": 443},
      {"name": "b2", "address": "b2.example.net"}]}},
  {"id": "s2", "name": "two", "type": "vcl", "active_version": {"number": 1,
    "domains": [{"name": "two.example.com"}],
    "backends": [{"name": "b3", "address": "b3.example.net"}]}}]}
`,
		"main.tf": `variable "origin" {
  default = "b6.example.net"
}

resource "fastly_service_vcl" "three" {
  name = "three"
  domain {
    name = "three.example.com"
  }
  backend {
    name    = "b4"
    address = "b4.example.net"
  }
  backend {
    name    = "b5"
    address = "b5.example.net"
    port    = 443
  }
  backend {
    name    = "b6"
    address = var.origin
  }
  backend {
    name    = "b7"
    address = "b7.example.net"
  }
}
`,
	}
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g, err := Paths([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	setters := map[string]any{}
	for _, s := range g.Services {
		for _, b := range s.Backends {
			setters[b.Name.Value] = b.Setter
		}
	}
	// Backends that need nothing of their own share their file's setter.
	for _, same := range [][]string{{"b0", "b1", "b2", "b3"}, {"b4", "b5", "b7"}} {
		for _, name := range same[1:] {
			if setters[name] != setters[same[0]] {
				t.Errorf("backends %s and %s have setters of their own", same[0], name)
			}
		}
	}
	if setters["b6"] == setters["b4"] {
		t.Error("b6, whose address is an expression, shares its file's setter")
	}
	for _, s := range g.Services {
		for _, b := range s.Backends {
			if b.Setter == nil {
				t.Errorf("backend %s: no setter", b.Name.Value)
				continue
			}
			seen++
			edits := b.Setter.SetField(b.Span, "override_host", "x.example.com")
			if len(edits) != 1 {
				t.Fatalf("backend %s: %d edits", b.Name.Value, len(edits))
			}
			e := edits[0]
			if e.Pos < b.Pos || e.End > b.End {
				t.Errorf("backend %s: edit at %v..%v, outside the backend (%v..%v)", b.Name.Value, e.Pos, e.End, b.Pos, b.End)
			}
			// The fixed file loads, with the field set on this backend
			// and no other.
			f := g.Files.Of(e.Pos)
			src, err := os.ReadFile(f.Name) // a Terraform file is released once loaded
			if err != nil {
				t.Fatal(err)
			}
			out, err := analyzer.ApplyEdits(src, []analyzer.Edit{{Pos: g.Files.Position(e.Pos), End: g.Files.Position(e.End), NewText: string(e.NewText)}})
			if err != nil {
				t.Fatal(err)
			}
			fixed := t.TempDir()
			if err := os.WriteFile(filepath.Join(fixed, filepath.Base(f.Name)), out, 0o644); err != nil {
				t.Fatal(err)
			}
			g2, err := Paths([]string{fixed}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(g2.Problems) > 0 {
				t.Errorf("backend %s: the fixed file has problems: %s\n%s", b.Name.Value, g2.Problems[0].Message, out)
			}
			for _, s2 := range g2.Services {
				for _, b2 := range s2.Backends {
					want := ""
					if b2.Name.Value == b.Name.Value {
						want = "x.example.com"
					}
					if b2.OverrideHost.Value != want {
						t.Errorf("fixing backend %s: backend %s has override_host %q, want %q", b.Name.Value, b2.Name.Value, b2.OverrideHost.Value, want)
					}
				}
			}
		}
	}
	if seen != 8 {
		t.Errorf("%d backends with setters, want 8", seen)
	}
}
