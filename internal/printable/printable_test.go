package printable

import "testing"

func TestString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"www.example.com", "www.example.com"},
		{"é😀 ok", "é😀 ok"},
		{"a\x1b[31mred", `a\x1b[31mred`},
		{"x\r\n::error::forged", `x\r\n::error::forged`},
		{"tab\there", `tab\there`},
		{"\x7f\u0085", `\x7f\u0085`},
		{"a\u2028b\u202ec", `a\u2028b\u202ec`},
		{"bad\xffutf8", `bad\ufffdutf8`},
	} {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("a\x1b[0m\r\n\u2028")
	f.Fuzz(func(t *testing.T, s string) {
		out := String(s)
		for _, r := range out {
			if unsafe(r) {
				t.Fatalf("String(%q) = %q keeps %U", s, out, r)
			}
		}
	})
}

func TestLines(t *testing.T) {
	if got := Lines("a\nb\x1b\r"); got != "a\nb\\x1b\\r" {
		t.Errorf("Lines = %q", got)
	}
}
