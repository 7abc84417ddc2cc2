package textdist

import "testing"

func TestLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"rulez", "rules", 1}, {"é", "e", 1}} {
		if got := Levenshtein(tt.a, tt.b); got != tt.d {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
	if c, ok := Closest("iad-va-usa", []string{"amsterdam-nl", "iad-va-us"}, 3); !ok || c != "iad-va-us" {
		t.Errorf("Closest = %q %v", c, ok)
	}
	if _, ok := Closest("zzzzzz", []string{"iad-va-us"}, 2); ok {
		t.Error("a distant candidate was suggested")
	}
}
