package fastlyapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/internal/synth/estate"
	"github.com/chainlint/chainlint/loader/fastlyapi"
	"github.com/chainlint/chainlint/rules"
)

func seeds() [][]byte {
	var out [][]byte
	for _, pat := range []string{"../../rules/testdata/*/*/*.json", "../../rules/testdata/*/*/*.yaml", "../../testdata/examples/*"} {
		matches, _ := filepath.Glob(pat)
		for _, m := range matches {
			b, err := os.ReadFile(m)
			if err != nil {
				continue
			}
			out = append(out, b)
			// The JSON exports again in the block style yaml.Marshal
			// (and chainlint pull) writes, which the YAML load reads
			// without yaml.v3.
			var v any
			if strings.HasSuffix(m, ".json") && json.Unmarshal(b, &v) == nil {
				if y, err := yaml.Marshal(v); err == nil {
					out = append(out, y)
				}
			}
		}
	}
	return out
}

// lint loads src as one export file and returns its problems and findings
// as text. A persistent cache makes the loader parse the whole file; a nil
// one makes it stream a bundle part by part.
func lint(t *testing.T, name string, src []byte, m *memo.Cache) []string {
	g := graph.NewGraph()
	g.Memo = m
	fastlyapi.Load(g, name, src, true)
	return lintGraph(t, g)
}

// lintGiven loads src from a file, streamed and given back as the load
// gets past it (each byte given back is overwritten at once), and lints
// it as lint does: the positions name the file by name.
func lintGiven(t *testing.T, name string, src []byte) []string {
	defer fastlyapi.SetDropStep(1)()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	content := bytes.Clone(src)
	g := graph.NewGraph()
	build, _ := fastlyapi.Begin(g, path, content, true, nil, &fastlyapi.Disk{Drop: func(from, to int) {
		for i := from; i < to; i++ {
			content[i] = '#'
		}
	}})
	if build != nil {
		build()
	}
	out := lintGraph(t, g)
	for i, line := range out {
		out[i] = strings.ReplaceAll(line, path, name)
	}
	return out
}

// lintGraph lists a loaded graph's problems and findings as text.
func lintGraph(t *testing.T, g *graph.Graph) []string {
	g.Finish()
	var out []string
	for _, p := range g.Problems {
		if !p.Pos.IsValid() {
			t.Fatalf("unpositioned problem: %s", p.Message)
		}
		out = append(out, fmt.Sprintf("%s %s: %s", g.Files.Position(p.Pos), p.Rule, p.Message))
	}
	res, err := analyzer.Run(g, rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s %s [%s %s]: %s %v", f.Pos, f.Rule, f.Service, f.Object, f.Message, f.Fixes))
	}
	return out
}

// FuzzLoadExport loads arbitrary bytes as a JSON or YAML export (VCL
// inside included) and runs every rule: never a panic, every problem
// positioned inside the file, and a file streamed part by part lints
// exactly as its whole parse does, and as one that gives its file back as
// it goes (fastlyapi.Disk).
func FuzzLoadExport(f *testing.F) {
	for _, b := range seeds() {
		f.Add(b, false)
		f.Add(b, true)
	}
	f.Fuzz(func(t *testing.T, src []byte, yaml bool) {
		name := "estate.json"
		if yaml {
			name = "estate.yaml"
		}
		streamed := lint(t, name, src, nil)
		if diff := cmp.Diff(lint(t, name, src, memo.New()), streamed); diff != "" {
			t.Fatalf("streamed load differs from the whole parse (-whole +streamed):\n%s", diff)
		}
		if diff := cmp.Diff(streamed, lintGiven(t, name, src)); diff != "" {
			t.Fatalf("a load that gives its file back as it goes differs (-kept +given back):\n%s", diff)
		}
	})
}

