package main

import (
	"bytes"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// TestRollbackAsDeployReadmeSays runs deploy/README.md's "Rolling back"
// with the real binary: the figures a manager reads are the same on the new
// schema, after `migrate --down-to` the previous release's schema (19), and
// after `migrate` forward again; `migrate --status` says where the schema is.
func TestRollbackAsDeployReadmeSays(t *testing.T) {
	bin := buildBinary(t)
	databaseURL := dbtest.URL(t)
	env := consoleEnv(databaseURL)
	jobsbot := func(stdin string, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = t.TempDir()
		cmd.Env = env
		cmd.Stdin = strings.NewReader(stdin)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("jobsbot %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
		return stdout.String()
	}
	session := "/jobs target 2만500\n/jobs add 2400여 invest date:4월말\n/jobs add 180 youth date:4월말 dept:일자리정책과\n" +
		"/jobs add 7100 vulnerable date:4월말\n/jobs void 3 typo\n/jobs add 1700 social cumulative date:5월말\n"
	jobsbot(session, "console", "--manager", "--today", "2026-11-26")
	status := func() string {
		return jobsbot("/jobs status\n/jobs status by dept\n/jobs report 2026\n", "console", "--manager", "--today", "2026-11-26", "--lang", "ko")
	}
	onNew := status()
	if !strings.Contains(onNew, "누계 4,280여개") {
		t.Fatalf("status on the new schema:\n%s", onNew)
	}
	sumsOnNew := ledgerSums(t, databaseURL)
	latest := db.LatestSchema()
	if got := jobsbot("", "migrate", "--status"); !strings.HasPrefix(got, "schema "+itoa(latest)+" ") {
		t.Fatalf("migrate --status on the new schema: %q", got)
	}
	const previousRelease = 19
	if got := jobsbot("", "migrate", "--down-to", itoa(previousRelease)); !strings.HasPrefix(got, "schema 19 ") {
		t.Fatalf("migrate --down-to 19 printed %q", got)
	}
	// The console would migrate forward again at start: on the previous
	// release's schema the figures are compared in plain SQL, the entries'
	// sums beside the daily totals that release reads.
	if at19 := ledgerSums(t, databaseURL); at19 != sumsOnNew {
		t.Errorf("sums on schema 19 differ:\n got %s\nwant %s", at19, sumsOnNew)
	}
	jobsbot("", "migrate")
	if again := ledgerSums(t, databaseURL); again != sumsOnNew {
		t.Errorf("sums after going forward differ:\n got %s\nwant %s", again, sumsOnNew)
	}
	if again := status(); again != onNew {
		t.Errorf("status after down to %d and up again differs:\n got %s\nwant %s", previousRelease, again, onNew)
	}
	if got := jobsbot("", "migrate", "--status"); !strings.HasPrefix(got, "schema "+itoa(latest)+" ") {
		t.Errorf("migrate --status after going forward: %q", got)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// ledgerSums is the live entries' sum per year and status, and the same
// from program_days and department_days, the totals every schema since 00002
// keeps.
func ledgerSums(t *testing.T, databaseURL string) string {
	t.Helper()
	conn, err := sqlx.Connect("postgres", databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var rows []string
	err = conn.Select(&rows, `
		SELECT 'entries ' || y || ' ' || status || ' ' || jobs FROM (
			SELECT extract(year FROM as_of)::int AS y, status, sum(count) AS jobs FROM entries WHERE voided_at IS NULL GROUP BY 1, 2) e
		UNION ALL
		SELECT 'program_days ' || y || ' ' || status || ' ' || jobs FROM (
			SELECT extract(year FROM day)::int AS y, status, sum(jobs) AS jobs FROM program_days GROUP BY 1, 2) p
		UNION ALL
		SELECT 'department_days ' || y || ' ' || status || ' ' || jobs FROM (
			SELECT extract(year FROM day)::int AS y, status, sum(jobs) AS jobs FROM department_days GROUP BY 1, 2) d
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("the ledger is empty")
	}
	return strings.Join(rows, "; ")
}
