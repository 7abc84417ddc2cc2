package terraform

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

var astOptions = cmp.Options{
	cmp.Comparer(func(a, b cty.Value) bool { return a.RawEquals(b) }),
	cmpopts.IgnoreUnexported(hclsyntax.Body{}, hcl.TraverseRoot{}, hcl.TraverseAttr{}),
}

func refByText(a, b ref) int { return strings.Compare(a.root+"."+a.name, b.root+"."+b.name) }

// checkArena is the arena checkFastParse parses into, again and again.
var checkArena = newPieceArena()

// checkFastParse fails when fastParse takes src and builds other than
// hclsyntax does (or takes input hclsyntax refuses); it reports whether
// fastParse took it.
func checkFastParse(t *testing.T, src []byte, start hcl.Pos) bool {
	t.Helper()
	fast, refs, ok := fastParse(src, "x.tf", start, nil)
	if !ok {
		return false
	}
	f, diags := parseSlow(src, "x.tf", start)
	slow, _ := f.Body.(*hclsyntax.Body)
	if len(diags) > 0 {
		t.Errorf("fastParse took input hclsyntax refuses (%s):\n%s", diags.Error(), src)
		return true
	}
	if d := cmp.Diff(slow, fast, astOptions); d != "" {
		t.Errorf("fastParse differs from hclsyntax (-hclsyntax +fast):\n%s\ninput:\n%s", d, src)
	}
	want := refsOf(bodyRefs(slow))
	slices.SortFunc(want, refByText)
	slices.SortFunc(refs, refByText)
	if d := cmp.Diff(want, refs, cmp.AllowUnexported(ref{}), cmpopts.EquateEmpty()); d != "" {
		t.Errorf("fastParse's references differ from bodyRefs' (-bodyRefs +fast):\n%s\ninput:\n%s", d, src)
	}
	checkArenaParse(t, src, start, slow, refs)
	return true
}

// checkArenaParse parses src again into an arena that holds (poisoned)
// the nodes of the inputs checked before, and fails unless the tree is
// hclsyntax's, slow (an arena's bodies keep non-nil empty lists where
// hclsyntax's may be nil), with the references refs. Only a piece's
// size: a load parses pieces into arenas, not whole files.
func checkArenaParse(t *testing.T, src []byte, start hcl.Pos, slow *hclsyntax.Body, refs []ref) {
	t.Helper()
	if len(src) > 8<<10 {
		return
	}
	checkArena.reset()
	inArena, arenaRefs, ok := fastParse(src, "x.tf", start, checkArena)
	if !ok {
		t.Errorf("fastParse into an arena refused input it took without one:\n%s", src)
	} else if d := cmp.Diff(slow, inArena, astOptions, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("fastParse into a used arena differs from hclsyntax (-hclsyntax +arena):\n%s\ninput:\n%s", d, src)
	} else if slices.SortFunc(arenaRefs, refByText); !cmp.Equal(refs, arenaRefs, cmp.AllowUnexported(ref{})) {
		t.Errorf("fastParse's references differ in an arena: %v, not %v", arenaRefs, refs)
	}
}

