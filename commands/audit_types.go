package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"jobsbot/commands/i18n"
)

// PeopleNames names Slack users for replies: the core shows people by name
// and knows nothing of Slack. The bot implements it with users.info (display
// name, else real name, cached with the locale); the console shows --user as
// typed. NameOf never fails: a name it cannot find is the ID itself.
type PeopleNames interface {
	NameOf(ctx context.Context, userID string) string
}

// IDNames shows every user as the ID typed: the console's PeopleNames.
type IDNames struct{}

// NameOf implements PeopleNames.
func (IDNames) NameOf(_ context.Context, userID string) string { return userID }

// MonthClose is a closed month (마감): who closed it and when.
type MonthClose struct {
	Month time.Time // the first day of the month
	By    string
	At    time.Time
}

// MonthClosedError refuses a write dated in a closed month that carried no
// manager's reason.
type MonthClosedError struct{ Close MonthClose }

func (e *MonthClosedError) Error() string {
	return fmt.Sprintf("month %s is closed", e.Close.Month.Format("2006-01"))
}

// OverRealisedError refuses a hire (채용) beyond what the agreement has left.
type OverRealisedError struct {
	Agreement Entry
	Realised  int64 // realised so far
}

func (e *OverRealisedError) Error() string {
	return fmt.Sprintf("agreement %d has %d of %d realised", e.Agreement.ID, e.Realised, e.Agreement.Count)
}

// ErrNotAgreement refuses a hire of an entry that is no live agreement.
var ErrNotAgreement = errors.New("entry is not a live agreement")

// HireBeforeAgreementError refuses a hire dated before its agreement.
type HireBeforeAgreementError struct {
	Agreement Entry
	AsOf      time.Time // the hire's date
}

func (e *HireBeforeAgreementError) Error() string {
	return fmt.Sprintf("hire dated %s before agreement %d of %s", e.AsOf.Format(time.DateOnly), e.Agreement.ID, e.Agreement.AsOf.Format(time.DateOnly))
}

// CheckHire is the check every hire (채용) of an agreement passes, typed
// (/jobs 채용, the store's HireAgreement) or imported (checked on the
// import's end state): the agreement is a live 약정 (ErrNotAgreement), the
// hire is dated on or after it (*HireBeforeAgreementError), and what was
// realised from it before (realised), with this hire's count, stays within
// what it agreed (*OverRealisedError). One function, so an imported file
// cannot hold what a typed 채용 is refused. nil when the hire fits.
func CheckHire(a Entry, realised, count int64, asOf time.Time) error {
	switch {
	case a.Status != StatusAgreed || a.Voided():
		return ErrNotAgreement
	case asOf.Before(a.AsOf):
		return &HireBeforeAgreementError{Agreement: a, AsOf: asOf}
	case realised+count > a.Count:
		return &OverRealisedError{Agreement: a, Realised: realised}
	}
	return nil
}

// ErrNotClosed refuses reopening a month that is not closed.
var ErrNotClosed = errors.New("month is not closed")

// Correction is a one-step correction (정정): entry OldID replaced by the
// entry with the figure NewCount, with why.
type Correction struct {
	OldID       int64
	NewCount    int64 // a delta's count, or a cumulative report's total
	Approximate bool  // the new figure was typed with 여 (950여); 950 is exact
	By          string
	Reason      string
	CloseReason string // a manager's reason to change a closed month; "" refuses one
	Source      Source
	Key         string    // idempotency key of the new entry
	At          time.Time // when (the service's clock); zero: the database's
	// Separate says a delta's change is not inside the later 누계 reports
	// that counted it (누계포함:아니오): they keep their increments and
	// their totals move by the change (review r13 S6).
	Separate bool
}

// CorrectionResult is what a correction changed.
type CorrectionResult struct {
	Old      Entry     // the voided entry
	New      AddResult // the replacement; New.Agrees when nothing new was recorded
	Adjusted []Adjustment
	// AfterClose says the entry's month was closed (a manager's 마감 후 정정).
	AfterClose bool
}

// Hire turns part or all of an agreement into realised jobs (채용).
type Hire struct {
	AgreementID int64
	Count       int64
	AsOf        time.Time
	By          string
	CloseReason string
	Source      Source
	Key         string
	Note        string    // 메모:, kept on the hire entry
	At          time.Time // when (the service's clock, as an add's RecordedAt); zero: the database's
	// WithinReports says the hire is already inside the later cumulative
	// reports of the program (누계포함:예): the first one dated on or after
	// it is re-based so each keeps the total it reported.
	WithinReports bool
	// Answers are the idempotency keys of the other answers of the held
	// question the hire answers (NewEntry.Answers): the store looks for
	// them under the answers' locks (Lock order step 1b) and refuses the
	// hire with *AnsweredError when one recorded a live entry.
	Answers []string
}

// HireBeyondReportError refuses a hire, or an 추가, said to be inside a
// later 누계 report (누계포함:예) when that report's increment is not larger
// than the delta: the report would record no increase, so the delta cannot
// have been among the jobs it added.
type HireBeyondReportError struct {
	Report Entry // the later report, as recorded
	Count  int64 // the hire
}

func (e *HireBeyondReportError) Error() string {
	return fmt.Sprintf("hire of %d is more than report #%d added (%d)", e.Count, e.Report.ID, e.Report.Count)
}

