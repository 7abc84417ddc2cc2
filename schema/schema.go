// Package schema is chainlint's one description of the Fastly objects it
// reads: for each object, its fields as the graph holds them (the Go field
// of the graph type), as the Fastly API names them (API exports, YAML
// bundles, what `chainlint pull` writes), as the Terraform provider names
// them (HCL and `terraform show -json`), older spellings still read, and
// defaults that differ by interface.
//
// Every format's reader presents an object through Source and calls Read,
// which fills the graph object from the table: adding a field Fastly
// defines is one entry here (and the graph type's field), and the tests
// load a document with every field in each format and check that each
// reader delivered every one.
package schema

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/chainlint/chainlint/graph"
)

// Format is how an interface names an object's fields.
type Format int

// The two ways Fastly's interfaces name fields.
const (
	// API is the Fastly API's JSON (exports, YAML bundles, pull).
	API Format = iota
	// Terraform is the Terraform provider's schema (HCL, show -json).
	Terraform
)

// Kind is a field's value type.
type Kind int

// The value types of Fastly objects' fields.
const (
	String Kind = iota
	Int
	Bool
)

// Field is one field of a Fastly object.
type Field struct {
	// Go is the graph type's field that holds it (graph.Field[string],
	// graph.Field[int], graph.Field[bool] or graph.Text); "" for a field
	// no rule reads, which pull keeps for people reading the bundle.
	Go string
	// Kind is the value's type; for a field the graph holds, resolve
	// sets it from the graph field's type.
	Kind Kind
	// API and TF are its names in each format; "" means the format does
	// not have the field.
	API, TF string
	// OldAPI and OldTF are older names, read when the current one is not
	// written (the API's "hostname" for a backend's address; the
	// provider < 1.0's "ssl_hostname" for both TLS names).
	OldAPI, OldTF string
	// Ref marks a Terraform value that is usually a reference to another
	// resource (a resource link's resource_id): readers that can keep the
	// reference's text do.
	Ref bool
	// Default is the value Fastly uses where the field is not written, by
	// format (the API's and the provider's priorities differ); nil: none
	// that matters.
	Default map[Format]int
}

// Name returns the field's name in a format.
func (f *Field) Name(format Format) string {
	if format == Terraform {
		return f.TF
	}
	return f.API
}

// Old returns the field's older name in a format, or "".
func (f *Field) Old(format Format) string {
	if format == Terraform {
		return f.OldTF
	}
	return f.OldAPI
}

// Object is one kind of Fastly object.
type Object struct {
	// Name is how messages name the object ("backend", "request setting").
	Name string
	// Type is the graph type that holds it.
	Type reflect.Type
	// List is the API's key for the version's list of these objects;
	// Block the Terraform provider's nested block; Resource the next
	// provider's explicit resource type. "" where the format has none.
	List, Block, Resource string
	Fields                []*Field

	once  sync.Once
	index []int // Fields[i]'s struct field index in Type
	span  int   // the index of Type's embedded graph.Span, or -1
	// what[format][i] and whatOld[format][i] name Fields[i] in messages
	// ("backend address").
	what, whatOld [2][]string
}

func priority(api, tf int) map[Format]int { return map[Format]int{API: api, Terraform: tf} }

