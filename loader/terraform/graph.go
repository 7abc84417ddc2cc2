package terraform

import (
	"fmt"
	"go/token"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/scc"
	"github.com/chainlint/chainlint/loader/tree"
	"github.com/chainlint/chainlint/schema"
)

// Dir is a directory of Terraform files found under a project root.
type Dir struct {
	Files []string
	// Root is the path chainlint was given that holds the directory: what
	// file() and templatefile() may read is confined to it.
	Root string
}

// Load loads the Terraform modules of the given directories (each with
// its *.tf and *.tf.json files) into g. A directory another one calls as
// a local module is evaluated as that module, with its inputs, not as a
// root of its own.
func Load(g *graph.Graph, modules map[string]Dir, opts Options) {
	dirs := map[string][]string{}
	for d, m := range modules {
		dirs[d] = m.Files
		if opts.Root == "" {
			opts.Root = m.Root
		}
	}
	// A load for a cache that outlives it (the language server's) keeps
	// whole parses, which the cache reuses; any other streams.
	// A module with override files is parsed whole: its overrides merge
	// into the blocks they change (dropDuplicates).
	overrides := false
	for _, m := range modules {
		for _, f := range m.Files {
			overrides = overrides || isOverrideFile(f)
		}
	}
	if !g.Memo.Persistent() && !overrides {
		frag := g.Fragment()
		l := &loader{g: frag, opts: opts, read: newReadFiles(), modules: map[string]*module{}, seenProblem: map[string]bool{}, streaming: true}
		ok := l.loadDirs(dirs)
		l.freeOutside()
		if ok {
			g.Merge(frag)
			return
		}
	}
	l := &loader{g: g, opts: opts, read: newReadFiles(), modules: map[string]*module{}, seenProblem: map[string]bool{}}
	l.loadDirs(dirs)
}

// afterRun, when set (by tests), sees each root module's evaluator once
// it has run, before the build.
var afterRun func(*evaluator)

// loadDirs loads the directories; it returns false when a streamed load
// failed and must be done again the whole way.
func (l *loader) loadDirs(dirs map[string][]string) bool {
	var names []string
	for dir := range dirs {
		names = append(names, dir)
	}
	sort.Strings(names)
	for _, dir := range names {
		m := l.parseModule(dir, dirs[dir])
		l.modules[filepath.Clean(dir)] = m
		if l.failed {
			return false
		}
	}
	// Local modules outside the walked tree, and theirs, as Terraform
	// would install them. A local source that is not there is Terraform's
	// error; a remote one is read by no one here: a note says what goes
	// unchecked, so that its services do not vanish in silence.
	for queue := append([]string(nil), names...); len(queue) > 0; queue = queue[1:] {
		dir := queue[0]
		for _, c := range l.modules[filepath.Clean(dir)].calls {
			l.checkSource(c, dir)
			if child, ok := c.localSource(dir); ok && l.modules[child] == nil {
				l.modules[child] = l.parseModule(child, tfFiles(child))
				if l.failed {
					return false
				}
				queue = append(queue, child)
			}
		}
	}
	l.markCycles()
	called := map[string]bool{}
	for dir, m := range l.modules {
		for _, c := range m.calls {
			if child, ok := c.localSource(dir); ok && !c.cyclic {
				called[child] = true
			}
		}
	}
	for _, dir := range names {
		if called[filepath.Clean(dir)] {
			continue
		}
		e := l.newEvaluator(l.modules[filepath.Clean(dir)], dir, "", 0, nil, nil, true)
		e.run()
		if afterRun != nil {
			afterRun(e)
		}
		if l.failed {
			return false
		}
		l.build(e)
	}
	l.joinNext()
	l.flushInstanceNotes()
	return !l.streaming || l.checkUnparsed()
}

// checkSource reports a module call whose source cannot be read: a local
// path that is no directory (missing, or a dangling link) is a positioned
// parse-error, as terraform init fails on it; a remote source (registry,
// git, an archive) is a skipped-input note at the call. A call whose
// source is not a known string is left to the evaluation's notes.
func (l *loader) checkSource(c *moduleCall, parent string) {
	if c.source == "" || c.checked {
		return
	}
	c.checked = true
	rng := c.block.DefRange
	if a, ok := c.attrs["source"]; ok {
		rng = a.Expr.Range()
	}
	if child, ok := c.localSource(parent); ok {
		if st, err := os.Stat(child); err != nil || !st.IsDir() {
			why := "it does not exist"
			if err == nil {
				why = "it is not a directory"
			} else if _, lerr := os.Lstat(child); lerr == nil {
				why = "it is a symbolic link to nothing"
			}
			l.g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: l.pos(rng, false), End: l.pos(rng, true),
				Message: fmt.Sprintf("Unreadable module directory: module %q has source %q, but %s, so terraform init fails here and the services this module would declare are not analysed; fix the path", c.name, c.source, why)})
		}
		return
	}
	l.capped(rng, fmt.Sprintf("skipped: module %q comes from %q, which is not a local path, and chainlint fetches no module, so any Fastly service it declares is not analysed; lint that module's source as well (or its terraform show -json output)", c.name, c.source))
}

