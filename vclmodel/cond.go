package vclmodel

import (
	"strings"
	"sync"
	"time"

	"github.com/dlclark/regexp2/v2"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/vcl"
)

// condEval turns a VCL condition into a node that decides it for one
// request (graph.Decider), where it can be decided from the request alone:
// string equality and regular-expression matches (~, !~) on req.method,
// req.url, req.url.path, req.url.qs, req.url.basename and req.http.NAME, a
// header's presence, !, &&, || and parentheses. Anything else (a variable
// set by the VCL, a function, req.backend.is_shield, which the model
// decides itself) is unknown, and so is a header the service's VCL writes
// anywhere (the request as received does not tell what it holds there).
// Regular expressions are Fastly's PCRE subset read as Go's RE2: one RE2
// cannot compile is unknown too.
//
// The nodes keep the names and literals they compare (keep), no part of
// the syntax tree: they are kept with the service's exits (trace runs
// them), and a substring of the VCL kept the whole decoded text alive
// after the model released it (8 MB for 1,000 services of 8 KB of routing
// VCL). They are data, handed out by slab (a flow's: see condSlab), not
// closures: a condition was five to seven closures and captured variables
// of 16 to 48 bytes, allocated among the VCL parser's and the model's
// garbage of the same sizes, and they kept a tenth of those pages in use
// after every collection (16,000 services from YAML: 5.4 MB of 48-byte
// pages held at a fifth of their room, which the memory limit counts).
func condEval(e vcl.Expr, written map[string]bool, slab *condSlab) *condNode {
	switch e := e.(type) {
	case *vcl.ParenExpr:
		return condEval(e.X, written, slab)
	case *vcl.UnaryExpr:
		if e.Op == "!" {
			n := slab.node()
			n.op, n.x = opNot, condEval(e.X, written, slab)
			return n
		}
	case *vcl.Ident:
		if name, ok := strings.CutPrefix(e.Lower(), "req.http."); ok && !written[name] {
			n := slab.node()
			n.op, n.name = opPresent, keep(name)
			return n
		}
		switch e.Name {
		case "req.backend.is_shield":
			return &condIsShield
		case "true":
			return &condTrue
		case "false":
			return &condFalse
		}
	case *vcl.BinaryExpr:
		switch e.Op {
		case "&&", "||":
			n := slab.node()
			n.op, n.want = opAndOr, e.Op == "&&"
			n.x, n.y = condEval(e.X, written, slab), condEval(e.Y, written, slab)
			return n
		case "==", "!=", "~", "!~":
			v, name := requestValue(e.X, written)
			lit, ok := e.Y.(*vcl.StringLit)
			if v == reqNone || !ok {
				return &condUnknown
			}
			n := slab.node()
			n.op, n.v, n.name, n.value = opCompare, v, keep(name), keep(lit.Value)
			n.want, n.equal = e.Op == "==" || e.Op == "~", e.Op == "==" || e.Op == "!="
			if !n.equal {
				// Compiled when a request is first decided (trace), not
				// for every service a lint run reads.
				n.re = slab.pcre()
			}
			return n
		}
	}
	return &condUnknown
}

// condOp is what a condNode decides.
type condOp uint8

const (
	opUnknown  condOp = iota // nothing the request decides
	opConst                  // want
	opIsShield               // req.backend.is_shield
	opMethodIn               // req.method is GET, HEAD or FASTLYPURGE (want) or not
	opPresent                // req.http.NAME is present
	opNot                    // !x
	opAndOr                  // x && y (want), x || y
	opCompare                // v ==, !=, ~, !~ value
)

// reqVar is the request variable a comparison reads.
type reqVar uint8

const (
	reqNone reqVar = iota
	reqMethod
	reqURL
	reqPath
	reqQuery
	reqBasename
	reqHeader // req.http.NAME
)

// A condNode is a condition, or part of one, that a request may decide
// (condEval).
type condNode struct {
	op condOp
	v  reqVar // opCompare: the variable compared
	// want: opConst's value; opMethodIn's answer for GET, HEAD and
	// FASTLYPURGE; opAndOr: && (else ||); opCompare: holds on a match
	// (==, ~; else !=, !~).
	want bool
	// equal: opCompare compares strings (==, !=; else ~, !~).
	equal bool
	x, y  *condNode
	// name: opPresent's header, opCompare's header for reqHeader.
	// value: opCompare's literal.
	name, value string
	re          *lazyPCRE // opCompare's pattern, for ~ and !~
}

