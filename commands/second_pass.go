package commands

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AgreementHasHiresError refuses a void (무효, 취소) of an agreement (약정)
// whose hires (채용) are live: they would be left realising a voided entry,
// and 약정 이행 would sum fewer hires than the live hire entries. The
// store decides it under the program's lock, in the void's transaction.
type AgreementHasHiresError struct {
	Agreement Entry
	Hires     []Entry // its live hires, oldest first
}

func (e *AgreementHasHiresError) Error() string {
	return fmt.Sprintf("agreement %d has %d live hires", e.Agreement.ID, len(e.Hires))
}

// maxHiresNamed bounds how many hires a refusal names.
const maxHiresNamed = 5

// agreementHasHires refuses a void (undo: a 취소) of an agreement with live
// hires, naming them and saying what to do.
func (s *Service) agreementHasHires(ctx context.Context, command string, e *AgreementHasHiresError, undo bool) Reply {
	_, named := s.namedHires(ctx, e.Agreement, e.Hires)
	key := "audit.void_agreement_with_hires"
	if undo {
		key = "audit.undo_agreement_with_hires"
	}
	return Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg(key, "ID", e.Agreement.ID, "Hires", named)}
}

// namedHires names at most maxHiresNamed of an agreement's hires with their
// counts ("#3(6개), #4(2개)"), and gives the unit of the agreement's
// program for the refusal's other counts.
func (s *Service) namedHires(ctx context.Context, agreement Entry, hires []Entry) (unit, named string) {
	programs, _ := s.store.Programs(ctx) // on failure the counts go without the unit
	_, unit = s.programOf(programs, agreement.ProgramID, agreement.ProgramCode)
	names := make([]string, 0, min(len(hires), maxHiresNamed)+1)
	for _, h := range hires[:min(len(hires), maxHiresNamed)] {
		names = append(names, s.msg("audit.hire_named", "ID", h.ID, "Count", s.unitCount(h.Count, h.Approximate, unit)))
	}
	if more := len(hires) - maxHiresNamed; more > 0 {
		names = append(names, s.msg("audit.hires_more", "N", more))
	}
	return unit, strings.Join(names, ", ")
}

// MergeClosedMonthsError refuses a department merge that would move live
// entries or a live 실적 없음 of a closed month to another department:
// that month's figures by department would change after its close.
type MergeClosedMonthsError struct {
	Department string
	Months     []time.Time // first days of the closed months, oldest first
}

func (e *MergeClosedMonthsError) Error() string {
	return fmt.Sprintf("department %q has entries in %d closed months", e.Department, len(e.Months))
}

// mergeClosedMonths refuses a merge into closed months, naming them.
func (s *Service) mergeClosedMonths(command, into string, e *MergeClosedMonthsError) Reply {
	months := make([]string, len(e.Months))
	for i, m := range e.Months {
		months[i] = s.period(monthPeriod(m))
	}
	return Reply{Command: command, Outcome: OutcomeRefused, Title: s.msg("deptcmds.merge_closed_months",
		"Name", e.Department, "Into", into, "Months", strings.Join(months, ", "))}
}

// UndoCorrectionError refuses a 취소 of a correction's replacement (which
// undoes the 정정, restoring the entry it replaced) that cannot be done
// safely; nothing is written. One of: Hires (recorded on a corrected
// agreement's replacement since the 정정, they depend on it), Agreement
// (restored, the original would take it beyond its size, or a restored
// agreement would agree fewer than its hires), or Count ≤ 0 (the original,
// re-based by reports recorded since, would record no increase).
type UndoCorrectionError struct {
	Correction Entry
	Original   Entry
	Hires      []Entry
	Agreement  Entry
	Realised   int64 // what Agreement's live hires realise now
	Count      int64 // what the original would record, restored
}

func (e *UndoCorrectionError) Error() string {
	return fmt.Sprintf("undoing the correction %d of entry %d", e.Correction.ID, e.Original.ID)
}

// undoCorrection refuses a 취소 of a correction, saying which part could
// not be restored.
func (s *Service) undoCorrection(ctx context.Context, e *UndoCorrectionError) Reply {
	title := ""
	switch {
	case len(e.Hires) > 0:
		_, named := s.namedHires(ctx, e.Correction, e.Hires)
		title = s.msg("corrections.undo_refused_hires", "ID", e.Correction.ID, "Original", e.Original.ID, "Hires", named)
	case e.Agreement.ID != 0:
		title = s.msg("corrections.undo_refused_agreement", "ID", e.Correction.ID, "Original", e.Original.ID,
			"Agreement", e.Agreement.ID, "Realised", s.jobs(e.Realised))
	default:
		title = s.msg("corrections.undo_refused_count", "ID", e.Correction.ID, "Original", e.Original.ID, "AsOf", s.date(e.Original.AsOf))
	}
	return Reply{Command: cmdUndo, Outcome: OutcomeRefused, Title: title}
}
