package graph

import (
	"go/token"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/chainlint/chainlint/internal/memo"
)

// Platform is the kind of Fastly service (one byte: a service's flags
// and numbers share a word).
type Platform uint8

// The two platforms a Fastly service runs on. The API spells Compute "wasm".
const (
	PlatformVCL Platform = iota + 1
	PlatformCompute
)

// String is the platform's name, "vcl" or "compute" ("" for none).
func (p Platform) String() string {
	switch p {
	case PlatformVCL:
		return "vcl"
	case PlatformCompute:
		return "compute"
	}
	return ""
}

// Field is one configuration value together with where it was written.
// A field that is absent from the source has Set == false and no position.
//
// Its end is held as a length (End), so that the flags pack with it:
// a string field is 32 bytes (not 40), an int 24, a bool 16 (a backend
// holds nine).
type Field[T any] struct {
	Pos token.Pos
	n   uint32 // End - Pos
	// Set reports whether the source wrote the field at all.
	Set bool
	// Unknown reports a value that is written but cannot be known before
	// deployment (a Terraform value computed at apply time). Rules that
	// need it stay silent.
	Unknown bool
	Value   T
}

// End is where the field's source ends (Pos when it has no extent).
func (f Field[T]) End() token.Pos { return f.Pos + token.Pos(f.n) }

// At returns f positioned at pos..end (an end before pos is pos).
func (f Field[T]) At(pos, end token.Pos) Field[T] {
	f.Pos, f.n = pos, Length(pos, end)
	return f
}

// Length is end - pos as a compact length: 0 when end is before pos, at
// most 4 GiB (no file is that large). An object that holds its end as
// pos + Length packs it with its flags.
func Length(pos, end token.Pos) uint32 {
	if end <= pos {
		return 0
	}
	return uint32(min(int64(end-pos), math.MaxUint32))
}

// Known reports whether the field is written and its value is known.
func (f Field[T]) Known() bool { return f.Set && !f.Unknown }

// Span is the extent of a configuration object in its file. The driver uses
// spans to attribute a finding to the innermost object that contains it.
type Span struct {
	Pos, End token.Pos
}

// Span returns the span itself; it lets every node satisfy the Object interface.
func (s Span) Span() Span { return s }

// Object is any node of the graph.
type Object interface {
	Span() Span
}

// Service is one Fastly service at the version chainlint analyses.
type Service struct {
	Span
	ID       Field[string]
	Name     Field[string]
	Domains  []*Domain
	Backends []*Backend
	Snippets []*Snippet
	VCLs     []*VCLSource
	Links    []*Link
	// Rare holds what few services have: API objects of the generated VCL,
	// edge dictionaries, a Compute project. Nil for most; read it with
	// Conditions, Headers, RequestSettings, Dictionaries,
	// DictionaryUnknown and Project, and fill it through WithRare.
	Rare *ServiceRare
	// VCL holds what the service's custom VCL and snippets say, once the
	// VCL front end has read them (nil for Compute and VCL-less services).
	VCL *VCLFacts
	// Terraform is what a Terraform declaration says of the service that
	// the API does not hold (nil from other sources).
	Terraform *TerraformInfo
	// Deploy is what a Terraform configuration says of how the service is
	// deployed: the package it uploads, what stages it. Nil when it says
	// neither (most services): read it with Package and Staged.
	Deploy *Deploy
	// File is the name of the file that declares the service.
	File string
	// Version is the analysed version number (0 when the source has none).
	Version  int32
	Platform Platform
}

// ServiceRare is what few services have (Service.Rare): a service is 256
// bytes, not 352, without it.
type ServiceRare struct {
	// Conditions, Headers and RequestSettings are the API objects whose
	// generated VCL Fastly renders at the #FASTLY recv macro: backend
	// selection by a backend's request condition, request header rewrites
	// (a Host rewrite among them) and request settings (default_host,
	// action pass).
	Conditions      []*Condition
	Headers         []*Header
	RequestSettings []*RequestSetting
	// Project is the Compute project (fastly.toml and its code) that
	// deploys to the service, when one was found.
	Project *Project
	// Dictionaries are the names of the service's own edge dictionaries
	// (the API's dictionaries, Terraform's dictionary blocks): Compute
	// code opens one as a config store (ConfigStore::open, as Dictionary
	// did), with no resource link. DictionaryUnknown reports one whose
	// name is known only at apply time.
	Dictionaries      []string
	DictionaryUnknown bool
}

