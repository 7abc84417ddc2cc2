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

// get returns the bodies of the subroutine name, in the order they were
// added.
func (t *subTable) get(name string) []namedBody {
	t.sort()
	i, found := slices.BinarySearchFunc(t.list, name, func(e namedBody, name string) int { return strings.Compare(e.name, name) })
	if !found {
		return nil
	}
	j := i + 1
	for j < len(t.list) && t.list[j].name == name {
		j++
	}
	return t.list[i:j]
}

// has reports a subroutine with at least one body.
func (t *subTable) has(name string) bool { return len(t.get(name)) > 0 }

// all yields every subroutine's name and bodies, by name.
func (t *subTable) all() iter.Seq2[string, []namedBody] {
	return func(yield func(string, []namedBody) bool) {
		t.sort()
		for i := 0; i < len(t.list); {
			j := i + 1
			for j < len(t.list) && t.list[j].name == t.list[i].name {
				j++
			}
			if !yield(t.list[i].name, t.list[i:j]) {
				return
			}
			i = j
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

// of returns the snippets rendered at sub's macro, in rendering order.
func (t *snipTable) of(sub string) []snip {
	t.sort()
	i, found := slices.BinarySearchFunc(t.list, sub, func(s snip, sub string) int { return strings.Compare(s.sub, sub) })
	if !found {
		return nil
	}
	j := i + 1
	for j < len(t.list) && t.list[j].sub == sub {
		j++
	}
	return t.list[i:j]
}

// all yields each subroutine with snippets and its snippets, by
// subroutine name.
func (t *snipTable) all() iter.Seq2[string, []snip] {
	return func(yield func(string, []snip) bool) {
		t.sort()
		for i := 0; i < len(t.list); {
			j := i + 1
			for j < len(t.list) && t.list[j].sub == t.list[i].sub {
				j++
			}
			if !yield(t.list[i].sub, t.list[i:j]) {
				return
			}
			i = j
		}
	}
}
