package budget

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/chainlint/chainlint/loader"
)

// TestPaced: runs whose input is mostly Terraform HCL are paced by the
// memory goal; the rest by GOGC, 50 when HCL and YAML are most of the
// input, else 100.
func TestPaced(t *testing.T) {
	const mb = 1 << 20
	for _, tt := range []struct {
		s       loader.Sizes
		paced   bool
		percent int
	}{
		{loader.Sizes{Total: 10 * mb}, false, 100},
		{loader.Sizes{Total: 10 * mb, YAML: 10 * mb}, false, 50},
		{loader.Sizes{Total: 30 * mb, YAML: 10 * mb}, false, 100},
		{loader.Sizes{Total: 20 * mb, YAML: 5 * mb, HCL: 5 * mb}, false, 50},
		{loader.Sizes{Total: 20 * mb, YAML: 5 * mb, HCL: 10 * mb}, true, 50},
		{loader.Sizes{Total: 10 * mb, HCL: 10 * mb}, true, 50},
		{loader.Sizes{Total: 20 * mb, HCL: 10 * mb}, true, 50},
		{loader.Sizes{Total: 30 * mb, HCL: 10 * mb}, false, 100},
		{loader.Sizes{Total: 30 * mb, Outside: 20 * mb}, true, 100},
		{loader.Sizes{Total: 30 * mb, YAML: 20 * mb, Outside: 20 * mb}, true, 50},
		{loader.Sizes{}, false, 100},
	} {
		if got := Paced(tt.s); got != tt.paced {
			t.Errorf("Paced(%+v) = %v, want %v", tt.s, got, tt.paced)
		}
		if got := Percent(tt.s); got != tt.percent {
			t.Errorf("Percent(%+v) = %d, want %d", tt.s, got, tt.percent)
		}
	}
}

// settled clears GOGC and GOMEMLIMIT from the environment (which would
// win over Apply) and sets the pace to 70 and the limit to 1 TiB, which
// restores are expected to put back; both are restored when t ends.
func settled(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	was, wasLimit := debug.SetGCPercent(70), debug.SetMemoryLimit(1<<40)
	t.Cleanup(func() {
		debug.SetGCPercent(was)
		debug.SetMemoryLimit(wasLimit)
	})
}

