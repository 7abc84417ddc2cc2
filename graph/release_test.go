package graph

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// releaseContents are files whose released line tables must agree with
// the content's: empty lines, CRLF, no final line feed, many blocks, and
// a block of 64 KiB or more (every line's start kept in 32 bits).
var releaseContents = []string{"\n", "a", "a\nb", "ab\n\ncd\r\ne\n", "\n\n\n", strings.Repeat("\n", lineStride),
	strings.Repeat("ab\n", 2*lineStride) + "\n", strings.Repeat("a\n\nbc\n", 3*lineStride+1) + "end",
	"x{\n  \"k\": 1\n}\n", strings.Repeat("x", 70000) + "\nshort\n" + strings.Repeat("y", 65540) + "\n\nz",
	"# chainlint:ignore a -- why\nb = 1 # chainlint:ignore b,c -- two chainlint:ignore on a line\r\nc\nchainlint:ignore"}

// TestReleaseKeepsPositions: a released file, and an alias of it, give
// every offset the position, every line the start, the ignore lines and
// the bytes they gave with their content, which is gone.
func TestReleaseKeepsPositions(t *testing.T) {
	dir := t.TempDir()
	for i, content := range releaseContents {
		path := filepath.Join(dir, fmt.Sprintf("f%d.tf", i))
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		fs := NewFiles()
		f := fs.Add(path, []byte(content))
		alias := fs.Alias(path, "module.a")
		type snapshot struct {
			Positions []token.Position
			Starts    []token.Pos
			Ignores   []Line
		}
		take := func(f *File) snapshot {
			var s snapshot
			for off := 0; off <= f.TF.Size(); off++ {
				s.Positions = append(s.Positions, f.Position(f.Pos(off)))
			}
			for line := 1; line <= f.LineCount(); line++ {
				s.Starts = append(s.Starts, f.LineStart(line))
			}
			s.Ignores = f.IgnoreLines()
			return s
		}
		before, aliasBefore := take(f), take(alias)
		if !fs.Release(path, path) {
			t.Fatalf("%s: not released", path)
		}
		if f.Content != nil || alias.Content != nil || !f.Released() || !alias.Released() {
			t.Fatalf("%s: content kept after Release", path)
		}
		if diff := cmp.Diff(before, take(f)); diff != "" {
			t.Errorf("%s released (-content +released):\n%s", path, diff)
		}
		if diff := cmp.Diff(aliasBefore, take(alias)); diff != "" {
			t.Errorf("%s's alias released (-content +released):\n%s", path, diff)
		}
		if got, err := f.Source(); err != nil || string(got) != content {
			t.Errorf("%s: Source() = %q, %v", path, got, err)
		}
		if len(content) > 3 {
			if got, err := alias.Range(1, 3); err != nil || string(got) != content[1:3] {
				t.Errorf("%s: Range(1, 3) = %q, %v; want %q", path, got, err, content[1:3])
			}
		}
		if fs.Release(path, path) {
			t.Errorf("%s: released twice", path)
		}
		// Added again (a load that reads it again): the content is back.
		if g := fs.Add(path, []byte(content)); g != f || f.Released() || string(f.Content) != content || alias.Released() {
			t.Errorf("%s: Add after Release did not restore the content", path)
		}
		if diff := cmp.Diff(before, take(f)); diff != "" {
			t.Errorf("%s restored (-content +restored):\n%s", path, diff)
		}
	}
}

// TestReleasedFileChanged: bytes are not read again from a file that is
// no longer what was read (another size, another modification time), and
// what the disk does not hold as read is never released.
func TestReleasedFileChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "main.tf")
	content := "resource \"x\" \"y\" {\n  a = 1\n}\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := NewFiles()
	fs.Add(path, []byte(content))
	if fs.Release(path+".missing", path) {
		t.Error("released a file not registered")
	}
	fs.Add("other.tf", []byte("unsaved buffer"))
	if fs.Release("other.tf", path) {
		t.Error("released content the disk does not hold (another size)")
	}
	if !fs.Release(path, path) {
		t.Fatal("not released")
	}
	f := fs.Get(path)
	same := strings.Replace(content, "1", "2", 1) // the same size
	if err := os.WriteFile(path, []byte(same), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if b, err := f.Range(0, 5); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("Range of a changed file: %q, %v; want a changed-file error", b, err)
	}
	if src, _ := fs.Window(path, 3, 10); src != nil {
		t.Errorf("Window of a changed file: %q, want nil", src)
	}
	if got := fs.Sources()(path); got != nil {
		t.Errorf("Sources of a changed file: %q, want nil", got)
	}
	var cache SourceCache
	if b, err := cache.Of(f); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("SourceCache.Of a changed file: %q, %v; want a changed-file error", b, err)
	}
	if _, err := f.Range(0, len(content)+1); err == nil {
		t.Error("Range past the end: no error")
	}
}

