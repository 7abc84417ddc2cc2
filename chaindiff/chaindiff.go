// Package chaindiff compares two lint results of one estate — before and
// after a change — as a reviewer of the change needs it: what each
// backend now reaches and with which Host, the chain edges added and
// removed, loops introduced or removed, the worst path from each entry
// service against the profile's limits, the findings the change
// introduces and fixes (keyed as baselines are: rule, service, object;
// never by line), and an order in which to activate the changed services.
//
// Services are matched by ID (a Fastly ID, or a Terraform address, which
// the Terraform loader uses as a stand-in ID), then by name; backends by
// name.
package chaindiff

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/routes"
	"github.com/chainlint/chainlint/vclmodel"
)

// FormatVersion is the version of the JSON document (Report); it changes
// only when a field changes meaning or goes away.
const FormatVersion = 1

// Side is one side of the comparison.
type Side struct {
	Label  string // what the user named: a directory, git:REV, a file
	Result *lint.Result
	Rel    func(string) string // prints file names
}

// Report is what a change does to the chain.
type Report struct {
	Version         int             `json:"version"`
	Base            string          `json:"base"`
	Head            string          `json:"head"`
	Services        []ServiceChange `json:"services"`
	Edges           EdgeChanges     `json:"edges"`
	Loops           LoopChanges     `json:"loops"`
	Reach           ReachChanges    `json:"reach"`
	PurgeOrder      PurgeChange     `json:"purge_order"`
	Limits          []LimitChange   `json:"limits"`
	Findings        FindingChanges  `json:"findings"`
	ActivationOrder Activation      `json:"activation_order"`

	nm namer
}

// ServiceChange is a service added, removed, or with changed backends
// or domains.
type ServiceChange struct {
	Service        string          `json:"service"`
	Status         string          `json:"status"` // added, removed, changed
	Backends       []BackendChange `json:"backends,omitempty"`
	DomainsAdded   []string        `json:"domains_added,omitempty"`
	DomainsRemoved []string        `json:"domains_removed,omitempty"`
}

// BackendChange is a backend added, removed or changed, before and after.
type BackendChange struct {
	Name   string       `json:"name"`
	Status string       `json:"status"` // added, removed, changed
	Before *BackendView `json:"before,omitempty"`
	After  *BackendView `json:"after,omitempty"`
}

// BackendView is what decides where a backend's requests go.
type BackendView struct {
	Address string `json:"address"`
	// Target is the analysed service the requests reach, "origin", or
	// "Fastly (outside the inputs)".
	Target string `json:"target"`
	// Host is the Host header sent, "" for the client's; HostSource says
	// which layer decides it.
	Host       string `json:"host"`
	HostSource string `json:"host_source"`
	Shield     string `json:"shield,omitempty"`
	TLSName    string `json:"tls_name,omitempty"` // ssl_cert_hostname / SNI
	// OtherPaths are the other Hosts the backend's VCL sends on some
	// request paths (the request-flow model), with the service each
	// reaches, sorted.
	OtherPaths string `json:"other_paths,omitempty"`
}

// Edge is a chain edge: a backend of one service reaching another.
type Edge struct {
	From    string `json:"from"`
	Backend string `json:"backend"`
	To      string `json:"to"`
}

// EdgeChanges are the chain edges added and removed.
type EdgeChanges struct {
	Added   []Edge `json:"added"`
	Removed []Edge `json:"removed"`
}

// LoopChanges are the services on a loop before and after.
type LoopChanges struct {
	Introduced []string `json:"introduced"`
	Removed    []string `json:"removed"`
}

// ReachChanges are the services a request from another service's
// public domain newly reaches through the chain, and those it no longer
// reaches (they still answer their own domains).
type ReachChanges struct {
	Reached         []string `json:"reached"`
	NoLongerReached []string `json:"no_longer_reached"`
}

