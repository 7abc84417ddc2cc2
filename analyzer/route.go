package analyzer

import (
	"go/token"
	"net"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// HostSource says which layer of a backend's configuration decides the
// Host header it sends. Fastly applies them in this order of precedence:
// the backend's override_host (applied after VCL ran), a VCL backend's
// .host_header with .always_use_host_header, a bereq.http.host set in
// both vcl_miss and vcl_pass, and finally the client's own Host.
type HostSource int

// The layers that can decide the Host a backend sends.
const (
	// HostFromClient: nothing overrides the Host, so the request keeps the
	// client's, which is one of the sending service's own domains.
	HostFromClient HostSource = iota
	// HostOverride: the backend's override_host field.
	HostOverride
	// HostVCLBackend: a VCL backend declaration's .host_header with
	// .always_use_host_header = true.
	HostVCLBackend
	// HostVCLSet: set bereq.http.host in both vcl_miss and vcl_pass.
	HostVCLSet
	// HostUnknown: an override is written but its value is unknown until
	// deployment; the route cannot be resolved.
	HostUnknown
)

func (h HostSource) String() string {
	switch h {
	case HostFromClient:
		return "client Host"
	case HostOverride:
		return "override_host"
	case HostVCLBackend:
		return "VCL .host_header"
	case HostVCLSet:
		return "VCL bereq.http.host"
	default:
		return "unknown"
	}
}

// Route is where one backend's requests go.
type Route struct {
	From    *Service
	Backend *Backend
	// Address is the backend's address, normalised (lower case, no port).
	Address string
	// ToFastly reports that the address reaches Fastly: it is an exact
	// domain of an analysed service or a Fastly hostname.
	ToFastly bool
	// AddressDomain is the analysed domain the address names, if any.
	AddressDomain *Domain
	// Host is the Host header the request carries, normalised; empty when
	// HostSource is HostFromClient.
	Host       string
	HostSource HostSource
	// HostPos and HostEnd locate what decides the Host (the override).
	HostPos, HostEnd token.Pos
	// PartialSet is set when the Host comes from VCL that sets
	// bereq.http.host in only one of vcl_miss and vcl_pass: it names the
	// subroutine that lacks the statement. (Without the request-flow
	// model: VCL that did not parse.)
	PartialSet string
	// ClientExit is a path on which the request keeps the client's Host
	// (or loses its Host) while other paths send Host: the request-flow
	// model's partial override.
	ClientExit *Exit
	// To is the analysed service the request reaches; nil when it leaves
	// for an origin, for a Fastly service outside the analysed set, or when
	// the Host is unknown.
	To *Service
	// ToDomain is the domain of To that the Host matched (nil for
	// HostFromClient, where the client's Host picks one of From's domains).
	ToDomain *Domain
	// ViaShield marks a shield-switch edge: the VCL sets the Host under
	// req.backend.is_shield, so the request goes to the backend's shield
	// POP with that Host and is handled there by the service it names
	// (Fastly's "switching services while shielding"). Address is then
	// the shield POP, and Exit the path that switches.
	ViaShield bool
	Exit      *Exit
}

// Loopback reports whether the route returns to its own service only
// because nothing overrides the client's Host (missing-host-override's
// finding, not a loop of the chain's design).
func (r *Route) Loopback() bool { return r.To != nil && r.HostSource == HostFromClient }

// NormalizeHost lower-cases a hostname and strips a scheme, a port, a path
// and a trailing dot, so that addresses and Host values compare equal.
func NormalizeHost(h string) string {
	if plainHost(h) {
		return h
	}
	h = strings.TrimSpace(strings.ToLower(h))
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if strings.HasPrefix(h, "[") {
		if i := strings.Index(h, "]"); i >= 0 {
			return h[1:i]
		}
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 && strings.Count(h, ":") == 1 {
		h = h[:i]
	}
	h = strings.TrimSuffix(h, ".")
	for i := 0; i < len(h); i++ {
		if h[i] >= utf8.RuneSelf {
			// A name written in Unicode is the same name as its punycode
			// (xn--…) form, as DNS sees it: compare in IDNA form.
			if a, err := idna.Lookup.ToASCII(h); err == nil {
				return a
			}
			break
		}
	}
	return h
}

// plainHost reports a host NormalizeHost leaves as it is: lower-case
// letters, digits, '-' and '.', not ending in '.'. Most are.
func plainHost(h string) bool {
	for i := 0; i < len(h); i++ {
		if c := h[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return len(h) > 0 && h[len(h)-1] != '.'
}

// fastlySuffixes are hostnames that reach some Fastly service; which one
// is decided by the Host header.
var fastlySuffixes = []string{".fastly.net", ".fastlylb.net", ".edgecompute.app"}

// IsFastlyHostname reports whether a normalised hostname is one of
// Fastly's own (e.g. global.ssl.fastly.net, name.edgecompute.app).
func IsFastlyHostname(h string) bool {
	for _, s := range fastlySuffixes {
		if strings.HasSuffix(h, s) || h == s[1:] {
			return true
		}
	}
	return false
}

// IsIP reports whether a normalised address is an IP literal.
func IsIP(h string) bool { return net.ParseIP(h) != nil }

// DomainIndex finds the analysed domain a hostname routes to.
type DomainIndex struct {
	exact    map[string][]*Domain
	wildcard map[string][]*Domain // "*.example.com" under "example.com"
}

// NewDomainIndex indexes the known domains of services.
func NewDomainIndex(services []*Service) *DomainIndex {
	n := 0
	for _, s := range services {
		n += len(s.Domains)
	}
	ix := &DomainIndex{exact: make(map[string][]*Domain, n), wildcard: map[string][]*Domain{}}
	for _, s := range services {
		for _, d := range s.Domains {
			if !d.Name.Known() {
				continue
			}
			name := NormalizeHost(d.Name.Value)
			if name == "" || name == "*." {
				continue // an empty domain (a placeholder) routes nothing
			}
			if rest, ok := strings.CutPrefix(name, "*."); ok {
				ix.wildcard[rest] = append(ix.wildcard[rest], d)
			} else {
				ix.exact[name] = append(ix.exact[name], d)
			}
		}
	}
	return ix
}

// Lookup returns the domain a normalised host routes to: an exact domain
// first, else a wildcard matching exactly one leading label. When a domain
// is declared twice (duplicate-domain's finding) the first one wins.
func (ix *DomainIndex) Lookup(host string) *Domain {
	if ds := ix.exact[host]; len(ds) > 0 {
		return ds[0]
	}
	if i := strings.IndexByte(host, '.'); i > 0 {
		if ds := ix.wildcard[host[i+1:]]; len(ds) > 0 {
			return ds[0]
		}
	}
	return nil
}

// Exact returns every domain declared with exactly this name, wildcard
// spellings included ("*.example.com" is looked up as itself).
func (ix *DomainIndex) Exact(name string) []*Domain {
	name = NormalizeHost(name)
	if rest, ok := strings.CutPrefix(name, "*."); ok {
		return ix.wildcard[rest]
	}
	return ix.exact[name]
}

// Resolve works out where a backend's requests go.
func (ix *DomainIndex) Resolve(b *Backend) *Route {
	r := &Route{From: b.Service, Backend: b}
	if !b.Address.Known() {
		return r
	}
	r.Address = NormalizeHost(b.Address.Value)
	if r.Address == "" {
		// An empty address (a placeholder variable) is no name: the
		// backend goes nowhere chainlint can tell.
		r.HostSource = HostUnknown
		return r
	}
	// An address counts as a service's only when it is one of its exact
	// domains: a wildcard domain routes Hosts, but DNS may send any name
	// under it to an origin outside Fastly.
	if ds := ix.exact[r.Address]; len(ds) > 0 {
		r.AddressDomain = ds[0]
	}
	r.ToFastly = r.AddressDomain != nil || IsFastlyHostname(r.Address)
	h := EffectiveHost(b)
	r.HostSource, r.Host, r.HostPos, r.HostEnd, r.PartialSet, r.ClientExit = h.Source, h.Host, h.Pos, h.End, h.MissingIn, h.ClientExit
	if !r.ToFastly {
		return r
	}
	switch r.HostSource {
	case HostUnknown:
	case HostFromClient:
		r.To = b.Service
	default:
		if d := ix.Lookup(r.Host); d != nil {
			r.To, r.ToDomain = d.Service, d
		}
	}
	return r
}

// Host is the Host header a backend sends and what decides it.
type Host struct {
	Source   HostSource
	Host     string
	Pos, End token.Pos
	// MissingIn names vcl_miss or vcl_pass when VCL sets the Host in the
	// other one only (the fallback without the request-flow model).
	MissingIn string
	// ClientExit is a path that keeps the client's Host while others set
	// one (the request-flow model).
	ClientExit *Exit
}

// EffectiveHost returns the Host header a backend sends, applying Fastly's
// layers in order of precedence: override_host (applied after VCL ran); a
// VCL backend's .host_header with .always_use_host_header = true;
// bereq.http.host set in vcl_miss and vcl_pass (not for a backend with
// .bypass_local_route_table, which must carry the Host itself); else the
// client's Host.
func EffectiveHost(b *Backend) Host {
	if o := b.OverrideHost; o.Set && (o.Unknown || strings.TrimSpace(o.Value) != "") {
		if o.Unknown {
			return Host{Source: HostUnknown, Pos: o.Pos, End: o.End}
		}
		return Host{Source: HostOverride, Host: NormalizeHost(o.Value), Pos: o.Pos, End: o.End}
	}
	if v := b.VCL; v != nil && v.AlwaysUseHostHeader.Value && v.HostHeader.Set {
		if !v.HostHeader.Known() || !v.AlwaysUseHostHeader.Known() {
			return Host{Source: HostUnknown, Pos: v.HostHeader.Pos, End: v.HostHeader.End}
		}
		return Host{Source: HostVCLBackend, Host: NormalizeHost(v.HostHeader.Value), Pos: v.HostHeader.Pos, End: v.HostHeader.End}
	}
	if b.VCL != nil && b.VCL.BypassLocalRouteTable.Value || b.Service == nil || b.Service.VCL == nil {
		return Host{Source: HostFromClient}
	}
	if b.Service.VCL.Exits != nil {
		return exitHost(b)
	}
	if b.Service.VCL.ContentUnknown {
		return Host{Source: HostUnknown} // VCL known only at apply time may set it
	}
	var miss, pass *HostSet
	for _, hs := range b.Service.VCL.HostSets {
		if hs.ShieldOnly && !(b.Shield.Set && strings.TrimSpace(b.Shield.Value) != "") {
			continue // applies only when the request goes through a shield
		}
		switch {
		case hs.Sub == "vcl_miss" && miss == nil:
			miss = hs
		case hs.Sub == "vcl_pass" && pass == nil:
			pass = hs
		}
	}
	set := miss
	if set == nil {
		set = pass
	}
	if set == nil {
		return Host{Source: HostFromClient}
	}
	h := Host{Source: HostVCLSet, Host: NormalizeHost(set.Host), Pos: set.Pos, End: set.End}
	if set.Dynamic {
		h = Host{Source: HostUnknown, Pos: set.Pos, End: set.End}
	}
	switch {
	case miss == nil:
		h.MissingIn = "vcl_miss"
	case pass == nil:
		h.MissingIn = "vcl_pass"
	}
	return h
}

// ExitsFor returns the request-flow model's paths that fetch from b at its
// address: those that select b (or leave the selection to Fastly, or
// select something that is not one of the service's backends, such as a
// director) and do not require req.backend.is_shield (a shielded request
// reaches the address from the shield POP, where is_shield is false).
func ExitsFor(b *Backend) []*Exit {
	if b.Service == nil || b.Service.VCL == nil {
		return nil
	}
	return ExitsIn(b, b.Service.VCL.Exits)
}

// ExitsIn is ExitsFor among a given set of the service's exits (those of
// one request: VCLFacts.RunRequest).
func ExitsIn(b *Backend, exits []*Exit) []*Exit {
	var out []*Exit
	for _, e := range exits {
		if e.Shield > 0 || !selects(e, b) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// ShieldExitsFor returns the paths on which a request for b goes to b's
// shield POP (req.backend.is_shield is true): only for a shielded backend.
func ShieldExitsFor(b *Backend) []*Exit {
	if b.Service == nil || b.Service.VCL == nil || !b.Shield.Known() || strings.TrimSpace(b.Shield.Value) == "" {
		return nil
	}
	var out []*Exit
	for _, e := range b.Service.VCL.Exits {
		if e.Shield >= 0 && selects(e, b) {
			out = append(out, e)
		}
	}
	return out
}

func selects(e *Exit, b *Backend) bool {
	if e.Backend == "" {
		return !slices.Contains(e.NotBackends, b.VCLName())
	}
	if e.Backend == b.VCLName() {
		return true
	}
	for _, other := range b.Service.Backends {
		if other.VCLName() == e.Backend {
			return false // another backend of the service
		}
	}
	return true
}

// exitHost decides a backend's Host from the request-flow model: a literal
// Host on some path is the Host meant for the backend; a path that keeps
// the client's Host beside it is a partial override; only client Hosts is
// the client's; computed Hosts alone are unknown. A backend no path
// fetches from has no route to judge.
func exitHost(b *Backend) Host {
	exits := ExitsFor(b)
	if len(exits) == 0 {
		return Host{Source: HostUnknown}
	}
	var literal, dynamic, client *Exit
	for _, e := range exits {
		switch e.Host.Kind {
		case ExitHostLiteral:
			if literal == nil {
				literal = e
			}
		case ExitHostDynamic:
			if dynamic == nil {
				dynamic = e
			}
		default:
			if client == nil {
				client = e
			}
		}
	}
	switch {
	case literal != nil:
		return Host{Source: HostVCLSet, Host: NormalizeHost(literal.Host.Value), Pos: literal.Host.Pos, End: literal.Host.End, ClientExit: client}
	case dynamic != nil:
		return Host{Source: HostUnknown, Pos: dynamic.Host.Pos, End: dynamic.Host.End}
	}
	h := Host{Source: HostFromClient}
	if client != nil {
		h.Pos, h.End = client.Host.Pos, client.Host.End // a reset or an unset, if any
	}
	return h
}

// ResolveShieldSwitch returns the shield-switch edge of a shielded
// backend: a path that requires req.backend.is_shield and sets a literal
// Host naming an analysed service other than the backend's own, or nil.
// (A Host naming the service itself is plain shielding.)
func (ix *DomainIndex) ResolveShieldSwitch(b *Backend) *Route {
	if o := b.OverrideHost; o.Set && (o.Unknown || strings.TrimSpace(o.Value) != "") {
		return nil // override_host is applied after VCL: no switch survives it
	}
	for _, e := range ShieldExitsFor(b) {
		if e.Shield <= 0 || e.Host.Kind != ExitHostLiteral {
			continue
		}
		host := NormalizeHost(e.Host.Value)
		d := ix.Lookup(host)
		if d == nil || d.Service == b.Service {
			continue
		}
		return &Route{From: b.Service, Backend: b, Address: "shield POP " + strings.TrimSpace(b.Shield.Value), ToFastly: true,
			Host: host, HostSource: HostVCLSet, HostPos: e.Host.Pos, HostEnd: e.Host.End, To: d.Service, ToDomain: d,
			ViaShield: true, Exit: e}
	}
	return nil
}

// ResolveOtherPaths returns a backend's routes for paths that send a
// literal Host other than the one its main route carries (the request-flow
// model's paths: /a to one service, /b to another, through one backend).
// They are edges like the others: loops, limits and host-override-mismatch
// see every path.
func (ix *DomainIndex) ResolveOtherPaths(b *Backend, main *Route) []*Route {
	if !main.ToFastly || main.HostSource != HostVCLSet || b.Service == nil || b.Service.VCL == nil {
		return nil
	}
	seen := map[string]bool{main.Host: true}
	var out []*Route
	for _, e := range ExitsFor(b) {
		if e.Host.Kind != ExitHostLiteral {
			continue
		}
		host := NormalizeHost(e.Host.Value)
		if seen[host] {
			continue
		}
		seen[host] = true
		r := *main
		r.Host, r.HostPos, r.HostEnd, r.ClientExit, r.PartialSet, r.Exit = host, e.Host.Pos, e.Host.End, nil, "", e
		r.To, r.ToDomain = nil, nil
		if d := ix.Lookup(host); d != nil {
			r.To, r.ToDomain = d.Service, d
		}
		out = append(out, &r)
	}
	return out
}
