package lint

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chainlint/chainlint/config"
)

// TestContext: context inputs join the chain graph, their own findings
// are not reported, and a service the linted inputs also define is taken
// from the linted inputs; the config's context works the same.
func TestContext(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("repo/main.tf", `resource "fastly_service_vcl" "www" {
  name = "www"
  domain { name = "www.example.com" }
  backend {
    name    = "api"
    address = "api.example.com"
  }
}
`)
	write("live/live.json", `{"services": [
 {"id": "live-www", "name": "www", "type": "vcl", "version": {"domains": [{"name": "www.example.com"}], "backends": [{"name": "old", "address": "x.example.net"}]}},
 {"id": "live-api", "name": "api", "type": "vcl", "version": {"domains": [{"name": "api.example.com"}],
   "backends": [{"name": "o", "address": "global.ssl.fastly.net"}]}}]}`)
	check := func(t *testing.T, opts Options) {
		res, err := Run(opts)
		if err != nil {
			t.Fatal(err)
		}
		var rules, files []string
		for _, f := range res.Findings {
			rules = append(rules, f.Rule)
			files = append(files, filepath.Base(f.Pos.Filename))
		}
		if !slices.Equal(rules, []string{"missing-host-override"}) || !slices.Equal(files, []string{"main.tf"}) {
			t.Errorf("findings %v in %v: want the linted file's missing-host-override alone (the context's own loop is not reported)", rules, files)
		}
		var names []string
		for _, s := range res.Graph.Services {
			names = append(names, s.Name.Value)
		}
		slices.Sort(names)
		if !slices.Equal(names, []string{"api", "www"}) {
			t.Errorf("services %v: want the linted www and the context's api (the context's www is the linted one's)", names)
		}
	}
	t.Run("--context", func(t *testing.T) {
		check(t, Options{Paths: []string{filepath.Join(dir, "repo")}, Context: []string{filepath.Join(dir, "live")}})
	})
	t.Run("config", func(t *testing.T) {
		cfg, err := config.Parse(filepath.Join(dir, "repo", ".chainlint.yaml"), []byte("context:\n  - ../live\n"), RuleIDs())
		if err != nil {
			t.Fatal(err)
		}
		check(t, Options{Paths: []string{filepath.Join(dir, "repo")}, Config: cfg})
	})
	t.Run("without context", func(t *testing.T) {
		res, err := Run(Options{Paths: []string{filepath.Join(dir, "repo")}})
		if err != nil || len(res.Findings) != 0 {
			t.Errorf("without the context: %v, %d findings", err, len(res.Findings))
		}
	})
}
