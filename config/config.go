// Package config reads .chainlint.yaml, the one checked-in file a team
// tunes chainlint with: profile, per-rule severities, the --fail-on
// threshold, domains of services outside the inputs, extra shield POP
// codes, excluded paths, and ignores for inputs that cannot carry comments
// (JSON). Unknown keys are errors that name the key and its line, as in
// golangci-lint and tflint: a misspelt key must not silently do nothing.
package config

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"gopkg.in/yaml.v3"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/internal/glob"
	"github.com/chainlint/chainlint/internal/safefile"
	"github.com/chainlint/chainlint/internal/textdist"
)

// FileName is the config file chainlint looks for.
const FileName = ".chainlint.yaml"

// Config is a parsed config file.
type Config struct {
	// Path is the file it was read from ("" when there is none).
	Path    string
	Content []byte

	Profile         string
	FailOn          string
	Rules           map[string]analyzer.Severity // SeverityNone is "off"
	ExternalDomains []string
	ShieldPOPs      []string
	// Context are paths (relative to the config file) loaded for the
	// graph only: see ContextPaths.
	Context []string
	// Exclude are the exclude globs. They are compiled once, at the first
	// Excluded call: set them before it.
	Exclude []string
	Ignores []*Ignore

	excludes atomic.Pointer[[]excludeGlob]
}

// excludeGlob is a compiled exclude glob with its literal prefix (what
// comes before its first wildcard): a path without that prefix cannot
// match, so most globs are passed over by a string comparison.
type excludeGlob struct {
	prefix string
	re     *regexp.Regexp
}

// Ignore silences findings by what they are about rather than by a
// comment next to them.
type Ignore struct {
	Rules   []string // empty means every rule
	Service string
	Object  string
	File    string // a glob, relative to the config file
	Reason  string
	// Line and Column locate the entry in the config file.
	Line, Column int
}

// Error is a config error with its position.
type Error struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Find looks for .chainlint.yaml in dir and its parents.
func Find(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(abs, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", false
		}
		abs = parent
	}
}

// Load reads and checks a config file. ruleIDs are the known rules.
func Load(path string, ruleIDs []string) (*Config, error) {
	content, err := safefile.Read(path, 1<<20)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return Parse(path, content, ruleIDs)
}

var topKeys = []string{"profile", "fail-on", "rules", "external-domains", "shield-pops", "exclude", "ignore", "context"}

// Parse checks and reads config content.
func Parse(path string, content []byte, ruleIDs []string) (*Config, error) {
	c := &Config{Path: path, Content: content, Rules: map[string]analyzer.Severity{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		return nil, &Error{Path: path, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return c, nil // an empty file is an empty config
	}
	root := doc.Content[0]
	p := &parser{path: path}
	if root.Kind != yaml.MappingNode {
		return nil, p.errAt(root, "the config must be a mapping of keys (profile, rules, …)")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "profile":
			c.Profile = p.scalar(v, "profile")
			if _, err := analyzer.ProfileByName(c.Profile); err != nil && p.err == nil {
				p.err = p.errAt(v, err.Error())
			}
		case "fail-on":
			c.FailOn = p.scalar(v, "fail-on")
			if _, err := analyzer.ParseSeverity(c.FailOn); err != nil && p.err == nil {
				p.err = p.errAt(v, err.Error())
			}
		case "rules":
			p.rules(v, c, ruleIDs)
		case "external-domains":
			c.ExternalDomains = p.list(v, "external-domains")
		case "shield-pops":
			c.ShieldPOPs = p.list(v, "shield-pops")
		case "exclude":
			c.Exclude = p.list(v, "exclude")
			for _, g := range c.Exclude {
				if _, err := glob.Regexp(g); err != nil && p.err == nil {
					p.err = p.errAt(v, fmt.Sprintf("exclude: bad glob %q: %v", g, err))
				}
			}
		case "ignore":
			p.ignores(v, c, ruleIDs)
		case "context":
			c.Context = p.list(v, "context")
		default:
			return nil, p.errAt(k, fmt.Sprintf("unknown key %q%s (known keys: %s)", k.Value, suggest(k.Value, topKeys), strings.Join(topKeys, ", ")))
		}
		if p.err != nil {
			return nil, p.err
		}
	}
	return c, nil
}

type parser struct {
	path string
	err  error
}

func (p *parser) errAt(n *yaml.Node, msg string) *Error {
	return &Error{Path: p.path, Line: n.Line, Column: n.Column, Msg: msg}
}

func (p *parser) fail(n *yaml.Node, msg string) {
	if p.err == nil {
		p.err = p.errAt(n, msg)
	}
}

func (p *parser) scalar(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode {
		p.fail(n, key+" must be a single value")
		return ""
	}
	return n.Value
}

func (p *parser) list(n *yaml.Node, key string) []string {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.fail(n, key+" must be a list")
		return nil
	}
	var out []string
	for _, item := range n.Content {
		out = append(out, p.scalar(item, key+" entries"))
	}
	return out
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func (p *parser) rules(n *yaml.Node, c *Config, ruleIDs []string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.fail(n, "rules must map rule IDs to off, info, warning or error")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(ruleIDs, k.Value) {
			p.fail(k, fmt.Sprintf("unknown rule %q%s; `chainlint rules` lists them", k.Value, suggest(k.Value, ruleIDs)))
			return
		}
		val := p.scalar(v, "a rule's severity")
		// YAML 1.1 reads a bare off as false; accept both spellings.
		if val == "off" || v.Tag == "!!bool" && strings.EqualFold(val, "false") {
			c.Rules[k.Value] = analyzer.SeverityNone
			continue
		}
		sev, err := analyzer.ParseSeverity(val)
		if err != nil || sev == analyzer.SeverityNone {
			p.fail(v, fmt.Sprintf("rule %s: severity must be off, info, warning or error, not %q", k.Value, val))
			return
		}
		c.Rules[k.Value] = sev
	}
}

