package english

import "testing"

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 hops", 1: "1 hop", 2: "2 hops", 51: "51 hops"} {
		if got := Plural(n, "hop"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}