// PurgeChange is the order to purge chained caches, before and after,
// when it changed: one line per group, origin side first.
type PurgeChange struct {
	Before []string `json:"before,omitempty"`
	After  []string `json:"after,omitempty"`
}

// LimitChange is the worst request path from an entry service (one no
// other analysed service sends to) before and after, against the
// profile; -1 on a side where the service is no entry service (or is
// not there).
type LimitChange struct {
	Service        string `json:"service"`
	HopsBefore     int    `json:"hops_before"`
	HopsAfter      int    `json:"hops_after"`
	ServicesBefore int    `json:"services_before"`
	ServicesAfter  int    `json:"services_after"`
	MaxHops        int    `json:"max_hops"`
	MaxServices    int    `json:"max_services"`
}

// Finding is a finding as the diff reports it.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Service  string `json:"service,omitempty"`
	Object   string `json:"object,omitempty"`
	Message  string `json:"message"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`

	sev analyzer.Severity
}

// FindingChanges are the findings introduced and fixed.
type FindingChanges struct {
	Introduced []Finding `json:"introduced"`
	Fixed      []Finding `json:"fixed"`
}

// Activation is an order in which to activate the changed services, one
// at a time: a service after every changed service it sends requests to
// (origins first), so that no step sends requests to a service that does
// not yet answer as the change means it to.
type Activation struct {
	Order []string `json:"order"`
	// Blocked names a loop among the changed services, which no order
	// activates without a step where one side is old.
	Blocked string `json:"blocked,omitempty"`
	// Unenforced lists the steps of the order Terraform will not keep:
	// nothing in the later service's resource refers to the earlier
	// one's (no reference, no depends_on), so one apply may update them
	// in any order.
	Unenforced []string `json:"unenforced,omitempty"`
	// Checked says the order was checked step by step (it is for up to
	// MaxCheckedSteps changed services: each step is a pass over the
	// estate).
	Checked bool `json:"checked"`
	// Drafts are the changed services Terraform leaves as drafts
	// (activate = false): someone activates them, in this order.
	Drafts []string `json:"drafts,omitempty"`
}

// Compare builds the report of what head changes from base.
func Compare(base, head Side) *Report {
	r := &Report{Version: FormatVersion, Base: base.Label, Head: head.Label,
		Services: []ServiceChange{}, Edges: EdgeChanges{Added: []Edge{}, Removed: []Edge{}},
		Loops: LoopChanges{Introduced: []string{}, Removed: []string{}}, Limits: []LimitChange{},
		Reach:    ReachChanges{Reached: []string{}, NoLongerReached: []string{}},
		Findings: FindingChanges{Introduced: []Finding{}, Fixed: []Finding{}}, ActivationOrder: Activation{Order: []string{}}}
	bc, hc := base.Result.Chains(), head.Result.Chains()
	nm := newNamer(base, head)
	r.nm = nm
	pairs := match(bc.Graph.Services, hc.Graph.Services, base.Rel, head.Rel, nm)
	changed := r.compareServices(pairs, bc, hc)
	r.compareEdges(bc, hc)
	r.compareLoops(bc, hc)
	r.Reach.Reached = setDiff(reached(hc, nm), reached(bc, nm))
	inHead := map[string]bool{}
	for _, s := range hc.Graph.Services {
		inHead[nm(s)] = true
	}
	for _, s := range setDiff(reached(bc, nm), reached(hc, nm)) {
		if inHead[s] { // a removed service is reported as removed
			r.Reach.NoLongerReached = append(r.Reach.NoLongerReached, s)
		}
	}
	if before, after := purgeLines(bc), purgeLines(hc); !slices.Equal(before, after) {
		r.PurgeOrder = PurgeChange{Before: before, After: after}
	}
	r.compareLimits(pairs, base.Result, head.Result)
	r.compareFindings(base, head)
	r.activationOrder(hc, changed)
	r.checkOrder(pairs, bc, hc)
	r.terraformOrder(hc)
	return r
}

