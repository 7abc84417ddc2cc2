// Package compute loads Compute projects: a directory holding fastly.toml
// is one. The manifest's [setup] (what `fastly compute deploy` creates:
// backends, and stores it links under their own names) and [local_server]
// (the local test server's world) are read with positions, and the
// project's Rust, JavaScript/TypeScript and Go sources are scanned for the
// stores they open and the backends they send to, by name, with a small
// tokenizer per language so that comments and strings never match.
//
// A project joins the service it deploys to when an export or Terraform
// holds it: by service_id, else by the package a fastly_service_compute
// deploys (its filename or source_code_hash points into the project's
// directory), else by name; otherwise it stands alone as a
// Compute service made of its [setup]. The package knows the manifest and
// the SDKs' call shapes, not any rule.
package compute

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/loader/tree"
)

// ManifestName is the Compute project manifest's file name.
const ManifestName = "fastly.toml"

// Load reads the Compute projects whose manifests are given and joins
// them to the graph's services. Call it after every other loader.
func Load(g *graph.Graph, manifests []string, read func(string) ([]byte, error)) {
	if read == nil {
		read = func(p string) ([]byte, error) { return safefile.ReadText(p, 0) }
	}
	sort.Strings(manifests)
	for _, m := range manifests {
		loadProject(g, m, read)
	}
}

// parseTOML converts TOML into the positioned document tree.
func parseTOML(src []byte) (*tree.Node, error) {
	root := &tree.Node{Kind: tree.Object, End: len(src), Flow: false}
	var p unstable.Parser
	p.Reset(src)
	current := root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts := keyParts(e.Key())
			obj := root
			for k, part := range parts {
				last := k == len(parts)-1
				if last && e.Kind == unstable.ArrayTable {
					arr := child(obj, part, tree.Array)
					item := &tree.Node{Kind: tree.Object, Off: part.off, End: part.end}
					arr.Items = append(arr.Items, item)
					obj = item
					continue
				}
				obj = child(obj, part, tree.Object)
				if obj.Kind == tree.Array && len(obj.Items) > 0 {
					obj = obj.Items[len(obj.Items)-1]
				}
			}
			current = obj
		case unstable.KeyValue:
			setKeyValue(current, e)
		}
	}
	if err := p.Error(); err != nil {
		off := 0
		var perr *unstable.ParserError
		if errors.As(err, &perr) && perr.Highlight != nil {
			off = max(0, min(len(src), cap(src)-cap(perr.Highlight)))
		}
		return root, &tree.Error{Off: off, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	return root, nil
}

type keyPart struct {
	name     string
	off, end int
}

func keyParts(it unstable.Iterator) []keyPart {
	var out []keyPart
	for it.Next() {
		n := it.Node()
		out = append(out, keyPart{name: string(n.Data), off: int(n.Raw.Offset), end: int(n.Raw.Offset + n.Raw.Length)})
	}
	return out
}

// child returns obj's member named part, creating it with kind.
func child(obj *tree.Node, part keyPart, kind tree.Kind) *tree.Node {
	if n := obj.Get(part.name); n != nil {
		return n
	}
	n := &tree.Node{Kind: kind, Off: part.off, End: part.end}
	obj.Fields = append(obj.Fields, tree.Field{Key: part.name, KeyOff: part.off, KeyEnd: part.end, Value: n})
	return n
}

func setKeyValue(obj *tree.Node, e *unstable.Node) {
	parts := keyParts(e.Key())
	if len(parts) == 0 {
		return
	}
	for _, part := range parts[:len(parts)-1] {
		obj = child(obj, part, tree.Object)
	}
	last := parts[len(parts)-1]
	v := value(e.Value())
	obj.Fields = append(obj.Fields, tree.Field{Key: last.name, KeyOff: last.off, KeyEnd: last.end, Value: v})
}

func value(n *unstable.Node) *tree.Node {
	out := &tree.Node{Off: int(n.Raw.Offset), End: int(n.Raw.Offset + n.Raw.Length), Text: string(n.Data)}
	out.TextOff = out.Off
	switch n.Kind {
	case unstable.String:
		out.Kind = tree.String
		out.TextOff = out.Off + 1
	case unstable.Bool:
		out.Kind = tree.Bool
	case unstable.Integer, unstable.Float:
		out.Kind = tree.Number
	case unstable.Array:
		out.Kind = tree.Array
		for it := n.Children(); it.Next(); {
			out.Items = append(out.Items, value(it.Node()))
		}
	case unstable.InlineTable:
		out.Kind = tree.Object
		for it := n.Children(); it.Next(); {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				setKeyValue(out, kv)
			}
		}
	default:
		out.Kind = tree.String
	}
	return out
}

