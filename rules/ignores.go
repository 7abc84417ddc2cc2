package rules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
)

// reportedByDriver is the Run of rules whose findings the driver reports
// after every other rule ran: which ignores silenced something is only
// known then.
func reportedByDriver(*analysis.Pass) (any, error) { return nil, nil }

// IgnoreWithoutReason reports ignore comments that do not say why.
var IgnoreWithoutReason = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: analyzer.IgnoreWithoutReasonRule,
		Doc: `an ignore comment gives no reason

"chainlint:ignore RULE -- reason" silences RULE on its line (at the end of
a line) or on the next line (alone on its line), in HCL, YAML and VCL
comments (# or //). Without a reason the next reader cannot tell a reviewed
exception from a silenced bug; the ignore still works, and this warning
asks for the reason.

Bad:

    # chainlint:ignore external-chain

Good:

    # chainlint:ignore external-chain -- the partner's service is chained on purpose`,
		Requires: graphRequires,
		Run:      reportedByDriver,
	},
}

// UnusedIgnore reports ignores that silence nothing.
var UnusedIgnore = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: analyzer.UnusedIgnoreRule,
		Doc: `an ignore comment or config ignore entry silences nothing

The finding it was written for is gone (fixed, or moved to another line),
or it names the wrong rule. Stale ignores hide the next real finding on
that line: remove them. An ignore whose rules are all off in this run
(rules: {RULE: off}, --disable, --only) is not judged: it silences them
again when they are turned back on.

Bad:

    # chainlint:ignore chain-loop -- the loop was broken in March
    address: origin.example.com

Good:

    address: origin.example.com`,
		Requires: graphRequires,
		Run:      reportedByDriver,
	},
}
