package commands

import (
	"context"
	"time"
)

// Store is the storage the command core needs. Package db implements it on
// PostgreSQL. Dates are calendar dates carried as midnight UTC; spans are
// inclusive of both ends. Methods return ErrNotFound, ErrConflict,
// ErrAlreadyVoided, ErrUnavailable or *CumulativeBelowError (wrapped) where
// those apply, and never leave a partial write behind.
type Store interface {
	ReportStore
	// AuditStore: month close, corrections, hires, reasons (audit_types.go).
	AuditStore

	// Programs returns every program, inactive ones included, ordered by code.
	Programs(ctx context.Context) ([]Program, error)
	// AddProgram stores a new program; ErrConflict if its code or an alias is taken.
	AddProgram(ctx context.Context, p Program) (Program, error)
	// UpdateProgram saves names, aliases, sector, department, unit and the
	// active flag of an existing program; ErrConflict on a taken code or alias.
	UpdateProgram(ctx context.Context, p Program) (Program, error)

	// Departments returns the active departments of the managed list, ordered
	// by name (retired ones are left out: the add path reads this list).
	Departments(ctx context.Context) ([]Department, error)
	// AddDepartment adds a department to the managed list (reactivating a
	// retired one of that name); ErrConflict if an active one has the name.
	AddDepartment(ctx context.Context, d Department) (Department, error)
	// UpdateDepartment saves the aliases, reporters, channel and active flag
	// of the department named d.Name; ErrNotFound if there is none.
	UpdateDepartment(ctx context.Context, d Department) (Department, error)

	// RenameDepartment renames a department, keeping the old name as an alias
	// and moving everything credited to it; ErrConflict if the name is taken.
	RenameDepartment(ctx context.Context, from, to string) (Department, error)
	// MergeDepartments moves everything credited to from into into and drops
	// from, whose names join into's aliases.
	MergeDepartments(ctx context.Context, from, into string) (Department, error)
	// DepartmentTargets returns the departments' yearly targets.
	DepartmentTargets(ctx context.Context, year int) (map[string]int64, error)
	// SetDepartmentTarget sets or revises a department's yearly target at
	// the instant at and returns the old value (0 if none); unchanged is true
	// when the target already was jobs, and then nothing was written. A
	// revision of a set target without a reason fails with
	// *TargetReasonError, decided inside the store's transaction.
	SetDepartmentTarget(ctx context.Context, year int, department string, jobs int64, by, reason string, at time.Time) (old int64, unchanged bool, err error)
	// AddNothing records a "nothing to report" for a department and month;
	// ErrConflict if one is live already.
	AddNothing(ctx context.Context, n NothingReport) (NothingReport, error)
	// NothingReport returns one "nothing" report, voided or not.
	NothingReport(ctx context.Context, id int64) (NothingReport, error)
	// VoidNothing voids a "nothing" report; ErrAlreadyVoided if it was.
	// In a closed month it is refused (*MonthClosedError) unless
	// closeReason, a manager's, is given.
	VoidNothing(ctx context.Context, id int64, by, reason, closeReason string, at time.Time) (NothingReport, error)
	// SaidNothing returns the departments with a live 실적 없음 report for
	// the month starting on month.
	SaidNothing(ctx context.Context, month time.Time) (map[string]bool, error)
	// ReportedDepartments returns the departments with a live entry dated in
	// the month starting on month, or a live "nothing" report for it.
	ReportedDepartments(ctx context.Context, month time.Time) (map[string]bool, error)

	// Holidays returns the holidays in [from, to], oldest first.
	Holidays(ctx context.Context, from, to time.Time) ([]Holiday, error)
	// SetHoliday adds a holiday or renames one.
	SetHoliday(ctx context.Context, h Holiday) error
	// RemoveHoliday removes a holiday; false if the day was none.
	RemoveHoliday(ctx context.Context, day time.Time) (bool, error)

	// AddEntry records an entry. A cumulative entry is turned into the
	// difference from the program's total through its as-of date (same year
	// and status) inside the same transaction; a figure equal to it writes
	// nothing and sets Agrees, one below it fails with *CumulativeBelowError.
	// A repeated idempotency key writes nothing and returns the first entry with
	// Duplicate set.
	AddEntry(ctx context.Context, e NewEntry) (AddResult, error)
	// Entry returns one entry, voided or not.
	Entry(ctx context.Context, id int64) (Entry, error)
	// LatestLiveEntryBy returns the newest entry by the user that is not voided.
	LatestLiveEntryBy(ctx context.Context, userID string) (Entry, error)
	// HoldConfirmation keeps token as the answer to the newest question
	// asked userID before recording the entry fingerprinted print;
	// HeldConfirmation returns it if asked since since, else "".
	HoldConfirmation(ctx context.Context, userID, print, token string, at time.Time) error
	HeldConfirmation(ctx context.Context, userID, print string, since time.Time) (string, error)
	// ListEntries returns entries newest first (by ID), voided ones included.
	ListEntries(ctx context.Context, f EntryFilter) ([]Entry, error)
	// VoidEntry marks an entry voided with who and why; ErrAlreadyVoided if it
	// was. Later cumulative reports that counted on it are recomputed to stay
	// true (VoidResult.Adjusted), or the void fails with *DependentReportError.
	VoidEntry(ctx context.Context, id int64, by, reason string, at time.Time) (VoidResult, error)
	// UndoLatest voids the user's newest live entry that no other undo is
	// voiding at the same moment; ErrNotFound if there is none, ErrUndoBusy
	// if the user's concurrent undos hold every one left.
	UndoLatest(ctx context.Context, userID, reason string, at time.Time) (VoidResult, error)
	// VoidedBetween returns entries voided within [from, to) (instants), oldest first.
	VoidedBetween(ctx context.Context, from, to time.Time) ([]Entry, error)

	// ProgramTotals sums live entries with as-of dates in [from, to] per
	// program; department "" means every department. Programs without entries
	// may be left out.
	ProgramTotals(ctx context.Context, from, to time.Time, department string) ([]ProgramTotal, error)
	// ProgramYearTotal sums one program's live entries with as-of dates in
	// the year: what an add's reply shows beside the entry.
	ProgramYearTotal(ctx context.Context, programID int64, year int) (ProgramTotal, error)
	// DepartmentTotals sums live realised jobs in [from, to] per department,
	// listing every active department of the managed list, and a retired one
	// only while it has live jobs in the span. Programs counted in
	// sessions (회) are left out here and in DailyJobs: they are not jobs.
	DepartmentTotals(ctx context.Context, from, to time.Time) ([]DepartmentTotal, error)
	// LastLoggedThrough returns, per department, the as-of date of its latest
	// live entry dated on or before through; departments without one are left
	// out. The digest judges silence with it as of the end of its week.
	LastLoggedThrough(ctx context.Context, through time.Time) (map[string]time.Time, error)
	// DailyJobs returns live realised jobs per as-of date in [from, to], every
	// jobs-counting program summed, only for days that have any.
	DailyJobs(ctx context.Context, from, to time.Time) ([]DayTotal, error)
	// CumulativeJobsByDay returns, per as-of date in [from, to], the live
	// realised jobs of jobs-counting programs that cumulative reports
	// recorded, only for days that have any.
	CumulativeJobsByDay(ctx context.Context, from, to time.Time) ([]DayTotal, error)

	// Targets returns the current targets of a year.
	Targets(ctx context.Context, year int) (Targets, error)
	// TargetsOn returns the targets of a year in force on day (read in loc):
	// the latest revision made by the end of that day, or the year's first
	// (당초) target for a day before it was set.
	TargetsOn(ctx context.Context, year int, day time.Time, loc *time.Location) (Targets, error)
	// DepartmentTargetsOn returns the departments' targets in force on day,
	// as TargetsOn does for the programs'.
	DepartmentTargetsOn(ctx context.Context, year int, day time.Time, loc *time.Location) (map[string]int64, error)
	// SetTarget sets or revises a target (programID 0 for the year's total),
	// keeping the old value in the history.
	SetTarget(ctx context.Context, year int, programID, jobs int64, by string, at time.Time) (TargetChange, error)

	// AddCandidate stores a candidate at StageDiscovered with its first history
	// row; a repeated idempotency key returns the first candidate.
	AddCandidate(ctx context.Context, c NewCandidate) (Candidate, error)
	// Candidates lists candidates, newest first; stage "" means all.
	Candidates(ctx context.Context, stage Stage) ([]Candidate, error)
	// Candidate returns one candidate with its history, oldest move first.
	Candidate(ctx context.Context, id int64) (Candidate, []StageMove, error)
	// MoveCandidate moves a candidate that is still at stage from to stage to;
	// ErrConflict if it has moved meanwhile.
	MoveCandidate(ctx context.Context, id int64, from, to Stage, by, note string, at time.Time) (Candidate, error)
	// StageCounts counts candidates per current stage.
	StageCounts(ctx context.Context) (map[Stage]int, error)
	// StageCountsAt counts candidates per stage as their history stood just
	// before the instant at (a past week's pipeline).
	StageCountsAt(ctx context.Context, at time.Time) (map[Stage]int, error)
	// TakeWrite takes one write from the user's allowance, shared by every
	// replica: one write every interval, bursts of burst. It returns 0 when
	// the write may go ahead, else how long until it could.
	TakeWrite(ctx context.Context, user string, now time.Time, interval time.Duration, burst int) (time.Duration, error)
	// ClaimDelivery claims the delivery with this idempotency key, or says
	// why not (delivery.go): its outcome is recorded, or another run claimed
	// it less than DeliveryRetryAfter ago. Every write transaction run with a
	// Delivery in its context records the outcome in the same transaction,
	// or fails with ErrAlreadyHandled if another run recorded it first.
	ClaimDelivery(ctx context.Context, key, command string) (DeliveryClaim, error)
	// FinishDelivery records the outcome of a claimed delivery whose command
	// wrote nothing.
	FinishDelivery(ctx context.Context, key string) error
	// ReleaseDelivery forgets a claim with no recorded outcome, so a retry
	// may run now.
	ReleaseDelivery(ctx context.Context, key string) error

	// UserLanguage returns the reply language the user chose with `lang`;
	// false means none is stored.
	UserLanguage(ctx context.Context, userID string) (Lang, bool, error)
	// SetUserLanguage stores the user's reply language; "" deletes the choice.
	SetUserLanguage(ctx context.Context, userID string, lang Lang) error
	// MonthTotals sums live entries with as-of dates in [from, to] per month,
	// program, department, employment type and status: every breakdown the
	// monthly report and the export show comes from these rows.
	MonthTotals(ctx context.Context, from, to time.Time) ([]MonthTotal, error)
	// EmploymentTotals sums live jobs with as-of dates in [from, to] per
	// program, employment type and status; department "" means every
	// department. It reads running totals, so status can afford it.
	EmploymentTotals(ctx context.Context, from, to time.Time, department string) ([]EmploymentTotal, error)
	// TargetRevisions returns every revision of a year's targets (the total
	// and each program's), oldest first.
	TargetRevisions(ctx context.Context, year int) ([]TargetChange, error)
	// EachEntry calls fn for every entry, voided ones included, with as-of
	// dates in [from, to], in ID order, reading them as a stream so a decade
	// of entries never sits in memory at once. An error from fn stops it.
	EachEntry(ctx context.Context, from, to time.Time, fn func(Entry) error) error

	// StageMovesBetween returns history rows made within [from, to) (instants),
	// oldest first, creations included.
	StageMovesBetween(ctx context.Context, from, to time.Time) ([]StageMove, error)
}

// DayTotal is the realised jobs of one as-of date.
type DayTotal struct {
	Day  time.Time
	Jobs int64
}

// MonthTotal is the live jobs of one month, program, department, employment
// type and status.
type MonthTotal struct {
	Month          time.Time // the first day of the month
	ProgramID      int64
	Department     string
	EmploymentType string // "" when the entry gave none
	Status         EntryStatus
	Jobs           int64
	Approximate    int64 // the part of Jobs from approximate (여) entries
}

// EmploymentTotal is the live jobs of one program, employment type and status.
type EmploymentTotal struct {
	ProgramID      int64
	EmploymentType string // "" when the entry gave none
	Status         EntryStatus
	Jobs           int64
}
