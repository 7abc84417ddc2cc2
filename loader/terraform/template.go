package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/loader/tree"
)

// renderedTemplate is what templatefile() rendered, with where its bytes
// come from: a literal part of the template maps run by run (line by line
// where escapes or strip markers changed it), and what an interpolation
// or a directive produced (an included file, a loop's output) is pinned,
// line by line, to where the interpolation is written. VCL read from a
// template is so positioned in the template, not at the call.
type renderedTemplate struct {
	file *graph.File
	runs []templateRun
}

type templateRun struct {
	dec, src int // the run's first decoded byte, and its offset in file
	pinned   bool
}

// renderTemplate renders a template part by part, as TemplateExpr.Value
// does when every part is known, not null, unmarked and a string (or
// converts to one), and says where each byte of the output comes from.
// ok is false otherwise: the caller then renders the whole expression, for
// Terraform's own value or error, and keeps no mapping. Each part is
// evaluated once, so the load's evaluation budget is charged once.
func renderTemplate(f *graph.File, te *hclsyntax.TemplateExpr, ctx *hcl.EvalContext) (out string, runs []templateRun, ok bool) {
	var b strings.Builder
	for _, part := range te.Parts {
		r := part.Range()
		if r.Start.Byte < 0 || r.End.Byte > len(f.Content) || r.Start.Byte > r.End.Byte {
			return "", nil, false
		}
		if lit, isLit := part.(*hclsyntax.LiteralValueExpr); isLit && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() {
			s := lit.Val.AsString()
			if len(s) == r.End.Byte-r.Start.Byte && string(f.Content[r.Start.Byte:r.End.Byte]) == s {
				runs = append(runs, templateRun{dec: b.Len(), src: r.Start.Byte})
			} else { // escapes ($${, %%{) or strip markers: line by line
				for _, seg := range tree.MatchLines(f.Content[r.Start.Byte:r.End.Byte], r.Start.Byte, s) {
					runs = append(runs, templateRun{dec: b.Len() + int(seg.Dec), src: int(seg.Src)})
				}
			}
			b.WriteString(s)
			continue
		}
		v, diags := part.Value(ctx)
		if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || v.ContainsMarked() {
			return "", nil, false
		}
		sv, err := convert.Convert(v, cty.String)
		if err != nil || sv.IsNull() {
			return "", nil, false
		}
		s := sv.AsString()
		for line := 0; ; {
			runs = append(runs, templateRun{dec: b.Len() + line, src: r.Start.Byte, pinned: true})
			i := strings.IndexByte(s[line:], '\n')
			if i < 0 || line+i+1 >= len(s) {
				break
			}
			line += i + 1
		}
		b.WriteString(s)
	}
	return b.String(), runs, true
}

// keepRendered records a rendering for text(), keyed by its output (the
// first template to render an output keeps it).
func (l *loader) keepRendered(f *graph.File, out string, runs []templateRun) {
	l.renderedMu.Lock()
	defer l.renderedMu.Unlock()
	if l.rendered == nil {
		l.rendered = map[string]*renderedTemplate{}
	}
	if l.rendered[out] == nil {
		l.rendered[out] = &renderedTemplate{file: f, runs: runs}
	}
}

// renderedText positions a text templatefile() rendered in its template
// (false when value is no recorded rendering).
func (l *loader) renderedText(t *graph.Text) bool {
	l.renderedMu.Lock()
	rt := l.rendered[t.Value]
	l.renderedMu.Unlock()
	if rt == nil {
		return false
	}
	f := l.file(rt.file.Name)
	if f == nil {
		return false
	}
	t.Field = t.At(f.Pos(0), f.Pos(len(f.Content)))
	runs := make([]graph.Segment, len(rt.runs))
	for i, r := range rt.runs {
		if r.pinned {
			runs[i] = graph.PinnedSegment(r.dec, f.Pos(r.src), t.Pos)
		} else {
			runs[i] = graph.NewSegment(r.dec, f.Pos(r.src), t.Pos)
		}
	}
	t.Map = &graph.TextMap{Runs: runs}
	return true
}
