package output

import (
	"fmt"
	"go/token"
	"io"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
)

// oneLineReport is a minified export of about size bytes, one line long
// with non-ASCII text throughout, and n findings spread along it: what the
// Fastly API and terraform show -json write.
func oneLineReport(size, n int) *Report {
	unit := `{"name":"sérvice-é","address":"chained.example.com"},`
	src := []byte(strings.Repeat(unit, size/len(unit)))
	findings := make([]analyzer.Finding, n)
	for i := range findings {
		off := (len(src) / n) * i
		pos := token.Position{Filename: "/x/estate.json", Offset: off, Line: 1, Column: off + 1}
		findings[i] = analyzer.Finding{Rule: "missing-host-override", Severity: analyzer.SeverityError,
			Message: fmt.Sprintf("finding %d", i), Pos: pos, End: pos, Service: "www"}
	}
	return &Report{Findings: findings, Services: n, Files: 1,
		Source: func(string) []byte { return src },
		Rel:    func(s string) string { return s }, Version: "0.0.0-dev"}
}

// BenchmarkOneLine renders SARIF and text for one-line exports of 2.5, 5
// and 10 MB with 5,000 findings: the time must grow linearly with the
// size (it grew with its square), and 10 MB stay under a second.
func BenchmarkOneLine(b *testing.B) {
	for _, format := range []string{"sarif", "text"} {
		for _, mb := range []float64{2.5, 5, 10} {
			b.Run(fmt.Sprintf("%s/%gMB", format, mb), func(b *testing.B) {
				r := oneLineReport(int(mb*(1<<20)), 5000)
				b.ResetTimer()
				for b.Loop() {
					r.columns, r.secrets = nil, nil // each run starts cold
					if err := Write(io.Discard, format, r); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
