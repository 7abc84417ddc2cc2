package analyzer

import (
	"cmp"
	"fmt"
	"go/token"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/routes"
	"github.com/chainlint/chainlint/vclmodel"
)

// Rule is a lint rule: an analysis pass whose Name is the rule's stable
// kebab-case ID and whose Doc is its documentation (summary line, text,
// then a bad and a good example), plus what the pass API has no field for.
type Rule struct {
	*analysis.Analyzer
	// Severity is the default severity of the rule's findings.
	Severity Severity
	// Profiles lists the profiles the rule runs under; empty means all.
	Profiles []string
	// Fixable reports that the rule's findings carry a suggested fix.
	Fixable bool
}

// Summary is the first line of the rule's Doc.
func (r *Rule) Summary() string {
	s, _, _ := strings.Cut(r.Doc, "\n")
	return s
}

// RunsUnder reports whether the rule runs under the named profile.
func (r *Rule) RunsUnder(profile string) bool {
	return len(r.Profiles) == 0 || slices.Contains(r.Profiles, profile)
}

// Config is what a run is told from outside the inputs: the command line
// and the config file.
type Config struct {
	Profile Profile
	// Severity overrides rules' default severities; SeverityNone turns a
	// rule off.
	Severity map[string]Severity
	// ExternalDomains are hostnames of services outside the analysed set.
	ExternalDomains []string
	// ShieldPOPs are shield location codes to accept besides the built-in
	// list.
	ShieldPOPs []string
	// Ignores silence findings by service, object or file (the config
	// file's ignore entries, for inputs that cannot carry comments).
	Ignores []*ConfigIgnore
	// Version is the chainlint version whose rule pages the findings'
	// URLs name (DocURLFor); empty: the main branch's.
	Version string
}

// GraphAnalyzer is the pass whose result is the *graph.Graph the loaders
// built, provided by the driver. Only VCLModelAnalyzer requires it: what
// the loaders built is not whole until the VCL model has read it.
var GraphAnalyzer = provided("graph", "graph provides the service graph as the loaders built it", (*graph.Graph)(nil))

// provided returns a pass whose result the driver provides (Run sets it
// before any pass that requires it runs); its own Run is never called.
func provided(name, doc string, result any) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       name,
		Doc:        doc + " (provided by the driver)",
		ResultType: reflect.TypeOf(result),
		Run: func(*analysis.Pass) (any, error) {
			return nil, fmt.Errorf("the %s pass's result is provided by the driver", name)
		},
	}
}

// VCLModelAnalyzer runs the VCL model (package vclmodel) over every VCL
// service of the loaded graph: the backends VCL declares, where VCL sets
// the Host, the request-flow model's paths (Service.VCL), VCL syntax
// problems and the secrets VCL compares. Its result is the graph, now
// whole; every rule requires it (GraphOf), directly or through
// ChainsAnalyzer. The driver runs it even when no rule does, so that a
// run's graph is always whole.
var VCLModelAnalyzer = &analysis.Analyzer{
	Name:       "vclmodel",
	Doc:        "vclmodel reads every VCL service's custom VCL and snippets as Fastly assembles and runs them",
	Requires:   []*analysis.Analyzer{GraphAnalyzer},
	ResultType: reflect.TypeOf((*graph.Graph)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		g := pass.ResultOf[GraphAnalyzer].(*graph.Graph)
		vclmodel.ApplyAll(g)
		return g, nil
	},
}

// ConfigAnalyzer is the pass whose result is the run's *Config, provided
// by the driver.
var ConfigAnalyzer = provided("config", "config provides the run's configuration", (*Config)(nil))

// FixesAnalyzer is the pass whose result is the run's *Fixes, provided by
// the driver: a rule that requires it offers fixes whose edits are
// computed only when something asks for them (LazyFix).
var FixesAnalyzer = provided("fixes", "fixes holds the run's fixes whose edits are computed on demand", (*Fixes)(nil))

