package main

import (
	"slices"
	"strings"
)

// subcommandUsage is a subcommand's usage, shown by `jobsbot SUBCOMMAND -h`
// (or --help); false for a name that is no subcommand.
func subcommandUsage(name string) (string, bool) {
	text, ok := map[string]string{
		"console": `Usage: jobsbot console [--user ID] [--manager] [--demo] [--lang ko|en] [--today YYYY-MM-DD]

Type /jobs commands in a terminal, as a Slack user would.
  --user ID      the Slack user ID to act as (default "console")
  --manager      act as a manager
  --demo         DROP and recreate the database <name>_demo (never the configured one) and load the demo
  --lang ko|en   reply language
  --today DATE   pretend today is DATE
`,
		"serve": `Usage: jobsbot serve

Run the Slack bot (Socket Mode when SLACK_APP_TOKEN is set, else HTTP on ADDR).
It answers /healthz at once, waits for PostgreSQL with backoff (/readyz 503
meanwhile), migrates the database, then serves. Settings: .env.example.
`,
		"digest": `Usage: jobsbot digest [--week 2026-W17] [--post] [--chart FILE] [--demo] [--today YYYY-MM-DD]

Print, chart or post the weekly digest.
`,
		"export": `Usage: jobsbot export --format xlsx|csv [--year 2026] [--as-of 2026-04-30] [--what report|entries] [--all] [--unit 부서] [--today DATE] -o FILE

Write the monthly report or the entries to FILE.
  --format xlsx|csv  the file's format (default xlsx)
  --year YEAR        the year to export; default this year
  --as-of DATE       the report date, e.g. 2026-04-30 or 4월말: no figure after it, 누계 and
                     달성률 through it, the targets in force on it, 전년 동기 to the same day a
                     year earlier; default today for this year, 31 December for a past one
  --what WHAT        report (every view) or entries (one row per entry); default report
  --all              entries of every year, not only --year's
  --unit 부서        the 작성 부서 printed above the report; default REPORT_UNIT
  --today DATE       pretend today is DATE (YYYY-MM-DD), as console --today does
  -o FILE            the file to write (required)
`,
		"import": `Usage: jobsbot import [--dry-run] [--what entries|report] [--year 2025] [--by NAME] [--today DATE] [--lang ko|en] FILE

Import an entries workbook or CSV the bot exported, a monthly report workbook, or a filled-in
department template, exactly once and all or nothing. It first prints a preview: rows read per
program and month, what will be added, and every problem by line.
  --dry-run          preview only: read and check the file, write nothing
  --what WHAT        entries or report: which sheet of a workbook holding both (default entries)
  --year YEAR        the report's year when its title does not give one
  --by NAME          who imports, recorded with each entry (default cli)
  --today DATE       pretend today is DATE (YYYY-MM-DD), as console --today does: a file
                     exported from a session replayed with --today imports into another
  --lang LANG        ko or en: the language of the preview and of a failure (default ko)
`,
		"remind": `Usage: jobsbot remind [--month 2026-11] [--round 1|2] [--dry-run]

Send (or list, with --dry-run) a month-end reminder round, once.
`,
		"migrate": `Usage: jobsbot migrate [--rebuild-totals | --down-to N | --status]

Create or upgrade the database schema, then exit.
  --rebuild-totals  recompute every total from the entries after migrating
  --down-to N       roll the schema back to version N (deploy/README.md, Rolling back)
  --status          print the schema version and the newest this binary knows; change nothing
`,
		"healthcheck": `Usage: jobsbot healthcheck

Exit 0 if the server on ADDR answers /healthz with 200, else 1.
`,
	}[name]
	return text, ok
}

// wantsHelp reports whether a subcommand's arguments ask for its usage.
func wantsHelp(args []string) bool {
	end := slices.Index(args, "--") // after "--" nothing is a flag
	if end < 0 {
		end = len(args)
	}
	return slices.ContainsFunc(args[:end], func(a string) bool {
		return a == "-h" || a == "-help" || a == "--help" || strings.HasPrefix(a, "--help=") || strings.HasPrefix(a, "-h=")
	})
}
