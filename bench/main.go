// Command bench measures jobsbot against PostgreSQL's own limit on the same
// machine: /jobs add and /jobs status over signed HTTP against a running
// `jobsbot serve`, a plain single-row INSERT through pgbench at the same
// concurrency, /jobs status and the weekly digest in process on databases
// of millions of synthetic entries, and the bot's resident memory.
//
// Usage:
//
//	bench http     -url http://127.0.0.1:3999 -secret S -c 32 -d 20s [-phase add|status] [-db URL] [-pid PID]
//	bench pgbench  -db URL -c 32 -d 20s
//	bench compare  -url … -secret S -db URL -c 32 -d 20s [-pid PID]
//	bench fill     -db URL -n 1000000 [-seed 1]
//	bench status   -db URL -n 200
//	bench export   -db URL [-format xlsx|csv] [-what entries|report]
//	bench import   -db URL [-n 100000]
//	bench mem      -pid PID
//
// Run `bench <command> -h` for each command's flags. bench talks only to
// loopback addresses, and every run is bounded in requests and time.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `bench: measure jobsbot against PostgreSQL on this machine.

Usage:
  bench http     -url http://127.0.0.1:3999 -secret S -c 32 -d 20s [-phase add|status] [-db URL] [-pid PID]
                 signed /jobs add (or status) requests to a running jobsbot serve;
                 with -db, checks every acknowledged add is in the ledger exactly once
  bench pgbench  -db URL -c 32 -d 20s
                 PostgreSQL's pgbench with a single-row INSERT into entries
  bench compare  -url URL -secret S -db URL -c 32 -d 20s [-pid PID]
                 bench http (add) and bench pgbench back to back, and their ratio
  bench fill     -db URL -n 1000000 [-seed 1]
                 add N synthetic entries (ten years, 30 programs, 200 departments)
  bench status   -db URL -n 200
                 time /jobs status and the last complete week's digest in process
  bench export   -db URL [-format xlsx|csv] [-what entries|report]
                 one export of the whole ledger in process, and its peak resident memory
  bench import   -db URL [-n 100000] [-seed 1]
                 write an entries workbook of N rows, import it in process, then again, and the peak memory
  bench mem      -pid PID
                 resident memory (VmHWM, VmRSS) of a running process

Run 'bench <command> -h' for the flags of a command.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	commands := map[string]func(context.Context, []string, io.Writer) error{
		"http":    runHTTP,
		"pgbench": runPgbench,
		"compare": runCompare,
		"fill":    runFill,
		"status":  runStatus,
		"mem":     runMem,
		"export":  runExport,
		"import":  runImport,
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "bench: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	err := cmd(ctx, args[1:], stdout)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "bench %s: %v\n", args[0], err)
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "bench %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// usageError marks bad flags or arguments (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// newFlagSet returns a subcommand's flag set; -h prints usage (its usage
// line, a blank line and what it does, ending "Flags:") and then the flags.
func newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses a command's flags, printing its usage to stdout on -h.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	fs.SetOutput(stdout)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected arguments %q", fs.Args())}
	}
	return nil
}
