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

// SetField returns the edit that gives object n the member key with the
// string value, in the file's syntax: it replaces an existing member's
// value, or inserts the member before the first one, on its own line with
// the same indentation when members are on their own lines.
func SetField(src []byte, syntax Syntax, n *Node, key, value string) Edit {
	lit := Quote(syntax, value)
	if f := n.Field(key); f != nil {
		return Edit{Off: f.Value.Off, End: f.Value.End, New: lit}
	}
	member := quoteKey(syntax, key) + ": " + lit
	if len(n.Fields) == 0 {
		if n.Flow && n.Off < len(src) && src[n.Off] == '{' {
			return Edit{Off: n.Off + 1, End: n.Off + 1, New: member}
		}
		// A block mapping with no members cannot be empty in YAML; a null
		// value would be the case here, handled by the caller.
		return Edit{Off: n.Off, End: n.End, New: "{" + member + "}"}
	}
	first := n.Fields[0].KeyOff
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
