package lsp

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chainlint/chainlint/internal/lsptest"
)

// client drives a server over pipes, as an editor would.
type client struct {
	t      *testing.T
	toSrv  *io.PipeWriter
	msgs   <-chan map[string]any
	server *Server
	done   chan error
	nextID int
	// notes holds notifications read while waiting for something else.
	notes []map[string]any
}

func start(t *testing.T) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, toSrv: inW, done: make(chan error, 1)}
	c.server = newServer(inR, outW, Options{Version: "test", Debounce: 20 * time.Millisecond})
	go func() { c.done <- c.server.run(context.Background()); outW.Close() }()
	c.msgs = lsptest.Read(outR, func(body []byte) { t.Errorf("the server wrote invalid JSON: %s", body) })
	t.Cleanup(func() { inW.Close() })
	return c
}

func (c *client) raw(body string) { lsptest.WriteRaw(c.toSrv, body) }

func (c *client) send(m map[string]any) { lsptest.Send(c.toSrv, m) }

func (c *client) notify(method string, params any) {
	c.send(map[string]any{"method": method, "params": params})
}

// request sends a request and waits for its response.
func (c *client) request(method string, params any) map[string]any {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"id": id, "method": method, "params": params})
	for {
		m := c.next()
		if m["id"] == float64(id) {
			return m
		}
		c.notes = append(c.notes, m)
	}
}

func (c *client) next() map[string]any {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed the connection")
		}
		return m
	case <-time.After(10 * time.Second):
		c.t.Fatal("timed out waiting for the server")
	}
	return nil
}

// diagnostics waits for a publishDiagnostics for uri that satisfies ok.
func (c *client) diagnostics(uri string, ok func([]any) bool) []any {
	c.t.Helper()
	check := func(m map[string]any) ([]any, bool) {
		if m["method"] != "textDocument/publishDiagnostics" {
			return nil, false
		}
		p := m["params"].(map[string]any)
		if p["uri"] != uri {
			return nil, false
		}
		d, _ := p["diagnostics"].([]any)
		return d, ok(d)
	}
	for i, m := range c.notes {
		if d, good := check(m); good {
			c.notes = append(c.notes[:i:i], c.notes[i+1:]...)
			return d
		}
	}
	for {
		if d, good := check(c.next()); good {
			return d
		}
	}
}

const (
	wwwJSON = `{"services": [{"name": "www", "type": "vcl", "version": {
  "domains": [{"name": "www.example.com"}],
  "backends": [{"name": "chained", "address": "chained.example.com"}]}}]}`
	chainedJSON = `{"services": [{"name": "chained", "type": "vcl", "version": {
  "domains": [{"name": "chained.example.com"}],
  "backends": [{"name": "origin", "address": "origin.example.com"}]}}]}`
)

func workspace(t *testing.T) (string, string, string) {
	dir := t.TempDir()
	www, chained := filepath.Join(dir, "www.json"), filepath.Join(dir, "chained.json")
	os.WriteFile(www, []byte(wwwJSON), 0o644)
	os.WriteFile(chained, []byte(chainedJSON), 0o644)
	return dir, pathToURI(www), pathToURI(chained)
}

func codes(ds []any) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.(map[string]any)["code"].(string))
	}
	return out
}

