package budget

import (
	"runtime/debug"
	"testing"

	"github.com/chainlint/chainlint/loader"
)

// TestPercent: Terraform HCL and YAML that are most of the input run at
// 50, the rest at the runtime's default.
func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, tt := range []struct {
		s    loader.Sizes
		want int
	}{
		{loader.Sizes{Total: 10 * mb}, 100},
		{loader.Sizes{Total: 10 * mb, YAML: 10 * mb}, 50},
		{loader.Sizes{Total: 30 * mb, YAML: 10 * mb}, 100},
		{loader.Sizes{Total: 20 * mb, YAML: 5 * mb, HCL: 5 * mb}, 50},
		{loader.Sizes{Total: 10 * mb, HCL: 10 * mb}, 50},
		{loader.Sizes{Total: 20 * mb, HCL: 10 * mb}, 50},
		{loader.Sizes{Total: 30 * mb, HCL: 10 * mb}, 100},
		{loader.Sizes{}, 100},
	} {
		if got := Percent(tt.s); got != tt.want {
			t.Errorf("Percent(%+v) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestNoLimit: the budget never sets a memory limit (one below the live
// heap makes the collector run without end), and restores the pace.
func TestNoLimit(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	limit := debug.SetMemoryLimit(-1)
	before := debug.SetGCPercent(-1)
	debug.SetGCPercent(before)
	restore := Apply(loader.Sizes{Total: 10 << 20, HCL: 10 << 20})
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("pace %d under the budget, want 50", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit %d under the budget, want it untouched (%d)", got, limit)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != before {
		t.Errorf("pace %d after restore, want %d", got, before)
	}
	debug.SetGCPercent(before)
}

// TestEnvironmentWins: GOGC or GOMEMLIMIT in the environment leaves the
// collector as the user set it.
func TestEnvironmentWins(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "200")
			before := debug.SetGCPercent(-1)
			debug.SetGCPercent(before)
			restore := Apply(loader.Sizes{Total: 10 << 20, HCL: 10 << 20})
			defer restore()
			if got := debug.SetGCPercent(before); got != before {
				t.Errorf("pace %d with %s set, want it untouched (%d)", got, env, before)
			}
		})
	}
}
