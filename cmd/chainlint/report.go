package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/baseline"
	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/english"
	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
	"github.com/chainlint/chainlint/rules"
)

// isInput reports whether a file (by real path) is one of the run's
// inputs.
func isInput(g *graph.Graph) func(string) bool {
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
		out = append(out, output.RuleInfo{ID: r.Name, Severity: r.Severity, Summary: r.Summary(), Doc: strings.TrimSpace(doc), HelpURI: analyzer.DocURLFor(r.Name, versionString())})
	}
	return out
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

// emptyPaths lists the paths named on the command line from which no
// input was read.
func emptyPaths(paths []string, g *graph.Graph) []string {
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

// verbose says what a run read.
func verbose(w io.Writer, res *lint.Result, rel func(string) string) {
	g := res.Graph
	fmt.Fprintf(w, "chainlint: read %d files: %d services, %d stores\n", len(g.Files.List()), len(g.Services), len(g.Stores))
	for _, s := range g.Services {
		p := s.Project()
		if p == nil {
			continue
		}
		fmt.Fprintf(w, "chainlint: Compute project %s (service %q): %d source files scanned, %d store opens and backend sends found, %d with a name computed at run time (skipped)\n",
			rel(p.Manifest), s.Label(), p.Files, len(p.Refs), p.Computed)
	}
}

// fix prints the fixes as a diff (--diff, which ends the run) or writes
// them (--fix), then lints again what is left.
func (r *lintRun) fix() int {
	if !r.lf.diff && !r.lf.fix {
		return proceed
	}
	fr, err := lint.Fix(r.opts)
	if err != nil {
		fmt.Fprintf(r.stderr, "chainlint: %v\n", err)
		return exitIncomplete
	}
	if r.lf.diff {
		for _, f := range fr.Files {
			name := printable.String(r.rel(f.Name))
			if _, err := fmt.Fprint(r.stdout, udiff.Unified("a/"+name, "b/"+name, string(f.Old), string(f.New))); err != nil {
				fmt.Fprintf(r.stderr, "chainlint: writing the diff: %v\n", err)
				return exitIncomplete
			}
		}
		switch {
		case r.res.Incomplete:
			return exitIncomplete
		case len(fr.Files) > 0:
			return exitFindings // a diff was printed: a --check-style gate fails
		}
		return exitClean
	}
	changed, err := lint.WriteFixes(fr)
	if err != nil {
		fmt.Fprintf(r.stderr, "chainlint: %v\n", err)
		return exitIncomplete
	}
	fmt.Fprintf(r.stderr, "chainlint: fixed %s\n", english.Plural(changed, "file"))
	r.res = fr.Result
	for _, f := range fr.Files {
		if f.NotWritten != "" {
			fmt.Fprintf(r.stderr, "chainlint: not fixed: %s\n", f.NotWritten)
			if r.res, err = lint.Run(r.opts); err != nil { // report what is left on disk
				fmt.Fprintf(r.stderr, "chainlint: %v\n", err)
				return exitUsage
			}
		}
	}
	return proceed
}

// writeBaseline records the findings (--write-baseline), which ends the
// run.
func (r *lintRun) writeBaseline() int {
	file := r.lf.writeBaseline
	if file == "" {
		return proceed
	}
	if _, err := r.c.writeTarget("--write-baseline", file, isInput(r.res.Graph)); err != nil {
		fmt.Fprintf(r.stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	if err := baseline.Write(file, r.res.Findings, r.rel); err != nil {
		fmt.Fprintf(r.stderr, "chainlint: --write-baseline: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(r.stderr, "chainlint: recorded %d findings in %s\n", len(r.res.Findings), file)
	if r.res.Incomplete {
		return exitIncomplete
	}
	return exitClean
}

// report writes the findings a baseline does not hide in every format
// asked for, and returns the exit status.
func (r *lintRun) report() int {
	res := r.res
	findings := res.Findings
	if r.base != nil {
		findings = r.base.Filter(findings, r.rel)
	}
	g := res.Graph
	report := &output.Report{
		Graph:      func() *chainview.Graph { return chainview.NewGraph(res.Chains(), findings, r.rel) },
		Quiet:      r.lf.quiet,
		Baselined:  len(res.Findings) - len(findings),
		Findings:   findings,
		Incomplete: res.Incomplete,
		Services:   len(g.Services),
		Files:      len(g.Files.List()),
		Source:     g.Files.Sources(),
		Window:     g.Files.Window,
		Secrets:    g.SecretRanges,
		Rel:        r.rel,
		Version:    versionString(),
		Rules:      ruleInfos(),
	}
	outputs := r.lf.outputs
	if len(outputs) == 0 {
		outputs = multiFlag{r.lf.format + "=-"}
	}
	for _, o := range outputs {
		format, file, _ := strings.Cut(o, "=")
		if status := r.writeOutput(report, format, file); status != proceed {
			return status
		}
	}
	return exitStatus(findings, res.Incomplete, r.failOn)
}

// writeOutput writes the report in one format to standard output ("-")
// or a file.
func (r *lintRun) writeOutput(report *output.Report, format, file string) int {
	var buf bytes.Buffer
	w := io.Writer(&buf)
	report.Color = false // a file gets no colour
	var out *bufio.Writer
	if file == "-" {
		// Buffered: a report of a few thousand findings was as many writes.
		out = bufio.NewWriterSize(r.stdout, 64<<10)
		w = out
		report.Color = r.c.useColor(r.lf.color)
	}
	err := output.Write(w, format, report)
	if out != nil {
		if ferr := out.Flush(); err == nil {
			err = ferr
		}
	}
	if err != nil {
		fmt.Fprintf(r.stderr, "chainlint: %v\n", err)
		return exitIncomplete
	}
	if file == "-" {
		return proceed
	}
	target, err := r.c.writeTarget("--output", file, isInput(r.res.Graph))
	if err != nil {
		fmt.Fprintf(r.stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		fmt.Fprintf(r.stderr, "chainlint: --output: %v\n", err)
		return exitIncomplete
	}
	if err := safefile.Write(target, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(r.stderr, "chainlint: --output: %v\n", err)
		return exitIncomplete
	}
	return proceed
}
