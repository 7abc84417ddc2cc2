package vcl

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func TestLexer(t *testing.T) {
	tests := []struct {
		src  string
		want string // kind:text pairs
	}{
		{`set req.http.X-Foo = "a";`, `identifier:set identifier:req.http.X-Foo operator:= string:"a" ';':;`},
		{`{"long "" string"}`, `string:{"long "" string"}`},
		{`{xyz"has "} inside"xyz}`, `string:{xyz"has "} inside"xyz}`},
		{`10s 1.5m 100ms 3d 1y 50% 0x1F 2e3`, `duration:10s duration:1.5m duration:100ms duration:3d duration:1y number:50% number:0x1F number:2e3`},
		{"# c\n// c\n/* c\n c */ x", `identifier:x`},
		{"#FASTLY recv\nset", `#FASTLY macro:#FASTLY recv identifier:set`},
		{`a == b != c ~ d !~ e && f || !g <= >= += -= *= /= %= |= &= ^= <<= >>= rol= ror= &&= ||=`,
			`identifier:a operator:== identifier:b operator:!= identifier:c operator:~ identifier:d operator:!~ identifier:e operator:&& identifier:f operator:|| operator:! identifier:g operator:<= operator:>= operator:+= operator:-= operator:*= operator:/= operator:%= operator:|= operator:&= operator:^= operator:<<= operator:>>= operator:rol= operator:ror= operator:&&= operator:||=`},
		{`beresp.http.Cache-Control:max-age .host F_x`, `identifier:beresp.http.Cache-Control:max-age identifier:.host identifier:F_x`},
		{"\xEF\xBB\xBFsub", `identifier:sub`},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize([]byte(tt.src)) {
			if tok.Kind == EOF {
				break
			}
			got = append(got, tok.Kind.String()+":"+tok.Text)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.src, g, tt.want)
		}
	}
}

func TestLexerErrors(t *testing.T) {
	tests := []struct {
		src, msg string
		off      int
	}{
		{"set x = \"abc\n", "cannot span lines", 8},
		{`x = {"abc`, `no closing "}`, 4},
		{`x = 10xs`, "malformed number", 4},
		{"x = `", "unexpected character '`'", 4},
		{"x = \xff", "unexpected byte 0xff", 4},
	}
	for _, tt := range tests {
		var found bool
		for _, tok := range Tokenize([]byte(tt.src)) {
			if tok.Err != "" {
				found = true
				if !strings.Contains(tok.Err, tt.msg) || tok.Off != tt.off {
					t.Errorf("%q: error %q at %d, want %q at %d", tt.src, tok.Err, tok.Off, tt.msg, tt.off)
				}
			}
		}
		if !found {
			t.Errorf("%q: no error", tt.src)
		}
	}
}

