package gittree

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestExtract reads a revision's tree without checking it out: files,
// a scoped path, a symbolic link to a file of the tree (made), one out
// of it (skipped); a bad revision is an error naming git's complaint.
func TestExtract(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q")
	write("infra/a.vcl", "sub vcl_recv { }\n")
	write("other/b.txt", "b\n")
	if err := os.Symlink("../infra/a.vcl", filepath.Join(repo, "other", "in.vcl")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../../etc/passwd", filepath.Join(repo, "other", "out")); err != nil {
		t.Fatal(err)
	}
	run("add", "-A")
	run("commit", "-q", "-m", "one")
	write("infra/a.vcl", "changed in the working tree\n")

	dst := t.TempDir()
	if err := Extract(repo, "HEAD", "", dst); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dst, "infra", "a.vcl")); err != nil || string(b) != "sub vcl_recv { }\n" {
		t.Errorf("a.vcl: %q %v (want the committed content)", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(dst, "other", "in.vcl")); err != nil || string(b) != "sub vcl_recv { }\n" {
		t.Errorf("the link inside the tree: %q %v", b, err)
	}
	if _, err := os.Lstat(filepath.Join(dst, "other", "out")); !os.IsNotExist(err) {
		t.Errorf("the link out of the tree was made: %v", err)
	}
	scoped := t.TempDir()
	if err := Extract(repo, "HEAD", "infra", scoped); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(scoped, "other")); !os.IsNotExist(err) {
		t.Errorf("a scoped extraction wrote other/: %v", err)
	}
	if err := Extract(repo, "no-such-rev", "", t.TempDir()); err == nil {
		t.Error("a bad revision extracted")
	}
	if err := Extract(repo, "--output=/tmp/x", "", t.TempDir()); err == nil {
		t.Error("an option as a revision was passed to git")
	}
}
