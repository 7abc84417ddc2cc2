// Package budget sets the Go runtime's memory budget for one chainlint
// run, once its inputs are read and their size is known.
//
// The budget is four times the input plus 32 MB (the runtime's own, the
// tables every run builds): the collector then works sooner rather than
// letting the heap grow to twice what is live. Terraform counts 5 times
// its HCL: HCL is terser than an export, so the same services take more
// memory per byte of source (10,000 services, 7.4 MB of HCL, peak at
// some 55 MB live). YAML decoded whole counts 32 times: yaml.v3 builds a
// tree some 30 times its source (a YAML bundle streams, item by item, and
// counts as an export). The budget trades time for memory: the collector
// runs more often as the heap nears it (that Terraform module takes 3.2 s
// under it, 2.3 s with twice the room), and a limit below what is live
// makes it run without end (the module once took 8.6 s instead of 3.3 s).
//
// The limit is soft: a run whose live data needs more still gets it.
// GOMEMLIMIT in the environment wins.
package budget

import (
	"os"
	"runtime/debug"

	"github.com/chainlint/chainlint/loader"
)

// Limit is the memory limit for a run reading inputs of these sizes.
func Limit(s loader.Sizes) int64 {
	return 4*(s.Total-s.HCL-s.YAML) + 5*s.HCL + 32*s.YAML + 32<<20
}

// Apply sets the runtime's memory limit for a run, and returns a
// function that restores the limit set before.
func Apply(s loader.Sizes) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(Limit(s))
	return func() { debug.SetMemoryLimit(old) }
}