// ChainsAnalyzer resolves every backend's route and analyses the chain
// graph; its result is *Chains.
var ChainsAnalyzer = &analysis.Analyzer{
	Name:       "chains",
	Doc:        "chains resolves where every backend's requests go and finds the chain graph's loops",
	Requires:   []*analysis.Analyzer{VCLModelAnalyzer},
	ResultType: reflect.TypeOf((*routes.Chains)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		return routes.NewChains(pass.ResultOf[VCLModelAnalyzer].(*graph.Graph)), nil
	},
}

// GraphOf returns the graph a pass analyses, as the VCL model left it
// (the pass must require VCLModelAnalyzer).
func GraphOf(pass *analysis.Pass) *graph.Graph {
	return pass.ResultOf[VCLModelAnalyzer].(*graph.Graph)
}

// ChainsOf returns the chain analysis of a pass's graph.
func ChainsOf(pass *analysis.Pass) *routes.Chains {
	return pass.ResultOf[ChainsAnalyzer].(*routes.Chains)
}

// ConfigOf returns a pass's run configuration.
func ConfigOf(pass *analysis.Pass) *Config { return pass.ResultOf[ConfigAnalyzer].(*Config) }

// Finding is a diagnostic resolved for output: positions as file, line and
// column, the rule's effective severity, and the object it is about.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	Pos, End token.Position
	// Service is the label of the service the finding is about; Object
	// names the object inside it ("backend \"origin\""). Both are derived
	// from the finding's position, so rules need not pass them.
	Service string
	Object  string
	// ServiceIndex is 1 + the index of that service in the graph's
	// Services, 0 for a finding about none: a module instantiated twice
	// declares two services of one label at one place, told apart by it
	// alone (ServiceIn).
	ServiceIndex int
	Related      []Related
	Fixes        []Fix
	// URL is the rule's documentation page, as analysis.Diagnostic.URL:
	// the rule's own when its diagnostic names one, else the page
	// DocURLFor gives for the run's Config.Version.
	URL string
}

// Related is another place that takes part in a finding.
type Related struct {
	Pos, End token.Position
	Message  string
}

// Fix is a mechanical change that resolves a finding. Its edits may be
// computed only when first asked for (LazyFix): a run that lists
// findings pays nothing for them.
type Fix struct {
	Message string
	edits   []Edit
	lazy    *lazyEdits
}

type lazyEdits struct {
	once    sync.Once
	compute func() []Edit
	edits   []Edit
}

// NewFix returns a fix made of edits.
func NewFix(message string, edits ...Edit) Fix { return Fix{Message: message, edits: edits} }

// String prints a fix as its message and edits (as %v printed the struct
// whose edits were a field).
func (f Fix) String() string { return fmt.Sprintf("{%s %v}", f.Message, f.Edits()) }

// Equal reports whether two fixes say and do the same (go-cmp uses it).
func (f Fix) Equal(o Fix) bool {
	return f.Message == o.Message && slices.Equal(f.Edits(), o.Edits())
}

// Edits returns the fix's edits, computing them the first time.
func (f Fix) Edits() []Edit {
	if f.lazy == nil {
		return f.edits
	}
	f.lazy.once.Do(func() {
		f.lazy.edits = f.lazy.compute()
		f.lazy.compute = nil
	})
	return f.lazy.edits
}

// Edit replaces the bytes from Pos to End (offsets are in Pos.Offset and
// End.Offset) with NewText.
type Edit struct {
	Pos, End token.Position
	NewText  string
}

// Result is what a run found.
type Result struct {
	Findings []Finding
	// Incomplete reports that some input could not be analysed.
	Incomplete bool
	// Chains is the chain analysis the passes shared, or nil when no
	// active rule needed it.
	Chains *routes.Chains
}

