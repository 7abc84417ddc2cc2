package main

import (
	"flag"

	"fmt"

	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
)

// graphView is `chainlint graph`: the chain graph, in every format
// chainview draws.
var graphView = &view{
	name:     "graph",
	synopsis: "chainlint graph [PATH ...] [flags]\n\nPrints the chain graph of the analysed services.",
	formats:  chainview.Formats,
	start:    func(*flag.FlagSet) viewRun { return viewRun{write: writeGraph} },
}

func writeGraph(c *Command, format string, res *lint.Result) int {
	if err := chainview.NewGraph(res.Chains(), res.Findings, output.RelativeTo(c.wd())).Write(c.Stdout, format); err != nil {
		fmt.Fprintf(c.Stderr, "chainlint graph: %v\n", err)
		return exitIncomplete
	}
	return exitClean
}