// terraformOrder says where Terraform will not keep the order, and which
// changed services it leaves as drafts.
func (r *Report) terraformOrder(hc *routes.Chains) {
	nm := r.nm
	pos := map[string]int{}
	for i, n := range r.ActivationOrder.Order {
		pos[n] = i
	}
	byLabel := map[string]*graph.Service{}
	for _, s := range hc.Graph.Services {
		byLabel[nm(s)] = s
	}
	for _, n := range r.ActivationOrder.Order {
		if s := byLabel[n]; s != nil && s.Terraform != nil && s.Terraform.Activate.Known() && !s.Terraform.Activate.Value {
			r.ActivationOrder.Drafts = append(r.ActivationOrder.Drafts, n)
		}
	}
	seen := map[[2]string]bool{}
	for _, rt := range hc.Routes {
		s := rt.From()
		for _, t := range []*graph.Service{rt.To, addressed(rt)} {
			if t == nil || t == s || s.Terraform == nil || t.Terraform == nil {
				continue
			}
			ps, okS := pos[nm(s)]
			pt, okT := pos[nm(t)]
			key := [2]string{nm(s), nm(t)}
			if !okS || !okT || pt > ps || seen[key] {
				continue
			}
			seen[key] = true
			if !refersTo(rt.Backend.Refs(), t.Terraform.Address) && !refersTo(s.Terraform.DependsOn, t.Terraform.Address) {
				r.ActivationOrder.Unenforced = append(r.ActivationOrder.Unenforced, fmt.Sprintf(
					"%s after %s: backend %q of %s names %s's address literally and %s has no depends_on on it, so one terraform apply may update them in either order; refer to %s's domain in the address, or add depends_on = [%s]",
					nm(s), nm(t), rt.Backend.Name.Value, s.Terraform.Address, t.Terraform.Address, s.Terraform.Address, t.Terraform.Address, graph.TerraformAddressBase(t.Terraform.Address)))
			}
		}
	}
	sort.Strings(r.ActivationOrder.Unenforced)
}

// refersTo reports whether references (module-relative "type.name" or
// "module.name") name the resource at addr (a full address, keys and
// all).
func refersTo(refs []string, addr string) bool {
	a := graph.TerraformAddressBase(addr)
	for _, ref := range refs {
		if a == ref || strings.HasSuffix(a, "."+ref) || strings.HasPrefix(a, ref+".") {
			return true
		}
	}
	return false
}

// namer is the name the report gives a service: its label, and, where
// labels repeat on a side (one Terraform address in several root
// modules), the directory of the file that declares it.
type namer func(*graph.Service) string

func newNamer(sides ...Side) namer {
	names := map[*graph.Service]string{}
	for _, sd := range sides {
		count := map[string]int{}
		svcs := sd.Result.Chains().Graph.Services
		for _, s := range svcs {
			count[s.Label()]++
		}
		for _, s := range svcs {
			n := s.Label()
			if count[n] > 1 && s.File != "" {
				n += " (" + filepath.ToSlash(filepath.Dir(sd.Rel(s.File))) + ")"
			}
			names[s] = n
		}
	}
	return func(s *graph.Service) string {
		if n, ok := names[s]; ok {
			return n
		}
		return s.Label()
	}
}

// pair is a service on both sides, or on one (the other nil), with the
// name the report gives it.
type pair struct {
	base, head *graph.Service
	name       string
}

func (p pair) label() string { return p.name }

