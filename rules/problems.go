package rules

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/vclmodel"
)

// ParseError reports inputs that could not be read or parsed.
var ParseError = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: string(graph.RuleParseError),
		Doc: `an input could not be read or parsed

A file that looks like a Fastly export but is not valid JSON or YAML, a
value of the wrong type (a string where the export has an array), a file
that cannot be read, or a Terraform block the Fastly provider does not have
(resource_link in fastly_service_vcl: the provider offers it on
fastly_service_compute only, and terraform validate refuses it; chainlint
still reads the link, so the link rules, store-platform among them, check
it), or an argument at the top of a .tf file (Terraform's file schema holds
blocks only, and every Terraform version refuses one there with
"Unsupported argument"; a block type chainlint does not know is left to
Terraform, whose versions add new ones). The rest of the inputs are still
analysed, but the result is incomplete: chainlint exits with status 3,
never 0.

Bad:

    {"services": [{"name": "www", "version": {"domains": "www.example.com"}}]}

Good:

    {"services": [{"name": "www", "version": {"domains": [{"name": "www.example.com"}]}}]}`,
		Requires: graphRequires,
		Run:      problemReporter(graph.RuleParseError),
	},
}

// problemReporter reports the graph's load problems of one kind.
func problemReporter(kind graph.RuleID) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		for _, p := range analyzer.GraphOf(pass).Problems {
			if p.Rule == kind {
				pass.Report(analysis.Diagnostic{Pos: p.Pos, End: p.End, Message: p.Message})
			}
		}
		return nil, nil
	}
}

// UnknownValue reports values chainlint could not evaluate.
var UnknownValue = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: string(graph.RuleUnknownValue),
		Doc: `a value a chain rule needs is known only when Terraform applies

A variable without a value, a data source, or an attribute the provider
computes (an ID) cannot be known before "terraform apply". chainlint does
not guess: rules that need the value stay silent for that object, and this
note (one per object) says which values were unknown and why, so a silent
run is not mistaken for a checked one. Give variables defaults or values in
terraform.tfvars (or --var), or lint the plan instead: terraform show -json.

A Host the VCL computes (from a header no literal sets, a function) on
a backend that reaches Fastly is noted the same way, at the statement:
which service receives the request cannot be told before it runs.

Bad:

    variable "backend_host" {}
    resource "fastly_service_vcl" "www" {
      backend { name = "origin", address = var.backend_host }
    }

Good:

    variable "backend_host" { default = "origin.example.com" }`,
		Requires: chainRequires,
		Run:      runUnknownValue,
	},
}

func runUnknownValue(pass *analysis.Pass) (any, error) {
	if _, err := noteReporter(graph.RuleUnknownValue)(pass); err != nil {
		return nil, err
	}
	for _, r := range analyzer.ChainsOf(pass).Routes {
		if !r.ToFastly || r.HostSource != vclmodel.HostUnknown || !r.HostPos.IsValid() {
			continue
		}
		for _, e := range vclmodel.ExitsFor(r.Backend) {
			if e.Host.Kind == graph.ExitHostDynamic {
				pass.Report(analysis.Diagnostic{Pos: e.Host.Pos, End: e.Host.End,
					Message: fmt.Sprintf("backend %q of service %q reaches Fastly (%q), but the Host its VCL sends here is computed at run time, so which service receives the request is not known and the chain rules skip this backend; set the Host from a literal (or from a header set to one), or set override_host",
						r.Backend.Name.Value, r.From().Label(), r.Address)})
				break
			}
		}
	}
	return nil, nil
}

// UnsetVariable reports root variables without a value that decide where
// a chain goes.
var UnsetVariable = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: string(graph.RuleUnsetVariable),
		Doc: `a Terraform root variable without a value decides where a chain goes

A backend's address or override_host, or a domain, takes its value from a
root variable that has no default and no value here. terraform plan stops
and asks for it; chainlint cannot know where the chain goes, so the chain
rules for that backend or domain are silent, and a run that only noted it
(unknown-value) would pass. chainlint reads the values Terraform reads, in
its order: TF_VAR_NAME in the environment, terraform.tfvars, *.auto.tfvars
(in name order), then --var-file and --var. Give the variable a value
there, or a default.

Bad:

    variable "chained_host" {}
    resource "fastly_service_vcl" "www" {
      backend { name = "chained", address = var.chained_host }
    }

Good:

    variable "chained_host" { default = "chained.example.com" }`,
		Requires: graphRequires,
		Run:      noteReporter(graph.RuleUnsetVariable),
	},
}

// SkippedInput reports what the loaders left out on purpose.
var SkippedInput = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: string(graph.RuleSkippedInput),
		Doc: `an input was left out or cut short, on purpose

chainlint reads untrusted input (a pull request) within bounds, and says so
whenever a bound leaves something out, so that a clean run is not mistaken
for one that read everything:

- Symbolic links found below the paths given are followed only to files
  and directories inside those paths: a link out of the tree could lead
  anywhere (a credentials file whose lines would be printed in an excerpt,
  a device that never ends). To lint the target, name it on the command
  line. A directory link that loops back is entered once, without a note.
- A Terraform resource whose count or for_each asks for more than 10,000
  instances is analysed for its first 10,000.
- A Terraform resource of a Fastly type chainlint does not read that
  declares a service (a domain or backend block) is noted, so its service
  is not silently missing. (fastly_service_v1, the provider's name for VCL
  services before 1.0, is read as fastly_service_vcl.)
- A falco unit-test file (*.test.vcl: falco's test runner finds them by
  that name; describe groups, testing.* and assert.* calls) is not Fastly
  VCL and never reaches Fastly: it is noted, not checked.
- Fastly's next Terraform provider (fastly/terraform-provider-fastly-beta)
  is not read yet: each of its services (fastly_service_cdn,
  fastly_service_cdn_auto, fastly_service_compute_auto) and each of its
  versioned objects (a fastly_service_* resource with service_id and
  version, as its docs/resources describe them) is noted. Its explicit
  fastly_service_compute has the current provider's name; one without
  nested blocks is read as an empty service of the current provider, with
  a note.
- A Compute project's sources are scanned by its language (Rust: src/;
  JavaScript/TypeScript: the entry and its relative imports; Go: the
  module's packages), never dependencies, build output or git-ignored
  paths, and within bounds: files over 1 MB and minified bundles are
  skipped, and at most 2,000 files (32 MB) are read per project. The
  note names what was skipped; store opens and backend sends there are
  not checked.
- A .vcl file that does not parse and is a template (Terraform's ${…} or
  %{…}, or ####NAME#### placeholders, as Fastly's Magento module writes)
  that nothing among the inputs renders is not linted as VCL: its
  placeholders are not VCL errors. A template that Terraform renders is
  linted as rendered, where it is used, and not again on its own.

Bad:

    estate.json -> /home/me/exports/estate.json   (a link out of the tree)

Good:

    chainlint . /home/me/exports/estate.json`,
		Requires: graphRequires,
		Run:      noteReporter(graph.RuleSkippedInput),
	},
}

// noteReporter reports the graph's load notes of one kind.
func noteReporter(kind graph.RuleID) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		for _, n := range analyzer.GraphOf(pass).Notes {
			if n.Rule == kind {
				pass.Report(analysis.Diagnostic{Pos: n.Pos, End: n.End, Message: n.Message})
			}
		}
		return nil, nil
	}
}
