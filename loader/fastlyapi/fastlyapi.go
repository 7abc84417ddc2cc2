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
	"io"
	"math"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/loader/tree"
	"github.com/chainlint/chainlint/schema"
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
//
// A JSON bundle or service list loads service by service, on several
// goroutines, without its whole tree ever being built, unless g's parse
// cache is persistent (the language server keeps whole parses instead).
func Load(g *graph.Graph, name string, content []byte, explicit bool) bool {
	build, ok := Begin(g, name, content, explicit, nil, nil)
	if build != nil {
		build()
	}
	return ok
}

// Begin is Load in steps. Decide (which may run on any goroutine, for
// files at once) finds out what the file is; Begin registers it with g's
// files (serial: a file's place among the files decides its positions)
// and returns the step that builds its services into g, or nil when
// there is nothing to build. Files begun in order may be built at once,
// each into a fragment of its own. d is Decide's answer, or nil for
// Begin to decide.
//
// disk, when set, says that content is the file name as read from disk:
// a streamed load then releases it once built (see Disk).
func Begin(g *graph.Graph, name string, content []byte, explicit bool, d *Decision, disk *Disk) (build func(), ok bool) {
	if d == nil {
		d = Decide(g.Memo, name, content, explicit)
	}
	if d.notExport {
		return nil, false
	}
	l := &loader{g: g, f: g.Files.AddLines(name, content, d.lines), syntax: d.syntax}
	if d.stream != nil {
		if disk != nil {
			l.keep = &keeper{content: content}
			if disk.Drop != nil && g.Files.ReleaseLater(name, name) {
				l.drop = disk.Drop
			}
		}
		return func() {
			if !d.stream(l) {
				// Some part does not parse: the whole parse says where.
				l.keep = nil
				if l.drop != nil {
					// Parts of the content were given back: read it again.
					if content = l.reread(name, len(content)); content == nil {
						return
					}
				}
				l.report(Parse(nil, name, content))
				return
			}
			l.release(name)
		}, true
	}
	return func() { l.report(d.parsed) }, true
}

// Decision is what Decide found out about a file.
type Decision struct {
	syntax    tree.Syntax
	notExport bool
	// stream loads an outlined export part by part (nil: parsed whole).
	stream func(l *loader) bool
	parsed parsed
	lines  *graph.Lines // the file's line table
}

// Decide finds out whether a file is an export and how it loads: it
// outlines an export that streams, or parses the file whole (through m),
// and indexes its lines. It registers nothing, so it may run for files at
// once, ahead of Begin (the loader's parallel read-ahead calls it).
func Decide(m *memo.Cache, name string, content []byte, explicit bool) *Decision {
	d := &Decision{syntax: syntaxOf(name)}
	if !m.Persistent() {
		switch d.syntax {
		case tree.JSON:
			// The line index is made while the file is outlined: of
			// every line, for a streamed file is released once built
			// (Begin), which then needs it.
			lines := make(chan *graph.Lines, 1)
			go func() {
				l := graph.FullLines(content)
				lines <- &l
			}()
			o := outlineExport(content)
			d.lines = <-lines
			if o != nil {
				d.stream = func(l *loader) bool { return l.stream(o) }
				return d
			}
		case tree.YAML:
			if o := outlineYAML(m, content); o != nil {
				d.stream = func(l *loader) bool { return l.streamYAML(o) }
				l := graph.FullLines(content)
				d.lines = &l
				return d
			}
		}
	}
	p := Parse(m, name, content)
	isExport := false
	for _, doc := range p.docs {
		if shapeOf(doc) != notExport {
			isExport = true
		}
	}
	switch {
	case isExport:
	case p.err == nil:
		d.notExport = true // parses, and is something else
		return d
	case !explicit && !looksLikeExport(content):
		d.notExport = true // broken, and nothing says it was meant as an export
		return d
	}
	d.parsed = p
	if d.lines == nil {
		l := graph.LineStarts(content)
		d.lines = &l
	}
	return d
}

func syntaxOf(name string) tree.Syntax {
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
		return tree.YAML
	}
	return tree.JSON
}

