// Package chunk hands out values, and runs of values, that live as long
// as what holds them, from arrays shared by many. Made one by one, small
// objects a run keeps to its end sit among the run's garbage of the same
// size and keep its pages in use after every collection, and a memory
// limit counts a page's free room as used; from a chunk they sit densely
// on pages of their own. (A chunk lives while anything it handed out
// does: what is handed out should live about as long as its neighbours.)
// Arena is the other case: values that die together, made again and
// again, whose arrays it hands out anew once Reset takes them back.
package chunk

// Len is the values of one array.
const Len = 128

// Of hands out values of T from arrays of Len; the zero Of is ready, and
// a nil *Of allocates each value alone (for values that do not last). Not
// safe for concurrent use.
type Of[T any] struct {
	free []T
}

// New returns a zero T.
func (c *Of[T]) New() *T {
	if c == nil {
		return new(T)
	}
	if len(c.free) == 0 {
		c.free = make([]T, Len)
	}
	v := &c.free[0]
	c.free = c.free[1:]
	return v
}

// Run returns n zero Ts whose capacity is n (an append moves the run to
// the heap rather than into a neighbour's); a run of more than Len/4 is
// allocated alone.
func (c *Of[T]) Run(n int) []T {
	if c == nil || n > Len/4 {
		return make([]T, n)
	}
	if len(c.free) < n {
		c.free = make([]T, Len)
	}
	run := c.free[:n:n]
	c.free = c.free[n:]
	return run
}

// Copy returns a run holding a copy of src, or nil when src is empty.
func (c *Of[T]) Copy(src []T) []T { return copyRun(c.Run, src) }

// copyRun copies src into a run that run(len(src)) hands out; nil when
// src is empty.
func copyRun[T any](run func(n int) []T, src []T) []T {
	if len(src) == 0 {
		return nil
	}
	out := run(len(src))
	copy(out, src)
	return out
}
