package terraform

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// A pull request is untrusted input, and Terraform's language can ask for
// unbounded work in a few lines: locals that double a string, nested for
// expressions over range(1000), setproduct, a number literal of a million
// digits. chainlint bounds evaluation and turns the excess into an
// unknown value whose note names the expression:
//
//   - steps: every element a for expression iterates, every function call
//     and every byte or element it returns, every byte a string template
//     joins. At most maxExprSteps for one expression (an attribute, a
//     local) and maxLoadSteps for a whole load.
//   - values: an evaluated value larger than maxValueBytes (strings'
//     bytes and collections' elements, counted together) is unknown.
//   - numbers: a literal or a result beyond ±2^maxNumberBits is an error
//     (no Fastly field holds such a number, and printing one in decimal
//     takes minutes).
//
// The bounds are far beyond what real Fastly estates use: the largest
// corpus estate evaluates in under 100,000 steps.
const (
	maxExprSteps   = 1_000_000
	maxLoadSteps   = 20_000_000
	maxValueBytes  = 16 << 20
	maxNumberBits  = 1024
	budgetFuncName = "chainlint_internal_budget"
)

// budget counts one load's evaluation steps.
type budget struct {
	expr, load int64
	// exceeded is set once a bound is hit: the note says so.
	exceeded string
	// fn is the budget's function (chargeFunc), made once.
	fn function.Function
}

// charge counts n steps, or refuses them (counting none toward the load,
// so that one refused expression does not use up the load's bound) when
// they would pass a bound. Once an expression is over its bound, every
// further charge in it fails at once.
func (b *budget) charge(n int64) error {
	switch {
	case b.load+n > maxLoadSteps:
		b.exceeded = fmt.Sprintf("evaluating the whole estate takes more than %d steps, chainlint's bound for untrusted input", maxLoadSteps)
		b.expr = maxExprSteps + 1
	case b.expr+n > maxExprSteps:
		b.exceeded = fmt.Sprintf("it takes more than %d evaluation steps, chainlint's bound for untrusted input", maxExprSteps)
		b.expr = maxExprSteps + 1
	default:
		b.expr += n
		b.load += n
		return nil
	}
	return errBudget{b.exceeded}
}

type errBudget struct{ why string }

func (e errBudget) Error() string { return e.why }

// chargeFunc is how expressions wrapped at parse time find the budget of
// the evaluation they are part of: a function in the evaluation context,
// which the parse-time wrapper looks up and calls. (A cached syntax tree
// may be evaluated by several loads, each with its own budget.)
func (b *budget) chargeFunc() function.Function {
	if b.fn != (function.Function{}) {
		return b.fn
	}
	b.fn = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "n", Type: cty.Number}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			n, _ := args[0].AsBigFloat().Int64()
			if err := b.charge(n); err != nil {
				return cty.NilVal, err
			}
			return cty.True, nil
		},
	})
	return b.fn
}

// chargeIn charges n steps to the budget of ctx, if it has one.
func chargeIn(ctx *hcl.EvalContext, n int) error { return chargeTo(ctx, nil, n) }

// chargeTo is chargeIn that charges b directly, as a call of its function
// would, when ctx's budget is b: the call's argument checks and number
// conversions allocated for every template part.
func chargeTo(ctx *hcl.EvalContext, b *budget, n int) error {
	for c := ctx; c != nil; c = c.Parent() {
		if f, ok := c.Functions[budgetFuncName]; ok {
			if b != nil && f == b.fn {
				return b.charge(int64(n))
			}
			_, err := f.Call([]cty.Value{cty.NumberIntVal(int64(n))})
			return err
		}
	}
	return nil
}

// bytesPerStep is how many bytes of a string count as one step: joining
// strings is cheap next to building collections, and a real VCL file read
// with file() is a few hundred kilobytes.
const bytesPerStep = 16

// valueCost is a value's cost in steps: a string's bytes (bytesPerStep to
// a step), a collection's elements and theirs, at least 1; it stops
// counting past limit.
func valueCost(v cty.Value, limit int) int { return valueSize(v, bytesPerStep, limit) }

