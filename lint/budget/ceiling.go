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

// After the goal is lost, the limit sits at the live heap, plus
// lostPercent percent of it, plus lostSlack (the runtime's memory besides
// the heap's objects: span and collector metadata, stacks); it moves up
// to that again after a collection that leaves the heap less than
// lostTight percent of the live heap to grow.
const (
	lostSlack = 8 << 20
	lostTight = 30
)

// ceiling is a memory limit at a run's goal, with GOGC off, that gives up
// when the live heap outgrows the goal: after every collection it reads
// the live heap and the heap goal the limit gives (observe), and once the
// goal cannot be held without the collector running far more often than
// at GOGC 50, sets GOGC to the run's own pace (Percent: 50 for Terraform
// and YAML, 100 for JSON) and moves the limit to where that pace puts the
// heap (lostLimit). A limit below the live heap makes the collector run
// without pause; this one never gets there: a run whose live heap
// outgrows its goal overshoots the goal instead, paced as before.
//
// The limit kept after giving up does not pace the collector (it moves up
// whenever a collection leaves the heap less than lostTight percent of
// what is live to grow, before it would); it has the runtime give back
// the memory the heap no longer uses. Without a limit the runtime keeps
// freed pages up to a tenth over its heap goal and returns the rest
// slowly: 16,000 Terraform services peaked at 129 MiB, 19 MiB of it free
// pages. Taking turns (five runs) with no limit: 113 MiB, the same CPU
// (1.00); a fixed limit near the goal gave 106 MiB for 4 % more CPU, and
// moving up only at 20 % headroom 108 MiB for 10 % more.
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
	if c.stopped {
		return
	}
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
	metrics.Read(m)
	percent, limit := c.step(m[0].Value.Uint64(), m[1].Value.Uint64())
	if percent != 0 {
		debug.SetGCPercent(percent)
	}
	if limit != 0 {
		debug.SetMemoryLimit(limit)
	}
	c.arm()
}

// step takes a collection that found live bytes live and set the heap
// goal to goal, and returns the pace and limit to set (0: leave it): at
// the goal that is lost, the run's own pace and a limit of lostLimit;
// after, a limit moved up to lostLimit when the collection left the heap
// less than lostTight percent of the live heap to grow.
func (c *ceiling) step(live, goal uint64) (percent int, limit int64) {
	switch {
	case c.lost:
		if goal >= live+live*lostTight/100 {
			return 0, 0
		}
		if l := lostLimit(live, c.lostPercent); l > c.limit {
			c.limit = l
			return 0, l
		}
		return 0, 0
	case c.observe(live, goal):
		c.lost = true
		c.limit = lostLimit(live, c.lostPercent)
		return c.lostPercent, c.limit
	}
	return 0, 0
}

// lostLimit is the limit of a run whose goal is lost, with live bytes
// live and GOGC percent: where the heap grows to at that pace, and the
// runtime's own memory besides.
func lostLimit(live uint64, percent int) int64 {
	l := live + live*uint64(max(percent, 0))/100 + lostSlack
	return int64(min(l, math.MaxInt64))
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
