//go:build synth

// Command synth writes a synthetic Fastly estate for benchmarks and scale
// tests:
//
//	go run -tags synth ./internal/synth -services N -format bundle|terraform -seed S -out DIR
//
// The build tag keeps it out of go install ./... (what pre-commit's golang
// hook runs), so that installing the hook installs chainlint alone.
//
// "bundle" writes DIR/estate.json, an export bundle; "yaml" the same
// bundle as DIR/estate.yaml; "terraform" writes DIR/main.tf and the VCL
// files it reads. -heavy-vcl gives every VCL service a 10 KB custom main
// VCL (estate.HeavyVCL). The flags are a contract:
// scripts outside the project use them.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/chainlint/chainlint/internal/synth/estate"
)

func main() {
	services := flag.Int("services", 1000, "number of services")
	format := flag.String("format", "bundle", "bundle, yaml or terraform")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same estate")
	out := flag.String("out", ".", "directory to write into")
	heavy := flag.Bool("heavy-vcl", false, "give every VCL service a 10 KB custom main VCL")
	flag.Parse()
	if err := run(estate.Options{Services: *services, Seed: *seed, HeavyVCL: *heavy}, *format, *out); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(2)
	}
}

func run(o estate.Options, format, out string) error {
	if o.Services < 1 {
		return fmt.Errorf("-services must be at least 1")
	}
	var files map[string][]byte
	switch format {
	case "bundle":
		files = map[string][]byte{"estate.json": estate.Bundle(o)}
	case "yaml":
		files = map[string][]byte{"estate.yaml": estate.YAMLBundle(o)}
	case "terraform":
		files = estate.TerraformFiles(o)
	default:
		return fmt.Errorf("-format %q: want bundle, yaml or terraform", format)
	}
	return estate.Write(out, files)
}
