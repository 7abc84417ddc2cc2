package vclmodel

import (
	"fmt"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/vcl"
)

// The request-flow model runs a service's effective VCL as Fastly runs
// it, far enough to tell, for every path a request can take to a backend,
// which backend it goes to and which Host it carries. docs/vcl-model.md
// lists what is modelled with Fastly's source for each line; in short:
//
//   - The effective VCL: the custom VCL's subroutines, with each snippet
//     inserted at its subroutine's #FASTLY macro in ascending priority
//     (equal priorities by name, an assumption), then, in vcl_recv, the
//     VCL generated from the API objects (generatedRecv). Without custom
//     VCL, Fastly's boilerplate. include "NAME"; inside a subroutine runs
//     the named VCL file's (or snippet::NAME's) statements there.
//   - The lifecycle, one transition table (next): vcl_recv → lookup →
//     vcl_hash → vcl_miss (fetch) or vcl_hit; pass → vcl_pass; error →
//     vcl_error; vcl_miss or vcl_hit return(pass) → vcl_pass; restart
//     (from recv, hit, miss, pass, fetch, deliver, error) → vcl_recv with
//     req kept and req.restarts + 1, at most 3 times. A backend request
//     leaves vcl_miss, vcl_pass, or vcl_pipe (return(pipe) or
//     return(upgrade) in vcl_recv).
//   - State: req.http.host (the client's at first), bereq.http.host (a
//     copy of req.http.* made when vcl_miss, vcl_pass or vcl_pipe starts),
//     req.backend, the literal values of request headers a Host is copied
//     from, req.restarts, and the facts the path's conditions established.
//   - Conditions: each if forks the path when a branch changes the state
//     or leaves the subroutine, unless the path's facts (or, for trace,
//     the concrete request) already decide it: `req.url ~ "^/a"` and
//     `req.url !~ "^/a"` are one fact, so contradictory paths never exist.
//     req.backend.is_shield is understood exactly after Fastly's shield
//     selection; in vcl_recv before it (recv snippets, the generated
//     code) it is an ordinary condition, as Fastly's reference says.
//
// Paths are bounded: past maxPaths at one point, paths with equal state
// are merged (their conditions dropped, ExitsMerged set), and the rest cut.

const maxPaths = 64

// maxSteps bounds the statements the model runs for one service (a chain
// of subroutines that each call the next twice doubles the work at every
// level): past it the model gives up and the rules fall back to the
// statement-level reading.
const maxSteps = 200_000

// maxRestarts is how often Fastly lets a request restart.
const maxRestarts = 3

// hostVal is what a Host variable (or a tracked header) holds on a path.
type hostVal struct {
	kind  graph.ExitHostKind
	value string
	span  graph.Span
}

// facts are the conditions a path has decided, last first: each its
// key's number (flow.atom) and whether it held. Paths that fork share what
// they decided before, as they share conditions (condList): a fact added
// to a copy of the list cost a copy of every fact before it, and a VCL of
// n routing blocks (every one's else branch a fact) allocated as n².
type facts struct {
	id    int32
	holds bool
	prev  *facts
}

// lookup returns what the latest fact about key id says, if there is one.
func (f *facts) lookup(id int32) (holds, ok bool) {
	for ; f != nil; f = f.prev {
		if f.id == id {
			return f.holds, true
		}
	}
	return false, false
}

// headerVal is a request header's value on a path, kept for the headers a
// Host is copied from.
type headerVal struct {
	name string
	val  hostVal
}

type flowState struct {
	reqHost, bereqHost hostVal
	backend            string
	notBackends        []string // req.backend is none of these on the path
	conds              *condList
	facts              *facts
	headers            []headerVal // req.http.* (tracked names)
	bereqHeaders       []headerVal // bereq.http.* (tracked names)
	shield             int
	restarts           int
	// skipTo is the label a goto jumps to: statements pass the path by
	// until that label.
	skipTo string
	// action is how the subroutine ended: "" (fell off the end, or a
	// plain return), or the action of return(action), "error", "restart".
	action string
}

// key identifies a path's state for merging.
func (st *flowState) key() string {
	return strings.Join([]string{st.reqHost.value, string(rune('0' + st.reqHost.kind)), st.bereqHost.value,
		string(rune('0' + st.bereqHost.kind)), st.backend, string(rune('1' + st.shield)), st.action, strconv.Itoa(st.restarts), st.skipTo}, "\x00")
}

// maxConds bounds the conditions a path keeps (copying ever longer lists
// at every fork made the model quadratic in the VCL's size); past it, one
// "…" stands for the rest, which trace then cannot decide.
const maxConds = 12

func (st flowState) with(cond string, eval graph.Decider) flowState {
	switch n := st.conds.len(); {
	case n == maxConds:
		cond, eval = "… (more conditions)", nil
	case n > maxConds:
		return st
	}
	st.conds = &condList{text: cond, eval: eval, prev: st.conds, n: st.conds.len() + 1}
	return st
}

// condList is the conditions a path has taken, last first: paths that
// fork share what they took before (a fork adds one node, where slices
// would copy every condition for each side).
type condList struct {
	text string
	eval graph.Decider
	prev *condList
	n    int // conditions in the list
}

func (c *condList) len() int {
	if c == nil {
		return 0
	}
	return c.n
}

// slices returns the conditions in the order they were taken, with their
// evaluators (nil, nil for none).
func (c *condList) slices(slab *condSlab) ([]string, []graph.Decider) {
	if c == nil {
		return nil, nil
	}
	texts, evals := slab.stringRuns().Run(c.n), slab.deciderRuns().Run(c.n)
	for i := c.n - 1; c != nil; i, c = i-1, c.prev {
		texts[i], evals[i] = c.text, c.eval
	}
	return texts, evals
}

func header(list []headerVal, name string) (hostVal, bool) {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].name == name {
			return list[i].val, true
		}
	}
	return hostVal{}, false
}

// withHeader returns list with name's value v: a new list (the old one is
// shared with the paths forked from this one), each name once, so that a
// header set n times costs n copies of the few names tracked, not of
// every value it had before (n²).
func withHeader(list []headerVal, name string, v hostVal) []headerVal {
	for i := range list {
		if list[i].name == name {
			out := slices.Clone(list)
			out[i].val = v
			return out
		}
	}
	return append(list[:len(list):len(list)], headerVal{name, v})
}

// snip is a snippet waiting for its macro, or one object's generated VCL.
type snip struct {
	sub     string         // the subroutine of its macro (a snippet's)
	snippet *graph.Snippet // nil for generated VCL
	src     *source
	stmts   []vcl.Stmt
	// gen describes generated VCL (nil for a snippet).
	gen *genInfo
}

// genInfo describes one object's generated VCL: label is the comment
// Fastly writes before it ("Header rewrite NAME : 10"), group names the
// request condition it is under ("" in the default conditions; its guard,
// and body without it, for printing), and shield marks shield selection,
// which the model does not run (see generatedRecv).
type genInfo struct {
	label, group, guard, body string
	shield                    bool
	// pos is where the object is (a generated snip has no snippet).
	pos token.Pos
}

