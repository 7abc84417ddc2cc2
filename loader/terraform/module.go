// Package terraform loads Fastly services and stores from Terraform: HCL
// modules (*.tf and *.tf.json, evaluated as Terraform would as far as a
// static tool can: variables, tfvars, locals, functions, count, for_each,
// dynamic blocks, local modules and references between resources) and
// `terraform show -json` plan or state output. A value known only at apply
// time stays unknown: rules that need it stay silent, and an unknown-value
// note says what could not be evaluated and why.
//
// The package knows the Fastly provider's schema and Terraform's language,
// not any rule.
package terraform

import (
	"bytes"
	"cmp"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/internal/safefile"
)

// Options tune Terraform loading.
type Options struct {
	// Vars are --var name=value settings for root modules; VarFiles are
	// --var-file paths, applied after terraform.tfvars and *.auto.tfvars.
	Vars     map[string]string
	VarFiles []string
	// RootVarFiles are --var-file ROOT=FILE settings: FILE applies to the
	// root module in directory ROOT (absolute) only, as terraform plan
	// -var-file does in the one root it runs in.
	RootVarFiles map[string][]string
	// EnvVars are the TF_VAR_name settings of the environment (name →
	// value), applied first, as Terraform does: every file and --var wins
	// over them.
	EnvVars map[string]string
	// Root confines file() and templatefile(): they may not read outside
	// it (symlinks resolved) unless AllowOutsideRoot.
	Root             string
	AllowOutsideRoot bool
	// Read reads a file, honouring unsaved editor buffers; nil reads the
	// disk.
	Read func(path string) ([]byte, error)
	// OnDisk reports whether Read gives path's bytes as the disk holds
	// them (not an unsaved buffer, not standard input): only such a file's
	// content is released once it is loaded (graph.Files.Release). Nil
	// with Read: none is; without Read: every one is.
	OnDisk func(path string) bool
	// Mapped, when set, returns the memory outside the Go heap that holds
	// b, the content Read gave for path (safefile.ReadOutside), or nil for
	// content on the heap. A streamed load gives it back as it goes (see
	// outsideText), and all of it by the time Load returns; OnUnmap is
	// told how many bytes each time.
	Mapped  func(path string, b []byte) *safefile.Mapped
	OnUnmap func(bytes int64)
}

// IsCandidate reports whether a file belongs to a Terraform module.
func IsCandidate(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

// topSchema is what chainlint reads at a module's top level.
var topSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "action", LabelNames: []string{"type", "name"}},
		{Type: "terraform"},
	},
}

// actionSchema is what chainlint reads of an action block (Terraform
// 1.14): its config, read as a resource's body, and its repetition.
var actionSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "config"}},
}

// terraformSchema finds required_providers in a terraform block.
var terraformSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "required_providers"}}}

// providerSource is the source a module's required_providers gives the
// fastly provider, where it says so.
type providerSource struct {
	source string
	rng    hcl.Range
}

// module is one parsed directory.
type module struct {
	dir       string
	fileOf    map[string]*graph.File // by file name
	variables map[string]*variable
	locals    map[string]*hcl.Attribute
	resources []*resource
	data      map[string]map[string]bool // data sources: type → name
	// templates are data "template_file" blocks' attributes by name (the
	// older template provider's way to render VCL).
	templates map[string]hcl.Attributes
	// packageHashes are data "fastly_package_hash" blocks' attributes by
	// name: a Compute service's source_code_hash names its package so.
	packageHashes map[string]hcl.Attributes
	// externals are data "external" blocks' attributes by name: a
	// package built by a program run in a project's directory is that
	// project's.
	externals map[string]hcl.Attributes
	calls     []*moduleCall
	outputs   map[string]*hcl.Attribute
	planned   *plan // see plan()
	// provider is what required_providers says of the fastly provider.
	provider *providerSource
	// dropped are streamed resources dropped as duplicates (see
	// checkUnparsed).
	dropped []*resource
	// refused reports a duplicate declaration (dropDuplicates): Terraform
	// refuses the module, so it is not one configuration, and each file's
	// services are scoped to their file (graph.TerraformInfo.Scope).
	refused bool
}

