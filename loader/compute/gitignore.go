package compute

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/chainlint/chainlint/internal/glob"
	"github.com/chainlint/chainlint/internal/safefile"
)

// ignorer answers whether git ignores a path, from the .gitignore files
// of the repository's directories that a scan passes through. It reads
// the common subset of gitignore(5): comments, blank lines, "!" negation,
// a trailing "/" for directories only, a "/" elsewhere anchoring the
// pattern to its file's directory, and *, ?, ** and [classes]. The last
// matching pattern wins, deeper files after shallower ones.
type ignorer struct {
	rules  []ignoreRule
	loaded map[string]bool
}

type ignoreRule struct {
	base    string // the directory of the .gitignore file
	re      *regexp.Regexp
	neg     bool
	dirOnly bool
}

// maxGitignore bounds one .gitignore file read.
const maxGitignore = 1 << 20

// newIgnorer reads the .gitignore files from the repository root (the
// nearest ancestor holding .git, at most 16 levels up) down to dir; with
// no repository above, dir's own.
func newIgnorer(dir string) *ignorer {
	ig := &ignorer{loaded: map[string]bool{}}
	chain := []string{dir}
	for d, k := dir, 0; k < 16; k++ {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			chain = chain[:1] // not in a repository: the project's own only
			break
		}
		d = parent
		chain = append(chain, d)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		ig.load(chain[i])
	}
	return ig
}

// load reads dir's .gitignore, once.
func (ig *ignorer) load(dir string) {
	if ig.loaded[dir] {
		return
	}
	ig.loaded[dir] = true
	src, err := safefile.ReadText(filepath.Join(dir, ".gitignore"), maxGitignore)
	if err != nil {
		return
	}
	ig.add(dir, src)
}

// add reads the patterns of a .gitignore file in dir.
func (ig *ignorer) add(dir string, src []byte) {
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, maxGitignore)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := ignoreRule{base: dir}
		if rest, ok := strings.CutPrefix(line, "!"); ok {
			r.neg, line = true, rest
		}
		line = strings.TrimPrefix(line, `\`) // \# and \! are literal
		if rest, ok := strings.CutSuffix(line, "/"); ok {
			r.dirOnly, line = true, rest
		}
		if line == "" {
			continue
		}
		if strings.Contains(line, "/") {
			line = strings.TrimPrefix(line, "/")
		} else {
			line = "**/" + line
		}
		re, err := glob.Regexp(line)
		if err != nil {
			continue
		}
		r.re = re
		ig.rules = append(ig.rules, r)
	}
}

// ignored reports whether git ignores path (a directory when isDir).
// Directories above path are the caller's to check: a walk never enters
// an ignored directory.
func (ig *ignorer) ignored(path string, isDir bool) bool {
	out := false
	for _, r := range ig.rules {
		if r.dirOnly && !isDir {
			continue
		}
		rel, err := filepath.Rel(r.base, path)
		if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			continue
		}
		if r.re.MatchString(filepath.ToSlash(rel)) {
			out = !r.neg
		}
	}
	return out
}

// ignoredBelow reports whether git ignores path or a directory between
// root and it (for files reached by an import, not by a walk).
func (ig *ignorer) ignoredBelow(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	d := root
	parts := strings.Split(rel, string(filepath.Separator))
	for i, part := range parts {
		d = filepath.Join(d, part)
		ig.load(filepath.Dir(d))
		if ig.ignored(d, i < len(parts)-1) {
			return true
		}
	}
	return false
}
