package terraform

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unsafe"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/schema"
)

// evaluator evaluates one module instance.
type evaluator struct {
	l       *loader
	m       *module
	rootDir string
	prefix  string // address prefix: "" or "module.x."
	depth   int
	// arena, while a lazily read resource whose tree is in one is
	// evaluated, gives out its evaluated blocks too (evalBody).
	arena *pieceArena
	// localsObjects are the entries of lists of locals by their names
	// (localsOf); localNames and localsKey are room ctx reuses.
	localsObjects map[string]*localsEntry
	localNames    []string
	// ctxTypes and ctxRoots are room ctx reuses: the resources a
	// context refers to, by type and name, and the types it refers to.
	ctxTypes map[string]map[string]cty.Value
	ctxRoots []string
	// alone holds the object of one evaluated resource by name, by its
	// evaluation (typeObject).
	alone     map[*evaluated]cty.Value
	localsKey []byte
	// scope is the graph.Service.Scope of the module's services when a
	// module Terraform refuses (module.refused) calls it: the file of the
	// call. A refused module's own services are scoped to their files.
	scope  string
	vars   map[string]cty.Value
	varWhy map[string]string // why a variable is unknown
	// locals, resources (res) and children are filled in dependency
	// order; what an expression refers to before it is evaluated (only in
	// a cycle) is unknown.
	locals   map[string]cty.Value
	localWhy map[string]string // why a local is unknown, when not its expression's fault
	res      map[*resource]*evaluated
	// builtAt holds, by their place in the module's resources, what the
	// resources read lazily added to the graph, built as soon as they
	// were evaluated (built.compact; their evaluations are kept in res
	// only when another item refers to them: most are not).
	builtAt  []any
	children map[string]*evaluator
	// moduleValues are module calls with count or for_each as references
	// see them (a tuple, or an object by key).
	moduleValues map[string]cty.Value
	outputs      map[string]cty.Value
	outputWhy    map[string]string // why an output is unknown
	eachWhy      string            // why the for_each being expanded is not wholly known
	// static holds the context's variables that never change: var, path,
	// terraform and data.
	static map[string]cty.Value
	funcs  map[string]function.Function
	// staticCtx holds static, the parent of every context ctx makes.
	staticCtx *hcl.EvalContext
	// externals are data "external" working directories, by name.
	externals map[string]string
	fetch     *prefetch // parses lazily read resources ahead of evaluation
}

// evaluated is a resource's instances and, once something refers to it,
// its value.
type evaluated struct {
	insts []*instance
	// built is what the instances add to the graph, once built (a
	// streamed load builds at once, into evaluator.builtAt, and drops the
	// instances and their syntax trees).
	built *built
	keys  []string // for_each keys, or nil for count and single resources
	kind  int      // resSingle, resCount or resForEach
	val   cty.Value
}

const (
	resSingle = iota
	resCount
	resForEach
)

// instance is one instance of a modelled resource, evaluated.
type instance struct {
	r    *resource
	addr string // fastly_service_vcl.www[0]
	body *evalBlock
	// root is the root module's directory, where Terraform runs: a
	// relative package filename is relative to it.
	root string
	// scope names the module instance: its root and address prefix.
	scope string
	// externals are the module's data "external" working directories
	// (absolute), by name: see packagePath.
	externals map[string]string
}

// evalBlock is an evaluated block: its attributes and nested blocks.
type evalBlock struct {
	block *hcl.Block
	// raw is the block as parsed (static blocks only): the dynamic-block
	// expander wraps bodies, and spans and fixes need the source's.
	raw *hcl.Block
	// attrs are the block's attributes sorted by name (attr), blocks its
	// nested blocks sorted by type, each type's in order (nested): a map
	// of each a block, and an object an attribute, were a tenth of what a
	// Terraform load allocated.
	attrs  []evalAttr
	blocks []*evalBlock
	// static is false for blocks a dynamic block produced; index counts
	// the static blocks of the same type, for locating it in hclwrite.
	static bool
	index  int
}

type evalAttr struct {
	name string
	expr hcl.Expression
	val  cty.Value
	why  string // why the value is unknown
}

// nestedBlocks are the blocks chainlint reads inside each modelled
// resource type.
var nestedBlocks = map[string][]string{
	// custom_vcl: the next provider's README names the automatic
	// family's custom VCL block so (its generated pages say vcl).
	"fastly_service_vcl":     {"domain", "backend", "snippet", "dynamicsnippet", "vcl", "custom_vcl", "dictionary", "director", "condition", "header", "request_setting", "resource_link"},
	"fastly_service_compute": {"domain", "backend", "resource_link", "package", "dictionary"},
	// The next provider's explicit CDN service holds no versioned blocks
	// by design, but its own pages still show some: they are read the
	// same way, so none vanishes.
	"fastly_service_cdn": {"domain", "backend", "snippet", "dynamicsnippet", "vcl", "custom_vcl", "dictionary", "director", "condition", "header", "request_setting"},
}

