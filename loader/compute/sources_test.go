package compute

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
)

// writeFiles writes a tree of files below root.
func writeFiles(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// scanned loads the project at root and returns the names its code was
// found to use, and the skipped-input notes.
func scanned(t *testing.T, root string) (names, notes []string) {
	t.Helper()
	g := graph.NewGraph()
	Load(g, []string{filepath.Join(root, ManifestName)}, nil)
	for _, s := range g.Services {
		if s.Project() == nil {
			continue
		}
		for _, r := range s.Project().Refs {
			names = append(names, r.Name.Value)
		}
	}
	for _, n := range g.Notes {
		if n.Rule == "skipped-input" {
			notes = append(notes, n.Message)
		}
	}
	slices.Sort(names)
	return names, notes
}

func TestScanByLanguage(t *testing.T) {
	big := strings.Repeat("// generated\n", (maxSourceFile/13)+1) + `fn f() { KVStore::open("in-big"); }`
	bundle := strings.Repeat(`var a=1;`, 4096) + `new KVStore("in-bundle");`
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // store and backend names found
		notes []string // substrings of the skipped-input note ("" for none)
	}{
		{
			name: "rust reads src/ only",
			files: map[string]string{
				"fastly.toml":          "name = \"x\"\nlanguage = \"rust\"\n",
				"src/main.rs":          `fn main() { KVStore::open("sessions"); }`,
				"src/routes/api.rs":    `fn f() { req.send("api"); }`,
				"frontend/app.js":      `new KVStore("vendored-js");`,
				"tools/gen/main.go":    `kvstore.Open("tooling")`,
				"examples/demo.rs":     `fn main() { KVStore::open("example"); }`,
				"src/big_generated.rs": big,
			},
			want:  []string{"api", "sessions"},
			notes: []string{"1 over 1 MB (src/big_generated.rs)"},
		},
		{
			name: "rust honours .gitignore",
			files: map[string]string{
				"fastly.toml":           "name = \"x\"\nlanguage = \"rust\"\n",
				".gitignore":            "# generated code\n/src/gen/\n*.bak.rs\n!keep.bak.rs\n",
				"src/main.rs":           `fn main() { KVStore::open("sessions"); }`,
				"src/gen/bindings.rs":   `fn f() { KVStore::open("generated"); }`,
				"src/old.bak.rs":        `fn f() { KVStore::open("backup"); }`,
				"src/keep.bak.rs":       `fn f() { KVStore::open("kept"); }`,
				"src/nested/.gitignore": "local.rs\n",
				"src/nested/local.rs":   `fn f() { KVStore::open("local"); }`,
				"src/nested/mod.rs":     `fn f() { KVStore::open("nested"); }`,
			},
			want:  []string{"kept", "nested", "sessions"},
			notes: []string{"3 git-ignored paths (src/gen/, src/nested/local.rs, src/old.bak.rs)"},
		},
		{
			name: "javascript follows imports from the build script's entry",
			files: map[string]string{
				"fastly.toml":             "name = \"x\"\nlanguage = \"javascript\"\n[scripts]\nbuild = \"npm run build\"\n",
				"package.json":            `{"scripts": {"build": "js-compute-runtime ./src/entry.js ./bin/main.wasm"}}`,
				"src/entry.js":            `import { open } from "./lib/stores"; import "./side.mjs"; const h = require("../shared/h.js");`,
				"src/lib/stores/index.js": `export const s = new KVStore("sessions"); export * from "./more.js";`,
				"src/lib/stores/more.ts":  `export const c = new ConfigStore("settings");`,
				"src/side.mjs":            `fetch(r, { backend: "api" });`,
				"shared/h.js":             `new SecretStore("outside-src-but-in-project");`,
				"src/unused.js":           `new KVStore("never-imported");`,
				"bin/index.js":            `new KVStore("build-output");`,
				"node_modules/x/i.js":     `new KVStore("dependency");`,
			},
			want: []string{"api", "outside-src-but-in-project", "sessions", "settings"},
		},
		{
			name: "javascript without an entry reads src/, skips bundles",
			files: map[string]string{
				"fastly.toml":       "name = \"x\"\nlanguage = \"javascript\"\n",
				"src/handler.js":    `new KVStore("sessions");`,
				"src/vendor.min.js": `new KVStore("in-min");`,
				"src/bundle.js":     bundle,
				"webpack.config.js": `new KVStore("config-not-source");`,
			},
			want:  []string{"sessions"},
			notes: []string{"2 minified bundles (src/bundle.js, src/vendor.min.js)"},
		},
		{
			name: "typescript entry src/index.ts, .js specifier to a .ts file",
			files: map[string]string{
				"fastly.toml":   "name = \"x\"\nlanguage = \"javascript\"\n",
				"src/index.ts":  `import { x } from "./stores.js";`,
				"src/stores.ts": `new KVStore("sessions");`,
			},
			want: []string{"sessions"},
		},
		{
			name: "go reads the module's packages, not tests or nested modules",
			files: map[string]string{
				"fastly.toml":         "name = \"x\"\nlanguage = \"go\"\n",
				"go.mod":              "module example.com/x\n",
				"main.go":             `kvstore.Open("sessions")`,
				"internal/api/api.go": `r.Send(ctx, "api")`,
				"main_test.go":        `kvstore.Open("in-test")`,
				"testdata/fixture.go": `kvstore.Open("fixture")`,
				"tools/go.mod":        "module example.com/tools\n",
				"tools/gen.go":        `kvstore.Open("tool-module")`,
				"web/app.js":          `new KVStore("other-language");`,
			},
			want: []string{"api", "sessions"},
		},
		{
			name: "an unknown language reads every language",
			files: map[string]string{
				"fastly.toml": "name = \"x\"\nlanguage = \"other\"\n",
				"src/a.rs":    `fn f() { KVStore::open("rs"); }`,
				"src/b.js":    `new KVStore("js");`,
				"c.go":        `kvstore.Open("go")`,
			},
			want: []string{"go", "js", "rs"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			writeFiles(t, root, tc.files)
			names, notes := scanned(t, root)
			if !slices.Equal(names, tc.want) {
				t.Errorf("names %v, want %v", names, tc.want)
			}
			if len(tc.notes) == 0 && len(notes) > 0 {
				t.Errorf("unexpected notes %q", notes)
			}
			for _, want := range tc.notes {
				if len(notes) != 1 || !strings.Contains(notes[0], want) {
					t.Errorf("notes %q, want one containing %q", notes, want)
				}
			}
		})
	}
}

