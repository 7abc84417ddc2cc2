package chainview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The graph laid out as a picture by Graphviz's dot, run as a process
// when it is installed: a real layered layout that ranks the chain left
// to right, keeps parallel edges apart and places every label; names are
// wrapped at word boundaries (dots, dashes, spaces), never cut. The SVG
// is inlined where it is shown, so a report stays one file that fetches
// nothing. (Graphviz compiled to WebAssembly, go-graphviz, was tried: its
// package initialisation compiles 1.5 MB of WebAssembly in every process
// that links it, whether it draws or not: +60 ms and +16 MiB on every
// run, 1.5 s on a machine's first, and a cache written to /tmp.)

// MaxLayoutNodes bounds the graphs the HTML report has dot lay out: its
// crossing minimisation grows faster than linearly (about 0.5 s at 750
// nodes, 3 s at 2,500), and a picture of hundreds of services is not one
// a reviewer reads. Larger graphs get the column layout.
const MaxLayoutNodes = 400

// MaxSVGNodes bounds the graphs `chainlint graph --format svg` has dot
// lay out: 1.2 s at 1,000 nodes, 8.7 s at 2,000, and more than the minute
// it is given at 4,000 (12 s even with its crossing minimisation and
// network simplex cut to a tenth). A larger graph is refused at once
// rather than after that minute.
const MaxSVGNodes = 2000

// LayoutFont is the font the layout is measured in; pages that show the
// SVG ask for it too (DejaVu Sans, then Verdana, its near twin in width).
const LayoutFont = "DejaVu Sans"

// ErrNoDot reports that Graphviz's dot is not installed.
var ErrNoDot = errors.New("dot (Graphviz) is not on PATH (install Graphviz: apt-get install graphviz, brew install graphviz); --format dot prints the graph for it to lay out elsewhere")

// SVGOptions shape the SVG for where it is shown.
type SVGOptions struct {
	// ForHTML gives nodes and edges the IDs, classes and data attributes
	// the HTML report's style and script read (n-ID, e<i>, node service
	// sev-error, edge error, data-from/to/backend), and leaves out the
	// colours its style sheet sets; the svg format keeps Graphviz's
	// colours and tooltips.
	ForHTML bool
	// Severity of each service by ID for ForHTML: "error", "warning",
	// "info" or "".
	Severity map[string]string
}