type variable struct {
	name    string
	decl    *hcl.Block
	deflt   hcl.Expression
	hasDflt bool
	// typ is the variable's type constraint, with the defaults of its
	// optional() attributes (nil without a type or when it is not one
	// chainlint can read).
	typ      *cty.Type
	defaults *typeexpr.Defaults
}

type resource struct {
	typ, name string
	block     *hcl.Block
	count     hcl.Expression
	forEach   hcl.Expression
	// dynamic is false when the body certainly holds no dynamic block,
	// which spares expanding it.
	dynamic bool
	// src is the text of a resource a streamed load parses only when it
	// evaluates it; block is nil until then (see stream.go).
	src *pieceSrc
}

type moduleCall struct {
	name   string
	block  *hcl.Block
	source string
	attrs  hcl.Attributes
	// cyclic marks a call on a module cycle (a module that calls itself,
	// or modules that call each other): Terraform refuses it, and it is
	// not followed.
	cyclic bool
	// checked: its source has been checked (checkSource), once.
	checked bool
}

// loader loads a set of Terraform directories into one graph.
type loader struct {
	g    *graph.Graph
	opts Options
	// read are the .vcl and template files file() loaded.
	read    *readFiles
	modules map[string]*module // by directory
	// streaming loads modelled resources lazily (see stream.go); failed
	// reports a piece that did not parse, for which the load is done
	// again the whole way.
	streaming, failed bool
	// names interns the names lexicalRefs finds.
	names map[string]string
	// piece is the lazily read resource being evaluated and built: its
	// text holds the bytes of the ranges its objects are read from once
	// the file is released (bytes).
	piece *pieceSrc
	// seenProblem dedupes problems: a module called twice, or a cycle
	// evaluated twice, reports the same diagnostic again.
	seenProblem map[string]bool
	// instanceNotes wait for flushInstanceNotes, which joins the notes of
	// a block's instances.
	instanceNotes []instanceNote
	// rendered are templatefile() results by output, with where their
	// bytes come from (keepRendered).
	renderedMu sync.Mutex
	rendered   map[string]*renderedTemplate
	// budget bounds evaluation (see bounds.go).
	budget *budget
	// funcs are the function libraries made, by directory (functions).
	funcsMu sync.Mutex
	funcs   map[string]map[string]function.Function
	// scope is the module instance whose objects are being built (its
	// root directory and address prefix); claims records, per file, the
	// first scope to build from it (see file).
	scope  string
	claims map[string]string
	// lastFile is the file Files.Get gave for lastName: most positions a
	// build asks for are in the file before's (each lookup locked and
	// hashed the file's path, 2.9 times as long at 16,000 services as at
	// 8,000 in CPU profiles).
	lastName string
	lastFile *graph.File
	// next gathers the next provider's explicit family for joinNext.
	next nextEstate
	// fileSetters are the setters files' backend blocks share (setter).
	fileSetters map[*graph.File]*hclSetter
	// texts are the long texts read, one copy of each (internText).
	texts map[string]string
	// outside is the memory outside the heap of the .tf files a streamed
	// load cuts, by name (outside.go).
	outside map[string]*outsideText
	// made hands out what the graph keeps of each service (builds are
	// serial); setterBuf is setter's room.
	made      madeChunks
	setterBuf []setterExpr
	// realDirs are directories with their symlinks resolved (realDir).
	realMu   sync.Mutex
	realDirs map[string]string
}

// madeChunks hands out the small objects a service keeps (its lists of
// domains, backends, snippets and links, its Terraform details, its
// backends' setters, its texts' maps) from chunks (package chunk): made
// one by one, they sat among the load's garbage of their sizes (8 to 96
// bytes), keeping its pages in use after every collection, which the
// memory limit counts as used (16,000 services: 2 MB of pages of 48-byte
// objects held by setters alone).
type madeChunks struct {
	texts    graph.TextMaps
	setters  chunk.Of[hclSetter]
	exprs    chunk.Of[setterExpr]
	infos    chunk.Of[graph.TerraformInfo]
	domains  chunk.Of[*graph.Domain]
	backends chunk.Of[*graph.Backend]
	snippets chunk.Of[*graph.Snippet]
	vcls     chunk.Of[*graph.VCLSource]
	links    chunk.Of[*graph.Link]
}