// collector returns the pace and limit in force.
func collector() (percent int, limit int64) {
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// TestApply: a run paced by its goal gets GOGC off and a limit at the goal
// less what the runtime does not count (and the input read outside the
// heap); any other run its Percent and no limit. restore puts back the
// pace and the limit set before.
func TestApply(t *testing.T) {
	settled(t)
	for _, tt := range []struct {
		name  string
		s     loader.Sizes
		pace  int
		limit int64
	}{
		{"terraform", loader.Sizes{Total: 10 << 20, HCL: 10 << 20}, -1, Goal(10<<20) - outsideLimit},
		{"yaml", loader.Sizes{Total: 10 << 20, YAML: 10 << 20}, 50, math.MaxInt64},
		{"json", loader.Sizes{Total: 10 << 20}, 100, math.MaxInt64},
		{"json read outside the heap", loader.Sizes{Total: 10 << 20, Outside: 8 << 20}, -1, Goal(10<<20) - 8<<20 - outsideLimit},
	} {
		t.Run(tt.name, func(t *testing.T) {
			restore := Apply(tt.s)
			pace, limit := collector()
			if pace != tt.pace || limit != tt.limit {
				t.Errorf("under the budget: pace %d, limit %d; want %d, %d", pace, limit, tt.pace, tt.limit)
			}
			restore()
			if pace, limit := collector(); pace != 70 || limit != 1<<40 {
				t.Errorf("after restore: pace %d, limit %d; want 70, %d", pace, limit, int64(1<<40))
			}
		})
	}
}

// TestOverlappingRuns: runs in one process that overlap take turns at the
// settings, and whichever order they end in, the settings found before
// the first are back after the last; none is left paced by a goal with
// GOGC off.
func TestOverlappingRuns(t *testing.T) {
	settled(t)
	tf := loader.Sizes{Total: 1 << 20, HCL: 1 << 20}
	js := loader.Sizes{Total: 1 << 20}
	for _, order := range []string{"first ends first", "last ends first"} {
		t.Run(order, func(t *testing.T) {
			a := Apply(tf)
			b := Apply(js)
			if pace, limit := collector(); pace != 100 || limit != math.MaxInt64 {
				t.Errorf("second run: pace %d, limit %d; want 100, no limit", pace, limit)
			}
			if order == "first ends first" {
				a()
				b()
			} else {
				b()
				a()
			}
			if pace, limit := collector(); pace != 70 || limit != 1<<40 {
				t.Errorf("after both: pace %d, limit %d; want 70, %d", pace, limit, int64(1<<40))
			}
		})
	}
}

// TestCeilingGivesUpOverLiveHeap: a live heap the goal cannot hold (the
// limit's heap goal leaves it less than minHeadroom percent to grow) ends
// the ceiling after a collection: the run's own GOGC, and a limit above
// where that pace puts the heap. The collector then paces itself by what
// is live, not by a limit it cannot reach (which would have it run
// without pause, and this test time out).
func TestCeilingGivesUpOverLiveHeap(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(70))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	c, _, _ := startCeiling(Goal(1<<20), 60) // a goal of 53 MiB
	defer c.stop()
	live := make([][]byte, 0, 96)
	for range 96 {
		live = append(live, make([]byte, 1<<20)) // 96 MiB live, pointer-free
	}
	deadline := time.Now().Add(10 * time.Second)
	for !c.isLost() {
		if time.Now().After(deadline) {
			t.Fatal("the ceiling held a limit under 96 MiB live")
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the cleanup after that collection
	}
	// It may have given up before all 96 MiB were live; a collection
	// with less room than lostTight moves the limit up.
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if pace, limit := collector(); pace != 60 || limit < 96<<20*(100+lostTight)/100 || limit == math.MaxInt64 {
		t.Errorf("after giving up: pace %d, limit %d; want 60 (the run's own), a limit that leaves 96 MiB live at least %d%% to grow (%d)", pace, limit, lostTight, 96<<20*(100+lostTight)/100)
	}
	runtime.KeepAlive(live)
}

// TestCeilingHoldsUnderGoal: a live heap well under the goal keeps the
// limit and GOGC off through collections.
func TestCeilingHoldsUnderGoal(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(70))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	c, _, _ := startCeiling(Goal(20<<20), 50) // a goal of 110 MiB
	defer c.stop()
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if c.isLost() {
		t.Fatal("the ceiling gave up a goal of 110 MiB over a live heap of a few")
	}
	if pace, limit := collector(); pace != -1 || limit != Goal(20<<20)-outsideLimit {
		t.Errorf("pace %d, limit %d; want GOGC off, %d", pace, limit, Goal(20<<20)-outsideLimit)
	}
}

// TestObserve: the ceiling gives up at once when a collection leaves the
// heap almost no room, and after maxTight tight collections otherwise; a
// run tight only at its end (a few collections) keeps its goal.
func TestObserve(t *testing.T) {
	const mb = 1 << 20
	for _, tt := range []struct {
		name       string
		live, goal []uint64
		lostAt     int // index of the collection that gives up; -1: none
	}{
		{"roomy", []uint64{10 * mb, 20 * mb, 30 * mb}, []uint64{46 * mb, 46 * mb, 46 * mb}, -1},
		{"tight at the end", []uint64{30 * mb, 35 * mb, 38 * mb, 38 * mb, 38 * mb}, []uint64{46 * mb, 42 * mb, 42 * mb, 43 * mb, 42 * mb}, -1},
		{"no room", []uint64{30 * mb, 44 * mb}, []uint64{46 * mb, 46 * mb}, 1},
		{"stays tight", repeat(50*mb, maxTight+3), repeat(58*mb, maxTight+3), maxTight},
		{"room again does not reset", append(repeat(50*mb, maxTight), 20*mb, 50*mb), append(repeat(58*mb, maxTight), 58*mb, 58*mb), maxTight + 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &ceiling{}
			got := -1
			for i := range tt.live {
				if c.observe(tt.live[i], tt.goal[i]) {
					got = i
					break
				}
			}
			if got != tt.lostAt {
				t.Errorf("gave up at collection %d, want %d", got, tt.lostAt)
			}
		})
	}
}

