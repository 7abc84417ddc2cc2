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
