// Package output renders findings for people and for tools: text with a
// caret under the column, the versioned JSON document that is chainlint's
// machine contract, SARIF 2.1.0 for code scanning, GitHub workflow
// commands, and Checkstyle and JUnit XML for CI dashboards. Formatters see resolved findings and the
// input files' text; they know nothing of loaders or rules.
package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/internal/english"
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

// Formats lists the --format values.
var Formats = []string{"text", "json", "sarif", "github", "checkstyle", "junit"}

// Write renders the report in the named format.
func Write(w io.Writer, format string, r *Report) error {
	switch format {
	case "text", "":
		return writeText(w, r)
	case "json":
		return writeJSON(w, r)
	case "sarif":
		return writeSARIF(w, r)
	case "github":
		return writeGitHub(w, r)
	case "checkstyle":
		return writeCheckstyle(w, r)
	case "junit":
		return writeJUnit(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// maxLineWidth bounds the source excerpt under a finding; longer lines
// (minified JSON) are cut to a window around the column.
const maxLineWidth = 120

func writeText(w io.Writer, r *Report) error {
	counts := map[analyzer.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
		fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", r.rel(f.Pos.Filename), f.Pos.Line, f.Pos.Column, f.Severity, f.Message, f.Rule)
		if r.Source != nil {
			if line, caret, ok := excerpt(r.masked(f.Pos.Filename), f.Pos.Offset, f.Pos.Column); ok {
				fmt.Fprintf(w, "    %s\n    %s\n", line, caret)
			}
		}
	}
	fmt.Fprintln(w, summary(r, counts))
	return nil
}

func summary(r *Report, counts map[analyzer.Severity]int) string {
	scope := fmt.Sprintf("in %s from %s", english.Plural(r.Services, "service"), english.Plural(r.Files, "file"))
	var s string
	if len(r.Findings) == 0 {
		s = "no problems " + scope
	} else {
		var parts []string
		for _, sev := range []analyzer.Severity{analyzer.SeverityError, analyzer.SeverityWarning, analyzer.SeverityInfo} {
			if counts[sev] > 0 {
				parts = append(parts, english.Plural(counts[sev], sev.String()))
			}
		}
		s = fmt.Sprintf("%s (%s) %s", english.Plural(len(r.Findings), "problem"), strings.Join(parts, ", "), scope)
	}
	if r.Incomplete {
		s += "; INCOMPLETE: some inputs could not be analysed (see the parse errors above)"
	}
	return s
}

// masked returns a file's content with its secrets replaced by '*'.
func (r *Report) masked(name string) []byte {
	src := r.Source(name)
	if r.Secrets == nil || src == nil {
		return src
	}
	ranges := r.Secrets(name)
	if len(ranges) == 0 {
		return src
	}
	out := append([]byte(nil), src...)
	for _, rg := range ranges {
		for i := max(rg[0], 0); i < min(rg[1], len(out)); i++ {
			if out[i] != '\n' {
				out[i] = '*'
			}
		}
	}
	return out
}

// excerpt returns the source line holding offset and a caret line under
// the column, both cut to a window for long lines.
func excerpt(src []byte, offset, column int) (line, caret string, ok bool) {
	if src == nil || column < 1 || offset < 0 || offset > len(src) {
		return "", "", false
	}
	start := offset - (column - 1)
	if start < 0 {
		return "", "", false
	}
	end := start
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	text := string(src[start:end])
	col := column - 1
	if len(text) > maxLineWidth {
		from := max(0, col-maxLineWidth/2)
		to := min(len(text), from+maxLineWidth)
		prefix, suffix := "", ""
		if from > 0 {
			prefix = "…"
		}
		if to < len(text) {
			suffix = "…"
		}
		text = prefix + strings.ToValidUTF8(text[from:to], "") + suffix
		col = col - from + len(prefix)
	}
	var b strings.Builder
	for i, c := range text {
		if i >= col {
			break
		}
		if c == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('^')
	return text, b.String(), true
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
		for _, e := range fx.Edits {
			jf.Edits = append(jf.Edits, jsonEdit{File: r.rel(e.Pos.Filename), Line: e.Pos.Line, Column: e.Pos.Column,
				EndLine: e.End.Line, EndColumn: e.End.Column, Offset: e.Pos.Offset, EndOffset: e.End.Offset, NewText: e.NewText})
		}
		d.Fixes = append(d.Fixes, jf)
	}
	return d
}
