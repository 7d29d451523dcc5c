-- +goose Up
-- What a 정정 re-based the later 누계 reports by (the sum of new less old
-- increments of the re-basings its original's void made in the 정정's
-- transaction), kept as a fact of the 정정 (review r21 B3, r19b F1/F2).
-- `목록 무효` tells what the 정정s moved from it. Before, it was told from
-- transaction ids (xmin) and stamps, which a pg_dump/pg_restore or an
-- import of the same ledger do not keep: the copy printed another figure
-- while every SUM was the same. The 정정 (and an import's replay of it)
-- writes it in its own transaction; a 취소 of the 정정 removes its row.
ALTER TABLE entry_corrections ADD COLUMN rebased bigint NOT NULL DEFAULT 0;
-- Backfill: the reading `목록 무효` made until now. A 정정 whose transaction
-- is still told apart (the original's void carries the 정정's xmin) takes
-- the re-basings of its original made in that transaction or stamped after
-- it, as before. On a ledger restored from pg_dump since (every row has a
-- new xmin), a re-basing of the original stamped at or after the 정정's
-- instant is the 정정's (00049's reading): the original was voided by it,
-- so nothing later re-bases for it, and a re-basing made when the
-- original was recorded is stamped before the 정정.
UPDATE entry_corrections c SET rebased = s.jobs
FROM (SELECT c2.old_entry_id, SUM(a.new_count - a.old_count) AS jobs
      FROM entry_corrections c2
      JOIN entries o ON o.id = c2.old_entry_id
      JOIN entry_adjustments a ON a.cause_entry_id = c2.old_entry_id
      WHERE CASE WHEN o.xmin = c2.xmin THEN a.xmin = c2.xmin OR a.adjusted_at > c2.corrected_at
                 ELSE a.adjusted_at >= c2.corrected_at END
      GROUP BY c2.old_entry_id) s
WHERE s.old_entry_id = c.old_entry_id;

-- +goose Down
-- `목록 무효` of a version before 1.10.0 tells the figure from xmin and
-- stamps again; nothing else reads the column.
ALTER TABLE entry_corrections DROP COLUMN rebased;
