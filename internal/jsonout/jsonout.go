// Package jsonout writes the JSON documents chainlint's commands print:
// indented by two spaces, and with <, > and & as they are (the output is
// read by people and programs, never embedded in HTML).
package jsonout

import (
	"encoding/json"
	"io"
)

// Write writes v as one indented JSON document and a newline.
func Write(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
