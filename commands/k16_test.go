package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Tests of issue 19 findings S3 and S7 and the Friday month end (helper
// k16), typed through Service.Handle; every figure against a plain SQL SUM.

// typeSQL is the plain SUM of a program's live realised entries of 2026
// through day of one employment type ("" for none).
func (h *harness) typeSQL(code, typ, day string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = $1 AND e.voided_at IS NULL AND e.status = 'realised'
		  AND coalesce(e.employment_type, '') = $2 AND e.as_of BETWEEN '2026-01-01' AND $3::date`, code, typ, day)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// S3 (re-decided by r5 S6): a 정정 of a 누계 report after a delta dated on
// its date was recorded makes the ledger's 누계 through that date the
// corrected figure, naming the delta as inside it; the add of a 누계 after
// the delta states the ledger's own figure.
func TestK16CorrectCumulativeNamesLaterDeltas(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                   commands.Lang
		report, delta, correct string
		wants                  []string
		again                  string
		againWants             []string
	}{
		{commands.Korean, "추가 청년 누계 1,310 4월30일", "추가 청년 60 4월30일 누계포함:아니오", "정정 %d %s 오타 누계포함:예",
			[]string{"1,310개 → 1,320개", "#%d +60개", "장부의 2026. 4. 30.까지 누계는 이제 1,320개입니다", "이 보고의 증가분은 +1,260개"},
			"추가 청년 누계 1,400 4월30일", []string{"2026. 4. 30. 기준 누계 1,400개", "증가분 70개"}},
		{commands.English, "add youth cumulative 1,310 date:2026-04-30", "add youth 60 date:2026-04-30 within:no", "correct %d %s typo within:yes",
			[]string{"1,310 → 1,320", "#%d +60", "The ledger's total through 2026-04-30 is now 1,320", "this report now records +1,260"},
			"add youth cumulative 1,400 date:2026-04-30", []string{"stands at 1,400 through 2026-04-30, a difference of 70"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.report, commands.OutcomeOK)
			report := h.newestID()
			h.run(manager, tc.delta, commands.OutcomeOK)
			delta := h.newestID()
			r := h.run(manager, fmt.Sprintf(tc.correct, report, "1,320"), commands.OutcomeOK)
			if got := h.through("youth", "2026-04-30"); got != 1320 {
				t.Fatalf("SQL SUM through 4/30 = %d, want 1,320 (the corrected 누계, the delta's 60 inside it)", got)
			}
			wants := append([]string(nil), tc.wants...)
			wants[1] = fmt.Sprintf(wants[1], delta)
			mustContain(t, r.Text(), wants...)
			// A 정정 of the 정정 still names the delta: it was recorded
			// after the first report of the chain.
			// The first answered 예: the delta is inside the report now, so
			// the second is not asked and takes no 누계포함 (review r22 F30).
			second := strings.TrimSuffix(strings.TrimSuffix(tc.correct, " 누계포함:예"), " within:yes")
			r = h.run(manager, fmt.Sprintf(second, h.newestID(), "1,330"), commands.OutcomeOK)
			if got := h.through("youth", "2026-04-30"); got != 1330 {
				t.Fatalf("SQL SUM through 4/30 = %d after the second 정정, want 1,330", got)
			}
			mustContain(t, r.Text(), wants[1])
			// A 누계 added now is what the ledger holds through its date.
			r = h.run(manager, tc.again, commands.OutcomeOK)
			mustContain(t, r.Text(), tc.againWants...)
			if got := h.through("youth", "2026-04-30"); got != 1400 {
				t.Errorf("SQL SUM through 4/30 = %d after the 누계 1,400", got)
			}
		})
	}
}

// S7: a 누계 given with 고용형태 for a program that has jobs of other (or
// no) employment types is held, naming their share and the delta to type;
// confirmed it is recorded as the whole program's 누계.
func TestK16TypedCumulativeIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                  commands.Lang
		regular, none, report string
		confirm               string
		wants                 []string
	}{
		{commands.Korean, "추가 노인 100 고용형태:상용 4월30일", "추가 노인 20 4월30일", "추가 노인 누계 150 고용형태:일용 4월30일", " 확인:예",
			[]string{"고용형태와 관계없이", "상용 100개", "고용형태 미지정 20개", "증가분은 +30개", "일용만의 누계(지금까지 0개)",
				"`추가 150 노인 4/30 고용형태:일용`"}},
		{commands.English, "add senior 100 type:regular date:2026-04-30", "add senior 20 date:2026-04-30", "add senior cumulative 150 type:daily date:2026-04-30", " confirm:yes",
			[]string{"whatever its employment type", "regular 100", "no employment type given 20", "records +30", "`add 150 senior date:4/30 type:daily`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.regular, commands.OutcomeOK)
			h.run(manager, tc.none, commands.OutcomeOK)
			before := h.entriesStored()
			r := h.run(manager, tc.report, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.wants...)
			if h.entriesStored() != before {
				t.Fatalf("a held 누계 wrote an entry")
			}
			// The delta the question offers records the type's own jobs.
			h.run(manager, tc.report+tc.confirm, commands.OutcomeOK)
			if got := h.through("senior", "2026-04-30"); got != 150 {
				t.Errorf("SQL SUM through 4/30 = %d after the confirmed 누계 150", got)
			}
		})
	}
	// A 누계 of the only type the program has, or below the program's
	// total, is not held.
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 노인 100 고용형태:상용 4월30일", commands.OutcomeOK)
	h.run(manager, "추가 노인 누계 150 고용형태:상용 4월30일", commands.OutcomeOK)
	if got := h.typeSQL("senior", "regular", "2026-04-30"); got != 150 {
		t.Errorf("상용 through 4/30 = %d, want 150", got)
	}
}

// Review r7 S3: a 누계 with 고용형태 held both for another department's
// share and for other types names both in one question, since one
// confirmation answers both.
func TestCumulativeHeldForDepartmentsAndTypesNamesBoth(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 노인 100 고용형태:상용 4월30일", commands.OutcomeOK)
	h.run(manager, "추가 노인 20 4월30일 부서:일자리정책과", commands.OutcomeOK)
	before := h.entriesStored()
	r := h.run(manager, "추가 노인 누계 150 고용형태:일용 4월30일", commands.OutcomeRefused)
	mustContain(t, r.Text(), "일자리정책과", "고용형태와 관계없이", "상용 100개")
	if h.entriesStored() != before {
		t.Fatalf("a held 누계 wrote an entry")
	}
}

// Thursday 2026-10-29, the month ending on Saturday: a 10월말 누계 is refused
// as a future date, and the refusal says what to type. (On Friday the 30th,
// the month's last working day, it is recorded dated that day: review r43
// A6, TestAgree2PastDueSpanAndMonthEndOnLastWorkingDay.)
func TestK16FutureMonthEndSaysWhatToType(t *testing.T) {
	t.Parallel()
	thursday := time.Date(2026, time.October, 29, 3, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
		wants []string
	}{
		{commands.Korean, []string{"추가 청년일자리 누계 1,200 10월말", "추가 청년일자리 누계 1,200 이번 달 말", "추가 청년 누계 1,200 날짜:10월 31일"},
			[]string{"2026. 10. 31.은 아직 오지 않은 날짜", "그날이 된 뒤에 보고", "오늘(2026. 10. 29.)까지의 누계라면", "`추가 1,200 청년 누계 날짜:2026. 10. 29.`"}},
		{commands.English, []string{"add youth cumulative 1,200 date:2026-10-31"},
			[]string{"2026-10-31 is in the future", "on that day or later", "total through today", "`add 1,200 youth cumulative date:2026-10-29`"}},
	} {
		h := newHarness(t, tc.lang)
		svc := h.with(func(c *commands.Config) { c.Now = func() time.Time { return thursday } })
		for _, line := range tc.lines {
			r := svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, line)
			if r.Outcome != commands.OutcomeRefused {
				t.Fatalf("%q: outcome %q:\n%s", line, r.Outcome, r.Text())
			}
			mustContain(t, r.Text(), tc.wants...)
			if tc.lang == commands.Korean && strings.Contains(r.Text(), "2026-10") {
				t.Errorf("%q: an ISO date in the reply:\n%s", line, r.Text())
			}
		}
		if n := h.entriesStored(); n != 0 {
			t.Errorf("%d entries stored", n)
		}
		// What the refusal offers is recorded, dated today.
		r := svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole},
			map[commands.Lang]string{commands.Korean: "추가 1,200 청년 누계 날짜:오늘", commands.English: "add 1,200 youth cumulative date:today"}[tc.lang])
		if r.Outcome != commands.OutcomeOK || h.through("youth", "2026-10-29") != 1200 {
			t.Errorf("the offered line: %q, SQL SUM %d:\n%s", r.Outcome, h.through("youth", "2026-10-29"), r.Text())
		}
	}
}
