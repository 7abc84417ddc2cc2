package terraform

import (
	"math/big"
	"testing"
)

// TestNumberText checks the fast path for whole numbers against
// big.Float's own decimal form, at the edges where the two could differ:
// zero's sign, int64's bounds, fractions, huge and tiny magnitudes.
func TestNumberText(t *testing.T) {
	values := []string{"0", "-0", "1", "-1", "443", "2147483647", "2147483648",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"0.5", "-0.5", "1e20", "1.5e3", "1e-9", "123456789012345678901234567890"}
	for _, v := range values {
		bf, _, err := big.ParseFloat(v, 10, 512, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := numberText(bf), bf.Text('f', -1); got != want {
			t.Errorf("numberText(%s) = %q, want %q", v, got, want)
		}
	}
}