// TestParseConstructs parses every construct of the language; each source
// must parse without error into the expected top-level shape.
func TestParseConstructs(t *testing.T) {
	tests := []struct {
		name, src, shape string
	}{
		{"backend", `backend F_origin { .host = "origin.example.com"; .port = "443"; .ssl = true; .probe = { .request = "HEAD / HTTP/1.1" "Host: x"; .timeout = 2s; } }`, "backend"},
		{"director random", `director d random { .quorum = 50%; { .backend = F_a; .weight = 1; } { .backend = F_b; .weight = 2; } }`, "director"},
		{"director shield", `director ssl_shield_iad_va_us shield { .shield = "iad-va-us"; .is_ssl = true; }`, "director"},
		{"director fallback", `director f fallback { { .backend = F_a; } }`, "director"},
		{"director chash", `director c chash { .key = object; .seed = 1; .vnodes_per_node = 100; { .backend = F_a; .id = "a"; } }`, "director"},
		{"table", `table redirects { "/old": "/new", "/x": "/y", }`, "table"},
		{"typed table", `table ttl INTEGER { "a": 10, "b": -1 }`, "table"},
		{"backend table", `table routes BACKEND { "a": F_a }`, "table"},
		{"acl", `acl internal { "10.0.0.0"/8; !"10.1.0.0"/16; "::1"; }`, "acl"},
		{"include import", `include "snippet::x"; import boltsort;`, "include import"},
		{"penaltybox ratecounter", `penaltybox pb { } ratecounter rc { }`, "penaltybox ratecounter"},
		{"pragma", "pragma optional_param geoip_opt_in true;\nC!\nW!\n", "pragma pragma pragma"},
		{"macro", "#FASTLY init\nsub vcl_recv {\n#FASTLY recv\n}", "macro sub"},
		{"statements", `sub vcl_recv {
  set req.http.X = "a" req.http.Y "b";
  set req.http.N += 1;
  unset req.http.Cookie;
  remove req.http.Foo;
  add resp.http.Set-Cookie = "a=b";
  call other;
  call with_args("a", 1);
  declare local var.x STRING;
  declare local var.y INTEGER = 3;
  error 403 "Forbidden";
  error;
  restart;
  synthetic {"<html></html>"};
  synthetic.base64 "aGk=";
  esi;
  log "syslog " req.service_id " x :: " req.url;
  goto done;
  done:
  header.set(req, "a", "b");
  return(pass);
}`, "sub"},
		{"if chain", `sub vcl_recv {
  if (req.http.A) { set req.http.B = "1"; }
  else if (req.http.C ~ "x" && !(req.http.D != "y" || client.ip ~ internal)) { }
  elseif (req.restarts > 0) { }
  elsif (req.url.path == "/") { }
  else { }
}`, "sub"},
		{"typed sub", `sub concat(STRING var.a, STRING var.b) STRING { return var.a + var.b; }`, "sub"},
		{"bool sub", `sub compressible BOOL { return true; }`, "sub"},
		{"ternary if", `sub vcl_fetch { set beresp.http.X = "a" if(beresp.http.X, beresp.http.X, ""); }`, "sub"},
		{"functions", `sub vcl_recv { set req.http.H = digest.hmac_sha256(table.lookup(keys, "k"), req.url); set var.t = std.atoi("1") * 2 - 1; }`, "sub"},
		{"ip literal", `sub vcl_recv { if (client.ip ~ "10.0.0.0"/8) { } }`, "sub"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.src))
			for _, e := range f.Errors {
				t.Errorf("error at %d: %s", e.Pos, e.Msg)
			}
			var shape []string
			for _, d := range f.Decls {
				shape = append(shape, declName(d))
			}
			if got := strings.Join(shape, " "); got != tt.shape {
				t.Errorf("shape %q, want %q", got, tt.shape)
			}
		})
	}
}

func declName(d Decl) string {
	name := strings.ToLower(strings.TrimSuffix(fmt.Sprintf("%T", d), "Decl"))
	return strings.TrimPrefix(name, "*vcl.")
}

// TestParseErrors checks malformed input: each error is positioned and
// parsing resumes, so the statements after an error are still found.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		errAt     string // the error starts at the first occurrence of this text
		msg       string
		stmts     int // statements parsed in vcl_recv despite the error
	}{
		{"missing semicolon", "sub vcl_recv {\n  set req.http.A = \"1\"\n  set req.http.B = \"2\";\n}", "\n  set req.http.B", "missing ';'", 2},
		{"bad operator", "sub vcl_recv {\n  set req.http.A == \"1\";\n  set req.http.B = \"2\";\n}", "==", "assignment operator", 1},
		{"unknown statement", "sub vcl_recv {\n  frobnicate req.url;\n  set req.http.B = \"2\";\n}", "frobnicate", "unknown statement", 1},
		{"missing expression", "sub vcl_recv {\n  set req.http.A = ;\n  set req.http.B = \"2\";\n}", " ;", "missing expression", 1},
		{"unclosed paren", "sub vcl_recv {\n  if (req.http.A { }\n  set req.http.B = \"2\";\n}", "{ }", "expected ')'", 1},
		{"else without if", "sub vcl_recv {\n  else { }\n  set req.http.B = \"2\";\n}", "else", "without a matching if", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Parse([]byte(tt.src))
			if len(f.Errors) == 0 {
				t.Fatal("no error")
			}
			e := f.Errors[0]
			if want := strings.Index(tt.src, tt.errAt); e.Pos != want || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("error %q at %d, want %q at %d", e.Msg, e.Pos, tt.msg, want)
			}
			var sub *SubDecl
			for _, d := range f.Decls {
				if s, ok := d.(*SubDecl); ok {
					sub = s
				}
			}
			if sub == nil {
				t.Fatal("the subroutine was lost")
			}
			if len(sub.Body.Stmts) != tt.stmts {
				t.Errorf("%d statements survived, want %d", len(sub.Body.Stmts), tt.stmts)
			}
		})
	}
}

func TestParseDeclErrors(t *testing.T) {
	f := Parse([]byte("backend F_a { .host = \"a\" }\nfoo bar;\nsub vcl_recv { }\n"))
	if len(f.Errors) != 2 {
		t.Fatalf("errors: %v", f.Errors)
	}
	if len(f.Decls) != 2 {
		t.Errorf("decls: %d, want the backend and the sub", len(f.Decls))
	}
}