// report loads a parsed file: its syntax error, and its documents.
func (l *loader) report(p parsed) {
	if p.err != nil {
		off := 0
		var te *tree.Error
		if errors.As(p.err, &te) {
			off = te.Off
		}
		kind := "JSON"
		if l.syntax == tree.YAML {
			kind = "YAML"
		}
		l.problem(off, off, fmt.Sprintf("cannot parse %s: %s", kind, errorText(p.err)))
	}
	for _, d := range p.docs {
		l.document(d)
	}
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

// Parse parses an export file's JSON or YAML through a parse cache.
func Parse(m *memo.Cache, name string, content []byte) parsed {
	ext := strings.ToLower(filepath.Ext(name))
	return m.Take("export:"+ext, content, func() any {
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

// outlineYAML outlines a YAML bundle whose "services" is a block
// sequence, or a top-level sequence whose first item is a service; nil
// otherwise. A persistent cache keeps the outline for the next analysis;
// a transient one keeps nothing (Decide is its one reader).
func outlineYAML(m *memo.Cache, content []byte) *tree.YAMLOutline {
	return m.Take("export-outline:yaml", content, func() any {
		o := tree.OutlineYAMLSequence(content, "services")
		if o != nil && o.Key == "" {
			first, err := o.NewParser(false).Parse(0)
			if err != nil || !isService(first) {
				return (*tree.YAMLOutline)(nil)
			}
		}
		if o != nil && o.Key != "" && len(o.Items) > 0 {
			// A services: list of something else (.travis.yml's
			// services: [docker]): the whole parse decides.
			list := &tree.Node{Kind: tree.Array}
			parser := o.NewParser(false)
			for i := 0; i < min(len(o.Items), 8); i++ {
				n, err := parser.Parse(i)
				if err != nil || n == nil {
					return o // broken: streaming's fallback reports it
				}
				list.Items = append(list.Items, n)
			}
			if !servicesLike(list) {
				return (*tree.YAMLOutline)(nil)
			}
		}
		return o
	}).(*tree.YAMLOutline)
}

// streamYAML loads an outlined YAML export item by item. It returns
// false, having loaded nothing, when a part does not parse or the outline
// proves wrong.
func (l *loader) streamYAML(o *tree.YAMLOutline) bool {
	rest, err := o.Rest()
	if err != nil {
		return false
	}
	var stores *tree.Node
	if rest != nil {
		stores = rest.Get("stores")
	}
	l.outline = o
	err = l.services(len(o.Items), tree.YAMLBatch, func(i int) tree.Part { return tree.Part{Off: o.Items[i].Off, End: o.Items[i].End} }, func() func(int) (*tree.Node, error) {
		return o.NewParser(true).Parse
	})
	if err != nil {
		return false
	}
	if stores != nil {
		l.stores(stores)
	}
	return true
}

// exportOutline is a JSON bundle or service list, outlined: its services'
// byte ranges, and the bundle's other members.
type exportOutline struct {
	services []tree.Part
	depth    int         // the services' nesting depth
	stores   *tree.Part  // the bundle's "stores"
	others   []tree.Part // every other member (checked for syntax only)
}

// outlineExport outlines content when it is a JSON bundle whose
// "services" is an array, or an array whose first element is a service;
// nil otherwise (and when the outline finds a syntax error).
func outlineExport(content []byte) *exportOutline {
	doc, err := tree.OutlineJSONDocument(content, func(key string) bool { return key == "services" })
	if err != nil {
		return nil
	}
	if doc.Kind == tree.Array {
		if len(doc.Parts) == 0 {
			return nil
		}
		first, _, err := tree.ParseJSONAt(content, doc.Parts[0].Off, 1)
		if err != nil || !isService(first) {
			return nil
		}
		return &exportOutline{services: doc.Parts, depth: 1}
	}
	o := &exportOutline{depth: 2}
	var services *tree.Part
	for i, m := range doc.Parts {
		switch m.Key {
		case "services":
			if services != nil {
				o.others = append(o.others, *services)
			}
			services = &doc.Parts[i]
		case "stores":
			if o.stores != nil {
				o.others = append(o.others, *o.stores)
			}
			o.stores = &doc.Parts[i]
		default:
			o.others = append(o.others, m)
		}
	}
	if services == nil {
		return nil
	}
	switch content[services.Off] {
	case 'n':
		o.others = append(o.others, *services)
	case '[':
		o.services = services.Inner.Parts
		// Not Fastly's services (a list of names): the whole parse
		// decides, and skips the file.
		if len(o.services) > 0 && !partsLikeServices(content, o.services) {
			return nil
		}
	default:
		return nil
	}
	return o
}

// partsLikeServices parses the first few outlined items and reports
// whether one looks like a Fastly service (servicesLike).
func partsLikeServices(content []byte, parts []tree.Part) bool {
	list := &tree.Node{Kind: tree.Array}
	for _, p := range parts[:min(len(parts), 8)] {
		n, err := tree.ParseJSON(content[p.Off:p.End])
		if err != nil || n == nil {
			return true // broken: let the whole parse report it
		}
		list.Items = append(list.Items, n)
	}
	return servicesLike(list)
}

// stream loads an outlined export part by part. It returns false, having
// loaded nothing, when a part does not parse.
func (l *loader) stream(o *exportOutline) bool {
	jp := tree.NewJSONParser(l.f.Content)
	for _, p := range o.others {
		if _, err := parsePart(jp, p, 1); err != nil {
			return false
		}
	}
	var stores *tree.Node
	if o.stores != nil {
		var err error
		if stores, err = parsePart(jp, *o.stores, 1); err != nil {
			return false
		}
	}
	err := l.services(len(o.services), 1, func(i int) tree.Part { return o.services[i] }, func() func(int) (*tree.Node, error) {
		// One per goroutine, each service parsed into the memory of the
		// one before: a service's nodes are dropped once it is built.
		jp := tree.NewJSONParser(l.f.Content)
		jp.Reuse()
		return func(i int) (*tree.Node, error) { return parsePart(jp, o.services[i], o.depth) }
	})
	if err != nil {
		return false
	}
	if stores != nil {
		l.stores(stores)
	}
	return true
}

// parsePart parses an outlined part, which must end where the outline
// found it ending.
func parsePart(jp *tree.JSONParser, p tree.Part, depth int) (*tree.Node, error) {
	n, end, err := jp.ParseAt(p.Off, depth)
	if err == nil && end != p.End {
		err = &tree.Error{Off: end, Msg: "value ends early"}
	}
	return n, err
}

// services loads n services on up to GOMAXPROCS goroutines, each calling
// newItem once for the function that gives the i-th service's node: each
// run of items (fragmentSize, a whole number of units: the items one call
// of that function may parse together) loads into a graph fragment of its
// own, and the fragments merge in item order, so the graph is the same as
// a sequential load's. When an item fails, nothing is merged and the first
// failure is returned.
//
// span, when set, gives the i-th item's bytes in the file: a load that
// gives back the content as it goes (l.drop) copies each fragment's texts
// once it is built and gives back the bytes of the items before the first
// fragment not yet built.
func (l *loader) services(n, unit int, span func(int) tree.Part, newItem func() func(int) (*tree.Node, error)) error {
	run := fragmentSize(n, unit, runtime.GOMAXPROCS(0))
	shared := l.sharedSetter() // made here: the fragments' goroutines share it
	frags := make([]*graph.Graph, (n+run-1)/run)
	errs := make([]error, len(frags))
	maps := make([][]*graph.TextMap, len(frags))
	var past *progress
	if l.drop != nil && span != nil && n > 0 {
		past = &progress{done: make([]bool, len(frags)), at: span(0).Off, drop: l.drop, start: func(k int) int {
			if k*run >= n {
				return span(n - 1).End
			}
			return span(k * run).Off
		}}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(frags)) {
		wg.Go(func() {
			item := newItem()
			keep := l.keep.worker()
			textMaps := new(graph.TextMaps)
			seenLinks := new(linkSet)
			for {
				k := int(next.Add(1) - 1)
				if k >= len(frags) {
					return
				}
				frag := l.g.Fragment()
				fl := &loader{g: frag, f: l.f, syntax: l.syntax, outline: l.outline, shared: shared, keep: keep, textMaps: textMaps, seenLinks: seenLinks}
				for i := k * run; i < min(n, (k+1)*run); i++ {
					node, err := item(i)
					if err != nil {
						errs[k] = err
						break
					}
					fl.service(node)
				}
				if l.g.Prepare != nil {
					for _, s := range frag.Services {
						l.g.Prepare(frag, s)
					}
				}
				if past != nil && errs[k] == nil {
					graph.OwnJSON(fl.maps, math.MaxInt)
					fl.maps = nil
					past.built(k)
				}
				frags[k], maps[k] = frag, fl.maps
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	l.g.Merge(frags...)
	for _, m := range maps {
		l.maps = append(l.maps, m...)
	}
	return nil
}

// fragmentSize is how many of n items one fragment loads: 32, fewer for a
// small file so that each of procs goroutines has one (an estate of many
// small files, and the language server's re-analysis of one, loads each
// file on every core too), and always a whole number of units.
func fragmentSize(n, unit, procs int) int {
	perProc := (n + procs - 1) / procs
	return max(unit, min(32, (perProc+unit-1)/unit*unit))
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
		if s := n.Get("services"); s != nil && (s.Kind == tree.Null || s.Kind == tree.Array && servicesLike(s)) {
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

// servicesLike reports a "services" array that holds Fastly services (or
// nothing): not .travis.yml's services: [docker], nor another tool's list
// of names. An item counts when it is an object with a name or an id and
// a version, a versions list or a type, so that an export broken inside
// a service is still read as one and its errors reported.
func servicesLike(list *tree.Node) bool {
	if len(list.Items) == 0 {
		return true
	}
	for _, it := range list.Items {
		if it.Kind != tree.Object || it.Get("id") == nil && it.Get("name") == nil {
			continue
		}
		for _, key := range []string{"version", "active_version", "versions", "type"} {
			if it.Get(key) != nil {
				return true
			}
		}
	}
	return false
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
	g      *graph.Graph
	f      *graph.File
	syntax tree.Syntax
	// outline is the streamed YAML file's, which gives a backend's
	// layout when a fix asks for it.
	outline *tree.YAMLOutline
	src     apiSource // source's
	// shared is the setter of every backend of a JSON or streamed YAML
	// file (sharedSetter).
	shared *setter
	// keep, for a load that releases its file once built, copies the
	// strings the graph keeps out of the file; nil otherwise.
	keep *keeper
	// textMaps hands out the text maps of the texts the graph keeps (nil:
	// each made on its own).
	textMaps *graph.TextMaps
	// maps are the text maps of JSON strings with escapes made so far
	// (for a load that releases its file: graph.OwnJSON).
	maps []*graph.TextMap
	// drop gives back the content's bytes from..to once the load is past
	// them (Disk.Drop); nil when it may not.
	drop func(from, to int)
	// seenLinks are the links read for the service being read, its
	// room kept for the next (a worker's, for all its fragments; nil:
	// the loader's own).
	seenLinks *linkSet
}

func (l *loader) problem(off, end int, msg string) {
	l.g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: l.f.Pos(off), End: l.f.Pos(end), Message: msg})
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
			_ = l.services(len(s.Items), 1, nil, itemsOf(s))
		}
		if st := d.Get("stores"); st != nil {
			l.stores(st)
		}
	case singleService:
		l.service(d)
	case serviceList:
		_ = l.services(len(d.Items), 1, nil, itemsOf(d))
	}
}

// itemsOf gives services the elements of a parsed array.
func itemsOf(a *tree.Node) func() func(int) (*tree.Node, error) {
	return func() func(int) (*tree.Node, error) {
		return func(i int) (*tree.Node, error) { return a.Items[i], nil }
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
		st := &graph.Store{
			Span: l.span(item),
			ID:   l.str(item, "id", "store id"),
			Name: l.str(item, "name", "store name"),
		}
		if t := l.str(item, "type", "store type"); t.Set {
			st.Type = graph.NormalizeStoreType(t.Value)
		}
		l.g.Stores = append(l.g.Stores, st)
	}
}

func (l *loader) span(n *tree.Node) graph.Span {
	return graph.Span{Pos: l.f.Pos(n.Off), End: l.f.Pos(n.End)}
}

// str reads an optional string member; null counts as absent.
func (l *loader) str(obj *tree.Node, key, what string) graph.Field[string] {
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null {
		return graph.Field[string]{}
	}
	if n.Kind != tree.String {
		// The API writes every one of these fields as a string (a YAML
		// export quotes one that looks like a number): 42 for an address
		// or 5 for a domain is a mistake, not a value to read.
		l.typeError(n, what, "a string")
		return graph.Field[string]{}
	}
	return graph.Field[string]{Value: l.keep.str(n.Text), Set: true}.At(l.f.Pos(n.Off), l.f.Pos(n.End))
}

func (l *loader) num(obj *tree.Node, key, what string) graph.Field[int] {
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null {
		return graph.Field[int]{}
	}
	v, ok := n.Int()
	if !ok {
		l.typeError(n, what, "an integer")
		return graph.Field[int]{}
	}
	return graph.Field[int]{Value: v, Set: true}.At(l.f.Pos(n.Off), l.f.Pos(n.End))
}

func (l *loader) flag(obj *tree.Node, key, what string) graph.Field[bool] {
	n := obj.Get(key)
	if n == nil || n.Kind == tree.Null {
		return graph.Field[bool]{}
	}
	v, ok := n.Truthy()
	if !ok {
		l.typeError(n, what, "a boolean")
		return graph.Field[bool]{}
	}
	return graph.Field[bool]{Value: v, Set: true}.At(l.f.Pos(n.Off), l.f.Pos(n.End))
}

func (l *loader) text(obj *tree.Node, key, what string) graph.Text {
	s := l.str(obj, key, what)
	t := graph.Text{Field: s}
	if n := obj.Get(key); s.Set && n.Kind == tree.String {
		t.Map = l.f.TextMapIn(l.textMaps, n, t.Pos, l.syntax)
		if l.keep != nil && t.Map != nil {
			l.maps = append(l.maps, t.Map)
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
	for i, item := range n.Items {
		if item.Kind != tree.Object {
			// Not all objects: the objects, and each other item reported.
			out := slices.Clone(n.Items[:i])
			for _, item := range n.Items[i:] {
				if item.Kind != tree.Object {
					l.typeError(item, "each "+what, "an object")
					continue
				}
				out = append(out, item)
			}
			return out
		}
	}
	return n.Items
}

func (l *loader) service(n *tree.Node) {
	if n.Kind != tree.Object {
		l.typeError(n, "a service", "an object")
		return
	}
	s := &graph.Service{
		Span: l.span(n),
		ID:   l.str(n, "id", "service id"),
		Name: l.str(n, "name", "service name"),
		File: l.f.Name,
	}
	version := l.version(n, s)
	if l.seenLinks == nil {
		l.seenLinks = new(linkSet)
	}
	seenLinks := l.seenLinks
	seenLinks.reset()
	switch t := l.str(n, "type", "service type"); {
	case !t.Set, t.Value == "vcl":
		s.Platform = graph.PlatformVCL
		if !t.Set && version != nil && version.Get("package") != nil {
			s.Platform = graph.PlatformCompute
		}
	case t.Value == "wasm" || t.Value == "compute":
		s.Platform = graph.PlatformCompute
	default:
		l.problem(n.Get("type").Off, n.Get("type").End, fmt.Sprintf(`service type must be "vcl" or "wasm", not %q`, t.Value))
		s.Platform = graph.PlatformVCL
	}
	if version != nil {
		if v, ok := version.Get("number").Int(); ok {
			s.Version = graph.VersionNumber(int64(v))
		}
		for _, d := range l.list(version, schema.Domain.List, schema.Domain.Name) {
			dom := schema.New[graph.Domain](schema.Domain, l.source(d), l.span(d))
			dom.Service = s
			s.Domains = append(s.Domains, dom)
		}
		for _, b := range l.list(version, schema.Backend.List, schema.Backend.Name) {
			s.Backends = append(s.Backends, l.backend(s, b))
		}
		s.Snippets = readAll[graph.Snippet](l, version, schema.Snippet)
		s.WithRare().Conditions = readAll[graph.Condition](l, version, schema.Condition)
		s.WithRare().Headers = readAll[graph.Header](l, version, schema.Header)
		s.WithRare().RequestSettings = readAll[graph.RequestSetting](l, version, schema.RequestSetting)
		s.VCLs = readAll[graph.VCLSource](l, version, schema.VCL)
		for _, d := range l.list(version, "dictionaries", "dictionary") {
			if name := d.Get("name"); name != nil && name.Kind == tree.String {
				s.WithRare().Dictionaries = append(s.Dictionaries(), l.keep.str(name.Text))
			}
		}
		l.links(s, version, seenLinks)
	}
	l.links(s, n, seenLinks)
	l.g.Services = append(l.g.Services, s)
}

// version picks the analysed version: active_version, else version, else
// the active (or newest) entry of versions.
func (l *loader) version(n *tree.Node, s *graph.Service) *tree.Node {
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

func (l *loader) backend(s *graph.Service, n *tree.Node) *graph.Backend {
	b := schema.New[graph.Backend](schema.Backend, l.source(n), l.span(n))
	b.Service, b.Setter = s, l.setter(n)
	return b
}

// readAll reads the version's list of a kind of object.
func readAll[T any](l *loader, version *tree.Node, kind *schema.Object) []*T {
	var out []*T
	for _, n := range l.list(version, kind.List, kind.Name) {
		out = append(out, schema.New[T](kind, l.source(n), l.span(n)))
	}
	return out
}

// source presents an object of the export to the schema's reader, which
// reads it at once and keeps nothing of it: each loader has one, reused
// for every object (one allocation an object was 6 % of a load's).
func (l *loader) source(n *tree.Node) schema.Source {
	l.src = apiSource{l, n}
	return &l.src
}

// apiSource is one object of an export, read by the API's field names.
type apiSource struct {
	l *loader
	n *tree.Node
}

func (a *apiSource) Format() schema.Format                        { return schema.API }
func (a *apiSource) String(name, what string) graph.Field[string] { return a.l.str(a.n, name, what) }
func (a *apiSource) Ref(name, what string) graph.Field[string]    { return a.l.str(a.n, name, what) }
func (a *apiSource) Int(name, what string) graph.Field[int]       { return a.l.num(a.n, name, what) }
func (a *apiSource) Bool(name, what string) graph.Field[bool]     { return a.l.flag(a.n, name, what) }
func (a *apiSource) Text(name, what string) graph.Text            { return a.l.text(a.n, name, what) }

// links reads resource links. The same link listed twice (on the
// service and on its version, as some exports do) is one link: the same
// link id, or, without ids, the same name and resource.
func (l *loader) links(s *graph.Service, obj *tree.Node, seen *linkSet) {
	for _, key := range []string{schema.Link.List, "resources"} {
		for _, ln := range l.list(obj, key, schema.Link.Name) {
			link := schema.New[graph.Link](schema.Link, l.source(ln), l.span(ln))
			link.Service = s
			id := l.str(ln, "id", "resource link id")
			if linkSeen(seen, link, id.Value) {
				continue
			}
			s.Links = append(s.Links, link)
		}
	}
}

// linkKey is what tells a link read twice: its id, or its name and
// resource.
type linkKey struct {
	byID      bool
	id, other string
}

// linkSet is the links read for a service: a list searched in turn while
// it is short (a service has a few links: a map a service, and the keys
// joined into strings, were 1.9 MB at 16,000 services), a map beyond.
type linkSet struct {
	keys []linkKey
	m    map[linkKey]bool
}

// reset empties the set for the next service, keeping a short list's
// room.
func (ls *linkSet) reset() {
	clear(ls.keys)
	ls.keys, ls.m = ls.keys[:0], nil
	if cap(ls.keys) > 32 {
		ls.keys = nil
	}
}

func (ls *linkSet) has(k linkKey) bool {
	if ls.m != nil {
		return ls.m[k]
	}
	return slices.Contains(ls.keys, k)
}

func (ls *linkSet) add(k linkKey) {
	if ls.m != nil {
		ls.m[k] = true
		return
	}
	ls.keys = append(ls.keys, k)
	if len(ls.keys) > 32 {
		ls.m = make(map[linkKey]bool, 2*len(ls.keys))
		for _, k := range ls.keys {
			ls.m[k] = true
		}
	}
}

// linkSeen reports a link already read for the service, and records it
// otherwise.
func linkSeen(seen *linkSet, link *graph.Link, id string) bool {
	byPair := linkKey{id: link.Name.Value, other: link.ResourceID.Value}
	byID := linkKey{byID: true, id: id}
	if id != "" && seen.has(byID) || seen.has(byPair) {
		return true
	}
	if id != "" {
		seen.add(byID)
	}
	seen.add(byPair)
	return false
}

// setter edits backend objects of an export file. An object's layout is
// read again from the source when a fix is asked for (most backends never
// need one): a JSON object parsed from its offset, a streamed YAML one
// with its item; one setter serves every object of such a file, found by
// its span. A YAML file parsed whole keeps its objects' layouts (obj),
// since YAML cannot be parsed from the middle of a document: a setter per
// object.
type setter struct {
	f       *graph.File
	syntax  tree.Syntax
	outline *tree.YAMLOutline // the streamed YAML file's
	obj     *tree.Layout      // the whole-parsed YAML object's layout
	// sources reads the file again, once, when it was released (the
	// shared setter's; nil for an object's own).
	sources *graph.SourceCache
}

func (l *loader) setter(n *tree.Node) *setter {
	if s := l.sharedSetter(); s != nil {
		return s
	}
	return &setter{f: l.f, syntax: l.syntax, obj: tree.LayoutOf(n)}
}

// sharedSetter is the setter every backend of a JSON or streamed YAML
// file shares, made once; nil for a YAML file parsed whole.
func (l *loader) sharedSetter() *setter {
	if l.syntax != tree.JSON && l.outline == nil {
		return nil
	}
	if l.shared == nil {
		l.shared = &setter{f: l.f, syntax: l.syntax, outline: l.outline, sources: &graph.SourceCache{}}
	}
	return l.shared
}

func (s *setter) SetField(at graph.Span, name, value string) []analysis.TextEdit {
	src := s.f.Content
	if s.sources != nil {
		var err error
		if src, err = s.sources.Of(s.f); err != nil {
			return nil // changed since it was read: no fix
		}
	}
	obj := s.obj
	off := int(at.Pos) - s.f.TF.Base()
	switch {
	case obj != nil:
	case off < 0 || off >= len(src):
		return nil
	case s.outline != nil:
		if obj = s.outline.On(src).LayoutAt(off); obj == nil {
			return nil
		}
	default:
		n, _, err := tree.ParseJSONAt(src, off, 0)
		if err != nil || n.Kind != tree.Object {
			return nil // the object parsed when it was loaded; a source changed since has no fix
		}
		obj = tree.LayoutOf(n)
	}
	e := tree.SetField(src, s.syntax, obj, name, value)
	return []analysis.TextEdit{{Pos: s.f.Pos(e.Off), End: s.f.Pos(e.End), NewText: []byte(e.New)}}
}

// MightBeExport reads a JSON file's top-level keys from r (tree.ScanJSONKeys)
// and reports whether the file may be a Fastly export, or terraform show
// -json output, so that the loader reads and parses it whole; false means
// it certainly is neither, and is skipped unread. A document whose scan
// did not complete (cut short, brackets that do not match) may be a
// broken export: true, so that the whole parse reports it.
func MightBeExport(r io.Reader) bool {
	var idOrName, version, versions, typ, decided bool
	top, complete := tree.ScanJSONKeys(r, func(key []byte, value byte) bool {
		switch string(key) {
		case "services":
			decided = value == '[' || value == 'n'
		case "format_version": // terraform show -json
			decided = true
		case "id", "name":
			idOrName = true
		case "active_version", "version":
			version = version || value == '{'
		case "versions":
			versions = value == '['
		case "type":
			typ = true
		}
		return !decided
	})
	switch {
	case decided:
		return true
	case !complete:
		return true
	case top != '{' && top != '[':
		// A JSON scalar is no export; any other first byte (a UTF-16
		// byte-order mark: PowerShell writes exports so) is for the whole
		// read to decide.
		return !strings.ContainsRune("\"-0123456789tfn", rune(top))
	}
	return idOrName && (version || versions && typ)
}
