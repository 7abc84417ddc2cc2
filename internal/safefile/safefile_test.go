package safefile

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestReadLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(p, make([]byte, 11), 0o600); err != nil {
		t.Fatal(err)
	}
	var tooLarge *TooLargeError
	if _, err := Read(p, 10); !errors.As(err, &tooLarge) {
		t.Errorf("err = %v", err)
	}
	if b, err := Read(p, 11); err != nil || len(b) != 11 {
		t.Errorf("at the limit: %d bytes, %v", len(b), err)
	}
}

func TestWriteKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "main.tf")
	if err := os.WriteFile(p, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.tf")
	if err := os.Symlink("main.tf", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("target holds %q", b)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := Write(filepath.Join(dir, "new.json"), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(filepath.Join(dir, "new.json")); st.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v", st.Mode().Perm())
	}
}

// TestWriteKilledLeavesFileWhole kills a process in the middle of Write
// (a child of this test binary writing 64 MB) and checks that the file
// holds either its old content or the whole new one, never a part.
func TestWriteKilledLeavesFileWhole(t *testing.T) {
	if p := os.Getenv("SAFEFILE_CHILD_WRITE"); p != "" {
		data := bytes.Repeat([]byte("n"), 64<<20)
		for {
			_ = Write(p, data, 0o644)
		}
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "e.json")
	if err := os.WriteFile(p, []byte("whole"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteKilledLeavesFileWhole$")
	cmd.Env = append(os.Environ(), "SAFEFILE_CHILD_WRITE="+p)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until a temporary file exists: the child is mid-write.
	for i := 0; i < 1000; i++ {
		if m, _ := filepath.Glob(filepath.Join(dir, ".e.json.chainlint-*")); len(m) > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "whole" && len(b) != 64<<20 {
		t.Errorf("the file holds %d bytes: neither the old nor the new content", len(b))
	}
}

func TestReadText(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string { return writeFile(t, dir, name, b) }
	le := write("le.json", []byte("\xff\xfe{\x00\"\x00\xe9\x00\"\x00}\x00"))
	be := write("be.json", []byte("\xfe\xff\x00{\x00\"\xd8\x3d\xde\x00\x00\"\x00}"))
	u32 := write("u32.json", []byte("\xff\xfe\x00\x00{\x00\x00\x00"))
	plain := write("plain.json", []byte("{}"))
	if b, err := ReadText(le, 0); err != nil || string(b) != `{"é"}` {
		t.Errorf("UTF-16LE: %q %v", b, err)
	}
	if b, err := ReadText(be, 0); err != nil || string(b) != "{\"\U0001F600\"}" {
		t.Errorf("UTF-16BE: %q %v", b, err)
	}
	if _, err := ReadText(u32, 0); !errors.Is(err, ErrUTF32) {
		t.Errorf("UTF-32: %v", err)
	}
	if !IsUTF16(le) || !IsUTF16(be) || IsUTF16(u32) || IsUTF16(plain) {
		t.Error("IsUTF16")
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		dir, path string
		want      bool
	}{
		{"/a/b", "/a/b", true},
		{"/a/b", "/a/b/c/d", true},
		{"/a/b", "/a/b/..c", true}, // a name that starts with two dots
		{"/a/b", "/a/bc", false},
		{"/a/b", "/a", false},
		{"/a/b", "/a/b/../c", false},
		{"a", "a/b", true},
		{"a", "b", false},
		{"/a", "a", false}, // one absolute, one relative: Rel fails
	} {
		if got := Within(c.dir, c.path); got != c.want {
			t.Errorf("Within(%q, %q) = %v, want %v", c.dir, c.path, got, c.want)
		}
	}
}

// writeFile writes b to a file name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
