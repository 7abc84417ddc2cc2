package chunk

import "testing"

// TestRunsDoNotOverlap: values and runs handed out (across arrays, and
// runs too large for one alone) are distinct, zero and of their length
// and capacity, and writing one leaves every other as it was.
func TestRunsDoNotOverlap(t *testing.T) {
	var c Of[[2]int]
	var runs [][][2]int
	var runAt []int // the i each run was handed out at
	var values []*[2]int
	for i := range 3 * Len {
		if i%3 == 0 {
			v := c.New()
			if *v != ([2]int{}) {
				t.Fatalf("value %d not zero", i)
			}
			*v = [2]int{-i, -1}
			values = append(values, v)
			continue
		}
		n := 1 + i%(Len/4+8)
		run := c.Run(n)
		if len(run) != n || cap(run) != n {
			t.Fatalf("run %d: length %d, capacity %d, want %d", i, len(run), cap(run), n)
		}
		for j := range run {
			if run[j] != ([2]int{}) {
				t.Fatalf("run %d not zero at %d", i, j)
			}
			run[j] = [2]int{i, j}
		}
		runs, runAt = append(runs, run), append(runAt, i)
	}
	for k, run := range runs {
		for j, v := range run {
			if v != ([2]int{runAt[k], j}) {
				t.Fatalf("run %d, value %d overwritten: %v", runAt[k], j, v)
			}
		}
	}
	for k, v := range values {
		if *v != ([2]int{-3 * k, -1}) {
			t.Fatalf("value %d overwritten: %v", 3*k, *v)
		}
	}
}

// TestNilAllocatesAlone: a nil *Of still hands out zero values and runs.
func TestNilAllocatesAlone(t *testing.T) {
	var c *Of[int]
	if p := c.New(); p == nil || *p != 0 {
		t.Fatal("no value")
	}
	if r := c.Run(3); len(r) != 3 || cap(r) != 3 {
		t.Fatalf("run of %d, capacity %d", len(r), cap(r))
	}
}

// TestNewAllocatesByChunk: values come from shared arrays, one
// allocation for Len of them.
func TestNewAllocatesByChunk(t *testing.T) {
	var c Of[[4]int]
	c.New()
	if allocs := testing.AllocsPerRun(Len/2, func() { c.New() }); allocs > 0.1 {
		t.Errorf("%.2f allocations a value", allocs)
	}
}

// TestArenaReuses: after Reset an arena hands out the same arrays again,
// each value as clean left it, and its runs never overlap.
func TestArenaReuses(t *testing.T) {
	a := &Arena[[2]int]{ChunkLen: 8}
	first := a.New()
	*first = [2]int{1, 1}
	run := a.Copy([][2]int{{2, 2}, {3, 3}})
	if cap(run) != 2 {
		t.Fatalf("a run's capacity is %d, not its length", cap(run))
	}
	_ = append(run, [2]int{9, 9})
	if next := a.Run(1); next[0] != ([2]int{}) {
		t.Errorf("an append to a run wrote over the next: %v", next[0])
	}
	for range 3 {
		a.Run(2) // past the first array: a second
	}
	if big := a.Run(3); cap(big) != 3 {
		t.Errorf("a long run: capacity %d", cap(big))
	}
	a.Reset(func(v *[2]int) { *v = [2]int{-1, -1} })
	if again := a.New(); again != first || *again != ([2]int{-1, -1}) {
		t.Errorf("after Reset: %p %v, want %p as clean left it", again, *again, first)
	}
	a.Reset(nil)
	if *first != ([2]int{}) {
		t.Errorf("Reset(nil) left %v", *first)
	}
	if a.Copy(nil) != nil {
		t.Error("a copy of nothing is not nil")
	}
	var none *Arena[int]
	if v := none.New(); v == nil || len(none.Run(3)) != 3 {
		t.Error("a nil arena does not allocate")
	}
}

// TestOfCopy: a copy is a run (capacity = length) of src's values, nil
// for nothing, and a nil Of copies on the heap.
func TestOfCopy(t *testing.T) {
	var c Of[int]
	run := c.Copy([]int{1, 2, 3})
	if len(run) != 3 || cap(run) != 3 || run[2] != 3 {
		t.Errorf("copy %v, capacity %d", run, cap(run))
	}
	if c.Copy(nil) != nil {
		t.Error("a copy of nothing is not nil")
	}
	var none *Of[int]
	if got := none.Copy([]int{4}); len(got) != 1 || got[0] != 4 {
		t.Errorf("a nil Of copies %v", got)
	}
}