// match pairs services by ID, then by name, each first with the file
// that declares them (a Terraform address is the same in every root
// module that declares it, so the file tells them apart), then alone.
// Services sharing a key pair up in order.
func match(base, head []*graph.Service, brel, hrel func(string) string, nm namer) []pair {
	var out []pair
	usedB, usedH := map[*graph.Service]bool{}, map[*graph.Service]bool{}
	withFile := func(rel func(string) string, k func(*graph.Service) string) func(*graph.Service) string {
		return func(s *graph.Service) string {
			if k(s) == "" {
				return ""
			}
			return k(s) + "\x00" + rel(s.File)
		}
	}
	id := func(s *graph.Service) string { return s.ID.Value }
	name := func(s *graph.Service) string { return s.Name.Value }
	for _, keys := range [][2]func(*graph.Service) string{
		{withFile(brel, id), withFile(hrel, id)}, {id, id},
		{withFile(brel, name), withFile(hrel, name)}, {name, name},
	} {
		byKey := map[string][]*graph.Service{}
		for _, s := range base {
			if k := keys[0](s); k != "" && !usedB[s] {
				byKey[k] = append(byKey[k], s)
			}
		}
		for _, h := range head {
			k := keys[1](h)
			if usedH[h] || k == "" || len(byKey[k]) == 0 {
				continue
			}
			b := byKey[k][0]
			byKey[k] = byKey[k][1:]
			out = append(out, pair{b, h, nm(h)})
			usedB[b], usedH[h] = true, true
		}
	}
	for _, s := range base {
		if !usedB[s] {
			out = append(out, pair{base: s, name: nm(s)})
		}
	}
	for _, s := range head {
		if !usedH[s] {
			out = append(out, pair{head: s, name: nm(s)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].label() < out[j].label() })
	return out
}

// compareServices reports services added, removed and with changed
// backends; it returns the labels of the services the change touches.
func (r *Report) compareServices(pairs []pair, bc, hc *routes.Chains) map[string]bool {
	nm := r.nm
	changed := map[string]bool{}
	for _, p := range pairs {
		switch {
		case p.base == nil:
			r.Services = append(r.Services, ServiceChange{Service: p.label(), Status: "added", Backends: backendChanges(nil, p.head, nil, hc, nm)})
			changed[p.label()] = true
		case p.head == nil:
			r.Services = append(r.Services, ServiceChange{Service: p.label(), Status: "removed", Backends: backendChanges(p.base, nil, bc, nil, nm)})
			changed[p.label()] = true
		default:
			bs := backendChanges(p.base, p.head, bc, hc, nm)
			added, removed := setDiff(domainSet(p.head), domainSet(p.base)), setDiff(domainSet(p.base), domainSet(p.head))
			if len(bs)+len(added)+len(removed) > 0 {
				r.Services = append(r.Services, ServiceChange{Service: p.label(), Status: "changed", Backends: bs, DomainsAdded: added, DomainsRemoved: removed})
				changed[p.label()] = true
			}
		}
	}
	return changed
}

func domainSet(s *graph.Service) map[string]bool {
	out := map[string]bool{}
	for _, d := range s.Domains {
		out[strings.ToLower(d.Name.Value)] = true
	}
	return out
}

func backendChanges(base, head *graph.Service, bc, hc *routes.Chains, nm namer) []BackendChange {
	views := func(s *graph.Service, c *routes.Chains) (map[string]*BackendView, []string) {
		out := map[string]*BackendView{}
		var names []string
		if s == nil {
			return out, nil
		}
		for _, b := range s.Backends {
			if _, dup := out[b.Name.Value]; !dup {
				names = append(names, b.Name.Value)
			}
			out[b.Name.Value] = view(b, c, nm)
		}
		return out, names
	}
	before, bn := views(base, bc)
	after, an := views(head, hc)
	names := slices.Concat(bn, an)
	seen := map[string]bool{}
	var out []BackendChange
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		b, a := before[n], after[n]
		switch {
		case b == nil:
			out = append(out, BackendChange{Name: n, Status: "added", After: a})
		case a == nil:
			out = append(out, BackendChange{Name: n, Status: "removed", Before: b})
		case *a != *b:
			out = append(out, BackendChange{Name: n, Status: "changed", Before: b, After: a})
		}
	}
	return out
}

