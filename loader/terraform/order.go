package terraform

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/chainlint/chainlint/internal/scc"
)

// A module is evaluated as Terraform plans it: every local, modelled
// resource, module call and output once, after what it refers to. Each
// expression is evaluated in a context holding only what it refers to, so
// that a module of thousands of resources costs time linear in its size.

type itemKind int32

const (
	localItem itemKind = iota
	resourceItem
	callItem
	outputItem
)

// item is one thing a module evaluates.
type item struct {
	kind itemKind
	// index is a resource's place in its module's resources.
	index int32
	name  string         // a local's, a call's or an output's name
	expr  hcl.Expression // a local's or an output's value
	res   *resource
	call  *moduleCall
	// refs are the references of everything the item evaluates (for a
	// resource parsed lazily, a lexical superset).
	refs []ref
	// referenced reports that another item may refer to this one; cyclic,
	// that the item is in a cycle (and evaluated twice).
	referenced, cyclic bool
}

// plan is a module's items and the order to evaluate them in. A module is
// planned once however many times it is called.
type plan struct {
	items []item
	// order is the items' strongly connected components under "refers
	// to", what is referred to first; cyclic marks components that refer
	// to themselves (Terraform refuses them; chainlint evaluates what it
	// can).
	order  [][]int
	cyclic []bool
	// byName finds resources by type and name, for resolving references.
	byName resourceIndex
}

// resourceIndex finds a module's resources by type and name: each type's
// resources sorted by name, searched by halves. (A map of each type's
// resources by name held 41 bytes a resource until the evaluation ended;
// these lists hold 8.)
type resourceIndex map[string][]*resource

// newResourceIndex indexes resources; of two with one address (Terraform
// refuses them) the last declared is found.
func newResourceIndex(resources []*resource) resourceIndex {
	ix := resourceIndex{}
	for _, r := range resources {
		ix[r.typ] = append(ix[r.typ], r)
	}
	for _, list := range ix {
		slices.SortStableFunc(list, func(a, b *resource) int { return strings.Compare(a.name, b.name) })
	}
	return ix
}

// get returns the resource typ.name, or nil.
func (ix resourceIndex) get(typ, name string) *resource {
	list := ix[typ]
	i, found := slices.BinarySearchFunc(list, name, func(r *resource, name string) int { return strings.Compare(r.name, name) })
	if !found {
		return nil
	}
	for i+1 < len(list) && list[i+1].name == name {
		i++ // the last declared
	}
	return list[i]
}

// declares reports whether the module declares a resource of type typ.
func (ix resourceIndex) declares(typ string) bool { return len(ix[typ]) > 0 }

// callAttrSkip are a module call's meta-arguments, not inputs.
var callAttrSkip = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

func (m *module) plan() *plan {
	if m.planned != nil {
		return m.planned
	}
	// The items' room at once: growing them by doubling was a third of
	// what planning 17,600 resources allocated.
	p := &plan{byName: newResourceIndex(m.resources), items: make([]item, 0, len(m.locals)+len(m.resources)+len(m.calls)+len(m.outputs))}
	locals, calls, resources := map[string]int{}, map[string]int{}, make(map[*resource]int, len(m.resources))
	for _, n := range sortedNames(m.locals) {
		locals[n] = len(p.items)
		expr := m.locals[n].Expr
		p.items = append(p.items, item{kind: localItem, name: n, expr: expr, refs: refsOf(expr.Variables())})
	}
	for k, r := range m.resources {
		if !modelled(r.typ) {
			continue
		}
		resources[r] = len(p.items)
		if r.src != nil {
			p.items = append(p.items, item{kind: resourceItem, index: int32(k), res: r, refs: r.src.refs})
		} else {
			p.items = append(p.items, item{kind: resourceItem, index: int32(k), res: r, refs: refsOf(bodyRefs(r.block.Body))})
		}
	}
	for _, c := range m.calls {
		calls[c.name] = len(p.items)
		var refs []hcl.Traversal
		for _, n := range sortedNames(c.attrs) {
			if !callAttrSkip[n] || n == "for_each" || n == "count" {
				refs = append(refs, c.attrs[n].Expr.Variables()...)
			}
		}
		p.items = append(p.items, item{kind: callItem, name: c.name, call: c, refs: refsOf(refs)})
	}
	for _, n := range sortedNames(m.outputs) {
		expr := m.outputs[n].Expr
		p.items = append(p.items, item{kind: outputItem, name: n, expr: expr, refs: refsOf(expr.Variables())})
	}
	adj := make([][]int, len(p.items))
	for i, it := range p.items {
		for _, t := range it.refs {
			name := t.name
			var j int
			var ok bool
			switch root := t.root; root {
			case "local":
				j, ok = locals[name]
			case "module":
				j, ok = calls[name]
			default:
				if r := p.byName.get(root, name); r != nil {
					j, ok = resources[r]
				}
			}
			if ok {
				adj[i] = append(adj[i], j)
				p.items[j].referenced = true
			}
		}
	}
	p.order = scc.Components(adj)
	for _, comp := range p.order {
		cyclic := scc.Cyclic(adj, comp)
		p.cyclic = append(p.cyclic, cyclic)
		for _, i := range comp {
			p.items[i].cyclic = cyclic
		}
	}
	m.planned = p
	return p
}

