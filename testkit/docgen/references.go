package docgen

// ref is a page of Fastly's (or Terraform's) documentation a rule relies on.
type ref struct{ title, url string }

var (
	refChaining      = ref{"Service chaining", "https://www.fastly.com/documentation/guides/concepts/service-chaining/"}
	refShielding     = ref{"Shielding", "https://www.fastly.com/documentation/guides/concepts/shielding/"}
	refBackendAPI    = ref{"Backend (API reference): override_host, ssl_cert_hostname, shield", "https://www.fastly.com/documentation/reference/api/services/backend/"}
	refResources     = ref{"Linked resources for Fastly services (resource links, at most 50 per service)", "https://www.fastly.com/documentation/guides/concepts/resources/"}
	refDataStores    = ref{"Data stores (KV stores: Compute only)", "https://www.fastly.com/documentation/guides/concepts/edge-state/data-stores/"}
	refDynamicConfig = ref{"Dynamic configuration (dictionaries: VCL only; config and secret stores: Compute only)", "https://www.fastly.com/documentation/guides/concepts/dynamic-config/"}
	refFastlyToml    = ref{"fastly.toml package manifest format ([setup], [local_server])", "https://www.fastly.com/documentation/reference/compute/fastly-toml/"}
	refSnippets      = ref{"Using VCL snippets", "https://www.fastly.com/documentation/guides/full-site-delivery/fastly-vcl/vcl-snippets/using-vcl-snippets/"}
	refLifecycle     = ref{"VCL request lifecycle", "https://www.fastly.com/documentation/reference/vcl/request-lifecycle/"}
	refPurging       = ref{"Purging", "https://www.fastly.com/documentation/guides/full-site-delivery/purging/"}
	refSecureIsEqual = ref{"digest.secure_is_equal", "https://www.fastly.com/documentation/reference/vcl/functions/cryptographic/digest-secure-is-equal/"}
	refPassAll       = ref{"Pass all requests (VCL, Go, JavaScript, Rust)", "https://www.fastly.com/documentation/solutions/examples/pass-all-requests/"}
	refTFVariables   = ref{"Terraform: assigning values to root module variables", "https://developer.hashicorp.com/terraform/language/values/variables#assigning-values-to-root-module-variables"}
	refTFServiceVCL  = ref{"Terraform: fastly_service_vcl", "https://registry.terraform.io/providers/fastly/fastly/latest/docs/resources/service_vcl"}
	refBetaDesign    = ref{"Fastly's next Terraform provider: dual-model provider design (resource families, staging, package upload)", "https://github.com/fastly/terraform-provider-fastly-beta/blob/main/docs/dual-model-provider-design.md"}
	refBetaSyntax    = ref{"Fastly's next Terraform provider: HCL syntax changes from the current provider", "https://github.com/fastly/terraform-provider-fastly-beta/blob/main/docs/guides/hcl_syntax_changes.md"}
	refStaging       = ref{"Staging: limitations (service chaining is not supported)", "https://docs.fastly.com/products/staging"}
	refTFCompute     = ref{"Terraform: fastly_service_compute (resource_link, package)", "https://registry.terraform.io/providers/fastly/fastly/latest/docs/resources/service_compute"}
)

// references lists, per rule, the documentation its page links.
var references = map[string][]ref{
	"chain-loop":                  {refChaining},
	"missing-host-override":       {refChaining, refBackendAPI},
	"host-override-mismatch":      {refChaining, refBackendAPI},
	"partial-host-override":       {refChaining, refLifecycle},
	"external-chain":              {refChaining},
	"too-many-hops":               {refChaining},
	"too-many-services":           {refChaining},
	"long-chain":                  {refChaining},
	"shield-pop-mismatch":         {refShielding, refChaining},
	"multiple-shields":            {refShielding, refChaining},
	"unknown-shield-pop":          {refShielding},
	"compute-shield":              {refShielding},
	"shield-switch-pinned-ip":     {refShielding, refChaining},
	"compute-to-vcl-without-pass": {refChaining, refPassAll},
	"vcl-to-compute-bypass":       {refChaining},
	"tls-hostname-mismatch":       {refBackendAPI},
	"duplicate-domain":            {refChaining},
	"too-many-links":              {refResources},
	"invalid-link-name":           {refResources},
	"duplicate-link-name":         {refResources},
	"dangling-link":               {refResources},
	"store-platform":              {refDataStores, refDynamicConfig, refTFServiceVCL},
	"unused-resource-link":        {refResources, refTFCompute},
	"unknown-store-reference":     {refResources, refFastlyToml},
	"unknown-backend-reference":   {refFastlyToml},
	"local-setup-drift":           {refFastlyToml},
	"snippet-not-rendered":        {refSnippets},
	"vcl-syntax":                  {refLifecycle},
	"static-shared-secret":        {refChaining, refSecureIsEqual},
	"hardcoded-secret":            {refDynamicConfig},
	"unprotected-chained-service": {refChaining},
	"chain-guard-refuses":         {refChaining, refSecureIsEqual},
	"overwritten-backend":         {refSnippets},
	"divergent-cache-key":         {refPurging},
	"parse-error":                 {refTFServiceVCL},
	"unknown-value":               {refTFServiceVCL},
	"unset-variable":              {refTFServiceVCL, refTFVariables},
	"terraform-provider":          {refBetaDesign, refBetaSyntax},
	"mixed-resource-families":     {refBetaDesign},
	"staged-chain":                {refStaging, refBetaDesign, refChaining},
}
