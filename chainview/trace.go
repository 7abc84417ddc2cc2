// Package chainview shows a chain to people: the walk of one request
// through the analysed services (trace), the whole service graph as
// Mermaid, DOT or JSON (graph), and the order in which to purge caching
// services (purge-order). It reads the analyzer's graph and chain analysis
// and the findings; it knows no file format and no rule.
package chainview

import (
	"fmt"
	"io"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/jsonout"
	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/routes"
	"github.com/chainlint/chainlint/vclmodel"
)

// Trace is the walk of a request for one Host.
type Trace struct {
	Host    string `json:"host"`
	Path    string `json:"path"`
	Profile string `json:"profile"`
	Limits  []Used `json:"limits"`
	Start   *Visit `json:"start"`
	// Truncated reports that the walk was cut short (too many branches).
	Truncated bool `json:"truncated,omitempty"`
}

// Used is hops and services spent against one of the profile's limits.
type Used struct {
	Limit       string `json:"limit"`
	Hops        int    `json:"hops"`
	MaxHops     int    `json:"max_hops"`
	Services    int    `json:"services"`
	MaxServices int    `json:"max_services"`
}

// Visit is a service the request reaches.
type Visit struct {
	Service  string `json:"service"`
	Platform string `json:"platform"`
	// Dynamic reports that the backend is chosen at run time, so every
	// candidate is shown.
	Dynamic bool   `json:"dynamic"`
	Hops    []Used `json:"hops"` // spent so far, per limit, through the worst candidate
	Legs    []*Leg `json:"legs"`
}

// Leg is one backend the request can leave a service by.
type Leg struct {
	Backend string `json:"backend"`
	Address string `json:"address"`
	// AddressUnknown reports a backend whose address is not known before
	// deployment (Terraform computes it at apply time): Address is "".
	AddressUnknown bool   `json:"address_unknown,omitempty"`
	Host           string `json:"host"` // the Host sent ("" when it is the client's)
	HostSource     string `json:"host_source"`
	Shield         string `json:"shield,omitempty"`
	// SwitchedAtShield marks a leg that reaches the next service at the
	// shield POP, the VCL having switched the Host under
	// req.backend.is_shield.
	SwitchedAtShield bool `json:"switched_at_shield,omitempty"`
	// When lists the request paths (in the request-flow model) that take
	// this leg; Undecided reports that a condition on them cannot be
	// decided for the request traced, so other legs may be taken instead.
	When      []string `json:"when,omitempty"`
	Undecided bool     `json:"undecided,omitempty"`
	HopCost   int      `json:"hop_cost"`
	// Exactly one of Next and End is set.
	Next *Visit `json:"next,omitempty"`
	End  string `json:"end,omitempty"`
	// Over reports a leg where the walk exceeds a limit.
	Over []string `json:"over,omitempty"`
}

const maxVisits = 500

// NewTrace walks a request for host through the analysed services,
// showing every path it can take (path is shown, not evaluated).
func NewTrace(c *routes.Chains, profile analyzer.Profile, host, path string) (*Trace, error) {
	return NewRequestTrace(c, profile, host, path, nil)
}