// markCycles finds the module calls that lie on a cycle of calls and
// reports each as a positioned error: Terraform refuses module cycles, and
// following one would never end. (Before, a module with source = "./"
// was taken for a called module only and its resources vanished.)
func (l *loader) markCycles() {
	dirs := make([]string, 0, len(l.modules))
	for d := range l.modules {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	index := map[string]int{}
	for i, d := range dirs {
		index[d] = i
	}
	adj := make([][]int, len(dirs))
	for i, d := range dirs {
		for _, c := range l.modules[d].calls {
			if child, ok := c.localSource(d); ok {
				if j, ok := index[child]; ok {
					adj[i] = append(adj[i], j)
				}
			}
		}
	}
	comp := make([]int, len(dirs))
	for k, c := range scc.Components(adj) {
		for _, v := range c {
			comp[v] = k
		}
	}
	for i, d := range dirs {
		for _, c := range l.modules[d].calls {
			child, ok := c.localSource(d)
			j, known := index[child]
			if !ok || !known || comp[i] != comp[j] {
				continue
			}
			c.cyclic = true
			rng := c.block.DefRange
			if a, ok := c.attrs["source"]; ok {
				rng = a.Expr.Range()
			}
			what := fmt.Sprintf("calls %q, which leads back to this module", c.source)
			if child == filepath.Clean(d) {
				what = "calls its own directory"
			}
			l.problems(hcl.Diagnostics{{Severity: hcl.DiagError, Subject: &rng, Summary: "Module cycle",
				Detail: fmt.Sprintf("module %q %s; Terraform refuses a cycle of module calls, so chainlint does not follow it", c.name, what)}})
		}
	}
}

func tfFiles(dir string) []string {
	var out []string
	for _, pat := range []string{"*.tf", "*.tf.json"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		out = append(out, m...)
	}
	return out
}

// build adds a module instance's services and stores to the graph, then
// its children's.
func (l *loader) build(e *evaluator) {
	servicesByID := map[string]*graph.Service{}
	var domains []*instance
	for k, r := range e.m.resources {
		var b *built
		if k < len(e.builtAt) {
			b = expand(e.builtAt[k])
		}
		if b == nil {
			ev := e.res[r]
			if ev == nil {
				continue
			}
			if ev.built == nil {
				ev.built = l.buildInstances(ev.insts)
			}
			b = ev.built
		}
		for _, s := range b.services {
			servicesByID[s.ID.Value] = s
			if s.Terraform.Scope = e.scope; e.m.refused {
				s.Terraform.Scope = s.File
			}
		}
		l.g.Services = append(l.g.Services, b.services...)
		l.g.Stores = append(l.g.Stores, b.stores...)
		domains = append(domains, b.domains...)
	}
	l.attachDomains(domains, servicesByID)
	for _, n := range sortedNames(e.children) {
		l.build(e.children[n])
	}
}

// built is what a resource's instances add to the graph; domains wait
// for attachDomains.
type built struct {
	services []*graph.Service
	stores   []*graph.Store
	domains  []*instance
}

// compact is b as evaluator.builtAt holds it: its one service or its
// one store alone (most resources build one), else b itself. (A built a
// resource held 96 bytes until the module's build.)
func (b *built) compact() any {
	if len(b.domains) == 0 {
		switch {
		case len(b.services) == 1 && len(b.stores) == 0:
			return b.services[0]
		case len(b.stores) == 1 && len(b.services) == 0:
			return b.stores[0]
		}
	}
	return b
}

// expand is the built that compact gave v (nil for nil).
func expand(v any) *built {
	switch v := v.(type) {
	case *graph.Service:
		return &built{services: []*graph.Service{v}}
	case *graph.Store:
		return &built{stores: []*graph.Store{v}}
	case *built:
		return v
	}
	return nil
}

func (l *loader) buildInstances(insts []*instance) *built {
	b := &built{}
	defer func(scope string) { l.scope = scope }(l.scope)
	for _, inst := range insts {
		l.scope = inst.scope
		if kind, ok := nextObjectKind(inst.r.typ); ok {
			l.addNextObject(inst, kind)
			continue
		}
		if nextActions[inst.r.typ] {
			l.addNextAction(inst)
			continue
		}
		switch canonical(inst.r.typ) {
		case "fastly_service_vcl", "fastly_service_compute", "fastly_service_cdn":
			if inst.r.typ == "fastly_service_vcl" && isVersionedVCL(inst) {
				l.addNextObject(inst, nextVCL) // the next provider's custom VCL file
				continue
			}
			s := l.service(inst)
			l.addNextService(s, inst)
			b.services = append(b.services, s)
		case "fastly_kvstore", "fastly_configstore", "fastly_secretstore":
			typ := map[string]graph.StoreType{"fastly_kvstore": graph.KVStore, "fastly_configstore": graph.ConfigStore, "fastly_secretstore": graph.SecretStore}[inst.r.typ]
			b.stores = append(b.stores, &graph.Store{
				Span: l.span(inst.body.block), Type: typ,
				ID:   graph.Field[string]{Value: syntheticID(inst.addr), Set: true}.At(l.pos(inst.body.block.DefRange, false), l.pos(inst.body.block.DefRange, true)),
				Name: l.str(inst.body.attr("name")),
			})
		case "fastly_domain", "fastly_domain_service_link":
			b.domains = append(b.domains, inst)
		}
	}
	return b
}

// attachDomains adds versionless domains (fastly_domain with service_id,
// or linked by fastly_domain_service_link) to their services.
func (l *loader) attachDomains(insts []*instance, services map[string]*graph.Service) {
	fqdns := map[string]*instance{}
	for _, inst := range insts {
		if inst.r.typ == "fastly_domain" {
			fqdns[syntheticID(inst.addr)] = inst
		}
	}
	add := func(domain *instance, serviceID *evalAttr) {
		if serviceID == nil || !serviceID.val.IsKnown() || serviceID.val.Type() != cty.String {
			return
		}
		s := services[serviceID.val.AsString()]
		if s == nil {
			return
		}
		s.Domains = append(s.Domains, &graph.Domain{Span: l.span(domain.body.block), Service: s, Name: l.str(domain.body.attr("fqdn"))})
	}
	for _, inst := range insts {
		switch inst.r.typ {
		case "fastly_domain":
			add(inst, inst.body.attr("service_id"))
		case "fastly_domain_service_link":
			if d := inst.body.attr("domain_id"); d != nil && d.val.IsKnown() && d.val.Type() == cty.String {
				if dom := fqdns[d.val.AsString()]; dom != nil {
					add(dom, inst.body.attr("service_id"))
				}
			}
		}
	}
}

func (l *loader) span(b *hcl.Block) graph.Span {
	r := b.DefRange
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		r = hcl.RangeBetween(b.DefRange, sb.SrcRange)
	}
	return graph.Span{Pos: l.pos(r, false), End: l.pos(r, true)}
}

