// Package output renders findings for people and for tools: text with a
// caret under the column, the versioned JSON document that is chainlint's
// machine contract, SARIF 2.1.0 for code scanning, GitHub workflow
// commands, Checkstyle and JUnit XML for CI dashboards, Markdown for pull
// request comments and a self-contained HTML page for reviewers. Formatters see resolved findings and the
// input files' text; they know nothing of loaders or rules.
package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/chainview"
	"github.com/chainlint/chainlint/internal/english"
	"github.com/chainlint/chainlint/internal/printable"
)

// Report is what a formatter renders.
type Report struct {
	Findings   []analyzer.Finding
	Incomplete bool
	// Services and Files count what was analysed, for the summary.
	Services int
	Files    int
	// Source returns a file's content (for the caret line); may be nil.
	Source func(name string) []byte
	// Window, when set, returns the bytes of a file around an offset, at
	// least ExcerptReach of them either side as far as the file goes,
	// and the offset they start at: the caret line reads it instead of
	// Source, so that a file read again from disk costs a window, not
	// its size.
	Window func(name string, offset, reach int) (src []byte, base int)
	// Rel turns a file name into what is printed (relative to the working
	// directory); nil prints names as they are.
	Rel func(name string) string
	// Secrets returns the byte ranges of a file that hold secrets: they are
	// masked wherever source text is shown. May be nil.
	Secrets func(name string) [][2]int
	// Version is chainlint's version; Rules describes every rule (SARIF
	// lists them all, not only those that fired).
	Version string
	Rules   []RuleInfo
	// Quiet leaves out the summary line of text output (--quiet).
	Quiet bool
	// Baselined counts the findings a baseline hid: the summary says
	// so, lest a gate that hides everything read as a clean one.
	Baselined int
	// Color marks text output with ANSI colours (severity, rule ID, caret).
	Color bool
	// Graph builds the chain graph the markdown format draws as Mermaid
	// and the html format as SVG (nil: no graph).
	Graph func() *chainview.Graph

	columns *Columns            // UTF-16 columns, built as formats ask
	secrets map[string][][2]int // Secrets' answers by file
}

func (r *Report) rel(name string) string {
	if r.Rel == nil || name == "" {
		return name
	}
	return r.Rel(name)
}

// RelativeTo returns a Rel function for a working directory.
func RelativeTo(wd string) func(string) string {
	return func(name string) string {
		abs := name
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(wd, name)
		}
		if rel, err := filepath.Rel(wd, abs); err == nil {
			return filepath.ToSlash(rel)
		}
		return filepath.ToSlash(name)
	}
}

// formats is the registry of output formats, in the order --help lists
// them: adding a format is one entry here.
var formats = []struct {
	name  string
	write func(io.Writer, *Report) error
}{
	{"text", writeText},
	{"compact", writeCompact},
	{"json", writeJSON},
	{"sarif", writeSARIF},
	{"github", writeGitHub},
	{"checkstyle", writeCheckstyle},
	{"junit", writeJUnit},
	{"markdown", writeMarkdown},
	{"html", writeHTML},
}

// Formats lists the --format values.
var Formats = func() []string {
	var names []string
	for _, f := range formats {
		names = append(names, f.name)
	}
	return names
}()

