package vclmodel

import (
	"fmt"
	"go/token"
	"regexp"
	"slices"
	"strings"

	"github.com/chainlint/chainlint/graph"
)

// subOrder is the order Fastly's generated VCL lists its subroutines in.
var subOrder = []string{"vcl_recv", "vcl_hash", "vcl_hit", "vcl_miss", "vcl_pass", "vcl_fetch", "vcl_error", "vcl_deliver", "vcl_log"}

// boilerplateVCL is Fastly's default VCL (its "Custom VCL" guide), what a
// service without custom VCL runs: the model's reading of it is in
// flow.go (boilerplate).
const boilerplateVCL = `sub vcl_recv {
#FASTLY recv
  if (req.method != "HEAD" && req.method != "GET" && req.method != "FASTLYPURGE") {
    return(pass);
  }
  return(lookup);
}

sub vcl_hash {
  set req.hash += req.url;
  set req.hash += req.http.host;
#FASTLY hash
  return(hash);
}

sub vcl_hit {
#FASTLY hit
  return(deliver);
}

sub vcl_miss {
#FASTLY miss
  return(fetch);
}

sub vcl_pass {
#FASTLY pass
  return(pass);
}

sub vcl_fetch {
#FASTLY fetch
  return(deliver);
}

sub vcl_error {
#FASTLY error
  return(deliver);
}

sub vcl_deliver {
#FASTLY deliver
  return(deliver);
}

sub vcl_log {
#FASTLY log
}
`

var macroLine = regexp.MustCompile(`(?m)^[ \t]*#[ \t]*FASTLY[ \t]+([A-Za-z_]+)[^\n]*$`)

// Effective renders the VCL Fastly compiles for a VCL service, as the
// model runs it (Fastly's "Show VCL", in the parts chainlint models):
// the custom VCL (or Fastly's boilerplate) with, at each #FASTLY macro,
// that subroutine's snippets by priority and, in vcl_recv, the VCL
// generated from the API objects in Fastly's order, then shield
// selection. Every inserted piece is introduced by the comment Fastly
// writes for it, followed by where it comes from (file:line:column), so
// that each line can be traced back. It is the same program the
// request-flow model runs (program, generatedRecv). relative, when not
// nil, shortens file names for printing.
func Effective(g *graph.Graph, s *graph.Service, relative func(string) string) string {
	r := &reader{g: g, sink: &graph.Graph{}, s: s, facts: &graph.VCLFacts{}}
	p := r.program(true)
	generated, _ := generatedRecv(s, true, nil)
	var b strings.Builder
	fmt.Fprintf(&b, "# Effective VCL of service %q", s.Label())
	if s.Version > 0 {
		fmt.Fprintf(&b, " (version %d)", s.Version)
	}
	b.WriteString(", as chainlint models it: snippets at their #FASTLY macros by priority,\n# then, in vcl_recv, the VCL Fastly generates from the API objects. Each inserted piece names where it comes from.\n\n")
	where := func(pos token.Pos) string {
		if !pos.IsValid() {
			return ""
		}
		p := g.Files.Position(pos)
		if relative != nil {
			p.Filename = relative(p.Filename)
		}
		return "  (" + p.String() + ")"
	}
	expand := func(sub string) string {
		var e strings.Builder
		upper := strings.ToUpper(strings.TrimPrefix(sub, "vcl_"))
		fmt.Fprintf(&e, "#--FASTLY %s BEGIN\n", upper)
		if sub == "vcl_recv" {
			e.WriteString("  declare local var.fastly_req_do_shield BOOL;\n  set var.fastly_req_do_shield = (req.restarts == 0);\n")
		}
		for _, sn := range p.snippets.of(sub) {
			fmt.Fprintf(&e, "# Snippet %s : %d%s\n", sn.snippet.Name.Value, priority(sn.snippet), where(sn.snippet.Content.Pos))
			e.WriteString(strings.TrimRight(sn.snippet.Content.Decoded(), "\n") + "\n")
		}
		if sub == "vcl_recv" {
			writeGenerated(&e, generated, where)
		}
		fmt.Fprintf(&e, "#--FASTLY %s END", upper)
		return e.String()
	}
	var files []*graph.VCLSource
	for _, v := range s.VCLs {
		if v.Content.Known() && p.included[v.Name.Value] == nil {
			files = append(files, v)
		}
	}
	slices.SortStableFunc(files, func(a, b *graph.VCLSource) int { // main first
		if a.Main.Value != b.Main.Value {
			if a.Main.Value {
				return -1
			}
			return 1
		}
		return 0
	})
	if len(files) == 0 {
		b.WriteString("# Fastly's boilerplate VCL (no custom VCL)\n")
		b.WriteString(expandMacros(boilerplateVCL, expand))
		return b.String()
	}
	for _, v := range files {
		fmt.Fprintf(&b, "# VCL file %s%s\n", v.Name.Value, where(v.Content.Pos))
		text := expandMacros(v.Content.Decoded(), expand)
		// include "NAME"; inside a subroutine: the file's statements.
		for name, src := range p.included {
			inc := regexp.MustCompile(`(?m)^([ \t]*)include[ \t]+"` + regexp.QuoteMeta(name) + `"[ \t]*;[^\n]*$`)
			text = inc.ReplaceAllLiteralString(text, "# include \""+name+"\""+where(src.text.Pos)+"\n"+strings.TrimRight(src.text.Value, "\n"))
		}
		b.WriteString(strings.TrimRight(text, "\n") + "\n\n")
	}
	for _, sub := range subOrder {
		if !p.custom.has(sub) && len(p.snippets.of(sub)) > 0 {
			fmt.Fprintf(&b, "# %s is not in the custom VCL: Fastly runs its built-in %s, and renders none of these %s snippets:\n", sub, sub, strings.TrimPrefix(sub, "vcl_"))
			for _, sn := range p.snippets.of(sub) {
				fmt.Fprintf(&b, "#   %s%s\n", sn.snippet.Name.Value, where(sn.snippet.Content.Pos))
			}
		}
	}
	return b.String()
}

