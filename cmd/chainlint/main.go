// Command chainlint lints Fastly service configurations and the chains
// between services: files → loaders → graph → rule passes → findings →
// output. See README.md for usage.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/aymanbagabas/go-udiff"
	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/baseline"
	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/config"
	"github.com/chainlint/chainlint/internal/budget"
	"github.com/chainlint/chainlint/internal/english"
	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/internal/textdist"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/loader/terraform"
	"github.com/chainlint/chainlint/lsp"
	"github.com/chainlint/chainlint/output"
	"github.com/chainlint/chainlint/pull"
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

// A released build (go install …@v0.1.0) reports its module version; a
// build from a clone reports 0.0.0-dev with the commit it was built from,
// a semantic version (SARIF's semanticVersion needs one).
func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "0.0.0-dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	v := "0.0.0-dev"
	var rev string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev != "" {
		v += "+" + rev[:min(len(rev), 12)]
		if dirty {
			v += ".dirty"
		}
	}
	return v
}

func main() {
	c := &Command{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Environ: os.Environ}
	os.Exit(c.Run(os.Args[1:]))
}

// Command is one run of chainlint with its world injected: the standard
// streams, the working directory and the environment. main gives it the
// process's; tests run it in-process with their own (as actionlint's
// Command is tested).
type Command struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Dir is the working directory: relative paths, the config file's
	// discovery and the names printed are relative to it ("": the
	// process's).
	Dir string
	// Getenv reads the environment (NO_COLOR, FASTLY_API_TOKEN); nil
	// reads none.
	Getenv func(string) string
	// Environ lists the environment as KEY=value (for TF_VAR_name); nil
	// lists none.
	Environ func() []string
}

// tfVarEnv is the environment's TF_VAR_name settings, name → value, as
// Terraform reads them for root variables.
func (c *Command) tfVarEnv() map[string]string {
	if c.Environ == nil {
		return nil
	}
	var out map[string]string
	for _, kv := range c.Environ() {
		k, v, ok := strings.Cut(kv, "=")
		if name, isVar := strings.CutPrefix(k, "TF_VAR_"); ok && isVar && name != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[name] = v
		}
	}
	return out
}

// wd returns the working directory, absolute.
func (c *Command) wd() string {
	if c.Dir != "" {
		if abs, err := filepath.Abs(c.Dir); err == nil {
			return abs
		}
		return c.Dir
	}
	wd, _ := os.Getwd()
	return wd
}

