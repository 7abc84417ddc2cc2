package vcl

import (
	"bytes"
	"os"
	"testing"
)

// corpusSources reads the real-world corpus once for the benchmarks.
func corpusSources(b *testing.B) ([][]byte, []string, int64) {
	var srcs [][]byte
	var types []string
	var total int64
	for _, path := range corpusFiles(b) {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		types = append(types, snippetType(path))
		total += int64(len(src))
	}
	return srcs, types, total
}

// BenchmarkParseCorpus parses every corpus file; MB/s is parse throughput.
func BenchmarkParseCorpus(b *testing.B) {
	srcs, types, total := corpusSources(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			ParseSnippet(src, types[i])
		}
	}
}

// BenchmarkLexCorpus tokenizes the same bytes: the VCL lexer alone.
func BenchmarkLexCorpus(b *testing.B) {
	srcs, _, total := corpusSources(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			lx := NewLexer(src)
			for lx.Next().Kind != EOF {
			}
		}
	}
}

// BenchmarkByteScan counts lines in the same bytes: the floor any parser
// that reads every byte is measured against.
func BenchmarkByteScan(b *testing.B) {
	srcs, _, total := corpusSources(b)
	b.SetBytes(total)
	n := 0
	for b.Loop() {
		for _, src := range srcs {
			n += bytes.Count(src, []byte{'\n'})
		}
	}
	_ = n
}
