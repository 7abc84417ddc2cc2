package budget

import (
	"runtime/debug"
	"testing"
)

// TestLimit: four times the input plus 32 MB, Terraform HCL at 8 times.
func TestLimit(t *testing.T) {
	const mb = 1 << 20
	for _, tt := range []struct{ total, hcl, want int64 }{
		{10 * mb, 0, 72 * mb},
		{10 * mb, 10 * mb, 112 * mb},
		{20 * mb, 10 * mb, 152 * mb},
	} {
		if got := Limit(tt.total, tt.hcl); got != tt.want {
			t.Errorf("Limit(%d MB, %d MB) = %d MB, want %d MB", tt.total/mb, tt.hcl/mb, got/mb, tt.want/mb)
		}
	}
}

func TestApplyRestores(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	restore := Apply(10<<20, 0)
	if got := debug.SetMemoryLimit(-1); got != Limit(10<<20, 0) {
		t.Errorf("limit %d under the budget, want %d", got, Limit(10<<20, 0))
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit %d after restore, want %d", got, before)
	}
}

func TestEnvironmentWins(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	before := debug.SetMemoryLimit(-1)
	restore := Apply(10<<20, 0)
	defer restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit %d with GOMEMLIMIT set, want it untouched (%d)", got, before)
	}
}