// path resolves a path the user gave against the working directory.
func (c *Command) path(p string) string {
	if p == "" || p == "-" || filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

func (c *Command) getenv(name string) string {
	if c.Getenv == nil {
		return ""
	}
	return c.Getenv(name)
}

const usage = `usage: chainlint [flags] [PATH ...]
       chainlint rules
       chainlint explain RULE
       chainlint init [--force]
       chainlint trace URL [PATH ...] [--method M] [--header 'N: v'] [--format text|json]
       chainlint graph [PATH ...] [--format mermaid|dot|json|svg]
       chainlint purge-order [PATH ...] [--format text|json]
       chainlint vcl SERVICE [PATH ...] (the VCL Fastly compiles for SERVICE, as modelled)
       chainlint pull (--all | --service ID ...) [--version active|latest|N] [--out FILE]
       chainlint lsp                    (a language server on stdin/stdout)

       chainlint help | version

Lints Fastly service configurations and the chains between services:
Fastly API exports (JSON or YAML, or chainlint pull's), Terraform
(fastly_service_vcl, fastly_service_compute, stores; HCL or terraform show
-json), custom VCL and snippets, and Compute projects (fastly.toml and the
store and backend names their code uses). PATHs are files or directories
(searched recursively; default "."). Flags may come before or after the
paths.

Flags:
`

// commands are the subcommands, for "did you mean".
var commands = []string{"rules", "explain", "init", "trace", "graph", "purge-order", "vcl", "pull", "lsp", "help", "version"}

// Run runs chainlint with its arguments (without the program name) and
// returns the exit status.
func (c *Command) Run(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return c.cmdRules(args[1:])
		case "explain":
			return c.cmdExplain(args[1:])
		case "init":
			return c.cmdInit(args[1:])
		case "trace", "graph", "purge-order":
			return c.cmdView(args[0], args[1:])
		case "vcl":
			return c.cmdVCL(args[1:])
		case "pull":
			return c.cmdPull(args[1:])
		case "lsp":
			return c.cmdLSP(args[1:])
		case "help":
			if len(args) > 1 {
				return c.Run([]string{args[1], "--help"})
			}
			return c.Run([]string{"--help"})
		case "version":
			fmt.Fprintf(c.Stdout, "chainlint %s\n", versionString())
			return exitClean
		}
	}
	return c.cmdLint(args)
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
	format        string
	profile       string
	failOn        string
	configPath    string
	baseline      string
	writeBaseline string
	fix           bool
	diff          bool
	vars          multiFlag
	varFiles      multiFlag
	context       multiFlag
	outsideRoot   bool
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
	fs.StringVar(&lf.profile, "profile", "", "chain limits: "+strings.Join(analyzer.ProfileNames(), " or ")+" (default from the config file, else current)")
	fs.StringVar(&lf.failOn, "fail-on", "", "lowest severity that fails the run: error, warning, info or none (default from the config file, else warning)")
	fs.StringVar(&lf.configPath, "config", "", "config file (default: "+config.FileName+" in the current directory or above)")
	fs.StringVar(&lf.configPath, "c", "", "short for --config")
	fs.StringVar(&lf.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fs.StringVar(&lf.writeBaseline, "write-baseline", "", "record today's findings in this file and exit 0")
	fs.BoolVar(&lf.fix, "fix", false, "apply every suggested fix to the files, then report what is left")
	fs.BoolVar(&lf.diff, "diff", false, "print the suggested fixes as a unified diff instead of applying them")
	fs.Var(&lf.vars, "var", "set a Terraform root module variable: name=value (repeatable)")
	fs.Var(&lf.varFiles, "var-file", "read Terraform variables from a .tfvars file (repeatable)")
	fs.Var(&lf.context, "context", "load PATH for the chain graph only: the rest of the estate (another repository, a chainlint pull export); its own findings are not reported (repeatable)")
	fs.BoolVar(&lf.outsideRoot, "allow-outside-root", false, "let Terraform's file() and templatefile() read outside the linted paths")
	fs.BoolVar(&lf.verbose, "verbose", false, "say on standard error what was read: files, services, Compute projects scanned")
	fs.BoolVar(&lf.showVersion, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 clean, 1 findings at or above --fail-on, 2 usage or config error, 3 some input could not be read.\n")
	}
	return fs, lf
}

