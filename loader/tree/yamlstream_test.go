package tree

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOutlineYAMLSequence pins where the line scan cuts a document, and
// which documents it leaves to the whole parse.
func TestOutlineYAMLSequence(t *testing.T) {
	tests := []struct {
		name, src string
		items     []string // nil: no outline
	}{
		{"compact", "meta: 1\nservices:\n- a: 1\n  b: 2\n- c\nstores: []\n", []string{"- a: 1\n  b: 2\n", "- c\n"}},
		{"indented, comments and blank lines", "services: # all\n    # first\n    - a: |\n        - not an item\n      x\n\n    -\n      b: 1\n# done\n", []string{"- a: |\n        - not an item\n      x\n\n", "-\n      b: 1\n# done\n"}},
		{"top-level sequence", "# list\n- a\n- b: |\n    c\n", []string{"- a\n", "- b: |\n    c\n"}},
		{"CRLF", "services:\r\n- a\r\n- b\r\n", []string{"- a\r\n", "- b\r\n"}},
		{"no final newline", "services:\n- a\n- b", []string{"- a\n", "- b"}},
		{"key with a value", "services: []\n", nil},
		{"key not followed by a sequence", "services:\n  a: 1\n", nil},
		{"no key", "stores:\n- a\n", nil},
		{"indented key", "x:\n  services:\n  - a\n", nil},
		{"key-like scalar", "services:x\n- a\n", nil},
		{"second document", "services:\n- a\n---\nservices:\n- b\n", nil},
		{"directive", "%YAML 1.2\n---\nservices:\n- a\n", nil},
		{"tab indentation", "services:\n- a:\n\t b\n", nil},
		{"line between indentations", "services:\n    - a\n  - b\n", nil},
		{"text at the items' indentation", "services:\n  - a\n  b\n", nil},
		{"top-level sequence then a key", "- a\nb: 1\n", nil},
		{"only the key", "services:\n", nil},
		{"lone CR", "services:\n- a\r- b\n", nil},
		{"line separator", "services:\n- a\u2028- b\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := OutlineYAMLSequence([]byte(tt.src), "services")
			if o == nil {
				if tt.items != nil {
					t.Fatal("no outline")
				}
				return
			}
			var got []string
			for _, it := range o.Items {
				got = append(got, tt.src[it.Off:it.End][indentOf(tt.src[it.Off:]):])
			}
			if diff := cmp.Diff(tt.items, got); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
		})
	}
}

func indentOf(s string) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// TestYAMLItemsMatchWholeParse parses a document's items alone and its
// rest without them: every node has the offsets, text and segments of the
// whole parse's.
func TestYAMLItemsMatchWholeParse(t *testing.T) {
	src := []byte(`# an export
meta:
  note: "two
    lines"
services:
    - id: a
      content: |
        sub vcl_recv {
          set req.http.x = "y";
        }
      list: [1, {k: v}]
    # between
    - id: "b\tc"
      folded: >
        one
        two
      anchor: &x {n: 1}
      alias: *x
stores:
- id: k
`)
	whole, err := ParseYAML(src)
	if err != nil {
		t.Fatal(err)
	}
	o := OutlineYAMLSequence(src, "services")
	if o == nil || len(o.Items) != 2 || o.depth() != 2 {
		t.Fatalf("outline %+v", o)
	}
	for _, reuse := range []bool{false, true} {
		p := o.NewParser(reuse)
		for i, want := range whole[0].Get("services").Items {
			got, err := p.Parse(i)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("reuse %v: item %d (-whole +alone):\n%s", reuse, i, diff)
			}
		}
	}
	rest, err := o.Rest()
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"meta", "stores"} {
		if diff := cmp.Diff(whole[0].Get(key), rest.Get(key)); diff != "" {
			t.Errorf("%s (-whole +rest):\n%s", key, diff)
		}
	}
	if s := rest.Get("services"); s == nil || s.Kind != Null {
		t.Errorf("the rest's services = %+v, want null", s)
	}
}

