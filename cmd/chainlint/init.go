package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/chainlint/chainlint/config"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/rules"
)

func (c *Command) cmdInit(args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	fs := flag.NewFlagSet("chainlint init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	force := fs.Bool("force", false, "overwrite an existing "+config.FileName)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: chainlint init [--force]\n\nWrites a commented %s (every rule, its severity, the keys) in the current directory.\n\nFlags:\n", config.FileName)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		fs.Usage()
		return exitUsage
	}
	target, err := c.writeTarget("init", config.FileName, nil)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	if _, err := os.Stat(target); err == nil && !*force {
		fmt.Fprintf(stderr, "chainlint: %s exists; use --force to overwrite it\n", config.FileName)
		return exitUsage
	}
	var starter []config.StarterRule
	for _, r := range rules.All() {
		starter = append(starter, config.StarterRule{ID: r.Name, Severity: r.Severity.String(), Summary: r.Summary()})
	}
	if err := safefile.Write(target, config.Starter(starter), 0o644); err != nil {
		fmt.Fprintf(stderr, "chainlint: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %s\n", config.FileName)
	return exitClean
}
