package rules

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/english"
)

// MaxLinksPerService is Fastly's limit on resource links per service.
const MaxLinksPerService = 50

// TooManyLinks reports services with more resource links than Fastly allows.
var TooManyLinks = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "too-many-links",
		Doc: `a service has more than 50 resource links

Fastly allows at most 50 resource links (links to KV, config and secret
stores) per service; the API refuses the 51st. The finding points at the
first link over the limit. Merge stores, or split the service.

Bad:

    "resource_links": [ ... 51 links ... ]

Good:

    "resource_links": [ ... at most 50 links ... ]`,
		Requires: graphRequires,
		Run:      runTooManyLinks,
	},
}

func runTooManyLinks(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		if len(s.Links) <= MaxLinksPerService {
			continue
		}
		l := s.Links[MaxLinksPerService]
		pass.Report(analysis.Diagnostic{
			Pos: l.Pos, End: l.End,
			Message: fmt.Sprintf("service %q has %d resource links; Fastly allows at most %d per service, so the API refuses this one%s; merge stores or split the service",
				s.Label(), len(s.Links), MaxLinksPerService, refusedAfter(len(s.Links)-MaxLinksPerService-1)),
		})
	}
	return nil, nil
}

func refusedAfter(n int) string {
	if n == 0 {
		return ""
	}
	return " and the " + english.Plural(n, "link") + " after it"
}

// linkType is a link's store type: its resource_type, else its store's.
func linkType(g *graph.Graph, l *graph.Link) graph.StoreType {
	if l.ResourceType.Known() && l.ResourceType.Value != "" {
		return graph.NormalizeStoreType(l.ResourceType.Value)
	}
	if l.ResourceID.Known() {
		if st := g.StoreByID(l.ResourceID.Value); st != nil {
			return st.Type
		}
	}
	return ""
}

// InvalidLinkName reports link names that break their store type's rule.
var InvalidLinkName = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "invalid-link-name",
		Doc: `a resource link's name breaks the naming rule of the store it links to

A link name has the naming constraints of the resource it links to, and
code opens a store by its link name. Config store names: 1–255 characters,
starting with an ASCII letter, then only ASCII letters, digits, underscores
and spaces (so no dashes). KV store names: 1–255 characters, no control
characters. Secret store names: 1–255 bytes of letters, digits, dashes,
underscores and periods. The message suggests a valid name.

Bad:

    "resource_links": [{"name": "edge-config", "resource_id": "cs1",
                        "resource_type": "config-store"}]

Good:

    "resource_links": [{"name": "edge_config", "resource_id": "cs1",
                        "resource_type": "config-store"}]`,
		Requires: graphRequires,
		Run:      runInvalidLinkName,
	},
}

func runInvalidLinkName(pass *analysis.Pass) (any, error) {
	g := analyzer.GraphOf(pass)
	for _, s := range g.Services {
		for _, l := range s.Links {
			if !l.Name.Known() {
				continue
			}
			typ := linkType(g, l)
			why, suggestion := checkLinkName(typ, l.Name.Value)
			if why == "" {
				continue
			}
			msg := fmt.Sprintf("resource link name %q is not a valid %s name: %s", l.Name.Value, typ, why)
			if suggestion != "" && suggestion != l.Name.Value {
				msg += fmt.Sprintf("; rename it, e.g. to %q (and open it by that name in code)", suggestion)
			}
			pos, end := at(l.Name, l.Span)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg})
		}
	}
	return nil, nil
}

// checkLinkName returns why name is invalid for a store type ("" when
// valid or the type is unknown) and a valid name close to it.
func checkLinkName(typ graph.StoreType, name string) (why, suggestion string) {
	if name == "" {
		return "it is empty", ""
	}
	switch {
	case len(name) > 255:
		why = fmt.Sprintf("it is %d bytes long, over the limit of 255", len(name))
	case typ == graph.ConfigStore && (rune(name[0]) > unicode.MaxASCII || !unicode.IsLetter(rune(name[0]))):
		why = "it must start with an ASCII letter"
	case typ == graph.ConfigStore && firstBad(name, "_ ") != "":
		why = fmt.Sprintf("it contains %s, and config store names may hold only ASCII letters, digits, underscores and spaces", firstBad(name, "_ "))
	case typ == graph.KVStore && strings.IndexFunc(name, unicode.IsControl) >= 0:
		why = "it contains a control character"
	case typ == graph.SecretStore && firstBad(name, "-_.") != "":
		why = fmt.Sprintf("it contains %s, and secret store names may hold only letters, digits, dashes, underscores and periods", firstBad(name, "-_."))
	default:
		return "", ""
	}
	return why, fixLinkName(typ, name)
}