func view(b *graph.Backend, c *routes.Chains, nm namer) *BackendView {
	v := &BackendView{Address: b.Address.Value, Target: "origin", HostSource: vclmodel.HostFromClient.String()}
	if !b.Address.Known() {
		v.Address = "(not known)" // until apply, or from a variable without a value
	}
	if b.Shield.Known() {
		v.Shield = b.Shield.Value
	}
	if b.SSLCertHostname.Known() {
		v.TLSName = b.SSLCertHostname.Value
	}
	var other []string
	for _, pr := range c.PathRoutesOf[b] {
		to := "origin"
		if pr.To != nil {
			to = nm(pr.To)
		}
		other = append(other, "Host "+pr.Host+" → "+to)
	}
	sort.Strings(other)
	v.OtherPaths = strings.Join(slices.Compact(other), "; ")
	if r := c.RouteOf(b); r != nil {
		v.Host, v.HostSource = r.Host, r.HostSource.String()
		switch {
		case r.To != nil && r.AddressDomain != nil && r.AddressDomain.Service != r.To:
			v.Target = fmt.Sprintf("%s (addressed to %s, but the Host routes it there)", nm(r.To), nm(r.AddressDomain.Service))
		case r.To != nil:
			v.Target = nm(r.To)
		case r.ToFastly:
			v.Target = "Fastly (outside the inputs)"
		}
	}
	return v
}

func edges(c *routes.Chains, nm namer) map[Edge]bool {
	out := map[Edge]bool{}
	for _, r := range c.Routes {
		if r.To != nil {
			out[Edge{From: nm(r.From()), Backend: r.Backend.Name.Value, To: nm(r.To)}] = true
		}
	}
	return out
}

func (r *Report) compareEdges(bc, hc *routes.Chains) {
	nm := r.nm
	be, he := edges(bc, nm), edges(hc, nm)
	for e := range he {
		if !be[e] {
			r.Edges.Added = append(r.Edges.Added, e)
		}
	}
	for e := range be {
		if !he[e] {
			r.Edges.Removed = append(r.Edges.Removed, e)
		}
	}
	sortEdges(r.Edges.Added)
	sortEdges(r.Edges.Removed)
}

func sortEdges(es []Edge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		return a.From+"\x00"+a.Backend+"\x00"+a.To < b.From+"\x00"+b.Backend+"\x00"+b.To
	})
}

func looping(c *routes.Chains, nm namer) map[string]bool {
	out := map[string]bool{}
	for _, s := range c.Graph.Services {
		if c.HasCycle(s) {
			out[nm(s)] = true
		}
	}
	return out
}

// reached is the services a chain edge from another service reaches.
func reached(c *routes.Chains, nm namer) map[string]bool {
	out := map[string]bool{}
	for _, r := range c.Routes {
		if r.To != nil && r.To != r.From() {
			out[nm(r.To)] = true
		}
	}
	return out
}

