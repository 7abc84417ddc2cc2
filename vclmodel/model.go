// Package vclmodel is the VCL model: it reads each VCL service's custom
// VCL and snippets with the vcl parser, as Fastly assembles and runs them,
// and puts into the graph what chain rules need: backend declarations as
// backends, Host overrides set in vcl_miss and vcl_pass (with their
// conditions), static backend selections, custom vcl_hash code, headers
// set to or checked against literals, digests keyed by literals, and the
// request-flow model's paths (Service.VCL). Syntax errors become
// positioned vcl-syntax problems, mapped back through whatever file embeds
// the VCL. It also holds the VCL's Host semantics (EffectiveHost: which
// layer decides the Host a backend sends).
//
// It is an analysis step, not a loader: the format loaders only read, and
// the pass driver runs ApplyAll once over the loaded graph
// (analyzer.VCLModelAnalyzer) before the rules that require it. The
// package knows the VCL language and the graph, not any file format.
package vclmodel

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unique"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/vcl"
)

// source is one parsed piece of VCL and the text it was parsed from.
type source struct {
	text graph.Text // its Value decoded (graph.Text.Decoded)
	file *vcl.File
}

// newSource parses a VCL text of a service as a snippet of a type, or as
// a "file".
func newSource(g *graph.Graph, text graph.Text, typ string, a *vcl.Arena, srcs *chunk.Arena[source]) *source {
	text.Value = text.Decoded()
	src := srcs.New()
	*src = source{text: text, file: parse(g, text.Value, typ, a)}
	return src
}

// body is a subroutine body, from a custom VCL sub or a snippet.
type body struct {
	src   *source
	stmts []vcl.Stmt
}

type reader struct {
	g *graph.Graph
	// sink receives what the reader reports (problems, secrets): g, or
	// a scratch graph of one service when services are read in parallel.
	sink  *graph.Graph
	s     *graph.Service
	facts *graph.VCLFacts
	// sets and checks are the literal header sets and access checks the
	// scan finds (graph.HeaderFacts), kept as fingerprints once it is
	// over.
	sets, checks []*graph.HeaderValue
	// setPrints are the fingerprints of the literal header sets, as apply
	// keeps them: only a second read (again) makes the sets themselves.
	setPrints []graph.Fingerprint
	// checkNodes are the comparisons of checks, index by index
	// (refusesOnMismatch).
	checkNodes []*vcl.BinaryExpr
	subs       subTable
	// syntaxErrors reports VCL that did not parse: the request-flow model
	// does not run on part of a program.
	syntaxErrors bool
	// forwardedAt and guardAt are where facts.ForwardedHeaders and
	// GuardHeaders were read, index by index (firstOf).
	forwardedAt, guardAt []origin
	// again marks a second read of a service (headerValues): the service
	// has its backends already.
	again bool
	// arena, when not nil, holds the custom VCL trees the reader parses,
	// which must not be read once it is reset (a scratch's reader);
	// sources, the sources it makes (nil: each on the heap).
	arena   *vcl.Arena
	sources *chunk.Arena[source]
	// gen, when not nil, is where generated VCL's snips are made (a
	// scratch's reader).
	gen *genRoom
}

// ApplyAll reads the VCL of every VCL service of g, once the loaders are
// done: one step over the loaded model, whatever format each service came
// from. Services a loader had Prepare read already are not read again.
// Services are read on GOMAXPROCS goroutines; what they report joins g in
// service order, so the result is the same as a sequential read.
func ApplyAll(g *graph.Graph) {
	if g.VCLModelled {
		return
	}
	var services []*graph.Service
	for _, s := range g.Services {
		if s.Platform == graph.PlatformVCL && s.VCL == nil {
			services = append(services, s)
		}
	}
	// A worker reads into a sink of its own; what a service reported (few
	// do) is kept in a graph of its own, nil for the rest (a graph a
	// service, all alive until the merge, was 2.8 MB at 16,000 services,
	// when the heap is at its fullest).
	reported := make([]*graph.Graph, len(services))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var sink graph.Graph
			for i := range work {
				apply(g, &sink, services[i])
				if len(sink.Problems) > 0 || len(sink.Notes) > 0 || len(sink.Secrets) > 0 {
					reported[i] = &graph.Graph{Problems: sink.Problems, Notes: sink.Notes, Secrets: sink.Secrets}
					sink = graph.Graph{}
				}
			}
		})
	}
	for i := range services {
		work <- i
	}
	close(work)
	wg.Wait()
	g.Merge(slices.DeleteFunc(reported, func(r *graph.Graph) bool { return r == nil })...) // in service order; they hold no services or stores
	findSecrets(g)
	g.Finish() // the problems it added, in order
	g.VCLModelled = true
	if !g.Memo.Persistent() {
		g.Memo = nil // a load's own cache: what it parsed is garbage now
	}
}

