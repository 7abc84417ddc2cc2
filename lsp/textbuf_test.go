package lsp

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveApply is the obvious didChange: find each range with offsetOf over
// the whole text and copy the text around the replacement.
func naiveApply(text []byte, changes []contentChange) []byte {
	for _, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		start, end := offsetOf(text, c.Range.Start), offsetOf(text, c.Range.End)
		if end < start {
			start, end = end, start
		}
		text = append(append(append([]byte(nil), text[:start]...), c.Text...), text[end:]...)
	}
	return text
}

// randomChanges makes n edits whose positions fall anywhere, past line
// and text ends too, inserting text with line breaks and multi-byte and
// astral characters.
func randomChanges(r *rand.Rand, lines, n int) []contentChange {
	pieces := []string{"", "x", "\n", "é", "😀", "ab\ncd", "\n\n", "set req.http.Host = \"a\";\n", strings.Repeat("y", 5000), strings.Repeat("z\n", 3000)}
	pos := func() Position { return Position{Line: r.IntN(lines + 3), Character: r.IntN(40)} }
	out := make([]contentChange, n)
	for i := range out {
		rg := Range{Start: pos(), End: pos()}
		if r.IntN(3) == 0 {
			rg.End = rg.Start
		}
		out[i] = contentChange{Range: &rg, Text: pieces[r.IntN(len(pieces))]}
	}
	return out
}

// TestApplyChangesMatchesNaive: the chunked buffer gives the text the
// obvious implementation gives, for random edits on texts with multi-byte
// characters that straddle chunk ends.
func TestApplyChangesMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	line := "backend F_x { .host = \"é😀\"; }\n"
	for trial := range 200 {
		text := []byte(strings.Repeat(line, r.IntN(600)))
		lines := bytes.Count(text, []byte{'\n'})
		changes := randomChanges(r, lines, 1+r.IntN(40))
		if trial%20 == 0 { // a whole-document change among the edits
			changes[len(changes)/2] = contentChange{Text: strings.Repeat("é\n", 3000)}
		}
		want := naiveApply(append([]byte(nil), text...), changes)
		got := applyChanges(append([]byte(nil), text...), changes)
		if !bytes.Equal(got, want) {
			t.Fatalf("trial %d: texts differ (lengths %d, %d)", trial, len(got), len(want))
		}
	}
}

// TestTextBufferOffset: every position of a text maps as offsetOf maps it.
func TestTextBufferOffset(t *testing.T) {
	text := []byte(strings.Repeat("aé😀\n\n"+strings.Repeat("b", 5000)+"\n", 5))
	buf := newTextBuffer(text)
	for line := 0; line < 20; line++ {
		for _, ch := range []int{0, 1, 2, 3, 4, 5, 4099, 4100, 5000, 6000} {
			p := Position{Line: line, Character: ch}
			if got, want := buf.offset(p), offsetOf(text, p); got != want {
				t.Errorf("offset(%+v) = %d, want %d", p, got, want)
			}
		}
	}
}

// BenchmarkDidChange: 8,000 incremental edits in one didChange on a 2 MB
// document (goal: well under a second).
func BenchmarkDidChange(b *testing.B) {
	text := []byte(strings.Repeat("      \"address\": \"origin.example.com\",\n", 2<<20/39))
	r := rand.New(rand.NewPCG(3, 4))
	lines := bytes.Count(text, []byte{'\n'})
	changes := make([]contentChange, 8000)
	for i := range changes {
		p := Position{Line: r.IntN(lines), Character: 17}
		changes[i] = contentChange{Range: &Range{Start: p, End: Position{Line: p.Line, Character: 23}}, Text: "backend"}
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		applyChanges(text, changes)
	}
}

// TestCodeSpan: a name cannot close the code span it is written in.
func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"www":      "`www`",
		"a`b":      "``a`b``",
		"`x``":     "``` `x`` ```",
		"a\x1b[1m": "`a\\x1b[1m`",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
}
