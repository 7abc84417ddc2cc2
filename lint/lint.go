// Package lint is the one pipeline every front end runs: it loads the
// inputs (honouring the config file's excludes and any unsaved buffers),
// runs every rule through the analyzer driver with the config's severities
// and ignores, and returns the findings with the graph they are about.
// The CLI, the language server and the tests call it; none of them wires
// loaders to rules on its own.
package lint

import (
	"go/token"
	"path/filepath"
	"slices"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/config"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/loader/terraform"
	"github.com/chainlint/chainlint/routes"
	"github.com/chainlint/chainlint/rules"
	"github.com/chainlint/chainlint/vclmodel"
)

// Options say what to lint and how.
type Options struct {
	Paths []string
	// Context are paths loaded for the chain graph only (--context, and
	// the config's context): the rest of an estate that lives in other
	// repositories or only in the live account (a chainlint pull export).
	// Their own findings are not reported, and a service the linted
	// inputs also define (same ID or name) is taken from the linted
	// inputs, not twice.
	Context []string
	// Config is the config file's content (nil: none).
	Config *config.Config
	// Profile overrides the config's profile when not empty.
	Profile string
	// Overlay maps file paths to unsaved content that wins over the disk.
	Overlay map[string][]byte
	// Terraform tunes the Terraform loader (--var, --var-file,
	// --allow-outside-root).
	Terraform terraform.Options
	// Memo caches parse results across runs (the language server's).
	Memo *memo.Cache
	// OnRead, when set, is told the inputs' sizes once they are read.
	OnRead func(loader.Sizes)
	// OutsideHeap reads large exports outside the Go heap
	// (loader.Options.OutsideHeap): for a process that lints once.
	OutsideHeap bool
	// OnUnmap, when set, is told the bytes of inputs read outside the
	// heap that were unmapped once loaded.
	OnUnmap func(bytes int64)
	// Version is the chainlint version whose rule pages the findings'
	// URLs name (analyzer.Config.Version).
	Version string
}

// Result is what a lint run produced.
type Result struct {
	Graph    *graph.Graph
	Findings []analyzer.Finding
	// Incomplete reports that some input could not be analysed.
	Incomplete bool
	Profile    analyzer.Profile
	chains     *routes.Chains
}

// Chains returns the run's chain analysis: the one the rules shared, or,
// when no active rule needed one, a new one.
func (r *Result) Chains() *routes.Chains {
	if r.chains == nil {
		r.chains = routes.NewChains(r.Graph)
	}
	return r.chains
}

// RuleIDs lists every rule's ID (for config validation).
func RuleIDs() []string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.Name)
	}
	return ids
}

// Run lints the inputs.
func Run(opts Options) (*Result, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = &config.Config{}
	}
	profileName := cfg.Profile
	if opts.Profile != "" {
		profileName = opts.Profile
	}
	profile, err := analyzer.ProfileByName(profileName)
	if err != nil {
		return nil, err
	}
	context := append(slices.Clone(opts.Context), cfg.ContextPaths()...)
	g, err := loader.Paths(append(slices.Clone(opts.Paths), context...), loader.Options{Overlay: opts.Overlay, Exclude: cfg.Excluded, Terraform: opts.Terraform, Memo: opts.Memo, OnRead: opts.OnRead, Prepare: vclmodel.Prepare, OutsideHeap: opts.OutsideHeap, OnUnmap: opts.OnUnmap})
	if err != nil {
		return nil, err
	}
	inContext := contextFiles(opts.Paths, context)
	if len(context) > 0 {
		keepLinted(g, inContext)
	}
	acfg := &analyzer.Config{Profile: profile, Version: opts.Version}
	cfg.Apply(acfg)
	if cfg.Path != "" && len(cfg.Ignores) > 0 {
		f := g.Files.Add(cfg.Path, cfg.Content)
		for _, ig := range cfg.Ignores {
			ci := &analyzer.ConfigIgnore{Rules: ig.Rules, Service: ig.Service, Object: ig.Object, Reason: ig.Reason}
			if ig.File != "" {
				ci.MatchFile = cfg.FileMatcher(ig.File)
			}
			if ig.Line >= 1 && ig.Line <= f.LineCount() {
				ci.Pos = f.LineStart(ig.Line) + token.Pos(ig.Column-1)
				ci.End = ci.Pos
			}
			acfg.Ignores = append(acfg.Ignores, ci)
		}
	}
	res, err := analyzer.Run(g, rules.All(), acfg)
	if err != nil {
		return nil, err
	}
	findings := res.Findings
	if len(context) > 0 {
		findings = slices.DeleteFunc(findings, func(f analyzer.Finding) bool { return inContext(f.Pos.Filename) })
	}
	return &Result{Graph: g, Findings: findings, Incomplete: res.Incomplete, Profile: profile, chains: res.Chains}, nil
}

// contextFiles reports whether a file belongs to the context: below a
// context path and not below a linted one (by real path).
func contextFiles(paths, context []string) func(string) bool {
	real := func(list []string) []string {
		var out []string
		for _, p := range list {
			if abs, err := filepath.Abs(p); err == nil {
				if r, err := filepath.EvalSymlinks(abs); err == nil {
					abs = r
				}
				out = append(out, abs)
			}
		}
		return out
	}
	linted, ctx := real(paths), real(context)
	within := func(roots []string, file string) bool {
		for _, r := range roots {
			if safefile.Within(r, file) {
				return true
			}
		}
		return false
	}
	cache := map[string]bool{}
	return func(file string) bool {
		if v, ok := cache[file]; ok {
			return v
		}
		abs, err := filepath.Abs(file)
		if err == nil {
			if r, err := filepath.EvalSymlinks(abs); err == nil {
				abs = r
			}
		}
		v := err == nil && within(ctx, abs) && !within(linted, abs)
		cache[file] = v
		return v
	}
}

// keepLinted drops from the graph what the context should not add: its
// services that the linted inputs also define (same ID or name: the
// linted definition is the one under review), and its load problems and
// notes (they are the context's to fix, not this run's).
func keepLinted(g *graph.Graph, inContext func(string) bool) {
	fileOf := func(p token.Pos) string { return g.Files.Position(p).Filename }
	ids, names := map[string]bool{}, map[string]bool{}
	for _, s := range g.Services {
		if !inContext(fileOf(s.Pos)) {
			if s.ID.Known() && s.ID.Value != "" {
				ids[s.ID.Value] = true
			}
			if s.Name.Known() && s.Name.Value != "" {
				names[s.Name.Value] = true
			}
		}
	}
	g.Services = slices.DeleteFunc(g.Services, func(s *graph.Service) bool {
		return inContext(fileOf(s.Pos)) && (ids[s.ID.Value] || names[s.Name.Value])
	})
	g.Problems = slices.DeleteFunc(g.Problems, func(p graph.Problem) bool { return inContext(fileOf(p.Pos)) })
	g.Notes = slices.DeleteFunc(g.Notes, func(p graph.Problem) bool { return inContext(fileOf(p.Pos)) })
}
