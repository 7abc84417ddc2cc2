// Package loader turns the files a user names into one service graph: it
// walks directories, picks the loader for each file by its name and
// content, and records what could not be read. Each format's loader lives
// in a package of its own below this one.
package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/memo"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/loader/compute"
	"github.com/chainlint/chainlint/loader/fastlyapi"
	"github.com/chainlint/chainlint/loader/terraform"
	"github.com/chainlint/chainlint/vclmodel"
)

// Options tune loading.
type Options struct {
	// Overlay maps file paths to content that replaces what is on disk
	// (the language server's unsaved buffers).
	Overlay map[string][]byte
	// Exclude skips files and directories found while walking a directory
	// (files named explicitly are always loaded).
	Exclude func(path string) bool
	// Terraform tunes the Terraform loader (--var, --var-file,
	// --allow-outside-root).
	Terraform terraform.Options
	// Memo caches parse results across loads (the language server's).
	Memo *memo.Cache
	// OnRead, when set, is told the inputs' sizes once they are read: the
	// command line sets the collector's pace by them (package budget).
	OnRead func(Sizes)
	// Prepare, when set, is run on each service a loader builds, as it is
	// built (see graph.Graph.Prepare): g is the graph being loaded, sink
	// the graph collecting what the service's load reports.
	Prepare func(g, sink *graph.Graph, s *graph.Service)
	// OutsideHeap reads JSON and YAML files and .tf files of outsideLeast
	// bytes or more outside the Go heap (safefile.ReadOutside; on Linux),
	// for a load whose parse cache is transient: the collector does not
	// count a large export as live while it paces the load (16,000
	// services: a 20 MB file). A streamed export gives its memory back as
	// its load gets past it (fastlyapi.Disk) and the rest once released
	// (graph.Files.Release). A file that is not released (one parsed
	// whole, terraform show -json output, a JSON file that is no export)
	// stays mapped for the life of the process: for a process that loads
	// once, as the command line does. A streamed .tf file gives back the
	// pages of its resources as they are built, and the rest when the
	// Terraform load ends (terraform.Options.Mapped); one parsed whole is
	// copied onto the heap.
	OutsideHeap bool
	// OnUnmap, when set, is told the bytes of inputs read outside the
	// heap that were unmapped once loaded.
	OnUnmap func(bytes int64)
}

// outsideLeast is the size from which Options.OutsideHeap reads a file
// outside the heap (a variable: tests read every file outside).
var outsideLeast int64 = 1 << 20

// Sizes are the inputs' sizes in bytes: in all, and of the kinds whose
// parsers are slowest per byte (Terraform HCL, YAML), for which the
// collector's work weighs least.
type Sizes struct {
	Total, HCL, YAML int64
	// Outside is the bytes read outside the Go heap (Options.OutsideHeap),
	// which the runtime's memory limit does not count; OnUnmap is told
	// when they are unmapped.
	Outside int64
}

// MaxFileSize is the largest input chainlint reads: a larger file is a
// parse-error (bounded memory beats a slow death on a stray dump).
const MaxFileSize = safefile.MaxSize

// skipDirs are directories a walk never enters.
var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true, ".terraform": true}