// findSecrets records the literals that are secrets: keys of digests,
// request headers vcl_recv compares with a literal (authentication checks;
// Host excepted), and header values a service sets that another service
// checks (a shared secret).
func findSecrets(g *graph.Graph) {
	// A fingerprint covers the header and the literal (fingerprint), so
	// it alone is the key: VCL with routing tables checks hundreds of
	// headers a service, and this step is serial.
	n := 0
	for _, s := range g.Services {
		if h := headerFacts(s); h != nil {
			n += len(h.CheckPrints)
		}
	}
	checked := make(map[graph.Fingerprint]uint8, n) // 1: a service checks it; 2: one also sets it
	for _, s := range g.Services {
		if s.VCL == nil {
			continue
		}
		for _, k := range s.VCL.LiteralKeys() {
			g.Secrets = append(g.Secrets, k.Secret)
		}
		if h := headerFacts(s); h != nil {
			for _, fp := range h.CheckPrints {
				checked[fp] = 1
			}
		}
	}
	// What no service sets is checked in vain, and what none checks is
	// set in vain: neither can be half of a shared secret. Only the VCL
	// of a service with half of one is read again, for the facts.
	kept := func(prints []graph.Fingerprint, want uint8) bool {
		return slices.ContainsFunc(prints, func(fp graph.Fingerprint) bool { return checked[fp] >= want })
	}
	for _, s := range g.Services {
		h := headerFacts(s)
		if h == nil || !kept(h.SetPrints, 1) {
			continue
		}
		sets, _ := headerValues(g, s)
		h.Sets = slices.DeleteFunc(sets, func(set *graph.HeaderValue) bool {
			if checked[set.Fingerprint] == 0 {
				return true
			}
			checked[set.Fingerprint] = 2
			g.Secrets = append(g.Secrets, set.Secret)
			return false
		})
	}
	for _, s := range g.Services {
		h := headerFacts(s)
		if h == nil || !kept(h.CheckPrints, 2) {
			continue
		}
		_, checks := headerValues(g, s)
		h.Checks = slices.DeleteFunc(checks, func(c *graph.HeaderValue) bool { return checked[c.Fingerprint] != 2 })
	}
	for _, s := range g.Services {
		if h := headerFacts(s); h != nil {
			h.SetPrints, h.CheckPrints = nil, nil
			if len(h.Sets) == 0 && len(h.Checks) == 0 {
				s.VCL.Headers = nil // half of no shared secret: most services
			}
		}
	}
}

// headerFacts returns s.VCL.Headers, or nil.
func headerFacts(s *graph.Service) *graph.HeaderFacts {
	if s.VCL == nil {
		return nil
	}
	return s.VCL.Headers
}

// Apply reads the VCL of s. It does nothing for a service without VCL.
// Unlike ApplyAll, it keeps every literal header set and access check of
// s (no other service is read to say which are half of a shared secret).
func Apply(g *graph.Graph, s *graph.Service) {
	apply(g, g, s)
	if h := headerFacts(s); h != nil {
		h.Sets, h.Checks = headerValues(g, s)
		h.SetPrints, h.CheckPrints = nil, nil
	}
}

// Prepare reads the VCL of s, a service of g that a loader has just
// built, reporting into sink (loader.Options.Prepare): ApplyAll then
// reads only what is left. It does nothing for a service that is not a
// VCL service or was read already.
func Prepare(g, sink *graph.Graph, s *graph.Service) {
	if s.Platform == graph.PlatformVCL && s.VCL == nil {
		apply(g, sink, s)
	}
}

// apply reads s.
func apply(g, sink *graph.Graph, s *graph.Service) {
	if len(s.VCLs) == 0 && len(s.Snippets) == 0 && !apiObjects(s) {
		return
	}
	sc := scratches.Get().(*scratch)
	defer sc.put()
	sc.read(g, sink, s)
}

// read reads s on the scratch (apply's work).
func (sc *scratch) read(g, sink *graph.Graph, s *graph.Service) {
	r := &sc.r
	r.g, r.sink, r.s, r.facts = g, sink, s, sc.slab.vclFacts()
	r.arena, r.sources = &sc.arena, &sc.sources
	sc.gen = genRoom{trees: &sc.arena, sources: &sc.sources, infos: &sc.infos}
	r.gen = &sc.gen
	p := r.fill(&sc.p, false)
	r.facts.ContentUnknown = !p.known
	r.hostSets("vcl_miss")
	r.hostSets("vcl_pass")
	r.scanAll()
	// trace follows one request through the same program (RunRequest),
	// its conditions decided by the request (no fork, no merge). The
	// program is read again then (through the parse cache), so that a
	// lint run keeps no syntax trees.
	if p.known && !r.syntaxErrors {
		r.runFlow(sc.flow(p))
	}
	// What the sets and checks are is kept only as fingerprints until
	// every service is read (findSecrets): few are half of a shared
	// secret. A checked literal is a secret all the same.
	for _, c := range r.checks {
		r.sink.Secrets = append(r.sink.Secrets, c.Secret)
	}
	if len(r.setPrints) > 0 || len(r.checks) > 0 {
		checks := make([]graph.Fingerprint, len(r.checks))
		for i, c := range r.checks {
			checks[i] = c.Fingerprint
		}
		r.facts.Headers = &graph.HeaderFacts{SetPrints: distinct(slices.Clone(r.setPrints)), CheckPrints: distinct(checks)}
	}
	r.sets, r.checks = nil, nil
	r.facts.ForwardedHeaders = sc.slab.nameRuns().Copy(r.facts.ForwardedHeaders)
	r.facts.GuardHeaders = sc.slab.nameRuns().Copy(r.facts.GuardHeaders)
	s.VCL = r.facts
	settleTexts(s)
}

// distinct returns the distinct fingerprints of prints, sorted in place (a
// routing table sets hundreds of headers: no quadratic dedup).
func distinct(prints []graph.Fingerprint) []graph.Fingerprint {
	if len(prints) == 0 {
		return nil
	}
	slices.SortFunc(prints, func(a, b graph.Fingerprint) int { return bytes.Compare(a[:], b[:]) })
	return slices.Clip(slices.Compact(prints))
}

// headerValues reads the VCL of s, a service apply has read, again for
// its literal header sets and its access checks (apply keeps their
// fingerprints only).
func headerValues(g *graph.Graph, s *graph.Service) (sets, checks []*graph.HeaderValue) {
	r := &reader{g: g, sink: &graph.Graph{}, s: s, facts: &graph.VCLFacts{}, again: true}
	r.program(false)
	r.scanAll()
	return r.sets, r.checks
}