// setDiff is a's members not in b, sorted.
func setDiff(a, b map[string]bool) []string {
	out := []string{}
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// purgeLines renders the purge order one group a line.
func purgeLines(c *routes.Chains) []string {
	var out []string
	for _, p := range chainview.PurgeOrder(c) {
		if p.Loop != "" {
			out = append(out, "a loop, no order: "+p.Loop)
			continue
		}
		var names []string
		for _, st := range p.Steps {
			names = append(names, st.Service)
		}
		out = append(out, strings.Join(names, ", "))
	}
	return out
}

func (r *Report) compareLoops(bc, hc *routes.Chains) {
	nm := r.nm
	bl, hl := looping(bc, nm), looping(hc, nm)
	for s := range hl {
		if !bl[s] {
			r.Loops.Introduced = append(r.Loops.Introduced, s)
		}
	}
	for s := range bl {
		if !hl[s] {
			r.Loops.Removed = append(r.Loops.Removed, s)
		}
	}
	sort.Strings(r.Loops.Introduced)
	sort.Strings(r.Loops.Removed)
}

// worst is the worst path from each service: hops and services.
func worst(res *lint.Result, nm namer) map[string][2]int {
	c := res.Chains()
	hops, _ := c.PathMax(analyzer.HopCost)
	services, _ := c.PathMax(func(*graph.Service, *routes.Route) int { return 1 })
	out := map[string][2]int{}
	for i, s := range c.Graph.Services {
		entry := len(s.Domains) > 0
		for _, r := range c.In(s) {
			entry = entry && r.From() == s
		}
		if entry {
			out[nm(s)] = [2]int{hops[i], services[i]}
		}
	}
	return out
}

func (r *Report) compareLimits(pairs []pair, base, head *lint.Result) {
	nm := r.nm
	bw, hw := worst(base, nm), worst(head, nm)
	maxHops, maxServices := 0, 0
	for _, l := range head.Profile.Limits {
		maxHops, maxServices = max(maxHops, l.Hops), max(maxServices, l.Services)
	}
	for _, p := range pairs {
		var b, h [2]int
		okB, okH := false, false
		if p.base != nil {
			b, okB = bw[nm(p.base)]
		}
		if p.head != nil {
			h, okH = hw[nm(p.head)]
		}
		if !okB && !okH || okB && okH && b == h {
			continue
		}
		lc := LimitChange{Service: p.label(), HopsBefore: b[0], HopsAfter: h[0], ServicesBefore: b[1], ServicesAfter: h[1], MaxHops: maxHops, MaxServices: maxServices}
		if !okB {
			lc.HopsBefore, lc.ServicesBefore = -1, -1 // not an entry service before
		}
		if !okH {
			lc.HopsAfter, lc.ServicesAfter = -1, -1
		}
		r.Limits = append(r.Limits, lc)
	}
}

type findingKey struct{ rule, service, object, file string }

func findingsOf(s Side) (map[findingKey][]Finding, []findingKey) {
	out := map[findingKey][]Finding{}
	var order []findingKey
	for _, f := range s.Result.Findings {
		k := findingKey{rule: f.Rule, service: f.Service, object: f.Object}
		if f.Service == "" {
			k.file = s.Rel(f.Pos.Filename)
		}
		if _, ok := out[k]; !ok {
			order = append(order, k)
		}
		out[k] = append(out[k], Finding{Rule: f.Rule, Severity: f.Severity.String(), Service: f.Service, Object: f.Object, Message: f.Message,
			File: s.Rel(f.Pos.Filename), Line: f.Pos.Line, Column: f.Pos.Column, sev: f.Severity})
	}
	return out, order
}

// compareFindings keys findings as baselines do (rule, service, object;
// the file for a finding about no service), never by line: moving code is
// not a change. A key found more often after than before introduces the
// extra ones.
func (r *Report) compareFindings(base, head Side) {
	bf, border := findingsOf(base)
	hf, horder := findingsOf(head)
	for _, k := range horder {
		if extra := len(hf[k]) - len(bf[k]); extra > 0 {
			r.Findings.Introduced = append(r.Findings.Introduced, hf[k][len(hf[k])-extra:]...)
		}
	}
	for _, k := range border {
		if gone := len(bf[k]) - len(hf[k]); gone > 0 {
			r.Findings.Fixed = append(r.Findings.Fixed, bf[k][len(bf[k])-gone:]...)
		}
	}
}

// activationOrder orders the changed services of head so that each
// comes after every changed service it sends requests to, or means to
// (its backend's address names that service even where the Host sends
// the request elsewhere): origins first. A loop among changed services
// has no such order; the pair is named.
func (r *Report) activationOrder(hc *routes.Chains, changed map[string]bool) {
	nm := r.nm
	deps := map[string]map[string]bool{} // service → changed services it needs first
	var names []string
	for _, s := range hc.Graph.Services {
		if changed[nm(s)] && deps[nm(s)] == nil {
			deps[nm(s)] = map[string]bool{}
			names = append(names, nm(s))
		}
	}
	for _, rt := range hc.Routes {
		from := nm(rt.From())
		if deps[from] == nil {
			continue
		}
		for _, to := range []*graph.Service{rt.To, addressed(rt)} {
			if to != nil && to != rt.From() && deps[nm(to)] != nil {
				deps[from][nm(to)] = true
			}
		}
	}
	sort.Strings(names)
	done := map[string]bool{}
	for len(done) < len(names) {
		progress := false
		for _, n := range names {
			if done[n] {
				continue
			}
			ready := true
			for d := range deps[n] {
				ready = ready && done[d]
			}
			if ready {
				r.ActivationOrder.Order = append(r.ActivationOrder.Order, n)
				done[n], progress = true, true
			}
		}
		if !progress { // a loop: name a pair on it, then go on in name order
			for _, n := range names {
				if done[n] {
					continue
				}
				for d := range deps[n] {
					if !done[d] && deps[d][n] && r.ActivationOrder.Blocked == "" {
						a, b := min(n, d), max(n, d)
						r.ActivationOrder.Blocked = fmt.Sprintf("%s and %s send requests to each other: whichever is activated first sends to the other's old configuration", a, b)
					}
				}
				if r.ActivationOrder.Blocked == "" {
					r.ActivationOrder.Blocked = n + " is on a loop of changed services"
				}
				r.ActivationOrder.Order = append(r.ActivationOrder.Order, n)
				done[n] = true
				break
			}
		}
	}
	// Removed services have nothing to activate: they are deactivated
	// once the services that sent to them no longer do.
	var removed []string
	for _, sc := range r.Services {
		if sc.Status == "removed" {
			removed = append(removed, sc.Service)
		}
	}
	sort.Strings(removed)
	for _, s := range removed {
		r.ActivationOrder.Order = append(r.ActivationOrder.Order, s+" (deactivate)")
	}
}

// addressed is the analysed service a route's address names, if any.
func addressed(r *routes.Route) *graph.Service {
	if r.AddressDomain != nil {
		return r.AddressDomain.Service
	}
	return nil
}

// Introduced returns the introduced findings at or above a severity.
func (r *Report) Introduced(atLeast analyzer.Severity) []Finding {
	var out []Finding
	for _, f := range r.Findings.Introduced {
		if f.sev >= atLeast {
			out = append(out, f)
		}
	}
	return out
}

// Unchanged reports a change that does nothing to the chain.
func (r *Report) Unchanged() bool {
	return len(r.Services) == 0 && len(r.Edges.Added)+len(r.Edges.Removed) == 0 && len(r.Loops.Introduced)+len(r.Loops.Removed) == 0 &&
		len(r.Findings.Introduced)+len(r.Findings.Fixed) == 0 && len(r.Limits) == 0 &&
		len(r.Reach.Reached)+len(r.Reach.NoLongerReached) == 0 && r.PurgeOrder.Before == nil && r.PurgeOrder.After == nil
}

// headline is the one-line summary.
func (r *Report) headline() string {
	if r.Unchanged() {
		return "no change to the chain"
	}
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(len(r.Services), plural(len(r.Services), "service", "services")+" changed")
	add(len(r.Edges.Added), plural(len(r.Edges.Added), "edge", "edges")+" added")
	add(len(r.Edges.Removed), plural(len(r.Edges.Removed), "edge", "edges")+" removed")
	add(len(r.Loops.Introduced), plural(len(r.Loops.Introduced), "service", "services")+" newly on a loop")
	add(len(r.Findings.Introduced), plural(len(r.Findings.Introduced), "finding", "findings")+" introduced")
	add(len(r.Findings.Fixed), plural(len(r.Findings.Fixed), "finding", "findings")+" fixed")
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// MaxCheckedSteps bounds the orders checked step by step: each step is a
// pass over the estate, so a change of every service of a large estate
// (a migration) would cost its size squared.
const MaxCheckedSteps = 100

// checkOrder walks the activation order step by step, each step's estate
// being the activated services' new configuration and the others' old
// one, and checks that at no step a backend's Host reaches another
// service than it reaches on its own side (or none, or two): what a
// half-activated chain would get wrong. When the proposed order fails,
// another is searched for among up to six changed services; when none
// passes, Blocked says which step goes wrong.
func (r *Report) checkOrder(pairs []pair, bc, hc *routes.Chains) {
	nm := r.nm
	n := len(r.ActivationOrder.Order)
	if n == 0 || r.ActivationOrder.Blocked != "" || n > MaxCheckedSteps {
		return
	}
	r.ActivationOrder.Checked = true
	problem := firstProblem(r.ActivationOrder.Order, pairs, bc, hc, nm)
	if problem == "" {
		return
	}
	if n <= 6 {
		for _, order := range permutations(r.ActivationOrder.Order) {
			if firstProblem(order, pairs, bc, hc, nm) == "" {
				r.ActivationOrder.Order = order
				return
			}
		}
	}
	r.ActivationOrder.Blocked = problem
}

// firstProblem is the first step of an order at which a backend's Host
// is answered by another service than on its own side, or "".
func firstProblem(order []string, pairs []pair, bc, hc *routes.Chains, nm namer) string {
	own := map[*routes.Chains]map[string][]string{bc: hostMap(bc, nm), hc: hostMap(hc, nm)}
	active := map[string]bool{}
	for step, name := range order {
		active[strings.TrimSuffix(name, " (deactivate)")] = true
		// The estate at this step: each service as activated or not.
		hosts := map[string][]string{} // domain → services answering it
		type version struct {
			s *graph.Service
			c *routes.Chains
		}
		var live []version
		for _, p := range pairs {
			v := version{p.base, bc}
			if active[p.label()] {
				v = version{p.head, hc}
			}
			if v.s == nil {
				continue
			}
			live = append(live, v)
			for _, d := range v.s.Domains {
				host := strings.ToLower(d.Name.Value)
				hosts[host] = append(hosts[host], p.label())
			}
		}
		for _, v := range live {
			for _, b := range v.s.Backends {
				rt := v.c.RouteOf(b)
				if rt == nil || rt.Host == "" || !rt.ToFastly || rt.To == nil {
					continue
				}
				if mine := answering(own[v.c], rt.Host); len(mine) != 1 {
					continue // a problem of its own side already (duplicate-domain)
				}
				got := answering(hosts, rt.Host)
				if len(got) != 1 || got[0] != nm(rt.To) {
					what := "no service"
					if len(got) > 0 {
						what = strings.Join(got, " and ")
					}
					return fmt.Sprintf("after step %d (%s), backend %q of %s sends Host %s, which %s answers, not %s", step+1, name, b.Name.Value, nm(v.s), rt.Host, what, nm(rt.To))
				}
			}
		}
	}
	return ""
}

// hostMap maps each domain of a side to the services answering it.
func hostMap(c *routes.Chains, nm namer) map[string][]string {
	out := map[string][]string{}
	for _, s := range c.Graph.Services {
		for _, d := range s.Domains {
			host := strings.ToLower(d.Name.Value)
			out[host] = append(out[host], nm(s))
		}
	}
	return out
}

// answering is the services answering a Host: an exact domain, else a
// wildcard of one label.
func answering(hosts map[string][]string, host string) []string {
	if s := hosts[host]; len(s) > 0 {
		return s
	}
	if i := strings.IndexByte(host, '.'); i > 0 {
		return hosts["*"+host[i:]]
	}
	return nil
}

// permutations lists the orders of names (at most 720 for six).
func permutations(names []string) [][]string {
	if len(names) <= 1 {
		return [][]string{slices.Clone(names)}
	}
	var out [][]string
	for i := range names {
		rest := slices.Concat(names[:i:i], names[i+1:])
		for _, p := range permutations(rest) {
			out = append(out, append([]string{names[i]}, p...))
		}
	}
	return out
}
