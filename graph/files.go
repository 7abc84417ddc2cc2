package graph

import (
	"bytes"
	"go/token"
	"iter"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/loader/tree"
)

// File is one input file with its content and its place in the file set.
//
// Its line table is the File's own, not its token.File's, shared with the
// file's aliases, and sparse (Lines): 4 bytes every lineStride lines
// instead of go/token's 8 a line. Positions are turned into
// file:line:column by Files.Position (or File.Position), never by the
// token.FileSet, whose files hold no lines (every position would read as
// line 1).
//
// A loader that keeps no part of a file's content once it is loaded
// (Terraform's streamed load, whose values are copies) releases it
// (Files.Release): Content is then nil, and Source and Range read the
// bytes again from the file.
type File struct {
	Name string
	// Content is the file's bytes; nil once the file is released (use
	// Source or Range after loading).
	Content []byte
	TF      *token.File
	lines   Lines
	// kept is what a released file keeps instead of its content.
	kept *kept
	// early: the lines of ignore directives were read before the release
	// (ReleaseLater), into ignores.
	early   bool
	ignores []Line
}

// Lines is a file's line table: where every lineStride-th line starts
// (lines 1, 1+lineStride, …) and how many lines there are; a line between
// two is found by counting line feeds in the content. (A table of every
// line took 1.4 MB of an 8,000-service export's 43 MB live heap.) Lines
// of longLineBytes or more are listed apart (long), with their ends, so
// that no count crosses one: a position in a one-line export was found by
// counting from the file's start (20,000 findings in a 5 MB line took 2 s).
// A released file, which has no content to count in, keeps every line:
// its distance from the block's entry in 16 bits (deltas), or, in a file
// with a block of 64 KiB or more, its start in 32 (starts).
type Lines struct {
	every  []int32
	count  int
	long   []longLine
	deltas []uint16
	starts []int32
}

// longLine is a line of longLineBytes or more: its number, where it
// starts, and where the next one starts (the content's end for the last).
type longLine struct {
	line, start, end int32
}

// longLineBytes is the length from which a line is listed apart
// (Lines.long): a count of line feeds between two known line starts then
// reads at most lineStride lines shorter than this.
const longLineBytes = 1024

// lineStride is the lines between two entries of a line table.
const lineStride = 16

// Position returns the file, line and column of p, a position in f.
func (f *File) Position(p token.Pos) token.Position {
	off := int(p) - f.TF.Base()
	line := f.lineOf(off)
	return token.Position{Filename: f.TF.Name(), Offset: off, Line: line, Column: off - f.lineStart(line) + 1}
}

// lineOf returns the 1-based line holding offset off.
func (f *File) lineOf(off int) int {
	if f.lines.full() {
		return f.lines.releasedLineOf(off)
	}
	every := f.lines.every
	k := sort.Search(len(every), func(i int) bool { return int(every[i]) > off }) - 1
	if k < 0 {
		return 1
	}
	from, line := int(every[k]), 1+k*lineStride
	// The last long line starting at or before off: off is on it, or
	// the count starts after it if that is nearer.
	long := f.lines.long
	if j := sort.Search(len(long), func(i int) bool { return int(long[i].start) > off }) - 1; j >= 0 {
		ll := long[j]
		if off < int(ll.end) {
			return int(ll.line)
		}
		if int(ll.end) > from {
			from, line = int(ll.end), int(ll.line)+1
		}
	}
	to := min(max(off, from), len(f.Content))
	line += bytes.Count(f.Content[from:to], []byte{'\n'})
	// A line feed that ends the file starts no line.
	return min(line, f.lines.count)
}