// settleTexts thins the position maps of a service's VCL texts once the
// model has read them (graph.TextMap.Checkpoint): later positions (a
// trace, a message) are few. It releases the decoded VCL of custom VCL
// files and snippets read from JSON (graph.Text.Release): a trace or the
// effective VCL decodes it again. What the model keeps holds no part of
// it (TestFactsHoldNoReleasedText).
func settleTexts(s *graph.Service) {
	for _, v := range s.VCLs {
		v.Content.Map.Checkpoint()
		release(&v.Content)
	}
	for _, sn := range s.Snippets {
		sn.Content.Map.Checkpoint()
		release(&sn.Content)
	}
	for _, c := range s.Conditions() {
		c.Statement.Map.Checkpoint()
	}
	for _, h := range s.Headers() {
		h.Src.Map.Checkpoint()
	}
}

// RunRequest runs the request-flow model of s, a service of g, again for
// one request, its conditions decided by the request where they can be
// (trace): the paths that request takes, with only the conditions it could
// not decide. Nil when the model did not run for s (s.VCL.Exits is nil)
// or gave up on the request.
func RunRequest(g *graph.Graph, s *graph.Service, req *graph.Request) []*graph.Exit {
	if s.VCL == nil || s.VCL.Exits == nil {
		return nil
	}
	r := &reader{g: g, sink: &graph.Graph{}, s: s, facts: &graph.VCLFacts{}}
	p := r.program(true)
	fl := r.newFlow(p)
	fl.req = req
	if generated, ok := generatedRecv(s, false, nil); ok {
		fl.generated = generated
	}
	exits, ok := fl.run()
	if !ok {
		return nil
	}
	return exits
}

// program is a service's VCL as Fastly assembles it: the custom VCL's
// subroutines, the snippets by subroutine, and the files included inside
// a subroutine (which hold that subroutine's statements).
type program struct {
	custom    subTable
	snippets  snipTable
	included  map[string]*source // by file name
	hasCustom bool
	known     bool
}

// program parses the service's VCL files and snippets (quiet: again, for
// trace, reporting and recording nothing).
func (r *reader) program(quiet bool) *program { return r.fill(&program{}, quiet) }

// fill is program into p, an empty program.
func (r *reader) fill(p *program, quiet bool) *program {
	a := r.arena
	p.known = true
	var inSub map[string]string
	if len(r.s.VCLs) > 1 {
		inSub = includedInSubs(r.g, r.s)
	}
	for _, v := range r.s.VCLs {
		if !v.Content.Known() {
			p.known = false
			continue
		}
		p.hasCustom = true
		if sub := inSub[v.Name.Value]; sub != "" && !v.Main.Value {
			// Included inside a subroutine: bare statements of it.
			src := newSource(r.g, v.Content, strings.TrimPrefix(sub, "vcl_"), a, r.sources)
			if p.included == nil {
				p.included = map[string]*source{}
			}
			p.included[v.Name.Value] = src
			if !quiet {
				r.add(src, "")
			}
			continue
		}
		src := newSource(r.g, v.Content, "file", a, r.sources)
		if !quiet {
			r.add(src, "")
		}
		addSubs(&p.custom, src)
	}
	for _, sn := range r.s.Snippets {
		if !sn.Content.Known() {
			p.known = false
			continue
		}
		typ := strings.ToLower(sn.Type.Value)
		src := newSource(r.g, sn.Content, typ, a, r.sources)
		sub := vcl.SubroutineSnippetTypes[typ]
		if !quiet {
			r.add(src, sub)
		}
		switch {
		case sub != "":
			p.snippets.add(snip{sub: sub, snippet: sn, src: src, stmts: src.file.Stmts})
		case typ == "init":
			addSubs(&p.custom, src)
		}
	}
	return p
}

// includedInSubs maps the name of each VCL file that a subroutine of
// another file includes (include "NAME"; as a statement) to that
// subroutine.
func includedInSubs(g *graph.Graph, s *graph.Service) map[string]string {
	out := map[string]string{}
	for _, v := range s.VCLs {
		text := v.Content.Decoded()
		if !v.Content.Known() || !strings.Contains(text, "include") {
			continue
		}
		f := parse(g, text, "file", nil)
		for _, d := range f.Decls {
			if sd, ok := d.(*vcl.SubDecl); ok {
				walkStmts(sd.Body.Stmts, func(st vcl.Stmt) {
					if inc, ok := st.(*vcl.IncludeStmt); ok {
						out[inc.Path.Value] = sd.Name.Name
					}
				})
			}
		}
	}
	return out
}

// newFlow prepares the request-flow model of the service's program (the
// generated VCL is added when the model runs: see runFlow).
func (r *reader) newFlow(p *program) *flow {
	return &flow{r: r, prog: p, custom: &p.custom, snippets: &p.snippets, hasCustom: p.hasCustom,
		touches: map[string]bool{}, relevance: map[vcl.Stmt]bool{}}
}

// apiObjects reports API objects that render VCL the model reads: a
// header, a request setting, or a backend under a request condition.
func apiObjects(s *graph.Service) bool {
	if len(s.Headers()) > 0 || len(s.RequestSettings()) > 0 {
		return true
	}
	for _, b := range s.Backends {
		if b.RequestCondition.Set && b.RequestCondition.Value != "" {
			return true
		}
	}
	return false
}

// addSubs records the subroutines a parsed source declares.
func addSubs(subs *subTable, src *source) {
	for _, d := range src.file.Decls {
		if sd, ok := d.(*vcl.SubDecl); ok {
			subs.add(sd.Name.Name, body{src, sd.Body.Stmts})
		}
	}
}

