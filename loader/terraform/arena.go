package terraform

import (
	"slices"
	"sync"
	"unsafe"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/chainlint/chainlint/internal/chunk"
)

// A pieceArena holds the syntax tree fastParse builds for one lazily
// read resource, and is used again for another once that resource is
// built. A streamed load parses every modelled resource once, evaluates
// it, builds it and drops its tree (stream.go): hclsyntax's nodes for a
// service of 800 bytes are some 12 KB, made and dropped 16,000 times in
// a load of 16,000 services, two fifths of all it allocated, and under
// the memory goal the collector runs once every 12 MB or so allocated.
// Nodes taken from an arena cost nothing the collector counts once its
// chunks exist: a load keeps a few arenas (one for each resource in the
// prefetch window) and hands their nodes out again and again.
//
// An arena is given back (putArena) only when nothing the load
// keeps can reach its tree: a root module's resource, parsed once,
// evaluated, built into services and stores that hold copies of what they
// read (names, values, positions), and not a domain (whose instance is
// kept for its service). A tree parseShared keeps, one evaluated in a
// cycle and one hclsyntax parsed are never in an arena that is given
// back. Tests poison what an arena gives back (recycledPoison), so a node
// read after it would change their output.
type pieceArena struct {
	attrs   chunk.Arena[hclsyntax.Attribute]
	blocks  chunk.Arena[hclsyntax.Block]
	bodies  chunk.Arena[hclsyntax.Body]
	lits    chunk.Arena[hclsyntax.LiteralValueExpr]
	temps   chunk.Arena[hclsyntax.TemplateExpr]
	travs   chunk.Arena[hclsyntax.ScopeTraversalExpr]
	hblocks chunk.Arena[hcl.Block]
	// A template's references, charged (chargedExpr).
	chargeds chunk.Arena[chargedExpr]
	parens   chunk.Arena[hclsyntax.ParenthesesExpr]
	// Runs: a template's parts, a traversal's steps, a block's labels and
	// their ranges, the references found.
	exprs chunk.Arena[hclsyntax.Expression]
	steps chunk.Arena[hcl.Traverser]
	// The steps' values (boxed.go).
	roots     chunk.Arena[hcl.TraverseRoot]
	attrSteps chunk.Arena[hcl.TraverseAttr]
	labelRuns chunk.Arena[string]
	rangeRuns chunk.Arena[hcl.Range]
	refs      chunk.Arena[ref]
	// The evaluation's: a resource's evaluated blocks and attributes,
	// and the lists of its nested blocks (evalBody).
	evalBlocks chunk.Arena[evalBlock]
	evalAttrs  chunk.Arena[evalAttr]
	evalLists  chunk.Arena[*evalBlock]
	hclLists   chunk.Arena[*hcl.Block]
	// bufs is the parser's reusable room (fastParser.parseBufs).
	bufs parseBufs
}

// nodeChunk is the nodes of one type an arena's array holds: a resource
// of a few services' size takes a few dozen of the commonest.
const nodeChunk = 32

// newPieceArena returns an empty arena.
func newPieceArena() *pieceArena {
	a := &pieceArena{}
	a.attrs.ChunkLen, a.blocks.ChunkLen, a.bodies.ChunkLen, a.lits.ChunkLen = nodeChunk, nodeChunk, nodeChunk, nodeChunk
	a.temps.ChunkLen, a.travs.ChunkLen, a.hblocks.ChunkLen, a.evalBlocks.ChunkLen = nodeChunk, nodeChunk, nodeChunk, nodeChunk
	a.parens.ChunkLen, a.roots.ChunkLen, a.attrSteps.ChunkLen = nodeChunk, nodeChunk, nodeChunk
	return a
}

// recycledPoison, set by tests, has an arena write a range no source
// has into every node it takes back, and leave attributes without an
// expression, so that reading a recycled node shows.
var recycledPoison bool

// recycledFile is the file name of a poisoned node's ranges.
const recycledFile = "\x00recycled"