// blockSpan spans an evaluated block: its source block when it has one (a
// block a dynamic block generated spans its content block).
func (l *loader) blockSpan(b *evalBlock) graph.Span {
	if b.raw != nil {
		return l.span(b.raw)
	}
	return l.span(b.block)
}

// chainField marks the fields that decide where a chain goes: a
// backend's address and override_host, a domain's name.
var chainField = map[string]bool{"address": true, "override_host": true, "name": true}

var unsetVariableWhy = regexp.MustCompile(`^variable "([^"]+)" has no value: give it a default, or set it in terraform\.tfvars`)

// unsetRootVariable is the root variable an unknown value's reason names
// as having no value (a module's input is named by its call instead).
func unsetRootVariable(why string) (string, bool) {
	m := unsetVariableWhy.FindStringSubmatch(why)
	if m == nil {
		return "", false
	}
	return m[1], true
}

func (l *loader) service(inst *instance) *graph.Service {
	b := inst.body
	// The service's address is the tail of its stand-in ID: one string,
	// not two, in every service.
	id := syntheticID(inst.addr)
	addr := id[len(idPrefix):]
	s := &graph.Service{
		Span:     l.span(b.block),
		ID:       graph.Field[string]{Value: id, Set: true}.At(l.pos(b.block.DefRange, false), l.pos(b.block.DefRange, true)),
		Name:     l.str(b.attr("name")),
		Platform: graph.PlatformVCL,
		File:     b.block.DefRange.Filename,
	}
	if canonical(inst.r.typ) == "fastly_service_compute" {
		s.Platform = graph.PlatformCompute
	}
	if !s.Name.Known() {
		s.Name = graph.Field[string]{Value: addr, Set: true}.At(s.ID.Pos, s.ID.End())
	}
	s.Terraform = l.made.infos.New()
	*s.Terraform = graph.TerraformInfo{Address: addr, Activate: l.flag(b.attr("activate")), DependsOn: dependsOn(b.block), Root: inst.root}
	if st := l.flag(b.attr("stage")); st.Known() && st.Value {
		s.Deploys().Staged = graph.Field[string]{Value: inst.addr + " (stage = true)", Set: true}.At(st.Pos, st.End())
	}
	l.noteUnknown(inst, s.Span, func() string { return "the service name" }, namedAttr{"name", b.attr("name")})
	if ds := b.nested("domain"); len(ds) > 0 {
		s.Domains = l.made.domains.Run(len(ds))
		for i, d := range ds {
			s.Domains[i] = l.readDomain(s, inst, d)
		}
	}
	if bs := b.nested("backend"); len(bs) > 0 {
		s.Backends = l.made.backends.Run(len(bs))
		for i, bb := range bs {
			s.Backends[i] = l.readBackend(s, inst, bb)
		}
	}
	if sbs := b.nested("snippet"); len(sbs) > 0 {
		s.Snippets = l.made.snippets.Run(len(sbs))
		for i, sb := range sbs {
			s.Snippets[i] = l.readSnippet(inst, sb)
		}
	}
	for _, cb := range b.nested("condition") {
		s.WithRare().Conditions = append(s.Conditions(), l.readCondition(cb))
	}
	for _, hb := range b.nested("header") {
		s.WithRare().Headers = append(s.Headers(), l.readHeader(hb))
	}
	for _, rb := range b.nested("request_setting") {
		s.WithRare().RequestSettings = append(s.RequestSettings(), l.readRequestSetting(rb))
	}
	if vbs := append(b.nested("vcl"), b.nested("custom_vcl")...); len(vbs) > 0 {
		s.VCLs = l.made.vcls.Run(len(vbs))
		for i, vb := range vbs {
			s.VCLs[i] = l.readVCL(inst, vb)
		}
	}
	lbs := b.nested("resource_link")
	if len(lbs) > 0 {
		s.Links = l.made.links.Run(len(lbs))[:0]
	}
	for _, lb := range lbs {
		if s.Platform == graph.PlatformVCL {
			// The provider's fastly_service_vcl has no resource_link block
			// (terraform-provider-fastly registers NewServiceResourceLink for
			// fastly_service_compute only), so Terraform refuses the file.
			// The link is still read, as the API would take it, so the link
			// rules check it too.
			r := lb.block.TypeRange
			if lb.raw != nil {
				r = lb.raw.TypeRange
			}
			l.g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: l.pos(r, false), End: l.pos(r, true),
				Message: fmt.Sprintf(`Unsupported block type: %s has no "resource_link" block in the Fastly provider (only fastly_service_compute has one: KV, config and secret stores are Compute-only), so terraform validate fails here; remove the block, and for data a VCL service reads use a dictionary block (an edge dictionary)`, inst.r.typ)})
		}
		s.Links = append(s.Links, l.readLink(s, inst, lb))
	}
	for _, pb := range b.nested("package") {
		s.Deploys().Package = l.packagePath(inst, pb)
	}
	for _, db := range b.nested("dictionary") {
		if name := l.str(db.attr("name")); name.Known() {
			s.WithRare().Dictionaries = append(s.Dictionaries(), name.Value)
		} else {
			s.WithRare().DictionaryUnknown = true
		}
	}
	return s
}