func TestLifecycleAndErrors(t *testing.T) {
	c := start(t)
	if r := c.request("textDocument/hover", map[string]any{}); r["error"].(map[string]any)["code"] != float64(codeServerNotInitialized) {
		t.Errorf("a request before initialize: %v", r)
	}
	dir, _, _ := workspace(t)
	r := c.request("initialize", map[string]any{"rootUri": pathToURI(dir)})
	caps := r["result"].(map[string]any)["capabilities"].(map[string]any)
	if caps["hoverProvider"] != true || caps["textDocumentSync"].(map[string]any)["change"] != float64(2) {
		t.Errorf("capabilities %v", caps)
	}
	if r := c.request("initialize", map[string]any{}); r["error"] == nil {
		t.Error("a second initialize was accepted")
	}
	c.raw(`{"jsonrpc": "2.0", "id": 99, "method": `)
	if m := c.next(); m["error"].(map[string]any)["code"] != float64(codeParseError) || m["id"] != nil {
		t.Errorf("malformed JSON: %v", m)
	}
	if r := c.request("workspace/symbol", map[string]any{}); r["error"].(map[string]any)["code"] != float64(codeMethodNotFound) {
		t.Errorf("unknown method: %v", r)
	}
	c.notify("$/unknownNotification", map[string]any{}) // ignored
	c.send(map[string]any{"method": "$/cancelRequest", "params": map[string]any{"id": c.nextID + 1}})
	if r := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///x"}}); r["error"].(map[string]any)["code"] != float64(codeRequestCancelled) {
		t.Errorf("a cancelled request: %v", r)
	}
	if r := c.request("shutdown", nil); r["error"] != nil {
		t.Errorf("shutdown: %v", r)
	}
	if r := c.request("textDocument/hover", map[string]any{}); r["error"] == nil {
		t.Error("a request after shutdown was served")
	}
	c.notify("exit", nil)
	if err := <-c.done; err != nil {
		t.Errorf("exit after shutdown: %v", err)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := start(t)
	c.request("initialize", map[string]any{})
	c.notify("exit", nil)
	if err := <-c.done; err == nil {
		t.Error("exit without shutdown must report an error (exit status 1)")
	}
}

// TestCrossFileDiagnostics: findings of every workspace file are
// published; an edit in one file clears a finding in another; the quick
// fix applies; only the edited file is parsed again.
func TestCrossFileDiagnostics(t *testing.T) {
	c := start(t)
	dir, wwwURI, chainedURI := workspace(t)
	c.request("initialize", map[string]any{"workspaceFolders": []any{map[string]any{"uri": pathToURI(dir), "name": "w"}}})
	c.notify("initialized", map[string]any{})
	ds := c.diagnostics(wwwURI, func(d []any) bool { return len(d) > 0 })
	d := ds[0].(map[string]any)
	if d["code"] != "missing-host-override" || d["source"] != "chainlint" || d["severity"] != float64(1) ||
		!strings.HasSuffix(d["codeDescription"].(map[string]any)["href"].(string), "/missing-host-override.md") {
		t.Fatalf("diagnostic %v", d)
	}
	rng := d["range"].(map[string]any)
	if start := rng["start"].(map[string]any); start["line"] != float64(2) || start["character"] != float64(46) {
		t.Errorf("range %v", rng)
	}
	if len(d["relatedInformation"].([]any)) != 1 {
		t.Errorf("related information %v", d["relatedInformation"])
	}
	_, missesBefore := c.server.memo.Stats()

	// Hover on the backend says where it goes.
	h := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": wwwURI}, "position": map[string]any{"line": 2, "character": 30}})
	if v := h["result"].(map[string]any)["contents"].(map[string]any)["value"].(string); !strings.Contains(v, "comes back to `www`") || !strings.Contains(v, "limit 20") {
		t.Errorf("hover: %s", v)
	}

	// Edit the other file (unsaved): its domain changes, so www's backend
	// no longer reaches a Fastly service and www.json's finding clears.
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": chainedURI, "languageId": "json", "version": 1, "text": chainedJSON}})
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": chainedURI, "version": 2},
		"contentChanges": []any{map[string]any{"range": map[string]any{"start": map[string]any{"line": 1, "character": 24}, "end": map[string]any{"line": 1, "character": 31}}, "text": "elsewhere"}}})
	c.diagnostics(wwwURI, func(d []any) bool { return len(d) == 0 })
	if _, misses := c.server.memo.Stats(); misses != missesBefore+1 {
		t.Errorf("%d files parsed again after a one-file edit, want 1", misses-missesBefore)
	}

	// Undo it; the finding comes back; its quick fix removes it.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": chainedURI, "version": 3}, "contentChanges": []any{map[string]any{"text": chainedJSON}}})
	ds = c.diagnostics(wwwURI, func(d []any) bool { return len(d) > 0 })
	r := c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": wwwURI}, "range": ds[0].(map[string]any)["range"], "context": map[string]any{"diagnostics": ds}})
	actions := r["result"].([]any)
	if len(actions) != 1 || actions[0].(map[string]any)["kind"] != "quickfix" {
		t.Fatalf("code actions %v", actions)
	}
	edits := actions[0].(map[string]any)["edit"].(map[string]any)["changes"].(map[string]any)[wwwURI].([]any)
	text := []byte(wwwJSON)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i].(map[string]any)
		rg := e["range"].(map[string]any)
		toPos := func(m any) Position {
			p := m.(map[string]any)
			return Position{Line: int(p["line"].(float64)), Character: int(p["character"].(float64))}
		}
		s, en := offsetOf(text, toPos(rg["start"])), offsetOf(text, toPos(rg["end"]))
		text = append(append(append([]byte(nil), text[:s]...), e["newText"].(string)...), text[en:]...)
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": wwwURI, "languageId": "json", "version": 1, "text": string(text)}})
	if ds := c.diagnostics(wwwURI, func(d []any) bool { return len(d) == 0 }); len(ds) != 0 {
		t.Errorf("after the quick fix: %v", codes(ds))
	}
	c.request("shutdown", nil)
	c.notify("exit", nil)
	<-c.done
}

