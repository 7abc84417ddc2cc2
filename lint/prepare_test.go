package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/rules"
	"github.com/chainlint/chainlint/vclmodel"
)

// TestPrepareMatchesThePass: the VCL model reading services as the loader
// builds them (loader.Options.Prepare, what Run does) finds what its pass
// alone finds after the load: the same findings, problems, notes and
// secrets, in the same order. Exports in JSON and YAML (the loaders that
// prepare, in parallel fragments) and the examples.
func TestPrepareMatchesThePass(t *testing.T) {
	dir := t.TempDir()
	o := estate.Options{Services: 400, Seed: 3}
	files := map[string][]byte{"estate.json": estate.Bundle(o), "estate.yaml": estate.YAMLBundle(estate.Options{Services: 120, Seed: 4}), "odd.json": oddExport(70)}
	if err := estate.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	inputs := []string{filepath.Join(dir, "estate.json"), filepath.Join(dir, "estate.yaml"), filepath.Join(dir, "odd.json"), "../testdata/examples"}
	if entries, err := os.ReadDir("../testdata/realworld/estates"); err == nil {
		for _, e := range entries {
			inputs = append(inputs, filepath.Join("../testdata/realworld/estates", e.Name()))
		}
	}
	type run struct {
		Findings              []analyzer.Finding
		Problems, Notes       []graph.Problem
		Secrets               []graph.Span
		Services, VCLServices int
	}
	lintWith := func(path string, prepare func(g, sink *graph.Graph, s *graph.Service)) run {
		g, err := loader.Paths([]string{path}, loader.Options{Prepare: prepare})
		if err != nil {
			t.Fatal(err)
		}
		prof, _ := analyzer.ProfileByName("")
		res, err := analyzer.Run(g, rules.All(), &analyzer.Config{Profile: prof})
		if err != nil {
			t.Fatal(err)
		}
		r := run{Findings: res.Findings, Problems: g.Problems, Notes: g.Notes, Secrets: g.Secrets, Services: len(g.Services)}
		for _, s := range g.Services {
			if s.VCL != nil {
				r.VCLServices++
			}
		}
		return r
	}
	var prepared atomic.Int64
	for _, path := range inputs {
		want := lintWith(path, nil)
		got := lintWith(path, func(g, sink *graph.Graph, s *graph.Service) {
			prepared.Add(1)
			vclmodel.Prepare(g, sink, s)
		})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: prepared while loading (+) differs from the pass alone (-):\n%s", path, diff)
		}
	}
	if n := prepared.Load(); n < 590 {
		t.Errorf("the loaders prepared %d services, want at least the estates' 590", n)
	}
}

// oddExport is a bundle of n services whose VCL the model reports on:
// snippets that do not parse, includes of nothing, Host set from headers.
func oddExport(n int) []byte {
	var services []string
	for i := range n {
		snippet := `set req.http.X-Seen = \"1\";`
		switch {
		case i%5 == 0:
			snippet = `if (req.url ~ \"^/a\" { set req.http.X = \"1\"; }`
		case i%7 == 0:
			snippet = `include \"missing-` + strconv.Itoa(i) + `\";`
		case i%3 == 0:
			snippet = `set bereq.http.host = req.http.X-Target;`
		}
		services = append(services, fmt.Sprintf(`{"id": "odd%[1]d", "name": "odd-%[1]d", "type": "vcl", "active_version": {"number": 1,
  "domains": [{"name": "odd%[1]d.example.com"}],
  "backends": [{"name": "next", "address": "odd%[2]d.example.com", "port": 443, "use_ssl": true}],
  "snippets": [{"name": "s", "type": "miss", "priority": 100, "content": "%[3]s"}, {"name": "r", "type": "recv", "priority": 10, "content": "%[3]s"}]}}`, i, (i+1)%n, snippet))
	}
	return []byte(`{"services": [` + strings.Join(services, ",\n") + `]}`)
}
