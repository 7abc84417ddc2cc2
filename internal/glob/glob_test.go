package glob

import "testing"

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
