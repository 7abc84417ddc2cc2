package graph

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/chainlint/chainlint/internal/safefile"
)

// IgnoreWord starts an ignore directive ("chainlint:ignore RULE -- why",
// in a comment): a released file keeps the lines that hold it.
const IgnoreWord = "chainlint:ignore"

// kept is what a released file keeps of its content: where to read it
// again, how to know it is still what was read, and the lines ignore
// directives are read from.
type kept struct {
	path    string
	size    int
	mod     time.Time
	ignores []Line
}

// Line is a line of a file: the offset where it starts and its text,
// without its line feed.
type Line struct {
	Off  int
	Text string
}

// Release drops the content of the registered file name, which was read
// from path, and of its aliases: positions are then found in a line table
// of every line (2 bytes a line, against the content's ~20), ignore
// directives in the lines that hold them, and what needs the bytes
// (excerpts, fixes) reads them again (Source, Range), refusing a file
// that has changed since (its size or modification time). It releases
// nothing, and returns false, when path does not hold the content as it
// is (a file converted from UTF-16, say) or the file is released already.
// The caller must hold no part of the content it wants freed. The size
// and time are taken here, after the read: a file rewritten in between
// with as many bytes would not be noticed (a race as narrow as the load).
func (fs *Files) Release(name, path string) bool {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.byName[name]
	st, ok := releasable(f, path)
	if !ok {
		return false
	}
	ignores := f.ignores
	if !f.early {
		ignores = linesWith(f.Content, IgnoreWord)
	}
	k := &kept{path: path, size: len(f.Content), mod: st.ModTime(), ignores: ignores}
	lines := f.lines
	if !lines.full() {
		lines = FullLines(f.Content)
	}
	for _, x := range fs.named(name) {
		x.Content, x.lines, x.kept = nil, lines, k
	}
	return true
}

// releasable reports whether f can be released from path: it is
// registered, holds content, is not released already, and path holds as
// many bytes; st is path's.
func releasable(f *File, path string) (st os.FileInfo, ok bool) {
	if f == nil || f.kept != nil || len(f.Content) == 0 {
		return nil, false
	}
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(f.Content)) {
		return nil, false
	}
	return st, true
}

// ReleaseLater readies a file for a Release from path that comes after
// parts of its content were given back (a load that unmaps them as it
// goes): what Release reads of the content (the lines of ignore
// directives) is read now, and Release reads nothing of it. It returns
// false, readying nothing, when Release could not release it now (see
// releasable) or it has no table of every line (FullLines: positions
// must be found without the content): its content must then be kept
// whole.
func (fs *Files) ReleaseLater(name, path string) bool {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.byName[name]
	if _, ok := releasable(f, path); !ok || !f.lines.full() {
		return false
	}
	f.early, f.ignores = true, linesWith(f.Content, IgnoreWord)
	return true
}

// Replace gives a file, and its aliases, content read again, as long as
// what it held (a load that gave back parts of it, and must parse it
// whole after all); its line table is kept.
func (fs *Files) Replace(name string, content []byte) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, x := range fs.named(name) {
		if x != nil && x.kept == nil && len(x.Content) == len(content) {
			x.Content = content
		}
	}
}

// Discard drops the content of a file that can be neither released nor
// read again as it was (a load gave back parts of its memory, and the
// file changed on disk meanwhile): positions are still found in its line
// table, which must be full, but excerpts and fixes are not (its bytes
// read as an error), and ignore directives are those ReleaseLater read.
func (fs *Files) Discard(name string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.byName[name]
	if f == nil || f.kept != nil || !f.lines.full() {
		return
	}
	k := &kept{size: len(f.Content), ignores: f.ignores}
	for _, x := range fs.named(name) {
		x.Content, x.lines, x.kept = nil, f.lines, k
	}
}

// ChangedWhileRead is what a file that changed on disk while a load had
// given back parts of it says, in place of its bytes (Discard) and where
// its load reports it.
const ChangedWhileRead = "the file changed while chainlint read it: run chainlint again"

// restore gives a released file, and its aliases, content again (a load
// that reads the file again after its streamed load failed).
func (fs *Files) restore(name string, content []byte) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	lines := LineStarts(content)
	for _, x := range fs.named(name) {
		x.Content, x.lines, x.kept = content, lines, nil
	}
}

// named returns the file name and its aliases; fs.mu is held.
func (fs *Files) named(name string) []*File {
	return append([]*File{fs.byName[name]}, fs.aliasesOf[name]...)
}

// Released reports whether f's content was dropped (Files.Release).
func (f *File) Released() bool { return f.kept != nil }

// Len returns the size of f's content in bytes.
func (f *File) Len() int {
	if f.kept != nil {
		return f.kept.size
	}
	return len(f.Content)
}

// Source returns f's content: Content, or for a released file its bytes
// read again (an error when the file has changed since it was read).
func (f *File) Source() ([]byte, error) { return f.Range(0, f.Len()) }

// Range returns the bytes from offset from to offset to of f's content,
// read again from the file when f is released.
func (f *File) Range(from, to int) ([]byte, error) {
	if from < 0 || to < from || to > f.Len() {
		return nil, fmt.Errorf("%s: bytes %d to %d are not in the file", f.Name, from, to)
	}
	if f.kept == nil {
		return f.Content[from:to], nil
	}
	return f.kept.read(from, to)
}