// Write renders the report in the named format ("" is text).
func Write(w io.Writer, format string, r *Report) error {
	if format == "" {
		format = "text"
	}
	for _, f := range formats {
		if f.name == format {
			return f.write(w, r)
		}
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// maxLineWidth bounds the source excerpt under a finding; longer lines
// (minified JSON) are cut to a window around the column.
const maxLineWidth = 120

// ExcerptReach is how far either side of a position the caret line may
// read (excerptWindow): a line feed up to maxLineWidth bytes back, the
// window's end up to maxLineWidth bytes on, a few more to see past it.
const ExcerptReach = maxLineWidth + 8

func writeText(w io.Writer, r *Report) error {
	counts := map[analyzer.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
		fmt.Fprintf(w, "%s:%d:%d: %s: %s%s %s\n", r.paint(bold, printable.String(r.rel(f.Pos.Filename))), f.Pos.Line, f.Pos.Column,
			r.paint(severityColor[f.Severity], f.Severity.String()), f.Message, fixMark(f), r.paint(dim, "["+f.Rule+"]"))
		if line, caret, ok := r.excerpt(f.Pos); ok {
			fmt.Fprintf(w, "    %s\n    %s\n", line, r.paint(green, caret))
		}
	}
	if !r.Quiet {
		fmt.Fprintln(w, summary(r, counts))
	}
	return nil
}

// ANSI colours of the text format, as golangci-lint and actionlint use
// them.
const (
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	green  = "\x1b[32m"
	reset  = "\x1b[0m"
)

var severityColor = map[analyzer.Severity]string{analyzer.SeverityError: red + bold, analyzer.SeverityWarning: yellow, analyzer.SeverityInfo: cyan}

func (r *Report) paint(color, s string) string {
	if !r.Color || color == "" {
		return s
	}
	return color + s + reset
}

// writeMarkdown writes a summary for a pull-request comment or
// $GITHUB_STEP_SUMMARY: the counts, a table of findings linking each
// rule's page, and the chain graph as a Mermaid block (GitHub renders it).
func writeMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	counts := map[analyzer.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
	}
	// A bufio.Writer's errors stick: Flush returns the first.
	_, _ = bw.WriteString("## chainlint\n\n")
	_, _ = bw.WriteString(mdEscape(summary(r, counts)) + "\n")
	if len(r.Findings) > 0 {
		links := map[string]string{}
		for _, ri := range r.Rules {
			links[ri.ID] = ri.HelpURI
		}
		_, _ = bw.WriteString("\n| | Where | Finding | Rule |\n|---|---|---|---|\n")
		for _, f := range r.Findings {
			rule := "`" + f.Rule + "`"
			if u := links[f.Rule]; u != "" {
				rule = "[`" + f.Rule + "`](" + u + ")"
			}
			fmt.Fprintf(bw, "| %s | `%s:%d:%d` | %s | %s |\n", mdSeverity[f.Severity], mdCode(r.rel(f.Pos.Filename)), f.Pos.Line, f.Pos.Column, mdEscape(f.Message), rule)
		}
	}
	if r.Graph != nil {
		var mermaid strings.Builder
		if err := r.Graph().Write(&mermaid, "mermaid"); err != nil {
			return err
		}
		_, _ = bw.WriteString("\n<details><summary>Chain graph</summary>\n\n```mermaid\n" + mermaid.String() + "```\n\n</details>\n")
	}
	return bw.Flush()
}

var mdSeverity = map[analyzer.Severity]string{analyzer.SeverityError: "❌ error", analyzer.SeverityWarning: "⚠️ warning", analyzer.SeverityInfo: "ℹ️ info"}

// MarkdownText makes text safe in Markdown prose and table cells.
func MarkdownText(s string) string { return mdEscape(s) }

// mdEscape makes text safe in a Markdown table cell: pipes, HTML and
// line breaks cannot break the table.
func mdEscape(s string) string {
	return strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;", "\n", " ", "\r", " ", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]").Replace(printable.String(s))
}

// mdCode makes text safe inside a code span in a table cell.
func mdCode(s string) string {
	return strings.NewReplacer("`", "'", "|", "\\|", "\n", " ", "\r", " ").Replace(printable.String(s))
}

// writeCompact writes one line per finding, file:line:col: severity:
// message [rule], with no excerpt and no summary: what Vim's errorformat
// and Emacs' compilation mode read.
func writeCompact(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s%s [%s]\n", printable.String(r.rel(f.Pos.Filename)), f.Pos.Line, f.Pos.Column, f.Severity, printable.String(f.Message), fixMark(f), f.Rule)
	}
	return bw.Flush()
}

// fixMark marks a finding --fix can fix, as ruff marks its own: " [*]".
func fixMark(f analyzer.Finding) string {
	if len(f.Fixes) > 0 {
		return " [*]"
	}
	return ""
}

