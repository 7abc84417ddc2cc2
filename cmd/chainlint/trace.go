package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/lint"
)

// traceView is `chainlint trace`: a request walked through the chain.
var traceView = &view{
	name: "trace",
	synopsis: "chainlint trace URL [PATH ...] [flags]\n\nWalks a request for URL (host[/path][?query], or https://…) through the analysed services.\n" +
		"With a path, --method or --header it follows the paths that request takes through each VCL.",
	formats: []string{"text", "json"},
	start: func(fs *flag.FlagSet) viewRun {
		method := fs.String("method", "", "trace: the request method the VCL's conditions see (default GET)")
		var headers multiFlag
		fs.Var(&headers, "header", "trace: a request header the VCL's conditions see, as 'Name: value' (repeatable)")
		var t traceTarget
		return viewRun{
			args: func(c *Command, positional []string) ([]string, bool) {
				if len(positional) == 0 {
					fmt.Fprintln(c.Stderr, "usage: chainlint trace HOST[/path][?query] [PATH ...]")
					return nil, false
				}
				var ok bool
				t, ok = newTraceTarget(positional[0], *method, headers, c.Stderr)
				return positional[1:], ok
			},
			write: func(c *Command, format string, res *lint.Result) int { return writeTrace(c, format, t, res) },
		}
	},
}

// writeTrace prints the trace of t.
func writeTrace(c *Command, format string, t traceTarget, res *lint.Result) int {
	tr, err := chainview.NewRequestTrace(res.Chains(), res.Profile, t.host, t.path, t.req)
	if err != nil {
		fmt.Fprintf(c.Stderr, "chainlint trace: %v\n", err)
		return exitUsage
	}
	if format == "json" {
		err = tr.WriteJSON(c.Stdout)
	} else {
		err = tr.WriteText(c.Stdout)
	}
	if err != nil {
		return exitIncomplete
	}
	return exitClean
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