var ignoreKeys = []string{"rules", "rule", "service", "object", "file", "reason"}

func (p *parser) ignores(n *yaml.Node, c *Config, ruleIDs []string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "ignore must be a list of {rules, service, object, file, reason} entries")
		return
	}
	for _, item := range n.Content {
		if item.Kind != yaml.MappingNode {
			p.fail(item, "each ignore entry must be a mapping: {rules, service, object, file, reason}")
			return
		}
		ig := &Ignore{Line: item.Line, Column: item.Column}
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			switch k.Value {
			case "rule":
				ig.Rules = append(ig.Rules, p.scalar(v, "rule"))
			case "rules":
				ig.Rules = append(ig.Rules, p.list(v, "rules")...)
			case "service":
				ig.Service = p.scalar(v, "service")
			case "object":
				ig.Object = p.scalar(v, "object")
			case "file":
				ig.File = p.scalar(v, "file")
			case "reason":
				ig.Reason = p.scalar(v, "reason")
			default:
				p.fail(k, fmt.Sprintf("unknown key %q in an ignore entry%s (known keys: %s)", k.Value, suggest(k.Value, ignoreKeys), strings.Join(ignoreKeys, ", ")))
				return
			}
		}
		for _, r := range ig.Rules {
			if !slices.Contains(ruleIDs, r) {
				p.fail(item, fmt.Sprintf("ignore: unknown rule %q%s", r, suggest(r, ruleIDs)))
				return
			}
		}
		if ig.Service == "" && ig.Object == "" && ig.File == "" {
			p.fail(item, "an ignore entry must name a service, an object or a file; to turn a rule off everywhere, use rules: {RULE: off}")
			return
		}
		c.Ignores = append(c.Ignores, ig)
	}
}