// namedAttr is a field noteUnknown looks at: its name and its value.
type namedAttr struct {
	name string
	a    *evalAttr
}

// noteUnknown notes the fields of an object (obj, described by what) whose
// value is not known (computed at apply time, taken from a variable
// without a value, or not evaluated: each says why), and warns about a
// root variable without a value that decides where a chain goes. Most
// objects are known whole: the description is made, and the fields
// sorted by name, only for one that is not (for every object, a map of
// its fields, their names sorted twice and its description were 7 MB at
// 16,000 services).
func (l *loader) noteUnknown(inst *instance, obj graph.Span, describe func() string, fields ...namedAttr) {
	if !anyUnknown(fields) {
		return
	}
	what := describe()
	fields = slices.Clone(fields)
	slices.SortFunc(fields, func(a, b namedAttr) int { return strings.Compare(a.name, b.name) })
	var parts []string
	for _, f := range fields {
		n, a := f.name, f.a
		switch {
		case a == nil:
		case isSynthetic(a.val) && n != "resource_id":
			parts = append(parts, fmt.Sprintf("%s (it is a resource ID, computed by the provider at apply time)", n))
		case !a.val.IsWhollyKnown() && !isInputError(a.why): // an input error is a parse-error already
			parts = append(parts, fmt.Sprintf("%s (%s)", n, strings.TrimSuffix(a.why, ".")))
		}
	}
	// A root variable without a value that decides where a chain goes
	// (a backend's address or Host, a domain): terraform plan would
	// stop and ask for it, so it is a warning, not a silent pass.
	for _, f := range fields {
		n, a := f.name, f.a
		if a == nil || !chainField[n] || a.val.IsWhollyKnown() || !strings.HasPrefix(what, "backend ") && what != "a domain" {
			continue
		}
		if name, ok := unsetRootVariable(a.why); ok {
			r := a.expr.Range()
			l.noteInstance(inst, graph.Problem{Rule: graph.RuleUnsetVariable, Pos: l.pos(r, false), End: l.pos(r, true),
				Message: fmt.Sprintf("variable %q has no value, and %s of %s takes its %s from it: terraform plan would stop and ask for it, and the chain through it goes unchecked; give it a value with --var %s=…, --var-file, terraform.tfvars or a *.auto.tfvars file, or TF_VAR_%s",
					name, what, labelMark, n, name, name)})
		}
	}
	if len(parts) > 0 {
		verb, it := "is", "it"
		if len(parts) > 1 {
			verb, it = "are", "them"
		}
		l.noteInstance(inst, graph.Problem{Rule: graph.RuleUnknownValue, Pos: obj.Pos, End: obj.Pos,
			Message: fmt.Sprintf("%s of %s: %s %s not known, so the chain rules that need %s stay silent",
				what, labelMark, strings.Join(parts, " and "), verb, it)})
	}
}

// anyUnknown reports whether noteUnknown has anything to note of fields:
// a resource ID, or a value not wholly known.
func anyUnknown(fields []namedAttr) bool {
	for _, f := range fields {
		if a := f.a; a != nil && (isSynthetic(a.val) && f.name != "resource_id" || !a.val.IsWhollyKnown()) {
			return true
		}
	}
	return false
}

