package terraform

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/chainlint/chainlint/graph"
)

// TestRenderTemplateIsHCLs: rendered part by part, a template gives what
// HCL's own TemplateExpr.Value gives, or declines (the caller then uses
// HCL's).
func TestRenderTemplateIsHCLs(t *testing.T) {
	vars := map[string]cty.Value{
		"s": cty.StringVal("x\ny"), "n": cty.NumberIntVal(3), "b": cty.True,
		"l": cty.ListVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")}),
		"u": cty.UnknownVal(cty.String), "z": cty.NullVal(cty.String),
	}
	for _, c := range []struct {
		src     string
		renders bool
	}{
		{"plain\ntext\n", true},
		{"a ${s} b ${n} c ${b}\n", true},
		{"$${literal} %%{directive}\n", true},
		{"%{ for v in l ~}\n${v}\n%{ endfor ~}\nafter\n", true},
		{"%{ if b }yes%{ else }no%{ endif }\n", true},
		{"unknown ${u}\n", false},
		{"null ${z}\n", false},
		{"list ${l}\n", false},
	} {
		f := graph.NewFiles().Add("t.tftpl", []byte(c.src))
		expr, diags := hclsyntax.ParseTemplate(f.Content, f.Name, hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			t.Fatalf("%q: %v", c.src, diags)
		}
		te, ok := expr.(*hclsyntax.TemplateExpr)
		if !ok {
			t.Fatalf("%q: a %T, not a template", c.src, expr)
		}
		ctx := &hcl.EvalContext{Variables: vars}
		out, _, rendered := renderTemplate(f, te, ctx)
		if rendered != c.renders {
			t.Errorf("%q: rendered %v, want %v", c.src, rendered, c.renders)
			continue
		}
		if !rendered {
			continue
		}
		want, diags := te.Value(ctx)
		if diags.HasErrors() || out != want.AsString() {
			t.Errorf("%q: rendered %q, HCL renders %q (%v)", c.src, out, want.GoString(), diags)
		}
	}
}
