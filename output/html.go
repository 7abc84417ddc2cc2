package output

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/internal/scc"
)

// The html format is one self-contained page a reviewer opens to see the
// estate: the chain graph as SVG, laid out by Graphviz's dot where it is
// installed (chainview.LayoutSVG), else, and beyond
// chainview.MaxLayoutNodes, by columns (htmlLayout); nothing is fetched
// from anywhere (the page makes no network request), each
// service coloured by its worst finding, and the findings table. Clicking
// a finding highlights its service, its backend's edge and, for a loop,
// the loop; clicking a service lists its backends with the Host each
// sends. The script is inline and small; the page works without it too.

// The column layout, in pixels.
const (
	htmlNodeW  = 210
	htmlNodeH  = 46
	htmlColGap = 120
	htmlRowGap = 40
	htmlMargin = 30
)

type htmlNode struct {
	id, label, sub string
	kind           string // service, external, origin
	worst          analyzer.Severity
	inLoop         bool
	x, y           int
}

// htmlLayout places the graph's nodes in columns: a node's column is one
// more than the furthest column of a node that reaches it, walking from
// the nodes nothing reaches (a loop is cut where the walk meets it again).
func htmlLayout(g *chainview.Graph, worst map[string]analyzer.Severity) (nodes []*htmlNode, byID map[string]*htmlNode) {
	byID = map[string]*htmlNode{}
	add := func(n *htmlNode) {
		nodes = append(nodes, n)
		byID[n.id] = n
	}
	for _, s := range g.Services {
		add(&htmlNode{id: s.ID, label: s.Name, sub: chainview.PlatformName(s.Platform) + " service", kind: "service", worst: worst[s.ID], inLoop: s.InLoop})
	}
	for _, h := range g.External {
		add(&htmlNode{id: "external:" + h, label: h, sub: "Fastly service outside the inputs", kind: "external"})
	}
	for _, o := range g.Origins {
		add(&htmlNode{id: "origin:" + o, label: o, sub: "origin", kind: "origin"})
	}
	// Columns: the longest path to a node (in edges) over the graph's
	// strongly connected components, sources first, so the layout is
	// linear in nodes and edges; the services of a loop take successive
	// columns in the order its edges reach them from its first service.
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n.id] = i
	}
	adj := make([][]int, len(nodes))
	preds := make([][]int, len(nodes))
	for _, e := range g.Edges {
		from, ok1 := index[e.From]
		to, ok2 := index[e.To]
		if e.Broken || from == to || !ok1 || !ok2 {
			continue
		}
		adj[from] = append(adj[from], to)
		preds[to] = append(preds[to], from)
	}
	comps := scc.Components(adj)
	compOf := make([]int, len(nodes))
	for ci, comp := range comps {
		for _, v := range comp {
			compOf[v] = ci
		}
	}
	col := make([]int, len(nodes))
	start := make([]int, len(comps)) // the first column free for a component
	dist := make([]int, len(nodes))
	for ci := len(comps) - 1; ci >= 0; ci-- { // sources first
		comp := comps[ci]
		for _, v := range comp {
			dist[v] = -1
		}
		dist[comp[0]] = 0
		for queue := []int{comp[0]}; len(queue) > 0; queue = queue[1:] {
			v := queue[0]
			for _, to := range adj[v] {
				if compOf[to] == ci && dist[to] < 0 {
					dist[to] = dist[v] + 1
					queue = append(queue, to)
				}
			}
		}
		for _, v := range comp {
			col[v] = start[ci] + dist[v]
			for _, to := range adj[v] {
				if c := compOf[to]; c != ci {
					start[c] = max(start[c], col[v]+1)
				}
			}
		}
	}
	// Rows: column by column, each node near the nodes that reach it
	// (their mean row), so that edges cross less.
	columns := map[int][]int{}
	last := 0
	for v := range nodes {
		columns[col[v]] = append(columns[col[v]], v)
		last = max(last, col[v])
	}
	row := make([]float64, len(nodes))
	mean := make([]float64, len(nodes))
	for c := 0; c <= last; c++ {
		list := columns[c]
		if c > 0 {
			for _, v := range list {
				sum, k := 0.0, 0
				for _, p := range preds[v] {
					if col[p] < c {
						sum += row[p]
						k++
					}
				}
				mean[v] = 1e9
				if k > 0 {
					mean[v] = sum / float64(k)
				}
			}
			sort.SliceStable(list, func(i, j int) bool { return mean[list[i]] < mean[list[j]] })
		}
		for r, v := range list {
			row[v] = float64(r)
			n := nodes[v]
			n.x = htmlMargin + c*(htmlNodeW+htmlColGap)
			n.y = htmlMargin + r*(htmlNodeH+htmlRowGap)
		}
	}
	return nodes, byID
}