// canonical maps a resource type to the one chainlint models it as:
// fastly_service_v1 is the provider's name for VCL services before 1.0
// (same blocks), still in many estates.
//
// Fastly's next provider (fastly/fastly-beta) renamed them in its
// automatic family, with the same nested blocks: fastly_service_cdn_auto
// and fastly_service_compute_auto (docs/guides/hcl_syntax_changes.md).
func canonical(typ string) string {
	switch typ {
	case "fastly_service_v1", "fastly_service_cdn_auto":
		return "fastly_service_vcl"
	case "fastly_service_compute_auto":
		return "fastly_service_compute"
	}
	return typ
}

// modelled reports the resource types chainlint evaluates: services,
// stores, versionless domains, the next provider's explicit family (its
// services, versioned objects and actions, see next.go) and
// terraform_data, which carries an action's inputs.
func modelled(typ string) bool {
	switch canonical(typ) {
	case "fastly_service_vcl", "fastly_service_compute", "fastly_kvstore", "fastly_configstore", "fastly_secretstore",
		"fastly_domain", "fastly_domain_service_link", "fastly_service_cdn", "terraform_data":
		return true
	}
	_, versioned := nextObjectKind(typ)
	return versioned || nextActions[typ]
}

const maxModuleDepth = 16

func (l *loader) newEvaluator(m *module, rootDir, prefix string, depth int, inputs map[string]cty.Value, inputWhy map[string]string, isRoot bool) *evaluator {
	e := &evaluator{l: l, m: m, rootDir: rootDir, prefix: prefix, depth: depth,
		vars: map[string]cty.Value{}, varWhy: map[string]string{}, locals: map[string]cty.Value{}, localWhy: map[string]string{},
		res: map[*resource]*evaluated{}, children: map[string]*evaluator{}, outputs: map[string]cty.Value{},
		outputWhy: map[string]string{}, moduleValues: map[string]cty.Value{}}
	var settings map[string]cty.Value
	if isRoot {
		settings = l.rootVarSettings(m.dir)
	}
	for name, v := range m.variables {
		switch {
		case inputs != nil && inputs[name] != cty.NilVal:
			e.vars[name] = inputs[name]
			if why := inputWhy[name]; why != "" {
				e.varWhy[name] = why
			}
		case settings[name] != cty.NilVal:
			e.vars[name] = settings[name]
		case v.hasDflt:
			val, diags := v.deflt.Value(nil)
			if diags.HasErrors() {
				val = cty.DynamicVal
			}
			e.vars[name] = val
		default:
			e.vars[name] = cty.DynamicVal
			where := "in terraform.tfvars, a *.auto.tfvars file, with --var or as TF_VAR_" + name
			if !isRoot {
				where = "by the module call"
			}
			e.varWhy[name] = fmt.Sprintf("variable %q has no value: give it a default, or set it %s", name, where)
		}
		e.vars[name] = typed(v, e.vars[name])
	}
	return e
}

// rootVarSettings reads TF_VAR_name, terraform.tfvars, *.auto.tfvars,
// --var-file and --var, in Terraform's order of precedence (later wins).
func (l *loader) rootVarSettings(dir string) map[string]cty.Value {
	out := map[string]cty.Value{}
	for n, v := range l.opts.EnvVars {
		out[n] = cty.StringVal(v)
	}
	files := []string{filepath.Join(dir, "terraform.tfvars")}
	autos, _ := filepath.Glob(filepath.Join(dir, "*.auto.tfvars"))
	sort.Strings(autos)
	files = append(files, autos...)
	files = append(files, l.opts.VarFiles...)
	if abs, err := filepath.Abs(dir); err == nil {
		files = append(files, l.opts.RootVarFiles[filepath.Clean(abs)]...)
	}
	for _, name := range files {
		src, err := l.readFile(name)
		if err != nil {
			continue
		}
		l.g.Files.Add(name, src)
		file, diags := l.parse(name, src)
		l.problems(diags)
		if file == nil {
			continue
		}
		attrs, _ := file.Body.JustAttributes()
		for n, a := range attrs {
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() {
				out[n] = v
			}
		}
	}
	for n, v := range l.opts.Vars {
		out[n] = cty.StringVal(v)
	}
	return out
}

// typed converts a variable's value to its type constraint, filling the
// attributes declared optional() with null or their default, as
// Terraform does; a value that does not convert stays as it is (Terraform
// would refuse it; chainlint reads what it can).
func typed(v *variable, val cty.Value) cty.Value {
	if v.typ == nil || val == cty.NilVal || !val.IsWhollyKnown() || val.IsNull() {
		return val
	}
	if v.defaults != nil {
		val = v.defaults.Apply(val)
	}
	out, err := convert.Convert(val, *v.typ)
	if err != nil {
		return val
	}
	return out
}

func objectOrEmpty(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}

// modulePath is path.module: the module's directory relative to the root
// module's, which is where Terraform runs and resolves relative paths.
func (e *evaluator) modulePath() string {
	rel, err := filepath.Rel(e.rootDir, e.m.dir)
	if err != nil {
		return e.m.dir
	}
	return filepath.ToSlash(rel)
}

