package chaindiff

import (
	"fmt"
	"io"
	"strings"

	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/internal/jsonout"
	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/output"
)

// Formats are the formats Write knows.
var Formats = []string{"text", "json", "markdown", "github"}

// Write renders the report.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "text":
		return r.writeText(w)
	case "json":
		return jsonout.Write(w, r)
	case "markdown":
		return r.writeMarkdown(w)
	case "github":
		return r.writeGitHub(w)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

func (v *BackendView) String() string {
	if v == nil {
		return "(none)"
	}
	host := "the client's Host"
	if v.Host != "" {
		host = "Host " + v.Host + " (" + v.HostSource + ")"
	}
	s := fmt.Sprintf("%s → %s, %s", v.Address, v.Target, host)
	if v.Shield != "" {
		s += ", shield " + v.Shield
	}
	if v.TLSName != "" {
		s += ", TLS name " + v.TLSName
	}
	if v.OtherPaths != "" {
		s += "; on other request paths: " + v.OtherPaths
	}
	return printable.String(s)
}

func (e Edge) String() string {
	return printable.String(fmt.Sprintf("%s —%s→ %s", e.From, e.Backend, e.To))
}

func (f Finding) String() string {
	return printable.String(fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.File, f.Line, f.Column, f.Severity, f.Message, f.Rule))
}

