package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db/dbtest"
)

// byLang picks the English or Korean form of an expected reply.
func byLang(lang commands.Lang, en, ko string) string {
	if lang == commands.Korean {
		return ko
	}
	return en
}

// checkLedger compares the status total with a plain SQL SUM and every
// totals table with its entries.
func (h *harness) checkLedger(lang commands.Lang) {
	h.t.Helper()
	dbtest.CheckTotals(h.t, h.store)
	r := h.run("U1", "status", commands.OutcomeOK)
	mustContain(h.t, r.Text(), byLang(lang, "Total: ", "누계 ")+formatThousands(h.yearTotal()))
}

// Every way an official writes a date that issue 19 saw stored as today is
// read as that date, with nothing moved into the note; a period where a day
// is needed, or a day the month does not have, is refused naming it.
func TestDatesOfficialsWriteAreReadOrRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		for _, tt := range []struct {
			line  string
			count int64
			asOf  time.Time
		}{
			{"add 10 youth 4. 30.", 10, dates.On(2026, 4, 30)},
			{"add 11 youth 26.4.30 confirm:yes", 11, dates.On(2026, 4, 30)},
			{"add 12 youth '26. 4. 30.", 12, dates.On(2026, 4, 30)},
			{"add 13 youth 4월 말일", 13, dates.On(2026, 4, 30)},
			{"add 14 youth 26년 3월 31일", 14, dates.On(2026, 3, 31)},
			{"add 15 youth 2026. 4. 30.", 15, dates.On(2026, 4, 30)}, // with 기준 or 현재 it is asked about (k32)
			{"추가 16 청년 지난달 말", 16, dates.On(2026, 10, 31)},
			{"add +550 youth", 550, dates.On(2026, 11, 26)},
			{"add 천5백 senior 4.30", 1500, dates.On(2026, 4, 30)},
			{"add + 7 senior 작년 말", 7, dates.On(2025, 12, 31)},
			{"add ＋8 senior", 8, dates.On(2026, 11, 26)},
			{"추가 9 노인 지지난주 금요일", 9, dates.On(2026, 11, 13)},
			{"추가 10 노인 지난 목요일", 10, dates.On(2026, 11, 19)},
			{"add 17 youth Nov 20", 17, dates.On(2026, 11, 20)}, // the day, never the month (r31 F4)
		} {
			h.run("U1", confirmed(tt.line), commands.OutcomeOK)
			if e := h.newestEntry(); e.Count != tt.count || !e.AsOf.Equal(tt.asOf) || e.Note != "" {
				t.Errorf("%q stored %d on %s note %q; want %d on %s, no note", tt.line, e.Count, e.AsOf.Format(time.DateOnly), e.Note, tt.count, tt.asOf.Format(time.DateOnly))
			}
		}
		before := h.entriesStored()
		for _, tt := range []struct{ line, en, ko string }{
			{"add 10 youth 지난달", "`지난달` is a period (2026-10-01 to 2026-10-31), not a day", "`지난달`은 하루가 아니라 기간(2026. 10. 1. ~ 2026. 10. 31.)입니다"},
			{"add 10 youth 이번 달", "give today's date, `2026-11-26`", "오늘 날짜 `2026. 11. 26.`처럼"}, // today, not "the period's last day" (r31 F13/F14)
			{"add 10 youth 상반기", "`상반기` is a period (2026-01-01 to 2026-06-30)", "`상반기`는 하루가 아니라 기간(2026. 1. 1. ~ 2026. 6. 30.)입니다"},
			{"add 10 youth last month", "`last month` is a period", "`last month`"},
			{"add 10 youth 1분기", "`1분기` is a period", "`1분기`는 하루가 아니라 기간"},
			{"add 10 youth 2026년 4월", "`2026년 4월` is a period", "`2026년 4월`은 하루가 아니라 기간"},
			{"add 10 youth 말일", "`말일` does not say which month's end. For the end of October, write `10월말`", "`말일`에는 몇 월의 말일인지가 없습니다. 10월 말일이라면 `10월 말일`"}, // review F16
			{"add 10 youth 다음 달", "`달` looks like a date", "`달` 부분은 날짜로 보이지만"},
			{"add 10 youth 4월 31일", "month 4 has 30 days", "4월은 30일까지입니다."},
			{"add 10 youth 26.2.30", "month 2 has 28 days", "2월은 28일까지입니다."},
			{"add 10 youth 26-04-30", "`26-04-30` looks like a date I cannot read", "`26-04-30` 부분은 날짜로 보이지만"},
			// on 26 November `1.5` may be the January past or the one 40 days ahead: both named, asked (review r39 F16)
			{"add 1.5 youth", "`1.5` has no year: it may be 2026-01-05, long past, or 2027-01-05", "`1.5`에는 연도가 없어 지난 2026. 1. 5.인지, 아직 오지 않은 2027. 1. 5.인지"},
			{"add 10 youth 47주차", "`47주차` is the week of 2026-11-16 to 2026-11-22", "`47주차`는 2026. 11. 16. ~ 2026. 11. 22. 주입니다"}, // offered on its last weekday (review r38 B3)
			{"add 10 youth W47", "`W47` looks like a date", "`W47` 부분은 날짜로 보이지만"},
			{"add 10 youth Nov", "`Nov` is a period (2026-11-01 to 2026-11-30)", "`Nov`는 하루가 아니라 기간(2026. 11. 1. ~ 2026. 11. 30.)입니다"}, // an English month name alone is a month (r27 F12); with a day it is the day (r31 F4)
			{"add 10 youth 0.5", "`0.5` looks like a date I cannot read", "`0.5` 부분은 날짜로 보이지만"},
			{"add 10 youth 26.4", "`26.4` looks like a date I cannot read", "`26.4` 부분은 날짜로 보이지만"},
			{"add 10 youth 11.5일", "`11.5일` looks like a date I cannot read", "`11.5일` 부분은 날짜로 보이지만"},
			{"status 4월 31일", "month 4 has 30 days", "4월은 30일까지입니다."},
			{"list 2월 30일", "month 2 has 28 days", "2월은 28일까지입니다."},
			{"add 500 여 youth", "write it joined: `500여`", "여는 수에 붙여 `500여`처럼 쓰세요"},
			{"add 누계 +400 youth", "`+400` has a sign, but a cumulative report", "`+400`에 부호가 있는데"},
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, tt.en, tt.ko))
		}
		if n := h.entriesStored(); n != before {
			t.Errorf("refused lines wrote %d entries", n-before)
		}
		h.checkLedger(lang)
	}
}