// value evaluates an expression; an evaluation error (an unknown
// reference, a function chainlint lacks) gives an unknown value and the
// reason.
func (e *evaluator) value(expr hcl.Expression, ctx *hcl.EvalContext) (v cty.Value, why string) {
	defer func() {
		if r := recover(); r != nil {
			v, why = cty.DynamicVal, fmt.Sprintf("chainlint could not evaluate it (%v)", r)
		}
	}()
	if e.l.budget != nil {
		e.l.budget.expr = 0
	}
	v, diags, ok := fastValue(expr, ctx, e.l.budget)
	if !ok {
		v, diags = expr.Value(ctx)
	}
	if diags.HasErrors() {
		for _, d := range diags {
			// A file() or templatefile() that cannot be read, or may not be
			// (outside the project root), or a template that calls
			// templatefile (Terraform refuses it), is an error in the input.
			if d.Severity == hcl.DiagError && d.Summary == "Error in function call" && isInputError(d.Detail) {
				e.l.problems(hcl.Diagnostics{d})
			}
		}
		if b := e.l.budget; b != nil && b.expr > maxExprSteps {
			return cty.DynamicVal, "chainlint stopped evaluating it: " + b.exceeded
		}
		if why := e.undeclaredWhy(expr); why != "" {
			return cty.DynamicVal, why
		}
		return cty.DynamicVal, "it could not be evaluated: " + diagText(diags[0])
	}
	if valueSize(v, 1, maxValueBytes) > maxValueBytes {
		return cty.DynamicVal, fmt.Sprintf("chainlint stopped evaluating it: its value is over %d MB, chainlint's bound for untrusted input", maxValueBytes>>20)
	}
	if !v.IsWhollyKnown() {
		return v, e.unknownWhy(expr)
	}
	return v, ""
}

// undeclaredWhy explains an expression that failed to evaluate because
// it refers to an input variable or a local value the module does not
// declare, in Terraform's words ("Reference to undeclared input
// variable", "Reference to undeclared local value": terraform validate
// fails). It is "" when every var.NAME and local.NAME it refers to is
// declared. The declaration may be in a file of the module that was not
// given (chainlint main.tf), so the explanation says so and stays an
// explanation, not an error of its own.
func (e *evaluator) undeclaredWhy(expr hcl.Expression) string {
	for _, t := range expr.Variables() {
		name := attrName(t)
		if name == "" {
			continue
		}
		switch t.RootName() {
		case "var":
			if _, ok := e.m.variables[name]; !ok {
				return fmt.Sprintf("var.%s is not declared in this module (no variable %q block), which terraform validate refuses as a reference to an undeclared input variable: declare it, or lint the module's whole directory if its block is in a file not given", name, name)
			}
		case "local":
			if _, ok := e.m.locals[name]; !ok {
				return fmt.Sprintf("local.%s is not defined in this module (no locals block sets it), which terraform validate refuses as a reference to an undeclared local value: define it, or lint the module's whole directory if it is defined in a file not given", name)
			}
		}
	}
	return ""
}

// inputErrors mark the function errors that are errors in the input, not
// only values chainlint cannot know.
var inputErrors = []string{"outside the project root", "cannot read", "cannot recursively call templatefile", "is not a regular file"}

func isInputError(detail string) bool {
	for _, m := range inputErrors {
		if strings.Contains(detail, m) {
			return true
		}
	}
	return false
}

// unknownWhy explains an unknown value by what the expression refers to.
func (e *evaluator) unknownWhy(expr hcl.Expression) string {
	for _, t := range expr.Variables() {
		root := t.RootName()
		switch root {
		case "data":
			return fmt.Sprintf("it comes from the data source %s, read only at apply time", traversalText(t))
		case "var":
			if why := e.varWhy[attrName(t)]; why != "" {
				return why
			}
		case "module":
			if why := e.moduleOutputWhy(t); why != "" {
				return fmt.Sprintf("it comes from %s, %s", traversalText(t), why)
			}
			return fmt.Sprintf("it comes from %s, a module chainlint could not evaluate", traversalText(t))
		case "local":
			if why := e.localWhy[attrName(t)]; why != "" {
				return why
			}
		case "each":
			if e.eachWhy != "" {
				return e.eachWhy
			}
		case "path", "count", "terraform":
		default:
			if e.configured(t) {
				return fmt.Sprintf("it refers to %s, an argument of a resource type chainlint does not evaluate; lint a plan's terraform show -json, which holds its value", traversalText(t))
			}
			return fmt.Sprintf("it refers to %s, computed by the provider at apply time", traversalText(t))
		}
	}
	return "it depends on a value known only at apply time"
}

// configured reports a reference (TYPE.NAME[KEY].ATTR…) to an argument
// that a resource chainlint does not model sets in its configuration:
// Terraform knows it when it plans, chainlint does not evaluate it.
func (e *evaluator) configured(t hcl.Traversal) bool {
	names, _ := traversalSteps(t)
	p := e.m.planned
	if len(names) < 2 || p == nil {
		return false
	}
	r := p.byName.get(t.RootName(), names[0])
	if r == nil || r.block == nil || modelled(r.typ) {
		return false
	}
	body, ok := r.block.Body.(*hclsyntax.Body)
	return ok && body.Attributes[names[1]] != nil
}

