package main

import (
	"bytes"
	"database/sql"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lib/pq"

	"jobsbot/db/dbtest"
)

// testBinary is the jobsbot binary the end-to-end tests run, built by the
// first test that needs it. Each test used to run its own `go build`: every
// one of them builds the same source, and on the two-CPU CI machine beside
// the other packages' tests the link alone took 30-50 s a test (TestConfigErrorsNameTheVariable,
// which runs the binary once, took 56 s). It is package state because
// a test binary's TestMain is the only owner the tests have in common; the
// folder is removed when they end.
var testBinary struct {
	once sync.Once
	dir  string
	path string
	out  []byte
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if testBinary.dir != "" {
		_ = os.RemoveAll(testBinary.dir)
	}
	os.Exit(code)
}

// buildBinary returns the path of jobsbot built from this checkout, built
// once for all the package's tests. A failed build fails every test that
// asks for the binary, each with the compiler's output.
func buildBinary(t *testing.T) string {
	t.Helper()
	testBinary.once.Do(func() {
		testBinary.dir, testBinary.err = os.MkdirTemp("", "jobsbot-test-")
		if testBinary.err != nil {
			return
		}
		testBinary.path = filepath.Join(testBinary.dir, "jobsbot")
		testBinary.out, testBinary.err = exec.Command("go", "build", "-o", testBinary.path, ".").CombinedOutput()
	})
	if testBinary.err != nil {
		t.Fatalf("go build: %v\n%s", testBinary.err, testBinary.out)
	}
	return testBinary.path
}

// consoleEnv is a clean environment pointing the binary at databaseURL, so a
// developer's own .env or variables cannot change what the test sees.
func consoleEnv(databaseURL string) []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "DATABASE_URL=" + databaseURL, "LOG_LEVEL=warn"}
}

// TestConsoleArticleSession pipes the article's April figures into the real
// binary, as the README tells a newcomer to, and reads the status it prints.
func TestConsoleArticleSession(t *testing.T) {
	bin := buildBinary(t)
	session := strings.Join([]string{
		"/jobs target 2만500",
		"/jobs add 2400여 invest date:4월말",
		"/jobs add 6백여 rail date:4월말",
		"/jobs add 180 youth date:4월말",
		"/jobs add 1700 social date:4월말",
		"/jobs add 7100 vulnerable date:4월말",
		"/jobs add 일자리 youth",
		"/jobs add 0 youth",
		"/jobs add 180 nosuchprogram",
		"/jobs add '; DROP TABLE entries; --",
		"/jobs status",
	}, "\n") + "\n"
	cmd := exec.Command(bin, "console", "--manager", "--today", "2026-11-26")
	cmd.Dir = t.TempDir() // no stray .env
	cmd.Env = consoleEnv(dbtest.URL(t))
	cmd.Stdin = strings.NewReader(session)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("jobsbot console: %v\nstderr:\n%s", err, stderr.String())
	}
	replies := strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n\n")
	status := stdout.String()[strings.LastIndex(stdout.String(), "Jobs status"):]
	for _, want := range []string{"Total: about 11,980 of the 20,500 target (58%)", "Public 8,980 · Private about 3,000"} {
		if !strings.Contains(status, want) {
			t.Errorf("final status lacks %q:\n%s", want, status)
		}
	}
	for _, want := range []string{"`일자리` is not a number", "at least 1", "I don't know the program `nosuchprogram`", "`';` is not a number"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if len(replies) < 11 {
		t.Errorf("got %d blank-line separated replies; want at least 11:\n%s", len(replies), stdout.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr not empty at LOG_LEVEL=warn:\n%s", stderr.String())
	}
}

func TestConsoleDemo(t *testing.T) {
	bin := buildBinary(t)
	databaseURL := dbtest.MigratedURL(t)
	demoURL, err := demoDatabaseURL(databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dropDatabase(t, demoURL) })
	cmd := exec.Command(bin, "console", "--demo", "--today", "2026-11-26")
	cmd.Dir = t.TempDir()
	cmd.Env = consoleEnv(databaseURL)
	cmd.Stdin = strings.NewReader("status\ncandidate list\nlist\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("jobsbot console --demo: %v\n%s", err, out)
	}
	// list: this year's entries come before last year's curve, loaded later.
	for _, want := range []string{"about 11,980 of the 20,500 target (58%)", "한빛제과 협동조합", "Applied 1",
		"#7 · 2026-11-25 · invest +120", "#1 · 2026-04-30 · invest about +2,400"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
}

// dropDatabase drops a database the binary created on its own (the demo's),
// which dbtest does not know about.
func dropDatabase(t *testing.T, databaseURL string) {
	u, err := url.Parse(databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	u.Path = "/postgres"
	admin, err := sql.Open("postgres", u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + pq.QuoteIdentifier(name) + ` WITH (FORCE)`); err != nil {
		t.Errorf("dropping %s: %v", name, err)
	}
}

func TestConfigErrorsNameTheVariable(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "console")
	cmd.Dir = t.TempDir()
	cmd.Env = append(consoleEnv("postgres://127.0.0.1:1/x"), "BOT_TIMEZONE=Mars/Olympus")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "BOT_TIMEZONE") || strings.Count(strings.TrimSpace(string(out)), "\n") != 0 {
		t.Fatalf("want one line naming BOT_TIMEZONE and a failure; got %v:\n%s", err, out)
	}
}

