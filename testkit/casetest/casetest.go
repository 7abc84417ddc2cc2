// Package casetest lints a test case directory as the CLI does (with the
// directory's own .chainlint.yaml, if any) and renders the text report
// with file names relative to the directory. The rules' golden tests, the
// rule pages' examples test and the real-world corpus test share it, so
// that all three pin the same report.
package casetest

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/chainlint/chainlint/config"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
)

// Lint lints dir with its own configuration file, if it has one.
func Lint(dir string) (*lint.Result, error) {
	var cfg *config.Config
	if path := filepath.Join(dir, config.FileName); exists(path) {
		var err error
		if cfg, err = config.Load(path, lint.RuleIDs()); err != nil {
			return nil, err
		}
	}
	return lint.Run(lint.Options{Paths: []string{dir}, Config: cfg})
}

// Text renders a result as the text report, names relative to dir.
func Text(res *lint.Result, dir string) (string, error) {
	g := res.Graph
	var buf bytes.Buffer
	err := output.Write(&buf, "text", &output.Report{
		Findings: res.Findings, Incomplete: res.Incomplete,
		Services: len(g.Services), Files: len(g.Files.List()),
		Source:  g.Files.Sources(),
		Window:  g.Files.Window,
		Secrets: g.SecretRanges,
		Rel: func(name string) string {
			rel, _ := filepath.Rel(dir, name)
			return filepath.ToSlash(rel)
		},
	})
	return buf.String(), err
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
