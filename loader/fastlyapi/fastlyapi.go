// Package fastlyapi loads Fastly API exports — the service-details shape
// of GET /service/{id}/details, in JSON or in YAML — into the service
// graph. It accepts a bundle {"services": [...], "stores": [...]}, one bare
// service object, or an array of service objects. Unknown fields are
// ignored; a value of the wrong type is a positioned parse-error and the
// rest of the file still loads.
//
// The package knows the export schema and nothing about rules.
package fastlyapi

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/loader/tree"
	"github.com/chainlint/chainlint/loader/vclfacts"
)

// IsCandidate reports whether a file name has an extension this loader
// reads.
func IsCandidate(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".yaml", ".yml":
		return true
	}
	return false
}

// Load reads one export file into g. It returns false when the file is
// not a Fastly export (and was not named explicitly, in which case a file
// that cannot be parsed is still reported): such files are skipped
// silently.
func Load(g *analyzer.Graph, name string, content []byte, explicit bool) bool {
	syntax := tree.JSON
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
		syntax = tree.YAML
	}
	p := Parse(g.Memo, name, content)
	docs, err := p.docs, p.err
	isExport := false
	for _, d := range docs {
		if shapeOf(d) != notExport {
			isExport = true
		}
	}
	if err != nil && !isExport && !explicit && !looksLikeExport(content) {
		return false
	}
	if !isExport && err == nil {
		return false
	}
	f := g.Files.Add(name, content)
	l := &loader{g: g, f: f, syntax: syntax}
	if err != nil {
		off := 0
		var te *tree.Error
		if errors.As(err, &te) {
			off = te.Off
		}
		kind := "JSON"
		if syntax == tree.YAML {
			kind = "YAML"
		}
		l.problem(off, off, fmt.Sprintf("cannot parse %s: %s", kind, errorText(err)))
	}
	for _, d := range docs {
		l.document(d)
	}
	return true
}

func errorText(err error) string {
	var te *tree.Error
	if errors.As(err, &te) {
		return te.Msg
	}
	return err.Error()
}

type parsed struct {
	docs []*tree.Node
	err  error
}

// Parse parses an export file's JSON or YAML through a parse cache; the
// loader calls it, and so does the parallel read ahead of loading.
func Parse(m *memo.Cache, name string, content []byte) parsed {
	ext := strings.ToLower(filepath.Ext(name))
	return m.Get("export:"+ext, content, func() any {
		if ext == ".json" {
			doc, err := tree.ParseJSON(content)
			if doc == nil {
				return parsed{nil, err}
			}
			return parsed{[]*tree.Node{doc}, err}
		}
		docs, err := tree.ParseYAML(content)
		return parsed{docs, err}
	}).(parsed)
}

// looksLikeExport guesses whether an unparsable file was meant to be an
// export, so that a broken export is reported rather than skipped.
func looksLikeExport(content []byte) bool {
	for _, key := range []string{`"services"`, "active_version", "backends", "override_host", "resource_links"} {
		if bytes.Contains(content, []byte(key)) {
			return true
		}
	}
	return false
}

type shape int

const (
	notExport shape = iota
	bundle
	singleService
	serviceList
)

func shapeOf(n *tree.Node) shape {
	switch n.Kind {
	case tree.Object:
		if s := n.Get("services"); s != nil && (s.Kind == tree.Array || s.Kind == tree.Null) {
			return bundle
		}
		if isService(n) {
			return singleService
		}
	case tree.Array:
		if len(n.Items) > 0 && isService(n.Items[0]) {
			return serviceList
		}
	}
	return notExport
}

func isService(n *tree.Node) bool {
	if n.Kind != tree.Object || (n.Get("id") == nil && n.Get("name") == nil) {
		return false
	}
	for _, key := range []string{"active_version", "version"} {
		if v := n.Get(key); v != nil && v.Kind == tree.Object {
			return true
		}
	}
	vs := n.Get("versions")
	return vs != nil && vs.Kind == tree.Array && n.Get("type") != nil
}

type loader struct {
	g      *analyzer.Graph
	f      *analyzer.File
	syntax tree.Syntax
}

func (l *loader) problem(off, end int, msg string) {
	l.g.AddProblem(analyzer.Problem{Rule: "parse-error", Pos: l.f.Pos(off), End: l.f.Pos(end), Message: msg})
}

// typeError reports a value of the wrong type.
func (l *loader) typeError(n *tree.Node, what, want string) {
	l.problem(n.Off, n.End, fmt.Sprintf("%s must be %s, not %s", what, want, article(n.Kind)))
}

func article(k tree.Kind) string {
	switch k {
	case tree.Array, tree.Object:
		return "an " + k.String()
	case tree.Null:
		return "null"
	}
	return "a " + k.String()
}

