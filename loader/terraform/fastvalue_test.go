package terraform

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// fastValueCtx is an evaluation context with every kind of value a
// reference can meet, in a child context (as count and each are) under a
// parent with the rest, and a budget of steps left.
func fastValueCtx(b *budget) *hcl.EvalContext {
	parent := &hcl.EvalContext{
		Variables: map[string]cty.Value{
			"var": cty.ObjectVal(map[string]cty.Value{
				"zone":    cty.StringVal("example.com"),
				"port":    cty.NumberIntVal(443),
				"on":      cty.True,
				"nothing": cty.NullVal(cty.String),
				"later":   cty.UnknownVal(cty.String),
				"secret":  cty.StringVal("s3cr3t").Mark("sensitive"),
				"long":    cty.StringVal(strings.Repeat("x", 100)),
				"nfd":     cty.StringVal("e\u0301"),
				"list":    cty.ListVal([]cty.Value{cty.StringVal("a")}),
				"obj":     cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal("api")}),
				"nullobj": cty.NullVal(cty.Object(map[string]cty.Type{"name": cty.String})),
				"unkobj":  cty.UnknownVal(cty.Object(map[string]cty.Type{"name": cty.String})),
				"markobj": cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal("api")}).Mark("sensitive"),
				"map":     cty.MapVal(map[string]cty.Value{"k": cty.StringVal("v")}),
				"dyn":     cty.DynamicVal,
			}),
			"local": cty.EmptyObjectVal,
		},
		Functions: map[string]function.Function{budgetFuncName: b.chargeFunc()},
	}
	child := parent.NewChild()
	child.Variables = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal("k1")})}
	return child
}

var fastValueCases = []string{
	`"plain"`, `""`, `"e\u0301"`, `"${var.zone}"`, `"d0.${var.zone}"`, `"${var.zone}.${each.key}-x"`,
	`var.zone`, `var.obj.name`, `var.obj`, `each.key`, `var`,
	`"${var.port}"`, `"p${var.port}"`, `"${var.on}x"`, `"a${var.nothing}"`, `"a${var.later}"`,
	`"a${var.secret}"`, `var.secret`, `"${var.secret}"`, `"a${var.nfd}"`, `"${var.list}x"`,
	`"a${var.nullobj.name}"`, `var.nullobj.name`, `"a${var.unkobj.name}"`, `var.unkobj.name`,
	`var.markobj.name`, `"a${var.markobj.name}"`, `var.map.k`, `"a${var.map.k}"`, `var.map.missing`,
	`var.dyn.x`, `"a${var.dyn.x}"`, `var.missing`, `"a${var.missing}"`, `nope.x`, `"a${nope.x}"`,
	`var.zone.x`, `"a${var.long}${var.long}"`, `"${var.zone}${var.zone}${var.zone}${var.zone}${var.zone}${var.zone}${var.zone}${var.zone}${var.zone}"`,
	`var.list[0]`, `"${var.list[0]}"`, `upper("a")`, `1`, `true`, `null`,
}

// evalBoth evaluates src, an attribute's value, with fastValue and with
// hcl, each with a budget that has spent spent steps, and fails the test
// where they differ: the value, the diagnostics, the steps charged.
func evalBoth(t *testing.T, src string, spent int64) {
	t.Helper()
	file, diags := parseHCL([]byte("a = "+src+"\n"), "x.tf", hcl.Pos{Line: 1, Column: 1, Byte: 0})
	if diags.HasErrors() {
		return
	}
	attr := file.Body.(*hclsyntax.Body).Attributes["a"]
	if attr == nil {
		return
	}
	if got, want := variables(attr.Expr), attr.Expr.Variables(); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
		t.Errorf("%s: variables %v, Variables() %v", src, got, want)
	}
	fast, slow := &budget{expr: spent, load: spent}, &budget{expr: spent, load: spent}
	fv, fd, ok := fastValue(attr.Expr, fastValueCtx(fast), fast)
	sv, sd := attr.Expr.Value(fastValueCtx(slow))
	if !ok {
		if fast.expr != spent || fast.load != spent {
			t.Errorf("%s: fastValue gave up after charging %d steps", src, fast.load-spent)
		}
		return
	}
	if sd.HasErrors() != fd.HasErrors() || len(sd) != len(fd) {
		t.Fatalf("%s: diagnostics\nfast: %v\nhcl:  %v", src, fd, sd)
	}
	for i := range sd {
		if fmt.Sprint(sd[i].Summary, sd[i].Detail, sd[i].Subject) != fmt.Sprint(fd[i].Summary, fd[i].Detail, fd[i].Subject) {
			t.Errorf("%s: diagnostic %d\nfast: %v\nhcl:  %v", src, i, fd[i], sd[i])
		}
	}
	if !sd.HasErrors() && !sv.RawEquals(fv) {
		t.Errorf("%s: fast %#v, hcl %#v", src, fv, sv)
	}
	if fast.expr != slow.expr || fast.load != slow.load || fast.exceeded != slow.exceeded {
		t.Errorf("%s: budget fast %+v, hcl %+v", src, *fast, *slow)
	}
}

// TestFastValueAsHCL holds fastValue to hcl's evaluation of the same
// expressions, with room in the budget and at its bound, and checks that
// the common shapes take the fast path (else the test could not fail).
func TestFastValueAsHCL(t *testing.T) {
	for _, src := range fastValueCases {
		for _, spent := range []int64{0, maxExprSteps - 8, maxExprSteps, maxLoadSteps - 2} {
			evalBoth(t, src, spent)
		}
	}
	for _, src := range []string{`"plain"`, `""`, `"d0.${var.zone}"`, `"${var.zone}.${each.key}-x"`, `var.zone`, `var.obj.name`, `var.obj`, `var.map`, `each.key`, `"${var.zone}"`, `"a${var.markobj}"`} {
		file, _ := parseHCL([]byte("a = "+src+"\n"), "x.tf", hcl.Pos{Line: 1, Column: 1})
		b := &budget{}
		_, _, ok := fastValue(file.Body.(*hclsyntax.Body).Attributes["a"].Expr, fastValueCtx(b), b)
		if want := src != `"a${var.markobj}"`; ok != want {
			t.Errorf("%s: fast path %v, want %v", src, ok, want)
		}
	}
}

// FuzzFastValue holds fastValue to hcl on any attribute value.
func FuzzFastValue(f *testing.F) {
	for _, src := range fastValueCases {
		f.Add(src, int64(0))
		f.Add(src, int64(maxExprSteps-3))
	}
	f.Fuzz(func(t *testing.T, src string, spent int64) {
		if spent < 0 || spent > maxLoadSteps || strings.ContainsAny(src, "\n\r") {
			return
		}
		evalBoth(t, src, spent)
	})
}
