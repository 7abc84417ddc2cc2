package terraform_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/golden"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/vclmodel"
)

// dump renders what a load put into the graph, with positions, so that a
// golden file shows every construct's effect.
func dump(g *graph.Graph, base string) string {
	fset := g.Files
	at := func(p interface{ IsValid() bool }) string { return "" }
	_ = at
	pos := func(f graph.Field[string]) string {
		if !f.Set {
			return "(unset)"
		}
		p := fset.Position(f.Pos)
		rel, _ := filepath.Rel(base, p.Filename)
		val := fmt.Sprintf("%q", f.Value)
		if f.Unknown {
			val = "(unknown)"
		}
		return fmt.Sprintf("%s @%s:%d:%d", val, filepath.ToSlash(rel), p.Line, p.Column)
	}
	var b strings.Builder
	for _, s := range g.Services {
		fmt.Fprintf(&b, "service %s %s [%s]\n", pos(s.Name), s.Platform, s.ID.Value)
		if s.Version != 0 {
			fmt.Fprintf(&b, "  version %d\n", s.Version)
		}
		if s.Package().Set {
			p := s.Package()
			abs, _ := filepath.Abs(base)
			if rel, err := filepath.Rel(abs, p.Value); err == nil && filepath.IsAbs(p.Value) {
				p.Value = filepath.ToSlash(rel)
			}
			fmt.Fprintf(&b, "  package %s\n", pos(p))
		}
		if s.Staged().Set {
			fmt.Fprintf(&b, "  staged by %s\n", pos(s.Staged()))
		}
		if s.Scope() != "" {
			rel, _ := filepath.Rel(base, s.Scope())
			fmt.Fprintf(&b, "  scope %s\n", filepath.ToSlash(rel))
		}
		for _, d := range s.Domains {
			fmt.Fprintf(&b, "  domain %s\n", pos(d.Name))
		}
		for _, be := range s.Backends {
			fmt.Fprintf(&b, "  backend %s address %s override_host %s", pos(be.Name), pos(be.Address), pos(be.OverrideHost))
			if be.Port.Set {
				fmt.Fprintf(&b, " port %d", be.Port.Value)
			}
			if be.Shield.Set {
				fmt.Fprintf(&b, " shield %s", pos(be.Shield))
			}
			if be.Setter != nil {
				b.WriteString(" (fixable)")
			}
			b.WriteString("\n")
		}
		for _, sn := range s.Snippets {
			fmt.Fprintf(&b, "  snippet %s type %q\n", pos(sn.Name), sn.Type.Value)
		}
		for _, v := range s.VCLs {
			fmt.Fprintf(&b, "  vcl %s\n", pos(v.Name))
		}
		for _, l := range s.Links {
			fmt.Fprintf(&b, "  link %s resource_id %s\n", pos(l.Name), pos(l.ResourceID))
		}
	}
	for _, st := range g.Stores {
		fmt.Fprintf(&b, "store %s %s [%s]\n", pos(st.Name), st.Type, st.ID.Value)
	}
	var notes []string
	for _, p := range append(append([]graph.Problem(nil), g.Problems...), g.Notes...) {
		pp := fset.Position(p.Pos)
		rel, _ := filepath.Rel(base, pp.Filename)
		notes = append(notes, fmt.Sprintf("%s %s:%d:%d: %s", p.Rule, filepath.ToSlash(rel), pp.Line, pp.Column, p.Message))
	}
	sort.Strings(notes)
	for _, n := range notes {
		b.WriteString(n + "\n")
	}
	return b.String()
}

// TestConstructs loads each testdata/CASE (or CASE/project, when the case
// tests the project root) and compares the graph with CASE/expected.txt.
func TestConstructs(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() || filepath.Base(dir) == "fuzz" {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			root := dir
			if st, err := os.Stat(filepath.Join(dir, "project")); err == nil && st.IsDir() {
				root = filepath.Join(dir, "project")
			}
			g, err := loader.Paths([]string{root}, loader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			vclmodel.ApplyAll(g) // the model is a step of the run: the dump shows what it reads
			golden.Check(t, filepath.Join(dir, "expected.txt"), dump(g, dir))
		})
	}
}