func (l *loader) document(d *tree.Node) {
	switch shapeOf(d) {
	case bundle:
		if s := d.Get("services"); s.Kind == tree.Array {
			for _, item := range s.Items {
				l.service(item)
			}
		}
		if st := d.Get("stores"); st != nil {
			l.stores(st)
		}
	case singleService:
		l.service(d)
	case serviceList:
		for _, item := range d.Items {
			l.service(item)
		}
	}
}

func (l *loader) stores(n *tree.Node) {
	if n.Kind == tree.Null {
		return
	}
	if n.Kind != tree.Array {
		l.typeError(n, `"stores"`, "an array of {id, name, type} objects")
		return
	}
	l.g.StoresListed = true
	for _, item := range n.Items {
		if item.Kind != tree.Object {
			l.typeError(item, "a store", "an object")
			continue
		}
		st := &analyzer.Store{
			Span: l.span(item),
			ID:   l.str(item, "id", "store id"),
			Name: l.str(item, "name", "store name"),
		}
		if t := l.str(item, "type", "store type"); t.Set {
			st.Type = analyzer.NormalizeStoreType(t.Value)
		}
		l.g.Stores = append(l.g.Stores, st)
	}
}

func (l *loader) span(n *tree.Node) analyzer.Span {
	return analyzer.Span{Pos: l.f.Pos(n.Off), End: l.f.Pos(n.End)}
}

// str reads an optional string member; null counts as absent.
func (l *loader) str(obj *tree.Node, key, what string) analyzer.Field[string] {
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null {
		return analyzer.Field[string]{}
	}
	if n.Kind != tree.String && n.Kind != tree.Number && n.Kind != tree.Bool {
		l.typeError(n, what, "a string")
		return analyzer.Field[string]{}
	}
	return analyzer.Field[string]{Value: n.Text, Pos: l.f.Pos(n.Off), End: l.f.Pos(n.End), Set: true}
}

func (l *loader) num(obj *tree.Node, key, what string) analyzer.Field[int] {
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null {
		return analyzer.Field[int]{}
	}
	v, ok := n.Int()
	if !ok {
		l.typeError(n, what, "an integer")
		return analyzer.Field[int]{}
	}
	return analyzer.Field[int]{Value: v, Pos: l.f.Pos(n.Off), End: l.f.Pos(n.End), Set: true}
}

func (l *loader) flag(obj *tree.Node, key, what string) analyzer.Field[bool] {
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null {
		return analyzer.Field[bool]{}
	}
	v, ok := n.Truthy()
	if !ok {
		l.typeError(n, what, "a boolean")
		return analyzer.Field[bool]{}
	}
	return analyzer.Field[bool]{Value: v, Pos: l.f.Pos(n.Off), End: l.f.Pos(n.End), Set: true}
}

func (l *loader) text(obj *tree.Node, key, what string) analyzer.Text {
	s := l.str(obj, key, what)
	t := analyzer.Text{Field: s}
	if n := obj.Get(key); s.Set && n.Kind == tree.String {
		if len(n.Segments) == 0 {
			t.Segments = []analyzer.Segment{{Dec: 0, Src: l.f.Pos(n.TextOff)}}
		}
		for _, seg := range n.Segments {
			t.Segments = append(t.Segments, analyzer.Segment{Dec: seg.Dec, Src: l.f.Pos(seg.Src)})
		}
	}
	return t
}

// list returns the items of an optional array member.
func (l *loader) list(obj *tree.Node, key, what string) []*tree.Node {
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null {
		return nil
	}
	if n.Kind != tree.Array {
		l.typeError(n, fmt.Sprintf("%q", key), "an array of "+what+" objects")
		return nil
	}
	var out []*tree.Node
	for _, item := range n.Items {
		if item.Kind != tree.Object {
			l.typeError(item, "each "+what, "an object")
			continue
		}
		out = append(out, item)
	}
	return out
}