// fixLinkName makes a name valid for its store type: the characters the
// type refuses replaced (or dropped), then cut to 255 bytes on a
// character boundary, so the suggestion passes checkLinkName itself.
func fixLinkName(typ graph.StoreType, name string) string {
	switch typ {
	case graph.ConfigStore:
		name = sanitize(name, "_ ")
		if r := rune(name[0]); !unicode.IsLetter(r) {
			name = "store_" + name
		}
	case graph.SecretStore:
		name = sanitize(name, "-_.")
	case graph.KVStore:
		name = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, name)
	}
	if len(name) > 255 {
		cut := 255
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut]
	}
	return name
}

// firstBad describes the first character outside ASCII letters, digits and
// extra, or returns "".
func firstBad(name, extra string) string {
	for _, r := range name {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(extra, r)) {
			continue
		}
		if r == ' ' {
			return "a space"
		}
		return fmt.Sprintf("%q", r)
	}
	return ""
}

func sanitize(name, extra string) string {
	return strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(extra, r)) {
			return r
		}
		return '_'
	}, name)
}

// DuplicateLinkName reports two links of one service with the same name.
var DuplicateLinkName = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "duplicate-link-name",
		Doc: `two resource links of one service share a name

Code opens a store by its link name, so link names must be unique within a
service; the API refuses a second link with the same name. Rename one.

Bad:

    "resource_links": [{"name": "sessions", "resource_id": "kv1"},
                       {"name": "sessions", "resource_id": "kv2"}]

Good:

    "resource_links": [{"name": "sessions", "resource_id": "kv1"},
                       {"name": "sessions_eu", "resource_id": "kv2"}]`,
		Requires: graphRequires,
		Run:      runDuplicateLinkName,
	},
}

func runDuplicateLinkName(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		seen := map[string]*graph.Link{}
		for _, l := range s.Links {
			if !l.Name.Known() {
				continue
			}
			prev, dup := seen[l.Name.Value]
			if !dup {
				seen[l.Name.Value] = l
				continue
			}
			pos, end := at(l.Name, l.Span)
			pass.Report(analysis.Diagnostic{
				Pos: pos, End: end,
				Message: fmt.Sprintf("service %q has two resource links named %q; link names must be unique within a service, so rename one", s.Label(), l.Name.Value),
				Related: []analysis.RelatedInformation{related(prev.Name.Pos, prev.Name.End(), "the first link named %q", l.Name.Value)},
			})
		}
	}
	return nil, nil
}

// DanglingLink reports links to stores the inputs do not list.
var DanglingLink = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "dangling-link",
		Doc: `a resource link points at a store that the export does not list

When the inputs list the account's stores (an export bundle's "stores"), a
link whose resource_id is not among them points at a store that was
deleted, or at another account's. The rule is silent when no store list
was loaded. Fix the resource_id, or export the store list again.

Bad:

    {"services": [{"name": "app", "type": "wasm", "version": {},
       "resource_links": [{"name": "sessions", "resource_id": "kv-gone"}]}],
     "stores": [{"id": "kv1", "name": "sessions", "type": "kv-store"}]}

Good:

    {"services": [{"name": "app", "type": "wasm", "version": {},
       "resource_links": [{"name": "sessions", "resource_id": "kv1"}]}],
     "stores": [{"id": "kv1", "name": "sessions", "type": "kv-store"}]}`,
		Requires: graphRequires,
		Run:      runDanglingLink,
	},
}

