// Command chainlint lints Fastly service configurations and the chains
// between services: files → loaders → graph → rule passes → findings →
// output. See README.md for usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/output"
	"github.com/chainlint/chainlint/rules"
)

// Exit statuses, following actionlint's convention.
const (
	exitClean      = 0 // nothing at or above --fail-on
	exitFindings   = 1 // findings at or above --fail-on
	exitUsage      = 2 // bad command line or configuration
	exitIncomplete = 3 // some input could not be read or parsed
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it the module version recorded by go install is used.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: chainlint [flags] [PATH ...]
       chainlint rules
       chainlint explain RULE

Lints Fastly service configurations (API exports in JSON or YAML) and the
chains between services. PATHs are files or directories (searched
recursively; default "."). Flags may come before or after the paths.

Flags:
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return cmdRules(args[1:], stdout, stderr)
		case "explain":
			return cmdExplain(args[1:], stdout, stderr)
		}
	}
	return cmdLint(args, stdout, stderr)
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments, as users of linters expect (chainlint dir --format json).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

type lintFlags struct {
	format      string
	profile     string
	failOn      string
	showVersion bool
}

func newLintFlags(stderr io.Writer) (*flag.FlagSet, *lintFlags) {
	fs := flag.NewFlagSet("chainlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lf := &lintFlags{}
	fs.StringVar(&lf.format, "format", "text", "output format: "+strings.Join(output.Formats, ", "))
	fs.StringVar(&lf.profile, "profile", "current", "chain limits: "+strings.Join(analyzer.ProfileNames(), " or "))
	fs.StringVar(&lf.failOn, "fail-on", "warning", "lowest severity that fails the run: error, warning, info or none")
	fs.BoolVar(&lf.showVersion, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 some input could not be read.\n")
	}
	return fs, lf
}

func cmdLint(args []string, stdout, stderr io.Writer) int {
	fs, lf := newLintFlags(stderr)
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitClean
	}
	if err != nil {
		return exitUsage
	}
	if lf.showVersion {
		fmt.Fprintf(stdout, "chainlint %s\n", versionString())
		return exitClean
	}
	profile, err := analyzer.ProfileByName(lf.profile)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: --profile: %v\n", err)
		return exitUsage
	}
	failOn, err := analyzer.ParseSeverity(lf.failOn)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: --fail-on: %v\n", err)
		return exitUsage
	}
	if !validFormat(lf.format) {
		fmt.Fprintf(stderr, "chainlint: --format: unknown format %q (want %s)\n", lf.format, strings.Join(output.Formats, ", "))
		return exitUsage
	}
	g, err := loader.Paths(paths, loader.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	res, err := analyzer.Run(g, rules.All(), &analyzer.Config{Profile: profile})
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: internal error: %v\n", err)
		return exitIncomplete
	}
	wd, _ := os.Getwd()
	report := &output.Report{
		Findings:   res.Findings,
		Incomplete: res.Incomplete,
		Services:   len(g.Services),
		Files:      len(g.Files.List()),
		Source: func(name string) []byte {
			if f := g.Files.Get(name); f != nil {
				return f.Content
			}
			return nil
		},
		Rel: output.RelativeTo(wd),
	}
	if err := output.Write(stdout, lf.format, report); err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitIncomplete
	}
	return exitStatus(res, failOn)
}

func validFormat(f string) bool {
	for _, known := range output.Formats {
		if f == known {
			return true
		}
	}
	return false
}

// exitStatus: incomplete input wins, so a run that could not read
// everything is never mistaken for a clean one.
func exitStatus(res *analyzer.Result, failOn analyzer.Severity) int {
	if res.Incomplete {
		return exitIncomplete
	}
	for _, f := range res.Findings {
		if f.Severity >= failOn {
			return exitFindings
		}
	}
	return exitClean
}

func cmdRules(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: chainlint rules")
		return exitUsage
	}
	for _, r := range rules.All() {
		fmt.Fprintf(stdout, "%-24s %-8s %s\n", r.Name, r.Severity, r.Summary())
	}
	return exitClean
}

func cmdExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: chainlint explain RULE")
		return exitUsage
	}
	r := rules.ByID(args[0])
	if r == nil {
		fmt.Fprintf(stderr, "chainlint: unknown rule %q; `chainlint rules` lists them\n", args[0])
		return exitUsage
	}
	fmt.Fprintf(stdout, "%s (%s)\n\n%s\n", r.Name, r.Severity, r.Doc)
	return exitClean
}
