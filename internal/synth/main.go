// Command synth writes a synthetic Fastly estate for benchmarks and scale
// tests:
//
//	go run ./internal/synth -services N -format bundle|terraform -seed S -out DIR
//
// "bundle" writes DIR/estate.json, an export bundle; "terraform" writes
// DIR/main.tf and the VCL files it reads. The flags are a contract:
// scripts outside the project use them.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/chainlint/chainlint/internal/synth/estate"
)

func main() {
	services := flag.Int("services", 1000, "number of services")
	format := flag.String("format", "bundle", "bundle or terraform")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same estate")
	out := flag.String("out", ".", "directory to write into")
	flag.Parse()
	if err := run(*services, *format, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(2)
	}
}

func run(services int, format string, seed uint64, out string) error {
	if services < 1 {
		return fmt.Errorf("-services must be at least 1")
	}
	o := estate.Options{Services: services, Seed: seed}
	files := map[string][]byte{}
	switch format {
	case "bundle":
		files["estate.json"] = estate.Bundle(o)
	case "terraform":
		main, vcls := estate.Terraform(o)
		files["main.tf"] = main
		for p, b := range vcls {
			files[p] = b
		}
	default:
		return fmt.Errorf("-format %q: want bundle or terraform", format)
	}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(out, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}
