package chainview

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/golden"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/routes"
)

func load(t *testing.T) (*routes.Chains, *lint.Result) {
	t.Helper()
	res, err := lint.Run(lint.Options{Paths: []string{"testdata/estate"}})
	if err != nil {
		t.Fatal(err)
	}
	return routes.NewChains(res.Graph), res
}

func rel(name string) string { return filepath.Base(name) }

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

func TestTrace(t *testing.T) {
	c, res := load(t)
	for name, host := range map[string][2]string{"trace-www.txt": {"www.example.com", "/api/v1"}, "trace-loop.txt": {"LOOP-A.example.com", ""}} {
		tr, err := NewTrace(c, res.Profile, host[0], host[1])
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := tr.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, name, b.String())
	}
	tr, _ := NewTrace(c, analyzer.ProfileLegacy, "www.example.com", "/")
	var b bytes.Buffer
	if err := tr.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "trace-www-legacy.json", b.String())
	if _, err := NewTrace(c, res.Profile, "nowhere.example.org", ""); err == nil || !strings.Contains(err.Error(), "no analysed service") {
		t.Errorf("unknown host: %v", err)
	}
}

func render(t *testing.T, format string) string {
	t.Helper()
	c, res := load(t)
	var b bytes.Buffer
	if err := NewGraph(c, res.Findings, rel).Write(&b, format); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGraphGolden(t *testing.T) {
	for _, f := range Formats {
		if f == "svg" {
			continue // Graphviz's output varies with its version: TestSVGLayout
		}
		checkGolden(t, "graph."+map[string]string{"mermaid": "mmd", "dot": "dot", "json": "json"}[f], render(t, f))
	}
}

// TestSVGLayout lays the graph out with Graphviz's dot (Debian's graphviz
// package; .ci/run installs it): well-formed SVG holding every service,
// each long name wrapped at its dots and dashes, not cut.
func TestSVGLayout(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("Graphviz is not installed; .ci/run installs Debian's graphviz package")
		}
		t.Skip("Graphviz is not installed")
	}
	svg := render(t, "svg")
	dec := xml.NewDecoder(strings.NewReader(svg))
	var texts []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok && strings.TrimSpace(string(cd)) != "" {
			texts = append(texts, string(cd))
		}
	}
	joined := strings.Join(texts, "\n")
	c, _ := load(t)
	for _, s := range c.Graph.Services {
		if !strings.Contains(joined, s.Name.Value) {
			t.Errorf("service %q is not in the picture", s.Name.Value)
		}
	}
	if got := wrap("www-production.example.com", 24); got != "www-production.example.\ncom" {
		t.Errorf("wrap = %q", got)
	}
	if got := wrap("averyveryverylonglabelwithnobreaks", 10); got != "averyveryverylonglabelwithnobreaks" {
		t.Errorf("a piece longer than the width is cut: %q", got)
	}
}

// TestSVGRefusesLargeGraphs: a graph of more than MaxSVGNodes nodes is
// refused at once, with what to do instead, not handed to dot for a
// minute; one at the bound is not refused for its size.
func TestSVGRefusesLargeGraphs(t *testing.T) {
	g := &Graph{Services: make([]GraphService, MaxSVGNodes-2), External: []string{"x.example.com"}, Origins: []string{"o.example.net", "p.example.net"}}
	err := g.Write(io.Discard, "svg")
	if err == nil || !strings.Contains(err.Error(), "2001 nodes") || !strings.Contains(err.Error(), "--format html") {
		t.Errorf("a graph of %d nodes: %v, want it refused for its size", g.NodeCount(), err)
	}
	g.Origins = g.Origins[:1]
	if err := g.Write(io.Discard, "svg"); err != nil && strings.Contains(err.Error(), "nodes") {
		t.Errorf("a graph of %d nodes refused for its size: %v", g.NodeCount(), err)
	}
}