// project is a loaded manifest.
type project struct {
	g    *graph.Graph
	f    *graph.File
	root *tree.Node
	dir  string
}

func (p *project) field(n *tree.Node) graph.Field[string] {
	if n == nil || n.Kind == tree.Object || n.Kind == tree.Array {
		return graph.Field[string]{}
	}
	return graph.Field[string]{Value: n.Text, Set: true}.At(p.f.Pos(n.Off), p.f.Pos(n.End))
}

// keyField positions a name written as a table key ([setup.kv_stores.NAME]).
func (p *project) keyField(fl tree.Field) graph.Field[string] {
	return graph.Field[string]{Value: fl.Key, Set: true}.At(p.f.Pos(fl.KeyOff), p.f.Pos(fl.KeyEnd))
}

func loadProject(g *graph.Graph, manifest string, read func(string) ([]byte, error)) {
	src, err := read(manifest)
	if err != nil {
		f := g.Files.Add(manifest, nil)
		g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: f.Pos(0), End: f.Pos(0), Message: "cannot read file: " + err.Error()})
		return
	}
	f := g.Files.Add(manifest, src)
	root, err := parseTOML(src)
	if err != nil {
		var te *tree.Error
		off := 0
		if errors.As(err, &te) {
			off = te.Off
		}
		g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: f.Pos(off), End: f.Pos(off), Message: "cannot parse fastly.toml: " + err.Error()})
		return
	}
	p := &project{g: g, f: f, root: root, dir: filepath.Dir(manifest)}
	s, joined := p.join()
	proj := &graph.Project{Manifest: manifest}
	s.WithRare().Project = proj
	if !joined {
		// The service is not among the inputs: what [setup] does not
		// declare was made by hand, by Terraform not among the inputs, or
		// by fastly compute deploy's prompts (it asks for backends when
		// fastly.toml declares none: fastly/cli #355). It is unknown, not
		// empty.
		setup := root.Get("setup")
		proj.BackendsUnknown = setup == nil || setup.Get("backends") == nil
		proj.LinksUnknown = true
		for key := range setupStores {
			if setup != nil && setup.Get(key) != nil {
				proj.LinksUnknown = false
			}
		}
	}
	p.setup(s)
	proj.Local = p.localServer()
	p.scan(proj, read)
	p.noteUnknown(proj)
}

// projectIDPrefix starts the ID of a service made for a project that
// joins none among the inputs.
const projectIDPrefix = "project:"

// join finds the service the project deploys to (joined), or makes one.
func (p *project) join() (s *graph.Service, joined bool) {
	id, name := p.field(p.root.Get("service_id")), p.field(p.root.Get("name"))
	for _, s := range p.g.Services {
		if id.Value != "" && s.ID.Value == id.Value {
			return s, true
		}
	}
	// A Terraform service whose package lies in the project's directory
	// (package { filename = "app/pkg/app.tar.gz" }, or its hash) deploys
	// the project's build, whatever the names say.
	if dir := realDir(p.dir); dir != "" {
		for _, s := range p.g.Services {
			if s.Platform == graph.PlatformCompute && s.Package().Value != "" && within(dir, s.Package().Value) {
				return s, true
			}
		}
	}
	for _, s := range p.g.Services {
		// Not another project's own service: two copies of a demo with one
		// name are two projects, not one service.
		if name.Value != "" && s.Name.Value == name.Value && s.Platform == graph.PlatformCompute && !strings.HasPrefix(s.ID.Value, projectIDPrefix) {
			return s, true
		}
	}
	s = &graph.Service{
		Span: graph.Span{Pos: p.f.Pos(0), End: p.f.Pos(len(p.f.Content))},
		ID:   id, Name: name, Platform: graph.PlatformCompute, File: p.f.Name,
	}
	if !s.ID.Set || s.ID.Value == "" {
		s.ID = graph.Field[string]{Value: projectIDPrefix + p.dir, Set: true}
	}
	p.g.Services = append(p.g.Services, s)
	return s, false
}