type flow struct {
	r *reader
	// custom holds the custom VCL's subroutine bodies by name.
	custom *subTable
	// snippets holds each subroutine's snippets, in rendering order.
	snippets *snipTable
	// generated is what Fastly renders at #FASTLY recv from the API
	// objects (generated.go), after the recv snippets.
	generated []snip
	hasCustom bool
	// prog is the program the model runs (its included files).
	prog *program
	// slab makes what the model keeps of the flow's exits: their
	// condition nodes, the exits and their lists (nil: each its own).
	slab *condSlab
	// req, for trace, is the one request the model follows: conditions it
	// decides do not fork.
	req *graph.Request
	// touches caches whether a subroutine can change the state.
	touches   map[string]bool
	relevance map[vcl.Stmt]bool
	merged    bool
	steps     int
	// written are the request headers the VCL writes: conditions on them
	// are not decided from the request as received, nor kept as facts.
	written map[string]bool
	// bodies lists every body run for writtenHeaders and scanProgram.
	bodies [][]vcl.Stmt
	// keyBuf holds the keys of ids (atom).
	keyBuf []byte
	// condArena, when not nil, holds the conditions the flow makes (a
	// scratch's).
	condArena *chunk.Arena[condition]
	// hostSources are the request headers a Host is copied from: their
	// literal values are tracked.
	hostSources map[string]bool
	// restarts: the VCL restarts somewhere, so the model follows fetch,
	// deliver and error too.
	restarts bool
	// beforeShield is set while vcl_recv runs before Fastly's shield
	// selection, where req.backend.is_shield says nothing yet.
	beforeShield bool
	// conditions caches what paths record of an if's condition.
	conditions map[vcl.Expr]*condition
	// keys caches each condition's fact key (atom), and ids numbers the
	// distinct keys, as facts hold them.
	keys map[vcl.Expr]atomKey
	ids  map[string]int32
	// recorded reports, by number, the keys some path has a fact about:
	// a path is searched only for those (most conditions are tested
	// once, and a search walks every fact the path has).
	recorded []bool
	// noted are the statements a note was made for.
	noted map[vcl.Node]bool
	// chunk is where the flow's lists of paths are carved from (paths).
	// ApplyAll's reads carve too since a Terraform load allocates half
	// what it did (a lazily read resource's tree is in an arena): they run
	// once the load is done, the heap at its fullest, and the lists were
	// half of what they allocated (25 of 50 MB at 16,000 Terraform
	// services). Taking turns with not carving there, nine rounds: 16,000
	// services 7 % faster, 8,000 2 %, peaks 86.9–88.3 MiB against
	// 87.5–88.6 (goal 91.5). (When the collector ran 30 times a load,
	// carving there had raised the peak by 3 MiB and saved no time.)
	chunk []flowState
}

// chunkPaths is how many paths a chunk holds: a service's paths are a
// few lists of a few paths each.
const chunkPaths = 128

// paths returns an empty list with room for n paths, carved from the
// flow's chunk: the lists of paths a service's run makes (a list a
// subroutine, a statement, a branch) are short-lived and small, and made
// one by one they were two fifths of what the model allocated. A list
// that outgrows its room moves to the heap as any slice does (its room is
// capped: an append never reaches the next list's).
func (fl *flow) paths(n int) []flowState {
	if len(fl.chunk)+n > cap(fl.chunk) {
		if n > chunkPaths/4 {
			return make([]flowState, 0, n)
		}
		fl.chunk = make([]flowState, 0, chunkPaths) // the full one stays with the lists carved from it
	}
	i := len(fl.chunk)
	fl.chunk = fl.chunk[:i+n]
	return fl.chunk[i : i : i+n]
}

// one returns a list of the one path st (a subroutine's or a branch's
// input: nothing appends to it).
func (fl *flow) one(st flowState) []flowState { return append(fl.paths(1), st) }

type atomKey struct {
	id      int32 // the key's number (fl.ids)
	pos, ok bool
}

// atom is the fact key of a condition (see atomOf), computed once per
// condition, as its number: conditions written alike have one.
func (fl *flow) atom(e vcl.Expr) (id int32, pos, ok bool) {
	if k, found := fl.keys[e]; found {
		return k.id, k.pos, k.ok
	}
	if fl.keys == nil {
		fl.keys, fl.ids = map[vcl.Expr]atomKey{}, map[string]int32{}
	}
	// The key is written on keyBuf, room the flow keeps from service to
	// service: a key new to the service stays there (and in ids, which is
	// emptied with it), one seen before is taken back. (Made as strings,
	// keys were 1.4 MB at 16,000 services.)
	start := len(fl.keyBuf)
	fl.keyBuf, pos, ok = appendAtom(fl.keyBuf, e)
	if ok {
		key := unsafe.String(unsafe.SliceData(fl.keyBuf[start:]), len(fl.keyBuf)-start)
		var seen bool
		if id, seen = fl.ids[key]; !seen {
			id = int32(len(fl.ids))
			fl.ids[key] = id
			fl.recorded = append(fl.recorded, false)
		}
		if seen {
			fl.keyBuf = fl.keyBuf[:start]
		}
		// (An append that outgrows the buffer copies it: the keys in ids
		// keep the old one, which nothing writes to again.)
	} else {
		fl.keyBuf = fl.keyBuf[:start]
	}
	fl.keys[e] = atomKey{id, pos, ok}
	return id, pos, ok
}

// runFlow computes the service's exits; none when the generated VCL
// could not be built (a condition that is not among the inputs, a value
// not known before deployment): the model then stays out rather than
// guess.
func (r *reader) runFlow(fl *flow) {
	for sub, list := range fl.snippets.all() {
		if fl.hasCustom && !fl.hasMacro(sub) {
			for _, s := range list {
				r.facts.WithRare().Unrendered = append(r.facts.Unrendered(), s.snippet)
			}
			if !fl.custom.has(sub) && len(list) > 0 {
				r.facts.WithRare().MissingSubs = append(r.facts.MissingSubs(), strings.TrimPrefix(sub, "vcl_"))
			}
		}
	}
	if !fl.hasCustom && !apiObjects(r.s) && !fl.anyRelevant(fl.snippets) {
		// Boilerplate with snippets that touch nothing the model tracks,
		// and no API object but backends: every path keeps the client's
		// Host, as the statement-level reading (no Exits) says too. Most
		// services are this; they skip the model's cost.
		return
	}
	generated, ok := generatedRecv(r.s, false, r.gen)
	if !ok {
		return
	}
	fl.generated = generated
	exits, ok := fl.run()
	r.facts.Exits = fl.slab.exitRuns().Copy(exits)
	if !ok {
		r.facts.Exits = nil // gave up: see maxSteps
	}
	r.facts.ExitsMerged = fl.merged
}

// included finds the file (or snippet::NAME) an include statement inside
// sub names.
func (fl *flow) included(name, sub string) *source {
	if src := fl.prog.included[name]; src != nil {
		return src
	}
	sn, ok := strings.CutPrefix(name, "snippet::")
	if !ok {
		return nil
	}
	for _, x := range fl.r.s.Snippets {
		if x.Name.Value == sn && x.Content.Known() {
			return newSource(fl.r.g, x.Content, strings.TrimPrefix(sub, "vcl_"), fl.r.arena, fl.r.sources)
		}
	}
	return nil
}

// domains are the service's own domains: a Host computed from the
// client's Host is computed over them.
func (fl *flow) domains() []string {
	var out []string
	for _, d := range fl.r.s.Domains {
		if d.Name.Known() {
			out = append(out, d.Name.Value)
		}
	}
	return out
}

