// Package budget sets the Go runtime's collector pace for one chainlint
// run, once its inputs are read and their size is known.
//
// It sets no memory limit. A limit is a target the collector chases: once
// the live heap nears it, the collector runs almost without pause, and a
// limit derived from the input's size sat below the live heap of large
// Terraform and JSON estates (CPU ×2.2–3 from 8,000 services on, and
// superlinear growth). The pace (GOGC) instead keeps the heap within a
// fixed proportion of what is live, so the collector's work grows with the
// input and never faster. Terraform runs at 50, a heap at most 1.5× its
// live data: its live peak is the largest per byte of input (some ten
// times the HCL while resources are evaluated), and the tighter pace costs
// it little time (8,000 services: 2.21 s against 2.18 s, peak RSS 131 MiB
// against 173 MiB). Exports keep the runtime's 100: their load allocates
// more per live byte, so a tighter pace costs a fifth more time for a few
// MiB. Input size is bounded elsewhere (loader.MaxFileSize per file).
//
// GOGC or GOMEMLIMIT in the environment wins: either says the user has
// chosen how the collector runs.
package budget

import (
	"os"
	"runtime/debug"

	"github.com/chainlint/chainlint/loader"
)

// Percent is the collector's pace (GOGC) for a run reading inputs of
// these sizes: 50 when Terraform HCL is most of the input, else 100.
func Percent(s loader.Sizes) int {
	if s.HCL > 0 && 2*s.HCL >= s.Total {
		return 50
	}
	return 100
}

// Apply sets the runtime's collector pace for a run, and returns a
// function that restores the pace set before.
func Apply(s loader.Sizes) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(Percent(s))
	return func() { debug.SetGCPercent(old) }
}
