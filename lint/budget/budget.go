// Package budget sets how the Go runtime's collector runs for one
// chainlint run, once its inputs are read and their size is known.
//
// A run's memory goal is a peak of 3 × its input + 50 MiB (Goal). How the
// collector aims at it depends on what the input is:
//
//   - Terraform HCL (most of the input): the goal paces the collector.
//     GOGC is off and a memory limit sits at the goal, less what the limit
//     does not count (the binary, C stacks), so the collector runs when
//     the heap nears the goal rather than whenever it has grown by half
//     (at GOGC 50 a load of 8,000 services, whose live heap grows from
//     nothing to 39 MB, collected 93 times and peaked at 76–79 MiB for a
//     goal of 70.7). The limit holds only while it can (ceiling): once
//     collections come tight, the goal is given up, GOGC set to 50, the
//     pace before, and the limit moved to where that pace puts the heap
//     (it then only has the runtime give back the memory the heap no
//     longer uses). A limit below the live heap makes the collector run
//     without pause (CPU ×2.2–3 from 8,000 services when one derived from
//     the input was tried); this one never gets there: a run whose live
//     heap outgrows its goal overshoots the goal instead, at the old pace
//     (16,000 services did until the twenty-third round; with a live heap
//     of ~45 MiB at the end of its evaluation and ~49 at the end of its
//     rules it now holds the goal to the end, or gives it up in its last
//     collections, 90.5–91.0 MiB of 91.5). Alternating runs, against GOGC 50: 8,000
//     services 67.8 against 76.5–78.0 MiB, CPU within 2 % (3.22 against
//     3.15 s over fifteen runs, 2.54 against 2.55 over eleven); 4,000
//     0.62 against 0.76 s; 16,000 3.41 s either way, 138 MiB (goal 91.5,
//     lost), 113 MiB with the limit kept after giving up. A .tf file the
//     command line reads outside the heap (loader.Options.OutsideHeap)
//     lowers the limit by its size, and gives it back page by page as
//     the load builds its resources (Unmapped).
//   - Fastly API exports the command line read outside the heap
//     (loader.Options.OutsideHeap: exports of 1 MiB or more, on Linux):
//     paced by the goal too, their limit lower by what is mapped outside
//     the heap (which the limit does not count). A streamed export is
//     given back as its load gets past each megabyte of services and
//     released once built (its services keep copies of what they hold),
//     and the limit rises by what is given back (Unmapped). Taking turns
//     with the binary before (nine runs), 16,000 services: JSON 120 → 104
//     MiB (goal 108), 6 % more wall time, 8 % more CPU (the collector runs
//     later, over more of the heap); YAML 116 → 96 MiB (goal 99.2), 12 %
//     faster; 8,000: JSON the same time (RSS 70 → 75 MiB, goal 78.9), YAML
//     19 % faster (it collected at GOGC 50 before); heavy VCL 2,000 5 %
//     slower, 99 → 111 MiB (goal 115.4).
//   - Other YAML, alone or with HCL most of the input: GOGC 50, a heap at
//     most 1.5× its live data; yaml.v3 spends the most per byte, so the
//     extra cycles weigh least.
//   - Other JSON: the runtime's GOGC 100 and no limit.
//
// GOGC or GOMEMLIMIT in the environment wins: either says the user has
// chosen how the collector runs.
package budget

import (
	"math"
	"os"
	"runtime/debug"
	"sync"

	"github.com/chainlint/chainlint/loader"
)

// Goal is the peak memory a run reading total bytes of input aims to stay
// under: three times the input, and 50 MiB.
func Goal(total int64) int64 { return 3*total + 50<<20 }

// Paced reports a run whose collector the memory goal paces: one whose
// input is mostly Terraform HCL, or that read exports outside the heap.
func Paced(s loader.Sizes) bool { return s.HCL > 0 && 2*s.HCL >= s.Total || s.Outside > 0 }

// Percent is the collector's pace (GOGC) for a run the goal does not
// pace: 50 when Terraform HCL and YAML are most of the input, else 100.
func Percent(s loader.Sizes) int {
	if slow := s.HCL + s.YAML; slow > 0 && 2*slow >= s.Total {
		return 50
	}
	return 100
}

var (
	mu sync.Mutex
	// current is the restore of the settings in force, nil when none is.
	current *settings
)

// settings are what Apply changed: the pace and limit it found, and the
// ceiling it started.
type settings struct {
	percent int
	limit   int64
	ceiling *ceiling
}

// Apply sets how the collector runs for a run reading inputs of these
// sizes, and returns a function that puts back what was set before. A run
// that starts while another's settings are in force ends them first (runs
// in one process, as tests make, take turns at the settings; the last
// restore puts back what the first found).
func Apply(s loader.Sizes) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	mu.Lock()
	defer mu.Unlock()
	if current != nil {
		current.undo()
	}
	set := &settings{}
	if Paced(s) {
		set.ceiling, set.percent, set.limit = startCeiling(Goal(s.Total)-s.Outside, Percent(s))
	} else {
		set.percent = debug.SetGCPercent(Percent(s))
		set.limit = debug.SetMemoryLimit(math.MaxInt64)
	}
	current = set
	return func() {
		mu.Lock()
		defer mu.Unlock()
		if current == set {
			set.undo()
			current = nil
		}
	}
}

// undo ends the ceiling and puts back the pace and limit; mu is held.
func (set *settings) undo() {
	if set.ceiling != nil {
		set.ceiling.stop()
	}
	debug.SetMemoryLimit(set.limit)
	debug.SetGCPercent(set.percent)
}

// Unmapped tells the run in force that bytes of its input read outside
// the heap were unmapped: a ceiling's limit rises by as much.
func Unmapped(bytes int64) {
	mu.Lock()
	defer mu.Unlock()
	if current != nil && current.ceiling != nil {
		current.ceiling.raise(bytes)
	}
}
