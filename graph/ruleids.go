package graph

// RuleID is a rule's stable kebab-case ID ("parse-error").
type RuleID string

// The rules whose findings the loaders produce while they read (load
// problems and notes, reported by the rule of the same ID): one name
// each, so a loader and its rule cannot drift apart. rules' tests check
// that each is a rule.
const (
	RuleParseError            RuleID = "parse-error"
	RuleSkippedInput          RuleID = "skipped-input"
	RuleUnknownValue          RuleID = "unknown-value"
	RuleUnsetVariable         RuleID = "unset-variable"
	RuleVCLSyntax             RuleID = "vcl-syntax"
	RuleTerraformProvider     RuleID = "terraform-provider"
	RuleMixedResourceFamilies RuleID = "mixed-resource-families"
)

// LoadRules lists the rule IDs above.
var LoadRules = []RuleID{RuleParseError, RuleSkippedInput, RuleUnknownValue, RuleUnsetVariable, RuleVCLSyntax, RuleTerraformProvider, RuleMixedResourceFamilies}
