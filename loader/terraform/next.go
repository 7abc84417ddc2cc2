package terraform

import (
	"fmt"
	"go/token"
	"math/big"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/chainlint/chainlint/graph"
)

// Fastly's next Terraform provider (fastly/terraform-provider-fastly-beta,
// registry source fastly/fastly-beta; its docs/dual-model-provider-design.md
// and docs/guides/hcl_syntax_changes.md) has two resource families:
//
//   - automatic: fastly_service_cdn_auto and fastly_service_compute_auto,
//     the current provider's fastly_service_vcl and fastly_service_compute
//     renamed, nested blocks and all (canonical maps them);
//   - explicit: fastly_service_cdn and fastly_service_compute hold the
//     service alone; each versioned object is a resource of its own that
//     names its service with service_id and the version it writes with
//     version. Staging and a Compute package upload are actions.
//
// The explicit family's objects are read like nested blocks, then joined
// to their service here, once every module has been built: a service_id
// may come from another module. Of the versions they name, the highest is
// linted (the one being configured: the provider writes to the version
// given and refuses an active or locked one), and a note says which.

// nextKind is what chainlint reads of a versioned resource.
type nextKind int

const (
	nextOther nextKind = iota // joined to its service; nothing a rule checks
	nextDomain
	nextBackend
	nextCondition
	nextHeader
	nextRequestSetting
	nextSnippet
	nextVCL
	nextResourceLink
)

// nextObjects are the explicit family's versioned resource types (the
// provider's docs/list-resources and docs/resources), by what is read of
// them. fastly_service_vcl is one of them too (a custom VCL file) when it
// names a service_id and a version: the current provider's service type
// of that name has neither (see isVersionedVCL). Logging endpoints
// (fastly_service_logging_*) are nextOther as well.
var nextObjects = map[string]nextKind{
	"fastly_service_domain":          nextDomain,
	"fastly_service_backend":         nextBackend,
	"fastly_service_condition":       nextCondition,
	"fastly_service_header":          nextHeader,
	"fastly_service_request_setting": nextRequestSetting,
	"fastly_service_vcl_snippet":     nextSnippet,
	"fastly_service_snippet":         nextSnippet,
	"fastly_service_custom_vcl":      nextVCL,
	"fastly_service_resource_link":   nextResourceLink,

	"fastly_service_cache_setting":                    nextOther,
	"fastly_service_cdn_acl":                          nextOther,
	"fastly_service_dictionary":                       nextOther,
	"fastly_service_director":                         nextOther,
	"fastly_service_dynamic_vcl_snippet":              nextOther,
	"fastly_service_gzip":                             nextOther,
	"fastly_service_healthcheck":                      nextOther,
	"fastly_service_image_optimizer_default_settings": nextOther,
	"fastly_service_ratelimiter":                      nextOther,
	"fastly_service_response_object":                  nextOther,
	"fastly_service_settings":                         nextOther,
}

// nextVersionless are the explicit family's resources that name a
// service but no version (an ACL's or dictionary's entries, a dynamic
// snippet's content, product enablement): they change no version, hold
// nothing the chain rules check, and are known, not skipped.
var nextVersionless = map[string]bool{
	"fastly_service_cdn_acl_entries":         true,
	"fastly_service_dictionary_items":        true,
	"fastly_service_dynamic_snippet_content": true,
	"fastly_service_authorization":           true,
}

func nextObjectKind(typ string) (nextKind, bool) {
	if k, ok := nextObjects[typ]; ok {
		return k, true
	}
	if strings.HasPrefix(typ, "fastly_service_logging_") {
		return nextOther, true
	}
	return 0, false
}

// nextKnown reports a resource type of the next provider that chainlint
// knows and need not note: a versioned or versionless object, a product
// enablement, or a service of either family.
func nextKnown(typ string) bool {
	_, versioned := nextObjectKind(typ)
	switch {
	case versioned, nextVersionless[typ], strings.HasPrefix(typ, "fastly_service_product_"):
		return true
	}
	switch typ {
	case "fastly_service_cdn", "fastly_service_cdn_auto", "fastly_service_compute_auto", "fastly_service_compute", "fastly_service_vcl":
		return true
	}
	return false
}

// nextActions are the actions chainlint reads (Terraform 1.14 action
// blocks; their config block is read as a resource's body): staging a
// version, and uploading a Compute package to one.
var nextActions = map[string]bool{
	"fastly_service_version_stage":          true,
	"fastly_service_compute_package_upload": true,
}

