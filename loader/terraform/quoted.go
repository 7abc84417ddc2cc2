package terraform

import (
	"strconv"
	"unicode/utf8"

	"github.com/chainlint/chainlint/loader/tree"
)

// quotedSegments maps the decoded value of an HCL quoted string back to
// its source, escape by escape: src is the string's source text with its
// quotes, base its offset in the file. Each escape (\n, \", \\, \uNNNN,
// $${, %%{ …) starts a segment at its backslash, and the verbatim text
// after it a segment of its own, so a position inside the value (a
// secret to mask, a finding) lands on the right source byte. ok is false
// when src is not such a string, or decodes to something other than
// want (an interpolation, say): the caller then matches lines instead.
func quotedSegments(src []byte, base int, want string) (segs []tree.Segment, ok bool) {
	if len(src) < 2 || src[0] != '"' || src[len(src)-1] != '"' {
		return nil, false
	}
	body := src[1 : len(src)-1]
	var dec []byte
	verbatim := false // a verbatim run is open (its segment is started)
	for i := 0; i < len(body); {
		c := body[i]
		var out []byte
		width := 1
		switch {
		case c == '\\' && i+1 < len(body):
			width = 2
			switch body[i+1] {
			case 'n':
				out = []byte{'\n'}
			case 'r':
				out = []byte{'\r'}
			case 't':
				out = []byte{'\t'}
			case '"':
				out = []byte{'"'}
			case '\\':
				out = []byte{'\\'}
			case 'u', 'U':
				n := 4
				if body[i+1] == 'U' {
					n = 8
				}
				if i+2+n > len(body) {
					return nil, false
				}
				r, err := strconv.ParseUint(string(body[i+2:i+2+n]), 16, 32)
				if err != nil {
					return nil, false
				}
				out = utf8.AppendRune(nil, rune(r))
				width = 2 + n
			default:
				return nil, false
			}
		case (c == '$' || c == '%') && i+2 < len(body) && body[i+1] == c && body[i+2] == '{':
			out, width = []byte{c, '{'}, 3
		case (c == '$' || c == '%') && i+1 < len(body) && body[i+1] == '{':
			return nil, false // an interpolation or a directive: not a plain string
		case c == '\\':
			return nil, false
		}
		if out != nil {
			segs = append(segs, tree.Segment{Dec: int32(len(dec)), Src: int32(base + 1 + i)})
			dec = append(dec, out...)
			verbatim = false
		} else {
			if !verbatim {
				segs = append(segs, tree.Segment{Dec: int32(len(dec)), Src: int32(base + 1 + i)})
				verbatim = true
			}
			dec = append(dec, c)
		}
		i += width
	}
	if string(dec) != want {
		return nil, false
	}
	if len(segs) == 0 {
		segs = []tree.Segment{{Dec: 0, Src: int32(base + 1)}}
	}
	return segs, true
}
