package rules

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/english"
	"github.com/chainlint/chainlint/internal/textdist"
)

// storeKindName is how messages name a store type.
func storeKindName(t string) string {
	switch graph.StoreType(t) {
	case graph.KVStore:
		return "KV store"
	case graph.ConfigStore:
		return "config store"
	case graph.SecretStore:
		return "secret store"
	}
	return "store"
}

// refText is the call as written; refFrom says where its name came from.
func refText(r *graph.CodeRef) string {
	if r.Const != "" {
		return fmt.Sprintf("%s(%s)", r.Call, r.Const)
	}
	return fmt.Sprintf("%s(%q)", r.Call, r.Name.Value)
}

func refFrom(r *graph.CodeRef) string {
	if r.Const != "" {
		return fmt.Sprintf(" (the value of constant %s)", r.Const)
	}
	return ""
}

func suggestion(name string, candidates []string) string {
	if best, ok := textdist.Closest(name, candidates, max(3, len(name)/2)); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

func listNames(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(slices.Sorted(slices.Values(names)), ", ") // a copy: names may be the graph's
}

func refRelated(r *graph.CodeRef) []analysis.RelatedInformation {
	if r.Const == "" {
		return nil
	}
	return []analysis.RelatedInformation{related(r.ConstPos.Pos, r.ConstPos.End, "constant %s is declared here", r.Const)}
}

// UnknownStoreReference reports code that opens a store the service has
// no resource link for.
var UnknownStoreReference = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "unknown-store-reference",
		Doc: `Compute code opens a store by a name the service has no resource link for

Code opens a store by its resource-link name (KVStore::open("n"),
new KVStore("n"), kvstore.Open("n")). A name no link of the service has
fails at run time, while local tests pass against [local_server]. Names
come from string literals or from constants declared in the same file;
names computed at run time are skipped. The links are the service's (from
an export or Terraform) and the project's [setup] stores, which the Fastly
CLI links under their own names. A public project shipped exactly this: its
manifest declared the KV store "usernames" while the code's constant said
"divine-names". When the service is not among the inputs and [setup]
declares no store at all, the links were made by hand (or by Terraform not
given): they are unknown, and one unknown-value note says the names go
unchecked. A config store may also be the service's own edge dictionary
(the API's dictionaries, Terraform's dictionary block): ConfigStore::open
opens one by its name, with no link, and Dictionary opens (the SDKs'
older name) are not checked.

Bad:

    # fastly.toml
    [setup.kv_stores.usernames]
    // src/main.rs
    const KV_STORE_NAME: &str = "divine-names";
    let store = KVStore::open(KV_STORE_NAME)?;

Good:

    const KV_STORE_NAME: &str = "usernames";`,
		Requires: graphRequires,
		Run:      runUnknownStoreReference,
	},
}

func runUnknownStoreReference(pass *analysis.Pass) (any, error) {
	g := analyzer.GraphOf(pass)
	for _, s := range g.Services {
		if s.Project() == nil || s.Project().LinksUnknown {
			continue // the links are unknown (an unknown-value note says so)
		}
		for _, r := range s.Project().Refs {
			if r.Kind == "backend" || r.Kind == graph.CodeRefDictionary || !r.Name.Known() {
				continue // a Dictionary may open the service's own edge dictionary
			}
			if r.Kind == string(graph.ConfigStore) && (s.DictionaryUnknown() || slices.Contains(s.Dictionaries(), r.Name.Value)) {
				continue // the service's own edge dictionary, opened as a config store
			}
			var names []string
			var wrongType *graph.Link
			found := false
			for _, l := range s.Links {
				if !l.Name.Known() {
					found = true // an unknown link name could be this one
					continue
				}
				names = append(names, l.Name.Value)
				if l.Name.Value == r.Name.Value {
					if t := linkType(g, l); t != "" && string(t) != r.Kind {
						wrongType = l
					} else {
						found = true
					}
				}
			}
			if found {
				continue
			}
			msg := fmt.Sprintf("%s opens %s %q%s, but service %q has no resource link of that name (its links: %s)%s",
				refText(r), storeKindName(r.Kind), r.Name.Value, refFrom(r), s.Label(), listNames(names), suggestion(r.Name.Value, names))
			if wrongType != nil {
				msg = fmt.Sprintf("%s opens %s %q%s, but the resource link %q of service %q is a %s",
					refText(r), storeKindName(r.Kind), r.Name.Value, refFrom(r), r.Name.Value, s.Label(), storeKindName(string(linkType(g, wrongType))))
			}
			pass.Report(analysis.Diagnostic{Pos: r.Name.Pos, End: r.Name.End(), Message: msg, Related: refRelated(r)})
		}
	}
	return nil, nil
}