// lineStart returns the offset where a line starts (1 ≤ line ≤
// LineCount()).
func (f *File) lineStart(line int) int {
	if f.lines.full() {
		return f.lines.releasedStart(line)
	}
	k := (line - 1) / lineStride
	off, at := int(f.lines.every[k]), 1+k*lineStride
	// A long line at or before line, after the entry: start from it (or
	// it is the line).
	long := f.lines.long
	if j := sort.Search(len(long), func(i int) bool { return int(long[i].line) > line }) - 1; j >= 0 && int(long[j].line) >= at {
		if int(long[j].line) == line {
			return int(long[j].start)
		}
		off, at = int(long[j].end), int(long[j].line)+1
	}
	for n := line - at; n > 0; n-- {
		i := bytes.IndexByte(f.Content[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
	}
	return off
}

// Line returns the 1-based line of p, a position in f.
func (f *File) Line(p token.Pos) int { return f.lineOf(int(p) - f.TF.Base()) }

// LineCount returns the number of lines in f.
func (f *File) LineCount() int { return f.lines.count }

// LineStart returns the position of the start of a line (1 ≤ line ≤
// LineCount()).
func (f *File) LineStart(line int) token.Pos { return f.Pos(f.lineStart(line)) }

// Pos returns the position of byte offset off in the file. Offsets past the
// end are clamped, so a loader's off-by-one can never panic the driver.
func (f *File) Pos(off int) token.Pos {
	if off < 0 {
		off = 0
	}
	if off > f.TF.Size() {
		off = f.TF.Size()
	}
	return f.TF.Pos(off)
}

// TextMap maps a decoded string value of f's parse tree (n: its runs,
// tree.Node.Segments, or the verbatim value at TextOff) to positions, for
// a Text at position at; nil when the value is stored verbatim at at.
//
// The map of a JSON string with escapes knows its file, so that once its
// positions have been asked (the VCL model reads the VCL it holds) it can
// keep a run only every so many bytes: TextMap.Checkpoint.
func (f *File) TextMap(n *tree.Node, at token.Pos, syntax tree.Syntax) *TextMap {
	return f.TextMapIn(nil, n, at, syntax)
}

// TextMapIn is TextMap, the map and its runs handed out by maps (nil:
// allocated each).
func (f *File) TextMapIn(maps *TextMaps, n *tree.Node, at token.Pos, syntax tree.Syntax) *TextMap {
	if len(n.Segments) == 0 {
		switch f.Pos(n.TextOff) - at {
		case 0:
			return nil
		case 1:
			return afterQuote
		}
		m := maps.new(1)
		m.Runs[0] = NewSegment(0, f.Pos(n.TextOff), at)
		return m
	}
	m := maps.new(len(n.Segments))
	for i, seg := range n.Segments {
		m.Runs[i] = NewSegment(int(seg.Dec), f.Pos(int(seg.Src)), at)
	}
	if from := int(at) - f.TF.Base(); syntax == tree.JSON && from >= 0 && from <= int(n.Segments[0].Src) && n.End <= len(f.Content) {
		m.json = f.Content[from:n.End:n.End]
	}
	return m
}

// TextMaps hands out text maps and their runs from chunks (package
// chunk), for a loader that makes many (one for every VCL and snippet
// text): the maps live as long as the graph, and made one by one they sat
// among the load's garbage of their sizes (16 to 64 bytes), keeping its
// pages in use after every collection (a YAML load of 16,000 services: a
// third of the sparse pages of those sizes). A nil *TextMaps allocates
// each. Not safe for concurrent use: a loader's goroutine has its own.
type TextMaps struct {
	maps chunk.Of[TextMap]
	runs chunk.Of[Segment]
}

// New returns a map of n runs, zero; s may be nil.
func (s *TextMaps) New(n int) *TextMap { return s.new(n) }

// new returns a map of n runs; maps may be nil.
func (s *TextMaps) new(n int) *TextMap {
	if s == nil {
		return &TextMap{Runs: make([]Segment, n)}
	}
	m := s.maps.New()
	m.Runs = s.runs.Run(n)
	return m
}

// Checkpoint keeps, of a JSON string's runs (VCL in an export has two or
// more a line), one every jsonCheckpoint decoded bytes: a position
// between two is then found by decoding the JSON from the one before.
// The full runs of 2,000 services' 10 KB custom VCL took 12 MB; the VCL
// model, which asks for ~1,000 positions per 10 KB, reads the full runs
// and checkpoints them when it is done with a service. A map of another
// kind is left as it is. Not safe for use while positions are asked.
func (m *TextMap) Checkpoint() {
	if m == nil || m.json == nil {
		return
	}
	kept, last := 0, -jsonCheckpoint
	for _, seg := range m.Runs {
		if int(seg.Dec) >= last+jsonCheckpoint {
			kept, last = kept+1, int(seg.Dec)
		}
	}
	if kept == len(m.Runs) {
		return
	}
	// A few runs (a chunk's, see TextMaps) are thinned where they are;
	// many are copied, so that their array is freed.
	runs := m.Runs[:0]
	if len(m.Runs) > chunk.Len/4 {
		runs = make([]Segment, 0, kept)
	}
	last = -jsonCheckpoint
	for _, seg := range m.Runs {
		if int(seg.Dec) >= last+jsonCheckpoint {
			runs, last = append(runs, seg), int(seg.Dec)
		}
	}
	m.Runs, m.thinned = runs[:len(runs):len(runs)], true
}

// jsonCheckpoint is the decoded bytes between a JSON string's kept runs.
const jsonCheckpoint = 128

// afterQuote maps a value stored verbatim from the byte after its Pos (a
// JSON or quoted YAML string without escapes); shared, never modified.
var afterQuote = &TextMap{Runs: []Segment{{Dec: 0, Src: 1}}}

// Files holds every input file in one token.FileSet, as
// golang.org/x/tools/go/analysis expects: positions of all findings are
// token.Pos values in that set. The set's files hold no line tables (each
// File keeps its own): Position, not Fset.Position, gives a position's
// line and column.
type Files struct {
	Fset *token.FileSet

	mu     sync.Mutex
	byName map[string]*File
	list   []*File
	// byTF finds a file, or an alias, by its token.File; aliases are
	// keyed by name and instance.
	byTF    map[*token.File]*File
	aliases map[[2]string]*File
	// aliasesOf lists each file's aliases (Release, restore).
	aliasesOf map[string][]*File
}

// NewFiles returns an empty file registry.
func NewFiles() *Files {
	return &Files{Fset: token.NewFileSet(), byName: map[string]*File{}, byTF: map[*token.File]*File{}, aliases: map[[2]string]*File{}}
}

// Add registers a file's content and returns it. Adding a name twice
// returns the first registration.
func (fs *Files) Add(name string, content []byte) *File {
	return fs.AddLines(name, content, nil)
}

// AddLines is Add with the content's line starts (LineStarts or
// FullLines) computed already, or nil. Lines are computed outside the registry's lock, so
// that files added at once are indexed at once.
func (fs *Files) AddLines(name string, content []byte, lines *Lines) *File {
	fs.mu.Lock()
	f, ok := fs.byName[name]
	fs.mu.Unlock()
	if ok {
		if f.kept != nil && content != nil {
			fs.restore(name, content)
		}
		return f
	}
	if lines == nil {
		l := LineStarts(content)
		lines = &l
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if f, ok := fs.byName[name]; ok {
		return f
	}
	// An empty file is given a size of 1, so that a finding about it can
	// point at its start (file:1:1) and positions are never NoPos.
	tf := fs.Fset.AddFile(name, -1, max(len(content), 1))
	f = &File{Name: name, Content: content, TF: tf, lines: *lines}
	fs.byName[name] = f
	fs.byTF[tf] = f
	fs.list = append(fs.list, f)
	return f
}

// Alias returns a registered file under a range of positions of its own,
// one per key (nil if the file is not registered). A Terraform module
// instantiated twice (two environments, or for_each on the module) holds
// two services declared by the same text: each instance's objects are
// positioned in its own alias, so that a finding is attributed to the
// instance it is about, while the position printed is the same file,
// line and column. An alias is not listed (List), and Get returns the
// file itself.
func (fs *Files) Alias(name, key string) *File {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f := fs.byName[name]
	if f == nil {
		return nil
	}
	if a := fs.aliases[[2]string{name, key}]; a != nil {
		return a
	}
	tf := fs.Fset.AddFile(name, -1, f.TF.Size())
	a := &File{Name: name, Content: f.Content, TF: tf, lines: f.lines, kept: f.kept}
	fs.aliases[[2]string{name, key}] = a
	if fs.aliasesOf == nil {
		fs.aliasesOf = map[string][]*File{}
	}
	fs.aliasesOf[name] = append(fs.aliasesOf[name], a)
	fs.byTF[tf] = a
	return a
}

// LineStarts returns content's line table: its lines start where
// token.File.SetLinesForContent puts them, found with bytes.IndexByte
// (several times faster on large files) and kept in 32 bits (an input is
// at most safefile.MaxSize bytes). An empty file has one line.
func LineStarts(content []byte) Lines {
	lines := Lines{every: make([]int32, 0, 1+bytes.Count(content, []byte{'\n'})/lineStride)}
	prev := -1 // the start of the line before
	for off := range lineStarts(content) {
		if prev >= 0 && off-prev >= longLineBytes {
			lines.long = append(lines.long, longLine{line: int32(lines.count), start: int32(prev), end: int32(off)})
		}
		if lines.count%lineStride == 0 {
			lines.every = append(lines.every, int32(off))
		}
		lines.count++
		prev = off
	}
	if prev >= 0 && len(content)-prev >= longLineBytes {
		lines.long = append(lines.long, longLine{line: int32(lines.count), start: int32(prev), end: int32(len(content))})
	}
	return lines
}

// lineStarts yields where each line of content starts: 0, and after every
// line feed but one that ends the content (which starts no line).
func lineStarts(content []byte) iter.Seq[int] {
	return func(yield func(int) bool) {
		for off := 0; yield(off); {
			i := bytes.IndexByte(content[off:], '\n')
			if i < 0 || off+i+1 >= len(content) {
				return
			}
			off += i + 1
		}
	}
}

// Position returns the file, line and column of p (the zero Position for
// NoPos, or a position no registered file holds).
func (fs *Files) Position(p token.Pos) token.Position {
	tf := fs.Fset.File(p)
	if tf == nil {
		return token.Position{}
	}
	fs.mu.Lock()
	f := fs.byTF[tf]
	fs.mu.Unlock()
	if f == nil {
		return token.Position{}
	}
	return f.Position(p)
}

// Get returns a registered file by name.
func (fs *Files) Get(name string) *File {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.byName[name]
}

// List returns the registered files in name order.
func (fs *Files) List() []*File {
	fs.mu.Lock()
	out := append([]*File(nil), fs.list...)
	fs.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Of returns the file that holds pos, or nil.
func (fs *Files) Of(pos token.Pos) *File {
	if !pos.IsValid() {
		return nil
	}
	tf := fs.Fset.File(pos)
	if tf == nil {
		return nil
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if f := fs.byTF[tf]; f != nil {
		return f
	}
	return fs.byName[tf.Name()]
}

// Text is a string value (VCL source, typically) together with a map from
// each byte of the decoded value back to the file that holds it. VCL
// embedded in a JSON string with escapes, in a YAML block scalar or in an
// HCL heredoc is decoded text whose bytes are not where a plain offset would
// put them; PosAt undoes that.
type Text struct {
	Field[string]
	// Map maps decoded offsets to positions; nil means the value is
	// stored verbatim starting at Pos.
	Map *TextMap
}

// Decoded returns the text's decoded value: Value, or, for a JSON string
// whose value was released, the string decoded again from its file.
func (t Text) Decoded() string {
	if !t.Released() {
		return t.Value
	}
	if n, _, err := tree.ParseJSONAt(t.jsonString(), 0, 0); err == nil && n.Kind == tree.String {
		return n.Text
	}
	return ""
}

// Released reports a text whose decoded value was released (Release).
func (t Text) Released() bool { return t.Value == "" && t.jsonString() != nil }

// Release drops the decoded value of a text read from a JSON string with
// escapes, which its file holds already (Decoded decodes it again): the
// VCL model does once it has read a service's VCL, so that an export's
// VCL is not held twice, as JSON and decoded. (Such a string decodes to
// one byte or more, so an empty Value tells a released text.) Nothing
// else may keep a part of the value. A text of another kind is left as
// it is.
func (t *Text) Release() {
	if t.Known() && t.jsonString() != nil {
		t.Value = ""
	}
}

// jsonString returns the JSON string with escapes the text was decoded
// from (TextMap.json); nil for a text of another kind.
func (t Text) jsonString() []byte {
	if t.Map == nil {
		return nil
	}
	return t.Map.json
}

// TextMap maps a Text's decoded bytes to positions.
type TextMap struct {
	// Runs: decoded byte i, in the run with the greatest Dec <= i, is at
	// the Text's Pos + Src + (i - Dec), or at the pinned position of a
	// PinnedSegment.
	Runs []Segment
	// json, when set, is the JSON string the value was decoded from (the
	// Text's extent, Pos to End), in its file's content or, once the file
	// is released, in a copy of its own (OwnJSON): the Runs may then be
	// checkpoints (Checkpoint), and a byte after a run is found by
	// decoding the JSON from it.
	json []byte
	// thinned: Checkpoint dropped runs. Until it does, the runs are
	// every stretch stored verbatim, and a position needs no decoding.
	thinned bool
}

// Segment is one run of a Text whose decoded bytes are stored verbatim:
// decoded byte Dec is at the Text's Pos + Src. (Offsets, not positions,
// in 32 bits: a value is at most a file of at most safefile.MaxSize
// bytes.)
type Segment struct {
	Dec, Src int32
}

// NewSegment is the run whose decoded byte dec is at position src, in a
// Text at position at.
func NewSegment(dec int, src, at token.Pos) Segment {
	return Segment{Dec: int32(dec), Src: int32(src - at)}
}

// PinnedSegment is a run of a Text whose decoded bytes have no source of
// their own and all stand at position src: what an interpolation of a
// Terraform template produced, for instance, is where the interpolation
// is written. (Its Src is negative: -1 - the offset.)
func PinnedSegment(dec int, src, at token.Pos) Segment {
	return Segment{Dec: int32(dec), Src: -1 - int32(src-at)}
}

// PosAt returns the source position of byte i of the decoded text,
// clamped to the value's extent in its file.
func (t Text) PosAt(i int) token.Pos {
	if !t.Pos.IsValid() {
		return token.NoPos
	}
	p := t.Pos + token.Pos(i)
	if m := t.Map; m != nil && len(m.Runs) > 0 {
		k := sort.Search(len(m.Runs), func(k int) bool { return int(m.Runs[k].Dec) > i }) - 1
		if k < 0 {
			k = 0
		}
		seg := m.Runs[k]
		var src []byte
		if m.thinned && seg.Src >= 0 {
			src = m.json
		}
		switch {
		case seg.Src < 0:
			p = t.Pos + token.Pos(-1-seg.Src) // pinned
		case src != nil:
			off, dec := jsonDecode(src, seg, i)
			p = t.Pos + token.Pos(off+(i-dec))
		default:
			p = t.Pos + token.Pos(seg.Src) + token.Pos(i-int(seg.Dec))
		}
	}
	if t.End().IsValid() && p > t.End() {
		p = t.End()
	}
	return max(p, t.Pos)
}

// OwnJSON copies the JSON strings the maps decode, which their file's
// content holds, into one block of memory of their own, so that the file
// may be released (Files.Release) while texts decoded from it keep
// finding their positions and decoding again (Text.Decoded, Text.PosAt).
// It copies nothing, and returns false, when the strings come to more
// than limit bytes (an export of large custom VCL, say, whose file is
// better kept than copied). Maps of another kind, and nil maps, are left
// as they are; each map is listed once. Not safe for use while the maps
// are read.
func OwnJSON(maps []*TextMap, limit int) bool {
	total := 0
	for _, m := range maps {
		if m != nil {
			total += len(m.json)
		}
	}
	if total > limit {
		return false
	}
	buf := make([]byte, 0, total)
	for _, m := range maps {
		if m == nil || len(m.json) == 0 {
			continue
		}
		start := len(buf)
		buf = append(buf, m.json...)
		m.json = buf[start:len(buf):len(buf)]
	}
	return true
}

// jsonDecode decodes a JSON string's source src from seg (decoded byte
// seg.Dec at offset seg.Src) up to decoded byte i, and returns the
// offset and the decoded byte it stopped at: the start of the escape or
// byte that decodes to byte i. (An escape's decoded bytes map to its
// backslash and the bytes after it, as a run ending there would map
// them.)
func jsonDecode(src []byte, seg Segment, i int) (off, dec int) {
	off, dec = int(seg.Src), int(seg.Dec)
	for dec < i && off < len(src) {
		if src[off] != '\\' {
			// A verbatim run, to the next escape.
			n := bytes.IndexByte(src[off:], '\\')
			if n < 0 {
				n = len(src) - off
			}
			if dec+n > i {
				n = i - dec
			}
			off, dec = off+n, dec+n
			continue
		}
		sw, dw := tree.JSONEscape(src, off)
		if dec+dw > i {
			break
		}
		off, dec = off+sw, dec+dw
	}
	return off, dec
}

// FieldSetter writes a field into a configuration object in the syntax of
// the file that declares it (JSON, YAML, HCL). It replaces the field's
// value when the field exists and inserts it otherwise, keeping the file's
// indentation. obj is the object's span (a Backend's Span): one setter
// may serve every object of a file, found by its span, so that an
// object that is never fixed (most) costs no setter of its own.
type FieldSetter interface {
	SetField(obj Span, name, value string) []analysis.TextEdit
}