// attrName is the name a reference's second step selects (local.NAME,
// module.NAME, TYPE.NAME), or "".
// ref is what a reference names for ordering and evaluation contexts:
// its root (local, module, a resource type) and the attribute after it.
// A lazily read resource's refs share the file's text.
type ref struct{ root, name string }

// refsOf gives traversals' roots and first attributes.
func refsOf(ts []hcl.Traversal) []ref {
	out := make([]ref, len(ts))
	for i, t := range ts {
		out[i] = ref{t.RootName(), attrName(t)}
	}
	return out
}

func attrName(t hcl.Traversal) string {
	if len(t) > 1 {
		if a, ok := t[1].(hcl.TraverseAttr); ok {
			return a.Name
		}
	}
	return ""
}

// bodyRefs collects every reference in a body, nested blocks, dynamic
// blocks and meta-arguments included: more than evaluation reads, never
// less.
func bodyRefs(body hcl.Body) []hcl.Traversal {
	if b, ok := body.(*hclsyntax.Body); ok {
		var out []hcl.Traversal
		var walk func(b *hclsyntax.Body)
		walk = func(b *hclsyntax.Body) {
			for _, a := range b.Attributes {
				out = append(out, a.Expr.Variables()...)
			}
			for _, nb := range b.Blocks {
				walk(nb.Body)
			}
		}
		walk(b)
		return out
	}
	// HCL-JSON: every property reads as an attribute, and an object's
	// Variables include its members'.
	attrs, _ := body.JustAttributes()
	var out []hcl.Traversal
	for _, n := range sortedNames(attrs) {
		out = append(out, attrs[n].Expr.Variables()...)
	}
	return out
}

// run evaluates the module in dependency order. The members of a cycle
// are evaluated twice, so that each sees what the others gave the first
// time; a local in a cycle stays unknown.
func (e *evaluator) run() {
	p := e.m.plan()
	e.static = map[string]cty.Value{
		"var":       objectOrEmpty(e.vars),
		"path":      cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(e.modulePath()), "root": cty.StringVal("."), "cwd": cty.StringVal(".")}),
		"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")}),
	}
	e.funcs = e.l.functions(e.rootDir)
	data := map[string]cty.Value{}
	for typ, names := range e.m.data {
		byName := map[string]cty.Value{}
		for n := range names {
			byName[n] = cty.DynamicVal
			switch typ {
			case "template_file":
				byName[n] = e.templateFile(e.m.templates[n])
			case "fastly_package_hash":
				byName[n] = e.packageHash(e.m.packageHashes[n])
			case "external":
				e.external(n, e.m.externals[n])
			}
		}
		data[typ] = cty.ObjectVal(byName)
	}
	e.static["data"] = objectOrEmpty(data)
	e.staticCtx = &hcl.EvalContext{Variables: e.static, Functions: e.funcs}
	var lazy []*resource
	for k, comp := range p.order {
		for _, i := range comp {
			if r := p.items[i].res; r != nil && r.src != nil && !p.cyclic[k] {
				lazy = append(lazy, r)
			}
		}
	}
	if len(lazy) > 0 {
		e.fetch = newPrefetch(lazy)
		defer e.fetch.stop()
	}
	for k, comp := range p.order {
		passes := 1
		if p.cyclic[k] {
			passes = 2
		}
		for range passes {
			for _, i := range comp {
				it := &p.items[i]
				if p.cyclic[k] && it.kind == localItem {
					e.setLocal(it.name, cty.DynamicVal)
					e.localWhy[it.name] = cycleWhy(p, comp, i)
					continue
				}
				e.evalItem(p, it)
			}
		}
	}
}

