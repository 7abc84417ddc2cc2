package terraform

import (
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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
// An arena is given back (prefetch.recycle) only when nothing the load
// keeps can reach its tree: a root module's resource, parsed once,
// evaluated, built into services and stores that hold copies of what they
// read (names, values, positions), and not a domain (whose instance is
// kept for its service). A tree parseShared keeps, one evaluated in a
// cycle and one hclsyntax parsed are never in an arena that is given
// back. Tests poison what an arena gives back (recycledPoison), so a node
// read after it would change their output.
type pieceArena struct {
	attrs   slab[hclsyntax.Attribute]
	blocks  slab[hclsyntax.Block]
	bodies  slab[hclsyntax.Body]
	lits    slab[hclsyntax.LiteralValueExpr]
	temps   slab[hclsyntax.TemplateExpr]
	travs   slab[hclsyntax.ScopeTraversalExpr]
	hblocks slab[hcl.Block]
	exprs   runs[hclsyntax.Expression]
	steps   runs[hcl.Traverser]
	labels  runs[string]
	ranges  runs[hcl.Range]
	refs    runs[ref]
	// The evaluation's: a resource's evaluated blocks and attributes,
	// and the lists of its nested blocks (evalBody).
	evalBlocks slab[evalBlock]
	evalAttrs  runs[evalAttr]
	evalLists  runs[*evalBlock]
	hclLists   runs[*hcl.Block]
	// bufs is the parser's reusable room (fastParser.parseBufs).
	bufs parseBufs
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
	a.attrs.reset(func(x *hclsyntax.Attribute) { *x = hclsyntax.Attribute{SrcRange: poison, NameRange: poison} })
	a.blocks.reset(func(x *hclsyntax.Block) { *x = hclsyntax.Block{TypeRange: poison} })
	a.bodies.reset(func(x *hclsyntax.Body) {
		// A body keeps its map and the room of its list of blocks: the
		// next resource's bodies fill them again.
		clear(x.Attributes)
		clear(x.Blocks[:cap(x.Blocks)])
		*x = hclsyntax.Body{Attributes: x.Attributes, Blocks: x.Blocks[:0], SrcRange: poison}
	})
	a.lits.reset(func(x *hclsyntax.LiteralValueExpr) { *x = hclsyntax.LiteralValueExpr{SrcRange: poison} })
	a.temps.reset(func(x *hclsyntax.TemplateExpr) { *x = hclsyntax.TemplateExpr{SrcRange: poison} })
	a.travs.reset(func(x *hclsyntax.ScopeTraversalExpr) { *x = hclsyntax.ScopeTraversalExpr{SrcRange: poison} })
	a.hblocks.reset(func(x *hcl.Block) { *x = hcl.Block{DefRange: poison} })
	a.exprs.reset()
	a.steps.reset()
	a.labels.reset()
	a.ranges.reset()
	a.refs.reset()
	a.evalBlocks.reset(func(x *evalBlock) { *x = evalBlock{} })
	a.evalAttrs.reset()
	a.evalLists.reset()
	a.hclLists.reset()
	a.bufs.clear()
}

// body returns an empty body, its map and list of blocks empty (not nil).
func (a *pieceArena) body() *hclsyntax.Body {
	if a == nil {
		return &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, Blocks: hclsyntax.Blocks{}}
	}
	b := a.bodies.next()
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

// slabLen is the nodes of a type a chunk holds.
const slabLen = 32

// slab hands out nodes of one type from chunks it keeps across resets.
type slab[T any] struct {
	chunks [][]T
	used   int // nodes given out since the last reset
}

// next returns a node: the zero value, or as reset left it.
func (s *slab[T]) next() *T {
	c, i := s.used/slabLen, s.used%slabLen
	if c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, slabLen))
	}
	s.used++
	return &s.chunks[c][i]
}

// reset takes every node back, each as clean leaves it.
func (s *slab[T]) reset(clean func(*T)) {
	for k := range s.used {
		clean(&s.chunks[k/slabLen][k%slabLen])
	}
	s.used = 0
}

// runLen is the elements a chunk of runs holds.
const runLen = 128

// runs hands out short slices (a template's parts, a traversal's steps,
// a block's labels) from chunks it keeps across resets. A slice's
// capacity is its length: an append moves it to the heap.
type runs[T any] struct {
	chunks [][]T
	c, n   int // the chunk being carved, and how much of it is
}

// copyOf returns a copy of src carved from a chunk, or from the heap when
// src is long.
func (r *runs[T]) copyOf(src []T) []T {
	if len(src) == 0 {
		return nil
	}
	if len(src) > runLen/4 {
		return append([]T(nil), src...)
	}
	if r.c < len(r.chunks) && r.n+len(src) > runLen {
		r.c, r.n = r.c+1, 0
	}
	if r.c == len(r.chunks) {
		r.chunks = append(r.chunks, make([]T, runLen))
	}
	out := r.chunks[r.c][r.n : r.n+len(src) : r.n+len(src)]
	copy(out, src)
	r.n += len(src)
	return out
}

// make returns a slice of n zero elements (capacity n), carved from a
// chunk, or from the heap when n is large.
func (r *runs[T]) make(n int) []T {
	if n > runLen/4 {
		return make([]T, n)
	}
	if r.c < len(r.chunks) && r.n+n > runLen {
		r.c, r.n = r.c+1, 0
	}
	if r.c == len(r.chunks) {
		r.chunks = append(r.chunks, make([]T, runLen))
	}
	out := r.chunks[r.c][r.n : r.n+n : r.n+n]
	r.n += n
	return out
}

// reset takes every slice back.
func (r *runs[T]) reset() {
	for c := 0; c <= r.c && c < len(r.chunks); c++ {
		clear(r.chunks[c])
	}
	r.c, r.n = 0, 0
}

// arenaPool keeps the arenas given back: a load's prefetch window's
// worth, shared by the loads of a process.
var arenaPool = sync.Pool{New: func() any { return new(pieceArena) }}

// evalBlock returns an empty evaluated block, from a when a is not nil.
func (a *pieceArena) evalBlock() *evalBlock {
	if a == nil {
		return &evalBlock{}
	}
	return a.evalBlocks.next()
}

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

// asHCLBlock is b.AsHCLBlock(), from a when a is not nil.
func asHCLBlock(b *hclsyntax.Block, a *pieceArena) *hcl.Block {
	if a == nil {
		return b.AsHCLBlock()
	}
	hb := a.hblocks.next()
	*hb = hcl.Block{Type: b.Type, Labels: b.Labels, Body: b.Body, DefRange: b.DefRange(), TypeRange: b.TypeRange, LabelRanges: b.LabelRanges}
	return hb
}