// parse parses VCL held in the graph (a VCL file's or a snippet's
// content) as a whole file ("file") or as a snippet of a type, through the
// graph's parse cache. The syntax tree shares the content's memory.
//
// A custom VCL file's tree is parsed into a, when a is not nil, and the
// caller's until a.Reset, unless the same text was parsed before (a
// module's VCL for each of its instances): the model reads a service's
// program and keeps nothing of it, and an estate's files are mostly its
// services' own (16,000 services: 1,500 files, 8 MB of trees made and
// dropped). Snippets are shared by many services, and cached.
func parse(g *graph.Graph, src string, typ string, a *vcl.Arena) *vcl.File {
	if f := tooLarge(len(src), typ); f != nil {
		return f
	}
	// A tree (some 30 bytes per byte of VCL) is not kept for the rest of
	// the load: with services read as they load, an estate's every tree
	// would be alive at once (1,000 services with a 9 KB snippet each:
	// a peak heap of 101 MB for a live heap of 24 at the end).
	if typ == "file" {
		heap := func() *vcl.File { return vcl.ParseString(src) }
		if a == nil {
			return memo.GetWeak(g.Memo, vclKind(typ), src, heap)
		}
		f, _ := memo.GetOwn(g.Memo, vclKind(typ), src, func() *vcl.File { return vcl.ParseStringIn(a, src) }, heap)
		return f
	}
	return memo.GetWeak(g.Memo, vclKind(typ), src, func() *vcl.File { return vcl.ParseSnippetString(src, typ) })
}

// Parse parses the VCL of a .vcl file through a parse cache (the parallel
// read ahead of loading calls it too, with type "").
func Parse(m *memo.Cache, src []byte, typ string) *vcl.File {
	if f := tooLarge(len(src), typ); f != nil {
		return f
	}
	return m.Get(vclKind(typ), src, func() any {
		if typ == "file" {
			return vcl.Parse(src)
		}
		return vcl.ParseSnippet(src, typ)
	}).(*vcl.File)
}

// vclKinds are the parse cache's kinds for VCL parsed as each snippet
// type, and as a file.
var vclKinds = func() map[string]string {
	m := map[string]string{"": "vcl:", "file": "vcl:file", "init": "vcl:init", "none": "vcl:none"}
	for typ := range vcl.SubroutineSnippetTypes {
		m[typ] = "vcl:" + typ
	}
	return m
}()

// vclKind is the parse cache's kind for VCL parsed as typ (a snippet
// type, "file", or "").
func vclKind(typ string) string {
	if k, ok := vclKinds[typ]; ok {
		return k
	}
	return "vcl:" + typ
}

// tooLarge returns the parse of VCL over MaxVCLSize, which is not parsed:
// one error.
func tooLarge(size int, typ string) *vcl.File {
	if size <= MaxVCLSize {
		return nil
	}
	// Parsing costs about 30 bytes of memory per byte of VCL: a 100 MB
	// file took 4.7 GB. Fastly refuses such a file anyway.
	msg := fmt.Sprintf("this VCL is %d bytes, over Fastly's limit of %d for a VCL file (VCL constraints and limitations): Fastly refuses it, and chainlint does not analyse it", size, MaxVCLSize)
	if typ != "file" && typ != "" {
		msg = fmt.Sprintf("this snippet is %d bytes, over the %d bytes Fastly allows a VCL file: chainlint does not analyse it", size, MaxVCLSize)
	}
	return &vcl.File{Errors: []*vcl.Error{{Pos: 0, End: 0, Msg: msg}}}
}

// MaxVCLSize is Fastly's limit on the size of a VCL file, 1 MB
// (https://www.fastly.com/documentation/reference/vcl/constraints-and-limitations/).
// chainlint parses no VCL larger than that.
const MaxVCLSize = 1 << 20

// ReportErrors records a parsed VCL text's syntax errors as vcl-syntax
// problems, positioned through whatever file embeds the text.
func ReportErrors(g *graph.Graph, text graph.Text, f *vcl.File) {
	for _, e := range f.Errors {
		g.AddProblem(graph.Problem{Rule: graph.RuleVCLSyntax, Pos: text.PosAt(e.Pos), End: text.PosAt(e.End), Message: "VCL syntax: " + e.Msg})
	}
}

// add records a parsed source: its errors, its declarations, and the
// statements of a snippet under the subroutine it is inserted into.
func (r *reader) add(src *source, snippetSub string) {
	ReportErrors(r.sink, src.text, src.file)
	r.syntaxErrors = r.syntaxErrors || len(src.file.Errors) > 0
	for _, d := range src.file.Decls {
		switch d := d.(type) {
		case *vcl.BackendDecl:
			if !r.again {
				r.s.Backends = append(r.s.Backends, r.backend(src, d))
			}
		case *vcl.SubDecl:
			r.addSub(d.Name.Name, body{src, d.Body.Stmts})
		}
	}
	if snippetSub != "" && len(src.file.Stmts) > 0 {
		r.addSub(snippetSub, body{src, src.file.Stmts})
	}
}

func (r *reader) addSub(name string, b body) {
	r.subs.add(name, b)
}

// valueSpan locates a string literal's value, inside its quotes, mapped
// through whatever encodes the VCL in its file.
func (r *reader) valueSpan(src *source, lit *vcl.StringLit) graph.Span {
	return graph.Span{Pos: src.text.PosAt(lit.ValuePos), End: src.text.PosAt(lit.ValuePos + len(lit.Value))}
}

func (r *reader) span(src *source, n vcl.Node) graph.Span {
	pos, end := n.Span()
	return graph.Span{Pos: src.text.PosAt(pos), End: src.text.PosAt(end)}
}

