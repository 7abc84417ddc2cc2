package vclmodel

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/vcl"
)

// generatedRecv is the VCL Fastly generates into vcl_recv from a service's
// API objects, as far as the request-flow model needs it. It is rendered
// at the #FASTLY recv macro after the recv snippets, in the order of
// Fastly's own generated VCL (its "Show VCL"; real output kept in
// testdata/realworld and docs/vcl-model.md):
//
//  1. "# default conditions": set req.backend to the backend without a
//     request condition (when there is exactly one; VCL-declared
//     backends are not Fastly's to select), then the request header
//     objects and request settings without a condition (an assumption:
//     Fastly renders unconditioned response headers in its "default
//     response conditions" the same way);
//  2. each REQUEST condition that gates an object, by the condition's
//     priority (lower first; equal priorities in the order the inputs
//     list the conditions, an assumption), as if (STATEMENT) { … }
//     holding: set req.backend for its backends, its header objects by
//     their priority, its request settings;
//  3. shield selection: for each backend with a shield POP,
//     if (req.backend == F_x && var.fastly_req_do_shield) { set
//     req.backend = fastly.try_select_shield(ssl_shield_POP, F_x); }.
//
// Each object is its own snip (so its statements are positioned at the
// object); the objects of one condition share its group, and the model
// decides a condition once per path, so they take the same side.
//
// ok is false when an object names a condition the inputs do not hold, or
// a value is unknown: the model then stays out rather than guess.
//
// printing asks for what only the effective VCL prints (labels, groups,
// the built statements' text, shield selection, which the model does not
// run); without it every service read spent on them (a fifth of what
// reading a service of a few snippets allocated).
func generatedRecv(s *graph.Service, printing bool, room *genRoom) (out []snip, ok bool) {
	var conds map[string]*graph.Condition
	var order map[string]int
	if len(s.Conditions()) > 0 {
		conds, order = map[string]*graph.Condition{}, map[string]int{}
	}
	for i, c := range s.Conditions() {
		if c.Name.Known() {
			conds[c.Name.Value] = c
			order[c.Name.Value] = i
		}
	}
	// group is one condition's objects, in the order Fastly renders them.
	type group struct {
		cond  *graph.Condition
		snips []snip
	}
	var groups map[string]*group
	var defaults []snip
	// add parses one object's generated statements under its request
	// condition (none: the default conditions).
	add := func(span graph.Span, condName graph.Field[string], label, body string) bool {
		if !condName.Set || strings.TrimSpace(condName.Value) == "" {
			sn, ok := room.generatedSnip(span, label, "", body)
			if ok {
				defaults = append(defaults, sn)
			}
			return ok
		}
		c := conds[condName.Value]
		if !condName.Known() || c == nil || !c.Statement.Known() {
			return false
		}
		if t := strings.ToUpper(strings.TrimSpace(c.Type.Value)); c.Type.Set && t != "" && t != "REQUEST" {
			return true // a cache or response condition gates nothing in vcl_recv
		}
		sn, ok := room.generatedSnip(span, label, c.Statement.Value, body)
		if !ok {
			return false
		}
		g := groups[c.Name.Value]
		if g == nil {
			if groups == nil {
				groups = map[string]*group{}
			}
			g = &group{cond: c}
			groups[c.Name.Value] = g
		}
		if printing {
			sn.gen.group = fmt.Sprintf("Request Condition: %s Prio: %d", c.Name.Value, priorityOf(c.Priority))
		}
		g.snips = append(g.snips, sn)
		return true
	}

	// addOther renders a request header object that does not write the
	// Host (it matters to the model only when a Host is copied from it).
	addOther := func(h *graph.Header, dst string) {
		target := "req.http." + dst
		var body string
		switch strings.ToLower(h.Action.Value) {
		case "set":
			if !h.Src.Known() || strings.TrimSpace(h.Src.Value) == "" {
				return
			}
			body = "set " + target + " = " + h.Src.Value + ";"
			if h.IgnoreIfSet.Value {
				body = "if (!" + target + ") { " + body + " }"
			}
		case "delete":
			body = "unset " + target + ";"
		case "append":
			if !h.Src.Known() {
				return
			}
			body = "set " + target + " = " + target + " " + h.Src.Value + ";"
		default: // regex, regex_repeat: computed from the header itself
			body = "set " + target + " = " + target + " \"\";"
		}
		label := fmt.Sprintf("Header rewrite %s : %d", h.Name.Value, priorityOf(h.Priority))
		span := h.Span
		if h.Src.Pos.IsValid() {
			span = graph.Span{Pos: h.Src.Pos, End: h.Src.End()}
		}
		add(span, h.RequestCondition, label, body) // not one that fails: it is left out
	}

	// Backends: the one without a condition is the default.
	var plain *graph.Backend // the first
	for _, b := range s.Backends {
		if b.VCL != nil {
			continue // declared in VCL: not selected by generated code
		}
		if !b.RequestCondition.Set || strings.TrimSpace(b.RequestCondition.Value) == "" {
			if plain == nil {
				plain = b
			}
			continue
		}
		if !add(b.Span, b.RequestCondition, "backend "+b.Name.Value, "set req.backend = "+b.VCLName()+";") {
			return nil, false
		}
	}
	// With several, Fastly still sets one (falco's copy of a real
	// service's generated VCL sets the first of two); the first listed is
	// assumed.
	if plain != nil {
		var label, body string
		if printing {
			label, body = "default backend "+plain.Name.Value, "set req.backend = "+plain.VCLName()+";"
		}
		sn := room.builtSnip(plain.Span, label, "", body, room.arena().Assign(reqBackend, plain.VCLName()))
		defaults = append([]snip{sn}, defaults...)
	}

	// Request header objects, by priority: a Host one's value decides the
	// model, so one that cannot be built keeps the model out; another one
	// that cannot is left out (it is only printed).
	headers := s.Headers()
	if len(headers) > 1 {
		headers = slices.Clone(headers)
	}
	slices.SortStableFunc(headers, func(a, b *graph.Header) int { return cmp.Compare(priorityOf(a.Priority), priorityOf(b.Priority)) })
	for _, h := range headers {
		if !strings.EqualFold(h.Type.Value, "request") {
			continue
		}
		dst, isHTTP := strings.CutPrefix(strings.TrimSpace(h.Dst.Value), "http.")
		if !isHTTP {
			dst, isHTTP = strings.CutPrefix(strings.TrimSpace(h.Dst.Value), "HTTP.")
		}
		if !isHTTP || !strings.EqualFold(dst, "host") {
			if isHTTP && dst != "" && h.Dst.Known() && h.Action.Known() {
				addOther(h, dst)
			}
			continue
		}
		if h.IgnoreIfSet.Value {
			continue // a request always has a Host: ignore_if_set makes it a no-op
		}
		if !h.Dst.Known() || !h.Action.Known() {
			return nil, false
		}
		span := h.Span
		if h.Src.Pos.IsValid() {
			span = graph.Span{Pos: h.Src.Pos, End: h.Src.End()}
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
		label := fmt.Sprintf("Header rewrite %s : %d", h.Name.Value, priorityOf(h.Priority))
		if !add(span, h.RequestCondition, label, body) {
			return nil, false
		}
	}

	// Request settings.
	for _, r := range s.RequestSettings() {
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
			span = graph.Span{Pos: r.DefaultHost.Pos, End: r.DefaultHost.End()}
		}
		if !add(span, r.RequestCondition, "Request Setting "+r.Name.Value, strings.Join(body, "\n")) {
			return nil, false
		}
	}

	out = append(out, defaults...)
	var list []*group
	for _, g := range groups {
		list = append(list, g)
	}
	slices.SortFunc(list, func(a, b *group) int {
		if c := cmp.Compare(priorityOf(a.cond.Priority), priorityOf(b.cond.Priority)); c != 0 {
			return c
		}
		return cmp.Compare(order[a.cond.Name.Value], order[b.cond.Name.Value])
	})
	for _, g := range list {
		out = append(out, g.snips...)
	}

	// Shield selection (printed; the model keeps req.backend: a request
	// sent to the shield POP goes on to the same backend from there).
	for _, b := range s.Backends {
		if !printing {
			break
		}
		if b.VCL != nil || !b.Shield.Known() || strings.TrimSpace(b.Shield.Value) == "" {
			continue
		}
		pop := "ssl_shield_" + strings.NewReplacer("-", "_", ".", "_").Replace(b.Shield.Value)
		body := fmt.Sprintf("set req.backend = fastly.try_select_shield(%s, %s);", pop, b.VCLName())
		sn := room.builtSnip(b.Span, fmt.Sprintf("do shield here %s > %s", b.VCLName(), pop),
			fmt.Sprintf("req.backend == %s && var.fastly_req_do_shield", b.VCLName()), body, nil)
		sn.gen.shield = true
		out = append(out, sn)
	}
	return out, true
}

