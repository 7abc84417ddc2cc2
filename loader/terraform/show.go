package terraform

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/loader/tree"
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
func LoadShowJSON(g *analyzer.Graph, name string, content []byte) {
	f := g.Files.Add(name, content)
	problem := func(off int, msg string) {
		g.AddProblem(analyzer.Problem{Rule: "parse-error", Pos: f.Pos(off), End: f.Pos(off), Message: msg})
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
	s := &showLoader{g: g, f: f, unknown: afterUnknown(root)}
	s.module(values.Get("root_module"))
}

type showLoader struct {
	g       *analyzer.Graph
	f       *analyzer.File
	unknown map[string]*tree.Node // address → after_unknown
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

func (s *showLoader) span(n *tree.Node) analyzer.Span {
	return analyzer.Span{Pos: s.f.Pos(n.Off), End: s.f.Pos(n.End)}
}

// field reads a string value; unknown marks one the plan knows only at
// apply time (after_unknown), unset one it does not hold.
func (s *showLoader) field(obj, unknown *tree.Node, key string) analyzer.Field[string] {
	if u := unknown.Get(key); u != nil && u.Text == "true" {
		return analyzer.Field[string]{Set: true, Unknown: true, Pos: s.f.Pos(obj.Off), End: s.f.Pos(obj.Off)}
	}
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null || n.Kind == tree.Object || n.Kind == tree.Array {
		return analyzer.Field[string]{}
	}
	return analyzer.Field[string]{Value: n.Text, Set: true, Pos: s.f.Pos(n.Off), End: s.f.Pos(n.End)}
}

func (s *showLoader) num(obj, unknown *tree.Node, key string) analyzer.Field[int] {
	f := s.field(obj, unknown, key)
	out := analyzer.Field[int]{Pos: f.Pos, End: f.End, Set: f.Set, Unknown: f.Unknown}
	if f.Known() {
		v, err := strconv.Atoi(f.Value)
		out.Value, out.Unknown = v, err != nil
	}
	return out
}

func (s *showLoader) flag(obj, unknown *tree.Node, key string) analyzer.Field[bool] {
	f := s.field(obj, unknown, key)
	return analyzer.Field[bool]{Value: f.Value == "true", Pos: f.Pos, End: f.End, Set: f.Set, Unknown: f.Unknown}
}

func (s *showLoader) text(obj, unknown *tree.Node, key string) analyzer.Text {
	t := analyzer.Text{Field: s.field(obj, unknown, key)}
	if n := obj.Get(key); t.Known() && n.Kind == tree.String {
		if len(n.Segments) == 0 {
			t.Segments = []analyzer.Segment{{Dec: 0, Src: s.f.Pos(n.TextOff)}}
		}
		for _, seg := range n.Segments {
			t.Segments = append(t.Segments, analyzer.Segment{Dec: seg.Dec, Src: s.f.Pos(seg.Src)})
		}
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
	unknown := s.unknown[addr.Text]
	id := s.field(values, unknown, "id")
	if !id.Known() || id.Value == "" {
		id = analyzer.Field[string]{Value: syntheticID(addr.Text), Set: true, Pos: s.f.Pos(addr.Off), End: s.f.Pos(addr.End)}
	}
	switch canonical(typ.Text) {
	case "fastly_kvstore", "fastly_configstore", "fastly_secretstore":
		st := map[string]analyzer.StoreType{"fastly_kvstore": analyzer.KVStore, "fastly_configstore": analyzer.ConfigStore, "fastly_secretstore": analyzer.SecretStore}[typ.Text]
		s.g.Stores = append(s.g.Stores, &analyzer.Store{Span: s.span(r), ID: id, Name: s.field(values, unknown, "name"), Type: st})
		return
	case "fastly_service_vcl", "fastly_service_compute":
	default:
		if msg := nextProviderNote(typ.Text, true, values.Get("service_id") != nil && values.Get("version") != nil); msg != "" {
			s.g.Notes = append(s.g.Notes, analyzer.Problem{Rule: "skipped-input", Pos: s.f.Pos(addr.Off), End: s.f.Pos(addr.End), Message: msg})
		}
		return
	}
	svc := &analyzer.Service{Span: s.span(r), ID: id, Name: s.field(values, unknown, "name"), Platform: analyzer.PlatformVCL, File: s.f.Name}
	if typ.Text == "fastly_service_compute" {
		svc.Platform = analyzer.PlatformCompute
	}
	if v, err := strconv.Atoi(s.field(values, unknown, "active_version").Value); err == nil {
		svc.Version = v
	}
	items, unknowns := blocks(values, unknown, "domain")
	for i, d := range items {
		svc.Domains = append(svc.Domains, &analyzer.Domain{Span: s.span(d), Service: svc, Name: s.field(d, unknowns[i], "name")})
	}
	items, unknowns = blocks(values, unknown, "backend")
	for i, b := range items {
		u := unknowns[i]
		be := &analyzer.Backend{Span: s.span(b), Service: svc,
			Name: s.field(b, u, "name"), Address: s.field(b, u, "address"), Port: s.num(b, u, "port"),
			OverrideHost: s.field(b, u, "override_host"), UseSSL: s.flag(b, u, "use_ssl"),
			SSLCertHostname: s.field(b, u, "ssl_cert_hostname"), SSLSNIHostname: s.field(b, u, "ssl_sni_hostname"),
			Shield: s.field(b, u, "shield"), RequestCondition: s.field(b, u, "request_condition")}
		svc.Backends = append(svc.Backends, be)
		var which []string
		for _, k := range []string{"address", "override_host", "shield"} {
			if f := s.field(b, u, k); f.Unknown {
				which = append(which, k)
			}
		}
		if len(which) > 0 {
			s.g.Notes = append(s.g.Notes, analyzer.Problem{Rule: "unknown-value", Pos: be.Pos, End: be.Pos,
				Message: fmt.Sprintf("backend %q of %s: %s known only after apply (the plan says so), so the chain rules that need it stay silent", be.Name.Value, addr.Text, strings.Join(which, " and "))})
		}
	}
	items, unknowns = blocks(values, unknown, "snippet")
	for i, sn := range items {
		svc.Snippets = append(svc.Snippets, &analyzer.Snippet{Span: s.span(sn), Name: s.field(sn, unknowns[i], "name"),
			Type: s.field(sn, unknowns[i], "type"), Priority: analyzer.WithDefault(s.num(sn, unknowns[i], "priority"), analyzer.DefaultPriorityTerraform), Content: s.text(sn, unknowns[i], "content")})
	}
	items, unknowns = blocks(values, unknown, "condition")
	for i, c := range items {
		u := unknowns[i]
		svc.Conditions = append(svc.Conditions, &analyzer.Condition{Span: s.span(c), Name: s.field(c, u, "name"),
			Statement: s.text(c, u, "statement"), Type: s.field(c, u, "type"), Priority: analyzer.WithDefault(s.num(c, u, "priority"), analyzer.DefaultConditionPriorityTerraform)})
	}
	items, unknowns = blocks(values, unknown, "header")
	for i, h := range items {
		u := unknowns[i]
		svc.Headers = append(svc.Headers, &analyzer.Header{Span: s.span(h), Name: s.field(h, u, "name"), Type: s.field(h, u, "type"),
			Action: s.field(h, u, "action"), Dst: s.field(h, u, "destination"), Src: s.text(h, u, "source"),
			RequestCondition: s.field(h, u, "request_condition"), IgnoreIfSet: s.flag(h, u, "ignore_if_set"), Priority: analyzer.WithDefault(s.num(h, u, "priority"), analyzer.DefaultPriorityTerraform)})
	}
	items, unknowns = blocks(values, unknown, "request_setting")
	for i, r := range items {
		u := unknowns[i]
		svc.RequestSettings = append(svc.RequestSettings, &analyzer.RequestSetting{Span: s.span(r), Name: s.field(r, u, "name"),
			DefaultHost: s.field(r, u, "default_host"), Action: s.field(r, u, "action"), RequestCondition: s.field(r, u, "request_condition")})
	}
	items, unknowns = blocks(values, unknown, "vcl")
	for i, v := range items {
		svc.VCLs = append(svc.VCLs, &analyzer.VCLSource{Span: s.span(v), Name: s.field(v, unknowns[i], "name"),
			Main: s.flag(v, unknowns[i], "main"), Content: s.text(v, unknowns[i], "content")})
	}
	items, unknowns = blocks(values, unknown, "resource_link")
	for i, l := range items {
		svc.Links = append(svc.Links, &analyzer.Link{Span: s.span(l), Service: svc, Name: s.field(l, unknowns[i], "name"), ResourceID: s.field(l, unknowns[i], "resource_id")})
	}
	s.g.Services = append(s.g.Services, svc)
}