func (r *reader) backend(src *source, d *vcl.BackendDecl) *graph.Backend {
	b := &graph.Backend{Span: r.span(src, d), Service: r.s, VCL: &graph.VCLBackend{}}
	b.Name = stringField(src, d.Name, d.Name.Name)
	for _, p := range d.Props {
		if p.Value == nil {
			continue
		}
		switch p.Name.Name {
		case "host":
			b.Address = stringValue(src, p.Value)
		case "port":
			f := stringValue(src, p.Value)
			n, err := strconv.Atoi(f.Value)
			b.Port = graph.Field[int]{Value: n, Set: f.Set, Unknown: f.Unknown || err != nil}.At(f.Pos, f.End())
		case "host_header":
			b.VCL.HostHeader = stringValue(src, p.Value)
		case "always_use_host_header":
			b.VCL.AlwaysUseHostHeader = boolValue(src, p.Value)
		case "bypass_local_route_table":
			b.VCL.BypassLocalRouteTable = boolValue(src, p.Value)
		case "ssl":
			b.UseSSL = boolValue(src, p.Value)
		case "ssl_cert_hostname":
			b.SSLCertHostname = stringValue(src, p.Value)
		case "ssl_sni_hostname":
			b.SSLSNIHostname = stringValue(src, p.Value)
		}
	}
	return b
}

func stringField(src *source, n vcl.Node, value string) graph.Field[string] {
	pos, end := n.Span()
	return graph.Field[string]{Value: keep(value), Set: true}.At(src.text.PosAt(pos), src.text.PosAt(end))
}

// stringValue reads a literal; anything computed is Unknown.
func stringValue(src *source, e vcl.Expr) graph.Field[string] {
	switch e := e.(type) {
	case *vcl.StringLit:
		return stringField(src, e, e.Value)
	case *vcl.NumberLit:
		return stringField(src, e, e.Text)
	case *vcl.Ident:
		return stringField(src, e, e.Name)
	}
	f := stringField(src, e, "")
	f.Unknown = true
	return f
}

func boolValue(src *source, e vcl.Expr) graph.Field[bool] {
	f := stringValue(src, e)
	v := strings.EqualFold(f.Value, "true") || f.Value == "1"
	return graph.Field[bool]{Value: v, Set: true, Unknown: f.Unknown}.At(f.Pos, f.End())
}

// hostSets records the Host assignments reached from one subroutine,
// following calls into custom subroutines.
func (r *reader) hostSets(sub string) {
	visited := map[string]bool{}
	var visit func(name string, conds []vcl.Expr, srcOf *source)
	var walk func(src *source, stmts []vcl.Stmt, conds []vcl.Expr)
	walk = func(src *source, stmts []vcl.Stmt, conds []vcl.Expr) {
		for _, st := range stmts {
			switch st := st.(type) {
			case *vcl.SetStmt:
				if strings.EqualFold(st.Target.Name, "bereq.http.host") {
					r.facts.HostSets = append(r.facts.HostSets, r.hostSet(src, sub, st, conds))
				}
			case *vcl.IfStmt:
				// Each branch of an if / else-if chain holds under its own
				// condition and the negation of every earlier one.
				chain := conds
				for cur := st; cur != nil; {
					walk(src, cur.Then.Stmts, append(chain[:len(chain):len(chain)], cur.Cond))
					chain = append(chain[:len(chain):len(chain)], &vcl.UnaryExpr{Op: "!", X: cur.Cond})
					switch e := cur.Else.(type) {
					case *vcl.IfStmt:
						cur = e
						continue
					case *vcl.Block:
						walk(src, e.Stmts, chain)
					}
					cur = nil
				}
			case *vcl.Block:
				walk(src, st.Stmts, conds)
			case *vcl.SwitchStmt:
				for i, c := range st.Cases {
					walk(src, c.Stmts, append(conds[:len(conds):len(conds)], caseCond(st, i)))
				}
			case *vcl.CallStmt:
				visit(st.Name.Name, conds, src)
			}
		}
	}
	visit = func(name string, conds []vcl.Expr, _ *source) {
		if visited[name] {
			return
		}
		visited[name] = true
		for _, b := range r.subs.get(name) {
			walk(b.src, b.stmts, conds)
		}
	}
	visit(sub, nil, nil)
}

func (r *reader) hostSet(src *source, sub string, st *vcl.SetStmt, conds []vcl.Expr) *graph.HostSet {
	hs := &graph.HostSet{Span: r.span(src, st), Sub: keep(sub)}
	if lit, ok := st.Value.(*vcl.StringLit); ok && st.Op == "=" {
		hs.Host = keep(lit.Value)
	} else {
		hs.Dynamic = true
	}
	if len(conds) > 0 {
		var parts []string
		for _, c := range conds {
			parts = append(parts, exprText(src, c))
		}
		hs.Condition = strings.Clone(strings.Join(parts, " && "))
		hs.ShieldOnly = isShieldCheck(conds[len(conds)-1])
	}
	return hs
}

// isShieldCheck reports a condition that holds only when the request
// goes to a shield: req.backend.is_shield, alone or in a conjunction.
func isShieldCheck(e vcl.Expr) bool {
	switch e := e.(type) {
	case *vcl.Ident:
		return e.Name == "req.backend.is_shield"
	case *vcl.ParenExpr:
		return isShieldCheck(e.X)
	case *vcl.BinaryExpr:
		return e.Op == "&&" && (isShieldCheck(e.X) || isShieldCheck(e.Y))
	}
	return false
}

func exprText(src *source, e vcl.Expr) string {
	if u, ok := e.(*vcl.UnaryExpr); ok && u.Range == (vcl.Range{}) {
		return "!(" + exprText(src, u.X) + ")"
	}
	if b, ok := e.(*vcl.BinaryExpr); ok && b.Range == (vcl.Range{}) { // a switch case's test
		return exprText(src, b.X) + " " + b.Op + " " + exprText(src, b.Y)
	}
	pos, end := e.Span()
	v := src.text.Value
	if pos < 0 || end > len(v) || pos > end {
		return ""
	}
	return v[pos:end]
}

