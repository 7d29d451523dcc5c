package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// approxNowSQL is the oracle of the 여 rule, written apart from the store's:
// for each program, the live realised entries of through's year dated on or
// before through are approximate now when the program's latest cumulative
// report through that date carries 여 (for those dated on or before it; an
// exact one leaves approximate the deltas it did not count) or, after it (or with no report), when they carry 여 themselves. Only entries
// dated in [from, through] are counted.
func (h *harness) approxNowSQL(code string, from, through time.Time) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0)
		FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL AND e.status = 'realised' AND ($1 = '' OR p.code = $1)
		  AND e.as_of BETWEEN $2::date AND $3::date
		  AND coalesce((
		        SELECT CASE WHEN r.as_of >= e.as_of THEN r.approximate
		               -- an approximate delta the exact report did not count
		               -- (누계포함:아니오: recorded after it, re-basing none)
		               OR (e.kind = 'delta' AND e.approximate AND e.id > r.id
		                   AND NOT EXISTS (SELECT 1 FROM entry_adjustments a WHERE a.cause_entry_id = e.id)) END
		        FROM entries r
		        WHERE r.program_id = e.program_id AND r.status = 'realised' AND r.kind = 'cumulative'
		          AND r.voided_at IS NULL AND r.as_of <= $3::date
		          AND extract(year FROM r.as_of) = extract(year FROM e.as_of)
		        ORDER BY r.as_of DESC, r.id DESC LIMIT 1), e.approximate)`,
		code, from.Format(time.DateOnly), through.Format(time.DateOnly))
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// approxFig is an approximate figure as each language writes it: 800여, about 800.
func approxFig(lang commands.Lang, n string) string {
	if lang == commands.Korean {
		return n + "여"
	}
	return "about " + n
}

// approxLine is the headline that counts what is approximate now.
func approxLine(lang commands.Lang, n int64) string {
	if lang == commands.Korean {
		return "이 가운데 " + formatCount(n) + "개는 '여'를"
	}
	return "Includes " + formatCount(n) + " reported as approximate"
}

// A cumulative report's 여 describes the total through its date, so the
// latest report decides: an exact 1,250 after 400여 and 8백여 shows no 여
// anywhere (add reply, status, report, digest), and the approximate count is
// what is approximate now, never the old increments.
func TestLatestReportDecidesApproximate(t *testing.T) {
	t.Parallel()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run(manager, "target 20500", commands.OutcomeOK)
		h.run("U1", "add 400여 rail cumulative date:2026-02-28", commands.OutcomeOK)
		r := h.run("U1", "add 8백여 rail cumulative date:2026-03-31", commands.OutcomeOK)
		mustContain(t, r.Text(), approxFig(lang, "800"))
		r = h.run("U1", "add 1,250 rail cumulative date:2026-04-30", commands.OutcomeOK)
		if text := r.Text(); strings.Contains(text, approxFig(lang, "1,250")) || !strings.Contains(text, "1,250") {
			t.Errorf("an exact report after 여 ones still reads approximate:\n%s", text)
		}
		if got := h.approxNowSQL("", day(1, 1), day(12, 31)); got != 0 {
			t.Fatalf("oracle: %d approximate now, want 0", got)
		}
		for _, line := range []string{"status", "status rail", "status 4월말", "status 2분기"} {
			text := h.run("U1", line, commands.OutcomeOK).Text()
			if strings.Contains(text, "여") && !strings.Contains(text, "여성") || strings.Contains(text, "approximate") {
				t.Errorf("%q shows 여 when every latest report is exact:\n%s", line, text)
			}
		}
		// The report's 누계 is exact; its February and March cells keep the
		// 여 they were reported with (review r25 F9, r25_labels_test.go).
		for _, line := range []string{"report", "report 4월말"} {
			text := h.run("U1", line, commands.OutcomeOK).Text()
			var total string
			for _, l := range strings.Split(text, "\n") {
				if strings.HasPrefix(l, "합계") || strings.HasPrefix(l, "Total") {
					total = l // the last is the 누계 table's
				}
			}
			if strings.Contains(total, "여") || strings.Contains(total, "about") || strings.Contains(text, "includes approximate") || strings.Contains(text, "어림수로 보고된 실적이 들어") {
				t.Errorf("%q: the 누계 shows 여 when every latest report is exact:\n%s", line, text)
			}
		}
		// Through the end of March the latest report is 8백여: all 800 are approximate then.
		text := h.run("U1", "status 3월말", commands.OutcomeOK).Text()
		mustContain(t, text, approxFig(lang, "800"), approxLine(lang, h.approxNowSQL("", day(1, 1), day(3, 31))))
		if h.approxNowSQL("", day(1, 1), day(3, 31)) != 800 {
			t.Errorf("oracle through March: want 800")
		}

		// An approximate delta after the latest report is approximate now,
		// and only it: 30, not the 1,280 total nor the old 800.
		h.run("U1", "add 30여 rail date:2026-05-10", commands.OutcomeOK)
		// A delta 여 before an exact report is superseded by it.
		h.run("U1", "add 500여 youth date:2026-04-01", commands.OutcomeOK)
		r = h.run("U1", "add 600 youth cumulative date:2026-04-30", commands.OutcomeOK)
		if strings.Contains(r.Text(), approxFig(lang, "600")) {
			t.Errorf("youth's exact report reads approximate:\n%s", r.Text())
		}
		want := h.approxNowSQL("", day(1, 1), day(12, 31))
		if want != 30 {
			t.Fatalf("oracle: %d approximate now, want 30", want)
		}
		text = h.run("U1", "status", commands.OutcomeOK).Text()
		mustContain(t, text, approxLine(lang, want), approxFig(lang, "1,280"), formatCount(h.sumSQL("", day(1, 1), day(12, 31))))
		if strings.Contains(text, approxFig(lang, "600")) {
			t.Errorf("status marks youth approximate:\n%s", text)
		}
		// The quarter: April–June; rail's jobs after its exact April report
		// are the 30 approximate ones.
		text = h.run("U1", "status q2 rail", commands.OutcomeOK).Text()
		mustContain(t, text, approxLine(lang, h.approxNowSQL("rail", day(4, 1), day(6, 30))))
		// The monthly report marks rail and the total, not youth.
		text = h.run("U1", "report", commands.OutcomeOK).Text()
		mustContain(t, text, approxFig(lang, "1,280"), approxFig(lang, formatCount(h.sumSQL("", day(1, 1), day(12, 31)))))
		if strings.Contains(text, approxFig(lang, "600")) {
			t.Errorf("report marks youth approximate:\n%s", text)
		}
		// The digest of the week holding the 30여 delta.
		d, err := h.svc.Digest(context.Background(), day(5, 4))
		if err != nil {
			t.Fatal(err)
		}
		if got := d.YearToDate.Approximate; got != h.approxNowSQL("", day(1, 1), day(5, 10)) {
			t.Errorf("digest: %d approximate year to date, oracle %d", got, h.approxNowSQL("", day(1, 1), day(5, 10)))
		}
		text = h.svc.DigestReply(d).Text()
		mustContain(t, text, approxLine(lang, 30))
		// The add reply's year total follows the same rule.
		r = h.run("U1", "add 5 rail date:2026-05-11", commands.OutcomeOK)
		mustContain(t, r.Text(), approxFig(lang, "1,285"))
		r = h.run("U1", "add 1,300 rail cumulative date:2026-05-31", commands.OutcomeOK)
		if text := r.Text(); strings.Contains(text, approxFig(lang, "1,300")) {
			t.Errorf("an exact May report still reads approximate:\n%s", text)
		}
		if got := h.approxNowSQL("", day(1, 1), day(12, 31)); got != 0 {
			t.Errorf("oracle after the exact May report: %d", got)
		}
		dbtest.CheckTotals(t, h.store)
	}
}