// TestStreamMatchesWhole checks the streamed JSON load against the whole
// parse on the examples and on files broken in each part a stream reads.
func TestStreamMatchesWhole(t *testing.T) {
	svc := `{"id": "S%d", "name": "s%d", "active_version": {"number": 1, "domains": [{"name": "s%d.example.com"}], "backends": [{"name": "b", "address": "s%d.example.com"}]}}`
	var list string
	for i := range 70 { // more than one run of services per goroutine
		if i > 0 {
			list += ",\n"
		}
		list += fmt.Sprintf(svc, i, i, (i+1)%70, i)
	}
	cases := map[string]string{
		"bundle":                  `{"services": [` + list + `], "stores": [{"id": "k", "name": "kv", "type": "kv"}]}`,
		"list":                    "\xEF\xBB\xBF [" + list + "]\n",
		"bad escape in a service": `{"services": [` + list + `, {"id": "x\q"}]}`,
		"bad number in a service": `{"services": [{"id": "a", "active_version": {"number": 01}}]}`,
		"bad other member":        `{"services": [` + list + `], "meta": [1,,2]}`,
		"bad stores":              `{"services": [], "stores": [{"id": }]}`,
		"duplicate services":      `{"services": [` + list + `], "services": null}`,
		"trailing junk":           `{"services": []} x`,
		"unclosed":                `{"services": [` + list,
		"services not an array":   `{"services": "none"}`,
		"list of non-services":    `[1, 2, 3]`,
		"mismatched brackets":     `{"services": [{"id": "a"]}]}`,
		// Every kind of member (snippets, VCL, links, shields, stores), and
		// enough services that each goroutine's parser reuses its memory
		// many times: a node kept past its service would show here.
		"generated estate": string(estate.Bundle(estate.Options{Services: 300, Seed: 4})),
	}
	streamMatchesWhole(t, "e.json", cases)
	for i, b := range seeds() {
		if diff := cmp.Diff(lint(t, "e.json", b, memo.New()), lint(t, "e.json", b, nil)); diff != "" {
			t.Fatalf("seed %d (-whole +streamed):\n%s", i, diff)
		}
	}
}

// TestYAMLStreamMatchesWhole checks the streamed YAML load against the
// whole parse: on bundles in both indentation styles, and on documents
// the line scan could misread, where the stream must notice and fall back.
func TestYAMLStreamMatchesWhole(t *testing.T) {
	svc := "- id: S%d\n  name: s%d\n  active_version:\n    number: 1\n    domains:\n    - name: s%d.example.com\n    backends:\n    - name: b\n      address: s%d.example.com\n"
	var list string
	for i := range 70 { // more than one run of services per goroutine
		list += fmt.Sprintf(svc, i, i, (i+1)%70, i)
	}
	generated := estate.YAMLBundle(estate.Options{Services: 300, Seed: 4}) // "services:\n    - ...": items indented
	cases := map[string]string{
		"bundle":                 "# export\nservices:\n" + list + "stores:\n- id: k\n  name: kv\n  type: kv\n",
		"list":                   list,
		"CRLF":                   strings.ReplaceAll("services:\n"+list, "\n", "\r\n"),
		"alias across services":  "services:\n- id: a\n  active_version: &v\n    backends: [{name: b, address: x.example.com}]\n- id: b\n  active_version: *v\n",
		"alias across batches":   "services:\n- id: a\n  active_version: &v\n    backends: [{name: b, address: x.example.com}]\n" + list + "- id: b\n  active_version: *v\n",
		"anchor in the rest":     "base: &v\n  backends: [{name: b, address: x.example.com}]\nservices:\n- id: a\n  active_version: *v\n",
		"key inside a string":    "note: \"a\nservices:\n- id: a\n  active_version: {}\n  \"\n",
		"string across services": "services:\n- id: \"a\n- b\"\n  active_version: {}\n",
		"merged services":        "base: &b\n  services: []\n<<: *b\nservices:\n" + list,
		"duplicate services":     "services:\n" + list + "services: null\n",
		"bad service":            "services:\n" + list + "- id: [unclosed\n",
		"bad stores":             "services:\n" + list + "stores: [\n",
		"stores not a list":      "services:\n" + list + "stores: 1\n",
		"list of non-services":   "- 1\n- 2\n",
		"service not an object":  "services:\n- 1\n" + list,
		"generated estate":       string(generated),
	}
	streamMatchesWhole(t, "e.yaml", cases)
}

// streamMatchesWhole lints each case streamed and parsed whole, as a file
// of that name: the two must agree. The "bundle" case must have findings,
// and the "generated estate" its sprinkled faults.
func streamMatchesWhole(t *testing.T, name string, cases map[string]string) {
	t.Helper()
	for c, src := range cases {
		t.Run(c, func(t *testing.T) {
			whole := lint(t, name, []byte(src), memo.New())
			if diff := cmp.Diff(whole, lint(t, name, []byte(src), nil)); diff != "" {
				t.Fatalf("(-whole +streamed):\n%s", diff)
			}
			if c == "bundle" && len(whole) == 0 {
				t.Fatal("the bundle case should have findings (a chain loop)")
			}
			if c == "generated estate" && len(whole) < 30 {
				t.Fatalf("the generated estate has %d findings, want its sprinkled faults (a few per hundred services: 30+)", len(whole))
			}
		})
	}
}
