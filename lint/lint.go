// Package lint is the one pipeline every front end runs: it loads the
// inputs (honouring the config file's excludes and any unsaved buffers),
// runs every rule through the analyzer driver with the config's severities
// and ignores, and returns the findings with the graph they are about.
// The CLI, the language server and the tests call it; none of them wires
// loaders to rules on its own.
package lint

import (
	"go/token"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/config"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/loader/terraform"
	"github.com/chainlint/chainlint/rules"
)

// Options say what to lint and how.
type Options struct {
	Paths []string
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
}

// Result is what a lint run produced.
type Result struct {
	Graph    *analyzer.Graph
	Findings []analyzer.Finding
	// Incomplete reports that some input could not be analysed.
	Incomplete bool
	Profile    analyzer.Profile
	chains     *analyzer.Chains
}

// Chains returns the run's chain analysis: the one the rules shared, or,
// when no active rule needed one, a new one.
func (r *Result) Chains() *analyzer.Chains {
	if r.chains == nil {
		r.chains = analyzer.NewChains(r.Graph)
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
	g, err := loader.Paths(opts.Paths, loader.Options{Overlay: opts.Overlay, Exclude: cfg.Excluded, Terraform: opts.Terraform, Memo: opts.Memo, OnRead: opts.OnRead})
	if err != nil {
		return nil, err
	}
	acfg := &analyzer.Config{Profile: profile}
	cfg.Apply(acfg)
	if cfg.Path != "" && len(cfg.Ignores) > 0 {
		f := g.Files.Add(cfg.Path, cfg.Content)
		for _, ig := range cfg.Ignores {
			ci := &analyzer.ConfigIgnore{Rules: ig.Rules, Service: ig.Service, Object: ig.Object, Reason: ig.Reason}
			if ig.File != "" {
				ci.MatchFile = cfg.FileMatcher(ig.File)
			}
			if ig.Line >= 1 && ig.Line <= f.TF.LineCount() {
				ci.Pos = f.TF.LineStart(ig.Line) + token.Pos(ig.Column-1)
				ci.End = ci.Pos
			}
			acfg.Ignores = append(acfg.Ignores, ci)
		}
	}
	res, err := analyzer.Run(g, rules.All(), acfg)
	if err != nil {
		return nil, err
	}
	return &Result{Graph: g, Findings: res.Findings, Incomplete: res.Incomplete, Profile: profile, chains: res.Chains}, nil
}
