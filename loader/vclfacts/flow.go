package vclfacts

import (
	"cmp"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/vcl"
)

// The request-flow model runs a service's effective VCL as Fastly runs
// it, far enough to tell, for every path a request can take to a backend,
// which backend it goes to and which Host it carries.
//
// What is modelled (each from Fastly's documentation, or assumed where it
// is silent; the rule docs repeat the assumptions):
//
//   - The effective VCL: the custom VCL's subroutines (every uploaded
//     file: includes are assumed to be the other files), with each
//     snippet inserted at its subroutine's #FASTLY macro in ascending
//     priority (default 100; equal priorities by name, an assumption:
//     Fastly does not document ties). Without custom VCL, Fastly's
//     boilerplate: the macro, then vcl_recv passes methods other than GET,
//     HEAD and FASTLYPURGE and looks the rest up, vcl_miss fetches,
//     vcl_pass passes. Custom VCL that lacks a subroutine's macro renders
//     none of that type's snippets (Unrendered).
//   - The request path: vcl_recv, then return(pass) to vcl_pass, or
//     return(lookup) (or falling off the end) through vcl_hash to
//     vcl_miss; error and restart leave no backend request (restart is
//     not followed: VCL's only loop, bounded by Fastly at 3).
//   - State: req.http.host (the client's at first), bereq.http.host
//     (a copy of req.http.* made when vcl_miss or vcl_pass starts:
//     Fastly's bereq.http reference), req.backend (static set req.backend
//     = F_x). set and unset, last write wins; call follows custom
//     subroutines (a return(action) in one ends its caller too).
//   - Conditions: each if forks the path when a branch changes the state
//     or leaves the subroutine; the condition is kept as written.
//     req.backend.is_shield is understood exactly: a branch that needs it
//     true and one that needs it false never share a path.
//
// Paths are bounded: past maxPaths at one point, paths with equal state
// are merged (their conditions dropped, ExitsMerged set), and the rest cut.

const maxPaths = 64

// maxSteps bounds the statements the model runs for one service (a chain
// of subroutines that each call the next twice doubles the work at every
// level): past it the model gives up and the rules fall back to the
// statement-level reading.
const maxSteps = 200_000

// hostVal is what a Host variable holds on a path.
type hostVal struct {
	kind  analyzer.ExitHostKind
	value string
	span  analyzer.Span
}

type flowState struct {
	reqHost, bereqHost hostVal
	backend            string
	notBackends        []string // req.backend is none of these on the path
	conds              []string
	evals              []func(*analyzer.Request) (bool, bool)
	shield             int
	// action is how the subroutine ended: "" (fell off the end, or a
	// plain return), or the action of return(action), "error", "restart".
	action string
}

// key identifies a path's state for merging.
func (st *flowState) key() string {
	return strings.Join([]string{st.reqHost.value, string(rune('0' + st.reqHost.kind)), st.bereqHost.value,
		string(rune('0' + st.bereqHost.kind)), st.backend, string(rune('1' + st.shield)), st.action}, "\x00")
}

// maxConds bounds the conditions a path keeps (copying ever longer lists
// at every fork made the model quadratic in the VCL's size); past it, one
// "…" stands for the rest, which trace then cannot decide.
const maxConds = 12

func (st flowState) with(cond string, eval func(*analyzer.Request) (bool, bool)) flowState {
	switch {
	case len(st.conds) == maxConds:
		cond, eval = "… (more conditions)", nil
	case len(st.conds) > maxConds:
		return st
	}
	st.conds = append(st.conds[:len(st.conds):len(st.conds)], cond)
	st.evals = append(st.evals[:len(st.evals):len(st.evals)], eval)
	return st
}

// snip is a snippet waiting for its macro.
type snip struct {
	snippet *analyzer.Snippet
	src     *source
	stmts   []vcl.Stmt
}

type flow struct {
	r *reader
	// custom holds the custom VCL's subroutine bodies by name.
	custom map[string][]body
	// snippets holds each subroutine's snippets, in rendering order.
	snippets map[string][]snip
	// generated is what Fastly renders at #FASTLY recv from the API
	// objects (generated.go), before the recv snippets.
	generated []snip
	hasCustom bool
	// touches caches whether a subroutine can change the state.
	touches   map[string]bool
	relevance map[vcl.Stmt]bool
	merged    bool
	steps     int
	// written are the request headers the VCL writes: conditions on them
	// are not decided from the request as received.
	written map[string]bool
}

