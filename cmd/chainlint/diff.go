package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/chaindiff"
	"github.com/chainlint/chainlint/internal/gittree"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
)

// cmdDiff reports what a change does to the chain: BASE and HEAD linted
// with the same flags, compared (package chaindiff).
func (c *Command) cmdDiff(args []string) int {
	stderr := c.Stderr
	defer func() {
		for _, f := range c.cleanup {
			f()
		}
	}()
	fs := flag.NewFlagSet("chainlint diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: "+strings.Join(chaindiff.Formats, ", "))
	failOnFlag := fs.String("fail-on", "", "lowest severity of an introduced finding that fails the run: error, warning, info or none (default from the config file, else warning)")
	var in inputFlags
	in.register(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: chainlint diff BASE [HEAD] [flags]\n\nWhat a change does to the chain: each side linted with the same flags, then compared\n(backends' targets and Hosts, chain edges, loops, worst paths, findings introduced and\nfixed, the order to activate the changed services). BASE and HEAD are each a directory,\na file (an export, chainlint pull's), git:REV or git:REV:PATH (read from the repository\nwithout checking it out); HEAD defaults to the working tree (\".\").\n\nExit status: 0, or 1 when the change introduces a finding at or above --fail-on, 2 usage,\n3 HEAD could not be read whole.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitClean
	}
	if err != nil {
		return exitUsage
	}
	if len(positional) < 1 || len(positional) > 2 {
		fs.Usage()
		return exitUsage
	}
	if !slices.Contains(chaindiff.Formats, *format) {
		fmt.Fprintf(stderr, "chainlint diff: --format: unknown format %q (want %s)\n", *format, strings.Join(chaindiff.Formats, ", "))
		return exitUsage
	}
	if len(positional) == 1 {
		positional = append(positional, ".")
	}
	var sides [2]chaindiff.Side
	var failOnCfg *lint.Options
	for i, spec := range positional {
		side, opts, status := c.diffSide(spec, &in)
		if status != proceed {
			return status
		}
		sides[i], failOnCfg = side, &opts
	}
	failOn, err := lint.FailOn(*failOnFlag, failOnCfg.Config)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint diff: --fail-on: %v\n", err)
		return exitUsage
	}
	report := chaindiff.Compare(sides[0], sides[1])
	if err := report.Write(c.Stdout, *format); err != nil {
		fmt.Fprintf(stderr, "chainlint diff: %v\n", err)
		return exitIncomplete
	}
	switch {
	case sides[1].Result.Incomplete:
		fmt.Fprintln(stderr, "chainlint diff: some of HEAD could not be read; run chainlint on it to see why")
		return exitIncomplete
	case len(report.Introduced(failOn)) > 0:
		return exitFindings
	}
	return exitClean
}

// diffSide loads and lints one side: a path, or git:REV[:PATH] read from
// the repository into a temporary directory.
func (c *Command) diffSide(spec string, in *inputFlags) (chaindiff.Side, lint.Options, int) {
	path, root := spec, c.wd()
	if rest, ok := strings.CutPrefix(spec, "git:"); ok {
		rev, sub, _ := strings.Cut(rest, ":")
		dir, err := os.MkdirTemp("", "chainlint-diff-")
		if err == nil {
			c.cleanup = append(c.cleanup, func() { _ = os.RemoveAll(dir) })
			err = gittree.Extract(c.wd(), rev, sub, dir)
		}
		if err != nil {
			fmt.Fprintf(c.Stderr, "chainlint diff: %s: %v\n", spec, err)
			return chaindiff.Side{}, lint.Options{}, exitUsage
		}
		root, path = dir, filepath.Join(dir, filepath.FromSlash(sub))
	}
	opts, ok := in.options(c, []string{path}, c.Stderr)
	if !ok {
		return chaindiff.Side{}, lint.Options{}, exitUsage
	}
	res, err := lint.Run(opts)
	if err != nil {
		fmt.Fprintf(c.Stderr, "chainlint diff: %s: %v\n", spec, err)
		return chaindiff.Side{}, lint.Options{}, exitUsage
	}
	return chaindiff.Side{Label: spec, Result: res, Rel: output.RelativeTo(root)}, opts, proceed
}