// TestYAMLItemsFail: an item that cannot be parsed without the items of
// other batches fails to parse, so that the caller falls back to the whole
// parse.
func TestYAMLItemsFail(t *testing.T) {
	for name, src := range map[string]string{
		"alias to another batch": "services:\n- &a {x: 1}\n" + strings.Repeat("- x\n", YAMLBatch) + "- *a\n",
		"string across items":    "services:\n- \"a\n- b\"\n",
		"flow across items":      "services:\n- [a,\n- b]\n",
		"alias to the rest":      "base: &b {x: 1}\nservices:\n- *b\n",
		"not valid in the piece": "services:\n- a: b: c\n",
	} {
		o := OutlineYAMLSequence([]byte(src), "services")
		if o == nil {
			t.Errorf("%s: no outline", name)
			continue
		}
		p := o.NewParser(false)
		failed := false
		for i := range o.Items {
			if _, err := p.Parse(i); err != nil {
				failed = true
			}
		}
		if !failed {
			t.Errorf("%s: every item parsed alone", name)
		}
	}
}

// TestYAMLLayoutAt reads an object's layout again from its item: alone,
// or with its batch when the item refers to an anchor before it.
func TestYAMLLayoutAt(t *testing.T) {
	src := "services:\n- a: 1\n  b: {c: 2}\n- &x {d: 3}\n- e: *x\n  f: 4\n"
	o := OutlineYAMLSequence([]byte(src), "services")
	whole, err := ParseYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	items := whole[0].Get("services").Items
	for _, n := range []*Node{items[0], items[0].Get("b"), items[2]} {
		if diff := cmp.Diff(LayoutOf(n), o.LayoutAt(n.Off)); diff != "" {
			t.Errorf("object at %d (-whole +again):\n%s", n.Off, diff)
		}
	}
	for _, off := range []int{0, items[0].Off + 1, len(src)} {
		if l := o.LayoutAt(off); l != nil {
			t.Errorf("LayoutAt(%d) = %+v, want nil (no object there)", off, l)
		}
	}
}

// FuzzYAMLItems: whenever a document's outlined items and rest all parse,
// they are what the whole parse gives (the whole parse must succeed too),
// node for node, whatever the batches; and LayoutAt reads each item's
// object as the whole parse has it.
func FuzzYAMLItems(f *testing.F) {
	for _, s := range []string{
		"services:\n- a: 1\n  b: [x, y]\n- c: |\n    d\n",
		"x: &a {k: v}\nservices:\n    - *a\n    - \"q\n    - r\"\nstores: []\n",
		"- id: a\n- id: b\n  n: 'it''s'\n",
		"services:\r\n- a\r\n# c\r\n- b: >\r\n    x\r\n",
		fastExport,
		pulledExport,
		"- a: |-\n    x\n\n    y\n  b:\n  - 1\n  - c: d\n    e: null\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		o := OutlineYAMLSequence(src, "services")
		if o == nil {
			return
		}
		p := o.NewParser(true)
		var items []*Node
		for i := range o.Items {
			n, err := p.Parse(i)
			if err != nil {
				return // the caller falls back to the whole parse
			}
			checkOffsets(t, n, len(src))
			items = append(items, cloneNode(n)) // n lives until the next Parse
		}
		rest, err := o.Rest()
		if err != nil {
			return
		}
		docs, err := ParseYAML(src)
		if err != nil || len(docs) != 1 {
			t.Fatalf("items and rest parse, the whole does not: %v (%d documents)", err, len(docs))
		}
		if rest != nil {
			others := func(fs []Field) []Field {
				return slices.DeleteFunc(slices.Clone(fs), func(f Field) bool { return f.Key == o.Key })
			}
			if diff := cmp.Diff(others(docs[0].Fields), others(rest.Fields)); diff != "" {
				t.Fatalf("the rest (-whole +rest):\n%s", diff)
			}
		}
		whole := docs[0]
		if o.Key != "" {
			whole = whole.Get(o.Key)
		}
		if whole == nil || whole.Kind != Array {
			t.Fatalf("the whole parse has no sequence where the outline found one")
		}
		if diff := cmp.Diff(whole.Items, items); diff != "" {
			t.Fatalf("items (-whole +outlined):\n%s", diff)
		}
		for _, n := range whole.Items {
			if n.Kind == Object {
				if diff := cmp.Diff(LayoutOf(n), o.LayoutAt(n.Off)); diff != "" {
					t.Fatalf("layout at %d (-whole +again):\n%s", n.Off, diff)
				}
			}
		}
	})
}