func writeHTML(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	counts := map[analyzer.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
	}
	g := &chainview.Graph{}
	if r.Graph != nil {
		g = r.Graph()
	}
	// The worst finding of each service, by its node (not its label: a
	// module instantiated twice declares two services of one name).
	drawn := map[string]bool{}
	for _, s := range g.Services {
		drawn[s.ID] = true
	}
	serviceID := func(f analyzer.Finding) string {
		if id := chainview.ServiceID(f); drawn[id] {
			return id
		}
		return ""
	}
	worst := map[string]analyzer.Severity{}
	for _, f := range r.Findings {
		if id := serviceID(f); id != "" && f.Severity > worst[id] {
			worst[id] = f.Severity
		}
	}
	nodes, byID := htmlLayout(g, worst)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	esc := html.EscapeString
	p("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>chainlint report</title>\n<style>%s</style>\n</head>\n<body>\n", htmlCSS)
	p("<h1>chainlint</h1>\n<p id=\"summary\">%s</p>\n", esc(summary(r, counts)))

	// The graph: laid out by Graphviz's dot up to MaxLayoutNodes nodes,
	// by columns beyond (a picture of hundreds of services is read by
	// its findings, and dot's time grows faster than the graph) or where
	// dot is not installed.
	p("<section id=\"graph\"><h2>Chain graph</h2>\n")
	var svg []byte
	note := ""
	if g.NodeCount() <= chainview.MaxLayoutNodes {
		sev := map[string]string{}
		for id, s := range worst {
			if s >= analyzer.SeverityInfo {
				sev[id] = s.String()
			}
		}
		var err error
		if svg, err = g.LayoutSVG(context.Background(), chainview.SVGOptions{ForHTML: true, Severity: sev}); err != nil {
			svg = nil // the column layout below still draws it
			note = "Drawn in columns: " + err.Error() + "."
		}
	}
	if svg != nil {
		p("%s", bytes.Replace(svg, []byte("<svg "), []byte(`<svg class="dot" role="img" aria-label="chain graph" `), 1))
	} else {
		writeColumnSVG(bw, g, nodes, byID)
		if note != "" {
			p("<p class=\"legend\">%s</p>\n", esc(note))
		}
	}
	p("<p class=\"legend\"><span class=\"key sev-error\">error, or on a loop</span> <span class=\"key sev-warning\">warning</span> <span class=\"key sev-info\">info</span> <span class=\"key external\">outside the inputs</span> <span class=\"key origin\">origin</span> · a dashed red edge is where a backend was meant to go but loops back</p>\n</section>\n")

	// The service panel (filled by the script when a service is clicked;
	// every service's backends are also listed, for reading without it).
	p("<section id=\"services\"><h2>Services</h2>\n<div id=\"panel\" aria-live=\"polite\"></div>\n")
	hw := htmlWriter{bw}
	for _, s := range g.Services {
		hw.s(`<details class="service" id="svc-`)
		hw.e(s.ID)
		hw.s(`"><summary>`)
		hw.e(s.Name)
		hw.s(` <small>(`)
		hw.e(chainview.PlatformName(s.Platform))
		hw.s(`, `)
		hw.e(s.File)
		hw.s(`:`)
		hw.d(s.Line)
		hw.s(")</small></summary>\n<table><tr><th>Backend</th><th>Address</th><th>Host sent</th><th>Reaches</th></tr>\n")
		for _, b := range s.Backends {
			hw.s(`<tr><td>`)
			hw.e(b.Name)
			hw.s(`</td><td>`)
			hw.e(b.Address)
			hw.s(`</td><td>`)
			hw.e(hostText(b.Host, b.HostSource))
			hw.s(`</td><td>`)
			hw.e(reachText(b.To, byID))
			hw.s("</td></tr>\n")
		}
		hw.s("</table></details>\n")
	}
	p("</section>\n")

	// The findings.
	p("<section id=\"findings\"><h2>Findings</h2>\n")
	if len(r.Findings) == 0 {
		p("<p>No findings.</p>\n")
	} else {
		links := map[string]string{}
		for _, ri := range r.Rules {
			links[ri.ID] = ri.HelpURI
		}
		p("<table><thead><tr><th>Severity</th><th>Where</th><th>Finding</th><th>Rule</th></tr></thead><tbody>\n")
		for i, f := range r.Findings {
			backend := ""
			if name, ok := strings.CutPrefix(f.Object, "backend "); ok {
				backend = strings.Trim(name, `"`)
			}
			sev := f.Severity.String()
			hw.s(`<tr class="finding `)
			hw.e(sev)
			hw.s(`" id="f`)
			hw.d(i)
			hw.s(`" tabindex="0" data-service="`)
			hw.e(serviceID(f))
			hw.s(`" data-backend="`)
			hw.e(backend)
			hw.s(`"><td>`)
			hw.e(sev)
			hw.s(`</td><td><code>`)
			hw.e(r.rel(f.Pos.Filename))
			hw.s(`:`)
			hw.d(f.Pos.Line)
			hw.s(`:`)
			hw.d(f.Pos.Column)
			hw.s(`</code></td><td>`)
			hw.e(f.Message)
			hw.s(`</td><td>`)
			if u := links[f.Rule]; u != "" {
				hw.s(`<a href="`)
				hw.e(u)
				hw.s(`">`)
				hw.e(f.Rule)
				hw.s(`</a>`)
			} else {
				hw.e(f.Rule)
			}
			hw.s("</td></tr>\n")
		}
		p("</tbody></table>\n")
	}
	p("</section>\n")

	// The data the script reads, as JSON. json.Marshal escapes <, > and &
	// in strings, so no "</script" can end the element early.
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	hw.s(`<script type="application/json" id="chain">`)
	_, _ = bw.Write(data)
	hw.s("</script>\n")
	p("<script>%s</script>\n</body>\n</html>\n", htmlJS)
	return bw.Flush()
}