func (l *loader) readFile(path string) ([]byte, error) {
	if l.opts.Read != nil {
		return l.opts.Read(path)
	}
	return safefile.ReadText(path, 0)
}

// parseModule parses every *.tf and *.tf.json file of dir.
func (l *loader) parseModule(dir string, names []string) *module {
	m := &module{dir: dir, fileOf: map[string]*graph.File{}, variables: map[string]*variable{},
		locals: map[string]*hcl.Attribute{}, data: map[string]map[string]bool{}, outputs: map[string]*hcl.Attribute{}}
	sort.Strings(names)
	for _, name := range names {
		src, err := l.readFile(name)
		if err != nil {
			f := l.g.Files.Add(name, nil)
			l.g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: f.Pos(0), End: f.Pos(0), Message: "cannot read file: " + err.Error()})
			continue
		}
		out := l.takeOutside(name, &src)
		af := l.g.Files.Add(name, src)
		m.fileOf[name] = af
		if l.streaming && strings.HasSuffix(name, ".tf") {
			if l.outlineFile(m, name, src, out) {
				// What the outline keeps is copied, or points into
				// memory outside the heap: the content read from disk
				// is not held past here (graph.Files.Release). Memory
				// outside the heap the file cannot let go of is copied:
				// it is given back when the load ends.
				onDisk := l.opts.Read == nil || l.opts.OnDisk != nil && l.opts.OnDisk(name)
				if !(onDisk && l.g.Files.Release(name, name)) && out != nil {
					l.g.Files.Replace(name, bytes.Clone(src))
				}
				if out != nil {
					out.dropIdle() // the Release read the lines it keeps
				}
				continue
			}
			if out != nil {
				// The registered file must not hold memory the load
				// gives back: the whole load reads it again.
				l.g.Files.Replace(name, bytes.Clone(src))
			}
			l.failed = true
			return m
		}
		file, diags := l.parse(name, src)
		l.problems(diags)
		if file == nil {
			continue
		}
		content, _, _ := file.Body.PartialContent(topSchema)
		l.problems(topArguments(file))
		for _, b := range content.Blocks {
			m.addBlock(l, b)
		}
	}
	m.dropDuplicates(l)
	return m
}

// attrExpr is the expression of body's attribute name, or nil: read from
// a native body's own map (JustAttributes would copy every attribute to
// read one), from JustAttributes for any other.
func attrExpr(body hcl.Body, name string) hcl.Expression {
	if sb, ok := body.(*hclsyntax.Body); ok {
		if a := sb.Attributes[name]; a != nil {
			return a.Expr
		}
		return nil
	}
	attrs, _ := body.JustAttributes()
	if a, ok := attrs[name]; ok {
		return a.Expr
	}
	return nil
}

// topArguments reports the arguments at the top of a file in HCL's native
// syntax, in file order: Terraform's file schema has blocks only, and it
// refuses any argument there with HCL's "Unsupported argument" (in every
// version; the blocks it accepts grow with its versions, so an unknown
// block type is left to Terraform).
func topArguments(file *hcl.File) hcl.Diagnostics {
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok || len(body.Attributes) == 0 {
		return nil
	}
	attrs := make([]*hclsyntax.Attribute, 0, len(body.Attributes))
	for _, a := range body.Attributes {
		attrs = append(attrs, a)
	}
	slices.SortFunc(attrs, func(a, b *hclsyntax.Attribute) int {
		return cmp.Compare(a.NameRange.Start.Byte, b.NameRange.Start.Byte)
	})
	var diags hcl.Diagnostics
	for _, a := range attrs {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unsupported argument",
			Detail:   fmt.Sprintf("An argument named %q is not expected here: Terraform accepts only blocks at the top of a file (resource, variable, locals, module, …); move it into the block it belongs to, or into a locals block.", a.Name),
			Subject:  a.NameRange.Ptr(),
		})
	}
	return diags
}

