package main

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"jobsbot/bot/digest"
)

// The checks below are loadConfig's for single settings that need more than
// a line: each returns one error naming its variable, and loadConfig reports
// them all together.

// maintenanceDatabases are PostgreSQL's own databases: the bot creates and
// migrates its tables wherever DATABASE_URL points, and they must never land
// in the cluster's maintenance or template database.
var maintenanceDatabases = []string{"postgres", "template0", "template1"}

// checkDatabaseURL accepts a postgres:// URL that names the bot's own database.
func checkDatabaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return errors.New("DATABASE_URL: must be a postgres:// URL, e.g. " + defaultDatabaseURL)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if q := u.Query().Get("dbname"); q != "" {
		name = q
	}
	if name == "" {
		return errors.New("DATABASE_URL: names no database; add the bot's own, e.g. " + defaultDatabaseURL)
	}
	for _, m := range maintenanceDatabases {
		if strings.EqualFold(name, m) {
			return fmt.Errorf("DATABASE_URL: %q is PostgreSQL's own maintenance database; create one for the bot (createdb jobsbot) and name it, e.g. %s", name, defaultDatabaseURL)
		}
	}
	return nil
}

// checkSlackAPIURL accepts an empty value (Slack's own) or an http(s) URL with a host.
func checkSlackAPIURL(raw string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("SLACK_API_URL: %q is not an http(s) URL such as https://slack.com/api/", raw)
	}
	return nil
}

// minDigestInterval is the shortest gap DIGEST_SCHEDULE may leave between two
// posts: the digest reports a week, and a schedule firing every second or
// minute would flood the channel and the database.
const minDigestInterval = time.Hour

// checkDigestSchedule accepts a cron expression whose posts are at least
// minDigestInterval apart.
func checkDigestSchedule(spec string) error {
	sched, err := digest.ParseSchedule(spec)
	if err != nil {
		return fmt.Errorf("DIGEST_SCHEDULE: %q is not a cron expression (minute hour day month weekday, e.g. 0 9 * * MON)", spec)
	}
	// A year of firings from a fixed start covers every shape cron allows
	// (a gap can shrink only on some days, months or weekdays).
	at := sched.Next(time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC))
	if at.IsZero() {
		return fmt.Errorf("DIGEST_SCHEDULE: %q never posts (no such date); use e.g. 0 9 * * MON", spec)
	}
	end := at.AddDate(1, 0, 0)
	for n := 0; at.Before(end) && n < 24*366; n++ {
		next := sched.Next(at)
		if next.IsZero() {
			break // fires on a date that comes rarely, such as 29 February
		}
		if next.Sub(at) < minDigestInterval {
			return fmt.Errorf("DIGEST_SCHEDULE: %q posts more often than once an hour; the digest is weekly, e.g. 0 9 * * MON", spec)
		}
		at = next
	}
	return nil
}

// parseWriteRateLimit reads WRITE_RATE_LIMIT: writes a minute per user
// (1-6000) or off (-1). 0 is refused rather than read as off: it reads as
// "no writes at all" as easily, and a setting must mean one thing.
func parseWriteRateLimit(value string) (int, error) {
	value = strings.ToLower(value)
	if value == "off" {
		return -1, nil
	}
	n, err := strconv.Atoi(value)
	if err != nil || n < 1 || n > 6000 {
		return 0, fmt.Errorf("WRITE_RATE_LIMIT: %q is not a number of writes a minute per user (1-6000); to turn the limit off, write off", value)
	}
	return n, nil
}

// parseExportConcurrency reads EXPORT_CONCURRENCY: how many exports one
// process builds at once (1-16). Each holds a database connection and a
// spreadsheet writer's buffers for as long as it runs.
func parseExportConcurrency(value string) (int, error) {
	n, err := strconv.Atoi(value)
	if err != nil || n < 1 || n > 16 {
		return 0, fmt.Errorf("EXPORT_CONCURRENCY: %q is not a number of exports at once (1-16), e.g. 2", value)
	}
	return n, nil
}
