// Package commands is jobsbot's core: the /jobs command language, its handlers
// and the replies they produce. It knows nothing of HTTP, Slack or SQL: transports
// hand it text and a caller, and it talks to storage through small role
// interfaces (each declared beside the handlers that use it, composed into
// Store in store.go) and to what only a transport can do (sending files,
// posting the digest, sending reminders) through the interfaces Config hands it
// when the Service is built.
//
// Every command is one entry of the table in table.go: its words, options,
// argument parser and handler; parse.go reads a command line against that
// table and handle.go runs it. Handlers live in one file per subject
// (entries.go, programs.go, status.go, the digest_*.go files, …), domain.go
// holds the types, and every text a user sees comes from the message
// catalogue of package i18n in the caller's language.
package commands

import (
	"errors"
	"fmt"
	"time"
)

// Sector says whether a program's jobs count as public or private sector jobs.
// It is a setting of each program, never inferred, so totals cannot disagree with
// themselves the way the 2011 press release did.
type Sector string

// The two sectors.
const (
	SectorPublic  Sector = "public"
	SectorPrivate Sector = "private"
)

// Program is one job-creation program (사업) of the city.
type Program struct {
	ID             int64
	Code           string
	Aliases        []string
	NameKo         string
	NameEn         string
	Sector         Sector
	DisclosureType string // a DisclosureTypes code, e.g. "direct"
	Department     string
	Unit           string // 개 or 명 count as jobs; 회 (sessions) does not
	Active         bool
}

// CountsAsJobs reports whether the program's unit counts people or jobs; programs
// counted in sessions (회) are shown apart so they never inflate the job total.
func (p Program) CountsAsJobs() bool { return p.Unit != "회" }

// EntryKind says how a report was given.
type EntryKind string

// Entry kinds: a delta ("+35 this week") or a cumulative figure, the
// program's total from 1 January through the as-of date, stored as the
// difference from the live entries dated on or before it.
const (
	KindDelta      EntryKind = "delta"
	KindCumulative EntryKind = "cumulative"
)

// EntryStatus separates jobs really filled from jobs merely agreed (MOUs), which
// must never be counted as hires.
type EntryStatus string

// Entry statuses.
const (
	StatusRealised EntryStatus = "realised"
	StatusAgreed   EntryStatus = "agreed"
)

// Source says which transport an entry came through.
type Source string

// Entry sources.
const (
	SourceConsole Source = "console"
	SourceSlash   Source = "slash"
	SourceModal   Source = "modal"
)

// NewEntry is what a caller asks to record.
type NewEntry struct {
	ProgramID int64
	// Count is the delta for KindDelta and the reported total through AsOf
	// for KindCumulative.
	Count          int64
	Kind           EntryKind
	AsOf           time.Time // a calendar date: midnight UTC
	Approximate    bool
	Status         EntryStatus
	EmploymentType string // "", "regular", "temporary" or "daily"
	Department     string
	Note           string
	LoggedBy       string
	Source         Source
	IdempotencyKey string
	// CloseReason is a manager's reason to write in a closed month (마감 후
	// 정정); "" means a closed month refuses the entry.
	CloseReason string
	// ExactReason, when set, lets an exact cumulative report that agrees
	// with the ledger clear the 여 of the latest approximate report before
	// it (the latest report decides 여, issue 19): that report is voided
	// with this reason and recorded again, exact, with the same figures.
	ExactReason string
	// RecordedAt is when it is recorded (기록 일시): the service's clock, so
	// a replayed session (--today) records its own dates; zero means the
	// database's clock.
	RecordedAt time.Time
	// Agreement is the agreement (약정) a 채용 realises, 0 for an add: the
	// repeat hold compares a hire only with earlier hires of the same
	// agreement, and the confirmation's fingerprint includes it.
	Agreement int64
	// HoldRepeat makes the store refuse a delta with *RepeatError when a
	// live identical delta (IdenticalEntry) is recorded, checked under a
	// lock on the entry's fingerprint in the writing transaction, so two
	// identical adds sent at once are never both written (review r6 X12).
	// A confirmed add (확인:예, the Record it button) leaves it false.
	HoldRepeat bool
	// Answers are the idempotency keys of the other answers of the held
	// question this add answers (a date hold's other line, a figure
	// question's 누계 lines): the store refuses the add with
	// *AnsweredError when one of them recorded a live entry, checked under
	// a lock on the answers in the writing transaction, so two answers of
	// one question sent at once never both record (review r29 B7).
	Answers []string
	// WithinReports says a delta is already inside the later cumulative
	// reports of its program (누계포함:예 / within:yes): the first of them
	// is re-based, as a 누계 dated before it does, so each keeps the total
	// it reported and the year total does not move. *BeyondReportError
	// when that report added no more than the delta.
	WithinReports bool
	// Origin is the entry's 기록 식별자 (a UUID) when it comes from an
	// entries export: the ledger keeps it, so the same entry is never
	// imported twice. "": the store gives it a new one.
	Origin string
}

