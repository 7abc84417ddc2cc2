package vclmodel

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
)

// exitsText renders a service's exits one per line:
// sub|backend|host kind:value|shield|conditions.
func exitsText(s *graph.Service) string {
	var lines []string
	kinds := map[graph.ExitHostKind]string{graph.ExitHostClient: "client", graph.ExitHostLiteral: "literal",
		graph.ExitHostDynamic: "dynamic", graph.ExitHostUnset: "unset"}
	for _, e := range s.VCL.Exits {
		lines = append(lines, fmt.Sprintf("%s|%s|%s:%s|%d|%s", e.Sub, e.Backend, kinds[e.Host.Kind], e.Host.Value, e.Shield, strings.Join(e.Conditions, " && ")))
	}
	return strings.Join(lines, "\n")
}

func TestFlowExits(t *testing.T) {
	for _, tc := range []struct {
		name, vcl string
		snippets  map[string]string
		want      string
	}{
		{name: "boilerplate, a recv Host", snippets: map[string]string{"recv": `set req.http.host = "b.example.com";`},
			want: "vcl_pass||literal:b.example.com|0|req.method is not GET, HEAD or FASTLYPURGE\n" +
				"vcl_miss||literal:b.example.com|0|req.method is GET, HEAD or FASTLYPURGE"},
		{name: "last write wins", vcl: `sub vcl_recv { return(lookup); }
sub vcl_miss { set bereq.http.host = "b.example.com"; set bereq.http.host = req.http.host; }`,
			want: "vcl_miss||client:|0|"},
		{name: "a condition forks", vcl: `sub vcl_recv { return(pass); }
sub vcl_pass { if (req.url ~ "^/a") { set bereq.http.host = "b.example.com"; } }`,
			want: "vcl_pass||literal:b.example.com|0|req.url ~ \"^/a\"\nvcl_pass||client:|0|!(req.url ~ \"^/a\")"},
		{name: "an if that touches nothing does not fork", vcl: `sub vcl_recv { if (req.url ~ "x") { set req.http.X = "1"; } return(pass); }`,
			want: "vcl_pass||client:|0|"},
		{name: "error leaves no backend request", vcl: `sub vcl_recv { if (req.url ~ "^/a") { error 404; } return(pass); }`,
			want: "vcl_pass||client:|0|!(req.url ~ \"^/a\")"},
		{name: "shield switch", vcl: `sub vcl_recv { return(pass); }
sub vcl_pass { if (req.backend.is_shield) { set bereq.http.host = "b.example.com"; } else { if (!req.backend.is_shield) { set req.backend = F_x; } } }`,
			want: "vcl_pass||literal:b.example.com|1|req.backend.is_shield\nvcl_pass|F_x|client:|-1|!(req.backend.is_shield)"},
		{name: "a return(pass) in a called sub ends vcl_recv", vcl: `sub go_pass { return(pass); }
sub vcl_recv { call go_pass; return(lookup); }`,
			want: "vcl_pass||client:|0|"},
		{name: "recursion is cut", vcl: `sub a { call a; set req.http.host = "b.example.com"; }
sub vcl_recv { call a; return(pass); }`,
			want: "vcl_pass||literal:b.example.com|0|"},
		// Fastly's lifecycle: return(pass) in vcl_miss or vcl_hit goes on
		// to vcl_pass, whose bereq is what the backend gets.
		{name: "return(pass) in miss runs vcl_pass", vcl: `sub vcl_recv { return(lookup); }
sub vcl_miss { return(pass); }
sub vcl_pass { set bereq.http.host = "p.example.com"; }`,
			want: "vcl_pass||literal:p.example.com|0|"},
		{name: "return(pass) in hit runs vcl_pass beside the miss", vcl: `sub vcl_recv { return(lookup); }
sub vcl_miss { set bereq.http.host = "m.example.com"; }
sub vcl_hit { return(pass); }
sub vcl_pass { set bereq.http.host = "p.example.com"; }`,
			want: "vcl_miss||literal:m.example.com|0|\nvcl_pass||literal:p.example.com|0|"},
		{name: "goto skips to its label", vcl: `sub vcl_recv {
  goto skip;
  set req.http.host = "never.example.com";
  skip:
  return(pass);
}`,
			want: "vcl_pass||client:|0|"},
		{name: "switch forks by case", vcl: `sub vcl_recv {
  switch (req.http.X-Env) {
  case "prod":
    set req.http.host = "prod.example.com";
    break;
  default:
    set req.http.host = "dev.example.com";
    break;
  }
  return(pass);
}`,
			want: "vcl_pass||literal:prod.example.com|0|req.http.X-Env == \"prod\"\nvcl_pass||literal:dev.example.com|0|!(req.http.X-Env == \"prod\")"},
		{name: "restart runs vcl_recv again with req.restarts counted", vcl: `sub vcl_recv {
  if (req.restarts == 0) { set req.http.host = "first.example.com"; } else { set req.http.host = "retry.example.com"; }
  return(pass);
}
sub vcl_deliver { if (resp.status == 503) { restart; } }`,
			// Fastly allows three restarts: the retry Host on each.
			want: "vcl_pass||literal:first.example.com|0|\nvcl_pass||literal:retry.example.com|0|resp.status == 503\nvcl_pass||literal:retry.example.com|0|resp.status == 503\nvcl_pass||literal:retry.example.com|0|resp.status == 503"},
		{name: "a Host computed from the client's is dynamic without domains to match", vcl: `sub vcl_recv { set req.http.host = regsub(req.http.host, "^www\.", "origin."); return(pass); }`,
			want: "vcl_pass||dynamic:|0|"},
		{name: "return(pipe) fetches from vcl_pipe", vcl: `sub vcl_recv { return(pipe); }
sub vcl_pipe { set bereq.http.host = "pipe.example.com"; }`,
			want: "vcl_pipe||literal:pipe.example.com|0|"},
		{name: "macro order by priority", vcl: `sub vcl_recv { return(pass); }
sub vcl_pass {
#FASTLY pass
}`, snippets: map[string]string{"pass": `set bereq.http.host = "b.example.com";`},
			want: "vcl_pass||literal:b.example.com|0|"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s *graph.Service
			if tc.vcl == "" {
				g := graph.NewGraph()
				s = &graph.Service{Platform: graph.PlatformVCL}
				for typ, content := range tc.snippets {
					s.Snippets = append(s.Snippets, &graph.Snippet{Type: graph.Field[string]{Value: typ, Set: true},
						Content: graph.Text{Field: graph.Field[string]{Value: content, Set: true}}})
				}
				Apply(g, s)
			} else {
				_, s, _ = service(t, tc.vcl, tc.snippets)
			}
			if got := exitsText(s); got != tc.want {
				t.Errorf("exits:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestFlowBounded: a chain of ifs that each touch the Host stays within
// maxPaths and says it merged.
func TestFlowBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("sub vcl_recv { return(pass); }\nsub vcl_pass {\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "  if (req.url ~ \"%d\") { set bereq.http.host = \"h%d.example.com\"; }\n", i, i)
	}
	b.WriteString("}\n")
	_, s, _ := service(t, b.String(), nil)
	if n := len(s.VCL.Exits); n == 0 || n > maxPaths || !s.VCL.ExitsMerged {
		t.Errorf("%d exits, merged %v", n, s.VCL.ExitsMerged)
	}
}

// TestFlowGivesUp: subroutines that each call the next twice would run
// the last one 2^30 times; the model stops at maxSteps and leaves the
// service to the statement-level reading.
func TestFlowGivesUp(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "sub s%d { call s%d; call s%d; }\n", i, i+1, i+1)
	}
	b.WriteString("sub s30 { set req.http.host = \"b.example.com\"; }\nsub vcl_recv { call s0; return(pass); }\n")
	_, s, _ := service(t, b.String(), nil)
	if s.VCL.Exits != nil {
		t.Errorf("the model ran to the end: %d exits", len(s.VCL.Exits))
	}
}

// FuzzFlow: the request-flow model terminates and never panics on any VCL
// that parses, as custom VCL and as snippets, and nor does deciding its
// exits' conditions for a request (trace).
func FuzzFlow(f *testing.F) {
	f.Add(`sub vcl_recv { if (req.url ~ "a") { return(pass); } } sub vcl_miss { set bereq.http.host = "b"; }`, `set req.http.host = "x";`)
	f.Add(`sub a { call b; } sub b { call a; } sub vcl_recv { call a; }`, `if (req.backend.is_shield) { unset bereq.http.host; }`)
	f.Add(`sub vcl_pass {
#FASTLY pass
if (!req.backend.is_shield || req.http.X) { restart; } else if (x) { error 1; } else { set req.backend = F_a; }
}`, "")
	f.Add(`sub vcl_recv { if (req.restarts == 0) { error 600; } switch (req.url) { case "/a": return(pass); case ~ "^/b": set req.http.host = "b"; fallthrough; default: include "x"; } }
sub vcl_error { if (obj.status == 600) { restart; } }
sub vcl_miss { goto end; set bereq.http.host = "c"; end: if (req.url !~ "x") { return(pass); } }`, `if (req.url ~ "(?!x)y") { set req.http.host = regsub(req.http.host, "^www\.", "api."); }`)
	f.Fuzz(func(t *testing.T, custom, snippet string) {
		g := graph.NewGraph()
		s := &graph.Service{Platform: graph.PlatformVCL}
		if custom != "" {
			s.VCLs = []*graph.VCLSource{{Content: graph.Text{Field: graph.Field[string]{Value: custom, Set: true}}}}
		}
		for _, typ := range []string{"recv", "miss", "pass"} {
			s.Snippets = append(s.Snippets, &graph.Snippet{Type: graph.Field[string]{Value: typ, Set: true},
				Content: graph.Text{Field: graph.Field[string]{Value: snippet, Set: true}}})
		}
		Apply(g, s)
		if s.VCL != nil && len(s.VCL.Exits) > 4*maxPaths {
			t.Errorf("%d exits", len(s.VCL.Exits))
		}
		if s.VCL != nil {
			req := &graph.Request{Method: "POST", URL: "/a/b?c=d", Headers: map[string]string{"x": "y", "host": "b"}}
			for _, e := range s.VCL.Exits {
				if len(e.Eval) != len(e.Conditions) {
					t.Fatalf("%d deciders for %d conditions", len(e.Eval), len(e.Conditions))
				}
				e.Takes(req)
			}
		}
	})
}
