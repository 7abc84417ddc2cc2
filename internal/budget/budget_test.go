package budget

import (
	"runtime/debug"
	"testing"

	"github.com/chainlint/chainlint/loader"
)

// TestLimit: four times the input plus 32 MB, Terraform HCL at 5 times,
// YAML at 32.
func TestLimit(t *testing.T) {
	const mb = 1 << 20
	for _, tt := range []struct {
		s    loader.Sizes
		want int64
	}{
		{loader.Sizes{Total: 10 * mb}, 72 * mb},
		{loader.Sizes{Total: 10 * mb, HCL: 10 * mb}, 82 * mb},
		{loader.Sizes{Total: 20 * mb, HCL: 10 * mb}, 122 * mb},
		{loader.Sizes{Total: 20 * mb, YAML: 10 * mb}, 392 * mb},
	} {
		if got := Limit(tt.s); got != tt.want {
			t.Errorf("Limit(%+v) = %d MB, want %d MB", tt.s, got/mb, tt.want/mb)
		}
	}
}

func TestApplyRestores(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	restore := Apply(loader.Sizes{Total: 10 << 20})
	if got := debug.SetMemoryLimit(-1); got != Limit(loader.Sizes{Total: 10 << 20}) {
		t.Errorf("limit %d under the budget, want %d", got, Limit(loader.Sizes{Total: 10 << 20}))
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit %d after restore, want %d", got, before)
	}
}

func TestEnvironmentWins(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	before := debug.SetMemoryLimit(-1)
	restore := Apply(loader.Sizes{Total: 10 << 20})
	defer restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit %d with GOMEMLIMIT set, want it untouched (%d)", got, before)
	}
}