// A count of firms, sites or cases, or an amount of money, is not a count
// of jobs: each is refused with the reason, and nothing is written.
func TestCountsThatAreNotJobs(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run("U1", "add 40 invest", commands.OutcomeOK)
		for _, tt := range []struct{ line, en, ko string }{
			{"add 4개사 invest", "`4개사` counts firms, sites or cases (개사), not jobs", "`4개사`는 일자리 수가 아니라 기업·사업장·건수(개사)입니다"},
			{"추가 3곳 투자유치", "`3곳` counts firms", "`3곳`은 일자리 수가 아니라"},
			{"add 2개소 invest", "(개소)", "(개소)"},
			{"add 5건 invest", "(건)", "(건)"},
			{"add 3개 기업 invest", "`3개 기업` counts firms", "`3개 기업`은 일자리 수가 아니라"},
			{"add 3464억 invest", "`3464억` looks like an amount of money, not jobs", "`3464억`은 일자리 수가 아니라 금액으로 보입니다"},
			{"add 500만 invest", "looks like an amount of money", "금액으로 보입니다"},
			{"add 500만원 invest", "", ""},
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, tt.en, tt.ko))
		}
		if n := h.entriesStored(); n != 1 {
			t.Errorf("%d entries stored, want the one real add", n)
		}
		h.checkLedger(lang)
	}
}

// Forms refused before issue 19 are read: a 기준 date in status, a relative
// week in digest, 실적 없음 with a space, a dotted holiday, 26년 4월.
func TestFormsNowAccepted(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run("U1", "add 100 youth 2026. 4. 30.", commands.OutcomeOK)
		h.run("U1", "add 7 youth 2026. 5. 2.", commands.OutcomeOK)
		for _, line := range []string{"status 2026. 4. 30. 기준", "현황 4. 30.", "status 4. 30. 현재"} {
			r := h.run("U1", line, commands.OutcomeOK)
			mustContain(t, r.Text(), byLang(lang, "2026-04-30", "2026. 4. 30."), byLang(lang, "Total: ", "누계 ")+formatThousands(h.sumSQL("", dates.On(2026, 1, 1), dates.On(2026, 4, 30))))
		}
		r := h.run("U1", "현황 26년 5월", commands.OutcomeOK)
		mustContain(t, r.Text(), formatThousands(h.sumSQL("", dates.On(2026, 5, 1), dates.On(2026, 5, 31))))
		r = h.run("U1", "주간보고 지난주", commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "2026-W47", "2026년 47주차"))
		r = h.run(manager, "공휴일 추가 2026. 5. 1. 근로자의 날", commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "2026-05-01", "2026. 5. 1."))
		r = h.run("U1", "공휴일 목록", commands.OutcomeOK)
		mustContain(t, r.Text(), "근로자의 날")
		h.checkLedger(lang)
	}
	for _, line := range []string{"실적 없음", "실적 없음 10월 부서:도시재생과"} {
		if cmd, err := commands.Parse(line, dates.On(2026, 11, 26)); err != nil || cmd.Name != "none" {
			t.Errorf("Parse(%q) = %q, %v; want none", line, cmd.Name, err)
		}
	}
}

