package safefile

import (
	"errors"
	"os"
	"testing"
)

// TestReadOutside: a file of least bytes or more reads outside the heap,
// given back in parts (Drop: whole pages only) and whole (Free: what is
// left; twice is harmless); a smaller one, one with a byte-order mark
// (converted as ReadText does) or one over the limit reads as ReadText,
// with no mapping; a device is refused as by Read.
func TestReadOutside(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string { return writeFile(t, dir, name, b) }
	large := make([]byte, 100_000)
	for i := range large {
		large[i] = byte('a' + i%26)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, c := range large[:60_000] {
		utf16 = append(utf16, c, 0)
	}
	for _, tt := range []struct {
		name    string
		content []byte
		limit   int64
		outside bool
		want    []byte
		err     bool
	}{
		{"large", large, 0, true, large, false},
		{"small", large[:100], 0, false, large[:100], false},
		{"utf-16", utf16, 0, false, large[:60_000], false},
		{"over the limit", large, 50_000, false, nil, true},
		{"empty", nil, 0, false, []byte{}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := write(tt.name, tt.content)
			b, m, err := ReadOutside(p, tt.limit, 1000)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want an error: %v", err, tt.err)
			}
			if (m != nil) != tt.outside {
				t.Fatalf("mapped = %v, want %v", m != nil, tt.outside)
			}
			if err == nil && string(b) != string(tt.want) {
				t.Fatalf("read %d bytes, want %d", len(b), len(tt.want))
			}
			if m == nil {
				return
			}
			if cap(b) != len(b) {
				t.Errorf("cap %d, len %d: an append would write past the file into the mapping", cap(b), len(b))
			}
			page := os.Getpagesize()
			if n := m.Drop(1, page+1); n != 0 {
				t.Errorf("Drop of less than a whole page gave back %d bytes", n)
			}
			if n := m.Drop(1, 3*page+5); n != 2*page {
				t.Errorf("Drop(1, 3 pages + 5) gave back %d bytes, want the 2 whole pages in it", n)
			}
			if string(b[3*page:]) != string(tt.want[3*page:]) || string(b[:page]) != string(tt.want[:page]) {
				t.Error("Drop changed bytes outside its pages")
			}
			if n := m.Free(); n != len(b)-2*page {
				t.Errorf("Free gave back %d bytes, want %d (what Drop left)", n, len(b)-2*page)
			}
			if m.Free() != 0 || m.Drop(0, len(b)) != 0 {
				t.Error("a freed mapping gave back more")
			}
		})
	}
	if _, _, err := ReadOutside("/dev/zero", 0, 0); !errors.Is(err, ErrNotRegular) {
		t.Errorf("/dev/zero: err = %v, want ErrNotRegular", err)
	}
}
