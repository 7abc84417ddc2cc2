package vclmodel

import "github.com/chainlint/chainlint/vcl"

// Every test of the package poisons the VCL syntax trees an arena takes
// back (vcl.Arena.Reset): a tree read after its service is read would
// change what the tests compare.
func init() { vcl.PoisonRecycled = true }
