package main

import (
	"strings"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/docs"
	"github.com/chainlint/chainlint/rules"
)

// TestExplainPrintsThePage: chainlint explain prints each rule's whole
// published page (docs/rules/RULE.md), rendered for a terminal: every
// line of prose and of every example is there, the Markdown marks are not.
func TestExplainPrintsThePage(t *testing.T) {
	for _, r := range rules.All() {
		stdout, stderr, status := inProcess(t, t.TempDir(), "", nil, "explain", r.Name)
		if status != 0 {
			t.Fatalf("explain %s: status %d: %s", r.Name, status, stderr)
		}
		page, err := docs.Rules.ReadFile("rules/" + r.Name + ".md")
		if err != nil {
			t.Fatalf("%s: no embedded page: %v", r.Name, err)
		}
		inCode := false
		for _, line := range strings.Split(string(page), "\n") {
			switch {
			case strings.HasPrefix(line, "```"):
				inCode = !inCode
			case inCode && strings.TrimSpace(line) != "":
				if !strings.Contains(stdout, "    "+line+"\n") {
					t.Errorf("explain %s lacks the example line %q", r.Name, line)
				}
			}
		}
		for _, want := range []string{r.Name + "\n" + strings.Repeat("=", len(r.Name)), "Ignoring it\n-----------", "Online: " + analyzer.DocURL(r.Name)} {
			if !strings.Contains(stdout, want) {
				t.Errorf("explain %s lacks %q", r.Name, want)
			}
		}
		for _, line := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(line, "    ") {
				continue // an example's code, printed as it is
			}
			for _, mark := range []string{"```", "<!--", "**", "](http"} {
				if strings.Contains(line, mark) {
					t.Errorf("explain %s prints the Markdown mark %q: %s", r.Name, mark, line)
				}
			}
		}
		if got, want := strings.Count(stdout, "\n"), strings.Count(string(page), "\n")*3/4; got < want {
			t.Errorf("explain %s prints %d lines for a page of %d", r.Name, got, strings.Count(string(page), "\n"))
		}
	}
}

func TestDocURLFor(t *testing.T) {
	for _, tt := range []struct{ version, want string }{
		{"1.2.3", "https://github.com/chainlint/chainlint/blob/v1.2.3/docs/rules/chain-loop.md"},
		{"v0.4.0", "https://github.com/chainlint/chainlint/blob/v0.4.0/docs/rules/chain-loop.md"},
		{"0.0.0-dev", analyzer.DocURL("chain-loop")},
		{"1.2.3-rc.1", analyzer.DocURL("chain-loop")},
		{"1.2", analyzer.DocURL("chain-loop")},
		{"", analyzer.DocURL("chain-loop")},
	} {
		if got := analyzer.DocURLFor("chain-loop", tt.version); got != tt.want {
			t.Errorf("DocURLFor(%q) = %q, want %q", tt.version, got, tt.want)
		}
	}
}
