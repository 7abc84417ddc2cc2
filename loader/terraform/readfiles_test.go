package terraform

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/safefile"
)

func TestReadFilesMatching(t *testing.T) {
	g := graph.NewGraph()
	r := newReadFiles()
	a := g.Files.Add("vcl/a.vcl", []byte("sub vcl_recv { }\n"))
	b := g.Files.Add("other/a.vcl", []byte("sub vcl_recv { }\n"))
	c := g.Files.Add("vcl/c.vcl", []byte("sub vcl_miss { }\n"))
	empty := g.Files.Add("vcl/empty.vcl", nil)
	for i := range 1000 {
		r.add(fmt.Sprintf("many/%d.vcl", i), g.Files.Add(fmt.Sprintf("many/%d.vcl", i), []byte(fmt.Sprintf("# %d\n", i))))
	}
	r.add("vcl/a.vcl", a)
	r.add("other/a.vcl", b)
	r.add("vcl/c.vcl", c)
	r.add("vcl/c.vcl", c) // found again: listed once
	r.add("vcl/empty.vcl", empty)
	names := func(fs []*graph.File) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Name)
		}
		slices.Sort(out)
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ content, want string }{
		{"sub vcl_recv { }\n", "other/a.vcl vcl/a.vcl"},
		{"sub vcl_miss { }\n", "vcl/c.vcl"},
		{"# 517\n", "many/517.vcl"},
		{"", "vcl/empty.vcl"},
		{"sub vcl_recv { }", ""}, // a prefix is not the content
		{"never read", ""},
	} {
		if got := names(r.matching(tc.content)); got != tc.want {
			t.Errorf("matching(%q) = %q, want %q", tc.content, got, tc.want)
		}
	}
	// The index narrows a lookup to the files that held the content (a
	// scan of every file read for each value was quadratic).
	if n := len(r.byContent[maphash.String(r.seed, "# 517\n")]); n != 1 {
		t.Errorf("a content held by one file of 1,004 is listed with %d paths", n)
	}
	// A file whose content is released no longer matches what it held.
	c.Content = nil
	if got := names(r.matching("sub vcl_miss { }\n")); got != "" {
		t.Errorf("a released file matched its old content: %q", got)
	}
}

// TestContentStringShares holds file()'s value to the file's own memory
// (a copy held every file read twice), except memory outside the heap
// that the load gives back, which must be copied.
func TestContentStringShares(t *testing.T) {
	g := graph.NewGraph()
	f := g.Files.Add("vcl/a.vcl", []byte("sub vcl_recv { }\n"))
	l := &loader{g: g}
	if s := l.contentString(f); s != string(f.Content) || unsafe.StringData(s) != &f.Content[0] {
		t.Errorf("file()'s value %q is a copy of the file's content", s)
	}
	l.opts.Mapped = func(path string, b []byte) *safefile.Mapped {
		if path == "vcl/a.vcl" {
			return &safefile.Mapped{}
		}
		return nil
	}
	if s := l.contentString(f); s != string(f.Content) || unsafe.StringData(s) == &f.Content[0] {
		t.Errorf("file()'s value %q shares memory outside the heap the load gives back", s)
	}
	if s := l.contentString(g.Files.Add("vcl/empty.vcl", nil)); s != "" {
		t.Errorf("an empty file's value is %q", s)
	}
}