// cloneNode copies a node's tree out of a parser's reused memory (its
// segments too: they are carved from a reused slab).
func cloneNode(n *Node) *Node {
	c := *n
	c.Segments = slices.Clone(n.Segments)
	c.Fields = nil
	for _, f := range n.Fields {
		f.Value = cloneNode(f.Value)
		c.Fields = append(c.Fields, f)
	}
	c.Items = nil
	for _, it := range n.Items {
		c.Items = append(c.Items, cloneNode(it))
	}
	return &c
}

// TestYAMLRestRefuses: Rest fails when the key the scan found is not the
// document's own with the null the items left.
func TestYAMLRestRefuses(t *testing.T) {
	for name, src := range map[string]string{
		"key inside a string": "note: \"a\nservices:\n- x\n\"\n",
		"key twice":           "services:\n- x\nservices: 1\n",
		"merged key":          "base: &b\n  services: []\n<<: *b\nservices:\n- x\n",
	} {
		o := OutlineYAMLSequence([]byte(src), "services")
		if o == nil {
			t.Errorf("%s: no outline", name)
			continue
		}
		if _, err := o.Rest(); err == nil {
			t.Errorf("%s: Rest accepted the document", name)
		}
	}
	o := OutlineYAMLSequence([]byte("services:\n- x\nstores: []\n"), "services")
	if rest, err := o.Rest(); err != nil || rest.Get("stores") == nil {
		t.Errorf("a bundle's rest: %v, %v", rest, err)
	}
}

// TestQuotedLineSegments: a one-line quoted YAML scalar maps its decoded
// text to its source escape by escape.
func TestQuotedLineSegments(t *testing.T) {
	for _, tt := range []struct {
		body, want string
		double     bool
		segs       []Segment
		ok         bool
	}{
		{`a(\"k\")`, `a("k")`, true, []Segment{{0, 10}, {2, 12}, {3, 14}, {4, 15}, {5, 17}}, true},
		{`it''s`, "it's", false, []Segment{{0, 10}, {2, 12}, {3, 14}}, true},
		{`\x41\u00e9`, "Aé", true, []Segment{{0, 10}, {1, 14}}, true},
		{"a\nb", "a b", true, nil, false},
		{`\q`, "", true, nil, false},
	} {
		segs, ok := quotedLineSegments([]byte(tt.body), 10, tt.want, tt.double)
		if ok != tt.ok || ok && !slices.Equal(segs, tt.segs) {
			t.Errorf("%q: %v %v, want %v %v", tt.body, segs, ok, tt.segs, tt.ok)
		}
	}
}

// TestOutlineSeesEveryDocument: a document marker after the sequence and
// a top-level key that follows it is still seen, so the outline refuses
// and the caller parses the whole file (before, the outline stopped
// reading at that key and a second document's services were dropped).
func TestOutlineSeesEveryDocument(t *testing.T) {
	for _, src := range []string{
		"services:\n- id: a\nstores: []\n---\nservices:\n- id: b\n",
		"services:\n- id: a\nstores: []\n...\n",
		"services:\n-\n0:\n---",
		"services:\n- id: a\nstores:\n\t- x\n",
	} {
		if o := OutlineYAMLSequence([]byte(src), "services"); o != nil {
			t.Errorf("%q: outlined %d items, want no outline", src, len(o.Items))
		}
	}
	if o := OutlineYAMLSequence([]byte("services:\n- id: a\nstores: []\n"), "services"); o == nil || len(o.Items) != 1 {
		t.Error("a single document is no longer outlined")
	}
}

