package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/config"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/loader/terraform"
)

// inputFlags are the flags every command that loads inputs takes: the
// Terraform variables, --allow-outside-root, --config and --profile.
type inputFlags struct {
	vars, varFiles multiFlag
	context        multiFlag
	outsideRoot    bool
	configPath     string
	profile        string
}

// register adds the flags to fs.
func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.vars, "var", "set a Terraform root module variable: name=value (repeatable)")
	fs.Var(&f.varFiles, "var-file", "read Terraform variables from a .tfvars file, or ROOT=FILE for the root module in ROOT only (repeatable)")
	fs.Var(&f.context, "context", "load PATH for the chain graph only: the rest of the estate (another repository, a chainlint pull export); its own findings are not reported (repeatable)")
	fs.BoolVar(&f.outsideRoot, "allow-outside-root", false, "let Terraform's file() and templatefile() read outside the linted paths")
	fs.StringVar(&f.configPath, "config", "", "config file (default: "+config.FileName+" in the current directory or above)")
	fs.StringVar(&f.profile, "profile", "", "chain limits: "+strings.Join(analyzer.ProfileNames(), " or ")+" (default from the config file, else current)")
}

// options turns the flags and paths into lint options; a usage error is
// written to stderr and reported as ok false.
func (f *inputFlags) options(c *Command, paths []string, stderr io.Writer) (lint.Options, bool) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for i := range paths {
		paths[i] = c.path(paths[i])
	}
	topts := terraform.Options{AllowOutsideRoot: f.outsideRoot, EnvVars: c.tfVarEnv()}
	var err error
	if topts.VarFiles, topts.RootVarFiles, err = c.varFiles(f.varFiles); err != nil {
		fmt.Fprintf(stderr, "chainlint: --var-file: %v\n", err)
		return lint.Options{}, false
	}
	for _, v := range f.vars {
		k, val, ok := strings.Cut(v, "=")
		if !ok || k == "" {
			fmt.Fprintf(stderr, "chainlint: --var %q: want name=value\n", v)
			return lint.Options{}, false
		}
		if topts.Vars == nil {
			topts.Vars = map[string]string{}
		}
		topts.Vars[k] = val
	}
	if f.profile != "" {
		if _, err := analyzer.ProfileByName(f.profile); err != nil {
			fmt.Fprintf(stderr, "chainlint: --profile: %v\n", err)
			return lint.Options{}, false
		}
	}
	cfg, _, err := lint.FindConfig(c.wd(), f.configPath, nil)
	if err != nil {
		fmt.Fprintf(stderr, "chainlint: config: %v\n", err)
		return lint.Options{}, false
	}
	if cfg == nil {
		cfg = &config.Config{}
	}
	var context []string
	for _, p := range f.context {
		context = append(context, c.path(p))
	}
	return lint.Options{Paths: paths, Context: context, Config: cfg, Profile: f.profile, Terraform: topts, Version: versionString()}, true
}

// varFiles sorts --var-file values into files for every root module and,
// written ROOT=FILE with ROOT a directory, files for that root only; each
// is read once now, so that one that cannot be read is a usage error
// rather than variables silently unset.
func (c *Command) varFiles(values []string) (all []string, perRoot map[string][]string, err error) {
	for _, v := range values {
		root, file, ok := strings.Cut(v, "=")
		if st, statErr := os.Stat(c.path(root)); !ok || statErr != nil || !st.IsDir() {
			root, file = "", v
		}
		file = c.path(file)
		if _, err := safefile.ReadText(file, 0); err != nil {
			return nil, nil, err
		}
		if root == "" {
			all = append(all, file)
			continue
		}
		if perRoot == nil {
			perRoot = map[string][]string{}
		}
		dir := filepath.Clean(c.path(root))
		perRoot[dir] = append(perRoot[dir], file)
	}
	return all, perRoot, nil
}

// lintInputs lints the paths with the input flags; a usage error has
// been written to stderr when the status is not proceed.
func (c *Command) lintInputs(in *inputFlags, paths []string) (*lint.Result, int) {
	opts, ok := in.options(c, paths, c.Stderr)
	if !ok {
		return nil, exitUsage
	}
	res, err := lint.Run(opts)
	if err != nil {
		fmt.Fprintf(c.Stderr, "chainlint: %v\n", err)
		return nil, exitUsage
	}
	return res, proceed
}