// genRoom is where a scratch's reading makes the snips of generated VCL:
// their sources, descriptions and built or parsed trees (nil: the heap).
// They live as long as the flow that runs them.
type genRoom struct {
	trees   *vcl.Arena
	sources *chunk.Arena[source]
	infos   *chunk.Arena[genInfo]
}

func (room *genRoom) arena() *vcl.Arena {
	if room == nil {
		return nil
	}
	return room.trees
}

// snip returns a snip of generated VCL with its source and description.
func (room *genRoom) snip(span graph.Span, text, label, guard, body string, file *vcl.File) snip {
	var src *source
	var gen *genInfo
	if room == nil {
		src, gen = new(source), new(genInfo)
	} else {
		src, gen = room.sources.New(), room.infos.New()
	}
	*src = source{text: graph.Text{Field: graph.Field[string]{Value: text, Set: true}.At(span.Pos, span.Pos)}, file: file}
	*gen = genInfo{label: label, guard: guard, body: body, pos: span.Pos}
	return snip{src: src, gen: gen}
}

// generatedSnip parses one object's generated statements, under guard
// when it is not empty, positioned at the object.
func (room *genRoom) generatedSnip(span graph.Span, label, guard, body string) (snip, bool) {
	text := body
	if guard != "" {
		text = "if (" + guard + ") {\n" + body + "\n}"
	}
	f := vcl.ParseSnippetStringIn(room.arena(), text, "recv")
	sn := room.snip(span, text, label, guard, body, f)
	sn.stmts = f.Stmts
	return sn, len(f.Errors) == 0
}

// reqBackend and builtFile are shared by every built snip (nothing
// writes to a snip's tree).
var (
	reqBackend = vcl.NewIdent(0, 0, "req.backend")
	builtFile  = &vcl.File{}
)

// builtSnip is generated VCL whose statements are built rather than
// parsed (the default backend, shield selection: one per service, so
// parsing them would cost every lint run): stmts nil for what the model
// does not run.
func (room *genRoom) builtSnip(span graph.Span, label, guard, body string, stmts []vcl.Stmt) snip {
	sn := room.snip(span, body, label, guard, body, builtFile)
	sn.stmts = stmts
	return sn
}

// priorityOf is an object's priority as Fastly orders it: as written,
// else its interface's default (the loaders fill it in); 100 when it is
// not known before deployment.
func priorityOf(p graph.Field[int]) int {
	if p.Unknown {
		return graph.DefaultPriorityAPI
	}
	if !p.Set && p.Value == 0 {
		return graph.DefaultPriorityAPI // built without a loader (tests)
	}
	return p.Value
}
