package terraform

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/loader/tree"
	"github.com/chainlint/chainlint/schema"
)

// IsShowJSON reports whether JSON content looks like `terraform show
// -json` output (a plan or a state).
func IsShowJSON(content []byte) bool {
	head := content[:min(len(content), 4096)]
	return bytes.Contains(head, []byte(`"format_version"`)) &&
		(bytes.Contains(content, []byte(`"planned_values"`)) || bytes.Contains(content, []byte(`"values"`)))
}

// LoadShowJSON loads the Fastly resources of a plan's planned_values, or
// of a state's values, root and child modules. The document is checked
// with terraform-json's types; positions point into the JSON file.
func LoadShowJSON(g *graph.Graph, name string, content []byte) {
	f := g.Files.Add(name, content)
	problem := func(off int, msg string) {
		g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: f.Pos(off), End: f.Pos(off), Message: msg})
	}
	root, err := tree.ParseJSON(content)
	if err != nil {
		off := 0
		var te *tree.Error
		if errors.As(err, &te) {
			off = te.Off
		}
		problem(off, "cannot parse terraform show -json output: "+err.Error())
		return
	}
	var plan tfjson.Plan
	isPlan := root.Get("planned_values") != nil
	kind, validate := "state", func() error {
		var state tfjson.State
		if err := json.Unmarshal(content, &state); err != nil {
			return err
		}
		return state.Validate()
	}
	if isPlan {
		kind, validate = "plan", func() error {
			if err := json.Unmarshal(content, &plan); err != nil {
				return err
			}
			return plan.Validate()
		}
	}
	if err := validate(); err != nil {
		problem(0, "not terraform show -json "+kind+" output: "+err.Error())
		return
	}
	values := root.Get("values")
	if isPlan {
		values = root.Get("planned_values")
	}
	s := &showLoader{g: g, f: f, unknown: afterUnknown(root), refs: configRefs(root)}
	s.module(values.Get("root_module"))
	s.next.join(g, func(pos, end token.Pos, msg string) {
		g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: pos, End: end, Message: msg})
	})
}

type showLoader struct {
	g       *graph.Graph
	f       *graph.File
	unknown map[string]*tree.Node // address → after_unknown
	refs    map[string]string     // configured address → the service its service_id refers to
	next    nextEstate
}

// afterUnknown indexes resource_changes[].change.after_unknown by address.
func afterUnknown(root *tree.Node) map[string]*tree.Node {
	out := map[string]*tree.Node{}
	if rc := root.Get("resource_changes"); rc != nil {
		for _, c := range rc.Items {
			if addr := c.Get("address"); addr != nil {
				out[addr.Text] = c.Get("change").Get("after_unknown")
			}
		}
	}
	return out
}

func (s *showLoader) module(m *tree.Node) {
	if m == nil || m.Kind != tree.Object {
		return
	}
	if rs := m.Get("resources"); rs != nil {
		for _, r := range rs.Items {
			s.resource(r)
		}
	}
	if cs := m.Get("child_modules"); cs != nil {
		for _, c := range cs.Items {
			s.module(c)
		}
	}
}

func (s *showLoader) span(n *tree.Node) graph.Span {
	return graph.Span{Pos: s.f.Pos(n.Off), End: s.f.Pos(n.End)}
}

// field reads a string value; unknown marks one the plan knows only at
// apply time (after_unknown), unset one it does not hold.
func (s *showLoader) field(obj, unknown *tree.Node, key string) graph.Field[string] {
	if u := unknown.Get(key); u != nil && u.Text == "true" {
		return graph.Field[string]{Set: true, Unknown: true}.At(s.f.Pos(obj.Off), s.f.Pos(obj.Off))
	}
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null || n.Kind == tree.Object || n.Kind == tree.Array {
		return graph.Field[string]{}
	}
	return graph.Field[string]{Value: n.Text, Set: true}.At(s.f.Pos(n.Off), s.f.Pos(n.End))
}

func (s *showLoader) num(obj, unknown *tree.Node, key string) graph.Field[int] {
	f := s.field(obj, unknown, key)
	out := graph.Field[int]{Set: f.Set, Unknown: f.Unknown}.At(f.Pos, f.End())
	if f.Known() {
		v, err := strconv.Atoi(f.Value)
		out.Value, out.Unknown = v, err != nil
	}
	return out
}