// run follows a request from vcl_recv and returns its exits; ok is false
// when the model gave up (maxSteps).
func (fl *flow) run() (exits []*graph.Exit, ok bool) {
	bodies := slices.Grow(fl.bodies[:0], len(fl.custom.list)+len(fl.snippets.list)+len(fl.generated))
	defer func() { fl.bodies = bodies }()
	for _, b := range fl.custom.list {
		bodies = append(bodies, b.stmts)
	}
	for _, s := range fl.snippets.list {
		bodies = append(bodies, s.stmts)
	}
	for _, s := range fl.generated {
		bodies = append(bodies, s.stmts)
	}
	fl.written = writtenHeaders(bodies, fl.written)
	fl.hostSources, fl.restarts = scanProgram(bodies)
	exits = fl.request(flowState{reqHost: hostVal{kind: graph.ExitHostClient}})
	if exits == nil {
		exits = []*graph.Exit{}
	}
	return exits, fl.steps <= maxSteps
}

// The lifecycle's transitions: where a subroutine's action leads. A
// transition not listed ends the path without a backend request (deliver,
// synth, hash in vcl_hash's sense is handled by request).
//
//	vcl_recv:  lookup, hash, "" → vcl_hash; pass → vcl_pass; pipe, upgrade → vcl_pipe; error → vcl_error; restart → vcl_recv
//	vcl_hash:  → vcl_miss or vcl_hit (a miss or a hit: both are paths)
//	vcl_hit:   pass → vcl_pass; error → vcl_error; restart → vcl_recv; deliver, "" → vcl_deliver
//	vcl_miss:  fetch, "" → backend request; pass → vcl_pass; error → vcl_error; restart → vcl_recv
//	vcl_pass:  pass, "" → backend request; error → vcl_error; restart → vcl_recv
//	vcl_fetch: restart → vcl_recv; error → vcl_error; else → vcl_deliver
//	vcl_deliver, vcl_error: restart → vcl_recv
//
// Fastly's reference ("VCL subroutines", "restart", "vcl_pass": "executed
// when pass is returned by the vcl_recv, vcl_miss, or vcl_hit
// subroutines") is the source; docs/vcl-model.md cites each line.

// request runs one request (or restart) from vcl_recv.
func (fl *flow) request(st flowState) (exits []*graph.Exit) {
	for _, r := range fl.runSub("vcl_recv", fl.one(st)) {
		switch r.action {
		case "pass":
			exits = append(exits, fl.backendRequest("vcl_pass", r, true)...)
		case "pipe", "upgrade":
			exits = append(exits, fl.backendRequest("vcl_pipe", r, true)...)
		case "error":
			exits = append(exits, fl.after("vcl_error", r)...)
		case "restart":
			exits = append(exits, fl.restart(r)...)
		case "synth", "deliver", "deliver_stale":
		default: // lookup, hash, or the end of vcl_recv
			r.action = ""
			for _, h := range fl.runSub("vcl_hash", fl.one(r)) {
				h.action = ""
				exits = append(exits, fl.backendRequest("vcl_miss", h, true)...)
				exits = append(exits, fl.hit(h)...)
			}
		}
	}
	return exits
}

// hit runs vcl_hit on a path found in cache: a backend request only when
// it passes (or restarts).
func (fl *flow) hit(st flowState) (exits []*graph.Exit) {
	if !fl.custom.has("vcl_hit") && len(fl.snippets.of("vcl_hit")) == 0 && !fl.restarts {
		return nil // the boilerplate delivers
	}
	for _, h := range fl.runSub("vcl_hit", fl.one(st)) {
		switch h.action {
		case "pass":
			exits = append(exits, fl.backendRequest("vcl_pass", h, true)...)
		case "error":
			exits = append(exits, fl.after("vcl_error", h)...)
		case "restart":
			exits = append(exits, fl.restart(h)...)
		default:
			exits = append(exits, fl.after("vcl_deliver", h)...)
		}
	}
	return exits
}

// backendRequest runs sub (vcl_miss, vcl_pass or vcl_pipe) on a path; a
// fresh request copies req's headers into bereq (a pass from vcl_miss
// keeps the bereq vcl_miss built). Each path that ends fetching is an
// exit.
func (fl *flow) backendRequest(sub string, st flowState, fresh bool) (exits []*graph.Exit) {
	if fresh {
		st.bereqHost, st.bereqHeaders = st.reqHost, st.headers
	}
	st.action = ""
	for _, end := range fl.runSub(sub, fl.one(st)) {
		switch end.action {
		case "error":
			exits = append(exits, fl.after("vcl_error", end)...)
			continue
		case "restart":
			exits = append(exits, fl.restart(end)...)
			continue
		case "deliver", "synth", "deliver_stale":
			continue
		case "pass":
			if sub == "vcl_miss" {
				exits = append(exits, fl.backendRequest("vcl_pass", end, false)...)
				continue
			}
		}
		conds, evals := end.conds.slices(fl.slab)
		// sub is one of the three names above; the conditions' texts were
		// kept as their paths took them (newCondition).
		exit := fl.slab.exit()
		*exit = graph.Exit{Sub: sub, Backend: keep(end.backend), NotBackends: fl.slab.stringRuns().Copy(keepAll(end.notBackends)), Conditions: conds, Eval: evals, Shield: end.shield,
			Host: graph.ExitHost{Span: end.bereqHost.span, Kind: end.bereqHost.kind, Value: keep(end.bereqHost.value)}}
		exits = append(exits, exit)
		if fl.restarts && sub != "vcl_pipe" {
			end.action = ""
			exits = append(exits, fl.after("vcl_fetch", end)...)
		}
	}
	return exits
}

// after runs a subroutine that can only restart the request (vcl_fetch,
// vcl_deliver, vcl_error): only when the VCL restarts somewhere.
func (fl *flow) after(sub string, st flowState) (exits []*graph.Exit) {
	if !fl.restarts {
		return nil
	}
	st.action = ""
	for _, end := range fl.runSub(sub, fl.one(st)) {
		switch {
		case end.action == "restart":
			exits = append(exits, fl.restart(end)...)
		case sub == "vcl_fetch" && end.action == "error":
			exits = append(exits, fl.after("vcl_error", end)...)
		case sub == "vcl_fetch":
			exits = append(exits, fl.after("vcl_deliver", end)...)
		}
	}
	return exits
}

// restart sends a path back to vcl_recv with req as it is and
// req.restarts one more; past Fastly's limit the request ends in an
// error.
func (fl *flow) restart(st flowState) []*graph.Exit {
	if st.restarts >= maxRestarts {
		return nil
	}
	st.restarts++
	st.action, st.backend, st.notBackends, st.skipTo = "", "", nil, ""
	st.bereqHost, st.bereqHeaders = hostVal{}, nil
	return fl.request(st)
}

func priority(s *graph.Snippet) int { return priorityOf(s.Priority) }

// hasMacro reports whether the custom VCL's sub has its #FASTLY macro.
func (fl *flow) hasMacro(sub string) bool {
	want := strings.TrimPrefix(sub, "vcl_")
	found := false
	for _, b := range fl.custom.get(sub) {
		walkStmts(b.stmts, func(st vcl.Stmt) {
			if m, ok := st.(*vcl.MacroStmt); ok && strings.EqualFold(m.Name, want) {
				found = true
			}
		})
	}
	return found
}

// runSub runs one Fastly subroutine on every path.
func (fl *flow) runSub(sub string, in []flowState) []flowState {
	fl.beforeShield = sub == "vcl_recv"
	defer func() { fl.beforeShield = false }()
	if !fl.hasCustom {
		return fl.boilerplate(sub, in, true)
	}
	if !fl.custom.has(sub) {
		// Custom VCL without this subroutine: the built-in default runs,
		// and no snippet of its type is rendered.
		return fl.boilerplate(sub, in, false)
	}
	out := in
	for _, b := range fl.custom.get(sub) {
		out = fl.exec(b.src, b.stmts, out, sub, map[string]bool{})
	}
	for i := range out {
		out[i].skipTo = "" // a goto's label is within its subroutine
	}
	return out
}

