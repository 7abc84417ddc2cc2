package compute

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/safefile"
)

// A project's sources are scanned within bounds, whatever the size of
// the repository around it: only what its language builds from, never
// dependencies, build output, git-ignored paths, minified bundles or
// files over maxSourceFile. What a bound leaves out is said in one
// skipped-input note per project.
const (
	maxSourceFile = 1 << 20  // a bigger source file is generated or vendored
	maxScanFiles  = 2000     // source files read per project
	maxScanBytes  = 32 << 20 // bytes read per project
	maxWalk       = 50000    // directory entries visited per project
)

// skipDirs are never scanned: dependencies and build output.
var skipDirs = map[string]bool{"node_modules": true, "target": true, "bin": true, "pkg": true, "dist": true, "build": true, "vendor": true, ".git": true}

// sourceScan is one project's scan and what its bounds left out.
type sourceScan struct {
	p    *project
	proj *graph.Project
	read func(string) ([]byte, error)
	ign  *ignorer
	seen map[string]bool

	files, walked int
	bytes         int
	big, minified []string // project-relative paths
	ignored       []string
	stopped       string // the bound that stopped the scan, if one did
}

// scan reads the project's sources and records the names they open:
//
//   - rust: the crate's src/ (its modules live there);
//   - javascript, typescript: the entry point (package.json's main, the
//     file named by the build script in fastly.toml or package.json, else
//     src/index.*) and the files it imports, relative imports followed;
//     src/ when no entry is found;
//   - go: the module's packages (no _test.go, testdata, vendor or nested
//     module);
//   - any other language: every Rust, JavaScript/TypeScript and Go file.
func (p *project) scan(proj *graph.Project, read func(string) ([]byte, error)) {
	sc := &sourceScan{p: p, proj: proj, read: read, ign: newIgnorer(p.dir), seen: map[string]bool{}}
	langField := p.field(p.root.Get("language"))
	switch strings.ToLower(langField.Value) {
	case "rust":
		sc.walk(sc.dirOr("src"), func(path string) lang { return only(path, langRust) })
	case "javascript", "typescript", "js", "ts":
		entries := sc.jsEntries()
		if len(entries) > 0 {
			sc.follow(entries)
		} else {
			sc.walk(sc.dirOr("src"), func(path string) lang { return only(path, langJS) })
		}
		if len(proj.Refs) == 0 && proj.Computed == 0 {
			// Nothing opened, nothing sent: either the code does neither,
			// or the scan missed the code (a build that chainlint cannot
			// follow). Say so, rather than pass in silence.
			from := "src/"
			if len(entries) > 0 {
				from = sc.rel(entries[0])
			}
			pos, end := langField.Pos, langField.End()
			if !pos.IsValid() {
				pos, end = p.f.Pos(0), p.f.Pos(0)
			}
			files := fmt.Sprintf("%d files", proj.Files)
			if proj.Files == 1 {
				files = "1 file"
			}
			p.g.Notes = append(p.g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: pos, End: end,
				Message: fmt.Sprintf("the scan of this project's code (%s, from %s) reached no store open and no backend send; if the code has some, chainlint did not find it, so the store and backend names it uses go unchecked", files, from)})
		}
	case "go":
		sc.walk(p.dir, func(path string) lang {
			if strings.HasSuffix(path, "_test.go") {
				return langNone
			}
			return only(path, langGo)
		})
	default:
		sc.walk(p.dir, langOf)
	}
	if msg := sc.summary(); msg != "" {
		pos, end := langField.Pos, langField.End()
		if !pos.IsValid() {
			pos, end = p.f.Pos(0), p.f.Pos(0)
		}
		p.g.Notes = append(p.g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: pos, End: end, Message: msg})
	}
}

func only(path string, l lang) lang {
	if langOf(path) == l && !strings.HasSuffix(path, ".d.ts") {
		return l
	}
	return langNone
}

// dirOr is the project's subdirectory name when it exists, else the
// project's directory.
func (sc *sourceScan) dirOr(name string) string {
	d := filepath.Join(sc.p.dir, name)
	if fi, err := os.Stat(d); err == nil && fi.IsDir() {
		return d
	}
	return sc.p.dir
}

