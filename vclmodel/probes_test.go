package vclmodel_test

// Probes of the request-flow model against what Fastly does, each from
// Fastly's documentation or its generated VCL (docs/vcl-model.md cites
// them): loaded through the real loaders and the whole lint pipeline, as
// a user's files are.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/lint"
)

// svc builds an export service: a VCL service with one domain and the
// given version fields.
func svc(name string, version map[string]any) map[string]any {
	v := map[string]any{"number": 1, "domains": []any{map[string]any{"name": name + ".example.com"}}}
	for k, x := range version {
		v[k] = x
	}
	if _, ok := v["backends"]; !ok {
		v["backends"] = []any{map[string]any{"name": "origin", "address": name + "-origin.example.net", "port": 443}}
	}
	return map[string]any{"id": "svc-" + name, "name": name, "type": "vcl", "active_version": v}
}

func snippet(name, typ, content string) map[string]any {
	return map[string]any{"name": name, "type": typ, "content": content}
}

func mainVCL(content string) []any {
	return []any{map[string]any{"name": "main", "main": true, "content": content}}
}

// run lints files (name → content; a map value is written as JSON).
func run(t *testing.T, files map[string]any) *lint.Result {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		var b []byte
		switch c := content.(type) {
		case string:
			b = []byte(c)
		default:
			var err error
			if b, err = json.MarshalIndent(c, "", "  "); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run(lint.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Graph.Problems {
		if p.Rule == "vcl-syntax" || p.Rule == "parse-error" {
			t.Fatalf("%s: %s", p.Rule, p.Message)
		}
	}
	return res
}

func service(t *testing.T, res *lint.Result, name string) *graph.Service {
	t.Helper()
	for _, s := range res.Graph.Services {
		if s.Name.Value == name {
			return s
		}
	}
	t.Fatalf("no service %q", name)
	return nil
}

// exits renders a service's exits, one per line:
// sub|backend|host kind:value|conditions.
func exits(t *testing.T, s *graph.Service) string {
	t.Helper()
	if s.VCL == nil || s.VCL.Exits == nil {
		t.Fatalf("service %s: the model did not run", s.Label())
	}
	kinds := map[graph.ExitHostKind]string{graph.ExitHostClient: "client", graph.ExitHostLiteral: "literal",
		graph.ExitHostDynamic: "dynamic", graph.ExitHostUnset: "unset"}
	var lines []string
	for _, e := range s.VCL.Exits {
		lines = append(lines, fmt.Sprintf("%s|%s|%s:%s|%s", e.Sub, e.Backend, kinds[e.Host.Kind], e.Host.Value, strings.Join(e.Conditions, " && ")))
	}
	return strings.Join(lines, "\n")
}

// hosts is the set of Hosts a service's exits send, sorted.
func hosts(t *testing.T, s *graph.Service) []string {
	var out []string
	for _, line := range strings.Split(exits(t, s), "\n") {
		h := strings.Split(line, "|")[2]
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

func rulesFired(res *lint.Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Rule)
	}
	return out
}

// TestGeneratedRunsAfterSnippets: Fastly renders the recv snippets first,
// then "# default conditions" and the request conditions (generated VCL
// of public services: testdata/realworld), so a header object or a
// request setting's default_host writes the Host after a snippet.
func TestGeneratedRunsAfterSnippets(t *testing.T) {
	snip := snippet("host", "recv", `set req.http.host = "a.example.com";`)
	t.Run("header object", func(t *testing.T) {
		res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{
			"snippets": []any{snip},
			"headers":  []any{map[string]any{"name": "host", "type": "request", "action": "set", "dst": "http.Host", "src": `"b.example.com"`}},
		})}}})
		if got := hosts(t, service(t, res, "www")); !slices.Equal(got, []string{"literal:b.example.com"}) {
			t.Errorf("hosts %v, want the header object's b.example.com alone", got)
		}
	})
	t.Run("default_host", func(t *testing.T) {
		res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{
			"snippets":         []any{snip},
			"request_settings": []any{map[string]any{"name": "rs", "default_host": "b.example.com"}},
		})}}})
		if got := hosts(t, service(t, res, "www")); !slices.Equal(got, []string{"literal:b.example.com"}) {
			t.Errorf("hosts %v, want the request setting's b.example.com alone", got)
		}
	})
}