// caseCond is the test of a switch's case i: value == "x" or value ~
// "re", and for default the negation of every other case's test (zero
// ranges: exprText renders them from their parts).
func caseCond(sw *vcl.SwitchStmt, i int) vcl.Expr {
	c := sw.Cases[i]
	if c.Match != nil {
		op := "=="
		if c.Regex {
			op = "~"
		}
		return &vcl.BinaryExpr{Op: op, X: sw.Value, Y: c.Match}
	}
	var out vcl.Expr
	for j := range sw.Cases {
		if j == i || sw.Cases[j].Match == nil {
			continue
		}
		not := &vcl.UnaryExpr{Op: "!", X: caseCond(sw, j)}
		if out == nil {
			out = not
		} else {
			out = &vcl.BinaryExpr{Op: "&&", X: out, Y: not}
		}
	}
	if out == nil {
		return &vcl.Ident{Name: "true"}
	}
	return out
}

// scanAll walks every subroutine body for the other facts.
func (r *reader) scanAll() {
	context := r.callContexts()
	for name, bodies := range r.subs.all() { // by name: deterministic
		ctx := name
		if c, ok := context[name]; ok {
			ctx = c // a custom sub runs in the subroutine that calls it
		}
		for _, b := range bodies {
			if name == "vcl_hash" && customHash(b.stmts) && r.facts.HashCustom() == nil {
				sp := r.span(b.src, b.stmts[0])
				pos, _ := b.stmts[0].Span()
				_, end := b.stmts[len(b.stmts)-1].Span()
				key := fingerprint(strings.Join(strings.Fields(b.src.text.Value[pos:end]), " "))
				rare := r.facts.WithRare()
				rare.HashCustom, rare.HashKey = &sp, hex.EncodeToString(key[:])
			}
			r.scanStmts(b.src, ctx, b.stmts)
		}
	}
	r.keepAccessChecks()
	r.sortFacts()
}

// callContexts maps each custom subroutine to the Fastly subroutine
// (vcl_recv, vcl_miss, …) it is first reached from through calls.
func (r *reader) callContexts() map[string]string {
	var ctx map[string]string // nil until a custom subroutine is called (most services call none)
	var visit func(entry, name string)
	visit = func(entry, name string) {
		for _, b := range r.subs.get(name) {
			walkCalls(b.stmts, func(callee string) {
				if _, seen := ctx[callee]; !seen && !strings.HasPrefix(callee, "vcl_") {
					if ctx == nil {
						ctx = map[string]string{}
					}
					ctx[callee] = entry
					visit(entry, callee)
				}
			})
		}
	}
	for _, entry := range []string{"vcl_recv", "vcl_hash", "vcl_hit", "vcl_miss", "vcl_pass", "vcl_fetch", "vcl_error", "vcl_deliver", "vcl_log"} {
		visit(entry, entry)
	}
	return ctx
}

// walkCalls calls fn for every "call NAME;" in stmts, nested ones too.
func walkCalls(stmts []vcl.Stmt, fn func(string)) {
	walkStmts(stmts, func(st vcl.Stmt) {
		if c, ok := st.(*vcl.CallStmt); ok {
			fn(c.Name.Name)
		}
	})
}

// customHash reports a vcl_hash that does more than Fastly's default.
func customHash(stmts []vcl.Stmt) bool {
	for _, st := range stmts {
		switch st := st.(type) {
		case *vcl.MacroStmt:
		case *vcl.ReturnStmt:
		case *vcl.SetStmt:
			if st.Target.Name != "req.hash" {
				continue
			}
			if id, ok := st.Value.(*vcl.Ident); ok && (id.Name == "req.url" || id.Name == "req.http.host") {
				continue // the default key: req.url and req.http.host
			}
			return true
		default:
			return true
		}
	}
	return false
}

func (r *reader) scanStmts(src *source, sub string, stmts []vcl.Stmt) {
	for _, st := range stmts {
		switch st := st.(type) {
		case *vcl.SetStmt:
			if st.Target.Name == "req.backend" {
				if id, ok := st.Value.(*vcl.Ident); ok {
					r.facts.BackendSelects = append(r.facts.BackendSelects, &graph.BackendSelect{Span: r.span(src, st), Sub: keep(sub), Backend: keep(id.Name)})
				}
			}
			if h := forwardedHeader(sub, st.Target.Lower()); h != "" {
				var at vcl.Node = st
				if lit, ok := st.Value.(*vcl.StringLit); ok && lit.Value != "" {
					at = lit
					switch {
					case h == "host":
					case r.again:
						r.sets = append(r.sets, &graph.HeaderValue{Span: r.span(src, lit), Sub: keep(sub), Header: keep(h), Fingerprint: headerFingerprint(h, lit.Value), Secret: r.valueSpan(src, lit)})
					default:
						r.setPrints = append(r.setPrints, headerFingerprint(h, lit.Value))
					}
				}
				r.firstOf(&r.facts.ForwardedHeaders, &r.forwardedAt, h, src, at)
			}
			r.scanExpr(src, sub, st.Value)
		case *vcl.IfStmt:
			for cur := st; cur != nil; {
				checks := len(r.checks)
				r.scanExpr(src, sub, cur.Cond)
				for i := checks; i < len(r.checks); i++ {
					r.checks[i].Refuses = r.refusesOnMismatch(cur, r.checkNodes[i])
				}
				if sub == "vcl_recv" {
					r.guards(src, cur.Cond)
				}
				r.scanStmts(src, sub, cur.Then.Stmts)
				switch e := cur.Else.(type) {
				case *vcl.IfStmt:
					cur = e
					continue
				case *vcl.Block:
					r.scanStmts(src, sub, e.Stmts)
				}
				cur = nil
			}
		case *vcl.Block:
			r.scanStmts(src, sub, st.Stmts)
		case *vcl.SwitchStmt:
			r.scanExpr(src, sub, st.Value)
			for i, c := range st.Cases {
				if sub == "vcl_recv" && c.Match != nil {
					r.guards(src, caseCond(st, i))
				}
				r.scanStmts(src, sub, c.Stmts)
			}
		case *vcl.DeclareStmt:
			if st.Value != nil {
				r.scanExpr(src, sub, st.Value)
			}
		case *vcl.AddStmt:
			r.scanExpr(src, sub, st.Value)
		case *vcl.ReturnStmt:
			if st.Value != nil {
				r.scanExpr(src, sub, st.Value)
			}
		case *vcl.LogStmt:
			r.scanExpr(src, sub, st.Value)
		case *vcl.CallExprStmt:
			r.scanExpr(src, sub, st.Call)
		}
	}
}