// isOverrideFile reports a Terraform override file (override.tf,
// *_override.tf and their .tf.json forms), whose blocks redeclare the
// base file's on purpose.
func isOverrideFile(name string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(name), ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

// where returns a resource's file and declaration position.
func (r *resource) where() (file string, pos hcl.Pos) {
	if r.block != nil {
		return r.block.DefRange.Filename, r.block.DefRange.Start
	}
	return r.src.file, r.src.start
}

// dropDuplicates refuses what Terraform refuses: a second resource of one
// type and name in one module ("Duplicate resource configuration"). The
// second is reported where it is declared and left out, so that what a
// directory of separate examples declares twice (the provider's
// examples/) is not analysed as one estate. Override files (override.tf,
// *_override.tf) redeclare on purpose: after every primary file, each of
// their resources is merged into the one it overrides, as Terraform
// merges them ("Override Files": an attribute replaces the original's;
// nested blocks of a type replace all the original's blocks of that
// type; the rest stay).
func (m *module) dropDuplicates(l *loader) {
	type typeName struct{ typ, name string }
	first := make(map[typeName]*resource, len(m.resources))
	kept := m.resources[:0]
	var overrides []*resource
	for _, r := range m.resources {
		key := typeName{r.typ, r.name}
		file, pos := r.where()
		if isOverrideFile(file) {
			overrides = append(overrides, r)
			continue
		}
		prev, dup := first[key]
		if !dup {
			first[key] = r
			kept = append(kept, r)
			continue
		}
		if r.src != nil {
			// A streamed duplicate is never evaluated: its syntax is
			// still checked, as the whole parse checks it.
			m.dropped = append(m.dropped, r)
		}
		m.refused = true
		prevFile, prevPos := prev.where()
		f := l.g.Files.Get(file)
		if f == nil {
			continue
		}
		rel := prevFile
		if r, err := filepath.Rel(m.dir, prevFile); err == nil {
			rel = r
		}
		problemKey := fmt.Sprintf("duplicate:%s:%d", file, pos.Byte)
		if l.seenProblem[problemKey] {
			continue
		}
		l.seenProblem[problemKey] = true
		l.g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: f.Pos(pos.Byte), End: f.Pos(pos.Byte),
			Message: fmt.Sprintf("Duplicate resource %q configuration: a %s resource named %q was already declared at %s:%d, and resource names must be unique per type in each module, so terraform validate fails; rename one (if these files are separate examples, not one module, lint each file on its own). Until the module validates, chainlint leaves this declaration out and reads each of the module's files as its own estate: no chain crosses from one to another",
				r.typ, r.typ, r.name, filepath.ToSlash(rel), prevPos.Line)})
	}
	sort.SliceStable(overrides, func(i, j int) bool { a, _ := overrides[i].where(); b, _ := overrides[j].where(); return a < b })
	for _, o := range overrides {
		base := first[typeName{o.typ, o.name}]
		file, pos := o.where()
		if base == nil {
			if f := l.g.Files.Get(file); f != nil {
				l.g.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: f.Pos(pos.Byte), End: f.Pos(pos.Byte),
					Message: fmt.Sprintf("Missing base resource for override: there is no %s resource named %q in the module's other files for this override file to change, so terraform validate fails; declare it in a primary file, or remove the override", o.typ, o.name)})
			}
			continue
		}
		base.override(o)
	}
	m.resources = kept
}

// override merges an override file's resource into r.
func (r *resource) override(o *resource) {
	bb, ok1 := r.block.Body.(*hclsyntax.Body)
	ob, ok2 := o.block.Body.(*hclsyntax.Body)
	if !ok1 || !ok2 {
		return // a .tf.json override: not merged
	}
	attrs := make(hclsyntax.Attributes, len(bb.Attributes)+len(ob.Attributes))
	for k, v := range bb.Attributes {
		attrs[k] = v
	}
	for k, v := range ob.Attributes {
		attrs[k] = v
	}
	blockType := func(b *hclsyntax.Block) string {
		if b.Type == "dynamic" && len(b.Labels) > 0 {
			return b.Labels[0]
		}
		return b.Type
	}
	replaced := map[string]bool{}
	for _, b := range ob.Blocks {
		replaced[blockType(b)] = true
	}
	var blocks hclsyntax.Blocks
	for _, b := range bb.Blocks {
		if !replaced[blockType(b)] {
			blocks = append(blocks, b)
		}
	}
	blocks = append(blocks, ob.Blocks...)
	merged := *bb
	merged.Attributes, merged.Blocks = attrs, blocks
	block := *r.block
	block.Body = &merged
	r.block = &block
	if a, ok := attrs["count"]; ok {
		r.count = a.Expr
	}
	if a, ok := attrs["for_each"]; ok {
		r.forEach = a.Expr
	}
	r.dynamic = false
	for _, b := range blocks {
		r.dynamic = r.dynamic || b.Type == "dynamic"
	}
}

