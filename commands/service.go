package commands

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"slices"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
)

// Lang is the language replies are written in (i18n.Lang: one set of
// language constants for the whole bot).
type Lang = i18n.Lang

// Supported reply languages.
const (
	English = i18n.English
	Korean  = i18n.Korean
)

// Config configures a Service.
type Config struct {
	Store    Store
	Location *time.Location // where dates and weeks are read; default Asia/Seoul
	Language Lang           // default English
	Managers []string       // Slack user IDs allowed to run manager commands
	Now      func() time.Time
	Logger   *slog.Logger
	// DigestPoster posts `digest post`; nil means posting is not configured
	// (no DIGEST_CHANNEL) and the command says so. The poster words digests
	// with a Service of its own, built before this one without a poster
	// (serve.go), so construction runs one way.
	DigestPoster DigestPoster
	// ReminderSender sends `remind send`; nil means reminders are not set up
	// here (no Slack token, REMINDERS=off) and the command says so. Like the
	// poster, it is built first, on a Service of its own.
	ReminderSender ReminderSender
	// WritesPerMinute is each Slack user's sustained write rate, with bursts
	// of 20; 0 means DefaultWritesPerMinute, negative means no limit.
	WritesPerMinute int
	// DBDeadline bounds a writing command's database work; 0 means
	// DefaultDBDeadline.
	DBDeadline time.Duration
	// Exporter builds `export` files and FileSender delivers them; nil
	// means exports are not available here (the console) and the command says so.
	Exporter   Exporter
	FileSender FileSender
	// FileFetcher fetches the files users send the bot and FileImporter reads
	// and applies them, for `import`; nil means imports are not available
	// here and the command says so.
	FileFetcher  FileFetcher
	FileImporter FileImporter
	// ExportConcurrency is how many exports the process builds at once
	// (EXPORT_CONCURRENCY); 0 means DefaultExportConcurrency.
	ExportConcurrency int
	// Reminders is REMINDER_SCHEDULE; the zero value is the default (3
	// working days before the last working day of the month, 10:00).
	Reminders ReminderSchedule
	// ReportUnit is REPORT_UNIT, the 작성 부서 printed on exported reports
	// when the caller reports for no department; "" leaves it out.
	ReportUnit string
	// People names Slack users in replies (the bot's users.info names);
	// nil shows IDs as typed, as the console does.
	People PeopleNames
}

// Caller is who runs a command and through what.
type Caller struct {
	UserID string
	Source Source
	// IdempotencyKey identifies this delivery (a Slack trigger_id or envelope
	// ID); a command delivered twice with the same key is recorded once. Empty
	// means a fresh random key.
	IdempotencyKey string
	Lang           Lang   // the caller's reply language; "" means the service default
	Locale         string // the caller's Slack locale, e.g. "ko-KR"; "" if unknown
	// Pressed: the line is a question's button pressed, not a line typed.
	// An answer to a question 취소 cancelled is refused on every press,
	// while the same line typed again records (answersCancelled).
	Pressed bool
}

// Service runs /jobs commands. It is safe for concurrent use.
type Service struct {
	store    Store
	loc      *time.Location
	lang     Lang
	managers []string
	// fetcher and importer serve `import` (Config.FileFetcher, FileImporter).
	fetcher  FileFetcher
	importer FileImporter
	now      func() time.Time
	log      *slog.Logger
	poster   DigestPoster
	// tr renders catalogue messages in lang; a request's copy of the Service
	// (WithLanguage) carries the caller's language in both.
	tr i18n.Printer
	// lang above is the language s.msg writes in; defaultLang is BOT_LANGUAGE,
	// for callers with no stored choice, language or locale of their own.
	defaultLang Lang
	// pinned makes every reply use lang, whoever asks: a Service for a
	// channel post, or the per-request copy Handle runs on. See language.go.
	pinned bool
	// writesPerMinute is each Slack user's write rate limit; 0 or less: none.
	writesPerMinute int
	dbDeadline      time.Duration
	exports         *exportGate // shared by the copies With… makes
	// programIndexes is shared by the copies too; nil builds every index anew.
	programIndexes *programIndexCache
	exporter       Exporter
	sender         FileSender
	schedule       ReminderSchedule
	reminders      ReminderSender
	reportUnit     string
	people         PeopleNames
}

