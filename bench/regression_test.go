package bench

import (
	"runtime"
	"testing"

	"github.com/chainlint/chainlint/lint"
)

// allocated is the bytes op allocates: a measure of work that, unlike
// time, does not depend on the machine's load, so a test can hold it to
// a bound in CI.
func allocated(op func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	op()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestCostStaysLinear holds the lint of fixed synthetic estates to its
// goals in allocated bytes: per doubling of services (1,000 → 2,000 →
// 4,000) at most 2.1×, and against the parse floor at most the ratio
// below, for each input kind. An algorithm that turns quadratic, or a
// loader that starts copying what it reads, fails here rather than in
// next week's measurements. (Time is measured by the benchmarks and
// scripts/bench-process.sh; a timed assertion would fail on a busy
// machine.)
func TestCostStaysLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 21,000 generated services")
	}
	// Lint allocates more than the parse floor: it keeps the graph, runs
	// the rules and the VCL model. The bounds sit some 8% above today's
	// figures (json 1.06–1.16, yaml 0.35–0.38, terraform 0.07; json+vcl,
	// where the floor does not parse the VCL inside JSON strings,
	// 1.81–1.89), which vary by less than 1% from run to run. Before the
	// thirtieth round cut what the VCL model, the routes, the export
	// loaders and a Terraform build allocate for every service, they were
	// json 1.21–1.31, yaml 0.44, terraform 0.08–0.09, json+vcl 2.01–2.10.
	// Before the twenty-ninth round parsed a service's custom VCL into an arena used
	// again (vcl.Arena) they were json 1.31–1.36, yaml 0.46–0.48,
	// terraform 0.09–0.10, json+vcl 3.31–3.36.
	// Before the twenty-fourth round halved what reading a service's VCL
	// allocates they were json 1.96–2.0, yaml 1.63–1.65, terraform
	// 0.34–0.36, json+vcl 3.82–3.88; before the twenty-fifth evaluated
	// plain references and templates itself (fastValue), terraform 0.29;
	// before the twenty-eighth parsed and evaluated a lazily read
	// resource into an arena used again (loader/terraform/arena.go),
	// 0.23–0.24: a change that undoes any of them fails here. Terraform is under its
	// floor since chainlint parses the plain syntax itself (fastParse;
	// 0.98–1.08 with hclsyntax alone), and YAML since it reads an
	// export's items in their block style itself (fastItem; 1.40–1.43
	// with yaml.v3 alone).
	maxRatio := map[string]float64{"json": 1.25, "yaml": 0.41, "terraform": 0.08, "json+vcl": 2.05}
	for _, format := range []string{"json", "yaml", "terraform", "json+vcl"} {
		t.Run(format, func(t *testing.T) {
			var prev uint64
			sizes := []int{1000, 2000, 4000}
			if format == "json+vcl" {
				sizes = []int{250, 500, 1000} // 11 KB a service: the VCL model's cost
			}
			for _, n := range sizes {
				dir, _ := estateDir(t, n, format)
				lintBytes := allocated(func() {
					if _, err := lint.Run(lint.Options{Paths: []string{dir}}); err != nil {
						t.Fatal(err)
					}
				})
				floorBytes := allocated(func() {
					if err := Floor(dir); err != nil {
						t.Fatal(err)
					}
				})
				ratio := float64(lintBytes) / float64(floorBytes)
				t.Logf("%d services: lint %.1f MB, floor %.1f MB, ratio %.2f", n, float64(lintBytes)/1e6, float64(floorBytes)/1e6, ratio)
				if ratio > maxRatio[format] {
					t.Errorf("%d services: lint allocates %.2f× the parse floor, over %.2f", n, ratio, maxRatio[format])
				}
				if prev > 0 {
					if growth := float64(lintBytes) / float64(prev); growth > 2.1 {
						t.Errorf("%d services: allocation grew %.2f× from half as many, over 2.1", n, growth)
					}
				}
				prev = lintBytes
			}
		})
	}
}