// HireResult is a recorded hire.
type HireResult struct {
	Agreement Entry
	Hire      AddResult
	Realised  int64 // realised by the agreement so far, this hire included
	Duplicate bool
	// Rebased are the later reports a WithinReports hire re-based, from
	// their increment before to the one they record now.
	Rebased []Adjustment
}

// EntryMark is what the audit knows of an entry beyond its row.
type EntryMark struct {
	Corrected    bool  // replaced by a correction (정정)
	CorrectedTo  int64 // the entry that replaced it, 0 if none (a cumulative figure the ledger agreed with)
	CorrectionOf int64 // the entry it replaced, 0 if none
	Reason       string
	AfterClose   bool // added or voided in a closed month (마감 후 정정)
	// AfterCloseReasons are the reasons the manager gave for its changes
	// after close, each once, in the order given: the list and the export
	// show them, so an audit sees why a closed month changed (review r45 A1).
	AfterCloseReasons []string
	Agreement         int64
	// Within is a hire (채용) recorded as already inside the later 누계
	// reports (누계포함:예): it re-based a report recorded before it, as the
	// ledger's entry_adjustments show (cause the hire, report the older).
	Within bool
	// Separate is a 정정's replacement (a delta) whose 정정 was answered
	// 누계포함:아니오: the later reports that counted the original kept
	// their increments (review r13 S6). The export writes 누계포함 아니오,
	// and its import replays the 정정 so.
	Separate bool
	// UndoneOf is the original a 정정 replaced, restored when the 정정 was
	// taken back (취소): the entry, voided so, is that replacement
	// (correction_undos, migration 00051). Its void took nothing out.
	UndoneOf int64
}

// CorrectionCell is the 정정 cell the entries export writes for an entry
// with mark m, naming the entries it links by number(id). known is false
// when number knows none for a linked entry. The export and an import's
// check of a held row's cell (db/import_links.go) read it here, so the
// two never word a mark differently.
func (m EntryMark) CorrectionCell(number func(id int64) (int64, bool)) (cell string, known bool) {
	linked := func(format string, id int64) (string, bool) {
		n, ok := number(id)
		return fmt.Sprintf(format, n), ok
	}
	switch {
	case m.Corrected && m.CorrectedTo != 0:
		n, ok := number(m.CorrectedTo)
		return CorrectedToCell(n), ok
	case m.Corrected:
		return "정정(기존 누계와 일치)", true
	case m.CorrectionOf != 0:
		return linked("#%d 정정분", m.CorrectionOf)
	case m.UndoneOf != 0:
		n, ok := number(m.UndoneOf)
		return UndoneCell(n), ok
	}
	return "", true
}

// CorrectedToCell is the 정정 cell of an entry replaced by entry number n:
// #3으로 정정, #2로 정정, the particle following the number as read aloud
// (review r33 M5).
func CorrectedToCell(n int64) string {
	return fmt.Sprintf("#%d%s 정정", n, i18n.Particle(fmt.Sprint(n), "으로"))
}

// UndoneCell is the 정정 cell of the replacement of a 정정 taken back by
// 취소, which restored entry number n: 정정 취소(#1 되살림). An import
// reads it back (importer's undoneOf) and records the 취소 so.
func UndoneCell(n int64) string {
	return fmt.Sprintf("정정 취소(#%d 되살림)", n)
}

// SameCorrectionCell reports whether two 정정 cells say the same: spaces
// aside, and #3로 정정 (exports before 1.12.0) the same as #3으로 정정.
func SameCorrectionCell(a, b string) bool {
	norm := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "으로정정", "로정정")
	}
	return norm(a) == norm(b)
}

// AgreementTotal is one program's agreements of a year and what they realised.
type AgreementTotal struct {
	ProgramID int64
	Agreed    int64
	Realised  int64
	// Approximate: one of the agreements summed is approximate (100여):
	// Agreed, and what is left of it, are shown with 여 (r20 F13).
	Approximate bool
	// EarlierRealised is what hires dated in the span realised of
	// agreements dated before it: jobs of the span whose agreement belongs
	// to an earlier year, never part of Agreed or Realised (r22 F37).
	EarlierRealised int64
	// SpanRealised is the part of Realised hired in the view's own span
	// (a week, a month): the hires dated in it (review r37 F6).
	SpanRealised int64
}

// OpenAgreement is a live agreement and what its live hires realised.
type OpenAgreement struct {
	Agreement Entry
	Realised  int64
}

// AfterCloseChange is a change a manager made to a closed month.
type AfterCloseChange struct {
	Entry  Entry
	Change string // "add", "void", "adjust" or ChangeVoidNothing
	// OldCount and NewCount are an "adjust"'s re-basing: the report's
	// increment before and after it (Entry.Count is today's, and may have
	// moved again since). Both 0 when not known.
	OldCount, NewCount int64
	// NewID is a 정정's replacement when Change is "correct" (the
	// original voided and the replacement added, one change: set by
	// commands, not the store).
	NewID  int64
	Month  time.Time
	By     string
	Reason string
	At     time.Time
}

// TargetReasonError is a target revision without a reason, found by the
// store inside its transaction (another manager set the target meanwhile).
type TargetReasonError struct{ Old int64 }

func (e *TargetReasonError) Error() string {
	return fmt.Sprintf("revising the target from %d needs a reason", e.Old)
}

// ChangeVoidNothing is the AfterCloseChange of a manager's void of a closed
// month's 실적 없음: Entry holds only its number, department and month.
const ChangeVoidNothing = "void_nothing"
