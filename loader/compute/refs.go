package compute

import (
	"sort"

	"github.com/chainlint/chainlint/graph"
)

// ref is a store open or backend send found in one file, before it is
// positioned in the graph.
type ref struct {
	kind    string // a store type or "backend"
	call    string // as written, for messages
	callOff int
	callEnd int
	arg     tok // the name argument
	// pass reports a backend send that a pass cache override covers (see
	// markPasses).
	pass bool
}

type constDecl struct {
	name     string
	value    tok
	off, end int
}

// constants finds string constants declared in the file: Rust const and
// static, JS/TS const, Go const (single and in blocks).
func constants(toks []tok, l lang) map[string]*constDecl {
	out := map[string]*constDecl{}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tIdent {
			continue
		}
		switch {
		case (t.text == "const" || t.text == "static") && l == langRust,
			t.text == "const" && l == langJS:
			if d := constAt(toks, i+1); d != nil {
				out[d.name] = d
			}
		case t.text == "const" && l == langGo:
			if i+1 < len(toks) && toks[i+1].text == "(" {
				for j := i + 2; j < len(toks) && toks[j].text != ")"; j++ {
					if toks[j].kind == tIdent && (j == i+2 || toks[j-1].kind != tPunct || toks[j-1].text == ";") {
						if d := constAt(toks, j); d != nil {
							out[d.name] = d
						}
					}
				}
			} else if d := constAt(toks, i+1); d != nil {
				out[d.name] = d
			}
		}
	}
	return out
}

// constAt matches NAME [: TYPE | TYPE] = "value" at toks[i].
func constAt(toks []tok, i int) *constDecl {
	if i >= len(toks) || toks[i].kind != tIdent {
		return nil
	}
	name := toks[i]
	// Skip a type annotation: anything up to '=' on a short span.
	for j := i + 1; j < len(toks) && j < i+8; j++ {
		if toks[j].text == "=" && toks[j].kind == tPunct {
			if j+1 < len(toks) && toks[j+1].kind == tString {
				// Not "a = b == c": the next token must end the declaration.
				if j+2 >= len(toks) || toks[j+2].text == ";" || toks[j+2].text == ")" || toks[j+2].kind == tIdent || toks[j+2].text == "," {
					return &constDecl{name: name.text, value: toks[j+1], off: name.off, end: toks[j+1].end}
				}
			}
			return nil
		}
		if toks[j].text == ";" || toks[j].text == "{" || toks[j].text == "(" {
			return nil
		}
	}
	return nil
}

// The SDKs' store types, as Rust and JavaScript name them (Go's packages
// below). Dictionary is ConfigStore's older name, which both SDKs keep as
// "renamed to ConfigStore"; its opens are of kind
// graph.CodeRefDictionary, which no store is checked against: one may
// open the service's own edge dictionary by a name chainlint cannot tell
// from a config store's.
var storeTypes = map[string]string{"KVStore": string(graph.KVStore), "ConfigStore": string(graph.ConfigStore), "SecretStore": string(graph.SecretStore), "ObjectStore": string(graph.KVStore), "Dictionary": graph.CodeRefDictionary}
var goStores = map[string]string{"kvstore": string(graph.KVStore), "configstore": string(graph.ConfigStore), "secretstore": string(graph.SecretStore)}

// tokAt reports whether toks[i] exists and is a token of a kind and text.
func tokAt(toks []tok, i int, kind tokKind, text string) bool {
	return i >= 0 && i < len(toks) && toks[i].kind == kind && toks[i].text == text
}