// valueSize is a value's size: a string's bytes divided by perStep, a
// collection's elements and theirs, at least 1, counted up to limit.
func valueSize(v cty.Value, perStep, limit int) int {
	v, _ = v.Unmark() // a marked value's own are read unmarked
	if !v.IsKnown() || v.IsNull() {
		return 1
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return 1 + len(v.AsString())/perStep
	case ty.IsListType() || ty.IsSetType() || ty.IsMapType() || ty.IsTupleType() || ty.IsObjectType():
		n := 1
		for it := v.ElementIterator(); it.Next() && n <= limit; {
			_, e := it.Element()
			n += valueSize(e, perStep, limit-n)
		}
		return n
	}
	return 1
}

// hugeNumber reports a known number beyond ±2^maxNumberBits.
func hugeNumber(v cty.Value) bool {
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
		return false
	}
	f := v.AsBigFloat()
	return !f.IsInf() && f.Sign() != 0 && f.MantExp(nil) > maxNumberBits
}

// chargedExpr wraps an expression whose result is charged to the
// budget: a for expression's collection (one step per element) or a
// template's part (one per byte). It embeds a ParenthesesExpr around the
// wrapped expression so that hclsyntax's walkers (Variables, VisitAll),
// which only a node of its own package can serve, see the wrapped
// expression as the child it is; only Value is its own.
type chargedExpr struct {
	*hclsyntax.ParenthesesExpr
}

func charged(e hclsyntax.Expression) *chargedExpr {
	return &chargedExpr{&hclsyntax.ParenthesesExpr{Expression: e, SrcRange: e.Range()}}
}

func (c *chargedExpr) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	v, diags := c.ParenthesesExpr.Value(ctx)
	if diags.HasErrors() {
		return v, diags
	}
	if err := chargeIn(ctx, valueCost(v, maxExprSteps)); err != nil {
		rng := c.Range()
		return cty.DynamicVal, append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Evaluation bound", Detail: err.Error(), Subject: &rng})
	}
	return v, diags
}

// boundFile prepares a parsed file for bounded evaluation: it wraps every
// for expression's collection and every template part in a chargedExpr,
// and replaces number literals beyond the bound with an unknown number,
// returning an error for each. Call it once, right after parsing and
// before the tree is shared.
func boundFile(f *hcl.File) hcl.Diagnostics {
	if f == nil {
		return nil
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	return boundNode(body)
}

func boundNode(n hclsyntax.Node) hcl.Diagnostics {
	var diags hcl.Diagnostics
	_ = hclsyntax.VisitAll(n, func(n hclsyntax.Node) hcl.Diagnostics {
		diags = append(diags, boundOne(n)...)
		return nil
	})
	return diags
}

// chargeParts wraps each of a template's parts but its literals (bounded
// by the source; IsStringLiteral looks for them) in a chargedExpr that
// wrap makes, once.
func chargeParts(parts []hclsyntax.Expression, wrap func(hclsyntax.Expression) *chargedExpr) {
	for i, p := range parts {
		_, done := p.(*chargedExpr)
		_, literal := p.(*hclsyntax.LiteralValueExpr)
		if !done && !literal {
			parts[i] = wrap(p)
		}
	}
}

// boundOne prepares one node.
func boundOne(n hclsyntax.Node) hcl.Diagnostics {
	switch e := n.(type) {
	case *hclsyntax.ForExpr:
		if _, done := e.CollExpr.(*chargedExpr); !done {
			e.CollExpr = charged(e.CollExpr)
		}
	case *hclsyntax.TemplateExpr:
		chargeParts(e.Parts, charged)
	case *hclsyntax.LiteralValueExpr:
		if hugeNumber(e.Val) {
			e.Val = cty.UnknownVal(cty.Number)
			return numberOutOfRange(e.SrcRange, fmt.Sprintf("a number beyond ±2^%d: no Fastly field holds it", maxNumberBits))
		}
	case *hclsyntax.ScopeTraversalExpr:
		return boundSteps(e.Traversal)
	case *hclsyntax.RelativeTraversalExpr:
		return boundSteps(e.Traversal)
	}
	return nil
}

// boundSteps replaces the number keys beyond the bound in a traversal's
// legacy index steps (var.map.1e9999999) with an unknown number, as
// boundOne does a literal's: looking such a key up in a map or an object
// converts it to a string of millions of digits (a six-line file took
// two minutes).
func boundSteps(steps hcl.Traversal) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for i, step := range steps {
		if ix, ok := step.(hcl.TraverseIndex); ok && hugeNumber(ix.Key) {
			steps[i] = hcl.TraverseIndex{Key: cty.UnknownVal(cty.Number), SrcRange: ix.SrcRange}
			diags = append(diags, numberOutOfRange(ix.SrcRange, fmt.Sprintf("an index beyond ±2^%d: no list is that long; to look up a map key written like a number, quote it (var.m[\"1e99\"])", maxNumberBits))...)
		}
	}
	return diags
}