// AnsweredError refuses an add answering a held question another answer
// of which recorded Entry meanwhile (NewEntry.Answers).
type AnsweredError struct{ Entry Entry }

func (e *AnsweredError) Error() string {
	return fmt.Sprintf("question answered already by entry %d", e.Entry.ID)
}

// RepeatError refuses an add held as a repeat of Entry, the live identical
// delta the store found while writing: the caller asks, as for a repeat it
// found before writing.
type RepeatError struct{ Entry Entry }

func (e *RepeatError) Error() string {
	return fmt.Sprintf("identical entry #%d is recorded", e.Entry.ID)
}

// Entry is a recorded report. Entries are never deleted, only voided.
type Entry struct {
	ID             int64
	ProgramID      int64
	ProgramCode    string
	Count          int64 // the jobs this entry adds: the delta actually recorded
	ReportedTotal  int64 // for cumulative reports, the figure the user typed
	Kind           EntryKind
	AsOf           time.Time
	Approximate    bool
	Status         EntryStatus
	EmploymentType string
	Department     string
	Note           string
	LoggedBy       string
	Source         Source
	IdempotencyKey string
	CreatedAt      time.Time
	VoidedAt       *time.Time
	VoidedBy       string
	VoidReason     string
	// AddedSeq and VoidedSeq number, in one sequence, when the ledger
	// applied the entry's add and its void (0 while live): the order a 누계
	// report absorbed what came before it, which an export carries for an
	// import to replay (기록 순번, 무효 순번). 0 where not read.
	AddedSeq, VoidedSeq int64
	// Origin is the entry's 기록 식별자: a UUID given when it was first
	// recorded, in whichever ledger, and kept by every import of it.
	Origin string
}

// Voided reports whether the entry has been voided.
func (e Entry) Voided() bool { return e.VoidedAt != nil }

// AddResult is what AddEntry returns.
type AddResult struct {
	Entry Entry
	// ProgramTotal is the program's year-to-date total (the as-of date's year,
	// same status) after the entry.
	ProgramTotal int64
	// ProgramApproximate says that total includes figures reported as
	// approximate (여), so the reply writes it 2,400여.
	ProgramApproximate bool
	// Duplicate is true when the idempotency key had been seen: nothing new was
	// written and Entry is the one recorded the first time.
	Duplicate bool
	// Agrees is true when a cumulative figure equals the program's total
	// through its date: nothing was written, and Entry (without an ID) only
	// carries what was reported.
	Agrees bool
	// Ledger, with Agrees, is the program's total through the date: the
	// figure reported, or one an approximate figure covers (ApproxCovers).
	Ledger int64
	// MadeExact, with Agrees, is the approximate report (voided) whose
	// figures were recorded again without 여 as ExactEntry, because the
	// agreeing report was exact.
	MadeExact, ExactEntry *Entry
	// MadeExactAll and ExactAll are every entry (the latest report, the
	// approximate deltas after it) recorded again without 여, pairwise;
	// MadeExact and ExactEntry are their first.
	MadeExactAll, ExactAll []Entry
	// Rebased are the later cumulative reports a report dated before them
	// re-based so each still states its total (their differences lowered by
	// this report's).
	Rebased []Adjustment
}

