package commands

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DefaultDBDeadline bounds a writing command's database work (DB_DEADLINE),
// so its user is answered within Slack's three seconds even when the
// database stalls.
const DefaultDBDeadline = 2500 * time.Millisecond

// ErrMaybeSaved: the deadline passed, or the connection broke, after COMMIT
// was sent; the write may have been saved or not. The store returns it only
// then: any other failure of a write means its transaction did not commit
// and never will.
var ErrMaybeSaved = errors.New("the write may have been saved")

// deadlineGrace is how long after the deadline a command may take to say
// what is true: the store's transactions answer at the deadline itself
// (db.inTx), and the handler then only writes its reply.
const deadlineGrace = 500 * time.Millisecond

// byDeadline runs a writing command's work under the database deadline and
// returns its reply. Should the work not have answered deadlineGrace after
// the deadline (a statement outside a transaction stuck on a connection
// that no longer answers, which lib/pq waits on whatever the context says),
// the user is told the change may have been saved: nothing then says it was
// not, and the work runs on to its own end in the background.
func (s *Service) byDeadline(ctx context.Context, command string, work func(context.Context) Reply) Reply {
	r, _ := answerByDeadline(s, ctx, command, func(ctx context.Context) (Reply, FieldErrors) { return work(ctx), nil })
	return r
}

// answerByDeadline is byDeadline for a reply that comes with form errors.
func answerByDeadline(s *Service, ctx context.Context, command string, work func(context.Context) (Reply, FieldErrors)) (Reply, FieldErrors) {
	type answer struct {
		r    Reply
		errs FieldErrors
	}
	late := answer{r: Reply{Command: command, Outcome: OutcomeFailed, Title: s.msg("deadline.may_have_been_saved"), ranOut: LastUnfinished}}
	if command == cmdImport {
		// A preview never commits: out of time, nothing was written.
		late.r.Title = s.msg("import.too_slow_for_slack")
	}
	ctx, cancel := s.withDeadline(ctx, command)
	replied := make(chan answer, 1)
	go func() {
		defer cancel()
		defer func() {
			if p := recover(); p != nil { // on this goroutine a panic would end the process
				s.log.ErrorContext(ctx, "command panicked", "command", command, "panic", fmt.Sprint(p))
				replied <- late
			}
		}()
		r, errs := work(ctx)
		replied <- answer{r, errs}
	}()
	select {
	case a := <-replied:
		return a.r, a.errs
	case <-ctx.Done():
	}
	grace := time.NewTimer(deadlineGrace)
	defer grace.Stop()
	select {
	case a := <-replied:
		return a.r, a.errs
	case <-grace.C:
		s.log.WarnContext(ctx, "no answer from storage by the deadline", "command", command)
		return late.r, late.errs
	}
}

// moveDeadline bounds a department rename or merge, which moves every entry
// and total of the department in one transaction: on a large ledger that
// takes longer than DB_DEADLINE, and a manager reorganising departments is
// answered through Slack's response_url, not inline. It stays under
// DeliveryRetryAfter.
const moveDeadline = 20 * time.Second

// importDeadline bounds an import from Slack, preview or apply: the
// download, the read and the one transaction that writes the file (rolled
// back for a preview). A file sent through Slack holds at most
// importer.SlackRowCap rows, which take a few seconds; larger files go
// through `jobsbot import` on the server, which has no deadline. Like a
// move, it is answered through Slack's response_url and stays under
// DeliveryRetryAfter.
const importDeadline = 20 * time.Second

// withDeadline bounds ctx by the database deadline of command. Commands
// whose spec Posts never come here (Handle runs them to their end).
func (s *Service) withDeadline(ctx context.Context, command string) (context.Context, context.CancelFunc) {
	switch spec, _ := specNamed(command); {
	case spec.Moves:
		return context.WithTimeout(ctx, max(s.dbDeadline, moveDeadline))
	case spec.Imports:
		return context.WithTimeout(ctx, max(s.dbDeadline, importDeadline))
	}
	return context.WithTimeout(ctx, s.dbDeadline)
}
