package graph

// The rules whose findings the loaders produce while they read (load
// problems and notes, reported by the rule of the same ID): one name
// each, so a loader and its rule cannot drift apart. rules' tests check
// that each is a rule.
const (
	RuleParseError            = "parse-error"
	RuleSkippedInput          = "skipped-input"
	RuleUnknownValue          = "unknown-value"
	RuleUnsetVariable         = "unset-variable"
	RuleVCLSyntax             = "vcl-syntax"
	RuleTerraformProvider     = "terraform-provider"
	RuleMixedResourceFamilies = "mixed-resource-families"
)

// LoadRules lists the rule IDs above.
var LoadRules = []string{RuleParseError, RuleSkippedInput, RuleUnknownValue, RuleUnsetVariable, RuleVCLSyntax, RuleTerraformProvider, RuleMixedResourceFamilies}
