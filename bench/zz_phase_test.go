package bench

import (
	"os"
	"runtime"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/loader"
	"github.com/chainlint/chainlint/rules"
	"github.com/chainlint/chainlint/vclmodel"
)

func TestZZPhase(t *testing.T) {
	dir := os.Getenv("ZZDIR")
	if dir == "" {
		t.Skip()
	}
	var a, b, c runtime.MemStats
	runtime.ReadMemStats(&a)
	g, err := loader.Paths([]string{dir}, loader.Options{Prepare: vclmodel.Prepare})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&b)
	runtime.GC()
	var l runtime.MemStats
	runtime.ReadMemStats(&l)
	prof, _ := analyzer.ProfileByName("")
	res, err := analyzer.Run(g, rules.All(), &analyzer.Config{Profile: prof})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&c)
	runtime.GC()
	var e runtime.MemStats
	runtime.ReadMemStats(&e)
	t.Logf("load alloc %.1f MB, live after load %.1f MB; analyze alloc %.1f MB, live after %.1f MB; %d findings",
		float64(b.TotalAlloc-a.TotalAlloc)/1e6, float64(l.HeapAlloc)/1e6, float64(c.TotalAlloc-l.TotalAlloc)/1e6, float64(e.HeapAlloc)/1e6, len(res.Findings))
	runtime.KeepAlive(g)
}
