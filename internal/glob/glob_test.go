package glob

import (
	"strings"
	"testing"
)

func TestRegexp(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"*.tf", "main.tf", true},
		{"*.tf", "envs/main.tf", false},
		{"**/*.tf", "envs/prod/main.tf", true},
		{"**/*.tf", "main.tf", true},
		{"envs/**", "envs", true},
		{"envs/**", "envs/prod/x", true},
		{"envs/**", "envsx", false},
		{"src/[a-c]?.rs", "src/b1.rs", true},
		{"src/[!a-c]?.rs", "src/b1.rs", false},
		{"{prod,staging}/*.tf", "staging/a.tf", true},
		{"./a/b", "a/b", true},
	} {
		re, err := Regexp(tc.pattern)
		if err != nil {
			t.Fatalf("%q: %v", tc.pattern, err)
		}
		if got := re.MatchString(tc.path); got != tc.want {
			t.Errorf("%q matches %q: %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
	for _, bad := range []string{"", "[abc", "{a,b", "a]", "{a,*}"} {
		if _, err := Regexp(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestLiteralPrefix: every path a pattern matches starts with its literal
// prefix.
func TestLiteralPrefix(t *testing.T) {
	for _, tt := range []struct{ glob, path string }{
		{"services/team1/**", "services/team1"},
		{"services/team1/**", "services/team1/a/b.json"},
		{"./services/*.json", "services/a.json"},
		{"a/b", "a/b"},
		{"a/b/", "a/b"},
		{"**/x.json", "x.json"},
		{"ab*/c", "abc/c"},
		{"{a,b}/c", "a/c"},
		{"x[ab]/c", "xa/c"},
	} {
		re, err := Regexp(tt.glob)
		if err != nil {
			t.Fatal(err)
		}
		if !re.MatchString(tt.path) {
			t.Fatalf("%q does not match %q", tt.glob, tt.path)
		}
		if p := LiteralPrefix(tt.glob); !strings.HasPrefix(tt.path, p) {
			t.Errorf("LiteralPrefix(%q) = %q, not a prefix of %q, which it matches", tt.glob, p, tt.path)
		}
	}
	if p := LiteralPrefix("services/team1/**/*.json"); p != "services/team1" {
		t.Errorf("LiteralPrefix = %q, want services/team1", p)
	}
}
