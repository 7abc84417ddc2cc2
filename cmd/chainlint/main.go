// Command chainlint lints Fastly service configurations and the chains
// between services: files → loaders → graph → rule passes → findings →
// output. See README.md for usage.
package main

import (
	"os"
	"runtime"
)

// Exit statuses, following actionlint's convention.
const (
	exitClean      = 0 // nothing at or above --fail-on
	exitFindings   = 1 // findings at or above --fail-on
	exitUsage      = 2 // bad command line or configuration
	exitIncomplete = 3 // some input could not be read or parsed
)

func main() {
	// No heap profile is ever written: sampling allocations for one held
	// 1.4 MiB of buckets (16,000 Terraform services), which the memory
	// limit counts, and cost a little CPU. Set before anything allocates
	// much, as the runtime asks.
	runtime.MemProfileRate = 0
	c := &Command{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Environ: os.Environ}
	os.Exit(c.Run(os.Args[1:]))
}
