package terraform_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/loader"
)

// moduleEstate writes a root module that calls a one-service module for
// each of n names.
func moduleEstate(t *testing.T, n int) string {
	dir := t.TempDir()
	mod := `variable "name" {}
resource "fastly_service_vcl" "s" {
  name = var.name
  domain { name = "${var.name}.example.com" }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
  }
}
`
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%q", fmt.Sprint("m", i))
	}
	root := "module \"m\" {\n  source   = \"./mod\"\n  for_each = toset([" + strings.Join(names, ", ") + "])\n  name     = each.key\n}\n"
	if err := estate.Write(dir, map[string][]byte{"mod/main.tf": []byte(mod), "main.tf": []byte(root)}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestModuleInstancesCost: an instance of a module costs what evaluating
// and building it does, not a function library and a parse of the
// module's resources each (83 KB allocated an instance of this
// one-service module once, 25 KB now). Allocated bytes, the least of
// three loads: at most 40 KB an instance, and 400 instances at most 4.4×
// what 100 take.
func TestModuleInstancesCost(t *testing.T) {
	cost := func(n int) uint64 {
		dir := moduleEstate(t, n)
		least := ^uint64(0)
		for range 3 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			g, err := loader.Paths([]string{dir}, loader.Options{})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Services) != n {
				t.Fatalf("%d services, want %d", len(g.Services), n)
			}
			least = min(least, after.TotalAlloc-before.TotalAlloc)
		}
		return least
	}
	small, large := cost(100), cost(400)
	t.Logf("100 instances: %.0f KB each; 400: %.0f KB each", float64(small)/100/1024, float64(large)/400/1024)
	if per := large / 400; per > 40<<10 {
		t.Errorf("%.0f KB allocated an instance, over 40", float64(per)/1024)
	}
	if growth := float64(large) / float64(small); growth > 4.4 {
		t.Errorf("400 instances allocated %.2f× what 100 did, over 4.4", growth)
	}
}
