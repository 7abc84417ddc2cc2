package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/baseline"
	"github.com/chainlint/chainlint/internal/textdist"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/lint/budget"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/output"
)

// proceed is what a step of the lint returns when the run goes on;
// anything else is the exit status.
const proceed = -1

// lintRun is one run of the main command, step by step: flags, options,
// standard input, the lint, fixes, the baseline, the report.
type lintRun struct {
	c              *Command
	stdout, stderr io.Writer
	lf             *lintFlags
	paths          []string
	named          bool // paths were given (none means ".")
	opts           lint.Options
	failOn         analyzer.Severity
	base           *baseline.Baseline
	res            *lint.Result
	rel            func(string) string
	// restoreBudget puts back the collector's settings the run's memory
	// budget changed (see package budget); nil before the inputs are read.
	restoreBudget func()
}

func (c *Command) cmdLint(args []string) int {
	r := &lintRun{c: c, stdout: c.Stdout, stderr: c.Stderr}
	defer func() {
		if r.restoreBudget != nil {
			r.restoreBudget()
		}
	}()
	for _, step := range []func() int{
		func() int { return r.parseFlags(args) },
		r.configure,
		r.standardInput,
		r.lint,
		r.fix,
		r.writeBaseline,
	} {
		if status := step(); status != proceed {
			return status
		}
	}
	return r.report()
}

// parseFlags reads and checks the command line.
func (r *lintRun) parseFlags(args []string) int {
	fs, lf := newLintFlags(r.stderr)
	r.lf = lf
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
		fmt.Fprintln(r.stderr, hint)
		return exitUsage
	}
	lf.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { lf.set[f.Name] = true })
	if lf.showVersion {
		fmt.Fprintf(r.stdout, "chainlint %s\n", versionString())
		return exitClean
	}
	if !validFormat(lf.format) {
		fmt.Fprintf(r.stderr, "chainlint: --format: unknown format %q (want %s)\n", lf.format, strings.Join(output.Formats, ", "))
		return exitUsage
	}
	if !slices.Contains([]string{"auto", "always", "never"}, lf.color) {
		fmt.Fprintf(r.stderr, "chainlint: --color: want auto, always or never, not %q\n", lf.color)
		return exitUsage
	}
	if status := r.checkOutputs(); status != proceed {
		return status
	}
	r.paths, r.named = paths, len(paths) > 0
	if r.named && len(args) > 0 && args[0] == paths[0] {
		// chainlint grpah: a first word that is no path but is near a
		// command is a mistyped command, not a missing file.
		if _, err := os.Lstat(r.c.path(paths[0])); err != nil {
			if near, ok := textdist.Closest(paths[0], commands, 2); ok {
				fmt.Fprintf(r.stderr, "chainlint: unknown command %q (and no file of that name): did you mean chainlint %s?\n", paths[0], near)
				return exitUsage
			}
		}
	}
	return proceed
}

// checkOutputs checks --output's FORMAT=FILE values, and that no two
// writes name one file.
func (r *lintRun) checkOutputs() int {
	var files []string
	for _, o := range r.lf.outputs {
		format, file, ok := strings.Cut(o, "=")
		if !ok || file == "" || !validFormat(format) {
			fmt.Fprintf(r.stderr, "chainlint: --output %q: want FORMAT=FILE (FILE - for standard output), FORMAT one of %s\n", o, strings.Join(output.Formats, ", "))
			return exitUsage
		}
		if file != "-" {
			files = append(files, file)
		}
	}
	if r.lf.writeBaseline != "" {
		files = append(files, r.lf.writeBaseline)
	}
	if same := r.c.sameFiles(files); same != "" {
		fmt.Fprintf(r.stderr, "chainlint: --output and --write-baseline name one file twice (%s): each would overwrite the other\n", same)
		return exitUsage
	}
	return proceed
}

