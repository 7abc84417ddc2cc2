package main

import (
	"context"
	"fmt"

	"github.com/chainlint/chainlint/lsp"
)

// cmdLSP runs the language server on standard input and output.
func (c *Command) cmdLSP(args []string) int {
	stderr := c.Stderr
	if isHelp(args) {
		fmt.Fprintln(stderr, "usage: chainlint lsp [--stdio]\n\nRuns the language server on standard input and output (LSP over stdio).")
		return exitClean
	}
	if len(args) > 0 && args[0] != "--stdio" {
		fmt.Fprintln(stderr, "usage: chainlint lsp [--stdio]")
		return exitUsage
	}
	if err := lsp.Serve(context.Background(), c.Stdin, c.Stdout, lsp.Options{Version: versionString(), Log: stderr}); err != nil {
		fmt.Fprintf(stderr, "chainlint lsp: %v\n", err)
		return 1
	}
	return exitClean
}
