-- +goose Up
-- 00047's backfill told a 1.7.0 정정 from a 누계포함:아니오 one by its
-- transaction (xmin) or a re-basing stamped after it. A ledger restored from
-- pg_dump before the upgrade (deploy/README's own backup step) has new
-- transaction ids, and 1.7.0 stamped a 정정 and the re-basings it made with
-- the same now(): such a 정정, which re-based the later 누계 reports (every
-- 1.7.0 정정 did), was marked separate, and a later 무효 or 취소 of its
-- replacement took the jobs out of the reports it had kept (review r19 F6).
-- A 정정 answered 아니오 re-bases nothing of its own, so a re-basing caused by
-- its original and stamped with the 정정's own instant is the 정정's: it
-- was answered 예 (or never asked). Under the real clock no other re-basing
-- shares that instant; a replay's standing clock (console --today) could,
-- which is why this runs once, on upgrade, over the ledger as it stands.
UPDATE entry_corrections c SET separate = false
WHERE c.separate
  AND EXISTS (SELECT 1 FROM entry_adjustments a
              WHERE a.cause_entry_id = c.old_entry_id AND a.adjusted_at = c.corrected_at);

-- +goose Down
-- Nothing to undo: the repaired 정정s read as 1.7.0 made them.
SELECT 1;
