package terraform

import (
	"bytes"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A streamed load keeps no module's whole syntax tree. hclsyntax's tree
// of a module is some 20 times its source, and a module of thousands of
// services would hold it all while it is evaluated. Instead, each .tf
// file is cut into its top-level blocks (splitTopLevel); a modelled
// resource keeps only its text, its type and name (read from the block's
// header) and the names its text may refer to (found lexically: a
// superset of its references, which is all evaluation order needs). It is
// parsed when it is evaluated, on a pool of goroutines a few resources
// ahead of the evaluation, built into services and stores at once, and
// its tree dropped: the arena it was parsed and evaluated into is used
// again for the next resource (arena.go). Every other block (variables, locals, outputs, module
// calls, resources chainlint does not model) is parsed as it is read.
//
// A streamed load goes into a graph fragment. When any piece fails to
// parse, or a file is one chainlint cannot cut, the fragment is dropped
// and the load is done again the whole way, for the whole parse's
// diagnostics: the result is always the whole load's.

// pieceSrc is the text of a resource parsed only when it is evaluated.
type pieceSrc struct {
	file  string
	text  []byte
	start hcl.Pos
	// outside holds text when it is memory outside the heap (nil: a copy
	// on the heap).
	outside *outsideText
	refs    []ref // lexical: see lexicalRefs
	// parsed records that the text parsed: a resource no evaluation
	// reached (a module never called) is parsed at the end for its
	// diagnostics.
	parsed bool
	// tree is the parse kept once the text has been parsed twice
	// (parseShared); parses counts them.
	mu       sync.Mutex
	tree     *resource
	treeRefs []ref
	parses   int
}

// builtSrc stands for the text of a root module's lazily read resource
// once it is built: 17,600 resources held 2.2 MB of pieceSrc to the end
// of the load for nothing.
var builtSrc = &pieceSrc{parsed: true}

// parseShared parses a lazily read resource for an evaluation. A module's
// resources are evaluated once for every call of the module (and every
// instance of the call): from the second parse on, the parse is kept and
// shared, since a tree is only read (8,000 instances of a module parsed
// its resource 8,000 times, a quarter of the run). A root module's
// resources are evaluated once, and their trees are not kept.
//
// The first parse takes its nodes from a when a is not nil, and reports
// it (inArena): a kept tree is the heap's.
func parseShared(r *resource, a *pieceArena) (_ *resource, _ []ref, ok, inArena bool) {
	s := r.src
	s.mu.Lock()
	if t := s.tree; t != nil {
		s.mu.Unlock()
		return t, s.treeRefs, true, false
	}
	s.parses++
	again := s.parses > 1
	s.mu.Unlock()
	if again {
		a = nil
	}
	t, refs, ok := parsePiece(r, a)
	if ok && again {
		s.mu.Lock()
		s.tree, s.treeRefs = t, refs
		s.mu.Unlock()
	}
	return t, refs, ok, a != nil
}

// checkUnparsed parses the lazily read resources no evaluation reached;
// it returns false when one does not parse.
func (l *loader) checkUnparsed() bool {
	for _, m := range l.modules {
		for _, r := range slices.Concat(m.resources, m.dropped) {
			if r.src != nil && !r.src.parsed {
				if _, _, ok := parsePiece(r, nil); !ok {
					return false
				}
			}
		}
	}
	return true
}

// outlineFile registers the blocks of a .tf file with m, parsing all but
// the modelled resources. It returns false, having registered nothing,
// when the file is one to parse whole.
func (l *loader) outlineFile(m *module, name string, src []byte, out *outsideText) bool {
	if _, deep := tooDeep(src); deep {
		return false
	}
	cuts := splitTopLevel(src, 1)
	if cuts == nil {
		cuts = []int{0, len(src)}
	}
	var blocks []*hcl.Block
	var lazy []*resource
	line := 1
	for i := 0; i+1 < len(cuts); i++ {
		text := src[cuts[i]:cuts[i+1]]
		start := hcl.Pos{Line: line, Column: 1, Byte: cuts[i]}
		line += bytes.Count(text, []byte{'\n'})
		typ, labels, blank, ok := blockHeader(text)
		switch {
		case blank:
			continue
		case ok && typ == "resource" && len(labels) == 2 && modelled(labels[0]):
			// A copy: the file's content is released once it is cut
			// (parseModule), and the copy once the resource is built.
			// Memory outside the heap is its own copy, given back page
			// by page as the pieces on it are built (outsideText).
			if out != nil {
				out.hold(cuts[i], cuts[i+1])
				text = text[:len(text):len(text)]
			} else {
				text = bytes.Clone(text)
			}
			// The type is interned: an estate has a handful, for
			// thousands of resources.
			lazy = append(lazy, &resource{typ: l.intern([]byte(labels[0])), name: labels[1],
				src: &pieceSrc{file: name, text: text, start: start, refs: l.lexicalRefs(text), outside: out}})
			continue
		}
		f, diags := parseHCL(bytes.Clone(text), name, start)
		if len(diags) > 0 {
			return false
		}
		if body, ok := f.Body.(*hclsyntax.Body); !ok || len(body.Attributes) > 0 {
			// An argument at the top of a file (Terraform accepts none):
			// parsed alone, a piece cannot see the file's other
			// arguments (HCL reports one set twice), so the file is
			// parsed whole, for the whole parse's diagnostics.
			return false
		}
		content, _, diags := f.Body.PartialContent(topSchema)
		if diags.HasErrors() {
			return false
		}
		blocks = append(blocks, content.Blocks...)
	}
	// Blocks register in file order, lazy resources among them.
	lazyAt := 0
	for _, b := range blocks {
		for lazyAt < len(lazy) && lazy[lazyAt].src.start.Byte < b.DefRange.Start.Byte {
			m.resources = append(m.resources, lazy[lazyAt])
			lazyAt++
		}
		m.addBlock(l, b)
	}
	m.resources = append(m.resources, lazy[lazyAt:]...)
	return true
}

// blockHeader reads what precedes a top-level block's '{': its type and
// labels. blank reports text holding nothing but space and comments; ok
// is false for anything else it does not follow (an attribute, escapes
// in a label).
func blockHeader(text []byte) (typ string, labels []string, blank, ok bool) {
	i := skipSpaceAndComments(text, 0)
	if i >= len(text) {
		return "", nil, true, false
	}
	j := identEnd(text, i)
	if j == i {
		return "", nil, false, false
	}
	typ = string(text[i:j])
	for i = j; ; {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i >= len(text) {
			return "", nil, false, false
		}
		switch text[i] {
		case '{':
			return typ, labels, false, true
		case '"':
			end := bytes.IndexByte(text[i+1:], '"')
			if end < 0 {
				return "", nil, false, false
			}
			label := text[i+1 : i+1+end]
			if bytes.ContainsAny(label, "\\\n") || bytes.Contains(label, []byte("${")) || bytes.Contains(label, []byte("%{")) {
				return "", nil, false, false
			}
			labels = append(labels, string(label))
			i += end + 2
		default:
			j := identEnd(text, i)
			if j == i {
				return "", nil, false, false
			}
			labels = append(labels, string(text[i:j]))
			i = j
		}
	}
}

func skipSpaceAndComments(text []byte, i int) int {
	for i < len(text) {
		switch c := text[i]; {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
			// HCL reads CRLF as a newline and a lone CR as an invalid
			// character: leave that to the parser, as a whole load does.
			i += 2
		case c == '#' || c == '/' && i+1 < len(text) && text[i+1] == '/':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			end := bytes.Index(text[i+2:], []byte("*/"))
			if end < 0 {
				return i // unterminated: the parser reports it
			}
			i += end + 4
		default:
			return i
		}
	}
	return i
}

func identByte(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// identEnd returns the end of the identifier at text[i], or i.
func identEnd(text []byte, i int) int {
	if i >= len(text) || !(text[i] == '_' || text[i] >= 'a' && text[i] <= 'z' || text[i] >= 'A' && text[i] <= 'Z') {
		return i
	}
	for i < len(text) && identByte(text[i]) {
		i++
	}
	return i
}

// lexicalRefs finds every local.NAME, module.NAME and TYPE.NAME of a
// modelled TYPE in text, in code, strings and comments alike: a superset
// of the references that order evaluation (nothing else is an item).
func (l *loader) lexicalRefs(text []byte) []ref {
	var out []ref
	var seen map[ref]bool
	for i := 0; i < len(text); i++ {
		if i > 0 && identByte(text[i-1]) {
			continue
		}
		j := identEnd(text, i)
		if j == i {
			continue
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k < len(text) && text[k] == '.' {
			k++
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			root := unsafe.String(&text[i], j-i) // only compared
			if end := identEnd(text, k); end > k && (root == "local" || root == "module" || modelled(root)) {
				r := ref{l.intern(text[i:j]), l.intern(text[k:end])}
				switch {
				case seen != nil:
					if !seen[r] {
						seen[r] = true
						out = append(out, r)
					}
				case !slices.Contains(out, r):
					out = append(out, r)
					if len(out) == 32 { // a map beyond a few, lest a long text be quadratic
						seen = map[ref]bool{}
						for _, r := range out {
							seen[r] = true
						}
					}
				}
			}
		}
		i = j - 1
	}
	return out
}

// intern returns b as a string, one copy per distinct name: references
// name the same few types and resources over and over, and must not hold
// a piece's text (dropped once it is built).
func (l *loader) intern(b []byte) string {
	if s, ok := l.names[string(b)]; ok {
		return s
	}
	if l.names == nil {
		l.names = map[string]string{}
	}
	s := string(b)
	l.names[s] = s
	return s
}

// parsePiece parses a lazily read resource into a resource with its
// block, and the block's references when fastParse took it (bodyRefs'
// otherwise: nil); ok is false when the text does not parse as one block.
//
// Its nodes come from a when a is not nil (parseHCLIn).
func parsePiece(r *resource, a *pieceArena) (parsed *resource, refs []ref, ok bool) {
	f, refs, diags := parseHCLIn(a, r.src.text, r.src.file, r.src.start)
	if len(diags) > 0 {
		return nil, nil, false
	}
	var block *hcl.Block
	if body, isSyntax := f.Body.(*hclsyntax.Body); isSyntax && len(body.Attributes) == 0 && len(body.Blocks) == 1 &&
		body.Blocks[0].Type == "resource" && len(body.Blocks[0].Labels) == 2 {
		block = a.hclBlock(body.Blocks[0]) // what PartialContent finds, without its copy of the body
	} else {
		content, _, diags := f.Body.PartialContent(topSchema)
		if diags.HasErrors() || len(content.Blocks) != 1 || content.Blocks[0].Type != "resource" {
			return nil, nil, false
		}
		block = content.Blocks[0]
	}
	m := &module{}
	m.addBlock(nil, block)
	parsed = m.resources[0]
	if parsed.typ != r.typ || parsed.name != r.name {
		return nil, nil, false
	}
	return parsed, refs, true
}

// prefetch parses a module's lazily read resources on GOMAXPROCS
// goroutines, in evaluation order and at most a window ahead of it.
type prefetch struct {
	// queue holds the parses in evaluation order, next the first not yet
	// taken: the evaluator takes them in that order (a slot's tree is the
	// evaluator's once taken). (A map by resource held 35 bytes a
	// resource until the module's evaluation ended; a slot a resource,
	// each with a channel of its own, 180.)
	queue []fetched
	next  int
	sem   chan struct{}
	quit  chan struct{}
	wg    sync.WaitGroup
}

type fetched struct {
	src *resource
	// parsing is locked until the parse is done: the worker that parses
	// unlocks it, take waits on it.
	parsing sync.Mutex
	r       *resource
	refs    []ref
	ok      bool
	// arena holds r's tree when r's parse took nodes from it: the
	// evaluator gives it back (recycle) once r is built.
	arena *pieceArena
}

func newPrefetch(order []*resource) *prefetch {
	pf := &prefetch{queue: make([]fetched, len(order)),
		sem: make(chan struct{}, 4*runtime.GOMAXPROCS(0)), quit: make(chan struct{})}
	for i, r := range order {
		pf.queue[i].src = r
		pf.queue[i].parsing.Lock()
	}
	next := make(chan *fetched)
	pf.wg.Go(func() {
		defer close(next)
		for i := range pf.queue {
			select { // a window token before the work, so tokens follow order
			case pf.sem <- struct{}{}:
			case <-pf.quit:
				return
			}
			select {
			case next <- &pf.queue[i]:
			case <-pf.quit:
				return
			}
		}
	})
	for range runtime.GOMAXPROCS(0) {
		pf.wg.Go(func() {
			for f := range next {
				a := getArena()
				var inArena bool
				f.r, f.refs, f.ok, inArena = parseShared(f.src, a)
				if inArena {
					f.arena = a
				} else {
					putArena(a)
				}
				f.parsing.Unlock()
			}
		})
	}
	return pf
}

// take waits for r's parse and frees its place in the window. A
// resource evaluated again (in a cycle: not in the queue) is parsed
// again (parseShared), from the heap. arena, when not nil, holds the
// tree: the caller gives it back (putArena) once nothing reads the tree.
func (pf *prefetch) take(r *resource) (_ *resource, _ []ref, ok bool, arena *pieceArena) {
	if pf == nil || pf.next >= len(pf.queue) || pf.queue[pf.next].src != r {
		// Every lazy resource of the module is in a cycle, or this one is.
		parsed, refs, ok, _ := parseShared(r, nil)
		return parsed, refs, ok, nil
	}
	f := &pf.queue[pf.next]
	pf.next++
	f.parsing.Lock()
	<-pf.sem
	parsed, refs, ok, arena := f.r, f.refs, f.ok, f.arena
	f.r, f.refs, f.arena = nil, nil, nil // the evaluator owns the tree now
	return parsed, refs, ok, arena
}

// stop ends the pool once evaluation is done (or given up).
func (pf *prefetch) stop() {
	close(pf.quit)
	pf.wg.Wait()
}