// pulledExport is a service as the Fastly API returns it, written by
// yaml.Marshal as chainlint pull writes it: timestamps and numbers in
// strings quoted, nulls, IDs that start with a digit, dotted keys.
const pulledExport = `services:
    - active_version:
        active: true
        backends:
            - address: origin.example.com
              auto_loadbalance: false
              between_bytes_timeout: 10000
              comment: ""
              connect_timeout: 1000
              created_at: "2016-08-17T19:27:28Z"
              deleted_at: null
              error_threshold: 0
              first_byte_timeout: 15000
              healthcheck: null
              hostname: origin.example.com
              ipv4: null
              ipv6: null
              keepalive_time: null
              max_conn: 200
              max_tls_version: null
              min_tls_version: "1.2"
              name: origin
              override_host: null
              port: 443
              request_condition: ""
              service_id: 7i6HN3TK9wS159v2gPAZ8A
              shield: iad-va-us
              ssl_ca_cert: null
              ssl_cert_hostname: origin.example.com
              ssl_ciphers: null
              ssl_sni_hostname: origin.example.com
              updated_at: "2016-08-17T19:27:28Z"
              use_ssl: true
              version: 12
              weight: 100
        comment: 'Deploy #12'
        created_at: "2023-01-01T00:00:00Z"
        deployed: true
        domains:
            - comment: ""
              name: www.example.com
              version: 12
        locked: true
        number: 12
        service_id: 7i6HN3TK9wS159v2gPAZ8A
        settings:
            general.default_ttl: 3600
            general.stale_if_error: false
            general.stale_if_error_ttl: 43200
        snippets:
            - content: |
                if (req.url ~ "^/api/") {
                  set req.http.X-API = "1";
                }
              dynamic: "0"
              id: 62Yd1WfiCBPENLloXfXmlO
              name: recv
              priority: "100"
              type: recv
        staging: false
        testing: false
      comment: ""
      created_at: "2016-08-17T19:27:28Z"
      customer_id: x4xCwxxJxGCx123Rx5xTx
      deleted_at: null
      id: 7i6HN3TK9wS159v2gPAZ8A
      name: www
      paused: false
      publish_key: ""
      type: vcl
      updated_at: "2023-01-01T00:00:00Z"
`

// fastExport is an export in the block style fastItem reads, with the
// shapes it must read as yaml.v3 does.
const fastExport = `services:
    - active_version:
        backends:
            - address: d0.s1.example.com
              name: next
              port: 443
              use_ssl: true
            - address: 192.0.2.1
              name: origin0
              shield: null
        domains:
            - name: d0.s0.example.com

            - name: d1.s0.example.com
        number: 1
        snippets:
            - content: |
                if (req.url ~ "^/api/") {

                  set req.http.X-API = "1"; # a VCL comment
                }
              name: recv
              priority: 100
            - content: |-
                less
                  more indented
              dynamic: FALSE
      id: svc000000
      other_id: 2dnwZTdPkhVYvAbSbd2Tb3
      empty: []
      none: {}
      name: service-0
      comment: it's a path/like_thing, with [brackets] & {braces} - fine
    - key:
      - compact
      - 007
      - True
      other: x
    - a scalar item
`