// cycleWhy explains why item i of the cycle comp stays unknown, naming
// what it refers around to.
func cycleWhy(p *plan, comp []int, i int) string {
	var others []string
	for _, j := range comp {
		if j != i {
			others = append(others, p.items[j].label())
		}
	}
	self := p.items[i].label()
	if len(others) == 0 {
		return fmt.Sprintf("%s refers to itself, which Terraform refuses: remove the reference", self)
	}
	return fmt.Sprintf("%s and %s refer to each other in a cycle, which Terraform refuses: remove one of the references", self, strings.Join(others, ", "))
}

// label names an item as Terraform addresses it.
func (it *item) label() string {
	switch it.kind {
	case localItem:
		return "local." + it.name
	case resourceItem:
		return it.res.typ + "." + it.res.name
	case callItem:
		return "module." + it.name
	}
	return "output." + it.name
}

// templateFile renders a data "template_file" (the older template
// provider) as templatefile() would, when its template and vars depend only
// on variables, paths and functions; else its value is unknown, as any
// data source's.
func (e *evaluator) templateFile(attrs hcl.Attributes) cty.Value {
	ctx := &hcl.EvalContext{Variables: e.static, Functions: e.funcs}
	tmpl, ok := attrs["template"]
	if !ok {
		return cty.DynamicVal
	}
	tv, diags := tmpl.Expr.Value(ctx)
	if diags.HasErrors() || !tv.IsWhollyKnown() || tv.IsNull() || tv.Type() != cty.String {
		return cty.DynamicVal
	}
	vars := cty.EmptyObjectVal
	if a, ok := attrs["vars"]; ok {
		if vars, diags = a.Expr.Value(ctx); diags.HasErrors() || !vars.IsWhollyKnown() {
			return cty.DynamicVal
		}
	}
	expr, diags := hclsyntax.ParseTemplate([]byte(tv.AsString()), "template_file", hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() || boundNode(expr).HasErrors() {
		return cty.DynamicVal
	}
	values := map[string]cty.Value{}
	if !vars.IsNull() && vars.CanIterateElements() {
		for it := vars.ElementIterator(); it.Next(); {
			k, v := it.Element()
			if k.Type() == cty.String {
				values[k.AsString()] = v
			}
		}
	}
	out, diags := expr.Value(&hcl.EvalContext{Variables: values, Functions: e.funcs})
	if diags.HasErrors() || !out.IsWhollyKnown() {
		return cty.DynamicVal
	}
	s, err := convert.Convert(out, cty.String)
	if err != nil {
		return cty.DynamicVal
	}
	return cty.ObjectVal(map[string]cty.Value{"rendered": s, "template": tv, "vars": vars})
}

// packageHash evaluates a data "fastly_package_hash": its hash stands in
// for the package file it names (see fileHashPrefix), when the filename is
// static; else, as any data source, it is unknown.
func (e *evaluator) packageHash(attrs hcl.Attributes) cty.Value {
	a, ok := attrs["filename"]
	if !ok {
		return cty.DynamicVal
	}
	v, diags := a.Expr.Value(&hcl.EvalContext{Variables: e.static, Functions: e.funcs})
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String || v.AsString() == "" {
		return cty.DynamicVal
	}
	return cty.ObjectVal(map[string]cty.Value{
		"filename": v, "hash": cty.StringVal(fileHashPrefix + absPath(e.rootDir, v.AsString())),
		"id": cty.UnknownVal(cty.String), "content": cty.UnknownVal(cty.String)})
}

// external records a data "external" block's working directory when it
// is static: a package its program builds there belongs to the Compute
// project of that directory. Its result stays unknown, as any data
// source's.
func (e *evaluator) external(name string, attrs hcl.Attributes) {
	a, ok := attrs["working_dir"]
	if !ok {
		return
	}
	v, diags := a.Expr.Value(&hcl.EvalContext{Variables: e.static, Functions: e.funcs})
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String || v.AsString() == "" {
		return
	}
	if e.externals == nil {
		e.externals = map[string]string{}
	}
	e.externals[name] = absPath(e.rootDir, v.AsString())
}

func (e *evaluator) evalItem(p *plan, it *item) {
	switch it.kind {
	case localItem:
		v, why := e.value(it.expr, e.ctx(p, it.refs))
		e.setLocal(it.name, v)
		if why != "" && e.localWhy[it.name] == "" {
			e.localWhy[it.name] = strings.Replace(why, "evaluating it:", "evaluating local."+it.name+":", 1)
		}
	case outputItem:
		var why string
		e.outputs[it.name], why = e.value(it.expr, e.ctx(p, it.refs))
		if why != "" {
			e.outputWhy[it.name] = why
		}
	case callItem:
		e.evalCall(p, it)
	case resourceItem:
		e.evalResource(p, it)
	}
}

// ctx is an evaluation context holding what refs refer to (a resource's
// instances add count or each in a child context). A reference to
// something not declared fails as it would with the whole module in view.
//
// The context is a child of one that holds the static variables (var,
// path, terraform, data), which every context shares rather than copies;
// it holds the functions too, as hcl lists them in an unknown function's
// error from the context it is called in.
func (e *evaluator) ctx(p *plan, refs []ref) *hcl.EvalContext {
	var mods map[string]cty.Value
	roots := e.ctxRoots[:0]
	e.localNames = e.localNames[:0]
	for _, t := range refs {
		name := t.name
		switch root := t.root; root {
		case "local":
			if _, declared := e.m.locals[name]; declared {
				e.localNames = append(e.localNames, name)
			}
		case "module":
			if mods == nil {
				mods = map[string]cty.Value{}
			}
			for _, c := range e.m.calls {
				if c.name != name {
					continue
				}
				if v, ok := e.moduleValues[name]; ok {
					mods[name] = v // instances by key or index
				} else if child, ok := e.children[name]; ok {
					mods[name] = objectOrEmpty(child.outputs)
				} else {
					mods[name] = cty.DynamicVal
				}
			}
		default:
			if !p.byName.declares(root) {
				continue
			}
			byName := e.ctxTypes[root]
			if byName == nil {
				if e.ctxTypes == nil {
					e.ctxTypes = map[string]map[string]cty.Value{}
				}
				byName = map[string]cty.Value{}
				e.ctxTypes[root] = byName
			}
			if !slices.Contains(roots, root) {
				clear(byName) // the last context's
				roots = append(roots, root)
			}
			if r := p.byName.get(root, name); r != nil {
				byName[name] = e.resourceValue(r)
			}
		}
	}
	e.ctxRoots = roots
	locals := e.localsOf(e.localNames)
	if mods == nil && len(roots) == 0 {
		// Only locals (and the static variables): the context of the
		// same locals is the same, and kept with their object (most of
		// an estate's resources refer to a zone and a port).
		if locals.ctx == nil {
			locals.ctx = e.newCtx(map[string]cty.Value{"local": locals.obj, "module": cty.EmptyObjectVal})
		}
		return locals.ctx
	}
	vars := make(map[string]cty.Value, 2+len(roots))
	vars["local"] = locals.obj
	vars["module"] = objectOrEmpty(mods)
	for _, typ := range roots {
		vars[typ] = e.typeObject(p, typ, e.ctxTypes[typ])
	}
	return e.newCtx(vars)
}

// typeObject is the object of a type's resources a context refers to,
// byName (a copy: cty.ObjectVal). An object of one evaluated resource is
// kept, by its evaluation, for the next context that refers to it alone
// (an estate's services refer to a store or a dictionary each: 5 MB of
// objects at 16,000 services).
func (e *evaluator) typeObject(p *plan, typ string, byName map[string]cty.Value) cty.Value {
	if len(byName) != 1 {
		return objectOrEmpty(byName)
	}
	var name string
	for name = range byName {
	}
	r := p.byName.get(typ, name)
	ev := e.res[r]
	if r == nil || ev == nil || ev.val == cty.NilVal {
		// Not evaluated (yet, or in a cycle): its value may change.
		return objectOrEmpty(byName)
	}
	// byName[name] is ev.val: resourceValue gives an evaluated
	// resource's value, made once.
	if v, ok := e.alone[ev]; ok {
		return v
	}
	v := objectOrEmpty(byName)
	if e.alone == nil {
		e.alone = map[*evaluated]cty.Value{}
	}
	e.alone[ev] = v
	return v
}

// newCtx is a child of the static context with vars and the functions.
func (e *evaluator) newCtx(vars map[string]cty.Value) *hcl.EvalContext {
	ctx := e.staticCtx.NewChild()
	ctx.Variables, ctx.Functions = vars, e.funcs
	return ctx
}

// localsEntry is what the evaluator keeps of a list of locals: local as
// an expression referring to them sees it (obj), and the context of an
// expression referring to nothing else (ctx, made when first asked for).
type localsEntry struct {
	obj cty.Value
	ctx *hcl.EvalContext
}

// localsOf returns the entry of the locals names: their values in obj,
// cty.DynamicVal for one not evaluated yet. Entries are kept by the names
// (which resources of an estate share: a port, a zone) until a local is
// evaluated: a resource's context made a new object, a map and a context,
// a tenth of what a Terraform load allocated.
func (e *evaluator) localsOf(names []string) *localsEntry {
	e.localsKey = e.localsKey[:0]
	for _, n := range names {
		e.localsKey = append(append(e.localsKey, n...), 0)
	}
	if l, ok := e.localsObjects[string(e.localsKey)]; ok {
		return l
	}
	l := &localsEntry{obj: cty.EmptyObjectVal}
	if len(names) > 0 {
		m := make(map[string]cty.Value, len(names))
		for _, n := range names {
			v, ok := e.locals[n]
			if !ok {
				v = cty.DynamicVal
			}
			m[n] = v
		}
		l.obj = cty.ObjectVal(m)
	}
	if e.localsObjects == nil || len(e.localsObjects) >= maxLocalsObjects {
		e.localsObjects = map[string]*localsEntry{}
	}
	e.localsObjects[string(e.localsKey)] = l
	return l
}

// maxLocalsObjects bounds the entries localsOf keeps.
const maxLocalsObjects = 64

// setLocal sets a local's value, and drops the entries of locals.
func (e *evaluator) setLocal(name string, v cty.Value) {
	e.locals[name] = v
	e.localsObjects = nil
}

// resourceValue is a resource as other expressions see it: an object for
// a single instance, a tuple under count, an object by key under
// for_each; unknown before it is evaluated and for types chainlint does
// not model.
func (e *evaluator) resourceValue(r *resource) cty.Value {
	ev := e.res[r]
	if ev == nil {
		return cty.DynamicVal
	}
	if ev.val != cty.NilVal {
		return ev.val
	}
	switch ev.kind {
	case resCount:
		vals := make([]cty.Value, len(ev.insts))
		for i, inst := range ev.insts {
			vals[i] = inst.value()
		}
		ev.val = cty.EmptyTupleVal
		if len(vals) > 0 {
			ev.val = cty.TupleVal(vals)
		}
	case resForEach:
		vals := make(map[string]cty.Value, len(ev.keys))
		for i, k := range ev.keys {
			vals[k] = ev.insts[i].value()
		}
		ev.val = objectOrEmpty(vals)
	default:
		ev.val = ev.insts[0].value()
	}
	return ev.val
}

// evalResource evaluates a resource's instances. A resource read lazily
// is parsed (or taken from the prefetch) first, and built at once.
func (e *evaluator) evalResource(p *plan, it *item) {
	r, refs := it.res, it.refs
	var arena *pieceArena
	if src := r.src; src != nil {
		parsed, parsedRefs, ok, a := e.fetch.take(r)
		if !ok {
			putArena(a)
			e.l.failed = true
			return
		}
		arena = a
		src.parsed = true
		r, refs = parsed, parsedRefs
		if refs == nil {
			refs = refsOf(bodyRefs(parsed.block.Body))
		}
		e.l.piece, e.arena = src, arena
		defer func() { e.l.piece, e.arena = nil, nil }()
	}
	ev := e.evalInstances(p, r, refs)
	if it.res.src != nil && !it.cyclic { // a cycle's second evaluation replaces the first's
		if it.referenced {
			e.res[it.res] = ev
			e.resourceValue(it.res)
		}
		if e.builtAt == nil {
			e.builtAt = make([]any, len(e.m.resources))
		}
		b := e.l.buildInstances(ev.insts)
		e.builtAt[it.index] = b.compact()
		ev.insts = nil
		if len(b.domains) == 0 {
			// Nothing kept reads the tree: the services and stores
			// built hold copies, the evaluation its values.
			putArena(arena)
		}
		if e.depth == 0 {
			// A root module is evaluated once: nothing reads the text,
			// its references or its place again, and the resource keeps
			// only that it was read lazily, and parsed (builtSrc). A
			// module's resources are evaluated per call.
			if s := it.res.src; s.outside != nil {
				s.outside.done(s.start.Byte, s.start.Byte+len(s.text))
			}
			it.res.src, it.refs = builtSrc, nil
		}
		// Only a reference reads the evaluation again (its value, kept
		// in e.res above); the build reads builtAt.
		return
	}
	e.res[it.res] = ev
}

// evalInstances evaluates the instances of r, whose body refers to refs.
func (e *evaluator) evalInstances(p *plan, r *resource, refs []ref) *evaluated {
	ctx := e.ctx(p, refs)
	base := e.prefix + r.typ + "." + r.name
	ev := &evaluated{kind: resSingle}
	instance := func(addr string, extra map[string]cty.Value) {
		c := ctx
		if extra != nil {
			c = ctx.NewChild()
			c.Variables = extra
		}
		ev.insts = append(ev.insts, &instance{r: r, addr: addr, body: e.evalBody(r.block, r.typ, r.dynamic, c), root: e.rootDir, scope: e.rootDir + "\x00" + e.prefix, externals: e.externals})
	}
	switch {
	case r.count != nil:
		ev.kind = resCount
		n, _ := e.value(r.count, ctx)
		count, ok := knownInt(n)
		if !ok {
			count = 1 // unknown count: analyse one instance
			if big, isInt := knownBigInt(n); isInt && big > maxInstances {
				count = maxInstances
				e.l.capped(r.count.Range(), fmt.Sprintf("cut short: count = %d, and chainlint analyses the first %d instances of a resource", big, maxInstances))
			}
		}
		for i := range count {
			instance(fmt.Sprintf("%s[%d]", base, i), map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(i))})})
		}
	case r.forEach != nil:
		ev.kind = resForEach
		fe, why := e.value(r.forEach, ctx)
		defer e.withEachWhy(why)()
		known := e.forEach(fe, r.forEach.Range(), func(key string, each cty.Value) {
			instance(fmt.Sprintf("%s[%q]", base, key), map[string]cty.Value{"each": each})
			ev.keys = append(ev.keys, key)
		})
		if !known {
			// Unknown keys: analyse one instance; others see no instances.
			instance(base+"[…]", map[string]cty.Value{"each": unknownEach})
			ev.val = cty.EmptyObjectVal
		}
	default:
		instance(base, nil)
	}
	return ev
}

