package bench

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/chainlint/chainlint/lint"
)

func TestZZHeap(t *testing.T) {
	dir := os.Getenv("ZZDIR")
	if dir == "" {
		t.Skip()
	}
	if g := os.Getenv("ZZGOGC"); g != "" {
		debug.SetGCPercent(50)
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var best uint64
	var prof, gor bytes.Buffer
	if os.Getenv("ZZRATE") != "" {
		runtime.MemProfileRate = 4096
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > best {
				best = v
				prof.Reset()
				pprof.WriteHeapProfile(&prof)
				gor.Reset()
				pprof.Lookup("goroutine").WriteTo(&gor, 1)
			}
		}
	}()
	res, err := lint.Run(lint.Options{Paths: []string{dir}})
	close(done)
	<-stopped
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("findings %d, peak live %d MB", len(res.Findings), best>>20)
	os.WriteFile(os.Getenv("ZZOUT"), prof.Bytes(), 0o644)
	os.WriteFile(os.Getenv("ZZOUT")+".gor", gor.Bytes(), 0o644)
}
