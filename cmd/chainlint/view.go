package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
)

// cmdView runs the commands that show the chain: trace, graph and
// purge-order. They lint the inputs as the main command does (so the graph
// can mark errors) but exit 0 unless the inputs cannot be read.
func (c *Command) cmdView(name string, args []string) int {
	stderr := c.Stderr
	fs := flag.NewFlagSet("chainlint "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	formats := map[string][]string{"trace": {"text", "json"}, "graph": chainview.Formats, "purge-order": {"text", "json"}}[name]
	format := fs.String("format", formats[0], "output format: "+strings.Join(formats, ", "))
	var in inputFlags
	in.register(fs)
	var method *string
	var headers multiFlag
	if name == "trace" {
		method = fs.String("method", "", "trace: the request method the VCL's conditions see (default GET)")
		fs.Var(&headers, "header", "trace: a request header the VCL's conditions see, as 'Name: value' (repeatable)")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s\n\nFlags:\n", viewSynopsis[name])
		fs.PrintDefaults()
	}
	positional, status := parseArgs(fs, args)
	if status != proceed {
		return status
	}
	if !slices.Contains(formats, *format) {
		fmt.Fprintf(stderr, "chainlint %s: --format: unknown format %q (want %s)\n", name, *format, strings.Join(formats, ", "))
		return exitUsage
	}
	var t traceTarget
	if name == "trace" {
		if len(positional) == 0 {
			fmt.Fprintln(stderr, "usage: chainlint trace HOST[/path][?query] [PATH ...]")
			return exitUsage
		}
		var ok bool
		if t, ok = newTraceTarget(positional[0], *method, headers, stderr); !ok {
			return exitUsage
		}
		positional = positional[1:]
	}
	res, status := c.lintInputs(&in, positional)
	if status != proceed {
		return status
	}
	if res.Incomplete {
		fmt.Fprintln(stderr, "chainlint: warning: some inputs could not be analysed; run chainlint on them to see why")
	}
	if status := c.writeView(name, *format, t, res); status != exitClean {
		return status
	}
	if res.Incomplete {
		return exitIncomplete
	}
	return exitClean
}

var viewSynopsis = map[string]string{
	"trace":       "chainlint trace URL [PATH ...] [flags]\n\nWalks a request for URL (host[/path][?query], or https://…) through the analysed services.\nWith a path, --method or --header it follows the paths that request takes through each VCL.",
	"graph":       "chainlint graph [PATH ...] [flags]\n\nPrints the chain graph of the analysed services.",
	"purge-order": "chainlint purge-order [PATH ...] [flags]\n\nPrints the order in which to purge chained caches (origin side first).",
}

// traceTarget is the request trace follows: a Host, with a path and the
// request the VCL's conditions see when one was given.
type traceTarget struct {
	host, path string
	req        *graph.Request
}

func newTraceTarget(arg, method string, headers []string, stderr io.Writer) (traceTarget, bool) {
	var t traceTarget
	t.host, t.path = splitTraceTarget(arg)
	if t.path == "" && method == "" && len(headers) == 0 {
		return t, true
	}
	t.req = &graph.Request{Method: strings.ToUpper(method), URL: t.path, Headers: map[string]string{"host": graph.NormalizeHost(t.host)}}
	for _, h := range headers {
		k, v, ok := strings.Cut(h, ":")
		if !ok || strings.TrimSpace(k) == "" {
			fmt.Fprintf(stderr, "chainlint trace: --header %q: want 'Name: value'\n", h)
			return t, false
		}
		t.req.Headers[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	return t, true
}

// writeView prints what the view command shows.
func (c *Command) writeView(name, format string, t traceTarget, res *lint.Result) int {
	stdout, stderr := c.Stdout, c.Stderr
	chains := res.Chains()
	var err error
	switch name {
	case "trace":
		tr, terr := chainview.NewRequestTrace(chains, res.Profile, t.host, t.path, t.req)
		if terr != nil {
			fmt.Fprintf(stderr, "chainlint trace: %v\n", terr)
			return exitUsage
		}
		if format == "json" {
			err = tr.WriteJSON(stdout)
		} else {
			err = tr.WriteText(stdout)
		}
	case "graph":
		err = chainview.NewGraph(chains, res.Findings, output.RelativeTo(c.wd())).Write(stdout, format)
		if err != nil {
			fmt.Fprintf(stderr, "chainlint graph: %v\n", err)
		}
	case "purge-order":
		plans := chainview.PurgeOrder(chains)
		if format == "json" {
			err = chainview.WritePurgeJSON(stdout, plans)
		} else {
			err = chainview.WritePurgeText(stdout, plans)
		}
	}
	if err != nil {
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
	return graph.NormalizeHost(host), path
}
