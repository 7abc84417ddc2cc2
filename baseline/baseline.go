// Package baseline records the findings of an existing estate so that a
// team can adopt chainlint without fixing every old finding first: with
// --baseline only findings not recorded are reported. Entries are keyed by
// rule, service and object (the file stands in for a service when a
// finding is about a file), never by line, so edits elsewhere do not
// resurface them; a key recorded twice absorbs two findings.
package baseline

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/internal/safefile"
)

// File is the baseline document.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding.
type Entry struct {
	Rule    string `json:"rule"`
	Service string `json:"service,omitempty"`
	Object  string `json:"object,omitempty"`
	File    string `json:"file,omitempty"`
	Count   int    `json:"count"`
}

type key struct{ rule, service, object, file string }

func keyOf(f analyzer.Finding, rel func(string) string) key {
	k := key{rule: f.Rule, service: f.Service, object: f.Object}
	if f.Service == "" {
		k.file = rel(f.Pos.Filename)
	}
	return k
}

// Write records findings in path, sorted so that the file diffs cleanly.
func Write(path string, findings []analyzer.Finding, rel func(string) string) error {
	counts := map[key]int{}
	for _, f := range findings {
		counts[keyOf(f, rel)]++
	}
	doc := File{Version: 1, Findings: []Entry{}}
	for k, n := range counts {
		doc.Findings = append(doc.Findings, Entry{Rule: k.rule, Service: k.service, Object: k.object, File: k.file, Count: n})
	}
	sort.Slice(doc.Findings, func(i, j int) bool {
		a, b := doc.Findings[i], doc.Findings[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		return a.File < b.File
	})
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return safefile.Write(path, append(out, '\n'), 0o644)
}

// Baseline is a loaded baseline.
type Baseline struct {
	counts map[key]int
}

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	b, err := safefile.Read(path, 0)
	if err != nil {
		return nil, err
	}
	var doc File
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: not a chainlint baseline: %w", path, err)
	}
	if doc.Version != 1 {
		return nil, fmt.Errorf("%s: baseline version %d, want 1 (write it again with --write-baseline)", path, doc.Version)
	}
	bl := &Baseline{counts: map[key]int{}}
	for _, e := range doc.Findings {
		bl.counts[key{e.Rule, e.Service, e.Object, e.File}] += max(e.Count, 1)
	}
	return bl, nil
}

// Filter returns the findings the baseline does not account for.
func (b *Baseline) Filter(findings []analyzer.Finding, rel func(string) string) []analyzer.Finding {
	left := make(map[key]int, len(b.counts))
	for k, n := range b.counts {
		left[k] = n
	}
	var out []analyzer.Finding
	for _, f := range findings {
		k := keyOf(f, rel)
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}
