package chainview

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/jsonout"
	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/routes"
)

// Graph is the service graph as the graph command shows it: services,
// the chain edges between them (and to Fastly services outside the
// inputs), with what has error findings marked.
type Graph struct {
	Services []GraphService `json:"services"`
	External []string       `json:"external"`
	// Origins are the addresses backends send to that are not Fastly
	// services: the chain's ends.
	Origins []string    `json:"origins"`
	Edges   []GraphEdge `json:"edges"`
}

// GraphService is a node.
type GraphService struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Platform string `json:"platform"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	// InLoop marks a service on a loop of the chain: drawn failing, every
	// one of them, not only the one the finding is reported at.
	InLoop bool `json:"in_loop,omitempty"`
	// Tooltip lists the service's findings, rule: message.
	Tooltip string `json:"tooltip,omitempty"`
	// Backends are the service's backends with the Host each sends.
	Backends []GraphBackend `json:"backends"`
}

// GraphBackend is a backend as a reviewer reads it: where it sends, with
// which Host, reaching what.
type GraphBackend struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	// Host is the Host header sent ("" when the client's is kept).
	Host       string `json:"host"`
	HostSource string `json:"host_source"`
	// To is the node the request reaches: a service ID, "external:HOST",
	// "origin:ADDRESS", or "" when unknown.
	To string `json:"to"`
}

// GraphEdge is a backend whose requests reach another service.
type GraphEdge struct {
	From       string `json:"from"`
	To         string `json:"to"` // a service ID, "external:HOST" or "origin:ADDRESS"
	Backend    string `json:"backend"`
	Host       string `json:"host"`
	HostSource string `json:"host_source"`
	Error      bool   `json:"error"`
	// Shield names the shield POP of a shield-switch edge: the request
	// reaches To there because the VCL switches the Host under
	// req.backend.is_shield.
	Shield string `json:"shield,omitempty"`
	// Broken marks the edge a backend was meant to be (its address names
	// To) but is not, because it keeps the client's Host and loops back.
	Broken bool `json:"broken,omitempty"`
	// ShieldPOP is the shield the backend sets (its shield field): the
	// request crosses that POP on the way.
	ShieldPOP string `json:"shield_pop,omitempty"`
	// Warning marks an edge with a warning finding (and no error).
	Warning bool `json:"warning,omitempty"`
	// Tooltip lists the backend's findings, rule: message.
	Tooltip string `json:"tooltip,omitempty"`
}

// NewGraph builds the graph view; findings mark services and edges that
// have error findings. rel shortens file names.
func NewGraph(c *routes.Chains, findings []analyzer.Finding, rel func(string) string) *Graph {
	g := &Graph{Services: []GraphService{}, External: []string{}, Origins: []string{}, Edges: []GraphEdge{}}
	// Findings are keyed by the service itself, not its label: a module
	// instantiated twice declares two services of one name.
	type objectKey struct {
		s      *graph.Service
		object string // "" for the service
	}
	errorsOf, warningsOf := map[*graph.Service]int{}, map[*graph.Service]int{}
	badBackend, warnBackend := map[objectKey]bool{}, map[objectKey]bool{}
	tips := map[objectKey][]string{}
	for _, f := range findings {
		s := f.ServiceIn(c.Graph)
		if s == nil {
			continue
		}
		key := objectKey{s, ""}
		if strings.HasPrefix(f.Object, "backend ") {
			key.object = f.Object
		}
		tips[key] = append(tips[key], f.Rule+": "+f.Message)
		switch f.Severity {
		case analyzer.SeverityError:
			errorsOf[s]++
			if key.object != "" {
				badBackend[key] = true
			}
		case analyzer.SeverityWarning:
			warningsOf[s]++
			if key.object != "" {
				warnBackend[key] = true
			}
		}
	}
	ids := map[*graph.Service]string{}
	for i, s := range c.Graph.Services {
		ids[s] = serviceID(i)
		pos := c.Graph.Files.Position(s.Pos)
		g.Services = append(g.Services, GraphService{ID: ids[s], Name: s.Label(), Platform: s.Platform.String(), File: rel(pos.Filename), Line: pos.Line,
			Errors: errorsOf[s], Warnings: warningsOf[s], InLoop: c.HasCycle(s), Tooltip: strings.Join(tips[objectKey{s, ""}], "\n"),
			Backends: []GraphBackend{}})
	}
	index := map[string]int{}
	for i, gs := range g.Services {
		index[gs.ID] = i
	}
	external, origins := map[string]bool{}, map[string]bool{}
	all := append(append(append([]*routes.Route(nil), c.Routes...), c.PathRoutes...), c.ShieldRoutes...)
	for _, r := range all {
		var to string
		switch {
		case r.To != nil:
			to = ids[r.To]
		case r.ToFastly && r.Host != "":
			to = "external:" + r.Host
			if !external[r.Host] {
				external[r.Host] = true
				g.External = append(g.External, r.Host)
			}
		case !r.ToFastly && r.Address != "":
			to = "origin:" + r.Address
			if !origins[r.Address] {
				origins[r.Address] = true
				g.Origins = append(g.Origins, r.Address)
			}
		default:
			continue // an address chainlint does not know
		}
		key := objectKey{r.From(), analyzer.BackendObject(r.Backend)}
		if r.Backend != nil && !r.ViaShield {
			gs := &g.Services[index[ids[r.From()]]]
			gb := GraphBackend{Name: r.Backend.Name.Value, Address: r.Backend.Address.Value, Host: r.Host, HostSource: r.HostSource.String(), To: to}
			if !slices.Contains(gs.Backends, gb) { // a backend's paths may agree
				gs.Backends = append(gs.Backends, gb)
			}
		}
		e := GraphEdge{
			From: ids[r.From()], To: to, Backend: r.Backend.Name.Value, Host: r.Host, HostSource: r.HostSource.String(),
			Error:   badBackend[key] || r.Loopback() || c.InCycle(r),
			Warning: warnBackend[key] && !badBackend[key],
			Shield:  shieldOf(r), Tooltip: strings.Join(tips[key], "\n"),
		}
		if sh := r.Backend.Shield; sh.Known() && strings.TrimSpace(sh.Value) != "" && !r.ViaShield {
			e.ShieldPOP = strings.TrimSpace(sh.Value)
		}
		g.Edges = append(g.Edges, e)
		if r.Loopback() && r.AddressDomain != nil && r.AddressDomain.Service != r.From() {
			// The edge the backend was meant to be: drawn broken.
			broken := e
			broken.To, broken.Broken = ids[r.AddressDomain.Service], true
			g.Edges = append(g.Edges, broken)
		}
	}
	return g
}

// serviceID is the graph's ID of the service at index i of the graph's
// services.
func serviceID(i int) string { return fmt.Sprintf("s%d", i) }

// ServiceID returns the ID of the node of the service a finding is about
// (analyzer.Finding.ServiceIndex), "" for a finding about none.
func ServiceID(f analyzer.Finding) string {
	if f.ServiceIndex < 1 {
		return ""
	}
	return serviceID(f.ServiceIndex - 1)
}

func shieldOf(r *routes.Route) string {
	if r.ViaShield {
		return strings.TrimSpace(r.Backend.Shield.Value)
	}
	return ""
}

// Formats lists the graph command's formats.
var Formats = []string{"mermaid", "dot", "json", "svg"}

// Write renders the graph.
func (g *Graph) Write(w io.Writer, format string) error {
	switch format {
	case "mermaid":
		return g.writeMermaid(w)
	case "dot":
		return g.writeDOT(w)
	case "json":
		return jsonout.Write(w, g)
	case "svg":
		if n := g.NodeCount(); n > MaxSVGNodes {
			return fmt.Errorf("the graph has %d nodes (services, Fastly services outside the inputs, origins), and Graphviz's dot takes minutes to lay out more than %d: draw part of the estate (fewer paths), read the whole in the HTML report, which draws a large graph in columns (chainlint --format html), or lay out --format dot with a tool of your own", n, MaxSVGNodes)
		}
		svg, err := g.LayoutSVG(context.Background(), SVGOptions{})
		if err != nil {
			return err
		}
		_, err = w.Write(append([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>`+"\n"), svg...))
		return err
	}
	return fmt.Errorf("unknown graph format %q (want %s)", format, strings.Join(Formats, ", "))
}