// NewRequestTrace walks a request through the analysed services. With
// req, it follows the paths that request takes through each service's VCL
// (conditions on req.method, req.url and headers decided where they can
// be), showing both sides of a condition it cannot decide; without, it
// shows every path.
func NewRequestTrace(c *routes.Chains, profile analyzer.Profile, host, path string, req *graph.Request) (*Trace, error) {
	h := graph.NormalizeHost(host)
	d := c.Domains.Lookup(h)
	if d == nil {
		return nil, fmt.Errorf("no analysed service answers for Host %q", host)
	}
	t := &Trace{Host: h, Path: path, Profile: profile.Name}
	for _, l := range profile.Limits {
		t.Limits = append(t.Limits, Used{Limit: l.Name, MaxHops: l.Hops, MaxServices: l.Services})
	}
	visits := 0
	// With a request, each service's model runs again for it (its
	// conditions decided by the request, no path merged), once.
	runs := map[*graph.Service][]*graph.Exit{}
	exitsOf := func(s *graph.Service) []*graph.Exit {
		if s.VCL == nil || s.VCL.Exits == nil {
			return nil
		}
		if req == nil {
			return s.VCL.Exits
		}
		if e, ok := runs[s]; ok {
			return e
		}
		e := vclmodel.RunRequest(c.Graph, s, req)
		if e == nil { // the model gave up on this request: the lint run's paths
			e = s.VCL.Exits
		}
		runs[s] = e
		return e
	}
	var walk func(s *graph.Service, spent []Used, onPath map[*graph.Service]bool) *Visit
	walk = func(s *graph.Service, spent []Used, onPath map[*graph.Service]bool) *Visit {
		visits++
		v := &Visit{Service: s.Label(), Platform: s.Platform.String()}
		backends, dynamic := candidates(s, req, exitsOf(s))
		v.Dynamic = dynamic
		onPath[s] = true
		defer delete(onPath, s)
		worst := spent
		for _, b := range backends {
			for _, lr := range legRoutes(c, b, req, exitsOf(s)) {
				r := lr.route
				leg := &Leg{Backend: b.Name.Value, Address: r.Address, AddressUnknown: r.Address == "" && b.Address.Unknown, Host: r.Host,
					HostSource: r.HostSource.String(), HopCost: analyzer.HopCost(s, r), SwitchedAtShield: r.ViaShield, When: lr.when, Undecided: lr.undecided}
				if shielded(b) {
					leg.Shield = b.Shield.Value
				}
				after := make([]Used, len(spent))
				for i, u := range spent {
					l := profile.Limits[i]
					u.Hops += analyzer.LimitCost(l, s, r)
					u.Services += analyzer.LimitServices(l, s)
					after[i] = u
					if u.Hops > u.MaxHops {
						leg.Over = append(leg.Over, fmt.Sprintf("%d/%d %s hops", u.Hops, u.MaxHops, l.Name))
					}
					if u.Services > u.MaxServices {
						leg.Over = append(leg.Over, fmt.Sprintf("%d/%d %s services", u.Services, u.MaxServices, l.Name))
					}
				}
				if worseThan(after, worst) {
					worst = after
				}
				switch {
				case r.Loopback():
					leg.End = fmt.Sprintf("back to %s: nothing overrides the client's Host (503 Loop detected)", s.Label())
				case r.To != nil && onPath[r.To]:
					leg.End = fmt.Sprintf("back to %s: a loop (503 Loop detected)", r.To.Label())
				case r.To != nil && visits >= maxVisits:
					leg.End = fmt.Sprintf("on to %s (trace cut short)", r.To.Label())
					t.Truncated = true
				case r.To != nil:
					leg.Next = walk(r.To, after, onPath)
				case r.HostSource == vclmodel.HostUnknown:
					leg.End = "Host not known until deployment"
				case r.ToFastly:
					leg.End = fmt.Sprintf("a Fastly service outside the analysed set (Host %s)", r.Host)
				default:
					leg.End = "origin " + originText(b, r)
				}
				v.Legs = append(v.Legs, leg)
			}
		}
		if len(backends) == 0 {
			worst = make([]Used, len(spent))
			for i, u := range spent {
				u.Hops += analyzer.LimitCost(profile.Limits[i], s, nil)
				u.Services += analyzer.LimitServices(profile.Limits[i], s)
				worst[i] = u
			}
		}
		v.Hops = worst
		return v
	}
	t.Start = walk(d.Service, t.Limits, map[*graph.Service]bool{})
	return t, nil
}

func worseThan(a, b []Used) bool {
	for i := range a {
		if a[i].Hops != b[i].Hops {
			return a[i].Hops > b[i].Hops
		}
	}
	return false
}

func shielded(b *graph.Backend) bool {
	return b.Shield.Known() && strings.TrimSpace(b.Shield.Value) != ""
}

func originText(b *graph.Backend, r *routes.Route) string {
	s := addressText(r.Address, r.Address == "" && b.Address.Unknown)
	if b.Port.Known() && b.Port.Value != 0 {
		s += fmt.Sprintf(":%d", b.Port.Value)
	}
	if r.Host != "" {
		s += " with Host " + r.Host
	}
	return s
}

