package routes

import (
	"cmp"
	"go/token"
	"math/bits"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/vclmodel"
)

// Route is where one backend's requests go.
type Route struct {
	// Backend is the backend whose requests the route follows; From()
	// is its service.
	Backend *graph.Backend
	// Address is the backend's address, normalised (lower case, no port).
	Address string
	// AddressDomain is the analysed domain the address names, if any.
	AddressDomain *graph.Domain
	// Host is the Host header the request carries, normalised; empty when
	// HostSource is HostFromClient.
	Host string
	// HostPos and HostEnd() locate what decides the Host (the override);
	// SetHostSpan sets both.
	HostPos token.Pos
	// ClientExit is a path on which the request keeps the client's Host
	// (or loses its Host) while other paths send Host: the request-flow
	// model's partial override.
	ClientExit *graph.Exit
	// To is the analysed service the request reaches; nil when it leaves
	// for an origin, for a Fastly service outside the analysed set, or when
	// the Host is unknown.
	To *graph.Service
	// ToDomain is the domain of To that the Host matched (nil for
	// HostFromClient, where the client's Host picks one of From's domains).
	ToDomain *graph.Domain
	// Exit is the path that switches, on a shield-switch edge
	// (ViaShield).
	Exit *graph.Exit

	// from and to are 1 + the indices of From and To in the graph's
	// services, once Chains has placed the route (0: not placed).
	// (They, the Host's length and the flags come last, together: 112
	// bytes a route, not 160.)
	from, to int32
	hostLen  uint32 // HostEnd() - HostPos
	// HostSource is the layer that decides the Host.
	HostSource vclmodel.HostSource
	// partialSet is PartialSet(): 0 (none), 1 (vcl_miss), 2 (vcl_pass).
	partialSet uint8
	// ToFastly reports that the address reaches Fastly: it is an exact
	// domain of an analysed service or a Fastly hostname.
	ToFastly bool
	// ViaShield marks a shield-switch edge: the VCL sets the Host under
	// req.backend.is_shield, so the request goes to the backend's shield
	// POP with that Host and is handled there by the service it names
	// (Fastly's "switching services while shielding"). Address is then
	// the shield POP, and Exit the path that switches.
	ViaShield bool
}

// Loopback reports whether the route returns to its own service only
// because nothing overrides the client's Host (missing-host-override's
// finding, not a loop of the chain's design).
func (r *Route) Loopback() bool { return r.To != nil && r.HostSource == vclmodel.HostFromClient }

// From is the service the route leaves: its backend's.
func (r *Route) From() *graph.Service { return r.Backend.Service }

// PartialSet is set when the Host comes from VCL that sets
// bereq.http.host in only one of vcl_miss and vcl_pass: it names the
// subroutine that lacks the statement ("" otherwise; without the
// request-flow model: VCL that did not parse). SetPartialSet sets it.
func (r *Route) PartialSet() string {
	switch r.partialSet {
	case 1:
		return "vcl_miss"
	case 2:
		return "vcl_pass"
	}
	return ""
}

// SetPartialSet sets PartialSet: "vcl_miss", "vcl_pass" or "" (any other
// name is "").
func (r *Route) SetPartialSet(sub string) {
	switch sub {
	case "vcl_miss":
		r.partialSet = 1
	case "vcl_pass":
		r.partialSet = 2
	default:
		r.partialSet = 0
	}
}

// HostEnd is where what decides the Host ends (HostPos when nothing
// does).
func (r *Route) HostEnd() token.Pos { return r.HostPos + token.Pos(r.hostLen) }

// SetHostSpan places what decides the Host at pos..end.
func (r *Route) SetHostSpan(pos, end token.Pos) {
	r.HostPos, r.hostLen = pos, graph.Length(pos, end)
}

// DomainIndex finds the analysed domain a hostname routes to.
type DomainIndex struct {
	exact    names
	wildcard names // "*.example.com" under "example.com"
}

