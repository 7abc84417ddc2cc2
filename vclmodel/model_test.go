package vclmodel

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
)

// service builds a VCL service whose one custom VCL file is src, stored
// verbatim in a file of its own so positions can be checked.
func service(t *testing.T, src string, snippets map[string]string) (*graph.Graph, *graph.Service, *graph.File) {
	t.Helper()
	g := graph.NewGraph()
	f := g.Files.Add("main.vcl", []byte(src))
	s := &graph.Service{Name: graph.Field[string]{Value: "www", Set: true}, Platform: graph.PlatformVCL}
	s.VCLs = []*graph.VCLSource{{Content: graph.Text{Field: graph.Field[string]{Value: src, Set: true}.At(f.Pos(0), f.Pos(len(src)))}}}
	for typ, content := range snippets {
		s.Snippets = append(s.Snippets, &graph.Snippet{Type: graph.Field[string]{Value: typ, Set: true},
			Content: graph.Text{Field: graph.Field[string]{Value: content, Set: true}}})
	}
	Apply(g, s)
	return g, s, f
}

func textAt(f *graph.File, sp graph.Span) string {
	return string(f.Content[f.TF.Offset(sp.Pos):f.TF.Offset(sp.End)])
}

func TestHostSets(t *testing.T) {
	src := `sub chain_host {
  set bereq.http.host = "b.example.com";
}
sub vcl_miss {
#FASTLY miss
  if (req.backend.is_shield) {
    set bereq.http.host = "shielded.example.com";
  } else if (req.http.X) {
    set bereq.http.Host = req.http.X;
  }
  call chain_host;
}
sub vcl_pass {
  call chain_host;
  call chain_host;
}
`
	_, s, f := service(t, src, nil)
	got := []string{}
	for _, hs := range s.VCL.HostSets {
		got = append(got, strings.Join([]string{hs.Sub, hs.Host, textAt(f, hs.Span), hs.Condition, flag(hs.ShieldOnly, "shield"), flag(hs.Dynamic, "dynamic")}, "|"))
	}
	want := []string{
		`vcl_miss|shielded.example.com|set bereq.http.host = "shielded.example.com";|req.backend.is_shield|shield|`,
		`vcl_miss||set bereq.http.Host = req.http.X;|!(req.backend.is_shield) && req.http.X||dynamic`,
		`vcl_miss|b.example.com|set bereq.http.host = "b.example.com";|||`,
		`vcl_pass|b.example.com|set bereq.http.host = "b.example.com";|||`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("host sets:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func flag(b bool, name string) string {
	if b {
		return name
	}
	return ""
}

func TestBackendsAndFacts(t *testing.T) {
	src := `backend F_next {
  .host = "next.example.com";
  .port = "443";
  .ssl = true;
  .always_use_host_header = true;
  .host_header = "next.example.com";
  .bypass_local_route_table = false;
}
sub vcl_recv {
  set req.backend = F_next;
  set req.http.Edge-Auth = "s3cret";
  if (req.http.Edge-Auth != "s3cret") { error 403; }
  set req.http.Sig = digest.hmac_sha256("literal-key", req.url);
}
sub vcl_hash {
  set req.hash += req.url;
  set req.hash += req.http.Cookie;
#FASTLY hash
}
`
	_, s, f := service(t, src, nil)
	if len(s.Backends) != 1 {
		t.Fatalf("backends: %d", len(s.Backends))
	}
	b := s.Backends[0]
	if b.VCL == nil || b.Name.Value != "F_next" || b.Address.Value != "next.example.com" || b.Port.Value != 443 ||
		!b.UseSSL.Value || !b.VCL.AlwaysUseHostHeader.Value || b.VCL.HostHeader.Value != "next.example.com" || b.VCL.BypassLocalRouteTable.Value {
		t.Errorf("backend: %+v", b)
	}
	if got := textAt(f, graph.Span{Pos: b.Address.Pos, End: b.Address.End()}); got != `"next.example.com"` {
		t.Errorf("address located at %q", got)
	}
	if h := EffectiveHost(b); h.Source != HostVCLBackend || h.Host != "next.example.com" {
		t.Errorf("effective host %+v", h)
	}
	v := s.VCL
	if len(v.BackendSelects) != 1 || v.BackendSelects[0].Backend != "F_next" {
		t.Errorf("selects %+v", v.BackendSelects)
	}
	if v.HashCustom() == nil {
		t.Error("custom vcl_hash not found")
	}
	if len(v.HeaderSets()) != 1 || v.HeaderSets()[0].Header != "edge-auth" || len(v.HeaderChecks()) != 1 ||
		v.HeaderChecks()[0].Fingerprint != v.HeaderSets()[0].Fingerprint {
		t.Errorf("header sets %+v checks %+v", v.HeaderSets(), v.HeaderChecks())
	}
	if fp := v.HeaderSets()[0].Fingerprint; fp == (graph.Fingerprint{}) || bytes.Contains(fp[:], []byte("s3cret")) {
		t.Error("the fingerprint reveals the literal")
	}
	if len(v.LiteralKeys()) != 1 || textAt(f, v.LiteralKeys()[0].Span) != `"literal-key"` {
		t.Errorf("literal keys %+v", v.LiteralKeys())
	}
}

func TestDefaultHashIsNotCustom(t *testing.T) {
	_, s, _ := service(t, "sub vcl_hash {\n  set req.hash += req.url;\n  set req.hash += req.http.host;\n#FASTLY hash\n  return(hash);\n}\n", nil)
	if s.VCL.HashCustom() != nil {
		t.Error("the default hash was taken for a custom one")
	}
}

func TestSnippetsAndSyntaxErrors(t *testing.T) {
	g, s, _ := service(t, "sub vcl_recv {\n  set req.http.A = ;\n}\n", map[string]string{
		"miss": `set bereq.http.host = "b.example.com";`,
		"init": `backend F_x { .host = "x.example.com"; }`,
	})
	if len(s.VCL.HostSets) != 1 || s.VCL.HostSets[0].Sub != "vcl_miss" {
		t.Errorf("snippet host set: %+v", s.VCL.HostSets)
	}
	if len(s.Backends) != 1 || s.Backends[0].Name.Value != "F_x" {
		t.Errorf("init snippet backend: %+v", s.Backends)
	}
	if len(g.Problems) != 1 || g.Problems[0].Rule != "vcl-syntax" {
		t.Fatalf("problems: %+v", g.Problems)
	}
	if p := g.Files.Position(g.Problems[0].Pos); p.Line != 2 || p.Column != 19 {
		t.Errorf("syntax error at %v, want main.vcl:2:19", p)
	}
}

func TestVCLName(t *testing.T) {
	for name, want := range map[string]string{"origin": "F_origin", "my-origin.v2": "F_my_origin_v2", "Host 1": "F_Host_1"} {
		b := &graph.Backend{Name: graph.Field[string]{Value: name, Set: true}}
		if got := b.VCLName(); got != want {
			t.Errorf("VCLName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestHeaderValuesKeptAsPrints: while services are read one by one (a
// loader's Prepare), a service's literal header sets and access checks
// are fingerprints only, one per distinct header and value, and a
// checked literal is a secret already; the ones ApplyAll keeps are read
// again from the VCL, at the places the first read found.
func TestHeaderValuesKeptAsPrints(t *testing.T) {
	src := `backend F_next { .host = "next.example.com"; .port = "443"; }
sub vcl_recv {
#FASTLY recv
  if (req.http.Edge-Auth != "k2") { error 403; }
}
sub vcl_miss {
#FASTLY miss
  set bereq.http.Edge-Auth = "k1";
  set bereq.http.Edge-Auth = "k1";
  set bereq.http.X-Flag = "on";
}
`
	g := graph.NewGraph()
	f := g.Files.Add("a.vcl", []byte(src))
	s := &graph.Service{Name: graph.Field[string]{Value: "a", Set: true}, Platform: graph.PlatformVCL}
	s.VCLs = []*graph.VCLSource{{Content: graph.Text{Field: graph.Field[string]{Value: src, Set: true}.At(f.Pos(0), f.Pos(len(src)))}}}
	Prepare(g, g, s)
	if h := s.VCL.Headers; h == nil || h.Sets != nil || len(h.SetPrints) != 2 || h.Checks != nil || len(h.CheckPrints) != 1 {
		t.Fatalf("after one service's read: header facts %+v; want no sets and 2 prints, no checks and 1 print", h)
	}
	if len(g.Secrets) != 1 || textAt(f, g.Secrets[0]) != "k2" {
		t.Errorf("secrets %v, want the checked literal k2", g.Secrets)
	}
	sets, checks := headerValues(g, s)
	if len(checks) != 1 || checks[0].Header != "edge-auth" || !checks[0].Refuses || textAt(f, checks[0].Span) != `"k2"` {
		t.Errorf("checks read again: %+v", checks)
	}
	var got []string
	for _, h := range sets {
		got = append(got, h.Header+"="+textAt(f, h.Span))
	}
	if want := []string{`edge-auth="k1"`, `edge-auth="k1"`, `x-flag="on"`}; !slices.Equal(got, want) {
		t.Errorf("read again: %q, want %q", got, want)
	}
	if len(s.Backends) != 1 || len(g.Problems) != 0 || len(g.Secrets) != 1 {
		t.Errorf("after the second read: %d backends (want 1), problems %v, %d secrets (want 1)", len(s.Backends), g.Problems, len(g.Secrets))
	}
}

// TestApplyAllKeepsOnlyHeaderPairs: a header value is kept as a fact when
// some service sets it and some service checks it (half of a shared
// secret, masked in every output), every checked literal stays a secret,
// Host is neither (a hostname is public: it routes the request), and a
// service's forwarded and guard headers are one per header, at its first
// place.
func TestApplyAllKeepsOnlyHeaderPairs(t *testing.T) {
	g := graph.NewGraph()
	add := func(name, src string) *graph.Service {
		f := g.Files.Add(name+".vcl", []byte(src))
		s := &graph.Service{Name: graph.Field[string]{Value: name, Set: true}, Platform: graph.PlatformVCL}
		s.VCLs = []*graph.VCLSource{{Content: graph.Text{Field: graph.Field[string]{Value: src, Set: true}.At(f.Pos(0), f.Pos(len(src)))}}}
		g.Services = append(g.Services, s)
		return s
	}
	a := add("a", `sub vcl_miss {
#FASTLY miss
  set bereq.http.Edge-Auth = "k1";
  set bereq.http.X-Other = "k1";
  set bereq.http.X-Flag = "on";
  set bereq.http.X-Flag = "off";
  set bereq.http.Host = "b.example.com";
}
`)
	b := add("b", `sub vcl_recv {
#FASTLY recv
  if (req.http.Edge-Auth != "k1") { error 403; }
  if (req.http.X-Route == "r1" && req.http.X-Route != "r2") { set req.http.X-Seen = "1"; }
  if (req.http.Host == "b.example.com") { set req.http.X-Seen = "2"; }
}
`)
	c := add("c", `sub vcl_miss {
#FASTLY miss
  set bereq.http.X-Alone = "v";
}
`)
	ApplyAll(g)
	if c.VCL.Headers != nil || a.VCL.Headers == nil || a.VCL.Headers.SetPrints != nil {
		t.Errorf("header facts: c %+v (sets what nobody checks: want none), a %+v (want its sets, no prints once all are read)", c.VCL.Headers, a.VCL.Headers)
	}
	header := func(hs []*graph.HeaderValue) (out []string) {
		for _, h := range hs {
			out = append(out, h.Header)
		}
		return out
	}
	if got := header(a.VCL.HeaderSets()); !slices.Equal(got, []string{"edge-auth"}) {
		t.Errorf("a's header sets %v, want [edge-auth]: only what b checks (x-other has the value, not the header)", got)
	}
	if got := header(b.VCL.HeaderChecks()); !slices.Equal(got, []string{"edge-auth"}) {
		t.Errorf("b's header checks %v, want [edge-auth]: only what a sets", got)
	}
	if got := header(b.VCL.HeaderSets()); len(got) != 0 {
		t.Errorf("b's header sets %v: nobody checks them", got)
	}
	names := func(hs []graph.HeaderName) (out []string) {
		for _, h := range hs {
			out = append(out, h.Header)
		}
		return out
	}
	if got := names(a.VCL.ForwardedHeaders); !slices.Equal(got, []string{"edge-auth", "x-other", "x-flag", "host"}) {
		t.Errorf("a forwards %v, want each header once", got)
	}
	if got := names(b.VCL.GuardHeaders); !slices.Equal(got, []string{"edge-auth", "x-route", "host"}) {
		t.Errorf("b's guards %v, want each header once", got)
	}
	if p := g.Files.Position(b.VCL.GuardHeaders[1].Pos); p.Line != 4 || p.Column != 7 {
		t.Errorf("x-route's guard at %d:%d, want its first read, 4:7", p.Line, p.Column)
	}
	// Secrets: the three literals b checks (Host excepted) and the one a
	// sets that b checks.
	if len(g.Secrets) != 4 {
		t.Errorf("%d secrets, want 4: %+v", len(g.Secrets), g.Secrets)
	}
}

// TestHeaderCheckRefuses: a header compared with a literal in vcl_recv is
// an access check when the side the condition takes on a mismatch ends
// the request with an error (at any depth, or in a subroutine it calls).
func TestHeaderCheckRefuses(t *testing.T) {
	for _, c := range []struct {
		name, recv string
		refuses    bool
	}{
		{"!= then error", `if (req.http.K != "v") { error 403; }`, true},
		{"== else error", `if (req.http.K == "v") { set req.http.ok = "1"; } else { error 403; }`, true},
		{"== else-if chain errors", `if (req.http.K == "v") { set req.http.ok = "1"; } else if (req.url ~ "^/public") { set req.http.p = "1"; } else { error 403; }`, true},
		{"literal first", `if ("v" != req.http.K) { error 403; }`, true},
		{"negated ==", `if (!(req.http.K == "v")) { error 403; }`, true},
		{"negated !=, else error", `if (!(req.http.K != "v")) { set req.http.ok = "1"; } else { error 403; }`, true},
		{"|| with another check", `if (req.http.K != "v" || req.http.J != "w") { error 401; }`, true},
		{"&& on some paths", `if (req.http.K != "v" && req.url ~ "^/admin") { error 403; }`, true},
		{"nested error", `if (req.http.K != "v") { if (req.method != "GET") { error 405; } }`, true},
		{"through a call", `if (req.http.K != "v") { call deny; }`, true},
		{"== then error: the match is refused", `if (req.http.K == "v") { error 403; }`, false},
		{"== only tunes", `if (req.http.K == "v") { set req.http.tier = "long"; }`, false},
		{"!= only tunes", `if (req.http.K != "v") { set req.http.tier = "short"; }`, false},
		{"inside a call", `if (std.tolower(req.http.K) == "v") { set req.http.x = "1"; } else { error 403; }`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "sub deny {\n  error 403;\n}\nsub vcl_recv {\n#FASTLY recv\n  " + c.recv + "\n}\n"
			g, s, f := service(t, src, nil)
			var checks []*graph.HeaderValue
			for _, h := range s.VCL.HeaderChecks() {
				if h.Header == "k" {
					checks = append(checks, h)
				}
			}
			if c.name == "inside a call" {
				if len(checks) != 0 {
					t.Fatalf("a comparison inside a call is a check: %+v", checks)
				}
				return
			}
			// A check that refuses is kept (Refuses set); one that does not
			// is dropped, its literal still masked as a secret.
			want := 0
			if c.refuses {
				want = 1
			}
			if len(checks) != want {
				t.Fatalf("%d checks of k, want %d", len(checks), want)
			}
			if want == 1 && !checks[0].Refuses {
				t.Error("Refuses not set")
			}
			if want == 0 { // (a kept check's literal is masked once every service is read: findSecrets)
				masked := false
				for _, sp := range g.Secrets {
					masked = masked || textAt(f, sp) == "v"
				}
				if !masked {
					t.Error("the compared literal is not masked as a secret")
				}
			}
		})
	}
}

// TestPrintsDistinct: a service's fingerprints are kept once each, however
// often a header is set to the same value.
func TestPrintsDistinct(t *testing.T) {
	var values []graph.Fingerprint
	for i := range 3000 {
		values = append(values, headerFingerprint("x-route", []string{"a", "b", "c"}[i%3]))
	}
	got := distinct(values)
	if len(got) != 3 || cap(got) != 3 || got[0] == got[1] || got[1] == got[2] || got[0] == got[2] {
		t.Errorf("%d prints %v, want the 3 distinct ones", len(got), got)
	}
	if distinct(nil) != nil {
		t.Error("no values: want no prints")
	}
}
