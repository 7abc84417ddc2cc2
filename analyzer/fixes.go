package analyzer

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Fixes holds a run's fixes whose edits are computed on demand. A fix's
// edits can cost far more than its finding (a Terraform block is parsed
// and formatted with hclwrite), and most runs only list findings (a fix
// is then only marked [*]); --fix, JSON, SARIF and the language server
// ask for the edits (Fix.Edits).
type Fixes struct {
	mu    sync.Mutex
	next  int
	byKey map[string]func() []analysis.TextEdit
}

// lazyKey starts the text of the one edit that stands for a lazy fix's
// edits in the SuggestedFix a rule reports; the driver takes it back.
const lazyKey = "\x00chainlint:lazy-fix:"

// LazyFix returns a fix whose edits are computed by edits when they are
// first asked for, not when the rule reports it. The pass must require
// FixesAnalyzer; without it the edits are computed at once.
func LazyFix(pass *analysis.Pass, message string, edits func() []analysis.TextEdit) analysis.SuggestedFix {
	fixes, ok := pass.ResultOf[FixesAnalyzer].(*Fixes)
	if !ok {
		return analysis.SuggestedFix{Message: message, TextEdits: edits()}
	}
	fixes.mu.Lock()
	key := lazyKey + strconv.Itoa(fixes.next)
	fixes.next++
	fixes.byKey[key] = edits
	fixes.mu.Unlock()
	return analysis.SuggestedFix{Message: message, TextEdits: []analysis.TextEdit{{NewText: []byte(key)}}}
}

// lookup returns the computation a lazy fix stands for, or nil for a fix
// whose edits are given. The same fix reported twice is computed once
// for each; a placeholder without its computation (never made by
// LazyFix) has no edits rather than a bogus one.
func (fx *Fixes) lookup(sf analysis.SuggestedFix) func() []analysis.TextEdit {
	if len(sf.TextEdits) != 1 || sf.TextEdits[0].Pos.IsValid() || !strings.HasPrefix(string(sf.TextEdits[0].NewText), lazyKey) {
		return nil
	}
	var compute func() []analysis.TextEdit
	if fx != nil {
		fx.mu.Lock()
		compute = fx.byKey[string(sf.TextEdits[0].NewText)]
		fx.mu.Unlock()
	}
	if compute == nil {
		return func() []analysis.TextEdit { return nil }
	}
	return compute
}
