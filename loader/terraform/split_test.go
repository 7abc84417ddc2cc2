package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/chainlint/chainlint/internal/synth/estate"
)

// dumpHCL renders a parse: every block and attribute with its ranges,
// and the diagnostics.
func dumpHCL(f *hcl.File, diags hcl.Diagnostics) string {
	var b strings.Builder
	var walk func(body *hclsyntax.Body, indent string)
	walk = func(body *hclsyntax.Body, indent string) {
		fmt.Fprintf(&b, "%sbody %v end %v\n", indent, body.SrcRange, body.EndRange)
		names := make([]string, 0, len(body.Attributes))
		for n := range body.Attributes {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			a := body.Attributes[n]
			fmt.Fprintf(&b, "%s%s %v %v vars %d\n", indent, n, a.SrcRange, a.Expr.Range(), len(a.Expr.Variables()))
		}
		for _, bl := range body.Blocks {
			fmt.Fprintf(&b, "%s%s %q %v %v\n", indent, bl.Type, bl.Labels, bl.TypeRange, bl.LabelRanges)
			walk(bl.Body, indent+"  ")
		}
	}
	if f != nil {
		if body, ok := f.Body.(*hclsyntax.Body); ok {
			walk(body, "")
		}
	}
	for _, d := range diags {
		fmt.Fprintf(&b, "diag %v %s: %s\n", d.Subject, d.Summary, d.Detail)
	}
	return b.String()
}

func checkPieces(t *testing.T, src []byte, size int) {
	t.Helper()
	whole := dumpHCL(hclsyntax.ParseConfig(src, "main.tf", hcl.Pos{Line: 1, Column: 1}))
	pieces := dumpHCL(parsePieces(src, "main.tf", size))
	if diff := cmp.Diff(whole, pieces); diff != "" {
		t.Errorf("parse in pieces of %d differs from the whole parse (-whole +pieces):\n%s", size, diff)
	}
}

// TestParsePieces parses files in pieces and whole: the same blocks,
// attributes, ranges and diagnostics.
func TestParsePieces(t *testing.T) {
	main, _ := estate.Terraform(estate.Options{Services: 40, Seed: 1})
	if cuts := splitTopLevel(main, 1<<10); len(cuts) < 10 {
		t.Fatalf("the estate was cut in %d pieces, want many", len(cuts)-1)
	}
	checkPieces(t, main, 1<<10)
	files, _ := filepath.Glob("../../testdata/realworld/terraform/*/*/*.tf")
	more, _ := filepath.Glob("testdata/*/*.tf")
	for _, name := range append(files, more...) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			for _, size := range []int{1, 64, 512} {
				checkPieces(t, src, size)
			}
		})
	}
}

func TestSplitTopLevel(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []int // piece starts after 0
	}{
		{"blocks", "a {\n}\nb {\n}\n", []int{6}},
		{"heredoc holding a closing brace", "a {\n x = <<EOT\n}\nEOT\n}\nb {\n}\n", []int{23}},
		{"indented heredoc", "a {\n x = <<-EOT\n  }\n  EOT\n}\nb {\n}\n", []int{28}},
		{"template with a brace in a nested string", "a {\n x = \"${f(\"}\")}\"\n}\nb {\n}\n", []int{23}},
		{"escaped interpolation", "a {\n x = \"$${\"\n}\nb {\n}\n", []int{17}},
		{"comments", "# {\na {\n}\n/* } */\nb {\n} // {\n", []int{4, 10}},
		{"unterminated string", "a {\n x = \"\n}\nb {\n}\n", nil},
		{"unterminated heredoc", "a {\n x = <<EOT\n}\nb {\n}\n", nil},
		{"unbalanced", "a {\n}\n}\nb {\n}\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cuts := splitTopLevel([]byte(tt.src), 1)
			var got []int
			if cuts != nil {
				got = cuts[1 : len(cuts)-1]
				// Cuts fall at every top-level line end: keep the first
				// few.
				got = got[:min(len(got), len(tt.want))]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("cuts (-want +got):\n%s", diff)
			}
			checkPieces(t, []byte(tt.src), 1)
		})
	}
}

// FuzzParsePieces: for any input, a parse in pieces is the whole parse.
func FuzzParsePieces(f *testing.F) {
	for _, pat := range []string{"testdata/*/*.tf", "../../testdata/realworld/terraform/*/*/*.tf"} {
		matches, _ := filepath.Glob(pat)
		for _, m := range matches {
			if b, err := os.ReadFile(m); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		checkPieces(t, src, 16)
	})
}