// boilerplate runs Fastly's default subroutine: the macro's snippets,
// then its default action.
func (fl *flow) boilerplate(sub string, in []flowState, snippets bool) []flowState {
	out := in
	if snippets {
		out = fl.macro(sub, in)
	}
	if sub != "vcl_recv" {
		return out
	}
	res := fl.paths(2 * len(out))
	for _, st := range out {
		if st.action != "" {
			res = append(res, st)
			continue
		}
		if fl.req != nil { // trace: the request decides
			if pass, _ := methodIn[0].Decide(fl.req); pass {
				st = st.with(`req.method is not GET, HEAD or FASTLYPURGE`, &methodIn[0])
				st.action = "pass"
			} else {
				st = st.with(`req.method is GET, HEAD or FASTLYPURGE`, &methodIn[1])
				st.action = "lookup"
			}
			res = append(res, st)
			continue
		}
		pass := st.with(`req.method is not GET, HEAD or FASTLYPURGE`, &methodIn[0])
		pass.action = "pass"
		look := st.with(`req.method is GET, HEAD or FASTLYPURGE`, &methodIn[1])
		look.action = "lookup"
		res = append(res, pass, look)
	}
	return fl.bound(res)
}

// macro runs what Fastly renders at sub's #FASTLY macro: its snippets,
// then, in vcl_recv, the VCL generated from the API objects (snippets
// "are added before we add default conditions": generatedRecv).
func (fl *flow) macro(sub string, in []flowState) []flowState {
	out := in
	for _, s := range fl.snippets.of(sub) {
		out = fl.exec(s.src, s.stmts, out, sub, map[string]bool{})
	}
	if sub == "vcl_recv" {
		for _, s := range fl.generated {
			if !s.gen.shield {
				out = fl.exec(s.src, s.stmts, out, sub, map[string]bool{})
			}
		}
		fl.beforeShield = false // shield selection has run
	}
	return out
}

// exec runs statements on every live path (a path whose subroutine has
// ended passes through untouched).
func (fl *flow) exec(src *source, stmts []vcl.Stmt, in []flowState, sub string, calling map[string]bool) []flowState {
	paths := in
	var spare []flowState // a buffer of ours to fill for the next statement
	var live []flowState  // the live paths a statement runs on at once (together)
	for _, stmt := range stmts {
		if !fl.relevant(stmt) {
			continue // most statements touch nothing the model tracks
		}
		if spare == nil {
			spare = fl.paths(len(paths) + 2) // room to fork; made on the heap, it grows as it fills
		}
		next := spare[:0]
		if together(stmt) {
			if live == nil {
				live = fl.paths(len(paths))
			}
			live = live[:0]
			for _, st := range paths {
				if st.action != "" || st.skipTo != "" {
					next = append(next, st)
					continue
				}
				live = append(live, st)
			}
			if len(live) > 0 {
				next = fl.stepAll(src, stmt, live, sub, calling, next)
			}
		} else {
			for _, st := range paths {
				if st.action != "" {
					next = append(next, st)
					continue
				}
				if st.skipTo != "" {
					if l, ok := stmt.(*vcl.LabelStmt); ok && l.Name == st.skipTo {
						st.skipTo = ""
					}
					next = append(next, st)
					continue
				}
				next = fl.step(src, stmt, st, sub, calling, next)
			}
		}
		if len(paths) > 0 && len(in) > 0 && &paths[0] == &in[0] {
			spare = nil // the caller's: never written over
		} else {
			spare = paths
		}
		paths = fl.bound(next)
	}
	return paths
}

// together reports a statement that runs other statements (a call, an
// include, a block, a #FASTLY macro): it runs once on all the live paths
// (stepAll), not once a path. Run a path at a time, a chain of calls
// each forking its path ran each callee once for every path that
// reached it: 2^n runs for a chain of n (20 calls took 270 MB and ran
// out of steps).
func together(stmt vcl.Stmt) bool {
	switch stmt.(type) {
	case *vcl.CallStmt, *vcl.IncludeStmt, *vcl.Block, *vcl.MacroStmt:
		return true
	}
	return false
}

// stepAll runs a statement that runs others (together) on live paths,
// appending the paths it leads to to out.
func (fl *flow) stepAll(src *source, stmt vcl.Stmt, in []flowState, sub string, calling map[string]bool, out []flowState) []flowState {
	if fl.steps += len(in); fl.steps > maxSteps {
		return append(out, in...)
	}
	switch s := stmt.(type) {
	case *vcl.MacroStmt:
		if strings.EqualFold(s.Name, strings.TrimPrefix(sub, "vcl_")) {
			return append(out, fl.macro(sub, in)...)
		}
	case *vcl.Block:
		return append(out, fl.exec(src, s.Stmts, in, sub, calling)...)
	case *vcl.CallStmt:
		return append(out, fl.call(s.Name.Name, append(fl.paths(len(in)), in...), sub, calling)...) // call writes its paths
	case *vcl.IncludeStmt:
		inc := fl.included(s.Path.Value, sub)
		if inc == nil {
			fl.note(src, s, fmt.Sprintf("include %q names no VCL file or snippet among the inputs, so what it runs here is not modelled: the Host and backend verdicts for this service assume it changes neither; lint the file it includes with the service", s.Path.Value))
			break
		}
		if !calling["include:"+s.Path.Value] {
			calling["include:"+s.Path.Value] = true
			defer delete(calling, "include:"+s.Path.Value)
			return append(out, fl.exec(inc, inc.file.Stmts, in, sub, calling)...)
		}
	}
	return append(out, in...)
}

// step runs one statement on one path, appending the paths it leads to
// to out.
func (fl *flow) step(src *source, stmt vcl.Stmt, st flowState, sub string, calling map[string]bool, out []flowState) []flowState {
	if fl.steps++; fl.steps > maxSteps {
		return append(out, st)
	}
	switch s := stmt.(type) {
	case *vcl.SetStmt:
		target := s.Target.Lower()
		switch target {
		case "req.http.host":
			st.reqHost = fl.value(src, s, st)
		case "bereq.http.host":
			if bereqSub(sub) {
				st.bereqHost = fl.value(src, s, st)
			}
		case "req.backend":
			st.backend, st.notBackends = "", nil
			switch v := s.Value.(type) {
			case *vcl.Ident:
				if s.Op == "=" {
					st.backend = v.Name
				}
			case *vcl.CallExpr: // fastly.try_select_shield(shield, F_x): on to F_x
				if strings.EqualFold(v.Func.Name, "fastly.try_select_shield") && len(v.Args) == 2 {
					if id, ok := v.Args[1].(*vcl.Ident); ok {
						st.backend = id.Name
					}
				}
			}
		default:
			if h, ok := strings.CutPrefix(target, "req.http."); ok && fl.hostSources[h] {
				st.headers = withHeader(st.headers, h, fl.value(src, s, st))
			}
			if h, ok := strings.CutPrefix(target, "bereq.http."); ok && fl.hostSources[h] && bereqSub(sub) {
				st.bereqHeaders = withHeader(st.bereqHeaders, h, fl.value(src, s, st))
			}
		}
	case *vcl.UnsetStmt:
		unset := hostVal{kind: graph.ExitHostUnset, span: fl.r.span(src, s)}
		target := s.Target.Lower()
		switch target {
		case "req.http.host":
			st.reqHost = unset
		case "bereq.http.host":
			if bereqSub(sub) {
				st.bereqHost = unset
			}
		default:
			if h, ok := strings.CutPrefix(target, "req.http."); ok && fl.hostSources[h] {
				st.headers = withHeader(st.headers, h, unset)
			}
			if h, ok := strings.CutPrefix(target, "bereq.http."); ok && fl.hostSources[h] && bereqSub(sub) {
				st.bereqHeaders = withHeader(st.bereqHeaders, h, unset)
			}
		}
	case *vcl.ReturnStmt:
		st.action = "return"
		if s.Value != nil {
			st.action = strings.ToLower(strings.Trim(exprText(src, s.Value), "() \t"))
		}
	case *vcl.ErrorStmt:
		st.action = "error"
	case *vcl.RestartStmt:
		st.action = "restart"
	case *vcl.GotoStmt:
		st.skipTo = s.Label.Name
	case *vcl.IfStmt:
		if !fl.relevant(s) {
			return append(out, st)
		}
		return fl.ifStmt(src, s, st, sub, calling, out)
	case *vcl.SwitchStmt:
		if !fl.relevant(s) {
			return append(out, st)
		}
		return fl.switchStmt(src, s, st, sub, calling, out)
	}
	return append(out, st)
}

