package main

import (
	"strings"
	"testing"
)

// TestVCLCommand: chainlint vcl prints a service's effective VCL with the
// snippets and generated code at the macro, each naming its source; an
// unknown service is a usage error with a suggestion.
func TestVCLCommand(t *testing.T) {
	dir := writeTree(t, map[string]string{"estate.json": `{"services": [{"name": "www", "type": "vcl", "version": {
  "domains": [{"name": "www.example.com"}],
  "backends": [{"name": "origin", "address": "origin.example.net"}],
  "snippets": [{"name": "host", "type": "recv", "priority": 50, "content": "set req.http.host = \"a.example.com\";"}],
  "headers": [{"name": "h", "type": "request", "action": "set", "dst": "http.Host", "src": "\"b.example.com\""}]}}]}`})
	stdout, stderr, status := inProcess(t, dir, "", nil, "vcl", "www", "estate.json")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	snippet := strings.Index(stdout, "# Snippet host : 50  (estate.json:4:")
	header := strings.Index(stdout, "# Header rewrite h : 100  (estate.json:5:")
	backend := strings.Index(stdout, "set req.backend = F_origin;")
	if snippet < 0 || header < 0 || backend < 0 || !(snippet < backend && backend < header) {
		t.Errorf("want the snippet, then the default backend, then the header object, each positioned:\n%s", stdout)
	}
	if _, stderr, status := inProcess(t, dir, "", nil, "vcl", "wwx", "estate.json"); status != 2 || !strings.Contains(stderr, `did you mean "www"?`) {
		t.Errorf("unknown service: status %d, stderr %q", status, stderr)
	}
	if _, _, status := inProcess(t, dir, "", nil, "vcl"); status != 2 {
		t.Errorf("no service named: status %d, want 2", status)
	}
}