// TestWindow: a released file's window is the bytes within reach of the
// offset, and where they start; a file in memory gives all of it.
func TestWindow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.tf")
	content := strings.Repeat("0123456789", 10)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := NewFiles()
	fs.Add(path, []byte(content))
	if src, base := fs.Window(path, 50, 5); string(src) != content || base != 0 {
		t.Errorf("window in memory: %q at %d, want the whole content", src, base)
	}
	fs.Release(path, path)
	for _, c := range []struct{ off, reach, base, end int }{{50, 5, 45, 55}, {2, 5, 0, 7}, {98, 5, 93, 100}} {
		src, base := fs.Window(path, c.off, c.reach)
		if base != c.base || string(src) != content[c.base:c.end] {
			t.Errorf("Window(%d, %d) = %q at %d, want %q at %d", c.off, c.reach, src, base, content[c.base:c.end], c.base)
		}
	}
	if src, _ := fs.Window(path, 200, 5); src != nil {
		t.Errorf("Window past the end = %q, want nil", src)
	}
}

// FuzzReleasedLines: a released line table gives every offset the line
// and column, and every line the start, the content's own table gives.
func FuzzReleasedLines(f *testing.F) {
	for _, c := range releaseContents {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		fs := NewFiles()
		held := fs.Add("held", content)
		rel := fs.Add("released", content)
		rel.Content, rel.lines, rel.kept = nil, FullLines(content), &kept{size: len(content)}
		if rel.LineCount() != held.LineCount() {
			t.Fatalf("%d lines released, %d held", rel.LineCount(), held.LineCount())
		}
		for off := 0; off <= len(content); off++ {
			a, b := held.Position(held.Pos(off)), rel.Position(rel.Pos(off))
			if a.Line != b.Line || a.Column != b.Column {
				t.Fatalf("offset %d: released %d:%d, held %d:%d", off, b.Line, b.Column, a.Line, a.Column)
			}
		}
		for line := 1; line <= held.LineCount(); line++ {
			if a, b := held.lineStart(line), rel.lineStart(line); a != b {
				t.Fatalf("line %d starts at %d released, %d held", line, b, a)
			}
		}
	})
}

// TestReleaseLater: a file is readied for a later Release only when
// Release could release it now (its file on disk as long as its content)
// and it has a table of every line; once readied, its ignore directives
// are read then, and the Release that follows reads nothing of the
// content (here overwritten meanwhile, as a load that gives it back does).
func TestReleaseLater(t *testing.T) {
	dir := t.TempDir()
	content := "{\n  \"a\": 1, \"x\": \"chainlint:ignore some-rule -- why\"\n}\n"
	path := filepath.Join(dir, "e.json")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := NewFiles()
	strided := fs.Add("strided.json", []byte(content))
	if fs.ReleaseLater(strided.Name, path) {
		t.Error("readied a file without a table of every line")
	}
	lines := FullLines([]byte(content))
	fs.AddLines("longer.json", []byte(content+" "), &lines)
	if fs.ReleaseLater("longer.json", path) {
		t.Error("readied a file longer than the one on disk")
	}
	b := []byte(content)
	f := fs.AddLines(path, b, &lines)
	if !fs.ReleaseLater(path, path) {
		t.Fatal("a file with a table of every line, as on disk, was not readied")
	}
	for i := range b {
		b[i] = '#'
	}
	if !fs.Release(path, path) {
		t.Fatal("the readied file was not released")
	}
	got := f.IgnoreLines()
	if len(got) != 1 || !strings.Contains(got[0].Text, IgnoreWord) || f.Line(f.Pos(10)) != 2 {
		t.Errorf("after the release: ignore lines %+v, line of offset 10 %d; want the directive's line, 2", got, f.Line(f.Pos(10)))
	}
}
