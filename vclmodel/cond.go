package vclmodel

import (
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dlclark/regexp2/v2"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/vcl"
)

// condEval turns a VCL condition into a function that decides it for one
// request, where it can be decided from the request alone: string
// equality and regular-expression matches (~, !~) on req.method, req.url,
// req.url.path, req.url.qs and req.http.NAME, a header's presence, !, &&,
// || and parentheses. Anything else (a variable set by the VCL, a
// function, req.backend.is_shield, which the model decides itself) is
// unknown, and so is a header the service's VCL writes anywhere (the
// request as received does not tell what it holds there). Regular expressions are Fastly's PCRE subset read as Go's RE2:
// one RE2 cannot compile is unknown too. The functions keep the names and
// literals they compare (keep), no part of the syntax tree: they
// are kept with the service's exits (trace runs them), and a substring of
// the VCL kept the whole decoded text alive after the model released it
// (8 MB for 1,000 services of 8 KB of routing VCL).
func condEval(e vcl.Expr, written map[string]bool) func(*graph.Request) (bool, bool) {
	switch e := e.(type) {
	case *vcl.ParenExpr:
		return condEval(e.X, written)
	case *vcl.UnaryExpr:
		if e.Op == "!" {
			return negate(condEval(e.X, written))
		}
	case *vcl.Ident:
		if name, ok := strings.CutPrefix(e.Lower(), "req.http."); ok && !written[name] {
			name = keep(name)
			return func(r *graph.Request) (bool, bool) {
				_, present := r.Headers[name]
				return present, true
			}
		}
		switch e.Name {
		case "req.backend.is_shield":
			return func(r *graph.Request) (bool, bool) { return r.IsShield, true }
		case "true":
			return func(*graph.Request) (bool, bool) { return true, true }
		case "false":
			return func(*graph.Request) (bool, bool) { return false, true }
		}
	case *vcl.BinaryExpr:
		switch e.Op {
		case "&&", "||":
			x, y := condEval(e.X, written), condEval(e.Y, written)
			and := e.Op == "&&"
			return func(r *graph.Request) (bool, bool) {
				a, aok := x(r)
				if aok && a != and { // false && …, true || …
					return a, true
				}
				b, bok := y(r)
				if bok && b != and {
					return b, true
				}
				return and, aok && bok
			}
		case "==", "!=", "~", "!~":
			get := requestValue(e.X, written)
			lit, ok := e.Y.(*vcl.StringLit)
			if get == nil || !ok {
				return unknown
			}
			equal, value := e.Op == "==" || e.Op == "!=", keep(lit.Value)
			// The regular expression is compiled when a request is first
			// decided (trace), not for every service a lint run reads.
			var once sync.Once
			var re *regexp2.Regexp
			match := func(v string) (bool, bool) {
				if equal {
					return v == value, true
				}
				once.Do(func() { re = pcre(value) })
				if re == nil {
					return false, false
				}
				m, err := re.MatchString(v)
				return m, err == nil
			}
			want := e.Op == "==" || e.Op == "~"
			return func(r *graph.Request) (bool, bool) {
				v, ok := get(r)
				if !ok {
					return false, false
				}
				m, ok := match(v)
				return m == want, ok
			}
		}
	}
	return unknown
}

func unknown(*graph.Request) (bool, bool) { return false, false }

func negate(f func(*graph.Request) (bool, bool)) func(*graph.Request) (bool, bool) {
	return func(r *graph.Request) (bool, bool) {
		v, ok := f(r)
		return !v, ok
	}
}

// methodIn decides Fastly's boilerplate test: is req.method GET, HEAD or
// FASTLYPURGE (want true), or another (want false).
func methodIn(want bool) func(*graph.Request) (bool, bool) {
	return func(r *graph.Request) (bool, bool) {
		m := r.Method
		if m == "" {
			m = "GET"
		}
		in := m == "GET" || m == "HEAD" || m == "FASTLYPURGE"
		return in == want, true
	}
}

// requestValue reads one request variable; a header that is absent is
// the empty string (not set), as VCL compares it.
func requestValue(e vcl.Expr, written map[string]bool) func(*graph.Request) (string, bool) {
	id, ok := e.(*vcl.Ident)
	if !ok {
		return nil
	}
	name := id.Lower()
	switch name {
	case "req.method":
		return func(r *graph.Request) (string, bool) {
			if r.Method == "" {
				return "GET", true
			}
			return r.Method, true
		}
	case "req.url", "req.url.path", "req.url.qs", "req.url.basename":
		if written["url"] {
			return nil // the VCL rewrites req.url
		}
	}
	switch name {
	case "req.url":
		return func(r *graph.Request) (string, bool) { return orSlash(r.URL), true }
	case "req.url.path":
		return func(r *graph.Request) (string, bool) {
			p, _, _ := strings.Cut(orSlash(r.URL), "?")
			return p, true
		}
	case "req.url.qs":
		return func(r *graph.Request) (string, bool) {
			_, q, _ := strings.Cut(r.URL, "?")
			return q, true
		}
	case "req.url.basename":
		return func(r *graph.Request) (string, bool) {
			p, _, _ := strings.Cut(orSlash(r.URL), "?")
			u := &url.URL{Path: p}
			return u.Path[strings.LastIndexByte(u.Path, '/')+1:], true
		}
	}
	if h, ok := strings.CutPrefix(name, "req.http."); ok && !written[h] {
		h = keep(h)
		return func(r *graph.Request) (string, bool) { return r.Headers[h], true }
	}
	return nil
}

func orSlash(u string) string {
	if u == "" {
		return "/"
	}
	return u
}

// writtenHeaders lists the request headers (lower case, without req.http.)
// the VCL sets, unsets or adds anywhere, and "url" when it sets req.url.
func writtenHeaders(bodies [][]vcl.Stmt) map[string]bool {
	out := map[string]bool{}
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
