package lint

import (
	"go/token"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
)

// TestEditSetMatchesEveryPair: an edit set takes, of a stream of edits
// (insertions, replacements, repeats), the ones the rule "no overlap with
// any edit taken, unless identical" takes when every pair is compared,
// in the same order of offsets.
func TestEditSetMatchesEveryPair(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var set editSet
		var naive []analyzer.Edit
		for range 60 {
			pos := r.IntN(100)
			end := pos
			if r.IntN(3) > 0 {
				end += r.IntN(6)
			}
			e := analyzer.Edit{Pos: token.Position{Offset: pos}, End: token.Position{Offset: end}, NewText: string(rune('a' + r.IntN(2)))}
			conflict := false
			for _, t := range naive {
				if !sameEdit(t, e) && overlaps(t, e) {
					conflict = true
				}
			}
			if got := set.conflicts(e); got != conflict {
				t.Fatalf("round %d: conflicts(%v) = %v, every pair says %v (taken %v)", round, e, got, conflict, naive)
			}
			if conflict {
				continue
			}
			set.add(e)
			if !slices.ContainsFunc(naive, func(t analyzer.Edit) bool { return sameEdit(t, e) }) {
				naive = append(naive, e)
			}
		}
		slices.SortFunc(naive, func(a, b analyzer.Edit) int { return a.Pos.Offset - b.Pos.Offset })
		if !slices.EqualFunc(set.edits, naive, sameEdit) {
			t.Fatalf("round %d: taken %v, every pair takes %v", round, set.edits, naive)
		}
	}
}