func runDanglingLink(pass *analysis.Pass) (any, error) {
	g := analyzer.GraphOf(pass)
	if !g.StoresListed {
		return nil, nil
	}
	for _, s := range g.Services {
		for _, l := range s.Links {
			if !l.ResourceID.Known() || g.StoreByID(l.ResourceID.Value) != nil {
				continue
			}
			pos, end := at(l.ResourceID, l.Span)
			pass.Report(analysis.Diagnostic{
				Pos: pos, End: end,
				Message: fmt.Sprintf("resource link %q of service %q points at store %q, which is not among the %s the inputs list; fix the resource_id or export the stores again",
					l.Name.Value, s.Label(), l.ResourceID.Value, english.Plural(len(g.Stores), "store")),
			})
		}
	}
	return nil, nil
}

// StorePlatform reports Compute-only stores linked to VCL services.
var StorePlatform = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "store-platform",
		Doc: `a Compute-only store is linked to a VCL service

KV stores, config stores and secret stores are available to Compute
services only: Fastly's "Data stores" and "Dynamic configuration" pages
list each with the platform "Compute only". VCL cannot open them, so the
link does nothing (the API may refuse it). For configuration a VCL service
reads, use an edge dictionary (a table the API writes, read with
table.lookup), or move the logic to a Compute service. In Terraform,
fastly_service_vcl has no resource_link block at all (a parse-error).
A service that links several such stores is reported once, at its first
link, naming them all (the others are related locations).

Bad:

    {"name": "www", "type": "vcl", "version": {},
     "resource_links": [{"name": "sessions", "resource_id": "kv1", "resource_type": "kv-store"}]}

Good:

    {"name": "www", "type": "vcl", "version": {"dictionaries": [{"name": "settings"}]}}`,
		Requires: graphRequires,
		Run:      runStorePlatform,
	},
}

func runStorePlatform(pass *analysis.Pass) (any, error) {
	g := analyzer.GraphOf(pass)
	for _, s := range g.Services {
		if s.Platform != graph.PlatformVCL {
			continue
		}
		// One finding per service, at its first such link: a service that
		// links many stores has one mistake (a store on the wrong
		// platform), not one per link; the other links are related
		// locations.
		var links []*graph.Link
		var types []graph.StoreType
		for _, l := range s.Links {
			switch typ := linkType(g, l); typ {
			case graph.KVStore, graph.ConfigStore, graph.SecretStore:
				links = append(links, l)
				types = append(types, typ)
			}
		}
		if len(links) == 0 {
			continue
		}
		pos, end := storeLinkAt(links[0])
		advice := "use an edge dictionary (read with table.lookup), or move this logic to a Compute service"
		if len(links) == 1 && types[0] == graph.SecretStore {
			advice = "use a private edge dictionary, or move this logic to a Compute service"
		}
		msg := fmt.Sprintf("resource link %q links a %s to VCL service %q, but %ss are available to Compute services only; %s",
			links[0].Name.Value, storeKindName(string(types[0])), s.Label(), storeKindName(string(types[0])), advice)
		var rel []analysis.RelatedInformation
		if len(links) > 1 {
			names := make([]string, len(links))
			for i, l := range links {
				names[i] = fmt.Sprintf("%q (%s)", l.Name.Value, storeKindName(string(types[i])))
				if i > 0 {
					p, e := storeLinkAt(l)
					rel = append(rel, related(p, e, "resource link %q links a %s", l.Name.Value, storeKindName(string(types[i]))))
				}
			}
			msg = fmt.Sprintf("VCL service %q links %d Compute-only stores: %s; KV, config and secret stores are available to Compute services only: use edge dictionaries (read with table.lookup; private ones for secrets), or move this logic to a Compute service",
				s.Label(), len(links), strings.Join(names, ", "))
		}
		pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg, Related: rel})
	}
	return nil, nil
}

// storeLinkAt is where a store-platform finding points for a link: its
// resource_type, else its resource_id, else the link.
func storeLinkAt(l *graph.Link) (token.Pos, token.Pos) {
	if l.ResourceType.Set {
		return at(l.ResourceType, l.Span)
	}
	return at(l.ResourceID, l.Span)
}