// findRefs matches the SDK calls that name stores and backends.
func findRefs(toks []tok, l lang) (refs []ref, computed int) {
	at := func(i int, kind tokKind, text string) bool { return tokAt(toks, i, kind, text) }
	add := func(kind, call string, start, argAt int) {
		if argAt >= len(toks) {
			return
		}
		a := toks[argAt]
		// The argument must be a whole argument: followed by ')' or ','.
		if argAt+1 < len(toks) && toks[argAt+1].text != ")" && toks[argAt+1].text != "," {
			computed++
			return
		}
		switch a.kind {
		case tString, tIdent:
			refs = append(refs, ref{kind: kind, call: call, callOff: toks[start].off, callEnd: a.end, arg: a})
		default:
			computed++
		}
	}
	for i, t := range toks {
		if t.kind != tIdent {
			continue
		}
		switch l {
		case langRust:
			// KVStore::open("n") and friends (ConfigStore::try_open too);
			// Backend::from_name("b").
			if kind, ok := storeTypes[t.text]; ok && at(i+1, tPunct, "::") && (at(i+2, tIdent, "open") || at(i+2, tIdent, "try_open") || at(i+2, tIdent, "open_local")) && at(i+3, tPunct, "(") {
				add(kind, t.text+"::"+toks[i+2].text, i, i+4)
			}
			if t.text == "Backend" && at(i+1, tPunct, "::") && at(i+2, tIdent, "from_name") && at(i+3, tPunct, "(") {
				add("backend", "Backend::from_name", i, i+4)
			}
			// req.send("b"), req.send_async("b").
			if (t.text == "send" || t.text == "send_async") && at(i-1, tPunct, ".") && at(i+1, tPunct, "(") {
				add("backend", "."+t.text, i-1, i+2)
			}
		case langJS:
			if kind, ok := storeTypes[t.text]; ok && at(i-1, tIdent, "new") && at(i+1, tPunct, "(") {
				add(kind, "new "+t.text, i-1, i+2)
			}
			// fetch(req, { backend: "b" }): the backend property of the
			// call's options object.
			if t.text == "fetch" && at(i+1, tPunct, "(") && !at(i-1, tPunct, ".") {
				for _, argAt := range optionValues(toks, i+1, "backend") {
					if argAt < len(toks) && (toks[argAt].kind == tString || toks[argAt].kind == tIdent) &&
						(argAt+1 >= len(toks) || toks[argAt+1].text == "," || toks[argAt+1].text == "}") {
						refs = append(refs, ref{kind: "backend", call: "fetch", callOff: t.off, callEnd: toks[argAt].end, arg: toks[argAt]})
					} else {
						computed++
					}
				}
			}
		case langGo:
			if kind, ok := goStores[t.text]; ok && at(i+1, tPunct, ".") && at(i+2, tIdent, "Open") && at(i+3, tPunct, "(") {
				add(kind, t.text+".Open", i, i+4)
			}
			// req.Send(ctx, "b")
			if t.text == "Send" && at(i-1, tPunct, ".") && at(i+1, tPunct, "(") && i+3 < len(toks) && toks[i+3].text == "," {
				add("backend", ".Send", i-1, i+4)
			}
		}
	}
	markPasses(toks, l, refs)
	return refs, computed
}

// optionValues returns where the values of a property key start in the
// object literals passed to a call whose '(' is toks[open]: fetch(req, {
// backend: "b" }), new Backend({ name: "n", … }).
func optionValues(toks []tok, open int, key string) []int {
	var out []int
	depth := 0
	for j := open; j < len(toks); j++ {
		switch toks[j].text {
		case "(", "{", "[":
			depth++
		case ")", "}", "]":
			depth--
		}
		if depth == 0 {
			break
		}
		if depth == 2 && tokAt(toks, j, tIdent, key) && tokAt(toks, j+1, tPunct, ":") {
			out = append(out, j+2)
		}
	}
	return out
}

// dynamicBackends finds the backends the code registers at run time
// (dynamic backends), by the name each is registered under:
//
//	Rust (fastly crate)      Backend::builder("name", "target")
//	JavaScript (js-compute)  new Backend({ name: "name", target: … })
//	Go (compute-sdk-go)      fsthttp.RegisterDynamicBackend("name", "target", opts)
//
// A name argument that is a constant is returned as its identifier token
// (the caller resolves it); computed reports a registration whose name is
// neither a literal nor an identifier.
func dynamicBackends(toks []tok, l lang) (names []tok, computed bool) {
	at := func(i int, kind tokKind, text string) bool { return tokAt(toks, i, kind, text) }
	arg := func(i int) {
		if i < len(toks) && (toks[i].kind == tString || toks[i].kind == tIdent) && i+1 < len(toks) && (toks[i+1].text == "," || toks[i+1].text == ")" || toks[i+1].text == "}") {
			names = append(names, toks[i])
		} else {
			computed = true
		}
	}
	for i, t := range toks {
		if t.kind != tIdent {
			continue
		}
		switch l {
		case langRust:
			if t.text == "Backend" && at(i+1, tPunct, "::") && at(i+2, tIdent, "builder") && at(i+3, tPunct, "(") {
				arg(i + 4)
			}
		case langJS:
			if t.text == "Backend" && at(i-1, tIdent, "new") && at(i+1, tPunct, "(") {
				if !at(i+2, tPunct, "{") {
					computed = true // options built elsewhere
					continue
				}
				values := optionValues(toks, i+1, "name")
				for _, argAt := range values {
					arg(argAt)
				}
				if len(values) == 0 {
					computed = true
				}
			}
		case langGo:
			if t.text == "RegisterDynamicBackend" && at(i+1, tPunct, "(") {
				arg(i + 2)
			}
		}
	}
	return names, computed
}

