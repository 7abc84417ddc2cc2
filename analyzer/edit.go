package analyzer

import (
	"fmt"
	"sort"
)

// ApplyEdits applies text edits to one file's content. Edits are applied
// in offset order; overlapping edits are an error (two fixes that touch the
// same bytes cannot both be applied mechanically), and an edit repeated
// exactly (two findings with the same fix) is applied once.
func ApplyEdits(src []byte, edits []Edit) ([]byte, error) {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Pos.Offset != sorted[j].Pos.Offset {
			return sorted[i].Pos.Offset < sorted[j].Pos.Offset
		}
		return sorted[i].End.Offset < sorted[j].End.Offset
	})
	var out []byte
	last := 0
	var prev *Edit
	for i := range sorted {
		e := &sorted[i]
		if prev != nil && prev.Pos.Offset == e.Pos.Offset && prev.End.Offset == e.End.Offset && prev.NewText == e.NewText {
			continue
		}
		if e.Pos.Offset < last || e.End.Offset < e.Pos.Offset || e.End.Offset > len(src) {
			return nil, fmt.Errorf("%s: edit at offsets %d..%d overlaps another or lies outside the file", e.Pos.Filename, e.Pos.Offset, e.End.Offset)
		}
		out = append(out, src[last:e.Pos.Offset]...)
		out = append(out, e.NewText...)
		last = e.End.Offset
		prev = e
	}
	return append(out, src[last:]...), nil
}