func (sc *sourceScan) rel(path string) string {
	r, err := filepath.Rel(sc.p.dir, path)
	if err != nil {
		return path
	}
	return filepath.ToSlash(r)
}

// walk scans the files below dir that accept gives a language.
func (sc *sourceScan) walk(dir string, accept func(string) lang) {
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if sc.stopped != "" {
			return fs.SkipAll
		}
		if sc.walked++; sc.walked > maxWalk {
			sc.stopped = fmt.Sprintf("after visiting %d directory entries", maxWalk)
			return fs.SkipAll
		}
		if err != nil {
			return nil //nolint:nilerr // an unreadable directory is skipped: sources are optional
		}
		if d.IsDir() {
			if path == dir {
				sc.ign.load(path)
				return nil
			}
			name := d.Name()
			if skipDirs[name] || strings.HasPrefix(name, ".") || name == "testdata" || strings.HasPrefix(name, "_") {
				return fs.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, ManifestName)); err == nil {
				return fs.SkipDir // a project of its own
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != sc.p.dir {
				return fs.SkipDir // a Go module of its own
			}
			if sc.ign.ignored(path, true) {
				sc.ignored = append(sc.ignored, sc.rel(path)+"/")
				return fs.SkipDir
			}
			sc.ign.load(path)
			return nil
		}
		if l := accept(path); l != langNone && d.Type().IsRegular() {
			if sc.ign.ignored(path, false) {
				sc.ignored = append(sc.ignored, sc.rel(path))
				return nil
			}
			sc.file(path, l)
		}
		return nil
	})
}

// file reads and scans one source file, within the bounds.
func (sc *sourceScan) file(path string, l lang) []tok {
	if sc.seen[path] {
		return nil
	}
	sc.seen[path] = true
	if sc.files >= maxScanFiles {
		sc.stopped = fmt.Sprintf("after %d files", maxScanFiles)
		return nil
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxSourceFile {
		sc.big = append(sc.big, sc.rel(path))
		return nil
	}
	if sc.bytes >= maxScanBytes {
		sc.stopped = fmt.Sprintf("after reading %d MB", maxScanBytes>>20)
		return nil
	}
	src, err := sc.read(path)
	if err != nil {
		return nil
	}
	if len(src) > maxSourceFile {
		sc.big = append(sc.big, sc.rel(path))
		return nil
	}
	if l == langJS && minified(path, src) {
		sc.minified = append(sc.minified, sc.rel(path))
		return nil
	}
	sc.files++
	sc.bytes += len(src)
	sc.proj.Files++
	return sc.p.scanFile(sc.proj, path, src, l)
}

// minified reports a bundle: a .min. file, or long lines throughout.
func minified(path string, src []byte) bool {
	if strings.Contains(filepath.Base(path), ".min.") {
		return true
	}
	lines := bytes.Count(src, []byte("\n")) + 1
	return len(src) >= 16<<10 && len(src)/lines > 500
}

// jsEntryExts are the extensions a JavaScript or TypeScript module may
// have, in the order an import without one is resolved.
var jsEntryExts = []string{".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"}

var scriptFile = regexp.MustCompile(`[^\s'"=]+\.(?:[cm]?[jt]s|[jt]sx)\b`)

// jsEntries finds the project's entry modules: package.json's main, the
// source files its build scripts name (js-compute-runtime ./src/index.js
// bin/main.wasm), else the conventional src/index.* and src/main.*.
func (sc *sourceScan) jsEntries() []string {
	var out []string
	add := func(rel string) {
		path := filepath.Join(sc.p.dir, filepath.FromSlash(strings.TrimSpace(rel)))
		if !insideDir(sc.p.dir, path) || slices.Contains(out, path) {
			return
		}
		if r, err := filepath.Rel(sc.p.dir, path); err == nil && skipDirs[strings.Split(filepath.ToSlash(r), "/")[0]] {
			return // build output (bin/index.js), not a source
		}
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
			out = append(out, path)
		}
	}
	var scripts []string
	if build := sc.p.root.Get("scripts"); build != nil {
		if b := build.Get("build"); b != nil {
			scripts = append(scripts, sc.p.field(b).Value)
		}
	}
	if src, err := safefile.ReadText(filepath.Join(sc.p.dir, "package.json"), maxSourceFile); err == nil {
		var pkg struct {
			Main    string            `json:"main"`
			Scripts map[string]string `json:"scripts"`
		}
		if json.Unmarshal(src, &pkg) == nil {
			if pkg.Main != "" {
				add(pkg.Main)
			}
			for _, k := range []string{"prebuild", "build"} {
				scripts = append(scripts, pkg.Scripts[k])
			}
		}
	}
	for _, s := range scripts {
		for _, cmd := range splitCommands(s) {
			files := scriptFile.FindAllString(cmd, -1)
			if !runsScript(cmd) {
				for _, m := range files {
					add(m)
				}
				continue
			}
			// node build.js, ts-node build.ts …: a build script, not the
			// code; the bundler it drives names the entry points.
			for _, m := range files {
				for _, e := range bundlerEntries(filepath.Join(sc.p.dir, filepath.FromSlash(m))) {
					add(e)
				}
			}
		}
	}
	for _, cfg := range []string{"webpack.config.js", "webpack.config.ts", "rollup.config.js", "rollup.config.mjs", "esbuild.config.js", "esbuild.config.mjs"} {
		for _, e := range bundlerEntries(filepath.Join(sc.p.dir, cfg)) {
			add(e)
		}
	}
	if len(out) == 0 {
		for _, base := range []string{"src/index", "src/main", "index"} {
			for _, ext := range jsEntryExts {
				add(base + ext)
			}
		}
	}
	return out
}

