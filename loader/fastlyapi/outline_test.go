package fastlyapi

import (
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/loader/tree"
)

// TestOutlineExport pins which files stream: without it, an outline that
// always gave up would leave TestStreamMatchesWhole comparing the whole
// parse with itself.
func TestOutlineExport(t *testing.T) {
	svc := `{"id": "S", "active_version": {"backends": []}}`
	for src, streams := range map[string]bool{
		`{"services": [` + svc + `], "stores": []}`: true,
		`{"services": null}`:                        true,
		"\xEF\xBB\xBF [" + svc + "]":                true,
		svc:                                         false, // one service: parsed whole
		`[1, 2]`:                                    false,
		`{"services": "none"}`:                      false,
		`{"services": [` + svc + `]} x`:             false,
		`{"services": [{"id": "a"]}]}`:              false,
	} {
		if got := outlineExport([]byte(src)) != nil; got != streams {
			t.Errorf("%q: streams %v, want %v", src, got, streams)
		}
	}
}

// TestYAMLStreams pins which YAML files stream to the end (a stream that
// fell back would leave TestYAMLStreamMatchesWhole comparing the whole
// parse with itself).
func TestYAMLStreams(t *testing.T) {
	svc := "- id: S\n  active_version:\n    backends: []\n"
	indented := strings.ReplaceAll(svc, "\n ", "\n   ")
	generated := estate.YAMLBundle(estate.Options{Services: 50, Seed: 1})
	for src, streams := range map[string]bool{
		string(generated):                                               true,
		"services:\n" + svc + svc + "stores: []\n":                      true,
		"services:\n  " + indented + "  " + indented:                    true,
		"# services\n" + svc + svc:                                      true,
		"services: []\n":                                                false, // no items to stream
		"- 1\n" + svc:                                                   false, // not a service list
		"services:\n" + svc + "- &a {x: 1}\n- *a\n":                     true,  // an alias in a batch
		"services:\n- &a {x: 1}\n" + strings.Repeat(svc, 20) + "- *a\n": false, // across batches
		"note: \"\nservices:\n" + svc + "\"\nservices:\n":               false, // the key is in a string
		"services:\n" + svc + "services: 1\n":                           false,
	} {
		o := outlineYAML(nil, []byte(src))
		got := false
		if o != nil {
			g := graph.NewGraph()
			l := &loader{g: g, f: g.Files.Add("e.yaml", []byte(src)), syntax: syntaxOf("e.yaml")}
			got = l.streamYAML(o)
		}
		if got != streams {
			t.Errorf("%q: streams %v, want %v", src, got, streams)
		}
	}
}

// TestFragmentSize: fragments are a whole number of units (a YAML
// parse's batch: an alias finds only its own batch's anchors), at most 32
// items but for a unit larger, and split a small file among the cores.
func TestFragmentSize(t *testing.T) {
	for _, tt := range []struct{ n, unit, procs, want int }{
		{8000, 1, 2, 32},
		{10, 1, 2, 5},
		{10, 1, 4, 3},
		{1, 1, 2, 1},
		{0, 1, 2, 1},
		{3, tree.YAMLBatch, 2, 16},
		{40, tree.YAMLBatch, 2, 32},
		{8000, tree.YAMLBatch, 2, 32},
		{100, 64, 2, 64},
	} {
		got := fragmentSize(tt.n, tt.unit, tt.procs)
		if got != tt.want || got%tt.unit != 0 {
			t.Errorf("fragmentSize(%d, %d, %d) = %d, want %d", tt.n, tt.unit, tt.procs, got, tt.want)
		}
	}
}