// lazyPCRE is a pattern compiled when it is first matched.
type lazyPCRE struct {
	once sync.Once
	re   *regexp2.Regexp
}

// The nodes condEval makes for no part of a condition: shared.
var (
	condUnknown  = condNode{op: opUnknown}
	condTrue     = condNode{op: opConst, want: true}
	condFalse    = condNode{op: opConst}
	condIsShield = condNode{op: opIsShield}
	// methodIn decides Fastly's boilerplate test: is req.method GET,
	// HEAD or FASTLYPURGE (methodIn[1]), or another (methodIn[0]).
	methodIn = [2]condNode{{op: opMethodIn}, {op: opMethodIn, want: true}}
)

// Decide decides the condition for r: known is false where r does not
// decide it.
func (n *condNode) Decide(r *graph.Request) (holds, known bool) {
	switch n.op {
	case opConst:
		return n.want, true
	case opIsShield:
		return r.IsShield, true
	case opMethodIn:
		m := reqMethod.read(r, "")
		in := m == "GET" || m == "HEAD" || m == "FASTLYPURGE"
		return in == n.want, true
	case opPresent:
		_, present := r.Headers[n.name]
		return present, true
	case opNot:
		v, ok := n.x.Decide(r)
		return !v, ok
	case opAndOr:
		and := n.want
		a, aok := n.x.Decide(r)
		if aok && a != and { // false && …, true || …
			return a, true
		}
		b, bok := n.y.Decide(r)
		if bok && b != and {
			return b, true
		}
		return and, aok && bok
	case opCompare:
		v := n.v.read(r, n.name)
		var m bool
		if n.equal {
			m = v == n.value
		} else {
			n.re.once.Do(func() { n.re.re = pcre(n.value) })
			if n.re.re == nil {
				return false, false
			}
			var err error
			if m, err = n.re.re.MatchString(v); err != nil {
				return false, false
			}
		}
		return m == n.want, true
	}
	return false, false
}

// negated is a condNode's negation: the same node, decided the other way.
type negated condNode

func (n *negated) Decide(r *graph.Request) (holds, known bool) {
	v, ok := (*condNode)(n).Decide(r)
	return !v, ok
}

// negate returns the negation of n (no new node).
func negate(n *condNode) graph.Decider { return (*negated)(n) }

// condSlab hands out what the model keeps of a service from chunks it
// shares with the services read after it (the scratch keeps it): a
// flow's condition nodes, and its exits (each exit, its conditions and
// deciders, the excluded backends, the list) and the facts' structure and
// lists of headers, so that they sit densely on pages of their own. Made
// one by one among the read's garbage of the same sizes, they left those
// pages a half to a fifth full after every collection once the load was
// done (16,000 Terraform services: the heap's unused span memory rose
// from 5 to 13 MB, which the memory limit counts as used). A nil slab
// allocates each value alone (conditions decided once and dropped, a
// trace's exits).
type condSlab struct {
	nodes    chunk.Of[condNode]
	res      chunk.Of[lazyPCRE]
	exits    chunk.Of[graph.Exit]
	exitList chunk.Of[*graph.Exit]
	strs     chunk.Of[string]
	deciders chunk.Of[graph.Decider]
	facts    chunk.Of[graph.VCLFacts]
	names    chunk.Of[graph.HeaderName]
}

// exit returns a zero exit.
func (s *condSlab) exit() *graph.Exit {
	if s == nil {
		return new(graph.Exit)
	}
	return s.exits.New()
}

// vclFacts returns zero facts.
func (s *condSlab) vclFacts() *graph.VCLFacts {
	if s == nil {
		return new(graph.VCLFacts)
	}
	return s.facts.New()
}

// stringRuns, deciderRuns, exitRuns and nameRuns are the slab's chunks
// of those, or nil (each run allocated alone) for a nil slab.
func (s *condSlab) stringRuns() *chunk.Of[string] {
	if s == nil {
		return nil
	}
	return &s.strs
}

func (s *condSlab) deciderRuns() *chunk.Of[graph.Decider] {
	if s == nil {
		return nil
	}
	return &s.deciders
}

func (s *condSlab) exitRuns() *chunk.Of[*graph.Exit] {
	if s == nil {
		return nil
	}
	return &s.exitList
}

func (s *condSlab) nameRuns() *chunk.Of[graph.HeaderName] {
	if s == nil {
		return nil
	}
	return &s.names
}

