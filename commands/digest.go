// The weekly digest, part 3: the `digest` command (preview and post), the
// DigestPoster a transport hands in, and the ledger types it reports with.

package commands

import (
	"context"
	"time"

	"jobsbot/commands/dates"
)

// DigestPoster posts a week's digest to the digest channel through the
// exactly-once ledger. The core cannot talk to Slack, so the transport
// implements it and hands it over in Config.DigestPoster.
type DigestPoster interface {
	// PostDigest posts the digest of the week starting weekStart unless it
	// was posted before or another run holds the claim; requestedBy names who
	// asked (a user ID, "scheduler", "cli"), for the logs.
	PostDigest(ctx context.Context, weekStart time.Time, requestedBy string) (PostResult, error)
}

// PostStatus says what a PostDigest call did.
type PostStatus string

// Post statuses.
const (
	PostedNow      PostStatus = "posted"         // this call posted the digest
	PostedBefore   PostStatus = "already-posted" // an earlier run did; nothing was sent
	PostInProgress PostStatus = "in-progress"    // another run holds the claim right now
)

// PostResult is what PostDigest reports.
type PostResult struct {
	Status    PostStatus
	WeekStart time.Time
	Channel   string
	MessageTS string // the Slack message's timestamp, when posted
}

// PostRunStatus is where one scheduled post (a channel's digest of a week, a
// reminder of a month) stands in the record of post runs.
type PostRunStatus string

// Post run statuses: a run claims the post before posting and records the
// message after, so nothing is ever posted twice.
const (
	PostRunClaimed PostRunStatus = "claimed"
	PostRunPosted  PostRunStatus = "posted"
	PostRunFailed  PostRunStatus = "failed"
)

// PostRun is one row of the record of post runs (table digest_runs). For a
// reminder, Channel holds its key (ReminderKey) and WeekStart its month.
type PostRun struct {
	Channel   string
	WeekStart time.Time
	Status    PostRunStatus
	ClaimedBy string
	ClaimedAt time.Time
	Attempts  int
	MessageTS string
	PostedAt  *time.Time
	LastError string
}

// digestCommand answers `digest [week]`: a preview to the asker.
func (s *Service) digestCommand(ctx context.Context, _ Caller, cmd Command) Reply {
	today := s.today()
	week := dates.LastCompleteWeek(today)
	if cmd.Period != nil {
		week = cmd.Period.From
		if !week.Before(dates.WeekStart(today)) {
			return s.refuse(cmd.Name, s.msg("digest.has_not_ended_yet", "Label", s.week(cmd.Period.From)))
		}
	}
	d, err := s.Digest(ctx, week)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	r := s.DigestReply(d)
	r.Sections = append(r.Sections, Section{Lines: []string{s.msg("digest.preview_only_you_see")}})
	return r
}

// digestPost answers `digest post` (managers): post the last complete week now.
func (s *Service) digestPost(ctx context.Context, c Caller, _ Command) Reply {
	return s.postDigest(ctx, c, dates.LastCompleteWeek(s.today()))
}

// postDigest posts the last complete week through the poster and its ledger.
func (s *Service) postDigest(ctx context.Context, c Caller, week time.Time) Reply {
	label := s.week(week) // 2026년 23주차: the ISO code stays in the log
	weekCode := dates.ISOWeekLabel(week)
	if s.poster == nil {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("digest.posting_digest_is_not")}
	}
	res, err := s.poster.PostDigest(ctx, week, c.UserID)
	if err != nil {
		s.log.ErrorContext(ctx, "digest post failed", "week", weekCode, "user", c.UserID, "err", err)
		return Reply{Outcome: OutcomeFailed, Title: s.msg("digest.digest_for_could_not", "Label", label)}
	}
	switch res.Status {
	case PostedBefore:
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("digest.digest_for_was_already", "Label", label, "Channel", res.Channel)}
	case PostInProgress:
		return Reply{Outcome: OutcomeRepeated, Title: s.msg("digest.digest_for_is_being", "Label", label)}
	}
	return Reply{Title: s.msg("digest.posted_digest_for_to", "Label", label, "Channel", res.Channel)}
}

// parseDigest reads `digest [ISO week]`. `digest post` is a command of its
// own, found by the table (its spec stands Alone).
func parseDigest(cmd *Command, ts []token, today time.Time) error {
	if monday, ok, err := digestWeekOfMonth(cmd, ts, today); ok || err != nil {
		if err != nil {
			return err
		}
		cmd.Period = &dates.Period{From: monday, To: monday.AddDate(0, 0, 6), Label: dates.ISOWeekLabel(monday)}
		return nil
	}
	switch {
	case len(ts) == 0:
		return nil
	case len(ts) <= 3:
		monday, err := dates.ParseISOWeek(digestWeekNumber(textJoin(ts)))
		if err != nil {
			// 지난주, 이번주, last week: a relative week reads as that week.
			p, perr := dates.ParsePeriod(digestWeekNumber(textJoin(ts)), today)
			if perr != nil || !p.From.Equal(dates.WeekStart(p.From)) || !p.To.Equal(p.From.AddDate(0, 0, 6)) {
				return usageErr(cmd.Name, "digest.is_not_week_write", "Text", textJoin(ts))
			}
			monday = p.From
		}
		cmd.Period = &dates.Period{From: monday, To: monday.AddDate(0, 0, 6), Label: dates.ISOWeekLabel(monday)}
		return nil
	}
	return usageErr(cmd.Name, "digest.digest_takes_one_week")
}