// moduleOutputWhy explains why the module output t (module.NAME[KEY].OUTPUT)
// is unknown when chainlint evaluated the module: as the module's own
// expression for it says ("which refers to …"). It returns "" for a module
// it did not evaluate (not local, too deep, in a cycle) or an output with
// no reason of its own. An instance the reference does not name by a
// known key is explained by the first instance evaluated: instances share
// the module's expressions.
func (e *evaluator) moduleOutputWhy(t hcl.Traversal) string {
	names, key := traversalSteps(t)
	if len(names) < 2 {
		return ""
	}
	name, output := names[0], names[1]
	child := e.children[name+key]
	if child == nil {
		for _, k := range sortedNames(e.children) {
			if strings.HasPrefix(k, name+"[") {
				child = e.children[k]
				break
			}
		}
	}
	if child == nil {
		return ""
	}
	why := child.outputWhy[output]
	if rest, ok := strings.CutPrefix(why, "it "); ok {
		return "which " + rest
	}
	if why != "" {
		return "whose value is not known: " + why
	}
	return ""
}

// traversalSteps returns the attribute names after a traversal's root
// (module.a[1].out: a, out) and the instance key of a literal index right
// after the first of them ("[1]"; "" for none).
func traversalSteps(t hcl.Traversal) (names []string, key string) {
	for _, step := range t[1:] {
		switch s := step.(type) {
		case hcl.TraverseAttr:
			names = append(names, s.Name)
		case hcl.TraverseIndex:
			if len(names) == 1 && key == "" {
				key = instanceKey(s.Key)
			}
		}
	}
	return names, key
}

// instanceKey is how evalCall names the instance an index selects, and
// how a message shows a literal index: [0] under count, ["key"] under
// for_each; "" for a key it cannot name.
func instanceKey(k cty.Value) string {
	if !k.IsKnown() || k.IsNull() {
		return ""
	}
	switch k.Type() {
	case cty.Number:
		if i, ok := knownBigInt(k); ok {
			return fmt.Sprintf("[%d]", i)
		}
	case cty.String:
		return fmt.Sprintf("[%q]", k.AsString())
	}
	return ""
}

func traversalText(t hcl.Traversal) string {
	var b strings.Builder
	for i, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			if k := instanceKey(s.Key); k != "" {
				b.WriteString(k) // a literal index, as written
			} else {
				b.WriteString("[…]")
			}
		default:
			if i > 0 {
				b.WriteString("…")
			}
		}
	}
	return b.String()
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// maxInstances bounds the instances of one resource chainlint analyses.
const maxInstances = 10000

// knownBigInt returns a known whole number as an int64, if it is one.
func knownBigInt(v cty.Value) (int64, bool) {
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
		return 0, false
	}
	i, acc := v.AsBigFloat().Int64()
	return i, acc == 0
}

// capped notes, at rng, that a bound cut the analysis short.
func (l *loader) capped(rng hcl.Range, msg string) {
	p := l.pos(rng, false)
	key := fmt.Sprintf("%d %s", p, msg)
	if l.seenProblem[key] {
		return
	}
	l.seenProblem[key] = true
	l.g.Notes = append(l.g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: p, End: l.pos(rng, true), Message: msg})
}

func knownInt(v cty.Value) (int, bool) {
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
		return 0, false
	}
	bf := v.AsBigFloat()
	i, acc := bf.Int64()
	if acc != 0 || i < 0 || i > maxInstances {
		return 0, false
	}
	return int(i), true
}

// readAttributes are the provider attributes chainlint reads, in any
// modelled block: every Fastly object field the schema names (package
// schema), and the attributes of services, stores and the next
// provider's resources and actions that the loader reads itself. They
// are read through a schema (not JustAttributes) so that a block a
// dynamic block generated sees its iterator.
var readAttributes = append(schema.Names(schema.Terraform),
	"hostname", "fqdn", "service_id", "domain_id", "filename", "source_code_hash",
	"version", "stage", "input", // the next provider's versioned objects and actions; stage; terraform_data
	"activate",
)

// bodyContent returns what PartialContent(schema) would of a body
// evalBody reads: the attributes and nested blocks schema names (schemas
// [typ]). A body as parsed (not one a dynamic block expanded) is read
// directly: hclsyntax's PartialContent makes four maps and looks up every
// attribute the schema names (some sixty) for each block, a twentieth of a
// Terraform run. Nested blocks take no labels here, and a block with labels
// is left out, as PartialContent leaves it out (with a diagnostic no one
// reads).
//
// The lists, and the blocks as hcl.Blocks, come from a when a is not nil.
func bodyContent(body hcl.Body, typ string, schema *hcl.BodySchema, a *pieceArena) ([]evalAttr, hcl.Blocks) {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		content, _, _ := body.PartialContent(schema)
		if content == nil {
			return nil, nil
		}
		attrs := make([]evalAttr, 0, len(content.Attributes))
		for n, a := range content.Attributes {
			attrs = append(attrs, evalAttr{name: n, expr: a.Expr})
		}
		return attrs, content.Blocks
	}
	n := 0
	for name := range sb.Attributes {
		if readAttributeSet[name] {
			n++
		}
	}
	var attrs []evalAttr
	if n > 0 {
		attrs = a.evalAttrList(n)
		for name, at := range sb.Attributes {
			if readAttributeSet[name] {
				attrs = append(attrs, evalAttr{name: name, expr: at.Expr})
			}
		}
	}
	wanted := nestedBlockSet[typ]
	nb := 0
	for _, b := range sb.Blocks {
		if wanted[b.Type] && len(b.Labels) == 0 {
			nb++
		}
	}
	if nb == 0 {
		return attrs, nil
	}
	blocks := a.hclBlockList(nb)
	for _, b := range sb.Blocks {
		if wanted[b.Type] && len(b.Labels) == 0 {
			blocks = append(blocks, a.hclBlock(b))
		}
	}
	return attrs, blocks
}

