// Package analyzer holds chainlint's service graph and runs lint rules
// over it.
//
// The graph (Graph) is what the loaders produce: services, their domains,
// backends, snippets, custom VCL and resource links, and the account's
// stores, every value positioned in one token.FileSet. Chains is the
// derived view rules need: where each backend's requests go (Fastly routes
// by Host header), the chain graph's loops and path maxima, all computed in
// time linear in services + routes.
//
// The driver (Run) runs rules, which are golang.org/x/tools/go/analysis
// analyzers, ordered by Requires, and resolves their diagnostics into
// Findings attributed to the graph object they are about.
//
// The package knows no file format and no rule: loaders fill the graph,
// rules read it.
package analyzer
