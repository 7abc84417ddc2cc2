package vclmodel

import (
	"cmp"
	"iter"
	"slices"
	"strings"
)

// A service's program is a few subroutines and snippets: its tables are
// sorted slices, not maps of slices. A map allocated its table and then
// a slice a name for every service read (a fifth of what the model
// allocated on an estate of small services); a table is one slice,
// sorted once when it is first read, and searched by halves (a custom VCL
// of thousands of subroutines stays cheap to look up).

// namedBody is a subroutine body under its subroutine's name.
type namedBody struct {
	name string
	body
}

// subTable holds subroutine bodies by name; the bodies of one name keep
// the order they were added in.
type subTable struct {
	list   []namedBody
	sorted bool
}

func (t *subTable) add(name string, b body) {
	if len(t.list) == cap(t.list) {
		t.list = slices.Grow(t.list, max(4, len(t.list))) // one service's few at once
	}
	t.list = append(t.list, namedBody{name, b})
	t.sorted = false
}

func (t *subTable) sort() {
	if !t.sorted {
		slices.SortStableFunc(t.list, func(a, b namedBody) int { return strings.Compare(a.name, b.name) })
		t.sorted = true
	}
}

func bodyName(b namedBody) string { return b.name }

// get returns the bodies of the subroutine name, in the order they were
// added.
func (t *subTable) get(name string) []namedBody {
	t.sort()
	return run(t.list, name, bodyName)
}

// has reports a subroutine with at least one body.
func (t *subTable) has(name string) bool { return len(t.get(name)) > 0 }

// all yields every subroutine's name and bodies, by name.
func (t *subTable) all() iter.Seq2[string, []namedBody] {
	return func(yield func(string, []namedBody) bool) {
		t.sort()
		for list := t.list; len(list) > 0; {
			g := run(list, list[0].name, bodyName)
			if !yield(g[0].name, g) {
				return
			}
			list = list[len(g):]
		}
	}
}

// snipTable holds the snippets a program inserts, by the subroutine of
// their macro, each subroutine's in rendering order: ascending priority,
// equal priorities by name (an assumption; see docs/vcl-model.md).
type snipTable struct {
	list   []snip // every snip's sub is set
	sorted bool
}

func (t *snipTable) add(s snip) {
	if len(t.list) == cap(t.list) {
		t.list = slices.Grow(t.list, max(4, len(t.list)))
	}
	t.list = append(t.list, s)
	t.sorted = false
}

func (t *snipTable) sort() {
	if t.sorted {
		return
	}
	slices.SortStableFunc(t.list, func(a, b snip) int {
		if c := strings.Compare(a.sub, b.sub); c != 0 {
			return c
		}
		if c := cmp.Compare(priority(a.snippet), priority(b.snippet)); c != 0 {
			return c
		}
		return cmp.Compare(a.snippet.Name.Value, b.snippet.Name.Value)
	})
	t.sorted = true
}

func snipSub(s snip) string { return s.sub }

// of returns the snippets rendered at sub's macro, in rendering order.
func (t *snipTable) of(sub string) []snip {
	t.sort()
	return run(t.list, sub, snipSub)
}

// all yields each subroutine with snippets and its snippets, by
// subroutine name.
func (t *snipTable) all() iter.Seq2[string, []snip] {
	return func(yield func(string, []snip) bool) {
		t.sort()
		for list := t.list; len(list) > 0; {
			g := run(list, list[0].sub, snipSub)
			if !yield(g[0].sub, g) {
				return
			}
			list = list[len(g):]
		}
	}
}

// run returns the elements of list, sorted by key, whose key is k.
// (By halves, written out: a comparison closure over key allocated at
// every look-up.)
func run[T any](list []T, k string, key func(T) string) []T {
	i, j := 0, len(list)
	for i < j {
		if m := int(uint(i+j) >> 1); key(list[m]) < k {
			i = m + 1
		} else {
			j = m
		}
	}
	j = i
	for j < len(list) && key(list[j]) == k {
		j++
	}
	if j == i {
		return nil
	}
	return list[i:j]
}