// TestDOTRendersWithGraphviz proves the DOT output is valid DOT by
// rendering it with Graphviz (Debian's graphviz package; .ci/run installs
// it).
func TestDOTRendersWithGraphviz(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("Graphviz is not installed; .ci/run installs Debian's graphviz package")
		}
		t.Skip("Graphviz is not installed (apt-get install graphviz)")
	}
	cmd := exec.Command("dot", "-Tsvg")
	cmd.Stdin = strings.NewReader(render(t, "dot"))
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(out.String(), "<svg") || !strings.Contains(out.String(), "api&#45;gateway") {
		t.Errorf("the SVG lacks the graph:\n%.400s", out.String())
	}
}

// TestMermaidSyntax checks every line of the Mermaid output against the
// grammar's basics: a flowchart header, node declarations, labelled
// edges between declared nodes, class and link styles.
func TestMermaidSyntax(t *testing.T) {
	var (
		header   = regexp.MustCompile(`^flowchart (LR|TD|TB|RL|BT)$`)
		node     = regexp.MustCompile(`^  (?:  )?([A-Za-z][A-Za-z0-9_]*)(\["[^"]*"\]|\(\["[^"]*"\]\)|\[\("[^"]*"\)\])$`)
		edge     = regexp.MustCompile(`^  ([A-Za-z][A-Za-z0-9_]*) (?:-->|-\.-x)\|"[^"|]*"\| ([A-Za-z][A-Za-z0-9_]*)$`)
		subgraph = regexp.MustCompile(`^  (subgraph [A-Za-z][A-Za-z0-9_]* \[[A-Za-z ]+\]|end)$`)
		classDef = regexp.MustCompile(`^  classDef [A-Za-z]+ [a-z-]+:[^ ]+(,[a-z-]+:[^ ]+)*$`)
		class    = regexp.MustCompile(`^  class [A-Za-z][A-Za-z0-9_]*(,[A-Za-z][A-Za-z0-9_]*)* [A-Za-z]+$`)
		link     = regexp.MustCompile(`^  linkStyle [0-9]+(,[0-9]+)* [a-z-]+:[^ ]+(,[a-z-]+:[^ ]+)*$`)
	)
	out := render(t, "mermaid")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if !header.MatchString(lines[0]) {
		t.Fatalf("header %q", lines[0])
	}
	declared := map[string]bool{}
	edges := 0
	for _, l := range lines[1:] {
		switch {
		case node.MatchString(l):
			declared[node.FindStringSubmatch(l)[1]] = true
		case edge.MatchString(l):
			m := edge.FindStringSubmatch(l)
			if !declared[m[1]] || !declared[m[2]] {
				t.Errorf("edge between undeclared nodes: %q", l)
			}
			edges++
		case classDef.MatchString(l), class.MatchString(l), link.MatchString(l), subgraph.MatchString(l):
		default:
			t.Errorf("not Mermaid flowchart syntax: %q", l)
		}
	}
	if edges == 0 {
		t.Error("no edges")
	}
	// A label with quotes and angle brackets is escaped, never raw.
	if got := mermaidText(`a "b" <c>`); strings.ContainsAny(got, `"<>`) {
		t.Errorf("mermaidText left raw characters: %q", got)
	}
}

func TestPurgeOrder(t *testing.T) {
	c, _ := load(t)
	var b bytes.Buffer
	if err := WritePurgeText(&b, PurgeOrder(c)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "purge-order.txt", b.String())
}

// TestTraceFollowsRequest: without request details every path is shown;
// with them, the one the request takes (both sides where a condition
// cannot be decided), through the shield switch too.
func TestTraceFollowsRequest(t *testing.T) {
	res, err := lint.Run(lint.Options{Paths: []string{"testdata/paths"}})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Chains()
	var b bytes.Buffer
	for _, tc := range []struct {
		path string
		req  *graph.Request
	}{
		{"", nil},
		{"/api/v1", &graph.Request{URL: "/api/v1"}},
		{"/api/v1 (POST)", &graph.Request{URL: "/api/v1", Method: "POST"}},
		{"/shielded/x", &graph.Request{URL: "/shielded/x"}},
		{"/cart", &graph.Request{URL: "/cart"}},
	} {
		tr, err := NewRequestTrace(c, res.Profile, "front.example.com", tc.path, tc.req)
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		b.WriteString("\n")
	}
	checkGolden(t, "trace-paths.txt", b.String())
}

