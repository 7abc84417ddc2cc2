package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	synth "github.com/chainlint/chainlint/internal/synth/estate"
)

// BenchmarkReanalyze measures re-diagnosis after a one-file edit in a
// 1,000-service workspace (100 export files of 10 services): the time from
// the edit to the diagnostics being ready, parse cache warm. It reports
// the 95th percentile as p95-ms.
func BenchmarkReanalyze(b *testing.B) {
	dir := b.TempDir()
	var bundle struct {
		Services []json.RawMessage `json:"services"`
	}
	if err := json.Unmarshal(synth.Bundle(synth.Options{Services: 1000, Seed: 1}), &bundle); err != nil {
		b.Fatal(err)
	}
	var first string
	for i := 0; i < 100; i++ {
		part, _ := json.MarshalIndent(map[string]any{"services": bundle.Services[i*10 : i*10+10]}, "", "  ")
		name := filepath.Join(dir, fmt.Sprintf("part%03d.json", i))
		if err := os.WriteFile(name, part, 0o644); err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			first = name
		}
	}
	s := newServer(bytes.NewReader(nil), io.Discard, Options{})
	s.roots = []string{dir}
	s.initialized = true
	original, _ := os.ReadFile(first)
	s.analyze(s.gen) // warm the parse cache
	var times []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		edited := bytes.Replace(original, []byte(`"number": `), []byte(fmt.Sprintf(`"number": %d`, i%9)), 1)
		s.mu.Lock()
		s.docs[first] = edited
		s.mu.Unlock()
		start := time.Now()
		s.analyze(s.gen)
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	if len(times) > 0 {
		b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
	}
}
