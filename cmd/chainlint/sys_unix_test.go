//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// mkfifo makes a named pipe.
func mkfifo(path string, mode uint32) error { return syscall.Mkfifo(path, mode) }

// maxRSS is a finished process's peak resident set in KiB; -1 when the
// system does not say. (Linux's rusage counts KiB, macOS's bytes.)
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return -1
	}
	if runtime.GOOS == "darwin" {
		return ru.Maxrss / 1024
	}
	return ru.Maxrss
}
