package tree

import (
	"encoding/json"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/internal/synth/estate"
)

// BenchmarkParseJSON parses a 1,000-service export bundle; compare with
// BenchmarkDecodeJSON, encoding/json into any, the floor for this input.
func BenchmarkParseJSON(b *testing.B) {
	src := estate.Bundle(estate.Options{Services: 1000, Seed: 1})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseJSON(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeJSON(b *testing.B) {
	src := estate.Bundle(estate.Options{Services: 1000, Seed: 1})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(src, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseYAML parses the same bundle as YAML; BenchmarkDecodeYAML
// is yaml.v3 into a yaml.Node alone.
func BenchmarkParseYAML(b *testing.B) {
	src := yamlBundle(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseYAML(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeYAML(b *testing.B) {
	src := yamlBundle(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var n yaml.Node
		if err := yaml.Unmarshal(src, &n); err != nil {
			b.Fatal(err)
		}
	}
}

func yamlBundle(b *testing.B) []byte {
	var v any
	if err := json.Unmarshal(estate.Bundle(estate.Options{Services: 1000, Seed: 1}), &v); err != nil {
		b.Fatal(err)
	}
	y, err := yaml.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	return y
}