// TestConsoleSkipsOverlongLine: a line over 1 MiB is refused with a message
// and the lines after it still run, through the real binary.
func TestConsoleSkipsOverlongLine(t *testing.T) {
	bin := buildBinary(t)
	huge := "add 5 youth " + strings.Repeat("x", 1<<20+10)
	cmd := exec.Command(bin, "console", "--today", "2026-11-26")
	cmd.Dir = t.TempDir()
	cmd.Env = consoleEnv(dbtest.MigratedURL(t))
	cmd.Stdin = strings.NewReader("add 3 youth\n" + huge + "\nadd 2 youth\nlist")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("jobsbot console: %v\nstderr:\n%s", err, stderr.String())
	}
	out := stdout.String()
	if !strings.Contains(out, "longer than 1 MiB") {
		t.Errorf("no refusal of the long line:\n%.2000s", out)
	}
	if !strings.Contains(out, "entry #2") || strings.Contains(out, "entry #3") {
		t.Errorf("the lines around the long one did not run exactly once each:\n%.2000s", out)
	}
	if !strings.Contains(out, "#2") || !strings.Contains(out, "#1") || len(out) > 10000 {
		t.Errorf("the last line (list, no newline) did not run, or the long line was echoed:\n%.2000s", out)
	}
}

// `jobsbot migrate --rebuild-totals` repairs totals a previous version left
// out of step with the entries (an upgrade with old replicas still writing:
// they add their entries' share to the totals beside the triggers).
func TestMigrateRebuildsTotals(t *testing.T) {
	databaseURL := dbtest.URL(t)
	bin := buildBinary(t)
	migrate := func(args ...string) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"migrate"}, args...)...)
		cmd.Env = consoleEnv(databaseURL)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("jobsbot migrate %v: %v\n%s", args, err, out)
		}
	}
	migrate()
	conn, err := sql.Open("postgres", databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// An entry written as an older version would: the trigger counts it, and
	// the old version counts it again in the program and department totals.
	for _, q := range []string{
		`INSERT INTO entries (program_id, count, kind, as_of, status, department, logged_by, source, idempotency_key)
		 SELECT id, 30, 'delta', '2026-03-28', 'realised', department, 'U_OLD', 'slash', 'old-replica-1' FROM programs WHERE code = 'youth'`,
		`UPDATE program_days SET jobs = jobs + 30 WHERE day = '2026-03-28'`,
		`UPDATE program_months SET jobs = jobs + 30 WHERE month = '2026-03-01'`,
		`UPDATE department_days SET jobs = jobs + 30 WHERE day = '2026-03-28'`,
		`UPDATE department_months SET jobs = jobs + 30 WHERE month = '2026-03-01'`,
	} {
		if _, err := conn.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	const behind = `SELECT (SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL)
		- (SELECT coalesce(sum(jobs), 0) FROM program_months)`
	var missing int64
	if err := conn.QueryRow(behind).Scan(&missing); err != nil || missing != -30 {
		t.Fatalf("before the rebuild program_months is %d jobs behind (%v), want -30 (ahead)", missing, err)
	}
	migrate("--rebuild-totals")
	for _, q := range []string{behind,
		`SELECT (SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL) - (SELECT coalesce(sum(jobs), 0) FROM department_months)`,
		`SELECT (SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL) - (SELECT coalesce(sum(jobs), 0) FROM employment_months)`,
	} {
		if err := conn.QueryRow(q).Scan(&missing); err != nil || missing != 0 {
			t.Errorf("after the rebuild a monthly table is %d jobs behind the entries (%v): %s", missing, err, q)
		}
	}
}