// TestDefaultBackendOverwritesSnippet: "# default conditions" sets
// req.backend to the backend without a condition after the recv
// snippets, so a snippet's own choice is lost (Fastly support's
// workaround is a never-true condition on the default backend).
func TestDefaultBackendOverwritesSnippet(t *testing.T) {
	backends := []any{
		map[string]any{"name": "origin", "address": "origin.example.net", "port": 443},
		map[string]any{"name": "api", "address": "api.example.net", "port": 443, "request_condition": "never"},
	}
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{
		"backends":   backends,
		"conditions": []any{map[string]any{"name": "never", "statement": "!req.url", "type": "REQUEST"}},
		"snippets":   []any{snippet("api", "recv", `if (req.url ~ "^/api/") { set req.backend = F_api; }`)},
	})}}})
	got := exits(t, service(t, res, "www"))
	if !strings.Contains(got, `|F_origin|client:|req.url ~ "^/api/"`) {
		t.Errorf("no path where the default backend overwrote the snippet's F_api:\n%s", got)
	}
	if strings.Contains(got, "|F_api|") { // !req.url never holds: every request has a URL
		t.Errorf("a path reaches F_api, whose condition never holds:\n%s", got)
	}
}

// TestPassFromMissAndHit: vcl_pass "is executed when pass is returned by
// the vcl_recv, vcl_miss, or vcl_hit subroutines" (Fastly's reference), so
// its Host assignment applies to those requests too.
func TestPassFromMissAndHit(t *testing.T) {
	for _, sub := range []string{"vcl_miss", "vcl_hit"} {
		t.Run(sub, func(t *testing.T) {
			vcl := `sub vcl_recv {
#FASTLY recv
  return(lookup);
}
sub ` + sub + ` {
#FASTLY ` + strings.TrimPrefix(sub, "vcl_") + `
  if (req.url ~ "^/private/") { return(pass); }
}
sub vcl_pass {
#FASTLY pass
  set bereq.http.host = "p.example.com";
}
`
			res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"vcls": mainVCL(vcl)})}}})
			got := exits(t, service(t, res, "www"))
			if !strings.Contains(got, `vcl_pass|F_origin|literal:p.example.com|req.url ~ "^/private/"`) {
				t.Errorf("no pass exit with vcl_pass's Host:\n%s", got)
			}
			if sub == "vcl_miss" && !strings.Contains(got, `vcl_miss|F_origin|client:|!(req.url ~ "^/private/")`) {
				t.Errorf("no miss exit for the other requests:\n%s", got)
			}
		})
	}
}

// TestRestartKeepsHost: restart goes back to vcl_recv with req preserved
// ("The state of the client request (req) is preserved") and
// req.restarts one more.
func TestRestartKeepsHost(t *testing.T) {
	vcl := `sub vcl_recv {
#FASTLY recv
  if (req.restarts == 0) { error 600; }
  return(pass);
}
sub vcl_error {
#FASTLY error
  if (obj.status == 600) {
    set req.http.host = "r.example.com";
    restart;
  }
}
`
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"vcls": mainVCL(vcl)})}}})
	if got := hosts(t, service(t, res, "www")); !slices.Equal(got, []string{"literal:r.example.com"}) {
		t.Errorf("hosts %v, want r.example.com alone (the first pass errors, the restart passes with the Host set in vcl_error)", got)
	}
}