// BetaSource is the registry source of the next provider.
const BetaSource = "fastly/fastly-beta"

// isBetaSource reports a required_providers source naming the next
// provider ("fastly/fastly-beta", with or without a registry host).
func isBetaSource(src string) bool {
	return strings.HasSuffix(strings.ToLower(src), BetaSource)
}

// nextEstate gathers, while modules are built (or a show -json document
// read), what the join needs. Positions are the graph's, so both readers
// share the join.
type nextEstate struct {
	services map[string]*nextService // by (stand-in) ID, made by join
	order    []*nextService
	objects  []*nextObject
	// objectsOf are each service's objects, joined (in nextEstate, not
	// in every service's record: a service of the current provider has
	// none, and its record is 64 bytes, not 96).
	objectsOf map[*nextService][]*nextObject
	actions   []*nextAction
	// betaSource and its position: the first required_providers that
	// names the next provider.
	betaSource       string
	betaPos, betaEnd token.Pos
	betaFrom         string // where betaSource was read: "required_providers" or "provider_name"
}

// nextService is a service resource of any family or provider.
type nextService struct {
	svc       *graph.Service
	typ, addr string
	// nested: it declares nested blocks (the current provider, or the
	// automatic family): it owns its versions' configuration.
	nested bool
	// beta: its module names the next provider in required_providers.
	beta     bool
	pos, end token.Pos // its declaration
}

// nextObject is a versioned resource, read.
type nextObject struct {
	typ, label string
	span       graph.Span
	kind       nextKind
	// service is the service_id (a stand-in ID for a reference), and
	// serviceWhy why it is unknown; servicePos..serviceEnd locate it.
	service                cty.Value
	serviceWhy             string
	servicePos, serviceEnd token.Pos
	version                cty.Value
	versionText            string   // the version attribute's source, e.g. var.service_version
	obj                    any      // *analyzer.Domain, *analyzer.Backend, …; nil for nextOther
	refs                   []string // a backend's (graph.Backend.Refs)
}

// nextAction is a stage or package-upload action, read.
type nextAction struct {
	typ, addr string
	span      graph.Span
	service   cty.Value
	filename  graph.Field[string]
}

// isVersionedVCL reports a fastly_service_vcl that is the next provider's
// custom VCL file resource: it names service_id and version and nests no
// block, where the current provider's service has no such attributes.
func isVersionedVCL(inst *instance) bool {
	return inst.body.attr("service_id") != nil && inst.body.attr("version") != nil && len(inst.body.blocks) == 0
}

// addNextService records a service resource for the join.
func (l *loader) addNextService(s *graph.Service, inst *instance) {
	rng := inst.body.block.DefRange
	l.next.add(&nextService{svc: s, typ: inst.r.typ, addr: inst.addr, nested: len(inst.body.blocks) > 0,
		beta: l.moduleIsBeta(rng.Filename), pos: l.pos(rng, false), end: l.pos(rng, true)})
}

func (n *nextEstate) add(ns *nextService) {
	n.order = append(n.order, ns)
}

// moduleIsBeta reports whether the module declaring a file names the
// next provider as its source.
func (l *loader) moduleIsBeta(file string) bool {
	m := l.modules[filepath.Clean(filepath.Dir(file))]
	return m != nil && m.provider != nil && isBetaSource(m.provider.source)
}

// addNextObject reads a versioned resource for the join.
func (l *loader) addNextObject(inst *instance, kind nextKind) {
	b := inst.body
	o := &nextObject{typ: inst.r.typ, label: l.instanceLabel(inst), span: l.span(b.block), kind: kind,
		service: cty.NullVal(cty.String), version: cty.NullVal(cty.Number)}
	o.servicePos, o.serviceEnd = l.pos(b.block.DefRange, false), l.pos(b.block.DefRange, true)
	if a := b.attr("service_id"); a != nil {
		r := a.expr.Range()
		o.service, o.serviceWhy, o.servicePos, o.serviceEnd = a.val, a.why, l.pos(r, false), l.pos(r, true)
		if isInputError(a.why) {
			o.serviceWhy = inputErrorWhy // a parse-error already
		}
	}
	if a := b.attr("version"); a != nil {
		o.version = a.val
		r := a.expr.Range()
		if text, ok := l.bytes(l.file(r.Filename), r.Start.Byte, r.End.Byte); ok {
			o.versionText = string(text)
		}
	}
	// The resource's body reads as the nested block it replaces; its
	// whole block is what a fix edits, unless count or for_each makes
	// one block many objects.
	body := *b
	if inst.r.count == nil && inst.r.forEach == nil {
		body.raw = b.block
	} else {
		body.static = false
	}
	switch kind {
	case nextDomain:
		o.obj = l.readDomain(nil, inst, &body)
	case nextBackend:
		o.obj, o.refs = l.readBackend(nil, inst, &body), backendRefs(&body)
	case nextCondition:
		o.obj = l.readCondition(&body)
	case nextHeader:
		o.obj = l.readHeader(&body)
	case nextRequestSetting:
		o.obj = l.readRequestSetting(&body)
	case nextSnippet:
		o.obj = l.readSnippet(inst, &body)
	case nextVCL:
		o.obj = l.readVCL(inst, &body)
	case nextResourceLink:
		o.obj = l.readLink(nil, inst, &body)
	}
	l.next.objects = append(l.next.objects, o)
}

