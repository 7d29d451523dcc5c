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
-- Backfill: the reading `목록 무효` made until now, where it holds. A 정정
-- whose transaction is still told apart (the original's void carries the
-- 정정's xmin) takes the re-basings of its original made in that
-- transaction or stamped after it, as before. That does not hold where the
-- original was recorded in the 정정's own transaction: an entries export
-- imported (one transaction for the whole file) replays the original's add,
-- the re-basing its 누계포함:예 made, and its 정정 together, and the
-- re-basing made at the add would count as the 정정's (review r23 B6).
-- Such a 정정, and every 정정 on a ledger restored from pg_dump since (every
-- row has a new xmin), takes the re-basings of its original stamped at or
-- after the 정정's instant (00049's reading; an import keeps the file's
-- instants) and, as a replay's standing clock (console --today) ties the
-- stamps, two more rules from the ledger's order, which the copies keep:
--   * the re-basing made when the original was recorded is not the 정정's:
--     the original's first re-basing of a report recorded before it (an
--     entry re-bases a report recorded before it only when its add did, a
--     누계포함:예 delta or a 누계 dated before the report; a 정정's
--     replacement, whose add re-bases nothing, is not taken so);
--   * a re-basing of a report that one of another cause later undid before
--     the original re-based that report again is not the 정정's: a 취소 of
--     an earlier 정정 of the same original (review r23 M1).
UPDATE entry_corrections c SET rebased = s.jobs
FROM (SELECT c2.old_entry_id, SUM(a.new_count - a.old_count) AS jobs
      FROM entry_corrections c2
      JOIN entries o ON o.id = c2.old_entry_id
      JOIN entry_adjustments a ON a.cause_entry_id = c2.old_entry_id
      WHERE CASE WHEN o.xmin = c2.xmin
                      AND NOT EXISTS (SELECT 1 FROM import_entries i
                                      WHERE i.entry_id = c2.old_entry_id AND i.xmin = c2.xmin)
                 THEN a.xmin = c2.xmin OR a.adjusted_at > c2.corrected_at
                 ELSE a.adjusted_at >= c2.corrected_at
                      AND NOT (a.entry_id < c2.old_entry_id
                               AND NOT EXISTS (SELECT 1 FROM entry_corrections p WHERE p.new_entry_id = c2.old_entry_id)
                               AND a.id = (SELECT min(f.id) FROM entry_adjustments f
                                           WHERE f.cause_entry_id = a.cause_entry_id AND f.entry_id = a.entry_id))
                      AND NOT EXISTS (SELECT 1 FROM entry_adjustments u
                                      JOIN entry_adjustments r ON r.entry_id = u.entry_id AND r.cause_entry_id = a.cause_entry_id
                                                              AND r.id > u.id
                                      WHERE u.entry_id = a.entry_id AND u.id > a.id
                                        AND u.cause_entry_id <> a.cause_entry_id)
            END
      GROUP BY c2.old_entry_id) s
WHERE s.old_entry_id = c.old_entry_id;

-- +goose Down
-- `목록 무효` of a version before 1.10.0 tells the figure from xmin and
-- stamps again; nothing else reads the column.
ALTER TABLE entry_corrections DROP COLUMN rebased;