// Replies issue 19 found awkward or wrong now say what to do instead.
func TestRewrittenReplies(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		for _, tt := range []struct{ line, en, ko string }{
			{"고속철도변 1월말 누계 약 100명", "There is no command `고속철도변`. To log jobs, put `add` in front: `add 고속철도변 1월말 누계 약 100명`",
				"`고속철도변`이라는 명령은 없습니다. 실적을 입력하려면 앞에 `추가`를 붙이세요: `추가 고속철도변 1월말 누계 약 100명`"},
			{"취소 15", "To void entry #15, use `void 15 <reason>`", "#15를 무효로 하려면 `무효 15 <사유>`처럼 쓰세요"},
			{"알림 미리보기 5월", "use `status 5월`", "`현황 5월`의 부서별에서 볼 수 있습니다"},
			{"엑셀", "`jobsbot export --format xlsx --year 2026", "명령줄에서 내보내세요: `jobsbot export --format xlsx --year 2026"},
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, tt.en, tt.ko))
		}
		r := h.run("U1", "현황 작년", commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "`target <count> year:2025`", "`목표 <수> 연도:2025`"))
		r = h.run("U1", "현황 올해", commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "`target <count>`", "`목표 <수>`로"))
		h.run(manager, "목표 7500 vulnerable", commands.OutcomeOK)
		h.run("U1", "add 7125 vulnerable", commands.OutcomeOK)
		r = h.run("U1", "현황", commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "7,125 of 7,500 (95%)", "7,125개 / 목표 7,500개(달성률 95%)"))
	}
}

// The same entry twice within a day, or one entry over a whole year's
// target, waits for confirmation; the button, or the line typed again with
// 확인:예 / confirm:yes, records it. A delta dated before a later cumulative report names the
// report's total it changes. Every figure is checked against plain SUMs.
func TestAddGuards(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run(manager, "target 1000 youth", commands.OutcomeOK)
		h.run("U1", "add 30 youth 11월 20일", commands.OutcomeOK)
		r := h.run("U1", "add 30 youth 11월 20일", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "You recorded the same entry a short while ago: #1", "같은 실적을 조금 전에 기록하셨습니다: #1"))
		if len(r.Actions) != 1 || r.Actions[0].ID != commands.ActionConfirm || !strings.HasPrefix(r.Actions[0].Command, byLang(lang, "add 30 youth 2026-11-20 confirm:", "추가 30 youth 2026. 11. 20. 확인:")) { // the day written out (review r39 F17)
			t.Fatalf("the question offers %+v, want one confirm button", r.Actions)
		}
		if n := h.entriesStored(); n != 1 {
			t.Fatalf("the repeat was stored before it was confirmed: %d entries", n)
		}
		h.run("U1", r.Actions[0].Command, commands.OutcomeOK) // the button
		// A colleague's identical entry of the same department is held too (review r3 S4).
		r = h.run("U2", "add 30 youth 11월 20일", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "The same entry is already recorded: #2", "같은 실적이 이미 기록되어 있습니다: #2"))
		h.run("U2", r.Actions[0].Command, commands.OutcomeOK)
		h.run("U1", "add 30 youth 11월 19일", commands.OutcomeOK) // another day is not a repeat
		r = h.run("U1", "add 1200 youth", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "1,200 in one entry is more than the whole 2026 target for Youth jobs (youth) (1,000)",
			"한 건에 1,200개는 청년일자리 2026년 연간 목표(1,000개)보다 많습니다"))
		h.run("U1", "add 1200 youth 확인:예", commands.OutcomeOK)
		h.run(manager, "target 20000", commands.OutcomeOK)
		r = h.run("U1", "add 25000 senior", commands.OutcomeRefused) // no program target: the overall one
		mustContain(t, r.Text(), byLang(lang, "more than the whole 2026 target for all programs (20,000)", "전체 2026년 연간 목표(20,000개)보다 많습니다"))
		h.run("U1", "add 25000 senior confirm:yes", commands.OutcomeOK)

		h.run("U1", "add 누계 400 invest 4월말", commands.OutcomeOK)
		report := h.newestID()
		r = h.run("U1", "add 30 invest 4월 10일 within:no", commands.OutcomeOK)
		through := h.sumSQL("invest", dates.On(2026, 1, 1), dates.On(2026, 4, 30))
		mustContain(t, r.Text(), fmt.Sprintf(byLang(lang, "#%d (2026-04-30): the total through its date goes from 400 to %s", "2026. 4. 30. 누계 #%d: 400개 → %s개"), report, formatThousands(through)))
		if through != 430 {
			t.Errorf("total through the report's date is %d, want 430", through)
		}
		r = h.run("U1", "add 5 invest 5월 2일", commands.OutcomeOK)
		if strings.Contains(r.Text(), "→") {
			t.Errorf("a delta after the last report names a report:\n%s", r.Text())
		}
		h.checkLedger(lang)
	}
}

func (h *harness) newestID() int64 {
	h.t.Helper()
	var id int64
	if err := h.store.DB().GetContext(context.Background(), &id, `SELECT max(id) FROM entries`); err != nil {
		h.t.Fatal(err)
	}
	return id
}
