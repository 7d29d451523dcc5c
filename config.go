package main

import (
	"cmp"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands"
)

// defaultDatabaseURL is the local PostgreSQL a newcomer already has.
const defaultDatabaseURL = "postgres://postgres@127.0.0.1:5432/jobsbot?sslmode=disable"

// config is every setting jobsbot reads from the environment (.env included).
type config struct {
	DatabaseURL string
	// CreateDatabase: a missing database is created only when DATABASE_URL
	// names it. Without DATABASE_URL the default local URL is used, but its
	// database must exist: a command run by mistake in the wrong place does
	// not leave a new `jobsbot` database behind.
	CreateDatabase bool
	Location       *time.Location
	Language       commands.Lang
	Managers       []string
	LogLevel       slog.Level

	SlackBotToken      string
	SlackAppToken      string
	SlackSigningSecret string
	SlackTeamID        string
	SlackAPIURL        string
	Addr               string

	DigestChannel  string
	DigestSchedule string
	// DigestLanguage is the language of channel posts (the digest, a shared
	// status): everyone in the channel reads the same message.
	DigestLanguage commands.Lang
	// ShutdownGrace is how long commands and a digest post in flight may run
	// after SIGTERM before they are cancelled (README, Security).
	ShutdownGrace time.Duration
	// WritesPerMinute is each Slack user's write rate limit; -1 is off.
	WritesPerMinute int
	// ExportConcurrency is how many exports this process builds at once
	// (EXPORT_CONCURRENCY); each user has at most one in flight.
	ExportConcurrency int
	// DBDeadline bounds a writing command's database work (README, Security).
	DBDeadline time.Duration

	// Reminders: REMINDER_SCHEDULE ("off" turns them off) and the managers'
	// channel for the last round's list (REMINDER_CHANNEL, default DIGEST_CHANNEL).
	RemindersOff     bool
	ReminderSchedule commands.ReminderSchedule
	ReminderChannel  string

	// ReportUnit is REPORT_UNIT: the 작성 부서 printed on exported reports
	// (e.g. 일자리정책과) when the one asking reports for no department.
	ReportUnit string
}

// Bounds of SHUTDOWN_GRACE: under a second cuts off ordinary commands; over
// a minute outlasts every platform's default kill timeout.
// Bounds of DB_DEADLINE: under half a second fails ordinary writes on a busy
// server; over ten seconds no Slack user is still waiting, and it must stay
// well under commands.DeliveryRetryAfter.
const (
	minDBDeadline = 500 * time.Millisecond
	maxDBDeadline = 10 * time.Second
)

const (
	defaultShutdownGrace = 10 * time.Second
	minShutdownGrace     = time.Second
	maxShutdownGrace     = time.Minute
)