// Paths loads every file named, and every candidate file below every
// directory named, into a new graph. Errors reading a file become
// parse-error problems in the graph; the returned error is only for a path
// that does not exist at all.
func Paths(paths []string, opts Options) (*graph.Graph, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	g := graph.NewGraph()
	g.Memo = opts.Memo
	if opts.Prepare != nil {
		g.Prepare = func(sink *graph.Graph, s *graph.Service) { opts.Prepare(g, sink, s) }
		defer func() { g.Prepare = nil }() // the load's only
	}
	w := &walker{opts: opts, seenFile: map[string]bool{}, seenDir: map[string]bool{}, realDirs: map[string]string{}}
	for _, p := range paths {
		if r, err := filepath.Abs(p); err == nil {
			if real, err := filepath.EvalSymlinks(r); err == nil {
				r = real
			}
			w.roots = append(w.roots, r)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if _, ok := opts.Overlay[p]; ok {
				w.inputs = append(w.inputs, input{p, true, filepath.Dir(p)})
				continue
			}
			return nil, fmt.Errorf("%s: no such file or directory", p)
		}
		if !info.IsDir() {
			if w.firstFile(p, false) {
				w.inputs = append(w.inputs, input{p, true, filepath.Dir(p)})
			}
			continue
		}
		if err := w.walk(p, p); err != nil {
			return nil, err
		}
	}
	inputs := w.inputs
	for _, n := range w.skipped {
		f := g.Files.Add(n.path, nil)
		g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: f.Pos(0), End: f.Pos(0), Message: n.why})
	}
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].path < inputs[j].path })
	if g.Memo == nil {
		g.Memo = memo.NewTransient() // this load's own: it carries the parallel parses
	}
	outside := opts.OutsideHeap && !g.Memo.Persistent()
	contents, mapped, aheads, readErrs, unread := readAll(g.Memo, inputs, opts.Overlay, outside)
	if opts.OnRead != nil {
		var sz Sizes
		for i, c := range contents {
			n := int64(len(c))
			sz.Total += n
			if mapped[i] != nil {
				sz.Outside += n
			}
			switch strings.ToLower(filepath.Ext(inputs[i].path)) {
			case ".tf":
				sz.HCL += n
			case ".yaml", ".yml":
				sz.YAML += n
			}
		}
		opts.OnRead(sz)
	}
	tf := map[string]terraform.Dir{}
	var manifests []string
	var vclInputs []int
	// Each file loads into a fragment of its own. Deciding what a file is
	// and registering it are serial (a file's place among the files decides
	// its positions); building an export's services is not, and runs for
	// all exports at once below: a workspace of many small exports (the
	// language server's) loads on every core, not file by file.
	var frags []*graph.Graph
	var builds []func()
	for i, in := range inputs {
		if filepath.Base(in.path) == compute.ManifestName {
			manifests = append(manifests, in.path)
			continue
		}
		if terraform.IsCandidate(in.path) {
			dir := filepath.Dir(in.path)
			d := tf[dir]
			d.Files, d.Root = append(d.Files, in.path), in.root
			tf[dir] = d
			continue
		}
		if unread[i] {
			continue
		}
		if isVCL(in.path) && readErrs[i] == "" {
			vclInputs = append(vclInputs, i) // after Terraform: it may render them
			continue
		}
		frag := g.Fragment()
		frags = append(frags, frag)
		if readErrs[i] != "" {
			f := g.Files.Add(in.path, nil)
			frag.AddProblem(graph.Problem{Rule: graph.RuleParseError, Pos: f.Pos(0), End: f.Pos(0), Message: readErrs[i]})
			continue
		}
		var disk *fastlyapi.Disk
		if _, unsaved := opts.Overlay[in.path]; !unsaved {
			disk = &fastlyapi.Disk{}
			if m := mapped[i]; m != nil {
				disk.Drop = func(from, to int) {
					safefile.Told(opts.OnUnmap).Tell(m.Drop(from, to))
				}
			}
		}
		if build := beginFile(frag, in.path, contents[i], in.explicit, aheads[i], disk); build != nil {
			builds = append(builds, build)
		}
	}
	runAll(builds)
	g.Merge(frags...)
	var unmapped int
	for i, m := range mapped {
		// An export read outside the heap that no longer holds it (it was
		// released once built, or read again) is unmapped; nothing may
		// point into it after (aheads holds the decision that outlined
		// it). One that holds it keeps it for the life of the process.
		if f := g.Files.Get(inputs[i].path); m != nil && f != nil && !holds(f.Content, contents[i]) {
			contents[i], aheads[i] = nil, nil
			unmapped += m.Free()
		}
	}
	safefile.Told(opts.OnUnmap).Tell(unmapped)
	// Loaders that read further files (file(), sources) see unsaved
	// buffers too. What Terraform reads through file() or templatefile()
	// is linted where it is used, as rendered, and not again on its own.
	var readMu sync.Mutex
	readByTerraform := map[string]bool{}
	held := newReadAhead(inputs, contents)
	read := func(path string) ([]byte, error) {
		readMu.Lock()
		readByTerraform[filepath.Clean(path)] = true
		readMu.Unlock()
		if b := held.take(path); b != nil {
			return b, nil
		}
		if b, ok := opts.Overlay[path]; ok {
			return b, nil
		}
		return safefile.ReadText(path, MaxFileSize)
	}
	if len(tf) > 0 {
		topts := opts.Terraform
		if topts.Read == nil {
			topts.Read = read
			topts.OnDisk = func(path string) bool {
				_, unsaved := opts.Overlay[path]
				return !unsaved
			}
			outsideTF := map[string]*safefile.Mapped{}
			for i, m := range mapped {
				if m != nil && strings.HasSuffix(inputs[i].path, ".tf") {
					outsideTF[filepath.Clean(inputs[i].path)] = m
				}
			}
			topts.Mapped = func(path string, b []byte) *safefile.Mapped {
				if m := outsideTF[filepath.Clean(path)]; m.Holds(b) {
					return m
				}
				return nil
			}
			topts.OnUnmap = opts.OnUnmap
		}
		terraform.Load(g, tf, topts)
		// A .tf file read outside the heap that the load did not read
		// is given back now (Load gives back those it read).
		unmapped = 0
		for i, m := range mapped {
			if m != nil && strings.HasSuffix(inputs[i].path, ".tf") {
				contents[i] = nil
				unmapped += m.Free()
			}
		}
		safefile.Told(opts.OnUnmap).Tell(unmapped)
	}
	// .vcl files Terraform did not read are parsed in parallel (not ahead
	// with the other inputs: a Terraform estate's files are read as
	// rendered, and their trees would only be held), then loaded in order.
	var vclLoads []int
	var vclParses []func()
	for _, i := range vclInputs {
		if p := inputs[i].path; !readByTerraform[filepath.Clean(p)] || g.Files.Get(p) == nil {
			vclLoads = append(vclLoads, i)
			vclParses = append(vclParses, func() { vclmodel.Parse(g.Memo, contents[i], "") })
		}
	}
	runAll(vclParses)
	for _, i := range vclLoads {
		loadFile(g, inputs[i].path, contents[i], inputs[i].explicit)
	}
	if len(manifests) > 0 {
		compute.Load(g, manifests, read) // last: projects join loaded services
	}
	// The VCL model is not run here: it is an analysis step of its own
	// (analyzer.VCLModelAnalyzer) that the rules require. (Options.Prepare
	// lets it read services early, as loaders build them.)
	g.Finish()
	// A load's own parse cache stays with the graph for the VCL model,
	// which takes the VCL parsed ahead from it, and then drops it.
	return g, nil
}