// Validate checks a set of rules as analysis.Validate would, except that
// names are kebab-case IDs rather than Go identifiers (analysis.Validate
// insists on identifiers): names are unique and valid, docs present, and
// Requires is acyclic.
func Validate(rules []*Rule) error {
	names := map[string]bool{}
	for _, r := range rules {
		if !validID(r.Name) {
			return fmt.Errorf("rule ID %q is not kebab-case", r.Name)
		}
		if names[r.Name] {
			return fmt.Errorf("duplicate rule ID %q", r.Name)
		}
		names[r.Name] = true
		if strings.TrimSpace(r.Doc) == "" || r.Run == nil {
			return fmt.Errorf("rule %q lacks Doc or Run", r.Name)
		}
		if r.Severity < SeverityInfo || r.Severity > SeverityError {
			return fmt.Errorf("rule %q has no severity", r.Name)
		}
	}
	_, err := order(rules)
	return err
}

func validID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// order returns every analyzer the rules need, each after what it requires.
func order(rules []*Rule) ([]*analysis.Analyzer, error) {
	const (
		unseen = iota
		visiting
		done
	)
	state := map[*analysis.Analyzer]int{}
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer, path []string) error
	visit = func(a *analysis.Analyzer, path []string) error {
		switch state[a] {
		case visiting:
			return fmt.Errorf("cycle in Requires: %s → %s", strings.Join(path, " → "), a.Name)
		case done:
			return nil
		}
		state[a] = visiting
		for _, req := range a.Requires {
			if err := visit(req, append(path, a.Name)); err != nil {
				return err
			}
		}
		state[a] = done
		out = append(out, a)
		return nil
	}
	if err := visit(VCLModelAnalyzer, nil); err != nil { // always: a run's graph is whole
		return nil, err
	}
	for _, r := range rules {
		if err := visit(r.Analyzer, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Run runs the rules over the graph and returns their findings, sorted by
// file, line, column and rule. Rules switched off by cfg, or not meant for
// its profile, do not run.
func Run(g *graph.Graph, rules []*Rule, cfg *Config) (*Result, error) {
	if cfg == nil {
		cfg = &Config{Profile: ProfileCurrent}
	}
	var active []*Rule
	byAnalyzer := map[*analysis.Analyzer]*Rule{}
	for _, r := range rules {
		if cfg.Severity[r.Name] == SeverityNone || !r.RunsUnder(cfg.Profile.Name) {
			continue
		}
		active = append(active, r)
		byAnalyzer[r.Analyzer] = r
	}
	analyzers, err := order(active)
	if err != nil {
		return nil, err
	}
	var otherFiles []string
	for _, f := range g.Files.List() {
		otherFiles = append(otherFiles, f.Name)
	}
	res := &Result{}
	attr := newAttributor(g)
	// Every pass runs on a goroutine of its own once the passes it
	// requires are done, GOMAXPROCS rules at a time (helper passes at
	// once). Each keeps its own findings; they are joined in pass order,
	// so the result does not depend on which pass finished first.
	type job struct {
		done     chan struct{}
		result   any
		err      error
		findings []Finding
	}
	jobs := make(map[*analysis.Analyzer]*job, len(analyzers)+2)
	fixes := &Fixes{byKey: map[string]func() []analysis.TextEdit{}}
	for a, result := range map[*analysis.Analyzer]any{GraphAnalyzer: g, ConfigAnalyzer: cfg, FixesAnalyzer: fixes} {
		jobs[a] = &job{done: make(chan struct{}), result: result}
		close(jobs[a].done)
	}
	var run []*analysis.Analyzer
	for _, a := range analyzers {
		if jobs[a] == nil {
			jobs[a] = &job{done: make(chan struct{})}
			run = append(run, a)
		}
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, a := range run {
		j := jobs[a]
		rule := byAnalyzer[a]
		// One URL a rule: every finding of the rule shares the string
		// (1,580 findings held 190 KB of copies).
		url := ""
		if rule != nil {
			url = DocURLFor(rule.Name, cfg.Version)
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       g.Fset(),
			OtherFiles: otherFiles,
			ResultOf:   map[*analysis.Analyzer]any{},
			ReadFile: func(name string) ([]byte, error) {
				if f := g.Files.Get(name); f != nil {
					return f.Source()
				}
				return nil, fmt.Errorf("%s is not an input of this run", name)
			},
			Report: func(d analysis.Diagnostic) {
				if rule == nil {
					return // only rules report; helper passes compute results
				}
				j.findings = append(j.findings, resolve(g, attr, rule, cfg, fixes, d, url))
			},
		}
		wg.Go(func() {
			defer close(j.done)
			for _, req := range a.Requires {
				r := jobs[req]
				<-r.done
				if r.err != nil {
					j.err = r.err
					return
				}
				pass.ResultOf[req] = r.result
			}
			if rule != nil {
				// Rules take turns; a helper pass (the chains, the
				// shields) does not wait for one: the rules that
				// require it wait for it, so it is the run's critical
				// path (the analysis of 8,000 services: 49 → 44 ms).
				slots <- struct{}{}
				defer func() { <-slots }()
			}
			if j.result, j.err = a.Run(pass); j.err != nil {
				j.err = fmt.Errorf("%s: %w", a.Name, j.err)
			}
		})
	}
	wg.Wait()
	res.Incomplete = len(g.Problems) > 0 // the VCL model's problems too
	total := 0
	for _, a := range run {
		if err := jobs[a].err; err != nil {
			return nil, err
		}
		total += len(jobs[a].findings)
	}
	// Findings are large (some 200 bytes): one array for all, and each
	// pass's own let go as it is copied.
	res.Findings = make([]Finding, 0, total)
	for _, a := range run {
		res.Findings = append(res.Findings, jobs[a].findings...)
		jobs[a].findings = nil
	}
	if j := jobs[ChainsAnalyzer]; j != nil {
		res.Chains, _ = j.result.(*routes.Chains)
	}
	res.Findings = suppress(g, res.Findings, cfg, byName(rules))
	SortFindings(res.Findings)
	// A module used by two instances reports what is wrong with its text
	// (a VCL syntax error in its file) once per instance, at one place
	// and in the same words: it is one finding. Findings about an
	// instance name it, so they stay apart.
	res.Findings = slices.CompactFunc(res.Findings, func(a, b Finding) bool {
		return a.Rule == b.Rule && a.Pos == b.Pos && a.End == b.End && a.Message == b.Message
	})
	return res, nil
}

func byName(rules []*Rule) map[string]*Rule {
	m := make(map[string]*Rule, len(rules))
	for _, r := range rules {
		m[r.Name] = r
	}
	return m
}

// SortFindings orders findings by file, line, column, rule and message.
func SortFindings(fs []Finding) {
	// Findings are large: sort their indices, then move each once.
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := &fs[i].Pos, &fs[j].Pos
		if c := strings.Compare(a.Filename, b.Filename); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Column, b.Column); c != 0 {
			return c
		}
		if c := strings.Compare(fs[i].Rule, fs[j].Rule); c != 0 {
			return c
		}
		return strings.Compare(fs[i].Message, fs[j].Message)
	})
	// fs[k] must become fs[idx[k]]: follow each cycle of the permutation
	// with one finding in hand, instead of building a sorted copy.
	for start := range idx {
		if idx[start] < 0 || idx[start] == start {
			continue
		}
		held := fs[start]
		k := start
		for {
			from := idx[k]
			idx[k] = -1
			if from == start {
				fs[k] = held
				break
			}
			fs[k] = fs[from]
			k = from
		}
	}
}