// note records, once per statement, something in the program the model
// does not understand (an unknown-value note), so that a silent verdict is
// not taken for a checked one. trace's runs for one request note nothing.
func (fl *flow) note(src *source, at vcl.Node, msg string) {
	if fl.req != nil || fl.noted[at] {
		return
	}
	if fl.noted == nil {
		fl.noted = map[vcl.Node]bool{}
	}
	fl.noted[at] = true
	span := fl.r.span(src, at)
	fl.r.sink.Notes = append(fl.r.sink.Notes, graph.Problem{Rule: graph.RuleUnknownValue, Pos: span.Pos, End: span.End, Message: msg})
}

// bereqSub reports a subroutine where bereq is the backend request being
// built.
func bereqSub(sub string) bool { return sub == "vcl_miss" || sub == "vcl_pass" || sub == "vcl_pipe" }

// call runs a custom subroutine; a plain return ends only it, a
// return(action) ends its caller too.
func (fl *flow) call(name string, in []flowState, sub string, calling map[string]bool) []flowState {
	if calling[name] || !fl.subTouches(name) {
		return in // recursion (Fastly refuses it), or nothing to see
	}
	calling[name] = true
	defer delete(calling, name)
	out := in
	for _, b := range fl.custom.get(name) {
		out = fl.exec(b.src, b.stmts, out, sub, calling)
	}
	for i := range out {
		if out[i].action == "return" {
			out[i].action = ""
		}
		out[i].skipTo = ""
	}
	return out
}

// branch is one side of a condition on a path: the path as it is on that
// side, and whether the side can happen at all.
type branch struct {
	st flowState
	ok bool
}

// fork splits a path at a condition: the side where it holds and the one
// where it does not. A condition the path (its facts, its restarts, or
// trace's request) already decides gives one side only.
func (fl *flow) fork(st flowState, cond vcl.Expr, c *condition) (then, els branch) {
	if name, eq, ok := backendTest(cond); ok {
		// req.backend == F_x: the branch where it holds is a path for
		// F_x only, the other one for every backend but F_x.
		then.st, then.ok = withBackend(st, name, eq)
		els.st, els.ok = withBackend(st, name, !eq)
		return then, els
	}
	if holds, known := fl.decide(&st, cond); known {
		if fl.req != nil && fl.decidedByRequest(cond) {
			// trace shows why its request takes the path: the condition
			// as the request decided it.
			if holds {
				return branch{st.with(c.text, c.eval), true}, branch{st, false}
			}
			return branch{st, false}, branch{st.with(c.negText, c.negEval), true}
		}
		return branch{st, holds}, branch{st, !holds}
	}
	shieldThen, shieldElse := 0, 0
	if !fl.beforeShield {
		shieldThen, shieldElse = shieldOf(cond)
	}
	then.st, then.ok = withShield(st, shieldThen)
	els.st, els.ok = withShield(st, shieldElse)
	then.st = fl.assume(then.st.with(c.text, c.eval), cond, true)
	els.st = fl.assume(els.st.with(c.negText, c.negEval), cond, false)
	return then, els
}

// condition is what a path that forks at a condition records on each
// side: the condition's text and its evaluator for trace, and their
// negations.
type condition struct {
	text, negText string
	eval, negEval graph.Decider
}

// condition returns an if's condition as paths record it, made once for
// all the paths that fork there (each made its own: 30 % of what custom
// VCL of many routing blocks allocated).
func (fl *flow) condition(src *source, cond vcl.Expr) *condition {
	if c := fl.conditions[cond]; c != nil {
		return c
	}
	c := fl.newCondition(src, cond, fl.slab)
	if fl.conditions == nil {
		fl.conditions = map[vcl.Expr]*condition{}
	}
	fl.conditions[cond] = c
	return c
}

// newCondition makes an if's condition, its nodes from slab (nil: from
// the heap). The condition itself is the flow's, from its scratch's arena
// when it has one: paths keep its texts and nodes, never it.
func (fl *flow) newCondition(src *source, cond vcl.Expr, slab *condSlab) *condition {
	// Kept once here, for every exit whose path took it (backendRequest).
	text := exprText(src, cond)
	eval := condEval(cond, fl.written, slab)
	// The negation is written on keyBuf, above the atoms' keys, and
	// taken back once kept (keep interns a copy).
	start := len(fl.keyBuf)
	fl.keyBuf = append(append(append(fl.keyBuf, "!("...), text...), ')')
	negText := keep(unsafe.String(unsafe.SliceData(fl.keyBuf[start:]), len(fl.keyBuf)-start))
	fl.keyBuf = fl.keyBuf[:start]
	c := fl.condArena.New()
	*c = condition{text: keep(text), negText: negText, eval: eval, negEval: negate(eval)}
	return c
}

// ifStmt forks a path at an if / else-if chain.
func (fl *flow) ifStmt(src *source, s *vcl.IfStmt, st flowState, sub string, calling map[string]bool, out []flowState) []flowState {
	rest := st
	for cur := s; ; {
		then, els := fl.fork(rest, cur.Cond, fl.condition(src, cur.Cond))
		if then.ok {
			out = fl.execOne(src, cur.Then.Stmts, then.st, sub, calling, out)
		}
		if !els.ok {
			return out
		}
		rest = els.st
		switch e := cur.Else.(type) {
		case *vcl.IfStmt:
			cur = e
			continue
		case *vcl.Block:
			return fl.execOne(src, e.Stmts, rest, sub, calling, out)
		}
		return append(out, rest)
	}
}

// execOne is exec on one path, appending the paths it leads to to out. A
// block with one statement the model tracks (most branches: a set, a
// return) is stepped straight into out, without exec's slices.
func (fl *flow) execOne(src *source, stmts []vcl.Stmt, st flowState, sub string, calling map[string]bool, out []flowState) []flowState {
	var only vcl.Stmt
	for _, stmt := range stmts {
		if !fl.relevant(stmt) {
			continue
		}
		if only != nil || together(stmt) {
			return append(out, fl.exec(src, stmts, fl.one(st), sub, calling)...)
		}
		only = stmt
	}
	if only == nil {
		return append(out, st)
	}
	n := len(out)
	out = fl.step(src, only, st, sub, calling, out)
	if len(out)-n > maxPaths { // as exec bounds a statement's paths
		out = append(out[:n], fl.bound(slices.Clone(out[n:]))...)
	}
	return out
}

