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
// collection under the limit must leave the heap to grow for the goal to
// be held: with less, the collector would run nearly back to back, and
// the ceiling gives up.
const minHeadroom = 10

// lostPercent is the pace a run whose goal is lost goes on at: the one
// Terraform and YAML had before the goal paced them (a heap of 1.5× its
// live data).
const lostPercent = 50

// ceiling is a memory limit at a run's goal, with GOGC off, that gives up
// when the live heap outgrows the goal: after every collection it checks
// that the heap goal the limit gives leaves the heap minHeadroom percent
// of what is live to grow, and if not, removes the limit and sets GOGC to
// lostPercent. A limit below the live heap makes the collector run
// without pause; this one never gets near it: a run whose live heap
// outgrows its goal overshoots the goal instead, paced as before.
type ceiling struct {
	mu      sync.Mutex
	stopped bool
	lost    bool // the run's live heap outgrew its goal
}

// startCeiling sets GOGC off and a limit at goal, less what the runtime
// does not count, and returns the ceiling and the pace and limit set
// before.
func startCeiling(goal int64) (c *ceiling, percent int, limit int64) {
	c = &ceiling{}
	percent = debug.SetGCPercent(-1)
	limit = debug.SetMemoryLimit(max(goal-outsideLimit, 16<<20))
	c.arm()
	return c, percent, limit
}

// stop ends the ceiling's adjustments.
func (c *ceiling) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopped = true
}

// isLost reports whether the ceiling gave the goal up.
func (c *ceiling) isLost() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lost
}

// arm has the next collection call c.collected.
func (c *ceiling) arm() {
	sentinel := new([2]*byte)
	runtime.AddCleanup(sentinel, func(c *ceiling) { c.collected() }, c)
}

// collected gives the goal up when the heap goal the limit gives leaves
// the heap less than minHeadroom percent of what the collection found
// live.
func (c *ceiling) collected() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped || c.lost {
		return
	}
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
	metrics.Read(m)
	live, goal := m[0].Value.Uint64(), m[1].Value.Uint64()
	if goal < live+live*minHeadroom/100 {
		c.lost = true
		debug.SetGCPercent(lostPercent)
		debug.SetMemoryLimit(math.MaxInt64)
		return
	}
	c.arm()
}