// PlatformName is how a platform reads in pictures: "Compute" or "VCL".
func PlatformName(p string) string {
	if p == graph.PlatformCompute.String() {
		return "Compute"
	}
	return "VCL"
}

// Label is how an edge reads in pictures: its backend and the Host sent.
func (e GraphEdge) Label() string {
	if e.Broken {
		return e.Backend + " · meant to reach it, but loops back (no Host override)"
	}
	if e.Host == "" {
		return e.Backend + " · client Host"
	}
	if e.Shield != "" {
		return e.Backend + " · Host " + e.Host + " at shield " + e.Shield
	}
	if e.ShieldPOP != "" {
		return e.Backend + " · Host " + e.Host + " · via shield " + e.ShieldPOP
	}
	return e.Backend + " · Host " + e.Host
}

// MermaidText escapes a label for a quoted Mermaid string.
func MermaidText(s string) string { return mermaidText(s) }

// mermaidText escapes a label for a quoted Mermaid string.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ", "\r", " ").Replace(printable.String(s))
}

func (g *Graph) writeMermaid(w io.Writer) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for _, s := range g.Services {
		fmt.Fprintf(&b, "  %s[\"%s (%s)\"]\n", s.ID, mermaidText(s.Name), PlatformName(s.Platform))
	}
	for i, h := range g.External {
		fmt.Fprintf(&b, "  x%d([\"%s (outside the inputs)\"])\n", i, mermaidText(h))
	}
	for i, o := range g.Origins {
		fmt.Fprintf(&b, "  o%d[(\"%s (origin)\")]\n", i, mermaidText(o))
	}
	extID := g.endIDs()
	var badLinks, warnLinks []string
	for i, e := range g.Edges {
		to := e.To
		if id, ok := extID[to]; ok {
			to = id
		}
		arrow := "-->"
		if e.Broken {
			arrow = "-.-x"
		}
		fmt.Fprintf(&b, "  %s %s|\"%s\"| %s\n", e.From, arrow, mermaidText(e.Label()), to)
		switch {
		case e.Error:
			badLinks = append(badLinks, fmt.Sprint(i))
		case e.Warning:
			warnLinks = append(warnLinks, fmt.Sprint(i))
		}
	}
	b.WriteString("  classDef error stroke:#d22,stroke-width:3px\n")
	b.WriteString("  classDef warning stroke:#e90,stroke-width:2px,stroke-dasharray:4\n")
	for _, s := range g.Services {
		switch {
		case s.Errors > 0 || s.InLoop:
			fmt.Fprintf(&b, "  class %s error\n", s.ID)
		case s.Warnings > 0:
			fmt.Fprintf(&b, "  class %s warning\n", s.ID)
		}
	}
	if len(badLinks) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:#d22,stroke-width:3px\n", strings.Join(badLinks, ","))
	}
	if len(warnLinks) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:#e90,stroke-width:2px\n", strings.Join(warnLinks, ","))
	}
	// The legend, drawn beside the chain.
	b.WriteString("  subgraph legend [Legend]\n    legendError[\"error: a service or backend with an error, or on a loop\"]\n    legendWarning[\"warning\"]\n    legendExternal([\"a Fastly service outside the inputs\"])\n    legendOrigin[(\"an origin\")]\n  end\n")
	b.WriteString("  class legendError error\n  class legendWarning warning\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// dotString quotes a DOT string.
func dotString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(printable.Lines(s)) + `"`
}

