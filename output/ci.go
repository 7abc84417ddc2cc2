package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/printable"
)

// RuleInfo describes a rule for the formats that list rules (SARIF).
type RuleInfo struct {
	ID       string
	Severity analyzer.Severity
	Summary  string
	Doc      string
	HelpURI  string
}

// InformationURI is chainlint's home page, named in SARIF.
const InformationURI = "https://github.com/chainlint/chainlint"

// sarifLevel maps a severity to SARIF's level.
func sarifLevel(s analyzer.Severity) string {
	switch s {
	case analyzer.SeverityError:
		return "error"
	case analyzer.SeverityWarning:
		return "warning"
	}
	return "note"
}

func (r *Report) region(pos, end token.Position) *sarif.Region {
	if r.columns == nil {
		r.columns = NewColumns(r.Source)
	}
	reg := sarif.NewRegion().WithStartLine(pos.Line).WithStartColumn(r.columns.UTF16(pos))
	if end.Line > 0 && (end.Line > pos.Line || end.Column > pos.Column) {
		reg.WithEndLine(end.Line).WithEndColumn(r.columns.UTF16(end))
	}
	return reg
}

// Fingerprint identifies a finding across edits that move it: rule, file,
// service, object and message, never line numbers. Equal findings are told
// apart by their order of occurrence.
func Fingerprint(f analyzer.Finding, file string, occurrence int) string {
	sum := sha256.Sum256([]byte(strings.Join([]string{f.Rule, file, f.Service, f.Object, f.Message, fmt.Sprint(occurrence)}, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// fingerprinter gives the findings' fingerprints one at a time, in order,
// counting the occurrences of equal findings by a digest of what they
// share (not the text itself: thousands of findings stream through).
type fingerprinter struct {
	r    *Report
	seen map[[sha256.Size]byte]int
}

func newFingerprinter(r *Report) *fingerprinter {
	return &fingerprinter{r: r, seen: map[[sha256.Size]byte]int{}}
}

// next returns the i-th finding's fingerprint; i counts up from 0.
func (fp *fingerprinter) next(i int) string {
	f := fp.r.Findings[i]
	file := fp.r.rel(f.Pos.Filename)
	key := sha256.Sum256([]byte(strings.Join([]string{f.Rule, file, f.Service, f.Object, f.Message}, "\x00")))
	n := fp.seen[key]
	fp.seen[key]++
	return Fingerprint(f, file, n)
}

// writeSARIF streams the report: the SARIF object model holds the run
// without its results, and each result is built, marshalled and written
// in turn, so that thousands of findings never exist as one model (or
// one marshalled buffer). The bytes are those go-sarif's PrettyWrite
// gives the whole model (TestSARIFStreamsLikeTheModel).
func writeSARIF(w io.Writer, r *Report) error {
	if r.columns == nil {
		r.columns = NewColumns(r.Source)
	}
	rep, _ := r.sarifModel()
	var raw bytes.Buffer
	if err := rep.PrettyWrite(&raw); err != nil {
		return err
	}
	compacted, err := compactJSON(raw.Bytes(), "")
	if err != nil {
		return err
	}
	head := bytes.NewBuffer(append(compacted, '\n'))
	// Results sit at a run's indentation, 6 spaces; a string cannot hold a
	// raw newline, so the marker occurs only there.
	const marker = "\n      \"results\": ["
	at := bytes.Index(head.Bytes(), []byte(marker+"]"))
	if at < 0 {
		return fmt.Errorf("sarif: no results array in the report skeleton")
	}
	at += len(marker)
	bw := bufio.NewWriter(w)
	// A bufio.Writer's errors stick: Flush returns the first.
	write := func(s string) { _, _ = bw.WriteString(s) }
	write(head.String()[:at])
	prints, index := newFingerprinter(r), r.ruleIndex()
	for i := range r.Findings {
		b, err := json.Marshal(r.sarifResult(i, prints.next(i), index))
		if err != nil {
			return err
		}
		if b, err = compactJSON(b, resultIndent); err != nil {
			return err
		}
		if i > 0 {
			write(",")
		}
		write("\n" + resultIndent)
		_, _ = bw.Write(b)
	}
	if len(r.Findings) > 0 {
		write("\n      ")
	}
	write(head.String()[at:])
	return bw.Flush()
}

// resultIndent is where PrettyWrite puts a run's results.
const resultIndent = "        "

// sarifModel is the SARIF report of r without results, and its run.
func (r *Report) sarifModel() (*sarif.Report, *sarif.Run) {
	run := sarif.NewRunWithInformationURI("chainlint", InformationURI)
	version := r.Version
	if version == "" {
		version = "0.0.0-dev"
	}
	run.Tool.Driver.WithVersion(version).WithSemanticVersion(strings.TrimPrefix(version, "v"))
	for _, ri := range r.Rules {
		run.AddRule(ri.ID).
			WithName(ruleName(ri.ID)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(ri.Summary)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(ri.Doc)).
			WithHelpURI(ri.HelpURI).
			WithHelp(sarif.NewMultiformatMessageString().WithText(ri.Doc).WithMarkdown(fmt.Sprintf("%s\n\nSee [%s](%s).", ri.Summary, ri.ID, ri.HelpURI))).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(ri.Severity)))
	}
	if r.Incomplete {
		run.AddInvocation(sarif.NewInvocation().WithExecutionSuccessful(false).
			AddToolExecutionNotification(sarif.NewNotification().WithLevel("error").
				WithMessage(sarif.NewTextMessage("some inputs could not be analysed; see the parse-error and vcl-syntax results"))))
	} else {
		run.AddInvocation(sarif.NewInvocation().WithExecutionSuccessful(true))
	}
	rep := sarif.NewReport()
	rep.AddRun(run)
	return rep, run
}

func (r *Report) ruleIndex() map[string]int {
	index := make(map[string]int, len(r.Rules))
	for i, ri := range r.Rules {
		index[ri.ID] = i
	}
	return index
}

// sarifResult is the SARIF result of finding i.
func (r *Report) sarifResult(i int, fingerprint string, index map[string]int) *sarif.Result {
	f := r.Findings[i]
	res := sarif.NewRuleResult(f.Rule).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(f.Message)).
		WithPartialFingerprints(map[string]string{"chainlint/v1": fingerprint}). // AddPartialFingerprint panics on a nil map in go-sarif v3.3.1
		AddLocation(r.sarifLocation(f.Pos, f.End, ""))
	if k, ok := index[f.Rule]; ok {
		res.WithRuleIndex(k)
	}
	for j, rel := range f.Related {
		loc := r.sarifLocation(rel.Pos, rel.End, rel.Message)
		loc.WithID(j + 1)
		res.AddRelatedLocation(loc)
	}
	for _, fx := range f.Fixes {
		fix := sarif.NewFix().WithDescription(sarif.NewTextMessage(fx.Message))
		changes := map[string]*sarif.ArtifactChange{}
		for _, e := range fx.Edits() {
			name := r.rel(e.Pos.Filename)
			ch := changes[name]
			if ch == nil {
				ch = sarif.NewArtifactChange().WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(name)).WithURIBaseID("%SRCROOT%"))
				changes[name] = ch
				fix.ArtifactChanges = append(fix.ArtifactChanges, ch)
			}
			// The deleted region by line and column (an insertion is an
			// empty region), as SARIF viewers apply fixes.
			reg := sarif.NewRegion().WithStartLine(e.Pos.Line).WithStartColumn(r.columns.UTF16(e.Pos)).
				WithEndLine(e.End.Line).WithEndColumn(r.columns.UTF16(e.End))
			ch.Replacements = append(ch.Replacements, &sarif.Replacement{DeletedRegion: reg, InsertedContent: sarif.NewArtifactContent().WithText(e.NewText)})
		}
		res.Fixes = append(res.Fixes, fix)
	}
	return res
}