func (r *Report) writeText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "chainlint diff %s → %s: %s\n", printable.String(r.Base), printable.String(r.Head), r.headline())
	for _, s := range r.Services {
		fmt.Fprintf(&b, "\nservice %s: %s\n", printable.String(s.Service), s.Status)
		for _, d := range s.DomainsAdded {
			fmt.Fprintf(&b, "  + domain %s\n", printable.String(d))
		}
		for _, d := range s.DomainsRemoved {
			fmt.Fprintf(&b, "  - domain %s\n", printable.String(d))
		}
		for _, bc := range s.Backends {
			switch bc.Status {
			case "added":
				fmt.Fprintf(&b, "  + backend %s: %s\n", printable.String(bc.Name), bc.After)
			case "removed":
				fmt.Fprintf(&b, "  - backend %s: %s\n", printable.String(bc.Name), bc.Before)
			default:
				fmt.Fprintf(&b, "  ~ backend %s:\n      before: %s\n      after:  %s\n", printable.String(bc.Name), bc.Before, bc.After)
			}
		}
	}
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n", title)
		for _, l := range lines {
			fmt.Fprintf(&b, "  %s\n", l)
		}
	}
	section("chain edges added", mapStrings(r.Edges.Added, Edge.String))
	section("chain edges removed", mapStrings(r.Edges.Removed, Edge.String))
	section("services newly on a loop", mapStrings(r.Loops.Introduced, printable.String))
	section("services no longer on a loop", mapStrings(r.Loops.Removed, printable.String))
	section("services newly reached through the chain", mapStrings(r.Reach.Reached, printable.String))
	section("services no longer reached through the chain (they still answer their own domains)", mapStrings(r.Reach.NoLongerReached, printable.String))
	if r.PurgeOrder.Before != nil || r.PurgeOrder.After != nil {
		section("purge order before (origin side first)", mapStrings(r.PurgeOrder.Before, printable.String))
		section("purge order after", mapStrings(r.PurgeOrder.After, printable.String))
	}
	section("worst path from each entry service (hops, services; the profile allows "+r.limitText()+")", mapStrings(r.Limits, LimitChange.String))
	section("findings introduced", mapStrings(r.Findings.Introduced, Finding.String))
	section("findings fixed", mapStrings(r.Findings.Fixed, Finding.String))
	if len(r.ActivationOrder.Order) > 0 {
		fmt.Fprintf(&b, "\nactivation order (origins first): %s\n", printable.String(strings.Join(r.ActivationOrder.Order, ", ")))
		if r.ActivationOrder.Blocked != "" {
			fmt.Fprintf(&b, "  no order is safe: %s\n", printable.String(r.ActivationOrder.Blocked))
		}
		if !r.ActivationOrder.Checked && r.ActivationOrder.Blocked == "" {
			fmt.Fprintf(&b, "  not checked step by step: more than %d services change\n", MaxCheckedSteps)
		}
		for _, u := range r.ActivationOrder.Unenforced {
			fmt.Fprintf(&b, "  Terraform will not keep it: %s\n", printable.String(u))
		}
		for _, d := range r.ActivationOrder.Drafts {
			fmt.Fprintf(&b, "  %s stays a draft (activate = false): activate it by hand, in this order\n", printable.String(d))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) limitText() string {
	if len(r.Limits) == 0 {
		return ""
	}
	return fmt.Sprintf("%d hops, %d services", r.Limits[0].MaxHops, r.Limits[0].MaxServices)
}

func (l LimitChange) String() string {
	mark := ""
	if l.HopsAfter > l.MaxHops || l.ServicesAfter > l.MaxServices {
		mark = " — over the limit"
	}
	n := func(v int) string {
		if v < 0 {
			return "none"
		}
		return fmt.Sprint(v)
	}
	return printable.String(fmt.Sprintf("%s: hops %s → %s, services %s → %s%s", l.Service, n(l.HopsBefore), n(l.HopsAfter), n(l.ServicesBefore), n(l.ServicesAfter), mark))
}

func mapStrings[T any](xs []T, f func(T) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// md escapes text for Markdown prose and table cells.
var md = output.MarkdownText

// writeMarkdown writes a pull-request comment: the headline first (one
// line when nothing in the chain changed), the details folded, and the
// changed part of the graph as Mermaid, added edges solid and green,
// removed ones dashed and red.
func (r *Report) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("## chainlint diff\n\n")
	if r.Unchanged() {
		b.WriteString("No change to the chain.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "**%s**\n\n", md(r.headline()))
	if n := len(r.Findings.Introduced); n > 0 {
		b.WriteString("| | Introduced finding | Rule |\n|---|---|---|\n")
		for _, f := range r.Findings.Introduced {
			fmt.Fprintf(&b, "| %s | %s (`%s:%d`) | `%s` |\n", f.Severity, md(f.Message), md(f.File), f.Line, f.Rule)
		}
		b.WriteString("\n")
	}
	if len(r.ActivationOrder.Order) > 0 {
		fmt.Fprintf(&b, "Activate in this order (origins first): %s.", md(strings.Join(r.ActivationOrder.Order, " → ")))
		if r.ActivationOrder.Blocked != "" {
			fmt.Fprintf(&b, " No order is safe: %s.", md(r.ActivationOrder.Blocked))
		}
		for _, u := range r.ActivationOrder.Unenforced {
			fmt.Fprintf(&b, " Terraform will not keep it: %s.", md(u))
		}
		if len(r.ActivationOrder.Drafts) > 0 {
			fmt.Fprintf(&b, " Staying drafts (activate = false): %s.", md(strings.Join(r.ActivationOrder.Drafts, ", ")))
		}
		b.WriteString("\n\n")
	}
	if graph := r.mermaid(); graph != "" {
		b.WriteString("<details><summary>Changed part of the chain</summary>\n\n```mermaid\n" + graph + "```\n\n</details>\n\n")
	}
	b.WriteString("<details><summary>Details</summary>\n\n```text\n")
	var text strings.Builder
	if err := r.writeText(&text); err != nil {
		return err
	}
	b.WriteString(strings.ReplaceAll(text.String(), "```", "'''"))
	b.WriteString("```\n\n</details>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) mermaid() string {
	if len(r.Edges.Added)+len(r.Edges.Removed) == 0 {
		return ""
	}
	ids := map[string]string{}
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	node := func(name string) string {
		if id, ok := ids[name]; ok {
			return id
		}
		id := fmt.Sprintf("n%d", len(ids))
		ids[name] = id
		fmt.Fprintf(&b, "  %s[\"%s\"]\n", id, chainview.MermaidText(name))
		return id
	}
	var styles []string
	link := 0
	for _, e := range r.Edges.Added {
		fmt.Fprintf(&b, "  %s -->|\"+ %s\"| %s\n", node(e.From), chainview.MermaidText(e.Backend), node(e.To))
		styles = append(styles, fmt.Sprintf("  linkStyle %d stroke:#2a2,stroke-width:3px", link))
		link++
	}
	for _, e := range r.Edges.Removed {
		fmt.Fprintf(&b, "  %s -.->|\"- %s\"| %s\n", node(e.From), chainview.MermaidText(e.Backend), node(e.To))
		styles = append(styles, fmt.Sprintf("  linkStyle %d stroke:#d22,stroke-dasharray:5", link))
		link++
	}
	return b.String() + strings.Join(styles, "\n") + "\n"
}

// writeGitHub writes a workflow annotation for each introduced finding.
func (r *Report) writeGitHub(w io.Writer) error {
	var b strings.Builder
	esc, prop := output.GitHubData, output.GitHubProperty
	for _, f := range r.Findings.Introduced {
		level := map[string]string{"error": "error", "warning": "warning"}[f.Severity]
		if level == "" {
			level = "notice"
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", level, prop(f.File), f.Line, f.Column,
			prop("chainlint diff "+f.Rule), esc(printable.String(f.Message)+" [introduced by this change]"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
