package terraform_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/chainlint/chainlint/loader"
)

// TestSnippetTextsShared loads a module called for three services, whose
// snippet evaluates to the same VCL for each: the three services' content
// is one string in memory, not three.
func TestSnippetTextsShared(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mod/main.tf", `variable "name" {}
resource "fastly_service_vcl" "s" {
  name = var.name
  domain {
    name = "${var.name}.example.com"
  }
  snippet {
    name    = "recv"
    type    = "recv"
    content = <<-EOT
      if (req.url ~ "^/api/") {
        set req.http.X-API = "1";
        set req.http.X-API-Version = "2026-12";
      }
    EOT
  }
}
`)
	write("main.tf", `module "a" {
  source = "./mod"
  name   = "a"
}
module "b" {
  source = "./mod"
  name   = "b"
}
module "c" {
  source = "./mod"
  name   = "c"
}
`)
	g, err := loader.Paths([]string{dir}, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Services) != 3 {
		t.Fatalf("%d services, want 3", len(g.Services))
	}
	first := g.Services[0].Snippets[0].Content
	if !strings.Contains(first.Value, "X-API") {
		t.Fatalf("content %q", first.Value)
	}
	for _, s := range g.Services[1:] {
		c := s.Snippets[0].Content
		if c.Value != first.Value {
			t.Fatalf("%s: content %q, want %q", s.Name.Value, c.Value, first.Value)
		}
		if unsafe.StringData(c.Value) != unsafe.StringData(first.Value) {
			t.Errorf("%s: the snippet's content is a copy of its own", s.Name.Value)
		}
	}
}