// loadConfig reads the settings through getenv. An invalid one is an error
// that names the variable and what it accepts, so start-up can stop with one
// clear line.
// It stays one function, a few lines per variable in README order, so the
// whole list of settings and their checks reads in one place.
func loadConfig(getenv func(string) string) (config, error) {
	get := func(name, fallback string) string {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
		return fallback
	}
	c := config{
		DatabaseURL:        get("DATABASE_URL", defaultDatabaseURL),
		SlackBotToken:      get("SLACK_BOT_TOKEN", ""),
		SlackAppToken:      get("SLACK_APP_TOKEN", ""),
		SlackSigningSecret: get("SLACK_SIGNING_SECRET", ""),
		SlackTeamID:        get("SLACK_TEAM_ID", ""),
		SlackAPIURL:        get("SLACK_API_URL", ""),
		Addr:               get("ADDR", ":3000"),
		DigestChannel:      get("DIGEST_CHANNEL", ""),
		DigestSchedule:     get("DIGEST_SCHEDULE", "0 9 * * MON"),
		ReportUnit:         get("REPORT_UNIT", ""),
	}
	c.CreateDatabase = strings.TrimSpace(getenv("DATABASE_URL")) != ""
	var errs []error
	if err := checkDatabaseURL(c.DatabaseURL); err != nil {
		errs = append(errs, err)
	}
	tz := get("BOT_TIMEZONE", "Asia/Seoul")
	loc, err := time.LoadLocation(tz)
	if err != nil {
		errs = append(errs, fmt.Errorf("BOT_TIMEZONE: unknown time zone %q; use an IANA name such as Asia/Seoul", tz))
	}
	c.Location = loc
	if c.Language, err = parseLanguage("BOT_LANGUAGE", get("BOT_LANGUAGE", "en")); err != nil {
		errs = append(errs, err)
	}
	// Channel posts follow BOT_LANGUAGE unless told otherwise.
	if c.DigestLanguage, err = parseLanguage("DIGEST_LANGUAGE", get("DIGEST_LANGUAGE", cmp.Or(string(c.Language), "en"))); err != nil {
		errs = append(errs, err)
	}
	for _, id := range strings.Split(get("MANAGER_IDS", ""), ",") {
		if id = strings.TrimSpace(id); id != "" {
			c.Managers = append(c.Managers, id)
		}
	}
	switch level := strings.ToLower(get("LOG_LEVEL", "info")); level {
	case "debug":
		c.LogLevel = slog.LevelDebug
	case "info":
		c.LogLevel = slog.LevelInfo
	case "warn", "warning":
		c.LogLevel = slog.LevelWarn
	case "error":
		c.LogLevel = slog.LevelError
	default:
		errs = append(errs, fmt.Errorf("LOG_LEVEL: %q is not a level; use debug, info, warn or error", level))
	}
	grace, err := time.ParseDuration(get("SHUTDOWN_GRACE", defaultShutdownGrace.String()))
	if err != nil || grace < minShutdownGrace || grace > maxShutdownGrace {
		errs = append(errs, fmt.Errorf("SHUTDOWN_GRACE: %q is not a duration from 1s to 60s, e.g. 10s", get("SHUTDOWN_GRACE", "")))
	}
	c.ShutdownGrace = grace
	if c.WritesPerMinute, err = parseWriteRateLimit(get("WRITE_RATE_LIMIT", strconv.Itoa(commands.DefaultWritesPerMinute))); err != nil {
		errs = append(errs, err)
	}
	if c.ExportConcurrency, err = parseExportConcurrency(get("EXPORT_CONCURRENCY", strconv.Itoa(commands.DefaultExportConcurrency))); err != nil {
		errs = append(errs, err)
	}
	if err := checkDigestSchedule(c.DigestSchedule); err != nil {
		errs = append(errs, err)
	}
	deadline, err := time.ParseDuration(get("DB_DEADLINE", commands.DefaultDBDeadline.String()))
	if err != nil || deadline < minDBDeadline || deadline > maxDBDeadline {
		errs = append(errs, fmt.Errorf("DB_DEADLINE: %q is not a duration from 500ms to 10s, e.g. 2.5s", get("DB_DEADLINE", "")))
	}
	c.DBDeadline = deadline
	c.ReminderChannel = get("REMINDER_CHANNEL", c.DigestChannel)
	if sched := get("REMINDER_SCHEDULE", ""); strings.EqualFold(sched, "off") {
		c.RemindersOff = true
	} else if c.ReminderSchedule, err = commands.ParseReminderSchedule(sched); err != nil {
		errs = append(errs, err)
	}
	if err := checkSlackAPIURL(c.SlackAPIURL); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, checkAddr(c.Addr), checkSlackTokens(c.SlackBotToken, c.SlackAppToken), checkManagerIDs(c.Managers))
	if c.SlackAPIURL != "" && !strings.HasSuffix(c.SlackAPIURL, "/") {
		c.SlackAPIURL += "/" // slack-go joins method names straight onto it
	}
	return c, errors.Join(errs...)
}

// parseLanguage reads a reply language setting (a variable or a flag) named name.
func parseLanguage(name, value string) (commands.Lang, error) {
	switch l := commands.Lang(value); l {
	case commands.English, commands.Korean:
		return l, nil
	}
	return "", fmt.Errorf("%s: %q is not supported; use en or ko", name, value)
}

// demoDatabaseURL is the database `console --demo` recreates: the configured
// one's name with _demo appended, so a demo never touches real data.
func demoDatabaseURL(databaseURL string) (string, error) {
	u, err := url.Parse(databaseURL)
	if err != nil {
		return "", fmt.Errorf("DATABASE_URL: %w", err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if name == "" {
		name = "jobsbot"
	}
	u.Path = "/" + name + "_demo"
	return u.String(), nil
}