// readAttributeSet and nestedBlockSet are readAttributes and nestedBlocks
// as sets, for bodyContent.
var readAttributeSet, nestedBlockSet = func() (map[string]bool, map[string]map[string]bool) {
	attrs := map[string]bool{}
	for _, a := range readAttributes {
		attrs[a] = true
	}
	blocks := map[string]map[string]bool{}
	for typ, nested := range nestedBlocks {
		blocks[typ] = map[string]bool{}
		for _, n := range nested {
			blocks[typ][n] = true
		}
	}
	return attrs, blocks
}()

// schemas are the body schemas evalBody reads with, by resource type;
// "" is a nested block's (attributes only). blockSchemas are the nested
// blocks alone.
var schemas, blockSchemas = func() (map[string]*hcl.BodySchema, map[string]*hcl.BodySchema) {
	var attrs []hcl.AttributeSchema
	for _, a := range readAttributes {
		attrs = append(attrs, hcl.AttributeSchema{Name: a})
	}
	full := map[string]*hcl.BodySchema{"": {Attributes: attrs}}
	blocks := map[string]*hcl.BodySchema{"": {}}
	for typ, nested := range nestedBlocks {
		var bs []hcl.BlockHeaderSchema
		for _, n := range nested {
			bs = append(bs, hcl.BlockHeaderSchema{Type: n})
		}
		full[typ] = &hcl.BodySchema{Attributes: attrs, Blocks: bs}
		blocks[typ] = &hcl.BodySchema{Blocks: bs}
	}
	return full, blocks
}()

// evalBody evaluates a block of a resource type (typ) or, with typ "", a
// block nested in one. dynamic says the block may hold dynamic blocks.
func (e *evaluator) evalBody(b *hcl.Block, typ string, dynamic bool, ctx *hcl.EvalContext) *evalBlock {
	eb := e.arena.evalBlock()
	eb.block, eb.static = b, true
	typ = canonical(typ)
	schema, ok := schemas[typ]
	if !ok { // a store: no nested blocks
		schema, typ = schemas[""], ""
	}
	// Only a resource's own body is expanded: the blocks a dynamic block
	// generates carry their iterator (backend.key) in their expressions,
	// and expanding them again would drop it. Static blocks are told from
	// generated ones by their ranges.
	body := b.Body
	var staticRanges map[hcl.Range]int
	var rawBlocks map[hcl.Range]*hcl.Block
	if typ != "" && dynamic {
		staticRanges, rawBlocks = map[hcl.Range]int{}, map[hcl.Range]*hcl.Block{}
		if content, _, _ := b.Body.PartialContent(blockSchemas[typ]); content != nil {
			counts := map[string]int{}
			for _, nb := range content.Blocks {
				staticRanges[nb.DefRange] = counts[nb.Type]
				rawBlocks[nb.DefRange] = nb
				counts[nb.Type]++
			}
		}
		body = dynblock.Expand(b.Body, ctx)
	}
	a := e.arena
	if staticRanges != nil {
		a = nil // dynblock's bodies are not hclsyntax's
	}
	attrs, blocks := bodyContent(body, typ, schema, a)
	// counts numbers the blocks of each type: a body has blocks of a few
	// types (its schema's), counted on the stack (a map a body was 3.2 MB
	// at 16,000 services).
	var countsRoom [16]typeCount
	counts := countsRoom[:0]
	if len(blocks) > 0 {
		eb.blocks = e.arena.evalBlockList(len(blocks))
	}
	for _, nb := range blocks {
		child := e.evalBody(nb, "", false, ctx)
		if staticRanges == nil { // no dynamic blocks: every block is static
			k := 0
			for k < len(counts) && counts[k].typ != nb.Type {
				k++
			}
			if k == len(counts) {
				counts = append(counts, typeCount{typ: nb.Type})
			}
			child.index, child.raw = counts[k].n, nb
			counts[k].n++
		} else if index, ok := staticRanges[nb.DefRange]; ok {
			child.index, child.raw = index, rawBlocks[nb.DefRange]
		} else {
			child.static = false
		}
		eb.blocks = append(eb.blocks, child)
	}
	slices.SortStableFunc(eb.blocks, func(a, b *evalBlock) int { return strings.Compare(a.block.Type, b.block.Type) })
	eb.attrs = attrs
	for i := range eb.attrs {
		a := &eb.attrs[i]
		a.val, a.why = e.value(a.expr, ctx)
	}
	slices.SortStableFunc(eb.attrs, func(a, b evalAttr) int { return strings.Compare(a.name, b.name) })
	return eb
}

