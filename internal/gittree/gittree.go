// Package gittree reads the tree of a git revision into a directory
// without checking it out (git archive), for chainlint diff git:REV: the
// working tree, the index and the checked-out branch are left alone.
package gittree

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// Bounds on what one extraction writes: a revision is the user's own
// repository, but a tar stream is still read with care.
const (
	maxFiles = 200_000
	maxBytes = 2 << 30
)

// Extract writes the files of rev (optionally only under sub, a path
// relative to the repository's root) from the repository at repo into
// dst, which must exist. A symbolic link is made only when it points
// inside dst (a repository links one file to another of its own);
// others are skipped; names that would leave dst are refused.
func Extract(repo, rev, sub, dst string) error {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return fmt.Errorf("want git:REV or git:REV:PATH, with REV a commit, branch or tag")
	}
	args := []string{"archive", "--format=tar", rev}
	if sub != "" {
		args = append(args, "--", sub)
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = repo
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git: %w", err)
	}
	extractErr := extract(out, dst)
	_, _ = io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("git archive %s: %s", rev, msg)
	}
	return extractErr
}

func extract(r io.Reader, dst string) error {
	tr := tar.NewReader(r)
	files, total := 0, int64(0)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := path.Clean(h.Name)
		if path.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") {
			return fmt.Errorf("the archive names %q, outside the tree", h.Name)
		}
		target := filepath.Join(dst, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeSymlink:
			link := filepath.FromSlash(h.Linkname)
			if filepath.IsAbs(link) {
				continue
			}
			resolved := filepath.Join(filepath.Dir(target), link)
			if rel, err := filepath.Rel(dst, resolved); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				continue // it would point out of the tree
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			if err := os.Symlink(link, target); err != nil {
				return err
			}
		case tar.TypeReg:
			files++
			total += h.Size
			if files > maxFiles || total > maxBytes {
				return fmt.Errorf("the revision holds more than %d files or %d GiB", maxFiles, maxBytes>>30)
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, io.LimitReader(tr, h.Size))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
	}
}
