//go:build linux

package safefile

import (
	"errors"
	"io"
	"os"
	"sync"
	"syscall"
)

// Mapped is a file's content read outside the Go heap (ReadOutside).
type Mapped struct {
	mu      sync.Mutex
	m       []byte // the whole mapping (the content and one byte more)
	size    int
	dropped int // bytes unmapped by Drop
	freed   bool
}

// ReadOutside is ReadText for a file of least bytes or more, read into
// memory outside the Go heap (an anonymous private mapping): the
// collector neither scans it nor counts it when it paces itself, so a
// large input it would hold through a load does not let the heap grow by
// as much again before the next collection (GOGC 100 sets the next goal
// at twice what is live, the input included). m gives the memory back,
// in parts (Drop) or whole (Free): no part of b may be used after, not
// even a string that shares its memory, and b must not be kept where the
// collector could find it (set the last references to nil). A file under
// least bytes, one that starts with a byte-order mark (ReadText converts
// or refuses it), one whose size changes while it is read, or a failed
// mapping reads as ReadText, with a nil m.
func ReadOutside(path string, limit, least int64) (b []byte, m *Mapped, err error) {
	if limit <= 0 {
		limit = MaxSize
	}
	f, st, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	size := st.Size()
	if size < max(least, 4) || size > limit {
		b, err = ReadText(path, limit)
		return b, nil, err
	}
	// One byte more than Stat says: a read that fills it saw the file grow.
	mem, err := syscall.Mmap(-1, 0, int(size)+1, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		b, err = ReadText(path, limit)
		return b, nil, err
	}
	n, err := io.ReadFull(f, mem)
	if int64(n) != size || !errors.Is(err, io.ErrUnexpectedEOF) || hasMark(mem) {
		_ = syscall.Munmap(mem)
		b, err = ReadText(path, limit)
		return b, nil, err
	}
	return mem[:size:size], &Mapped{m: mem, size: int(size)}, nil
}

// Drop gives back the memory of the whole pages of the content's bytes
// from..to (a part no longer used: nothing may read it after; a read
// faults) and returns how many bytes it gave back. The pages stay
// reserved until Free unmaps them with the rest.
func (m *Mapped) Drop(from, to int) int {
	page := os.Getpagesize()
	from = (max(from, 0) + page - 1) / page * page
	to = min(to, m.size) / page * page
	if to <= from {
		return 0
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.freed {
		return 0
	}
	// The pages are given back but the range stays mapped, without
	// access (a read of it faults): unmapped, it could be handed to the
	// next mapping (the runtime's), which Free would then unmap.
	part := m.m[from:to]
	if syscall.Madvise(part, syscall.MADV_DONTNEED) != nil {
		return 0
	}
	_ = syscall.Mprotect(part, syscall.PROT_NONE)
	m.dropped += to - from
	return to - from
}

// Free unmaps what is left of the content (twice is harmless) and
// returns how many bytes that gave back: the content's size less what
// Drop gave back.
func (m *Mapped) Free() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.freed {
		return 0
	}
	m.freed = true
	_ = syscall.Munmap(m.m) // Drop's pages with the rest: it left them mapped
	return m.size - m.dropped
}

// Holds reports whether b is the content m holds (as ReadOutside
// returned it): the same memory, the same length.
func (m *Mapped) Holds(b []byte) bool {
	return m != nil && len(b) == m.size && m.size > 0 && &b[0] == &m.m[0]
}

// hasMark reports content that starts with a UTF-16 or UTF-32
// byte-order mark.
func hasMark(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xfe && b[1] == 0xff || b[0] == 0xff && b[1] == 0xfe) ||
		len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff
}
