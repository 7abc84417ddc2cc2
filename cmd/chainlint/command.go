package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Command is one run of chainlint with its world injected: the standard
// streams, the working directory and the environment. main gives it the
// process's; tests run it in-process with their own (as actionlint's
// Command is tested).
type Command struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Dir is the working directory: relative paths, the config file's
	// discovery and the names printed are relative to it ("": the
	// process's).
	Dir string
	// Getenv reads the environment (NO_COLOR, FASTLY_API_TOKEN); nil
	// reads none.
	Getenv func(string) string
	// Environ lists the environment as KEY=value (for TF_VAR_name); nil
	// lists none.
	Environ func() []string

	cleanup []func() // temporary directories a command made (diff's git trees)
}

// tfVarEnv is the environment's TF_VAR_name settings, name → value, as
// Terraform reads them for root variables.
func (c *Command) tfVarEnv() map[string]string {
	if c.Environ == nil {
		return nil
	}
	var out map[string]string
	for _, kv := range c.Environ() {
		k, v, ok := strings.Cut(kv, "=")
		if name, isVar := strings.CutPrefix(k, "TF_VAR_"); ok && isVar && name != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[name] = v
		}
	}
	return out
}

// wd returns the working directory, absolute.
func (c *Command) wd() string {
	if c.Dir != "" {
		if abs, err := filepath.Abs(c.Dir); err == nil {
			return abs
		}
		return c.Dir
	}
	wd, _ := os.Getwd()
	return wd
}

// path resolves a path the user gave against the working directory.
func (c *Command) path(p string) string {
	if p == "" || p == "-" || filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

func (c *Command) getenv(name string) string {
	if c.Getenv == nil {
		return ""
	}
	return c.Getenv(name)
}

const usage = `usage: chainlint [flags] [PATH ...]
       chainlint rules
       chainlint explain RULE
       chainlint init [--force]
       chainlint trace URL [PATH ...] [--method M] [--header 'N: v'] [--format text|json]
       chainlint graph [PATH ...] [--format mermaid|dot|json|svg]
       chainlint purge-order [PATH ...] [--format text|json]
       chainlint vcl SERVICE [PATH ...] (the VCL Fastly compiles for SERVICE, as modelled)
       chainlint diff BASE [HEAD] [--format text|json|markdown|github] (what a change does to the chain)
       chainlint pull (--all | --service ID ...) [--version active|latest|N] [--out FILE]
       chainlint lsp                    (a language server on stdin/stdout)

       chainlint help | version

Lints Fastly service configurations and the chains between services:
Fastly API exports (JSON or YAML, or chainlint pull's), Terraform
(fastly_service_vcl, fastly_service_compute, stores; HCL or terraform show
-json), custom VCL and snippets, and Compute projects (fastly.toml and the
store and backend names their code uses). PATHs are files or directories
(searched recursively; default "."). Flags may come before or after the
paths.

Flags:
`

// commands are the subcommands, for "did you mean".
var commands = []string{"rules", "explain", "init", "trace", "graph", "purge-order", "vcl", "diff", "pull", "lsp", "help", "version"}

// Run runs chainlint with its arguments (without the program name) and
// returns the exit status.
func (c *Command) Run(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return c.cmdRules(args[1:])
		case "explain":
			return c.cmdExplain(args[1:])
		case "init":
			return c.cmdInit(args[1:])
		case "trace":
			return c.cmdView(traceView, args[1:])
		case "graph":
			return c.cmdView(graphView, args[1:])
		case "purge-order":
			return c.cmdView(purgeView, args[1:])
		case "vcl":
			return c.cmdVCL(args[1:])
		case "diff":
			return c.cmdDiff(args[1:])
		case "pull":
			return c.cmdPull(args[1:])
		case "lsp":
			return c.cmdLSP(args[1:])
		case "help":
			if len(args) > 1 {
				return c.Run([]string{args[1], "--help"})
			}
			return c.Run([]string{"--help"})
		case "version":
			fmt.Fprintf(c.Stdout, "chainlint %s\n", versionString())
			return exitClean
		}
	}
	return c.cmdLint(args)
}

// parseArgs parses a command's flags among its arguments: --help ends
// the run with status 0, a bad flag with 2 (the flag package has said
// why); else it returns the positional arguments and proceed.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, int) {
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, exitClean
	}
	if err != nil {
		return nil, exitUsage
	}
	return positional, proceed
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments, as users of linters expect (chainlint dir --format json).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, ",") }

func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// isHelp reports a lone -h, -help or --help.
func isHelp(args []string) bool {
	return len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help")
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// useColor decides --color: always, never, or auto: on a terminal unless
// NO_COLOR is set and not empty (https://no-color.org).
func (c *Command) useColor(mode string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if c.getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := c.Stdout.(*os.File)
	return ok && isTerminal(f)
}
