package vclmodel

import (
	"go/token"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/graph"
)

// HostSource says which layer of a backend's configuration decides the
// Host header it sends. Fastly applies them in this order of precedence:
// the backend's override_host (applied after VCL ran), a VCL backend's
// .host_header with .always_use_host_header, a bereq.http.host set in
// both vcl_miss and vcl_pass, and finally the client's own Host. (A
// byte: a route's flags and it share a word.)
type HostSource uint8

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
	ClientExit *graph.Exit
}

// EffectiveHost returns the Host header a backend sends, applying Fastly's
// layers in order of precedence: override_host (applied after VCL ran); a
// VCL backend's .host_header with .always_use_host_header = true;
// bereq.http.host set in vcl_miss and vcl_pass (not for a backend with
// .bypass_local_route_table, which must carry the Host itself); else the
// client's Host.
func EffectiveHost(b *graph.Backend) Host {
	if o := b.OverrideHost; o.Set && (o.Unknown || strings.TrimSpace(o.Value) != "") {
		if o.Unknown {
			return Host{Source: HostUnknown, Pos: o.Pos, End: o.End()}
		}
		return Host{Source: HostOverride, Host: graph.NormalizeHost(o.Value), Pos: o.Pos, End: o.End()}
	}
	if v := b.VCL; v != nil && v.AlwaysUseHostHeader.Value && v.HostHeader.Set {
		if !v.HostHeader.Known() || !v.AlwaysUseHostHeader.Known() {
			return Host{Source: HostUnknown, Pos: v.HostHeader.Pos, End: v.HostHeader.End()}
		}
		return Host{Source: HostVCLBackend, Host: graph.NormalizeHost(v.HostHeader.Value), Pos: v.HostHeader.Pos, End: v.HostHeader.End()}
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
	var miss, pass *graph.HostSet
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
	h := Host{Source: HostVCLSet, Host: graph.NormalizeHost(set.Host), Pos: set.Pos, End: set.End}
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
func ExitsFor(b *graph.Backend) []*graph.Exit {
	if b.Service == nil || b.Service.VCL == nil {
		return nil
	}
	return ExitsIn(b, b.Service.VCL.Exits)
}

// ExitsIn is ExitsFor among a given set of the service's exits (those of
// one request: RunRequest).
func ExitsIn(b *graph.Backend, exits []*graph.Exit) []*graph.Exit {
	var out []*graph.Exit
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
func ShieldExitsFor(b *graph.Backend) []*graph.Exit {
	if b.Service == nil || b.Service.VCL == nil || !b.Shield.Known() || strings.TrimSpace(b.Shield.Value) == "" {
		return nil
	}
	var out []*graph.Exit
	for _, e := range b.Service.VCL.Exits {
		if e.Shield >= 0 && selects(e, b) {
			out = append(out, e)
		}
	}
	return out
}

func selects(e *graph.Exit, b *graph.Backend) bool {
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
func exitHost(b *graph.Backend) Host {
	exits := ExitsFor(b)
	if len(exits) == 0 {
		return Host{Source: HostUnknown}
	}
	var literal, dynamic, client *graph.Exit
	for _, e := range exits {
		switch e.Host.Kind {
		case graph.ExitHostLiteral:
			if literal == nil {
				literal = e
			}
		case graph.ExitHostDynamic:
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
		return Host{Source: HostVCLSet, Host: graph.NormalizeHost(literal.Host.Value), Pos: literal.Host.Pos, End: literal.Host.End, ClientExit: client}
	case dynamic != nil:
		return Host{Source: HostUnknown, Pos: dynamic.Host.Pos, End: dynamic.Host.End}
	}
	h := Host{Source: HostFromClient}
	if client != nil {
		h.Pos, h.End = client.Host.Pos, client.Host.End // a reset or an unset, if any
	}
	return h
}
