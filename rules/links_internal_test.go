package rules

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chainlint/chainlint/graph"
)

// TestLinkNameSuggestionsAreValid: whatever the invalid name, the name
// suggested in its place passes the same check (a 256-byte non-ASCII
// secret-store name was cut mid-character and kept its bad characters).
func TestLinkNameSuggestionsAreValid(t *testing.T) {
	names := []string{
		strings.Repeat("é", 128), // 256 bytes, non-ASCII
		strings.Repeat("a", 300),
		"9lives", "-dash", "with-dash", "tab\there", "ünïcode", "\x00", "  ", "ok_name",
		strings.Repeat("-", 256) + "x",
	}
	for _, typ := range []graph.StoreType{graph.ConfigStore, graph.KVStore, graph.SecretStore} {
		for _, name := range names {
			why, suggestion := checkLinkName(typ, name)
			if why == "" || suggestion == "" {
				continue
			}
			if w, _ := checkLinkName(typ, suggestion); w != "" {
				t.Errorf("%s %q: the suggestion %q is itself invalid: %s", typ, name, suggestion, w)
			}
			if !utf8.ValidString(suggestion) {
				t.Errorf("%s %q: the suggestion is not valid UTF-8", typ, name)
			}
		}
	}
}

// FuzzLinkNameSuggestion: the same property for any name.
func FuzzLinkNameSuggestion(f *testing.F) {
	f.Add(strings.Repeat("é", 128))
	f.Fuzz(func(t *testing.T, name string) {
		for _, typ := range []graph.StoreType{graph.ConfigStore, graph.KVStore, graph.SecretStore} {
			if why, s := checkLinkName(typ, name); why != "" && s != "" {
				if w, _ := checkLinkName(typ, s); w != "" {
					t.Errorf("%s %q → %q: %s", typ, name, s, w)
				}
			}
		}
	})
}
