package fastlyapi

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/safefile"
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

// Disk says that an export's content is its file as read from disk (Begin):
// a streamed load releases it once built (graph.Files.Release), its
// services keeping copies of what they hold, unless its escaped VCL is
// most of the file (large custom VCL, better kept than copied).
//
// Drop, when set, gives back the memory of the content's bytes from..to,
// which the load is past (content read outside the heap:
// loader.Options.OutsideHeap): each run of services then copies its
// texts' JSON strings once built, the bytes of the services before the
// first run not yet built are given back as the load goes, and the file
// is released whatever its share of VCL (what is copied was given back).
// A load that must parse the file whole after all (a part that does not
// parse) reads it again.
type Disk struct {
	Drop func(from, to int)
}

// reread reads the file again for a load that gave back parts of its
// content and must parse it whole: nil, with a problem reported, when
// it is no longer as long as it was.
func (l *loader) reread(name string, size int) []byte {
	// The failed stream's outline and setter point into the content.
	l.outline, l.shared = nil, nil
	b, err := safefile.ReadText(name, 0)
	if err != nil || len(b) != size {
		l.g.Files.Discard(name)
		l.problem(0, 0, graph.ChangedWhileRead)
		return nil
	}
	l.g.Files.Replace(name, b)
	return b
}

// progress follows which runs of services (fragments) are built, and
// gives back the bytes of the items before the first one that is not.
type progress struct {
	mu    sync.Mutex
	done  []bool
	first int             // the first fragment not built
	at    int             // where the bytes not given back start
	start func(k int) int // where fragment k's items start (past the last: the last item's end)
	drop  func(from, to int)
}

// built marks fragment k built.
func (p *progress) built(k int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done[k] = true
	for p.first < len(p.done) && p.done[p.first] {
		p.first++
	}
	// In steps of dropStep bytes at least: each is a system call or two.
	if to := p.start(p.first); to >= p.at+dropStep || to > p.at && p.first == len(p.done) {
		p.drop(p.at, to)
		p.at = to
	}
}

// dropStep is the least a load gives back at once (progress.built); a
// variable for tests.
var dropStep = 1 << 20

// release drops the file's content once a streamed load has built it
// (a load with a keeper): the texts' JSON strings are copied first, unless
// they are most of the file (large custom VCL), which is then kept. (A
// load that gave back parts, l.drop, copied each run's texts as it went:
// none are left here.)
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
		if l.drop == nil {
			return
		}
		// Changed on disk during the load, parts of it given back: its
		// positions are known, its bytes no longer.
		l.g.Files.Discard(name)
	}
	l.forget()
}

// forget drops what the loader and its backends' shared setter hold of
// the content, which is released (its memory may be unmapped:
// loader.Options.OutsideHeap): nothing the graph keeps may point into it,
// where the collector would find it.
func (l *loader) forget() {
	l.outline = nil
	if l.shared != nil && l.shared.outline != nil {
		l.shared.outline = l.shared.outline.On(nil)
	}
}
