package fastlyapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
)

// TestListTypeErrors: a list of objects with something else among them
// keeps its objects, in order, and reports each other item where it is;
// a member that is not a list at all is reported and read as empty.
func TestListTypeErrors(t *testing.T) {
	backend := func(name string) string { return `{"name": "` + name + `", "address": "o.example"}` }
	for _, tt := range []struct {
		name     string
		backends string
		want     []string // backend names read
		problems []string // "line:col message"
	}{
		{"objects", "[" + backend("a") + ", " + backend("b") + "]", []string{"a", "b"}, nil},
		{"empty", "[]", nil, nil},
		{"a number among them", "[" + backend("a") + ",\n 42, " + backend("b") + "]", []string{"a", "b"},
			[]string{"2:2 each backend must be an object, not a number"}},
		{"first and last", "[\"x\",\n" + backend("a") + ",\n null]", []string{"a"},
			[]string{"1:2 each backend must be an object, not a string", "3:2 each backend must be an object, not null"}},
		{"not a list", "5", nil, []string{`1:1 "backends" must be an array of backend objects, not a number`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := `{"id": "S", "name": "s", "active_version": {"number": 1, "backends": ` + tt.backends + `}}`
			g := graph.NewGraph()
			if !Load(g, "e.json", []byte(src), true) {
				t.Fatal("not read as an export")
			}
			if len(g.Services) != 1 {
				t.Fatalf("%d services, want 1", len(g.Services))
			}
			var got []string
			for _, b := range g.Services[0].Backends {
				got = append(got, b.Name.Value)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("backends %v, want %v", got, tt.want)
			}
			// Positions are given relative to the backends' value: its
			// first line is the export's only line before it.
			at := strings.Index(src, `"backends": `) + len(`"backends": `)
			var problems []string
			for _, p := range g.Problems {
				pos := g.Files.Position(p.Pos)
				line, col := pos.Line, pos.Column
				if line == 1 {
					col -= at
				}
				problems = append(problems, fmt.Sprintf("%d:%d %s", line, col, p.Message))
			}
			if fmt.Sprint(problems) != fmt.Sprint(tt.problems) {
				t.Errorf("problems %q, want %q", problems, tt.problems)
			}
		})
	}
}

// TestVersionNumbers: the version an export names is the service's; a
// number out of a version's range (negative, past int32, fractional) is
// not kept: the service has no version number, as when none is given.
func TestVersionNumbers(t *testing.T) {
	for _, tt := range []struct {
		number string
		want   int32
	}{
		{"7", 7},
		{"2147483647", 2147483647},
		{"2147483648", 0},
		{"99999999999999999999", 0},
		{"-3", 0},
		{"1.5", 0},
	} {
		src := `{"id": "S", "name": "s", "type": "vcl", "active_version": {"number": ` + tt.number + `}}`
		g := graph.NewGraph()
		if !Load(g, "e.json", []byte(src), true) || len(g.Services) != 1 {
			t.Fatalf("%s: not read as one service", tt.number)
		}
		if s := g.Services[0]; s.Version != tt.want || s.Platform != graph.PlatformVCL || s.Platform.String() != "vcl" {
			t.Errorf("number %s: version %d, platform %q; want %d, vcl", tt.number, s.Version, s.Platform, tt.want)
		}
	}
}
