package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// runMem answers `bench mem`.
func runMem(_ context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("bench mem",
		"Usage: bench mem -pid PID\n\n"+
			"Prints the peak (VmHWM) and current (VmRSS) resident memory of a process. Flags:")
	pid := fs.Int("pid", 0, "process ID, e.g. of `jobsbot serve` (required)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *pid <= 0 {
		return usageError{errors.New("-pid is required")}
	}
	return printMem(stdout, *pid)
}

// printMem prints a process's resident memory from /proc/PID/status.
func printMem(stdout io.Writer, pid int) error {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return fmt.Errorf("memory of process %d: %w", pid, err)
	}
	defer f.Close()
	fields := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok {
			fields[k] = strings.TrimSpace(v)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("memory of process %d: %w", pid, err)
	}
	fmt.Fprintf(stdout, "memory of %s (pid %d): peak resident VmHWM %s, resident now VmRSS %s\n",
		fields["Name"], pid, fields["VmHWM"], fields["VmRSS"])
	return nil
}
