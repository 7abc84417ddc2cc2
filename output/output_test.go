package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"go/token"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/chainlint/chainlint/analyzer"
)

const src = "{\n  \"name\": \"wẃw\", \"address\": \"chained.example.com\"\n}\n"

func pos(line, col, off int) token.Position {
	return token.Position{Filename: "/work/estate.json", Line: line, Column: col, Offset: off}
}

func sampleReport() *Report {
	return &Report{
		Findings: []analyzer.Finding{
			{
				Rule: "missing-host-override", Severity: analyzer.SeverityError,
				Message: "backend \"b\" loops: 100% sure,\nreally", Pos: pos(2, 34, 35), End: pos(2, 55, 56),
				Service: "www", Object: `backend "b"`,
				Related: []analyzer.Related{{Pos: pos(1, 1, 0), End: pos(1, 2, 1), Message: "declared here"}},
				Fixes:   []analyzer.Fix{analyzer.NewFix("set override_host", analyzer.Edit{Pos: pos(2, 3, 4), End: pos(2, 3, 4), NewText: "x"})},
			},
			{Rule: "long-chain", Severity: analyzer.SeverityInfo, Message: "long", Pos: pos(3, 1, 58), End: pos(3, 2, 59), Service: "www"},
			{Rule: "parse-error", Severity: analyzer.SeverityError, Message: "bad", Pos: token.Position{Filename: "/work/b.yaml", Line: 1, Column: 1}},
		},
		Services: 1, Files: 2,
		Source: func(name string) []byte {
			if name == "/work/estate.json" {
				return []byte(src)
			}
			return nil
		},
		Rel:     RelativeTo("/work"),
		Version: "v0.1.0",
		Rules: []RuleInfo{
			{ID: "long-chain", Severity: analyzer.SeverityInfo, Summary: "s", Doc: "d", HelpURI: "https://example.com/long-chain.md"},
			{ID: "missing-host-override", Severity: analyzer.SeverityError, Summary: "s", Doc: "d", HelpURI: "https://example.com/m.md"},
			{ID: "parse-error", Severity: analyzer.SeverityError, Summary: "s", Doc: "d", HelpURI: "https://example.com/p.md"},
		},
	}
}

func render(t *testing.T, format string, r *Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schemaFile, err := os.Open("../testdata/schemas/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const id = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := c.AddResource(id, schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*Report{sampleReport(), {Incomplete: true}, {}} {
		out := render(t, "sarif", r)
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("SARIF does not validate: %v\n%s", err, out)
		}
	}
}

