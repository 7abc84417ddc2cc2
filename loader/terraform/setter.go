package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
)

// hclSetter sets attributes of one static nested block (a backend) with
// hclwrite, so the file keeps its formatting, and returns the change as
// the smallest text edit.
type hclSetter struct {
	f         *analyzer.File
	resType   string
	resName   string
	blockType string
	index     int
}

func (l *loader) setter(r *resource, b *evalBlock) analyzer.FieldSetter {
	f := l.g.Files.Get(b.block.DefRange.Filename)
	if f == nil || strings.HasSuffix(f.Name, ".json") {
		return nil // .tf.json: no hclwrite; no mechanical fix offered
	}
	return &hclSetter{f: f, resType: r.typ, resName: r.name, blockType: b.block.Type, index: b.index}
}

func (s *hclSetter) SetField(name, value string) []analysis.TextEdit {
	wf, diags := hclwrite.ParseConfig(s.f.Content, s.f.Name, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return nil
	}
	var target *hclwrite.Block
	for _, rb := range wf.Body().Blocks() {
		if rb.Type() != "resource" || len(rb.Labels()) != 2 || rb.Labels()[0] != s.resType || rb.Labels()[1] != s.resName {
			continue
		}
		n := 0
		for _, nb := range rb.Body().Blocks() {
			if nb.Type() != s.blockType {
				continue
			}
			if n == s.index {
				target = nb
			}
			n++
		}
	}
	if target == nil {
		return nil
	}
	target.Body().SetAttributeValue(name, cty.StringVal(value))
	old := s.f.Content
	out := wf.Bytes()
	// Format only a file that was formatted before, so that the edit stays
	// inside the block and does not reformat what the user wrote.
	if string(hclwrite.Format(old)) == string(old) {
		out = hclwrite.Format(out)
	}
	// The smallest edit: trim the common prefix and suffix.
	p := 0
	for p < len(old) && p < len(out) && old[p] == out[p] {
		p++
	}
	q := 0
	for q < len(old)-p && q < len(out)-p && old[len(old)-1-q] == out[len(out)-1-q] {
		q++
	}
	return []analysis.TextEdit{{Pos: s.f.Pos(p), End: s.f.Pos(len(old) - q), NewText: out[p : len(out)-q]}}
}