// EntryFilter selects entries to list.
type EntryFilter struct {
	LoggedBy   string      // "" for everyone
	ProgramID  int64       // 0 for every program
	Department string      // "" for every department
	From, To   time.Time   // as-of dates, inclusive; zero means unbounded
	Status     EntryStatus // "" for both; 약정 or 채용 only (`목록 약정`)
	Limit      int
}

// ProgramTotal is one program's sums over a span of as-of dates.
type ProgramTotal struct {
	ProgramID   int64
	Jobs        int64 // realised, live entries
	Approximate int64 // the part of Jobs that came from approximate (여) entries
	Agreed      int64 // agreed (약정) jobs, never part of Jobs
	// AgreedApproximate: a live agreement of the year is approximate (여).
	AgreedApproximate bool
}

// Department is one department (부서) of the managed list: entries may only
// be credited to an active one. Names are stored cleaned (CleanName).
type Department struct {
	Name      string
	Aliases   []string
	Active    bool     // false once retired, or for a name no manager ever added
	Reporters []string // Slack user IDs of the people who report for it
	Channel   string   // Slack channel ID for reminders, "" for none
}

// NothingReport records that a department had nothing to report for a month
// (실적 없음): it counts as having reported and adds no jobs.
type NothingReport struct {
	ID             int64
	Department     string
	Month          time.Time // the first day of the month
	LoggedBy       string
	Source         Source
	IdempotencyKey string
	CreatedAt      time.Time
	VoidedAt       time.Time // zero while live
	VoidedBy       string
	VoidReason     string
	Duplicate      bool // AddNothing saw the idempotency key before
	// VoidedAfterClose: a manager voided it in a closed month (마감 후 정정).
	VoidedAfterClose bool
}

// DepartmentTotal is one department's realised jobs over a span of dates.
type DepartmentTotal struct {
	Department   string
	Jobs         int64
	Approximate  int64     // the part of Jobs approximate now (approximate.go's rule)
	LastLoggedOn time.Time // the latest as-of date of a live entry ever, zero if none
	Target       int64     // the department's yearly target, 0 if none (set by commands, not the store)
	Reported     bool      // it reported for the month judged, if only 실적 없음 (set by commands)
}

// Targets are a year's current targets.
type Targets struct {
	Year     int
	Total    int64           // 0 when none is set
	Programs map[int64]int64 // program ID → target
	// NotYet, in the targets in force on a past day, holds the targets not
	// yet set on that day (program ID, 0 for the total): their value is
	// today's, to be shown as the current target (현재 목표), not that day's.
	NotYet map[int64]bool
}

// TargetChange records one revision of a target.
type TargetChange struct {
	Year      int
	ProgramID int64  // 0 for the year's total (or a department's target)
	Dept      string // the department whose target this is; "" for the year's and programs'
	Old       int64  // 0 when there was none
	New       int64
	By        string
	At        time.Time
	Reason    string // why it was changed (추경 반영 …), "" when none was given
}

// CandidateKind is the kind of social-economy organisation a candidate aims to be.
type CandidateKind string

// Candidate kinds, as the social-enterprise programmes name them.
const (
	KindPreliminaryRegional CandidateKind = "preliminary-regional"
	KindPreliminaryMinistry CandidateKind = "preliminary-ministry"
	KindCertified           CandidateKind = "certified"
	KindVillage             CandidateKind = "village"
	KindCooperative         CandidateKind = "cooperative"
	KindSelfSufficiency     CandidateKind = "self-sufficiency"
)

// Mission is a candidate's social-mission type.
type Mission string

// Social-mission types a candidate states.
const (
	MissionJobs       Mission = "jobs"
	MissionServices   Mission = "services"
	MissionCommunity  Mission = "community"
	MissionMixed      Mission = "mixed"
	MissionInnovation Mission = "innovation"
)