// noteUnread notes a Fastly resource that declares a service (domain or
// backend blocks) but is of a type chainlint does not read: its services
// would otherwise vanish without a word.
func (l *loader) noteUnread(typ string, b *hcl.Block, body *hclsyntax.Body) {
	if modelled(typ) || !strings.HasPrefix(typ, "fastly_") {
		return
	}
	if msg := nextProvider(typ, body); msg != "" {
		l.capped(b.DefRange, msg)
		return
	}
	for _, nb := range body.Blocks {
		if nb.Type == "domain" || nb.Type == "backend" {
			rng := b.DefRange
			l.capped(rng, fmt.Sprintf("skipped: resource type %s is not one chainlint reads (it reads fastly_service_vcl, fastly_service_v1 and fastly_service_compute), so the service it declares is not analysed", typ))
			return
		}
	}
}

// nextProvider says why a resource of Fastly's next Terraform provider
// (fastly/terraform-provider-fastly-beta) that chainlint does not know is
// not analysed, or "" for any other resource.
func nextProvider(typ string, body *hclsyntax.Body) string {
	_, id := body.Attributes["service_id"]
	_, version := body.Attributes["version"]
	return nextProviderNote(typ, len(body.Blocks) > 0, id && version)
}

// nextProviderNote is nextProvider's message for a resource of type typ
// with or without nested blocks and with or without both service_id and
// version, in either input kind (HCL or terraform show -json). A
// fastly_service_compute without nested blocks that nothing joins is read
// as the current provider's, and the note says what else it may be.
func nextProviderNote(typ string, nested, versioned bool) string {
	const next = "Fastly's next Terraform provider (fastly/terraform-provider-fastly-beta)"
	if typ == "fastly_service_compute" && !nested {
		return "this fastly_service_compute has no nested blocks and no versioned resource names it: read as the current provider's resource, it declares an empty service; if it is the explicit fastly_service_compute of " + next + ", name that provider's source (" + BetaSource + ") in required_providers, and its domains, backends and package are read from the resources that name it by service_id and version"
	}
	if versioned && strings.HasPrefix(typ, "fastly_service_") && !nextKnown(typ) {
		return fmt.Sprintf("skipped: resource type %s (a versioned object: it names its service with service_id and version) belongs to %s, and chainlint does not know it, so it is not analysed", typ, next)
	}
	return ""
}

