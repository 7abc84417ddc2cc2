package vclmodel

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/chunk"
)

// read reads s as apply does, on the scratch sc (not the pool's).
func read(g *graph.Graph, s *graph.Service, sc *scratch) { sc.read(g, g, s) }

func newService(src string) (*graph.Graph, *graph.Service) {
	g := graph.NewGraph()
	s := &graph.Service{Platform: graph.PlatformVCL}
	s.VCLs = []*graph.VCLSource{{Content: graph.Text{Field: graph.Field[string]{Value: src, Set: true}}}}
	return g, s
}

// TestScratchKeepsNothing: an emptied scratch holds no part of the
// service it read (no syntax tree, service or fact stays reachable from
// the pool), keeps the room of its small tables, and drops large ones.
// Its condition slab is the exception by design: the rest of a chunk the
// next services fill, in an array whose first nodes the service's exits
// hold (nodes hold copies of names and literals, and each other).
func TestScratchKeepsNothing(t *testing.T) {
	sc := new(scratch)
	g, s := newService(realisticVCL(20))
	read(g, s, sc)
	if len(s.VCL.Exits) == 0 || len(sc.fl.relevance) == 0 || len(sc.r.subs.list) == 0 {
		t.Fatal("the model did not run on the scratch")
	}
	relevance := sc.fl.relevance
	sc.reset()
	// Everything but the room is zero: every pointer a reset scratch
	// holds is to an empty table or list of its own.
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[condSlab]() {
				return
			}
			if v.Type().PkgPath() == reflect.TypeFor[chunk.Arena[int]]().PkgPath() && strings.HasPrefix(v.Type().Name(), "Arena[") {
				// An arena keeps its arrays for the next service: every
				// value in them is zero.
				chunks := v.FieldByName("chunks")
				for c := range chunks.Len() {
					if arr := chunks.Index(c); !arr.IsZero() {
						for i := range arr.Len() {
							if !arr.Index(i).IsZero() {
								t.Errorf("%s: chunk %d holds %v at %d", path, c, arr.Index(i), i)
							}
						}
					}
				}
				return
			}
			for i := range v.NumField() {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice:
			if v.Len() != 0 {
				t.Errorf("%s: %d entries left", path, v.Len())
			}
			if all := v.Slice(0, v.Cap()); !all.IsZero() {
				for i := range all.Len() {
					if !all.Index(i).IsZero() {
						t.Errorf("%s: its room holds %v at %d", path, all.Index(i), i)
					}
				}
			}
		case reflect.Map:
			if v.Len() != 0 {
				t.Errorf("%s: %d entries left", path, v.Len())
			}
		default:
			if !v.IsZero() {
				t.Errorf("%s = %v, want zero", path, v)
			}
		}
	}
	walk("scratch", reflect.ValueOf(sc).Elem())
	if reflect.ValueOf(sc.fl.relevance).UnsafePointer() != reflect.ValueOf(relevance).UnsafePointer() {
		t.Error("a small table was not kept for the next service")
	}

	// A large table is not kept: clearing it for each small service
	// after would cost more than making small ones.
	g, s = newService(realisticVCL(800))
	read(g, s, sc)
	if len(sc.fl.relevance) <= maxKept {
		t.Fatalf("%d statements' relevance: not large", len(sc.fl.relevance))
	}
	sc.reset()
	if sc.fl.relevance != nil {
		t.Error("a large table was kept")
	}
}

// TestScratchReadsAlike: a service read on a scratch that read another
// service before reads as it does on a new one.
func TestScratchReadsAlike(t *testing.T) {
	render := func(s *graph.Service) string {
		var b strings.Builder
		for _, e := range s.VCL.Exits {
			fmt.Fprintf(&b, "%s %s %v %q %v\n", e.Sub, e.Backend, e.Host.Kind, e.Host.Value, e.Conditions)
		}
		for _, hs := range s.VCL.HostSets {
			fmt.Fprintf(&b, "host set %s %s %s\n", hs.Sub, hs.Host, hs.Condition)
		}
		return b.String()
	}
	small := "sub vcl_miss {\n#FASTLY miss\n  if (req.http.X) {\n    set bereq.http.host = \"b.example.com\";\n  }\n}\n"
	g, alone := newService(small)
	read(g, alone, new(scratch))
	want := render(alone)
	if !strings.Contains(want, "b.example.com") {
		t.Fatalf("the small service reads as\n%s", want)
	}
	sc := new(scratch)
	for _, src := range []string{realisticVCL(30), callChain(10), headerSets(20)} {
		g, s := newService(src)
		read(g, s, sc)
		sc.reset()
		g, again := newService(small)
		read(g, again, sc)
		sc.reset()
		if got := render(again); got != want {
			t.Errorf("after another service, the small one reads as\n%s\nwant\n%s", got, want)
		}
	}
}

// TestPathsCarved: lists carved from one chunk never reach each other's
// room, however they grow.
func TestPathsCarved(t *testing.T) {
	fl := &flow{}
	st := func(i int) flowState { return flowState{backend: fmt.Sprint("F_", i)} }
	a := fl.paths(2)
	b := append(fl.paths(2), st(10))
	a = append(a, st(1), st(2), st(3)) // past its room: moves to the heap
	b = append(b, st(11))
	c := fl.one(st(20))
	if got := fmt.Sprint(a[0].backend, a[1].backend, a[2].backend, b[0].backend, b[1].backend, c[0].backend); got != "F_1F_2F_3F_10F_11F_20" {
		t.Errorf("lists carved side by side: %s", got)
	}
	if cap(b) != 2 || cap(c) != 1 || len(fl.chunk) != 5 {
		t.Errorf("rooms %d, %d; %d paths carved", cap(b), cap(c), len(fl.chunk))
	}
	if big := fl.paths(chunkPaths); cap(big) != chunkPaths || len(fl.chunk) != 5 {
		t.Errorf("a large list is carved (%d, chunk %d)", cap(big), len(fl.chunk))
	}
	for range chunkPaths / 4 {
		fl.paths(4) // fills the chunk and starts another
	}
	if cap(fl.chunk) != chunkPaths || len(fl.chunk) == 0 || len(fl.chunk) > chunkPaths {
		t.Errorf("a new chunk: %d of %d", len(fl.chunk), cap(fl.chunk))
	}
	if b[0].backend != "F_10" {
		t.Error("a new chunk wrote over an old one's lists")
	}
}