func summary(r *Report, counts map[analyzer.Severity]int) string {
	scope := fmt.Sprintf("in %s from %s", english.Plural(r.Services, "service"), english.Plural(r.Files, "file"))
	var s string
	switch {
	case len(r.Findings) == 0 && r.Baselined > 0:
		s = fmt.Sprintf("no new problems %s (%d hidden by the baseline)", scope, r.Baselined)
	case len(r.Findings) == 0:
		s = "no problems " + scope
	default:
		var parts []string
		for _, sev := range []analyzer.Severity{analyzer.SeverityError, analyzer.SeverityWarning, analyzer.SeverityInfo} {
			if counts[sev] > 0 {
				parts = append(parts, english.Plural(counts[sev], sev.String()))
			}
		}
		s = fmt.Sprintf("%s (%s) %s", english.Plural(len(r.Findings), "problem"), strings.Join(parts, ", "), scope)
		if r.Baselined > 0 {
			s += fmt.Sprintf(" (%d more hidden by the baseline)", r.Baselined)
		}
		fixable := 0
		for _, f := range r.Findings {
			if len(f.Fixes) > 0 {
				fixable++
			}
		}
		if fixable > 0 {
			s += fmt.Sprintf("; %d fixable with --fix [*]", fixable)
		}
	}
	if r.Incomplete {
		s += "; INCOMPLETE: some inputs could not be analysed (see the parse errors above)"
	}
	return s
}

// secretsOf returns a file's secret ranges, asked once per file.
func (r *Report) secretsOf(name string) [][2]int {
	if r.Secrets == nil {
		return nil
	}
	if r.secrets == nil {
		r.secrets = map[string][][2]int{}
	}
	rg, ok := r.secrets[name]
	if !ok {
		rg = r.Secrets(name)
		r.secrets[name] = rg
	}
	return rg
}

// excerpt returns the source line at pos and a caret line under its
// column, cut to a window of maxLineWidth bytes around the column, with
// secrets masked and control characters and invalid UTF-8 shown as '?'
// (an excerpt must not drive the terminal). Its cost is the window's, not
// the line's: minified exports are one line of megabytes.
func (r *Report) excerpt(pos token.Position) (line, caret string, ok bool) {
	var src []byte
	base := 0 // the file offset src starts at
	switch {
	case r.Window != nil:
		src, base = r.Window(pos.Filename, pos.Offset, ExcerptReach)
	case r.Source != nil:
		src = r.Source(pos.Filename)
	default:
		return "", "", false
	}
	from, to, cutLeft, cutRight, ok := excerptWindow(src, pos.Offset-base, pos.Column)
	if !ok {
		return "", "", false
	}
	window := []byte(string(src[from:to]))
	for _, rg := range r.secretsOf(pos.Filename) {
		for i := max(rg[0]-base, from); i < min(rg[1]-base, to); i++ {
			window[i-from] = '*'
		}
	}
	var text, marks strings.Builder
	if cutLeft {
		text.WriteString("…")
		marks.WriteByte(' ')
	}
	col := pos.Offset - base - from
	for i := 0; i < len(window); {
		c, w := utf8.DecodeRune(window[i:])
		switch {
		case c == '\t':
		case c == utf8.RuneError && w == 1, c < ' ', c == 0x7f, c >= 0x80 && c < 0xa0:
			c = '?'
		}
		text.WriteRune(c)
		if i < col {
			if c == '\t' {
				marks.WriteByte('\t')
			} else {
				marks.WriteByte(' ')
			}
		}
		i += w
	}
	if cutRight {
		text.WriteString("…")
	}
	marks.WriteByte('^')
	return text.String(), marks.String(), true
}