// configure turns the flags into the lint's options: inputs, config,
// rule selection, --fail-on, the baseline.
func (r *lintRun) configure() int {
	lf := r.lf
	opts, ok := lf.options(r.c, r.paths, r.stderr) // paths relative to the working directory; none is "."
	if !ok {
		return exitUsage
	}
	opts.OnRead = func(s loader.Sizes) { r.restoreBudget = budget.Apply(s) }
	// The command lints once: a large export is read outside the heap,
	// and unmapped once loaded.
	opts.OutsideHeap, opts.OnUnmap = true, budget.Unmapped
	r.opts, r.paths = opts, opts.Paths
	if err := selectRules(opts.Config, lf); err != nil {
		fmt.Fprintf(r.stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	failOnFlag := ""
	if lf.set["fail-on"] {
		failOnFlag = lf.failOn
	}
	var err error
	if r.failOn, err = lint.FailOn(failOnFlag, opts.Config); err != nil {
		fmt.Fprintf(r.stderr, "chainlint: --fail-on: %v\n", err)
		return exitUsage
	}
	lf.baseline, lf.writeBaseline = r.c.path(lf.baseline), r.c.path(lf.writeBaseline)
	if lf.baseline != "" {
		if r.base, err = baseline.Load(lf.baseline); err != nil {
			fmt.Fprintf(r.stderr, "chainlint: --baseline: %v\n", err)
			return exitUsage
		}
	}
	return proceed
}

// standardInput reads the path "-": one file from standard input
// (editors and pre-commit wrappers), which --stdin-filename names, its
// extension choosing the loader.
func (r *lintRun) standardInput() int {
	if !slices.Contains(r.paths, "-") {
		return proceed
	}
	lf := r.lf
	dashes := 0
	for _, p := range r.paths {
		if p == "-" {
			dashes++
		}
	}
	if lf.fix || lf.writeBaseline != "" || dashes > 1 {
		fmt.Fprintln(r.stderr, "chainlint: standard input (-) is read once, and cannot be --fix'ed or baselined")
		return exitUsage
	}
	content, err := io.ReadAll(io.LimitReader(r.c.Stdin, loader.MaxFileSize+1))
	if err != nil || len(content) > loader.MaxFileSize {
		fmt.Fprintf(r.stderr, "chainlint: standard input: over %d MB or unreadable (%v)\n", loader.MaxFileSize>>20, err)
		return exitUsage
	}
	name := lf.stdinFilename
	if name == "" {
		name = "stdin.yaml"
		if t := strings.TrimLeft(string(content[:min(len(content), 64)]), " \t\r\n\ufeff"); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			name = "stdin.json"
		}
	}
	name = r.c.path(name)
	if st, err := os.Stat(name); err == nil && st.IsDir() || strings.HasSuffix(lf.stdinFilename, "/") {
		// Never lint what is on disk in place of standard input.
		fmt.Fprintf(r.stderr, "chainlint: --stdin-filename %q names a directory; give the file name standard input stands for (its extension picks the loader: .json, .yaml, .tf, .vcl)\n", lf.stdinFilename)
		return exitUsage
	}
	r.opts.Overlay = map[string][]byte{name: content}
	r.opts.Paths = slices.Clone(r.paths)
	r.opts.Paths[slices.Index(r.paths, "-")] = name
	r.paths = r.opts.Paths
	return proceed
}

// lint runs the linter; a named path that yields nothing is a usage
// error (a gate that passes on nothing is no gate).
func (r *lintRun) lint() int {
	res, err := lint.Run(r.opts)
	if err != nil {
		fmt.Fprintf(r.stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	r.res = res
	if empty := emptyPaths(r.paths, res.Graph); r.named && len(empty) > 0 {
		fmt.Fprintf(r.stderr, "chainlint: no Fastly configuration found in %s (exports in .json/.yaml/.yml, Terraform .tf/.tf.json, .vcl, fastly.toml)\n", strings.Join(empty, ", "))
		return exitUsage
	}
	r.rel = output.RelativeTo(r.c.wd())
	if r.lf.verbose {
		verbose(r.stderr, res, r.rel)
	}
	return proceed
}
