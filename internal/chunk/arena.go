package chunk

// Arena hands out values and runs of values, as Of does, from arrays it
// keeps when Reset takes them all back: for values that die together and
// are made again and again (a Terraform resource's syntax tree, parsed,
// evaluated, built and dropped, 16,000 times in a load). What it hands
// out must not be read after the Reset that takes it back. The zero Arena
// is ready; a nil *Arena allocates each value alone. Not safe for
// concurrent use.
type Arena[T any] struct {
	// ChunkLen is the values of one array: Len when zero.
	ChunkLen int
	chunks   [][]T
	c, n     int // the array being carved, and how much of it is
}

func (a *Arena[T]) chunkLen() int {
	if a.ChunkLen > 0 {
		return a.ChunkLen
	}
	return Len
}

// New returns a value as the last Reset left it (zero, unless its clean
// leaves something: a map emptied for use again).
func (a *Arena[T]) New() *T {
	if a == nil {
		return new(T)
	}
	return &a.Run(1)[0]
}

// Run returns n values, as New does, whose capacity is n: an append moves
// them to the heap, never over the next run. A run of over a quarter of
// an array is the heap's.
func (a *Arena[T]) Run(n int) []T {
	size := Len
	if a != nil {
		size = a.chunkLen()
	}
	if a == nil || n > size/4 {
		return make([]T, n)
	}
	if a.c < len(a.chunks) && a.n+n > size {
		a.c, a.n = a.c+1, 0
	}
	if a.c == len(a.chunks) {
		a.chunks = append(a.chunks, make([]T, size))
	}
	run := a.chunks[a.c][a.n : a.n+n : a.n+n]
	a.n += n
	return run
}

// Copy returns a run holding a copy of src, or nil when src is empty.
func (a *Arena[T]) Copy(src []T) []T { return copyRun(a.Run, src) }

// Reset takes back everything handed out, each value as clean leaves it
// (zero when clean is nil), and keeps the arrays for what comes next.
func (a *Arena[T]) Reset(clean func(*T)) {
	var zero T
	for c := 0; c <= a.c && c < len(a.chunks); c++ {
		used := a.chunks[c]
		if c == a.c {
			used = used[:a.n]
		}
		for i := range used {
			if clean == nil {
				used[i] = zero
			} else {
				clean(&used[i])
			}
		}
	}
	a.c, a.n = 0, 0
}
