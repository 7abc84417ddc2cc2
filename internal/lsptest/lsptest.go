// Package lsptest speaks the language server protocol's framing to a
// server under test, as an editor would: JSON-RPC messages with a
// Content-Length header each way.
package lsptest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
)

// Send writes one message; "jsonrpc": "2.0" is added.
func Send(w io.Writer, m map[string]any) {
	m["jsonrpc"] = "2.0"
	b, _ := json.Marshal(m)
	WriteRaw(w, string(b))
}

// WriteRaw writes body as one framed message, whatever it holds.
func WriteRaw(w io.Writer, body string) {
	fmt.Fprintf(w, "Content-Length: %d\r\n\r\n%s", len(body), body)
}

// Read reads framed messages from r until it ends, delivering each on the
// returned channel, which is closed at the end. A body that is not a JSON
// object is given to invalid (and skipped).
func Read(r io.Reader, invalid func(body []byte)) <-chan map[string]any {
	msgs := make(chan map[string]any, 100)
	go func() {
		defer close(msgs)
		br := bufio.NewReader(r)
		for {
			hdr, err := textproto.NewReader(br).ReadMIMEHeader()
			if err != nil {
				return
			}
			n, _ := strconv.Atoi(hdr.Get("Content-Length"))
			body := make([]byte, n)
			if _, err := io.ReadFull(br, body); err != nil {
				return
			}
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil {
				invalid(body)
				continue
			}
			msgs <- m
		}
	}()
	return msgs
}
