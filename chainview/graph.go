package chainview

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
)

// Graph is the service graph as the graph command shows it: services,
// the chain edges between them (and to Fastly services outside the
// inputs), with what has error findings marked.
type Graph struct {
	Services []GraphService `json:"services"`
	External []string       `json:"external"`
	Edges    []GraphEdge    `json:"edges"`
}

// GraphService is a node.
type GraphService struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Platform string `json:"platform"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Errors   int    `json:"errors"`
}

// GraphEdge is a backend whose requests reach another service.
type GraphEdge struct {
	From       string `json:"from"`
	To         string `json:"to"` // a service ID, or "external:HOST"
	Backend    string `json:"backend"`
	Host       string `json:"host"`
	HostSource string `json:"host_source"`
	Error      bool   `json:"error"`
	// Shield names the shield POP of a shield-switch edge: the request
	// reaches To there because the VCL switches the Host under
	// req.backend.is_shield.
	Shield string `json:"shield,omitempty"`
}

// NewGraph builds the graph view; findings mark services and edges that
// have error findings. rel shortens file names.
func NewGraph(c *analyzer.Chains, findings []analyzer.Finding, rel func(string) string) *Graph {
	g := &Graph{Services: []GraphService{}, External: []string{}, Edges: []GraphEdge{}}
	errorsOf := map[string]int{}
	badBackend := map[[2]string]bool{} // service label, object
	for _, f := range findings {
		if f.Severity != analyzer.SeverityError || f.Service == "" {
			continue
		}
		errorsOf[f.Service]++
		if strings.HasPrefix(f.Object, "backend ") {
			badBackend[[2]string{f.Service, f.Object}] = true
		}
	}
	ids := map[*analyzer.Service]string{}
	for i, s := range c.Graph.Services {
		ids[s] = fmt.Sprintf("s%d", i)
		pos := c.Graph.Fset().Position(s.Pos)
		g.Services = append(g.Services, GraphService{ID: ids[s], Name: s.Label(), Platform: string(s.Platform), File: rel(pos.Filename), Line: pos.Line, Errors: errorsOf[s.Label()]})
	}
	external := map[string]bool{}
	all := append(append(append([]*analyzer.Route(nil), c.Routes...), c.PathRoutes...), c.ShieldRoutes...)
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
		default:
			continue // origins are not drawn
		}
		g.Edges = append(g.Edges, GraphEdge{
			From: ids[r.From], To: to, Backend: r.Backend.Name.Value, Host: r.Host, HostSource: r.HostSource.String(),
			Error:  badBackend[[2]string{r.From.Label(), analyzer.BackendObject(r.Backend)}] || r.Loopback() || c.InCycle(r),
			Shield: shieldOf(r),
		})
	}
	return g
}

func shieldOf(r *analyzer.Route) string {
	if r.ViaShield {
		return strings.TrimSpace(r.Backend.Shield.Value)
	}
	return ""
}

// Formats lists the graph command's formats.
var Formats = []string{"mermaid", "dot", "json"}

// Write renders the graph.
func (g *Graph) Write(w io.Writer, format string) error {
	switch format {
	case "mermaid":
		return g.writeMermaid(w)
	case "dot":
		return g.writeDOT(w)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(g)
	}
	return fmt.Errorf("unknown graph format %q (want %s)", format, strings.Join(Formats, ", "))
}

func platformName(p string) string {
	if p == string(analyzer.PlatformCompute) {
		return "Compute"
	}
	return "VCL"
}

func (e GraphEdge) label() string {
	if e.Host == "" {
		return e.Backend + " · client Host"
	}
	if e.Shield != "" {
		return e.Backend + " · Host " + e.Host + " at shield " + e.Shield
	}
	return e.Backend + " · Host " + e.Host
}

// mermaidText escapes a label for a quoted Mermaid string.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ").Replace(s)
}

func (g *Graph) writeMermaid(w io.Writer) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for _, s := range g.Services {
		fmt.Fprintf(&b, "  %s[\"%s (%s)\"]\n", s.ID, mermaidText(s.Name), platformName(s.Platform))
	}
	for i, h := range g.External {
		fmt.Fprintf(&b, "  x%d([\"%s (outside the inputs)\"])\n", i, mermaidText(h))
	}
	extID := map[string]string{}
	for i, h := range g.External {
		extID["external:"+h] = fmt.Sprintf("x%d", i)
	}
	var badLinks []string
	for i, e := range g.Edges {
		to := e.To
		if id, ok := extID[to]; ok {
			to = id
		}
		fmt.Fprintf(&b, "  %s -->|\"%s\"| %s\n", e.From, mermaidText(e.label()), to)
		if e.Error {
			badLinks = append(badLinks, fmt.Sprint(i))
		}
	}
	b.WriteString("  classDef error stroke:#d22,stroke-width:3px\n")
	for _, s := range g.Services {
		if s.Errors > 0 {
			fmt.Fprintf(&b, "  class %s error\n", s.ID)
		}
	}
	if len(badLinks) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:#d22,stroke-width:3px\n", strings.Join(badLinks, ","))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// dotString quotes a DOT string.
func dotString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func (g *Graph) writeDOT(w io.Writer) error {
	var b strings.Builder
	b.WriteString("digraph chainlint {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, s := range g.Services {
		attrs := fmt.Sprintf("label=%s", dotString(s.Name+"\n("+platformName(s.Platform)+")"))
		if s.Errors > 0 {
			attrs += ", color=red, penwidth=2"
		}
		fmt.Fprintf(&b, "  %s [%s];\n", s.ID, attrs)
	}
	for i, h := range g.External {
		fmt.Fprintf(&b, "  x%d [label=%s, style=dashed, shape=ellipse];\n", i, dotString(h+"\n(outside the inputs)"))
	}
	extID := map[string]string{}
	for i, h := range g.External {
		extID["external:"+h] = fmt.Sprintf("x%d", i)
	}
	for _, e := range g.Edges {
		to := e.To
		if id, ok := extID[to]; ok {
			to = id
		}
		attrs := "label=" + dotString(e.label())
		if e.Error {
			attrs += ", color=red, penwidth=2"
		}
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", e.From, to, attrs)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}