// The readers below read one object, from a block nested in a service
// or from a versioned resource of the next provider's explicit family
// (whose service is set when it is joined to one).

func (l *loader) readDomain(s *graph.Service, inst *instance, d *evalBlock) *graph.Domain {
	dom := schema.New[graph.Domain](schema.Domain, l.source(d), l.blockSpan(d))
	dom.Service = s
	l.noteUnknown(inst, dom.Span, func() string { return "a domain" }, namedAttr{"name", d.attr("name")})
	return dom
}

func (l *loader) readBackend(s *graph.Service, inst *instance, bb *evalBlock) *graph.Backend {
	be := schema.New[graph.Backend](schema.Backend, l.source(bb), l.blockSpan(bb))
	be.Service = s
	if bb.static {
		be.Setter = l.setter(bb, be.Span)
	}
	if s != nil { // a next-provider backend's are set when it is attached
		setBackendRefs(s, be, backendRefs(bb))
	}
	l.noteUnknown(inst, be.Span, func() string { return fmt.Sprintf("backend %q", l.objectName(bb.attr("name"), be.Name)) },
		namedAttr{"address", bb.attr("address")}, namedAttr{"override_host", bb.attr("override_host")}, namedAttr{"shield", bb.attr("shield")},
		namedAttr{"ssl_cert_hostname", bb.attr("ssl_cert_hostname")}, namedAttr{"ssl_sni_hostname", bb.attr("ssl_sni_hostname")})
	return be
}

func (l *loader) readSnippet(inst *instance, sb *evalBlock) *graph.Snippet {
	sn := schema.New[graph.Snippet](schema.Snippet, l.source(sb), l.blockSpan(sb))
	l.noteUnknown(inst, sn.Span, func() string { return fmt.Sprintf("snippet %q", l.objectName(sb.attr("name"), sn.Name)) }, namedAttr{"content", sb.attr("content")})
	return sn
}

func (l *loader) readCondition(cb *evalBlock) *graph.Condition {
	return schema.New[graph.Condition](schema.Condition, l.source(cb), l.blockSpan(cb))
}

func (l *loader) readHeader(hb *evalBlock) *graph.Header {
	return schema.New[graph.Header](schema.Header, l.source(hb), l.blockSpan(hb))
}

func (l *loader) readRequestSetting(rb *evalBlock) *graph.RequestSetting {
	return schema.New[graph.RequestSetting](schema.RequestSetting, l.source(rb), l.blockSpan(rb))
}

func (l *loader) readVCL(inst *instance, vb *evalBlock) *graph.VCLSource {
	v := schema.New[graph.VCLSource](schema.VCL, l.source(vb), l.blockSpan(vb))
	l.noteUnknown(inst, v.Span, func() string { return fmt.Sprintf("custom VCL %q", l.objectName(vb.attr("name"), v.Name)) }, namedAttr{"content", vb.attr("content")})
	return v
}

func (l *loader) readLink(s *graph.Service, inst *instance, lb *evalBlock) *graph.Link {
	link := schema.New[graph.Link](schema.Link, l.source(lb), l.blockSpan(lb))
	link.Service = s
	l.noteUnknown(inst, link.Span, func() string { return fmt.Sprintf("resource link %q", l.objectName(lb.attr("name"), link.Name)) },
		namedAttr{"name", lb.attr("name")}, namedAttr{"resource_id", lb.attr("resource_id")})
	return link
}

// objectName is how a message names an object by its name attribute: the
// value when it is known, else the expression as written, in template
// form ("origin-${var.env}", "${aws_s3_bucket.b.bucket}"): a name built
// from a value not known yet is still recognisable by its text.
func (l *loader) objectName(a *evalAttr, name graph.Field[string]) string {
	if name.Known() || a == nil || a.expr == nil {
		return name.Value
	}
	r := a.expr.Range()
	src, ok := l.bytes(l.file(r.Filename), r.Start.Byte, r.End.Byte)
	if !ok || len(src) == 0 {
		return name.Value
	}
	text := strings.TrimSpace(string(src))
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
		text = text[1 : len(text)-1] // a template: as written
	} else {
		text = "${" + text + "}" // an expression: as a template would hold it
	}
	if len(text) > 80 {
		text = text[:77] + "…"
	}
	return text
}

// source presents an evaluated block to the schema's reader.
func (l *loader) source(b *evalBlock) schema.Source { return &hclSource{l, b} }

// hclSource is one evaluated block, read by the provider's attribute
// names. (Values of the wrong type are reported by the evaluator, so the
// names a message would use are not needed here.)
type hclSource struct {
	l *loader
	b *evalBlock
}

func (h *hclSource) Format() schema.Format                     { return schema.Terraform }
func (h *hclSource) String(name, _ string) graph.Field[string] { return h.l.str(h.b.attr(name)) }
func (h *hclSource) Ref(name, _ string) graph.Field[string]    { return h.l.ref(h.b.attr(name)) }
func (h *hclSource) Int(name, _ string) graph.Field[int]       { return h.l.num(h.b.attr(name)) }
func (h *hclSource) Bool(name, _ string) graph.Field[bool]     { return h.l.flag(h.b.attr(name)) }
func (h *hclSource) Text(name, _ string) graph.Text            { return h.l.text(h.b.attr(name)) }

