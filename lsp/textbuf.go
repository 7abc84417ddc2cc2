package lsp

import (
	"bytes"
	"unicode/utf8"
)

// textBuffer is a document being edited by one didChange: its text in
// chunks of a few kilobytes, each with its count of line breaks, so that
// finding a position and replacing a range cost the chunks' count plus a
// chunk's size rather than the document's size. A didChange of thousands
// of incremental edits on a document of megabytes (a formatter's, or a
// search-and-replace's) would otherwise copy the document for every edit.
type textBuffer struct {
	chunks []textChunk
}

type textChunk struct {
	text  []byte
	lines int // line breaks in text
}

// chunkSize is the size chunks are cut to; a chunk grows to twice this
// before it is cut again.
const chunkSize = 4 << 10

func newTextBuffer(text []byte) *textBuffer {
	b := &textBuffer{}
	b.chunks = appendChunks(nil, text)
	return b
}

// appendChunks cuts text into chunks (copying it: a buffer never shares
// memory with what it was made from).
func appendChunks(chunks []textChunk, text []byte) []textChunk {
	for len(text) > 0 {
		n := min(len(text), chunkSize)
		c := append([]byte(nil), text[:n]...)
		chunks = append(chunks, textChunk{text: c, lines: bytes.Count(c, []byte{'\n'})})
		text = text[n:]
	}
	return chunks
}

// Bytes is the whole text.
func (b *textBuffer) Bytes() []byte {
	n := 0
	for _, c := range b.chunks {
		n += len(c.text)
	}
	out := make([]byte, 0, n)
	for _, c := range b.chunks {
		out = append(out, c.text...)
	}
	return out
}

// offset is the byte offset of an LSP position, as offsetOf finds it in
// the whole text: a line past the end is the end, and a character past
// the line's end is the line's end.
func (b *textBuffer) offset(p Position) int {
	off, line := 0, 0
	i := 0
	// Whole chunks before the one where line p.Line starts.
	for ; i < len(b.chunks) && line+b.chunks[i].lines < p.Line; i++ {
		line += b.chunks[i].lines
		off += len(b.chunks[i].text)
	}
	if i == len(b.chunks) {
		return off
	}
	// Inside chunk i: skip the line breaks still needed.
	text := b.chunks[i].text
	k := 0
	for ; line < p.Line; line++ {
		j := bytes.IndexByte(text[k:], '\n')
		k += j + 1 // the chunk holds enough line breaks
	}
	off += k
	// Count UTF-16 units along the line, across chunks.
	var r4 [utf8.UTFMax]byte
	for units := 0; units < p.Character; {
		for i < len(b.chunks) && k == len(b.chunks[i].text) {
			i, k = i+1, 0
		}
		if i == len(b.chunks) || b.chunks[i].text[k] == '\n' {
			break
		}
		// The rune at the cursor, which may run on into the next chunks.
		n := 0
		for ci, ck := i, k; n < utf8.UTFMax && ci < len(b.chunks); ci, ck = ci+1, 0 {
			n += copy(r4[n:], b.chunks[ci].text[ck:])
		}
		r, w := utf8.DecodeRune(r4[:n])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		off += w
		for k += w; i < len(b.chunks) && k > len(b.chunks[i].text); {
			k -= len(b.chunks[i].text)
			i++
		}
	}
	return off
}

// replace puts text in place of the bytes from start to end.
func (b *textBuffer) replace(start, end int, text []byte) {
	// First and last chunk touched.
	first, firstOff := b.locate(start)
	last, lastOff := b.locate(end)
	if first == len(b.chunks) { // at the very end
		b.chunks = appendChunks(b.chunks, text)
		return
	}
	var mid []byte
	mid = append(mid, b.chunks[first].text[:firstOff]...)
	mid = append(mid, text...)
	if last < len(b.chunks) {
		mid = append(mid, b.chunks[last].text[lastOff:]...)
	} else {
		last = len(b.chunks) - 1
	}
	var repl []textChunk
	if len(mid) <= 2*chunkSize {
		if len(mid) > 0 {
			repl = []textChunk{{text: mid, lines: bytes.Count(mid, []byte{'\n'})}}
		}
	} else {
		repl = appendChunks(nil, mid)
	}
	tail := b.chunks[last+1:]
	b.chunks = append(append(b.chunks[:first:first], repl...), tail...)
}

// locate is the chunk holding byte offset off and the offset inside it
// (len(chunks), 0 at the end of the text).
func (b *textBuffer) locate(off int) (int, int) {
	for i, c := range b.chunks {
		if off < len(c.text) {
			return i, off
		}
		off -= len(c.text)
	}
	return len(b.chunks), 0
}