// expandMacros replaces each #FASTLY SUB line of text with expand(sub).
func expandMacros(text string, expand func(sub string) string) string {
	return macroLine.ReplaceAllStringFunc(text, func(line string) string {
		name := strings.ToLower(macroLine.FindStringSubmatch(line)[1])
		return expand("vcl_" + name)
	})
}

// writeGenerated writes the generated recv code in Fastly's layout: the
// default conditions, then each request condition's objects in one if,
// then shield selection.
func writeGenerated(e *strings.Builder, generated []snip, where func(token.Pos) string) {
	i := 0
	e.WriteString("  # default conditions\n")
	for ; i < len(generated) && generated[i].gen.group == "" && !generated[i].gen.shield; i++ {
		fmt.Fprintf(e, "  # %s%s\n  %s\n", generated[i].gen.label, where(generated[i].gen.pos), indent(generated[i].gen.body, "  "))
	}
	e.WriteString("  # end default conditions\n")
	for i < len(generated) && !generated[i].gen.shield {
		g := generated[i].gen
		fmt.Fprintf(e, "  # %s\n  if (%s) {\n", g.group, g.guard)
		for ; i < len(generated) && !generated[i].gen.shield && generated[i].gen.group == g.group; i++ {
			fmt.Fprintf(e, "    # %s%s\n    %s\n", generated[i].gen.label, where(generated[i].gen.pos), indent(generated[i].gen.body, "    "))
		}
		e.WriteString("  }\n  #end condition\n")
	}
	for ; i < len(generated); i++ {
		g := generated[i].gen
		fmt.Fprintf(e, "  #%s;%s\n  if (%s) {\n    %s\n  }\n", g.label, where(generated[i].gen.pos), g.guard, g.body)
	}
}

func indent(s, by string) string { return strings.ReplaceAll(s, "\n", "\n"+by) }