func TestDeepNesting(t *testing.T) {
	for _, src := range []string{
		"sub vcl_recv {" + strings.Repeat("if (a) {", 100000) + strings.Repeat("}", 100000) + "}",
		"sub vcl_recv { set x = " + strings.Repeat("(", 100000) + "a" + strings.Repeat(")", 100000) + "; }",
		"sub vcl_recv { set x = " + strings.Repeat("!", 100000) + "a; }",
	} {
		f := Parse([]byte(src))
		if len(f.Errors) == 0 || !strings.Contains(f.Errors[0].Msg, "nesting deeper") {
			t.Errorf("errors %v, want a nesting error", f.Errors)
		}
	}
}

func TestParseSnippet(t *testing.T) {
	if f := ParseSnippet([]byte(`set req.http.X = "1"; if (req.http.Y) { return(pass); }`), "recv"); len(f.Errors) > 0 || len(f.Stmts) != 2 {
		t.Errorf("recv snippet: %d stmts, errors %v", len(f.Stmts), f.Errors)
	}
	if f := ParseSnippet([]byte(`table t { "a": "b" } backend F_x { .host = "x"; }`), "init"); len(f.Errors) > 0 || len(f.Decls) != 2 {
		t.Errorf("init snippet: %d decls, errors %v", len(f.Decls), f.Errors)
	}
	if f := ParseSnippet([]byte("#FASTLY recv\nsub x { }"), "none"); len(f.Errors) > 0 || len(f.Decls) != 2 {
		t.Errorf("none snippet with declarations: %d decls, errors %v", len(f.Decls), f.Errors)
	}
}

// Corpus files that are not valid Fastly VCL, with the reason and the
// position of the first error, checked by hand.
var invalidCorpus = map[string]struct {
	line   int
	reason string
}{
	"falco/examples/linter/default02.vcl":                             {24, "falco's linter example of a missing semicolon (`.interval = 10s # mission semicolon`)"},
	"falco/examples/testing/group/group.test.vcl":                     {1, "falco's test-suite `describe` blocks are not VCL"},
	"falco/examples/testing/mock_subroutine/mock_subroutine.test.vcl": {9, "falco's test-suite `describe` blocks are not VCL"},
	"falco/examples/testing/notset/default.test.vcl":                  {5, "falco's test-suite `describe` blocks are not VCL"},
	"fastly-magento2/etc/vcl_snippets/pass.vcl":                       {10, "Magento template placeholder `####ADMIN_PATH_TIMEOUT####` (a comment to VCL), filled in by the module before upload"},
	"fastly-magento2/etc/vcl_snippets_blocking/recv.vcl":              {4, "Magento template placeholder `####BLOCKED_ITEMS####`"},
	"fastly-magento2/etc/vcl_snippets_rate_limiting/recv.vcl":         {2, "Magento template placeholder `####RATE_LIMITED_PATHS####`"},
	"fastly-magento2/etc/vcl_snippets_waf/recv.vcl":                   {3, "Magento template placeholder `####WAF_ALLOWLIST####`"},
}

const corpusDir = "../testdata/realworld/vcl"

// snippetType guesses a corpus file's snippet type from its name
// (Magento's snippets are named after their subroutine: recv.vcl).
func snippetType(path string) string {
	if !strings.Contains(filepath.ToSlash(path), "magento2") {
		return ""
	}
	name := strings.TrimSuffix(filepath.Base(path), ".vcl")
	if i := strings.LastIndex(name, "_"); i >= 0 {
		name = name[i+1:]
	}
	return name
}

func corpusFiles(t testing.TB) []string {
	var files []string
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".vcl") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 100 {
		t.Fatalf("only %d corpus files under %s", len(files), corpusDir)
	}
	return files
}

