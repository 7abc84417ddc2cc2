//go:build !linux

package safefile

// Mapped is a file's content read outside the Go heap: only on Linux.
type Mapped struct{}

// ReadOutside is ReadText off Linux: m is nil.
func ReadOutside(path string, limit, least int64) (b []byte, m *Mapped, err error) {
	b, err = ReadText(path, limit)
	return b, nil, err
}

// Drop gives nothing back.
func (m *Mapped) Drop(from, to int) int { return 0 }

// Free gives nothing back.
func (m *Mapped) Free() int { return 0 }

// Holds reports nothing held.
func (m *Mapped) Holds(b []byte) bool { return false }
