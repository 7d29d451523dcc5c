package dbtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"jobsbot/db"
)

// The migrated template a test database is copied from is named by a hash
// of the embedded migrations (db.SchemaDigest), so a changed or added
// migration builds a new one and never copies a stale schema. It is built
// once per schema, by whichever test process first needs it: under a
// PostgreSQL advisory lock (test processes of several packages, and of
// other checkouts sharing the server, start together), migrated under a
// temporary name and renamed when complete, so a template that exists by
// its name is whole. Templates of other schemas built more than
// staleTemplateAge ago are dropped when a new one is built, so they do not
// pile up; one another checkout still copies is simply built again.
const (
	templatePrefix   = "jobsbot_tmpl_"
	templateLockKey  = 4869956 // pg_advisory_lock key of template builds
	staleTemplateAge = time.Hour
	// buildingInfix marks a template being migrated; a build that died
	// leaves one, dropped like a stale template.
	buildingInfix = "_building_"
)

// templateName is the template of the schema this binary embeds.
func templateName() string { return templatePrefix + db.SchemaDigest()[:16] }

// createFromTemplate creates database name as a copy of the migrated
// template, building the template first if it does not exist yet. Should
// the template vanish between the two (another checkout's process dropped
// it as stale), it is built again.
func createFromTemplate(ctx context.Context, admin *sql.DB, server, name string) error {
	tmpl := templateName()
	var err error
	for range 3 {
		if err = ensureTemplate(ctx, admin, server, tmpl); err != nil {
			return err
		}
		// PostgreSQL 15's default strategy, WAL_LOG: FILE_COPY forces a
		// checkpoint, which took 2 s a copy on a busy server against under 1.
		_, err = admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(name)+
			` TEMPLATE `+pq.QuoteIdentifier(tmpl))
		if err == nil {
			return nil
		}
		if e := pq.As(err); e == nil || e.Code != "3D000" { // invalid_catalog_name: the template is gone
			return fmt.Errorf("copy of template %s: %w", tmpl, err)
		}
	}
	return fmt.Errorf("copy of template %s: %w", tmpl, err)
}

// templateExists reports whether database tmpl exists.
func templateExists(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, tmpl string) (bool, error) {
	var exists bool
	err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, tmpl).Scan(&exists)
	return exists, err
}

// ensureTemplate builds template tmpl unless it exists.
func ensureTemplate(ctx context.Context, admin *sql.DB, server, tmpl string) error {
	if ok, err := templateExists(ctx, admin, tmpl); err != nil || ok {
		return err
	}
	// A session lock holds on one connection: take one for the build.
	conn, err := admin.Conn(ctx)
	if err != nil {
		return fmt.Errorf("template %s: %w", tmpl, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, templateLockKey); err != nil {
		return fmt.Errorf("template %s: lock: %w", tmpl, err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, templateLockKey) //nolint:errcheck // closing the connection unlocks too
	if ok, err := templateExists(ctx, conn, tmpl); err != nil || ok {
		return err // another process built it while this one waited
	}
	building := tmpl + buildingInfix + randomHex(4)
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(building)); err != nil {
		return fmt.Errorf("template %s: %w", tmpl, err)
	}
	// The build time, read by dropStaleTemplates.
	if _, err := conn.ExecContext(ctx, `COMMENT ON DATABASE `+pq.QuoteIdentifier(building)+` IS `+
		pq.QuoteLiteral(strconv.FormatInt(time.Now().Unix(), 10))); err != nil {
		return fmt.Errorf("template %s: %w", tmpl, err)
	}
	if err := migrate(ctx, server, building); err != nil {
		_, _ = conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(building)+` WITH (FORCE)`)
		return fmt.Errorf("template %s: %w", tmpl, err)
	}
	if _, err := conn.ExecContext(ctx, `ALTER DATABASE `+pq.QuoteIdentifier(building)+` RENAME TO `+pq.QuoteIdentifier(tmpl)); err != nil {
		return fmt.Errorf("template %s: %w", tmpl, err)
	}
	return dropStaleTemplates(ctx, conn, tmpl)
}

// migrate runs the migrations on database name, then closes every
// connection to it (a database being copied must have none).
func migrate(ctx context.Context, server, name string) error {
	u, err := databaseURL(server, name)
	if err != nil {
		return err
	}
	s, err := db.Open(ctx, u)
	if err != nil {
		return err
	}
	err = s.Migrate(ctx)
	return errors.Join(err, s.Close())
}

// dropStaleTemplates drops the templates of other schemas, and builds that
// never finished, made more than staleTemplateAge ago. One being copied at
// that moment is left (DROP without FORCE fails); a later build drops it.
func dropStaleTemplates(ctx context.Context, conn *sql.Conn, keep string) error {
	rows, err := conn.QueryContext(ctx, `SELECT datname, coalesce(shobj_description(oid, 'pg_database'), '')
		FROM pg_database WHERE datname LIKE $1 AND datname <> $2`, strings.ReplaceAll(templatePrefix, "_", `\_`)+"%", keep)
	if err != nil {
		return fmt.Errorf("stale templates: %w", err)
	}
	var stale []string
	for rows.Next() {
		var name, built string
		if err := rows.Scan(&name, &built); err != nil {
			rows.Close()
			return fmt.Errorf("stale templates: %w", err)
		}
		at, err := strconv.ParseInt(built, 10, 64)
		if err != nil || time.Since(time.Unix(at, 0)) > staleTemplateAge {
			stale = append(stale, name)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("stale templates: %w", err)
	}
	rows.Close()
	for _, name := range stale {
		_, _ = conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(name)) // in use: left for a later build
	}
	return nil
}