// writeColumnSVG draws the graph with the column layout (htmlLayout).
func writeColumnSVG(bw *bufio.Writer, g *chainview.Graph, nodes []*htmlNode, byID map[string]*htmlNode) {
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	hw := htmlWriter{bw}
	width, height := 2*htmlMargin+htmlNodeW, 2*htmlMargin+htmlNodeH
	for _, n := range nodes {
		width = max(width, n.x+htmlNodeW+htmlMargin)
		height = max(height, n.y+htmlNodeH+htmlMargin)
	}
	p("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"chain graph\">\n", width, height, width, height)
	p("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n")
	for i, e := range g.Edges {
		from, to := byID[e.From], byID[e.To]
		if from == nil || to == nil {
			continue
		}
		class := "edge"
		switch {
		case e.Broken:
			class += " broken"
		case e.Error:
			class += " error"
		case e.Warning:
			class += " warning"
		}
		d, lx, ly := edgePath(from, to, i)
		title := e.Backend
		if e.Tooltip != "" {
			title += "\n" + e.Tooltip
		}
		hw.s(`<g class="`, class, `" id="e`)
		hw.d(i)
		hw.s(`" data-from="`)
		hw.e(e.From)
		hw.s(`" data-to="`)
		hw.e(e.To)
		hw.s(`" data-backend="`)
		hw.e(e.Backend)
		hw.s(`"><title>`)
		hw.e(title)
		hw.s(`</title><path d="`, d, `" marker-end="url(#arrow)"/><text x="`)
		hw.d(lx)
		hw.s(`" y="`)
		hw.d(ly)
		hw.s(`">`)
		hw.e(e.Label())
		hw.s("</text></g>\n")
	}
	for _, n := range nodes {
		class := "node " + n.kind
		switch {
		case n.worst == analyzer.SeverityError || n.inLoop:
			class += " sev-error"
		case n.worst == analyzer.SeverityWarning:
			class += " sev-warning"
		case n.worst == analyzer.SeverityInfo:
			class += " sev-info"
		}
		rx := 6
		if n.kind != "service" {
			rx = 20
		}
		hw.s(`<g class="`, class, `" id="n-`)
		hw.e(n.id)
		hw.s(`" data-id="`)
		hw.e(n.id)
		hw.s(`" tabindex="0"><title>`)
		hw.e(n.label + " (" + n.sub + ")")
		hw.s(`</title><rect x="`)
		hw.d(n.x)
		hw.s(`" y="`)
		hw.d(n.y)
		hw.s(`" width="`)
		hw.d(htmlNodeW)
		hw.s(`" height="`)
		hw.d(htmlNodeH)
		hw.s(`" rx="`)
		hw.d(rx)
		hw.s(`"/><text class="name" x="`)
		hw.d(n.x + 10)
		hw.s(`" y="`)
		hw.d(n.y + 19)
		hw.s(`">`)
		hw.e(clip(n.label, 26))
		hw.s(`</text><text class="sub" x="`)
		hw.d(n.x + 10)
		hw.s(`" y="`)
		hw.d(n.y + 36)
		hw.s(`">`)
		hw.e(n.sub)
		hw.s("</text></g>\n")
	}
	p("</svg>\n")
}

