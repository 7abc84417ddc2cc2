package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/config"
	"github.com/chainlint/chainlint/internal/textdist"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
)

// lintFlags are the main command's flags: the inputs' (shared with the
// other commands that load inputs) and the linting's own.
type lintFlags struct {
	inputFlags
	format        string
	failOn        string
	baseline      string
	writeBaseline string
	fix           bool
	diff          bool
	verbose       bool
	showVersion   bool
	quiet         bool
	outputs       multiFlag
	stdinFilename string
	color         string
	enable        multiFlag
	disable       multiFlag
	only          multiFlag
	set           map[string]bool // flags given on the command line
}

func newLintFlags(stderr io.Writer) (*flag.FlagSet, *lintFlags) {
	fs := flag.NewFlagSet("chainlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lf := &lintFlags{}
	fs.StringVar(&lf.format, "format", "text", "output format: "+strings.Join(output.Formats, ", "))
	fs.StringVar(&lf.format, "f", "text", "short for --format")
	fs.BoolVar(&lf.quiet, "quiet", false, "print the findings only, no summary")
	fs.BoolVar(&lf.quiet, "q", false, "short for --quiet")
	fs.Var(&lf.outputs, "output", "write FORMAT to FILE (- for standard output), as FORMAT=FILE (repeatable: SARIF for code scanning and text for the log in one run)")
	fs.StringVar(&lf.stdinFilename, "stdin-filename", "", "with the path -, the name of the file read from standard input (its extension picks the loader: .json, .yaml, .tf, .vcl)")
	fs.StringVar(&lf.color, "color", "auto", "colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.Var(&lf.enable, "enable", "run this rule (repeatable, or comma-separated), also one the config switches off")
	fs.Var(&lf.disable, "disable", "do not run this rule (repeatable, or comma-separated)")
	fs.Var(&lf.only, "only", "run only these rules (repeatable, or comma-separated)")
	lf.register(fs)
	fs.StringVar(&lf.failOn, "fail-on", "", "lowest severity that fails the run: error, warning, info or none (default from the config file, else warning)")
	fs.StringVar(&lf.configPath, "c", "", "short for --config")
	fs.StringVar(&lf.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fs.StringVar(&lf.writeBaseline, "write-baseline", "", "record today's findings in this file and exit 0")
	fs.BoolVar(&lf.fix, "fix", false, "apply every suggested fix to the files, then report what is left")
	fs.BoolVar(&lf.diff, "diff", false, "print the suggested fixes as a unified diff instead of applying them")
	fs.BoolVar(&lf.verbose, "verbose", false, "say on standard error what was read: files, services, Compute projects scanned")
	fs.BoolVar(&lf.showVersion, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 clean, 1 findings at or above --fail-on, 2 usage or config error, 3 some input could not be read.\n")
	}
	return fs, lf
}

// selectRules applies --enable, --disable and --only over the config's
// severities (the command line wins), as golangci-lint and tflint do.
func selectRules(cfg *config.Config, lf *lintFlags) error {
	ids := lint.RuleIDs()
	split := func(flag string, values multiFlag) ([]string, error) {
		var out []string
		for _, v := range values {
			for _, id := range strings.Split(v, ",") {
				id = strings.TrimSpace(id)
				if id == "" {
					continue
				}
				if !slices.Contains(ids, id) {
					hint := "chainlint rules lists them"
					if near, ok := textdist.Closest(id, ids, 3); ok {
						hint = "did you mean " + near + "?"
					}
					return nil, fmt.Errorf("--%s: unknown rule %q; %s", flag, id, hint)
				}
				out = append(out, id)
			}
		}
		return out, nil
	}
	enable, err := split("enable", lf.enable)
	if err != nil {
		return err
	}
	disable, err := split("disable", lf.disable)
	if err != nil {
		return err
	}
	only, err := split("only", lf.only)
	if err != nil {
		return err
	}
	if len(enable)+len(disable)+len(only) == 0 {
		return nil
	}
	if cfg.Rules == nil {
		cfg.Rules = map[string]analyzer.Severity{}
	}
	if len(only) > 0 {
		for _, id := range ids {
			if !slices.Contains(only, id) {
				cfg.Rules[id] = analyzer.SeverityNone
			}
		}
		enable = append(enable, only...)
	}
	for _, id := range enable {
		if cfg.Rules[id] == analyzer.SeverityNone {
			delete(cfg.Rules, id) // back to the rule's own severity
		}
	}
	for _, id := range disable {
		cfg.Rules[id] = analyzer.SeverityNone
	}
	return nil
}

func validFormat(f string) bool {
	for _, known := range output.Formats {
		if f == known {
			return true
		}
	}
	return false
}