func (s *showLoader) flag(obj, unknown *tree.Node, key string) graph.Field[bool] {
	f := s.field(obj, unknown, key)
	return graph.Field[bool]{Value: f.Value == "true", Set: f.Set, Unknown: f.Unknown}.At(f.Pos, f.End())
}

func (s *showLoader) text(obj, unknown *tree.Node, key string) graph.Text {
	t := graph.Text{Field: s.field(obj, unknown, key)}
	if n := obj.Get(key); t.Known() && n.Kind == tree.String {
		t.Map = s.f.TextMap(n, t.Pos, tree.JSON)
	}
	return t
}

// blocks returns the items of a nested block list and their after_unknown.
func blocks(values, unknown *tree.Node, key string) (items, unknowns []*tree.Node) {
	list := values.Get(key)
	if list == nil || list.Kind != tree.Array {
		return nil, nil
	}
	ul := unknown.Get(key)
	for i, it := range list.Items {
		items = append(items, it)
		var u *tree.Node
		if ul != nil && ul.Kind == tree.Array && i < len(ul.Items) {
			u = ul.Items[i]
		}
		unknowns = append(unknowns, u)
	}
	return items, unknowns
}

func (s *showLoader) resource(r *tree.Node) {
	if mode := r.Get("mode"); mode != nil && mode.Text != "managed" {
		return
	}
	typ, addr := r.Get("type"), r.Get("address")
	values := r.Get("values")
	if typ == nil || addr == nil || values == nil {
		return
	}
	if p := r.Get("provider_name"); p != nil && isBetaSource(p.Text) && s.next.betaSource == "" {
		s.next.betaSource, s.next.betaPos, s.next.betaEnd, s.next.betaFrom = p.Text, s.f.Pos(p.Off), s.f.Pos(p.End), "provider_name"
	}
	unknown := s.unknown[addr.Text]
	id := s.field(values, unknown, "id")
	if !id.Known() || id.Value == "" {
		id = graph.Field[string]{Value: syntheticID(addr.Text), Set: true}.At(s.f.Pos(addr.Off), s.f.Pos(addr.End))
	}
	versioned := values.Get("service_id") != nil && values.Get("version") != nil
	if kind, ok := nextObjectKind(typ.Text); ok || typ.Text == "fastly_service_vcl" && versioned && !hasBlocks(values) {
		if !ok {
			kind = nextVCL
		}
		s.nextObject(r, addr, values, unknown, typ.Text, kind)
		return
	}
	switch canonical(typ.Text) {
	case "fastly_kvstore", "fastly_configstore", "fastly_secretstore":
		st := map[string]graph.StoreType{"fastly_kvstore": graph.KVStore, "fastly_configstore": graph.ConfigStore, "fastly_secretstore": graph.SecretStore}[typ.Text]
		s.g.Stores = append(s.g.Stores, &graph.Store{Span: s.span(r), ID: id, Name: s.field(values, unknown, "name"), Type: st})
		return
	case "fastly_service_vcl", "fastly_service_compute", "fastly_service_cdn":
	default:
		if msg := nextProviderNote(typ.Text, true, versioned); msg != "" {
			s.g.Notes = append(s.g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: s.f.Pos(addr.Off), End: s.f.Pos(addr.End), Message: msg})
		}
		return
	}
	svc := &graph.Service{Span: s.span(r), ID: id, Name: s.field(values, unknown, "name"), Platform: graph.PlatformVCL, File: s.f.Name}
	if canonical(typ.Text) == "fastly_service_compute" {
		svc.Platform = graph.PlatformCompute
	}
	if v, err := strconv.ParseInt(s.field(values, unknown, "active_version").Value, 10, 64); err == nil {
		svc.Version = graph.VersionNumber(v)
	}
	if st := s.flag(values, unknown, "stage"); st.Known() && st.Value {
		svc.Deploys().Staged = graph.Field[string]{Value: addr.Text + " (stage = true)", Set: true}.At(st.Pos, st.End())
	}
	p := r.Get("provider_name")
	s.next.add(&nextService{svc: svc, typ: typ.Text, addr: addr.Text, nested: hasBlocks(values),
		beta: p != nil && isBetaSource(p.Text), pos: s.f.Pos(addr.Off), end: s.f.Pos(addr.End)})
	label := addr.Text
	items, unknowns := blocks(values, unknown, "domain")
	for i, d := range items {
		svc.Domains = append(svc.Domains, s.domain(svc, d, unknowns[i]))
	}
	items, unknowns = blocks(values, unknown, "backend")
	for i, b := range items {
		svc.Backends = append(svc.Backends, s.backend(svc, b, unknowns[i], label))
	}
	items, unknowns = blocks(values, unknown, "snippet")
	for i, sn := range items {
		svc.Snippets = append(svc.Snippets, s.snippet(sn, unknowns[i]))
	}
	items, unknowns = blocks(values, unknown, "condition")
	for i, c := range items {
		svc.WithRare().Conditions = append(svc.Conditions(), s.condition(c, unknowns[i]))
	}
	items, unknowns = blocks(values, unknown, "header")
	for i, h := range items {
		svc.WithRare().Headers = append(svc.Headers(), s.header(h, unknowns[i]))
	}
	items, unknowns = blocks(values, unknown, "request_setting")
	for i, r := range items {
		svc.WithRare().RequestSettings = append(svc.RequestSettings(), s.requestSetting(r, unknowns[i]))
	}
	items, unknowns = blocks(values, unknown, "vcl")
	for i, v := range items {
		svc.VCLs = append(svc.VCLs, s.vcl(v, unknowns[i]))
	}
	items, unknowns = blocks(values, unknown, "resource_link")
	for i, l := range items {
		svc.Links = append(svc.Links, s.link(svc, l, unknowns[i]))
	}
	items, _ = blocks(values, unknown, "dictionary")
	for _, d := range items {
		if n := d.Get("name"); n != nil && n.Kind == tree.String {
			svc.WithRare().Dictionaries = append(svc.Dictionaries(), n.Text)
		} else {
			svc.WithRare().DictionaryUnknown = true
		}
	}
	s.g.Services = append(s.g.Services, svc)
}

