//go:build unix

package safefile

import (
	"errors"
	"io"
	"sync"
	"syscall"
)

// ReadOutside is ReadText for a file of least bytes or more, read into
// memory outside the Go heap (an anonymous private mapping): the
// collector neither scans it nor counts it when it paces itself, so a
// large input it would hold through a load does not let the heap grow by
// as much again before the next collection (GOGC 100 sets the next goal
// at twice what is live, the input included). free unmaps it: no part of
// b may be used after, not even a string that shares its memory, and b
// must not be kept where the collector could find it (set the last
// references to nil). A file under least bytes, one that starts with a
// byte-order mark (ReadText converts or refuses it), one whose size
// changes while it is read, or a failed mapping reads as ReadText, with
// a nil free.
func ReadOutside(path string, limit, least int64) (b []byte, free func(), err error) {
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
	m, err := syscall.Mmap(-1, 0, int(size)+1, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		b, err = ReadText(path, limit)
		return b, nil, err
	}
	n, err := io.ReadFull(f, m)
	if int64(n) != size || !errors.Is(err, io.ErrUnexpectedEOF) || hasMark(m) {
		_ = syscall.Munmap(m)
		b, err = ReadText(path, limit)
		return b, nil, err
	}
	var once sync.Once
	return m[:size:size], func() { once.Do(func() { _ = syscall.Munmap(m) }) }, nil
}

// hasMark reports content that starts with a UTF-16 or UTF-32
// byte-order mark.
func hasMark(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xfe && b[1] == 0xff || b[0] == 0xff && b[1] == 0xfe) ||
		len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff
}