// addressText is a backend's address as trace prints it: what an unknown
// or missing one is, rather than nothing.
func addressText(address string, unknown bool) string {
	switch {
	case address != "":
		return address
	case unknown:
		return "(address not known until deployment)"
	}
	return "(no address)"
}

// candidates returns the backends a request can leave a service by: with
// the request-flow model, those some path selects (with a request, a path
// it may take); else the one a static "set req.backend" in vcl_recv names,
// the only one, or all of them (dynamic).
func candidates(s *graph.Service, req *graph.Request, exits []*graph.Exit) ([]*graph.Backend, bool) {
	if len(s.Backends) <= 1 {
		return s.Backends, false
	}
	if exits != nil {
		// The model's paths say which backends a request can leave by
		// (with a request, the paths it may take).
		var taken []*graph.Backend
		for _, b := range s.Backends {
			for _, e := range vclmodel.ExitsIn(b, exits) {
				if req == nil {
					taken = append(taken, b)
					break
				}
				if takes, known := e.Takes(req); takes || !known {
					taken = append(taken, b)
					break
				}
			}
		}
		if len(taken) > 0 {
			return taken, len(taken) > 1
		}
	}
	if s.VCL != nil {
		names := map[string]bool{}
		for _, sel := range s.VCL.BackendSelects {
			if sel.Sub == "vcl_recv" {
				names[sel.Backend] = true
			}
		}
		if len(names) == 1 {
			for _, b := range s.Backends {
				if names[b.VCLName()] {
					return []*graph.Backend{b}, false
				}
			}
		}
	}
	return s.Backends, true
}

// legRoute is one way a request leaves by a backend: the route it takes
// and the request paths that take it.
type legRoute struct {
	route     *routes.Route
	when      []string
	undecided bool
}

// maxWhen bounds the paths listed for one leg.
const maxWhen = 4

// legRoutes splits a backend's route by the request-flow model's paths:
// paths that send the same Host share a leg. Where override_host or a VCL
// backend's .host_header decides the Host, or the model did not run, the
// backend's route is the one leg. A shield-switch edge is a leg of its
// own. With a request, only the paths it may take count.
func legRoutes(c *routes.Chains, b *graph.Backend, req *graph.Request, serviceExits []*graph.Exit) []legRoute {
	base := c.RouteOf(b)
	var out []legRoute
	exits := vclmodel.ExitsIn(b, serviceExits)
	if base.HostSource == vclmodel.HostOverride || base.HostSource == vclmodel.HostVCLBackend || len(exits) == 0 || !base.ToFastly {
		out = append(out, legRoute{route: base})
	} else {
		type group struct {
			lr      legRoute
			more    int
			taken   bool // some path of the group is surely taken
			unknown bool // some path may or may not be
		}
		var groups []*group
		byHost := map[string]*group{}
		for _, e := range exits {
			takes, known := true, true
			if req != nil {
				if takes, known = e.Takes(req); known && !takes {
					continue
				}
			}
			key := fmt.Sprint(e.Host.Kind, e.Host.Value)
			g := byHost[key]
			if g == nil {
				g = &group{lr: legRoute{route: exitRoute(c, base, e)}}
				byHost[key] = g
				groups = append(groups, g)
			}
			g.taken = g.taken || req != nil && known && takes
			g.unknown = g.unknown || !known
			if len(g.lr.when) < maxWhen {
				g.lr.when = append(g.lr.when, strings.TrimPrefix(e.Describe(), "when "))
			} else {
				g.more++
			}
		}
		for _, g := range groups {
			g.lr.undecided = g.unknown && !g.taken
			if g.more > 0 {
				g.lr.when = append(g.lr.when, fmt.Sprintf("and %d more paths", g.more))
			}
			out = append(out, g.lr)
		}
	}
	if sr := c.ShieldRouteOf[b]; sr != nil {
		lr := legRoute{route: sr, when: []string{strings.TrimPrefix(sr.Exit.Describe(), "when ")}}
		if req != nil {
			atEdge := *req
			atEdge.IsShield = true // the edge POP sends a shielded backend's request to its shield
			if takes, known := sr.Exit.Takes(&atEdge); known && !takes {
				return out
			} else if !known {
				lr.undecided = true
			}
		}
		out = append(out, lr)
	}
	return out
}

