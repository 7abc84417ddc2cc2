// Package rules holds chainlint's lint rules. Each rule is an
// *analysis.Analyzer whose Name is its stable kebab-case ID and whose Doc
// is its documentation: a one-line summary, an explanation, then a "Bad:"
// and a "Good:" example. A rule reads the service graph through the
// analyzer package's graph and chains passes and reports positions; it
// never knows which loader produced a node.
package rules

import (
	"fmt"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/routes"
)

//go:generate go test ../testkit/docgen -run TestGeneratedDocsAreFresh -update

// All returns every rule, sorted by ID.
func All() []*analyzer.Rule {
	all := []*analyzer.Rule{
		MissingHostOverride,
		HostOverrideMismatch,
		ExternalChain,
		ChainLoop,
		TooManyHops,
		TooManyServices,
		LongChain,
		DuplicateDomain,
		TooManyLinks,
		InvalidLinkName,
		DuplicateLinkName,
		DanglingLink,
		StorePlatform,
		ParseError,
		VCLSyntax,
		PartialHostOverride,
		ShieldSwitchPinnedIP,
		IgnoreWithoutReason,
		UnusedIgnore,
		ShieldPOPMismatch,
		MultipleShields,
		UnknownShieldPOP,
		ComputeShield,
		TLSHostnameMismatch,
		VCLToComputeBypass,
		StaticSharedSecret,
		HardcodedSecret,
		UnprotectedChainedService,
		ChainGuardRefuses,
		OverwrittenBackend,
		DivergentCacheKey,
		UnknownValue,
		UnsetVariable,
		SkippedInput,
		SnippetNotRendered,
		UnknownStoreReference,
		UnknownBackendReference,
		LocalSetupDrift,
		UnusedResourceLink,
		ComputeToVCLWithoutPass,
		TerraformProvider,
		MixedResourceFamilies,
		StagedChain,
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *analyzer.Rule {
	for _, r := range All() {
		if r.Name == id {
			return r
		}
	}
	return nil
}

// graphRequires and chainRequires are what most rules need.
var (
	graphRequires = []*analysis.Analyzer{analyzer.VCLModelAnalyzer}
	chainRequires = []*analysis.Analyzer{analyzer.VCLModelAnalyzer, analyzer.ChainsAnalyzer, analyzer.ConfigAnalyzer, analyzer.FixesAnalyzer}
)

// related is one analysis.RelatedInformation.
func related(pos, end token.Pos, format string, args ...any) analysis.RelatedInformation {
	return analysis.RelatedInformation{Pos: pos, End: end, Message: fmt.Sprintf(format, args...)}
}

// at returns the position of a field if it is written, else of its object.
func at[T any](f graph.Field[T], obj graph.Span) (token.Pos, token.Pos) {
	if f.Pos.IsValid() {
		return f.Pos, f.End()
	}
	return obj.Pos, obj.Pos
}

// addressPos locates a backend's address, the usual anchor of a chain
// finding.
func addressPos(b *graph.Backend) (token.Pos, token.Pos) { return at(b.Address, b.Span) }

// hop describes one step of a chain for messages: `www (backend "b")`.
func hop(r *routes.Route) string {
	if r.ViaShield {
		return fmt.Sprintf("%s (backend %q, Host switched at shield %s)", r.From().Label(), r.Backend.Name.Value, strings.TrimSpace(r.Backend.Shield.Value))
	}
	return fmt.Sprintf("%s (backend %q)", r.From().Label(), r.Backend.Name.Value)
}

// pathText renders a path as "a (backend "x") → b (backend "y") → c",
// eliding the middle of very long paths.
func pathText(path []*routes.Route, end *graph.Service) string {
	const keep = 12
	parts := make([]string, 0, min(len(path)+1, keep+1))
	for i, r := range path {
		if len(path) > keep && i >= keep/2 && i < len(path)-keep/2 {
			continue // elided below: formatting 100,000 steps costs
		}
		parts = append(parts, hop(r))
	}
	if end != nil {
		parts = append(parts, end.Label())
	}
	if len(path) > keep {
		head := append([]string(nil), parts[:keep/2]...)
		parts = append(append(head, fmt.Sprintf("… %d more …", len(path)-keep)), parts[keep/2:]...)
	}
	return strings.Join(parts, " → ")
}

// maxRelated bounds the related locations of one finding: a loop or path
// of 100,000 services is reported with its first steps.
const maxRelated = 10

// joinElided joins steps with arrows, eliding the middle of long lists.
func joinElided(parts []string) string {
	const keep = 12
	if len(parts) > keep {
		n := len(parts) - keep
		parts = append(append(append([]string(nil), parts[:keep/2]...), fmt.Sprintf("… %d more …", n)), parts[len(parts)-keep/2:]...)
	}
	return strings.Join(parts, " → ")
}

// setFix offers to set a backend's field to value: the edits are computed
// only when asked for (analyzer.LazyFix), for they parse and format the
// backend's block.
func setFix(pass *analysis.Pass, b *graph.Backend, field, value string) analysis.SuggestedFix {
	return analyzer.LazyFix(pass, fmt.Sprintf("set %s = %q", field, value), func() []analysis.TextEdit {
		return b.Setter.SetField(b.Span, field, value)
	})
}
