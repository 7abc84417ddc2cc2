package fastlyapi_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/loader/fastlyapi"
	"github.com/chainlint/chainlint/rules"
)

// loadExport loads content as the export at path, streamed (a transient
// parse cache), with disk telling the loader whether content is the file
// as on disk (which a streamed load releases once built).
func loadExport(t *testing.T, path string, content []byte, disk *fastlyapi.Disk) *graph.Graph {
	t.Helper()
	g := graph.NewGraph()
	build, ok := fastlyapi.Begin(g, path, content, true, nil, disk)
	if !ok || build == nil {
		t.Fatalf("%s is not an export", path)
	}
	build()
	g.Finish()
	return g
}

// onDisk writes src to a file name in dir and returns its path and the
// description of its load kept whole (not released).
func onDisk(t *testing.T, dir, name string, src []byte) (path string, kept []string) {
	t.Helper()
	path = filepath.Join(dir, name)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, describe(t, loadExport(t, path, bytes.Clone(src), nil))
}

// describe is what a load gives the analysis: problems, findings with
// their fixes' edits, every text decoded and the positions of its bytes,
// and the edit that sets a field on every backend.
func describe(t *testing.T, g *graph.Graph) []string {
	t.Helper()
	var out []string
	for _, p := range g.Problems {
		out = append(out, fmt.Sprintf("%s %s: %s", g.Files.Position(p.Pos), p.Rule, p.Message))
	}
	res, err := analyzer.Run(g, rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s %s [%s %s]: %s", f.Pos, f.Rule, f.Service, f.Object, f.Message))
		for _, fix := range f.Fixes {
			out = append(out, "  fix "+fix.String())
		}
	}
	text := func(what string, t graph.Text) {
		v := t.Decoded()
		line := fmt.Sprintf("%s %s %d bytes:", what, g.Files.Position(t.Pos), len(v))
		for i := 0; i < len(v); i += 1 + len(v)/7 {
			line += fmt.Sprintf(" %d@%s", i, g.Files.Position(t.PosAt(i)))
		}
		out = append(out, line, v)
	}
	for _, s := range g.Services {
		out = append(out, fmt.Sprintf("service %q %q %q %v", s.ID.Value, s.Name.Value, s.Dictionaries(), s.Platform))
		for _, sn := range s.Snippets {
			text("snippet "+sn.Name.Value, sn.Content)
		}
		for _, v := range s.VCLs {
			text("vcl "+v.Name.Value, v.Content)
		}
		for _, b := range s.Backends {
			out = append(out, fmt.Sprintf("backend %q %q %q %q", b.Name.Value, b.Address.Value, b.OverrideHost.Value, b.Shield.Value))
			for _, e := range b.Setter.SetField(b.Span, "override_host", "x.example.com") {
				out = append(out, fmt.Sprintf("  set: %s..%s %q", g.Files.Position(e.Pos), g.Files.Position(e.End), e.NewText))
			}
		}
		for _, l := range s.Links {
			out = append(out, fmt.Sprintf("link %q %q %q", l.Name.Value, l.ResourceID.Value, l.ResourceType.Value))
		}
	}
	for _, st := range g.Stores {
		out = append(out, fmt.Sprintf("store %q %q %q", st.ID.Value, st.Name.Value, st.Type))
	}
	return out
}