func (c *Command) cmdLint(args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	fs, lf := newLintFlags(stderr)
	usage := fs.Usage
	fs.Usage = func() {} // the flag package calls it on any error: the whole text only for --help
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		usage()
		return exitClean
	}
	if err != nil {
		hint := "chainlint --help lists the flags"
		if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
			var known []string
			fs.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
			if near, ok := textdist.Closest(name, known, 3); ok {
				hint = "did you mean --" + near + "? (" + hint + ")"
			}
		}
		fmt.Fprintln(stderr, hint)
		return exitUsage
	}
	lf.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { lf.set[f.Name] = true })
	if lf.showVersion {
		fmt.Fprintf(stdout, "chainlint %s\n", versionString())
		return exitClean
	}
	if !validFormat(lf.format) {
		fmt.Fprintf(stderr, "chainlint: --format: unknown format %q (want %s)\n", lf.format, strings.Join(output.Formats, ", "))
		return exitUsage
	}
	var files []string
	for _, o := range lf.outputs {
		format, file, ok := strings.Cut(o, "=")
		if !ok || file == "" || !validFormat(format) {
			fmt.Fprintf(stderr, "chainlint: --output %q: want FORMAT=FILE (FILE - for standard output), FORMAT one of %s\n", o, strings.Join(output.Formats, ", "))
			return exitUsage
		}
		if file != "-" {
			files = append(files, file)
		}
	}
	if lf.writeBaseline != "" {
		files = append(files, lf.writeBaseline)
	}
	if same := c.sameFiles(files); same != "" {
		fmt.Fprintf(stderr, "chainlint: --output and --write-baseline name one file twice (%s): each would overwrite the other\n", same)
		return exitUsage
	}
	if !slices.Contains([]string{"auto", "always", "never"}, lf.color) {
		fmt.Fprintf(stderr, "chainlint: --color: want auto, always or never, not %q\n", lf.color)
		return exitUsage
	}
	cfg, _, err := lint.FindConfig(c.wd(), lf.configPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: config: %v\n", err)
		return exitUsage
	}
	if cfg == nil {
		cfg = &config.Config{}
	}
	if err := selectRules(cfg, lf); err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	failOnFlag := ""
	if lf.set["fail-on"] {
		failOnFlag = lf.failOn
	}
	failOn, err := lint.FailOn(failOnFlag, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: --fail-on: %v\n", err)
		return exitUsage
	}
	// Paths the user gave are relative to the working directory; none
	// means the working directory, which may hold nothing (a gate on a
	// named path that yields nothing fails below).
	named := len(paths) > 0
	if !named {
		paths = []string{"."}
	}
	if named && len(args) > 0 && args[0] == paths[0] {
		// chainlint grpah: a first word that is no path but is near a
		// command is a mistyped command, not a missing file.
		if _, err := os.Lstat(c.path(paths[0])); err != nil {
			if near, ok := textdist.Closest(paths[0], commands, 2); ok {
				fmt.Fprintf(stderr, "chainlint: unknown command %q (and no file of that name): did you mean chainlint %s?\n", paths[0], near)
				return exitUsage
			}
		}
	}
	for i := range paths {
		paths[i] = c.path(paths[i])
	}
	lf.baseline, lf.writeBaseline = c.path(lf.baseline), c.path(lf.writeBaseline)
	allVarFiles, rootVarFiles, err := c.varFiles(lf.varFiles)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: --var-file: %v\n", err)
		return exitUsage
	}
	for i := range lf.context {
		lf.context[i] = c.path(lf.context[i])
	}
	opts := lint.Options{Paths: paths, Context: lf.context, Config: cfg, Terraform: terraform.Options{VarFiles: allVarFiles, RootVarFiles: rootVarFiles, AllowOutsideRoot: lf.outsideRoot, EnvVars: c.tfVarEnv()}, OnRead: memoryBudget}
	if slices.Contains(paths, "-") {
		// One file from standard input (editors and pre-commit wrappers):
		// --stdin-filename names it and chooses its loader.
		dashes := 0
		for _, p := range paths {
			if p == "-" {
				dashes++
			}
		}
		if lf.fix || lf.writeBaseline != "" || dashes > 1 {
			fmt.Fprintln(stderr, "chainlint: standard input (-) is read once, and cannot be --fix'ed or baselined")
			return exitUsage
		}
		content, err := io.ReadAll(io.LimitReader(c.Stdin, loader.MaxFileSize+1))
		if err != nil || len(content) > loader.MaxFileSize {
			fmt.Fprintf(stderr, "chainlint: standard input: over %d MB or unreadable (%v)\n", loader.MaxFileSize>>20, err)
			return exitUsage
		}
		name := lf.stdinFilename
		if name == "" {
			name = "stdin.yaml"
			if t := strings.TrimLeft(string(content[:min(len(content), 64)]), " \t\r\n\ufeff"); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
				name = "stdin.json"
			}
		}
		name = c.path(name)
		if st, err := os.Stat(name); err == nil && st.IsDir() || strings.HasSuffix(lf.stdinFilename, "/") {
			// Never lint what is on disk in place of standard input.
			fmt.Fprintf(stderr, "chainlint: --stdin-filename %q names a directory; give the file name standard input stands for (its extension picks the loader: .json, .yaml, .tf, .vcl)\n", lf.stdinFilename)
			return exitUsage
		}
		opts.Overlay = map[string][]byte{name: content}
		opts.Paths = slices.Clone(paths)
		opts.Paths[slices.Index(paths, "-")] = name
		paths = opts.Paths
	}
	if len(lf.vars) > 0 {
		opts.Terraform.Vars = map[string]string{}
		for _, v := range lf.vars {
			name, value, ok := strings.Cut(v, "=")
			if !ok || name == "" {
				fmt.Fprintf(stderr, "chainlint: --var %q: want name=value\n", v)
				return exitUsage
			}
			opts.Terraform.Vars[name] = value
		}
	}
	if lf.set["profile"] {
		if _, err := analyzer.ProfileByName(lf.profile); err != nil {
			fmt.Fprintf(stderr, "chainlint: --profile: %v\n", err)
			return exitUsage
		}
		opts.Profile = lf.profile
	}
	var base *baseline.Baseline
	if lf.baseline != "" {
		if base, err = baseline.Load(lf.baseline); err != nil {
			fmt.Fprintf(stderr, "chainlint: --baseline: %v\n", err)
			return exitUsage
		}
	}
	res, err := lint.Run(opts)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	if empty := emptyPaths(paths, res.Graph); named && len(empty) > 0 {
		// A gate that passes on nothing is no gate: a path named that
		// yields no input (a typo, a README) is a usage error.
		fmt.Fprintf(stderr, "chainlint: no Fastly configuration found in %s (exports in .json/.yaml/.yml, Terraform .tf/.tf.json, .vcl, fastly.toml)\n", strings.Join(empty, ", "))
		return exitUsage
	}
	wd := c.wd()
	rel := output.RelativeTo(wd)
	if lf.verbose {
		verbose(stderr, res, rel)
	}
	if lf.diff || lf.fix {
		fr, err := lint.Fix(opts)
		if err != nil {
			fmt.Fprintf(stderr, "chainlint: %v\n", err)
			return exitIncomplete
		}
		if lf.diff {
			for _, f := range fr.Files {
				if _, err := fmt.Fprint(stdout, udiff.Unified("a/"+printable.String(rel(f.Name)), "b/"+printable.String(rel(f.Name)), string(f.Old), string(f.New))); err != nil {
					fmt.Fprintf(stderr, "chainlint: writing the diff: %v\n", err)
					return exitIncomplete
				}
			}
			switch {
			case res.Incomplete:
				return exitIncomplete
			case len(fr.Files) > 0:
				return exitFindings // a diff was printed: a --check-style gate fails
			}
			return exitClean
		}
		changed, err := lint.WriteFixes(fr)
		if err != nil {
			fmt.Fprintf(stderr, "chainlint: %v\n", err)
			return exitIncomplete
		}
		fmt.Fprintf(stderr, "chainlint: fixed %s\n", english.Plural(changed, "file"))
		res = fr.Result
		for _, f := range fr.Files {
			if f.NotWritten != "" {
				fmt.Fprintf(stderr, "chainlint: not fixed: %s\n", f.NotWritten)
				if res, err = lint.Run(opts); err != nil { // report what is left on disk
					fmt.Fprintf(stderr, "chainlint: %v\n", err)
					return exitUsage
				}
			}
		}
	}
	if lf.writeBaseline != "" {
		if _, err := c.writeTarget("--write-baseline", lf.writeBaseline, isInput(res.Graph)); err != nil {
			fmt.Fprintf(stderr, "chainlint: %v\n", err)
			return exitUsage
		}
		if err := baseline.Write(lf.writeBaseline, res.Findings, rel); err != nil {
			fmt.Fprintf(stderr, "chainlint: --write-baseline: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "chainlint: recorded %d findings in %s\n", len(res.Findings), lf.writeBaseline)
		if res.Incomplete {
			return exitIncomplete
		}
		return exitClean
	}
	findings := res.Findings
	if base != nil {
		findings = base.Filter(findings, rel)
	}
	baselined := len(res.Findings) - len(findings)
	g := res.Graph
	report := &output.Report{
		Graph:      func() *chainview.Graph { return chainview.NewGraph(res.Chains(), findings, rel) },
		Quiet:      lf.quiet,
		Baselined:  baselined,
		Findings:   findings,
		Incomplete: res.Incomplete,
		Services:   len(g.Services),
		Files:      len(g.Files.List()),
		Source: func(name string) []byte {
			if f := g.Files.Get(name); f != nil {
				return f.Content
			}
			return nil
		},
		Secrets: g.SecretRanges,
		Rel:     rel,
		Version: versionString(),
		Rules:   ruleInfos(),
	}
	outputs := lf.outputs
	if len(outputs) == 0 {
		outputs = multiFlag{lf.format + "=-"}
	}
	for _, o := range outputs {
		format, file, _ := strings.Cut(o, "=")
		var buf bytes.Buffer
		w := io.Writer(&buf)
		report.Color = false // a file gets no colour
		if file == "-" {
			w = stdout
			report.Color = c.useColor(lf.color)
		}
		if err := output.Write(w, format, report); err != nil {
			fmt.Fprintf(stderr, "chainlint: %v\n", err)
			return exitIncomplete
		}
		if file != "-" {
			target, err := c.writeTarget("--output", file, isInput(res.Graph))
			if err != nil {
				fmt.Fprintf(stderr, "chainlint: %v\n", err)
				return exitUsage
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				fmt.Fprintf(stderr, "chainlint: --output: %v\n", err)
				return exitIncomplete
			}
			if err := safefile.Write(target, buf.Bytes(), 0o644); err != nil {
				fmt.Fprintf(stderr, "chainlint: --output: %v\n", err)
				return exitIncomplete
			}
		}
	}
	return exitStatus(findings, res.Incomplete, failOn)
}

// isInput reports whether a file (by real path) is one of the run's
// inputs.
func isInput(g *analyzer.Graph) func(string) bool {
	return func(path string) bool {
		for _, f := range g.Files.List() {
			p := f.Name
			if r, err := filepath.EvalSymlinks(p); err == nil {
				p = r
			}
			if p == path {
				return true
			}
		}
		return false
	}
}

func ruleInfos() []output.RuleInfo {
	var out []output.RuleInfo
	for _, r := range rules.All() {
		_, doc, _ := strings.Cut(r.Doc, "\n")
		out = append(out, output.RuleInfo{ID: r.Name, Severity: r.Severity, Summary: r.Summary(), Doc: strings.TrimSpace(doc), HelpURI: rules.DocURLFor(r.Name, versionString())})
	}
	return out
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
func exitStatus(findings []analyzer.Finding, incomplete bool, failOn analyzer.Severity) int {
	if incomplete {
		return exitIncomplete
	}
	for _, f := range findings {
		if f.Severity >= failOn {
			return exitFindings
		}
	}
	return exitClean
}

func (c *Command) cmdInit(args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	fs := flag.NewFlagSet("chainlint init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	force := fs.Bool("force", false, "overwrite an existing "+config.FileName)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: chainlint init [--force]\n\nWrites a commented %s (every rule, its severity, the keys) in the current directory.\n\nFlags:\n", config.FileName)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		fs.Usage()
		return exitUsage
	}
	target, err := c.writeTarget("init", config.FileName, nil)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	if _, err := os.Stat(target); err == nil && !*force {
		fmt.Fprintf(stderr, "chainlint: %s exists; use --force to overwrite it\n", config.FileName)
		return exitUsage
	}
	var starter []config.StarterRule
	for _, r := range rules.All() {
		starter = append(starter, config.StarterRule{ID: r.Name, Severity: r.Severity.String(), Summary: r.Summary()})
	}
	if err := safefile.Write(target, config.Starter(starter), 0o644); err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %s\n", config.FileName)
	return exitClean
}

func (c *Command) cmdRules(args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	if isHelp(args) {
		fmt.Fprintln(stdout, "usage: chainlint rules\n\nLists every rule: its ID, severity and summary (chainlint explain RULE prints its page).")
		return exitClean
	}
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: chainlint rules")
		return exitUsage
	}
	for _, r := range rules.All() {
		if _, err := fmt.Fprintf(stdout, "%-24s %-8s %s\n", r.Name, r.Severity, r.Summary()); err != nil {
			fmt.Fprintf(stderr, "chainlint: %v\n", err)
			return exitIncomplete
		}
	}
	return exitClean
}