// runFlow computes the service's exits.
func (r *reader) runFlow(custom map[string][]body, snippets map[string][]snip, generated []snip, hasCustom bool) {
	fl := &flow{r: r, custom: custom, snippets: snippets, generated: generated, hasCustom: hasCustom, touches: map[string]bool{}, relevance: map[vcl.Stmt]bool{}}
	for sub, list := range snippets {
		slices.SortStableFunc(list, func(a, b snip) int {
			if c := cmp.Compare(priority(a.snippet), priority(b.snippet)); c != 0 {
				return c
			}
			return cmp.Compare(a.snippet.Name.Value, b.snippet.Name.Value)
		})
		if hasCustom && !fl.hasMacro(sub) {
			for _, s := range list {
				r.facts.Unrendered = append(r.facts.Unrendered, s.snippet)
			}
			if len(custom[sub]) == 0 && len(list) > 0 {
				r.facts.MissingSubs = append(r.facts.MissingSubs, strings.TrimPrefix(sub, "vcl_"))
			}
		}
	}
	if !hasCustom && len(generated) == 0 && !fl.anyRelevant(snippets) {
		// Boilerplate with snippets that touch nothing the model tracks:
		// every path keeps the client's Host, as the statement-level
		// reading (no Exits) says too. Most services are this; they skip
		// the model's cost.
		return
	}
	var bodies [][]vcl.Stmt
	for _, list := range custom {
		for _, b := range list {
			bodies = append(bodies, b.stmts)
		}
	}
	for _, list := range snippets {
		for _, s := range list {
			bodies = append(bodies, s.stmts)
		}
	}
	for _, s := range generated {
		bodies = append(bodies, s.stmts)
	}
	fl.written = writtenHeaders(bodies)
	start := flowState{reqHost: hostVal{kind: analyzer.ExitHostClient}}
	var exits []*analyzer.Exit
	for _, st := range fl.runSub("vcl_recv", []flowState{start}) {
		switch st.action {
		case "error", "restart", "synth", "deliver":
			continue
		case "pass":
			exits = append(exits, fl.backendRequest("vcl_pass", st)...)
		default: // lookup, hash, or the end of vcl_recv
			st.action = ""
			for _, h := range fl.runSub("vcl_hash", []flowState{st}) {
				h.action = ""
				exits = append(exits, fl.backendRequest("vcl_miss", h)...)
			}
		}
	}
	r.facts.Exits = exits
	if exits == nil {
		r.facts.Exits = []*analyzer.Exit{}
	}
	if fl.steps > maxSteps {
		r.facts.Exits = nil // gave up: see maxSteps
	}
	r.facts.ExitsMerged = fl.merged
}

func priority(s *analyzer.Snippet) int {
	if s.Priority.Set && s.Priority.Known() {
		return s.Priority.Value
	}
	return 100
}

// backendRequest starts the backend request of a path in sub: bereq
// copies req's headers, then sub runs.
func (fl *flow) backendRequest(sub string, st flowState) []*analyzer.Exit {
	st.bereqHost = st.reqHost
	st.action = ""
	var out []*analyzer.Exit
	for _, end := range fl.runSub(sub, []flowState{st}) {
		if end.action == "error" || end.action == "restart" || end.action == "deliver" || end.action == "synth" {
			continue
		}
		out = append(out, &analyzer.Exit{Sub: sub, Backend: end.backend, NotBackends: end.notBackends, Conditions: end.conds, Eval: end.evals, Shield: end.shield,
			Host: analyzer.ExitHost{Span: end.bereqHost.span, Kind: end.bereqHost.kind, Value: end.bereqHost.value}})
	}
	return out
}