// resolve makes a finding of rule's diagnostic d; url is the rule's page
// (DocURLFor), for a diagnostic that names none.
func resolve(g *graph.Graph, attr *attributor, rule *Rule, cfg *Config, fixes *Fixes, d analysis.Diagnostic, url string) Finding {
	sev := rule.Severity
	if s, ok := cfg.Severity[rule.Name]; ok {
		sev = s
	}
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	f := Finding{
		Rule:     rule.Name,
		Severity: sev,
		Message:  d.Message,
		Pos:      g.Files.Position(d.Pos),
		End:      g.Files.Position(end),
		URL:      d.URL,
	}
	if f.URL == "" {
		f.URL = url
	}
	f.Service, f.Object, f.ServiceIndex = attr.describe(d.Pos)
	for _, r := range d.Related {
		re := r.End
		if !re.IsValid() {
			re = r.Pos
		}
		f.Related = append(f.Related, Related{Pos: g.Files.Position(r.Pos), End: g.Files.Position(re), Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		if compute := fixes.lookup(sf); compute != nil {
			fix.lazy = &lazyEdits{compute: func() []Edit { return edits(g, compute()) }}
		} else {
			fix.edits = edits(g, sf.TextEdits)
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// edits resolves text edits' positions.
func edits(g *graph.Graph, tes []analysis.TextEdit) []Edit {
	var out []Edit
	for _, e := range tes {
		ee := e.End
		if !ee.IsValid() {
			ee = e.Pos
		}
		out = append(out, Edit{Pos: g.Files.Position(e.Pos), End: g.Files.Position(ee), NewText: string(e.NewText)})
	}
	return out
}

// attributor finds the innermost graph object around a position.
type attributor struct {
	g     *graph.Graph
	order []int // indices of g.Services, by Pos
}

func newAttributor(g *graph.Graph) *attributor {
	a := &attributor{g: g, order: make([]int, len(g.Services))}
	for i := range a.order {
		a.order[i] = i
	}
	sort.SliceStable(a.order, func(i, j int) bool { return g.Services[a.order[i]].Pos < g.Services[a.order[j]].Pos })
	return a
}

func within(s graph.Span, p token.Pos) bool { return s.Pos <= p && p < s.End }

// describe names the service and object at p, and the service's index + 1
// (Finding.ServiceIndex).
func (a *attributor) describe(p token.Pos) (service, object string, index int) {
	if !p.IsValid() {
		return "", "", 0
	}
	i := sort.Search(len(a.order), func(i int) bool { return a.g.Services[a.order[i]].Pos > p }) - 1
	if i >= 0 && within(a.g.Services[a.order[i]].Span, p) {
		s := a.g.Services[a.order[i]]
		return s.Label(), describeChild(s, p), a.order[i] + 1
	}
	for _, st := range a.g.Stores {
		if within(st.Span, p) {
			return "", fmt.Sprintf("store %q", st.Name.Value), 0
		}
	}
	return "", "", 0
}

// ServiceIn returns the service of g the finding is about (ServiceIndex),
// nil for none; g is the graph the finding was made from.
func (f Finding) ServiceIn(g *graph.Graph) *graph.Service {
	if f.ServiceIndex < 1 || f.ServiceIndex > len(g.Services) {
		return nil
	}
	return g.Services[f.ServiceIndex-1]
}

// BackendObject is how a finding about backend b names its object (the
// JSON output's "object", the baseline's key).
func BackendObject(b *graph.Backend) string { return fmt.Sprintf("backend %q", b.Name.Value) }

func describeChild(s *graph.Service, p token.Pos) string {
	for _, b := range s.Backends {
		if within(b.Span, p) {
			return BackendObject(b)
		}
	}
	for _, d := range s.Domains {
		if within(d.Span, p) {
			return fmt.Sprintf("domain %q", d.Name.Value)
		}
	}
	for _, l := range s.Links {
		if within(l.Span, p) {
			return fmt.Sprintf("resource link %q", l.Name.Value)
		}
	}
	for _, sn := range s.Snippets {
		if within(sn.Span, p) {
			return fmt.Sprintf("snippet %q", sn.Name.Value)
		}
	}
	for _, v := range s.VCLs {
		if within(v.Span, p) {
			return fmt.Sprintf("vcl %q", v.Name.Value)
		}
	}
	return "service"
}
