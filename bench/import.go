package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/importer"
)

// runImport answers `bench import`: it writes an entries workbook of n rows
// in the export's layout, then reads and applies it in process through the
// code `jobsbot import` runs, then imports the same file again (which must
// add nothing), and prints the times and this process's peak resident
// memory.
func runImport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("bench import",
		"Usage: bench import -db URL [-n 100000] [-seed 1]\n\n"+
			"Writes an entries workbook of N rows (2025 and 2026, every program, 1 in 10 여, 1 in 20 약정),\n"+
			"imports it into the database (use an empty one: every run adds N entries), imports it again,\n"+
			"and prints the times and the peak resident memory (VmHWM). Flags:")
	dbURL := fs.String("db", defaultDB, "database URL (created and migrated if missing)")
	n := fs.Int("n", 100_000, "rows in the file")
	seed := fs.Uint64("seed", uint64(time.Now().UnixNano()), "random seed; the same seed writes the same file")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the first import (read and apply) to this file")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *n < 1 || *n > importer.DefaultLimits().Rows-1 {
		return usageError{fmt.Errorf("-n is between 1 and %d", importer.DefaultLimits().Rows-1)}
	}
	store, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer store.Close()
	programs, err := store.Programs(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	data, err := entriesWorkbook(programs, *n, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d rows: %.1f MB xlsx in %s\n", *n, float64(len(data))/1e6, time.Since(start).Round(time.Millisecond))
	// The peak below is the import's, not the generator's: return the
	// generator's memory to the system and reset VmHWM (Linux clear_refs 5).
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return fmt.Errorf("reset the peak resident memory: %w", err)
	}

	svc := importer.Service{Store: store, Today: func() time.Time { return dates.Today(time.Now(), time.UTC) }}
	if *cpuProfile != "" {
		out, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer out.Close()
		if err := pprof.StartCPUProfile(out); err != nil {
			return err
		}
	}
	cpu0 := cpuTime()
	start = time.Now()
	f, problems, err := svc.Read(ctx, "bench.xlsx", data, "bench")
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("the file was refused: %v", problems[0])
	}
	read := time.Since(start)
	// The preview first (`jobsbot import` without apply, the Slack
	// preview): its time, and the entry numbers it used up.
	seq0, err := entrySequence(ctx, store)
	if err != nil {
		return err
	}
	previewStart := time.Now()
	preview, err := svc.Import(ctx, f, true)
	if err != nil {
		return err
	}
	previewTime := time.Since(previewStart)
	seq1, err := entrySequence(ctx, store)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "preview: %s, would add %d; entry numbers used up: %d\n",
		previewTime.Round(time.Millisecond), preview.Added, seq1-seq0)
	start = time.Now().Add(-read)
	res, err := svc.Import(ctx, f, false)
	if err != nil {
		return err
	}
	if len(res.Problems) > 0 || res.AlreadyImported {
		return fmt.Errorf("import: %+v", res.Problems)
	}
	total := time.Since(start)
	pprof.StopCPUProfile()
	fmt.Fprintf(stdout, "import: read %s, applied %s, total %s (this process's CPU %s); %d entries added, %d already there\n",
		read.Round(time.Millisecond), (total - read).Round(time.Millisecond), total.Round(time.Millisecond),
		(cpuTime() - cpu0).Round(time.Millisecond), res.Added, res.Unchanged)

	start = time.Now()
	f, _, err = svc.Read(ctx, "bench.xlsx", data, "bench")
	if err == nil {
		res, err = svc.Import(ctx, f, false)
	}
	if err != nil {
		return err
	}
	if !res.AlreadyImported {
		return errors.New("the same file again was not recognised")
	}
	fmt.Fprintf(stdout, "the same file again: nothing added, in %s\n", time.Since(start).Round(time.Millisecond))
	return printMem(stdout, os.Getpid())
}

// entrySequence is the last entry number handed out (the sequence's
// last_value, read without using one up).
func entrySequence(ctx context.Context, store interface{ DB() *sqlx.DB }) (int64, error) {
	var v int64
	err := store.DB().GetContext(ctx, &v, `SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM entries_id_seq`)
	if err != nil {
		return 0, fmt.Errorf("entry sequence: %w", err)
	}
	return v, nil
}

// entriesWorkbook writes n delta entries in the entries sheet's layout.
func entriesWorkbook(programs []commands.Program, n int, seed uint64) ([]byte, error) {
	var active []commands.Program
	for _, p := range programs {
		if p.Active {
			active = append(active, p)
		}
	}
	if len(active) == 0 {
		return nil, errors.New("no active program")
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "실적 명세"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	header := []any{"번호", "기준일", "사업코드", "사업명", "부서", "일자리 수", "보고 방식", "보고 누계", "어림수(여)", "상태", "고용형태", "메모", "기록자", "기록 일시"}
	if err := sw.SetRow("A1", header); err != nil {
		return nil, err
	}
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		p := active[rng.IntN(len(active))]
		day := base.AddDate(0, 0, i*700/n)
		approx, status := "", "채용"
		if rng.IntN(10) == 0 {
			approx = "여"
		}
		if rng.IntN(20) == 0 {
			status = "약정"
		}
		row := []any{i + 1, day, p.Code, p.NameKo, p.Department, 1 + rng.IntN(50), "증가분", nil, approx, status, "", "",
			"U0BENCH", day.Add(9 * time.Hour)}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// cpuTime is this process's CPU time so far, user and system: on a shared
// machine it varies far less with the load than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
