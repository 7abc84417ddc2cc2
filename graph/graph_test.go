package graph

import (
	"go/token"
	"math"
	"strconv"
	"testing"
	"unsafe"
)

func TestFieldAt(t *testing.T) {
	for _, tc := range []struct {
		name          string
		pos, end      token.Pos
		wantPos, want token.Pos
	}{
		{"span", 10, 25, 10, 25},
		{"empty", 10, 10, 10, 10},
		{"end before pos", 10, 4, 10, 10},
		{"no position", token.NoPos, token.NoPos, token.NoPos, token.NoPos},
		{"a whole large file", 1, 1 + 64<<20, 1, 1 + 64<<20},
	} {
		f := Field[string]{Value: "v", Set: true, Unknown: true}.At(tc.pos, tc.end)
		if f.Pos != tc.wantPos || f.End() != tc.want || f.Value != "v" || !f.Set || !f.Unknown {
			t.Errorf("%s: At(%d, %d) = %+v, End %d; want %d..%d with value and flags kept", tc.name, tc.pos, tc.end, f, f.End(), tc.wantPos, tc.want)
		}
	}
	if strconv.IntSize == 64 {
		// A length past 4 GiB is cut at 4 GiB (no file is that large).
		one, max32 := token.Pos(1), uint64(math.MaxUint32)
		f := Field[bool]{}.At(one, one<<32+10)
		if uint64(f.End()) != 1+max32 {
			t.Errorf("past 4 GiB: End %d, want %d", f.End(), 1+max32)
		}
	}
	// At moves a positioned field, its length with it.
	f := Field[int]{Value: 1, Set: true}.At(5, 9).At(100, 130)
	if f.Pos != 100 || f.End() != 130 {
		t.Errorf("moved field: %d..%d, want 100..130", f.Pos, f.End())
	}
}

// TestFieldLayout holds the sizes that every graph object's fields add up
// to: the end held as a length packs with the flags.
func TestFieldLayout(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want uintptr
	}{
		{"Field[string]", unsafe.Sizeof(Field[string]{}), 32},
		{"Field[int]", unsafe.Sizeof(Field[int]{}), 24},
		{"Field[bool]", unsafe.Sizeof(Field[bool]{}), 16},
		{"Backend", unsafe.Sizeof(Backend{}), 312},
		{"Service", unsafe.Sizeof(Service{}), 256},
		{"VCLFacts", unsafe.Sizeof(VCLFacts{}), 144},
	} {
		if tc.got > tc.want {
			t.Errorf("%s is %d bytes, over %d", tc.name, tc.got, tc.want)
		}
	}
}
