package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// fastValue evaluates the expressions most attributes are written as, a
// reference (fastly_service_vcl.api.id) or a quoted string of literal text
// and references ("${var.prefix}-api"), to the value and diagnostics
// expr.Value gives, without what hcl spends on every such expression: a
// template's buffer, marks set and refinement builder, a traversal's
// split (a tenth of a Terraform load's allocation, and the collector's
// work with it). ok is false, and nothing was evaluated or charged, for
// anything else, and when a reference needs hcl's own rules: a root not
// in ctx, a step into a value that is unknown, null, marked, not an
// object or without the attribute; in a template, a value that is not a
// known, unmarked string. The caller then asks expr.Value.
//
// A template's references are charged to the evaluation's budget as
// chargedExpr charges them, in order and by the same cost, once all of
// them are resolved (b directly when it is ctx's budget: chargeTo); a
// charge refused is the error chargedExpr gives.
func fastValue(expr hcl.Expression, ctx *hcl.EvalContext, b *budget) (v cty.Value, diags hcl.Diagnostics, ok bool) {
	if ctx == nil {
		return cty.NilVal, nil, false
	}
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		v, ok = resolve(e.Traversal, ctx)
		return v, nil, ok
	case *hclsyntax.TemplateWrapExpr:
		// "${ref}" is the reference's own value (TemplateWrapExpr.Value).
		if t, isRef := e.Wrapped.(*hclsyntax.ScopeTraversalExpr); isRef {
			v, ok = resolve(t.Traversal, ctx)
			return v, nil, ok
		}
	case *hclsyntax.TemplateExpr:
		return fastTemplate(e, ctx, b)
	}
	return cty.NilVal, nil, false
}

// fastTemplate is fastValue for a template.
func fastTemplate(e *hclsyntax.TemplateExpr, ctx *hcl.EvalContext, b *budget) (cty.Value, hcl.Diagnostics, bool) {
	if len(e.Parts) == 1 {
		// A quoted literal: its value, as TemplateExpr.Value would make it
		// again (the literal is a known string; a known value's
		// refinement and an empty set of marks leave it as it is).
		if lit, isLit := e.Parts[0].(*hclsyntax.LiteralValueExpr); isLit && plainString(lit.Val) {
			return lit.Val, nil, true
		}
	}
	var parts [8]string
	texts := parts[:0]
	size := 0
	for _, part := range e.Parts {
		var pv cty.Value
		switch p := part.(type) {
		case *hclsyntax.LiteralValueExpr:
			pv = p.Val
		default:
			t := templateRef(part)
			if t == nil {
				return cty.NilVal, nil, false
			}
			var ok bool
			if pv, ok = resolve(t.Traversal, ctx); !ok {
				return cty.NilVal, nil, false
			}
		}
		if !plainString(pv) {
			return cty.NilVal, nil, false
		}
		s := pv.AsString()
		texts = append(texts, s)
		size += len(s)
	}
	var diags hcl.Diagnostics
	for i, part := range e.Parts {
		if _, isCharged := part.(*chargedExpr); !isCharged {
			continue
		}
		if err := chargeTo(ctx, b, 1+len(texts[i])/bytesPerStep); err != nil {
			rng := part.Range()
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Evaluation bound", Detail: err.Error(), Subject: &rng})
		}
	}
	if diags.HasErrors() {
		// TemplateExpr.Value's result when a part failed: an unknown
		// string (the caller goes by the diagnostics).
		return cty.UnknownVal(cty.String).RefineNotNull(), diags, true
	}
	var out strings.Builder
	out.Grow(size)
	for _, s := range texts {
		out.WriteString(s)
	}
	return cty.StringVal(out.String()), nil, true
}

// plainString reports a known, not null, unmarked string: a value a
// template joins as it is.
func plainString(v cty.Value) bool {
	return v.Type() == cty.String && v.IsKnown() && !v.IsNull() && !v.IsMarked()
}

// resolve is Traversal.TraverseAbs for a root and attribute steps into
// known, not null, unmarked objects that have them; ok is false for any
// other traversal or value.
func resolve(t hcl.Traversal, ctx *hcl.EvalContext) (cty.Value, bool) {
	if len(t) == 0 {
		return cty.NilVal, false
	}
	root, isRoot := t[0].(hcl.TraverseRoot)
	if !isRoot {
		return cty.NilVal, false
	}
	v, found := cty.NilVal, false
	for c := ctx; c != nil && !found; c = c.Parent() {
		if c.Variables != nil {
			v, found = c.Variables[root.Name]
		}
	}
	if !found {
		return cty.NilVal, false
	}
	for _, step := range t[1:] {
		attr, isAttr := step.(hcl.TraverseAttr)
		if !isAttr || v.IsMarked() || !v.IsKnown() || v.IsNull() {
			return cty.NilVal, false
		}
		if ty := v.Type(); !ty.IsObjectType() || !ty.HasAttribute(attr.Name) {
			return cty.NilVal, false
		}
		v = v.GetAttr(attr.Name)
	}
	return v, true
}

// variables is expr.Variables() without hclsyntax's walker for a
// reference, a literal and a template of literal text and references (the
// walker allocated for every node it passed); the same traversals in the
// same order.
func variables(expr hcl.Expression) []hcl.Traversal {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return nil
	case *hclsyntax.ScopeTraversalExpr:
		return []hcl.Traversal{e.Traversal}
	case *hclsyntax.TemplateExpr:
		var out []hcl.Traversal
		for _, part := range e.Parts {
			if _, literal := part.(*hclsyntax.LiteralValueExpr); literal {
				continue
			}
			t := templateRef(part)
			if t == nil {
				return expr.Variables()
			}
			out = append(out, t.Traversal)
		}
		return out
	}
	return expr.Variables()
}

// templateRef is a template part that is a reference, as the parsers
// leave it (wrapped in a chargedExpr: boundOne), or nil.
func templateRef(part hclsyntax.Expression) *hclsyntax.ScopeTraversalExpr {
	if c, isCharged := part.(*chargedExpr); isCharged {
		t, _ := c.Expression.(*hclsyntax.ScopeTraversalExpr)
		return t
	}
	return nil
}