// instanceLabel names an instance as Terraform addresses it, and, for an
// instance inside a module, the root module that instantiates it: the
// same module file serves every environment, so its address alone does
// not say which one a note is about.
func (l *loader) instanceLabel(inst *instance) string {
	return inRoot(inst.addr, l.instanceRoot(inst))
}

// inRoot names an instance by its address and root module ("" for none).
func inRoot(addr, root string) string {
	if root == "" {
		return addr
	}
	return addr + " in root module " + root
}

// instanceRoot is the root module instanceLabel names ("" for none).
func (l *loader) instanceRoot(inst *instance) string {
	if !strings.HasPrefix(inst.addr, "module.") || inst.root == "" {
		return ""
	}
	root := inst.root
	if l.opts.Root != "" {
		if rel, err := filepath.Rel(l.opts.Root, inst.root); err == nil && !strings.HasPrefix(rel, "..") {
			root = rel
		}
	}
	if root == "." {
		if abs, err := filepath.Abs(inst.root); err == nil {
			root = filepath.Base(abs)
		}
	}
	return filepath.ToSlash(root)
}

// labelMark stands in an instance note's message for the instances it is
// about (flushInstanceNotes).
const labelMark = "\x00instances\x00"

// instanceNote is a note about one instance of a block. A module
// instantiated several times (an environment each, or count) gives each
// instance the same note at the same place; they are one note, naming
// every instance.
type instanceNote struct {
	p          graph.Problem // its Message holds labelMark
	addr, root string
}

func (l *loader) noteInstance(inst *instance, p graph.Problem) {
	l.instanceNotes = append(l.instanceNotes, instanceNote{p: p, addr: inst.addr, root: l.instanceRoot(inst)})
}

// flushInstanceNotes adds the instance notes to the graph, one for each
// rule, place and message, naming the instances it is about.
func (l *loader) flushInstanceNotes() {
	type key struct {
		rule      graph.RuleID
		file, msg string
		off       int
	}
	index := map[key]int{}
	var groups [][]instanceNote
	for _, n := range l.instanceNotes {
		pos := l.g.Files.Position(n.p.Pos)
		k := key{n.p.Rule, pos.Filename, n.p.Message, pos.Offset}
		if i, ok := index[k]; ok {
			if !slices.ContainsFunc(groups[i], func(o instanceNote) bool { return o.addr == n.addr && o.root == n.root }) {
				groups[i] = append(groups[i], n) // one instance's objects may share a place (dynamic blocks)
			}
			continue
		}
		index[k] = len(groups)
		groups = append(groups, []instanceNote{n})
	}
	for _, g := range groups {
		p := g[0].p
		p.Message = strings.Replace(p.Message, labelMark, instancesLabel(g), 1)
		l.g.Notes = append(l.g.Notes, p)
	}
	l.instanceNotes = nil
}

// instancesLabel names the instances of a group of notes: the first, and
// how many more, with up to three of them.
func instancesLabel(g []instanceNote) string {
	label := func(n instanceNote, withRoot bool) string {
		if !withRoot {
			return n.addr
		}
		return inRoot(n.addr, n.root)
	}
	sameRoot := true
	for _, n := range g {
		sameRoot = sameRoot && n.root == g[0].root
	}
	if len(g) == 1 {
		return label(g[0], true)
	}
	var others []string
	for _, n := range g[1:min(len(g), 4)] {
		others = append(others, label(n, !sameRoot))
	}
	if len(g) > 4 {
		others = append(others, "…")
	}
	more := "instances"
	if len(g) == 2 {
		more = "instance"
	}
	out := fmt.Sprintf("%s and %d more %s of the block (%s)", label(g[0], !sameRoot), len(g)-1, more, strings.Join(others, ", "))
	if sameRoot {
		out = inRoot(out, g[0].root)
	}
	return out
}

// packagePath reads the package a Compute service deploys: its filename
// when that is a known string, else the file its source_code_hash hashes
// (filesha512("…"), data.fastly_package_hash.x.hash).
func (l *loader) packagePath(inst *instance, pb *evalBlock) graph.Field[string] {
	a := pb.attr("filename")
	if a != nil && a.val.IsKnown() && !a.val.IsNull() && a.val.Type() == cty.String && a.val.AsString() != "" && !isSynthetic(a.val) {
		f := l.str(a)
		f.Value = absPath(inst.root, a.val.AsString())
		return f
	}
	// filename = data.external.build.result.path: the package is what a
	// program run in the data source's working_dir builds, so it lies in
	// that directory (simple-infra's docs-rs builds it so).
	if a != nil {
		for _, t := range a.expr.Variables() {
			if len(t) < 3 || t.RootName() != "data" || attrName(t) != "external" {
				continue
			}
			if ta, ok := t[2].(hcl.TraverseAttr); ok {
				if dir := inst.externals[ta.Name]; dir != "" {
					f := l.str(a)
					f.Value, f.Unknown = filepath.Join(dir, "(the package data.external."+ta.Name+" builds)"), false
					return f
				}
			}
		}
	}
	if a := pb.attr("source_code_hash"); a != nil && a.val.IsKnown() && !a.val.IsNull() && a.val.Type() == cty.String && strings.HasPrefix(a.val.AsString(), fileHashPrefix) {
		f := l.str(a)
		f.Value, f.Unknown = strings.TrimPrefix(a.val.AsString(), fileHashPrefix), false
		return f
	}
	return graph.Field[string]{}
}