// forwardedHeader returns the header name when lower (a target, in lower
// case) is a request header
// that travels to the next service: bereq.http.X in miss/pass (and fetch's
// neighbours), req.http.X in recv.
func forwardedHeader(sub, lower string) string {
	switch {
	case strings.HasPrefix(lower, "bereq.http.") && (sub == "vcl_miss" || sub == "vcl_pass"):
		return strings.TrimPrefix(lower, "bereq.http.")
	case strings.HasPrefix(lower, "req.http.") && sub == "vcl_recv":
		return strings.TrimPrefix(lower, "req.http.")
	}
	return ""
}

func (r *reader) scanExpr(src *source, sub string, e vcl.Expr) {
	switch e := e.(type) {
	case *vcl.BinaryExpr:
		if sub == "vcl_recv" && (e.Op == "==" || e.Op == "!=") {
			if h, lit := headerComparison(e); h != "" && h != "host" {
				r.checks = append(r.checks, &graph.HeaderValue{Span: r.span(src, lit), Sub: keep(sub), Header: keep(h), Fingerprint: headerFingerprint(h, lit.Value), Secret: r.valueSpan(src, lit)})
				r.checkNodes = append(r.checkNodes, e)
			}
		}
		r.scanExpr(src, sub, e.X)
		r.scanExpr(src, sub, e.Y)
	case *vcl.UnaryExpr:
		r.scanExpr(src, sub, e.X)
	case *vcl.ParenExpr:
		r.scanExpr(src, sub, e.X)
	case *vcl.ConcatExpr:
		for _, p := range e.Parts {
			r.scanExpr(src, sub, p)
		}
	case *vcl.CallExpr:
		if strings.HasPrefix(e.Func.Name, "digest.hmac_") && len(e.Args) > 0 {
			if lit, ok := e.Args[0].(*vcl.StringLit); ok && lit.Value != "" {
				r.facts.WithRare().LiteralKeys = append(r.facts.LiteralKeys(), &graph.LiteralKey{Span: r.span(src, lit), Func: keep(e.Func.Name), Secret: r.valueSpan(src, lit)})
				r.sink.Secrets = append(r.sink.Secrets, r.valueSpan(src, lit))
			}
		}
		for _, a := range e.Args {
			r.scanExpr(src, sub, a)
		}
	}
}

// guards records the request headers an if-condition in vcl_recv reads.
func (r *reader) guards(src *source, e vcl.Expr) {
	switch e := e.(type) {
	case *vcl.Ident:
		if lower := e.Lower(); strings.HasPrefix(lower, "req.http.") {
			h, _, _ := strings.Cut(strings.TrimPrefix(lower, "req.http."), ":")
			r.firstOf(&r.facts.GuardHeaders, &r.guardAt, h, src, e)
		}
	case *vcl.BinaryExpr:
		r.guards(src, e.X)
		r.guards(src, e.Y)
	case *vcl.UnaryExpr:
		r.guards(src, e.X)
	case *vcl.ParenExpr:
		r.guards(src, e.X)
	case *vcl.ConcatExpr:
		for _, p := range e.Parts {
			r.guards(src, p)
		}
	case *vcl.CallExpr:
		for _, a := range e.Args {
			r.guards(src, a)
		}
	}
}

// refusesOnMismatch reports whether a header comparison in the condition
// of an if statement is an access check: when the header does not match,
// the way the condition then goes ends the request with an error
// (`if (req.http.X != "v") { error 403; }`, or the else side of ==). A
// comparison that only decides what the service does with a request it
// serves either way (`if (req.http.X-Env == "prod") { set … }`) is not.
func (r *reader) refusesOnMismatch(st *vcl.IfStmt, cmp *vcl.BinaryExpr) bool {
	towardTrue, ok := mismatchTowardTrue(st.Cond, cmp)
	switch {
	case !ok:
		return false // inside a call or a concatenation: no plain test
	case towardTrue:
		return r.refuses(st.Then.Stmts, 0)
	case st.Else != nil:
		return r.refuses([]vcl.Stmt{st.Else}, 0)
	}
	return false
}

// mismatchTowardTrue finds cmp among the operands of a condition (through
// parentheses, !, && and ||) and reports which way its failing to match
// pushes the condition: toward true for !=, toward false for ==, each
// negation turning it round.
func mismatchTowardTrue(cond vcl.Expr, cmp *vcl.BinaryExpr) (towardTrue, found bool) {
	switch e := cond.(type) {
	case *vcl.BinaryExpr:
		if e == cmp {
			return e.Op == "!=", true
		}
		if e.Op == "&&" || e.Op == "||" {
			if t, ok := mismatchTowardTrue(e.X, cmp); ok {
				return t, true
			}
			return mismatchTowardTrue(e.Y, cmp)
		}
	case *vcl.ParenExpr:
		return mismatchTowardTrue(e.X, cmp)
	case *vcl.UnaryExpr:
		if e.Op == "!" {
			t, ok := mismatchTowardTrue(e.X, cmp)
			return !t, ok
		}
	}
	return false, false
}

// refuses reports whether statements can end the request with an error:
// an error statement at any depth, or in a subroutine they call (a few
// calls deep).
func (r *reader) refuses(stmts []vcl.Stmt, depth int) bool {
	found := false
	walkStmts(stmts, func(st vcl.Stmt) {
		switch st := st.(type) {
		case *vcl.ErrorStmt:
			found = true
		case *vcl.CallStmt:
			if !found && depth < 4 {
				for _, b := range r.subs.get(st.Name.Name) {
					found = found || r.refuses(b.stmts, depth+1)
				}
			}
		}
	})
	return found
}

