package db_test

import (
	"context"
	"database/sql"
	"net/url"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// TestOpenExistingCreatesNothing: without DATABASE_URL, jobsbot opens the
// default database only if it exists, and says how to create it otherwise.
func TestOpenExistingCreatesNothing(t *testing.T) {
	t.Parallel()
	u, err := url.Parse(dbtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	name := "jobsbot_absent_" + commands.RandomHex(6)
	u.Path = "/" + name
	_, err = db.OpenExisting(context.Background(), u.String())
	if err == nil || !strings.Contains(err.Error(), "createdb "+name) {
		t.Fatalf("OpenExisting on a missing database: %v; want a refusal naming createdb %s", err, name)
	}
	admin, err := sql.Open("postgres", dbtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var exists bool
	if err := admin.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil || exists {
		t.Fatalf("database %s exists=%v (%v) after OpenExisting", name, exists, err)
	}
}
