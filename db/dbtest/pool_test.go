package dbtest

import (
	"context"
	"database/sql"
	"testing"
)

// poolCounts reads what a test could leave behind in a pooled database:
// its rows, the migrations' rows and where the sequences stand.
func poolCounts(t *testing.T, name string) (entries, programs, holidays, nextProgram int64) {
	t.Helper()
	conn, err := openDatabase(context.Background(), ServerURL(), name)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = conn.QueryRow(`SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM programs),
		(SELECT count(*) FROM holidays), nextval('programs_id_seq')`).Scan(&entries, &programs, &holidays, &nextProgram)
	if err != nil {
		t.Fatal(err)
	}
	return entries, programs, holidays, nextProgram
}

func execIn(t *testing.T, name, query string) {
	t.Helper()
	conn, err := openDatabase(context.Background(), ServerURL(), name)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(query); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func databaseExists(t *testing.T, admin *sql.DB, name string) bool {
	t.Helper()
	ok, err := templateExists(context.Background(), admin, name)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// A database given back is emptied to the template's state (its rows
// deleted, the migrations' rows and the sequences put back) and handed to
// the next test; one whose schema a test changed is dropped, never reused.
func TestPoolEmptiesADatabaseOrDropsIt(t *testing.T) {
	ctx := context.Background()
	admin, err := sql.Open("postgres", ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	p := &pool{server: ServerURL()}
	t.Cleanup(p.dropAll)

	name, err := p.take(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	fresh := [4]int64{}
	fresh[0], fresh[1], fresh[2], fresh[3] = poolCounts(t, name)
	if fresh[0] != 0 || fresh[1] == 0 || fresh[2] == 0 {
		t.Fatalf("a fresh copy holds %d entries, %d programs, %d holidays; want 0 and the migrations' rows", fresh[0], fresh[1], fresh[2])
	}
	// What a test does: entries, a new program, a holiday removed.
	execIn(t, name, `INSERT INTO programs (code, name_ko, sector) VALUES ('x1', 'X', 'public');
		INSERT INTO entries (program_id, count, kind, as_of, status, source, idempotency_key)
		SELECT id, 5, 'delta', DATE '2026-11-26', 'realised', 'console', 'k1' FROM programs WHERE code = 'x1';
		DELETE FROM holidays`)
	if e, _, h, _ := poolCounts(t, name); e != 1 || h != 0 {
		t.Fatalf("after the test's writes: %d entries, %d holidays; the writes did not land", e, h)
	}
	p.give(t, name, nil)
	again, err := p.take(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	if again != name {
		t.Fatalf("took %s after giving back %s; want the emptied database reused", again, name)
	}
	got := [4]int64{}
	got[0], got[1], got[2], got[3] = poolCounts(t, again)
	// poolCounts took one value of the sequence on the fresh copy too.
	if got != fresh {
		t.Fatalf("emptied database: entries, programs, holidays, next program id = %v; want %v as fresh", got, fresh)
	}

	execIn(t, again, `ALTER TABLE entries ADD COLUMN left_behind int`)
	p.give(t, again, nil)
	if databaseExists(t, admin, again) {
		t.Fatalf("%s, its schema changed by a test, still exists; want it dropped", again)
	}
	p.mu.Lock()
	idle := len(p.idle)
	p.mu.Unlock()
	if idle != 0 {
		t.Fatalf("%d idle databases after the changed one was given back; want 0", idle)
	}
}
