package rules

import (
	"fmt"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
)

// The rules of Fastly's next Terraform provider
// (fastly/terraform-provider-fastly-beta): how an estate written for it
// was read, its two resource families on one service, and staging, which
// service chaining does not support.

// TerraformProvider notes how a Terraform estate of the next provider was
// read.
var TerraformProvider = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: string(graph.RuleTerraformProvider),
		Doc: `how an estate of Fastly's next Terraform provider was read

Fastly's next Terraform provider (fastly/terraform-provider-fastly-beta,
registry source fastly/fastly-beta) has two resource families
(docs/dual-model-provider-design.md): the automatic one
(fastly_service_cdn_auto, fastly_service_compute_auto) nests a service's
objects in it, as the current provider's fastly_service_vcl and
fastly_service_compute do, and activates a new version on every apply; the
explicit one (fastly_service_cdn, fastly_service_compute) holds the service
alone, and each versioned object is a resource of its own
(fastly_service_backend, fastly_service_domain, fastly_service_vcl_snippet,
fastly_service_vcl for a custom VCL file, …) that names its service with
service_id and the version it writes with version.

chainlint reads both into the same services. It joins each explicit object
to the service its service_id names (a reference, or a literal ID: a service
declared elsewhere becomes a service of its own), and, where objects name
different versions, lints the highest (the one being configured: the
provider writes to the version given and refuses an active one); objects
whose version is a variable without a value are taken to name it too. This
note says which provider the estate was read as, and why (required_providers,
or its resource types), and, for each explicit service, which version was
linted and which objects were left out. fastly_service_compute and
fastly_service_vcl exist in both providers: a fastly_service_compute without
nested blocks is the explicit one when required_providers names
fastly/fastly-beta or a versioned resource names it; a fastly_service_vcl
with service_id and version is the next provider's custom VCL file.

Two versions configured at once: version 2 is not linted.

Bad:

    resource "fastly_service_cdn" "www" { name = "www" }
    resource "fastly_service_backend" "old" {
      service_id = fastly_service_cdn.www.id
      version    = 2
      name       = "origin"
      address    = "origin.example.com"
    }
    resource "fastly_service_backend" "new" {
      service_id = fastly_service_cdn.www.id
      version    = 3
      name       = "origin"
      address    = "origin.example.com"
    }

Every object names the version being configured.

Good:

    variable "service_version" { default = 3 }
    resource "fastly_service_backend" "origin" {
      service_id = fastly_service_cdn.www.id
      version    = var.service_version
      name       = "origin"
      address    = "origin.example.com"
    }`,
		Requires: graphRequires,
		Run:      noteReporter(graph.RuleTerraformProvider),
	},
}

// MixedResourceFamilies reports a service managed by both of the next
// provider's resource families.
var MixedResourceFamilies = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: string(graph.RuleMixedResourceFamilies),
		Doc: `one service is managed by both resource families of Fastly's next Terraform provider

The next provider's design (fastly/terraform-provider-fastly-beta,
docs/dual-model-provider-design.md, "Do not mix resource families for one
service") says a service is managed through one family only: a service
resource with nested blocks (fastly_service_cdn_auto,
fastly_service_compute_auto, or the current provider's fastly_service_vcl
and fastly_service_compute) owns its versions' whole configuration, clones
and activates a new version on every apply, and removes what it does not
declare; an explicit versioned resource (fastly_service_backend, …) that
writes to the same service drifts and conflicts with it. The provider
cannot always tell; chainlint does, when the versioned resource's
service_id refers to such a service. The object is not added to the
service. Move it into the service as a nested block, or declare the service
with the explicit family (fastly_service_cdn without nested blocks).

Bad:

    resource "fastly_service_cdn_auto" "www" {
      name = "www"
      domain { name = "www.example.com" }
    }
    resource "fastly_service_backend" "origin" {
      service_id = fastly_service_cdn_auto.www.id
      version    = 1
      name       = "origin"
      address    = "origin.example.com"
    }

Good:

    resource "fastly_service_cdn_auto" "www" {
      name = "www"
      domain { name = "www.example.com" }
      backend {
        name    = "origin"
        address = "origin.example.com"
      }
    }`,
		Requires: graphRequires,
		Run:      noteReporter(graph.RuleMixedResourceFamilies),
	},
}

// StagedChain reports a staged service that is part of a service chain.
var StagedChain = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "staged-chain",
		Doc: `the configuration stages a service that is part of a service chain

Fastly's staging runs a service version on staging IPs before it is
activated, but service chaining is not supported there: Fastly's staging
limitations (https://docs.fastly.com/products/staging) say "Service
chaining is not supported", and the next Terraform provider's design
(docs/dual-model-provider-design.md, "Why staging is explicit-only") says
"service chaining is not supported in staging". A staged version of a
service that sends requests to another Fastly service, or receives them
from one, is not tested as the chain will run it: the request does not
follow the chain through the staged version. The finding is at
what stages the service: a fastly_service_version_stage action of the next
provider's explicit family, or stage = true on the current provider's
service. Test the chain's services by activating them in order (origins
first) instead, or stage only services outside the chain.

Bad:

    action "fastly_service_version_stage" "www" {
      config {
        service_id = fastly_service_cdn.www.id   # www chains to api
        version    = var.service_version
      }
    }

Good:

    action "fastly_service_version_activate" "www" {
      config {
        service_id = fastly_service_cdn.www.id
        version    = var.service_version
      }
    }`,
		Requires: chainRequires,
		Run:      runStagedChain,
	},
}

func runStagedChain(pass *analysis.Pass) (any, error) {
	services := analyzer.GraphOf(pass).Services
	if !slices.ContainsFunc(services, func(s *graph.Service) bool { return s.Staged().Set }) {
		return nil, nil // most estates: nothing is staged
	}
	type link struct{ other, dir string }
	chained := map[*graph.Service]link{}
	for _, r := range analyzer.ChainsOf(pass).Routes {
		if r.To == nil || r.To == r.From() || !r.From().Staged().Set && !r.To.Staged().Set {
			continue
		}
		if _, ok := chained[r.From()]; !ok {
			chained[r.From()] = link{r.To.Label(), "sends requests to"}
		}
		if _, ok := chained[r.To]; !ok {
			chained[r.To] = link{r.From().Label(), "receives requests from"}
		}
	}
	for _, s := range services {
		c, ok := chained[s]
		st := s.Staged()
		if !st.Set || !ok {
			continue
		}
		pass.Report(analysis.Diagnostic{Pos: st.Pos, End: st.End(),
			Message: fmt.Sprintf("%s stages service %q, which %s service %q: service chaining is not supported in staging, so the staged version is not tested as the chain runs it; activate the chain's services in order instead, or stage a service outside the chain",
				st.Value, s.Label(), c.dir, c.other)})
	}
	return nil, nil
}
