package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestBodyContent: bodyContent reads a parsed body as hclsyntax's
// PartialContent does with the same schema: the same attributes and the
// same nested blocks in the same order, for every modelled resource of
// the Terraform testdata and for bodies made to differ (labels on a nested
// block, blocks and attributes no schema names, a store).
func TestBodyContent(t *testing.T) {
	srcs := map[string][]byte{
		"odd.tf": []byte(`
resource "fastly_service_vcl" "a" {
  name = "a"
  unknown_attr = 1
  domain { name = "x" }
  backend "labelled" { name = "ignored" }
  backend {
    name    = "b"
    address = "c"
  }
  logging_s3 { name = "not read" }
  snippet {
    name = "s"
    content = "x"
  }
  dynamic "backend" {
    for_each = []
    content { name = backend.value }
  }
}
resource "fastly_kvstore" "k" {
  name = "k"
  force_destroy = true
}
resource "fastly_service_compute" "c" {
  name = "c"
  package { filename = "p.tar.gz" }
  snippet { name = "not for compute" }
}
`),
	}
	var files []string
	for _, pattern := range []string{"testdata/*/*.tf", "testdata/*/*/*.tf", "../../testdata/realworld/terraform/*/*.tf", "../../testdata/realworld/terraform/*/*/*.tf"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = b
	}
	checked := 0
	for name, src := range srcs {
		f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		if diags.HasErrors() {
			if name == "odd.tf" {
				t.Fatal(diags)
			}
			continue
		}
		for _, r := range f.Body.(*hclsyntax.Body).Blocks {
			if r.Type != "resource" || len(r.Labels) != 2 || !modelled(r.Labels[0]) {
				continue
			}
			typ := canonical(r.Labels[0])
			if _, ok := schemas[typ]; !ok {
				typ = ""
			}
			compare(t, name+" "+r.Labels[0]+"."+r.Labels[1], r.Body, typ)
			checked++
			for _, nb := range r.Body.Blocks {
				compare(t, name+" nested "+nb.Type, nb.Body, "")
			}
		}
	}
	if checked < 90 {
		t.Fatalf("only %d resources compared", checked)
	}
}

func compare(t *testing.T, what string, body *hclsyntax.Body, typ string) {
	t.Helper()
	want, _, _ := body.PartialContent(schemas[typ])
	attrs, blocks := bodyContent(body, typ, schemas[typ], nil)
	names := func(a hcl.Attributes) []string {
		var out []string
		for n, at := range a {
			out = append(out, n+"@"+at.Expr.Range().String())
		}
		sort.Strings(out)
		return out
	}
	exprNames := func(a []evalAttr) []string {
		var out []string
		for _, at := range a {
			out = append(out, at.name+"@"+at.expr.Range().String())
		}
		sort.Strings(out)
		return out
	}
	headers := func(bs hcl.Blocks) []string {
		var out []string
		for _, b := range bs {
			out = append(out, b.Type+"@"+b.DefRange.String())
		}
		return out
	}
	if d := cmp.Diff(names(want.Attributes), exprNames(attrs)); d != "" {
		t.Errorf("%s: attributes differ (-PartialContent +bodyContent):\n%s", what, d)
	}
	if d := cmp.Diff(headers(want.Blocks), headers(blocks)); d != "" {
		t.Errorf("%s: blocks differ (-PartialContent +bodyContent):\n%s", what, d)
	}
}
