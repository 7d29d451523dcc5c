package db

import (
	"strconv"

	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"

	"jobsbot/commands"
)

// SQLSTATEs raised by the triggers of migration 00020, which keep 실적 없음
// and live jobs for one department and month apart.
const (
	codeNothingRecorded pqerror.Code = "JB001" // an add hit a live 실적 없음; DETAIL is its id
	codeMonthHasJobs    pqerror.Code = "JB002" // a 실적 없음 hit live jobs; DETAIL is their sum
)

// exclusionError translates those refusals into the domain errors of package
// commands, or returns nil for any other error.
func exclusionError(err error) error {
	e := pq.As(err, codeNothingRecorded, codeMonthHasJobs)
	if e == nil {
		return nil
	}
	n, _ := strconv.ParseInt(e.Detail, 10, 64)
	if e.Code == codeNothingRecorded {
		return &commands.NothingRecordedError{NothingID: n}
	}
	return &commands.MonthHasJobsError{Jobs: n}
}