// UnknownBackendReference reports code that sends to a backend the
// service lacks.
var UnknownBackendReference = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "unknown-backend-reference",
		Doc: `Compute code sends requests to a backend the service does not have

req.send("b"), fetch(req, { backend: "b" }) and req.Send(ctx, "b") name a
backend of the service. A name the service lacks fails at run time. The
backends are the service's (from an export or Terraform) and the project's
[setup] backends, and the dynamic backends the code registers by a name
it writes (Rust Backend::builder("name", …), JavaScript new Backend({
name: "name", … }), Go fsthttp.RegisterDynamicBackend("name", …)); when
it registers one under a name it computes, the project's sends are not
judged. When the service is not among the inputs and [setup] declares no
backend (fastly compute deploy then asks for them), the backends are
unknown and one unknown-value note says so.

Bad:

    # fastly.toml
    [setup.backends.api]
    // src/index.js
    fetch(req, { backend: "origin" });

Good:

    fetch(req, { backend: "api" });`,
		Requires: graphRequires,
		Run:      runUnknownBackendReference,
	},
}

func runUnknownBackendReference(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		if s.Project() == nil || s.Project().BackendsUnknown || s.Project().DynamicComputed {
			// The backends are unknown (an unknown-value note says so), or
			// the code registers backends under names it computes.
			continue
		}
		var names []string
		unknown := false
		for _, b := range s.Backends {
			if !b.Name.Known() {
				unknown = true
			}
			names = append(names, b.Name.Value)
		}
		if unknown {
			continue
		}
		dynamic := s.Project().DynamicBackends
		known := slices.Concat(names, dynamic)
		for _, r := range s.Project().Refs {
			if r.Kind != "backend" || !r.Name.Known() || slices.Contains(known, r.Name.Value) {
				continue
			}
			registered := ""
			if len(dynamic) > 0 {
				registered = fmt.Sprintf("; its code registers: %s", listNames(dynamic))
			}
			pass.Report(analysis.Diagnostic{
				Pos: r.Name.Pos, End: r.Name.End(),
				Message: fmt.Sprintf("%s sends to backend %q%s, but service %q has no backend of that name (its backends: %s%s)%s",
					refText(r), r.Name.Value, refFrom(r), s.Label(), listNames(names), registered, suggestion(r.Name.Value, known)),
				Related: refRelated(r),
			})
		}
	}
	return nil, nil
}

// LocalSetupDrift reports [local_server] and [setup] (or the deployed
// service) disagreeing.
var LocalSetupDrift = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "local-setup-drift",
		Doc: `fastly.toml's [local_server] and the deployed service name different stores or backends

The local test server provides what [local_server] lists; the deployed
service has what [setup] created (and what an export or Terraform says it
has). When a name is in one and not the other, local runs prove nothing:
code passes locally against a store or backend production lacks, or the
reverse. Use the same names in both. An empty [local_server] table, as
the starter kits scaffold it, is no local set-up: the rule stays silent.

Bad:

    [setup.kv_stores.usernames]
    [local_server.kv_stores]
    divine-names = [{key = "a", data = "b"}]

Good:

    [setup.kv_stores.usernames]
    [local_server.kv_stores]
    usernames = [{key = "a", data = "b"}]`,
		Requires: graphRequires,
		Run:      runLocalSetupDrift,
	},
}