// switchStmt forks a path at a switch: the first case whose test holds
// runs, on into the next cases while each ends in fallthrough; default
// runs when no case holds; break ends the case.
func (fl *flow) switchStmt(src *source, s *vcl.SwitchStmt, st flowState, sub string, calling map[string]bool, out []flowState) []flowState {
	rest := st
	runFrom := func(i int, p flowState) {
		paths := fl.one(p)
		for k := i; k < len(s.Cases); k++ {
			stmts, falls := caseBody(s.Cases[k].Stmts)
			paths = fl.exec(src, stmts, paths, sub, calling)
			if !falls {
				break
			}
		}
		out = append(out, paths...)
	}
	def := -1
	for i, c := range s.Cases {
		if c.Match == nil {
			def = i
			continue
		}
		cond := caseCond(s, i)
		// A case's test is made anew for each path that reaches the
		// switch: its nodes are allocated each (not from the slab, where
		// those no exit keeps would stay with the ones kept).
		then, els := fl.fork(rest, cond, fl.newCondition(src, cond, nil))
		if then.ok {
			runFrom(i, then.st)
		}
		if !els.ok {
			return out
		}
		rest = els.st
	}
	if def >= 0 {
		runFrom(def, rest)
	} else {
		out = append(out, rest)
	}
	return out
}

// caseBody is a case's statements up to its break (or its end), and
// whether it falls through into the next case.
func caseBody(stmts []vcl.Stmt) ([]vcl.Stmt, bool) {
	for i, st := range stmts {
		switch st.(type) {
		case *vcl.BreakStmt:
			return stmts[:i], false
		case *vcl.FallthroughStmt:
			return stmts[:i], true
		}
	}
	return stmts, false
}

// backendTest recognises req.backend == NAME (eq) and req.backend != NAME.
func backendTest(e vcl.Expr) (name string, eq, ok bool) {
	if p, isParen := e.(*vcl.ParenExpr); isParen {
		return backendTest(p.X)
	}
	b, isBin := e.(*vcl.BinaryExpr)
	if !isBin || b.Op != "==" && b.Op != "!=" {
		return "", false, false
	}
	l, lok := b.X.(*vcl.Ident)
	r, rok := b.Y.(*vcl.Ident)
	if !lok || !rok || !strings.EqualFold(l.Name, "req.backend") {
		return "", false, false
	}
	return r.Name, b.Op == "==", true
}

// withBackend narrows a path to req.backend == name (is) or != name; ok
// is false when the path contradicts it.
func withBackend(st flowState, name string, is bool) (flowState, bool) {
	if is {
		if st.backend != "" && st.backend != name || slices.Contains(st.notBackends, name) {
			return st, false
		}
		st.backend = name
		return st, true
	}
	if st.backend == name {
		return st, false
	}
	if st.backend == "" && !slices.Contains(st.notBackends, name) {
		st.notBackends = append(st.notBackends[:len(st.notBackends):len(st.notBackends)], name)
	}
	return st, true
}

// decide evaluates a condition on a path, three-valued: from the path's
// facts, its restart count, and (for trace) the one request followed.
// known is false when none of them decides it.
func (fl *flow) decide(st *flowState, e vcl.Expr) (holds, known bool) {
	switch e := e.(type) {
	case *vcl.ParenExpr:
		return fl.decide(st, e.X)
	case *vcl.UnaryExpr:
		if e.Op == "!" {
			v, k := fl.decide(st, e.X)
			return !v, k
		}
	case *vcl.Ident:
		switch e.Lower() {
		case "true":
			return true, true
		case "false":
			return false, true
		case "req.url", "req.url.path", "req.method", "req.request":
			// Every request has these: !req.url is the never-true
			// condition Fastly's support gives backends that a snippet
			// selects, so that the default backend does not overwrite it.
			if !fl.written["url"] {
				return true, true
			}
		}
	case *vcl.BinaryExpr:
		switch e.Op {
		case "&&", "||":
			and := e.Op == "&&"
			a, ak := fl.decide(st, e.X)
			if ak && a != and { // false && …, true || …
				return a, true
			}
			b, bk := fl.decide(st, e.Y)
			if bk && b != and {
				return b, true
			}
			return and, ak && bk
		}
		if v, ok := restartsTest(e, st.restarts); ok {
			return v, true
		}
	}
	if fl.req != nil {
		if v, ok := condEval(e, fl.written, nil).Decide(fl.req); ok {
			return v, true
		}
	}
	if st.facts == nil {
		return false, false
	}
	if id, pos, ok := fl.atom(e); ok && fl.recorded[id] && !readsWritten(e, fl.written) {
		if holds, ok := st.facts.lookup(id); ok {
			return holds == pos, true
		}
	}
	return false, false
}

// decidedByRequest reports a condition trace's request decides (rather
// than the path's facts or restarts).
func (fl *flow) decidedByRequest(e vcl.Expr) bool {
	_, ok := condEval(e, fl.written, nil).Decide(fl.req)
	return ok
}

// assume records what a branch taken establishes: a condition's atoms
// that must hold (or not) on it.
func (fl *flow) assume(st flowState, e vcl.Expr, holds bool) flowState {
	switch e := e.(type) {
	case *vcl.ParenExpr:
		return fl.assume(st, e.X, holds)
	case *vcl.UnaryExpr:
		if e.Op == "!" {
			return fl.assume(st, e.X, !holds)
		}
	case *vcl.BinaryExpr:
		switch {
		case e.Op == "&&" && holds, e.Op == "||" && !holds:
			return fl.assume(fl.assume(st, e.X, holds), e.Y, holds)
		case e.Op == "&&" || e.Op == "||":
			return st
		}
	}
	if id, pos, ok := fl.atom(e); ok && !readsWritten(e, fl.written) {
		st.facts = &facts{id: id, holds: holds == pos, prev: st.facts}
		fl.recorded[id] = true
	}
	return st
}

// appendAtom appends to dst the key of a condition that is one fact: a
// comparison (==, !=, ~, !~, with != and !~ the negative of == and ~), or
// anything else taken as a whole (a header's presence, a function). pos
// is false for the negative forms.
func appendAtom(dst []byte, e vcl.Expr) (_ []byte, pos, ok bool) {
	if b, isBin := e.(*vcl.BinaryExpr); isBin {
		switch b.Op {
		case "==", "!=":
			dst = appendExprKey(dst, b.X)
			return appendExprKey(append(dst, " == "...), b.Y), b.Op == "==", true
		case "~", "!~":
			dst = appendExprKey(dst, b.X)
			return appendExprKey(append(dst, " ~ "...), b.Y), b.Op == "~", true
		case "&&", "||":
			return dst, false, false
		}
	}
	return appendExprKey(dst, e), true, true
}

// appendExprKey appends to dst an expression rendered from its syntax,
// so that the same condition written twice (or in two snippets) has one
// key.
func appendExprKey(dst []byte, e vcl.Expr) []byte {
	switch e := e.(type) {
	case *vcl.Ident:
		return append(dst, e.Lower()...)
	case *vcl.StringLit:
		return strconv.AppendQuote(dst, e.Value)
	case *vcl.NumberLit:
		return append(dst, e.Text...)
	case *vcl.DurationLit:
		return append(dst, e.Text...)
	case *vcl.ParenExpr:
		return appendExprKey(dst, e.X)
	case *vcl.UnaryExpr:
		return appendExprKey(append(dst, e.Op...), e.X)
	case *vcl.BinaryExpr:
		dst = appendExprKey(append(dst, '('), e.X)
		dst = append(append(append(dst, ' '), e.Op...), ' ')
		return append(appendExprKey(dst, e.Y), ')')
	case *vcl.ConcatExpr:
		dst = append(dst, '(')
		for i, p := range e.Parts {
			if i > 0 {
				dst = append(dst, ' ')
			}
			dst = appendExprKey(dst, p)
		}
		return append(dst, ')')
	case *vcl.CallExpr:
		dst = append(append(dst, e.Func.Lower()...), '(')
		for i, a := range e.Args {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendExprKey(dst, a)
		}
		return append(dst, ')')
	case *vcl.IPLit:
		return append(append(appendExprKey(dst, e.Addr), '/'), e.Mask...)
	}
	return append(dst, '?')
}