// typeCount counts a body's blocks of one type.
type typeCount struct {
	typ string
	n   int
}

// attr returns the block's attribute name, or nil.
func (b *evalBlock) attr(name string) *evalAttr {
	i, found := slices.BinarySearchFunc(b.attrs, name, func(a evalAttr, name string) int { return strings.Compare(a.name, name) })
	if !found {
		return nil
	}
	return &b.attrs[i]
}

// nested returns the block's nested blocks of type typ, in order.
func (b *evalBlock) nested(typ string) []*evalBlock {
	i, _ := slices.BinarySearchFunc(b.blocks, typ, func(nb *evalBlock, typ string) int { return strings.Compare(nb.block.Type, typ) })
	j := i
	for j < len(b.blocks) && b.blocks[j].block.Type == typ {
		j++
	}
	return b.blocks[i:j:j]
}

// value is the instance as other expressions see it: its attributes, its
// nested blocks as lists, and a stand-in id (the provider computes the
// real one) that lets references between resources be followed.
func (i *instance) value() cty.Value {
	v := i.body.value()
	m := v.AsValueMap()
	if m == nil {
		m = map[string]cty.Value{}
	}
	m["id"] = cty.StringVal(syntheticID(i.addr))
	if i.r.typ == "terraform_data" { // its output is its input, as Terraform stores it
		if in, ok := m["input"]; ok {
			m["output"] = in
		} else {
			m["output"] = cty.NullVal(cty.DynamicPseudoType)
		}
	}
	return cty.ObjectVal(m)
}

func (b *evalBlock) value() cty.Value {
	m := map[string]cty.Value{}
	for _, a := range b.attrs {
		m[a.name] = a.val
	}
	for rest := b.blocks; len(rest) > 0; {
		typ := rest[0].block.Type
		bs := b.nested(typ)
		vals := make([]cty.Value, len(bs))
		for i, nb := range bs {
			vals[i] = nb.value()
		}
		m[typ] = cty.TupleVal(vals)
		rest = rest[len(bs):]
	}
	return objectOrEmpty(m)
}

// syntheticID stands for the ID the provider assigns a resource. It lets
// resource_id and service_id references be followed; anywhere else the
// value is unknown, as the real ID is until apply.
func syntheticID(addr string) string { return idPrefix + addr }

const idPrefix = "terraform-id:"

// fileHashPrefix starts the stand-in for a file's hash (filesha512(…),
// data.fastly_package_hash's hash): the file's absolute path, so that a
// fastly_service_compute's package { source_code_hash } names the package
// it deploys even when filename is not a plain string. A stand-in reads as
// unknown anywhere else, like a stand-in ID.
const fileHashPrefix = idPrefix + "file-hash:"

// fileHashFunc stands in for Terraform's file hash functions: it never
// reads the file (a built package is usually not in the repository).
func fileHashFunc(moduleDir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(fileHashPrefix + absPath(moduleDir, args[0].AsString())), nil
		},
	})
}