// TestPriorityDefaultsByInterface: an object without a priority takes its
// interface's default: the API's condition default is 100, the Terraform
// provider's condition block default 10.
func TestPriorityDefaultsByInterface(t *testing.T) {
	conds := []any{
		map[string]any{"name": "A", "statement": `req.url ~ "^/"`, "type": "REQUEST"},
		map[string]any{"name": "B", "statement": `req.url ~ "^/"`, "type": "REQUEST", "priority": 20},
	}
	headers := []any{
		map[string]any{"name": "ha", "type": "request", "action": "set", "dst": "http.Host", "src": `"a.example.com"`, "request_condition": "A"},
		map[string]any{"name": "hb", "type": "request", "action": "set", "dst": "http.Host", "src": `"b.example.com"`, "request_condition": "B"},
	}
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"conditions": conds, "headers": headers})}}})
	// API: B (20) runs before A (100): A's Host is the last written.
	if got := hosts(t, service(t, res, "www")); !slices.Contains(got, "literal:a.example.com") || slices.Contains(got, "literal:b.example.com") {
		t.Errorf("API: hosts %v, want a.example.com (condition A's default 100 runs after B's 20)", got)
	}
	tf := `resource "fastly_service_vcl" "www" {
  name = "www"
  domain { name = "www.example.com" }
  backend {
    name    = "origin"
    address = "origin.example.net"
  }
  condition {
    name      = "A"
    statement = "req.url ~ \"^/\""
    type      = "REQUEST"
  }
  condition {
    name      = "B"
    statement = "req.url ~ \"^/\""
    type      = "REQUEST"
    priority  = 20
  }
  header {
    name              = "ha"
    type              = "request"
    action            = "set"
    destination       = "http.Host"
    source            = "\"a.example.com\""
    request_condition = "A"
  }
  header {
    name              = "hb"
    type              = "request"
    action            = "set"
    destination       = "http.Host"
    source            = "\"b.example.com\""
    request_condition = "B"
  }
}
`
	res = run(t, map[string]any{"main.tf": tf})
	// Terraform: A (10) runs before B (20): B's Host is the last written.
	if got := hosts(t, service(t, res, "www")); !slices.Contains(got, "literal:b.example.com") || slices.Contains(got, "literal:a.example.com") {
		t.Errorf("Terraform: hosts %v, want b.example.com (condition A's default 10 runs before B's 20)", got)
	}
}

// TestComplementaryConditions: req.url ~ X and req.url !~ X are one fact:
// no path takes both or neither, so every path sets a Host.
func TestComplementaryConditions(t *testing.T) {
	vcl := `sub vcl_recv {
#FASTLY recv
  return(pass);
}
sub vcl_pass {
#FASTLY pass
  if (req.url ~ "^/api/") { set bereq.http.host = "api.example.com"; }
  if (req.url !~ "^/api/") { set bereq.http.host = "app.example.com"; }
  if (req.http.X == "1") { set bereq.http.X-Seen = "1"; } else if (req.http.X != "1") { error 400; }
}
`
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"vcls": mainVCL(vcl)})}}})
	got := exits(t, service(t, res, "www"))
	// The else-if is the else's fact: it always errors, so only X == "1" fetches.
	want := `vcl_pass|F_origin|literal:api.example.com|req.url ~ "^/api/" && req.http.X == "1"` + "\n" +
		`vcl_pass|F_origin|literal:app.example.com|!(req.url ~ "^/api/") && req.http.X == "1"`
	if got != want {
		t.Errorf("exits:\n%s\nwant:\n%s", got, want)
	}
	if slices.Contains(rulesFired(res), "partial-host-override") {
		t.Error("partial-host-override on a path that cannot exist")
	}
}

// TestHostFromKnownValues: a Host copied from a header set to a literal
// is that literal; regsub over the client's Host is computed over the
// service's domains.
func TestHostFromKnownValues(t *testing.T) {
	copyVCL := snippet("copy", "recv", `set req.http.X-Target = "api.example.com";
set req.http.Host = req.http.X-Target;`)
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"snippets": []any{copyVCL}})}}})
	if got := hosts(t, service(t, res, "www")); !slices.Equal(got, []string{"literal:api.example.com"}) {
		t.Errorf("copied header: hosts %v, want api.example.com", got)
	}
	regsub := snippet("rewrite", "recv", `set req.http.Host = regsub(req.http.host, "^www\.", "api.");`)
	res = run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"snippets": []any{regsub}})}}})
	if got := hosts(t, service(t, res, "www")); !slices.Equal(got, []string{"literal:api.example.com"}) {
		t.Errorf("regsub: hosts %v, want api.example.com (www.example.com rewritten)", got)
	}
}