// reset takes back every node the arena gave out.
func (a *pieceArena) reset() {
	poison := hcl.Range{}
	if recycledPoison {
		poison = hcl.Range{Filename: recycledFile}
	}
	a.attrs.Reset(func(x *hclsyntax.Attribute) { *x = hclsyntax.Attribute{SrcRange: poison, NameRange: poison} })
	a.blocks.Reset(func(x *hclsyntax.Block) { *x = hclsyntax.Block{TypeRange: poison} })
	a.bodies.Reset(func(x *hclsyntax.Body) {
		// A body keeps its map and the room of its list of blocks: the
		// next resource's bodies fill them again.
		clear(x.Attributes)
		clear(x.Blocks[:cap(x.Blocks)])
		*x = hclsyntax.Body{Attributes: x.Attributes, Blocks: x.Blocks[:0], SrcRange: poison}
	})
	a.lits.Reset(func(x *hclsyntax.LiteralValueExpr) { *x = hclsyntax.LiteralValueExpr{SrcRange: poison} })
	a.temps.Reset(func(x *hclsyntax.TemplateExpr) { *x = hclsyntax.TemplateExpr{SrcRange: poison} })
	a.travs.Reset(func(x *hclsyntax.ScopeTraversalExpr) { *x = hclsyntax.ScopeTraversalExpr{SrcRange: poison} })
	a.hblocks.Reset(func(x *hcl.Block) { *x = hcl.Block{DefRange: poison} })
	a.chargeds.Reset(nil)
	a.parens.Reset(func(x *hclsyntax.ParenthesesExpr) { *x = hclsyntax.ParenthesesExpr{SrcRange: poison} })
	a.exprs.Reset(nil)
	a.steps.Reset(nil)
	a.roots.Reset(func(x *hcl.TraverseRoot) { *x = hcl.TraverseRoot{SrcRange: poison} })
	a.attrSteps.Reset(func(x *hcl.TraverseAttr) { *x = hcl.TraverseAttr{SrcRange: poison} })
	a.labelRuns.Reset(nil)
	a.rangeRuns.Reset(nil)
	a.refs.Reset(nil)
	a.evalBlocks.Reset(nil)
	a.evalAttrs.Reset(nil)
	a.evalLists.Reset(nil)
	a.hclLists.Reset(nil)
	a.bufs.clear()
}

// body returns an empty body, its map and list of blocks empty (not nil).
func (a *pieceArena) body() *hclsyntax.Body {
	if a == nil {
		return &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, Blocks: hclsyntax.Blocks{}}
	}
	b := a.bodies.New()
	m, blocks := b.Attributes, b.Blocks
	if m == nil {
		m = hclsyntax.Attributes{}
	}
	if blocks == nil {
		blocks = hclsyntax.Blocks{}
	}
	*b = hclsyntax.Body{Attributes: m, Blocks: blocks} // no range: closeBlock reads an unset one
	return b
}

// arenaPool keeps the arenas given back: a load's prefetch window's
// worth, shared by the loads of a process.
var arenaPool = sync.Pool{New: func() any { return newPieceArena() }}

// getArena returns an empty arena.
func getArena() *pieceArena { return arenaPool.Get().(*pieceArena) }

// putArena takes back the nodes of a, whose tree nothing reads any more,
// and keeps a for another resource.
func putArena(a *pieceArena) {
	if a == nil {
		return
	}
	a.reset()
	arenaPool.Put(a)
}

// The nodes and lists a parse and an evaluation make, from a, or from the
// heap when a is nil (a tree that outlives its resource). Each is as
// hclsyntax (or the evaluation) would make it on the heap.

// attr returns an empty attribute.
func (a *pieceArena) attr() *hclsyntax.Attribute {
	if a == nil {
		return new(hclsyntax.Attribute)
	}
	return a.attrs.New()
}

// block returns an empty block.
func (a *pieceArena) block() *hclsyntax.Block {
	if a == nil {
		return new(hclsyntax.Block)
	}
	return a.blocks.New()
}

// labels returns copies of a block's labels and their ranges: nil when
// there are none, as hclsyntax leaves them.
func (a *pieceArena) labels(labels []string, ranges []hcl.Range) ([]string, []hcl.Range) {
	if a == nil {
		if len(labels) == 0 {
			return nil, nil
		}
		return slices.Clone(labels), slices.Clone(ranges)
	}
	return a.labelRuns.Copy(labels), a.rangeRuns.Copy(ranges)
}

