// Package graph is chainlint's model of a Fastly estate: what the loaders
// build and every later step reads. Graph holds services, their domains,
// backends, snippets, custom VCL, conditions, headers and resource links,
// and the account's stores, every value positioned in one token.FileSet
// (Files), with the problems and notes the loaders met. VCLFacts is the
// shape of what the VCL model (package vclmodel) adds to a service.
//
// The package knows no file format, no VCL semantics and no rule.
package graph