// addNextAction reads a stage or package-upload action.
func (l *loader) addNextAction(inst *instance) {
	a := &nextAction{typ: inst.r.typ, addr: "action." + inst.addr, span: l.span(inst.body.block), service: cty.NullVal(cty.String)}
	if sid := inst.body.attr("service_id"); sid != nil {
		a.service = sid.val
	}
	if inst.r.typ == "fastly_service_compute_package_upload" {
		a.filename = l.packagePath(inst, inst.body)
	}
	l.next.actions = append(l.next.actions, a)
}

// joinNext joins the explicit family of an HCL load.
func (l *loader) joinNext() {
	for _, dir := range sortedNames(l.modules) {
		if p := l.modules[dir].provider; p != nil && isBetaSource(p.source) {
			l.next.betaSource, l.next.betaPos, l.next.betaEnd = p.source, l.pos(p.rng, false), l.pos(p.rng, true)
			break
		}
	}
	l.next.join(l.g, func(pos, end token.Pos, msg string) {
		key := fmt.Sprintf("%d %s", pos, msg)
		if !l.seenProblem[key] {
			l.seenProblem[key] = true
			l.g.Notes = append(l.g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: pos, End: end, Message: msg})
		}
	})
}

// inputErrorWhy marks a service_id whose expression is an input error,
// which a parse-error reports already.
const inputErrorWhy = "\x00input error"

// join joins the explicit family's objects and actions to their
// services, then notes how the estate was read; skipped notes what is
// left out.
func (n *nextEstate) join(g *graph.Graph, skipped func(pos, end token.Pos, msg string)) {
	if len(n.objects) == 0 && len(n.actions) == 0 && n.betaSource == "" && !n.anyNext() {
		// The current provider's estate: only an empty Compute service
		// is worth a word (the loop below says it for the others).
		for _, ns := range n.order {
			if ns.typ == "fastly_service_compute" && !ns.nested {
				skipped(ns.pos, ns.end, nextProviderNote(ns.typ, false, false))
			}
		}
		return
	}
	// The services by ID, made only now: the current provider's estate
	// (returned above) needs none, and it held an entry a service while
	// the load went on.
	n.services = make(map[string]*nextService, len(n.order))
	for _, ns := range n.order {
		n.services[ns.svc.ID.Value] = ns
	}
	stubs := map[string]*nextService{}
	for _, o := range n.objects {
		ns := n.target(g, skipped, o.service, o.serviceWhy, o.servicePos, o.serviceEnd, o.label, stubs)
		if ns == nil {
			continue
		}
		if ns.nested {
			g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleMixedResourceFamilies, Pos: o.span.Pos, End: o.serviceEnd,
				Message: fmt.Sprintf("%s (the explicit family of Fastly's next Terraform provider) writes to the service %s declares with nested blocks, which owns that service's configuration and activates a new version on every apply: the provider's design forbids managing one service with both families (drift, conflicting writes); move the object into %s as a nested block, or declare the service as fastly_service_cdn / fastly_service_compute without nested blocks",
					o.label, ns.addr, ns.addr)})
			continue
		}
		if n.objectsOf == nil {
			n.objectsOf = map[*nextService][]*nextObject{}
		}
		n.objectsOf[ns] = append(n.objectsOf[ns], o)
	}
	for _, a := range n.actions {
		ns := n.target(g, skipped, a.service, "", token.NoPos, token.NoPos, a.addr, nil)
		if ns == nil {
			continue
		}
		switch a.typ {
		case "fastly_service_version_stage":
			if !ns.svc.Staged().Set {
				ns.svc.Deploys().Staged = graph.Field[string]{Value: a.addr, Set: true}.At(a.span.Pos, a.span.End)
			}
		case "fastly_service_compute_package_upload":
			if a.filename.Known() && !ns.svc.Package().Known() {
				ns.svc.Deploys().Package = a.filename
			}
		}
	}
	var explicit, auto []string
	for _, ns := range n.order {
		switch {
		case ns.typ == "fastly_service_cdn_auto" || ns.typ == "fastly_service_compute_auto":
			auto = append(auto, ns.addr)
		case ns.typ == "fastly_service_cdn" || len(n.objectsOf[ns]) > 0 || ns.typ == "fastly_service_compute" && ns.beta && !ns.nested:
			explicit = append(explicit, n.attachVersion(g, ns))
		case ns.typ == "fastly_service_compute" && !ns.nested:
			skipped(ns.pos, ns.end, nextProviderNote(ns.typ, false, false))
		}
	}
	for _, id := range sortedNames(stubs) {
		ns := stubs[id]
		explicit = append(explicit, n.attachVersion(g, ns))
		g.Services = append(g.Services, ns.svc)
	}
	if len(explicit)+len(auto) > 0 {
		n.noteProvider(g, explicit, auto)
	}
}

