package vclmodel_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"sync"
	"testing"
	"unsafe"
	"weak"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/vclmodel"
)

// TestFactsHoldNoReleasedText: once the model has read a service, the
// decoded VCL of its JSON texts is released (graph.Text.Release), which
// frees it only if nothing the model keeps holds a part of it: a string
// cut from it (a backend's name, a Host, a condition) keeps all of it
// alive. Every JSON export and Terraform plan the tests have is loaded
// as lint loads it, and every string reachable from the facts, the
// backends and the problems is checked against the released values.
func TestFactsHoldNoReleasedText(t *testing.T) {
	var mu sync.Mutex
	var released [][2]uintptr
	restore := vclmodel.SetReleaseHook(func(v string) {
		if v == "" {
			return
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(v)))
		mu.Lock()
		released = append(released, [2]uintptr{p, p + uintptr(len(v))})
		mu.Unlock()
	})
	defer restore()
	var dirs []string
	for _, glob := range []string{"../testdata/examples", "../testdata/realworld/estates/*", "../rules/testdata/*/*", "testdata/*"} {
		m, _ := filepath.Glob(glob)
		dirs = append(dirs, m...)
	}
	loaded := 0
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		released = released[:0]
		g, err := loader.Paths([]string{dir}, loader.Options{Prepare: vclmodel.Prepare})
		if err != nil {
			t.Fatal(err)
		}
		if len(released) == 0 {
			continue
		}
		loaded++
		sort.Slice(released, func(i, j int) bool { return released[i][0] < released[j][0] })
		held := func(s string) bool {
			if s == "" {
				return false
			}
			p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
			i := sort.Search(len(released), func(i int) bool { return released[i][1] > p })
			return i < len(released) && released[i][0] <= p
		}
		for _, s := range g.Services {
			w := &walker{held: held, seen: map[uintptr]bool{}, skip: s}
			w.walk(reflect.ValueOf(s.VCL), "VCL")
			for _, b := range s.Backends {
				w.walk(reflect.ValueOf(b), "Backend")
			}
			for path := range w.found {
				t.Errorf("%s: service %q: %s holds a part of a released VCL text", dir, s.Label(), path)
			}
		}
		w := &walker{held: held, seen: map[uintptr]bool{}}
		w.walk(reflect.ValueOf(g.Problems), "Problems")
		w.walk(reflect.ValueOf(g.Notes), "Notes")
		for path := range w.found {
			t.Errorf("%s: %s holds a part of a released VCL text", dir, path)
		}
	}
	if loaded < 10 {
		t.Fatalf("only %d inputs released a text: the test checks nothing", loaded)
	}
}

// walker visits every string reachable from a value, but not the
// service (whose texts are the released ones) or the graph's files.
type walker struct {
	held  func(string) bool
	seen  map[uintptr]bool
	skip  *graph.Service
	found map[string]bool
}

var (
	serviceType = reflect.TypeFor[*graph.Service]()
	fileType    = reflect.TypeFor[*graph.File]()
)

func (w *walker) walk(v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == serviceType || v.Type() == fileType || w.seen[v.Pointer()] {
			return
		}
		w.seen[v.Pointer()] = true
		w.walk(v.Elem(), path)
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem(), path)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			w.walk(v.Field(i), path+"."+v.Type().Field(i).Name)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i), path+"[]")
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			w.walk(it.Key(), path+"{key}")
			w.walk(it.Value(), path+"{}")
		}
	case reflect.String:
		if w.held(v.String()) {
			if w.found == nil {
				w.found = map[string]bool{}
			}
			w.found[path] = true
		}
	}
}

// TestReleasedTextIsFreed: the decoded VCL the model releases is freed,
// also where the walk of TestFactsHoldNoReleasedText cannot look: the
// functions trace decides a path's conditions with (graph.Exit.Eval) are
// closures, and ones that kept a literal or a name cut from the VCL kept
// the whole decoded text alive. A service whose paths fork on conditions
// a request decides (a path, a header's value, a header's presence) is
// loaded from JSON as lint loads it; with the graph still in use, no
// released text may survive a collection.
func TestReleasedTextIsFreed(t *testing.T) {
	vclText := `sub vcl_recv {
#FASTLY recv
  if (req.url.path ~ "^/api/") {
    set req.backend = F_api;
  } else if (req.http.X-Tenant == "blue") {
    set req.backend = F_blue;
  } else if (req.http.Debug) {
    set req.backend = F_api;
  }
}
sub vcl_miss {
#FASTLY miss
  if (req.backend == F_api) {
    set bereq.http.host = "api.example.net";
  }
}
`
	export := map[string]any{"services": []any{map[string]any{"id": "S", "name": "s", "type": "vcl", "active_version": map[string]any{
		"number":   1,
		"domains":  []any{map[string]any{"name": "s.example.com"}},
		"backends": []any{map[string]any{"name": "api", "address": "api.example.net"}, map[string]any{"name": "blue", "address": "blue.example.net"}},
		"vcls":     []any{map[string]any{"name": "main", "main": true, "content": vclText}},
	}}}}
	b, err := json.Marshal(export)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var released []weak.Pointer[byte]
	restore := vclmodel.SetReleaseHook(func(v string) {
		mu.Lock()
		released = append(released, weak.Make(unsafe.StringData(v)))
		mu.Unlock()
	})
	defer restore()
	g, err := loader.Paths([]string{path}, loader.Options{Prepare: vclmodel.Prepare})
	if err != nil {
		t.Fatal(err)
	}
	s := g.Services[0]
	if s.VCL == nil || len(s.VCL.Exits) < 3 || s.VCL.Exits[0].Eval == nil {
		t.Fatalf("the model did not fork the service's paths: %+v", s.VCL)
	}
	if len(released) == 0 {
		t.Fatal("no text was released: the test checks nothing")
	}
	runtime.GC()
	runtime.GC()
	for i, w := range released {
		if w.Value() != nil {
			t.Errorf("released text %d is still reachable", i)
		}
	}
	runtime.KeepAlive(g)
}
