-- +goose Up
-- Officials write the investment programme as plain 투자 (`추가 2400여 투자 누계 4월말`):
-- give the seeded program that alias, unless the city has renamed it or another
-- program already answers to the word.
UPDATE programs SET aliases = array_append(aliases, '투자'), updated_at = now()
WHERE code = 'invest' AND NOT ('투자' = ANY(aliases))
  AND NOT EXISTS (SELECT 1 FROM program_names WHERE name = '투자');
INSERT INTO program_names (name, program_id)
SELECT '투자', id FROM programs
WHERE code = 'invest' AND '투자' = ANY(aliases)
ON CONFLICT DO NOTHING;

-- +goose Down
DELETE FROM program_names WHERE name = '투자'
  AND program_id = (SELECT id FROM programs WHERE code = 'invest');
UPDATE programs SET aliases = array_remove(aliases, '투자') WHERE code = 'invest';
