package graph

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/loader/tree"
)

// lineContents are files of every shape a line table must read: empty,
// with and without a final line feed, more lines than a stride, and long
// lines (listed apart) first, last, alone, in a row and among short ones.
func lineContents() []string {
	long := strings.Repeat("x", longLineBytes)
	return []string{"", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\n\n", "x\r\ny\r\n", "no newline at all",
		strings.Repeat("line\n", lineStride), strings.Repeat("line\n", 3*lineStride+5) + "end",
		long, long + "\n", long[1:], long[1:] + "\n", long + "y" + long,
		"a\n" + long + "\nb\n" + long + long + "\n\n" + long,
		strings.Repeat("line\n", lineStride-1) + long + "\n" + strings.Repeat("line\n", 2*lineStride) + long,
		strings.Repeat(long+"\n", 3*lineStride) + "end",
		strings.Repeat("line\n"+long+"\nshort\n", lineStride+3)}
}

func TestLineStartsMatchesGoToken(t *testing.T) {
	for _, content := range lineContents() {
		f := token.NewFileSet().AddFile("f", -1, max(len(content), 1))
		f.SetLinesForContent([]byte(content))
		want := f.Lines()
		if len(want) == 0 {
			want = []int{0}
		}
		file := &File{Content: []byte(content), lines: LineStarts([]byte(content))}
		var got []int
		for line := 1; line <= file.LineCount(); line++ {
			got = append(got, file.lineStart(line))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%.40q… (-go/token +lineStarts):\n%s", content, diff)
		}
	}
}

// TestLineOfMatchesGoToken: every offset of every content is on the line,
// and at the column, go/token gives it.
func TestLineOfMatchesGoToken(t *testing.T) {
	for _, content := range lineContents() {
		tf := token.NewFileSet().AddFile("f", -1, len(content)+1)
		tf.SetLinesForContent([]byte(content))
		fs := NewFiles()
		file := fs.Add("f", []byte(content))
		for off := 0; off <= len(content); off++ {
			want := tf.Position(tf.Pos(off))
			if content == "" {
				want.Line, want.Column = 1, 1 // go/token numbers no line in an empty file
			}
			got := file.Position(file.Pos(off))
			if got.Line != want.Line || got.Column != want.Column {
				t.Fatalf("%.40q…: offset %d at %d:%d, go/token says %d:%d", content, off, got.Line, got.Column, want.Line, want.Column)
			}
		}
	}
}

// TestTextPosAt: a JSON string's decoded bytes map back to the source
// bytes they came from (an escape's output to its backslash), in a file
// that is not the first of its set (positions are not offsets).
func TestTextPosAt(t *testing.T) {
	fs := NewFiles()
	fs.Add("first.json", []byte(`{"pad": "some bytes before"}`))
	src := `{"vcl": "a\nbc\"d\\e\u00e9f"}`
	f := fs.Add("second.json", []byte(src))
	n, err := tree.ParseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	v := n.Get("vcl")
	text := Text{Field: Field[string]{Value: v.Text, Set: true}.At(f.Pos(v.Off), f.Pos(v.End))}
	text.Map = f.TextMap(v, text.Pos, tree.JSON)
	// decoded "a\nbc\"d\\eéf": byte → source offset (é's second byte lies
	// inside its escape, after the backslash)
	want := map[int]int{0: 9, 1: 10, 2: 12, 3: 13, 4: 14, 5: 16, 6: 17, 7: 19, 8: 20, 9: 21, 10: 26}
	for i, off := range want {
		if got := f.TF.Offset(text.PosAt(i)); got != off {
			t.Errorf("decoded byte %d (%q) at offset %d, want %d (%q)", i, v.Text[i], got, off, src[off])
		}
	}
}

