package lsptest

import (
	"bytes"
	"io"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var b bytes.Buffer
	Send(&b, map[string]any{"id": 1, "method": "initialize"})
	WriteRaw(&b, "not json")
	Send(&b, map[string]any{"method": "exit"})
	var invalid []string
	msgs := Read(io.NopCloser(&b), func(body []byte) { invalid = append(invalid, string(body)) })
	var got []any
	for m := range msgs {
		if m["jsonrpc"] != "2.0" {
			t.Errorf("message without jsonrpc 2.0: %v", m)
		}
		got = append(got, m["method"])
	}
	if len(got) != 2 || got[0] != "initialize" || got[1] != "exit" {
		t.Errorf("read %v, want initialize then exit", got)
	}
	if len(invalid) != 1 || invalid[0] != "not json" {
		t.Errorf("invalid bodies %q, want [not json]", invalid)
	}
}
