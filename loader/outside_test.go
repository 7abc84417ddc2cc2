package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/synth/estate"
)

// TestOutsideHeap loads exports of more than outsideLeast bytes read
// outside the heap, as the command line does: each is released once
// built and its memory unmapped (OnUnmap is told its size), and the
// graph is the one a load on the heap builds — the services' values,
// texts decoded, positions, and fixes read from the file again. A
// string left in the unmapped memory would crash the test.
func TestOutsideHeap(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("exports are read outside the heap on Linux only")
	}
	dir := t.TempDir()
	opts := estate.Options{Services: 1200, Seed: 11}
	files := map[string][]byte{"a.json": estate.Bundle(opts), "b.yaml": estate.YAMLBundle(opts), "small.json": estate.Bundle(estate.Options{Services: 3, Seed: 1})}
	var large int64
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
		if len(src) >= outsideLeast {
			large += int64(len(src))
		} else if name != "small.json" {
			t.Fatalf("%s is %d bytes, under outsideLeast: the test reads nothing outside the heap", name, len(src))
		}
	}
	heap, err := Paths([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sizes Sizes
	var unmapped int64
	outside, err := Paths([]string{dir}, Options{OutsideHeap: true, OnRead: func(s Sizes) { sizes = s }, OnUnmap: func(n int64) { unmapped += n }})
	if err != nil {
		t.Fatal(err)
	}
	if sizes.Outside != large || unmapped != large {
		t.Errorf("read outside the heap %d bytes, unmapped %d; want %d (the exports of outsideLeast bytes or more)", sizes.Outside, unmapped, large)
	}
	for name := range files {
		if f := outside.Files.Get(filepath.Join(dir, name)); !f.Released() {
			t.Errorf("%s was not released", name)
		}
	}
	if diff := cmp.Diff(describeGraph(heap), describeGraph(outside)); diff != "" {
		t.Fatalf("(-on the heap +outside):\n%s", diff)
	}
}

// describeGraph lists what a graph holds of its exports.
func describeGraph(g *graph.Graph) []string {
	var out []string
	for _, p := range g.Problems {
		out = append(out, fmt.Sprintf("%s %s", g.Files.Position(p.Pos), p.Message))
	}
	for _, s := range g.Services {
		out = append(out, fmt.Sprintf("service %s %q %q %q", g.Files.Position(s.Pos), s.ID.Value, s.Name.Value, s.Dictionaries()))
		for _, d := range s.Domains {
			out = append(out, fmt.Sprintf("domain %s %q", g.Files.Position(d.Name.Pos), d.Name.Value))
		}
		for _, sn := range s.Snippets {
			v := sn.Content.Decoded()
			out = append(out, fmt.Sprintf("snippet %q at %s, byte %d at %s", v, g.Files.Position(sn.Content.Pos), len(v)/2, g.Files.Position(sn.Content.PosAt(len(v)/2))))
		}
		for _, b := range s.Backends {
			out = append(out, fmt.Sprintf("backend %s %q %q %q", g.Files.Position(b.Address.Pos), b.Name.Value, b.Address.Value, b.OverrideHost.Value))
			for _, e := range b.Setter.SetField(b.Span, "override_host", "x.example.com") {
				out = append(out, fmt.Sprintf("  set %s..%s %q", g.Files.Position(e.Pos), g.Files.Position(e.End), e.NewText))
			}
		}
		for _, l := range s.Links {
			out = append(out, fmt.Sprintf("link %q %q", l.Name.Value, l.ResourceID.Value))
		}
	}
	for _, st := range g.Stores {
		out = append(out, fmt.Sprintf("store %q %q", st.ID.Value, st.Name.Value))
	}
	return out
}
