package tree

import "testing"

// TestJSONStringRuns: every byte of a decoded JSON string maps, through
// its runs, to itself in the source, or to the backslash of the escape
// that produced it.
func TestJSONStringRuns(t *testing.T) {
	for _, value := range []string{
		`plain`,
		`a\nb`,
		`\n\t\"x\\`,
		`sub vcl_recv {\n  set req.http.Host = \"a.example\";\n}\n`,
		`caf\u00e9 \ud83d\ude00 end`,
		`\/\/x`,
	} {
		src := []byte(`{"k": "` + value + `"}`)
		n, err := ParseJSON(src)
		if err != nil {
			t.Fatalf("%s: %v", value, err)
		}
		v := n.Get("k")
		at := func(i int) int {
			if len(v.Segments) == 0 {
				return v.TextOff + i
			}
			k := 0
			for k+1 < len(v.Segments) && int(v.Segments[k+1].Dec) <= i {
				k++
			}
			return int(v.Segments[k].Src) + i - int(v.Segments[k].Dec)
		}
		for i := 0; i < len(v.Text); i++ {
			p := at(i)
			if src[p] == v.Text[i] && src[p] != '\\' {
				continue
			}
			// An escape's output: the mapped byte lies inside the escape
			// that starts at the nearest backslash before it.
			b := p
			for b > 0 && src[b] != '\\' {
				b--
			}
			if src[b] != '\\' || p-b > 5 {
				t.Errorf("%s: decoded byte %d (%q) maps to source byte %d (%q), not into an escape", value, i, v.Text[i], p, src[p])
			}
		}
	}
}

// FuzzOutlineJSON: a document ParseJSON accepts as an object or an array
// outlines, and each part's range parses (ParseAt) to the value ParseJSON
// found there.
func FuzzOutlineJSON(f *testing.F) {
	for _, s := range []string{`{"a": 1, "b": [1, {"c": "x\"}"}], "d": "q"}`, `[1, "two", {"x": [3]}, true, null]`, `{"s": [{"k": "v"}, {"k": "w\\"}"}]}`, `{}`, `[]`, `{"a": -1.5e3 , "b":{}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		whole, err := ParseJSON(src)
		if err != nil || (whole.Kind != Object && whole.Kind != Array) {
			return
		}
		o, err := OutlineJSONDocument(src, func(string) bool { return true })
		if err != nil {
			t.Fatalf("ParseJSON accepts %q, OutlineJSONDocument fails: %v", src, err)
		}
		items := whole.Items
		if whole.Kind == Object {
			items = nil
			for _, fl := range whole.Fields {
				items = append(items, fl.Value)
			}
		}
		if len(o.Parts) != len(items) {
			t.Fatalf("%q: %d parts, want %d", src, len(o.Parts), len(items))
		}
		for i, part := range o.Parts {
			if part.Off != items[i].Off || part.End != items[i].End {
				t.Errorf("%q: part %d at [%d, %d), value at [%d, %d)", src, i, part.Off, part.End, items[i].Off, items[i].End)
			}
		}
	})
}
