package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/synth/estate"
)

// dumpHCL renders a parse: every block and attribute with its ranges,
// and the diagnostics.
func dumpHCL(f *hcl.File, diags hcl.Diagnostics) string {
	var b strings.Builder
	var walk func(body *hclsyntax.Body, indent string)
	walk = func(body *hclsyntax.Body, indent string) {
		fmt.Fprintf(&b, "%sbody %v end %v\n", indent, body.SrcRange, body.EndRange)
		names := make([]string, 0, len(body.Attributes))
		for n := range body.Attributes {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			a := body.Attributes[n]
			fmt.Fprintf(&b, "%s%s %v %v vars %d\n", indent, n, a.SrcRange, a.Expr.Range(), len(a.Expr.Variables()))
		}
		for _, bl := range body.Blocks {
			fmt.Fprintf(&b, "%s%s %q %v %v\n", indent, bl.Type, bl.Labels, bl.TypeRange, bl.LabelRanges)
			walk(bl.Body, indent+"  ")
		}
	}
	if f != nil {
		if body, ok := f.Body.(*hclsyntax.Body); ok {
			walk(body, "")
		}
	}
	for _, d := range diags {
		fmt.Fprintf(&b, "diag %v %s: %s\n", d.Subject, d.Summary, d.Detail)
	}
	return b.String()
}

func checkPieces(t *testing.T, src []byte, size int) {
	t.Helper()
	// The whole parse as the loader makes it: hclsyntax's, and the bounds
	// on its numbers and templates (parseHCL), which a parse in pieces
	// applies to each piece.
	whole := dumpHCL(parseHCL(src, "main.tf", hcl.Pos{Line: 1, Column: 1}))
	pieces := dumpHCL(parsePieces(src, "main.tf", size))
	if diff := cmp.Diff(whole, pieces); diff != "" {
		t.Errorf("parse in pieces of %d differs from the whole parse (-whole +pieces):\n%s", size, diff)
	}
}

// TestParsePieces parses files in pieces and whole: the same blocks,
// attributes, ranges and diagnostics.
func TestParsePieces(t *testing.T) {
	main, _ := estate.Terraform(estate.Options{Services: 40, Seed: 1})
	if cuts := splitTopLevel(main, 1<<10); len(cuts) < 10 {
		t.Fatalf("the estate was cut in %d pieces, want many", len(cuts)-1)
	}
	checkPieces(t, main, 1<<10)
	files, _ := filepath.Glob("../../testdata/realworld/terraform/*/*/*.tf")
	more, _ := filepath.Glob("testdata/*/*.tf")
	for _, name := range append(files, more...) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			for _, size := range []int{1, 64, 512} {
				checkPieces(t, src, size)
			}
		})
	}
}

func TestSplitTopLevel(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []int // piece starts after 0
	}{
		{"blocks", "a {\n}\nb {\n}\n", []int{6}},
		{"heredoc holding a closing brace", "a {\n x = <<EOT\n}\nEOT\n}\nb {\n}\n", []int{23}},
		{"indented heredoc", "a {\n x = <<-EOT\n  }\n  EOT\n}\nb {\n}\n", []int{28}},
		{"template with a brace in a nested string", "a {\n x = \"${f(\"}\")}\"\n}\nb {\n}\n", []int{23}},
		{"escaped interpolation", "a {\n x = \"$${\"\n}\nb {\n}\n", []int{17}},
		{"comments", "# {\na {\n}\n/* } */\nb {\n} // {\n", []int{4, 10}},
		{"unterminated string", "a {\n x = \"\n}\nb {\n}\n", nil},
		{"unterminated heredoc", "a {\n x = <<EOT\n}\nb {\n}\n", nil},
		{"unbalanced", "a {\n}\n}\nb {\n}\n", nil},
		{"not UTF-8 (hclsyntax counts a line less after the invalid sequence)", "a {\n\xed0\n}\nb {\n}\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cuts := splitTopLevel([]byte(tt.src), 1)
			var got []int
			if cuts != nil {
				got = cuts[1 : len(cuts)-1]
				// Cuts fall at every top-level line end: keep the first
				// few.
				got = got[:min(len(got), len(tt.want))]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("cuts (-want +got):\n%s", diff)
			}
			checkPieces(t, []byte(tt.src), 1)
		})
	}
}

