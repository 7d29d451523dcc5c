package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r41 F5/F10: on 2026. 12. 31. `연초 입사`, `올해 초`, `작년 초`,
// `early this year` in a note were filed on the entry's day; they are read
// as January (of the entry's year, this year, last year) and asked, the
// line offered dated January's last weekday; a January entry's 연초 agrees.
// `연초` as the line's date is refused naming it. `메모:1/2 입사` asks both
// years as the date field does. Nothing is stored by a refusal (SQL SUM).
func TestEarly5YearStartNoteAndYearEndDay(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := r32At(t, lang, "2026-12-31")
		ko := lang == commands.Korean
		pick := func(k, e string) string {
			if ko {
				return k
			}
			return e
		}
		year := func(y int) (time.Time, time.Time) {
			return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		}
		for i, tc := range []struct{ line, word, dated string }{
			{pick("추가 장애인 2 메모:연초 입사", "add 2 disabled note:연초 입사"), "연초", pick("날짜:2026. 1. 30.", "date:2026-01-30")},
			{pick("추가 공동체 3 날짜:11/20 메모:연초 입사", "add 3 community date:2026-11-20 note:연초 입사"), "연초", pick("날짜:2026. 1. 30.", "date:2026-01-30")},
			{pick("추가 공동체 3 메모:연초 채용분", "add 3 community note:연초 채용분"), "연초", pick("날짜:2026. 1. 30.", "date:2026-01-30")},
			{pick("추가 노인 4 메모:올해 초 입사", "add 4 senior note:올해 초 입사"), "올해 초", pick("날짜:2026. 1. 30.", "date:2026-01-30")},
			{pick("추가 노인 4 메모:작년 초 입사", "add 4 senior note:작년 초 입사"), "작년 초", pick("날짜:2025. 1. 31.", "date:2025-01-31")},
			{pick("추가 여성 5 메모:年初 입사", "add 5 women note:hired early this year"), pick("年初", "early this year"), pick("날짜:2026. 1. 30.", "date:2026-01-30")},
		} {
			user := fmt.Sprintf("U%d", i)
			r := h.run(user, tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), "`"+tc.word+"`", tc.dated)
		}
		from, to := year(2026)
		if n := h.sumSQL("", from, to); n != 0 {
			t.Fatalf("%v: refusals stored %d jobs", lang, n)
		}
		// the line offered, typed back, is stored in January; 연초초과 is no start
		r := h.run("U9", pick("추가 장애인 2 날짜:2026. 1. 30. 메모:연초 입사", "add 2 disabled date:2026-01-30 note:연초 입사"), commands.OutcomeOK)
		mustContain(t, r.Text(), pick("2026. 1. 30.", "2026-01-30"))
		if n := h.sumSQL("disabled", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)); n != 2 {
			t.Errorf("%v: January SUM %d, want 2", lang, n)
		}
		h.run("U10", pick("추가 공동체 7 메모:목표 연초과 달성", "add 7 community note:목표 연초과 달성"), commands.OutcomeOK)
		if n := h.sumSQL("", from, to); n != 9 {
			t.Errorf("%v: SUM %d, want 9", lang, n)
		}
		// as the line's date: refused naming it and January
		for i, line := range []string{pick("추가 장애인 2 날짜:연초", "add 2 disabled date:연초"), pick("추가 장애인 2 올해 초", "add 2 disabled start of the year")} {
			r := h.run(fmt.Sprintf("V%d", i), line, commands.OutcomeRefused)
			mustContain(t, r.Text(), pick("2026년 초", "start of 2026"), pick("날짜:2026. 1. 30.", "date:2026-01-30"))
		}
		// 1/2 in a note on 12/31: both years, as `1월 2일` after the count
		r = h.run("W1", pick("추가 노인 4 메모:1/2 입사", "add 4 senior note:1/2 입사"), commands.OutcomeRefused)
		mustContain(t, r.Text(), pick("2026. 1. 2.", "2026-01-02"), pick("2027. 1. 2.", "2027-01-02"), pick("날짜:2026. 1. 2.", "date:2026-01-02"))
		if n := h.sumSQL("", from, to); n != 9 {
			t.Errorf("%v: SUM %d after refusals, want 9", lang, n)
		}
	}
}