// TestYAMLFastItems holds the items read without yaml.v3 (fastItem) to
// what the whole parse gives, node for node, and pins which items are read
// so: the block style an export is written in is, and anything yaml.v3 may
// read otherwise is left to it.
func TestYAMLFastItems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		fast int // items read by the fast path
	}{
		{"export", fastExport, 3},
		{"pulled", pulledExport, 1},
		{"top-level sequence", "- a: 1\n  b: two\n- c\n", 2},
		{"no final line break", "services:\n- a: 1\n- b: x", 2},
		{"empty lines at the end", "services:\n- a: |\n    x\n\n\n- b: 1\n\n", 2},
		{"comment line", "services:\n- a: 1\n  # c\n  b: 2\n", 0},
		{"trailing comment", "services:\n- a: 1 # c\n", 0},
		{"quoted", "services:\n- a: \"x: y # z\"\n  b: 'true'\n- c: ''\n- \"2001-12-14\"\n", 3},
		{"quoted with escapes", "services:\n- a: 'it''s'\n- b: \"x\\ty\"\n- c: \"x\\\"\"\n", 0},
		{"quoted then a comment", "services:\n- a: 'x' # c\n", 0},
		{"quoted over two lines", "services:\n- a: 'x\n    y'\n", 0},
		{"flow", "services:\n- a: [1, 2]\n- b: {c: d}\n", 0},
		{"anchor and alias", "services:\n- a: &x v\n  b: *x\n", 0},
		{"tag", "services:\n- a: !!str 1\n", 0},
		{"float and sign", "services:\n- a: 1.5\n- b: -1\n- c: .5\n- d: 1e3\n", 0},
		{"timestamp", "services:\n- a: 2001-12-14\n", 0},
		{"digits and letters", "services:\n- a: 7i6HN3TK9wS\n- b: 0x1F\n- c: 1e5\n- d: 2001-12-14T21:59:43Z\n- e: 12h\n", 2},
		{"flow not empty", "services:\n- a: [ ]\n", 0},
		{"tilde", "services:\n- a: ~\n", 0},
		{"long number", "services:\n- a: 1234567890123456789012\n", 0},
		{"plain over two lines", "services:\n- a: one\n    two\n", 0},
		{"empty value", "services:\n- a:\n  b: 1\n", 0},
		{"repeated key", "services:\n- a: 1\n  a: 2\n", 0},
		{"merge key", "services:\n- <<: {a: 1}\n", 0},
		{"folded", "services:\n- a: >\n    x\n", 0},
		{"keep chomping", "services:\n- a: |+\n    x\n\n", 0},
		{"indentation indicator", "services:\n- a: |2\n    x\n", 0},
		{"literal with leading empty line", "services:\n- a: |\n\n    x\n", 0},
		{"literal with a line of spaces", "services:\n- a: |\n    x\n      \n    y\n", 0},
		{"tab", "services:\n- a: x\ty\n", 0},
		{"CRLF", "services:\r\n- a: 1\r\n", 0},
		{"non-ASCII", "services:\n- a: café\n", 0},
		{"colon in a value", "services:\n- a: b: c\n", 0},
		{"sequence in a sequence", "services:\n- - a\n", 0},
		{"value on the next line", "services:\n-\n  a: 1\n", 0},
		{"trailing spaces", "services:\n- a: x \n", 0},
		{"literal without a final line break", "services:\n- a: |\n    x", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			o := OutlineYAMLSequence(src, "services")
			if o == nil {
				t.Fatal("no outline")
			}
			p := o.NewParser(true)
			var items []*Node
			for i := range o.Items {
				n, err := p.Parse(i)
				if err != nil {
					items = nil
					break
				}
				items = append(items, cloneNode(n))
			}
			if p.fast != tt.fast {
				t.Errorf("%d items read without yaml.v3, want %d", p.fast, tt.fast)
			}
			docs, err := ParseYAML(src)
			if err != nil {
				if p.fast > 0 {
					t.Fatalf("items read without yaml.v3 from a document yaml.v3 refuses: %v", err)
				}
				return
			}
			whole := docs[0]
			if o.Key != "" {
				whole = whole.Get(o.Key)
			}
			if items == nil {
				return // an item failed alone: the caller parses the whole
			}
			if diff := cmp.Diff(whole.Items, items); diff != "" {
				t.Errorf("items (-whole +outlined):\n%s", diff)
			}
		})
	}
}

// TestLinesAround: a converter whose lines leave out the items' (Rest's)
// finds every line and column where one with every line's start does,
// inside the gap too, wherever the gap starts and ends.
func TestLinesAround(t *testing.T) {
	src := []byte("a: 1\nservices:\n  - x: 1\n    y: 2\n  - z: 3\nb: 2\n\nc: |\n  d\n")
	full := lineStarts(src)
	for start := 0; start <= len(src); start++ {
		for end := start; end <= len(src); end++ {
			lines, gap := linesAround(src, start, end)
			if start < end && gap.n == 0 && len(lines) != len(full) {
				t.Fatalf("%d..%d: %d lines and no gap, want %d", start, end, len(lines), len(full))
			}
			c := &yamlConverter{src: src, lines: lines, gap: gap}
			for line := 0; line <= len(full)+1; line++ {
				for col := 1; col <= 4; col++ {
					if got, want := c.offset(line, col), offsetOf(src, full, line, col); got != want {
						t.Fatalf("%d..%d (gap %+v): line %d col %d at %d, want %d", start, end, gap, line, col, got, want)
					}
				}
			}
		}
	}
	// The items (15..42) hold three lines: the first starts with them.
	if lines, gap := linesAround(src, 15, 42); gap.n != 2 || len(lines)+gap.n != len(full) {
		t.Errorf("the items' gap: %d lines and a gap of %d, want %d and 2", len(lines), gap.n, len(full)-2)
	}
}

