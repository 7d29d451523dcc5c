package db

// The rule for 여 (approximate), in one place (issue 19). A cumulative
// report ("4월말 누계 1,250여") states the program's total through its date,
// so its 여 describes that whole total, and the latest report decides whether
// the figure is approximate now: an exact 1,250 after `400여` and `8백여`
// leaves nothing approximate. The part of a sum that is approximate *now*, as
// of the last day counted (to), is therefore
//
//   - for jobs dated on or before the program's latest live cumulative report
//     of that year and status dated on or before to: all of them if that
//     report carries 여; if it is exact, only the approximate deltas it did
//     not count (review r27 F19): recorded after it, dated on or before it,
//     re-basing no report (누계포함:아니오, separate jobs that raised its
//     total): an exact 1,400 and a separate 200여 make 1,600여;
//   - for jobs dated after it (or where there is none): the jobs of entries
//     that carry 여 themselves (approximate deltas).
//
// Every figure that shows 여 or counts "N reported as approximate" reads it
// through latestReportCTE and approxNow: status (ProgramTotals), the add
// reply (ProgramYearTotal), the digest (ProgramTotals) and the monthly report
// and export (MonthTotals). The running totals keep each entry's own flag
// (approx_jobs) only; this rule is applied when they are read.

// latestReportCTE is a WITH item named latest_report: per program, status and
// year from from's to to's (from and to are SQL expressions of type date), the
// as-of date and the 여 of the latest live cumulative report dated in that
// year on or before to. Each is one probe of the partial index
// entries_live_cumulative_latest (migration 00033), so its cost is the number
// of programs, not of entries.
func latestReportCTE(from, to string) string {
	return `latest_report AS (
		SELECT p.id AS program_id, st.status, y.year::date AS year, r.id AS report_id, r.as_of, r.approximate, r.employment_type
		FROM programs p
		CROSS JOIN (VALUES ('realised'), ('agreed')) AS st(status)
		CROSS JOIN generate_series(date_trunc('year', ` + from + `), date_trunc('year', ` + to + `), interval '1 year') AS y(year)
		CROSS JOIN LATERAL (
			SELECT e.id, e.as_of, e.approximate, e.employment_type
			FROM entries e
			WHERE e.program_id = p.id AND e.status = st.status
			  AND e.kind = 'cumulative' AND e.voided_at IS NULL
			  AND e.as_of BETWEEN y.year::date AND LEAST(` + to + `, (y.year + interval '1 year' - interval '1 day')::date)
			ORDER BY e.as_of DESC, e.id DESC
			LIMIT 1
		) r
	)`
}

// monthReportCTE is a WITH item named month_report: per program, status and
// month from from's to to's, the as-of date and the 여 of the latest live
// cumulative report of that month's year dated on or before the month's
// last day (or to, if earlier). A report's month cell carries the 여 of what
// was reported as of that month (review r25 F9): `3월말 누계 400여` keeps
// March at 400여 after an exact `5월말 누계 1,250`, while the 누계 beside it
// follows latest_report. One index probe per program, status and month.
func monthReportCTE(from, to string) string {
	return `month_report AS (
		SELECT p.id AS program_id, st.status, mo.month::date AS month, r.id AS report_id, r.as_of, r.approximate, r.employment_type
		FROM programs p
		CROSS JOIN (VALUES ('realised'), ('agreed')) AS st(status)
		CROSS JOIN generate_series(date_trunc('month', ` + from + `), date_trunc('month', ` + to + `), interval '1 month') AS mo(month)
		CROSS JOIN LATERAL (
			SELECT e.id, e.as_of, e.approximate, e.employment_type
			FROM entries e
			WHERE e.program_id = p.id AND e.status = st.status
			  AND e.kind = 'cumulative' AND e.voided_at IS NULL
			  AND e.as_of BETWEEN date_trunc('year', mo.month)::date
			      AND LEAST(` + to + `, (mo.month + interval '1 month' - interval '1 day')::date)
			ORDER BY e.as_of DESC, e.id DESC
			LIMIT 1
		) r
	)`
}

// joinLatestReport joins latest_report (as lr) to rows of alias t with
// program_id, status and the as-of date in column day.
func joinLatestReport(t, day string) string {
	return ` LEFT JOIN latest_report lr ON lr.program_id = ` + t + `.program_id AND lr.status = ` + t + `.status
		AND lr.year = date_trunc('year', ` + t + `.` + day + `)::date `
}

// approxNow is the approximate-now part of one row's jobs: day is its as-of
// date, jobs its jobs, approx the part of them from entries that carry 여
// and outside the part from approximate deltas an exact latest report did
// not count (outsideEntry, outsideDays) (all SQL expressions), joined to
// latest_report as lr.
func approxNow(day, jobs, approx, outside string) string {
	return `(CASE WHEN lr.as_of >= ` + day + ` THEN CASE WHEN lr.approximate THEN ` + jobs + ` ELSE ` + outside + ` END ELSE ` + approx + ` END)`
}

// separateDelta is the SQL condition that entry alias x is an approximate
// delta recorded after the latest report lr that re-based no report: its
// jobs are beside that report's figure, not inside it (누계포함:아니오). A
// delta inside a later report (누계포함:예) always re-bases one.
func separateDelta(x, r string) string {
	return x + `.kind = 'delta' AND ` + x + `.approximate AND ` + x + `.id > ` + r + `.report_id
		AND NOT EXISTS (SELECT 1 FROM entry_adjustments adj WHERE adj.cause_entry_id = ` + x + `.id)`
}

// outsideEntry is approxNow's outside for a row of entries aliased e,
// beside the report aliased r (lr, or a month's mr).
func outsideEntry(r string) string {
	return `(CASE WHEN ` + separateDelta("e", r) + ` THEN e.count ELSE 0 END)`
}

// outsideDays is approxNow's outside for a row d of a running-total table
// (program_id, status, day, approx_jobs); dept, when not "", is the SQL
// expression of the row's department. Only rows with approximate jobs look
// at their entries, which are few.
func outsideDays(d, dept string) string {
	cond := ""
	if dept != "" {
		cond = ` AND x.department = ` + dept
	}
	return `(CASE WHEN ` + d + `.approx_jobs = 0 THEN 0 ELSE LEAST(` + d + `.approx_jobs, (
		SELECT COALESCE(SUM(x.count), 0) FROM entries x
		WHERE x.program_id = ` + d + `.program_id AND x.status = ` + d + `.status AND x.as_of = ` + d + `.day
		  AND x.voided_at IS NULL` + cond + ` AND ` + separateDelta("x", "lr") + `)) END)`
}

// approxNowByType is approxNow for a breakdown by employment type (상용 /
// 임시 / 일용), with the latest report joined as alias r: an approximate
// report's 여 falls on the jobs of its own employment type (its increment),
// and on others only where they carry 여 themselves, so an exact `상용 100`
// beside `누계 200여 고용형태:일용` stays 100 in the 상용 row (review r24
// F21). etype and approx are the row's employment type and own-여 jobs;
// outside, as approxNow's, the approximate deltas an exact report did not
// count (review r27 F19).
func approxNowByType(r, day, jobs, approx, etype, outside string) string {
	return `(CASE WHEN ` + r + `.as_of >= ` + day + ` THEN CASE WHEN ` + r + `.approximate AND ` + etype + ` = ` + r + `.employment_type THEN ` + jobs +
		` WHEN ` + r + `.approximate THEN ` + approx + ` ELSE ` + outside + ` END ELSE ` + approx + ` END)`
}
