package commands_test

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/export"
)

// monthApproxSQL is the 여 oracle for one month's cell of a report as of
// asOf: the live realised jobs of code (all programs for "") dated in
// [from, to] that were approximate as of the cell's end (to, or asOf if
// earlier), i.e. as the latest cumulative report dated on or before then
// says (for jobs dated on or before it) or, after it, as the entries
// themselves say (review r25 F9: a month keeps what was reported for it).
// For the 누계 (to = asOf) it is the approximate-now part.
func (h *harness) monthApproxSQL(code string, from, to, asOf time.Time) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0)
		FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL AND e.status = 'realised' AND ($1 = '' OR p.code = $1)
		  AND e.as_of BETWEEN $2::date AND $3::date
		  AND coalesce((
		        SELECT CASE WHEN r.as_of >= e.as_of THEN r.approximate END
		        FROM entries r
		        WHERE r.program_id = e.program_id AND r.status = 'realised' AND r.kind = 'cumulative'
		          AND r.voided_at IS NULL AND r.as_of <= LEAST($3::date, $4::date)
		          AND extract(year FROM r.as_of) = extract(year FROM e.as_of)
		        ORDER BY r.as_of DESC, r.id DESC LIMIT 1), e.approximate)`,
		code, from.Format(time.DateOnly), to.Format(time.DateOnly), asOf.Format(time.DateOnly))
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// A month cell of the monthly report carries 여 when a figure of that month
// was approximate as of the month's end, by the rule the 누계 beside it
// follows as of the report date (the latest report decides for the jobs up
// to it; after it only entries with 여 are), so a later exact 누계 leaves a
// past month's 여 as reported (review r25 F9), and never carried from
// an earlier month (review r20 F23): in
// the text reply and in the workbook, whose cell stays a number and shows 여
// through its number format (review r4 L2; k35 L1).
func TestReportMonthCellsCarryApproximate(t *testing.T) {
	t.Parallel()
	asOf := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	monthSpan := func(m int) (time.Time, time.Time) {
		first := time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(0, 1, -1)
	}
	split := regexp.MustCompile(`\s{2,}`)
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		for _, line := range []string{
			"target 2만",
			// rail: 400여, 800여, then an exact 1,250 through March:
			// January and February keep their 여, March and the 누계 are
			// exact; a 30여 delta in April is not.
			"add 400여 rail cumulative date:2026-01-31",
			"add 800여 rail cumulative date:2026-02-28",
			"add 1250 rail cumulative date:2026-03-31",
			"add 30여 rail date:2026-04-15",
			// youth: an approximate delta in February, an exact one in March.
			"add 300여 youth date:2026-02-10",
			"add 50 youth date:2026-03-05",
			// senior: an exact 100 through January, then 500여 through May:
			// May's increment carries 여 (and the 누계), January stays 100.
			"add 100 senior cumulative date:2026-01-31",
			"add 500여 senior cumulative date:2026-05-31",
			// An exact delta after it: the figure through June is still
			// approximate (the 누계 says so), but June's own cell is exact
			// (review r20 F23).
			"add 20 senior date:2026-06-10",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		labels := map[string][2]string{ // code: English and Korean row label prefixes
			"youth":  {"Youth jobs", "청년일자리"},
			"rail":   {"Rail-side", "고속철도변"},
			"senior": {"Jobs for seniors", "노인 일자리"},
			"":       {"Total", "합계"},
		}
		pick := 0
		if lang == commands.Korean {
			pick = 1
		}
		r := h.run("U1", "report 2026-06-30", commands.OutcomeOK)
		table := r.Sections[0].Lines
		sawApprox := false
		for code, lbl := range labels {
			var cells []string
			for _, line := range table[1:] {
				if f := split.Split(line, -1); strings.HasPrefix(f[0], lbl[pick]) {
					cells = f[1:]
				}
			}
			if len(cells) != 6 {
				t.Fatalf("%s: no row %q with six months in\n%s", lang, lbl[pick], strings.Join(table, "\n"))
			}
			for m := 1; m <= 6; m++ {
				from, to := monthSpan(m)
				sum, approx := h.sumSQL(code, from, to), h.monthApproxSQL(code, from, to, asOf)
				want := "-"
				switch {
				case sum > 0 && approx > 0:
					want, sawApprox = approxFig(lang, formatCount(sum)), true
				case sum > 0:
					want = formatCount(sum)
				}
				// ※ marks a 누계 report covering earlier months (k43); the
				// figure is what this test checks.
				if got := strings.TrimSuffix(cells[m-1], "※"); got != want {
					t.Errorf("%s %q month %d: %q, want %q (ledger %d, %d approximate now)", lang, lbl[pick], m, got, want, sum, approx)
				}
			}
		}
		if !sawApprox {
			t.Fatal("the ledger has no approximate month: the test proves nothing")
		}

		sent := &fileCatcher{}
		h.svc = h.with(func(c *commands.Config) { c.Exporter, c.FileSender = export.New(h.store, nil), sent })
		h.run("U1", "export xlsx 2026-06-30", commands.OutcomeOK)
		checkSheetMonthsApprox(t, h, sent.body, asOf)
	}
}

// checkSheetMonthsApprox checks the report sheet's month and 누계 cells of
// each program with jobs and of 합계: the number is the ledger's, and the
// number format writes 여 exactly when part of the figure through that
// month (for 누계, through the report date) is approximate now.
func checkSheetMonthsApprox(t *testing.T, h *harness, body []byte, asOf time.Time) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(export.SheetByProgram, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head, sub := rows[3], rows[4]
	col := map[string]int{}
	for i := range head {
		name := head[i]
		if i < len(sub) && sub[i] != "" {
			name = sub[i]
		}
		col[name] = i
	}
	hasYeo := func(cell string) bool {
		id, err := f.GetCellStyle(export.SheetByProgram, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "여")
	}
	check := func(code, label string, n int, from, to time.Time, column string) {
		t.Helper()
		cell, _ := excelize.CoordinatesToCellName(col[column]+1, n+1)
		sum, approx := h.sumSQL(code, from, to), h.monthApproxSQL(code, from, to, asOf)
		got, _ := f.GetCellValue(export.SheetByProgram, cell, excelize.Options{RawCellValue: true})
		if got != fmt.Sprint(sum) {
			t.Errorf("sheet %s %s (%s): %q, ledger %d", label, column, cell, got, sum)
		}
		if want := approx > 0 && sum != 0; hasYeo(cell) != want { // an empty month is "-", plain
			t.Errorf("sheet %s %s (%s): shows 여 %v, want %v (ledger %d, %d approximate now)", label, column, cell, hasYeo(cell), want, sum, approx)
		}
	}
	for code, label := range map[string]string{"youth": "청년일자리", "rail": "고속철도변 정비사업", "senior": "노인 일자리", "": "합계"} {
		n := -1
		for i, r := range rows {
			for _, c := range r[:min(3, len(r))] {
				if c == label {
					n = i
				}
			}
		}
		if n < 0 {
			t.Fatalf("sheet: no row %q", label)
		}
		for m := 1; m <= 6; m++ {
			first := time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			check(code, label, n, first, first.AddDate(0, 1, -1), fmt.Sprintf("%d월", m))
		}
		check(code, label, n, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), asOf, "누계")
	}
}