// isOriginless reports the placeholder backend "originless" at 127.0.0.1
// that the Fastly CLI creates for a Compute project without an origin.
func isOriginless(b *graph.Backend) bool {
	return b.Name.Value == "originless" && graph.NormalizeHost(b.Address.Value) == "127.0.0.1"
}

func runLocalSetupDrift(pass *analysis.Pass) (any, error) {
	g := analyzer.GraphOf(pass)
	for _, s := range g.Services {
		if s.Project() == nil || s.Project().Local == nil || s.Project().LinksUnknown && s.Project().BackendsUnknown {
			continue // the service's side is unknown (a note says so)
		}
		local := s.Project().Local
		if len(local.Stores) == 0 && len(local.Backends) == 0 {
			// An empty [local_server], as the starter kits scaffold it:
			// no local set-up to drift from (rust-lang/simpleinfra's
			// docs-rs project has one, and never runs locally).
			continue
		}
		links := map[string]*graph.Link{}
		for _, l := range s.Links {
			links[l.Name.Value] = l
		}
		localStores := map[string]bool{}
		for _, ls := range local.Stores {
			localStores[ls.Name.Value] = true
			if links[ls.Name.Value] == nil && !s.Project().LinksUnknown {
				pass.Report(analysis.Diagnostic{Pos: ls.Name.Pos, End: ls.Name.End(),
					Message: fmt.Sprintf("[local_server] provides %s %q, but service %q has no resource link of that name: code that opens it passes locally and fails deployed", storeKindName(string(ls.Type)), ls.Name.Value, s.Label())})
			}
		}
		for _, l := range s.Links {
			if !localStores[l.Name.Value] && l.Name.Known() {
				pos, end := at(l.Name, l.Span)
				pass.Report(analysis.Diagnostic{Pos: pos, End: end,
					Message: fmt.Sprintf("service %q links %q, but [local_server] provides no store of that name: code that opens it fails in local tests", s.Label(), l.Name.Value)})
			}
		}
		localBackends := map[string]bool{}
		for _, b := range local.Backends {
			localBackends[b.Value] = true
			found := false
			for _, sb := range s.Backends {
				found = found || sb.Name.Value == b.Value
			}
			if !found && !s.Project().BackendsUnknown {
				pass.Report(analysis.Diagnostic{Pos: b.Pos, End: b.End(),
					Message: fmt.Sprintf("[local_server] provides backend %q, but service %q has no backend of that name: code that sends to it passes locally and fails deployed", b.Value, s.Label())})
			}
		}
		for _, b := range s.Backends {
			if isOriginless(b) {
				continue // the CLI's placeholder for a project without an origin: no code sends to it
			}
			if !localBackends[b.Name.Value] && b.Name.Known() && len(local.Backends) > 0 {
				pos, end := at(b.Name, b.Span)
				pass.Report(analysis.Diagnostic{Pos: pos, End: end,
					Message: fmt.Sprintf("service %q has backend %q, but [local_server] provides none of that name: code that sends to it fails in local tests", s.Label(), b.Name.Value)})
			}
		}
	}
	return nil, nil
}

// UnusedResourceLink reports links no scanned code opens.
var UnusedResourceLink = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: "unused-resource-link",
		Doc: `a resource link that no scanned code of the Compute project opens

Only when the project's code was scanned and every store name in it is a
literal or a constant: a name computed at run time could be any link, so
the rule stays silent then. An unused link counts against the 50-link
limit and keeps a store reachable for no reason.

Bad:

    [setup.kv_stores.legacy_sessions]   # nothing opens "legacy_sessions"

Good:

    remove the link, or open it where it is needed`,
		Requires: graphRequires,
		Run:      runUnusedResourceLink,
	},
}

