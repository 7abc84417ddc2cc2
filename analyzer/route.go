package analyzer

import (
	"go/token"
	"net"
	"strings"
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
	// To is the analysed service the request reaches; nil when it leaves
	// for an origin, for a Fastly service outside the analysed set, or when
	// the Host is unknown.
	To *Service
	// ToDomain is the domain of To that the Host matched (nil for
	// HostFromClient, where the client's Host picks one of From's domains).
	ToDomain *Domain
}

// Loopback reports whether the route returns to its own service only
// because nothing overrides the client's Host (missing-host-override's
// finding, not a loop of the chain's design).
func (r *Route) Loopback() bool { return r.To != nil && r.HostSource == HostFromClient }

// NormalizeHost lower-cases a hostname and strips a scheme, a port, a path
// and a trailing dot, so that addresses and Host values compare equal.
func NormalizeHost(h string) string {
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
	return strings.TrimSuffix(h, ".")
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
	ix := &DomainIndex{exact: map[string][]*Domain{}, wildcard: map[string][]*Domain{}}
	for _, s := range services {
		for _, d := range s.Domains {
			if !d.Name.Known() {
				continue
			}
			name := NormalizeHost(d.Name.Value)
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
	// An address counts as a service's only when it is one of its exact
	// domains: a wildcard domain routes Hosts, but DNS may send any name
	// under it to an origin outside Fastly.
	if ds := ix.exact[r.Address]; len(ds) > 0 {
		r.AddressDomain = ds[0]
	}
	r.ToFastly = r.AddressDomain != nil || IsFastlyHostname(r.Address)
	r.HostSource, r.Host, r.HostPos, r.HostEnd = EffectiveHost(b)
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

// EffectiveHost returns the Host header a backend sends and which layer
// decides it.
func EffectiveHost(b *Backend) (HostSource, string, token.Pos, token.Pos) {
	if b.OverrideHost.Set && (b.OverrideHost.Unknown || strings.TrimSpace(b.OverrideHost.Value) != "") {
		if b.OverrideHost.Unknown {
			return HostUnknown, "", b.OverrideHost.Pos, b.OverrideHost.End
		}
		return HostOverride, NormalizeHost(b.OverrideHost.Value), b.OverrideHost.Pos, b.OverrideHost.End
	}
	return HostFromClient, "", token.NoPos, token.NoPos
}
