package config

import (
	"strings"
	"testing"
)

var ruleIDs = []string{"long-chain", "missing-host-override", "external-chain"}

func TestParse(t *testing.T) {
	c, err := Parse(".chainlint.yaml", []byte(`profile: legacy
fail-on: error
rules:
  long-chain: off
  external-chain: warning
external-domains: [partner.example.net]
shield-pops: [xyz-new]
exclude: ["testdata/**", "*.bak.json"]
ignore:
  - rules: [missing-host-override]
    service: www
    reason: known
`), ruleIDs)
	if err != nil {
		t.Fatal(err)
	}
	if c.Profile != "legacy" || c.FailOn != "error" || len(c.Rules) != 2 || len(c.Ignores) != 1 || c.Ignores[0].Line != 10 {
		t.Errorf("config %+v", c)
	}
	for path, want := range map[string]bool{"testdata/a/b.json": true, "testdata": true, "x.bak.json": true, "dir/x.bak.json": false, "estate.json": false} {
		if got := c.Excluded(path); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for src, want := range map[string]string{
		"profil: current\n":                  `1:1: unknown key "profil" (did you mean "profile"?)`,
		"rules:\n  long-chian: off\n":        `2:3: unknown rule "long-chian" (did you mean "long-chain"?)`,
		"rules:\n  long-chain: loud\n":       "severity must be off, info, warning or error",
		"fail-on: fatal\n":                   "unknown severity",
		"ignore:\n  - rules: [long-chain]\n": "must name a service, an object or a file",
		"ignore:\n  - servce: x\n":           `unknown key "servce" in an ignore entry (did you mean "service"?)`,
		"exclude: notalist\n":                "exclude must be a list",
		"- a\n- b\n":                         "must be a mapping",
		"rules: [\n":                         "not valid YAML",
		"exclude: [\"a[b\"]\n":               `bad glob "a[b": unterminated [`,
		"exclude: [\"{a,b\"]\n":              `bad glob "{a,b": unterminated {`,
		"exclude: [\"a]\"]\n":                `bad glob "a]": unmatched ]`,
	} {
		_, err := Parse(".chainlint.yaml", []byte(src), ruleIDs)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", src, err, want)
		}
	}
}

func TestGlobClasses(t *testing.T) {
	c, err := Parse(".chainlint.yaml", []byte(`exclude: ["env-[ab]/*.json", "x[!0-9].tf", "{dev,staging}/**"]`+"\n"), ruleIDs)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"env-a/e.json": true, "env-c/e.json": false, "xa.tf": true, "x1.tf": false, "x/.tf": false,
		"dev/a/b.json": true, "staging": true, "prod/a.json": false,
	} {
		if got := c.Excluded(path); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", path, got, want)
		}
	}
}

func FuzzConfig(f *testing.F) {
	f.Add([]byte("profile: current\nrules:\n  long-chain: off\nexclude: [\"a/**\"]\n"))
	f.Add(Starter([]StarterRule{{ID: "long-chain", Severity: "info", Summary: "a long chain"}}))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse(".chainlint.yaml", src, ruleIDs)
		if err == nil {
			c.Excluded("a/b/c.json")
		}
	})
}
