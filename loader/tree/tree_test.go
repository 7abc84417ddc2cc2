package tree

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseJSONOffsets(t *testing.T) {
	src := `{"a": [1, true, null], "b": {"c": "x\"y\nz"}}`
	n, err := ParseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a := n.Get("a")
	if a.Kind != Array || src[a.Off:a.End] != "[1, true, null]" {
		t.Errorf("a = %v %q", a.Kind, src[a.Off:a.End])
	}
	c := n.Get("b").Get("c")
	if c.Text != "x\"y\nz" {
		t.Errorf("decoded %q", c.Text)
	}
	// Every decoded byte maps to the source byte (or escape) it came from.
	for i, want := range map[int]string{0: "x", 1: `\"`, 2: "y", 3: `\n`, 4: "z"} {
		off := c.SourceOffset(i)
		if !strings.HasPrefix(src[off:], want) {
			t.Errorf("byte %d maps to %q, want %q", i, src[off:off+2], want)
		}
	}
}

func TestParseJSONErrors(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	tests := []struct {
		name, src string
		off       int
		msg       string
	}{
		{"empty", "", 0, "empty document"},
		{"truncated object", `{"a": 1`, 7, "unexpected end of file"},
		{"trailing comma", `{"a": 1,}`, 8, "expected a member name"},
		{"bad escape", `["\q"]`, 2, `invalid escape \q`},
		{"control char", "[\"a\nb\"]", 3, "control character"},
		{"unterminated", `["abc`, 1, "unterminated string"},
		{"garbage after", `{} x`, 3, "after the top-level value"},
		{"bad literal", `[tru]`, 1, "expected true"},
		{"deep", deep, 1001, "nesting deeper"},
		{"binary", "\x00\x01\x02", 0, "U+0000"},
		{"invalid utf-8", "\xff\xfe", 0, "invalid byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseJSON([]byte(tt.src))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if e.Off != tt.off || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("err = %d %q, want %d %q", e.Off, e.Msg, tt.off, tt.msg)
			}
		})
	}
}

func TestParseJSONBOMAndSurrogates(t *testing.T) {
	n, err := ParseJSON([]byte("\xEF\xBB\xBF[\"\\ud83d\\ude00\", \"\\ud800\"]"))
	if err != nil {
		t.Fatal(err)
	}
	if n.Items[0].Text != "😀" || n.Items[1].Text != "\uFFFD" {
		t.Errorf("got %q %q", n.Items[0].Text, n.Items[1].Text)
	}
}

func TestParseYAMLPositions(t *testing.T) {
	src := "services:\n  - name: www\n    content: |\n      sub vcl_miss {\n        set bereq.http.host = \"x\";\n      }\n    port: 443\n    quoted: \"a\\tb\"\n"
	docs, err := ParseYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	svc := docs[0].Get("services").Items[0]
	if name := svc.Get("name"); src[name.Off:name.End] != "www" {
		t.Errorf("name at %q", src[name.Off:name.End])
	}
	if p := svc.Get("port"); p.Kind != Number || p.Text != "443" {
		t.Errorf("port = %v %q", p.Kind, p.Text)
	}
	c := svc.Get("content")
	i := strings.Index(c.Text, "set bereq")
	if off := c.SourceOffset(i); !strings.HasPrefix(src[off:], "set bereq.http.host") {
		t.Errorf("block scalar byte %d maps to %q", i, src[off:min(len(src), off+20)])
	}
	j := strings.Index(c.Text, "}")
	if off := c.SourceOffset(j); src[off] != '}' {
		t.Errorf("closing brace maps to %q", src[off])
	}
}

func TestParseYAMLErrorLine(t *testing.T) {
	src := "a:\n  b: [1, 2\n  c: 3\n"
	_, err := ParseYAML([]byte(src))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasPrefix(src[e.Off:], "b: [1, 2") {
		t.Errorf("error at %q, want the unclosed flow sequence's line", src[e.Off:])
	}
}

func TestParseYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	_, err := ParseYAML([]byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "alias") {
		t.Fatalf("err = %v, want an alias-expansion error", err)
	}
}

