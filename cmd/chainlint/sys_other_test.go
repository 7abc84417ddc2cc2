//go:build !unix

package main

import (
	"errors"
	"os"
)

// mkfifo fails: this system has no named pipes (the tests that need one
// skip).
func mkfifo(string, uint32) error { return errors.New("no FIFOs on this system") }

// maxRSS is -1: this system's process state has no peak RSS (the tests
// that bound memory skip).
func maxRSS(*os.ProcessState) int64 { return -1 }