// hasBlocks reports a service's values holding a nested block: the
// current provider's or the automatic family's, not the explicit one's.
func hasBlocks(values *tree.Node) bool {
	for _, k := range []string{"domain", "backend", "snippet", "vcl", "condition", "header", "request_setting", "resource_link", "package", "dictionary"} {
		if n := values.Get(k); n != nil && n.Kind == tree.Array && len(n.Items) > 0 {
			return true
		}
	}
	return false
}

// nextObject reads a versioned resource of the next provider's explicit
// family; its service is found by its service_id, or, where the plan
// knows that only at apply, by the reference the configuration makes.
func (s *showLoader) nextObject(r, addr, values, unknown *tree.Node, typ string, kind nextKind) {
	o := &nextObject{typ: typ, label: addr.Text, span: s.span(r), kind: kind, service: cty.NullVal(cty.String), version: cty.NullVal(cty.Number),
		servicePos: s.f.Pos(addr.Off), serviceEnd: s.f.Pos(addr.End)}
	if sid := s.field(values, unknown, "service_id"); sid.Set {
		o.servicePos, o.serviceEnd = sid.Pos, sid.End()
		switch {
		case sid.Known():
			o.service = cty.StringVal(sid.Value)
		case s.refs[graph.TerraformAddressBase(addr.Text)] != "":
			o.service = cty.StringVal(syntheticID(s.refs[graph.TerraformAddressBase(addr.Text)]))
		default:
			o.service, o.serviceWhy = cty.UnknownVal(cty.String), "the plan knows it only after apply"
		}
	}
	if v := s.num(values, unknown, "version"); v.Known() {
		o.version = cty.NumberIntVal(int64(v.Value))
		o.versionText = fmt.Sprint(v.Value)
	}
	switch kind {
	case nextDomain:
		o.obj = s.domain(nil, values, unknown)
	case nextBackend:
		o.obj = s.backend(nil, values, unknown, addr.Text)
	case nextCondition:
		o.obj = s.condition(values, unknown)
	case nextHeader:
		o.obj = s.header(values, unknown)
	case nextRequestSetting:
		o.obj = s.requestSetting(values, unknown)
	case nextSnippet:
		o.obj = s.snippet(values, unknown)
	case nextVCL:
		o.obj = s.vcl(values, unknown)
	case nextResourceLink:
		o.obj = s.link(nil, values, unknown)
	}
	s.next.objects = append(s.next.objects, o)
}