var setupStores = map[string]graph.StoreType{"kv_stores": graph.KVStore, "config_stores": graph.ConfigStore, "secret_stores": graph.SecretStore, "object_stores": graph.KVStore}

// setup adds [setup] stores as links (the CLI links each store under its
// own name) and [setup] backends as backends, unless the joined service
// already has them.
func (p *project) setup(s *graph.Service) {
	setup := p.root.Get("setup")
	if setup == nil {
		return
	}
	has := func(name string) bool {
		for _, l := range s.Links {
			if l.Name.Value == name {
				return true
			}
		}
		return false
	}
	for key, typ := range setupStores {
		tbl := setup.Get(key)
		if tbl == nil {
			continue
		}
		for _, fl := range tbl.Fields {
			if has(fl.Key) {
				continue
			}
			name := p.keyField(fl)
			s.Links = append(s.Links, &graph.Link{
				Span: graph.Span{Pos: name.Pos, End: p.f.Pos(fl.Value.End)}, Service: s, Name: name,
				ResourceType: graph.Field[string]{Value: string(typ), Set: true}.At(name.Pos, name.End()),
			})
		}
	}
	sort.SliceStable(s.Links, func(i, j int) bool { return s.Links[i].Pos < s.Links[j].Pos })
	if bk := setup.Get("backends"); bk != nil {
		for _, fl := range bk.Fields {
			exists := false
			for _, b := range s.Backends {
				exists = exists || b.Name.Value == fl.Key
			}
			if exists {
				continue
			}
			name := p.keyField(fl)
			b := &graph.Backend{Span: graph.Span{Pos: name.Pos, End: p.f.Pos(fl.Value.End)}, Service: s, Name: name,
				Address: p.field(fl.Value.Get("address"))}
			// fastly compute deploy sets override_host and ssl_sni_hostname
			// to the address when it is a hostname, not an IP (the CLI's
			// setBackendHost).
			if a := b.Address; a.Known() && strings.TrimSpace(a.Value) != "" && !graph.IsIP(graph.NormalizeHost(a.Value)) {
				b.OverrideHost, b.SSLSNIHostname = a, a
			}
			if port := fl.Value.Get("port"); port != nil {
				if v, ok := port.Int(); ok {
					b.Port = graph.Field[int]{Value: v, Set: true}.At(p.f.Pos(port.Off), p.f.Pos(port.End))
				}
			}
			s.Backends = append(s.Backends, b)
		}
	}
}

func (p *project) localServer() *graph.LocalServer {
	ls := p.root.Get("local_server")
	if ls == nil {
		return nil
	}
	out := &graph.LocalServer{Span: graph.Span{Pos: p.f.Pos(ls.Off), End: p.f.Pos(ls.End)}}
	if bk := ls.Get("backends"); bk != nil {
		for _, fl := range bk.Fields {
			out.Backends = append(out.Backends, p.keyField(fl))
		}
	}
	for key, typ := range setupStores {
		if tbl := ls.Get(key); tbl != nil {
			for _, fl := range tbl.Fields {
				out.Stores = append(out.Stores, graph.LocalStore{Type: typ, Name: p.keyField(fl)})
			}
		}
	}
	sort.Slice(out.Stores, func(i, j int) bool { return out.Stores[i].Name.Pos < out.Stores[j].Name.Pos })
	return out
}