func (s *condSlab) node() *condNode {
	if s == nil {
		return new(condNode)
	}
	return s.nodes.New()
}

func (s *condSlab) pcre() *lazyPCRE {
	if s == nil {
		return new(lazyPCRE)
	}
	return s.res.New()
}

// requestValue names the request variable e reads, and for a header its
// name (reqNone for anything else): req.url and its parts are not read
// where the VCL rewrites req.url, nor a header the VCL writes.
func requestValue(e vcl.Expr, written map[string]bool) (reqVar, string) {
	id, ok := e.(*vcl.Ident)
	if !ok {
		return reqNone, ""
	}
	name := id.Lower()
	part := reqNone
	switch name {
	case "req.method":
		return reqMethod, ""
	case "req.url":
		part = reqURL
	case "req.url.path":
		part = reqPath
	case "req.url.qs":
		part = reqQuery
	case "req.url.basename":
		part = reqBasename
	}
	if part != reqNone {
		if written["url"] {
			return reqNone, "" // the VCL rewrites req.url
		}
		return part, ""
	}
	if h, ok := strings.CutPrefix(name, "req.http."); ok && !written[h] {
		return reqHeader, h
	}
	return reqNone, ""
}

// read reads the variable from r; a header that is absent is the empty
// string (not set), as VCL compares it.
func (v reqVar) read(r *graph.Request, header string) string {
	switch v {
	case reqMethod:
		if r.Method == "" {
			return "GET"
		}
		return r.Method
	case reqURL:
		return orSlash(r.URL)
	case reqPath:
		p, _, _ := strings.Cut(orSlash(r.URL), "?")
		return p
	case reqQuery:
		_, q, _ := strings.Cut(r.URL, "?")
		return q
	case reqBasename:
		p, _, _ := strings.Cut(orSlash(r.URL), "?")
		return p[strings.LastIndexByte(p, '/')+1:]
	case reqHeader:
		return r.Headers[header]
	}
	return ""
}

func orSlash(u string) string {
	if u == "" {
		return "/"
	}
	return u
}

// writtenHeaders lists the request headers (lower case, without req.http.)
// the VCL sets, unsets or adds anywhere, and "url" when it sets req.url,
// into out (cleared first; a new map when nil).
func writtenHeaders(bodies [][]vcl.Stmt, out map[string]bool) map[string]bool {
	if out == nil {
		out = map[string]bool{}
	}
	clear(out) // out is a scratch's room, nothing of it kept
	mark := func(target *vcl.Ident) {
		t := target.Lower()
		if h, ok := strings.CutPrefix(t, "req.http."); ok {
			out[h] = true
		}
		if t == "req.url" {
			out["url"] = true
		}
	}
	for _, stmts := range bodies {
		walkStmts(stmts, func(st vcl.Stmt) {
			switch s := st.(type) {
			case *vcl.SetStmt:
				mark(s.Target)
			case *vcl.UnsetStmt:
				mark(s.Target)
			case *vcl.AddStmt:
				mark(s.Target)
			}
		})
	}
	return out
}

// pcreTimeout bounds one regular-expression match: a pattern that
// backtracks without end on some input is left undecided, not run for
// ever.
const pcreTimeout = 100 * time.Millisecond

// pcre compiles a Fastly regular expression (PCRE); nil when it does not
// compile.
func pcre(pattern string) *regexp2.Regexp {
	re, err := regexp2.Compile(pattern, regexp2.None)
	if err != nil {
		return nil
	}
	re.MatchTimeout = pcreTimeout
	return re
}

// pcreReplace is Fastly's regsub (all: regsuball): the first (every)
// match of pattern in s replaced by replacement, where \1 … \9 are the
// groups; ok is false when the pattern does not compile or a match does
// not finish in time.
func pcreReplace(pattern, s, replacement string, all bool) (string, bool) {
	re := pcre(pattern)
	if re == nil {
		return "", false
	}
	// regexp2 writes groups as $1 and a dollar as $$.
	var repl strings.Builder
	for i := 0; i < len(replacement); i++ {
		c := replacement[i]
		switch {
		case c == '\\' && i+1 < len(replacement) && replacement[i+1] >= '0' && replacement[i+1] <= '9':
			repl.WriteString("${" + string(replacement[i+1]) + "}")
			i++
		case c == '$':
			repl.WriteString("$$")
		default:
			repl.WriteByte(c)
		}
	}
	count := 1
	if all {
		count = -1
	}
	out, err := re.Replace(s, repl.String(), -1, count)
	return out, err == nil
}
