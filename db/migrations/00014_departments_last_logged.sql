-- +goose Up
-- The date a department last logged is read from department_days (newest
-- day with live jobs) instead of being kept on its departments row: keeping
-- it made every add of a department update the same row, so concurrent adds
-- of one department queued on it (issue 14).
ALTER TABLE departments DROP COLUMN last_logged_on;

-- +goose Down
ALTER TABLE departments ADD COLUMN last_logged_on date;
UPDATE departments d
SET last_logged_on = (SELECT max(day) FROM department_days dd WHERE dd.department = d.department AND dd.jobs > 0);
