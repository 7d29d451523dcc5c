package commands

import "time"

// Store is the storage the command core needs, composed of small role
// interfaces as io.ReadWriter is: each role is declared in the file of the
// handlers that use it (the comments say where), and a helper that needs
// one role takes that role, not the whole Store. The Service holds one
// Store; package db implements it on PostgreSQL.
//
// Dates are calendar dates carried as midnight UTC; spans are inclusive of
// both ends. Methods return ErrNotFound, ErrConflict, ErrAlreadyVoided,
// ErrUnavailable or *CumulativeBelowError (wrapped) where those apply, and
// never leave a partial write behind.
type Store interface {
	ReportStore     // report_asof.go
	ProgramStore    // programs.go
	DepartmentStore // deptcmds.go
	NothingStore    // nothing.go
	ReminderStore   // reminders.go
	HolidayStore    // holidays.go
	EntryStore      // entries.go
	HoldStore       // add_guards.go
	AnsweredStore   // answered_line.go
	TotalsStore     // status.go
	DigestStore     // digest_gather.go
	TargetStore     // targets.go
	CandidateStore  // candidates.go
	RateLimitStore  // ratelimit.go
	DeliveryStore   // delivery.go
	LanguageStore   // language.go
	MonthCloseStore // close.go
	AuditStore      // audit_cmds.go
	HeavyJobStore   // exportlimit.go
}

// DayTotal is the realised jobs of one as-of date.
type DayTotal struct {
	Day  time.Time
	Jobs int64
	// Approximate is set by CumulativeJobsByDay when a report of that day
	// carries 여 (review r41 F7).
	Approximate bool
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
	Approximate    int64 // the part of Jobs approximate (여) as of the span's end (db/approximate.go)
	// MonthApproximate is the part of Jobs approximate as of the month's
	// own end: what the month's reports said then (review r25 F9).
	MonthApproximate int64
	// TypeApproximate and TypeMonthApproximate are Approximate and
	// MonthApproximate as a breakdown by employment type reads them: a
	// report's 여 falls on its own type's jobs (review r24 F21).
	TypeApproximate, TypeMonthApproximate int64
}

// EmploymentTotal is the live jobs of one program, employment type and status.
type EmploymentTotal struct {
	ProgramID      int64
	EmploymentType string // "" when the entry gave none
	Status         EntryStatus
	Jobs           int64
}
