package fastlyapi

import (
	"strings"
	"unsafe"

	"github.com/chainlint/chainlint/graph"
)

// A streamed export is released once built: its services keep copies of
// the strings they hold, its texts of VCL their JSON strings
// (graph.OwnJSON), and the file's content is dropped (graph.Files.Release;
// excerpts and fixes read it again). The export was 30 % of a finished
// run's live heap at 16,000 services (19.8 of 66 MiB); the copies are a
// third of the file (its indentation, keys and numbers are not kept).

// keeper copies the strings a load keeps out of the file's content, into
// blocks of keepBlock bytes. Each of a load's goroutines has its own
// (worker); a nil keeper keeps strings as they are.
type keeper struct {
	content []byte
	block   []byte
}

// keepBlock is the size of a keeper's blocks; a string of a quarter of
// this or more is copied on its own.
const keepBlock = 32 << 10

// worker returns a keeper for one more goroutine of the load.
func (k *keeper) worker() *keeper {
	if k == nil {
		return nil
	}
	return &keeper{content: k.content}
}

// str returns s, copied when it shares the file's content.
func (k *keeper) str(s string) string {
	if k == nil || !k.shares(s) {
		return s
	}
	if len(s) >= keepBlock/4 {
		return strings.Clone(s)
	}
	if len(s) > cap(k.block)-len(k.block) {
		k.block = make([]byte, 0, keepBlock)
	}
	start := len(k.block)
	k.block = append(k.block, s...)
	return unsafe.String(&k.block[start], len(s))
}

// shares reports whether s lies in the file's content.
func (k *keeper) shares(s string) bool {
	if len(s) == 0 || len(k.content) == 0 {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	start := uintptr(unsafe.Pointer(unsafe.SliceData(k.content)))
	return p >= start && p < start+uintptr(len(k.content))
}

// release drops the file's content once a streamed load has built it
// (a load with a keeper): the texts' JSON strings are copied first, unless
// they are most of the file (large custom VCL), which is then kept.
func (l *loader) release(name string) {
	if l.keep == nil {
		return
	}
	l.keep = nil
	maps := l.maps
	l.maps = nil
	if !graph.OwnJSON(maps, len(l.f.Content)/2) {
		return
	}
	if !l.g.Files.Release(name, name) {
		return
	}
	// Nothing the graph keeps points into the content now (its memory
	// may be unmapped: loader.Options.OutsideHeap).
	l.outline = nil
	if l.shared != nil && l.shared.outline != nil {
		l.shared.outline = l.shared.outline.On(nil)
	}
}
