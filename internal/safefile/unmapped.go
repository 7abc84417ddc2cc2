package safefile

// Told is told the bytes of memory outside the heap given back (Mapped's
// Drop and Free); a nil Told tells no one.
type Told func(bytes int64)

// Tell tells t that n bytes were given back, when n is more than 0.
func (t Told) Tell(n int) {
	if n > 0 && t != nil {
		t(int64(n))
	}
}
