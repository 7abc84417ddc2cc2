package tree

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

type scannedKey struct {
	Key   string
	Value byte
}

func scanKeys(src []byte, oneByte bool) (keys []scannedKey, top byte, complete bool) {
	var r = bytes.NewReader(src)
	visit := func(k []byte, v byte) bool {
		keys = append(keys, scannedKey{string(k), v})
		return true
	}
	if oneByte {
		top, complete = ScanJSONKeys(iotest.OneByteReader(r), visit)
	} else {
		top, complete = ScanJSONKeys(r, visit)
	}
	return keys, top, complete
}

// parsedKeys are the keys ScanJSONKeys should report for a document that
// parses: the top-level object's, or the first item's of a top-level
// array, as written (between their quotes), keys over 64 bytes left out.
func parsedKeys(src []byte, doc *Node) []scannedKey {
	obj := doc
	if doc.Kind == Array {
		if len(doc.Items) == 0 {
			return nil
		}
		obj = doc.Items[0]
	}
	if obj.Kind != Object {
		return nil
	}
	var out []scannedKey
	for _, f := range obj.Fields {
		raw := string(src[f.KeyOff+1 : f.KeyEnd-1])
		if len(raw) > 64 {
			continue
		}
		out = append(out, scannedKey{raw, src[f.Value.Off]})
	}
	return out
}

func TestScanJSONKeys(t *testing.T) {
	for _, tt := range []struct {
		src      string
		top      byte
		want     []scannedKey
		complete bool
	}{
		{`{"services": [{"id": "a"}], "stores": []}`, '{', []scannedKey{{"services", '['}, {"stores", '['}}, true},
		{"\xEF\xBB\xBF {\"name\": \"x\", \"version\": {\"number\": 1}}", '{', []scannedKey{{"name", '"'}, {"version", '{'}}, true},
		{`[{"id": "x", "type": "vcl", "versions": []}, {"id": "y"}]`, '[', []scannedKey{{"id", '"'}, {"type", '"'}, {"versions", '['}}, true},
		{`["a", {"id": "x"}]`, '[', nil, true},
		{`[]`, '[', nil, true},
		{`"services"`, '"', nil, true},
		{``, 0, nil, false},
		{`{"a": {"services": []}, "b\"c": "}", "d": [1, {"e": 2}]}`, '{', []scannedKey{{"a", '{'}, {`b\"c`, '"'}, {"d", '['}}, true},
		{`{"name": "x", "version": {`, '{', []scannedKey{{"name", '"'}, {"version", '{'}}, false},
		{`{"a": 1]`, '{', []scannedKey{{"a", '1'}}, false},
	} {
		for _, oneByte := range []bool{false, true} {
			keys, top, complete := scanKeys([]byte(tt.src), oneByte)
			if top != tt.top || complete != tt.complete {
				t.Errorf("%q: top %q complete %v, want %q %v", tt.src, top, complete, tt.top, tt.complete)
			}
			if diff := cmp.Diff(tt.want, keys); diff != "" {
				t.Errorf("%q (one byte at a time: %v) keys (-want +got):\n%s", tt.src, oneByte, diff)
			}
		}
	}
}

// TestScanJSONKeysStops: the scan reads no further once visit says so.
func TestScanJSONKeysStops(t *testing.T) {
	src := `{"services": []` + strings.Repeat(" ", 1<<20) + `}`
	r := bytes.NewReader([]byte(src))
	ScanJSONKeys(r, func(k []byte, _ byte) bool { return string(k) != "services" })
	if read := len(src) - r.Len(); read > 64<<10 {
		t.Errorf("read %d bytes after the key that decided", read)
	}
}

// FuzzScanJSONKeys: for a document that parses, the scan reports exactly
// the parse's keys of the top-level object (or first array item), read
// whole or one byte at a time.
func FuzzScanJSONKeys(f *testing.F) {
	for _, s := range []string{`{"services": [{"id": "a"}]}`, `[{"id": "x", "version": {}}]`, `{"a\\"": {"b": [1, "]"]}}`, `[[{"a": 1}]]`, `{"a":"\u0022"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		whole, top, complete := scanKeys(src, false)
		bytewise, top2, complete2 := scanKeys(src, true)
		if top != top2 || complete != complete2 {
			t.Fatalf("whole: top %q complete %v; one byte at a time: %q %v", top, complete, top2, complete2)
		}
		if diff := cmp.Diff(whole, bytewise); diff != "" {
			t.Fatalf("whole vs one byte at a time:\n%s", diff)
		}
		doc, err := ParseJSON(src)
		if err != nil || doc == nil {
			return
		}
		if !complete {
			t.Fatalf("a document that parses was not scanned to the end of its object")
		}
		if diff := cmp.Diff(parsedKeys(src, doc), whole); diff != "" {
			t.Fatalf("keys (-parse +scan):\n%s", diff)
		}
	})
}

// BenchmarkScanJSONKeys scans a package.json-like document that is no
// export to its end (what a vendored tree costs per byte).
func BenchmarkScanJSONKeys(b *testing.B) {
	src, err := os.ReadFile("testdata/vendored.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		ScanJSONKeys(bytes.NewReader(src), func([]byte, byte) bool { return true })
	}
}
