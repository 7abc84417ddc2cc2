package graph

import (
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLineStartsMatchesGoToken(t *testing.T) {
	for _, content := range []string{"", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\n\n", "x\r\ny\r\n", "no newline at all"} {
		f := token.NewFileSet().AddFile("f", -1, max(len(content), 1))
		f.SetLinesForContent([]byte(content))
		want := f.Lines()
		if len(want) == 0 {
			want = []int{0}
		}
		if diff := cmp.Diff(want, lineStarts([]byte(content))); diff != "" {
			t.Errorf("%q (-go/token +lineStarts):\n%s", content, diff)
		}
	}
}
