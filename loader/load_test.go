package loader

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/memo"
)

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const service = `{"id": "s1", "name": "www", "type": "vcl", "version": {"number": 1, "domains": [{"name": "www.example.com"}]}}`

// TestJSONLookedAtFirst: in a directory, JSON files that are certainly not
// exports are left unread; exports are found whatever stands before their
// deciding keys, and a broken export is still reported.
func TestJSONLookedAtFirst(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat(`"x",`, 50000)
	writeFiles(t, dir, map[string]string{
		"package.json":          `{"name": "app", "version": "1.0.0", "dependencies": {"services": []}}`,
		"fixtures/list.json":    `[1, 2, 3]`,
		"fixtures/scalar.json":  `"services"`,
		"late/bundle.json":      `{"meta": [` + big + `"y"], "services": [` + service + `]}`,
		"late/service.json":     `{"notes": [` + big + `"y"], "id": "s2", "name": "api", "type": "vcl", "version": {"number": 1}}`,
		"list/services.json":    `[` + strings.Replace(service, `"s1", "name": "www"`, `"s3", "name": "list"`, 1) + `]`,
		"broken/export.json":    `{"services": [{"id": "s4", "name": "broken", "version": {`,
		"utf16/export.json":     "\xff\xfe" + utf16le(strings.Replace(service, `"s1", "name": "www"`, `"s5", "name": "wide"`, 1)),
		"show/plan.json":        `{"format_version": "1.2", "planned_values": {"root_module": {}}}`,
		"notexport/object.json": `{"id": 5, "name": "x", "version": "2"}`,
	})
	// A file over the size limit that is certainly no export is never
	// read, so it is not reported as too large (sparse: it costs no disk).
	huge, err := os.Create(filepath.Join(dir, "fixtures", "huge.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := huge.WriteString(`[1, 2, 3]`); err != nil {
		t.Fatal(err)
	}
	if err := huge.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	huge.Close()
	g, err := Paths([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range g.Services {
		names = append(names, s.Label())
	}
	if got, want := strings.Join(names, " "), "api list www wide"; !sameWords(got, want) {
		t.Errorf("services %q, want %q", got, want)
	}
	var problems []string
	for _, p := range g.Problems {
		problems = append(problems, filepath.Base(filepath.Dir(g.Files.Position(p.Pos).Filename))+": "+p.Message)
	}
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "broken: cannot parse JSON") {
		t.Errorf("problems %q, want the broken export's parse error alone", problems)
	}
	for _, f := range g.Files.List() {
		if base := filepath.Base(f.Name); base == "package.json" || strings.Contains(f.Name, "fixtures") || strings.Contains(f.Name, "notexport") {
			t.Errorf("%s was read into the graph", f.Name)
		}
	}
}

func sameWords(a, b string) bool {
	x, y := strings.Fields(a), strings.Fields(b)
	if len(x) != len(y) {
		return false
	}
	seen := map[string]int{}
	for _, w := range x {
		seen[w]++
	}
	for _, w := range y {
		seen[w]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func utf16le(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(0)
	}
	return b.String()
}

// TestNamedJSONIsRead: a file named on the command line is read whole,
// so that a named file that is no export is reported as such.
func TestNamedJSONIsRead(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"broken.json": `{"services": [`})
	g, err := Paths([]string{filepath.Join(dir, "broken.json")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Problems) == 0 {
		t.Error("a named broken file gave no parse error")
	}
}

// BenchmarkVendoredJSON: a directory of 5,000 JSON files that are not
// exports (a vendored tree), beside one export.
func BenchmarkVendoredJSON(b *testing.B) {
	dir := b.TempDir()
	files := map[string]string{"estate.json": `{"services": [` + service + `]}`}
	doc := `{"name": "pkg", "version": "1.0.0", "description": "` + strings.Repeat("x", 200) + `", "data": [` + strings.Repeat(`{"id": 1, "values": [0.25, 0.5, 0.75]}, `, 100) + `{}]}`
	for i := range 5000 {
		files[fmt.Sprintf("vendor/p%d/f%d.json", i/100, i)] = doc
	}
	writeFiles(b, dir, files)
	b.SetBytes(int64(5000 * len(doc)))
	for b.Loop() {
		g, err := Paths([]string{dir}, Options{})
		if err != nil || len(g.Services) != 1 {
			b.Fatalf("err %v, %d services", err, len(g.Services))
		}
	}
}

// TestReadAheadHandsOver checks that a file read while the inputs are
// discovered reaches the loaders that read files themselves without a
// second read: a .tf file's contents once (then dropped, so that only the
// Terraform loader holds them), any other file's as often as asked.
func TestReadAheadHandsOver(t *testing.T) {
	tf, vcl := []byte(`resource "fastly_service_vcl" "a" {}`), []byte("sub vcl_recv {}")
	inputs := []input{{path: "mod/main.tf"}, {path: "mod/./main.vcl"}, {path: "mod/unread.json"}}
	contents := [][]byte{tf, vcl, nil}
	r := newReadAhead(inputs, contents)
	if got := r.take("mod/../mod/main.tf"); !bytes.Equal(got, tf) {
		t.Errorf("first take of main.tf = %q, want its contents", got)
	}
	if got := r.take("mod/main.tf"); got != nil {
		t.Errorf("second take of main.tf = %q, want nil (read again from disk)", got)
	}
	if contents[0] != nil {
		t.Error("main.tf's contents are still held after they were handed over")
	}
	for range 2 {
		if got := r.take("mod/main.vcl"); !bytes.Equal(got, vcl) {
			t.Errorf("take of main.vcl = %q, want its contents", got)
		}
	}
	if contents[1] == nil {
		t.Error("main.vcl's contents were dropped; it may still be loaded on its own")
	}
	if got := r.take("mod/unread.json"); got != nil {
		t.Errorf("take of a file not read = %q, want nil", got)
	}
}

// TestExportsBuildAtOnce checks that exports whose services are built at
// once (Paths: each file begun in order, then built on every core into a
// fragment of its own) load as the same files loaded one after another
// do: the same files at the same positions, the same services in the same
// order, each read by Prepare, and the same problems.
func TestExportsBuildAtOnce(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"broken.json":  `{"services": [{"id": "b", "name": "broken", "versions": [}`,
		"package.json": `{"name": "not-an-export", "version": "1.0.0"}`,
		"list.yaml":    "services:\n  - id: y1\n    name: yaml-one\n    version:\n      number: 1\n      domains:\n        - name: y1.example.com\n",
	}
	for i := range 24 {
		var services []string
		for j := range 1 + i%4 {
			services = append(services, fmt.Sprintf(`{"id": "s%d-%d", "name": "svc-%d-%d", "type": "vcl", "version": {"number": 1,
				"domains": [{"name": "s%d-%d.example.com"}],
				"backends": [{"name": "origin", "address": "o%d.example.com", "port": 443}],
				"snippets": [{"name": "host", "type": "miss", "priority": 100, "content": "set bereq.http.host = \"o%d.example.com\";"}]}}`, i, j, i, j, i, j, i, i))
		}
		files[fmt.Sprintf("part%02d.json", i)] = `{"services": [` + strings.Join(services, ",") + `]}`
	}
	writeFiles(t, dir, files)
	prepared := map[*graph.Service]bool{}
	var mu sync.Mutex
	prepare := func(_, _ *graph.Graph, s *graph.Service) {
		mu.Lock()
		prepared[s] = true
		mu.Unlock()
	}
	atOnce, err := Paths([]string{dir}, Options{Prepare: prepare})
	if err != nil {
		t.Fatal(err)
	}

	inTurn := graph.NewGraph()
	inTurn.Memo = memo.NewTransient()
	inTurn.Prepare = func(sink *graph.Graph, s *graph.Service) { prepare(inTurn, sink, s) }
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(names)
	for _, name := range names {
		content, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		loadFile(inTurn, name, content, false)
	}
	inTurn.Finish()

	type file struct {
		Name string
		Base int
	}
	filesOf := func(g *graph.Graph) (out []file) {
		for _, f := range g.Files.List() {
			out = append(out, file{filepath.Base(f.Name), f.TF.Base()})
		}
		return out
	}
	type service struct {
		Name     string
		Pos      token.Pos
		Prepared bool
	}
	servicesOf := func(g *graph.Graph) (out []service) {
		for _, s := range g.Services {
			out = append(out, service{s.Name.Value, s.Pos, prepared[s]})
		}
		return out
	}
	problemsOf := func(g *graph.Graph) (out []string) {
		for _, p := range g.Problems {
			out = append(out, fmt.Sprintf("%d %s %s", p.Pos, p.Rule, p.Message))
		}
		return out
	}
	if diff := cmp.Diff(filesOf(inTurn), filesOf(atOnce)); diff != "" {
		t.Errorf("files (-in turn +at once):\n%s", diff)
	}
	if diff := cmp.Diff(servicesOf(inTurn), servicesOf(atOnce)); diff != "" {
		t.Errorf("services (-in turn +at once):\n%s", diff)
	}
	if diff := cmp.Diff(problemsOf(inTurn), problemsOf(atOnce)); diff != "" {
		t.Errorf("problems (-in turn +at once):\n%s", diff)
	}
	if n := len(atOnce.Services); n != 1+24+24*3/2 {
		t.Errorf("%d services loaded, want %d", n, 1+24+24*3/2)
	}
	for _, s := range atOnce.Services {
		if !prepared[s] {
			t.Errorf("service %s was not prepared as it loaded", s.Name.Value)
		}
	}
	if len(atOnce.Problems) == 0 {
		t.Error("broken.json reported no problem")
	}
}

// linkedTree writes files and symbolic links (link name to target) in a
// temporary directory; it skips the test where links cannot be made.
func linkedTree(t *testing.T, files, links map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	return dir
}

// loadedWhere lists g's services as "name in file", the file relative to
// dir, sorted.
func loadedWhere(g *graph.Graph, dir string) []string {
	var out []string
	for _, s := range g.Services {
		rel, _ := filepath.Rel(dir, g.Files.Position(s.Pos).Filename)
		out = append(out, s.Name.Value+" in "+rel)
	}
	sort.Strings(out)
	return out
}

// TestWalkFindsEachFileOnce: a file reached by several paths (a directory
// named twice, with and without a trailing slash or as an absolute path;
// a link to a file or a directory beside it) is loaded once, under the
// first name the walk reached it by. The walk derives a plain entry's
// real path from its directory's, so this also checks that derivation
// against links.
func TestWalkFindsEachFileOnce(t *testing.T) {
	dir := linkedTree(t, map[string]string{
		"a/one.json":       `{"services": [{"id": "1", "name": "one", "version": {"number": 1}}]}`,
		"a/sub/two.json":   `{"services": [{"id": "2", "name": "two", "version": {"number": 1}}]}`,
		"a/x/y/three.json": `{"services": [{"id": "3", "name": "three", "version": {"number": 1}}]}`,
	}, map[string]string{"a/one-again.json": "one.json", "a/sub/up": "../x", "a/w": "x/y"})
	a := filepath.Join(dir, "a")
	abs, err := filepath.Abs(a)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Paths([]string{a, a + "/", abs, filepath.Join(a, "x")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// WalkDir goes in lexical order: one-again.json before one.json, sub/up
	// (a link to x) before w (a link to x/y) and x itself.
	want := []string{"one in a/one-again.json", "three in a/sub/up/y/three.json", "two in a/sub/two.json"}
	if diff := cmp.Diff(want, loadedWhere(g, dir)); diff != "" {
		t.Errorf("services (-want +got):\n%s", diff)
	}
}

// TestLinkIntoAnotherPath: a link under one path given to what another
// path given holds is not followed: the other path loads those files
// under its own name (were they loaded under the link's, the other path
// would seem to hold nothing, which the command line refuses as a
// mistake). A link to what its own path holds is followed.
func TestLinkIntoAnotherPath(t *testing.T) {
	dir := linkedTree(t, map[string]string{
		"a/one.json":   `{"services": [{"id": "1", "name": "one", "version": {"number": 1}}]}`,
		"b/two.json":   `{"services": [{"id": "2", "name": "two", "version": {"number": 1}}]}`,
		"b/c/six.json": `{"services": [{"id": "6", "name": "six", "version": {"number": 1}}]}`,
	}, map[string]string{"a/b-link": "../b", "b/a-link": "../a", "b/0-link": "c"})
	for _, order := range [][]string{{"a", "b"}, {"b", "a"}} {
		var paths []string
		for _, p := range order {
			paths = append(paths, filepath.Join(dir, p))
		}
		g, err := Paths(paths, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"one in a/one.json", "six in b/0-link/six.json", "two in b/two.json"}
		if diff := cmp.Diff(want, loadedWhere(g, dir)); diff != "" {
			t.Errorf("%v: services (-want +got):\n%s", order, diff)
		}
		if len(g.Notes) > 0 {
			t.Errorf("%v: notes %v, want none", order, g.Notes)
		}
	}
}

// TestVCLFilesParsedOnceLoaded: a .vcl file Terraform reads through
// file() is linted as the service's VCL, not on its own, so it is not
// parsed as a file (a Terraform estate of hundreds of such files held
// their trees for the whole load); a .vcl file nothing reads is.
func TestVCLFilesParsedOnceLoaded(t *testing.T) {
	dir := t.TempDir()
	used, alone := "set bereq.http.host = \"origin.example.com\";\n", "sub vcl_recv { set req.http.x = \"1\"; }\n"
	writeFiles(t, dir, map[string]string{
		"main.tf": `resource "fastly_service_vcl" "www" {
  name = "www"
  domain { name = "www.example.com" }
  backend {
    name    = "origin"
    address = "origin.example.com"
  }
  snippet {
    name    = "host"
    type    = "miss"
    content = file("${path.module}/used.vcl")
  }
}
`,
		"used.vcl":  used,
		"alone.vcl": alone,
	})
	g, err := Paths([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Services) != 1 || len(g.Services[0].Snippets) != 1 {
		t.Fatalf("loaded %d services, want www with its snippet", len(g.Services))
	}
	// "vcl:" is the cache kind vclmodel.Parse gives VCL parsed as a file.
	parsedBefore := func(content string) bool {
		cached := true
		g.Memo.Get("vcl:", []byte(content), func() any { cached = false; return nil })
		return cached
	}
	if parsedBefore(used) {
		t.Error("used.vcl, which Terraform reads, was parsed as a file of its own")
	}
	if !parsedBefore(alone) {
		t.Error("alone.vcl was not parsed through the load's cache")
	}
}

// TestLinksListedTwiceAreOne: a resource link listed on the service and on
// its version (as some exports do) is one link, by its id or, without
// ids, by its name and resource; more links than a short list holds
// (linkSet's map) are told apart the same way.
func TestLinksListedTwiceAreOne(t *testing.T) {
	link := func(id, name, resource string) string {
		if id == "" {
			return fmt.Sprintf(`{"name": %q, "resource_id": %q}`, name, resource)
		}
		return fmt.Sprintf(`{"id": %q, "name": %q, "resource_id": %q}`, id, name, resource)
	}
	var many []string
	for i := range 40 {
		many = append(many, link("", fmt.Sprintf("store%d", i), fmt.Sprintf("r%d", i)))
	}
	for _, tc := range []struct {
		name             string
		service, version []string
		want             int
	}{
		{"by id", []string{link("l1", "a", "r1")}, []string{link("l1", "a", "r1")}, 1},
		{"id renamed", []string{link("l1", "a", "r1")}, []string{link("l1", "b", "r2")}, 1},
		{"by pair", []string{link("", "a", "r1")}, []string{link("", "a", "r1")}, 1},
		{"two ids, one pair", []string{link("l1", "a", "r1")}, []string{link("l2", "a", "r1")}, 1},
		{"two", []string{link("", "a", "r1")}, []string{link("", "a", "r2")}, 2},
		{"many, one twice", append(slices.Clone(many), link("", "store7", "r7")), many[:3], 40},
		{"many apart", many[:20], many[20:], 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"estate.json": fmt.Sprintf(`{"services": [{"id": "s", "name": "s", "type": "wasm", "resource_links": [%s],
				"version": {"number": 1, "resource_links": [%s]}}]}`, strings.Join(tc.service, ","), strings.Join(tc.version, ","))})
			g, err := Paths([]string{dir}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Services) != 1 {
				t.Fatalf("%d services", len(g.Services))
			}
			if got := len(g.Services[0].Links); got != tc.want {
				t.Errorf("%d links, want %d", got, tc.want)
			}
		})
	}
}
