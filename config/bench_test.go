package config

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkExcluded: 1,000 exclude globs over 2,000 files three levels
// deep (goal: the whole walk's checks in well under a second).
func BenchmarkExcluded(b *testing.B) {
	for _, n := range []int{0, 20, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c := &Config{Path: "/repo/.chainlint.yaml"}
			for i := range n {
				c.Exclude = append(c.Exclude, fmt.Sprintf("services/team%d/**/*.json", i))
			}
			paths := make([]string, 2000)
			for i := range paths {
				paths[i] = filepath.Join("/repo", "services", fmt.Sprintf("group%d", i%50), fmt.Sprintf("s%d", i), "estate.json")
			}
			for b.Loop() {
				for _, p := range paths {
					c.Excluded(p)
				}
			}
		})
	}
}
