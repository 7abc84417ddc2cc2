package vcl

import "testing"

// TestSwitchAndIncludeStatements: switch (case, case ~, default,
// fallthrough, break) and include inside a subroutine parse as Fastly
// accepts them.
func TestSwitchAndIncludeStatements(t *testing.T) {
	src := `sub vcl_recv {
  include "recv_rules";
  switch (req.http.host) {
  case "a.example.com":
    set req.backend = F_a;
    break;
  case ~ "^b\.":
    set req.backend = F_b;
    fallthrough;
  default:
    set req.http.X = "1";
  }
}
`
	f := Parse([]byte(src))
	if len(f.Errors) > 0 {
		t.Fatalf("errors: %v", f.Errors[0].Msg)
	}
	body := f.Decls[0].(*SubDecl).Body.Stmts
	inc, ok := body[0].(*IncludeStmt)
	if !ok || inc.Path.Value != "recv_rules" {
		t.Fatalf("first statement %#v, want include \"recv_rules\"", body[0])
	}
	sw, ok := body[1].(*SwitchStmt)
	if !ok || len(sw.Cases) != 3 {
		t.Fatalf("second statement %#v, want a switch of three cases", body[1])
	}
	if c := sw.Cases[0]; c.Match.Value != "a.example.com" || c.Regex || len(c.Stmts) != 2 {
		t.Errorf("case 0: %+v", c)
	}
	if c := sw.Cases[1]; c.Match.Value != `^b\.` || !c.Regex {
		t.Errorf("case 1: %+v", c)
	}
	if _, ok := sw.Cases[1].Stmts[1].(*FallthroughStmt); !ok {
		t.Errorf("case 1 does not end in fallthrough: %#v", sw.Cases[1].Stmts)
	}
	if c := sw.Cases[2]; c.Match != nil || len(c.Stmts) != 1 {
		t.Errorf("default: %+v", c)
	}
	// An included file holds bare statements of its subroutine.
	if f := ParseSnippet([]byte(`set req.http.Y = "2"; if (req.url ~ "^/a") { return(pass); }`), "recv"); len(f.Errors) > 0 || len(f.Stmts) != 2 {
		t.Errorf("included statements: %d statements, errors %v", len(f.Stmts), f.Errors)
	}
}

// TestSwitchErrors: a switch without case or default is an error, not a
// hang.
func TestSwitchErrors(t *testing.T) {
	for _, src := range []string{
		`sub vcl_recv { switch (req.url) { set req.http.X = "1"; } }`,
		`sub vcl_recv { switch (req.url) { case req.url: } }`,
		`sub vcl_recv { switch (req.url) { case "a" } }`,
		`sub vcl_recv { switch (req.url) { case "a":`,
	} {
		if f := Parse([]byte(src)); len(f.Errors) == 0 {
			t.Errorf("%q parsed without an error", src)
		}
	}
}