// The objects. Sources: the Fastly API reference (docs/rules cite the
// pages per rule) and the Terraform provider's resource documentation
// (fastly_service_vcl, fastly_service_compute and the next provider's
// versioned resources).
var (
	Domain = &Object{Name: "domain", Type: reflect.TypeFor[graph.Domain](), List: "domains", Block: "domain", Resource: "fastly_service_domain",
		Fields: []*Field{
			{Go: "Name", API: "name", TF: "name"},
			{API: "comment", TF: "comment"},
		}}
	Backend = &Object{Name: "backend", Type: reflect.TypeFor[graph.Backend](), List: "backends", Block: "backend", Resource: "fastly_service_backend",
		Fields: []*Field{
			{Go: "Name", API: "name", TF: "name"},
			{Go: "Address", API: "address", TF: "address", OldAPI: "hostname"},
			{Go: "Port", API: "port", TF: "port"},
			{Go: "OverrideHost", API: "override_host", TF: "override_host"},
			{Go: "UseSSL", API: "use_ssl", TF: "use_ssl"},
			{Go: "SSLCertHostname", API: "ssl_cert_hostname", TF: "ssl_cert_hostname", OldTF: "ssl_hostname"},
			{Go: "SSLSNIHostname", API: "ssl_sni_hostname", TF: "ssl_sni_hostname", OldTF: "ssl_hostname"},
			{Go: "Shield", API: "shield", TF: "shield"},
			{Go: "RequestCondition", API: "request_condition", TF: "request_condition"},
		}}
	Snippet = &Object{Name: "snippet", Type: reflect.TypeFor[graph.Snippet](), List: "snippets", Block: "snippet", Resource: "fastly_service_snippet",
		Fields: []*Field{
			{Go: "Name", API: "name", TF: "name"},
			{Go: "Type", API: "type", TF: "type"},
			{Go: "Priority", API: "priority", TF: "priority", Default: priority(graph.DefaultPriorityAPI, graph.DefaultPriorityTerraform)},
			{API: "dynamic", Kind: Bool}, // the provider: a dynamicsnippet block
			{Go: "Content", API: "content", TF: "content"},
		}}
	Condition = &Object{Name: "condition", Type: reflect.TypeFor[graph.Condition](), List: "conditions", Block: "condition", Resource: "fastly_service_condition",
		Fields: []*Field{
			{Go: "Name", API: "name", TF: "name"},
			{Go: "Statement", API: "statement", TF: "statement"},
			{Go: "Type", API: "type", TF: "type"},
			{Go: "Priority", API: "priority", TF: "priority", Default: priority(graph.DefaultPriorityAPI, graph.DefaultConditionPriorityTerraform)},
		}}
	Header = &Object{Name: "header", Type: reflect.TypeFor[graph.Header](), List: "headers", Block: "header", Resource: "fastly_service_header",
		Fields: []*Field{
			{Go: "Name", API: "name", TF: "name"},
			{Go: "Type", API: "type", TF: "type"},
			{Go: "Action", API: "action", TF: "action"},
			{Go: "Dst", API: "dst", TF: "destination"},
			{Go: "Src", API: "src", TF: "source"},
			{Go: "RequestCondition", API: "request_condition", TF: "request_condition"},
			{Go: "IgnoreIfSet", API: "ignore_if_set", TF: "ignore_if_set"},
			{Go: "Priority", API: "priority", TF: "priority", Default: priority(graph.DefaultPriorityAPI, graph.DefaultPriorityTerraform)},
		}}
	RequestSetting = &Object{Name: "request setting", Type: reflect.TypeFor[graph.RequestSetting](), List: "request_settings", Block: "request_setting", Resource: "fastly_service_request_setting",
		Fields: []*Field{
			{Go: "Name", API: "name", TF: "name"},
			{Go: "DefaultHost", API: "default_host", TF: "default_host"},
			{Go: "Action", API: "action", TF: "action"},
			{Go: "RequestCondition", API: "request_condition", TF: "request_condition"},
		}}
	VCL = &Object{Name: "vcl", Type: reflect.TypeFor[graph.VCLSource](), List: "vcls", Block: "vcl", Resource: "fastly_service_custom_vcl",
		Fields: []*Field{
			{Go: "Name", API: "name", TF: "name"},
			{Go: "Main", API: "main", TF: "main"},
			{Go: "Content", API: "content", TF: "content"},
		}}
	Link = &Object{Name: "resource link", Type: reflect.TypeFor[graph.Link](), List: "resource_links", Block: "resource_link", Resource: "fastly_service_resource_link",
		Fields: []*Field{
			{Go: "Name", API: "name", TF: "name"},
			{Go: "ResourceID", API: "resource_id", TF: "resource_id", Ref: true},
			{Go: "ResourceType", API: "resource_type"}, // the provider infers it
		}}
)

// Objects lists every object above.
var Objects = []*Object{Domain, Backend, Snippet, Condition, Header, RequestSetting, VCL, Link}

// Source is one object as a format presents it. Each method reads the
// field of that name (what names it in a message about a wrong type);
// a field not written is the zero value (Set false).
type Source interface {
	Format() Format
	String(name, what string) graph.Field[string]
	Int(name, what string) graph.Field[int]
	Bool(name, what string) graph.Field[bool]
	Text(name, what string) graph.Text
	// Ref reads a value that may be a reference (Field.Ref); a reader
	// that cannot tell reads it as String.
	Ref(name, what string) graph.Field[string]
}