// restartsTest decides a comparison of req.restarts with a number.
func restartsTest(b *vcl.BinaryExpr, restarts int) (holds, ok bool) {
	id, isID := b.X.(*vcl.Ident)
	num, isNum := b.Y.(*vcl.NumberLit)
	if !isID || !isNum || !strings.EqualFold(id.Name, "req.restarts") {
		return false, false
	}
	n, err := strconv.Atoi(num.Text)
	if err != nil {
		return false, false
	}
	switch b.Op {
	case "==":
		return restarts == n, true
	case "!=":
		return restarts != n, true
	case "<":
		return restarts < n, true
	case "<=":
		return restarts <= n, true
	case ">":
		return restarts > n, true
	case ">=":
		return restarts >= n, true
	}
	return false, false
}

// readsWritten reports a condition that reads req.url or a request header
// the VCL writes.
func readsWritten(e vcl.Expr, written map[string]bool) bool {
	found := false
	var visit func(vcl.Expr)
	visit = func(e vcl.Expr) {
		switch e := e.(type) {
		case *vcl.Ident:
			n := e.Lower()
			if h, ok := strings.CutPrefix(n, "req.http."); ok && written[h] || strings.HasPrefix(n, "req.url") && written["url"] {
				found = true
			}
		case *vcl.ParenExpr:
			visit(e.X)
		case *vcl.UnaryExpr:
			visit(e.X)
		case *vcl.BinaryExpr:
			visit(e.X)
			visit(e.Y)
		case *vcl.ConcatExpr, *vcl.CallExpr:
			found = true // not looked into: assume it reads what is written
		}
	}
	visit(e)
	return found
}

// shieldOf tells what a condition says of req.backend.is_shield on its
// then and else branches: +1 true, -1 false, 0 nothing.
func shieldOf(e vcl.Expr) (then, els int) {
	switch e := e.(type) {
	case *vcl.ParenExpr:
		return shieldOf(e.X)
	case *vcl.Ident:
		if e.Name == "req.backend.is_shield" {
			return 1, -1
		}
	case *vcl.UnaryExpr:
		if e.Op == "!" {
			t, f := shieldOf(e.X)
			return f, t
		}
	case *vcl.BinaryExpr:
		switch e.Op {
		case "&&":
			if t, _ := shieldOf(e.X); t != 0 {
				return t, 0
			}
			if t, _ := shieldOf(e.Y); t != 0 {
				return t, 0
			}
		case "||":
			if _, f := shieldOf(e.X); f != 0 {
				if _, f2 := shieldOf(e.Y); f2 == f {
					return 0, f
				}
			}
		}
	}
	return 0, 0
}

func withShield(st flowState, need int) (flowState, bool) {
	if need == 0 {
		return st, true
	}
	if st.shield != 0 && st.shield != need {
		return st, false // contradicts the path: it never happens
	}
	st.shield = need
	return st, true
}

// value evaluates the value a set statement assigns to a Host variable
// (or a tracked header).
func (fl *flow) value(src *source, s *vcl.SetStmt, st flowState) hostVal {
	span := fl.r.span(src, s)
	if s.Op != "=" {
		return hostVal{kind: graph.ExitHostDynamic, span: span}
	}
	v := fl.eval(s.Value, st)
	if v.span == (graph.Span{}) || v.kind == graph.ExitHostClient {
		v.span = span // where the value was put (the client's Host: where it was put back)
	}
	return v
}

// eval computes a value from literals, Host variables and tracked
// headers: concatenation of known parts is known, regsub over the
// client's Host is computed over the service's domains; anything else
// is dynamic.
func (fl *flow) eval(e vcl.Expr, st flowState) hostVal {
	dynamic := hostVal{kind: graph.ExitHostDynamic}
	switch e := e.(type) {
	case *vcl.StringLit:
		if strings.TrimSpace(e.Value) == "" {
			return hostVal{kind: graph.ExitHostUnset}
		}
		return hostVal{kind: graph.ExitHostLiteral, value: e.Value}
	case *vcl.ParenExpr:
		return fl.eval(e.X, st)
	case *vcl.Ident:
		name := e.Lower()
		switch name {
		case "req.http.host":
			return st.reqHost
		case "bereq.http.host":
			return st.bereqHost
		}
		// A header's value is positioned at the statement that copies it.
		if h, ok := strings.CutPrefix(name, "req.http."); ok {
			if v, known := header(st.headers, h); known {
				v.span = graph.Span{}
				return v
			}
		}
		if h, ok := strings.CutPrefix(name, "bereq.http."); ok {
			if v, known := header(st.bereqHeaders, h); known {
				v.span = graph.Span{}
				return v
			}
		}
	case *vcl.ConcatExpr:
		var b strings.Builder
		for _, p := range e.Parts {
			v := fl.eval(p, st)
			if v.kind != graph.ExitHostLiteral {
				return dynamic
			}
			b.WriteString(v.value)
		}
		return hostVal{kind: graph.ExitHostLiteral, value: b.String()}
	case *vcl.BinaryExpr:
		if e.Op == "+" {
			return fl.eval(&vcl.ConcatExpr{Parts: []vcl.Expr{e.X, e.Y}}, st)
		}
	case *vcl.CallExpr:
		return fl.regsub(e, st)
	}
	return dynamic
}

// regsub computes regsub(SUBJECT, "re", "replacement") (or regsuball)
// when its subject is known: a literal, or the client's Host, which is
// one of the service's domains — known when every domain gives the same
// result (wildcard domains are not known).
func (fl *flow) regsub(e *vcl.CallExpr, st flowState) hostVal {
	dynamic := hostVal{kind: graph.ExitHostDynamic}
	fn := e.Func.Lower()
	if fn != "regsub" && fn != "regsuball" || len(e.Args) != 3 {
		return dynamic
	}
	pat, ok1 := e.Args[1].(*vcl.StringLit)
	repl, ok2 := e.Args[2].(*vcl.StringLit)
	if !ok1 || !ok2 {
		return dynamic
	}
	subject := fl.eval(e.Args[0], st)
	var inputs []string
	switch subject.kind {
	case graph.ExitHostLiteral:
		inputs = []string{subject.value}
	case graph.ExitHostClient:
		inputs = fl.domains()
		if len(inputs) == 0 {
			return dynamic
		}
		for _, d := range inputs {
			if strings.Contains(d, "*") {
				return dynamic
			}
		}
	default:
		return dynamic
	}
	result := ""
	for i, in := range inputs {
		out, ok := pcreReplace(pat.Value, in, repl.Value, fn == "regsuball")
		if !ok || i > 0 && out != result {
			return dynamic
		}
		result = out
	}
	if strings.TrimSpace(result) == "" {
		return hostVal{kind: graph.ExitHostUnset}
	}
	return hostVal{kind: graph.ExitHostLiteral, value: result}
}