func (m *module) addBlock(l *loader, b *hcl.Block) {
	switch b.Type {
	case "resource":
		r := &resource{typ: b.Labels[0], name: b.Labels[1], block: b, dynamic: true}
		if body, ok := b.Body.(*hclsyntax.Body); ok {
			r.dynamic = false
			for _, nb := range body.Blocks {
				r.dynamic = r.dynamic || nb.Type == "dynamic"
			}
			l.noteUnread(r.typ, b, body)
		}
		r.count, r.forEach = attrExpr(b.Body, "count"), attrExpr(b.Body, "for_each")
		m.resources = append(m.resources, r)
	case "action":
		content, _, _ := b.Body.PartialContent(actionSchema)
		if content == nil || !nextActions[b.Labels[0]] {
			return
		}
		if len(content.Blocks) == 0 {
			return
		}
		// The config block stands for the action's body: its attributes
		// are the action's inputs.
		b0 := content.Blocks[0]
		blk := &hcl.Block{Type: b.Type, Labels: b.Labels, Body: b0.Body, DefRange: b.DefRange, TypeRange: b.TypeRange, LabelRanges: b.LabelRanges}
		r := &resource{typ: b.Labels[0], name: b.Labels[1], block: blk}
		if a, ok := content.Attributes["count"]; ok {
			r.count = a.Expr
		}
		if a, ok := content.Attributes["for_each"]; ok {
			r.forEach = a.Expr
		}
		m.resources = append(m.resources, r)
	case "terraform":
		content, _, _ := b.Body.PartialContent(terraformSchema)
		if content == nil {
			return
		}
		for _, rp := range content.Blocks {
			attrs, _ := rp.Body.JustAttributes()
			for name, a := range attrs {
				v, diags := a.Expr.Value(nil)
				if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute("source") {
					continue
				}
				src := v.GetAttr("source")
				if src.Type() != cty.String || src.IsNull() {
					continue
				}
				if name == "fastly" || strings.Contains(strings.ToLower(src.AsString()), "fastly/fastly") {
					m.provider = &providerSource{source: src.AsString(), rng: a.Expr.Range()}
				}
			}
		}
	case "data":
		if m.data[b.Labels[0]] == nil {
			m.data[b.Labels[0]] = map[string]bool{}
		}
		m.data[b.Labels[0]][b.Labels[1]] = true
		switch b.Labels[0] {
		case "template_file":
			if m.templates == nil {
				m.templates = map[string]hcl.Attributes{}
			}
			attrs, _ := b.Body.JustAttributes()
			m.templates[b.Labels[1]] = attrs
		case "fastly_package_hash":
			if m.packageHashes == nil {
				m.packageHashes = map[string]hcl.Attributes{}
			}
			attrs, _ := b.Body.JustAttributes()
			m.packageHashes[b.Labels[1]] = attrs
		case "external":
			if m.externals == nil {
				m.externals = map[string]hcl.Attributes{}
			}
			attrs, _ := b.Body.JustAttributes()
			m.externals[b.Labels[1]] = attrs
		}
	case "variable":
		v := &variable{name: b.Labels[0], decl: b}
		attrs, _ := b.Body.JustAttributes()
		if a, ok := attrs["default"]; ok {
			v.deflt, v.hasDflt = a.Expr, true
		}
		if a, ok := attrs["type"]; ok {
			if ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(a.Expr); !diags.HasErrors() {
				v.typ, v.defaults = &ty, defaults
			}
		}
		m.variables[v.name] = v
	case "locals":
		attrs, diags := b.Body.JustAttributes()
		l.problems(diags)
		for name, a := range attrs {
			m.locals[name] = a
		}
	case "module":
		c := &moduleCall{name: b.Labels[0], block: b}
		attrs, _ := b.Body.JustAttributes()
		c.attrs = attrs
		if a, ok := attrs["source"]; ok {
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type().FriendlyName() == "string" && v.IsKnown() {
				c.source = v.AsString()
			}
		}
		m.calls = append(m.calls, c)
	case "output":
		attrs, _ := b.Body.JustAttributes()
		if a, ok := attrs["value"]; ok {
			m.outputs[b.Labels[0]] = a
		}
	}
}

// localSource resolves a module call's source when it is a local path.
func (c *moduleCall) localSource(parent string) (string, bool) {
	if strings.HasPrefix(c.source, "./") || strings.HasPrefix(c.source, "../") {
		return filepath.Clean(filepath.Join(parent, c.source)), true
	}
	return "", false
}

// problems records HCL diagnostics of error severity as parse errors.
func (l *loader) problems(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError || d.Subject == nil {
			continue
		}
		p := graph.Problem{Rule: graph.RuleParseError, Pos: l.pos(*d.Subject, false), End: l.pos(*d.Subject, true), Message: diagText(d)}
		key := fmt.Sprintf("%d %s", p.Pos, p.Message)
		if l.seenProblem[key] {
			continue
		}
		l.seenProblem[key] = true
		l.g.AddProblem(p)
	}
}

func diagText(d *hcl.Diagnostic) string {
	detail := d.Detail
	switch d.Summary {
	case "Call to unknown function", "Unknown variable", "Unsupported attribute":
		// HCL suggests the first close name in a map's iteration order,
		// which differs from run to run (and a streamed load's contexts
		// hold fewer names).
		detail, _, _ = strings.Cut(detail, " Did you mean")
	}
	if detail != "" {
		return fmt.Sprintf("%s: %s", d.Summary, detail)
	}
	return d.Summary
}