// TestTextMapCheckpoints: a long JSON string with escapes, checkpointed,
// keeps a run only every jsonCheckpoint decoded bytes, and every decoded
// byte maps where the full runs map it (escapes of each kind, \u escapes of one to
// three UTF-8 bytes, a surrogate pair and a lone surrogate, non-ASCII
// written as it is).
func TestTextMapCheckpoints(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		b.WriteString(`set req.http.X-` + strconv.Itoa(i) + ` = \"v\";\n\t\\ \/ é \u00e9\u20ac\u0041\ud83d\ude00\ud800x\b\f\r`)
	}
	src := `{"vcl": "` + b.String() + `"}`
	checkTextMap(t, []byte(src), true)

	// Few enough runs for a chunk (chunk.Len/4), thinned where
	// they are.
	b.Reset()
	for i := 0; i < 12; i++ {
		b.WriteString(`set req.http.X-` + strconv.Itoa(i) + ` = 1; # and a comment of some length\n`)
	}
	src = `{"vcl": "` + b.String() + `"}`
	n, err := tree.ParseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if runs := len(n.Get("vcl").Segments); runs > chunk.Len/4 || runs < 8 {
		t.Fatalf("%d runs: not a slab's", runs)
	}
	checkTextMap(t, []byte(src), true)
}

// checkTextMap parses src, a JSON object with a string member "vcl",
// and checks that its checkpointed map agrees with the full runs.
func checkTextMap(t *testing.T, src []byte, wantCheckpoints bool) {
	t.Helper()
	n, err := tree.ParseJSON(src)
	if err != nil {
		if wantCheckpoints {
			t.Fatal(err)
		}
		return
	}
	v := n.Get("vcl")
	if v == nil || v.Kind != tree.String {
		return
	}
	fs := NewFiles()
	fs.Add("first.json", []byte(`{}`))
	f := fs.Add("vcl.json", src)
	field := Field[string]{Value: v.Text, Set: true}.At(f.Pos(v.Off), f.Pos(v.End))
	got := Text{Field: field, Map: f.TextMap(v, field.Pos, tree.JSON)}
	unchecked := Text{Field: field, Map: f.TextMap(v, field.Pos, tree.JSON)}
	got.Map.Checkpoint()
	// Maps from a slab (TextMaps), side by side in its chunks: thinning
	// one where it is leaves its neighbours' runs as they were.
	slab := new(TextMaps)
	before := Text{Field: field, Map: f.TextMapIn(slab, v, field.Pos, tree.JSON)}
	slabbed := Text{Field: field, Map: f.TextMapIn(slab, v, field.Pos, tree.JSON)}
	after := Text{Field: field, Map: f.TextMapIn(slab, v, field.Pos, tree.JSON)}
	slabbed.Map.Checkpoint()
	full := Text{Field: field, Map: f.TextMap(v, field.Pos, tree.YAML)} // every run, no decoding
	if wantCheckpoints && (got.Map == nil || got.Map.json == nil || len(got.Map.Runs) > len(v.Text)/jsonCheckpoint+1) {
		t.Fatalf("no checkpoints: %d runs for %d bytes", len(got.Map.Runs), len(v.Text))
	}
	check := func(how string, i int, g token.Pos) {
		if w := full.PosAt(i); g != w {
			t.Fatalf("%s: decoded byte %d of %q: offset %d, the full runs say %d", how, i, v.Text[max(0, i-8):min(len(v.Text), i+8)], f.TF.Offset(g), f.TF.Offset(w))
		}
	}
	for i := 0; i <= len(v.Text); i++ {
		check("checkpointed", i, got.PosAt(i))
		check("every run", i, unchecked.PosAt(i))
		check("checkpointed, from a slab", i, slabbed.PosAt(i))
		check("every run, from a slab, made before", i, before.PosAt(i))
		check("every run, from a slab, made after", i, after.PosAt(i))
	}
}

