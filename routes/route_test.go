package routes

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestNamesFirst holds the index's search to slices.BinarySearch's answer
// on hashes that spread evenly, that bunch, that repeat, and that are all
// one.
func TestNamesFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	lists := map[string][]uint64{"empty": nil, "one": {42}}
	even := make([]uint64, 5000)
	for i := range even {
		even[i] = r.Uint64()
	}
	lists["even"] = even
	bunched := make([]uint64, 3000)
	for i := range bunched {
		bunched[i] = r.Uint64N(1 << 20) // all near 0: every guess is far off
	}
	lists["bunched"] = bunched
	repeats := make([]uint64, 2000)
	for i := range repeats {
		repeats[i] = r.Uint64N(16) << 60
	}
	lists["repeats"] = repeats
	lists["all one"] = slices.Repeat([]uint64{1 << 63}, 1000)
	for name, hs := range lists {
		slices.Sort(hs)
		ns := &names{hashes: hs}
		targets := []uint64{0, 1, 1<<63 - 1, 1 << 63, 1<<63 + 1, ^uint64(0) - 1, ^uint64(0)}
		for range 2000 {
			targets = append(targets, r.Uint64())
		}
		for _, h := range hs {
			targets = append(targets, h, h-1, h+1)
		}
		for _, h := range targets {
			wi, wf := slices.BinarySearch(hs, h)
			if gi, gf := ns.first(h); gi != wi || gf != wf {
				t.Fatalf("%s: first(%#x) = %d, %v; want %d, %v", name, h, gi, gf, wi, wf)
			}
		}
	}
}