// names indexes domains by name: the domains ordered by a hash of their
// normalised name (a wildcard's without its "*."), those of one name
// together in declaration order, the hashes in a list of their own that
// is searched by halves. A domain's name is read from the domain itself;
// odd holds the few written otherwise than normalised. (A map of each
// name to the place of its first domain held 60 bytes a domain; this
// holds 16. Searching the domains themselves by name, as before, read a
// domain and its name at every step: at 16,000 services neither fits the
// processor's caches, and building and searching the index took 3.7 times
// as long as at 8,000, against 2 now.)
type names struct {
	domains []*graph.Domain
	hashes  []uint64 // hashes[i] is the hash of domains[i]'s name
	odd     map[*graph.Domain]string
	// wildcard: the names are of wildcard domains, "*." left off.
	wildcard bool
}

// hashName is 64-bit FNV-1a: the same on every run, so the index's order
// is too. (A variable: a test gives every name one hash.)
var hashName = fnv1a

func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// add indexes d under name, its normalised name.
func (ns *names) add(name string, d *graph.Domain) {
	if name != ns.written(d) {
		if ns.odd == nil {
			ns.odd = map[*graph.Domain]string{}
		}
		ns.odd[d] = name
	}
	ns.domains = append(ns.domains, d)
	ns.hashes = append(ns.hashes, hashName(name))
}

// written is the name as d writes it ("*." left off a wildcard's).
func (ns *names) written(d *graph.Domain) string {
	if ns.wildcard {
		return strings.TrimPrefix(d.Name.Value, "*.")
	}
	return d.Name.Value
}

// key is the name d is indexed under.
func (ns *names) key(d *graph.Domain) string {
	if k, ok := ns.odd[d]; ok {
		return k
	}
	return ns.written(d)
}

// sort orders the domains by hash, then (two names of one hash) by name,
// then in declaration order; add and get must not be mixed across it.
func (ns *names) sort() {
	// order[i] is the place, in declaration order, of the domain that
	// goes to place i; the domains and hashes are then moved there, cycle
	// by cycle (a sorted copy of both held 20 bytes a domain more).
	order := make([]int32, len(ns.domains))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(ns.hashes[a], ns.hashes[b]); c != 0 {
			return c
		}
		if c := strings.Compare(ns.key(ns.domains[a]), ns.key(ns.domains[b])); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for i := range order {
		if order[i] < 0 {
			continue // moved with an earlier cycle
		}
		d, h := ns.domains[i], ns.hashes[i]
		j := i
		for {
			k := int(order[j])
			order[j] = -1
			if k == i {
				ns.domains[j], ns.hashes[j] = d, h
				break
			}
			ns.domains[j], ns.hashes[j] = ns.domains[k], ns.hashes[k]
			j = k
		}
	}
}

// get returns the domains of a name, in declaration order.
func (ns *names) get(name string) []*graph.Domain {
	h := hashName(name)
	i, found := ns.first(h)
	if !found {
		return nil
	}
	for ; i < len(ns.hashes) && ns.hashes[i] == h; i++ {
		if ns.key(ns.domains[i]) != name {
			continue // another name of the same hash
		}
		hi := i + 1
		for hi < len(ns.hashes) && ns.hashes[hi] == h && ns.key(ns.domains[hi]) == name {
			hi++
		}
		return ns.domains[i:hi:hi]
	}
	return nil
}