// TestPCRE: Fastly's regular expressions are PCRE; lookahead decides in
// lint (complementary conditions) and in trace (a concrete request).
func TestPCRE(t *testing.T) {
	vcl := `sub vcl_recv {
#FASTLY recv
  return(pass);
}
sub vcl_pass {
#FASTLY pass
  if (req.url ~ "^/(?!static/)") { set bereq.http.host = "app.example.com"; }
  if (req.url !~ "^/(?!static/)") { set bereq.http.host = "static.example.com"; }
}
`
	// www's backend reaches Fastly (app's domain): the Host decides the
	// service, app or static.
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{
		svc("www", map[string]any{"vcls": mainVCL(vcl), "backends": []any{map[string]any{"name": "edge", "address": "app.example.com", "port": 443}}}),
		svc("app", nil), svc("static", nil),
	}}})
	if got := hosts(t, service(t, res, "www")); !slices.Equal(got, []string{"literal:app.example.com", "literal:static.example.com"}) {
		t.Errorf("lint: hosts %v", got)
	}
	// A host alone: trace lists every path lint judged.
	all := trace(t, res, "www.example.com", nil)
	for _, h := range []string{"app.example.com", "static.example.com"} {
		if !strings.Contains(all, "Host "+h) {
			t.Errorf("trace of the host alone lacks the path to %s that lint judged:\n%s", h, all)
		}
	}
	for path, want := range map[string]string{"/static/x.png": "static.example.com", "/shop": "app.example.com"} {
		out := trace(t, res, "www.example.com"+path, &graph.Request{URL: path, Headers: map[string]string{"host": "www.example.com"}})
		if !strings.Contains(out, "Host "+want) || strings.Contains(out, "undecided") || strings.Contains(out, "cannot be decided") {
			t.Errorf("trace %s: want the leg to %s alone, decided:\n%s", path, want, out)
		}
		other := "app.example.com"
		if want == other {
			other = "static.example.com"
		}
		if strings.Contains(out, "Host "+other) {
			t.Errorf("trace %s lists the leg to %s:\n%s", path, other, out)
		}
	}
}

func trace(t *testing.T, res *lint.Result, target string, req *graph.Request) string {
	t.Helper()
	host, path, _ := strings.Cut(target, "/")
	if path != "" {
		path = "/" + path
	}
	tr, err := chainview.NewRequestTrace(res.Chains(), res.Profile, host, path, req)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tr.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTraceTenConditions: a request decides every condition it can, so
// with ten request conditions selecting ten backends a trace lists the
// one leg the request takes (the paths are past the model's merge bound
// in lint).
func TestTraceTenConditions(t *testing.T) {
	backends := []any{map[string]any{"name": "origin", "address": "origin.example.net", "port": 443}}
	var conds []any
	for i := range 10 {
		backends = append(backends, map[string]any{"name": fmt.Sprintf("b%d", i), "address": fmt.Sprintf("b%d.example.net", i), "port": 443,
			"override_host": fmt.Sprintf("b%d.example.net", i), "request_condition": fmt.Sprintf("c%d", i)})
		conds = append(conds, map[string]any{"name": fmt.Sprintf("c%d", i), "statement": fmt.Sprintf(`req.url ~ "^/p%d/"`, i), "type": "REQUEST"})
	}
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"backends": backends, "conditions": conds,
		"snippets": []any{snippet("h", "recv", `if (req.http.X-Debug) { set req.http.host = "debug.example.com"; }`)}})}}})
	out := trace(t, res, "www.example.com/p3/x", &graph.Request{URL: "/p3/x", Headers: map[string]string{"host": "www.example.com"}})
	var legs []string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, `backend "`) {
			legs = append(legs, strings.TrimSpace(line))
		}
	}
	if len(legs) != 1 || !strings.Contains(legs[0], `backend "b3"`) {
		t.Errorf("legs %q, want backend b3's alone:\n%s", legs, out)
	}
}

// TestIncludeSwitchGoto: include "NAME"; inside a subroutine runs the
// file's statements there; switch takes its first matching case (case ~
// is a regular expression, fallthrough runs on, default when none
// matches); goto skips to its label.
func TestIncludeSwitchGoto(t *testing.T) {
	main := `sub vcl_recv {
#FASTLY recv
  return(pass);
}
sub vcl_pass {
#FASTLY pass
  include "pass_rules";
  goto done;
  set bereq.http.host = "never.example.com";
  done:
}
`
	rules := `switch (req.url.path) {
case "/a":
  set bereq.http.host = "a.example.com";
  break;
case ~ "^/b":
  set bereq.http.host = "b.example.com";
  fallthrough;
default:
  set bereq.http.X-Default = "1";
}
`
	vcls := []any{map[string]any{"name": "main", "main": true, "content": main}, map[string]any{"name": "pass_rules", "content": rules}}
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"vcls": vcls})}}})
	got := exits(t, service(t, res, "www"))
	want := strings.Join([]string{
		`vcl_pass|F_origin|literal:a.example.com|req.url.path == "/a"`,
		`vcl_pass|F_origin|literal:b.example.com|!(req.url.path == "/a") && req.url.path ~ "^/b"`,
		`vcl_pass|F_origin|client:|!(req.url.path == "/a") && !(req.url.path ~ "^/b")`,
	}, "\n")
	if got != want {
		t.Errorf("exits:\n%s\nwant:\n%s", got, want)
	}
}

