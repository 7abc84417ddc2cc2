package terraform

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/chainlint/chainlint/internal/safefile"
)

// A .tf file the command line read outside the Go heap
// (loader.Options.OutsideHeap, safefile.ReadOutside) is cut into pieces
// that point into its memory rather than into copies of their text
// (outlineFile): a load of 16,000 services read 13 MB onto the heap and
// copied 10 MB of it again, a sixth of all it allocated, to drop both
// once each resource was built. A page of the file's memory is given
// back once every piece on it is built (a root module's resources are
// evaluated once: order.go drops a piece's text there), and the rest
// when the streamed load ends (freeOutside), once every text that
// points into it is dropped: a read after would fault.
type outsideText struct {
	mu   sync.Mutex
	m    *safefile.Mapped
	page int
	// live counts the pieces not yet built on each page: 0 once every
	// piece on it is built, dropped (-1) once given back.
	live []int32
	// idle is the pages at 0, not yet given back.
	idle    int
	onUnmap func(int64)
}

// dropped marks a page given back.
const dropped = -1

// dropBatch is the idle pages given back at once: each give-back is two
// system calls (madvise, mprotect), and one for every resource built cost
// 32 ms of CPU at 16,000 services.
const dropBatch = 64

func newOutsideText(m *safefile.Mapped, size int, onUnmap func(int64)) *outsideText {
	page := os.Getpagesize()
	return &outsideText{m: m, page: page, live: make([]int32, (size+page-1)/page), onUnmap: onUnmap}
}

// pages returns the pages bytes from..to lie on.
func (o *outsideText) pages(from, to int) (first, last int) {
	return from / o.page, min(max(to-1, from)/o.page, len(o.live)-1)
}

// hold counts a piece of bytes from..to.
func (o *outsideText) hold(from, to int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	first, last := o.pages(from, to)
	for p := first; p <= last; p++ {
		o.live[p]++
	}
}

// dropIdle gives back the pages no piece is on (the file's other blocks
// are parsed from copies), once the file is cut.
func (o *outsideText) dropIdle() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flush()
}

// done counts the piece of bytes from..to built: its pages that no other
// piece not yet built is on are given back, dropBatch at a time.
func (o *outsideText) done(from, to int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	first, last := o.pages(from, to)
	for p := first; p <= last; p++ {
		if o.live[p] > 0 {
			if o.live[p]--; o.live[p] == 0 {
				o.idle++
			}
		}
	}
	if o.idle >= dropBatch {
		o.flush()
	}
}

// flush gives back every run of pages at 0; o.mu is held.
func (o *outsideText) flush() {
	var given int
	for p := 0; p < len(o.live); {
		if o.live[p] != 0 {
			p++
			continue
		}
		q := p
		for q < len(o.live) && o.live[q] == 0 {
			o.live[q] = dropped
			q++
		}
		given += o.m.Drop(p*o.page, q*o.page)
		p = q
	}
	o.idle = 0
	safefile.Told(o.onUnmap).Tell(given)
}

// free gives back what is left of the file's memory.
func (o *outsideText) free() {
	safefile.Told(o.onUnmap).Tell(o.m.Free())
}

// takeOutside returns how a streamed load cuts *src, the content of
// file name as Read gave it: nil when it is on the heap. Memory outside
// the heap that the load does not cut (a load parsed whole, a .tf.json
// file) is copied onto the heap, *src with it, and given back at once.
func (l *loader) takeOutside(name string, src *[]byte) *outsideText {
	if l.opts.Mapped == nil {
		return nil
	}
	m := l.opts.Mapped(name, *src)
	if m == nil {
		return nil
	}
	if l.streaming && strings.HasSuffix(name, ".tf") {
		o := newOutsideText(m, len(*src), l.opts.OnUnmap)
		if l.outside == nil {
			l.outside = map[string]*outsideText{}
		}
		l.outside[name] = o
		return o
	}
	*src = bytes.Clone(*src)
	safefile.Told(l.opts.OnUnmap).Tell(m.Free())
	return nil
}

// freeOutside ends a streamed load's use of the memory outside the heap:
// every piece's text that points into it is dropped (a module's
// resources, evaluated once a call, and any not built keep theirs to the
// end), then the memory is given back.
func (l *loader) freeOutside() {
	if len(l.outside) == 0 {
		return
	}
	for _, m := range l.modules {
		for _, r := range slices.Concat(m.resources, m.dropped) {
			if s := r.src; s != nil && s.outside != nil {
				s.text = nil
			}
		}
	}
	for _, o := range l.outside {
		o.free()
	}
	l.outside = nil
}
