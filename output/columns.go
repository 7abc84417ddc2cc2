package output

import (
	"encoding/binary"
	"go/token"
	"sort"
	"sync"
	"unicode/utf8"
)

// Columns converts byte columns to the UTF-16 code-unit columns that SARIF
// and LSP count in. Each file is scanned once, when first asked about;
// every conversion after that is a binary search. Counting from the line
// start for every finding was quadratic on the one-line files the Fastly
// API and terraform show -json write.
// It is safe for concurrent use.
type Columns struct {
	source func(name string) []byte
	mu     sync.Mutex
	files  map[string]*utf16Index
}

// NewColumns returns a converter over the files source returns.
func NewColumns(source func(name string) []byte) *Columns {
	return &Columns{source: source, files: map[string]*utf16Index{}}
}

// UTF16 returns the 1-based UTF-16 column of a position with a 1-based
// byte column (the byte column itself when the file is unknown).
func (c *Columns) UTF16(pos token.Position) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	idx, ok := c.files[pos.Filename]
	if !ok {
		var src []byte
		if c.source != nil {
			src = c.source(pos.Filename)
		}
		idx = newUTF16Index(src)
		c.files[pos.Filename] = idx
	}
	return idx.column(pos.Offset, pos.Column)
}

// utf16Index records, after each non-ASCII rune, by how much the bytes so
// far exceed their UTF-16 code units. A nil index is an ASCII file (or an
// unknown one): columns are unchanged.
type utf16Index struct {
	size  int
	after []int32 // offset just past a non-ASCII rune
	delta []int32 // bytes minus UTF-16 units, up to that offset
}

func newUTF16Index(src []byte) *utf16Index {
	idx := &utf16Index{size: len(src)}
	var delta int32
	for i := 0; i < len(src); {
		// Pass ASCII eight bytes at a time: most of a file is.
		for i+8 <= len(src) && binary.LittleEndian.Uint64(src[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i == len(src) {
			break
		}
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRune(src[i:])
		units := 1
		if r >= 0x10000 {
			units = 2 // a surrogate pair
		}
		delta += int32(w - units)
		i += w
		if w != units {
			idx.after = append(idx.after, int32(i))
			idx.delta = append(idx.delta, delta)
		}
	}
	return idx
}

// deltaAt is the excess of bytes over UTF-16 units in src[:off].
func (idx *utf16Index) deltaAt(off int) int {
	n := sort.Search(len(idx.after), func(i int) bool { return int(idx.after[i]) > off })
	if n == 0 {
		return 0
	}
	return int(idx.delta[n-1])
}

func (idx *utf16Index) column(offset, byteColumn int) int {
	lineStart := offset - (byteColumn - 1)
	if lineStart < 0 || offset > idx.size || byteColumn < 1 {
		return byteColumn
	}
	return byteColumn - (idx.deltaAt(offset) - idx.deltaAt(lineStart))
}
