// Package scc finds the strongly connected components of a directed graph
// with Tarjan's algorithm, written iteratively so that a long chain
// cannot overflow the stack.
package scc

import "slices"

// Components returns the strongly connected components of the graph whose
// vertices are 0..len(adj)-1 and whose edges run from v to each of adj[v].
// A component comes after every component it has an edge to: when edges
// point from a thing to what it depends on, the order is an evaluation
// order. Vertices are visited in index order, so the result is
// deterministic; within a component vertices are in increasing order.
func Components(adj [][]int) [][]int {
	n := len(adj)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	if n == 0 {
		return nil
	}
	// Every vertex is in one component: the components are runs of one
	// array, and there are at most n (16,000 services made 16,000 slices
	// of one vertex and grew the list of them ten times).
	var (
		out   = make([][]int, 0, n)
		flat  = make([]int, 0, n)
		stack []int
		call  []frame
		next  int
	)
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		call = append(call, frame{root, 0})
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.edge < len(adj[v]) {
				w := adj[v][f.edge]
				f.edge++
				switch {
				case index[w] < 0:
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, 0})
				case onStack[w] && index[w] < low[v]:
					low[v] = index[w]
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				if u := call[len(call)-1].v; low[v] < low[u] {
					low[u] = low[v]
				}
			}
			if low[v] != index[v] {
				continue
			}
			i := len(stack) - 1
			for stack[i] != v {
				i--
			}
			from := len(flat)
			flat = append(flat, stack[i:]...)
			comp := flat[from:len(flat):len(flat)] // an append moves it, never over the next
			for _, w := range comp {
				onStack[w] = false
			}
			stack = stack[:i]
			slices.Sort(comp)
			out = append(out, comp)
		}
	}
	return out
}

type frame struct{ v, edge int }

// Cyclic reports whether a component holds a cycle: more than one vertex,
// or one with an edge to itself.
func Cyclic(adj [][]int, comp []int) bool {
	if len(comp) > 1 {
		return true
	}
	for _, w := range adj[comp[0]] {
		if w == comp[0] {
			return true
		}
	}
	return false
}
