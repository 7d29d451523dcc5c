package commands

import "fmt"

// NothingRecordedError refuses jobs for a department and month that has a
// live 실적 없음 (nothing_reports row): the two cannot both be true. Nothing
// was written. NothingID is the 실적 없음 record, voided with `void N`.
type NothingRecordedError struct {
	NothingID int64
}

func (e *NothingRecordedError) Error() string {
	return fmt.Sprintf("the month has a live nothing report %d", e.NothingID)
}

// MonthHasJobsError refuses a 실적 없음 for a department and month that has
// live jobs. Nothing was written. Department is the department whose jobs
// refused it: the one the name belongs to now, when a rename or merge moved
// the named one away meanwhile (empty when the store does not say).
type MonthHasJobsError struct {
	Jobs       int64
	Department string
}

func (e *MonthHasJobsError) Error() string {
	return fmt.Sprintf("the month has %d live jobs", e.Jobs)
}