// first returns the first index whose hash is h or more, and whether
// that hash is h. Hashes spread evenly, so h lies near h/2^64 of the way
// along: the search starts there and widens by doubling until it brackets
// h (two or three reads), rather than halving the whole list (seventeen
// at 100,000 domains, each likely a cache miss). Any spread is correct,
// one hash for every name too, only slower.
func (ns *names) first(h uint64) (int, bool) {
	hs := ns.hashes
	if len(hs) == 0 {
		return 0, false
	}
	guess, _ := bits.Mul64(h, uint64(len(hs)))
	i := int(guess)
	lo, hi := -1, len(hs) // hs[lo] < h unless lo is -1; hs[hi] >= h unless hi is len(hs)
	if hs[i] < h {
		lo = i
		for step := 1; i+step < len(hs); step *= 2 {
			if hs[i+step] >= h {
				hi = i + step
				break
			}
			lo = i + step
		}
	} else {
		hi = i
		for step := 1; i-step >= 0; step *= 2 {
			if hs[i-step] < h {
				lo = i - step
				break
			}
			hi = i - step
		}
	}
	k, found := slices.BinarySearch(hs[lo+1:min(hi+1, len(hs))], h)
	return lo + 1 + k, found
}

// NewDomainIndex indexes the known domains of services.
func NewDomainIndex(services []*graph.Service) *DomainIndex {
	n := 0
	for _, s := range services {
		n += len(s.Domains)
	}
	ix := &DomainIndex{exact: names{domains: make([]*graph.Domain, 0, n), hashes: make([]uint64, 0, n)}, wildcard: names{wildcard: true}}
	for _, s := range services {
		for _, d := range s.Domains {
			if !d.Name.Known() {
				continue
			}
			name := graph.NormalizeHost(d.Name.Value)
			if name == "" || name == "*." {
				continue // an empty domain (a placeholder) routes nothing
			}
			if rest, ok := strings.CutPrefix(name, "*."); ok {
				ix.wildcard.add(rest, d)
			} else {
				ix.exact.add(name, d)
			}
		}
	}
	ix.exact.sort()
	ix.wildcard.sort()
	return ix
}

// Lookup returns the domain a normalised host routes to: an exact domain
// first, else a wildcard matching exactly one leading label. When a domain
// is declared twice (duplicate-domain's finding) the first one wins.
// Domains of every scope (graph.Service.Scope()) are looked up: this is
// where a request from outside arrives.
func (ix *DomainIndex) Lookup(host string) *graph.Domain { return ix.lookupFrom(host, nil) }

// lookupFrom is Lookup for a request a service sends: only domains of the
// sender's scope are reached (any scope when from is nil).
func (ix *DomainIndex) lookupFrom(host string, from *graph.Service) *graph.Domain {
	if d := firstIn(ix.exact.get(host), from); d != nil {
		return d
	}
	if i := strings.IndexByte(host, '.'); i > 0 {
		return firstIn(ix.wildcard.get(host[i+1:]), from)
	}
	return nil
}

// firstIn returns the first of ds in from's scope (the first of all when
// from is nil).
func firstIn(ds []*graph.Domain, from *graph.Service) *graph.Domain {
	for _, d := range ds {
		if from == nil || d.Service == nil || d.Service.Scope() == from.Scope() {
			return d
		}
	}
	return nil
}

// Exact returns every domain declared with exactly this name, wildcard
// spellings included ("*.example.com" is looked up as itself).
func (ix *DomainIndex) Exact(name string) []*graph.Domain {
	name = graph.NormalizeHost(name)
	if rest, ok := strings.CutPrefix(name, "*."); ok {
		return ix.wildcard.get(rest)
	}
	return ix.exact.get(name)
}

// FirstDeclared returns the first domain declared with the name of d, a
// domain of s (the name's spelling normalised; a wildcard is its own
// name), by a service of s's scope: d itself unless d repeats it. It
// returns nil for a domain the index leaves out (an unknown or empty
// name).
func (ix *DomainIndex) FirstDeclared(s *graph.Service, d *graph.Domain) *graph.Domain {
	if !d.Name.Known() {
		return nil
	}
	ds := ix.Exact(d.Name.Value)
	if !slices.Contains(ds, d) {
		return nil
	}
	return firstIn(ds, s)
}

// Resolve works out where a backend's requests go.
func (ix *DomainIndex) Resolve(b *graph.Backend) *Route {
	r := &Route{}
	ix.resolveInto(r, b)
	return r
}

