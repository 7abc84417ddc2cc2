package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nvimWorkspace is a broken chain across two files: www.yaml's backend
// reaches chained.json's service without a Host override.
var nvimWorkspace = map[string]string{
	"www.yaml": "services:\n  - name: www\n    type: vcl\n    version:\n      domains: [{name: www.example.com}]\n      backends:\n        - name: chained\n          address: chained.example.com\n",
	"chained.json": `{"services": [{"name": "chained", "type": "vcl", "version": {
  "domains": [{"name": "chained.example.com"}],
  "backends": [{"name": "origin", "address": "origin.example.com"}]}}]}`,
}

// runNvim runs headless neovim in dir with nvimArgs (the script writes its
// result to $OUT) and returns the result.
func runNvim(t *testing.T, dir string, env []string, nvimArgs ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts neovim: slow")
	}
	if _, err := exec.LookPath("nvim"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("neovim is not installed; .ci/run installs Debian's neovim package")
		}
		t.Skip("neovim is not installed (apt-get install neovim)")
	}
	out := filepath.Join(t.TempDir(), "result.txt")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "nvim", append([]string{"--headless", "-n", "-i", "NONE"}, nvimArgs...)...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "CHAINLINT="+binary, "OUT="+out,
		"XDG_STATE_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir()), env...)
	logs, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, logs)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("neovim wrote no result: %v\n%s", err, logs)
	}
	return string(got)
}

// TestNeovim proves the language server in a real editor: headless neovim
// runs chainlint as its language server, opens a file holding a broken
// chain, and reports the diagnostics neovim itself holds; then it applies
// the quick fix through neovim, saves, and the finding is gone.
func TestNeovim(t *testing.T) {
	dir := writeTree(t, nvimWorkspace)
	script, err := filepath.Abs(filepath.Join("testdata", "nvim", "lsp_test.lua"))
	if err != nil {
		t.Fatal(err)
	}
	got := runNvim(t, dir, []string{"ROOT=" + dir, "FILE=" + filepath.Join(dir, "www.yaml")}, "--clean", "-c", "luafile "+script)
	if want := "before missing-host-override 8\napplied 1\nafter none\n"; got != want {
		t.Errorf("neovim reported:\n%s\nwant:\n%s", got, want)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "www.yaml"))
	if !strings.Contains(string(fixed), "override_host: chained.example.com") {
		t.Errorf("the file neovim saved:\n%s", fixed)
	}
}

// TestNeovimOneClient loads the README's Neovim snippet
// (testdata/nvim/init.lua, which the README shows verbatim) and opens two
// files: one chainlint client, and each finding once.
func TestNeovimOneClient(t *testing.T) {
	initLua, err := filepath.Abs(filepath.Join("testdata", "nvim", "init.lua"))
	if err != nil {
		t.Fatal(err)
	}
	snippet, _ := os.ReadFile(initLua)
	readme, _ := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if !strings.Contains(string(readme), string(snippet)) {
		t.Error("README.md does not show testdata/nvim/init.lua verbatim")
	}
	script, _ := filepath.Abs(filepath.Join("testdata", "nvim", "two_buffers.lua"))
	dir := writeTree(t, nvimWorkspace)
	got := runNvim(t, dir, []string{"FILE=" + filepath.Join(dir, "www.yaml"), "FILE2=" + filepath.Join(dir, "chained.json")},
		"-u", initLua, "-c", "luafile "+script)
	if want := "buffer missing-host-override 8 1\nclients 1\n"; got != want {
		t.Errorf("neovim reported:\n%s\nwant:\n%s", got, want)
	}
}