// Stage is where a candidate stands in the selection pipeline.
type Stage string

// Stages in pipeline order, then the side states.
const (
	StageDiscovered  Stage = "discovered"
	StageReview      Stage = "review"
	StageBriefing    Stage = "briefing"
	StageApplied     Stage = "applied"
	StageScreening   Stage = "screening"
	StageDesignated  Stage = "designated"
	StageNotSelected Stage = "not-selected"
	StageOnHold      Stage = "on-hold"
	StageWithdrawn   Stage = "withdrawn"
	StageDeferred    Stage = "deferred"
)

// Final reports whether the stage ends the pipeline; moving out of it needs a manager.
func (s Stage) Final() bool {
	return s == StageDesignated || s == StageNotSelected || s == StageWithdrawn
}

// Decision reports whether the stage records the city's official decision on
// a candidate (지정 designated, 탈락 not selected): only a manager may move a
// candidate into it. Withdrawn (포기) is the organisation's own choice, which
// any staff member may record.
func (s Stage) Decision() bool {
	return s == StageDesignated || s == StageNotSelected
}

// NewCandidate is a candidate to record.
type NewCandidate struct {
	Name           string
	Kind           CandidateKind
	Representative string
	Department     string
	Mission        Mission
	Note           string
	CreatedBy      string
	IdempotencyKey string
	// CreatedAt is when it is recorded (the service's clock); zero means
	// the database's clock.
	CreatedAt time.Time
}

