package lsp

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

// TestHostileHeaders: a header line over the buffer, too many header
// lines, or an absurd Content-Length end the session with an error at
// once, having read little.
func TestHostileHeaders(t *testing.T) {
	for name, input := range map[string]string{
		"a 300 MB header line": "X-Junk: " + strings.Repeat("a", 300<<20) + "\r\n\r\n",
		"many header lines":    strings.Repeat("X: y\r\n", 1000) + "\r\n",
		"huge Content-Length":  "Content-Length: 99999999999\r\n\r\n",
		"no Content-Length":    "X: y\r\n\r\n{}",
	} {
		t.Run(name, func(t *testing.T) {
			r := &countingReader{r: strings.NewReader(input)}
			err := newServer(r, io.Discard, Options{}).run(context.Background())
			if err == nil {
				t.Fatal("no error")
			}
			if r.n > 1<<20 {
				t.Errorf("read %d bytes before refusing", r.n)
			}
		})
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestCancellationsBounded: cancelling answered (or unknown) requests
// keeps at most maxCancelled ids.
func TestCancellationsBounded(t *testing.T) {
	c := start(t)
	c.request("initialize", map[string]any{})
	for i := 0; i < 10000; i++ {
		c.send(map[string]any{"method": "$/cancelRequest", "params": map[string]any{"id": 100000 + i}})
	}
	c.request("shutdown", nil) // every cancel before it has been handled
	c.server.mu.Lock()
	n, order := len(c.server.cancelled), len(c.server.cancelOrder)
	c.server.mu.Unlock()
	if n > maxCancelled || order > maxCancelled {
		t.Errorf("%d cancellations kept (%d in order), want at most %d", n, order, maxCancelled)
	}
}

// TestChangeUnopenedDevice: didChange for a document never opened reads
// the file only if it is regular: /dev/zero is never read.
func TestChangeUnopenedDevice(t *testing.T) {
	c := start(t)
	c.request("initialize", map[string]any{})
	c.notify("initialized", map[string]any{})
	done := make(chan struct{})
	go func() {
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///dev/zero", "version": 2},
			"contentChanges": []any{map[string]any{"range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}}, "text": "x"}}})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("didChange of /dev/zero did not return")
	}
	if r := c.request("shutdown", nil); r["error"] != nil {
		t.Errorf("shutdown: %v", r)
	}
	c.server.mu.Lock()
	defer c.server.mu.Unlock()
	if b := c.server.docs["/dev/zero"]; len(b) > 1 || !bytes.Equal(b, []byte("x")) && len(b) != 0 {
		t.Errorf("the buffer for /dev/zero holds %d bytes", len(b))
	}
}

// TestDebounceOption: initializationOptions.debounceMs sets the delay
// between the last edit and the analysis.
func TestDebounceOption(t *testing.T) {
	c := start(t)
	c.request("initialize", map[string]any{"initializationOptions": map[string]any{"debounceMs": 5}})
	c.server.mu.Lock()
	d := c.server.opts.Debounce
	c.server.mu.Unlock()
	if d != 5*time.Millisecond {
		t.Errorf("debounce %v, want 5ms", d)
	}
}
