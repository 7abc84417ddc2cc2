package fastlyapi

import "testing"

// TestOutlineExport pins which files stream: without it, an outline that
// always gave up would leave TestStreamMatchesWhole comparing the whole
// parse with itself.
func TestOutlineExport(t *testing.T) {
	svc := `{"id": "S", "active_version": {"backends": []}}`
	for src, streams := range map[string]bool{
		`{"services": [` + svc + `], "stores": []}`: true,
		`{"services": null}`:                        true,
		"\xEF\xBB\xBF [" + svc + "]":                true,
		svc:                                         false, // one service: parsed whole
		`[1, 2]`:                                    false,
		`{"services": "none"}`:                      false,
		`{"services": [` + svc + `]} x`:             false,
		`{"services": [{"id": "a"]}]}`:              false,
	} {
		if got := outlineExport([]byte(src)) != nil; got != streams {
			t.Errorf("%q: streams %v, want %v", src, got, streams)
		}
	}
}
