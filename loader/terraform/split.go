package terraform

import (
	"bytes"
	"runtime"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A large .tf file is parsed in pieces, concurrently: it is cut between
// top-level blocks, each piece is parsed with the position it has in the
// file, and the pieces' blocks are joined into one body. hclsyntax's
// lexer holds every token of what it parses, so pieces also bound the
// memory a parse takes. The result is the whole parse's: when a piece
// fails, or holds anything but blocks at its top level, the file is
// parsed whole, for the whole parse's diagnostics.

// pieceSize is the size pieces aim at. The lexer's cost per byte grows
// with what one parse holds, so smaller pieces are faster even on one
// core; on the 10,000-service estate 16 to 32 KB was fastest (64 KB took
// 8% longer, 128 KB 16%).
const pieceSize = 32 << 10

func parseConfig(src []byte, name string) (*hcl.File, hcl.Diagnostics) {
	return parsePieces(src, name, pieceSize)
}

// parsePieces parses src in pieces of about size bytes.
func parsePieces(src []byte, name string, size int) (*hcl.File, hcl.Diagnostics) {
	cuts := splitTopLevel(src, size)
	if len(cuts) < 2 {
		return parseHCL(src, name, hcl.Pos{Line: 1, Column: 1})
	}
	type result struct {
		body  *hclsyntax.Body
		diags hcl.Diagnostics
	}
	pieces := make([]result, len(cuts)-1)
	starts := make([]hcl.Pos, len(cuts)-1)
	line := 1
	for i := range starts {
		if i > 0 {
			line += bytes.Count(src[cuts[i-1]:cuts[i]], []byte{'\n'})
		}
		starts[i] = hcl.Pos{Line: line, Column: 1, Byte: cuts[i]}
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(pieces)) {
		wg.Go(func() {
			for i := range next {
				f, diags := parseHCL(src[cuts[i]:cuts[i+1]], name, starts[i])
				body, _ := f.Body.(*hclsyntax.Body)
				pieces[i] = result{body, diags}
			}
		})
	}
	for i := range pieces {
		next <- i
	}
	close(next)
	wg.Wait()
	whole := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	var diags hcl.Diagnostics
	for _, p := range pieces {
		if p.body == nil || p.diags.HasErrors() || len(p.body.Attributes) > 0 {
			return parseHCL(src, name, hcl.Pos{Line: 1, Column: 1})
		}
		whole.Blocks = append(whole.Blocks, p.body.Blocks...)
		diags = append(diags, p.diags...)
	}
	first, last := pieces[0].body, pieces[len(pieces)-1].body
	whole.SrcRange = hcl.RangeBetween(first.SrcRange, last.SrcRange)
	whole.EndRange = last.EndRange
	return &hcl.File{Body: whole, Bytes: src}, diags
}

// splitTopLevel returns offsets that cut src into pieces of about size
// bytes, each starting at the beginning of a line that follows a
// top-level block's closing brace: 0, the cuts, len(src). It knows
// HCL's strings, templates, heredocs and comments well enough to find
// such lines; when it is unsure it cuts nothing (a wrong cut only costs
// a whole parse: a piece cut inside a construct fails to parse).
//
// A file that is not UTF-8 is not cut: hclsyntax does not count a line
// feed that ends an invalid sequence (a lead byte, then "0\n"), so the
// lines of the pieces after it would not be the whole parse's.
func splitTopLevel(src []byte, size int) []int {
	if len(src) < 2*size || !utf8.Valid(src) {
		return nil
	}
	cuts := []int{0}
	depth := 0     // brackets open in code
	var tmpl []int // for each template interpolation open: the depth it began at
	inString := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			switch {
			case c == '\\':
				i++
			case c == '\n':
				return nil // an unterminated string: leave it to the parser
			case c == '"':
				inString = false
			case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == c && i+2 < len(src) && src[i+2] == '{':
				i += 2 // $${ and %%{ are literal
			case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
				tmpl = append(tmpl, depth)
				depth++
				inString = false
				i++
			}
			continue
		}
		switch {
		case c == '"':
			inString = true
		case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i-- // the newline is seen by the loop: it may follow a block
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return nil
			}
			i += 2 + end + 1
		case c == '<' && i+1 < len(src) && src[i+1] == '<':
			end, ok := skipHeredoc(src, i)
			if !ok {
				return nil
			}
			i = end - 1
		case c == '{' || c == '(' || c == '[':
			depth++
		case c == '}' || c == ')' || c == ']':
			depth--
			if depth < 0 {
				return nil
			}
			if n := len(tmpl); n > 0 && c == '}' && depth == tmpl[n-1] {
				tmpl = tmpl[:n-1]
				inString = true // back in the quoted template
			}
		case c == '\n' && depth == 0 && len(tmpl) == 0:
			if i+1-cuts[len(cuts)-1] >= size && len(src)-(i+1) >= size/2 {
				cuts = append(cuts, i+1)
			}
		}
	}
	if depth != 0 || inString || len(tmpl) > 0 || len(cuts) < 2 {
		return nil
	}
	return append(cuts, len(src))
}

// skipHeredoc skips a heredoc whose "<<" is at i, returning the offset
// just past its closing line. ok is false when i does not start a
// heredoc chainlint can follow.
func skipHeredoc(src []byte, i int) (end int, ok bool) {
	j := i + 2
	if j < len(src) && src[j] == '-' {
		j++
	}
	k := j
	for k < len(src) && (src[k] == '_' || src[k] == '-' || src[k] >= 'a' && src[k] <= 'z' || src[k] >= 'A' && src[k] <= 'Z' || src[k] >= '0' && src[k] <= '9' && k > j) {
		k++
	}
	if k == j {
		return 0, false
	}
	id := src[j:k]
	if k < len(src) && src[k] == '\r' {
		k++
	}
	if k >= len(src) || src[k] != '\n' {
		return 0, false
	}
	for line := k + 1; line < len(src); {
		nl := bytes.IndexByte(src[line:], '\n')
		if nl < 0 {
			return 0, false
		}
		if bytes.Equal(bytes.TrimSpace(src[line:line+nl]), id) {
			return line + nl, true // the newline ends the heredoc's line
		}
		line += nl + 1
	}
	return 0, false
}