// readAhead hands the files readAll read to the loaders that read files
// themselves (Terraform, Compute), so that no file is read, and held, twice.
// A .tf file's contents are handed over once and dropped here: the
// Terraform loader keeps what it needs of them, and a second read (a
// streamed load done again whole) goes to the disk. Any other file's
// contents stay, shared, since they may still be loaded on their own.
type readAhead struct {
	mu       sync.Mutex
	index    map[string]int // clean path → index in contents
	contents [][]byte
}

func newReadAhead(inputs []input, contents [][]byte) *readAhead {
	r := &readAhead{index: make(map[string]int, len(inputs)), contents: contents}
	for i, in := range inputs {
		if contents[i] != nil {
			r.index[filepath.Clean(in.path)] = i
		}
	}
	return r
}

// take returns the contents read of path, or nil when it was not read.
func (r *readAhead) take(path string) []byte {
	clean := filepath.Clean(path)
	r.mu.Lock()
	defer r.mu.Unlock()
	i, ok := r.index[clean]
	if !ok {
		return nil
	}
	b := r.contents[i]
	if terraform.IsCandidate(clean) {
		delete(r.index, clean)
		r.contents[i] = nil
	}
	return b
}

// input is a file to load.
type input struct {
	path     string
	explicit bool
	root     string // the path argument it was found under
}