// New returns a Service; zero fields of cfg take their defaults.
func New(cfg Config) *Service {
	s := &Service{
		store:      cfg.Store,
		loc:        cfg.Location,
		lang:       cfg.Language,
		managers:   slices.Clone(cfg.Managers),
		now:        cfg.Now,
		log:        cfg.Logger,
		poster:     cfg.DigestPoster,
		reminders:  cfg.ReminderSender,
		exporter:   cfg.Exporter,
		sender:     cfg.FileSender,
		fetcher:    cfg.FileFetcher,
		importer:   cfg.FileImporter,
		schedule:   cfg.Reminders,
		reportUnit: cfg.ReportUnit,
		people:     cfg.People,
	}
	if s.schedule == (ReminderSchedule{}) {
		s.schedule = DefaultReminderSchedule
	}
	perMinute := cfg.WritesPerMinute
	if perMinute == 0 {
		perMinute = DefaultWritesPerMinute
	}
	s.writesPerMinute = perMinute
	s.dbDeadline = cmp.Or(cfg.DBDeadline, DefaultDBDeadline)
	s.exports = newExportGate(cfg.ExportConcurrency)
	s.programIndexes = newProgramIndexCache()
	if s.loc == nil {
		s.loc = dates.Seoul()
	}
	if s.lang == "" {
		s.lang = English
	}
	s.tr = i18n.Default().Printer(s.lang)
	s.defaultLang = s.lang
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	return s
}

// Language returns the language replies are written in: the default
// (BOT_LANGUAGE), or the pinned language of a WithLanguage copy.
func (s *Service) Language() Lang { return s.lang }

// Location returns the time zone dates are read in.
func (s *Service) Location() *time.Location { return s.loc }

// IsManager reports whether the user may run manager commands.
func (s *Service) IsManager(userID string) bool { return slices.Contains(s.managers, userID) }

// today is the current calendar date in the city's time zone.
func (s *Service) today() time.Time { return dates.Today(s.now(), s.loc) }

// Today is the current calendar date in the city's time zone (midnight UTC).
func (s *Service) Today() time.Time { return s.today() }

// msg renders catalogue message id in the Service's language, with arguments
// as name, value pairs: s.msg("entries.recorded", "ID", 12, "Count", "180개", "Program", name).
func (s *Service) msg(id string, kv ...any) string { return s.tr.T(id, kv...) }

// Printer renders catalogue messages in lang, for the transports' own labels
// and channel posts; "" means the service default.
func (s *Service) Printer(lang Lang) i18n.Printer {
	if lang == "" {
		lang = s.lang
	}
	return i18n.Default().Printer(lang)
}

// key returns the caller's idempotency key, or a fresh random one.
func (c Caller) key(suffix string) string {
	if c.IdempotencyKey != "" {
		return c.IdempotencyKey + suffix
	}
	return RandomHex(16)
}

// RandomHex returns n random bytes written in hex: idempotency keys for
// callers that gave none, run tags and owner names that must not collide.
func RandomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return hex.EncodeToString(b)
}

// storageFailure turns a storage error into a reply that tells the user what
// happened in words, and logs the error once here, at the edge.
func (s *Service) storageFailure(ctx context.Context, command string, err error) Reply {
	if errors.Is(err, ErrAlreadyHandled) { // see delivery.go
		return Reply{Command: command, Outcome: OutcomeRepeated, Title: s.msg("handle.that_request_was_already")}
	}
	if errors.Is(err, ErrMaybeSaved) {
		s.log.WarnContext(ctx, "storage did not confirm a commit", "command", command, "err", err)
		return Reply{Command: command, Outcome: OutcomeFailed, Title: s.msg("deadline.may_have_been_saved"), ranOut: LastUnfinished}
	}
	if errors.Is(err, ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) {
		s.log.WarnContext(ctx, "storage unavailable", "command", command, "err", err)
		return Reply{Command: command, Outcome: OutcomeFailed, Title: s.msg("service.jobs_ledger_cannot_be"), ranOut: LastUnsaved}
	}
	s.log.ErrorContext(ctx, "command failed", "command", command, "err", err)
	return Reply{Command: command, Outcome: OutcomeFailed, Title: s.msg("service.something_went_wrong_on")}
}

// Form field names of the add-entry form (the Slack modal); FieldErrors are
// keyed by them.
const (
	FieldProgram    = "program"
	FieldCount      = "count"
	FieldDate       = "date"
	FieldDepartment = "department"
	FieldStatus     = "status"
	FieldNote       = "note"
)

// AddForm is an add-entry form as submitted: every field is the text the user
// typed or picked, validated exactly as the typed command would be.
type AddForm struct {
	Program    string // a program code, alias or name
	Count      string // any number form: 180, 2,400, 6백여, 1만2000
	Date       string // any date form, "" for today
	Department string
	Status     string // realised or agreed, "" for realised
	Note       string
}

// FieldErrors maps form field names to a sentence saying what to fix.
type FieldErrors map[string]string