// TestCorpus parses every real-world VCL file: no errors except in the
// files listed in invalidCorpus, where the first error is where it was
// checked to be.
func TestCorpus(t *testing.T) {
	for _, path := range corpusFiles(t) {
		rel, _ := filepath.Rel(corpusDir, path)
		rel = filepath.ToSlash(rel)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := ParseSnippet(src, snippetType(path))
		checkArena(t, string(src), snippetType(path))
		want, invalid := invalidCorpus[rel]
		switch {
		case !invalid && len(f.Errors) > 0:
			e := f.Errors[0]
			t.Errorf("%s:%d: %s", rel, 1+strings.Count(string(src[:e.Pos]), "\n"), e.Msg)
		case invalid && len(f.Errors) == 0:
			t.Errorf("%s parses, but is listed as invalid (%s)", rel, want.reason)
		case invalid:
			if line := 1 + strings.Count(string(src[:f.Errors[0].Pos]), "\n"); line != want.line {
				t.Errorf("%s: first error on line %d, checked by hand at line %d (%s)", rel, line, want.line, want.reason)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, path := range corpusFiles(f) {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, snippetType(path))
	}
	f.Fuzz(func(t *testing.T, src []byte, typ string) {
		checkArena(t, string(src), typ)
		file := ParseSnippet(src, typ)
		for _, e := range file.Errors {
			if e.Pos < 0 || e.Pos > len(src) {
				t.Fatalf("error %q at %d, outside 0..%d", e.Msg, e.Pos, len(src))
			}
		}
	})
}

// TestRecoveryAtDeclarations: a bad line before the first declaration does
// not turn every later subroutine into errors, and no position gets two
// errors (a lexical error the parser then fails on).
func TestRecoveryAtDeclarations(t *testing.T) {
	src := "%{ if x }\nsub vcl_recv {\n  set req.http.A = \"1\";\n  $oops;\n}\n%{ endif }\nsub vcl_miss {\n  return(fetch);\n}\n"
	f := ParseSnippet([]byte(src), "")
	subs := 0
	for _, d := range f.Decls {
		if _, ok := d.(*SubDecl); ok {
			subs++
		}
	}
	if subs != 2 {
		t.Errorf("%d subroutines parsed, want 2 (errors: %v)", subs, f.Errors)
	}
	seen := map[int]bool{}
	for _, e := range f.Errors {
		if seen[e.Pos] {
			t.Errorf("two errors at offset %d", e.Pos)
		}
		seen[e.Pos] = true
	}
	if len(f.Errors) != 3 {
		for _, e := range f.Errors {
			t.Logf("%d: %s", e.Pos, e.Msg)
		}
		t.Errorf("%d errors, want 3 (the two template lines and $oops)", len(f.Errors))
	}
}

// TestPooledTokensDoNotLeak: parses share token buffers; a tree must not
// change when later parses reuse the buffer its tokens were in.
func TestPooledTokensDoNotLeak(t *testing.T) {
	first := ParseSnippetString(`set req.http.A = "one"; set req.http.B = "two";`, "recv")
	want := fmt.Sprintf("%#v %#v", first.Stmts[0].(*SetStmt).Target, first.Stmts[1].(*SetStmt).Value)
	for i := range 50 {
		ParseString(fmt.Sprintf("sub vcl_recv { set req.http.X%d = \"%d\"; if (req.url ~ \"^/%d\") { return(pass); } }", i, i, i))
	}
	if got := fmt.Sprintf("%#v %#v", first.Stmts[0].(*SetStmt).Target, first.Stmts[1].(*SetStmt).Value); got != want {
		t.Errorf("tree changed after later parses:\n got %s\nwant %s", got, want)
	}
}

// The package's tests poison what an arena takes back (Arena.Reset).
func init() { PoisonRecycled = true }

// usedArena is an arena parses reuse, as the VCL model's scratches do.
var usedArena struct {
	sync.Mutex
	a Arena
}

// checkArena parses src as a snippet of typ and as a file, on the heap
// and into an arena used before (and poisoned when reset), and fails when
// the trees differ.
func checkArena(t testing.TB, src, typ string) {
	t.Helper()
	usedArena.Lock()
	defer usedArena.Unlock()
	for _, whole := range []bool{false, true} {
		want, got := ParseSnippetString(src, typ), (*File)(nil)
		usedArena.a.Reset()
		got = ParseSnippetStringIn(&usedArena.a, src, typ)
		if whole {
			want = ParseString(src)
			usedArena.a.Reset()
			got = ParseStringIn(&usedArena.a, src)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("a parse into a used arena differs from the heap's (whole file %v):\n%#v\n%#v", whole, want, got)
		}
	}
	usedArena.a.Reset()
}

// TestArenaParseAllocates: a parse into a used arena makes its common
// nodes and lists there, allocating a fraction of a heap parse.
func TestArenaParseAllocates(t *testing.T) {
	src := strings.Repeat("sub vcl_recv {\n  if (req.http.X-A == \"1\" && req.url ~ \"^/a\") {\n    set req.http.X-B = \"2\";\n    return(pass);\n  }\n}\n", 20)
	var a Arena
	ParseStringIn(&a, src)
	heap := testing.AllocsPerRun(20, func() { ParseString(src) })
	arena := testing.AllocsPerRun(20, func() { a.Reset(); ParseStringIn(&a, src) })
	if arena > heap/4 {
		t.Errorf("a parse into a used arena allocated %v times, a heap parse %v: want a quarter at most", arena, heap)
	}
}
