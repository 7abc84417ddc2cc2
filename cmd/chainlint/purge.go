package main

import (
	"flag"

	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/lint"
)

// purgeView is `chainlint purge-order`: which caches to purge first.
var purgeView = &view{
	name:     "purge-order",
	synopsis: "chainlint purge-order [PATH ...] [flags]\n\nPrints the order in which to purge chained caches (origin side first).",
	formats:  []string{"text", "json"},
	start:    func(*flag.FlagSet) viewRun { return viewRun{write: writePurge} },
}

func writePurge(c *Command, format string, res *lint.Result) int {
	plans := chainview.PurgeOrder(res.Chains())
	var err error
	if format == "json" {
		err = chainview.WritePurgeJSON(c.Stdout, plans)
	} else {
		err = chainview.WritePurgeText(c.Stdout, plans)
	}
	if err != nil {
		return exitIncomplete
	}
	return exitClean
}
