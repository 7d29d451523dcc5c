-- +goose Up
-- An import preview (db/import_preview.go) reads one REPEATABLE READ snapshot
-- so that its figures are the file's alone (review r40 M1). Its simulated
-- entries went through entries_totals like any write, which upserts the
-- program, department and employment totals rows every add of the same
-- program and days updates too: an add committed after the preview's
-- snapshot made the preview's upsert fail with a serialization error, on
-- every retry while adds went on (review r42 B3). A preview reads no totals
-- row it writes (db/totals.go, totalThrough reads entries in a preview), and
-- its transaction is always rolled back: within it the totals triggers do
-- nothing. The preview marks its transaction with SET LOCAL jobsbot.preview
-- = 'on'; no other writer sets it.
DROP TRIGGER entries_totals_insert ON entries;
DROP TRIGGER entries_totals_update ON entries;
DROP TRIGGER entries_totals_delete ON entries;
CREATE TRIGGER entries_totals_insert AFTER INSERT ON entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    WHEN (current_setting('jobsbot.preview', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION entries_totals();
CREATE TRIGGER entries_totals_update AFTER UPDATE ON entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    WHEN (current_setting('jobsbot.preview', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION entries_totals();
CREATE TRIGGER entries_totals_delete AFTER DELETE ON entries
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    WHEN (current_setting('jobsbot.preview', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION entries_totals();

-- A transaction that wrote entries with the totals triggers off never
-- commits: at COMMIT this deferred check fails it, so the totals can never be
-- left behind the ledger by a preview that was, by a bug, not rolled back.
-- +goose StatementBegin
CREATE FUNCTION entries_preview_never_commits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'JB002',
        MESSAGE = 'an import preview wrote entries with the totals triggers off; it must be rolled back';
END $$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER entries_preview_never_commits AFTER INSERT OR UPDATE OR DELETE ON entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('jobsbot.preview', true) = 'on') EXECUTE FUNCTION entries_preview_never_commits();

-- +goose Down
DROP TRIGGER entries_preview_never_commits ON entries;
DROP FUNCTION entries_preview_never_commits();
DROP TRIGGER entries_totals_insert ON entries;
DROP TRIGGER entries_totals_update ON entries;
DROP TRIGGER entries_totals_delete ON entries;
CREATE TRIGGER entries_totals_insert AFTER INSERT ON entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entries_totals();
CREATE TRIGGER entries_totals_update AFTER UPDATE ON entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entries_totals();
CREATE TRIGGER entries_totals_delete AFTER DELETE ON entries
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entries_totals();