// headerComparison matches req.http.X == "literal" (either way round).
func headerComparison(e *vcl.BinaryExpr) (string, *vcl.StringLit) {
	id, okX := e.X.(*vcl.Ident)
	lit, okY := e.Y.(*vcl.StringLit)
	if !okX || !okY {
		id, okX = e.Y.(*vcl.Ident)
		lit, okY = e.X.(*vcl.StringLit)
	}
	if !okX || !okY || lit.Value == "" {
		return "", nil
	}
	lower := id.Lower()
	if !strings.HasPrefix(lower, "req.http.") {
		return "", nil
	}
	return strings.TrimPrefix(lower, "req.http."), lit
}

// fingerprint identifies a literal without keeping it.
func fingerprint(v string) graph.Fingerprint {
	sum := sha256.Sum256([]byte("chainlint header literal\x00" + v))
	return graph.Fingerprint(sum[:12])
}

// headerFingerprint identifies a header's literal value without keeping
// it: equal for the same header (canonical lower case) and value.
func headerFingerprint(header, v string) graph.Fingerprint {
	return fingerprint(header + "\x00" + v)
}

// keepAccessChecks ends the scan's header checks: a check that refuses
// nothing is no half of a shared secret, so its literal is masked as a
// secret and the fact goes now (VCL with routing tables compares headers
// in hundreds of places).
func (r *reader) keepAccessChecks() {
	r.checkNodes = nil // the scan is over: the syntax tree may go
	kept := r.checks[:0]
	for _, c := range r.checks {
		if c.Refuses {
			kept = append(kept, c)
		} else {
			r.sink.Secrets = append(r.sink.Secrets, c.Secret)
		}
	}
	clear(r.checks[len(kept):])
	r.checks = kept
	if len(kept) == 0 {
		r.checks = nil
	}
}

// sortFacts orders facts by position.
func (r *reader) sortFacts() {
	slices.SortStableFunc(r.facts.BackendSelects, func(a, b *graph.BackendSelect) int { return cmp.Compare(a.Pos, b.Pos) })
	slices.SortStableFunc(r.sets, func(a, b *graph.HeaderValue) int { return cmp.Compare(a.Pos, b.Pos) })
	slices.SortStableFunc(r.checks, func(a, b *graph.HeaderValue) int { return cmp.Compare(a.Pos, b.Pos) })
	slices.SortStableFunc(r.facts.LiteralKeys(), func(a, b *graph.LiteralKey) int { return cmp.Compare(a.Pos, b.Pos) })
	slices.SortStableFunc(r.facts.ForwardedHeaders, func(a, b graph.HeaderName) int { return cmp.Compare(a.Pos, b.Pos) })
	slices.SortStableFunc(r.facts.GuardHeaders, func(a, b graph.HeaderName) int { return cmp.Compare(a.Pos, b.Pos) })
	r.facts.ForwardedHeaders = slices.Clip(r.facts.ForwardedHeaders)
	r.facts.GuardHeaders = slices.Clip(r.facts.GuardHeaders)
	r.forwardedAt, r.guardAt = nil, nil // the lists' order until now
}

// firstOf records a header a service forwards or guards on in list, once
// per header, at its first place in the source (rules ask which headers a
// service sets or reads, and point at the first place): VCL that sets or
// reads a header in a hundred places costs one fact, not a hundred. A
// service names few headers, so the list is searched, not indexed.
//
// The name kept is interned (keep): it is cut from the lower-case form
// of an identifier that holds the whole variable name, and estates name
// the same headers in service after service.
//
// at holds where each entry of list was read (its text and offset there):
// a node later in the same text is later in the file, and its position,
// which a JSON string's checkpointed map has to decode, is not needed.
func (r *reader) firstOf(list *[]graph.HeaderName, at *[]origin, h string, src *source, n vcl.Node) {
	off, _ := n.Span()
	for i := range *list {
		had := &(*list)[i]
		if had.Header != h {
			continue
		}
		if o := (*at)[i]; o.src == src && o.off <= off {
			return
		}
		if sp := r.span(src, n); sp.Pos < had.Pos {
			had.Span = sp
			(*at)[i] = origin{src, off}
		}
		return
	}
	*list = append(*list, graph.HeaderName{Span: r.span(src, n), Header: keep(h)})
	*at = append(*at, origin{src, off})
}

// release releases a text's decoded value (graph.Text.Release), telling
// releaseHook (tests) the value released.
func release(t *graph.Text) {
	v := t.Value
	t.Release()
	if releaseHook != nil && v != "" && t.Released() {
		releaseHook(v)
	}
}

// releaseHook, when set (by tests), is told every value released.
var releaseHook func(value string)

// keep returns a name a fact keeps (a backend, a header, a host, a
// subroutine), interned: it holds no part of the VCL text it was cut
// from, which is released once the service is read (settleTexts), and a
// name used in many services is held once.
func keep(s string) string {
	switch s { // the names most facts hold, without unique's hash and lookup
	case "":
		return ""
	case "vcl_recv":
		return "vcl_recv"
	case "vcl_miss":
		return "vcl_miss"
	case "vcl_pass":
		return "vcl_pass"
	case "vcl_fetch":
		return "vcl_fetch"
	case "vcl_deliver":
		return "vcl_deliver"
	}
	return unique.Make(s).Value()
}

// keepAll is keep of each string, in place.
func keepAll(list []string) []string {
	for i, s := range list {
		list[i] = keep(s)
	}
	return list
}

// origin is where a fact was read: its text, and the offset there.
type origin struct {
	src *source
	off int
}