// numberOutOfRange is the error of a number beyond ±2^maxNumberBits at
// rng, detail saying why it matters there.
func numberOutOfRange(rng hcl.Range, detail string) hcl.Diagnostics {
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Number out of range", Detail: detail, Subject: &rng}}
}

// parseHCL parses native syntax and bounds it (see boundFile): the plain
// subset with fastParse, the rest with hclsyntax.
func parseHCL(src []byte, name string, start hcl.Pos) (*hcl.File, hcl.Diagnostics) {
	f, _, diags := parseHCLRefs(src, name, start)
	return f, diags
}

// parseHCLRefs is parseHCL that also returns, when fastParse took the
// input, its references (fastParse); nil when hclsyntax parsed it.
func parseHCLRefs(src []byte, name string, start hcl.Pos) (*hcl.File, []ref, hcl.Diagnostics) {
	return parseHCLIn(nil, src, name, start)
}

// parseHCLIn is parseHCLRefs whose fast parse takes its nodes from a
// (when not nil: pieceArena).
func parseHCLIn(a *pieceArena, src []byte, name string, start hcl.Pos) (*hcl.File, []ref, hcl.Diagnostics) {
	if body, refs, ok := fastParse(src, name, start, a); ok {
		return &hcl.File{Body: body, Bytes: src}, refs, nil
	}
	f, diags := parseSlow(src, name, start)
	return f, nil, diags
}

// parseSlow parses native syntax with hclsyntax and bounds it: what
// fastParse does not take (TestFastParse compares the two).
func parseSlow(src []byte, name string, start hcl.Pos) (*hcl.File, hcl.Diagnostics) {
	f, diags := hclsyntax.ParseConfig(src, name, start)
	return f, append(diags, boundFile(f)...)
}

// boundedFuncs wraps every function so that its call and its result are
// charged to the budget, and refuses, before calling them, the calls whose
// result alone would be over it: range and setproduct.
func boundedFuncs(funcs map[string]function.Function, b *budget) map[string]function.Function {
	out := make(map[string]function.Function, len(funcs)+1)
	for name, f := range funcs {
		out[name] = boundedFunc(name, f, b)
	}
	out[budgetFuncName] = b.chargeFunc()
	return out
}

func boundedFunc(name string, f function.Function, b *budget) function.Function {
	spec := &function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type:        f.ReturnTypeForValues,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if n, ok := predictedSize(name, args); ok {
				if err := b.charge(n); err != nil {
					return cty.NilVal, err
				}
			}
			v, err := f.Call(args)
			if err != nil {
				return v, err
			}
			if hugeNumber(v) {
				return cty.NilVal, fmt.Errorf("%s returned a number beyond ±2^%d", name, maxNumberBits)
			}
			return v, b.charge(int64(valueCost(v, maxExprSteps)))
		},
	}
	return function.New(spec)
}

// predictedSize is the size of a call's result known before the call, for
// the functions whose result can be far larger than their arguments.
func predictedSize(name string, args []cty.Value) (int64, bool) {
	known := func(v cty.Value) bool { return v.IsKnown() && !v.IsNull() }
	switch name {
	case "range":
		for _, a := range args {
			if !known(a) || a.Type() != cty.Number {
				return 0, false
			}
		}
		start, step := big.NewFloat(0), big.NewFloat(1)
		var limit *big.Float
		switch len(args) {
		case 1:
			limit = args[0].AsBigFloat()
		case 2:
			start, limit = args[0].AsBigFloat(), args[1].AsBigFloat()
		case 3:
			start, limit, step = args[0].AsBigFloat(), args[1].AsBigFloat(), args[2].AsBigFloat()
		default:
			return 0, false
		}
		if step.Sign() == 0 {
			return 0, false
		}
		span := new(big.Float).Sub(limit, start)
		n, _ := new(big.Float).Quo(span, step).Float64()
		if n < 0 {
			n = -n
		}
		return int64(min(n, 1e18)), true
	case "setproduct":
		n := 1.0
		for _, a := range args {
			if !known(a) || !a.CanIterateElements() {
				return 0, false
			}
			n *= float64(a.LengthInt())
		}
		return int64(min(n*float64(len(args)), 1e18)), true
	}
	return 0, false
}