// anyNext reports a service of the next provider's own types.
func (n *nextEstate) anyNext() bool {
	for _, ns := range n.order {
		switch ns.typ {
		case "fastly_service_cdn", "fastly_service_cdn_auto", "fastly_service_compute_auto":
			return true
		}
	}
	return false
}

// target finds the service a service_id names. A literal ID that no
// service resource here has is a service declared elsewhere (imported,
// or in another state): its objects make a service of their own (stubs),
// named by that ID.
func (n *nextEstate) target(g *graph.Graph, skipped func(pos, end token.Pos, msg string), id cty.Value, why string, pos, end token.Pos, label string, stubs map[string]*nextService) *nextService {
	if id.IsNull() {
		return nil // the provider requires service_id: terraform validate says so
	}
	if !id.IsKnown() || id.Type() != cty.String {
		if why != inputErrorWhy && pos.IsValid() {
			if why == "" {
				why = "it is computed at apply time"
			}
			g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleUnknownValue, Pos: pos, End: end,
				Message: fmt.Sprintf("the service_id of %s is not known (%s), so it is joined to no service and not analysed; refer to the service resource (fastly_service_cdn.NAME.id), or give the ID as a literal or a variable with a value", label, strings.TrimSuffix(why, "."))})
		}
		return nil
	}
	v := id.AsString()
	if ns := n.services[v]; ns != nil {
		return ns
	}
	if strings.HasPrefix(v, idPrefix) {
		if pos.IsValid() {
			skipped(pos, end, fmt.Sprintf("skipped: the service_id of %s is the ID of %s, which is not a Fastly service resource chainlint reads, so %s is not analysed", label, strings.TrimPrefix(v, idPrefix), label))
		}
		return nil
	}
	if stubs == nil || v == "" {
		return nil
	}
	if ns := stubs[v]; ns != nil {
		return ns
	}
	s := &graph.Service{ID: graph.Field[string]{Value: v, Set: true}.At(pos, end),
		Name: graph.Field[string]{Value: v, Set: true}.At(pos, end), Platform: graph.PlatformVCL}
	if f := g.Files.Of(pos); f != nil {
		s.File = f.Name
	}
	s.Span = graph.Span{Pos: pos, End: end}
	ns := &nextService{svc: s, typ: "service", addr: fmt.Sprintf("service_id %q", v), pos: pos, end: end}
	stubs[v] = ns
	return ns
}

