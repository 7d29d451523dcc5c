package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// reports19Line is the line of text that starts with prefix.
func reports19Line(t *testing.T, text, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			return strings.TrimSpace(l)
		}
	}
	t.Fatalf("no line %q in:\n%s", prefix, text)
	return ""
}

// Review r37 F6: an agreement (#1, 2026. 11. 2.), a 채용 of it dated last
// week (11. 25.) and one this week (12. 2.), on 2026. 12. 4.: `현황 이번주`
// said "약정 100개 · 채용 17개" as the week's, last week's 10 among them.
// The week view says its own hires, by their dates, equal to a plain SQL
// SUM over that week, and titles the rest as the year to date; `현황
// 지난주` says last week's alone. A view of the year is as before.
func TestReports19WeekViewCountsAHireInTheWeekOfItsDate(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			h.run(manager, byLang(lang, "add 100 senior date:2026-11-02 status:agreed", "추가 노인 100 2026. 11. 2. 상태:약정"), commands.OutcomeOK)
			id := h.sqlInt(`SELECT id FROM entries WHERE status = 'agreed'`)
			h.run(manager, byLang(lang, fmt.Sprintf("hire %d 10 2026-11-25", id), fmt.Sprintf("채용 %d 10 2026. 11. 25.", id)), commands.OutcomeOK)
			h.run(manager, byLang(lang, fmt.Sprintf("hire %d 7 2026-12-02", id), fmt.Sprintf("채용 %d 7 2026. 12. 2.", id)), commands.OutcomeOK)
			hires := func(from, to string) int64 {
				return h.sqlInt(`SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN agreement_hires x ON x.hire_entry_id = e.id
					WHERE e.voided_at IS NULL AND e.as_of BETWEEN $1::date AND $2::date`, from, to)
			}
			year := hires("2026-01-01", "2026-12-04")
			for _, c := range []struct {
				line, from, to, span string
			}{
				{byLang(lang, "status this-week", "현황 이번주"), "2026-11-30", "2026-12-04", byLang(lang, "2026-11-30 – 2026-12-04", "2026. 11. 30. ~ 2026. 12. 4.")},
				{byLang(lang, "status last-week", "현황 지난주"), "2026-11-23", "2026-11-29", byLang(lang, "2026-11-23 – 2026-11-29", "2026. 11. 23. ~ 2026. 11. 29.")},
			} {
				text := h.run(manager, c.line, commands.OutcomeOK).Text()
				week := hires(c.from, c.to)
				through := hires("2026-01-01", c.to)
				line := reports19Line(t, text, byLang(lang, "senior: agreed", "노인 일자리: 약정"))
				want := byLang(lang, fmt.Sprintf("hired in this period (%s): %d", c.span, week), fmt.Sprintf("이 기간(%s) 채용 %d개", c.span, week))
				if !strings.Contains(line, want) {
					t.Errorf("%s: the agreement line %q lacks %q (SQL SUM of the week's hires %d)", c.line, line, want, week)
				}
				mustContain(t, line, byLang(lang, fmt.Sprintf("hired %d", through), fmt.Sprintf("채용 %d개", through)))
				mustContain(t, text, byLang(lang, "this year's agreements, to date", "약정 이행 (올해 약정, 2026. 1. 1. ~"))
				// The week's 실적 is the week's SUM too.
				mustContain(t, text, byLang(lang, fmt.Sprintf(": %d", week), fmt.Sprintf("실적 %d개", week)))
			}
			if hires("2026-11-30", "2026-12-06") != 7 || hires("2026-11-23", "2026-11-29") != 10 || year != 17 {
				t.Fatalf("ledger: week 49 %d, week 48 %d, year %d", hires("2026-11-30", "2026-12-06"), hires("2026-11-23", "2026-11-29"), year)
			}
			// The year's view: its hires are the year's, no span line.
			text := h.run(manager, byLang(lang, "status", "현황"), commands.OutcomeOK).Text()
			line := reports19Line(t, text, byLang(lang, "senior: agreed", "노인 일자리: 약정"))
			mustContain(t, line, byLang(lang, fmt.Sprintf("hired %d", year), fmt.Sprintf("채용 %d개", year)))
			if strings.Contains(line, byLang(lang, "in this period", "이 기간")) {
				t.Errorf("the year's view says a span: %q", line)
			}
		})
	}
}
