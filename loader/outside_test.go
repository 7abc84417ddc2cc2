package loader

import (
	"errors"
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
		if int64(len(src)) >= outsideLeast {
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
			if b.Setter == nil { // a backend of custom VCL
				continue
			}
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

// TestOutsideHeapTerraform loads Terraform read outside the heap, every
// file of it (outsideLeast lowered), as the command line reads large .tf
// files: a streamed load cuts them into pieces that point into that
// memory and gives it back page by page as the resources are built, and
// the rest when the load ends. The graph must be the one a load on the
// heap builds, every byte read outside must be given back, and a piece
// read after its memory is given back would crash the test. The inputs
// take every way a load reads a .tf file: streamed (the loader's and the
// corpus's modules: calls, counts, cycles), a streamed load that fails
// and is done again whole (a resource that does not parse), a module
// parsed whole (an override file), and a large estate whose pages are
// given back while it loads.
func TestOutsideHeapTerraform(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("files are read outside the heap on Linux only")
	}
	least := outsideLeast
	outsideLeast = 1
	t.Cleanup(func() { outsideLeast = least })

	estateDir := func(services int, extra map[string]string) string {
		dir := t.TempDir()
		files := estate.TerraformFiles(estate.Options{Services: services, Seed: 5})
		for name, text := range extra {
			files[name] = append(files[name], text...)
		}
		if err := estate.Write(dir, files); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	dirs := map[string]string{
		"estate":                                 estateDir(1000, nil), // pages given back as it loads
		"estate, a resource that does not parse": estateDir(300, map[string]string{"main.tf": "\nresource \"fastly_service_vcl\" \"broken\" {\n  name = \n}\n"}),
		"estate, an override file":               estateDir(300, map[string]string{"override.tf": "variable \"unused\" {\n  default = \"x\"\n}\n"}),
		// file() of the .tf file itself: the load reads it through the
		// file it outlined (whose content it has released by then, so
		// the value is empty, on the heap as outside it), and must
		// neither fault nor build another graph.
		"estate, a snippet that reads main.tf": estateDir(300, map[string]string{"main.tf": `
resource "fastly_service_vcl" "reads_itself" {
  name = "reads-itself"
  domain {
    name = "itself.example.com"
  }
  backend {
    name    = "origin"
    address = "origin.example.com"
  }
  snippet {
    name    = "itself"
    type    = "recv"
    content = file("${path.module}/main.tf")
  }
}
`}),
	}
	for _, root := range []string{"terraform/testdata", "../testdata/realworld/terraform/security-use-cases"} {
		entries, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() && e.Name() != "fuzz" {
				dirs[e.Name()] = filepath.Join(root, e.Name())
			}
		}
	}
	// A file rewritten once read cannot be released (graph.Files.Release):
	// the graph keeps a copy of what was read.
	rewritten := estateDir(300, nil)
	dirs["estate, rewritten once read"] = rewritten
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			heap, err := Paths([]string{dir}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := describeGraph(heap) // before a rewrite
			var sizes Sizes
			var unmapped int64
			onRead := func(s Sizes) {
				sizes = s
				if dir == rewritten {
					f, err := os.OpenFile(filepath.Join(dir, "main.tf"), os.O_APPEND|os.O_WRONLY, 0)
					if err != nil {
						t.Fatal(err)
					}
					_, err = f.WriteString("# rewritten\n")
					if err := errors.Join(err, f.Close()); err != nil {
						t.Fatal(err)
					}
				}
			}
			outside, err := Paths([]string{dir}, Options{OutsideHeap: true, OnRead: onRead, OnUnmap: func(n int64) { unmapped += n }})
			if err != nil {
				t.Fatal(err)
			}
			if sizes.Outside < sizes.HCL {
				t.Errorf("read %d bytes of HCL, %d outside the heap: the test reads the .tf files on the heap", sizes.HCL, sizes.Outside)
			}
			// Exports not released stay mapped (Options.OutsideHeap);
			// every .tf file is given back.
			if unmapped < sizes.HCL || unmapped > sizes.Outside || sizes.Outside == sizes.HCL && unmapped != sizes.Outside {
				t.Errorf("read outside the heap %d bytes, %d of them .tf files; gave back %d", sizes.Outside, sizes.HCL, unmapped)
			}
			runtime.GC() // a pointer left into memory given back is found here
			if diff := cmp.Diff(want, describeGraph(outside)); diff != "" {
				t.Fatalf("(-on the heap +outside):\n%s", diff)
			}
		})
	}
}

// FuzzOutsideHeapTerraform loads arbitrary bytes as a module's main.tf read
// outside the heap (every file, outsideLeast lowered): never a fault (a
// piece read after its memory is given back), every byte given back, and
// the graph the one a load on the heap builds.
func FuzzOutsideHeapTerraform(f *testing.F) {
	if runtime.GOOS != "linux" {
		f.Skip("files are read outside the heap on Linux only")
	}
	for _, pattern := range []string{"terraform/testdata/*/*.tf", "../testdata/realworld/terraform/*/*/*.tf"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	least := outsideLeast
	outsideLeast = 1
	f.Cleanup(func() { outsideLeast = least })
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		heap, err := Paths([]string{dir}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := describeGraph(heap)
		var sizes Sizes
		var unmapped int64
		outside, err := Paths([]string{dir}, Options{OutsideHeap: true, OnRead: func(s Sizes) { sizes = s }, OnUnmap: func(n int64) { unmapped += n }})
		if err != nil {
			t.Fatal(err)
		}
		if unmapped != sizes.Outside {
			t.Errorf("read outside the heap %d bytes, gave back %d", sizes.Outside, unmapped)
		}
		if diff := cmp.Diff(want, describeGraph(outside)); diff != "" {
			t.Fatalf("(-on the heap +outside):\n%s", diff)
		}
	})
}