// splitCommands cuts a shell command line at &&, || , ; and |.
func splitCommands(s string) []string {
	return regexp.MustCompile(`&&|\|\||;|\|`).Split(s, -1)
}

// scriptRunners run a build script written in JavaScript or TypeScript.
var scriptRunners = map[string]bool{"node": true, "ts-node": true, "tsx": true, "bun": true, "deno": true, "esno": true, "esr": true, "babel-node": true, "vite-node": true}

// runsScript reports a command that runs a script file (node build.js,
// npx ts-node build.ts, NODE_ENV=x tsx build.ts), rather than compiling
// an entry (js-compute-runtime src/index.js bin/main.wasm).
func runsScript(cmd string) bool {
	for _, f := range strings.Fields(cmd) {
		switch {
		case strings.Contains(f, "=") && !strings.HasPrefix(f, "-"):
			continue // an environment assignment
		case f == "npx" || f == "pnpm" || f == "yarn" || f == "exec" || f == "dlx" || f == "run":
			continue
		}
		return scriptRunners[strings.TrimSuffix(filepath.Base(f), ".cmd")]
	}
	return false
}

var (
	esbuildEntries = regexp.MustCompile(`entryPoints\s*:\s*\[([^\]]*)\]`)
	entryString    = regexp.MustCompile("\\b(?:entry|input|entryPoint)\\s*:\\s*['\"\x60]([^'\"\x60]+)['\"\x60]")
	quotedName     = regexp.MustCompile("['\"\x60]([^'\"\x60]+)['\"\x60]")
)