func (l *loader) field(a *evalAttr) (pos, end token.Pos, set, unknown bool) {
	if a == nil {
		return token.NoPos, token.NoPos, false, false
	}
	r := a.expr.Range()
	pos, end = l.pos(r, false), l.pos(r, true)
	if !a.val.IsWhollyKnown() {
		return pos, end, true, true
	}
	return pos, end, !a.val.IsNull(), false
}

// ref reads an attribute that refers to another resource by ID: a stand-in
// ID is kept, so the reference can be followed.
func (l *loader) ref(a *evalAttr) graph.Field[string] {
	f := l.str(a)
	if a != nil && isSynthetic(a.val) {
		f.Value, f.Unknown = a.val.AsString(), false
	}
	return f
}

// str reads an attribute; a stand-in ID reads as unknown.
func (l *loader) str(a *evalAttr) graph.Field[string] {
	pos, end, set, unknown := l.field(a)
	f := graph.Field[string]{Set: set, Unknown: unknown}.At(pos, end)
	if set && !unknown {
		switch {
		case isSynthetic(a.val):
			f.Unknown = true
		case a.val.Type() == cty.String:
			f.Value = a.val.AsString()
		case a.val.Type() == cty.Number:
			bf := a.val.AsBigFloat()
			if bf.IsInf() || bf.Sign() != 0 && bf.MantExp(nil) > 64 {
				// Out of any Fastly field's range, and slow to print in
				// decimal (1e10000000 took half a minute).
				f.Unknown = true
				l.outOfRange(a)
				break
			}
			f.Value = numberText(bf)
		case a.val.Type() == cty.Bool:
			f.Value = fmt.Sprint(a.val.True())
		default:
			f.Unknown = true
		}
	}
	return f
}

// numberText is bf in decimal, as bf.Text('f', -1) writes it; a whole
// number that fits in an int64 (every port, priority, TTL) is written
// without big.Float's shortest-decimal search, which allocates some 2 KB
// per number.
func numberText(bf *big.Float) string {
	if bf.IsInt() && !(bf.Sign() == 0 && bf.Signbit()) {
		if i, acc := bf.Int64(); acc == big.Exact {
			return strconv.FormatInt(i, 10)
		}
	}
	return bf.Text('f', -1)
}

func (l *loader) num(a *evalAttr) graph.Field[int] {
	s := l.str(a)
	f := graph.Field[int]{Set: s.Set, Unknown: s.Unknown}.At(s.Pos, s.End())
	if s.Known() {
		n, err := strconv.ParseInt(s.Value, 10, 32)
		switch {
		case err == nil && n >= 0:
			f.Value = int(n)
		case a.val.Type() == cty.Number:
			f.Unknown = true
			l.outOfRange(a)
		default:
			f.Unknown = true
		}
	}
	return f
}

// outOfRange reports a number no Fastly field holds (a whole number from 0
// to 2^31-1), at its attribute.
func (l *loader) outOfRange(a *evalAttr) {
	rng := a.expr.Range()
	l.problems(hcl.Diagnostics{{Severity: hcl.DiagError, Subject: &rng, Summary: "Number out of range",
		Detail: fmt.Sprintf("%s must be a whole number from 0 to 2147483647", a.name)}})
}

func (l *loader) flag(a *evalAttr) graph.Field[bool] {
	s := l.str(a)
	return graph.Field[bool]{Value: s.Value == "true", Set: s.Set, Unknown: s.Unknown}.At(s.Pos, s.End())
}

// fileCall is the file() call an attribute's value is, alone: file(…),
// "${file(…)}" (Terraform 0.11's form) or (file(…)); nil otherwise.
func fileCall(e hcl.Expression) *hclsyntax.FunctionCallExpr {
	for {
		switch x := e.(type) {
		case *hclsyntax.FunctionCallExpr:
			if x.Name == "file" && len(x.Args) == 1 {
				return x
			}
			return nil
		case *hclsyntax.TemplateWrapExpr:
			e = x.Wrapped
		case *hclsyntax.ParenthesesExpr:
			e = x.Expression
		case *chargedExpr:
			e = x.Expression
		default:
			return nil
		}
	}
}

// fileRead finds the file a file() call read, among the files read whose
// content is the value: the one whose path ends with the literal end of
// the call's argument ("${path.module}/vcl/a.vcl" ends with /vcl/a.vcl),
// so that two byte-identical files read by two calls are each the one
// its call names; else the first by name.
func (l *loader) fileRead(call *hclsyntax.FunctionCallExpr, content string) *graph.File {
	cands := l.read.matching(content)
	if len(cands) == 0 {
		return nil
	}
	slices.SortFunc(cands, func(a, b *graph.File) int { return strings.Compare(a.Name, b.Name) })
	if suffix := strings.TrimPrefix(literalEnd(call.Args[0]), "./"); suffix != "" {
		for _, rf := range cands {
			if strings.HasSuffix(filepath.ToSlash(rf.Name), suffix) {
				return rf
			}
		}
	}
	return cands[0]
}

