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

	"jobsbot/bot/digest"
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

	// Reminders: REMINDER_SCHEDULE ("off" turns them off) and the managers'
	// channel for the last round's list (REMINDER_CHANNEL, default DIGEST_CHANNEL).
	RemindersOff     bool
	ReminderSchedule commands.ReminderSchedule
	ReminderChannel  string
}

// Bounds of SHUTDOWN_GRACE: under a second cuts off ordinary commands; over
// a minute outlasts every platform's default kill timeout.
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
	}
	c.CreateDatabase = strings.TrimSpace(getenv("DATABASE_URL")) != ""
	var errs []error
	if u, err := url.Parse(c.DatabaseURL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		errs = append(errs, errors.New("DATABASE_URL: must be a postgres:// URL, e.g. "+defaultDatabaseURL))
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
	switch limit := strings.ToLower(get("WRITE_RATE_LIMIT", strconv.Itoa(commands.DefaultWritesPerMinute))); limit {
	case "off", "0":
		c.WritesPerMinute = -1
	default:
		n, err := strconv.Atoi(limit)
		if err != nil || n < 1 || n > 6000 {
			errs = append(errs, fmt.Errorf("WRITE_RATE_LIMIT: %q is not a number of writes a minute per user (1-6000) or off", limit))
		}
		c.WritesPerMinute = n
	}
	if _, err := digest.ParseSchedule(c.DigestSchedule); err != nil {
		errs = append(errs, fmt.Errorf("DIGEST_SCHEDULE: %q is not a cron expression (minute hour day month weekday, e.g. 0 9 * * MON)", c.DigestSchedule))
	}
	c.ReminderChannel = get("REMINDER_CHANNEL", c.DigestChannel)
	if sched := get("REMINDER_SCHEDULE", ""); strings.EqualFold(sched, "off") {
		c.RemindersOff = true
	} else if c.ReminderSchedule, err = commands.ParseReminderSchedule(sched); err != nil {
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
	switch value {
	case "en", "ko":
		return commands.Lang(value), nil
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