// TestReleasedExportKeepsNothingOfIt loads streamed exports (JSON with VCL
// in escaped strings, YAML) from disk twice: kept, and released once built.
// The released load's content is then overwritten, as the memory of an
// export read outside the heap is unmapped: a string the graph still
// shared with it would change. Both loads must describe the same graph —
// values, texts decoded again, positions inside texts, fixes read from
// the file again — and the released one must not hold its content.
func TestReleasedExportKeepsNothingOfIt(t *testing.T) {
	dir := t.TempDir()
	opts := estate.Options{Services: 120, Seed: 7}
	cases := map[string][]byte{
		"estate.json": estate.Bundle(opts),
		"estate.yaml": estate.YAMLBundle(opts),
		"escapes.json": []byte(`{"services": [` + strings.Repeat(`{"id": "s\u0031", "name": "caf\u00e9", "active_version": {"number": 1,
  "domains": [{"name": "a.example.com"}], "dictionaries": [{"name": "d\u0031"}],
  "snippets": [{"name": "r", "type": "recv", "priority": 10, "content": "set req.http.X = \"\u00e9\";\n\tif (req.url ~ \"^/x\") { return(pass); }\n"}],
  "backends": [{"name": "b", "address": "a.example.com", "port": 443}]}}, `, 40) +
			`{"id": "last", "active_version": {"number": 1}}], "stores": [{"id": "k1", "name": "kv", "type": "kv_store"}]}`),
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			path, kept := onDisk(t, dir, name, src)
			content := bytes.Clone(src)
			g := loadExport(t, path, content, &fastlyapi.Disk{})
			f := g.Files.Get(path)
			if !f.Released() || f.Content != nil {
				t.Fatalf("the streamed export was not released")
			}
			for i := range content {
				content[i] = '#'
			}
			if diff := cmp.Diff(kept, describe(t, g)); diff != "" {
				t.Fatalf("released load differs from the kept one (-kept +released):\n%s", diff)
			}
			if len(kept) < 200 {
				t.Fatalf("only %d lines described: the case should hold services, texts and fixes", len(kept))
			}
		})
	}
}

// TestExportOfLargeVCLIsKept: an export whose escaped VCL is most of the
// file is not released (copying the VCL would cost what releasing saves),
// and loads as a kept one does.
func TestExportOfLargeVCLIsKept(t *testing.T) {
	vcl := strings.Repeat(`set req.http.X-Long = \"a value\";\n`, 200)
	src := []byte(`{"services": [` + strings.Repeat(`{"id": "s", "active_version": {"number": 1, "vcls": [{"name": "main", "main": true, "content": "sub vcl_recv {\n`+vcl+`}\n"}]}}, `, 5) + `{"id": "t", "active_version": {"number": 1}}]}`)
	path, kept := onDisk(t, t.TempDir(), "large.json", src)
	g := loadExport(t, path, bytes.Clone(src), &fastlyapi.Disk{})
	if g.Files.Get(path).Released() {
		t.Fatal("an export of mostly VCL was released")
	}
	if diff := cmp.Diff(kept, describe(t, g)); diff != "" {
		t.Fatalf("(-kept +loaded to release):\n%s", diff)
	}
}

// TestReleasedExportIsCollected: once a streamed export is released,
// nothing the graph keeps holds its content (the shared setter's outline
// of a YAML file, say): the collector frees it while the graph lives.
func TestReleasedExportIsCollected(t *testing.T) {
	dir := t.TempDir()
	opts := estate.Options{Services: 60, Seed: 3}
	for name, src := range map[string][]byte{"e.json": estate.Bundle(opts), "e.yaml": estate.YAMLBundle(opts)} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
			content := bytes.Clone(src)
			held := weak.Make(&content[0])
			g := loadExport(t, path, content, &fastlyapi.Disk{})
			content = nil
			for range 3 {
				runtime.GC()
			}
			if held.Value() != nil {
				t.Fatal("the released export's content is still reachable")
			}
			runtime.KeepAlive(g)
		})
	}
}