// TestScanFileBound: a project with more source files than the bound is
// scanned up to it, and the note says where the scan stopped.
func TestScanFileBound(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"fastly.toml": "name = \"x\"\nlanguage = \"rust\"\n"}
	for i := range maxScanFiles + 5 {
		files[fmt.Sprintf("src/m%05d.rs", i)] = `fn f() {}`
	}
	writeFiles(t, root, files)
	_, notes := scanned(t, root)
	if len(notes) != 1 || !strings.Contains(notes[0], fmt.Sprintf("stopped after %d files", maxScanFiles)) {
		t.Errorf("notes %q", notes)
	}
}

// BenchmarkScanVendoredTree: Compute projects in a repository that also
// holds a large JavaScript tree. A Rust project reads only its src/; a
// JavaScript project reads its entry and imports; a project of another
// language walks within the bounds. The target is under 2 s per load for
// a repository of any size.
func BenchmarkScanVendoredTree(b *testing.B) {
	root := b.TempDir()
	files := map[string]string{
		"rust/fastly.toml":  "name = \"r\"\nlanguage = \"rust\"\n",
		"rust/src/main.rs":  `fn main() { KVStore::open("sessions"); }`,
		"js/fastly.toml":    "name = \"j\"\nlanguage = \"javascript\"\n",
		"js/src/index.js":   `import "./a.js"; new KVStore("sessions");`,
		"js/src/a.js":       `fetch(r, { backend: "api" });`,
		"other/fastly.toml": "name = \"o\"\nlanguage = \"other\"\n",
		"other/src/main.rs": `fn main() { KVStore::open("sessions"); }`,
	}
	for _, p := range []string{"rust", "js", "other"} {
		for i := range 20000 {
			files[fmt.Sprintf("%s/frontend/lib%02d/m%05d.js", p, i%100, i)] = `export function f(a){return new KVStore("x"+a)}` + "\n"
		}
	}
	writeFiles(b, root, files)
	manifests := []string{filepath.Join(root, "rust", ManifestName), filepath.Join(root, "js", ManifestName), filepath.Join(root, "other", ManifestName)}
	b.ReportAllocs()
	for b.Loop() {
		g := graph.NewGraph()
		Load(g, manifests, nil)
		if len(g.Services) != 3 {
			b.Fatalf("%d services", len(g.Services))
		}
	}
}

