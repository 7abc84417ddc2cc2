package analyzer

import (
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSortFindings(t *testing.T) {
	at := func(file string, line, col int) token.Position {
		return token.Position{Filename: file, Line: line, Column: col}
	}
	fs := []Finding{
		{Rule: "b", Message: "2", Pos: at("b.json", 1, 1)},
		{Rule: "b", Message: "1", Pos: at("a.json", 2, 1)},
		{Rule: "b", Message: "1", Pos: at("a.json", 1, 5)},
		{Rule: "a", Message: "1", Pos: at("a.json", 1, 5)},
		{Rule: "a", Message: "0", Pos: at("a.json", 1, 5), Service: "first"},
		{Rule: "a", Message: "0", Pos: at("a.json", 1, 5), Service: "second"}, // equal: stays after
		{Rule: "z", Message: "0", Pos: at("a.json", 1, 2)},
	}
	SortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Pos.String()+" "+f.Rule+" "+f.Message+" "+f.Service)
	}
	want := []string{
		"a.json:1:2 z 0 ",
		"a.json:1:5 a 0 first",
		"a.json:1:5 a 0 second",
		"a.json:1:5 a 1 ",
		"a.json:1:5 b 1 ",
		"a.json:2:1 b 1 ",
		"b.json:1:1 b 2 ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SortFindings (-want +got):\n%s", diff)
	}
}