// walker finds the inputs below the paths given. Files and directories
// are identified by their real path (symlinks resolved), so that a file
// reached twice (a directory given as "tf" and as "$PWD/tf", a link to a
// file beside it) is loaded once, under the first name it was reached by,
// and a directory link that loops is entered once. Symlinks found while
// walking are followed when their target lies inside the paths given, and
// noted (skipped-input) when it does not: a link out of the tree can lead
// anywhere (a credentials file printed in an excerpt, a device).
type walker struct {
	opts              Options
	roots             []string
	seenFile, seenDir map[string]bool
	realDirs          map[string]string // a walked directory's real path, by its path
	inputs            []input
	skipped           []skippedInput
}

type skippedInput struct{ path, why string }

// firstFile and firstDir mark a file's or a directory's real path seen
// and report whether it was new. entry says that path is an entry the
// walk met that is no symbolic link.
func (w *walker) firstFile(path string, entry bool) bool {
	return firstTime(w.seenFile, w.realPath(path, entry))
}

func (w *walker) firstDir(path string, entry bool) bool {
	real := w.realPath(path, entry)
	w.realDirs[filepath.Clean(path)] = real
	return firstTime(w.seenDir, real)
}

func firstTime(seen map[string]bool, real string) bool {
	if seen[real] {
		return false
	}
	seen[real] = true
	return true
}

// realPath returns path made absolute, its links resolved. An entry that
// is no link, in a directory whose real path the walk knows, is that path
// and its name, with no system call (resolving every file's path took
// some six lstat calls each).
func (w *walker) realPath(path string, entry bool) string {
	if entry {
		if dir, ok := w.realDirs[filepath.Dir(path)]; ok {
			return filepath.Join(dir, filepath.Base(path))
		}
	}
	real := path
	if abs, err := filepath.Abs(path); err == nil {
		real = abs
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			real = r
		}
	}
	return real
}

// inside reports whether a link's target lies inside a path given, and
// whether it lies inside another path given than root (the one the walk
// met the link under) while outside root: that path loads it under its
// own name.
func (w *walker) inside(path, root string) (inside, another bool) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false, false
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	own := w.realPath(root, false)
	for _, r := range w.roots {
		if safefile.Within(r, real) {
			inside = true
			another = another || r != own && !safefile.Within(own, real)
		}
	}
	return inside, another
}

func (w *walker) walk(dir, root string) error {
	if !w.firstDir(dir, false) {
		return nil // reached before: a repeated path or a link loop
	}
	// WalkDir does not follow a link it starts at (a linked directory
	// met on the way): a trailing separator makes it.
	start := dir
	if st, err := os.Lstat(dir); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		start = dir + string(filepath.Separator)
	}
	return filepath.WalkDir(start, func(path string, d fs.DirEntry, err error) error {
		if path == start {
			path = dir
		}
		if err != nil {
			if path != dir {
				w.inputs = append(w.inputs, input{path, true, root}) // reported as unreadable
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		excluded := w.opts.Exclude != nil && w.opts.Exclude(path)
		if d.IsDir() {
			if path == dir {
				return nil
			}
			if skipDirs[d.Name()] || strings.HasPrefix(d.Name(), ".") || excluded || !w.firstDir(path, true) {
				return fs.SkipDir
			}
			return nil
		}
		if excluded {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return w.link(path, root)
		}
		if d.Type().IsRegular() && isCandidate(path) && w.firstFile(path, true) {
			w.inputs = append(w.inputs, input{path, false, root})
		}
		return nil
	})
}

// link follows a symlink met while walking.
func (w *walker) link(path, root string) error {
	st, err := os.Stat(path)
	if err != nil {
		if isCandidate(path) {
			w.skipped = append(w.skipped, skippedInput{path, "skipped: a symbolic link whose target cannot be reached (" + readError(err) + ")"})
		}
		return nil
	}
	if !st.IsDir() && !isCandidate(path) {
		return nil
	}
	if strings.HasPrefix(filepath.Base(path), ".") || st.IsDir() && skipDirs[filepath.Base(path)] {
		return nil
	}
	inside, another := w.inside(path, root)
	if !inside {
		target, _ := os.Readlink(path)
		w.skipped = append(w.skipped, skippedInput{path, fmt.Sprintf("skipped: a symbolic link to %s, which leads outside the paths given; name that path to lint it", target)})
		return nil
	}
	if another {
		return nil // loaded under the name of the path given that holds it
	}
	if st.IsDir() {
		return w.walk(path, root)
	}
	if w.firstFile(path, false) {
		w.inputs = append(w.inputs, input{path, false, root})
	}
	return nil
}

// readAll reads the files concurrently, bounded by GOMAXPROCS, and parses
// each into the parse cache (or, for a kind loaded in steps, takes its
// first step, returned in aheads), so that the load that follows (in path
// order: the graph and the output stay deterministic) finds them parsed.
// A file that cannot be read, or is too large, gets its message. A JSON
// file found in a directory is first looked at (its top-level keys, read
// as a stream): one that certainly is no Fastly export is left unread and
// marked so, since a repository can vendor tens of thousands of them.
// With outside, an export of outsideLeast bytes or more is read outside
// the Go heap, into mapped[i].
func readAll(m *memo.Cache, inputs []input, overlay map[string][]byte, outside bool) (contents [][]byte, mapped []*safefile.Mapped, aheads []any, errs []string, unread []bool) {
	contents = make([][]byte, len(inputs))
	mapped = make([]*safefile.Mapped, len(inputs))
	aheads = make([]any, len(inputs))
	errs = make([]string, len(inputs))
	unread = make([]bool, len(inputs))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				path := inputs[i].path
				if _, over := overlay[path]; !over && !inputs[i].explicit && certainlyNotExport(path) {
					unread[i] = true
					continue
				}
				contents[i], mapped[i], errs[i] = readOne(path, overlay, outside && readsOutside(path))
				if errs[i] == "" {
					aheads[i] = parseAhead(m, path, contents[i], inputs[i].explicit)
				}
			}
		}()
	}
	for i := range inputs {
		work <- i
	}
	close(work)
	wg.Wait()
	return contents, mapped, aheads, errs, unread
}

