package terraform

import (
	"hash/maphash"
	"slices"

	"github.com/chainlint/chainlint/graph"
)

// readFiles are the .vcl and template files file() and templatefile()
// loaded, by path, and by a hash of the content they held when loaded, so
// that fileRead finds the files a value was read from without comparing
// it with every file read: a scan of them all for every file() value cost
// a time that grew with the square of the estate (1,488 files, 16,000
// services: 2.2 million comparisons, 4.8 times the time at half the size).
type readFiles struct {
	byPath map[string]*graph.File
	// byContent lists the paths by a hash of the content each held when
	// it was added; matching compares a candidate's content as it is now.
	byContent map[uint64][]string
	seed      maphash.Seed
}

func newReadFiles() *readFiles {
	return &readFiles{byPath: map[string]*graph.File{}, byContent: map[uint64][]string{}, seed: maphash.MakeSeed()}
}

// add records f as the file read from path p.
func (r *readFiles) add(p string, f *graph.File) {
	if old, ok := r.byPath[p]; ok && old == f {
		return
	}
	r.byPath[p] = f
	h := maphash.Bytes(r.seed, f.Content)
	if !slices.Contains(r.byContent[h], p) {
		r.byContent[h] = append(r.byContent[h], p)
	}
}

// matching returns the files read whose content is content, in no
// particular order.
func (r *readFiles) matching(content string) []*graph.File {
	var out []*graph.File
	for _, p := range r.byContent[maphash.String(r.seed, content)] {
		if f := r.byPath[p]; string(f.Content) == content && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}
