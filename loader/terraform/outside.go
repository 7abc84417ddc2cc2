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
	// live counts the pieces not yet built on each page; a page whose
	// count falls to 0 is given back.
	live    []int32
	onUnmap func(int64)
}

func newOutsideText(m *safefile.Mapped, size int, onUnmap func(int64)) *outsideText {
	page := os.Getpagesize()
	return &outsideText{m: m, page: page, live: make([]int32, (size+page-1)/page), onUnmap: onUnmap}
}

// pages returns the pages bytes from..to lie on.
func (o *outsideText) pages(from, to int) (first, last int) {
	return from / o.page, max(to-1, from) / o.page
}

// hold counts a piece of bytes from..to.
func (o *outsideText) hold(from, to int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	first, last := o.pages(from, to)
	for p := first; p <= last && p < len(o.live); p++ {
		o.live[p]++
	}
}

// dropIdle gives back the pages no piece is on (the file's other blocks
// are parsed from copies), once the file is cut.
func (o *outsideText) dropIdle() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.dropRuns(0, len(o.live)-1, func(p int) bool { return o.live[p] == 0 })
}

// done gives back the pages of the piece from..to, built, that no other
// piece not yet built is on.
func (o *outsideText) done(from, to int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	first, last := o.pages(from, to)
	last = min(last, len(o.live)-1)
	for p := first; p <= last; p++ {
		o.live[p]--
	}
	o.dropRuns(first, last, func(p int) bool { return o.live[p] == 0 })
}

// dropRuns gives back each run of the pages first..last that idle
// reports; o.mu is held. A page is given back once: when it is counted
// last (done), or, counted by none, after the cut (dropIdle).
func (o *outsideText) dropRuns(first, last int, idle func(int) bool) {
	var given int
	for p := first; p <= last; {
		if !idle(p) {
			p++
			continue
		}
		q := p
		for q+1 <= last && idle(q+1) {
			q++
		}
		given += o.m.Drop(p*o.page, (q+1)*o.page)
		p = q + 1
	}
	if given > 0 && o.onUnmap != nil {
		o.onUnmap(int64(given))
	}
}

// free gives back what is left of the file's memory.
func (o *outsideText) free() {
	if n := o.m.Free(); n > 0 && o.onUnmap != nil {
		o.onUnmap(int64(n))
	}
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
	if n := m.Free(); n > 0 && l.opts.OnUnmap != nil {
		l.opts.OnUnmap(int64(n))
	}
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
