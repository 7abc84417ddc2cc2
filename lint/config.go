package lint

import (
	"path/filepath"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/config"
)

// FindConfig returns the configuration for a run started in dir, as every
// front end finds it: the file path names (relative to dir) when it is
// given, else .chainlint.yaml in dir or the nearest parent. Content in
// overlay (an editor's unsaved buffer) wins over the file's. It returns
// nil, "" when there is no configuration file, and the path it read.
func FindConfig(dir, path string, overlay map[string][]byte) (*config.Config, string, error) {
	if path == "" {
		found, ok := config.Find(dir)
		if !ok {
			return nil, "", nil
		}
		path = found
	} else if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	if content, open := overlay[path]; open {
		cfg, err := config.Parse(path, content, RuleIDs())
		return cfg, path, err
	}
	cfg, err := config.Load(path, RuleIDs())
	return cfg, path, err
}

// FailOn resolves the lowest severity that fails a run: the command line's
// when it was given (flag != ""), else the configuration's fail-on, else
// warning.
func FailOn(flag string, cfg *config.Config) (analyzer.Severity, error) {
	name := "warning"
	if cfg != nil && cfg.FailOn != "" {
		name = cfg.FailOn
	}
	if flag != "" {
		name = flag
	}
	return analyzer.ParseSeverity(name)
}
