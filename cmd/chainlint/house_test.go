package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestThinCommand keeps the command thin (issue #28): one file per
// command, each under 300 lines, and no function over 80 lines; the
// work is in the packages below.
func TestThinCommand(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(src), "\n"); n >= 300 {
			t.Errorf("%s has %d lines; split it (at most 299)", name, n)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			lines := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1
			if lines > 80 {
				t.Errorf("%s: func %s has %d lines; split it (at most 80)", name, fn.Name.Name, lines)
			}
		}
	}
}

// TestNoBuiltBinaryTracked: a binary go build leaves behind is never
// committed (one went unnoticed in the history: 19 MB in every clone).
// Every tracked file is checked for an executable's magic number.
func TestNoBuiltBinaryTracked(t *testing.T) {
	out, err := exec.Command("git", "-C", "../..", "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("no git work tree here (%v)", err)
	}
	magics := [][]byte{{0x7f, 'E', 'L', 'F'}, {0xcf, 0xfa, 0xed, 0xfe}, {0xfe, 0xed, 0xfa, 0xcf}, {0xca, 0xfe, 0xba, 0xbe}, {'M', 'Z'}}
	for _, name := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		f, err := os.Open(filepath.Join("../..", name))
		if err != nil {
			continue // deleted in the work tree
		}
		head := make([]byte, 4)
		n, _ := f.Read(head)
		f.Close()
		for _, m := range magics {
			if n >= len(m) && bytes.Equal(head[:len(m)], m) {
				t.Errorf("%s is a built executable; remove it (git rm --cached) and ignore it", name)
			}
		}
	}
}

// TestCIFuzzesEveryTarget: .ci/run fuzzes every fuzz target of the module
// briefly, and names none that is gone: a target added without a line
// there would only ever run its seeds.
func TestCIFuzzesEveryTarget(t *testing.T) {
	root := "../.."
	have := map[string]bool{}
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(`)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(src), -1) {
			have["./"+filepath.ToSlash(rel)+" "+m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(string(script), "<<'TARGETS'\n")
	list, _, ok2 := strings.Cut(list, "\nTARGETS")
	if !ok || !ok2 {
		t.Fatal(".ci/run has no TARGETS list")
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(list, "\n") {
		listed[line] = true
		if !have[line] {
			t.Errorf(".ci/run fuzzes %q, which is no fuzz target", line)
		}
	}
	for target := range have {
		if !listed[target] {
			t.Errorf("%s is not fuzzed by .ci/run: add it to its TARGETS", target)
		}
	}
}
