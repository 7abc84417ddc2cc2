package vclmodel_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/vclmodel"
)

var recvMarkers = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`^# Snippet (\S+) : (\d+)`), "snippet"},
	{regexp.MustCompile(`^# default conditions`), "default conditions"},
	{regexp.MustCompile(`^# Request Condition: (.+?) Prio: (\d+)`), "condition"},
	{regexp.MustCompile(`^# Header rewrite (.+?) : (\d+)`), "header"},
	{regexp.MustCompile(`^#do shield here (\S+) > (\S+?);`), "shield"},
	{regexp.MustCompile(`^set req\.backend = (F_\w+);`), "backend"},
}

// markers lists the pieces inside a #FASTLY recv macro, in order: the
// comments Fastly writes before each, and the backend assignments before
// shield selection.
func markers(vcl string) []string {
	begin := strings.Index(vcl, "#--FASTLY RECV BEGIN")
	end := strings.Index(vcl, "#--FASTLY RECV END")
	if begin < 0 || end < begin {
		return nil
	}
	var out []string
	shields := false
	for _, line := range strings.Split(vcl[begin:end], "\n") {
		line = strings.TrimSpace(line)
		for _, m := range recvMarkers {
			sub := m.re.FindStringSubmatch(line)
			if sub == nil || m.kind == "backend" && shields {
				continue
			}
			shields = shields || m.kind == "shield"
			out = append(out, m.kind+" "+strings.Join(sub[1:], " "))
		}
	}
	return out
}

// TestEffectiveMatchesFastly rebuilds services whose generated VCL Fastly
// printed (kept in testdata/realworld/vcl) from their objects, and
// compares the order of the pieces inside #FASTLY recv: snippets by
// priority then name, default conditions, request conditions by
// priority with their backends and header objects, shield selection.
func TestEffectiveMatchesFastly(t *testing.T) {
	for _, tc := range []struct {
		name, export, generated string
		// notModelled are pieces of the real VCL chainlint does not render:
		// conditions that gate only response objects (synthetic responses).
		notModelled []string
	}{
		{"changelog.com", "testdata/generated/changelog.json", "../testdata/realworld/vcl/changelog/changelog.com-177.vcl",
			[]string{"condition embed.js 10", "condition www.changelog.com host 10"}},
		{"falco-example", "testdata/generated/falco.json", "../testdata/realworld/vcl/falco/examples/linter/fastly_generated.vcl", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			real, err := os.ReadFile(tc.generated)
			if err != nil {
				t.Fatal(err)
			}
			want := markers(string(real))
			if len(want) == 0 {
				t.Fatal("no pieces found in the real generated VCL")
			}
			res, err := lint.Run(lint.Options{Paths: []string{tc.export}})
			if err != nil {
				t.Fatal(err)
			}
			s := res.Graph.Services[0]
			effective := vclmodel.Effective(res.Graph, s, nil)
			got := markers(effective)
			var expected []string
			for _, m := range want {
				if !slices.Contains(tc.notModelled, m) {
					expected = append(expected, m)
				}
			}
			if !slices.Equal(got, expected) {
				t.Errorf("pieces inside #FASTLY recv:\n got: %q\nwant: %q\n\neffective VCL:\n%s", got, expected, effective)
			}
			if tc.name == "changelog.com" && (s.VCL == nil || s.VCL.Exits == nil) {
				t.Error("the model did not run on the rebuilt service (its snippets choose backends and pass)")
			}
		})
	}
}