// TestSecretsNotInLSP: a shared header secret and a literal HMAC key are
// found, and appear in nothing the server sends.
func TestSecretsNotInLSP(t *testing.T) {
	const secret = "s3cr3t-v4lue-xyz"
	dir := t.TempDir()
	vcl := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "\n", `\n`), `"`, `\"`) }
	first := "sub vcl_miss {\n  set bereq.http.Edge-Auth = \"" + secret + "\";\n  set bereq.http.Sig = digest.hmac_sha256(\"" + secret + "\", req.url);\n}\n"
	second := "sub vcl_recv {\n  if (req.http.Edge-Auth != \"" + secret + "\") { error 403; }\n}\n"
	estate := `{"services": [
  {"name": "www", "type": "vcl", "version": {"domains": [{"name": "www.example.com"}],
    "backends": [{"name": "c", "address": "c.example.com", "override_host": "c.example.com"}],
    "vcls": [{"name": "main", "content": "` + vcl(first) + `"}]}},
  {"name": "c", "type": "vcl", "version": {"domains": [{"name": "c.example.com"}],
    "backends": [{"name": "o", "address": "origin.example.com"}],
    "vcls": [{"name": "main", "content": "` + vcl(second) + `"}]}}]}`
	path := filepath.Join(dir, "estate.json")
	os.WriteFile(path, []byte(estate), 0o644)
	inR, inW := io.Pipe()
	var out strings.Builder
	sw := &syncWriter{w: &out}
	srv := newServer(inR, sw, Options{Debounce: time.Millisecond})
	done := make(chan error, 1)
	go func() { done <- srv.run(context.Background()) }()
	c := &client{t: t, toSrv: inW}
	c.send(map[string]any{"id": 1, "method": "initialize", "params": map[string]any{"rootUri": pathToURI(dir)}})
	c.notify("initialized", map[string]any{})
	deadline := time.Now().Add(10 * time.Second)
	for srv.Analyses() == 0 || !strings.Contains(sw.String(), "hardcoded-secret") {
		if time.Now().After(deadline) {
			t.Fatalf("no diagnostics: %s", sw.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.send(map[string]any{"id": 2, "method": "textDocument/hover", "params": map[string]any{"textDocument": map[string]any{"uri": pathToURI(path)}, "position": map[string]any{"line": 2, "character": 20}}})
	c.send(map[string]any{"id": 3, "method": "shutdown"})
	c.notify("exit", nil)
	<-done
	all := sw.String()
	if !strings.Contains(all, "static-shared-secret") {
		t.Errorf("the shared secret was not found: %s", all)
	}
	if strings.Contains(all, secret) {
		t.Errorf("the language server sent the secret:\n%s", all)
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.String()
}
