// Package budget sets the Go runtime's collector pace for one chainlint
// run, once its inputs are read and their size is known.
//
// It sets no memory limit. A limit is a target the collector chases: once
// the live heap nears it, the collector runs almost without pause, and a
// limit derived from the input's size sat below the live heap of large
// Terraform and JSON estates (CPU ×2.2–3 from 8,000 services on, and
// superlinear growth). The pace (GOGC) instead keeps the heap within a
// fixed proportion of what is live, so the collector's work grows with the
// input and never faster.
//
// Terraform and YAML run at 50, a heap at most 1.5× its live data: their
// parsers (hclsyntax, yaml.v3) spend the most per byte, so the collector's
// extra cycles weigh least. Terraform 8,000 services: 2.21 s against 2.18
// s, peak RSS 131 MiB against 173 MiB; a YAML bundle of 8,000 services
// (8.6 MB): 0.57-0.60 s against 0.50-0.52 s (its yaml.v3 floor 0.51-0.53
// s), 77-80 MiB against 89-91 MiB; 16,000: 1.17-1.38 s against 1.07-1.10
// s, 144 MiB against 163-174 MiB. JSON exports keep the runtime's 100:
// their parse is fast per byte, so a tighter pace costs them a fifth
// more time for a few MiB. Input size is bounded elsewhere
// (loader.MaxFileSize per file).
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
// these sizes: 50 when Terraform HCL and YAML are most of the input, else
// 100.
func Percent(s loader.Sizes) int {
	if slow := s.HCL + s.YAML; slow > 0 && 2*slow >= s.Total {
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