// readsOutside reports a file Options.OutsideHeap reads outside the heap
// when it is large: a Fastly export, or a .tf file (a streamed Terraform
// load gives its memory back as it builds the resources it holds:
// terraform.Options.Mapped).
func readsOutside(path string) bool {
	return fastlyapi.IsCandidate(path) && !terraform.IsCandidate(path) || strings.HasSuffix(path, ".tf")
}

// holds reports whether content is (a part of) the memory of read.
func holds(content, read []byte) bool {
	return len(content) > 0 && len(read) > 0 && &content[0] == &read[0]
}

// certainlyNotExport reports a .json file (not Terraform's .tf.json) whose
// top-level keys show it is neither a Fastly export nor terraform show
// -json output. A file that cannot be opened is not certain: the read
// reports why.
func certainlyNotExport(path string) bool {
	if !strings.EqualFold(filepath.Ext(path), ".json") || terraform.IsCandidate(path) {
		return false
	}
	f, _, err := safefile.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return !fastlyapi.MightBeExport(f)
}

// readOne reads an input: from the overlay, or from disk, outside the Go
// heap when outside is set and the file is large (safefile.ReadOutside:
// m gives it back).
func readOne(path string, overlay map[string][]byte, outside bool) (b []byte, m *safefile.Mapped, problem string) {
	if b, ok := overlay[path]; ok {
		return b, nil, ""
	}
	var err error
	if outside {
		b, m, err = safefile.ReadOutside(path, MaxFileSize, outsideLeast)
	} else {
		b, err = safefile.ReadText(path, MaxFileSize)
	}
	var tooLarge *safefile.TooLargeError
	if errors.As(err, &tooLarge) {
		return nil, nil, tooLarge.Error()
	}
	if err != nil {
		return nil, nil, "cannot read file: " + readError(err)
	}
	return b, m, ""
}

