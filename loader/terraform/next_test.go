package terraform_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/loader/terraform"
)

// TestEveryNextProviderTypeIsReadOrNoted loads, for every resource type
// of the next provider that names a service (testdata/next-provider-types),
// an explicit service and one resource of that type, and insists that the
// resource is joined to the service (the estate's note names the version
// it wrote) or named in a skipped-input note: none may vanish. A type the
// provider may add later is noted.
func TestEveryNextProviderTypeIsReadOrNoted(t *testing.T) {
	f, err := os.Open("testdata/next-provider-types/types.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type typ struct {
		name        string
		versionless bool
	}
	types := []typ{{name: "fastly_service_logging_future"}, {name: "fastly_service_future_object"}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, flag, _ := strings.Cut(line, " ")
		types = append(types, typ{name, flag == "versionless"})
	}
	if len(types) < 40 {
		t.Fatalf("only %d types read", len(types))
	}
	for _, ty := range types {
		t.Run(ty.name, func(t *testing.T) {
			dir := t.TempDir()
			version := "version    = 3\n"
			if ty.versionless {
				version = ""
			}
			src := fmt.Sprintf(`resource "fastly_service_cdn" "s" {
  name = "s"
}

resource %q "x" {
  service_id = fastly_service_cdn.s.id
  %sname       = "n"
  content    = "sub vcl_recv { }"
}
`, ty.name, version)
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			g, err := loader.Paths([]string{dir}, loader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			joined, noted := false, false
			for _, n := range g.Notes {
				joined = joined || n.Rule == "terraform-provider" && strings.Contains(n.Message, "fastly_service_cdn.s (version 3)")
				noted = noted || n.Rule == "skipped-input" && strings.Contains(n.Message, ty.name)
			}
			switch {
			case ty.versionless:
				// Names a service, changes no version: nothing to join.
				if noted {
					t.Errorf("a versionless %s is noted as skipped", ty.name)
				}
			case strings.Contains(ty.name, "future_object"):
				if !noted || joined {
					t.Errorf("an unknown versioned type: noted %v, joined %v; want noted only (notes: %v)", noted, joined, g.Notes)
				}
			case !joined && !noted:
				t.Errorf("%s is neither joined to its service nor noted (notes: %v)", ty.name, g.Notes)
			}
		})
	}
}

// TestEmptyComputeNotedOnce: in an estate with an automatic-family
// service and no explicit object, a fastly_service_compute without
// nested blocks is noted once, not by both of the join's passes.
func TestEmptyComputeNotedOnce(t *testing.T) {
	doc := `{"format_version": "1.0", "values": {"root_module": {"resources": [
	  {"address": "fastly_service_cdn_auto.a", "mode": "managed", "type": "fastly_service_cdn_auto", "name": "a", "values": {"id": "A", "name": "a", "domain": [{"name": "a.example.com"}]}},
	  {"address": "fastly_service_compute.c", "mode": "managed", "type": "fastly_service_compute", "name": "c", "values": {"id": "C", "name": "c"}}]}}}`
	g := graph.NewGraph()
	terraform.LoadShowJSON(g, "state.json", []byte(doc))
	n := 0
	for _, p := range g.Notes {
		if p.Rule == graph.RuleSkippedInput && strings.Contains(p.Message, "no nested blocks") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d notes for the empty Compute service, want 1: %v", n, g.Notes)
	}
}
