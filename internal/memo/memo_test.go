package memo

import (
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

func TestGet(t *testing.T) {
	for _, tt := range []struct {
		name       string
		c          *Cache
		calls      string // G for Get, T for Take, for the same content
		wantParses int
	}{
		{"persistent keeps a result", New(), "GGG", 1},
		{"transient keeps a result got", NewTransient(), "GGG", 1},
		{"persistent keeps a result taken", New(), "TTT", 1},
		{"transient hands a result got ahead over once", NewTransient(), "GTT", 2},
		{"transient keeps nothing a take parsed", NewTransient(), "TTG", 3},
		{"nil parses every time", nil, "GTG", 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			parses := 0
			parse := func() any { parses++; return parses }
			for _, call := range tt.calls {
				if call == 'T' {
					tt.c.Take("k", []byte("x"), parse)
				} else {
					tt.c.Get("k", []byte("x"), parse)
				}
			}
			if parses != tt.wantParses {
				t.Errorf("%d parses, want %d", parses, tt.wantParses)
			}
		})
	}
}

func TestSweep(t *testing.T) {
	c := New()
	parses := 0
	parse := func() any { parses++; return nil }
	c.Get("k", []byte("a"), parse)
	c.Get("k", []byte("b"), parse)
	c.Sweep() // both were used since the last sweep: kept
	c.Get("k", []byte("a"), parse)
	c.Sweep() // b was not: dropped
	c.Get("k", []byte("a"), parse)
	c.Get("k", []byte("b"), parse)
	if parses != 3 {
		t.Errorf("%d parses, want 3 (a once, b twice)", parses)
	}
}

// TestGetString: a result is cached by kind and content, and a nil cache
// parses every time.
func TestGetString(t *testing.T) {
	c := New()
	parses := 0
	parse := func() any { parses++; return parses }
	for range 2 {
		c.GetString("k", "abc", parse)
	}
	c.GetString("other", "abc", parse)
	c.GetString("k", "abd", parse)
	if parses != 3 {
		t.Errorf("%d parses, want 3 (one per kind and content)", parses)
	}
	if got := c.GetString("k", "abc", parse); got != 1 {
		t.Errorf("cached result %v, want the first parse's 1", got)
	}
	var none *Cache
	none.GetString("k", "abc", parse)
	none.GetString("k", "abc", parse)
	if parses != 5 {
		t.Errorf("nil cache: %d parses in all, want 5", parses)
	}
}

// TestGetWeak: a transient cache shares a result while it is held and
// parses again once it is collected, and forgets content parsed once
// when its result goes; content asked for again
// after that is shared, and its second result is kept. A persistent
// cache keeps every result.
func TestGetWeak(t *testing.T) {
	type tree struct{ n int }
	parses := 0
	parse := func() *tree { parses++; return &tree{parses} }
	collect := func(c *Cache, until func() bool) {
		for i := 0; i < 20 && !until(); i++ {
			runtime.GC()
			time.Sleep(time.Millisecond) // cleanups run on a goroutine of their own
		}
	}

	c := NewTransient()
	held := GetWeak(c, "k", "once", parse)
	if again := GetWeak(c, "k", "once", parse); again != held || parses != 1 {
		t.Fatalf("a held result was parsed again (%d parses)", parses)
	}
	runtime.KeepAlive(held)
	collect(c, func() bool { return c.len() == 0 })
	if n := c.len(); n != 0 {
		t.Errorf("%d entries stay after their results were collected", n)
	}

	parses = 0
	GetWeak(c, "k", "shared", parse)
	for i := 0; i < 10 && parses == 1; i++ {
		runtime.GC() // the result is dead here: the cache's pointer is weak
		GetWeak(c, "k", "shared", parse)
	}
	if parses != 2 {
		t.Fatalf("%d parses of content asked for again after its result was collected, want 2", parses)
	}
	collect(c, func() bool { return false })
	if GetWeak(c, "k", "shared", parse); parses != 2 {
		t.Errorf("shared content was parsed a third time: its second result should be kept")
	}

	p := New()
	GetWeak(p, "k", "content", parse)
	before := parses
	runtime.GC()
	if GetWeak(p, "k", "content", parse); parses != before {
		t.Error("the persistent cache parsed again: it should keep its results")
	}
}

// TestGetWeakHoldsNoContent: a transient cache's entry for a result
// still held does not keep the content it was parsed from (a service's
// decoded VCL, released once the service is read).
func TestGetWeakHoldsNoContent(t *testing.T) {
	type tree struct{ n int }
	c := NewTransient()
	b := []byte(strings.Repeat("sub vcl_recv { }\n", 600))
	content := unsafe.String(&b[0], len(b))
	var freed atomic.Bool
	runtime.AddCleanup(&b[0], func(*atomic.Bool) { freed.Store(true) }, &freed)
	held := GetWeak(c, "vcl", content, func() *tree { return &tree{1} }) // b and content are dead from here
	for i := 0; i < 20 && !freed.Load(); i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if !freed.Load() {
		t.Error("the content stays alive while its result is held: the cache's key holds it")
	}
	if again := GetWeak(c, "vcl", strings.Repeat("sub vcl_recv { }\n", 600), func() *tree { return &tree{2} }); again != held {
		t.Error("the same content, given again, was parsed again while its result is held")
	}
	runtime.KeepAlive(held)
}

// len returns the number of entries.
func (c *Cache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// TestGetOwn: content a transient cache has not parsed is the caller's
// own parse, cached nowhere; content parsed before is parsed on the heap
// and kept, and then shared; a persistent cache is GetWeak's.
func TestGetOwn(t *testing.T) {
	type tree struct{ s string }
	var owns, parses int
	own := func(s string) func() *tree { return func() *tree { owns++; return &tree{s} } }
	parse := func(s string) func() *tree { return func() *tree { parses++; return &tree{s} } }
	c := NewTransient()
	first, mine := GetOwn(c, "k", "a", own("a"), parse("a"))
	if !mine || owns != 1 || parses != 0 || first.s != "a" {
		t.Fatalf("first: mine %v, owns %d, parses %d", mine, owns, parses)
	}
	second, mine := GetOwn(c, "k", "a", own("a"), parse("a"))
	if mine || owns != 1 || parses != 1 || second == first {
		t.Fatalf("second: mine %v, owns %d, parses %d (the first's tree must not be shared)", mine, owns, parses)
	}
	third, mine := GetOwn(c, "k", "a", own("a"), parse("a"))
	if mine || third != second || parses != 1 {
		t.Fatalf("third: mine %v, shared %v, parses %d", mine, third == second, parses)
	}
	if v, mine := GetOwn(c, "other kind", "a", own("a"), parse("a")); !mine || v == second {
		t.Fatalf("another kind of the same content: mine %v", mine)
	}
	p := New()
	a, mineA := GetOwn(p, "k", "a", own("a"), parse("a"))
	b, mineB := GetOwn(p, "k", "a", own("a"), parse("a"))
	if mineA || mineB || a != b {
		t.Fatalf("persistent: mine %v %v, shared %v", mineA, mineB, a == b)
	}
}
