//go:build synth

// Command floor parses every file under its arguments with the parsers
// alone (bench.Floor): the parse floor that scripts/bench-process.sh runs
// as a process beside chainlint. The synth build tag keeps it out of
// go install ./...
//
//	go run -tags synth ./bench/floor DIR...
package main

import (
	"fmt"
	"os"

	"github.com/chainlint/chainlint/bench"
)

func main() {
	for _, dir := range os.Args[1:] {
		if err := bench.Floor(dir); err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
	}
}
