package terraform

import (
	"bytes"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/graph"
)

// hclSetter sets attributes of a static nested block (a backend) with
// hclwrite, on the block's own bytes: the block is cut out, edited,
// formatted and put back with its indentation, so an edit costs what the
// block costs (not the file) and the rest of the file is untouched. A
// block whose attributes are all literals needs nothing of its own: one
// setter of its file serves every such block, found by its span (start
// < 0).
type hclSetter struct {
	f          *graph.File
	start, end int // the block's bytes: from its type keyword to its '}'
	// exprs are the block's attributes written as expressions (not
	// literals) with the value they evaluate to: a field set to one of
	// those values copies the expression, so the two cannot drift
	// (override_host = var.origin, not its value today).
	exprs []setterExpr
}

type setterExpr struct {
	name, value string
	from, to    int // the expression's bytes in the file
}

// setter returns the setter of a static backend block that spans span.
func (l *loader) setter(b *evalBlock, span graph.Span) graph.FieldSetter {
	f := l.g.Files.Get(b.block.DefRange.Filename)
	if b.raw == nil {
		return nil
	}
	sb, ok := b.raw.Body.(*hclsyntax.Body)
	if f == nil || !ok || strings.HasSuffix(f.Name, ".json") {
		return nil // .tf.json: no hclwrite; no mechanical fix offered
	}
	s := hclSetter{f: f, start: b.block.DefRange.Start.Byte, end: sb.SrcRange.End.Byte}
	exprs := l.setterBuf[:0]
	defer func() { l.setterBuf = exprs[:0] }()
	for i := range b.attrs { // by name
		a := &b.attrs[i]
		if _, literal := a.expr.(*hclsyntax.TemplateExpr); literal && len(variables(a.expr)) == 0 {
			continue
		}
		if _, literal := a.expr.(*hclsyntax.LiteralValueExpr); literal {
			continue
		}
		if !a.val.IsWhollyKnown() || a.val.IsNull() || a.val.Type() != cty.String {
			continue
		}
		r := a.expr.Range()
		if r.Start.Byte < s.start || r.End.Byte > s.end || r.Start.Byte >= r.End.Byte {
			continue
		}
		exprs = append(exprs, setterExpr{name: a.name, value: a.val.AsString(), from: r.Start.Byte, to: r.End.Byte})
	}
	if base := f.TF.Base(); len(exprs) == 0 && int(span.Pos)-base == s.start && int(span.End)-base == s.end {
		if l.fileSetters == nil {
			l.fileSetters = map[*graph.File]*hclSetter{}
		}
		shared := l.fileSetters[f]
		if shared == nil {
			shared = &hclSetter{f: f, start: -1}
			l.fileSetters[f] = shared
		}
		return shared
	}
	own := l.made.setters.New()
	*own = s
	own.exprs = l.made.exprs.Copy(exprs)
	return own
}

func (s *hclSetter) SetField(obj graph.Span, name, value string) []analysis.TextEdit {
	if s.start < 0 { // the file's: the block is obj
		base := s.f.TF.Base()
		own := *s
		own.start, own.end = int(obj.Pos)-base, int(obj.End)-base
		if own.start < 0 {
			return nil
		}
		s = &own
	}
	if s.end > s.f.Len() || s.start >= s.end {
		return nil
	}
	// The block's bytes from the start of its first line (a released
	// file's are read again): src[i-at] is the file's byte i.
	at := s.f.TF.Offset(s.f.LineStart(s.f.Line(s.f.Pos(s.start))))
	src, err := s.f.Range(at, s.end)
	if err != nil || at > s.start {
		return nil
	}
	block := src[s.start-at:]
	wf, diags := hclwrite.ParseConfig(block, s.f.Name, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() || len(wf.Body().Blocks()) != 1 {
		return nil
	}
	body := wf.Body().Blocks()[0].Body()
	copied := false
	for _, e := range s.exprs {
		if e.name != name && e.value == value {
			// The same expression, not today's value.
			body.SetAttributeRaw(name, hclwrite.Tokens{{Type: hclsyntax.TokenIdent, Bytes: append([]byte(nil), src[e.from-at:e.to-at]...)}})
			copied = true
			break
		}
	}
	if !copied {
		body.SetAttributeValue(name, cty.StringVal(value))
	}
	formatted := hclwrite.Format(wf.Bytes())
	// Put the block back at its depth: every line after the first gets
	// the indentation of the line the block starts on.
	indent := src[:s.start-at]
	if len(bytes.TrimLeft(indent, " \t")) != 0 {
		indent = nil
	}
	lines := bytes.Split(bytes.TrimRight(formatted, "\n"), []byte("\n"))
	for i := 1; i < len(lines); i++ {
		if len(lines[i]) > 0 {
			lines[i] = append(append([]byte(nil), indent...), lines[i]...)
		}
	}
	out := bytes.Join(lines, []byte("\n"))
	// The smallest edit: trim the common prefix and suffix.
	p := 0
	for p < len(block) && p < len(out) && block[p] == out[p] {
		p++
	}
	q := 0
	for q < len(block)-p && q < len(out)-p && block[len(block)-1-q] == out[len(out)-1-q] {
		q++
	}
	return []analysis.TextEdit{{Pos: s.f.Pos(s.start + p), End: s.f.Pos(s.end - q), NewText: out[p : len(out)-q]}}
}