var (
	stringType = reflect.TypeFor[graph.Field[string]]()
	intType    = reflect.TypeFor[graph.Field[int]]()
	boolType   = reflect.TypeFor[graph.Field[bool]]()
	textType   = reflect.TypeFor[graph.Text]()
)

func (o *Object) resolve() {
	o.once.Do(func() {
		o.span = -1
		if sf, ok := o.Type.FieldByName("Span"); ok && sf.Anonymous && len(sf.Index) == 1 && sf.Type == reflect.TypeFor[graph.Span]() {
			o.span = sf.Index[0]
		}
		for _, f := range o.Fields {
			index := -1
			if f.Go != "" {
				sf, ok := o.Type.FieldByName(f.Go)
				if !ok || len(sf.Index) != 1 {
					panic(fmt.Sprintf("schema: %s has no field %s", o.Type, f.Go))
				}
				switch sf.Type {
				case stringType, textType:
					f.Kind = String
				case intType:
					f.Kind = Int
				case boolType:
					f.Kind = Bool
				default:
					panic(fmt.Sprintf("schema: %s.%s is a %s, not a graph.Field or graph.Text", o.Type, f.Go, sf.Type))
				}
				index = sf.Index[0]
			}
			o.index = append(o.index, index)
			for _, format := range []Format{API, Terraform} {
				o.what[format] = append(o.what[format], o.Name+" "+f.Name(format))
				o.whatOld[format] = append(o.whatOld[format], o.Name+" "+f.Old(format))
			}
		}
	})
}

// Read fills dst, a pointer to the object's graph type, with every field
// src's format has. Older names are read where the current one is not
// written; defaults apply where neither is.
func (o *Object) Read(src Source, dst any) {
	o.resolve()
	v := reflect.ValueOf(dst).Elem()
	if v.Type() != o.Type {
		panic(fmt.Sprintf("schema: Read of %s into %s", o.Type, v.Type()))
	}
	format := src.Format()
	for i, f := range o.Fields {
		name := f.Name(format)
		if name == "" || f.Go == "" {
			continue
		}
		p := v.Field(o.index[i]).Addr().Interface()
		if readInto(src, f, p, name, o.what[format][i]) {
			continue
		}
		if old := f.Old(format); old != "" && readInto(src, f, p, old, o.whatOld[format][i]) {
			continue
		}
		if def, ok := f.Default[format]; ok {
			ip := p.(*graph.Field[int])
			*ip = graph.WithDefault(*ip, def)
		}
	}
}

// readInto reads the field name of src into p and reports whether it is
// written.
func readInto(src Source, f *Field, p any, name, what string) bool {
	switch p := p.(type) {
	case *graph.Field[string]:
		if f.Ref {
			*p = src.Ref(name, what)
		} else {
			*p = src.String(name, what)
		}
		return p.Set
	case *graph.Field[int]:
		*p = src.Int(name, what)
		return p.Set
	case *graph.Field[bool]:
		*p = src.Bool(name, what)
		return p.Set
	case *graph.Text:
		*p = src.Text(name, what)
		return p.Set
	}
	return false
}

// New returns a new graph object of type T (the kind's graph type, which
// embeds graph.Span) at span, its fields read from src.
func New[T any](kind *Object, src Source, span graph.Span) *T {
	kind.resolve()
	v := new(T)
	rv := reflect.ValueOf(v).Elem()
	if kind.span < 0 || rv.Type() != kind.Type {
		panic(fmt.Sprintf("schema: New[%s] of %s", rv.Type(), kind.Type))
	}
	*rv.Field(kind.span).Addr().Interface().(*graph.Span) = span
	kind.Read(src, v)
	return v
}

// Resolve checks the object's fields against its graph type (it panics on
// a mismatch) and sets the kind of those the graph holds; Read calls it.
func (o *Object) Resolve() *Object {
	o.resolve()
	return o
}

// Names returns every field name of every object in a format, current
// and older (the Terraform evaluator reads these attributes).
func Names(format Format) []string {
	seen := map[string]bool{}
	var out []string
	for _, o := range Objects {
		for _, f := range o.Fields {
			for _, n := range []string{f.Name(format), f.Old(format)} {
				if n != "" && !seen[n] {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
	}
	return out
}
