package compute

import "github.com/chainlint/chainlint/analyzer"

// ref is a store open or backend send found in one file, before it is
// positioned in the graph.
type ref struct {
	kind    string // a store type or "backend"
	call    string // as written, for messages
	callOff int
	callEnd int
	arg     tok // the name argument
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

var rustStores = map[string]string{"KVStore": string(analyzer.KVStore), "ConfigStore": string(analyzer.ConfigStore), "SecretStore": string(analyzer.SecretStore), "ObjectStore": string(analyzer.KVStore)}
var jsStores = map[string]string{"KVStore": string(analyzer.KVStore), "ConfigStore": string(analyzer.ConfigStore), "SecretStore": string(analyzer.SecretStore), "ObjectStore": string(analyzer.KVStore)}
var goStores = map[string]string{"kvstore": string(analyzer.KVStore), "configstore": string(analyzer.ConfigStore), "secretstore": string(analyzer.SecretStore)}

// findRefs matches the SDK calls that name stores and backends.
func findRefs(toks []tok, l lang) (refs []ref, computed int) {
	at := func(i int, kind tokKind, text string) bool {
		return i >= 0 && i < len(toks) && toks[i].kind == kind && toks[i].text == text
	}
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
			// KVStore::open("n") and friends; Backend::from_name("b").
			if kind, ok := rustStores[t.text]; ok && at(i+1, tPunct, "::") && (at(i+2, tIdent, "open") || at(i+2, tIdent, "open_local")) && at(i+3, tPunct, "(") {
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
			if kind, ok := jsStores[t.text]; ok && at(i-1, tIdent, "new") && at(i+1, tPunct, "(") {
				add(kind, "new "+t.text, i-1, i+2)
			}
			// fetch(req, { backend: "b" }): the backend property of the
			// call's options object.
			if t.text == "fetch" && at(i+1, tPunct, "(") && !at(i-1, tPunct, ".") {
				depth := 0
				for j := i + 1; j < len(toks); j++ {
					switch toks[j].text {
					case "(", "{", "[":
						depth++
					case ")", "}", "]":
						depth--
					}
					if depth == 0 {
						break
					}
					if depth == 2 && at(j, tIdent, "backend") && at(j+1, tPunct, ":") {
						argAt := j + 2
						if argAt < len(toks) && (toks[argAt].kind == tString || toks[argAt].kind == tIdent) &&
							(argAt+1 >= len(toks) || toks[argAt+1].text == "," || toks[argAt+1].text == "}") {
							refs = append(refs, ref{kind: "backend", call: "fetch", callOff: t.off, callEnd: toks[argAt].end, arg: toks[argAt]})
						} else {
							computed++
						}
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
	return refs, computed
}
