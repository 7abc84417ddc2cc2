package analyzer

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/chainlint/chainlint/graph"
)

// The IDs of the rules the driver itself reports about ignores.
const (
	IgnoreWithoutReasonRule = "ignore-without-reason"
	UnusedIgnoreRule        = "unused-ignore"
)

// Directive is a "chainlint:ignore RULE[,RULE] -- reason" comment in an
// input file (HCL, YAML, VCL: after # or //). At the end of a line it
// silences that line's findings; alone on its line, the next line's.
type Directive struct {
	Pos, End token.Pos
	File     string
	Line     int // the line whose findings it silences
	Rules    []string
	Reason   string
	used     bool
}

// ConfigIgnore silences findings by what they are about.
type ConfigIgnore struct {
	Rules   []string // empty: every rule
	Service string
	Object  string
	// MatchFile reports whether a finding's file is the one meant; nil
	// matches every file.
	MatchFile func(filename string) bool
	Reason    string
	Pos, End  token.Pos // the entry in the config file
	used      bool
}

// Directives finds the ignore comments of a file.
func Directives(f *graph.File) []*Directive {
	var out []*Directive
	for _, ln := range f.IgnoreLines() {
		text := ln.Text
		for from := 0; ; {
			i := strings.Index(text[from:], graph.IgnoreWord)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(graph.IgnoreWord)
			before := text[:at]
			marker := max(strings.LastIndex(before, "#"), strings.LastIndex(before, "//"))
			if marker < 0 {
				continue // not in a comment
			}
			line := f.Line(f.Pos(ln.Off + at))
			d := &Directive{Pos: f.Pos(ln.Off + marker), End: f.Pos(ln.Off + len(text)), File: f.Name, Line: line}
			if strings.TrimSpace(before[:marker]) == "" {
				d.Line = line + 1 // a comment alone on its line covers the next one
			}
			rest := strings.TrimRight(text[from:], "\r")
			rest = strings.TrimSuffix(strings.TrimSpace(rest), "*/")
			spec, reason, _ := strings.Cut(rest, "--")
			d.Reason = strings.TrimSpace(reason)
			d.Rules = strings.FieldsFunc(spec, func(c rune) bool { return c == ',' || c == ' ' || c == '\t' })
			out = append(out, d)
		}
	}
	return out
}

func (d *Directive) covers(rule string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

func (ci *ConfigIgnore) matches(f Finding) bool {
	if len(ci.Rules) > 0 {
		found := false
		for _, r := range ci.Rules {
			found = found || r == f.Rule
		}
		if !found {
			return false
		}
	}
	if ci.Service != "" && ci.Service != f.Service {
		return false
	}
	if ci.Object != "" && ci.Object != f.Object {
		return false
	}
	return ci.MatchFile == nil || ci.MatchFile(f.Pos.Filename)
}

// suppress drops findings that an ignore comment or a config ignore
// covers, and reports ignores without a reason and ignores that silence
// nothing (when those rules are active).
func suppress(g *graph.Graph, findings []Finding, cfg *Config, rules map[string]*Rule) []Finding {
	type fileLine struct {
		file string
		line int
	}
	byLine := map[fileLine][]*Directive{}
	var all []*Directive
	for _, f := range g.Files.List() {
		for _, d := range Directives(f) {
			byLine[fileLine{d.File, d.Line}] = append(byLine[fileLine{d.File, d.Line}], d)
			all = append(all, d)
		}
	}
	kept := findings[:0] // filtered in place: the caller keeps only the result
	for _, f := range findings {
		silenced := false
		for _, d := range byLine[fileLine{f.Pos.Filename, f.Pos.Line}] {
			if d.covers(f.Rule) {
				d.used, silenced = true, true
			}
		}
		for _, ci := range cfg.Ignores {
			if !silenced && ci.matches(f) {
				ci.used, silenced = true, true
			}
		}
		if !silenced {
			kept = append(kept, f)
		}
	}
	report := func(id string, pos, end token.Pos, msg string) {
		r := rules[id]
		if r == nil || cfg.Severity[id] == SeverityNone {
			return
		}
		sev := r.Severity
		if s, ok := cfg.Severity[id]; ok {
			sev = s
		}
		kept = append(kept, Finding{Rule: id, Severity: sev, Message: msg, Pos: g.Files.Position(pos), End: g.Files.Position(end)})
	}
	// An ignore of rules that are all off (or not run) is not unused: it
	// silences them when they are turned back on (golangci-lint's
	// nolintlint judges only enabled linters' directives so).
	active := func(ids []string) bool {
		if len(ids) == 0 {
			return true
		}
		for _, id := range ids {
			if rules[id] != nil && cfg.Severity[id] != SeverityNone {
				return true
			}
		}
		return false
	}
	for _, d := range all {
		what := "all rules"
		if len(d.Rules) > 0 {
			what = strings.Join(d.Rules, ", ")
		}
		if d.Reason == "" {
			report(IgnoreWithoutReasonRule, d.Pos, d.End, fmt.Sprintf("this ignore of %s gives no reason; say why after \"--\" (# chainlint:ignore %s -- why this is fine), so the next reader can judge it", what, what))
		}
		if !d.used && active(d.Rules) {
			report(UnusedIgnoreRule, d.Pos, d.End, fmt.Sprintf("this ignore of %s silences nothing on line %d; remove it", what, d.Line))
		}
	}
	for _, ci := range cfg.Ignores {
		if !ci.used && ci.Pos.IsValid() && active(ci.Rules) {
			report(UnusedIgnoreRule, ci.Pos, ci.End, "this ignore entry of the config file silences nothing; remove it")
		}
	}
	return kept
}
