package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// peakHelperEnv makes the test binary, started with it, a small parent
// that runs its arguments as a command and reports that command's peak
// RSS (KiB) on file descriptor 3. A child's rusage peak counts the memory
// of the process it was started from (Linux records the old image's peak
// at exec, and Go starts children sharing its memory until then): started
// from this test process, whose memory the other cases' inputs grow, the
// figure would be this process's; started from the helper, it is the
// command's own. So the cases that bound memory can run in parallel.
const peakHelperEnv = "CHAINLINT_TEST_PEAK_HELPER"

// peakHelper is the helper's main: it runs args and exits with their
// status.
func peakHelper(args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	status := 0
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		fmt.Fprintln(os.Stderr, "peak helper:", err)
		return 125
	}
	report := os.NewFile(3, "peak")
	fmt.Fprint(report, maxRSS(cmd.ProcessState))
	report.Close()
	return status
}

// runPeak runs the built command with args in dir, through the helper,
// and returns its output, exit status and peak RSS in MiB.
func runPeak(t *testing.T, dir string, args ...string) (stdout, stderr string, status int, peakMiB int64) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(os.Args[0], append([]string{binary}, args...)...)
	cmd.Dir, cmd.Env, cmd.ExtraFiles = dir, append(os.Environ(), peakHelperEnv+"=1"), []*os.File{w}
	var readErr error
	var report []byte
	done := make(chan struct{})
	go func() { report, readErr = io.ReadAll(r); close(done) }()
	stdout, stderr, status = runCmd(t, cmd)
	w.Close()
	<-done
	if status == 125 || readErr != nil {
		t.Fatalf("the peak helper failed (status %d, %v): %s", status, readErr, stderr)
	}
	kib, err := strconv.ParseInt(strings.TrimSpace(string(report)), 10, 64)
	if err != nil {
		t.Fatalf("the peak helper reported %q", report)
	}
	if kib < 0 {
		t.Skip("this system reports no peak RSS of a process")
	}
	return stdout, stderr, status, kib / 1024
}

// TestPeakHelper: the helper passes the command's status and output
// through, and its figure is the command's own peak, not this process's.
func TestPeakHelper(t *testing.T) {
	ballast := make([]byte, 256<<20) // this process: 256 MiB more
	for i := range ballast {
		ballast[i] = 1
	}
	stdout, _, status, peak := runPeak(t, t.TempDir(), "--version")
	if status != 0 || !strings.Contains(stdout, "chainlint") {
		t.Errorf("status %d, output %q", status, stdout)
	}
	if peak <= 0 || peak > 128 {
		t.Errorf("peak %d MiB for chainlint --version: not the command's own", peak)
	}
	_, _, status, _ = runPeak(t, t.TempDir(), "no-such-command")
	if status != 2 {
		t.Errorf("status %d for a usage error, want 2", status)
	}
	ballast[0] = 0
}
