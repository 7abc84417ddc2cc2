package main

import (
	"fmt"

	"github.com/chainlint/chainlint/rules"
)

func (c *Command) cmdRules(args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	if isHelp(args) {
		fmt.Fprintln(stdout, "usage: chainlint rules\n\nLists every rule: its ID, severity and summary (chainlint explain RULE prints its page).")
		return exitClean
	}
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: chainlint rules")
		return exitUsage
	}
	for _, r := range rules.All() {
		if _, err := fmt.Fprintf(stdout, "%-24s %-8s %s\n", r.Name, r.Severity, r.Summary()); err != nil {
			fmt.Fprintf(stderr, "chainlint: %v\n", err)
			return exitIncomplete
		}
	}
	return exitClean
}