func (g *Graph) writeDOT(w io.Writer) error {
	var b strings.Builder
	b.WriteString("digraph chainlint {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, s := range g.Services {
		attrs := fmt.Sprintf("label=%s", dotString(s.Name+"\n("+PlatformName(s.Platform)+")"))
		switch {
		case s.Errors > 0 || s.InLoop:
			attrs += ", color=red, penwidth=2"
		case s.Warnings > 0:
			attrs += ", color=orange, style=dashed, penwidth=2"
		}
		if s.Tooltip != "" {
			attrs += ", tooltip=" + dotString(s.Tooltip)
		}
		fmt.Fprintf(&b, "  %s [%s];\n", s.ID, attrs)
	}
	for i, h := range g.External {
		fmt.Fprintf(&b, "  x%d [label=%s, style=dashed, shape=ellipse];\n", i, dotString(h+"\n(outside the inputs)"))
	}
	for i, o := range g.Origins {
		fmt.Fprintf(&b, "  o%d [label=%s, shape=cylinder];\n", i, dotString(o+"\n(origin)"))
	}
	extID := g.endIDs()
	for _, e := range g.Edges {
		to := e.To
		if id, ok := extID[to]; ok {
			to = id
		}
		attrs := "label=" + dotString(e.Label())
		switch {
		case e.Broken:
			attrs += ", color=red, style=dashed, arrowhead=tee"
		case e.Error:
			attrs += ", color=red, penwidth=2"
		case e.Warning:
			attrs += ", color=orange, style=dashed"
		}
		if e.Tooltip != "" {
			attrs += ", tooltip=" + dotString(e.Tooltip)
		}
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", e.From, to, attrs)
	}
	b.WriteString("  subgraph cluster_legend {\n    label=\"Legend\";\n    legend_error [label=\"error, or on a loop\", color=red, penwidth=2];\n    legend_warning [label=\"warning\", color=orange, style=dashed, penwidth=2];\n    legend_external [label=\"outside the inputs\", style=dashed, shape=ellipse];\n    legend_origin [label=\"origin\", shape=cylinder];\n  }\n")
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// endIDs maps the edge targets that are not services ("external:HOST",
// "origin:ADDRESS") to their node IDs.
func (g *Graph) endIDs() map[string]string {
	ids := map[string]string{}
	for i, h := range g.External {
		ids["external:"+h] = fmt.Sprintf("x%d", i)
	}
	for i, o := range g.Origins {
		ids["origin:"+o] = fmt.Sprintf("o%d", i)
	}
	return ids
}