// kinds is the registry of input kinds: which files are inputs, how each
// is parsed ahead (in parallel, into the cache) and which loader reads it.
// The first kind that matches a file wins. Terraform (.tf, .tf.json) is
// loaded a directory at a time and Compute manifests after every other
// input (Paths groups them); their load is nil here. Adding a kind is one
// entry.
var kinds = []struct {
	name string
	// match reports a file of this kind, from its name and (when read)
	// its content; content is nil when only the name is known.
	match func(path string, content []byte) bool
	// parseAhead runs on the parallel read-ahead: it parses a file into
	// the cache the way the kind's load will, or finds out all begin needs
	// (ahead).
	parseAhead func(m *memo.Cache, path string, content []byte, explicit bool) (ahead any)
	load       func(g *graph.Graph, path string, content []byte, explicit bool)
	// begin is load in steps (see beginFile), for a kind whose load may
	// run alongside others'; a kind has one or the other. ahead is what
	// parseAhead found, or nil.
	// disk, when set, says that content is the file as read from disk
	// (not an unsaved buffer).
	begin func(g *graph.Graph, path string, content []byte, explicit bool, ahead any, disk *fastlyapi.Disk) (build func(), ok bool)
}{
	{name: "terraform", match: func(path string, _ []byte) bool { return terraform.IsCandidate(path) },
		parseAhead: func(m *memo.Cache, path string, content []byte, _ bool) any {
			if m.Persistent() || !strings.HasSuffix(path, ".tf") { // a transient load streams .tf files
				terraform.ParseAhead(m, path, content) // the loader reports the diagnostics
			}
			return nil
		}},
	{name: "terraform show -json", match: func(path string, content []byte) bool {
		return strings.HasSuffix(path, ".json") && content != nil && terraform.IsShowJSON(content)
	}, load: func(g *graph.Graph, path string, content []byte, _ bool) { terraform.LoadShowJSON(g, path, content) }},
	{name: "Fastly API export", match: func(path string, _ []byte) bool { return fastlyapi.IsCandidate(path) },
		parseAhead: func(m *memo.Cache, path string, content []byte, explicit bool) any {
			return fastlyapi.Decide(m, path, content, explicit)
		},
		begin: func(g *graph.Graph, path string, content []byte, explicit bool, ahead any, disk *fastlyapi.Disk) (func(), bool) {
			d, _ := ahead.(*fastlyapi.Decision)
			return fastlyapi.Begin(g, path, content, explicit, d, disk)
		}},
	{name: "VCL", match: func(path string, _ []byte) bool { return isVCL(path) },
		// Parsed once Terraform has read what it reads (Paths).
		load: func(g *graph.Graph, path string, content []byte, _ bool) { loadVCLFile(g, path, content) }},
	{name: "Compute project", match: func(path string, _ []byte) bool { return filepath.Base(path) == compute.ManifestName }},
}

// parseAhead parses a file the way its loader will, into the cache, or
// finds out what its loader's begin needs (ahead).
func parseAhead(m *memo.Cache, path string, content []byte, explicit bool) (ahead any) {
	for _, k := range kinds {
		if k.match(path, content) {
			if k.parseAhead == nil {
				return nil
			}
			return k.parseAhead(m, path, content, explicit)
		}
	}
	return nil
}

// readError drops the path from an os error: the finding already names it.
func readError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// isCandidate reports a file some kind reads, by its name.
func isCandidate(path string) bool {
	for _, k := range kinds {
		if k.match(path, nil) {
			return true
		}
	}
	return false
}

func isVCL(path string) bool { return strings.EqualFold(filepath.Ext(path), ".vcl") }

// beginFile loads a file, but of an export only the serial first step
// (fastlyapi.Begin): it returns the step that builds the export's
// services, or nil. disk says that content is the file as read from
// disk (fastlyapi.Disk). loadFile takes both steps.
func beginFile(g *graph.Graph, path string, content []byte, explicit bool, ahead any, disk *fastlyapi.Disk) (build func()) {
	for _, k := range kinds {
		if k.match(path, content) {
			switch {
			case k.begin != nil:
				build, _ = k.begin(g, path, content, explicit, ahead, disk)
			case k.load != nil:
				k.load(g, path, content, explicit)
			}
			return build
		}
	}
	return nil
}

// runAll runs the functions on up to GOMAXPROCS goroutines.
func runAll(fns []func()) {
	if len(fns) == 1 {
		fns[0]()
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(fns)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(fns); k = int(next.Add(1) - 1) {
				fns[k]()
			}
		})
	}
	wg.Wait()
}

// loadFile hands one file to the loader for its kind.
func loadFile(g *graph.Graph, path string, content []byte, explicit bool) {
	if build := beginFile(g, path, content, explicit, nil, nil); build != nil {
		build()
	}
}