func (l *loader) service(n *tree.Node) {
	if n.Kind != tree.Object {
		l.typeError(n, "a service", "an object")
		return
	}
	s := &analyzer.Service{
		Span: l.span(n),
		ID:   l.str(n, "id", "service id"),
		Name: l.str(n, "name", "service name"),
		File: l.f.Name,
	}
	version := l.version(n, s)
	switch t := l.str(n, "type", "service type"); {
	case !t.Set, t.Value == "vcl":
		s.Platform = analyzer.PlatformVCL
		if !t.Set && version != nil && version.Get("package") != nil {
			s.Platform = analyzer.PlatformCompute
		}
	case t.Value == "wasm" || t.Value == "compute":
		s.Platform = analyzer.PlatformCompute
	default:
		l.problem(n.Get("type").Off, n.Get("type").End, fmt.Sprintf(`service type must be "vcl" or "wasm", not %q`, t.Value))
		s.Platform = analyzer.PlatformVCL
	}
	if version != nil {
		if v, ok := version.Get("number").Int(); ok {
			s.Version = v
		}
		for _, d := range l.list(version, "domains", "domain") {
			s.Domains = append(s.Domains, &analyzer.Domain{Span: l.span(d), Service: s, Name: l.str(d, "name", "domain name")})
		}
		for _, b := range l.list(version, "backends", "backend") {
			s.Backends = append(s.Backends, l.backend(s, b))
		}
		for _, sn := range l.list(version, "snippets", "snippet") {
			s.Snippets = append(s.Snippets, &analyzer.Snippet{
				Span:     l.span(sn),
				Name:     l.str(sn, "name", "snippet name"),
				Type:     l.str(sn, "type", "snippet type"),
				Priority: l.num(sn, "priority", "snippet priority"),
				Content:  l.text(sn, "content", "snippet content"),
			})
		}
		for _, v := range l.list(version, "vcls", "vcl") {
			s.VCLs = append(s.VCLs, &analyzer.VCLSource{
				Span:    l.span(v),
				Name:    l.str(v, "name", "vcl name"),
				Main:    l.flag(v, "main", "vcl main"),
				Content: l.text(v, "content", "vcl content"),
			})
		}
		l.links(s, version)
	}
	l.links(s, n)
	if s.Platform == analyzer.PlatformVCL {
		vclfacts.Apply(l.g, s)
	}
	l.g.Services = append(l.g.Services, s)
}

// version picks the analysed version: active_version, else version, else
// the active (or newest) entry of versions.
func (l *loader) version(n *tree.Node, s *analyzer.Service) *tree.Node {
	for _, key := range []string{"active_version", "version"} {
		if v := n.Get(key); v != nil && v.Kind == tree.Object {
			return v
		}
	}
	if vs := n.Get("versions"); vs != nil && vs.Kind == tree.Array {
		var newest *tree.Node
		for _, v := range vs.Items {
			if v.Kind != tree.Object {
				continue
			}
			if active, _ := v.Get("active").Truthy(); active {
				return v
			}
			newest = v
		}
		if newest != nil {
			return newest
		}
	}
	for _, key := range []string{"active_version", "version"} {
		if v := n.Get(key); v != nil && v.Kind != tree.Null && v.Kind != tree.Number {
			l.typeError(v, fmt.Sprintf("%q", key), "a version object")
			return nil
		}
	}
	l.problem(n.Off, n.Off+1, fmt.Sprintf("service %s has no version object to analyse: add active_version or version (the shape of GET /service/{id}/details)", s.Label()))
	return nil
}

func (l *loader) backend(s *analyzer.Service, n *tree.Node) *analyzer.Backend {
	b := &analyzer.Backend{
		Span:            l.span(n),
		Service:         s,
		Name:            l.str(n, "name", "backend name"),
		Address:         l.str(n, "address", "backend address"),
		Port:            l.num(n, "port", "backend port"),
		OverrideHost:    l.str(n, "override_host", "override_host"),
		UseSSL:          l.flag(n, "use_ssl", "use_ssl"),
		SSLCertHostname: l.str(n, "ssl_cert_hostname", "ssl_cert_hostname"),
		SSLSNIHostname:  l.str(n, "ssl_sni_hostname", "ssl_sni_hostname"),
		Shield:          l.str(n, "shield", "shield"),
		Setter:          &setter{f: l.f, syntax: l.syntax, node: n},
	}
	if !b.Address.Set {
		b.Address = l.str(n, "hostname", "backend hostname")
	}
	return b
}

func (l *loader) links(s *analyzer.Service, obj *tree.Node) {
	for _, key := range []string{"resource_links", "resources"} {
		for _, ln := range l.list(obj, key, "resource link") {
			s.Links = append(s.Links, &analyzer.Link{
				Span:         l.span(ln),
				Service:      s,
				Name:         l.str(ln, "name", "resource link name"),
				ResourceID:   l.str(ln, "resource_id", "resource_id"),
				ResourceType: l.str(ln, "resource_type", "resource_type"),
			})
		}
	}
}

// setter edits a backend object of an export file.
type setter struct {
	f      *analyzer.File
	syntax tree.Syntax
	node   *tree.Node
}

func (s *setter) SetField(name, value string) []analysis.TextEdit {
	e := tree.SetField(s.f.Content, s.syntax, s.node, name, value)
	return []analysis.TextEdit{{Pos: s.f.Pos(e.Off), End: s.f.Pos(e.End), NewText: []byte(e.New)}}
}