// attachVersion adds an explicit service's objects of the version being
// configured: the highest version they name; objects whose version is
// not known (a variable without a value) are taken to name it too. It
// returns the service's address and the version linted, for the
// estate's note.
func (n *nextEstate) attachVersion(g *graph.Graph, ns *nextService) string {
	s := ns.svc
	objects := n.objectsOf[ns]
	best, bestText := -1, ""
	for _, o := range objects {
		if v, ok := knownVersion(o.version); ok && v > best {
			best, bestText = v, o.versionText
		}
	}
	var kept, left []*nextObject
	for _, o := range objects {
		if v, ok := knownVersion(o.version); ok && v < best {
			left = append(left, o)
			continue
		}
		kept = append(kept, o)
		attachObject(s, o)
	}
	if best >= 0 {
		s.Version = graph.VersionNumber(int64(best))
	}
	if len(objects) == 0 {
		return ns.addr + " (no versioned resource names it)"
	}
	var which string
	switch {
	case best < 0:
		which = "a version not known here"
		if t := objects[0].versionText; t != "" {
			which = fmt.Sprintf("the version %s names, which has no value here", t)
		}
	case len(left) > 0:
		which = fmt.Sprintf("version %d, the highest its versioned resources name", best)
	default:
		which = fmt.Sprintf("version %d", best)
		if bestText != "" && bestText != fmt.Sprint(best) {
			which += fmt.Sprintf(" = %s", bestText)
		}
		return fmt.Sprintf("%s (%s)", ns.addr, which)
	}
	// Which version is linted is not plain: a note at the service says.
	msg := fmt.Sprintf("%s is read from %s of the explicit family of Fastly's next Terraform provider, for %s", ns.addr, plural(len(kept), "versioned resource"), which)
	if len(left) > 0 {
		sort.Slice(left, func(i, j int) bool { return left[i].span.Pos < left[j].span.Pos })
		var names []string
		for _, o := range left {
			v, _ := knownVersion(o.version)
			names = append(names, fmt.Sprintf("%s (version %d)", o.label, v))
		}
		msg += "; not linted, as they write to an older version: " + strings.Join(names, ", ")
	}
	g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleTerraformProvider, Pos: ns.pos, End: ns.end, Message: msg})
	return fmt.Sprintf("%s (%s)", ns.addr, which)
}

func knownVersion(v cty.Value) (int, bool) {
	if v.IsNull() || !v.IsKnown() || v.Type() != cty.Number {
		return 0, false
	}
	bf := v.AsBigFloat()
	if !bf.IsInt() || bf.Sign() < 0 || bf.Cmp(big.NewFloat(1<<31)) >= 0 {
		return 0, false
	}
	i, _ := bf.Int64()
	return int(i), true
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// attachObject adds a versioned object to its service.
func attachObject(s *graph.Service, o *nextObject) {
	switch x := o.obj.(type) {
	case *graph.Domain:
		x.Service = s
		s.Domains = append(s.Domains, x)
	case *graph.Backend:
		x.Service = s
		s.Backends = append(s.Backends, x)
		setBackendRefs(s, x, o.refs)
	case *graph.Condition:
		s.WithRare().Conditions = append(s.Conditions(), x)
	case *graph.Header:
		s.WithRare().Headers = append(s.Headers(), x)
	case *graph.RequestSetting:
		s.WithRare().RequestSettings = append(s.RequestSettings(), x)
	case *graph.Snippet:
		s.Snippets = append(s.Snippets, x)
	case *graph.VCLSource:
		s.VCLs = append(s.VCLs, x)
	case *graph.Link:
		x.Service = s
		s.Links = append(s.Links, x)
	}
}

// noteProvider says, once per load, that the estate was read as the next
// provider's, and how that was decided.
func (n *nextEstate) noteProvider(g *graph.Graph, explicit, auto []string) {
	how, pos, end := "its resource types say", n.betaPos, n.betaEnd
	if n.betaSource != "" {
		how = fmt.Sprintf("its required_providers names %q", n.betaSource)
		if n.betaFrom == "provider_name" {
			how = fmt.Sprintf("its resources' provider is %q", n.betaSource)
		}
	}
	for _, ns := range n.order {
		if !pos.IsValid() && ns.typ != "fastly_service_vcl" && ns.typ != "fastly_service_v1" {
			pos, end = ns.pos, ns.end
		}
	}
	if !pos.IsValid() && len(n.objects) > 0 {
		pos, end = n.objects[0].span.Pos, n.objects[0].span.Pos
	}
	var parts []string
	if len(explicit) > 0 {
		parts = append(parts, fmt.Sprintf("%s of its explicit family (each versioned object a resource, joined to its service by service_id and version): %s", plural(len(explicit), "service"), strings.Join(explicit, ", ")))
	}
	if len(auto) > 0 {
		parts = append(parts, fmt.Sprintf("%s of its automatic family (nested blocks, read as the current provider's): %s", plural(len(auto), "service"), strings.Join(auto, ", ")))
	}
	g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleTerraformProvider, Pos: pos, End: end,
		Message: fmt.Sprintf("read as Fastly's next Terraform provider (fastly/terraform-provider-fastly-beta), as %s: %s", how, strings.Join(parts, "; "))})
}