func TestSARIFContent(t *testing.T) {
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID                   string `json:"id"`
						HelpURI              string `json:"helpUri"`
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndColumn int }
					}
				}
				RelatedLocations []struct{ Message struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal([]byte(render(t, "sarif", sampleReport())), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	if run.Tool.Driver.Name != "chainlint" || run.Tool.Driver.Version != "v0.1.0" || len(run.Tool.Driver.Rules) != 3 {
		t.Errorf("driver %+v", run.Tool.Driver)
	}
	if l := run.Tool.Driver.Rules[0].DefaultConfiguration.Level; l != "note" {
		t.Errorf("info rule level %q, want note", l)
	}
	r0 := run.Results[0]
	loc := r0.Locations[0].PhysicalLocation
	// Column 34 in bytes is column 33 in UTF-16 units: ẃ is 3 bytes, 1 unit.
	if r0.RuleID != "missing-host-override" || r0.RuleIndex != 1 || r0.Level != "error" ||
		loc.ArtifactLocation.URI != "estate.json" || loc.Region.StartLine != 2 || loc.Region.StartColumn != 32 ||
		r0.PartialFingerprints["chainlint/v1"] == "" || len(r0.RelatedLocations) != 1 {
		t.Errorf("result %+v", r0)
	}
}

func TestFingerprintSurvivesLineMoves(t *testing.T) {
	a, b := sampleReport(), sampleReport()
	b.Findings[0].Pos.Line += 10
	b.Findings[0].End.Line += 10
	if fa, fb := a.fingerprints()[0], b.fingerprints()[0]; fa != fb {
		t.Errorf("fingerprint changed when the finding moved: %s, %s", fa, fb)
	}
	c := sampleReport()
	c.Findings = append(c.Findings, c.Findings[0])
	if p := c.fingerprints(); p[0] == p[3] {
		t.Error("two equal findings share a fingerprint")
	}
}

func TestGitHub(t *testing.T) {
	out := render(t, "github", sampleReport())
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := "::error file=estate.json,line=2,col=34,endLine=2,endColumn=55,title=chainlint missing-host-override::backend \"b\" loops: 100%25 sure,%0Areally [missing-host-override]"
	if lines[0] != want {
		t.Errorf("got  %s\nwant %s", lines[0], want)
	}
	if !strings.HasPrefix(lines[1], "::notice file=estate.json,line=3") {
		t.Errorf("info finding: %s", lines[1])
	}
	if inc := render(t, "github", &Report{Incomplete: true}); !strings.Contains(inc, "::error title=chainlint::") {
		t.Errorf("incomplete run: %q", inc)
	}
}

func TestCheckstyle(t *testing.T) {
	var doc Checkstyle
	if err := xml.Unmarshal([]byte(render(t, "checkstyle", sampleReport())), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 2 || doc.Files[0].Name != "estate.json" || len(doc.Files[0].Errors) != 2 {
		t.Fatalf("files %+v", doc.Files)
	}
	e := doc.Files[0].Errors[0]
	if e.Line != 2 || e.Column != 34 || e.Severity != "error" || e.Source != "chainlint.missing-host-override" || !strings.Contains(e.Message, "\nreally") {
		t.Errorf("error %+v", e)
	}
}

func TestJUnit(t *testing.T) {
	var doc JUnit
	if err := xml.Unmarshal([]byte(render(t, "junit", sampleReport())), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 3 || doc.Failures != 2 || doc.Errors != 1 || len(doc.Suites) != 2 {
		t.Fatalf("testsuites %+v", doc)
	}
	if c := doc.Suites[1].Cases[0]; c.Failure == nil || c.Failure.Type != "missing-host-override" {
		t.Errorf("case %+v", c)
	}
	var clean JUnit
	if err := xml.Unmarshal([]byte(render(t, "junit", &Report{})), &clean); err != nil {
		t.Fatal(err)
	}
	if clean.Tests != 1 || clean.Failures != 0 || clean.Suites[0].Cases[0].Failure != nil {
		t.Errorf("a clean run must be one passing case: %+v", clean)
	}
}

// excerptOf renders the excerpt of one position in src.
func excerptOf(src string, offset, column int) (string, string, bool) {
	r := &Report{Source: func(string) []byte { return []byte(src) }}
	return r.excerpt(token.Position{Filename: "f", Offset: offset, Column: column})
}

func TestTextExcerpt(t *testing.T) {
	long := strings.Repeat("x", 500) + "TARGET" + strings.Repeat("y", 500)
	for _, tc := range []struct {
		name, src      string
		offset, column int
		line, caret    string // "" line: no excerpt
	}{
		{"short", "ab\nxyTARGET z\n", 5, 3, "xyTARGET z", "  ^"},
		{"CRLF", "ab\r\nxyTARGET\r\n", 6, 3, "xyTARGET", "  ^"},
		{"tab kept", "\tTARGET", 1, 2, "\tTARGET", "\t^"},
		{"long line", long, 500, 501, "…" + strings.Repeat("x", 60) + "TARGET" + strings.Repeat("y", 54) + "…", strings.Repeat(" ", 61) + "^"},
		// A lone CR before the column (a line break for no parser here)
		// once cut the line short of the column: a panic.
		{"lone CR before the column", strings.Repeat("a", 130) + "\r" + "bTARGET", 132, 133, "…" + strings.Repeat("a", 58) + "?bTARGET", strings.Repeat(" ", 61) + "^"},
		{"escape sequence shown as ?", "\x1b[31mTARGET", 5, 6, "?[31mTARGET", "     ^"},
		{"invalid UTF-8", "\xff\xfeTARGET", 2, 3, "??TARGET", "  ^"},
		{"multi-byte runes", "é€TARGET", 5, 6, "é€TARGET", "  ^"},
		{"column past a line break", "ab\nTARGET", 3, 9, "TARGET", "^"},
		{"offset at the end", "abc", 3, 4, "abc", "   ^"},
		{"offset past the end", "abc", 9, 10, "", ""},
		{"negative column", "abc", 1, 0, "", ""},
		{"window cut mid-rune", strings.Repeat("é", 100) + "TARGET", 200, 201, "…" + strings.Repeat("é", 30) + "TARGET", strings.Repeat(" ", 31) + "^"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line, caret, ok := excerptOf(tc.src, tc.offset, tc.column)
			if tc.line == "" {
				if ok {
					t.Errorf("an excerpt %q for an impossible position", line)
				}
				return
			}
			if line != tc.line || caret != tc.caret {
				t.Errorf("got\n%q\n%q\nwant\n%q\n%q", line, caret, tc.line, tc.caret)
			}
			if !utf8.ValidString(line) {
				t.Error("invalid UTF-8 printed")
			}
		})
	}
}

// FuzzExcerpt: any bytes, any position: no panic, valid UTF-8, bounded.
func FuzzExcerpt(f *testing.F) {
	f.Add([]byte("ab\r\ncd"), 3, 2)
	f.Add([]byte(strings.Repeat("a", 130)+"\rb"), 131, 132)
	f.Fuzz(func(t *testing.T, src []byte, offset, column int) {
		line, caret, ok := excerptOf(string(src), offset, column)
		// A window within reach of the position gives the same caret line
		// as the whole file (a released file is read a window at a time),
		// secrets masked alike.
		secret := func(string) [][2]int { return [][2]int{{offset - 3, offset + 2}} }
		whole := &Report{Source: func(string) []byte { return src }, Secrets: secret}
		windowed := &Report{Secrets: secret, Window: func(_ string, off, reach int) ([]byte, int) {
			from, to := max(0, off-reach), min(len(src), off+reach)
			if from > to {
				return nil, 0
			}
			return src[from:to], from
		}}
		pos := token.Position{Filename: "f", Offset: offset, Column: column}
		wl, wc, wok := whole.excerpt(pos)
		gl, gc, gok := windowed.excerpt(pos)
		if wl != gl || wc != gc || wok != gok {
			t.Errorf("offset %d column %d: windowed %q %q %v, whole %q %q %v", offset, column, gl, gc, gok, wl, wc, wok)
		}
		if !ok {
			return
		}
		if !utf8.ValidString(line) || len([]rune(line)) > maxLineWidth+2 || len(caret) > maxLineWidth+2 {
			t.Errorf("%q / %q", line, caret)
		}
	})
}

func TestColumns(t *testing.T) {
	src := []byte("aé😀b\nx€y")
	cols := NewColumns(func(string) []byte { return src })
	for _, tc := range []struct{ offset, column, want int }{
		{0, 1, 1},  // a
		{1, 2, 2},  // é: one unit
		{3, 4, 3},  // 😀: two units
		{7, 8, 5},  // b
		{9, 1, 1},  // x on line 2
		{10, 2, 2}, // €
		{13, 5, 3}, // y
	} {
		if got := cols.UTF16(token.Position{Filename: "f", Offset: tc.offset, Column: tc.column}); got != tc.want {
			t.Errorf("offset %d: column %d, want %d", tc.offset, got, tc.want)
		}
	}
}

// TestSARIFStreamsLikeTheModel: the streamed SARIF is byte for byte what
// go-sarif writes for the whole model, results included.
func TestSARIFStreamsLikeTheModel(t *testing.T) {
	for _, r := range []*Report{sampleReport(), {Incomplete: true}, {}} {
		rep, run := r.sarifModel()
		prints, index := r.fingerprints(), r.ruleIndex()
		for i := range r.Findings {
			run.AddResult(r.sarifResult(i, prints[i], index))
		}
		var model bytes.Buffer
		if err := rep.PrettyWrite(&model); err != nil {
			t.Fatal(err)
		}
		want, err := compactJSON(model.Bytes(), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := render(t, "sarif", r); got != string(want)+"\n" {
			t.Errorf("streamed SARIF differs from the model's:\n%s\nwant:\n%s", got, want)
		}
	}
}

// TestJSONStreamsLikeTheModel: the streamed JSON is byte for byte what
// encoding/json's indented Encoder writes for the whole report.
func TestJSONStreamsLikeTheModel(t *testing.T) {
	html := sampleReport()
	html.Findings[0].Message = "<b> & </b>" // not escaped
	for _, r := range []*Report{sampleReport(), html, {Incomplete: true}, {}} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(jsonModel(r)); err != nil {
			t.Fatal(err)
		}
		if got := render(t, "json", r); got != want.String() {
			t.Errorf("streamed JSON differs from the model's:\n%s\nwant:\n%s", got, want.String())
		}
	}
}

// fingerprints returns each finding's fingerprint, in order.
func (r *Report) fingerprints() []string {
	fp := newFingerprinter(r)
	out := make([]string, len(r.Findings))
	for i := range r.Findings {
		out[i] = fp.next(i)
	}
	return out
}

// TestSARIFCompactWithFixes: suggested fixes are SARIF fixes (artifact
// changes with replacements), and go-sarif's unset fields are gone: no
// empty arrays but results, no -1 sentinels.
func TestSARIFCompactWithFixes(t *testing.T) {
	out := render(t, "sarif", sampleReport())
	if strings.Contains(out, ": -1") || strings.Contains(out, "{}") {
		t.Errorf("sentinels or empty objects left:\n%s", out)
	}
	if n := strings.Count(out, "[]"); n != 0 {
		t.Errorf("%d empty arrays left:\n%s", n, out)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				Fixes []struct {
					Description     struct{ Text string }
					ArtifactChanges []struct {
						ArtifactLocation struct{ URI string }
						Replacements     []struct {
							DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	fx := doc.Runs[0].Results[0].Fixes
	if len(fx) != 1 || fx[0].Description.Text != "set override_host" || len(fx[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes: %+v", fx)
	}
	ch := fx[0].ArtifactChanges[0]
	if ch.ArtifactLocation.URI != "estate.json" || len(ch.Replacements) != 1 || ch.Replacements[0].InsertedContent.Text != "x" ||
		ch.Replacements[0].DeletedRegion.StartLine != 2 || ch.Replacements[0].DeletedRegion.StartColumn != 3 {
		t.Errorf("change: %+v", ch)
	}
	empty := render(t, "sarif", &Report{})
	if !strings.Contains(empty, `"results": []`) {
		t.Errorf("an empty run lost its results array:\n%s", empty)
	}
}

// TestSARIFURI: artifact locations are URI references: a space or a
// control character in a file name is percent-encoded.
func TestSARIFURI(t *testing.T) {
	for in, want := range map[string]string{"dir/estate.json": "dir/estate.json", "my estate.json": "my%20estate.json", "e\x1b.json": "e%1B.json", "a#b?.tf": "a%23b%3F.tf"} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestUTF16IndexMatchesRuneByRune checks the index (which passes ASCII
// eight bytes at a time) against counting rune by rune, on texts whose
// non-ASCII runes, invalid bytes and ends fall at every alignment.
func TestUTF16IndexMatchesRuneByRune(t *testing.T) {
	pieces := []string{"a", "abcdefgh", "é", "😀", "€", "\xff", "\xe2\x82", "\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := []byte(b.String())
		idx := newUTF16Index(src)
		units := 0
		for off := 0; off <= len(src); {
			if got := off - idx.deltaAt(off); got != units {
				t.Fatalf("%q: offset %d is %d UTF-16 units in, index says %d", src, off, units, got)
			}
			if off == len(src) {
				break
			}
			r, w := utf8.DecodeRune(src[off:])
			units++
			if r >= 0x10000 {
				units++
			}
			off += w
		}
	}
}