// excerptWindow finds the bytes to show around offset: its whole line
// when that is at most maxLineWidth bytes, else maxLineWidth bytes of it
// with the column near the middle. It reads at most about twice the
// window, never the whole line.
func excerptWindow(src []byte, offset, column int) (from, to int, cutLeft, cutRight, ok bool) {
	if src == nil || column < 1 || offset < 0 || offset > len(src) {
		return 0, 0, false, false, false
	}
	lineStart := max(offset-(column-1), 0)
	// The column is trusted only as far as the text agrees: a line break
	// between the line start and offset starts the line after it.
	for i := offset - 1; i >= max(lineStart, offset-maxLineWidth); i-- {
		if src[i] == '\n' {
			lineStart = i + 1
			break
		}
	}
	from = lineStart
	switch {
	case offset-lineStart > maxLineWidth:
		from = offset - maxLineWidth/2
	case offset-lineStart > maxLineWidth/2:
		// Is the whole line short enough to show?
		end := offset
		for end < len(src) && end < lineStart+maxLineWidth && src[end] != '\n' {
			end++
		}
		if end == lineStart+maxLineWidth && end < len(src) && src[end] != '\n' {
			from = offset - maxLineWidth/2
		}
	}
	for from < offset && !utf8.RuneStart(src[from]) {
		from++
	}
	cutLeft = from > lineStart
	limit := min(len(src), from+maxLineWidth)
	to = offset
	for to < limit && src[to] != '\n' {
		to++
	}
	cutRight = to == limit && to < len(src) && src[to] != '\n'
	if !cutRight && to > offset && src[to-1] == '\r' {
		to-- // a CRLF line end
	}
	for to > offset && to < len(src) && !utf8.RuneStart(src[to]) {
		to--
	}
	return from, to, cutLeft, cutRight, true
}

// jsonReport is the JSON contract, version 1. Fields are only ever added.
type jsonReport struct {
	Version     int              `json:"version"`
	Incomplete  bool             `json:"incomplete"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	Rule      string        `json:"rule"`
	Severity  string        `json:"severity"`
	Message   string        `json:"message"`
	File      string        `json:"file"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"end_line"`
	EndColumn int           `json:"end_column"`
	Service   string        `json:"service"`
	Object    string        `json:"object,omitempty"`
	Related   []jsonRelated `json:"related,omitempty"`
	Fixes     []jsonFix     `json:"fixes"`
}

type jsonRelated struct {
	Message   string `json:"message"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	NewText   string `json:"new_text"`
}

// writeJSON writes the report one diagnostic at a time (a large report
// is never whole in memory), in the bytes that encoding/json's indented
// Encoder gives the whole jsonReport (see jsonModel).
func writeJSON(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	// A bufio.Writer's errors stick: Flush returns the first.
	write := func(s string) { _, _ = bw.WriteString(s) }
	write(fmt.Sprintf("{\n  \"version\": 1,\n  \"incomplete\": %t,\n  \"diagnostics\": [", r.Incomplete))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	for i, f := range r.Findings {
		if i > 0 {
			write(",")
		}
		write("\n    ")
		buf.Reset()
		if err := enc.Encode(r.jsonDiagnostic(f)); err != nil {
			return err
		}
		_, _ = bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}))
	}
	if len(r.Findings) > 0 {
		write("\n  ")
	}
	write("]\n}\n")
	return bw.Flush()
}

// jsonModel is the whole report as one value: what writeJSON streams.
func jsonModel(r *Report) jsonReport {
	out := jsonReport{Version: 1, Incomplete: r.Incomplete, Diagnostics: []jsonDiagnostic{}}
	for _, f := range r.Findings {
		out.Diagnostics = append(out.Diagnostics, r.jsonDiagnostic(f))
	}
	return out
}

func (r *Report) jsonDiagnostic(f analyzer.Finding) jsonDiagnostic {
	d := jsonDiagnostic{
		Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		File: r.rel(f.Pos.Filename), Line: f.Pos.Line, Column: f.Pos.Column,
		EndLine: f.End.Line, EndColumn: f.End.Column,
		Service: f.Service, Object: f.Object, Fixes: []jsonFix{},
	}
	for _, rel := range f.Related {
		d.Related = append(d.Related, jsonRelated{Message: rel.Message, File: r.rel(rel.Pos.Filename),
			Line: rel.Pos.Line, Column: rel.Pos.Column, EndLine: rel.End.Line, EndColumn: rel.End.Column})
	}
	for _, fx := range f.Fixes {
		jf := jsonFix{Message: fx.Message, Edits: []jsonEdit{}}
		for _, e := range fx.Edits() {
			jf.Edits = append(jf.Edits, jsonEdit{File: r.rel(e.Pos.Filename), Line: e.Pos.Line, Column: e.Pos.Column,
				EndLine: e.End.Line, EndColumn: e.End.Column, Offset: e.Pos.Offset, EndOffset: e.End.Offset, NewText: e.NewText})
		}
		d.Fixes = append(d.Fixes, jf)
	}
	return d
}
