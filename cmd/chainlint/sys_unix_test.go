//go:build unix

package main

import (
	"os"
	"syscall"
)

func mkfifo(path string, mode uint32) error { return syscall.Mkfifo(path, mode) }

// maxRSS is a finished process's peak resident set in KiB (Linux's
// rusage unit).
func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}