// cmdView runs the commands that show the chain: trace, graph and
// purge-order. They lint the inputs as the main command does (so the graph
// can mark errors) but exit 0 unless the inputs cannot be read.
func (c *Command) cmdView(name string, args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	fs := flag.NewFlagSet("chainlint "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	formats := map[string][]string{"trace": {"text", "json"}, "graph": chainview.Formats, "purge-order": {"text", "json"}}[name]
	format := fs.String("format", formats[0], "output format: "+strings.Join(formats, ", "))
	profile := fs.String("profile", "", "chain limits: "+strings.Join(analyzer.ProfileNames(), " or ")+" (default from the config file, else current)")
	configPath := fs.String("config", "", "config file (default: "+config.FileName+" in the current directory or above)")
	var method *string
	var headers multiFlag
	if name == "trace" {
		method = fs.String("method", "", "trace: the request method the VCL's conditions see (default GET)")
		fs.Var(&headers, "header", "trace: a request header the VCL's conditions see, as 'Name: value' (repeatable)")
	}
	var vars, varFiles multiFlag
	fs.Var(&vars, "var", "a Terraform root variable, name=value (repeatable)")
	fs.Var(&varFiles, "var-file", "a Terraform variables file (repeatable)")
	var context multiFlag
	fs.Var(&context, "context", "load PATH for the chain graph only (repeatable)")
	outsideRoot := fs.Bool("allow-outside-root", false, "let Terraform's file() read outside the given paths")
	fs.Usage = func() {
		synopsis := map[string]string{
			"trace":       "chainlint trace URL [PATH ...] [flags]\n\nWalks a request for URL (host[/path][?query], or https://…) through the analysed services.\nWith a path, --method or --header it follows the paths that request takes through each VCL.",
			"graph":       "chainlint graph [PATH ...] [flags]\n\nPrints the chain graph of the analysed services.",
			"purge-order": "chainlint purge-order [PATH ...] [flags]\n\nPrints the order in which to purge chained caches (origin side first).",
		}[name]
		fmt.Fprintf(stderr, "usage: %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitClean
	}
	if err != nil {
		return exitUsage
	}
	if !slices.Contains(formats, *format) {
		fmt.Fprintf(stderr, "chainlint %s: --format: unknown format %q (want %s)\n", name, *format, strings.Join(formats, ", "))
		return exitUsage
	}
	var host, path string
	var req *analyzer.Request
	if name == "trace" {
		if len(positional) == 0 {
			fmt.Fprintln(stderr, "usage: chainlint trace HOST[/path][?query] [PATH ...]")
			return exitUsage
		}
		host, path = splitTraceTarget(positional[0])
		positional = positional[1:]
		if path != "" || *method != "" || len(headers) > 0 {
			req = &analyzer.Request{Method: strings.ToUpper(*method), URL: path, Headers: map[string]string{"host": analyzer.NormalizeHost(host)}}
			for _, h := range headers {
				k, v, ok := strings.Cut(h, ":")
				if !ok || strings.TrimSpace(k) == "" {
					fmt.Fprintf(stderr, "chainlint trace: --header %q: want 'Name: value'\n", h)
					return exitUsage
				}
				req.Headers[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
			}
		}
	}
	if len(positional) == 0 {
		positional = []string{"."}
	}
	for i := range positional {
		positional[i] = c.path(positional[i])
	}
	topts := terraform.Options{AllowOutsideRoot: *outsideRoot, EnvVars: c.tfVarEnv()}
	if topts.VarFiles, topts.RootVarFiles, err = c.varFiles(varFiles); err != nil {
		fmt.Fprintf(stderr, "chainlint: --var-file: %v\n", err)
		return exitUsage
	}
	if len(vars) > 0 {
		topts.Vars = map[string]string{}
		for _, v := range vars {
			k, val, ok := strings.Cut(v, "=")
			if !ok || k == "" {
				fmt.Fprintf(stderr, "chainlint: --var %q: want name=value\n", v)
				return exitUsage
			}
			topts.Vars[k] = val
		}
	}
	cfg, _, err := lint.FindConfig(c.wd(), *configPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: config: %v\n", err)
		return exitUsage
	}
	for i := range context {
		context[i] = c.path(context[i])
	}
	res, err := lint.Run(lint.Options{Paths: positional, Context: context, Config: cfg, Profile: *profile, Terraform: topts})
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	if res.Incomplete {
		fmt.Fprintln(stderr, "chainlint: warning: some inputs could not be analysed; run chainlint on them to see why")
	}
	chains := res.Chains()
	wd := c.wd()
	switch name {
	case "trace":
		t, err := chainview.NewRequestTrace(chains, res.Profile, host, path, req)
		if err != nil {
			fmt.Fprintf(stderr, "chainlint trace: %v\n", err)
			return exitUsage
		}
		if *format == "json" {
			err = t.WriteJSON(stdout)
		} else {
			err = t.WriteText(stdout)
		}
		if err != nil {
			return exitIncomplete
		}
	case "graph":
		if err := chainview.NewGraph(chains, res.Findings, output.RelativeTo(wd)).Write(stdout, *format); err != nil {
			return exitIncomplete
		}
	case "purge-order":
		plans := chainview.PurgeOrder(chains)
		if *format == "json" {
			err = chainview.WritePurgeJSON(stdout, plans)
		} else {
			err = chainview.WritePurgeText(stdout, plans)
		}
		if err != nil {
			return exitIncomplete
		}
	}
	if res.Incomplete {
		return exitIncomplete
	}
	return exitClean
}

// splitTraceTarget splits what people paste into trace: a host with an
// optional path and query ("shop.example.com/img/x.png?w=2"), or a whole
// URL with scheme and port ("https://shop.example.com:443/img/x.png").
func splitTraceTarget(arg string) (host, path string) {
	if _, rest, ok := strings.Cut(arg, "://"); ok {
		arg = rest
	}
	host, path = arg, ""
	if i := strings.IndexAny(arg, "/?#"); i >= 0 {
		host, path = arg[:i], arg[i:]
	}
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path = path[:i]
	}
	if strings.HasPrefix(path, "?") {
		path = "/" + path
	}
	return analyzer.NormalizeHost(host), path
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// cmdPull reads the live account into an export bundle.
func (c *Command) cmdPull(args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	fs := flag.NewFlagSet("chainlint pull", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var services multiFlag
	fs.Var(&services, "service", "a service ID to pull (repeatable)")
	all := fs.Bool("all", false, "pull every service of the account")
	version := fs.String("version", "active", "which version: active, latest or a number")
	out := fs.String("out", "", "write the bundle to FILE (.yaml/.yml: YAML) instead of standard output")
	endpoint := fs.String("endpoint", pull.DefaultEndpoint, "the Fastly API's base URL")
	tokenFile := fs.String("token-file", "", "read the API token from FILE instead of $FASTLY_API_TOKEN")
	timeout := fs.Duration("timeout", 5*time.Minute, "give up when the whole pull, retries included, takes longer")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: chainlint pull (--all | --service ID ...) [flags]\n\nReads services, their versions and the account's store lists into an export bundle.\nThe token (FASTLY_API_TOKEN or --token-file) needs read access (global:read).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if fs.NArg() > 0 || (*all == (len(services) > 0)) {
		fmt.Fprintln(stderr, "chainlint pull: give either --all or one or more --service ID")
		return exitUsage
	}
	token := c.getenv("FASTLY_API_TOKEN")
	if *tokenFile != "" {
		b, err := safefile.Read(c.path(*tokenFile), 64<<10)
		if err != nil {
			fmt.Fprintf(stderr, "chainlint pull: --token-file: %v\n", err)
			return exitUsage
		}
		token = strings.TrimSpace(string(b))
	}
	if token == "" {
		fmt.Fprintln(stderr, "chainlint pull: no API token: set FASTLY_API_TOKEN or use --token-file")
		return exitUsage
	}
	if *timeout <= 0 {
		fmt.Fprintln(stderr, "chainlint pull: --timeout must be positive")
		return exitUsage
	}
	opts := pull.Options{Endpoint: *endpoint, Token: token, ServiceIDs: services, All: *all, Version: *version, TotalTimeout: *timeout}
	if f, ok := c.Stderr.(*os.File); ok && isTerminal(f) {
		opts.Progress = func(done, total int, what string) {
			fmt.Fprintf(stderr, "\r\033[Kpulling %d/%d: %s", done, total, what)
		}
	}
	bundle, err := pull.Pull(context.Background(), opts)
	if opts.Progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		fmt.Fprintf(stderr, "chainlint pull: %v\n", err)
		var auth *pull.AuthError
		if errors.As(err, &auth) || errors.Is(err, pull.ErrBadVersion) || errors.Is(err, pull.ErrBadToken) {
			return exitUsage
		}
		return exitIncomplete
	}
	var data []byte
	if strings.HasSuffix(*out, ".yaml") || strings.HasSuffix(*out, ".yml") {
		data, err = yaml.Marshal(bundle)
	} else {
		data, err = json.MarshalIndent(bundle, "", "  ")
		data = append(data, '\n')
	}
	if err != nil {
		fmt.Fprintf(stderr, "chainlint pull: %v\n", err)
		return exitIncomplete
	}
	data = pull.Scrub(data, token)
	if *out == "" {
		_, err = stdout.Write(data)
	} else {
		err = safefile.Write(c.path(*out), data, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "chainlint pull: %v\n", err)
		return exitIncomplete
	}
	return exitClean
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// memoryBudget sets the collector's pace for the run (see package budget);
// the command exits after the run, so nothing is restored.
func memoryBudget(s loader.Sizes) { budget.Apply(s) }

// cmdLSP runs the language server on standard input and output.
func (c *Command) cmdLSP(args []string) int {
	stderr := c.Stderr
	if isHelp(args) {
		fmt.Fprintln(stderr, "usage: chainlint lsp [--stdio]\n\nRuns the language server on standard input and output (LSP over stdio).")
		return exitClean
	}
	if len(args) > 0 && args[0] != "--stdio" {
		fmt.Fprintln(stderr, "usage: chainlint lsp [--stdio]")
		return exitUsage
	}
	if err := lsp.Serve(context.Background(), c.Stdin, c.Stdout, lsp.Options{Version: versionString(), Log: stderr}); err != nil {
		fmt.Fprintf(stderr, "chainlint lsp: %v\n", err)
		return 1
	}
	return exitClean
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

// useColor decides --color: always, never, or auto: on a terminal unless
// NO_COLOR is set and not empty (https://no-color.org).
func (c *Command) useColor(mode string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if c.getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := c.Stdout.(*os.File)
	return ok && isTerminal(f)
}

// emptyPaths lists the paths named on the command line from which no
// input was read.
func emptyPaths(paths []string, g *analyzer.Graph) []string {
	var names []string
	for _, f := range g.Files.List() {
		if abs, err := filepath.Abs(f.Name); err == nil {
			names = append(names, abs)
		}
	}
	var empty []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		found := false
		for _, n := range names {
			if n == abs || strings.HasPrefix(n, abs+string(filepath.Separator)) {
				found = true
				break
			}
		}
		if !found {
			empty = append(empty, p)
		}
	}
	return empty
}

// isHelp reports a lone -h, -help or --help.
func isHelp(args []string) bool {
	return len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help")
}

// verbose says what a run read.
func verbose(w io.Writer, res *lint.Result, rel func(string) string) {
	g := res.Graph
	fmt.Fprintf(w, "chainlint: read %d files: %d services, %d stores\n", len(g.Files.List()), len(g.Services), len(g.Stores))
	for _, s := range g.Services {
		p := s.Project
		if p == nil {
			continue
		}
		fmt.Fprintf(w, "chainlint: Compute project %s (service %q): %d source files scanned, %d store opens and backend sends found, %d with a name computed at run time (skipped)\n",
			rel(p.Manifest), s.Label(), p.Files, len(p.Refs), p.Computed)
	}
}
