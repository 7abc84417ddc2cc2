package tree

import (
	"bytes"
	"io"
	"sync"
)

// ScanJSONKeys reads a JSON document from r without building it, and
// hands visit the keys of its top-level object, or, when the top level is
// an array, of the array's first item, each with the first byte of its
// value ('{', '[', '"', 'n', a digit, …). It stops when visit returns
// false, when that object ends, or at the end of r, reading no further.
// Keys longer than 64 bytes are passed over.
//
// top is the document's first byte after white space and a UTF-8
// byte-order mark (0 for an empty document). complete reports that the
// object whose keys were wanted was read to its end (or that there was
// none: an array whose first item is not an object); it is false when r
// ended first, the brackets do not match, or r failed, so a caller that
// needs every key knows it did not see them all.
//
// It is a loader's first look at a file: a directory can hold thousands
// of JSON files that are not Fastly exports, and this decides most of
// them from a small part of their text, with no allocation per value.
func ScanJSONKeys(r io.Reader, visit func(key []byte, value byte) bool) (top byte, complete bool) {
	s := keyScanner{visit: visit}
	bp := scanBuffers.Get().(*[]byte)
	defer scanBuffers.Put(bp)
	buf := *bp
	for {
		n, err := r.Read(buf)
		if s.feed(buf[:n]) {
			return s.top, s.complete
		}
		if err != nil {
			return s.top, false
		}
	}
}

// keyScanner is ScanJSONKeys's state between chunks.
type keyScanner struct {
	visit func(key []byte, value byte) bool
	// read counts the bytes read before the top-level value, so that a
	// byte-order mark is known by where it stands.
	read     int
	top      byte
	keyDepth int // the depth of the object whose keys are wanted; 0 until known
	depth    int
	inString bool
	escape   bool
	// capturing: the string being read is a key at keyDepth.
	capturing bool
	key       []byte
	keyTooBig bool
	// expectKey: the next string at keyDepth is a key; wantValue: a key
	// and its colon were read, the next byte starts its value.
	expectKey, afterKey, wantValue bool
	complete                       bool
	bom                            bool
}

// feed scans a chunk; it reports whether the scan is over.
func (s *keyScanner) feed(chunk []byte) (done bool) {
	for i := 0; i < len(chunk); i++ {
		c := chunk[i]
		if s.inString && !s.capturing && !s.escape {
			// Skip to the string's next quote or backslash at once:
			// most of a document's bytes are inside strings.
			j := bytes.IndexByte(chunk[i:], '"')
			if j < 0 {
				j = len(chunk) - i
			}
			if k := bytes.IndexByte(chunk[i:i+j], '\\'); k >= 0 {
				j = k
			}
			if i += j; i >= len(chunk) {
				return false
			}
			c = chunk[i]
		}
		if !s.inString && !s.wantValue && s.keyDepth != 0 {
			// Between strings only brackets, colons and commas matter
			// (numbers, literals, white space): skip to the next one.
			for !structural[c] {
				if i++; i >= len(chunk) {
					return false
				}
				c = chunk[i]
			}
		}
		if s.inString {
			switch {
			case s.escape:
				s.escape = false
			case c == '\\':
				s.escape = true
			case c == '"':
				s.inString = false
				if s.capturing {
					s.capturing = false
					s.afterKey = !s.keyTooBig
				}
				continue
			}
			if s.capturing {
				if len(s.key) < 64 {
					s.key = append(s.key, c)
				} else {
					s.keyTooBig = true
				}
			}
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if s.top == 0 {
			s.read++
			if s.read <= 3 && c == "\xEF\xBB\xBF"[s.read-1] && (s.read == 1 || s.bom) {
				s.bom = true
				continue
			}
			s.top = c
			switch c {
			case '{':
				s.keyDepth, s.expectKey = 1, true
			case '[':
			default:
				s.complete = true // a scalar: no object, no keys
				return true
			}
			s.depth = 1
			continue
		}
		if s.wantValue {
			s.wantValue = false
			if !s.visit(s.key, c) {
				return true
			}
		}
		if s.keyDepth == 0 { // the first byte inside a top-level array
			if c != '{' {
				s.complete = true
				return true
			}
			s.keyDepth, s.expectKey = 2, true
			s.depth = 2
			continue
		}
		switch c {
		case '"':
			s.inString = true
			if s.depth == s.keyDepth && s.expectKey {
				s.capturing, s.expectKey, s.keyTooBig = true, false, false
				s.key = s.key[:0]
			}
		case ':':
			if s.depth == s.keyDepth && s.afterKey {
				s.afterKey, s.wantValue = false, true
			}
		case ',':
			if s.depth == s.keyDepth {
				s.expectKey, s.afterKey = true, false
			}
		case '{', '[':
			s.depth++
		case '}', ']':
			s.depth--
			if s.depth < s.keyDepth {
				s.complete = c == '}'
				return true
			}
		}
	}
	return false
}

// scanBuffers are ScanJSONKeys's read buffers, reused: a walk scans
// thousands of files.
var scanBuffers = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// structural marks the bytes ScanJSONKeys must look at between strings.
var structural = [256]bool{'"': true, '{': true, '}': true, '[': true, ']': true, ':': true, ',': true}