// bound keeps the paths within maxPaths: paths of equal state are merged
// (their conditions dropped), then the rest cut.
func (fl *flow) bound(paths []flowState) []flowState {
	if len(paths) <= maxPaths {
		return paths
	}
	fl.merged = true
	seen := map[string]int{}
	var out []flowState
	for _, st := range paths {
		k := st.key()
		if i, ok := seen[k]; ok {
			out[i].conds, out[i].facts = nil, nil
			continue
		}
		seen[k] = len(out)
		out = append(out, st)
	}
	if len(out) > maxPaths {
		out = out[:maxPaths]
	}
	return out
}

// anyRelevant reports whether a snippet holds a statement the model
// tracks.
func (fl *flow) anyRelevant(snippets *snipTable) bool {
	for _, s := range snippets.list {
		for _, st := range s.stmts {
			if fl.relevant(st) {
				return true
			}
		}
	}
	return false
}

// relevant reports whether a statement can change the state or end the
// subroutine (cached for blocks, ifs and switches: nested ones would
// otherwise be walked again at every level).
func (fl *flow) relevant(st vcl.Stmt) bool {
	switch st.(type) {
	case *vcl.Block, *vcl.IfStmt, *vcl.SwitchStmt:
		if r, ok := fl.relevance[st]; ok {
			return r
		}
		r := fl.stmtsTouch([]vcl.Stmt{st})
		fl.relevance[st] = r
		return r
	}
	return fl.touchesDirectly(st)
}

// touchesDirectly reports a statement that is itself a write of what the
// model tracks, an exit of the subroutine, a jump, or a call (or include)
// of code that touches.
func (fl *flow) touchesDirectly(st vcl.Stmt) bool {
	switch s := st.(type) {
	case *vcl.SetStmt:
		t := s.Target.Lower()
		switch t {
		case "req.http.host", "bereq.http.host", "req.backend":
			return true
		}
		return fl.tracked(t)
	case *vcl.UnsetStmt:
		t := s.Target.Lower()
		switch t {
		case "req.http.host", "bereq.http.host":
			return true
		}
		return fl.tracked(t)
	case *vcl.ReturnStmt, *vcl.ErrorStmt, *vcl.RestartStmt, *vcl.MacroStmt, *vcl.GotoStmt, *vcl.LabelStmt:
		return true
	case *vcl.IncludeStmt:
		return true
	case *vcl.CallStmt:
		return fl.subTouches(s.Name.Name)
	}
	return false
}

// tracked reports a request header whose value a Host is copied from.
func (fl *flow) tracked(target string) bool {
	if h, ok := strings.CutPrefix(target, "req.http."); ok {
		return fl.hostSources[h]
	}
	if h, ok := strings.CutPrefix(target, "bereq.http."); ok {
		return fl.hostSources[h]
	}
	return false
}

func (fl *flow) stmtsTouch(stmts []vcl.Stmt) bool {
	touched := false
	walkStmts(stmts, func(st vcl.Stmt) {
		touched = touched || fl.touchesDirectly(st)
	})
	return touched
}

// subTouches reports whether a custom subroutine can change the state.
func (fl *flow) subTouches(name string) bool {
	if t, ok := fl.touches[name]; ok {
		return t
	}
	fl.touches[name] = false // a recursive call adds nothing
	t := false
	for _, b := range fl.custom.get(name) {
		t = t || fl.stmtsTouch(b.stmts)
	}
	fl.touches[name] = t
	return t
}

// scanProgram finds the request headers a Host is copied from (the right
// side of a Host assignment, and what those are copied from in turn), and
// whether the program restarts anywhere.
func scanProgram(bodies [][]vcl.Stmt) (sources map[string]bool, restarts bool) {
	var copies map[string][]string // header → headers it is set from
	for _, stmts := range bodies {
		walkStmts(stmts, func(st vcl.Stmt) {
			switch s := st.(type) {
			case *vcl.RestartStmt:
				restarts = true
			case *vcl.SetStmt:
				if !readsHeader(s.Value) {
					return // copies no header: most assignments
				}
				t := s.Target.Lower()
				var from []string
				walkExpr(s.Value, func(e vcl.Expr) {
					if id, ok := e.(*vcl.Ident); ok {
						n := id.Lower()
						if h, ok := strings.CutPrefix(n, "req.http."); ok {
							from = append(from, h)
						} else if h, ok := strings.CutPrefix(n, "bereq.http."); ok {
							from = append(from, h)
						}
					}
				})
				if t == "req.http.host" || t == "bereq.http.host" {
					for _, h := range from {
						if sources == nil {
							sources = map[string]bool{}
						}
						sources[h] = true
					}
					return
				}
				h, ok := strings.CutPrefix(t, "req.http.")
				if !ok {
					h, ok = strings.CutPrefix(t, "bereq.http.")
				}
				if ok {
					if copies == nil {
						copies = map[string][]string{}
					}
					copies[h] = append(copies[h], from...)
				}
			}
		})
	}
	delete(sources, "host")
	for changed := true; changed; { // what sources are set from, transitively
		changed = false
		for h := range sources {
			for _, f := range copies[h] {
				if f != "host" && !sources[f] {
					sources[f], changed = true, true
				}
			}
		}
	}
	return sources, restarts
}

// readsHeader reports an expression that reads a request header.
func readsHeader(e vcl.Expr) bool {
	switch e := e.(type) {
	case *vcl.Ident:
		n := e.Lower()
		return strings.HasPrefix(n, "req.http.") || strings.HasPrefix(n, "bereq.http.")
	case *vcl.ParenExpr:
		return readsHeader(e.X)
	case *vcl.UnaryExpr:
		return readsHeader(e.X)
	case *vcl.BinaryExpr:
		return readsHeader(e.X) || readsHeader(e.Y)
	case *vcl.ConcatExpr:
		for _, p := range e.Parts {
			if readsHeader(p) {
				return true
			}
		}
	case *vcl.CallExpr:
		for _, a := range e.Args {
			if readsHeader(a) {
				return true
			}
		}
	}
	return false
}

// walkExpr calls fn for an expression and every expression inside it.
func walkExpr(e vcl.Expr, fn func(vcl.Expr)) {
	if e == nil {
		return
	}
	fn(e)
	switch e := e.(type) {
	case *vcl.ParenExpr:
		walkExpr(e.X, fn)
	case *vcl.UnaryExpr:
		walkExpr(e.X, fn)
	case *vcl.BinaryExpr:
		walkExpr(e.X, fn)
		walkExpr(e.Y, fn)
	case *vcl.ConcatExpr:
		for _, p := range e.Parts {
			walkExpr(p, fn)
		}
	case *vcl.CallExpr:
		for _, a := range e.Args {
			walkExpr(a, fn)
		}
	}
}

// walkStmts calls fn for every statement, nested ones too.
func walkStmts(stmts []vcl.Stmt, fn func(vcl.Stmt)) {
	for _, st := range stmts {
		fn(st)
		switch s := st.(type) {
		case *vcl.Block:
			walkStmts(s.Stmts, fn)
		case *vcl.SwitchStmt:
			for _, c := range s.Cases {
				walkStmts(c.Stmts, fn)
			}
		case *vcl.IfStmt:
			for cur := s; cur != nil; {
				walkStmts(cur.Then.Stmts, fn)
				switch e := cur.Else.(type) {
				case *vcl.IfStmt:
					cur = e
					continue
				case *vcl.Block:
					walkStmts(e.Stmts, fn)
				}
				cur = nil
			}
		}
	}
}
