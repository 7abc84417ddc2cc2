package lint

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/safefile"
)

// MaxFixRounds bounds how often Fix lints again after applying fixes (a
// fix can reveal another finding whose fix is then applied), as tflint's
// --fix and x/tools' fixer do.
const MaxFixRounds = 5

// FixedFile is one file the fixes change.
type FixedFile struct {
	// Name is the file as the findings name it; Old and New its content
	// before and after every round's fixes.
	Name     string
	Old, New []byte
	// NotWritten says why WriteFixes leaves the file alone ("" when it
	// writes it): outside the given paths, or reached through a symlink
	// that was not named explicitly. Such a fix is offered (--diff shows
	// it) but not applied.
	NotWritten string
}

// FixResult is what Fix computed.
type FixResult struct {
	Files []FixedFile
	// Rounds is how many rounds applied at least one fix.
	Rounds int
	// Result is the lint of the fixed contents: what is left to report.
	Result *Result
}

// Fix applies the first suggested fix of every finding, in memory: whole
// fixes or none (a fix whose edits overlap one already taken waits for the
// next round, when it is computed again against the new content), then
// lints the fixed contents again, until nothing more can be fixed or
// MaxFixRounds is reached. Files are identified by their real path
// (symlinks resolved), so a file reached under two names is fixed once.
// Nothing is written: see WriteFixes.
func Fix(opts Options) (*FixResult, error) {
	res, err := Run(opts)
	if err != nil {
		return nil, err
	}
	// original and current content by real path; names keep the first
	// name a file was reached by.
	original := map[string][]byte{}
	current := map[string][]byte{}
	names := map[string]string{}
	overlay := map[string][]byte{}
	for k, v := range opts.Overlay {
		overlay[k] = v
	}
	out := &FixResult{Result: res}
	for round := 0; round < MaxFixRounds; round++ {
		byFile, err := wholeFixes(res, names, current, original)
		if err != nil {
			return nil, err
		}
		if len(byFile) == 0 {
			break
		}
		changed := false
		for real, edits := range byFile {
			fixed, err := analyzer.ApplyEdits(current[real], edits)
			if err != nil {
				return nil, err
			}
			if string(fixed) != string(current[real]) {
				changed = true
			}
			current[real] = fixed
			overlay[names[real]] = fixed
		}
		if !changed {
			break
		}
		out.Rounds++
		next := opts
		next.Overlay = overlay
		next.OnRead = nil
		if res, err = Run(next); err != nil {
			return nil, err
		}
		out.Result = res
	}
	roots := realRoots(opts.Paths)
	for real, content := range current {
		if string(content) == string(original[real]) {
			continue
		}
		name := names[real]
		content = matchLineEndings(original[real], content)
		out.Files = append(out.Files, FixedFile{Name: name, Old: original[real], New: content, NotWritten: notWritable(name, real, roots)})
	}
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Name < out.Files[j].Name })
	return out, nil
}

// wholeFixes gathers, by real path, the edits of the first fix of every
// finding, taking a fix only if none of its edits overlaps an edit
// already taken (an identical edit, the same fix from two findings, is
// shared). It records each file's content the first time it is seen, and
// refuses edits computed against content other than the file's current
// one.
func wholeFixes(res *Result, names map[string]string, current, original map[string][]byte) (map[string][]analyzer.Edit, error) {
	taken := map[string]*editSet{}
	var sources graph.SourceCache // a released file is read again once
	reals := map[string]string{}  // realPath, once a name
	realOf := func(name string) string {
		r, ok := reals[name]
		if !ok {
			r = realPath(name)
			reals[name] = r
		}
		return r
	}
	for _, f := range res.Findings {
		if len(f.Fixes) == 0 {
			continue
		}
		fix := f.Fixes[0]
		ok := true
		for _, e := range fix.Edits() {
			real := realOf(e.Pos.Filename)
			file := res.Graph.Files.Get(e.Pos.Filename)
			if file == nil {
				return nil, fmt.Errorf("%s: a fix edits a file that was not loaded", e.Pos.Filename)
			}
			content, err := sources.Of(file)
			if err != nil {
				return nil, fmt.Errorf("%w; nothing was fixed", err) // err names the file
			}
			if _, seen := current[real]; !seen {
				current[real] = content
				original[real] = content
				names[real] = e.Pos.Filename
			} else if string(current[real]) != string(content) {
				return nil, fmt.Errorf("%s: the fix was computed against other contents than %s holds (the same file under two names?); nothing was fixed", e.Pos.Filename, names[real])
			}
			if e.Pos.Offset < 0 || e.End.Offset < e.Pos.Offset || e.End.Offset > len(content) {
				return nil, fmt.Errorf("%s: a fix's edit lies outside the file", e.Pos.Filename)
			}
			if taken[real].conflicts(e) {
				ok = false
			}
		}
		if !ok {
			continue // left for the next round
		}
		for _, e := range fix.Edits() {
			real := realOf(e.Pos.Filename)
			if taken[real] == nil {
				taken[real] = &editSet{}
			}
			taken[real].add(e)
		}
	}
	out := make(map[string][]analyzer.Edit, len(taken))
	for real, set := range taken {
		out[real] = set.edits
	}
	return out, nil
}