// bytes returns the bytes from offset from to offset to of f, a .tf file
// or an alias of one: from its content while the load holds it, else from
// the text of the resource being built, else read again from the file;
// ok is false when the range is not in the file.
func (l *loader) bytes(f *graph.File, from, to int) (b []byte, ok bool) {
	if f == nil {
		return nil, false
	}
	if p := l.piece; f.Released() && p != nil && p.file == f.Name && from >= p.start.Byte && to >= from && to <= p.start.Byte+len(p.text) {
		return p.text[from-p.start.Byte : to-p.start.Byte], true
	}
	b, err := f.Range(from, to)
	return b, err == nil
}

// file returns a registered file as the instance being built sees it:
// the first module instance to build objects from a file positions them
// in the file itself, any other in an alias of it (see Files.Alias).
func (l *loader) file(name string) *graph.File {
	if l.scope == "" {
		return l.registered(name)
	}
	if l.claims == nil {
		l.claims = map[string]string{}
	}
	claim, ok := l.claims[name]
	if !ok {
		l.claims[name] = l.scope
		claim = l.scope
	}
	if claim == l.scope {
		return l.registered(name)
	}
	return l.g.Files.Alias(name, l.scope)
}

// registered is Files.Get(name), the last file found kept.
func (l *loader) registered(name string) *graph.File {
	if name == l.lastName && l.lastFile != nil {
		return l.lastFile
	}
	f := l.g.Files.Get(name)
	if f != nil {
		l.lastName, l.lastFile = name, f
	}
	return f
}

// pos maps an HCL range's start (or end) to a position in the graph.
func (l *loader) pos(r hcl.Range, end bool) token.Pos {
	f := l.file(r.Filename)
	if f == nil {
		return 0
	}
	if end {
		return f.Pos(r.End.Byte)
	}
	return f.Pos(r.Start.Byte)
}

// parseResult is a parsed file and its diagnostics, as cached.
type parseResult struct {
	file  *hcl.File
	diags hcl.Diagnostics
}

// parse parses an HCL or HCL-JSON file through the graph's parse cache.
// The name is part of the key: positions carry it.
func (l *loader) parse(name string, src []byte) (*hcl.File, hcl.Diagnostics) {
	return Parse(l.g.Memo, name, src)
}

// Parse parses an HCL or HCL-JSON file through a parse cache, taking what
// ParseAhead put there.
func Parse(m *memo.Cache, name string, src []byte) (*hcl.File, hcl.Diagnostics) {
	r := m.Take("hcl:"+name, src, func() any { return parseHCLFile(name, src) }).(parseResult)
	return r.file, r.diags
}

// ParseAhead parses a file into the cache for Parse to take (the parallel
// read-ahead of loading calls it).
func ParseAhead(m *memo.Cache, name string, src []byte) {
	m.Get("hcl:"+name, src, func() any { return parseHCLFile(name, src) })
}

func parseHCLFile(name string, src []byte) parseResult {
	if off, deep := tooDeep(src); deep {
		p := hcl.Pos{Line: 1 + strings.Count(string(src[:off]), "\n"), Byte: off}
		p.Column = off - strings.LastIndexByte(string(src[:off]), '\n')
		return parseResult{nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: fmt.Sprintf("nesting deeper than %d levels", maxNesting),
			Subject: &hcl.Range{Filename: name, Start: p, End: p}}}}
	}
	if strings.HasSuffix(name, ".json") {
		f, d := hcljson.Parse(src, name)
		return parseResult{f, d}
	}
	f, d := parseConfig(src, name)
	return parseResult{f, d}
}

// maxNesting bounds the nesting of brackets in an HCL file: hclsyntax
// recurses without a limit, and a stack overflow cannot be recovered.
const maxNesting = 1000

// tooDeep finds where a file nests brackets deeper than maxNesting,
// outside strings and comments. It errs on the side of counting (heredoc
// text is counted too), which matters only for hostile input.
func tooDeep(src []byte) (int, bool) {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"':
			for i++; i < len(src) && src[i] != '"' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			for i += 2; i+1 < len(src) && !(src[i] == '*' && src[i+1] == '/'); i++ {
			}
			i++
		case c == '(' || c == '[' || c == '{':
			depth++
			if depth > maxNesting {
				return i, true
			}
		case c == ')' || c == ']' || c == '}':
			depth--
		}
	}
	return 0, false
}
