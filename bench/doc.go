// Package bench holds chainlint's end-to-end benchmarks: lint time per
// input kind at 1,000 and 10,000 services, the parse floor for the same
// files (what reading them costs with the parsers alone), and scaling from
// 1,000 to 8,000 services. Run them by hand:
//
//	go test ./bench -run '^$' -bench . -benchmem -count 5 | benchstat -
package bench
