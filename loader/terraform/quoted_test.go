package terraform

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/loader/tree"
)

// TestQuotedSegments: each escape starts a segment at its backslash and
// the text after it one of its own; what is not a plain string is refused.
func TestQuotedSegments(t *testing.T) {
	for _, tt := range []struct {
		src, want string
		segs      []tree.Segment
		ok        bool
	}{
		{`"ab(\"key\", x)"`, `ab("key", x)`, []tree.Segment{{Dec: 0, Src: 101}, {Dec: 3, Src: 104}, {Dec: 4, Src: 106}, {Dec: 7, Src: 109}, {Dec: 8, Src: 111}}, true},
		{`"plain"`, "plain", []tree.Segment{{Dec: 0, Src: 101}}, true},
		{`"a\nb\u00e9$${x}"`, "a\nbé${x}", []tree.Segment{{Dec: 0, Src: 101}, {Dec: 1, Src: 102}, {Dec: 2, Src: 104}, {Dec: 3, Src: 105}, {Dec: 5, Src: 111}, {Dec: 7, Src: 114}}, true},
		{`""`, "", []tree.Segment{{Dec: 0, Src: 101}}, true},
		{`"${var.x}"`, "", nil, false},
		{`"a\qb"`, "", nil, false},
		{`"abc"`, "abd", nil, false},
		{`<<EOT`, "", nil, false},
	} {
		segs, ok := quotedSegments([]byte(tt.src), 100, tt.want)
		if ok != tt.ok {
			t.Errorf("%s: ok %v, want %v", tt.src, ok, tt.ok)
			continue
		}
		if diff := cmp.Diff(tt.segs, segs); ok && diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.src, diff)
		}
	}
}
