package compute

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/loader/tree"
)

// BenchmarkScanMonorepo loads a generated monorepo of 200 Compute
// projects with 50 Rust source files each.
func BenchmarkScanMonorepo(b *testing.B) {
	root := b.TempDir()
	var manifests []string
	total := 0
	for p := 0; p < 200; p++ {
		dir := filepath.Join(root, fmt.Sprintf("p%03d", p))
		if err := os.MkdirAll(filepath.Join(dir, "src"), 0o755); err != nil {
			b.Fatal(err)
		}
		manifest := fmt.Sprintf("manifest_version = 3\nname = \"p%d\"\nlanguage = \"rust\"\n\n[setup.kv_stores.sessions]\n\n[setup.backends.api]\naddress = \"api.example.com\"\n", p)
		if err := os.WriteFile(filepath.Join(dir, ManifestName), []byte(manifest), 0o644); err != nil {
			b.Fatal(err)
		}
		manifests = append(manifests, filepath.Join(dir, ManifestName))
		for f := 0; f < 50; f++ {
			src := fmt.Sprintf(`// module %d
use fastly::{KVStore, Request};
const STORE: &str = "sessions";
/* a comment with KVStore::open("decoy") */
pub fn handle_%d(req: Request) -> Result<(), fastly::Error> {
    let store = KVStore::open(STORE)?;
    let raw = r#"req.send("decoy")"#;
    let name = format!("user-{}", %d);
    let resp = req.send("api")?;
    Ok(())
}
`, f, f, f)
			total += len(src)
			if err := os.WriteFile(filepath.Join(dir, "src", fmt.Sprintf("m%02d.rs", f)), []byte(src), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		g := graph.NewGraph()
		Load(g, manifests, nil)
		if len(g.Services) != 200 || len(g.Services[0].Project().Refs) != 100 {
			b.Fatalf("%d services, %d refs", len(g.Services), len(g.Services[0].Project().Refs))
		}
	}
}

func TestTokenizeDecoys(t *testing.T) {
	for _, tt := range []struct {
		l    lang
		src  string
		refs int
	}{
		{langRust, `// KVStore::open("a")` + "\n" + `/* /* nested */ KVStore::open("b") */ let s = "KVStore::open(\"c\")"; let r = r##"KVStore::open("d")"##;`, 0},
		{langRust, `fn f<'a>(x: &'a str) { KVStore::open("real"); let c = '"'; }`, 1},
		{langJS, "const t = `new KVStore(\"x\") ${y}`; // new KVStore(\"z\")\nconst s = 'new KVStore(\"q\")';", 0},
		{langJS, "fetch(req, { backend: 'api', headers: { backend: 'not-this' } })", 1},
		{langGo, "var s = `kvstore.Open(\"x\")` // kvstore.Open(\"y\")\nkv, _ := kvstore.Open(\"real\")", 1},
	} {
		refs, _ := findRefs(tokenize([]byte(tt.src), tt.l), tt.l)
		if len(refs) != tt.refs {
			t.Errorf("%q: %d refs %+v, want %d", tt.src, len(refs), refs, tt.refs)
		}
	}
}

func FuzzParseTOML(f *testing.F) {
	f.Add([]byte("manifest_version = 3\nname = \"x\"\n[setup.kv_stores.a]\n[local_server.kv_stores]\nb = [{key = \"k\", data = \"v\"}]\n"))
	f.Add([]byte("[[a.b]]\nc = 1\n[[a.b]]\nd = { e = [1, 2] }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		root, err := parseTOML(src)
		var check func(n *tree.Node)
		check = func(n *tree.Node) {
			if n.Off < 0 || n.End > len(src) {
				t.Fatalf("node at %d..%d outside 0..%d", n.Off, n.End, len(src))
			}
			for _, fl := range n.Fields {
				check(fl.Value)
			}
			for _, it := range n.Items {
				check(it)
			}
		}
		if err == nil {
			check(root)
		}
	})
}

func FuzzScanSource(f *testing.F) {
	f.Add([]byte(`const S: &str = "x"; KVStore::open(S); req.send("b"); let r = r#"a"#;`), uint8(langRust))
	f.Add([]byte("const S = 'x'; new KVStore(S); fetch(r, {backend: `b`});"), uint8(langJS))
	f.Add([]byte("const (\n a = \"x\"\n)\nkvstore.Open(a)\nr.Send(ctx, \"b\")"), uint8(langGo))
	f.Fuzz(func(t *testing.T, src []byte, l uint8) {
		lg := lang(l%3 + 1)
		toks := tokenize(src, lg)
		for _, tk := range toks {
			if tk.off < 0 || tk.end > len(src) || tk.off > tk.end {
				t.Fatalf("token %+v outside 0..%d", tk, len(src))
			}
		}
		findRefs(toks, lg)
		constants(toks, lg)
	})
}

// TestPassForms pins which sends a pass cache override covers, per SDK.
func TestPassForms(t *testing.T) {
	for _, tt := range []struct {
		l    lang
		src  string
		want []bool // per backend ref, in order
	}{
		{langRust, `fn main() { let mut req = r; req.set_pass(true); req.send("vcl")?; }`, []bool{true}},
		{langRust, `fn main() { r.with_pass(true).send("vcl")?; }`, []bool{true}},
		{langRust, `fn main() { r.set_cache_override(CacheOverride::Pass); r.send("vcl")?; }`, []bool{true}},
		{langRust, `fn main() { r.with_cache_override(CacheOverride::pass()).send("vcl")?; }`, []bool{true}},
		{langRust, `fn main() { r.set_pass(false); r.send("vcl")?; }`, []bool{false}},
		{langRust, `fn main() { r.send("vcl")?; r.set_pass(true); }`, []bool{false}},               // after the send
		{langRust, `fn a() { r.set_pass(true); } fn b() { r.send("vcl")?; }`, []bool{false}},       // another function
		{langRust, `fn main() { // r.set_pass(true);` + "\n" + `r.send("vcl")?; }`, []bool{false}}, // a comment
		{langRust, `fn main() { r.set_pass(true); r.send("a")?; } fn b() { r.send("b")?; }`, []bool{true, false}},
		{langJS, `async function h(req) { return fetch(req, { backend: "vcl", cacheOverride: new CacheOverride("pass") }); }`, []bool{true}},
		{langJS, `async function h(req) { return fetch(req, { backend: "vcl", cacheOverride: new CacheOverride("override", { ttl: 60 }) }); }`, []bool{false}},
		{langJS, `function h(req) { req.setCacheOverride(new CacheOverride('pass')); return fetch(req, { backend: "vcl" }) }`, []bool{true}},
		{langJS, `function h(req) { return fetch(req, { backend: "vcl" }); }` + "\n" + `const p = new CacheOverride("pass");`, []bool{false}},
		{langGo, `func h(ctx context.Context, r *fsthttp.Request) { r.CacheOptions.Pass = true; resp, err := r.Send(ctx, "vcl") }`, []bool{true}},
		{langGo, `func h(ctx context.Context, r *fsthttp.Request) { resp, err := r.Send(ctx, "vcl") }`, []bool{false}},
	} {
		refs, _ := findRefs(tokenize([]byte(tt.src), tt.l), tt.l)
		var got []bool
		for _, r := range refs {
			if r.kind == "backend" {
				got = append(got, r.pass)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: passes %v, want %v", tt.src, got, tt.want)
		}
	}
}