// LayoutSVG lays the graph out with dot and returns the SVG element.
func (g *Graph) LayoutSVG(ctx context.Context, o SVGOptions) ([]byte, error) {
	path, err := exec.LookPath("dot")
	if err != nil {
		return nil, ErrNoDot
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-Tsvg")
	cmd.Stdin = strings.NewReader(g.layoutDOT(o))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("dot: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	svg := stdout.Bytes()
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return nil, fmt.Errorf("dot wrote no SVG")
	}
	svg = svg[i:] // no XML declaration or DOCTYPE inside a page
	if o.ForHTML {
		svg = g.htmlAttributes(svg)
	}
	return svg, nil
}

// NodeCount is how many nodes a picture of the graph has.
func (g *Graph) NodeCount() int { return len(g.Services) + len(g.External) + len(g.Origins) }

// wrap breaks a label into lines of about width characters at spaces and
// after dots, dashes, slashes and underscores; a piece longer than width
// stays whole.
func wrap(s string, width int) string {
	var lines []string
	line := ""
	piece := ""
	flush := func() {
		if piece == "" {
			return
		}
		if line != "" && len([]rune(line+piece)) > width {
			lines = append(lines, strings.TrimRight(line, " "))
			line = ""
		}
		line += piece
		piece = ""
	}
	for _, r := range s {
		piece += string(r)
		switch r {
		case ' ', '.', '-', '/', '_', '·':
			flush()
		}
	}
	flush()
	if line != "" {
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return strings.Join(lines, "\n")
}

// layoutDOT is the graph in DOT with the layout's attributes.
func (g *Graph) layoutDOT(o SVGOptions) string {
	var b strings.Builder
	fmt.Fprintf(&b, "digraph chainlint {\n  rankdir=LR; nodesep=0.35; ranksep=0.9; pad=0.2; bgcolor=transparent;\n  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=%q, fontsize=11, margin=\"0.15,0.08\"];\n  edge [fontname=%q, fontsize=9, arrowsize=0.7];\n", LayoutFont, LayoutFont)
	node := func(name, id, class, label, shape, extra string) {
		attrs := fmt.Sprintf("label=%s, shape=%s", dotString(label), shape)
		if o.ForHTML {
			attrs += fmt.Sprintf(", id=%s, class=%s, tooltip=\" \"", dotString(id), dotString(class))
		}
		if extra != "" {
			attrs += ", " + extra
		}
		fmt.Fprintf(&b, "  %s [%s];\n", name, attrs)
	}
	ids := map[string]string{}
	for i, s := range g.Services {
		name := fmt.Sprintf("s%d", i)
		ids[s.ID] = name
		class, extra := "service", ""
		if sev := o.Severity[s.ID]; sev != "" {
			class += " sev-" + sev
		}
		if s.InLoop && !strings.Contains(class, "sev-error") {
			class += " sev-error"
		}
		if !o.ForHTML {
			switch {
			case s.Errors > 0 || s.InLoop:
				extra = "color=red, fillcolor=\"#fde8e8\", penwidth=2"
			case s.Warnings > 0:
				extra = "color=orange, fillcolor=\"#fff4e0\", penwidth=2"
			}
			if s.Tooltip != "" {
				extra += sep(extra) + "tooltip=" + dotString(s.Tooltip)
			}
		}
		node(name, "n-"+s.ID, class, wrap(s.Name, 24)+"\n"+PlatformName(s.Platform)+" service", "box", extra)
	}
	for i, h := range g.External {
		name := fmt.Sprintf("x%d", i)
		ids["external:"+h] = name
		node(name, "n-external:"+h, "external", wrap(h, 24)+"\noutside the inputs", "box", "style=\"rounded,dashed,filled\", fillcolor=\"#f4f4f4\"")
	}
	for i, a := range g.Origins {
		name := fmt.Sprintf("o%d", i)
		ids["origin:"+a] = name
		node(name, "n-origin:"+a, "origin", wrap(a, 24)+"\norigin", "cylinder", "style=filled, fillcolor=\"#eef7ee\"")
	}
	for i, e := range g.Edges {
		from, to := ids[e.From], ids[e.To]
		if from == "" || to == "" {
			continue
		}
		attrs := "label=" + dotString(wrap(e.Label(), 28))
		class := "edge"
		switch {
		case e.Broken:
			class += " broken"
			attrs += ", style=dashed, arrowhead=tee"
		case e.Error:
			class += " error"
		case e.Warning:
			class += " warning"
			attrs += ", style=dashed"
		}
		if o.ForHTML {
			attrs += fmt.Sprintf(", id=\"e%d\", tooltip=\" \"", i)
			if extra := strings.TrimPrefix(class, "edge"); extra != "" {
				attrs += ", class=" + dotString(strings.TrimSpace(extra))
			}
		} else {
			switch {
			case e.Broken || e.Error:
				attrs += ", color=red, fontcolor=\"#a00\", penwidth=2"
			case e.Warning:
				attrs += ", color=orange"
			}
			if e.Tooltip != "" {
				attrs += ", tooltip=" + dotString(e.Tooltip)
			}
		}
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", from, to, attrs)
	}
	b.WriteString("}\n")
	return b.String()
}

func sep(s string) string {
	if s == "" {
		return ""
	}
	return ", "
}

var (
	svgEdgeG = regexp.MustCompile(`<g id="e(\d+)" class="([^"]*)">`)
	svgNodeG = regexp.MustCompile(`<g id="n&#45;([^"]*)" class="([^"]*)">`) // Graphviz writes - as &#45;
	// Graphviz wraps a node or edge with a tooltip in a link; the page
	// needs neither.
	svgLinkOpen  = regexp.MustCompile(`<g id="a_[^"]*"><a xlink:title="[^"]*">\n?`)
	svgLinkClose = regexp.MustCompile(`</a>\n?</g>\n?`)
	svgTitle     = regexp.MustCompile(`<title>[^<]*</title>\n?`)
)

// htmlAttributes adds the data attributes the report's script reads and a
// title of its own to each node and edge.
func (g *Graph) htmlAttributes(svg []byte) []byte {
	s := string(svg)
	s = svgLinkOpen.ReplaceAllString(s, "")
	s = svgLinkClose.ReplaceAllString(s, "")
	s = svgTitle.ReplaceAllString(s, "")
	s = svgEdgeG.ReplaceAllStringFunc(s, func(m string) string {
		sub := svgEdgeG.FindStringSubmatch(m)
		i, err := strconv.Atoi(sub[1])
		if err != nil || i >= len(g.Edges) {
			return m
		}
		e := g.Edges[i]
		title := e.Backend
		if e.Tooltip != "" {
			title += "\n" + e.Tooltip
		}
		return fmt.Sprintf(`<g id="e%d" class="%s" data-from="%s" data-to="%s" data-backend="%s"><title>%s</title>`, i, sub[2], html.EscapeString(e.From), html.EscapeString(e.To), html.EscapeString(e.Backend), html.EscapeString(title))
	})
	titles := map[string]string{}
	for _, sv := range g.Services {
		titles[sv.ID] = sv.Name + " (" + PlatformName(sv.Platform) + " service)"
	}
	for _, h := range g.External {
		titles["external:"+h] = h + " (Fastly service outside the inputs)"
	}
	for _, a := range g.Origins {
		titles["origin:"+a] = a + " (origin)"
	}
	s = svgNodeG.ReplaceAllStringFunc(s, func(m string) string {
		sub := svgNodeG.FindStringSubmatch(m)
		id := html.UnescapeString(sub[1])
		return fmt.Sprintf(`<g id="n&#45;%s" class="%s" data-id="%s" tabindex="0"><title>%s</title>`, sub[1], sub[2], html.EscapeString(id), html.EscapeString(titles[id]))
	})
	return []byte(s)
}