// lit returns a literal of v over r.
func (a *pieceArena) lit(v cty.Value, r hcl.Range) *hclsyntax.LiteralValueExpr {
	if a == nil {
		return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: r}
	}
	e := a.lits.New()
	e.Val, e.SrcRange = v, r
	return e
}

// template returns a template of parts (copied) over r.
func (a *pieceArena) template(parts []hclsyntax.Expression, r hcl.Range) *hclsyntax.TemplateExpr {
	if a == nil {
		return &hclsyntax.TemplateExpr{Parts: slices.Clone(parts), SrcRange: r}
	}
	e := a.temps.New()
	e.Parts, e.SrcRange = a.exprs.Copy(parts), r
	return e
}

// traversal returns a reference of steps (copied) over r.
func (a *pieceArena) traversal(steps hcl.Traversal, r hcl.Range) *hclsyntax.ScopeTraversalExpr {
	if a == nil {
		return &hclsyntax.ScopeTraversalExpr{Traversal: slices.Clone(steps), SrcRange: r}
	}
	e := a.travs.New()
	e.Traversal, e.SrcRange = a.steps.Copy(steps), r
	return e
}

// root returns the step hcl.TraverseRoot{Name: name, SrcRange: r}, its
// value in the arena (boxed.go).
func (a *pieceArena) root(name string, r hcl.Range) hcl.Traverser {
	return arenaStep(a, func(a *pieceArena) *chunk.Arena[hcl.TraverseRoot] { return &a.roots }, rootTab, hcl.TraverseRoot{Name: name, SrcRange: r})
}

// attrStep returns the step hcl.TraverseAttr{Name: name, SrcRange: r},
// its value in the arena (boxed.go).
func (a *pieceArena) attrStep(name string, r hcl.Range) hcl.Traverser {
	return arenaStep(a, func(a *pieceArena) *chunk.Arena[hcl.TraverseAttr] { return &a.attrSteps }, attrTab, hcl.TraverseAttr{Name: name, SrcRange: r})
}

// arenaStep returns v as an hcl.Traverser (its table tab) whose value is
// a copy in the array of a that of picks; with no arena, or where boxed
// values do not read back, v converted as usual (a copy on the heap).
func arenaStep[T hcl.Traverser](a *pieceArena, of func(*pieceArena) *chunk.Arena[T], tab unsafe.Pointer, v T) hcl.Traverser {
	if a == nil || !boxedOK {
		return v
	}
	x := of(a).New()
	*x = v
	return boxed(tab, unsafe.Pointer(x))
}

// charged returns e charged (see chargedExpr).
func (a *pieceArena) charged(e hclsyntax.Expression) *chargedExpr {
	if a == nil {
		return charged(e)
	}
	c, paren := a.chargeds.New(), a.parens.New()
	paren.Expression, paren.SrcRange = e, e.Range()
	c.ParenthesesExpr = paren
	return c
}

// hclBlock is b.AsHCLBlock().
func (a *pieceArena) hclBlock(b *hclsyntax.Block) *hcl.Block {
	if a == nil {
		return b.AsHCLBlock()
	}
	hb := a.hblocks.New()
	*hb = hcl.Block{Type: b.Type, Labels: b.Labels, Body: b.Body, DefRange: b.DefRange(), TypeRange: b.TypeRange, LabelRanges: b.LabelRanges}
	return hb
}

// evalBlock returns an empty evaluated block.
func (a *pieceArena) evalBlock() *evalBlock {
	if a == nil {
		return &evalBlock{}
	}
	return a.evalBlocks.New()
}

// evalAttrList, hclBlockList and evalBlockList return empty lists with
// room for n.
func (a *pieceArena) evalAttrList(n int) []evalAttr {
	if a == nil {
		return make([]evalAttr, 0, n)
	}
	return a.evalAttrs.Run(n)[:0]
}

func (a *pieceArena) hclBlockList(n int) hcl.Blocks {
	if a == nil {
		return make(hcl.Blocks, 0, n)
	}
	return a.hclLists.Run(n)[:0]
}

func (a *pieceArena) evalBlockList(n int) []*evalBlock {
	if a == nil {
		return make([]*evalBlock, 0, n)
	}
	return a.evalLists.Run(n)[:0]
}
