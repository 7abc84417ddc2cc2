package budget

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// outsideLimit is resident memory the runtime's limit does not count (the
// binary's text and data, C stacks, what the kernel rounds up): the limit
// is set this far under the goal. At 12 MiB a Terraform run of 8,000
// services peaks 9–10 MiB over its limit.
const outsideLimit = 12 << 20

// minHeadroom is the least room, in hundredths of the live heap, a
// collection under the limit must leave the heap to grow: with less the
// collector would run back to back, and the ceiling gives up at once.
const minHeadroom = 5

// A collection that leaves the heap less than tightHeadroom hundredths of
// what is live to grow is tight: it comes two and a half times as often
// per byte allocated as one at GOGC 50. A run whose goal holds is tight
// only at its end (8,000 Terraform services: 2–5 of 75 collections); one
// whose live heap outgrows its goal stays tight (16,000: 105 of 156, for
// 20 % more marking than at GOGC 50), so the ceiling gives up after
// maxTight tight collections.
const (
	tightHeadroom = 20
	maxTight      = 10
)

// ceiling is a memory limit at a run's goal, with GOGC off, that gives up
// when the live heap outgrows the goal: after every collection it reads
// the live heap and the heap goal the limit gives (observe), and once the
// goal cannot be held without the collector running far more often than
// at GOGC 50, removes the limit and sets GOGC to the run's own pace
// (Percent: 50 for Terraform and YAML, 100 for JSON). A limit
// below the live heap makes the collector run without pause; this one
// never gets there: a run whose live heap outgrows its goal overshoots
// the goal instead, paced as before.
type ceiling struct {
	mu      sync.Mutex
	stopped bool
	lost    bool  // the run's live heap outgrew its goal
	tight   int   // tight collections so far
	limit   int64 // the limit set
	// lostPercent is the pace a run whose goal is lost goes on at.
	lostPercent int
}

// startCeiling sets GOGC off and a limit at goal, less what the runtime
// does not count, and returns the ceiling and the pace and limit set
// before. A run whose goal is lost goes on at GOGC lostPercent.
func startCeiling(goal int64, lostPercent int) (c *ceiling, percent int, limit int64) {
	c = &ceiling{limit: max(goal-outsideLimit, 16<<20), lostPercent: lostPercent}
	percent = debug.SetGCPercent(-1)
	limit = debug.SetMemoryLimit(c.limit)
	c.arm()
	return c, percent, limit
}

// raise lifts the limit by bytes (memory outside the heap that the goal
// counted was given back).
func (c *ceiling) raise(bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped || c.lost {
		return
	}
	c.limit += bytes
	debug.SetMemoryLimit(c.limit)
}

// stop ends the ceiling's adjustments.
func (c *ceiling) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopped = true
}

// arm has the next collection call c.collected.
func (c *ceiling) arm() {
	sentinel := new([2]*byte)
	runtime.AddCleanup(sentinel, func(c *ceiling) { c.collected() }, c)
}

// collected gives the goal up when a collection's heap goal shows it
// cannot be held (observe).
func (c *ceiling) collected() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped || c.lost {
		return
	}
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
	metrics.Read(m)
	if c.observe(m[0].Value.Uint64(), m[1].Value.Uint64()) {
		c.lost = true
		debug.SetGCPercent(c.lostPercent)
		debug.SetMemoryLimit(math.MaxInt64)
		return
	}
	c.arm()
}

// observe counts a collection that found live bytes live and set the heap
// goal to goal, and reports whether the goal is lost: the heap left less
// than minHeadroom percent of the live heap to grow, or more than
// maxTight collections tight.
func (c *ceiling) observe(live, goal uint64) (lost bool) {
	if goal < live+live*tightHeadroom/100 {
		c.tight++
	}
	return goal < live+live*minHeadroom/100 || c.tight > maxTight
}