// resolveInto is Resolve, writing the route to r (a zero Route).
func (ix *DomainIndex) resolveInto(r *Route, b *graph.Backend) {
	r.Backend = b
	if !b.Address.Known() {
		return
	}
	r.Address = graph.NormalizeHost(b.Address.Value)
	if r.Address == "" {
		// An empty address (a placeholder variable) is no name: the
		// backend goes nowhere chainlint can tell.
		r.HostSource = vclmodel.HostUnknown
		return
	}
	// An address counts as a service's only when it is one of its exact
	// domains: a wildcard domain routes Hosts, but DNS may send any name
	// under it to an origin outside Fastly.
	r.AddressDomain = firstIn(ix.exact.get(r.Address), b.Service)
	r.ToFastly = r.AddressDomain != nil || graph.IsFastlyHostname(r.Address)
	h := vclmodel.EffectiveHost(b)
	r.HostSource, r.Host, r.ClientExit = h.Source, h.Host, h.ClientExit
	r.SetPartialSet(h.MissingIn)
	r.SetHostSpan(h.Pos, h.End)
	if !r.ToFastly {
		return
	}
	switch r.HostSource {
	case vclmodel.HostUnknown:
	case vclmodel.HostFromClient:
		r.To = b.Service
	default:
		if d := ix.lookupFrom(r.Host, b.Service); d != nil {
			r.To, r.ToDomain = d.Service, d
		}
	}
}

// ResolveShieldSwitch returns the shield-switch edge of a shielded
// backend: a path that requires req.backend.is_shield and sets a literal
// Host naming an analysed service other than the backend's own, or nil.
// (A Host naming the service itself is plain shielding.)
func (ix *DomainIndex) ResolveShieldSwitch(b *graph.Backend) *Route {
	if o := b.OverrideHost; o.Set && (o.Unknown || strings.TrimSpace(o.Value) != "") {
		return nil // override_host is applied after VCL: no switch survives it
	}
	for _, e := range vclmodel.ShieldExitsFor(b) {
		if e.Shield <= 0 || e.Host.Kind != graph.ExitHostLiteral {
			continue
		}
		host := graph.NormalizeHost(e.Host.Value)
		d := ix.lookupFrom(host, b.Service)
		if d == nil || d.Service == b.Service {
			continue
		}
		r := &Route{Backend: b, Address: "shield POP " + strings.TrimSpace(b.Shield.Value), ToFastly: true,
			Host: host, HostSource: vclmodel.HostVCLSet, To: d.Service, ToDomain: d,
			ViaShield: true, Exit: e}
		r.SetHostSpan(e.Host.Pos, e.Host.End)
		return r
	}
	return nil
}

// ResolveOtherPaths returns a backend's routes for paths that send a
// literal Host other than the one its main route carries (the request-flow
// model's paths: /a to one service, /b to another, through one backend).
// They are edges like the others: loops, limits and host-override-mismatch
// see every path.
func (ix *DomainIndex) ResolveOtherPaths(b *graph.Backend, main *Route) []*Route {
	if !main.ToFastly || main.HostSource != vclmodel.HostVCLSet || b.Service == nil || b.Service.VCL == nil {
		return nil
	}
	seen := map[string]bool{main.Host: true}
	var out []*Route
	for _, e := range vclmodel.ExitsFor(b) {
		if e.Host.Kind != graph.ExitHostLiteral {
			continue
		}
		host := graph.NormalizeHost(e.Host.Value)
		if seen[host] {
			continue
		}
		seen[host] = true
		r := *main
		r.Host, r.ClientExit, r.Exit = host, nil, e
		r.SetPartialSet("")
		r.SetHostSpan(e.Host.Pos, e.Host.End)
		r.To, r.ToDomain = nil, nil
		if d := ix.lookupFrom(host, b.Service); d != nil {
			r.To, r.ToDomain = d.Service, d
		}
		out = append(out, &r)
	}
	return out
}