// editSet is the edits taken in one file, by offset: no two overlap (an
// identical edit is one), so an edit can only overlap the ones beside
// where it would go. (Each edit used to be compared with every one taken:
// 8,000 fixes in one file made 32 million comparisons.)
type editSet struct {
	edits []analyzer.Edit
}

// at returns where e would go: the first edit starting at or after it.
func (s *editSet) at(e analyzer.Edit) int {
	return sort.Search(len(s.edits), func(i int) bool { return s.edits[i].Pos.Offset >= e.Pos.Offset })
}

// conflicts reports an edit taken that overlaps e and is not e itself.
func (s *editSet) conflicts(e analyzer.Edit) bool {
	if s == nil {
		return false
	}
	i := s.at(e)
	for _, k := range []int{i - 1, i} {
		if k >= 0 && k < len(s.edits) && !sameEdit(s.edits[k], e) && overlaps(s.edits[k], e) {
			return true
		}
	}
	return false
}

// add takes e, once.
func (s *editSet) add(e analyzer.Edit) {
	i := s.at(e)
	if i < len(s.edits) && sameEdit(s.edits[i], e) {
		return
	}
	s.edits = slices.Insert(s.edits, i, e)
}

func sameEdit(a, b analyzer.Edit) bool {
	return a.Pos.Offset == b.Pos.Offset && a.End.Offset == b.End.Offset && a.NewText == b.NewText
}

// overlaps reports whether two edits touch the same bytes, or insert at
// one point (two insertions there would order arbitrarily).
func overlaps(a, b analyzer.Edit) bool {
	if a.Pos.Offset == b.Pos.Offset {
		return true
	}
	return a.Pos.Offset < b.End.Offset && b.Pos.Offset < a.End.Offset
}

// WriteFixes writes every fixed file that may be written, each once and
// atomically, and returns how many it wrote.
func WriteFixes(fr *FixResult) (int, error) {
	n := 0
	for _, f := range fr.Files {
		if f.NotWritten != "" {
			continue
		}
		// A file changed since it was read (an editor saved it, a
		// formatter ran) is not overwritten with fixes made to the old
		// text.
		if now, err := safefile.ReadText(f.Name, 0); err != nil || string(now) != string(f.Old) {
			return n, fmt.Errorf("%s changed since chainlint read it; nothing written to it: run chainlint --fix again", f.Name)
		}
		if err := safefile.Write(f.Name, f.New, 0o644); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// matchLineEndings gives the lines a fix inserts the line endings of the
// file it fixes: in a file written with CRLF, an inserted line ends in
// CRLF too.
func matchLineEndings(old, fixed []byte) []byte {
	crlf := bytes.Count(old, []byte("\r\n"))
	if crlf == 0 || crlf*2 < bytes.Count(old, []byte("\n")) {
		return fixed
	}
	out := make([]byte, 0, len(fixed)+64)
	for i, c := range fixed {
		if c == '\n' && (i == 0 || fixed[i-1] != '\r') {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	return out
}

// realPath is a file's absolute path with symlinks resolved (the path as
// given when it cannot be resolved: an unsaved buffer).
func realPath(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return name
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

// givenPath is one path the user named, resolved.
type givenPath struct {
	real     string
	isFile   bool
	original string
}

func realRoots(paths []string) []givenPath {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var out []givenPath
	for _, p := range paths {
		st, err := os.Stat(p)
		out = append(out, givenPath{real: realPath(p), isFile: err == nil && !st.IsDir(), original: p})
	}
	return out
}

// notWritable says why a fixed file must not be written: it lies outside
// every given path (a module loaded through source = "../x"), or it is
// reached through a symlink below a given path that was not itself named.
func notWritable(name, real string, roots []givenPath) string {
	if safefile.IsUTF16(real) {
		return fmt.Sprintf("%s is encoded in UTF-16; the fix is offered (see --diff, in UTF-8) but not applied", name)
	}
	if st, err := os.Stat(real); err == nil {
		if st.Mode().Perm()&0o200 == 0 {
			return fmt.Sprintf("%s is read-only; the fix is offered (see --diff) but not applied", name)
		}
		if links := safefile.Links(st); links > 1 {
			return fmt.Sprintf("%s has %d hard links, which a rewrite would part; the fix is offered (see --diff) but not applied", name, links)
		}
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		abs = name
	}
	outside := true
	for _, r := range roots {
		if r.isFile {
			if r.real == real {
				return "" // named explicitly, through a link or not
			}
			continue
		}
		if !within(real, r.real) {
			continue
		}
		outside = false
		// Below a given directory, the name must lead to the file without
		// a symlink: the link's target is not what the user named.
		if absRoot, err := filepath.Abs(r.original); err == nil && within(abs, absRoot) {
			rel, _ := filepath.Rel(absRoot, abs)
			if filepath.Join(r.real, rel) == real {
				return ""
			}
		}
	}
	if outside {
		return fmt.Sprintf("%s is outside the paths given; the fix is offered (see --diff) but not applied", name)
	}
	return fmt.Sprintf("%s is reached through a symbolic link; the fix is offered (see --diff) but not applied: name the file to fix it", name)
}

// within reports whether path lies in dir (or is dir).
func within(path, dir string) bool { return safefile.Within(dir, path) }