// compactJSON drops what go-sarif writes for every unset field: empty
// arrays and objects (but a run's results, which SARIF viewers expect) and
// the -1 it uses for unset indexes, offsets and ranks. The result is still
// valid SARIF 2.1.0, a third of the size.
func compactJSON(b []byte, prefix string) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	v = compactValue(v)
	return json.MarshalIndent(v, prefix, "  ")
}

var sarifSentinels = map[string]bool{"id": true, "index": true, "byteOffset": true, "charOffset": true, "rank": true,
	"parentIndex": true, "ruleIndex": true}

func compactValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			e = compactValue(e)
			switch x := e.(type) {
			case []any:
				if len(x) == 0 && k != "results" {
					delete(t, k)
					continue
				}
			case map[string]any:
				if len(x) == 0 {
					delete(t, k)
					continue
				}
			case json.Number:
				if sarifSentinels[k] && x.String() == "-1" {
					delete(t, k)
					continue
				}
			}
			t[k] = e
		}
		return t
	case []any:
		for i, e := range t {
			t[i] = compactValue(e)
		}
		return t
	}
	return v
}

func (r *Report) sarifLocation(pos, end token.Position, msg string) *sarif.Location {
	phys := sarif.NewPhysicalLocation().
		WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(r.rel(pos.Filename))).WithURIBaseID("%SRCROOT%")).
		WithRegion(r.region(pos, end))
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if msg != "" {
		loc.WithMessage(sarif.NewTextMessage(msg))
	}
	return loc
}

