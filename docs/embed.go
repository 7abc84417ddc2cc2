// Package docs holds chainlint's generated rule pages (docs/rules, made
// by go generate ./... from each rule's Doc and its test cases), embedded
// so that chainlint explain prints the page the repository publishes.
package docs

import "embed"

// Rules holds rules/RULE.md for every rule.
//
//go:embed rules/*.md
var Rules embed.FS
