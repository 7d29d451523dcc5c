package dbtest

import (
	"context"
	"database/sql"
	"strconv"
	"testing"
	"time"

	"github.com/lib/pq"

	"jobsbot/db"
)

// New copies the template of this schema: a database at the latest
// migration, its template named by the migrations' digest.
func TestNewCopiesTheMigratedTemplate(t *testing.T) {
	ctx := context.Background()
	s := New(t)
	if v, err := s.SchemaVersion(ctx); err != nil || v != db.LatestSchema() {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, db.LatestSchema())
	}
	admin, err := sql.Open("postgres", ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if ok, err := templateExists(ctx, admin, templateName()); err != nil || !ok {
		t.Fatalf("template %s exists: %t, %v", templateName(), ok, err)
	}
}

// Templates of other schemas built more than staleTemplateAge ago, and
// builds left unfinished, are dropped; a recent one (another checkout's,
// in use) and this schema's are kept.
func TestStaleTemplatesAreDropped(t *testing.T) {
	ctx := context.Background()
	admin, err := sql.Open("postgres", ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	suffix := randomHex(4)
	old, recent, broken := templatePrefix+"old"+suffix, templatePrefix+"new"+suffix, templatePrefix+"x"+buildingInfix+suffix
	for name, built := range map[string]string{
		old:    strconv.FormatInt(time.Now().Add(-2*staleTemplateAge).Unix(), 10),
		recent: strconv.FormatInt(time.Now().Unix(), 10),
		broken: "",
	} {
		if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name)); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { drop(t, ServerURL(), name) })
		if built != "" {
			if _, err := admin.ExecContext(ctx, `COMMENT ON DATABASE `+pq.QuoteIdentifier(name)+` IS `+pq.QuoteLiteral(built)); err != nil {
				t.Fatal(err)
			}
		}
	}
	conn, err := admin.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := dropStaleTemplates(ctx, conn, templateName()); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{old: false, broken: false, recent: true} {
		if ok, err := templateExists(ctx, admin, name); err != nil || ok != want {
			t.Errorf("%s exists: %t, %v; want %t", name, ok, err, want)
		}
	}
}