func runUnusedResourceLink(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		p := s.Project()
		if p == nil || p.Files == 0 || p.Computed > 0 {
			continue
		}
		opened := map[string]bool{}
		for _, r := range p.Refs {
			if r.Kind != "backend" {
				opened[r.Name.Value] = true
			}
		}
		for _, l := range s.Links {
			if !l.Name.Known() || opened[l.Name.Value] {
				continue
			}
			pos, end := at(l.Name, l.Span)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end,
				Message: fmt.Sprintf("no code of the Compute project of service %q opens resource link %q (%s scanned); remove the link, or open it where it is needed", s.Label(), l.Name.Value, english.Plural(p.Files, "source file"))})
		}
	}
	return nil, nil
}

// ComputeToVCLWithoutPass reports Compute code that sends, without a pass
// cache override, to a backend that reaches a VCL service.
var ComputeToVCLWithoutPass = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: "compute-to-vcl-without-pass",
		Doc: `a Compute service caches responses of the VCL service it chains to

A Compute service's backend fetches go through Fastly's readthrough cache
unless the request passes. When the backend is a VCL service, both services
cache the same response: the VCL service's custom TTLs and the processing
it does before caching are applied twice, and a purge must reach both.
Fastly's service chaining guide advises, for a Compute service in front of
a VCL service, that the Compute service pass its backend fetches so the VCL
service owns caching (https://www.fastly.com/documentation/guides/concepts/service-chaining).

The pass forms chainlint recognises, written in the same function before
the send:

- Rust (fastly crate): req.set_pass(true), req.with_pass(true),
  CacheOverride::Pass or CacheOverride::pass() given to
  set_cache_override / with_cache_override;
- JavaScript (@fastly/js-compute): new CacheOverride("pass"), in fetch's
  cacheOverride option or req.setCacheOverride;
- Go (compute-sdk-go): req.CacheOptions.Pass = true.

The rule is a note: caching in both services can be intended (a short TTL
in front of a slow VCL service). Ignore it inline where it is.

Bad:

    // the backend "vcl" has override_host = "www.example.com", a VCL service
    let resp = req.send("vcl")?;

Good:

    req.set_pass(true);
    let resp = req.send("vcl")?;`,
		Requires: chainRequires,
		Run:      runComputeToVCLWithoutPass,
	},
}

func runComputeToVCLWithoutPass(pass *analysis.Pass) (any, error) {
	seen := map[*graph.CodeRef]bool{}
	for _, r := range analyzer.ChainsOf(pass).Routes {
		s := r.From()
		if r.To == nil || r.Loopback() || s.Platform != graph.PlatformCompute || r.To.Platform != graph.PlatformVCL || s.Project() == nil || !r.Backend.Name.Known() {
			continue
		}
		for _, ref := range s.Project().Refs {
			if ref.Kind != "backend" || ref.Pass || !ref.Name.Known() || ref.Name.Value != r.Backend.Name.Value || seen[ref] {
				continue
			}
			seen[ref] = true
			rel := []analysis.RelatedInformation{related(r.Backend.Pos, r.Backend.End, "backend %q reaches VCL service %q", r.Backend.Name.Value, r.To.Label())}
			pass.Report(analysis.Diagnostic{
				Pos: ref.Pos, End: ref.End,
				Message: fmt.Sprintf("%s sends to backend %q%s, which reaches VCL service %q, without a pass cache override, so Compute service %q caches what the VCL service caches (its TTLs and processing apply twice, and purges must reach both); to let the VCL service own caching, %s",
					refText(ref), ref.Name.Value, refFrom(ref), r.To.Label(), s.Label(), passHint(ref.Call)),
				Related: append(rel, refRelated(ref)...),
			})
		}
	}
	return nil, nil
}

// passHint says how to pass in the SDK a call belongs to.
func passHint(call string) string {
	switch call {
	case "fetch":
		return `add cacheOverride: new CacheOverride("pass") to fetch's options (import { CacheOverride } from "fastly:cache-override")`
	case ".Send":
		return "set req.CacheOptions.Pass = true before req.Send"
	}
	return "call req.set_pass(true) before sending"
}