// TestFastParse compares fastParse with hclsyntax on cases at the edges
// of its subset, on every Terraform file of the testdata and of the
// real-world corpus (whole, and cut at its top-level blocks as a
// streamed load reads them), and on the synthetic estate's resources.
func TestFastParse(t *testing.T) {
	start := hcl.Pos{Line: 1, Column: 1}
	taken := 0
	for _, tc := range fastParseCases {
		if checkFastParse(t, []byte(tc.src), start) {
			taken++
			if !tc.fast {
				t.Errorf("fastParse took input it should leave to hclsyntax:\n%s", tc.src)
			}
		} else if tc.fast {
			t.Errorf("fastParse left to hclsyntax input of its subset:\n%s", tc.src)
		}
	}
	files, pieces, allFiles, allPieces := 0, 0, 0, 0
	for _, root := range []string{"testdata", "../../testdata"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".tf") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			allFiles++
			if checkFastParse(t, src, start) {
				files++
			}
			cuts := splitTopLevel(src, 1)
			line := 1
			for i := 0; i+1 < len(cuts); i++ {
				if i > 0 {
					line += bytes.Count(src[cuts[i-1]:cuts[i]], []byte{'\n'})
				}
				allPieces++
				if checkFastParse(t, src[cuts[i]:cuts[i+1]], hcl.Pos{Line: line, Column: 1, Byte: cuts[i]}) {
					pieces++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("fastParse took %d cases, %d of %d whole files, %d of %d top-level blocks", taken, files, allFiles, pieces, allPieces)
	if files == 0 || pieces < 100 {
		t.Errorf("fastParse took %d files and %d blocks of the corpus: the comparison compares almost nothing", files, pieces)
	}
}

// FuzzFastParse: whatever fastParse takes, it parses as hclsyntax does.
func FuzzFastParse(f *testing.F) {
	for _, tc := range fastParseCases {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkFastParse(t, []byte(src), hcl.Pos{Line: 3, Column: 5, Byte: 17})
	})
}

var fastParseCases = []struct {
	src  string
	fast bool // fastParse takes it
}{
	{"", true},
	{"\n\n", true},
	{"# only a comment\n", true},
	{"a = 1", true},
	{"a = 1\n", true},
	{"a = 1 # trailing\nb = 2 // another\n", true},
	{"resource \"fastly_service_vcl\" \"s0\" {\n  name = \"service-0\"\n}\n", true},
	{"resource \"t\" \"n\" {\n  name = \"\"\n  x = \"${var.zone}\"\n  y = \"d0.${var.zone}\"\n  z = \"${ local.a.b }.x.${var.c}\"\n}\n", true},
	{"block label {\n\tn = 443\n\tb = true\n\tf = false\n\tz = null\n\tr = local.origin_port\n}\n", true},
	{"r \"t\" \"n\" {\n  # comment\n  inner {\n    a = \"b\"\n  }\n\n  inner {\n    a = \"c\"\n  } # after\n}\n", true},
	{"r \"t\" \"n\" {\n  content = <<-EOT\n    if (req.url ~ \"^/api/\") {\n      set req.http.X = \"1\";\n    }\n  EOT\n}\n", true},
	{"r \"t\" \"n\" {\n  content = <<EOT\n  keep\n    indent\nEOT\n}\n", true},
	{"r {\n  c = <<-EOT\n      a\n\n    b\n       \n  EOT\n}\n", true},
	{"r {\n  c = <<-EOT\n\t\ta\n\tb\n\tEOT\n}\n", true},
	{"r {\n  c = <<-EOT\n  \n    a\n    EOT\n}\n", true},
	{"r {\n  a = \"x$y%z\"\n  b = \"100%\"\n  c = \"$\"\n}\n", true},
	{"r {\n  a = \"a-b_c\"\n  b = var.with-dash\n}\n", true},
	{"r \"\" {\n}\n", true},
	{"a = 0443\n", true},
	{"a = 999999999999999\n", true},
	// Outside the subset: hclsyntax's.
	{"a = \"x\\ny\"\n", false},
	{"a = \"$${x}\"\n", false},
	{"a = \"%{if true}x%{endif}\"\n", false},
	{"a = upper(\"x\")\n", true},
	{"r {\n  content = file(\"${path.module}/vcl/s3.vcl\")\n  b = lookup(var.m, \"k\", 1,)\n  c = f()\n  d = f(g(1), true, var.x.y) # c\n}\n", true},
	{"a = f(x...)\n", false},
	{"a = f(\n  1,\n)\n", false},
	{"a = f(1 2)\n", false},
	{"a = f(1,,2)\n", false},
	{"a = f(1\n", false},
	{"a = provider::p::f(1)\n", false},
	{"a = f(1)[0]\n", false},
	{"a = f(1).x\n", false},
	{"a = f (1)\n", false},
	{"a = \"${f(1)}\"\n", false},
	{"a = [1, 2]\n", true},
	{"r {\n  a = []\n  b = [\"x\", var.y, f([1, \"${z.w}\"]),]\n  c = [[true], null] # c\n  d = f([])\n}\n", true},
	{"a = [for x in y : x]\n", false},
	{"a = [for]\n", false},
	{"a = [forx]\n", true},
	{"a = [1, 2][0]\n", false},
	{"a = [1\n, 2]\n", false},
	{"a = [1 2]\n", false},
	{"a = [1,,]\n", false},
	{"a = f([1, 2)]\n", false},
	{"a = [1, 2)\n", false},
	{"a = [1, 2].x\n", false},
	{"a = [1, 2]...\n", false},
	{"a = f([1, 2]...)\n", false},
	{"a = { b = 1 }\n", false},
	{"a = 1 + 2\n", false},
	{"a = -1\n", false},
	{"a = 1.5\n", false},
	{"a = 1e3\n", false},
	{"a = 9999999999999999\n", false},
	{"a = var.x[0]\n", false},
	{"a = var.x.0\n", false},
	{"a = var.x.*.y\n", false},
	{"a = \"${var.x[0]}\"\n", false},
	{"a = \"${upper(var.x)}\"\n", false},
	{"a = var .x\n", false},
	{"a = true ? 1 : 2\n", false},
	{"a = \"é\"\n", false},
	{"a = 1\r\n", false},
	{"r { a = 1 }\n", true},
	{"variable \"x\" { type = string }\nvariable \"y\" { type = map(any) } # c\nv \"z\" {   default = \"${var.a}\"   }\n", true},
	{"r {}\n", true},
	{"r \"a\" \"b\" {   }\nlifecycle {}", true},
	{"r { a = 1, b = 2 }\n", false},
	{"r { a = 1\n}\n", false},
	{"r { a = 1 } x\n", false},
	{"r { b { } }\n", false},
	{"r { a = 1 # c }\n", false},
	{"r { a = <<EOT\nx\nEOT\n}\n", false},
	{"r { }}\n", false},
	{"r {\n}", true},
	{"r {\n  a = 1\n  a = 2\n}\n", false},
	{"r {\n  c = <<-EOT\n  ${var.x}\n  EOT\n}\n", false},
	{"r {\n  c = <<-EOT\n  EOT\n}\n", false},
	{"r {\n  c = <<-EOT\n  x\n", false},
	{"/* block */\na = 1\n", false},
	{"a = 1 /* c */\n", false},
	{"a = 1 # at the end", false},
	{"a = \"x\n", false},
	{"r \"a${b}\" {\n}\n", false},
	{"a = 1 b = 2\n", false},
	{"a == 1\n", false},
	{"r {\n  a = 1\n", false},
	{"}\n", false},
}