func (k *kept) read(from, to int) ([]byte, error) {
	if k.path == "" {
		return nil, errors.New(ChangedWhileRead)
	}
	fh, st, err := safefile.Open(k.path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if st.Size() != int64(k.size) || !st.ModTime().Equal(k.mod) {
		return nil, fmt.Errorf("%s has changed since chainlint read it: run chainlint again", k.path)
	}
	b := make([]byte, to-from)
	n, err := fh.ReadAt(b, int64(from))
	if n == len(b) {
		return b, nil
	}
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return nil, err
}

// SourceCache gives files' content, reading each released file again
// at most once (Source); the zero value is ready.
type SourceCache struct {
	mu   sync.Mutex
	read map[*File]sourceRead
}

type sourceRead struct {
	b   []byte
	err error
}

// Of returns f's content (File.Source), read again once if f is released.
func (c *SourceCache) Of(f *File) ([]byte, error) {
	if !f.Released() {
		return f.Content, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.read[f]
	if !ok {
		r.b, r.err = f.Source()
		if c.read == nil {
			c.read = map[*File]sourceRead{}
		}
		c.read[f] = r
	}
	return r.b, r.err
}

// Sources returns a function that gives a registered file's content by
// name (nil for a file not registered, or one changed since it was read),
// reading a released file again only once.
func (fs *Files) Sources() func(name string) []byte {
	var c SourceCache
	return func(name string) []byte {
		f := fs.Get(name)
		if f == nil {
			return nil
		}
		b, _ := c.Of(f)
		return b
	}
}

// Window returns the bytes of the named file within reach of offset, and
// the offset they start at: all of its content when it is not released,
// else the bytes read again (nil when the file is not registered, or
// cannot be read as it was).
func (fs *Files) Window(name string, offset, reach int) (src []byte, base int) {
	f := fs.Get(name)
	if f == nil {
		return nil, 0
	}
	if !f.Released() {
		return f.Content, 0
	}
	from, to := max(0, offset-reach), min(f.Len(), offset+reach)
	if from > to {
		return nil, 0
	}
	b, err := f.Range(from, to)
	if err != nil {
		return nil, 0
	}
	return b, from
}

// IgnoreLines returns the lines of f that hold IgnoreWord.
func (f *File) IgnoreLines() []Line {
	if f.kept != nil {
		return f.kept.ignores
	}
	return linesWith(f.Content, IgnoreWord)
}

// linesWith returns the lines of content that hold word, each once.
func linesWith(content []byte, word string) []Line {
	var out []Line
	for from := 0; from < len(content); {
		i := bytes.Index(content[from:], []byte(word))
		if i < 0 {
			break
		}
		at := from + i
		start := bytes.LastIndexByte(content[:at], '\n') + 1
		end := len(content)
		if j := bytes.IndexByte(content[at:], '\n'); j >= 0 {
			end = at + j
		}
		out = append(out, Line{Off: start, Text: string(content[start:end])})
		from = end + 1
	}
	return out
}

// FullLines returns the line table of every line, which a released file
// needs (it has no content to count in): its entries every lineStride
// lines, and every line's distance from its entry (or, when one is 64 KiB
// or more, every line's start). A file loaded to be released may be
// added with it (AddLines), so that Release need not read the content a
// second time; its positions then need no counting either.
func FullLines(content []byte) Lines {
	n := 1 + bytes.Count(content, []byte{'\n'}) // lineStarts' count, known first so that nothing grows
	if len(content) > 0 && content[len(content)-1] == '\n' {
		n--
	}
	lines := Lines{every: make([]int32, 0, (n+lineStride-1)/lineStride), count: n}
	deltas := make([]uint16, n)
	i := 0
	for off := range lineStarts(content) {
		if i%lineStride == 0 {
			lines.every = append(lines.every, int32(off))
		}
		d := off - int(lines.every[i/lineStride])
		if d > 0xffff {
			lines.starts = make([]int32, 0, n)
			for off := range lineStarts(content) {
				lines.starts = append(lines.starts, int32(off))
			}
			lines.every = lines.every[:0]
			for k := 0; k < n; k += lineStride {
				lines.every = append(lines.every, lines.starts[k])
			}
			return lines
		}
		deltas[i] = uint16(d)
		i++
	}
	lines.deltas = deltas
	return lines
}

// full reports a table of every line (FullLines).
func (l *Lines) full() bool { return l.deltas != nil || l.starts != nil }

// releasedStart returns where a line starts (1 ≤ line ≤ count).
func (l *Lines) releasedStart(line int) int {
	if l.starts != nil {
		return int(l.starts[line-1])
	}
	return int(l.every[(line-1)/lineStride]) + int(l.deltas[line-1])
}

// releasedLineOf returns the 1-based line holding offset off.
func (l *Lines) releasedLineOf(off int) int {
	if l.starts != nil {
		return max(1, sort.Search(len(l.starts), func(i int) bool { return int(l.starts[i]) > off }))
	}
	k := sort.Search(len(l.every), func(i int) bool { return int(l.every[i]) > off }) - 1
	if k < 0 {
		return 1
	}
	line := k * lineStride // 0-based
	for line+1 < l.count && line+1 < (k+1)*lineStride && l.releasedStart(line+2) <= off {
		line++
	}
	return line + 1
}