// WithRare returns s.Rare, made when it is nil, for a loader to fill.
func (s *Service) WithRare() *ServiceRare { return made(&s.Rare) }

// rare is s.Rare, or noServiceRare when it is nil: for reading only.
func (s *Service) rare() *ServiceRare { return orNone(s.Rare, &noServiceRare) }

// noServiceRare is the ServiceRare of a service that has none (never
// written).
var noServiceRare ServiceRare

// Conditions is ServiceRare.Conditions.
func (s *Service) Conditions() []*Condition { return s.rare().Conditions }

// Headers is ServiceRare.Headers.
func (s *Service) Headers() []*Header { return s.rare().Headers }

// RequestSettings is ServiceRare.RequestSettings.
func (s *Service) RequestSettings() []*RequestSetting { return s.rare().RequestSettings }

// Dictionaries is ServiceRare.Dictionaries.
func (s *Service) Dictionaries() []string { return s.rare().Dictionaries }

// DictionaryUnknown is ServiceRare.DictionaryUnknown.
func (s *Service) DictionaryUnknown() bool { return s.rare().DictionaryUnknown }

// Project is ServiceRare.Project.
func (s *Service) Project() *Project { return s.rare().Project }

// Scope isolates the service's chain (TerraformInfo.Scope): empty for
// the estate.
func (s *Service) Scope() string {
	if s.Terraform == nil {
		return ""
	}
	return s.Terraform.Scope
}

// VersionNumber is n as a Service's Version: 0 (none) when it is out of a
// version number's range (negative, or past int32), as for a source that
// names none.
func VersionNumber(n int64) int32 {
	if n < 0 || n > math.MaxInt32 {
		return 0
	}
	return int32(n)
}

// Deploy is how a Terraform configuration deploys a service, beyond
// its configuration (a pointer of Service's: few services have one, and
// a service is 64 bytes smaller for it).
type Deploy struct {
	// Package is the absolute path of the package a Compute service
	// deploys (Terraform's package { filename }, or the file its
	// source_code_hash hashes), positioned at the attribute: a Compute
	// project whose directory holds it is this service's.
	Package Field[string]
	// Staged is set when the configuration stages the service's version
	// (the next Terraform provider's fastly_service_version_stage action,
	// or stage = true): it names what stages it, positioned there.
	Staged Field[string]
}

// Package is the package the service deploys (Deploy.Package); unset
// when the configuration names none.
func (s *Service) Package() Field[string] { return s.deploy().Package }

// Staged names what stages the service's version (Deploy.Staged); unset
// when nothing does.
func (s *Service) Staged() Field[string] { return s.deploy().Staged }

// deploy is s.Deploy, or noDeploy when it is nil: for reading only.
func (s *Service) deploy() *Deploy { return orNone(s.Deploy, &noDeploy) }

// noDeploy is the Deploy of a service that has none (never written).
var noDeploy Deploy

// made returns *p, made first when it is nil: what a service or its facts
// hold behind a pointer few have (Deploy, Rare), for a loader to fill.
func made[T any](p **T) *T {
	if *p == nil {
		*p = new(T)
	}
	return *p
}

// orNone returns p, or none (a zero value never written) when p is nil:
// for reading only.
func orNone[T any](p, none *T) *T {
	if p == nil {
		return none
	}
	return p
}

// Deploys returns s.Deploy, made when it is nil, for a loader to fill.
func (s *Service) Deploys() *Deploy { return made(&s.Deploy) }