// absPath resolves path as Terraform does, relative to dir (where it
// runs), through symbolic links as far as they exist.
func absPath(dir, path string) string {
	if !filepath.IsAbs(path) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
		path = filepath.Join(dir, path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	return abs
}

// isSynthetic reports a value that holds a stand-in ID.
func isSynthetic(v cty.Value) bool {
	return v.IsKnown() && !v.IsNull() && v.Type() == cty.String && strings.HasPrefix(v.AsString(), idPrefix)
}

// functions is Terraform's function library as far as chainlint needs
// it; file() and templatefile() read through the loader, relative to the
// root module's directory (where Terraform runs) and confined to the
// project root. Functions chainlint lacks make a value unknown. The
// library is made once a directory, for every module instance evaluated
// there: made for each, it was 20 KB an instance (8,000 instances of a
// module held 157 MB of function tables).
func (l *loader) functions(moduleDir string) map[string]function.Function {
	l.funcsMu.Lock()
	defer l.funcsMu.Unlock()
	if f, ok := l.funcs[moduleDir]; ok {
		return f
	}
	if l.funcs == nil {
		l.funcs = map[string]map[string]function.Function{}
	}
	f := l.newFunctions(moduleDir)
	l.funcs[moduleDir] = f
	return f
}

// newFunctions makes the function library for moduleDir (functions).
func (l *loader) newFunctions(moduleDir string) map[string]function.Function {
	f := map[string]function.Function{
		"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "chomp": stdlib.ChompFunc, "coalesce": stdlib.CoalesceFunc,
		"coalescelist": stdlib.CoalesceListFunc, "compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc,
		"contains": stdlib.ContainsFunc, "csvdecode": stdlib.CSVDecodeFunc, "distinct": stdlib.DistinctFunc,
		"element": stdlib.ElementFunc, "flatten": stdlib.FlattenFunc, "floor": stdlib.FloorFunc, "format": stdlib.FormatFunc,
		"formatdate": stdlib.FormatDateFunc, "formatlist": stdlib.FormatListFunc, "indent": stdlib.IndentFunc,
		"index": stdlib.IndexFunc, "join": stdlib.JoinFunc, "jsondecode": stdlib.JSONDecodeFunc, "jsonencode": stdlib.JSONEncodeFunc,
		"keys": stdlib.KeysFunc, "length": stdlib.LengthFunc, "log": stdlib.LogFunc, "lookup": stdlib.LookupFunc,
		"lower": stdlib.LowerFunc, "max": stdlib.MaxFunc, "merge": stdlib.MergeFunc, "min": stdlib.MinFunc,
		"parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc, "range": stdlib.RangeFunc, "regex": stdlib.RegexFunc,
		"regexall": stdlib.RegexAllFunc, "replace": stdlib.ReplaceFunc, "reverse": stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc, "setproduct": stdlib.SetProductFunc, "setsubtract": stdlib.SetSubtractFunc,
		"setunion": stdlib.SetUnionFunc, "signum": stdlib.SignumFunc, "slice": stdlib.SliceFunc, "sort": stdlib.SortFunc,
		"split": stdlib.SplitFunc, "strrev": stdlib.ReverseFunc, "substr": stdlib.SubstrFunc, "timeadd": stdlib.TimeAddFunc,
		"title": stdlib.TitleFunc, "trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc, "trimspace": stdlib.TrimSpaceFunc,
		"trimsuffix": stdlib.TrimSuffixFunc, "upper": stdlib.UpperFunc, "values": stdlib.ValuesFunc, "zipmap": stdlib.ZipmapFunc,
		"tostring": stdlib.MakeToFunc(cty.String), "tonumber": stdlib.MakeToFunc(cty.Number), "tobool": stdlib.MakeToFunc(cty.Bool),
		"tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)), "toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"try":   tryfunc.TryFunc, "can": tryfunc.CanFunc,
		"one": oneFunc, "base64encode": base64EncodeFunc, "base64decode": base64DecodeFunc,
		// Terraform's own YAML functions (go-cty-yaml, as Terraform uses):
		// estates keep their services in YAML files (govuk-fastly).
		"yamldecode": ctyyaml.YAMLDecodeFunc, "yamlencode": ctyyaml.YAMLEncodeFunc,
	}
	f["file"] = l.fileFunc(moduleDir)
	for _, name := range []string{"filemd5", "filesha1", "filesha256", "filesha512", "filebase64sha256", "filebase64sha512"} {
		f[name] = fileHashFunc(moduleDir)
	}
	f["fileexists"] = l.fileExistsFunc(moduleDir)
	if l.budget == nil {
		l.budget = &budget{}
	}
	bounded := boundedFuncs(f, l.budget)
	bounded["templatefile"] = boundedFunc("templatefile", l.templateFileFunc(moduleDir, bounded), l.budget)
	return bounded
}

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   func([]cty.Value) (cty.Type, error) { return cty.DynamicPseudoType, nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.IsKnown() {
			return cty.DynamicVal, nil
		}
		if !v.CanIterateElements() {
			return cty.NilVal, fmt.Errorf("one() wants a list or set")
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(cty.DynamicPseudoType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NilVal, fmt.Errorf("one() got %d elements", v.LengthInt())
	},
})

var base64EncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.StringVal(base64.StdEncoding.EncodeToString([]byte(args[0].AsString()))), nil
	},
})

var base64DecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		b, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(string(b)), nil
	},
})

// confined resolves a path file() names, refusing one outside the
// project root and every local module directory Terraform loads from it
// (after resolving symlinks): a module's own files (file("${path.module}/
// vcl/main.vcl") in ../modules/service) are read, nothing beyond them.
func (l *loader) confined(moduleDir, path string) (string, error) {
	if !filepath.IsAbs(path) {
		path = filepath.Join(moduleDir, path)
	}
	if l.opts.AllowOutsideRoot || l.opts.Root == "" {
		return path, nil
	}
	absPath := l.realPath(path)
	if safefile.Within(l.realDir(l.opts.Root), absPath) {
		return path, nil
	}
	for dir := range l.modules {
		if safefile.Within(l.realDir(dir), absPath) {
			return path, nil
		}
	}
	return "", fmt.Errorf("%s is outside the project root %s and its local modules (use --allow-outside-root to read it)", path, l.opts.Root)
}

// realDir returns the absolute path of dir with its symlinks resolved
// (dir cleaned when it cannot be resolved). It is kept: a load resolves
// the same few directories for every file() call (1,500 calls at 16,000
// services made 20,000 lstat calls, 2 % of the run).
func (l *loader) realDir(dir string) string {
	l.realMu.Lock()
	defer l.realMu.Unlock()
	if real, ok := l.realDirs[dir]; ok {
		return real
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		real = filepath.Clean(dir)
	}
	real, _ = filepath.Abs(real)
	if l.realDirs == nil {
		l.realDirs = map[string]string{}
	}
	l.realDirs[dir] = real
	return real
}

// realPath returns the absolute path of path with its symlinks resolved,
// as filepath.EvalSymlinks does (path cleaned when it cannot be
// resolved): its directory as realDir resolves it, then its last element
// unless that is itself a symlink. A path that is not clean is resolved
// whole: EvalSymlinks reads ".." after a symlink in the link's target.
func (l *loader) realPath(path string) string {
	if path == filepath.Clean(path) {
		dir, base := filepath.Split(path)
		if st, err := os.Lstat(path); base != "" && dir != "" && (err != nil || st.Mode()&os.ModeSymlink == 0) {
			return filepath.Join(l.realDir(filepath.Clean(dir)), base)
		}
	}
	resolved, err := filepath.EvalSymlinks(path)
	if err != nil {
		resolved = filepath.Clean(path)
	}
	abs, _ := filepath.Abs(resolved)
	return abs
}

