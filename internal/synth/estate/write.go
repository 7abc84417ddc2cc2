package estate

import (
	"os"
	"path/filepath"
	"sort"
)

// TerraformFiles is Terraform's estate as files: main.tf and the VCL
// files it reads, by path relative to the module.
func TerraformFiles(o Options) map[string][]byte {
	main, vcls := Terraform(o)
	files := map[string][]byte{"main.tf": main}
	for p, b := range vcls {
		files[p] = b
	}
	return files
}

// Write writes files (relative path → content) below dir, creating
// directories as needed, in a stable order.
func Write(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}
