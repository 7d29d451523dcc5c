-- +goose Up
-- A 정정 of a delta that a later 누계 counted asks 누계포함 (review r13 S6).
-- Its answer is a fact of the 정정, kept here: separate is true when it
-- was answered 아니오 (the change is separate jobs, the later reports keep
-- their increments). Told apart from the stamps or the transaction before,
-- which a replay's standing clock and a dump/restore defeat (review r16
-- BREAK 1, 3). Every 정정 before 1.8.0 re-based the later reports: false.
ALTER TABLE entry_corrections ADD COLUMN separate boolean NOT NULL DEFAULT false;
-- 1.8.0 asked already, and told the answer as below (adjustments.go): a
-- 정정 of a delta by a different figure whose original re-based no report
-- in the 정정's transaction or after it was answered 아니오. Kept so for
-- the 정정s made since, while their rows are as 1.8.0 wrote them.
UPDATE entry_corrections c SET separate = true
FROM entries o, entries n
WHERE o.id = c.old_entry_id AND n.id = c.new_entry_id
  AND o.kind = 'delta' AND n.kind = 'delta' AND o.count <> n.count
  AND NOT EXISTS (SELECT 1 FROM entry_adjustments a
                  WHERE a.cause_entry_id = c.old_entry_id AND (a.xmin = c.xmin OR a.adjusted_at > c.corrected_at))
  AND EXISTS (SELECT 1 FROM entries r
              WHERE r.program_id = o.program_id AND r.status = o.status AND r.kind = 'cumulative'
                AND r.id > c.old_entry_id AND r.id < n.id
                AND r.as_of >= o.as_of AND extract(year FROM r.as_of) = extract(year FROM o.as_of));

-- +goose Down
-- The 정정 answers are lost: a later 취소 of a 정정 answered 아니오
-- re-bases as one answered 예 would.
ALTER TABLE entry_corrections DROP COLUMN separate;
