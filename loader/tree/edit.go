package tree

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
)

// Edit replaces src[Off:End] with New.
type Edit struct {
	Off, End int
	New      string
}

// Layout is what SetField needs of an object node: where it and its
// members are. It keeps none of the values, so a loader can keep one for
// every object it may edit without keeping the document's tree.
type Layout struct {
	Off, End int
	Flow     bool
	Members  []Member
}

// Member is where an object member's key and value are.
type Member struct {
	Key                        string
	KeyOff, ValueOff, ValueEnd int
}

// LayoutOf returns the layout of object node n.
func LayoutOf(n *Node) *Layout {
	o := &Layout{Off: n.Off, End: n.End, Flow: n.Flow, Members: make([]Member, len(n.Fields))}
	for i, f := range n.Fields {
		o.Members[i] = Member{Key: f.Key, KeyOff: f.KeyOff, ValueOff: f.Value.Off, ValueEnd: f.Value.End}
	}
	return o
}

// SetField returns the edit that gives object n the member key with the
// string value, in the file's syntax: it replaces an existing member's
// value (the last, when a key repeats), or inserts the member before the
// first one, on its own line with the same indentation when members are on
// their own lines.
func SetField(src []byte, syntax Syntax, n *Layout, key, value string) Edit {
	lit := Quote(syntax, value)
	for i := len(n.Members) - 1; i >= 0; i-- {
		if m := n.Members[i]; m.Key == key {
			return Edit{Off: m.ValueOff, End: m.ValueEnd, New: lit}
		}
	}
	member := quoteKey(syntax, key) + ": " + lit
	if len(n.Members) == 0 {
		if n.Flow && n.Off < len(src) && src[n.Off] == '{' {
			return Edit{Off: n.Off + 1, End: n.Off + 1, New: member}
		}
		// A block mapping with no members cannot be empty in YAML; a null
		// value would be the case here, handled by the caller.
		return Edit{Off: n.Off, End: n.End, New: "{" + member + "}"}
	}
	first := n.Members[0].KeyOff
	if syntax == JSON || n.Flow {
		if bytes.ContainsRune(src[n.Off:first], '\n') {
			return Edit{Off: first, End: first, New: member + ",\n" + indentAt(src, first)}
		}
		return Edit{Off: first, End: first, New: member + ", "}
	}
	return Edit{Off: first, End: first, New: member + "\n" + indentAt(src, first)}
}

// indentAt returns spaces as wide as the line's prefix before off (a YAML
// "- " sequence marker becomes spaces, so the new member lines up).
func indentAt(src []byte, off int) string {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	prefix := src[start:off]
	if len(bytes.TrimLeft(prefix, " \t")) == 0 {
		return string(prefix)
	}
	return strings.Repeat(" ", len(prefix))
}

var plainYAML = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)

// Quote renders a string as a literal of the syntax.
func Quote(syntax Syntax, s string) string {
	if syntax == YAML && plainYAML.MatchString(s) && !yamlReserved(s) {
		return s
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func quoteKey(syntax Syntax, k string) string {
	if syntax == YAML && plainYAML.MatchString(k) {
		return k
	}
	return Quote(JSON, k)
}

func yamlReserved(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~":
		return true
	}
	return false
}