// installedDirs hold what a dependency manager or a build writes.
var installedDirs = map[string]bool{"node_modules": true, "vendor": true, ".terraform": true, "build": true, "dist": true, "target": true, "pkg": true, "bin": true, "out": true}

// installedDir names the first directory of path that a dependency
// manager or a build fills ("" if none).
func installedDir(path string) string {
	for _, part := range strings.Split(filepath.ToSlash(filepath.Dir(path)), "/") {
		if installedDirs[part] {
			return part
		}
	}
	return ""
}

// load reads a file file() or templatefile() names and registers it, so
// that VCL read from it is positioned in it.
func (l *loader) load(moduleDir, path string) (*graph.File, error) {
	p, err := l.confined(moduleDir, path)
	if err != nil {
		return nil, err
	}
	if f := l.g.Files.Get(p); f != nil {
		l.read.add(p, f) // found by the walk too: VCL from it is positioned in it
		return f, nil
	}
	src, err := l.readFile(p)
	if err != nil {
		if dir := installedDir(p); dir != "" && errors.Is(err, fs.ErrNotExist) {
			// Not an error in the input: a dependency or build step puts
			// it there before Terraform runs (npm install, a build).
			return nil, fmt.Errorf("%s does not exist here: it lies under %s/, which is installed or built before Terraform runs, so its content is unknown to chainlint", path, dir)
		}
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	f := l.g.Files.Add(p, src)
	l.read.add(p, f)
	return f, nil
}

func (l *loader) fileFunc(moduleDir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			f, err := l.load(moduleDir, args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(l.contentString(f)), nil
		},
	})
}

// contentString is a file's content as a string that shares its memory:
// the snippet or VCL a service reads from it holds the string to the end
// of the run, and a copy held every file file() read twice (16,000
// services: 1.8 MB of 50 live). A file's bytes are never written once
// read (graph.Files; the language server's buffers are copied on every
// change), and a released file drops its slice, not its bytes. Memory
// outside the heap that the load gives back (a .tf file, Options.Mapped)
// is copied.
func (l *loader) contentString(f *graph.File) string {
	if len(f.Content) == 0 {
		return ""
	}
	if l.opts.Mapped != nil && l.opts.Mapped(f.Name, f.Content) != nil {
		return string(f.Content)
	}
	return unsafe.String(unsafe.SliceData(f.Content), len(f.Content))
}

// fileExistsFunc answers, as Terraform does, relative to the module's
// directory, but only within the project root (an answer about a path
// outside it would leak what exists there) and only by a Stat: it never
// reads, so a device or a FIFO cannot hang or exhaust it. Like Terraform,
// it answers false for what does not exist and fails for what is not a
// regular file.
func (l *loader) fileExistsFunc(moduleDir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p, err := l.confined(moduleDir, args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			st, err := os.Stat(p)
			switch {
			case err != nil:
				return cty.False, nil //nolint:nilerr // what does not exist is false, as in Terraform
			case !st.Mode().IsRegular():
				return cty.NilVal, fmt.Errorf("%s is not a regular file", args[0].AsString())
			}
			return cty.True, nil
		},
	})
}

// noNestedTemplateFunc stands for templatefile inside a template, with
// Terraform's own message.
var noNestedTemplateFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.NilVal, errors.New("cannot recursively call templatefile from inside templatefile call")
	},
})

func (l *loader) templateFileFunc(moduleDir string, funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			f, err := l.load(moduleDir, args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			expr, diags := hclsyntax.ParseTemplate(f.Content, f.Name, hcl.Pos{Line: 1, Column: 1})
			if diags.HasErrors() {
				return cty.NilVal, diags
			}
			if diags := boundNode(expr); diags.HasErrors() {
				return cty.NilVal, diags
			}
			vars := map[string]cty.Value{}
			if v := args[1]; v.IsKnown() && !v.IsNull() && v.CanIterateElements() {
				for it := v.ElementIterator(); it.Next(); {
					k, val := it.Element()
					if k.Type() == cty.String {
						vars[k.AsString()] = val
					}
				}
			}
			// Terraform refuses templatefile inside a template: a template
			// that renders itself would recurse without end.
			inner := make(map[string]function.Function, len(funcs))
			for name, fn := range funcs {
				inner[name] = fn
			}
			inner["templatefile"] = noNestedTemplateFunc
			ctx := &hcl.EvalContext{Variables: vars, Functions: inner}
			if te, ok := expr.(*hclsyntax.TemplateExpr); ok {
				if out, runs, ok := renderTemplate(f, te, ctx); ok {
					l.keepRendered(f, out, runs) // VCL from it is positioned in the template
					return cty.StringVal(out), nil
				}
			}
			out, diags := expr.Value(ctx)
			if diags.HasErrors() {
				return cty.NilVal, diags
			}
			return out, nil
		},
	})
}
