package main

import (
	"flag"
	"fmt"
	"slices"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/textdist"
	"github.com/chainlint/chainlint/output"
	"github.com/chainlint/chainlint/vclmodel"
)

// cmdVCL prints a VCL service's effective VCL: what Fastly compiles, as
// the request-flow model runs it (like "Show VCL" in Fastly's web
// interface), each inserted piece naming where it comes from.
func (c *Command) cmdVCL(args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	fs := flag.NewFlagSet("chainlint vcl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in inputFlags
	in.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: chainlint vcl SERVICE [PATH ...] [flags]\n\nPrints the VCL Fastly compiles for SERVICE (its name or ID), as chainlint models it: the\ncustom VCL (or Fastly's boilerplate) with the snippets at their #FASTLY macros by priority and,\nin vcl_recv, the VCL Fastly generates from the API objects, each piece naming where it comes from.\n\nFlags:")
		fs.PrintDefaults()
	}
	positional, status := parseArgs(fs, args)
	if status != proceed {
		return status
	}
	if len(positional) == 0 {
		fs.Usage()
		return exitUsage
	}
	name := positional[0]
	res, status := c.lintInputs(&in, positional[1:])
	if status != proceed {
		return status
	}
	var names []string
	var found *graph.Service
	for _, s := range res.Graph.Services {
		if s.Platform != graph.PlatformVCL {
			continue
		}
		names = append(names, s.Label())
		if s.Name.Value == name || s.ID.Value == name {
			if found != nil {
				fmt.Fprintf(stderr, "chainlint vcl: more than one service is named %q; name it by its ID\n", name)
				return exitUsage
			}
			found = s
		}
	}
	if found == nil {
		slices.Sort(names)
		msg := fmt.Sprintf("chainlint vcl: no VCL service %q among the inputs", name)
		if near, ok := textdist.Closest(name, names, 3); ok {
			msg += fmt.Sprintf("; did you mean %q?", near)
		} else if len(names) > 0 && len(names) <= 20 {
			msg += fmt.Sprintf(" (VCL services: %v)", names)
		}
		fmt.Fprintln(stderr, msg)
		return exitUsage
	}
	if _, err := fmt.Fprint(stdout, vclmodel.Effective(res.Graph, found, output.RelativeTo(c.wd()))); err != nil {
		return exitIncomplete
	}
	if res.Incomplete {
		fmt.Fprintln(stderr, "chainlint: warning: some inputs could not be analysed; run chainlint on them to see why")
		return exitIncomplete
	}
	return exitClean
}
