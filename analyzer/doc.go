// Package analyzer is chainlint's pass driver: it runs lint rules, which
// are golang.org/x/tools/go/analysis analyzers, over a loaded service
// graph (package graph), ordered by Requires, and resolves their
// diagnostics into Findings attributed to the graph object they are
// about, after the run's ignores and baseline-free suppressions.
//
// Three passes are the driver's own: graph (the graph as loaded, provided
// by the driver), vclmodel (the VCL model, package vclmodel, run once over
// that graph; every rule requires it) and chains (package routes). The
// driver also holds the profiles (platform limits), severities and rule
// documentation links.
//
// The package knows no file format and no rule.
package analyzer
