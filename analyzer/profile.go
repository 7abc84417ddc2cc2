package analyzer

import (
	"fmt"
	"strings"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/routes"
)

// Limit is one of Fastly's loop-detection limits: no request path may
// spend more than Hops hops or visit more than Services services of the
// counted platforms.
type Limit struct {
	// Name says which services the limit counts ("all", "VCL", "Compute").
	Name      string
	Platforms []graph.Platform
	Hops      int
	Services  int
}

// Counts reports whether the limit counts services of platform p.
func (l Limit) Counts(p graph.Platform) bool {
	for _, q := range l.Platforms {
		if q == p {
			return true
		}
	}
	return false
}

// Profile is a set of limits, chosen with --profile.
type Profile struct {
	Name   string
	Limits []Limit
}

// The profiles chainlint knows. "current" follows Fastly's newer chaining
// guide (20 hops and 6 unique services on any path); "legacy" follows the
// older guide, which counted per platform (VCL: 11 hops and 3 services;
// Compute: 5 hops and 3 services).
var (
	ProfileCurrent = Profile{Name: "current", Limits: []Limit{
		{Name: "all", Platforms: []graph.Platform{graph.PlatformVCL, graph.PlatformCompute}, Hops: 20, Services: 6},
	}}
	ProfileLegacy = Profile{Name: "legacy", Limits: []Limit{
		{Name: "VCL", Platforms: []graph.Platform{graph.PlatformVCL}, Hops: 11, Services: 3},
		{Name: "Compute", Platforms: []graph.Platform{graph.PlatformCompute}, Hops: 5, Services: 3},
	}}
)

// ProfileNames lists the profiles' names, for usage messages.
func ProfileNames() []string { return []string{ProfileCurrent.Name, ProfileLegacy.Name} }

// ProfileByName returns the named profile.
func ProfileByName(name string) (Profile, error) {
	switch name {
	case "", ProfileCurrent.Name:
		return ProfileCurrent, nil
	case ProfileLegacy.Name:
		return ProfileLegacy, nil
	}
	return Profile{}, fmt.Errorf("unknown profile %q (want %s)", name, strings.Join(ProfileNames(), " or "))
}

// HopCost is the hop model: the hops a service spends on a request it
// forwards over route r (nil: a service without backends). A VCL service
// costs 2 hops (edge and clustering), 4 when the backend taken shields
// (shield and shield clustering too); a Compute service costs 1.
func HopCost(s *graph.Service, r *routes.Route) int {
	if s.Platform == graph.PlatformCompute {
		return 1
	}
	if r != nil && !r.ViaShield && r.Backend.Shield.Set && !r.Backend.Shield.Unknown && strings.TrimSpace(r.Backend.Shield.Value) != "" {
		return 4 // edge, clustering, shield, shield clustering
	}
	return 2
}

// Severity is how serious a finding is.
type Severity int

// Severities, least serious first. SeverityNone is above every finding and
// is only used as a --fail-on threshold.
const (
	SeverityInfo Severity = iota + 1
	SeverityWarning
	SeverityError
	SeverityNone
)

func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	case SeverityNone:
		return "none"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity parses "info", "warning", "error" or "none".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return SeverityInfo, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error":
		return SeverityError, nil
	case "none":
		return SeverityNone, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or none)", s)
}

// LimitCost is what a service spends of a profile's limit when it
// forwards a request over r (nil: it answers or leaves for an origin):
// nothing when the limit does not count its platform, else its hops.
func LimitCost(l Limit, s *graph.Service, r *routes.Route) int {
	if !l.Counts(s.Platform) {
		return 0
	}
	return HopCost(s, r)
}

// LimitServices is what a service on a request's path spends of a
// profile's limit on unique services: one when the limit counts its
// platform.
func LimitServices(l Limit, s *graph.Service) int {
	if !l.Counts(s.Platform) {
		return 0
	}
	return 1
}