// TestGraphMarksFindings: every service on a loop is drawn failing, a
// backend that misses its Host override gets its intended edge drawn
// broken, warnings are drawn apart from errors, and DOT carries tooltips.
func TestGraphMarksFindings(t *testing.T) {
	res, err := lint.Run(lint.Options{Paths: []string{"../testdata/examples"}})
	if err != nil {
		t.Fatal(err)
	}
	g := NewGraph(res.Chains(), res.Findings, rel)
	loops := 0
	for _, s := range g.Services {
		if s.InLoop {
			loops++
		}
	}
	var broken, warning bool
	for _, e := range g.Edges {
		broken = broken || e.Broken
		warning = warning || e.Warning
	}
	for _, s := range g.Services {
		warning = warning || s.Warnings > 0 && s.Errors == 0 && !s.InLoop
	}
	if loops != 2 || !broken || !warning {
		t.Errorf("services on the loop %d (want 2), a broken edge %v, a warning drawn %v", loops, broken, warning)
	}
	var b bytes.Buffer
	if err := g.Write(&b, "mermaid"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "-.-x") || !strings.Contains(b.String(), "class") || !strings.Contains(b.String(), "subgraph legend") {
		t.Errorf("mermaid:\n%s", b.String())
	}
	b.Reset()
	if err := g.Write(&b, "dot"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `tooltip="missing-host-override: backend \"chained\"`) || !strings.Contains(b.String(), "cluster_legend") {
		t.Errorf("dot:\n%s", b.String())
	}
}

// TestTraceUnknownAddress: a backend whose address Terraform computes at
// apply time is traced as such, in text and in JSON, not as an empty
// address and an origin ":443".
func TestTraceUnknownAddress(t *testing.T) {
	res, err := lint.Run(lint.Options{Paths: []string{"testdata/unknown-address"}})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := NewTrace(res.Chains(), res.Profile, "assets.example.com", "")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tr.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "trace-unknown-address.txt", b.String())
	b.Reset()
	if err := tr.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"address_unknown": true`) {
		t.Errorf("JSON trace does not say the address is unknown:\n%s", b.String())
	}
}

// TestGraphMarksModuleInstances: a module instantiated twice declares two
// services of one name at one place; a finding about one instance marks
// that instance's node and edge, not both (they were keyed by the label).
func TestGraphMarksModuleInstances(t *testing.T) {
	res, err := lint.Run(lint.Options{Paths: []string{"testdata/module-twice"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "missing-host-override" {
		t.Fatalf("findings %v, want production's missing-host-override alone", res.Findings)
	}
	if s := res.Findings[0].ServiceIn(res.Graph); s == nil || s.Terraform == nil || !strings.HasPrefix(s.Terraform.Address, "module.production.") {
		t.Fatalf("the finding is about %+v, want module.production's service", s)
	}
	g := NewGraph(res.Chains(), res.Findings, rel)
	marked := map[string]int{} // API host the Frontend node's backend sends → errors
	for _, s := range g.Services {
		if s.Name == "Frontend" && len(s.Backends) == 1 {
			marked[s.Backends[0].Address] = s.Errors
		}
	}
	if want := map[string]int{"api-a.example.com": 1, "api-b.example.com": 0}; !maps.Equal(marked, want) {
		t.Errorf("Frontend nodes' errors by backend address %v, want %v", marked, want)
	}
	for _, e := range g.Edges {
		if e.Backend == "api" && (e.Error || e.Tooltip != "") != (e.Host == "") {
			t.Errorf("edge %+v: only production's (the client's Host) is marked", e)
		}
	}
	if id := ServiceID(res.Findings[0]); id == "" || g.Services[slices.IndexFunc(g.Services, func(s GraphService) bool { return s.ID == id })].Errors != 1 {
		t.Errorf("ServiceID %q names no node marked with the finding", id)
	}
}