// Candidate is an organisation found as a social-enterprise candidate.
type Candidate struct {
	ID             int64
	Name           string
	Kind           CandidateKind
	Representative string
	Department     string
	Mission        Mission
	Note           string
	Stage          Stage
	CreatedBy      string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// StageMove is one step in a candidate's history.
type StageMove struct {
	CandidateID   int64
	CandidateName string
	From          Stage // "" for the move that created the candidate
	To            Stage
	By            string
	At            time.Time
	Note          string
}

// Errors the store returns; handlers turn them into sentences.
var (
	// ErrNotFound: no such row.
	ErrNotFound = errors.New("not found")
	// ErrConflict: a unique value is taken, or the row changed under us.
	ErrConflict = errors.New("conflict")
	// ErrAlreadyVoided: the entry was voided before.
	ErrAlreadyVoided = errors.New("entry already voided")
	// ErrUnavailable: the database cannot be reached; nothing was written.
	ErrUnavailable = errors.New("storage unavailable")
	// ErrLastLineMoved: the user's last line kept changing while 취소 read
	// it (lines typed as fast as 취소 runs); nothing was undone.
	ErrLastLineMoved = errors.New("the last line changed while 취소 locked it")
)

// CumulativeBelowError refuses a cumulative report below the program's total
// through its as-of date (same year and status).
type CumulativeBelowError struct {
	Current  int64     // the live total through AsOf
	Reported int64     // the figure typed
	AsOf     time.Time // the report's as-of date
	// Entries are a few live entries through AsOf to check first, the likeliest
	// culprits first: those that alone exceed the difference, then the latest.
	Entries []Entry
}

func (e *CumulativeBelowError) Error() string {
	return fmt.Sprintf("cumulative figure %d is below the total %d through %s", e.Reported, e.Current, e.AsOf.Format(time.DateOnly))
}

// LaterReportError refuses a cumulative report dated before a later one
// whose total it would leave no room for: with it, the later report would
// have to record no increase or a fall. Through is what the ledger's total
// through the later report's date would be with the refused report and
// without the later one.
type LaterReportError struct {
	Reported    int64
	AsOf        time.Time
	Approximate bool
	Report      Entry
	Through     int64
}

func (e *LaterReportError) Error() string {
	return fmt.Sprintf("cumulative %d through %s leaves no increase for later report %d (%d through %s)",
		e.Reported, e.AsOf.Format(time.DateOnly), e.Report.ID, e.Report.ReportedTotal, e.Report.AsOf.Format(time.DateOnly))
}

// DependentReportError refuses a void: a later cumulative report was recorded
// as a difference that counts on the entry, and recomputing it would leave it
// recording nothing or less than nothing (only possible when reports were
// back-dated behind each other). Report is that later report.
type DependentReportError struct {
	Voided int64
	Report Entry
}

func (e *DependentReportError) Error() string {
	return fmt.Sprintf("voiding entry %d would leave cumulative report %d untrue", e.Voided, e.Report.ID)
}

// The kinds of a LastAction: what the user's last line that could write did.
const (
	LastEntry   = "entry"   // wrote EntryID (추가, 채용, a 정정's replacement)
	LastVoid    = "void"    // voided EntryID (무효)
	LastNothing = "nothing" // recorded the 실적 없음 numbered EntryID
	LastHeld    = "held"    // asked a question; nothing written
	LastRefused = "refused" // refused; nothing written
	LastOther   = "other"   // any other write (목표, 후보 이동, …)
	// LastWritten: the line's write committed (marked in its transaction)
	// and what it did is not recorded yet.
	LastWritten = "written"
	// LastUnfinished: the line did not finish by its deadline; it may or
	// may not have written.
	LastUnfinished = "unfinished"
	// LastUnsaved: the line could not reach the ledger; nothing written.
	LastUnsaved = "unsaved"
)

// LastAction is a user's last line that could write, as 취소 sees it.
type LastAction struct {
	Command string // the canonical command name, "" for a line that did not parse
	Kind    string // LastEntry, LastVoid, …
	EntryID int64  // the entry (or 실적 없음) Kind names; 0 for none
	At      time.Time
	Undone  bool // a 취소 used it up
	// Print is a held question's entry (holdPrint), so the line that
	// answers a question 취소 cancelled is known; "" for other lines.
	Print string
}

// UndoResult is what UndoLast did and saw.
type UndoResult struct {
	Last *LastAction // nil: no line kept for the user
	// Done says the undo wrote: the entry voided (Void) or the held
	// question dropped. Otherwise nothing was written.
	Done bool
	Void VoidResult
	// Named is the entry a refusal names: the line's own entry, or for a
	// line that wrote none the user's newest live entry (what 취소 once
	// voided, and now leaves alone); nil for none.
	Named *Entry
	// Pending says a newer line of the user is still running (marked
	// before its write began): nothing was undone (review r16 BREAK 2).
	Pending bool
}

// VoidResult is what VoidEntry and UndoLast return.
type VoidResult struct {
	Entry Entry // the voided entry
	// Adjusted are later cumulative reports of the same program, year and
	// status whose recorded difference was recomputed so that each still
	// states the total through its date; the history is kept in the store.
	Adjusted []Adjustment
	// Restored is the entry a 취소 of a correction's replacement brought
	// back (the 정정 undone), as it stands now; nil for any other void.
	Restored *Entry
}

// Adjustment is one recomputed cumulative report.
type Adjustment struct {
	Report   Entry // the report after the change
	OldCount int64 // the difference it recorded before
	// AfterClose says the report's month is closed: a manager's change
	// re-based it, and it is marked 마감 후 정정 ("adjust").
	AfterClose bool
}

// ApproxCovers says an approximate figure n여 ("n or a little over")
// covers total: total is n, or above it by less than one unit of n's last
// non-zero digit (1,300여 covers 1,300 to 1,399, 80여 80 to 89, 2천여
// 2,000 to 2,999). A 누계 so reported on a ledger it covers agrees with
// it, not lower (review r43 F5: 1,300여 on 1,336 was refused as lower).
func ApproxCovers(n, total int64) bool {
	return n > 0 && total >= n && total < approxCeiling(n)
}

// approxCeiling is the first figure n여 does not cover: n plus one unit
// of its last non-zero digit (1,300 → 1,400).
func approxCeiling(n int64) int64 {
	if n <= 0 {
		return n + 1
	}
	unit := int64(1)
	for n%(unit*10) == 0 {
		unit *= 10
	}
	return n + unit
}