// configRefs maps each configured resource (module path without keys) to
// the service resource its service_id refers to, from the document's
// configuration section.
func configRefs(root *tree.Node) map[string]string {
	out := map[string]string{}
	var walk func(m *tree.Node, prefix string, depth int)
	walk = func(m *tree.Node, prefix string, depth int) {
		if m == nil || depth > maxModuleDepth {
			return
		}
		if rs := m.Get("resources"); rs != nil {
			for _, r := range rs.Items {
				addr := r.Get("address")
				refs := r.Get("expressions").Get("service_id").Get("references")
				if addr == nil || refs == nil {
					continue
				}
				for _, ref := range refs.Items {
					t := strings.TrimSuffix(ref.Text, ".id")
					if strings.Count(t, ".") == 1 && strings.HasPrefix(t, "fastly_service_") {
						out[prefix+addr.Text] = prefix + t
						break
					}
				}
			}
		}
		if calls := m.Get("module_calls"); calls != nil {
			for _, kv := range calls.Fields {
				walk(kv.Value.Get("module"), prefix+"module."+kv.Key+".", depth+1)
			}
		}
	}
	walk(root.Get("configuration").Get("root_module"), "", 0)
	return out
}

func (s *showLoader) domain(svc *graph.Service, d, u *tree.Node) *graph.Domain {
	dom := schema.New[graph.Domain](schema.Domain, s.source(d, u), s.span(d))
	dom.Service = svc
	return dom
}

func (s *showLoader) backend(svc *graph.Service, b, u *tree.Node, label string) *graph.Backend {
	be := schema.New[graph.Backend](schema.Backend, s.source(b, u), s.span(b))
	be.Service = svc
	var which []string
	for _, k := range []string{"address", "override_host", "shield"} {
		if f := s.field(b, u, k); f.Unknown {
			which = append(which, k)
		}
	}
	if len(which) > 0 {
		s.g.Notes = append(s.g.Notes, graph.Problem{Rule: graph.RuleUnknownValue, Pos: be.Pos, End: be.Pos,
			Message: fmt.Sprintf("backend %q of %s: %s known only after apply (the plan says so), so the chain rules that need it stay silent", be.Name.Value, label, strings.Join(which, " and "))})
	}
	return be
}

func (s *showLoader) snippet(n, u *tree.Node) *graph.Snippet {
	return schema.New[graph.Snippet](schema.Snippet, s.source(n, u), s.span(n))
}

func (s *showLoader) condition(n, u *tree.Node) *graph.Condition {
	return schema.New[graph.Condition](schema.Condition, s.source(n, u), s.span(n))
}

func (s *showLoader) header(n, u *tree.Node) *graph.Header {
	return schema.New[graph.Header](schema.Header, s.source(n, u), s.span(n))
}

func (s *showLoader) requestSetting(n, u *tree.Node) *graph.RequestSetting {
	return schema.New[graph.RequestSetting](schema.RequestSetting, s.source(n, u), s.span(n))
}

func (s *showLoader) vcl(n, u *tree.Node) *graph.VCLSource {
	return schema.New[graph.VCLSource](schema.VCL, s.source(n, u), s.span(n))
}

func (s *showLoader) link(svc *graph.Service, n, u *tree.Node) *graph.Link {
	l := schema.New[graph.Link](schema.Link, s.source(n, u), s.span(n))
	l.Service = svc
	return l
}

// source presents an object of the plan or state (and what the plan
// says is unknown of it) to the schema's reader.
func (s *showLoader) source(obj, unknown *tree.Node) schema.Source {
	return &showSource{s, obj, unknown}
}

// showSource is one object of `terraform show -json`, read by the
// provider's attribute names.
type showSource struct {
	s            *showLoader
	obj, unknown *tree.Node
}

func (h *showSource) Format() schema.Format { return schema.Terraform }
func (h *showSource) String(name, _ string) graph.Field[string] {
	return h.s.field(h.obj, h.unknown, name)
}
func (h *showSource) Ref(name, _ string) graph.Field[string] {
	return h.s.field(h.obj, h.unknown, name)
}
func (h *showSource) Int(name, _ string) graph.Field[int]   { return h.s.num(h.obj, h.unknown, name) }
func (h *showSource) Bool(name, _ string) graph.Field[bool] { return h.s.flag(h.obj, h.unknown, name) }
func (h *showSource) Text(name, _ string) graph.Text        { return h.s.text(h.obj, h.unknown, name) }
