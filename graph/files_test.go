package graph

import (
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/loader/tree"
)

func TestLineStartsMatchesGoToken(t *testing.T) {
	for _, content := range []string{"", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\n\n", "x\r\ny\r\n", "no newline at all"} {
		f := token.NewFileSet().AddFile("f", -1, max(len(content), 1))
		f.SetLinesForContent([]byte(content))
		want := f.Lines()
		if len(want) == 0 {
			want = []int{0}
		}
		if diff := cmp.Diff(want, LineStarts([]byte(content))); diff != "" {
			t.Errorf("%q (-go/token +lineStarts):\n%s", content, diff)
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
	text := Text{Field: Field[string]{Value: v.Text, Pos: f.Pos(v.Off), End: f.Pos(v.End), Set: true}}
	text.Segments = f.Segments(v, text.Pos)
	// decoded "a\nbc\"d\\eéf": byte → source offset (é's second byte lies
	// inside its escape, after the backslash)
	want := map[int]int{0: 9, 1: 10, 2: 12, 3: 13, 4: 14, 5: 16, 6: 17, 7: 19, 8: 20, 9: 21, 10: 26}
	for i, off := range want {
		if got := f.TF.Offset(text.PosAt(i)); got != off {
			t.Errorf("decoded byte %d (%q) at offset %d, want %d (%q)", i, v.Text[i], got, off, src[off])
		}
	}
}