// literalEnd is the literal text an expression's string ends with: all
// of a literal, or a template's literal parts after its last
// interpolation.
func literalEnd(e hcl.Expression) string {
	switch x := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		if x.Val.Type() == cty.String && x.Val.IsKnown() && !x.Val.IsNull() {
			return x.Val.AsString()
		}
	case *hclsyntax.TemplateExpr:
		end := ""
		for i := len(x.Parts) - 1; i >= 0; i-- {
			lit, ok := x.Parts[i].(*hclsyntax.LiteralValueExpr)
			if !ok || lit.Val.Type() != cty.String || !lit.Val.IsKnown() || lit.Val.IsNull() {
				break
			}
			end = lit.Val.AsString() + end
		}
		return end
	case *hclsyntax.ParenthesesExpr:
		return literalEnd(x.Expression)
	case *chargedExpr:
		return literalEnd(x.Expression)
	}
	return ""
}

// text positions VCL content: in the file file() read, or inside the
// heredoc or string that holds it.
func (l *loader) text(a *evalAttr) graph.Text {
	f := l.str(a)
	if f.Known() {
		f.Value = l.internText(f.Value)
	}
	t := graph.Text{Field: f}
	if !f.Known() {
		return t
	}
	if call := fileCall(a.expr); call != nil {
		if rf := l.fileRead(call, f.Value); rf != nil {
			rf = l.file(rf.Name)
			t.Field, t.Map = t.At(rf.Pos(0), rf.Pos(len(rf.Content))), nil
			return t
		}
	}
	if l.renderedText(&t) {
		return t
	}
	r := a.expr.Range()
	src := l.file(r.Filename)
	region, ok := l.bytes(src, r.Start.Byte, r.End.Byte)
	if !ok {
		return t
	}
	segs, quoted := quotedSegments(region, r.Start.Byte, f.Value)
	if !quoted {
		segs = tree.MatchLines(region, r.Start.Byte, f.Value)
	}
	t.Map = l.made.texts.New(len(segs))
	for i, seg := range segs {
		t.Map.Runs[i] = graph.NewSegment(int(seg.Dec), src.Pos(int(seg.Src)), t.Pos)
	}
	return t
}

// internText returns one copy of each distinct text of internMin bytes or
// more: a module's snippets and conditions evaluate to the same VCL for
// every instance, and each evaluation is a new string (16,000 services of
// the synthetic estate held 2.8 MB of snippet text, 1.1 MB of it
// distinct).
func (l *loader) internText(s string) string {
	if len(s) < internMin {
		return s
	}
	if t, ok := l.texts[s]; ok {
		return t
	}
	if l.texts == nil {
		l.texts = map[string]string{}
	}
	l.texts[s] = s
	return s
}

// internMin is the shortest text internText keeps one copy of: below it,
// a map entry costs what a copy does.
const internMin = 64

// backendRefs lists the resources and modules a backend block's address
// and override_host refer to (graph.Backend.Refs).
func backendRefs(bb *evalBlock) []string {
	return references(bb.attr("address"), bb.attr("override_host"))
}

// setBackendRefs records refs as be's, a backend of s (Backend.Refs).
func setBackendRefs(s *graph.Service, be *graph.Backend, refs []string) {
	if len(refs) == 0 || s.Terraform == nil {
		return
	}
	if s.Terraform.BackendRefs == nil {
		s.Terraform.BackendRefs = map[*graph.Backend][]string{}
	}
	s.Terraform.BackendRefs[be] = refs
}

// references lists the resources ("type.name") and modules
// ("module.name") attributes' expressions refer to.
func references(attrs ...*evalAttr) []string {
	var out []string
	for _, a := range attrs {
		if a == nil {
			continue
		}
		for _, t := range variables(a.expr) {
			if ref := traversalRef(t); ref != "" && !slices.Contains(out, ref) {
				out = append(out, ref)
			}
		}
	}
	return out
}

// traversalRef is what a traversal names for ordering: "type.name" for
// a resource, "module.name" for a module call, "" for anything else.
func traversalRef(t hcl.Traversal) string {
	root := t.RootName()
	if len(t) < 2 || root == "var" || root == "local" || root == "data" || root == "path" || root == "each" || root == "count" || root == "terraform" || root == "self" {
		return ""
	}
	if attr, ok := t[1].(hcl.TraverseAttr); ok {
		return root + "." + attr.Name
	}
	return ""
}

// dependsOn lists the resources and modules a block's depends_on names.
func dependsOn(b *hcl.Block) []string {
	sb, ok := b.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	a := sb.Attributes["depends_on"]
	if a == nil {
		return nil
	}
	var out []string
	for _, t := range a.Expr.Variables() {
		if ref := traversalRef(t); ref != "" {
			out = append(out, ref)
		}
	}
	return out
}