// FuzzParsePieces: for any input, a parse in pieces is the whole parse.
func FuzzParsePieces(f *testing.F) {
	for _, pat := range []string{"testdata/*/*.tf", "../../testdata/realworld/terraform/*/*/*.tf"} {
		matches, _ := filepath.Glob(pat)
		for _, m := range matches {
			if b, err := os.ReadFile(m); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		checkPieces(t, src, 16)
	})
}

// TestStreamedLoadStreams: a generated estate and the construct cases
// load streamed, without falling back to whole parses, and a resource's
// syntax tree is gone once it is built.
func TestStreamedLoadStreams(t *testing.T) {
	dir := t.TempDir()
	if err := estate.Write(dir, estate.TerraformFiles(estate.Options{Services: 30, Seed: 2})); err != nil {
		t.Fatal(err)
	}
	roots := []string{dir}
	cases, _ := filepath.Glob("testdata/*/main.tf")
	for _, c := range cases {
		roots = append(roots, filepath.Dir(c))
	}
	for _, root := range roots {
		t.Run(root, func(t *testing.T) {
			g := graph.NewGraph()
			l := &loader{g: g, read: newReadFiles(), modules: map[string]*module{}, seenProblem: map[string]bool{}, streaming: true,
				opts: Options{Root: root}}
			// A resource read lazily is built once evaluated; only one
			// another item refers to keeps its evaluation (its value).
			afterRun = func(e *evaluator) {
				// The prefetch's parses are taken in its order, each once.
				if pf := e.fetch; pf != nil && pf.next != len(pf.queue) {
					t.Errorf("the evaluation took %d of %d prefetched parses in order", pf.next, len(pf.queue))
				}
				for _, it := range e.m.plan().items {
					if it.kind != resourceItem || it.res.src == nil || it.cyclic {
						continue
					}
					if e.builtAt == nil || expand(e.builtAt[it.index]) == nil {
						t.Errorf("%s.%s was not built once evaluated", it.res.typ, it.res.name)
					}
					if kept := e.res[it.res] != nil; kept != it.referenced {
						t.Errorf("%s.%s: evaluation kept %v, referenced %v", it.res.typ, it.res.name, kept, it.referenced)
					}
				}
			}
			defer func() { afterRun = nil }()
			if !l.loadDirs(map[string][]string{root: tfFiles(root)}) {
				t.Fatal("the streamed load fell back to whole parses")
			}
			for _, m := range l.modules {
				for _, r := range m.resources {
					// Actions (a few per estate) are parsed with the
					// other top-level blocks.
					if modelled(r.typ) && !nextActions[r.typ] && (r.src == nil || r.block != nil) {
						t.Errorf("%s.%s was parsed ahead of its evaluation", r.typ, r.name)
					}
				}
			}
			// The root module is evaluated once: a resource built
			// (outside a cycle, which is evaluated twice) keeps no text.
			if p := l.modules[filepath.Clean(root)].planned; p != nil {
				for _, it := range p.items {
					if it.res != nil && it.res.src != nil && it.res.src != builtSrc && !it.cyclic {
						t.Errorf("%s.%s kept its text once built", it.res.typ, it.res.name)
					}
				}
			}
		})
	}
}

