// Package tree is a format-neutral document tree with exact byte offsets,
// parsed from JSON or YAML. Loaders read Fastly exports (and other JSON or
// YAML inputs) through it so that every value they put into the graph
// knows where it was written, down to the byte inside an escaped JSON
// string or a YAML block scalar.
//
// The package knows nothing about Fastly; it must not import the analyzer.
package tree

import (
	"fmt"
	"sort"
	"strconv"
)

// Kind is the kind of a node.
type Kind uint8

// Node kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Object
	Array
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Object:
		return "object"
	case Array:
		return "array"
	}
	return "?"
}

// Syntax is the file format a tree was parsed from.
type Syntax uint8

// Syntaxes.
const (
	JSON Syntax = iota
	YAML
)

// Node is one value of a document.
type Node struct {
	Kind Kind
	// Flow reports a YAML flow collection or a JSON collection ({...} or
	// [...]), as opposed to a YAML block collection. (It sits next to Kind
	// so that the two share one word.)
	Flow bool
	// Off and End delimit the value's source text (End exclusive).
	Off, End int
	// Text is a scalar's decoded value ("true", "12", the string).
	Text   string
	Fields []Field // Object members, in source order
	Items  []*Node // Array elements
	// TextOff is where a scalar's decoded text starts in the source when it
	// is stored verbatim (after a JSON string's opening quote).
	TextOff int
	// Segments map the decoded bytes of a String back to offsets when they
	// are not stored verbatim from TextOff, as runs: decoded byte i, in the
	// segment with the greatest Dec <= i, is at offset Src + (i - Dec).
	Segments []Segment
}

// Field is an object member.
type Field struct {
	Key    string
	KeyOff int
	KeyEnd int
	Value  *Node
}

// Segment is a run of decoded bytes stored verbatim in the source: decoded
// byte Dec is at offset Src. (32 bits: a file is at most safefile.MaxSize
// bytes, and VCL in an export has a run a line, 2,000 services' 10 KB of
// VCL 24 MB of them at 64 bits.)
type Segment struct {
	Dec int32
	Src int32
}

// Get returns the member value for key (the last one when a key repeats,
// as encoding/json does), or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := len(n.Fields) - 1; i >= 0; i-- {
		if n.Fields[i].Key == key {
			return n.Fields[i].Value
		}
	}
	return nil
}

// SourceOffset maps byte i of a string's decoded text to its offset,
// never past the end of the value's source text (decoding can lengthen
// text, e.g. a CR line break read as a line feed plus folding).
func (n *Node) SourceOffset(i int) int {
	off := n.TextOff + i
	if len(n.Segments) > 0 {
		k := sort.Search(len(n.Segments), func(k int) bool { return int(n.Segments[k].Dec) > i }) - 1
		if k < 0 {
			k = 0
		}
		off = int(n.Segments[k].Src) + i - int(n.Segments[k].Dec)
	}
	return min(max(off, n.Off), n.End)
}

// Int returns a number (or a numeric string) as an int.
func (n *Node) Int() (int, bool) {
	if n == nil || (n.Kind != Number && n.Kind != String) {
		return 0, false
	}
	v, err := strconv.Atoi(n.Text)
	if err != nil {
		f, ferr := strconv.ParseFloat(n.Text, 64)
		if ferr != nil || f != float64(int(f)) {
			return 0, false
		}
		return int(f), true
	}
	return v, true
}

// Truthy returns a boolean (also the API's 0/1 and "true"/"false" forms).
func (n *Node) Truthy() (bool, bool) {
	if n == nil {
		return false, false
	}
	switch n.Kind {
	case Bool:
		return n.Text == "true", true
	case Number, String:
		switch n.Text {
		case "1", "true", "True", "TRUE":
			return true, true
		case "0", "false", "False", "FALSE", "":
			return false, true
		}
	}
	return false, false
}

// Error is a syntax error at a byte offset.
type Error struct {
	Off int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("offset %d: %s", e.Off, e.Msg) }

// MaxDepth bounds nesting, so that hostile input cannot exhaust the stack.
const MaxDepth = 1000