// FuzzTextMap: for any JSON string, the checkpointed map agrees with the
// full runs on every decoded byte.
func FuzzTextMap(f *testing.F) {
	for _, s := range []string{`{"vcl": "a\nb\"c\\d\u00e9\ud83d\ude00\ud800\u0000\t\/x"}`, `{"vcl": "plain"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkTextMap(t, src, false) })
}

// TestPositionMatchesGoToken: the files' own line tables give every
// position the file, line and column go/token gives with its line table,
// in a set of several files, through an alias, and at each file's end;
// NoPos and a position past every file give the zero Position.
func TestPositionMatchesGoToken(t *testing.T) {
	contents := []string{"", "\n", "a", "a\nb", "ab\n\ncd\r\ne\n", "\n\n\n", strings.Repeat("\n", lineStride), strings.Repeat("ab\n", 2*lineStride) + "\n",
		strings.Repeat("a\n\nbc\n", 3*lineStride+1) + "end", "x{\n  \"k\": 1\n}\n"}
	fs := NewFiles()
	ref := token.NewFileSet()
	check := func(f *File, rf *token.File) {
		for off := 0; off <= rf.Size(); off++ {
			got, want := fs.Position(f.Pos(off)), ref.Position(rf.Pos(off))
			if got != want {
				t.Errorf("%s offset %d: %v, go/token says %v", f.Name, off, got, want)
			}
		}
		for line := 1; line <= rf.LineCount(); line++ {
			if got, want := int(f.LineStart(line))-f.TF.Base(), int(rf.LineStart(line))-rf.Base(); got != want {
				t.Errorf("%s line %d starts at %d, go/token says %d", f.Name, line, got, want)
			}
		}
		if f.LineCount() != rf.LineCount() {
			t.Errorf("%s: %d lines, go/token says %d", f.Name, f.LineCount(), rf.LineCount())
		}
	}
	for i, content := range contents {
		name := fmt.Sprintf("f%d", i)
		f := fs.Add(name, []byte(content))
		rf := ref.AddFile(name, -1, max(len(content), 1))
		rf.SetLinesForContent([]byte(content))
		if rf.LineCount() == 0 {
			rf.SetLines([]int{0}) // an empty file has one line (file:1:1)
		}
		check(f, rf)
	}
	last := contents[len(contents)-1]
	alias := fs.Alias(fmt.Sprintf("f%d", len(contents)-1), "instance")
	ra := ref.AddFile(alias.Name, -1, len(last))
	ra.SetLinesForContent([]byte(last))
	check(alias, ra)
	if got := fs.Position(token.NoPos); got != (token.Position{}) {
		t.Errorf("NoPos: %v, want the zero Position", got)
	}
	if got := fs.Position(token.Pos(fs.Fset.Base() + 10)); got != (token.Position{}) {
		t.Errorf("a position past every file: %v, want the zero Position", got)
	}
}

// TestPinnedSegment: bytes of a pinned run all stand at its position;
// the runs around it advance byte by byte.
func TestPinnedSegment(t *testing.T) {
	fs := NewFiles()
	f := fs.Add("t.tftpl", []byte("a ${x} b\n"))
	at := f.Pos(0)
	// decoded "a XYZ b\n": "a " verbatim, "XYZ" from ${x} (at offset 2),
	// " b\n" verbatim from offset 6.
	text := Text{Field: Field[string]{Value: "a XYZ b\n", Set: true}.At(at, f.Pos(9)),
		Map: &TextMap{Runs: []Segment{NewSegment(0, f.Pos(0), at), PinnedSegment(2, f.Pos(2), at), NewSegment(5, f.Pos(6), at)}}}
	for i, want := range []int{0, 1, 2, 2, 2, 6, 7, 8} {
		if got := int(text.PosAt(i) - at); got != want {
			t.Errorf("PosAt(%d) = offset %d, want %d", i, got, want)
		}
	}
}

// TestLongLinesListed: a line of longLineBytes or more is listed apart
// with its end, so that a position on it is found without counting line
// feeds from its start (BenchmarkPositionOneLine).
func TestLongLinesListed(t *testing.T) {
	long := strings.Repeat("x", longLineBytes)
	content := "short\n" + long + "\nshort\n" + long
	got := LineStarts([]byte(content)).long
	want := []longLine{{line: 2, start: 6, end: int32(7 + len(long))}, {line: 4, start: int32(13 + len(long)), end: int32(len(content))}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(longLine{})); diff != "" {
		t.Errorf("long lines (-want +got):\n%s", diff)
	}
}

// BenchmarkPositionOneLine finds 20,000 positions in a 5 MB export on one
// line (minified JSON), as the analyzer does for 20,000 findings: counted
// from the line's start, that took 2 s.
func BenchmarkPositionOneLine(b *testing.B) {
	content := []byte(strings.Repeat(`{"name": "same.example.com"}, `, 5<<20/30))
	fs := NewFiles()
	f := fs.Add("export.json", content)
	b.ResetTimer()
	for b.Loop() {
		for off := 0; off < len(content); off += len(content) / 20000 {
			if p := f.Position(f.Pos(off)); p.Line != 1 {
				b.Fatalf("line %d", p.Line)
			}
		}
	}
}