func (p *project) scanFile(proj *graph.Project, path string, src []byte, l lang) []tok {
	toks := tokenize(src, l)
	refs, computed := findRefs(toks, l)
	proj.Computed += computed
	dyn, dynComputed := dynamicBackends(toks, l)
	proj.DynamicComputed = proj.DynamicComputed || dynComputed
	if len(refs) == 0 && len(dyn) == 0 {
		return toks
	}
	consts := constants(toks, l)
	for _, d := range dyn {
		switch {
		case d.kind == tString:
			proj.DynamicBackends = append(proj.DynamicBackends, d.text)
		case consts[d.text] != nil:
			proj.DynamicBackends = append(proj.DynamicBackends, consts[d.text].value.text)
		default:
			proj.DynamicComputed = true // a variable: known at run time only
		}
	}
	if len(refs) == 0 {
		return toks
	}
	f := p.g.Files.Add(path, src)
	for _, r := range refs {
		cr := &graph.CodeRef{Span: graph.Span{Pos: f.Pos(r.callOff), End: f.Pos(r.callEnd)}, Kind: r.kind, Call: r.call, Pass: r.pass}
		switch r.arg.kind {
		case tString:
			cr.Name = graph.Field[string]{Value: r.arg.text, Set: true}.At(f.Pos(r.arg.off), f.Pos(r.arg.end))
		case tIdent:
			d := consts[r.arg.text]
			if d == nil {
				proj.Computed++ // a variable: known at run time only
				continue
			}
			cr.Name = graph.Field[string]{Value: d.value.text, Set: true}.At(f.Pos(r.arg.off), f.Pos(r.arg.end))
			cr.Const = d.name
			cr.ConstPos = graph.Span{Pos: f.Pos(d.off), End: f.Pos(d.end)}
		}
		proj.Refs = append(proj.Refs, cr)
	}
	return toks
}

// realDir is dir's absolute path through symbolic links ("" if it does
// not resolve).
func realDir(dir string) string {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(real)
	if err != nil {
		return ""
	}
	return abs
}

// within reports whether path lies below dir and not in a nested project
// (a directory between them with its own fastly.toml).
func within(dir, path string) bool {
	if path == dir || !insideDir(dir, path) {
		return false
	}
	for d := filepath.Dir(path); d != dir && len(d) > len(dir); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ManifestName)); err == nil {
			return false
		}
	}
	return true
}

// noteUnknown says, once per project, what its code names that goes
// unchecked because the service's side is unknown (see
// Project.LinksUnknown).
func (p *project) noteUnknown(proj *graph.Project) {
	var stores, backends bool
	for _, r := range proj.Refs {
		switch r.Kind {
		case "backend":
			backends = backends || proj.BackendsUnknown
		case graph.CodeRefDictionary: // checked against nothing in any case
		default:
			stores = stores || proj.LinksUnknown
		}
	}
	var what, names string
	switch {
	case stores && backends:
		what, names = "resource links and backends", "store and backend names"
	case stores:
		what, names = "resource links", "store names"
	case backends:
		what, names = "backends", "backend names"
	default:
		return
	}
	if id := p.field(p.root.Get("service_id")); id.Value != "" {
		p.g.Notes = append(p.g.Notes, graph.Problem{Rule: graph.RuleUnknownValue, Pos: id.Pos, End: id.End(),
			Message: fmt.Sprintf("service %s, which this project deploys to, is not among the inputs and fastly.toml's [setup] does not declare its %s, so they are unknown and the %s the code uses are not checked; add its export (chainlint pull --service %s) or the Terraform that defines it", id.Value, what, names, id.Value)})
		return
	}
	name := p.field(p.root.Get("name"))
	pos, end := name.Pos, name.End()
	if !pos.IsValid() {
		pos, end = p.f.Pos(0), p.f.Pos(0)
	}
	p.g.Notes = append(p.g.Notes, graph.Problem{Rule: graph.RuleUnknownValue, Pos: pos, End: end,
		Message: fmt.Sprintf("this Compute project's service is not among the inputs and its [setup] does not declare its %s (fastly compute deploy asks for backends, and stores are linked by hand), so they are unknown and the %s the code uses are not checked; declare them under [setup], or add the service's export or Terraform", what, names)})
}
