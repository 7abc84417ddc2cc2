package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/docs"
	"github.com/chainlint/chainlint/internal/textdist"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/rules"
)

func (c *Command) cmdExplain(args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	if isHelp(args) {
		fmt.Fprintln(stdout, "usage: chainlint explain RULE\n\nPrints a rule's page: what it finds and why, Fastly's documentation, examples in each input\nkind with the report chainlint prints for them, and how to ignore it.")
		return exitClean
	}
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: chainlint explain RULE")
		return exitUsage
	}
	r := rules.ByID(args[0])
	if r == nil {
		hint := "`chainlint rules` lists them"
		if near, ok := textdist.Closest(args[0], lint.RuleIDs(), 3); ok {
			hint = fmt.Sprintf("did you mean %s?", near)
		}
		fmt.Fprintf(stderr, "chainlint: unknown rule %q; %s\n", args[0], hint)
		return exitUsage
	}
	page, err := docs.Rules.ReadFile("rules/" + r.Name + ".md")
	text := ""
	if err == nil {
		text = terminalMarkdown(string(page))
	} else { // a rule without a generated page (go generate not run)
		text = fmt.Sprintf("%s (%s)\n\n%s\n", r.Name, r.Severity, r.Doc)
	}
	text += fmt.Sprintf("\nOnline: %s\n", analyzer.DocURLFor(r.Name, versionString()))
	if _, err := fmt.Fprint(stdout, text); err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitIncomplete
	}
	return exitClean
}

var (
	mdLink     = regexp.MustCompile(`\[((?:[^\[\]]|\[[^\]]*\])+)\]\(([^)\s]+)\)`) // one level of [] inside the text
	mdBold     = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	mdComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	mdBacktick = regexp.MustCompile("`([^`]+)`")
)

// terminalMarkdown renders a rule page for a terminal: headings
// underlined, code blocks indented, links as "text <url>", emphasis and
// inline code marks dropped, generator comments removed.
func terminalMarkdown(md string) string {
	md = mdComment.ReplaceAllString(md, "")
	var b strings.Builder
	inCode := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
			continue
		}
		if inCode {
			if line == "" {
				b.WriteString("\n")
			} else {
				b.WriteString("    " + line + "\n")
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "# "):
			title := strings.TrimPrefix(line, "# ")
			b.WriteString(title + "\n" + strings.Repeat("=", len(title)) + "\n")
			continue
		case strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "### "):
			title := strings.TrimLeft(line, "# ")
			title = inlineMarkdown(title)
			b.WriteString(title + "\n" + strings.Repeat("-", len(title)) + "\n")
			continue
		}
		b.WriteString(inlineMarkdown(line) + "\n")
	}
	out := strings.TrimLeft(b.String(), "\n")
	for strings.Contains(out, "\n\n\n") {
		out = strings.ReplaceAll(out, "\n\n\n", "\n\n")
	}
	return out
}

func inlineMarkdown(s string) string {
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := mdLink.FindStringSubmatch(m)
		text, url := sub[1], sub[2]
		if strings.HasPrefix(url, "#") || !strings.Contains(url, "://") {
			return text
		}
		return text + " <" + url + ">"
	})
	s = mdBold.ReplaceAllString(s, "$1")
	return mdBacktick.ReplaceAllString(s, "$1")
}
