//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestReadRefusesDevicesAndPipes(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "x.json")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Skip(err)
	}
	for _, p := range []string{"/dev/zero", link, dir} {
		if _, err := Read(p, 0); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Read(%s) = %v, want ErrNotRegular", p, err)
		}
	}
	fifo := filepath.Join(dir, "f.tf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, err := Read(fifo, 0); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("Read(fifo) = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read blocked on a FIFO")
	}
	if Exists(fifo) || Exists("/dev/zero") || !Exists(os.Args[0]) {
		t.Error("Exists answers for something other than regular files")
	}
}

// TestReadOutside: a file of least bytes or more reads outside the heap
// with a free that unmaps it (twice is harmless); a smaller one, one with
// a byte-order mark (converted as ReadText does) or one over the limit
// reads as ReadText, with no free; a device is refused as by Read.
func TestReadOutside(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
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
			b, free, err := ReadOutside(p, tt.limit, 1000)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want an error: %v", err, tt.err)
			}
			if (free != nil) != tt.outside {
				t.Fatalf("free = %v, want one: %v", free != nil, tt.outside)
			}
			if err == nil && string(b) != string(tt.want) {
				t.Fatalf("read %d bytes, want %d", len(b), len(tt.want))
			}
			if free != nil {
				if cap(b) != len(b) {
					t.Errorf("cap %d, len %d: an append would write past the file into the mapping", cap(b), len(b))
				}
				free()
				free()
			}
		})
	}
	if _, _, err := ReadOutside("/dev/zero", 0, 0); !errors.Is(err, ErrNotRegular) {
		t.Errorf("/dev/zero: err = %v, want ErrNotRegular", err)
	}
}