// exitRoute is base with the Host one path sends.
func exitRoute(c *routes.Chains, base *routes.Route, e *graph.Exit) *routes.Route {
	r := *base
	r.ClientExit = nil
	r.SetPartialSet("")
	r.SetHostSpan(e.Host.Pos, e.Host.End)
	switch e.Host.Kind {
	case graph.ExitHostLiteral:
		r.Host, r.HostSource, r.To, r.ToDomain = graph.NormalizeHost(e.Host.Value), vclmodel.HostVCLSet, nil, nil
		if d := c.Domains.Lookup(r.Host); d != nil {
			r.To, r.ToDomain = d.Service, d
		}
	case graph.ExitHostDynamic:
		r.Host, r.HostSource, r.To, r.ToDomain = "", vclmodel.HostUnknown, nil, nil
	default: // the client's Host, or none
		r.Host, r.HostSource, r.To, r.ToDomain = "", vclmodel.HostFromClient, base.From(), nil
	}
	return &r
}

// WriteText renders a trace as an indented tree.
func (t *Trace) WriteText(out io.Writer) error {
	w := &errWriter{w: out}
	var limits []string
	for _, l := range t.Limits {
		limits = append(limits, fmt.Sprintf("%s: %d hops, %d services", l.Limit, l.MaxHops, l.MaxServices))
	}
	fmt.Fprintf(w, "trace Host %s%s (profile %s; %s)\n", printable.String(t.Host), printable.String(t.Path), t.Profile, strings.Join(limits, "; "))
	writeVisit(w, t.Start, "")
	if t.Truncated {
		fmt.Fprintf(w, "(cut short after %d services)\n", maxVisits)
	}
	return w.err
}

// errWriter keeps the first write error (and writes nothing after it),
// so that a text made of many small writes reports a failed output.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func hopsText(us []Used) string {
	var parts []string
	for _, u := range us {
		name := ""
		if u.Limit != "all" {
			name = u.Limit + " "
		}
		parts = append(parts, fmt.Sprintf("%shops %d/%d, services %d/%d", name, u.Hops, u.MaxHops, u.Services, u.MaxServices))
	}
	return strings.Join(parts, "; ")
}

func writeVisit(w io.Writer, v *Visit, indent string) {
	dyn := ""
	if v.Dynamic {
		dyn = ", backend chosen at run time: every candidate"
	}
	fmt.Fprintf(w, "%s%s (%s) [%s%s]\n", indent, printable.String(v.Service), PlatformName(v.Platform), hopsText(v.Hops), dyn)
	for i, leg := range v.Legs {
		branch, cont := "├─ ", "│  "
		if i == len(v.Legs)-1 {
			branch, cont = "└─ ", "   "
		}
		host := "the client's Host"
		if leg.Host != "" {
			host = "Host " + printable.String(leg.Host) + " (" + leg.HostSource + ")"
		}
		extra := ""
		if leg.Shield != "" {
			extra += ", shield " + leg.Shield
		}
		if len(leg.Over) > 0 {
			extra += ", OVER THE LIMIT: " + strings.Join(leg.Over, ", ")
		}
		if leg.SwitchedAtShield {
			host += ", switched at the shield POP"
		}
		fmt.Fprintf(w, "%s%sbackend %q → %s, %s, +%d hops%s\n", indent, branch, leg.Backend, printable.String(addressText(leg.Address, leg.AddressUnknown)), host, leg.HopCost, printable.String(extra))
		for _, when := range leg.When {
			fmt.Fprintf(w, "%s%s   when %s\n", indent, cont, printable.String(when))
		}
		if leg.Undecided {
			fmt.Fprintf(w, "%s%s   (a condition on this path cannot be decided from the request: other legs may be taken)\n", indent, cont)
		}
		if leg.Next != nil {
			writeVisit(w, leg.Next, indent+cont+"   ")
		} else {
			fmt.Fprintf(w, "%s%s   ⇢ %s\n", indent, cont, printable.String(leg.End))
		}
	}
}

// WriteJSON renders a trace as JSON.
func (t *Trace) WriteJSON(w io.Writer) error {
	return jsonout.Write(w, t)
}
