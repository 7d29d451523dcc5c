package main

import (
	"bytes"
	"context"
	"database/sql"
	"net/url"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// TestSubcommandHelp: -h and --help on every subcommand print its usage to
// stdout and exit 0, doing nothing else: serve --help starts no server and
// creates no database, healthcheck --help asks nothing.
func TestSubcommandHelp(t *testing.T) {
	server, err := url.Parse(dbtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	name := "jobsbot_help_" + commands.RandomHex(6)
	server.Path = "/" + name
	t.Setenv("DATABASE_URL", server.String())
	t.Setenv("ADDR", "127.0.0.1:1") // healthcheck would fail here
	for _, sub := range []string{"console", "serve", "digest", "export", "remind", "migrate", "healthcheck"} {
		for _, flag := range []string{"-h", "--help", "-help"} {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{sub, flag}, strings.NewReader(""), &stdout, &stderr)
			if code != 0 || stderr.Len() > 0 || !strings.HasPrefix(stdout.String(), "Usage: jobsbot "+sub) {
				t.Errorf("jobsbot %s %s: exit %d, stdout %q, stderr %q; want its usage and exit 0", sub, flag, code, stdout.String(), stderr.String())
			}
		}
	}
	admin, err := sql.Open("postgres", dbtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var exists bool
	if err := admin.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		_, _ = admin.Exec(`DROP DATABASE ` + name)
		t.Errorf("a --help created the database %s", name)
	}
}

func TestVersion(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"--version"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("--version: exit %d, %s", code, stderr.String())
	}
	if got := stdout.String(); !strings.HasPrefix(got, "jobsbot "+release+" (commit ") {
		t.Errorf("--version printed %q; want jobsbot %s (commit …)", got, release)
	}
}