// TestDroppedAsLoaded gives back an export's bytes as its load gets past
// them (Disk.Drop, as for an export read outside the heap), overwriting
// them at once: what the load reads after must not be among them. The
// graph is the one a kept load builds, the file is released even when it
// is mostly VCL, and the bytes given back are the services' (before the
// first, and after the last, are not). A load that fails in its last
// service after giving back the others reads the file again for the
// whole parse, which reports as the kept load's does.
func TestDroppedAsLoaded(t *testing.T) {
	defer fastlyapi.SetDropStep(1)() // these files are small: give back at every step
	dir := t.TempDir()
	opts := estate.Options{Services: 150, Seed: 5}
	vcl := strings.Repeat(`set req.http.X-Long = \"a value\";\n`, 100)
	large := []byte(`{"stores": [{"id": "k1", "name": "kv", "type": "kv_store"}], "services": [` + strings.Repeat(`{"id": "s", "active_version": {"number": 1, "vcls": [{"name": "main", "main": true, "content": "sub vcl_recv {\n`+vcl+`}\n"}]}}, `, 80) + `{"id": "t", "active_version": {"number": 1}}]}`)
	broken := estate.Bundle(opts)
	stores := bytes.Index(broken, []byte(`"stores"`))
	if stores < 0 {
		t.Fatal("the generated bundle has no stores")
	}
	i := bytes.LastIndex(broken[:stores], []byte(`"id": "`)) + len(`"id": "`) // the last service's
	broken = append(broken[:i:i], append([]byte(`x\q`), broken[i:]...)...)    // an escape the outline does not check
	yamlBroken := estate.YAMLBundle(opts)
	at := bytes.Index(yamlBroken, []byte("\nstores:")) + 1
	yamlBroken = append(yamlBroken[:at:at], append([]byte("    - id: z\n      active_version: *nowhere\n"), yamlBroken[at:]...)...) // an alias the line scan cannot see
	cases := map[string][]byte{
		"estate.json": estate.Bundle(opts),
		"estate.yaml": estate.YAMLBundle(opts),
		"large.json":  large,
		"broken.json": broken,
		"broken.yaml": yamlBroken,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			path, kept := onDisk(t, dir, name, src)
			content := bytes.Clone(src)
			dropped := 0
			low, high := len(content), 0
			disk := &fastlyapi.Disk{Drop: func(from, to int) {
				for i := from; i < to; i++ {
					content[i] = '#'
				}
				dropped += to - from
				low, high = min(low, from), max(high, to)
			}}
			g := loadExport(t, path, content, disk)
			if diff := cmp.Diff(kept, describe(t, g)); diff != "" {
				t.Fatalf("(-kept +given back as loaded):\n%s", diff)
			}
			if dropped < len(src)/2 {
				t.Errorf("gave back %d of %d bytes", dropped, len(src))
			}
			if first := bytes.Index(src, []byte(`{"id"`)); strings.HasSuffix(name, ".json") && (low < first || high > bytes.LastIndex(src, []byte("]"))) {
				t.Errorf("gave back bytes %d..%d, outside the services (from %d)", low, high, first)
			}
			f := g.Files.Get(path)
			if strings.HasPrefix(name, "broken") {
				if f.Released() || !bytes.Equal(f.Content, src) {
					t.Error("the failed load does not hold the file read again")
				}
				return
			}
			if !f.Released() {
				t.Error("not released")
			}
		})
	}
}

// TestChangedWhileDropped: an export that changes on disk while its load
// gives back its bytes can neither be released as it was read nor read
// again: it keeps its positions (services, backends, problems are where
// the kept load finds them) and reads as changed (no excerpt, no fix),
// and nothing points into the bytes given back.
func TestChangedWhileDropped(t *testing.T) {
	defer fastlyapi.SetDropStep(1)()
	src := estate.Bundle(estate.Options{Services: 100, Seed: 2})
	path := filepath.Join(t.TempDir(), "e.json")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	kept := loadExport(t, path, bytes.Clone(src), nil)
	content := bytes.Clone(src)
	changed := false
	disk := &fastlyapi.Disk{Drop: func(from, to int) {
		for i := from; i < to; i++ {
			content[i] = '#'
		}
		if !changed {
			changed = true
			if err := os.WriteFile(path, append(bytes.Clone(src), '\n'), 0o644); err != nil {
				t.Error(err)
			}
		}
	}}
	g := loadExport(t, path, content, disk)
	f := g.Files.Get(path)
	if !changed || !f.Released() || f.Content != nil {
		t.Fatalf("changed %v, released %v: want the file discarded", changed, f.Released())
	}
	if _, err := f.Range(0, 10); err == nil {
		t.Error("a discarded file's bytes read")
	}
	where := func(g *graph.Graph) (out []string, fixes int) {
		for _, s := range g.Services {
			out = append(out, fmt.Sprintf("%s %q", g.Files.Position(s.Pos), s.Name.Value))
			for _, b := range s.Backends {
				out = append(out, fmt.Sprintf("%s %q", g.Files.Position(b.Address.Pos), b.Address.Value))
				if b.Setter.SetField(b.Span, "override_host", "x") != nil {
					fixes++
				}
			}
		}
		return out, fixes
	}
	want, wantFixes := where(kept)
	got, gotFixes := where(g)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-kept +discarded):\n%s", diff)
	}
	if wantFixes == 0 || gotFixes != 0 {
		t.Errorf("%d fixes from the discarded file (the kept one: %d), want none", gotFixes, wantFixes)
	}
}