// hasMacro reports whether the custom VCL's sub has its #FASTLY macro.
func (fl *flow) hasMacro(sub string) bool {
	want := strings.TrimPrefix(sub, "vcl_")
	found := false
	for _, b := range fl.custom[sub] {
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
	if !fl.hasCustom {
		return fl.boilerplate(sub, in, true)
	}
	if len(fl.custom[sub]) == 0 {
		// Custom VCL without this subroutine: the built-in default runs,
		// and no snippet of its type is rendered.
		return fl.boilerplate(sub, in, false)
	}
	out := in
	for _, b := range fl.custom[sub] {
		out = fl.exec(b.src, b.stmts, out, sub, map[string]bool{})
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
	var res []flowState
	for _, st := range out {
		if st.action != "" {
			res = append(res, st)
			continue
		}
		pass := st.with(`req.method is not GET, HEAD or FASTLYPURGE`, methodIn(false))
		pass.action = "pass"
		look := st.with(`req.method is GET, HEAD or FASTLYPURGE`, methodIn(true))
		look.action = "lookup"
		res = append(res, pass, look)
	}
	return fl.bound(res)
}

// macro runs the snippets rendered at sub's #FASTLY macro.
func (fl *flow) macro(sub string, in []flowState) []flowState {
	out := in
	if sub == "vcl_recv" {
		for _, s := range fl.generated {
			out = fl.exec(s.src, s.stmts, out, sub, map[string]bool{})
		}
	}
	for _, s := range fl.snippets[sub] {
		out = fl.exec(s.src, s.stmts, out, sub, map[string]bool{})
	}
	return out
}

// exec runs statements on every live path (a path whose subroutine has
// ended passes through untouched).
func (fl *flow) exec(src *source, stmts []vcl.Stmt, in []flowState, sub string, calling map[string]bool) []flowState {
	paths := in
	var spare []flowState // a buffer of ours to fill for the next statement
	for _, stmt := range stmts {
		if !fl.relevant(stmt) {
			continue // most statements touch nothing the model tracks
		}
		next := spare[:0]
		for _, st := range paths {
			if st.action != "" {
				next = append(next, st)
				continue
			}
			next = fl.step(src, stmt, st, sub, calling, next)
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

// step runs one statement on one path, appending the paths it leads to
// to out.
func (fl *flow) step(src *source, stmt vcl.Stmt, st flowState, sub string, calling map[string]bool, out []flowState) []flowState {
	if fl.steps++; fl.steps > maxSteps {
		return append(out, st)
	}
	switch s := stmt.(type) {
	case *vcl.SetStmt:
		target := strings.ToLower(s.Target.Name)
		switch target {
		case "req.http.host":
			st.reqHost = fl.value(src, s, st)
		case "bereq.http.host":
			if sub == "vcl_miss" || sub == "vcl_pass" {
				st.bereqHost = fl.value(src, s, st)
			}
		case "req.backend":
			st.backend, st.notBackends = "", nil
			if id, ok := s.Value.(*vcl.Ident); ok && s.Op == "=" {
				st.backend = id.Name
			}
		}
	case *vcl.UnsetStmt:
		unset := hostVal{kind: analyzer.ExitHostUnset, span: fl.r.span(src, s)}
		switch strings.ToLower(s.Target.Name) {
		case "req.http.host":
			st.reqHost = unset
		case "bereq.http.host":
			if sub == "vcl_miss" || sub == "vcl_pass" {
				st.bereqHost = unset
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
	case *vcl.MacroStmt:
		if strings.EqualFold(s.Name, strings.TrimPrefix(sub, "vcl_")) {
			return append(out, fl.macro(sub, []flowState{st})...)
		}
	case *vcl.Block:
		return append(out, fl.exec(src, s.Stmts, []flowState{st}, sub, calling)...)
	case *vcl.CallStmt:
		return append(out, fl.call(s.Name.Name, st, sub, calling)...)
	case *vcl.IfStmt:
		if !fl.ifTouches(s) {
			return append(out, st)
		}
		return append(out, fl.ifStmt(src, s, st, sub, calling)...)
	}
	return append(out, st)
}

// call runs a custom subroutine; a plain return ends only it, a
// return(action) ends its caller too.
func (fl *flow) call(name string, st flowState, sub string, calling map[string]bool) []flowState {
	if calling[name] || !fl.subTouches(name) {
		return []flowState{st} // recursion (Fastly refuses it), or nothing to see
	}
	calling[name] = true
	defer delete(calling, name)
	out := []flowState{st}
	for _, b := range fl.custom[name] {
		out = fl.exec(b.src, b.stmts, out, sub, calling)
	}
	for i := range out {
		if out[i].action == "return" {
			out[i].action = ""
		}
	}
	return out
}

// ifStmt forks a path at an if / else-if chain.
func (fl *flow) ifStmt(src *source, s *vcl.IfStmt, st flowState, sub string, calling map[string]bool) []flowState {
	var out []flowState
	rest := st
	for cur := s; ; {
		text := exprText(src, cur.Cond)
		eval := condEval(cur.Cond, fl.written)
		// A condition the path already decided (the same text, read
		// from what the VCL does not write) is not forked again: the
		// generated backend selection and a header under the same
		// condition take the same side.
		decided, holds := fl.decided(rest, cur.Cond, text)
		var then, els flowState
		var thenOK, elseOK bool
		if name, eq, ok := backendTest(cur.Cond); ok && !decided {
			// req.backend == F_x: the branch where it holds is a path for
			// F_x only, the other one for every backend but F_x.
			then, thenOK = withBackend(rest, name, eq)
			els, elseOK = withBackend(rest, name, !eq)
		} else {
			shieldThen, shieldElse := shieldOf(cur.Cond)
			then, thenOK = withShield(rest, shieldThen)
			els, elseOK = withShield(rest, shieldElse)
			thenOK = thenOK && (!decided || holds)
			elseOK = elseOK && !(decided && holds)
		}
		if thenOK {
			if !decided {
				then = then.with(text, eval)
			}
			out = append(out, fl.exec(src, cur.Then.Stmts, []flowState{then}, sub, calling)...)
		}
		if !elseOK {
			return out
		}
		rest = els
		if !decided {
			rest = rest.with("!("+text+")", negate(eval))
		}
		switch e := cur.Else.(type) {
		case *vcl.IfStmt:
			cur = e
			continue
		case *vcl.Block:
			return append(out, fl.exec(src, e.Stmts, []flowState{rest}, sub, calling)...)
		}
		return append(out, rest)
	}
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

// decided reports whether the path has already taken a side of this very
// condition (by its text), and which; never for a condition on something
// the VCL writes (req.url after a rewrite is another value).
func (fl *flow) decided(st flowState, cond vcl.Expr, text string) (decided, holds bool) {
	if text == "" || readsWritten(cond, fl.written) {
		return false, false
	}
	for _, c := range st.conds {
		switch c {
		case text:
			return true, true
		case "!(" + text + ")":
			return true, false
		}
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
			n := strings.ToLower(e.Name)
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

// value evaluates the value a set statement assigns to a Host variable.
func (fl *flow) value(src *source, s *vcl.SetStmt, st flowState) hostVal {
	span := fl.r.span(src, s)
	if s.Op != "=" {
		return hostVal{kind: analyzer.ExitHostDynamic, span: span}
	}
	switch v := s.Value.(type) {
	case *vcl.StringLit:
		if strings.TrimSpace(v.Value) == "" {
			return hostVal{kind: analyzer.ExitHostUnset, span: span}
		}
		return hostVal{kind: analyzer.ExitHostLiteral, value: v.Value, span: span}
	case *vcl.Ident:
		switch strings.ToLower(v.Name) {
		case "req.http.host":
			h := st.reqHost
			if h.kind == analyzer.ExitHostClient {
				h.span = span // where the client's Host was put back
			}
			return h
		case "bereq.http.host":
			return st.bereqHost
		}
	}
	return hostVal{kind: analyzer.ExitHostDynamic, span: span}
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
			out[i].conds, out[i].evals = nil, nil
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
func (fl *flow) anyRelevant(snippets map[string][]snip) bool {
	for _, list := range snippets {
		for _, s := range list {
			for _, st := range s.stmts {
				if fl.relevant(st) {
					return true
				}
			}
		}
	}
	return false
}

// relevant reports whether a statement can change the state or end the
// subroutine (cached for blocks and ifs: nested ones would otherwise be
// walked again at every level).
func (fl *flow) relevant(st vcl.Stmt) bool {
	switch st.(type) {
	case *vcl.Block, *vcl.IfStmt:
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
// model tracks, an exit of the subroutine, or a call of one that touches.
func (fl *flow) touchesDirectly(st vcl.Stmt) bool {
	switch s := st.(type) {
	case *vcl.SetStmt:
		switch strings.ToLower(s.Target.Name) {
		case "req.http.host", "bereq.http.host", "req.backend":
			return true
		}
	case *vcl.UnsetStmt:
		switch strings.ToLower(s.Target.Name) {
		case "req.http.host", "bereq.http.host":
			return true
		}
	case *vcl.ReturnStmt, *vcl.ErrorStmt, *vcl.RestartStmt, *vcl.MacroStmt:
		return true
	case *vcl.CallStmt:
		return fl.subTouches(s.Name.Name)
	}
	return false
}

// ifTouches reports whether any branch of an if chain can change the
// state or end the subroutine: only then is the path forked.
func (fl *flow) ifTouches(s *vcl.IfStmt) bool { return fl.relevant(s) }

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
	for _, b := range fl.custom[name] {
		t = t || fl.stmtsTouch(b.stmts)
	}
	fl.touches[name] = t
	return t
}

// walkStmts calls fn for every statement, nested ones too.
func walkStmts(stmts []vcl.Stmt, fn func(vcl.Stmt)) {
	for _, st := range stmts {
		fn(st)
		switch s := st.(type) {
		case *vcl.Block:
			walkStmts(s.Stmts, fn)
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