// TestIsShieldInRecvSnippet: req.backend.is_shield is meaningful only
// after Fastly's shield selection (its reference: snippets run before the
// default backend assignment), so in a recv snippet it is no shield
// switch.
func TestIsShieldInRecvSnippet(t *testing.T) {
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{
		"snippets": []any{snippet("s", "recv", `if (req.backend.is_shield) { set req.http.host = "x.example.com"; }`)},
	})}}})
	for _, e := range service(t, res, "www").VCL.Exits {
		if e.Shield != 0 {
			t.Errorf("an exit taken as a shield switch: %+v", e)
		}
	}
}

// TestTraceAgreesWithLint: for a host alone, trace lists a leg for every
// backend and Host the model's paths give lint, on an estate with
// conditions, a restart and a pass from miss.
func TestTraceAgreesWithLint(t *testing.T) {
	vcl := `sub vcl_recv {
#FASTLY recv
  if (req.restarts == 0 && req.url ~ "^/retry") { error 600; }
  if (req.url ~ "^/api/") { set req.backend = F_api; }
  return(lookup);
}
sub vcl_miss {
#FASTLY miss
  if (req.url ~ "^/api/") { set bereq.http.host = "api.example.com"; }
  if (req.url ~ "^/priv/") { return(pass); }
}
sub vcl_pass {
#FASTLY pass
  set bereq.http.host = "priv.example.com";
}
sub vcl_error {
#FASTLY error
  if (obj.status == 600) { set req.http.host = "retry.example.com"; restart; }
}
`
	backends := []any{
		map[string]any{"name": "edge", "address": "app.example.com", "port": 443},
		map[string]any{"name": "api", "address": "api.example.com", "port": 443, "request_condition": "never"},
	}
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{
		svc("www", map[string]any{"vcls": mainVCL(vcl), "backends": backends,
			"conditions": []any{map[string]any{"name": "never", "statement": "!req.url", "type": "REQUEST"}}}),
		svc("app", nil), svc("api", nil), svc("priv", nil), svc("retry", nil),
	}}})
	www := service(t, res, "www")
	out := trace(t, res, "www.example.com", nil)
	for _, e := range www.VCL.Exits {
		if e.Host.Kind != graph.ExitHostLiteral {
			continue
		}
		if !strings.Contains(out, "Host "+e.Host.Value) {
			t.Errorf("lint's path %s to Host %s is not in the trace:\n%s", e.Describe(), e.Host.Value, out)
		}
	}
	if got := hosts(t, www); !slices.Equal(got, []string{"client:", "literal:api.example.com", "literal:priv.example.com", "literal:retry.example.com"}) {
		t.Errorf("hosts %v", got)
	}
}

// TestUnknownIncludeNoted: an include the inputs cannot resolve is a note
// at the statement, not a silent assumption.
func TestUnknownIncludeNoted(t *testing.T) {
	vcl := "sub vcl_recv {\n#FASTLY recv\n  include \"not_here\";\n  return(pass);\n}\nsub vcl_pass {\n#FASTLY pass\n  set bereq.http.host = \"a.example.com\";\n}\n"
	res := run(t, map[string]any{"e.json": map[string]any{"services": []any{svc("www", map[string]any{"vcls": mainVCL(vcl)})}}})
	var notes []string
	for _, f := range res.Findings {
		if f.Rule == "unknown-value" {
			notes = append(notes, f.Message)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], `include "not_here" names no VCL file`) {
		t.Errorf("unknown-value notes %q, want one for the include", notes)
	}
}
