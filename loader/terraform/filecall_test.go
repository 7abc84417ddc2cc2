package terraform_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chainlint/chainlint/lint"
)

// TestFileCallPositions: VCL read with file() is positioned in the file
// read, whether the call is written file(…) or "${file(…)}" (Terraform
// 0.11's form), and two byte-identical files read by two services each
// carry their own findings.
func TestFileCallPositions(t *testing.T) {
	dir := t.TempDir()
	broken := "sub vcl_recv {\n#FASTLY recv\n  set req.http.X = ;\n}\n"
	files := map[string]string{
		"a/main.vcl": broken,
		"b/main.vcl": broken,
		"c.vcl":      broken,
		"main.tf": `resource "fastly_service_vcl" "a" {
  name = "a"
  domain { name = "a.example.com" }
  vcl {
    name    = "main"
    main    = true
    content = file("${path.module}/a/main.vcl")
  }
}
resource "fastly_service_vcl" "b" {
  name = "b"
  domain { name = "b.example.com" }
  vcl {
    name    = "main"
    main    = true
    content = file("${path.module}/b/main.vcl")
  }
}
resource "fastly_service_vcl" "c" {
  name = "c"
  domain { name = "c.example.com" }
  vcl {
    name    = "main"
    main    = true
    content = "${file("c.vcl")}"
  }
}
`,
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run(lint.Options{Paths: []string{filepath.Join(dir, "main.tf")}})
	if err != nil {
		t.Fatal(err)
	}
	var at []string
	for _, f := range res.Findings {
		if f.Rule == "vcl-syntax" {
			rel, _ := filepath.Rel(dir, f.Pos.Filename)
			at = append(at, fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), f.Pos.Line, f.Pos.Column))
		}
	}
	slices.Sort(at)
	if want := []string{"a/main.vcl:3:19", "b/main.vcl:3:19", "c.vcl:3:19"}; !slices.Equal(at, want) {
		t.Errorf("vcl-syntax findings at %v, want %v", at, want)
	}
}