// ruleName is a rule ID in the PascalCase SARIF viewers show as a name.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
func writeGitHub(w io.Writer, r *Report) error {
	for _, f := range r.Findings {
		cmd := "notice"
		switch f.Severity {
		case analyzer.SeverityError:
			cmd = "error"
		case analyzer.SeverityWarning:
			cmd = "warning"
		}
		props := []string{
			"file=" + escapeProperty(printable.String(r.rel(f.Pos.Filename))),
			fmt.Sprintf("line=%d", f.Pos.Line),
			fmt.Sprintf("col=%d", f.Pos.Column),
		}
		if f.End.Line > 0 {
			props = append(props, fmt.Sprintf("endLine=%d", f.End.Line), fmt.Sprintf("endColumn=%d", f.End.Column))
		}
		props = append(props, "title="+escapeProperty("chainlint "+f.Rule))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(f.Message+" ["+f.Rule+"]")); err != nil {
			return err
		}
	}
	if r.Incomplete {
		_, err := fmt.Fprintln(w, "::error title=chainlint::some inputs could not be analysed; the result is incomplete")
		return err
	}
	return nil
}

// sarifURI is a relative file name as a SARIF artifactLocation.uri: a URI
// reference, so a space or a control character is percent-encoded.
func sarifURI(name string) string {
	return (&url.URL{Path: filepath.ToSlash(name)}).EscapedPath()
}

// GitHubData escapes a workflow command's message (::error …::MESSAGE).
func GitHubData(s string) string { return escapeData(s) }

// GitHubProperty escapes a workflow command's property (file=, title=).
func GitHubProperty(s string) string { return escapeProperty(s) }

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(printable.Lines(s))
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Checkstyle is the checkstyle XML document (as Jenkins and SonarQube read it).
type Checkstyle struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []CheckstyleFile `xml:"file"`
}

// CheckstyleFile holds one file's errors.
type CheckstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []CheckstyleError `xml:"error"`
}

// CheckstyleError is one finding.
type CheckstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func writeCheckstyle(w io.Writer, r *Report) error {
	doc := Checkstyle{Version: "4.3"}
	byFile := map[string]int{}
	for _, f := range r.Findings {
		name := r.rel(f.Pos.Filename)
		i, ok := byFile[name]
		if !ok {
			i = len(doc.Files)
			byFile[name] = i
			doc.Files = append(doc.Files, CheckstyleFile{Name: name})
		}
		sev := f.Severity.String()
		doc.Files[i].Errors = append(doc.Files[i].Errors, CheckstyleError{
			Line: f.Pos.Line, Column: f.Pos.Column, Severity: sev, Message: f.Message, Source: "chainlint." + f.Rule,
		})
	}
	return writeXML(w, doc)
}

// JUnit is the JUnit XML document CI dashboards read: one suite per file,
// one failing test case per finding; a clean run is one passing case.
type JUnit struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

// JUnitSuite groups one file's findings.
type JUnitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []JUnitCase `xml:"testcase"`
}

// JUnitCase is one finding (or the passing case of a clean run).
type JUnitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *JUnitFailure `xml:"failure,omitempty"`
	Error     *JUnitFailure `xml:"error,omitempty"`
}

// JUnitFailure describes why a case failed.
type JUnitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func writeJUnit(w io.Writer, r *Report) error {
	doc := JUnit{Name: "chainlint"}
	byFile := map[string]int{}
	var names []string
	suites := map[string]*JUnitSuite{}
	for _, f := range r.Findings {
		name := r.rel(f.Pos.Filename)
		if _, ok := byFile[name]; !ok {
			byFile[name] = len(names)
			names = append(names, name)
			suites[name] = &JUnitSuite{Name: name}
		}
		s := suites[name]
		fail := &JUnitFailure{
			Message: f.Message, Type: f.Rule,
			Text: fmt.Sprintf("%s:%d:%d: %s: %s [%s]", name, f.Pos.Line, f.Pos.Column, f.Severity, f.Message, f.Rule),
		}
		c := JUnitCase{Name: fmt.Sprintf("%s %s:%d:%d", f.Rule, name, f.Pos.Line, f.Pos.Column), ClassName: name}
		if r := graph.RuleID(f.Rule); r == graph.RuleParseError || r == graph.RuleVCLSyntax {
			c.Error = fail
			s.Errors++
		} else {
			c.Failure = fail
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
	}
	sort.Strings(names)
	for _, n := range names {
		s := suites[n]
		doc.Suites = append(doc.Suites, *s)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
	}
	if len(doc.Suites) == 0 {
		doc.Suites = []JUnitSuite{{Name: "chainlint", Tests: 1, Cases: []JUnitCase{{Name: "chain analysis", ClassName: "chainlint"}}}}
		doc.Tests = 1
	}
	return writeXML(w, doc)
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
