package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/chainlint/chainlint/chaindiff"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/gittree"
	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/internal/safefile"
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
	positional, status := parseArgs(fs, args)
	if status != proceed {
		return status
	}
	if len(positional) < 1 || len(positional) > 2 {
		fs.Usage()
		return exitUsage
	}
	if !slices.Contains(chaindiff.Formats, *format) {
		fmt.Fprintf(stderr, "chainlint diff: --format: unknown format %q (want %s)\n", *format, strings.Join(chaindiff.Formats, ", "))
		return exitUsage
	}
	sides, failOnCfg, status := c.diffSides(positional, &in)
	if status != proceed {
		return status
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
		fmt.Fprintln(stderr, "chainlint diff: some of HEAD could not be read:")
		for i, f := range sides[1].Result.Findings {
			if graph.RuleID(f.Rule) == graph.RuleParseError && i < 20 {
				fmt.Fprintf(stderr, "  %s:%d:%d: %s\n", sides[1].Rel(f.Pos.Filename), f.Pos.Line, f.Pos.Column, printable.String(f.Message))
			}
		}
		return exitIncomplete
	case len(report.Introduced(failOn)) > 0:
		return exitFindings
	}
	return exitClean
}

// diffSides loads both sides: BASE and HEAD (the working tree by
// default), or a Terraform plan's prior_state and planned_values.
func (c *Command) diffSides(positional []string, in *inputFlags) ([2]chaindiff.Side, *lint.Options, int) {
	stderr := c.Stderr
	var sides [2]chaindiff.Side
	var failOnCfg *lint.Options
	specs := positional
	if len(positional) == 1 {
		specs = append(specs, ".")
		// A Terraform plan (terraform show -json plan.out) is both sides:
		// its prior_state before, its planned_values after.
		if prior, ok, err := c.planPrior(positional[0]); err != nil {
			fmt.Fprintf(stderr, "chainlint diff: %s: %v\n", positional[0], err)
			return [2]chaindiff.Side{}, nil, exitUsage
		} else if ok {
			specs = []string{prior, positional[0]}
		}
	}
	// Both sides are read first (a git tree extracted), then linted side
	// by side: the two lints are independent, and the machine's cores
	// share them.
	var opts [2]lint.Options
	var roots [2]string
	for i, spec := range specs {
		o, root, status := c.diffInput(spec, in)
		if status != proceed {
			return [2]chaindiff.Side{}, nil, status
		}
		opts[i], roots[i] = o, root
	}
	var results [2]*lint.Result
	var errs [2]error
	var wg sync.WaitGroup
	for i := range specs {
		wg.Go(func() { results[i], errs[i] = lint.Run(opts[i]) })
	}
	wg.Wait()
	for i, spec := range specs {
		if errs[i] != nil {
			fmt.Fprintf(stderr, "chainlint diff: %s: %v\n", spec, errs[i])
			return [2]chaindiff.Side{}, nil, exitUsage
		}
		sides[i] = chaindiff.Side{Label: spec, Result: results[i], Rel: output.RelativeTo(roots[i])}
	}
	failOnCfg = &opts[1]
	if specs[0] != positional[0] && len(positional) == 1 { // a plan: name its sides
		sides[0].Label, sides[1].Label = positional[0]+" (prior_state)", positional[0]+" (planned_values)"
		prior, plan := specs[0], c.path(positional[0])
		rel := sides[1].Rel
		sides[0].Rel = func(name string) string {
			if name == prior {
				return rel(plan) + " (prior_state)"
			}
			return rel(name)
		}
	}
	return sides, failOnCfg, proceed
}

// diffInput prepares one side for the lint: a path, or git:REV[:PATH]
// read from the repository into a temporary directory, which is the
// side's root for the file names printed.
func (c *Command) diffInput(spec string, in *inputFlags) (lint.Options, string, int) {
	path, root := spec, c.wd()
	if rest, ok := strings.CutPrefix(spec, "git:"); ok {
		rev, sub, _ := strings.Cut(rest, ":")
		dir, err := os.MkdirTemp("", "chainlint-diff-")
		if err == nil {
			c.cleanup = append(c.cleanup, func() { _ = os.RemoveAll(dir) })
			// The whole tree: PATH scopes what is linted, but a
			// Terraform module there may call ../modules beside it.
			err = gittree.Extract(c.wd(), rev, "", dir)
		}
		if err != nil {
			fmt.Fprintf(c.Stderr, "chainlint diff: %s: %v\n", spec, err)
			return lint.Options{}, "", exitUsage
		}
		root, path = dir, filepath.Join(dir, filepath.FromSlash(sub))
	}
	opts, ok := in.options(c, []string{path}, c.Stderr)
	if !ok {
		return lint.Options{}, "", exitUsage
	}
	return opts, root, proceed
}

// planPrior reads a Terraform plan's JSON (terraform show -json
// plan.out) and writes its prior state as a state document (with the
// plan's configuration, for references) to a temporary file; ok is
// false for anything that is not a plan.
func (c *Command) planPrior(spec string) (string, bool, error) {
	if strings.HasPrefix(spec, "git:") || !strings.HasSuffix(spec, ".json") {
		return "", false, nil
	}
	// A file that cannot be read, or is no plan, is a side of its own:
	// diffSide loads it (and says why it cannot).
	var plan map[string]json.RawMessage
	if !isPlan(c.path(spec), &plan) {
		return "", false, nil
	}
	var prior struct {
		Values json.RawMessage `json:"values"`
	}
	if raw := plan["prior_state"]; raw != nil {
		if err := json.Unmarshal(raw, &prior); err != nil {
			return "", false, fmt.Errorf("prior_state: %w", err)
		}
	}
	if prior.Values == nil {
		prior.Values = json.RawMessage(`{"root_module": {}}`) // a plan that creates everything
	}
	state := map[string]json.RawMessage{"format_version": plan["format_version"], "values": prior.Values}
	if cfg := plan["configuration"]; cfg != nil {
		state["configuration"] = cfg
	}
	data, err := json.MarshalIndent(state, "", "  ")
	if err != nil {
		return "", false, err
	}
	dir, err := os.MkdirTemp("", "chainlint-diff-")
	if err != nil {
		return "", false, err
	}
	c.cleanup = append(c.cleanup, func() { _ = os.RemoveAll(dir) })
	file := filepath.Join(dir, "prior_state.json")
	return file, true, os.WriteFile(file, data, 0o600)
}

// isPlan reads a file as a plan's JSON into plan, and reports whether it
// is one.
func isPlan(path string, plan *map[string]json.RawMessage) bool {
	content, err := safefile.ReadText(path, 0)
	if err != nil || json.Unmarshal(content, plan) != nil {
		return false
	}
	return (*plan)["planned_values"] != nil && (*plan)["format_version"] != nil
}