// passForm reports whether toks[i] starts one of the SDKs' pass cache
// overrides:
//
//	Rust (fastly crate)      req.set_pass(true), req.with_pass(true),
//	                         CacheOverride::Pass, CacheOverride::pass()
//	JavaScript (js-compute)  new CacheOverride("pass"), and the same in
//	                         fetch's cacheOverride option
//	Go (compute-sdk-go)      req.CacheOptions.Pass = true
func passForm(toks []tok, i int, l lang) bool {
	at := func(i int, kind tokKind, text string) bool { return tokAt(toks, i, kind, text) }
	t := toks[i]
	if t.kind != tIdent {
		return false
	}
	switch l {
	case langRust:
		return (t.text == "set_pass" || t.text == "with_pass") && at(i-1, tPunct, ".") && at(i+1, tPunct, "(") && at(i+2, tIdent, "true") ||
			t.text == "CacheOverride" && at(i+1, tPunct, "::") && (at(i+2, tIdent, "Pass") || at(i+2, tIdent, "pass"))
	case langJS:
		return t.text == "CacheOverride" && at(i-1, tIdent, "new") && at(i+1, tPunct, "(") && at(i+2, tString, "pass")
	case langGo:
		return t.text == "CacheOptions" && at(i-1, tPunct, ".") && at(i+1, tPunct, ".") && at(i+2, tIdent, "Pass") && at(i+3, tPunct, "=") && at(i+4, tIdent, "true")
	}
	return false
}

// markPasses marks the backend sends a pass cache override covers: one
// written in the same top-level block (the function, or the handler
// closure) before the end of the send's statement. The tokenizer knows no
// data flow, so an override set on another request of the same function
// counts too: the rule this serves is a hint, and stays silent when in
// doubt.
func markPasses(toks []tok, l lang, refs []ref) {
	type block struct{ start, end int } // offsets of a top-level { … }
	var passes []int                    // offsets of pass forms
	blockOf := map[int]int{}            // pass offset → its block start
	var blocks []block
	depth, start := 0, -1
	for i, t := range toks {
		if t.kind == tPunct {
			switch t.text {
			case "{":
				if depth == 0 {
					start = t.off
				}
				depth++
			case "}":
				if depth > 0 {
					depth--
					if depth == 0 {
						blocks = append(blocks, block{start, t.end})
					}
				}
			}
		}
		if passForm(toks, i, l) {
			passes = append(passes, t.off)
			blockOf[t.off] = start
			if depth == 0 {
				blockOf[t.off] = -1
			}
		}
	}
	if len(passes) == 0 {
		return
	}
	outer := func(off int) (int, int) {
		for _, b := range blocks {
			if b.start <= off && off < b.end {
				return b.start, b.end
			}
		}
		return -1, -1
	}
	for k := range refs {
		r := &refs[k]
		if r.kind != "backend" {
			continue
		}
		bstart, bend := outer(r.callOff)
		end := statementEnd(toks, r.arg.end, bend)
		for _, p := range passes {
			if blockOf[p] == bstart && p < end && (bstart < 0 || p > bstart) {
				r.pass = true
				break
			}
		}
	}
}

// statementEnd is the offset of the ';' that ends the statement holding
// offset off (at the statement's bracket depth), else limit (the end of
// the block, or of the file when limit < 0).
func statementEnd(toks []tok, off, limit int) int {
	depth := 0
	for _, t := range toks[sort.Search(len(toks), func(i int) bool { return toks[i].off >= off }):] {
		if t.kind != tPunct {
			continue
		}
		switch t.text {
		case "(", "{", "[":
			depth++
		case ")", "}", "]":
			depth--
			if depth < -1 {
				return t.off
			}
		case ";":
			if depth <= 0 {
				return t.off
			}
		}
	}
	if limit < 0 {
		return int(^uint(0) >> 1)
	}
	return limit
}