func TestSetField(t *testing.T) {
	tests := []struct {
		name   string
		syntax Syntax
		src    string
		want   string
	}{
		{"json multi-line", JSON, "{\n  \"name\": \"b\",\n  \"address\": \"x.example.com\"\n}",
			"{\n  \"override_host\": \"x.example.com\",\n  \"name\": \"b\",\n  \"address\": \"x.example.com\"\n}"},
		{"json one line", JSON, `{"name": "b"}`, `{"override_host": "x.example.com", "name": "b"}`},
		{"json empty", JSON, `{}`, `{"override_host": "x.example.com"}`},
		{"json replace empty", JSON, `{"override_host": "", "name": "b"}`, `{"override_host": "x.example.com", "name": "b"}`},
		{"json replace null", JSON, `{"override_host": null}`, `{"override_host": "x.example.com"}`},
		{"yaml block in sequence", YAML, "- name: b\n  address: x.example.com\n",
			"- override_host: x.example.com\n  name: b\n  address: x.example.com\n"},
		{"yaml flow", YAML, "{name: b}\n", "{override_host: x.example.com, name: b}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n *Node
			if tt.syntax == JSON {
				var err error
				if n, err = ParseJSON([]byte(tt.src)); err != nil {
					t.Fatal(err)
				}
			} else {
				docs, err := ParseYAML([]byte(tt.src))
				if err != nil {
					t.Fatal(err)
				}
				n = docs[0]
				if n.Kind == Array {
					n = n.Items[0]
				}
			}
			e := SetField([]byte(tt.src), tt.syntax, LayoutOf(n), "override_host", "x.example.com")
			got := tt.src[:e.Off] + e.New + tt.src[e.End:]
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"services": [{"name": "a", "version": {}}]}`, `[1, 2.5e3, "\u00e9"]`, `{"a": "\ud83d\ude00"}`, ``} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := ParseJSON(src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Off < 0 || e.Off > len(src) {
				t.Fatalf("error %v out of range", err)
			}
			return
		}
		checkOffsets(t, n, len(src))
	})
}

func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{"a: 1\nb: [x, y]\n", "services:\n  - name: w\n    c: |\n      x\n", "- &a x\n- *a\n", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := ParseYAML(src)
		if err != nil {
			var e *Error
			if errors.As(err, &e) && (e.Off < 0 || e.Off > len(src)) {
				t.Fatalf("error %v out of range", err)
			}
		}
		for _, d := range docs {
			checkOffsets(t, d, len(src))
		}
	})
}

func checkOffsets(t *testing.T, n *Node, size int) {
	t.Helper()
	if n.Off < 0 || n.End > size || n.Off > n.End {
		t.Fatalf("node %v has offsets %d..%d outside 0..%d", n.Kind, n.Off, n.End, size)
	}
	if n.Kind == String && len(n.Text) > 0 {
		if off := n.SourceOffset(len(n.Text) - 1); off < 0 || off > size {
			t.Fatalf("string maps its last byte to %d, outside 0..%d", off, size)
		}
	}
	for _, f := range n.Fields {
		checkOffsets(t, f.Value, size)
	}
	for _, it := range n.Items {
		checkOffsets(t, it, size)
	}
}

// TestJSONParserReuse: after Reuse a value is built in the memory of the
// value before it; without it, every value has memory of its own.
func TestJSONParserReuse(t *testing.T) {
	src := []byte(`[{"a": [1, 2], "b": "x", "c": "1\n2"}, {"a": [3, 4], "b": "y", "c": "3\n4"}]`)
	first, second := 1, bytes.LastIndexByte(src, '{')
	for _, reuse := range []bool{false, true} {
		jp := NewJSONParser(src)
		if reuse {
			jp.Reuse()
		}
		n1, _, err := jp.ParseAt(first, 1)
		if err != nil {
			t.Fatal(err)
		}
		p1 := n1
		n2, _, err := jp.ParseAt(second, 1)
		if err != nil {
			t.Fatal(err)
		}
		if shared := p1 == n2; shared != reuse {
			t.Errorf("reuse %v: second value in the first's memory = %v", reuse, shared)
		}
		if got := n2.Get("b").Text; got != "y" {
			t.Errorf("reuse %v: second value's b = %q, want y", reuse, got)
		}
		if !reuse && n1.Get("b").Text != "x" {
			t.Errorf("without reuse the first value changed: b = %q", n1.Get("b").Text)
		}
		// A string with escapes has its segments from the slab too.
		if segs := n2.Get("c").Segments; len(segs) != 2 || int(segs[1].Src) != bytes.LastIndex(src, []byte(`4"`)) {
			t.Errorf("reuse %v: second value's c segments = %v", reuse, segs)
		}
		if !reuse {
			if segs := n1.Get("c").Segments; len(segs) != 2 || int(segs[1].Src) != bytes.Index(src, []byte(`2"`)) {
				t.Errorf("without reuse the first value's segments changed: %v", segs)
			}
		}
	}
}

// TestParseYAMLLineBreaks: yaml.v3 numbers lines at every break libyaml
// knows (LF, CR LF, a lone CR, NEL, LS, PS); a document written with
// other breaks has the offsets the same document has with breaks of the
// same width. Before, a lone CR put every node after it at the end of
// the file and an alias past it (the fuzzer's input).
func TestParseYAMLLineBreaks(t *testing.T) {
	const doc = "services:\n  - name: www\n    content: |\n      sub vcl_miss {\n        set bereq.http.host = \"x\";\n      }\n    port: 443\n    q: \"a\\tb\n      c\"\n    p: plain\n      folded\n  - &b {name: api}\n  - *b\n"
	for _, tc := range []struct{ name, brk, same string }{
		{"CR", "\r", "\n"},
		{"NEL", "\u0085", "\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := ParseYAML([]byte(strings.ReplaceAll(doc, "\n", tc.same)))
			if err != nil {
				t.Fatal(err)
			}
			src := strings.ReplaceAll(doc, "\n", tc.brk)
			got, err := ParseYAML([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("tree differs from the one with %q breaks (-want +got):\n%s", tc.same, diff)
			}
			for _, d := range got {
				checkOffsets(t, d, len(src))
			}
		})
	}
	// LS is a break to yaml.v3's line numbering (a scalar keeps it).
	src := "a: 1\u2028b: two\n"
	docs, err := ParseYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if b := docs[0].Get("b"); b == nil || src[b.Off:b.End] != "two" {
		t.Errorf("b = %+v in %q", b, src)
	}
}
