package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"jobsbot/commands"
	"jobsbot/export"
)

// Store is what reading and applying a file needs from the ledger:
// db.Store implements it.
type Store interface {
	Programs(ctx context.Context) ([]commands.Program, error)
	Departments(ctx context.Context) ([]commands.Department, error)
	Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error)
	// Imported reports whether a file with this SHA-256 was applied.
	Imported(ctx context.Context, sha256 string) (bool, error)
}

// TargetStore gives the figures each program's target has held, by year
// and program (db.Store implements it): a report's 목표 cells are compared
// with them (review r24 F13).
type TargetStore interface {
	TargetFigures(ctx context.Context) (map[int]map[int64][]int64, error)
}

// Service reads files against the ledger's programs and departments and
// applies them; it implements commands.FileImporter for /jobs 가져오기.
type Service struct {
	Store  Store
	Today  func() time.Time // today in the city, as a calendar date
	Limits Limits
	Want   commands.ImportKind // which sheet of a workbook holding both ("": entries)
	Year   int                 // a report's year when its title does not say
	// Location is the city's time zone, of 기록 일시 and 무효 일시 (nil: UTC).
	Location *time.Location
	// RowCap refuses a file of more rows, before its import's transaction
	// (SlackRowCap for /jobs 가져오기); 0: Limits.Rows only.
	RowCap int
	// Now is the present (nil: time.Now): a file's 기록 일시 or 무효 일시
	// after it is refused.
	Now func() time.Time
}

var _ commands.FileImporter = Service{}

// MaxFileBytes is the largest file taken.
func (s Service) MaxFileBytes() int64 { return s.limits().FileBytes }

func (s Service) limits() Limits {
	if s.Limits == (Limits{}) {
		return DefaultLimits()
	}
	return s.Limits
}

// Read checks a file's size and format and returns it ready to stream: its
// cells are read, checked against the ledger's programs and departments and
// written in one pass inside Import's transaction (dry run or not), so the
// rows' problems come back in ImportResult.Problems. A file applied before
// is not parsed again: it comes back marked Applied, and Import answers
// that it adds nothing. Reading stops with ctx's error when ctx ends, here
// and in the file's Scan.
func (s Service) Read(ctx context.Context, name string, data []byte, by string) (commands.ImportFile, []commands.ImportProblem, error) {
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	done, err := s.Store.Imported(ctx, sha)
	if err != nil {
		return commands.ImportFile{}, nil, fmt.Errorf("import: %w", err)
	}
	if done {
		return commands.ImportFile{Name: name, SHA256: sha, By: by, Applied: true}, nil, nil
	}
	programs, err := s.Store.Programs(ctx)
	if err != nil {
		return commands.ImportFile{}, nil, fmt.Errorf("import programs: %w", err)
	}
	depts, err := s.Store.Departments(ctx)
	if err != nil {
		return commands.ImportFile{}, nil, fmt.Errorf("import departments: %w", err)
	}
	r := Reader{Programs: programs, Departments: depts, Today: s.Today(), By: by, Limits: s.limits(), Want: s.Want, Year: s.Year,
		Location: s.Location, RowCap: s.RowCap, Now: s.now()}
	if ts, ok := s.Store.(TargetStore); ok {
		if r.Targets, err = ts.TargetFigures(ctx); err != nil {
			return commands.ImportFile{}, nil, fmt.Errorf("import targets: %w", err)
		}
	}
	if ms, ok := s.Store.(MonthTotalsStore); ok {
		r.ledgerMonths = func(year int) (map[string]map[time.Month]int64, error) {
			return ledgerDepartmentMonths(ctx, ms, programs, year)
		}
	}
	if es, ok := s.Store.(export.Store); ok {
		r.regenerate = exportRegenerator(ctx, es, s.Location, r.Today)
	}
	f, problems, err := r.StreamContext(ctx, name, data)
	if err != nil {
		return commands.ImportFile{}, nil, fmt.Errorf("import %s: %w", name, err)
	}
	return f, problems, nil
}

// Import applies a file read by Read (or previews it, dryRun).
func (s Service) Import(ctx context.Context, f commands.ImportFile, dryRun bool) (commands.ImportResult, error) {
	return s.Store.Import(ctx, f, dryRun)
}

func (s Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}