// bundlerEntries reads a build script or bundler configuration for the
// entry points it names (esbuild's entryPoints, webpack's entry, rollup's
// input), relative to the project; none when it names none or cannot be
// read.
func bundlerEntries(path string) []string {
	src, err := safefile.ReadText(path, maxSourceFile)
	if err != nil {
		return nil
	}
	var out []string
	for _, m := range esbuildEntries.FindAllSubmatch(src, -1) {
		for _, q := range quotedName.FindAllSubmatch(m[1], -1) {
			out = append(out, string(q[1]))
		}
	}
	for _, m := range entryString.FindAllSubmatch(src, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// follow scans the entry modules and, breadth first, the relative
// imports of each scanned module that resolve inside the project.
func (sc *sourceScan) follow(entries []string) {
	queue := entries
	for len(queue) > 0 && sc.stopped == "" {
		path := queue[0]
		queue = queue[1:]
		if sc.seen[path] {
			continue
		}
		if !slices.Contains(entries, path) && sc.ign.ignoredBelow(sc.p.dir, path) {
			sc.seen[path] = true
			sc.ignored = append(sc.ignored, sc.rel(path))
			continue
		}
		toks := sc.file(path, langJS)
		for _, spec := range jsImports(toks) {
			if next := resolveImport(sc.p.dir, filepath.Dir(path), spec); next != "" && !sc.seen[next] {
				queue = append(queue, next)
			}
		}
	}
}

// jsImports lists a module's relative import specifiers: import … from
// "./x", import "./x", export … from "./x", import("./x") and
// require("./x").
func jsImports(toks []tok) []string {
	var out []string
	for i, t := range toks {
		if t.kind != tString || !(strings.HasPrefix(t.text, "./") || strings.HasPrefix(t.text, "../")) || i == 0 {
			continue
		}
		prev := toks[i-1]
		switch {
		case prev.kind == tIdent && (prev.text == "from" || prev.text == "import"),
			prev.text == "(" && i >= 2 && toks[i-2].kind == tIdent && (toks[i-2].text == "require" || toks[i-2].text == "import"):
			out = append(out, t.text)
		}
	}
	return out
}

// resolveImport resolves a relative specifier as a bundler would (the
// file, the file with an extension, a TypeScript file for a .js
// specifier, the directory's index), inside the project only.
func resolveImport(root, from, spec string) string {
	base := filepath.Join(from, filepath.FromSlash(spec))
	if !insideDir(root, base) {
		return ""
	}
	var cands []string
	if ext := filepath.Ext(base); ext != "" {
		cands = append(cands, base)
		if ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".jsx" {
			stem := strings.TrimSuffix(base, ext)
			cands = append(cands, stem+".ts", stem+".tsx", stem+".mts", stem+".cts")
		}
	}
	for _, ext := range jsEntryExts {
		cands = append(cands, base+ext)
	}
	for _, ext := range jsEntryExts {
		cands = append(cands, filepath.Join(base, "index"+ext))
	}
	for _, c := range cands {
		if langOf(c) != langJS || strings.HasSuffix(c, ".d.ts") {
			continue
		}
		if fi, err := os.Stat(c); err == nil && fi.Mode().IsRegular() {
			if r, err := filepath.Rel(root, c); err == nil && strings.Contains("/"+filepath.ToSlash(r)+"/", "/node_modules/") {
				return ""
			}
			// A symbolic link that leads outside the project is not
			// followed, as the walk of the other languages' sources does
			// not follow one.
			realRoot, err1 := filepath.EvalSymlinks(root)
			real, err2 := filepath.EvalSymlinks(c)
			if err1 != nil || err2 != nil || !insideDir(realRoot, real) {
				return ""
			}
			return c
		}
	}
	return ""
}

// insideDir reports whether path is dir or below it.
func insideDir(dir, path string) bool { return safefile.Within(dir, path) }

// summary says what the scan's bounds left out ("" if nothing).
func (sc *sourceScan) summary() string {
	var parts []string
	list := func(paths []string) string {
		const show = 3
		if len(paths) <= show {
			return strings.Join(paths, ", ")
		}
		return strings.Join(paths[:show], ", ") + fmt.Sprintf(" and %d more", len(paths)-show)
	}
	if n := len(sc.big); n > 0 {
		parts = append(parts, fmt.Sprintf("%d over %d MB (%s)", n, maxSourceFile>>20, list(sc.big)))
	}
	if n := len(sc.minified); n > 0 {
		parts = append(parts, fmt.Sprintf("%d minified bundle%s (%s)", n, plural(n), list(sc.minified)))
	}
	if n := len(sc.ignored); n > 0 {
		parts = append(parts, fmt.Sprintf("%d git-ignored path%s (%s)", n, plural(n), list(sc.ignored)))
	}
	if sc.stopped != "" {
		parts = append(parts, "the rest: the scan stopped "+sc.stopped+", chainlint's bound for one project")
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("the source scan of Compute project %s (%d file%s scanned) skipped %s; store opens and backend sends there are not checked",
		sc.p.dir, sc.files, plural(sc.files), strings.Join(parts, "; "))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