// withEachWhy has each.key and each.value, while a for_each's instances
// are evaluated, explained by why the for_each value is not wholly known
// (a map's values may be unknown where its keys are not), and returns the
// function that puts the explanation before back.
func (e *evaluator) withEachWhy(why string) (restore func()) {
	old := e.eachWhy
	e.eachWhy = why
	return func() { e.eachWhy = old }
}

// unknownEach is each.key and each.value of a for_each whose keys are
// not known.
var unknownEach = cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})

// forEach calls fn with each key and the each object of a for_each value,
// at most maxInstances of them (a note says so past it). It returns false,
// calling nothing, when the value is not a known map, object or set.
func (e *evaluator) forEach(fe cty.Value, rng hcl.Range, fn func(key string, each cty.Value)) bool {
	// Terraform needs the keys known, not the values: a map's values may
	// be unknown until apply, a set's elements are its keys.
	if !fe.IsKnown() || fe.IsNull() {
		return false
	}
	switch t := fe.Type(); {
	case t.IsSetType():
		if !fe.IsWhollyKnown() {
			return false
		}
	case t.IsMapType(), t.IsObjectType():
	default:
		return false
	}
	if n := fe.LengthInt(); n > maxInstances {
		e.l.capped(rng, fmt.Sprintf("cut short: for_each has %d keys, and chainlint analyses the first %d instances", n, maxInstances))
	}
	n := 0
	for iter := fe.ElementIterator(); iter.Next() && n < maxInstances; {
		k, v := iter.Element()
		if fe.Type().IsSetType() {
			k = v
		}
		if k.Type() != cty.String {
			continue
		}
		n++
		fn(k.AsString(), cty.ObjectVal(map[string]cty.Value{"key": k, "value": v}))
	}
	return true
}