// FuzzGitignore: any .gitignore content is read without a panic, and a
// path outside the file's directory is never ignored by it.
func FuzzGitignore(f *testing.F) {
	f.Add([]byte("# c\n/build/\n*.min.js\n!keep.min.js\nsrc/**/gen\n[a-c]?.rs\n\\#x\n"), "src/a/gen/x.rs")
	f.Add([]byte("{a,b}\n[\n**\n/\n!\n"), "a")
	f.Fuzz(func(t *testing.T, src []byte, rel string) {
		ig := &ignorer{loaded: map[string]bool{}}
		base := filepath.FromSlash("/repo/project")
		ig.add(base, src)
		ig.ignored(filepath.Join(base, filepath.FromSlash(rel)), false)
		ig.ignored(filepath.Join(base, filepath.FromSlash(rel)), true)
		if ig.ignored(filepath.FromSlash("/elsewhere/x.rs"), false) {
			t.Fatal("a path outside the .gitignore's directory is ignored")
		}
	})
}

// TestJSImportSymlinkOutside: an import that is a symbolic link leading
// outside the project is not followed, as other languages' sources are
// not; one inside is.
func TestJSImportSymlinkOutside(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "elsewhere")
	root := filepath.Join(base, "project")
	writeFiles(t, outside, map[string]string{"secret.js": `new KVStore("from-outside");`})
	writeFiles(t, root, map[string]string{
		ManifestName:      "manifest_version = 3\nname = \"p\"\nlanguage = \"javascript\"\n",
		"src/index.js":    "import './linked.js';\nimport './lib/real.js';\n",
		"src/lib/real.js": `new KVStore("from-inside");`,
	})
	if err := os.Symlink(filepath.Join(outside, "secret.js"), filepath.Join(root, "src", "linked.js")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(root, "src", "lib", "real.js"), filepath.Join(root, "src", "alias.js")); err != nil {
		t.Fatal(err)
	}
	names, _ := scanned(t, root)
	if !slices.Contains(names, "from-inside") || slices.Contains(names, "from-outside") {
		t.Errorf("names %v: want from-inside, and nothing read through the link that leads outside", names)
	}
}

// TestJSBundlerEntry: a build script run by ts-node (or node, tsx, …) is
// not the code: the entry points its bundler names are, so a name the
// code uses is found; a scan that reaches no call says so.
func TestJSBundlerEntry(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		ManifestName:    "manifest_version = 3\nname = \"p\"\nlanguage = \"javascript\"\n",
		"package.json":  `{"scripts": {"build": "ts-node build.ts && js-compute-runtime bin/index.js bin/main.wasm"}}`,
		"build.ts":      "import { build } from 'esbuild';\nawait build({ entryPoints: ['./src/app.ts'], bundle: true, outfile: 'bin/index.js' });\n",
		"src/app.ts":    "import './stores';\n",
		"src/stores.ts": `const s = new KVStore("sessions");`,
	})
	names, notes := scanned(t, root)
	if !slices.Equal(names, []string{"sessions"}) || len(notes) != 0 {
		t.Errorf("names %v, notes %q: want the store the bundled code opens", names, notes)
	}
	quiet := t.TempDir()
	writeFiles(t, quiet, map[string]string{
		ManifestName:   "manifest_version = 3\nname = \"q\"\nlanguage = \"javascript\"\n",
		"src/index.js": "addEventListener('fetch', e => e.respondWith(new Response('ok')));\n",
	})
	if _, notes := scanned(t, quiet); len(notes) != 1 || !strings.Contains(notes[0], "reached no store open and no backend send") {
		t.Errorf("notes %q: want one saying the scan reached no call", notes)
	}
}
