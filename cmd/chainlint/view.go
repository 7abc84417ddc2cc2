package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/lint"
)

// view is a command that shows the chain (trace, graph, purge-order): each
// is declared in a file of its own and run by cmdView. They lint the
// inputs as the main command does (so the graph can mark errors) but exit
// 0 unless the inputs cannot be read.
type view struct {
	name     string
	synopsis string
	formats  []string // the first is the default
	// start registers the view's own flags, if any, and returns one run
	// of it (its state is the run's own: runs may be concurrent).
	start func(fs *flag.FlagSet) viewRun
}

// viewRun is one run of a view.
type viewRun struct {
	// args takes the view's own positional arguments before the paths
	// (false: a usage error, said); nil: there are none.
	args func(c *Command, positional []string) (paths []string, ok bool)
	// write prints the view of a lint result; an error is reported by the
	// view and makes the run incomplete, a usage error returns exitUsage.
	write func(c *Command, format string, res *lint.Result) int
}

// cmdView runs a view command.
func (c *Command) cmdView(v *view, args []string) int {
	stderr := c.Stderr
	fs := flag.NewFlagSet("chainlint "+v.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", v.formats[0], "output format: "+strings.Join(v.formats, ", "))
	var in inputFlags
	in.register(fs)
	run := v.start(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s\n\nFlags:\n", v.synopsis)
		fs.PrintDefaults()
	}
	positional, status := parseArgs(fs, args)
	if status != proceed {
		return status
	}
	if !slices.Contains(v.formats, *format) {
		fmt.Fprintf(stderr, "chainlint %s: --format: unknown format %q (want %s)\n", v.name, *format, strings.Join(v.formats, ", "))
		return exitUsage
	}
	if run.args != nil {
		var ok bool
		if positional, ok = run.args(c, positional); !ok {
			return exitUsage
		}
	}
	res, status := c.lintInputs(&in, positional)
	if status != proceed {
		return status
	}
	if res.Incomplete {
		fmt.Fprintln(stderr, "chainlint: warning: some inputs could not be analysed; run chainlint on them to see why")
	}
	if status := run.write(c, *format, res); status != exitClean {
		return status
	}
	if res.Incomplete {
		return exitIncomplete
	}
	return exitClean
}
