package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/pull"
)

// cmdPull reads the live account into an export bundle.
func (c *Command) cmdPull(args []string) int {
	stderr := c.Stderr
	fs := flag.NewFlagSet("chainlint pull", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var services multiFlag
	fs.Var(&services, "service", "a service ID to pull (repeatable)")
	all := fs.Bool("all", false, "pull every service of the account")
	version := fs.String("version", "active", "which version: active, latest or a number")
	out := fs.String("out", "", "write the bundle to FILE (.yaml/.yml: YAML) instead of standard output")
	endpoint := fs.String("endpoint", pull.DefaultEndpoint, "the Fastly API's base URL")
	tokenFile := fs.String("token-file", "", "read the API token from FILE instead of $FASTLY_API_TOKEN")
	timeout := fs.Duration("timeout", 5*time.Minute, "give up when the whole pull, retries included, takes longer")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: chainlint pull (--all | --service ID ...) [flags]\n\nReads services, their versions and the account's store lists into an export bundle.\nThe token (FASTLY_API_TOKEN or --token-file) needs read access (global:read).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if fs.NArg() > 0 || (*all == (len(services) > 0)) {
		fmt.Fprintln(stderr, "chainlint pull: give either --all or one or more --service ID")
		return exitUsage
	}
	token, ok := c.pullToken(*tokenFile)
	if !ok {
		return exitUsage
	}
	if *timeout <= 0 {
		fmt.Fprintln(stderr, "chainlint pull: --timeout must be positive")
		return exitUsage
	}
	opts := pull.Options{Endpoint: *endpoint, Token: token, ServiceIDs: services, All: *all, Version: *version, TotalTimeout: *timeout}
	if f, ok := c.Stderr.(*os.File); ok && isTerminal(f) {
		opts.Progress = func(done, total int, what string) {
			fmt.Fprintf(stderr, "\r\033[Kpulling %d/%d: %s", done, total, what)
		}
	}
	bundle, err := pull.Pull(context.Background(), opts)
	if opts.Progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		fmt.Fprintf(stderr, "chainlint pull: %v\n", err)
		var auth *pull.AuthError
		if errors.As(err, &auth) || errors.Is(err, pull.ErrBadVersion) || errors.Is(err, pull.ErrBadToken) {
			return exitUsage
		}
		return exitIncomplete
	}
	if err := c.writeBundle(bundle, *out, token); err != nil {
		fmt.Fprintf(stderr, "chainlint pull: %v\n", err)
		return exitIncomplete
	}
	return exitClean
}

// pullToken reads the API token: --token-file, else FASTLY_API_TOKEN.
func (c *Command) pullToken(tokenFile string) (string, bool) {
	token := c.getenv("FASTLY_API_TOKEN")
	if tokenFile != "" {
		b, err := safefile.Read(c.path(tokenFile), 64<<10)
		if err != nil {
			fmt.Fprintf(c.Stderr, "chainlint pull: --token-file: %v\n", err)
			return "", false
		}
		token = strings.TrimSpace(string(b))
	}
	if token == "" {
		fmt.Fprintln(c.Stderr, "chainlint pull: no API token: set FASTLY_API_TOKEN or use --token-file")
		return "", false
	}
	return token, true
}

// writeBundle writes the pulled bundle (YAML for a .yaml or .yml file,
// else JSON) to out, or to standard output, with the token scrubbed.
func (c *Command) writeBundle(bundle any, out, token string) error {
	var data []byte
	var err error
	if strings.HasSuffix(out, ".yaml") || strings.HasSuffix(out, ".yml") {
		data, err = yaml.Marshal(bundle)
	} else {
		data, err = json.MarshalIndent(bundle, "", "  ")
		data = append(data, '\n')
	}
	if err != nil {
		return err
	}
	data = pull.Scrub(data, token)
	if out == "" {
		_, err = c.Stdout.Write(data)
		return err
	}
	return safefile.Write(c.path(out), data, 0o644)
}