// htmlWriter writes a page's pieces without formatting them: the
// services, edges and findings of a large estate were a fmt.Fprintf (and
// its allocations) each. A bufio.Writer keeps its first error, which the
// page's final Flush returns: the writes' own results are not needed.
type htmlWriter struct{ *bufio.Writer }

// s writes text as it is.
func (w htmlWriter) s(texts ...string) {
	for _, t := range texts {
		_, _ = w.WriteString(t)
	}
}

// d writes a decimal number.
func (w htmlWriter) d(n int) {
	var buf [20]byte
	_, _ = w.Write(strconv.AppendInt(buf[:0], int64(n), 10))
}

// e writes text escaped as html.EscapeString escapes it (its table),
// without building the escaped string.
func (w htmlWriter) e(text string) { _, _ = htmlEscaper.WriteString(w, text) }

// htmlEscaper is html.EscapeString's replacement table.
var htmlEscaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")

func hostText(host, source string) string {
	if host == "" {
		return "the client's Host"
	}
	return host + " (" + source + ")"
}

func reachText(to string, byID map[string]*htmlNode) string {
	if n := byID[to]; n != nil {
		return n.label + " (" + n.sub + ")"
	}
	return "unknown"
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// edgePath draws an edge from one node to another: a straight line to the
// next column, an arc over the boxes for one that goes back or stays in
// its column, a loop for a self-edge. It returns the path and where its
// label goes.
func edgePath(from, to *htmlNode, i int) (d string, lx, ly int) {
	if from == to {
		x, y := from.x+htmlNodeW-30, from.y
		return fmt.Sprintf("M%d,%d C%d,%d %d,%d %d,%d", x, y, x-10, y-40, x+40, y-40, x+20, y), x - 20, y - 30
	}
	x1, y1 := from.x+htmlNodeW, from.y+htmlNodeH/2
	x2, y2 := to.x, to.y+htmlNodeH/2
	if to.x > from.x {
		return fmt.Sprintf("M%d,%d L%d,%d", x1, y1, x2, y2), (x1+x2)/2 - 40, (y1+y2)/2 - 6
	}
	// Back or sideways: leave from the bottom, arc below, enter at the bottom.
	bx1, by1 := from.x+htmlNodeW/2, from.y+htmlNodeH
	bx2, by2 := to.x+htmlNodeW/2+12, to.y+htmlNodeH
	dip := max(by1, by2) + 30 + (i%3)*10
	return fmt.Sprintf("M%d,%d C%d,%d %d,%d %d,%d", bx1, by1, bx1, dip, bx2, dip, bx2, by2), (bx1+bx2)/2 - 40, dip - 4
}

const htmlCSS = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}
#graph svg{border:1px solid #ddd;background:#fcfcfc;max-width:100%;height:auto}
#graph svg.dot text{font-family:"DejaVu Sans",Verdana,sans-serif}
svg.dot .node path,svg.dot .node polygon,svg.dot .node ellipse{stroke:#777;stroke-width:1.5}
svg.dot .node.service path{fill:#fff}
svg.dot .node.sev-error path{fill:#fde8e8;stroke:#d22;stroke-width:3}
svg.dot .node.sev-warning path{fill:#fff4e0;stroke:#e90;stroke-width:2;stroke-dasharray:5 3}
svg.dot .node.sev-info path{fill:#e8f1fd;stroke:#5b8bd0}
svg.dot .node.origin path{stroke:#5a5}
svg.dot .edge path{stroke:#888;stroke-width:1.5}svg.dot .edge polygon{fill:#888;stroke:#888}
svg.dot .edge.error path{stroke:#d22;stroke-width:2.5}svg.dot .edge.error polygon{fill:#d22;stroke:#d22}
svg.dot .edge.warning path{stroke:#e90}svg.dot .edge.warning polygon{fill:#e90;stroke:#e90}
svg.dot .edge.broken path{stroke:#d22}svg.dot .edge.broken polygon{fill:#d22;stroke:#d22}
svg.dot .edge text{fill:#444}svg.dot .edge.error text,svg.dot .edge.broken text{fill:#a00}
svg.dot .hl path,svg.dot .hl polygon{stroke:#1a5fd0 !important;stroke-width:4 !important}
.node rect{fill:#fff;stroke:#777;stroke-width:1.5}
.node.sev-error rect{fill:#fde8e8;stroke:#d22;stroke-width:3}
.node.sev-warning rect{fill:#fff4e0;stroke:#e90;stroke-width:2;stroke-dasharray:5 3}
.node.sev-info rect{fill:#e8f1fd;stroke:#5b8bd0}
.node.external rect{stroke-dasharray:4 3;fill:#f4f4f4}
.node.origin rect{fill:#eef7ee;stroke:#5a5}
.node text.name{font-size:13px;font-weight:600}.node text.sub{font-size:11px;fill:#666}
.node{cursor:pointer}
.edge path{fill:none;stroke:#888;stroke-width:1.5}
.edge.error path{stroke:#d22;stroke-width:2.5}.edge.warning path{stroke:#e90;stroke-dasharray:5 3}
.edge.broken path{stroke:#d22;stroke-dasharray:6 4}
.edge text{font-size:` + "11" + `px;fill:#444}
marker path{fill:#888}
.hl rect{stroke:#1a5fd0 !important;stroke-width:4 !important}
.edge.hl path{stroke:#1a5fd0 !important;stroke-width:4 !important}
.dim{opacity:.25}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
tr.finding{cursor:pointer}tr.finding.selected{background:#e6efff}
tr.error td:first-child{color:#b00;font-weight:600}tr.warning td:first-child{color:#a60}
.legend .key{display:inline-block;padding:1px 6px;border:2px solid #777;margin-right:6px;font-size:12px}
.legend .sev-error{border-color:#d22;background:#fde8e8}.legend .sev-warning{border-color:#e90;border-style:dashed}
.legend .sev-info{border-color:#5b8bd0}.legend .external{border-style:dashed}.legend .origin{border-color:#5a5}
#panel{margin:8px 0;padding:8px;border:1px solid #ddd;min-height:1em;background:#fafafa}
details.service{margin:4px 0}
`

// htmlJS wires the clicks. It reads the graph from the page's JSON.
const htmlJS = `
(function(){
var chain=JSON.parse(document.getElementById('chain').textContent);
var byId={};chain.services.forEach(function(s){byId[s.id]=s;});
function all(sel){return Array.prototype.slice.call(document.querySelectorAll(sel));}
function clear(){all('.hl').forEach(function(e){e.classList.remove('hl');});all('.dim').forEach(function(e){e.classList.remove('dim');});all('tr.selected').forEach(function(e){e.classList.remove('selected');});}
function node(id){return document.getElementById('n-'+id);}
function highlight(ids,edges){
  all('g.node,g.edge').forEach(function(e){e.classList.add('dim');});
  ids.forEach(function(id){var n=node(id);if(n){n.classList.add('hl');n.classList.remove('dim');}});
  edges.forEach(function(e){e.classList.add('hl');e.classList.remove('dim');});
}
function selectFinding(tr){
  clear();tr.classList.add('selected');
  var svc=tr.getAttribute('data-service'),backend=tr.getAttribute('data-backend');
  if(!svc){return;}
  var ids=[svc],edges=[];
  all('g.edge').forEach(function(e){
    var from=e.getAttribute('data-from'),to=e.getAttribute('data-to');
    var loop=byId[svc]&&byId[svc].in_loop&&byId[from]&&byId[from].in_loop&&byId[to]&&byId[to].in_loop;
    if((from===svc&&(!backend||e.getAttribute('data-backend')===backend))||loop){edges.push(e);ids.push(from,to);}
  });
  highlight(ids,edges);
  document.body.setAttribute('data-highlighted',ids.filter(function(v,i,a){return a.indexOf(v)===i;}).sort().join(' '));
}
function showService(id){
  var s=byId[id];var panel=document.getElementById('panel');
  if(!s){return;}
  var rows=s.backends.map(function(b){
    var to=byId[b.to]?byId[b.to].name:(b.to||'unknown').replace(/^(external|origin):/,'');
    return '<tr><td>'+esc(b.name)+'</td><td>'+esc(b.host||"the client's Host")+'</td><td>'+esc(to)+'</td></tr>';}).join('');
  panel.innerHTML='<strong>'+esc(s.name)+'</strong>: '+(s.backends.length?'<table class="backends"><tr><th>Backend</th><th>Host sent</th><th>Reaches</th></tr>'+rows+'</table>':'no backend that reaches a service or origin');
  clear();highlight([id],all('g.edge').filter(function(e){return e.getAttribute('data-from')===id;}));
  document.body.setAttribute('data-panel',id);
}
function esc(s){return String(s).replace(/[&<>"']/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c];});}
all('tr.finding').forEach(function(tr){tr.addEventListener('click',function(){selectFinding(tr);});tr.addEventListener('keydown',function(e){if(e.key==='Enter'){selectFinding(tr);}});});
all('g.node.service').forEach(function(g){g.addEventListener('click',function(){showService(g.getAttribute('data-id'));});});
// #selftest clicks the first finding and the first service, so a headless
// browser's DOM dump shows that the script works.
if(location.hash==='#selftest'){
  var f=document.querySelector('tr.finding[data-service]:not([data-service=""])');if(f){selectFinding(f);}
  var h=document.body.getAttribute('data-highlighted')||'';
  var n=document.querySelector('g.node.service');if(n){showService(n.getAttribute('data-id'));}
  document.body.setAttribute('data-selftest','done '+h);
}
// #measure checks the picture as the browser drew it: no label outside
// the picture or its box, no two labels (nor a label and another node's
// box) overlapping. Tests read data-measure.
if(location.hash==='#measure'){
  var svg=document.querySelector('#graph svg'),sr=svg.getBoundingClientRect(),items=[],boxes=[],problems=[],e=0.5;
  function over(a,b){return a.left<b.right-e&&b.left<a.right-e&&a.top<b.bottom-e&&b.top<a.bottom-e;}
  function inside(a,b){return a.left>=b.left-e&&a.right<=b.right+e&&a.top>=b.top-e&&a.bottom<=b.bottom+e;}
  all('#graph svg g.node,#graph svg g.edge').forEach(function(g){
    var node=g.classList.contains('node'),shape=node?g.querySelector('path,rect,polygon,ellipse'):null,box=shape?shape.getBoundingClientRect():null;
    if(box){boxes.push({r:box,g:g});}
    Array.prototype.slice.call(g.querySelectorAll('text')).forEach(function(t){items.push({r:t.getBoundingClientRect(),g:g,t:t.textContent,box:box});});
  });
  items.forEach(function(a,i){
    if(!inside(a.r,sr)){problems.push('outside the picture: '+a.t);}
    if(a.box&&!inside(a.r,a.box)){problems.push('cut by its box: '+a.t);}
    for(var j=i+1;j<items.length;j++){var b=items[j];if(a.g!==b.g&&over(a.r,b.r)){problems.push('labels overlap: '+a.t+' | '+b.t);}}
    boxes.forEach(function(b){if(b.g!==a.g&&over(a.r,b.r)){problems.push('label over a node: '+a.t);}});
  });
  document.body.setAttribute('data-measure',problems.length?problems.join('; '):'ok '+items.length);
}
})();
`
