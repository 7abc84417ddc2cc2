// Package safefile reads and writes the files chainlint is pointed at as
// a tool facing untrusted input must: it reads only regular files (never a
// device, a pipe or a socket, which could be endless or block forever),
// through a limited reader (a file's size from Stat can lie: /dev/zero
// says 0), and writes by renaming a complete temporary file into place,
// so that a killed run or a full disk never leaves a file half written.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unicode/utf16"
)

// MaxSize is the default limit of Read: the largest input chainlint reads.
const MaxSize = 128 << 20

// ErrNotRegular is a path that names a device, a pipe, a socket or a
// directory where a file was expected.
var ErrNotRegular = errors.New("not a regular file (a device, pipe or socket is never read)")

// TooLargeError is a file over the read limit; Size is its size when
// Stat knew it (0 when it grew past the limit while being read).
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	if e.Size > 0 {
		return fmt.Sprintf("file is %d MB, over chainlint's limit of %d MB: split it", e.Size>>20, e.Limit>>20)
	}
	return fmt.Sprintf("file is over chainlint's limit of %d MB: split it", e.Limit>>20)
}

// Open opens the regular file at path (following symlinks) for reading,
// with the checks Read makes: a device, FIFO or socket is refused before
// the open and after it, and the open never waits for a writer.
func Open(path string) (*os.File, fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, nil, &fs.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	// O_NONBLOCK: were the file swapped for a FIFO since the Stat, the
	// open would not wait for a writer; the second check below refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err = f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, &fs.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	return f, st, nil
}

// Read reads the regular file at path (following symlinks), at most limit
// bytes (MaxSize when limit <= 0); a larger file is a *TooLargeError.
func Read(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = MaxSize
	}
	f, st, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{st.Size(), limit}}
	}
	// Read into a buffer sized by Stat (plus room to notice growth), as
	// os.ReadFile does: io.ReadAll's doubling costs several copies of a
	// large file.
	b := make([]byte, 0, min(st.Size(), limit)+512)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):min(int64(cap(b)), limit+1)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit || err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(b)) > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Limit: limit}}
	}
	return b, nil
}

// Exists reports whether path names a regular file, without reading it.
func Exists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// Write replaces the file at path with data atomically: it writes a
// temporary file in the same directory, syncs it, gives it the mode of the
// file it replaces (perm for a new file) and renames it over path. If path
// is a symlink, the file it points to is replaced and the link kept; a
// caller that must not write through links checks for them first.
func Write(path string, data []byte, perm fs.FileMode) (err error) {
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	}
	owner := -1
	var group int
	if st, err := os.Stat(target); err == nil {
		if !st.Mode().IsRegular() {
			return &fs.PathError{Op: "write", Path: path, Err: ErrNotRegular}
		}
		perm = st.Mode().Perm()
		owner, group = ownerOf(st)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".chainlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if owner >= 0 && (owner != os.Getuid() || group != os.Getgid()) {
		// Keep the file's owner (only a privileged writer can; others
		// write a file they own, as any editor would).
		_ = tmp.Chown(owner, group)
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

// ErrUTF32 is a file that starts with a UTF-32 byte-order mark: every
// input chainlint reads (JSON, YAML, HCL, VCL, TOML) is UTF-8 (or, for
// exports saved by some Windows tools, UTF-16).
var ErrUTF32 = errors.New("the file is encoded in UTF-32 (it starts with that byte-order mark); chainlint reads UTF-8 and UTF-16: convert it, e.g. iconv -f UTF-32 -t UTF-8")

// ReadText is Read for a text file. A file that starts with a UTF-16
// byte-order mark (PowerShell's Out-File writes exports so) is decoded to
// UTF-8, its mark dropped; one in UTF-32 is refused. IsUTF16 tells such a
// file apart: chainlint never writes a fix into it (the fix is computed
// on the UTF-8 text).
func ReadText(path string, limit int64) ([]byte, error) {
	b, err := Read(path, limit)
	if err != nil {
		return b, err
	}
	switch {
	case len(b) >= 4 && (string(b[:4]) == "\x00\x00\xfe\xff" || string(b[:4]) == "\xff\xfe\x00\x00"):
		return nil, &fs.PathError{Op: "read", Path: path, Err: ErrUTF32}
	case len(b) >= 2 && (string(b[:2]) == "\xfe\xff" || string(b[:2]) == "\xff\xfe"):
		return decodeUTF16(b[2:], b[0] == 0xfe), nil
	}
	return b, nil
}

// IsUTF16 reports whether the file at path starts with a UTF-16
// byte-order mark.
func IsUTF16(path string) bool {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	var mark [4]byte
	n, _ := io.ReadFull(f, mark[:])
	return n >= 2 && (mark[0] == 0xfe && mark[1] == 0xff || mark[0] == 0xff && mark[1] == 0xfe) &&
		!(n == 4 && mark[2] == 0 && mark[3] == 0 && mark[0] == 0xff)
}

func decodeUTF16(b []byte, bigEndian bool) []byte {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(units)))
}

// Within reports whether path is dir or lies below it, lexically (both
// absolute or both relative to one directory; resolve symbolic links
// first where they matter). It is the one test of "inside the given
// paths" that reads, writes and fixes use.
func Within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