// TestYAMLLongKey: an implicit key of over 1,024 characters is refused by
// an item's parse as by the whole document's (yaml.v3's simple keys), not
// read by the fast path.
func TestYAMLLongKey(t *testing.T) {
	for _, n := range []int{1024, 1025} {
		src := []byte("services:\n- " + strings.Repeat("k", n) + ": a\n  id: b\n")
		_, whole := ParseYAML(src)
		_, item := OutlineYAMLSequence(src, "services").NewParser(false).Parse(0)
		if (whole == nil) != (n <= maxImplicitKey) || (item == nil) != (whole == nil) {
			t.Errorf("a key of %d: the whole parse says %v, the item's %v", n, whole, item)
		}
		// The error says why: yaml.v3's own words do not.
		if whole != nil && !strings.Contains(whole.Error(), "1025 characters long") {
			t.Errorf("a key of %d: %v does not name the key's length", n, whole)
		}
	}
}

// TestYAMLFastRest: the rest of a document in the block style an export
// is written in is read without yaml.v3 (fastRest), and gives what
// yaml.v3's reading gives, the outlined key's null aside; a document
// outside the subset is left to yaml.v3.
func TestYAMLFastRest(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		fast      bool
	}{
		{"stores after", "services:\n    - id: a\n      name: one\nstores:\n    - id: st1\n      name: store_1\n      type: kv-store\n    - id: st2\n      name: store_2\n", true},
		{"keys around", "meta: x\nservices:\n- id: a\nstores: []\nnote: 'q'\nnum: 3\n", true},
		{"nested mapping", "services:\n  - id: a\nmeta:\n  pulled: \"2026-12-05\"\n  by: me\n", true},
		{"items last", "stores:\n  - id: s\nservices:\n  - id: a\n  - id: b\n", true},
		{"literal", "services:\n- id: a\nnote: |\n  two\n  lines\n", true},
		{"a comment", "# export\nservices:\n- id: a\nstores: []\n", false},
		{"blank line first", "\nservices:\n- id: a\n", false},
		{"a comment after the key", "services: # all\n- id: a\nx: 1\n", false},
		{"flow mapping", "services:\n- id: a\nmeta: {a: 1}\n", false},
		{"an anchor", "x: &a 1\nservices:\n- id: a\ny: *a\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			o := OutlineYAMLSequence(src, "services")
			if o == nil {
				t.Fatal("not outlined")
			}
			start, end := o.Items[0].Off, o.Items[len(o.Items)-1].End
			fast, ok := o.fastRest(start, end)
			if ok != tc.fast {
				t.Fatalf("read fast: %v, want %v", ok, tc.fast)
			}
			slow, err := o.yamlRest(start, end)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				return
			}
			others := func(n *Node) []Field {
				return slices.DeleteFunc(slices.Clone(n.Fields), func(f Field) bool { return f.Key == o.Key })
			}
			if diff := cmp.Diff(others(slow), others(fast)); diff != "" {
				t.Errorf("fields (-yaml.v3 +fast):\n%s", diff)
			}
			if fast.Kind != slow.Kind || fast.Off != slow.Off || len(fast.Fields) != len(slow.Fields) {
				t.Errorf("the rest: %v at %d with %d fields, yaml.v3's %v at %d with %d", fast.Kind, fast.Off, len(fast.Fields), slow.Kind, slow.Off, len(slow.Fields))
			}
			if s := fast.Get(o.Key); s == nil || s.Kind != Null {
				t.Errorf("the outlined key's value = %+v, want null", s)
			}
		})
	}
}

// TestLongKeyHint: the hint is given only for yaml.v3's two messages on a
// line whose key runs past 1,024 characters to its colon.
func TestLongKeyHint(t *testing.T) {
	long := strings.Repeat("k", 1025)
	for _, tc := range []struct {
		src, msg string
		hint     bool
	}{
		{long + ": x\n", "could not find expected ':'", true},
		{"- " + long + ": x\n", "mapping values are not allowed in this context", true},
		{"short: x\n", "could not find expected ':'", false},
		{long + " x\n", "could not find expected ':'", false}, // no colon: not a key
		{long + ": x\n", "did not find expected key", false},
	} {
		if got := longKeyHint([]byte(tc.src), 0, tc.msg); (got != "") != tc.hint {
			t.Errorf("%.20q, %q: hint %q", tc.src, tc.msg, got)
		}
	}
}
