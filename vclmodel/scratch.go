package vclmodel

import (
	"sync"

	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/vcl"
)

// scratch is what reading one service (apply) works with and nothing
// keeps once it is read: the reader, the program and the flow, with the
// tables and lists they fill. A lint reads thousands of services, most
// with a few snippets: made anew for each, these were a third of what the
// model allocated (BenchmarkVCLModel). A scratch is taken from a pool for
// a service and given back once the service is read, its tables emptied
// but their room kept (scratch.reset). What the model keeps (the facts,
// exits, and what their closures hold) is never part of a scratch.
type scratch struct {
	r  reader
	p  program
	fl flow
	// slab is where the flows of the services this scratch reads, one
	// after another, make the condition nodes their exits keep.
	slab condSlab
	// arena holds the custom VCL trees of the service being read, taken
	// back once it is read (parse); sources, the sources of its VCL and
	// snippets (1.1 MB at 16,000 services, made one by one).
	arena   vcl.Arena
	sources chunk.Arena[source]
	// conditions are the flow's (flow.newCondition); infos and gen, the
	// descriptions of generated VCL and where it is made (genRoom).
	conditions chunk.Arena[condition]
	infos      chunk.Arena[genInfo]
	gen        genRoom
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// maxKept bounds the entries of a table or list a scratch keeps for the
// next service: clearing a large one for every small service read after
// one large service would cost more than making small ones.
const maxKept = 512

// flow returns the scratch's flow over p, a program of its reader.
func (sc *scratch) flow(p *program) *flow {
	fl := &sc.fl
	fl.r, fl.prog, fl.custom, fl.snippets, fl.hasCustom = &sc.r, p, &p.custom, &p.snippets, p.hasCustom
	fl.slab, fl.condArena = &sc.slab, &sc.conditions
	if fl.touches == nil {
		fl.touches, fl.relevance = map[string]bool{}, map[vcl.Stmt]bool{}
	}
	return fl
}

// put empties the scratch and gives it back to the pool.
func (sc *scratch) put() {
	sc.reset()
	scratches.Put(sc)
}

// reset empties the scratch, keeping the room of its tables and lists.
func (sc *scratch) reset() {
	r, p, fl := &sc.r, &sc.p, &sc.fl
	sc.r = reader{subs: subTable{list: emptied(r.subs.list)}, checkNodes: emptied(r.checkNodes), setPrints: emptied(r.setPrints),
		forwardedAt: emptied(r.forwardedAt), guardAt: emptied(r.guardAt)}
	sc.p = program{custom: subTable{list: emptied(p.custom.list)}, snippets: snipTable{list: emptied(p.snippets.list)}}
	sc.fl = flow{touches: emptiedMap(fl.touches), relevance: emptiedMap(fl.relevance), conditions: emptiedMap(fl.conditions),
		keys: emptiedMap(fl.keys), ids: emptiedMap(fl.ids), recorded: emptied(fl.recorded), noted: emptiedMap(fl.noted),
		chunk: emptied(fl.chunk), written: emptiedMap(fl.written), bodies: emptied(fl.bodies), keyBuf: emptiedUpTo(fl.keyBuf, maxKeptBytes)}
	// Nothing of the scratch reads a tree or a source now.
	sc.arena.Reset()
	sc.sources.Reset(nil)
	sc.conditions.Reset(nil)
	sc.infos.Reset(nil)
	sc.gen = genRoom{}
}

// emptied returns list cleared to length 0 (nothing it held is kept),
// or nil when it grew past maxKept. Only its length is cleared: what
// lies past it was cleared by the reset before, as a list only grows
// between resets.
func emptied[S ~[]E, E any](list S) S {
	if cap(list) > maxKept {
		return nil
	}
	clear(list)
	return list[:0]
}

// emptiedUpTo is emptied with a bound of its own, for a buffer truncated
// while in use (the key buffer), which holds bytes past its length: its
// whole room is cleared.
func emptiedUpTo[S ~[]E, E any](list S, bound int) S {
	if cap(list) > bound {
		return nil
	}
	clear(list[:cap(list)])
	return list[:0]
}

// maxKeptBytes bounds the bytes a scratch's byte buffer keeps (a
// service's atom keys: a few hundred bytes to a few kilobytes, more than
// maxKept).
const maxKeptBytes = 16 << 10

// emptiedMap returns m cleared, or nil when it grew past maxKept.
func emptiedMap[M ~map[K]V, K comparable, V any](m M) M {
	if len(m) > maxKept {
		return nil
	}
	clear(m)
	return m
}