func TestBlockHeader(t *testing.T) {
	for _, tt := range []struct {
		src       string
		typ       string
		labels    []string
		blank, ok bool
	}{
		{"resource \"a\" \"b\" {\n}\n", "resource", []string{"a", "b"}, false, true},
		{"# c\n/* d */ locals {\n}\n", "locals", nil, false, true},
		{"module m {\n}\n", "module", []string{"m"}, false, true},
		{"\n  # only a comment\n", "", nil, true, false},
		{"x = 1\n", "", nil, false, false},
		{"resource \"a${b}\" \"c\" {\n}\n", "", nil, false, false},
		{"resource \"a\\\"\" \"c\" {\n}\n", "", nil, false, false},
	} {
		typ, labels, blank, ok := blockHeader([]byte(tt.src))
		if typ != tt.typ || !cmp.Equal(labels, tt.labels) || blank != tt.blank || ok != tt.ok {
			t.Errorf("blockHeader(%q) = %q %q %v %v, want %q %q %v %v", tt.src, typ, labels, blank, ok, tt.typ, tt.labels, tt.blank, tt.ok)
		}
	}
}

func TestLexicalRefs(t *testing.T) {
	src := "a = local.x\nb = \"${fastly_kvstore.s . id}\"\nc = foo-bar.baz\nd = 1.5\ne = local.x\n# module\n"
	var got []string
	for _, tr := range (&loader{}).lexicalRefs([]byte(src)) {
		got = append(got, tr.root+"."+tr.name)
	}
	want := []string{"local.x", "fastly_kvstore.s"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lexicalRefs (-want +got):\n%s", diff)
	}
	// Past a few references, duplicates are still dropped.
	var many strings.Builder
	for i := range 100 {
		fmt.Fprintf(&many, "a%d = local.v%d\nb%d = local.v%d\n", i, i%40, i, i%40)
	}
	if n := len((&loader{}).lexicalRefs([]byte(many.String()))); n != 40 {
		t.Errorf("%d references, want 40", n)
	}
}

// TestBuiltCompact: what a resource built is held as its one service or
// store alone, and given back as the same built.
func TestBuiltCompact(t *testing.T) {
	s1, s2, st := &graph.Service{}, &graph.Service{}, &graph.Store{}
	d := &instance{}
	for _, b := range []*built{
		{},
		{services: []*graph.Service{s1}},
		{stores: []*graph.Store{st}},
		{services: []*graph.Service{s1, s2}},
		{services: []*graph.Service{s1}, stores: []*graph.Store{st}},
		{services: []*graph.Service{s1}, domains: []*instance{d}},
	} {
		v := b.compact()
		if one := len(b.services)+len(b.stores) == 1 && len(b.domains) == 0; one == (v == any(b)) {
			t.Errorf("compact(%+v) = %T, want the object alone only for one service or store", b, v)
		}
		if got := expand(v); got == nil || !slices.Equal(got.services, b.services) || !slices.Equal(got.stores, b.stores) || !slices.Equal(got.domains, b.domains) {
			t.Errorf("expand(compact(%+v)) = %+v", b, got)
		}
	}
	if expand(nil) != nil {
		t.Error("expand(nil) is not nil")
	}
}

// TestResourceIndex: a resource is found by type and name among others
// sorting around it; of two with one address, the last declared.
func TestResourceIndex(t *testing.T) {
	a1, b, a2 := &resource{typ: "t", name: "a"}, &resource{typ: "t", name: "b"}, &resource{typ: "t", name: "a"}
	z, other := &resource{typ: "t", name: "z"}, &resource{typ: "u", name: "a"}
	ix := newResourceIndex([]*resource{z, a1, b, other, a2})
	for _, tt := range []struct {
		typ, name string
		want      *resource
	}{
		{"t", "a", a2}, {"t", "b", b}, {"t", "z", z}, {"u", "a", other},
		{"t", "c", nil}, {"t", "", nil}, {"v", "a", nil},
	} {
		if got := ix.get(tt.typ, tt.name); got != tt.want {
			t.Errorf("get(%s, %s) = %v, want %v", tt.typ, tt.name, got, tt.want)
		}
	}
	if !ix.declares("u") || ix.declares("v") {
		t.Error("declares: want u, not v")
	}
}