// suggest returns ` (did you mean "x"?)` for the closest candidate.
func suggest(s string, candidates []string) string {
	best, ok := textdist.Closest(s, candidates, max(2, len(s)/3))
	if !ok {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// Dir is the directory relative paths in the config are resolved from.
func (c *Config) Dir() string {
	if c.Path == "" {
		return "."
	}
	return filepath.Dir(c.Path)
}

// Excluded reports whether a path matches an exclude glob. Globs are
// relative to the config file's directory; * and ? stay within a path
// element, ** crosses them, and a glob that matches a directory excludes
// everything below it.
func (c *Config) Excluded(path string) bool {
	if len(c.Exclude) == 0 {
		return false
	}
	globs := c.excludes.Load()
	if globs == nil {
		compiled := compileExcludes(c.Exclude)
		c.excludes.CompareAndSwap(nil, &compiled)
		globs = c.excludes.Load()
	}
	rel := relativeSlash(c.Dir(), path)
	for p := rel; p != "." && p != "" && p != "/"; p = pathDir(p) {
		for _, g := range *globs {
			if strings.HasPrefix(p, g.prefix) && g.re.MatchString(p) {
				return true
			}
		}
	}
	return false
}

// compileExcludes compiles the exclude globs that compile (Parse has
// already refused a config with one that does not).
func compileExcludes(patterns []string) []excludeGlob {
	out := make([]excludeGlob, 0, len(patterns))
	for _, g := range patterns {
		re, err := glob.Regexp(g)
		if err != nil {
			continue
		}
		out = append(out, excludeGlob{prefix: glob.LiteralPrefix(g), re: re})
	}
	return out
}

// ContextPaths are the config's context paths, resolved against its
// directory: what a run loads for the chain graph only (the rest of an
// estate, from other repositories or chainlint pull), whose own findings
// are not reported.
func (c *Config) ContextPaths() []string {
	out := make([]string, 0, len(c.Context))
	for _, p := range c.Context {
		if !filepath.IsAbs(p) {
			p = filepath.Join(c.Dir(), p)
		}
		out = append(out, p)
	}
	return out
}

// FileMatcher compiles a config glob once and returns what reports whether
// a file matches it (never, for a glob that does not compile).
func (c *Config) FileMatcher(pattern string) func(path string) bool {
	re, err := glob.Regexp(pattern)
	return func(path string) bool {
		return err == nil && re.MatchString(relativeSlash(c.Dir(), path))
	}
}

func relativeSlash(dir, path string) string {
	absDir, err1 := filepath.Abs(dir)
	absPath, err2 := filepath.Abs(path)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absDir, absPath); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(path)
}

func pathDir(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	return p[:i]
}

// Apply returns the analyzer configuration: profile and fail-on from the
// config unless the command line set them.
func (c *Config) Apply(cfg *analyzer.Config) {
	for id, sev := range c.Rules {
		if cfg.Severity == nil {
			cfg.Severity = map[string]analyzer.Severity{}
		}
		cfg.Severity[id] = sev
	}
	cfg.ExternalDomains = append(cfg.ExternalDomains, c.ExternalDomains...)
	cfg.ShieldPOPs = append(cfg.ShieldPOPs, c.ShieldPOPs...)
}

// StarterRule is a rule as the starter file lists it.
type StarterRule struct {
	ID, Severity, Summary string
}

// Starter is the commented file `chainlint init` writes: every rule with
// its default severity (commented out, so the file changes nothing until
// a line is uncommented) and what it finds.
func Starter(rules []StarterRule) []byte {
	var b bytes.Buffer
	b.WriteString(`# chainlint configuration (https://github.com/chainlint/chainlint).
# chainlint reads this file from the current directory or the nearest parent;
# --config names another. Unknown keys are errors.

# Chain limits: "current" (Fastly's newer guide: 20 hops, 6 services on any
# path) or "legacy" (VCL 11 hops and 3 services, Compute 5 hops and 3).
profile: current

# Lowest severity that makes chainlint exit 1: error, warning, info or none.
# The --fail-on flag wins over this.
fail-on: warning

# Per-rule severity: off, info, warning or error. Every rule is listed with
# its default severity; uncomment a line to change it.
rules:
`)
	rs := append([]StarterRule(nil), rules...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	width := 0
	for _, r := range rs {
		width = max(width, len(r.ID)+len(r.Severity))
	}
	for _, r := range rs {
		fmt.Fprintf(&b, "  # %s: %s%s  # %s\n", r.ID, r.Severity, strings.Repeat(" ", width-len(r.ID)-len(r.Severity)), r.Summary)
	}
	b.WriteString(`

# Domains of Fastly services outside the inputs (another team's account):
# chains to them end there on purpose and are not external-chain findings.
external-domains: []

# Shield POP codes that are not in chainlint's list yet.
shield-pops: []

# Paths (globs relative to this file) never to lint. ** crosses directories.
exclude:
  # - "testdata/**"

# JSON cannot carry "# chainlint:ignore RULE -- reason" comments, so findings
# can also be ignored here, by service, object or file. Give a reason.
ignore:
  # - rules: [external-chain]
  #   service: www
  #   object: backend "partner"
  #   reason: the partner's service is chained on purpose
`)
	return b.Bytes()
}