// evalCall evaluates a local module call with its inputs.
func (e *evaluator) evalCall(p *plan, it *item) {
	if e.depth >= maxModuleDepth {
		return
	}
	c := it.call
	dir, ok := c.localSource(e.m.dir)
	if !ok || c.cyclic {
		return
	}
	child := e.l.modules[dir]
	if child == nil {
		return
	}
	ctx := e.ctx(p, it.refs)
	instance := func(key string, extra map[string]cty.Value) *evaluator {
		ictx := ctx
		if extra != nil {
			ictx = ctx.NewChild()
			ictx.Variables = extra
		}
		inputs, why := map[string]cty.Value{}, map[string]string{}
		for n, a := range c.attrs {
			if callAttrSkip[n] {
				continue
			}
			inputs[n], why[n] = e.value(a.Expr, ictx)
		}
		ce := e.l.newEvaluator(child, e.rootDir, e.prefix+"module."+c.name+key+".", e.depth+1, inputs, why, false)
		ce.scope = e.scope
		if e.m.refused {
			ce.scope = c.block.DefRange.Filename // the example that calls it
		}
		ce.run()
		e.children[c.name+key] = ce
		return ce
	}
	// count and for_each make one instance per index or key, as Terraform
	// does (module.NAME[0], module.NAME["key"]); an unknown collection is
	// analysed as one instance with an unknown key.
	switch {
	case c.attrs["for_each"] != nil:
		fe, why := e.value(c.attrs["for_each"].Expr, ctx)
		defer e.withEachWhy(why)()
		outputs := map[string]cty.Value{}
		if !e.forEach(fe, c.attrs["for_each"].Expr.Range(), func(key string, each cty.Value) {
			outputs[key] = objectOrEmpty(instance(fmt.Sprintf("[%q]", key), map[string]cty.Value{"each": each}).outputs)
		}) {
			instance("[…]", map[string]cty.Value{"each": unknownEach})
			return
		}
		e.moduleValues[c.name] = objectOrEmpty(outputs)
	case c.attrs["count"] != nil:
		nv, _ := e.value(c.attrs["count"].Expr, ctx)
		count, ok := knownInt(nv)
		if !ok {
			instance("[…]", map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})})
			return
		}
		var outs []cty.Value
		for i := range count {
			ce := instance(fmt.Sprintf("[%d]", i), map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(i))})})
			outs = append(outs, objectOrEmpty(ce.outputs))
		}
		if len(outs) == 0 {
			e.moduleValues[c.name] = cty.EmptyTupleVal
		} else {
			e.moduleValues[c.name] = cty.TupleVal(outs)
		}
	default:
		instance("", nil)
	}
}
