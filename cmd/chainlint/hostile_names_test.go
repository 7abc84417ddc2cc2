package main

import (
	"strings"
	"testing"
)

// TestControlCharactersEscaped: names from the inputs (a service, a
// backend, a file) that hold escape sequences, carriage returns or line
// breaks reach no output raw, so a pull request cannot recolour a
// terminal, forge a workflow command (::error) or a diff header.
func TestControlCharactersEscaped(t *testing.T) {
	estate := `{"services": [{"name": "www\u001b[31mRED\r\n::error::forged", "type": "vcl", "version": {
  "domains": [{"name": "www.example.com"}],
  "backends": [{"name": "b\u001b]0;t\u0007", "address": "global.ssl.fastly.net"}]}}]}`
	dir := writeTree(t, map[string]string{"e\x1b[1m\r.json": estate})
	for _, args := range [][]string{
		{"--format", "text"}, {"--format", "compact"}, {"--format", "github"}, {"--format", "markdown"},
		{"--format", "checkstyle"}, {"--format", "junit"},
		{"trace", "www.example.com"}, {"purge-order"}, {"graph"}, {"graph", "--format", "dot"},
	} {
		stdout, stderr, _ := inProcess(t, dir, "", nil, args...)
		out := stdout + stderr
		if strings.ContainsAny(out, "\x1b\x07\r") {
			t.Errorf("%v prints a raw control character:\n%q", args, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::error::forged") || strings.HasPrefix(line, "::") && !strings.HasPrefix(line, "::error file=") {
				t.Errorf("%v prints a forged workflow command: %q", args, line)
			}
		}
	}
}
