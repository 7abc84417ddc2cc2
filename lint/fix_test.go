package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixableYAML = "services:\r\n  - name: www\r\n    type: vcl\r\n    version:\r\n      domains: [{name: www.example.com}]\r\n      backends:\r\n        - name: c\r\n          address: chained.example.com\r\n  - name: chained\r\n    type: vcl\r\n    version:\r\n      domains: [{name: chained.example.com}]\r\n      backends:\r\n        - {name: o, address: o.example.net, override_host: o.example.net}\r\n"

func fixIn(t *testing.T, content string, prepare func(path string)) (*FixResult, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "estate.yaml")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		prepare(path)
	}
	fr, err := Fix(Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	return fr, path
}

// TestFixKeepsCRLF: the line a fix inserts into a CRLF file ends in CRLF.
func TestFixKeepsCRLF(t *testing.T) {
	fr, path := fixIn(t, fixableYAML, nil)
	if len(fr.Files) != 1 {
		t.Fatalf("%d fixed files", len(fr.Files))
	}
	if _, err := WriteFixes(fr); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "override_host: chained.example.com\r\n") || strings.Count(string(b), "\n") != strings.Count(string(b), "\r\n") {
		t.Errorf("the fixed file mixes line endings:\n%q", b)
	}
}

// TestFixRefusesChangedFile: a file that changed after it was read is not
// overwritten with fixes to the old text.
func TestFixRefusesChangedFile(t *testing.T) {
	fr, path := fixIn(t, fixableYAML, nil)
	edited := strings.Replace(fixableYAML, "www.example.com", "www2.example.com", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if n, err := WriteFixes(fr); err == nil || n != 0 || !strings.Contains(err.Error(), "changed since chainlint read it") {
		t.Errorf("WriteFixes = %d, %v; want a refusal", n, err)
	}
	if b, _ := os.ReadFile(path); string(b) != edited {
		t.Error("the edited file was overwritten")
	}
}

// TestFixRefusesReadOnlyAndHardLinks: a read-only file, and one with
// hard links a rewrite would part, get their fix offered, not applied.
func TestFixRefusesReadOnlyAndHardLinks(t *testing.T) {
	fr, _ := fixIn(t, fixableYAML, func(p string) { os.Chmod(p, 0o444) })
	if len(fr.Files) != 1 || !strings.Contains(fr.Files[0].NotWritten, "read-only") {
		t.Errorf("read-only: %+v", fr.Files)
	}
	fr, _ = fixIn(t, fixableYAML, func(p string) {
		if err := os.Link(p, p+".bak"); err != nil {
			t.Skip("no hard links here:", err)
		}
	})
	if len(fr.Files) != 1 || !strings.Contains(fr.Files[0].NotWritten, "hard links") {
		t.Errorf("hard links: %+v", fr.Files)
	}
}