// Review r41 F9/F10: on Friday 2026. 12. 4. `4일(금)`, `27일 (금)` as the
// line's date are read as the day of that weekday (12. 4., 11. 27.);
// `4일(목)` is refused naming both days. On Monday 11. 30. `12월 첫째 주
// 채용` (11. 30. ~ 12. 6.) is this week, no start to come.
func TestEarly5DayWithWeekdayAndThisMonthWeek(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		ko := lang == commands.Korean
		pick := func(k, e string) string {
			if ko {
				return k
			}
			return e
		}
		h := r32At(t, lang, "2026-12-04")
		h.run("U1", pick("추가 여성 5 4일(금)", "add 5 women 4일(금)"), commands.OutcomeOK)
		h.run("U2", pick("추가 노인 6 27일 (금)", "add 6 senior 27일 (금)"), commands.OutcomeOK)
		r := h.run("U3", pick("추가 여성 7 4일(목)", "add 7 women 4일(목)"), commands.OutcomeRefused)
		mustContain(t, r.Text(), pick("2026. 12. 4.", "2026-12-04"), pick("2026. 12. 3.", "2026-12-03"))
		if n := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-04'`); n != 5 {
			t.Errorf("%v: 12/4 SUM %d, want 5", lang, n)
		}
		if n := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-27'`); n != 6 {
			t.Errorf("%v: 11/27 SUM %d, want 6", lang, n)
		}

		w := r32At(t, lang, "2026-11-30")
		r = w.run("U1", pick("추가 공동체 6 메모:12월 첫째 주 채용", "add 6 community note:12월 첫째 주 채용"), commands.OutcomeOK)
		if strings.Contains(r.Text(), pick("이후에 입사", "start")) {
			t.Errorf("%v: this week read as a start to come:\n%s", lang, r.Text())
		}
		if n := w.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-30'`); n != 6 {
			t.Errorf("%v: 11/30 SUM %d, want 6", lang, n)
		}
		// the week after is still to come
		w.run("U2", pick("추가 공동체 6 메모:12월 둘째 주 채용", "add 6 community note:12월 둘째 주 채용"), commands.OutcomeRefused)
	}
}

// Review r41 F7/F13: last year's 1,100여 누계 keeps its 여 in 보고서's 전년
// 동기 and 합계; an approximate 누계's increment is 1,200여개, not 약.
func TestEarly5ApproximateLastYearAndIncrement(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		ko := lang == commands.Korean
		pick := func(k, e string) string {
			if ko {
				return k
			}
			return e
		}
		h := r32At(t, lang, "2026-12-04")
		h.run("U1", pick("추가 청년 누계 1,100여 2025. 11. 30. 확인:예", "add 1,100여 youth cumulative date:2025-11-30 confirm:yes"), commands.OutcomeOK)
		r := h.run("U1", pick("추가 노인 누계 1,200여 2026. 10. 31.", "add 1,200여 senior cumulative date:2026-10-31"), commands.OutcomeOK)
		inc := h.sumSQL("senior", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
		approx := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND approximate AND as_of = '2026-10-31'`)
		if inc != 1200 || approx != 1 {
			t.Fatalf("%v: SQL increment %d approximate %d", lang, inc, approx)
		}
		mustContain(t, r.Text(), pick("1,200여개", "about 1,200"))
		if strings.Contains(r.Text(), "약 1,200") {
			t.Errorf("%v: the increment says 약:\n%s", lang, r.Text())
		}
		last := h.sumSQL("youth", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC))
		lastApprox := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND approximate AND as_of = '2025-11-30'`)
		if last != 1100 || lastApprox != 1 {
			t.Fatalf("%v: last year SQL %d approximate %d", lang, last, lastApprox)
		}
		rep := h.run("U1", pick("보고서 2026", "report 2026"), commands.OutcomeOK).Text()
		// ... the 전년 동기 column carries 여 wherever it shows 1,100
		if !strings.Contains(rep, approxFig(lang, "1,100")) {
			t.Errorf("%v: 전년 동기 1,100 without 여:\n%s", lang, rep)
		}
		rest := strings.NewReplacer("1,100여", "", "about 1,100", "", "about -1,100", "").Replace(rep)
		if strings.Contains(rest, "1,100") {
			t.Errorf("%v: a 1,100 without 여 in the report:\n%s", lang, rep)
		}
	}
}