// TestStep: the ceiling's decisions after each collection. Holding the
// goal, it sets nothing; at the collection that gives the goal up, the
// run's own pace and a limit at what that pace lets the heap grow to;
// after, the limit moves up (never down) only when a collection leaves
// the heap less than lostTight percent of the live heap to grow.
func TestStep(t *testing.T) {
	const mb = 1 << 20
	type want struct{ percent, limit int64 }
	at50 := func(live uint64) int64 { return int64(live + live/2 + lostSlack) }
	for _, tt := range []struct {
		name       string
		live, goal []uint64
		want       []want
	}{
		{"holds", []uint64{10 * mb, 30 * mb}, []uint64{46 * mb, 46 * mb}, []want{{}, {}}},
		{"gives up", []uint64{30 * mb, 44 * mb}, []uint64{46 * mb, 46 * mb}, []want{{}, {50, at50(44 * mb)}}},
		{"roomy after: stays", []uint64{44 * mb, 50 * mb, 40 * mb}, []uint64{46 * mb, 70 * mb, 70 * mb}, []want{{50, at50(44 * mb)}, {}, {}}},
		{"tight after: moves up", []uint64{44 * mb, 56 * mb}, []uint64{46 * mb, 72 * mb}, []want{{50, at50(44 * mb)}, {0, at50(56 * mb)}}},
		{"never down", []uint64{44 * mb, 56 * mb, 20 * mb}, []uint64{46 * mb, 72 * mb, 21 * mb}, []want{{50, at50(44 * mb)}, {0, at50(56 * mb)}, {}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &ceiling{lostPercent: 50}
			for i := range tt.live {
				p, l := c.step(tt.live[i], tt.goal[i])
				if got := (want{int64(p), l}); got != tt.want[i] {
					t.Errorf("collection %d (live %d MiB, goal %d MiB): set pace %d, limit %d; want %d, %d", i, tt.live[i]/mb, tt.goal[i]/mb, got.percent, got.limit, tt.want[i].percent, tt.want[i].limit)
				}
			}
		})
	}
}

// TestUnmapped: input unmapped once loaded lifts the limit of the run in
// force by its size; a run not paced by its goal keeps no limit, and one
// whose goal is lost keeps none either.
func TestUnmapped(t *testing.T) {
	settled(t)
	s := loader.Sizes{Total: 30 << 20, Outside: 20 << 20}
	restore := Apply(s)
	Unmapped(20 << 20)
	if _, limit := collector(); limit != Goal(s.Total)-outsideLimit {
		t.Errorf("after unmapping: limit %d, want %d (the whole goal)", limit, Goal(s.Total)-outsideLimit)
	}
	restore()
	restore = Apply(loader.Sizes{Total: 30 << 20})
	Unmapped(20 << 20)
	if _, limit := collector(); limit != math.MaxInt64 {
		t.Errorf("unpaced run: limit %d after unmapping, want none", limit)
	}
	restore()
	Unmapped(20 << 20) // no run in force: nothing to lift
	if _, limit := collector(); limit != 1<<40 {
		t.Errorf("no run: limit %d, want %d", limit, int64(1<<40))
	}
	c := &ceiling{limit: 50 << 20, lost: true}
	c.raise(20 << 20)
	if c.limit != 50<<20 {
		t.Errorf("a lost ceiling was raised to %d", c.limit)
	}
}

// isLost reports whether the ceiling gave the goal up.
func (c *ceiling) isLost() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lost
}

func repeat(v uint64, n int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// TestEnvironmentWins: GOGC or GOMEMLIMIT in the environment leaves the
// collector as the user set it.
func TestEnvironmentWins(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "200")
			pace, limit := collector()
			restore := Apply(loader.Sizes{Total: 10 << 20, HCL: 10 << 20})
			defer restore()
			if p, l := collector(); p != pace || l != limit {
				t.Errorf("pace %d, limit %d with %s set, want them untouched (%d, %d)", p, l, env, pace, limit)
			}
		})
	}
}
