package vclfacts

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/vcl"
)

// generatedRecv is the VCL Fastly generates at the #FASTLY recv macro from
// a service's API objects, as far as the request-flow model needs it, in
// this order (Fastly documents the objects, not the generated text: the
// order is an assumption, written down in the rule docs):
//
//  1. backend selection: with backends under a request condition and
//     exactly one without, set req.backend to that one, then, for each
//     conditioned backend by its condition's priority (lower first),
//     if (statement) { set req.backend = F_name; };
//  2. request headers writing http.Host (type request, action set or
//     delete), by priority: set req.http.host = SRC; or unset, under their
//     request condition; ignore_if_set is a no-op (a request always has a
//     Host);
//  3. request settings: default_host sets req.http.host, action pass or
//     lookup returns, under their request condition.
//
// ok is false when an object names a condition the inputs do not hold, or
// a value is unknown: the model then stays out rather than guess.
func generatedRecv(s *analyzer.Service) (out []snip, ok bool) {
	if !apiObjects(s) {
		return nil, true
	}
	conds := map[string]*analyzer.Condition{}
	for _, c := range s.Conditions {
		if c.Name.Known() {
			conds[c.Name.Value] = c
		}
	}
	cond := func(name analyzer.Field[string]) (string, int, bool) {
		if !name.Set || strings.TrimSpace(name.Value) == "" {
			return "", 0, true
		}
		c := conds[name.Value]
		if !name.Known() || c == nil || !c.Statement.Known() {
			return "", 0, false
		}
		return c.Statement.Value, priority0(c.Priority), true
	}
	add := func(span analyzer.Span, guard, body string) bool {
		text := body
		if guard != "" {
			text = "if (" + guard + ") {\n" + body + "\n}"
		}
		f := vcl.ParseSnippet([]byte(text), "recv")
		if len(f.Errors) > 0 {
			return false
		}
		src := &source{text: analyzer.Text{Field: analyzer.Field[string]{Value: text, Set: true, Pos: span.Pos, End: span.Pos}}, file: f}
		out = append(out, snip{snippet: &analyzer.Snippet{Span: span}, src: src, stmts: f.Stmts})
		return true
	}

	// 1. Backend selection.
	type choice struct {
		b        *analyzer.Backend
		guard    string
		priority int
	}
	var conditioned []choice
	var plain []*analyzer.Backend
	for _, b := range s.Backends {
		if b.VCL != nil {
			continue // declared in VCL: not selected by generated code
		}
		g, prio, known := cond(b.RequestCondition)
		if !known {
			return nil, false
		}
		if g == "" {
			plain = append(plain, b)
		} else {
			conditioned = append(conditioned, choice{b, g, prio})
		}
	}
	if len(conditioned) > 0 {
		if len(plain) == 1 {
			add(plain[0].Span, "", "set req.backend = "+plain[0].VCLName()+";")
		}
		slices.SortStableFunc(conditioned, func(a, b choice) int { return cmp.Compare(a.priority, b.priority) })
		for _, c := range conditioned {
			if !add(c.b.Span, c.guard, "set req.backend = "+c.b.VCLName()+";") {
				return nil, false
			}
		}
	}

	// 2. Request headers that write the Host.
	headers := slices.Clone(s.Headers)
	slices.SortStableFunc(headers, func(a, b *analyzer.Header) int { return cmp.Compare(priority0(a.Priority), priority0(b.Priority)) })
	for _, h := range headers {
		if !strings.EqualFold(strings.TrimSpace(h.Dst.Value), "http.host") || !strings.EqualFold(h.Type.Value, "request") {
			continue
		}
		if !h.Dst.Known() || !h.Action.Known() || h.IgnoreIfSet.Value {
			if h.IgnoreIfSet.Value {
				continue
			}
			return nil, false
		}
		g, _, known := cond(h.RequestCondition)
		if !known {
			return nil, false
		}
		span := h.Span
		if h.Src.Pos.IsValid() {
			span = analyzer.Span{Pos: h.Src.Pos, End: h.Src.End}
		}
		var body string
		switch strings.ToLower(h.Action.Value) {
		case "set":
			if !h.Src.Known() || strings.TrimSpace(h.Src.Value) == "" {
				return nil, false
			}
			body = "set req.http.host = " + h.Src.Value + ";"
		case "delete":
			body = "unset req.http.host;"
		default: // append, regex, regex_repeat: a computed Host
			body = "set req.http.host = req.http.host + \"\";"
		}
		if !add(span, g, body) {
			return nil, false
		}
	}

	// 3. Request settings.
	for _, r := range s.RequestSettings {
		g, _, known := cond(r.RequestCondition)
		if !known {
			return nil, false
		}
		var body []string
		if r.DefaultHost.Set {
			if !r.DefaultHost.Known() {
				return nil, false
			}
			if h := strings.TrimSpace(r.DefaultHost.Value); h != "" {
				body = append(body, "set req.http.host = "+strconv.Quote(h)+";")
			}
		}
		switch a := strings.ToLower(strings.TrimSpace(r.Action.Value)); a {
		case "pass", "lookup":
			body = append(body, fmt.Sprintf("return(%s);", a))
		}
		if len(body) == 0 {
			continue
		}
		span := r.Span
		if r.DefaultHost.Pos.IsValid() {
			span = analyzer.Span{Pos: r.DefaultHost.Pos, End: r.DefaultHost.End}
		}
		if !add(span, g, strings.Join(body, "\n")) {
			return nil, false
		}
	}
	return out, true
}

// priority0 is an object's priority, 0 when unset (Fastly's default for
// headers and conditions is 10 and 100; only the order matters here).
func priority0(p analyzer.Field[int]) int {
	if p.Known() {
		return p.Value
	}
	return 0
}