// TerraformInfo is a Terraform service resource's address, activation
// and ordering, for what a change's apply does (chainlint diff).
type TerraformInfo struct {
	Address string // fastly_service_vcl.www[0], module.x.fastly_service_vcl.y
	// Activate is the resource's activate argument (unset: true).
	Activate Field[bool]
	// DependsOn lists the resources its depends_on names, as
	// "type.name" or "module.name".
	DependsOn []string
	// BackendRefs are, for each backend whose address or override_host
	// refers to resources or modules, those ("type.name",
	// "module.name"): Backend.Refs. (Here, not in every backend: few
	// backends have any.)
	BackendRefs map[*Backend][]string
	// Scope isolates the service's chain: its backends reach only domains
	// of services of the same scope, and its domains are duplicates only
	// of domains in that scope. Empty for the estate. A Terraform module
	// that Terraform refuses for a duplicate declaration is not one
	// configuration (the provider's examples/ is a directory of separate
	// examples): the services of each of its files are scoped to that
	// file (its name), and those of a module a file calls to the file.
	// (Here, not in every service: only Terraform scopes services.)
	Scope string
	// Root is the directory of the root module the service was evaluated
	// in, where terraform runs: services of two roots are two states,
	// which may or may not be applied to one account.
	Root string
}

// TerraformAddressBase drops a Terraform address's instance keys:
// module.a[0].x.y["k"] is module.a.x.y, as the configuration names it.
func TerraformAddressBase(addr string) string {
	var b strings.Builder
	depth := 0
	inString := false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case inString:
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
		case c == '"' && depth > 0:
			inString = true
		case c == '[':
			depth++
		case c == ']':
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Label is the service's human name: its name, else its ID.
func (s *Service) Label() string {
	if s.Name.Value != "" {
		return s.Name.Value
	}
	if s.ID.Value != "" {
		return s.ID.Value
	}
	return "(unnamed service)"
}

// Domain is a hostname a service answers for. It may be a wildcard
// ("*.example.com"), which matches exactly one label.
type Domain struct {
	Span
	Service *Service
	Name    Field[string]
}

// Backend is where a service sends requests it does not answer itself.
type Backend struct {
	Span
	Service         *Service
	Name            Field[string]
	Address         Field[string]
	Port            Field[int]
	OverrideHost    Field[string]
	UseSSL          Field[bool]
	SSLCertHostname Field[string]
	SSLSNIHostname  Field[string]
	Shield          Field[string]
	// RequestCondition names the condition under which Fastly's generated
	// VCL selects the backend ("" for a backend selected by default).
	RequestCondition Field[string]
	// VCL is what a VCL backend declaration says beyond the API's
	// fields; nil for a backend of the API (most of them).
	VCL *VCLBackend
	// Setter writes new fields into the backend's declaration, in the
	// syntax of its file. Nil when the source cannot be edited mechanically.
	Setter FieldSetter
}

// Refs are the Terraform resources and modules the backend's address and
// override_host refer to ("type.name", "module.name"): Terraform orders
// an apply by them (TerraformInfo.BackendRefs).
func (b *Backend) Refs() []string {
	if b.Service == nil || b.Service.Terraform == nil {
		return nil
	}
	return b.Service.Terraform.BackendRefs[b]
}

// VCLBackend holds the fields only a VCL backend declaration has.
type VCLBackend struct {
	HostHeader            Field[string]
	AlwaysUseHostHeader   Field[bool]
	BypassLocalRouteTable Field[bool]
}

// VCLName is how VCL refers to the backend: a VCL declaration's own name,
// or F_ + the API name with every character other than letters, digits
// and underscores replaced by "_", as Fastly's generated VCL spells it.
func (b *Backend) VCLName() string {
	if b.VCL != nil {
		return b.Name.Value
	}
	out := []byte("F_" + b.Name.Value)
	for i := 2; i < len(out); i++ {
		c := out[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			out[i] = '_'
		}
	}
	return string(out)
}

// VCLFacts is what chain rules need from a service's VCL.
type VCLFacts struct {
	// HostSets are the "set bereq.http.host = …" statements reached from
	// vcl_miss and vcl_pass.
	HostSets []*HostSet
	// BackendSelects are static "set req.backend = F_x;" statements.
	BackendSelects []*BackendSelect
	// Headers are the literal header values the service's VCL sets and
	// checks that may be half of a shared secret (HeaderFacts); nil for
	// most services. Read them with HeaderSets and HeaderChecks.
	Headers *HeaderFacts
	// ForwardedHeaders are all request headers set on the way to a backend
	// (literal or computed, e.g. an HMAC signature); GuardHeaders are the
	// request headers vcl_recv reads in if-conditions: what a service can
	// use to tell its chain's traffic from direct traffic. Each header
	// once, at its first place.
	ForwardedHeaders []HeaderName
	GuardHeaders     []HeaderName
	// Exits are the ways a request leaves the service for a backend, as
	// the request-flow model (package vclmodel) runs the effective VCL:
	// custom VCL with snippets at their #FASTLY macros by priority, or
	// Fastly's boilerplate. Nil when the model did not run (a service
	// whose VCL did not parse): rules then fall back to HostSets.
	Exits []*Exit
	// ExitsMerged reports that the model merged paths to stay within its
	// bound: some exits stand for several paths and carry no conditions.
	ExitsMerged bool
	// ContentUnknown reports custom VCL or a snippet whose content is
	// known only at apply time: the Host the VCL sends is then unknown.
	ContentUnknown bool
	// Rare holds what few services' VCL has: nil for most (read it with
	// HashCustom, HashKey, LiteralKeys, Unrendered and MissingSubs).
	Rare *VCLRare
}

// HeaderFacts are request headers set to a literal on the way to a
// backend (bereq.http.X, or req.http.X: Sets), and request headers
// compared with a literal in vcl_recv where a mismatch is refused
// (HeaderValue.Refuses: Checks; the literals of the other comparisons are
// masked as secrets all the same). Host is neither: a hostname is public
// (it is what routes the request), not a secret. Values are never kept:
// only a fingerprint, so that two services can be matched without a
// secret ever reaching an output.
//
// Both hold only what is half of a shared secret: sets another service
// checks and checks another service sets. Until every service is read, a
// service's sets and checks are only their fingerprints, SetPrints and
// CheckPrints (VCL with routing tables sets and compares hundreds of
// headers a service). (A pointer of VCLFacts': once every service is
// read, few services have any, and the facts are 96 bytes smaller.)
type HeaderFacts struct {
	Sets        []*HeaderValue
	Checks      []*HeaderValue
	SetPrints   []Fingerprint `json:"-"`
	CheckPrints []Fingerprint `json:"-"`
}

// HeaderSets are the service's literal header sets that another service
// checks (HeaderFacts.Sets).
func (f *VCLFacts) HeaderSets() []*HeaderValue { return orNone(f.Headers, &noHeaderFacts).Sets }

// HeaderChecks are the service's refusing header checks that another
// service's sets match (HeaderFacts.Checks).
func (f *VCLFacts) HeaderChecks() []*HeaderValue { return orNone(f.Headers, &noHeaderFacts).Checks }

// noHeaderFacts is the HeaderFacts of facts that have none (never
// written).
var noHeaderFacts HeaderFacts

// VCLRare is what few services' VCL has, apart from VCLFacts so that a
// service's facts are 96 bytes smaller.
type VCLRare struct {
	// HashCustom locates custom vcl_hash code (nil when the default key
	// is used); HashKey fingerprints that code, so two services' keys can
	// be compared.
	HashCustom *Span
	HashKey    string
	// LiteralKeys locate digest.hmac_* calls keyed by a string literal.
	LiteralKeys []*LiteralKey
	// Unrendered are snippets of a subroutine type whose #FASTLY macro the
	// custom VCL lacks: Fastly never renders them.
	Unrendered []*Snippet
	// MissingSubs are the subroutines of Unrendered snippets that the
	// custom VCL does not define at all (by name: "recv").
	MissingSubs []string
}

// WithRare returns f.Rare, made when it is nil, for the VCL model to fill.
func (f *VCLFacts) WithRare() *VCLRare { return made(&f.Rare) }

// rare is f.Rare, or noRare when it is nil: for reading only.
func (f *VCLFacts) rare() *VCLRare { return orNone(f.Rare, &noRare) }

// noRare is the VCLRare of facts that have none (never written).
var noRare VCLRare

// HashCustom is VCLRare.HashCustom (nil when f has no Rare).
func (f *VCLFacts) HashCustom() *Span { return f.rare().HashCustom }

// HashKey is VCLRare.HashKey.
func (f *VCLFacts) HashKey() string { return f.rare().HashKey }

// LiteralKeys is VCLRare.LiteralKeys.
func (f *VCLFacts) LiteralKeys() []*LiteralKey { return f.rare().LiteralKeys }

// Unrendered is VCLRare.Unrendered.
func (f *VCLFacts) Unrendered() []*Snippet { return f.rare().Unrendered }

// MissingSubs is VCLRare.MissingSubs.
func (f *VCLFacts) MissingSubs() []string { return f.rare().MissingSubs }

// Exit is one path of a request through a VCL service to a backend fetch.
type Exit struct {
	// Sub is where the backend request leaves: "vcl_miss" or "vcl_pass".
	Sub string
	// Backend is the VCL name req.backend holds on the path ("" when the
	// path leaves the choice to Fastly's generated backend selection, or
	// sets it to something that is not a declared backend).
	Backend string
	// NotBackends are backends the path excludes (it took the false side
	// of req.backend == F_x) while Backend is "".
	NotBackends []string
	Host        ExitHost
	// Conditions are the path's conditions as written in the VCL, a
	// negated one as "!(…)"; Shield is +1 when the path requires
	// req.backend.is_shield, -1 when it requires its negation, else 0.
	Conditions []string
	Shield     int
	// Eval decides each condition (same index) for one request, where the
	// condition can be decided statically (known is false otherwise); nil
	// for a condition nothing decides.
	Eval []Decider `json:"-"`
}

// A Decider decides a path's condition for one request: known is false
// where the request alone does not decide it.
type Decider interface {
	Decide(req *Request) (holds, known bool)
}

// Request is one request as trace follows it: what VCL conditions on
// req.method, req.url and req.http.* can be decided from.
type Request struct {
	Method string
	// URL is the path and query, as req.url holds them ("/a?b=1").
	URL string
	// Headers maps lower-case header names to values (Host included).
	Headers map[string]string
	// IsShield is req.backend.is_shield where the request is evaluated:
	// true at the edge POP for a shielded backend.
	IsShield bool
}

// Takes reports whether a request takes the path: true or false when
// every condition can be decided, and known false when one cannot.
func (e *Exit) Takes(req *Request) (takes, known bool) {
	known = true
	for i := range e.Conditions {
		if i >= len(e.Eval) || e.Eval[i] == nil {
			known = false
			continue
		}
		holds, ok := e.Eval[i].Decide(req)
		switch {
		case !ok:
			known = false
		case !holds:
			return false, true
		}
	}
	return known, known
}

// ExitHostKind is what a path leaves in bereq.http.host.
type ExitHostKind int

// What bereq.http.host holds at the end of a path.
const (
	// ExitHostClient: the client's Host, copied from req when the backend
	// request started and not changed since.
	ExitHostClient ExitHostKind = iota
	// ExitHostLiteral: a literal hostname set in VCL (in vcl_recv to
	// req.http.host, or in vcl_miss / vcl_pass to bereq.http.host).
	ExitHostLiteral
	// ExitHostDynamic: a computed value chainlint cannot know.
	ExitHostDynamic
	// ExitHostUnset: unset bereq.http.host (or req.http.host before the
	// copy). Fastly does not document what it then sends; chainlint
	// assumes the request is not routed to a chained service.
	ExitHostUnset
)

// ExitHost is the Host a path sends and the statement that decided it
// (a zero Span for the client's Host).
type ExitHost struct {
	Span
	Kind  ExitHostKind
	Value string
}

// Describe renders a path for messages: "when the request takes vcl_pass
// and req.url ~ "^/a"".
func (e *Exit) Describe() string {
	s := "when the request takes " + e.Sub
	for _, c := range e.Conditions {
		s += " and " + c
	}
	return s
}

// HostSet is one assignment of the backend request's Host header.
type HostSet struct {
	Span
	Sub string // "vcl_miss" or "vcl_pass"
	// Host is the literal value ("" with Dynamic when it is computed).
	Host    string
	Dynamic bool
	// Condition is the source of the if-conditions guarding the statement
	// ("" when unconditional); ShieldOnly marks a guard of
	// req.backend.is_shield (the switch-services-while-shielding pattern).
	Condition  string
	ShieldOnly bool
}

// BackendSelect is a static backend selection in VCL.
type BackendSelect struct {
	Span
	Sub     string
	Backend string // the VCL name, F_x
}

// HeaderName is a request header a service sets or reads, where it
// does. (A value, 32 bytes: VCL that names a hundred headers costs a
// hundred.)
type HeaderName struct {
	Span
	Header string // canonical lower case, without req.http. / bereq.http.
}

// HeaderValue is a header set to, or compared with, a literal.
type HeaderValue struct {
	Span
	Sub    string
	Header string // canonical lower case, without req.http. / bereq.http.
	// Fingerprint identifies the header and its literal without
	// revealing the literal (zero for a computed value): equal
	// fingerprints are the same header set to, or compared with, the
	// same value.
	Fingerprint Fingerprint
	// Secret locates the literal's value, inside its quotes (what an
	// output masks when the value is a secret).
	Secret Span
	// Refuses marks a check that is an access check: when the header does
	// not match, the request ends with an error (vclmodel's
	// refusesOnMismatch).
	Refuses bool
}

// Fingerprint is the first 12 bytes of a SHA-256 of a literal: equal
// literals have equal fingerprints, and the literal cannot be read back.
type Fingerprint [12]byte

// LiteralKey is a keyed digest whose key is written in the VCL.
type LiteralKey struct {
	Span
	Func string
	// Secret locates the key's value, inside its quotes.
	Secret Span
}

// The priority Fastly gives an object whose priority is not written
// depends on the interface that created it: the API's default is 100 for
// conditions, headers and snippets (its reference: "[default to 100]");
// the Terraform provider's schema defaults a condition block to 10 and
// header and snippet blocks to 100. Loaders fill the default in with
// WithDefault, so that objects from different interfaces order as Fastly
// orders them. Lower runs first.
const (
	DefaultPriorityAPI                = 100
	DefaultConditionPriorityTerraform = 10
	DefaultPriorityTerraform          = 100
)

// WithDefault returns f holding def as its value when the source does not
// write the field (Set stays false: the source still does not write it).
func WithDefault[T any](f Field[T], def T) Field[T] {
	if !f.Set {
		f.Value = def
	}
	return f
}

// Snippet is a VCL snippet of a VCL service.
type Snippet struct {
	Span
	Name     Field[string]
	Type     Field[string]
	Priority Field[int]
	Content  Text
}

// Condition is a named condition: a VCL expression that other objects
// (backends, headers, request settings) apply under.
type Condition struct {
	Span
	Name      Field[string]
	Statement Text
	Type      Field[string] // REQUEST, CACHE, RESPONSE or PREFETCH
	Priority  Field[int]
}

// Header is a header object: a rewrite Fastly renders in generated VCL.
type Header struct {
	Span
	Name   Field[string]
	Type   Field[string] // request, fetch, cache or response
	Action Field[string] // set, append, delete, regex, regex_repeat
	// Dst is the header written ("http.Host"); Src a VCL expression.
	Dst              Field[string]
	Src              Text
	RequestCondition Field[string]
	IgnoreIfSet      Field[bool]
	Priority         Field[int]
}

// RequestSetting is a request settings object.
type RequestSetting struct {
	Span
	Name             Field[string]
	DefaultHost      Field[string]
	Action           Field[string] // "", lookup or pass
	RequestCondition Field[string]
}

// VCLSource is one custom VCL file of a VCL service.
type VCLSource struct {
	Span
	Name    Field[string]
	Main    Field[bool]
	Content Text
}

// Link is a resource link: a service's named handle on a shared store.
type Link struct {
	Span
	Service      *Service
	Name         Field[string]
	ResourceID   Field[string]
	ResourceType Field[string]
}

// StoreType is the kind of a shared store, spelled as the API spells it.
type StoreType string

// The store types Fastly links to services.
const (
	KVStore     StoreType = "kv-store"
	ConfigStore StoreType = "config-store"
	SecretStore StoreType = "secret-store"
)

// NormalizeStoreType maps the API's spellings (including the older
// "object-store" name for KV stores) to a StoreType; unknown spellings are
// returned lower-cased as they are.
func NormalizeStoreType(s string) StoreType {
	switch t := strings.ToLower(strings.TrimSpace(s)); t {
	case "kv-store", "kv_store", "kvstore", "object-store", "object_store", "kv":
		return KVStore
	case "config-store", "config_store", "configstore", "config":
		return ConfigStore
	case "secret-store", "secret_store", "secretstore", "secret":
		return SecretStore
	default:
		return StoreType(t)
	}
}

// Store is an account-level KV, config or secret store.
type Store struct {
	Span
	ID   Field[string]
	Name Field[string]
	Type StoreType
}

// Project is a Compute project: its manifest and what its code opens.
type Project struct {
	Manifest string // the fastly.toml file
	// Files counts the source files read (0: the code was not scanned);
	// Refs are the store opens and backend sends found in them; Computed
	// counts calls whose name is computed at run time (skipped).
	Files    int
	Refs     []*CodeRef
	Computed int
	// Local is the [local_server] view (nil when the manifest has none).
	Local *LocalServer
	// LinksUnknown and BackendsUnknown report a project whose service is
	// not among the inputs and whose [setup] does not declare that kind
	// (no store table, no backend table, or no [setup] at all): what the
	// service links, or where it sends, was made by hand, by Terraform
	// not among the inputs, or by fastly compute deploy's prompts. It is
	// unknown, not empty, so no code reference of that kind is judged.
	LinksUnknown, BackendsUnknown bool
	// DynamicBackends are the names the code registers dynamic backends
	// under (Backend::builder, new Backend({name}), RegisterDynamicBackend);
	// DynamicComputed reports one whose name is known at run time only.
	DynamicBackends []string
	DynamicComputed bool
}

// CodeRefDictionary is the kind of a Dictionary open (the SDKs' older
// name for a config store, which also opens a service's own edge
// dictionary): it uses a config-store link of that name if there is one,
// and is checked against none.
const CodeRefDictionary = "dictionary"

// CodeRef is a store open or backend send in a Compute project's code.
type CodeRef struct {
	Span // the call
	// Kind is a StoreType ("kv-store", …), "backend", or
	// CodeRefDictionary.
	Kind string
	// Name is the name opened, positioned at the argument.
	Name Field[string]
	// Const names the constant the name came from ("" for a literal);
	// ConstPos locates its declaration.
	Const    string
	ConstPos Span
	Call     string // the call as written: KVStore::open
	// Pass reports a backend send that a pass cache override covers
	// (req.set_pass(true), new CacheOverride("pass"), CacheOptions.Pass
	// = true) in the same function, before the send.
	Pass bool
}

// LocalServer is the local test server's world from fastly.toml.
type LocalServer struct {
	Span
	Backends []Field[string]
	Stores   []LocalStore
}

// LocalStore is a store the local server provides.
type LocalStore struct {
	Type StoreType
	Name Field[string]
}

// Problem is an input that could not be read or parsed. Problems are
// reported by the rule named in Rule and make the run incomplete.
type Problem struct {
	Rule     RuleID // RuleParseError, RuleVCLSyntax, …
	Pos, End token.Pos
	// File names the input when Pos is unknown (an unreadable file).
	File    string
	Message string
}

// Graph is everything chainlint loaded: the service graph's nodes, the
// files they came from, and what could not be loaded.
type Graph struct {
	Files    *Files
	Services []*Service
	Stores   []*Store
	// StoresListed reports whether any input listed the account's stores,
	// so that a link to a store not among them is suspicious.
	StoresListed bool
	Problems     []Problem
	// Notes are what loaders could not evaluate but did not prevent
	// analysis (a Terraform value known only at apply time): reported by
	// their Rule, they do not make the run incomplete.
	Notes []Problem
	// Secrets locate values chainlint recognises as secrets, inside their
	// quotes (literal
	// header values two services share, literal HMAC keys): every output
	// masks these bytes wherever it would show source text.
	Secrets []Span
	// VCLModelled reports that the VCL model (package vclmodel) has read
	// every VCL service: Service.VCL, the backends VCL declares, its
	// syntax problems and the secrets it recognises are in the graph.
	VCLModelled bool

	storesByID map[string]*Store

	// Memo caches parse results across analyses (nil: parse every time).
	Memo *memo.Cache
	// Prepare, while a load runs, reads a service as soon as a loader has
	// built it, on the goroutine that built it; sink collects what the
	// reading reports (the fragment the service was built in, when
	// services load in parallel). lint sets it to the VCL model's reading
	// of one service, which then runs while the service is fresh in
	// memory and alongside the rest of the load. A loader may ignore it:
	// the VCL model's pass reads every service not read yet.
	Prepare func(sink *Graph, s *Service)
}

// NewGraph returns an empty graph over a fresh file set.
func NewGraph() *Graph {
	return &Graph{Files: NewFiles()}
}

// Fset is the file set all positions of the graph belong to. Its files
// hold no line tables: turn a position into file:line:column with
// g.Files.Position.
func (g *Graph) Fset() *token.FileSet { return g.Files.Fset }

// AddProblem records an input that could not be analysed.
func (g *Graph) AddProblem(p Problem) { g.Problems = append(g.Problems, p) }

// Finish orders services, stores and problems by position, so that every
// derived result is independent of the order in which files loaded, and
// builds the graph's look-up indexes. Loaders call it once, after the last
// file is added.
func (g *Graph) Finish() {
	sort.SliceStable(g.Services, func(i, j int) bool { return g.Services[i].Pos < g.Services[j].Pos })
	sort.SliceStable(g.Stores, func(i, j int) bool { return g.Stores[i].Pos < g.Stores[j].Pos })
	sort.SliceStable(g.Problems, func(i, j int) bool {
		a, b := g.Problems[i], g.Problems[j]
		if a.Pos != b.Pos {
			return a.Pos < b.Pos
		}
		return a.File < b.File
	})
	g.Problems = dedupeProblems(g.Problems)
	g.storesByID = make(map[string]*Store, len(g.Stores))
	for _, s := range g.Stores {
		if _, dup := g.storesByID[s.ID.Value]; !dup {
			g.storesByID[s.ID.Value] = s
		}
	}
}

// dedupeProblems drops a problem reported twice at one place (a .vcl file
// the walk found that a Terraform file() also reads).
func dedupeProblems(ps []Problem) []Problem {
	seen := map[Problem]bool{}
	out := ps[:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// SecretRanges returns the byte ranges of a file that hold the inside of
// a secret literal (its quotes stay visible), for outputs to mask. The
// spans are the values' own, mapped through whatever encodes them (an
// escaped quote in HCL or JSON is two bytes, not one).
func (g *Graph) SecretRanges(name string) [][2]int {
	var out [][2]int
	for _, s := range g.Secrets {
		f := g.Files.Of(s.Pos)
		if f == nil || f.Name != name || !s.End.IsValid() {
			continue
		}
		start, end := f.TF.Offset(s.Pos), f.TF.Offset(s.End)
		if end > start {
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

// StoreByID returns the store with the given ID, or nil.
func (g *Graph) StoreByID(id string) *Store {
	return g.storesByID[id]
}

// Fragment returns an empty graph over g's files, parse cache and
// Prepare, for a loader to fill on a goroutine of its own; Merge adds it
// to g.
func (g *Graph) Fragment() *Graph { return &Graph{Files: g.Files, Memo: g.Memo, Prepare: g.Prepare} }

// Merge adds what fragments loaded (their services, stores, problems,
// notes and secrets) to g, in order. Each list grows once, to its final
// length: merged one fragment at a time, a list of megabytes (the secrets
// of VCL that sets hundreds of literal headers a service) regrew by a
// quarter per fragment, some 6 times its size in copies left to the
// collector (2,000 services with 10 KB of VCL each: 12 MB).
func (g *Graph) Merge(frags ...*Graph) {
	var services, stores, problems, notes, secrets int
	for _, f := range frags {
		services += len(f.Services)
		stores += len(f.Stores)
		problems += len(f.Problems)
		notes += len(f.Notes)
		secrets += len(f.Secrets)
	}
	g.Services = slices.Grow(g.Services, services)
	g.Stores = slices.Grow(g.Stores, stores)
	g.Problems = slices.Grow(g.Problems, problems)
	g.Notes = slices.Grow(g.Notes, notes)
	g.Secrets = slices.Grow(g.Secrets, secrets)
	for _, f := range frags {
		g.Services = append(g.Services, f.Services...)
		g.Stores = append(g.Stores, f.Stores...)
		g.StoresListed = g.StoresListed || f.StoresListed
		g.Problems = append(g.Problems, f.Problems...)
		g.Notes = append(g.Notes, f.Notes...)
		g.Secrets = append(g.Secrets, f.Secrets...)
	}
}
