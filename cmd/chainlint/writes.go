package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/chainlint/chainlint/internal/safefile"
)

// writeTarget checks a file the command is about to write (--output,
// --write-baseline, init): a symbolic link is not written through to a
// file outside the working directory, and none of the run's inputs is
// replaced (isInput reports one, by real path; nil: none known yet).
func (c *Command) writeTarget(flag, name string, isInput func(string) bool) (string, error) {
	target := c.path(name)
	real := realPath(target)
	if fi, err := os.Lstat(target); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		r, err := filepath.EvalSymlinks(target)
		if err != nil {
			return "", fmt.Errorf("%s %s is a symbolic link that leads nowhere: refusing to write through it", flag, name)
		}
		if !within(c.wd(), r) {
			return "", fmt.Errorf("%s %s is a symbolic link to %s, outside the working directory: refusing to write through it", flag, name, r)
		}
		real = r
	}
	if isInput != nil && isInput(real) {
		return "", fmt.Errorf("%s %s is one of the files this run reads: refusing to replace it", flag, name)
	}
	return target, nil
}

// within reports whether path is dir or below it (both absolute).
func within(dir, path string) bool {
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	return safefile.Within(dir, path)
}

// sameFiles reports two of the files named that are one file (by real
// path): "" when they are all different.
func (c *Command) sameFiles(names []string) string {
	seen := map[string]string{}
	for _, n := range names {
		p := realPath(c.path(n))
		if prev, ok := seen[p]; ok {
			return fmt.Sprintf("%s and %s", prev, n)
		}
		seen[p] = n
	}
	return ""
}

// realPath resolves p's symbolic links, or its directory's when p does
// not exist yet (a file about to be written).
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(d, filepath.Base(p))
	}
	return p
}
