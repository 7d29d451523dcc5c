package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// outsideApproxSQL is the oracle of review r27 F19, written apart from the
// store: the live realised approximate deltas of code dated on or before its
// latest exact 누계 of the year but recorded after it (id above the
// report's) that re-based no report (누계포함:아니오: separate jobs the 누계
// did not count).
func (h *harness) outsideApproxSQL(code string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		WITH r AS (
			SELECT e.id, e.as_of, e.program_id FROM entries e JOIN programs p ON p.id = e.program_id
			WHERE p.code = $1 AND e.kind = 'cumulative' AND e.status = 'realised' AND e.voided_at IS NULL
			ORDER BY e.as_of DESC, e.id DESC LIMIT 1)
		SELECT coalesce(sum(x.count), 0) FROM entries x JOIN r ON r.program_id = x.program_id
		WHERE x.kind = 'delta' AND x.status = 'realised' AND x.voided_at IS NULL AND x.approximate
		  AND x.as_of <= r.as_of AND x.id > r.id
		  AND NOT EXISTS (SELECT 1 FROM entry_adjustments a WHERE a.cause_entry_id = x.id)`, code)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Review r27 F19: an approximate delta kept outside an exact 누계
// (누계포함:아니오) makes the total approximate: 1,400 exact plus a separate
// 200여 is 1,600여, in the add reply, status, the 여 line and the report.
func TestApproximateDeltaOutsideExactReport(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		ko := lang == commands.Korean
		pick := func(k, e string) string {
			if ko {
				return k
			}
			return e
		}
		h.run("U1", pick("추가 노인 누계 1,400 11/20", "add 1,400 senior cumulative date:2026-11-20"), commands.OutcomeOK)
		r := h.run("U1", pick("추가 노인 2백여명 11/18 누계포함:아니오", "add 200여 senior date:2026-11-18 within:no"), commands.OutcomeOK)
		from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
		total := h.sumSQL("senior", from, to)
		outside := h.outsideApproxSQL("senior")
		if total != 1600 || outside != 200 {
			t.Fatalf("SQL: total %d, outside approximate %d; want 1,600 and 200", total, outside)
		}
		mustContain(t, r.Text(), approxFig(lang, formatCount(total)), "1,400"+pick("개 → ", " to ")+approxFig(lang, "1,600"))
		for _, line := range []string{pick("현황 노인", "status senior"), pick("현황 11월 누계", "status as of 11/26"), pick("보고서 11월", "report 2026-11")} {
			text := h.run("U1", line, commands.OutcomeOK).Text()
			mustContain(t, text, approxFig(lang, formatCount(total)))
			if strings.HasPrefix(line, "현황 11") || strings.HasPrefix(line, "status as of") {
				mustContain(t, text, approxLine(lang, outside))
			}
		}
		// A later exact 누계 counts the 200여 in: nothing is approximate.
		h.run("U1", pick("추가 노인 누계 1,650 11/25", "add 1,650 senior cumulative date:2026-11-25"), commands.OutcomeOK)
		if got := h.outsideApproxSQL("senior"); got != 0 {
			t.Fatalf("SQL: outside approximate %d after a later exact report, want 0", got)
		}
		text := h.run("U1", pick("현황 노인", "status senior"), commands.OutcomeOK).Text()
		if strings.Contains(text, approxFig(lang, "1,650")) || !strings.Contains(text, "1,650") {
			t.Errorf("a later exact report still reads approximate:\n%s", text)
		}
	}
}

// Review r27 F21, r41 F13: the increment of an approximate 누계 is written
// "9여개" (the ledger's own form; 약 is refused as input), "about 9" in
// English, never "about +9"; an approximate 누계 equal to an exact ledger says
// the ledger holds the exact figure and gives the 정정 that marks it
// approximate, and that line does.
func TestApproximateReportIncrementAndExactLedger(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		ko := lang == commands.Korean
		pick := func(k, e string) string {
			if ko {
				return k
			}
			return e
		}
		h.run("U1", pick("추가 여성 71 11/20", "add 71 women date:2026-11-20"), commands.OutcomeOK)
		r := h.run("U1", pick("추가 여성 누계 80여 11/24", "add 80여 women cumulative date:2026-11-24"), commands.OutcomeOK)
		from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
		inc := h.sumSQL("women", from, to) - 71
		if inc != 9 {
			t.Fatalf("SQL increment %d, want 9", inc)
		}
		// review r41 F13: in Korean 9여개, the ledger's own form, not 약 9개
		mustContain(t, r.Text(), pick("증가분 9여개", "a difference of about 9"))
		if strings.Contains(r.Text(), "약 9") || strings.Contains(r.Text(), "about +9") {
			t.Errorf("the increment carries 여:\n%s", r.Text())
		}

		h.run("U1", pick("추가 노인 누계 1,400 11/20", "add 1,400 senior cumulative date:2026-11-20"), commands.OutcomeOK)
		id := h.newestID()
		before := h.entriesStored()
		r = h.run("U1", pick("추가 노인 누계 1,400여 11/20", "add 1,400여 senior cumulative date:2026-11-20"), commands.OutcomeOK)
		fix := pick("`정정 ", "`correct ") + formatCount(id) + " " + "1,400여 "
		mustContain(t, r.Text(), fix, pick("정확한 수", "exactly"))
		if h.entriesStored() != before {
			t.Fatalf("the agreeing report wrote %d rows", h.entriesStored()-before)
		}
		h.run("U1", strings.Trim(fix, "`")+pick("부서 보고가 어림수", "the department's figure is approximate"), commands.OutcomeOK)
		if got := h.approxNowSQL("senior", from, to); got != 1400 {
			t.Errorf("SQL approximate now %d after the 정정, want 1,400", got)
		}
	}
}

// Review r27 F2/F3: `정정 19 25 11월분 집계 누락 5명 반영` on #19 = 20 is the
// 정정 to 25 (20 + 5, the reason's own number), recorded with the reason as
// typed; a 정정 whose words read as more but whose figure is above the old
// one offers the two 정정 lines, never `추가 … 25`; the same 정정 again
// (on #19, now corrected to 25, or on its replacement) says it is already
// 25 and writes nothing.
func TestCorrectionReasonNamesTheMissedCount(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		ko := lang == commands.Korean
		pick := func(k, e string) string {
			if ko {
				return k
			}
			return e
		}
		h.run("U1", pick("추가 노인 20 11/20", "add 20 senior date:2026-11-20"), commands.OutcomeOK) // #1
		h.run("U1", pick("추가 청년 40 11/20", "add 40 youth date:2026-11-20"), commands.OutcomeOK)  // #2
		// The words read as more and nothing in them explains 40 → 50:
		r := h.refusedUntouched("U1", pick("정정 2 50 집계 누락분 반영", "correct 2 50 missed people added"),
			pick("`정정 2 50 사유:집계 누락분 반영`", "`correct 2 50 reason:missed people added`"),
			pick("`정정 2 90 사유:집계 누락분 반영`", "`correct 2 90 reason:missed people added`"))
		if strings.Contains(r.Text(), pick("`추가 청년 50", "`add 50 youth")) {
			t.Errorf("the refusal offers an add of the 정정's total:\n%s", r.Text())
		}
		line := pick("정정 1 25 11월분 집계 누락 5명 반영", "correct 1 25 missed 5 people in November")
		r = h.run("U1", line, commands.OutcomeOK)
		mustContain(t, r.Text(), pick("11월분 집계 누락 5명 반영", "missed 5 people in November"))
		from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
		if got := h.sumSQL("senior", from, to); got != 25 {
			t.Fatalf("SQL senior total %d, want 25", got)
		}
		newID := h.newestID()
		for _, again := range []string{line, strings.Replace(line, " 1 25 ", " "+formatCount(newID)+" 25 ", 1)} {
			r = h.refusedUntouched("U1", again, pick("25개", "25"))
			if strings.Contains(r.Text(), pick("정정 "+formatCount(newID)+" 25 <사유>", "correct "+formatCount(newID)+" 25 <reason>")) ||
				strings.Contains(r.Text(), pick("25개가 25개로", "from 25 into 25")) {
				t.Errorf("%q offers a 정정 that changes nothing:\n%s", again, r.Text())
			}
		}
		if got := h.sumSQL("senior", from, to); got != 25 {
			t.Fatalf("SQL senior total %d, want 25", got)
		}
	}
}

// Review r27 F17: on 2027-01-05 `53주차` (no year) is 2026's ISO week 53
// (12. 28.~1. 3.), the week just ended, in 현황, 목록 and 주간보고, as
// `52주차` in January is last year's; its figure is the plain SQL sum.
func TestYearlessWeek53InJanuaryIsLastYears(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, 12, 30, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run("U1", "추가 청년 7 12/29", commands.OutcomeOK)
		now = time.Date(2027, 1, 2, 1, 0, 0, 0, time.UTC)
		h.run("U1", "추가 청년 5 1/1 확인:예", commands.OutcomeOK)
		now = time.Date(2027, 1, 5, 1, 0, 0, 0, time.UTC)
		sum := h.sumSQL("youth", time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 3, 0, 0, 0, 0, time.UTC))
		if sum != 12 {
			t.Fatalf("SQL sum of 2026-W53 %d, want 12", sum)
		}
		weeks := []string{"2026년 53주차", "2026년 53주차"}
		if lang == commands.English {
			weeks = []string{"week 53 of 2026", "2026-W53"}
		}
		for i, line := range []string{"현황 53주차", "주간보고 53주차"} {
			text := h.run("U1", line, commands.OutcomeOK).Text()
			mustContain(t, text, weeks[i], formatCount(sum))
		}
		text := h.run("U1", "목록 53주차", commands.OutcomeOK).Text()
		mustContain(t, text, "#1", "#2")
	}
}

// Review r27 F15: `추가 여성 12 12월분` in January is asked about as a
// month, offering the line dated 2026. 12. 31. with the word as its note and
// today's line; nothing is written, and the offered line records on
// 2026-12-31 (SQL).
func TestMonthShareIsAskedAbout(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2027, 1, 4, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		// each line names its day (review r43 F1: today's had none)
		end, today := "`추가 여성 12 날짜:2026. 12. 31. 메모:12월분`", "`추가 여성 12 날짜:2027. 1. 4.`"
		if lang == commands.English {
			end, today = "`추가 여성 12 date:2026-12-31 note:12월분`", "`추가 여성 12 date:2027-01-04`"
		}
		r := h.refusedUntouched("U2", "추가 여성 12 12월분", end, today)
		if strings.Contains(r.Text(), "연. 월. 일.") || strings.Contains(r.Text(), "YYYY-MM-DD") {
			t.Errorf("the month is lectured as an unreadable date:\n%s", r.Text())
		}
		h.run("U2", "추가 여성 12 12월말 메모:12월분", commands.OutcomeOK)
		day := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
		if got := h.sumSQL("women", day, day); got != 12 {
			t.Fatalf("SQL sum on 2026-12-31 %d, want 12", got)
		}
	}
}

// Review r27 F12: English month names and abbreviations are that month:
// `status december`, `status dec` equal `status 2026-12` and the plain SQL
// sum of December; Korean users typing them get the same.
func TestEnglishMonthNamesArePeriods(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		now := time.Date(2026, 12, 31, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run("U1", "add 14 youth date:2026-12-24", commands.OutcomeOK)
		h.run("U1", "add 3 youth date:2026-11-24", commands.OutcomeOK)
		dec := h.sumSQL("youth", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
		if dec != 14 {
			t.Fatalf("SQL December %d, want 14", dec)
		}
		want := h.run("U1", "status 2026-12", commands.OutcomeOK).Text()
		for _, line := range []string{"status december", "status dec", "status Dec.", "status december 2026"} {
			if got := h.run("U1", line, commands.OutcomeOK).Text(); got != want {
				t.Errorf("%q differs from status 2026-12:\n%s\nwant:\n%s", line, got, want)
			}
		}
		mustContain(t, want, formatCount(dec))
	}
}

// Review r27 F13: a manager's add in a closed month (마감 후 추가) echoes
// its 사유, as 정정 and 무효 do, and records the jobs (SQL).
func TestAddAfterCloseEchoesTheReason(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, 12, 4, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, "마감 11월", commands.OutcomeOK)
		r := h.run(manager, "추가 여성 3 11/28 사유:여성가족과 11월 누락분 보고(12/4 공문)", commands.OutcomeOK)
		mustContain(t, r.Text(), "여성가족과 11월 누락분 보고(12/4 공문)")
		day := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
		if got := h.sumSQL("women", day, day); got != 3 {
			t.Fatalf("SQL sum on 11/28 %d, want 3", got)
		}
	}
}

// Review r27 F4: a rate above 0 but under 1% (132 jobs of a 15,000 target)
// prints "1% 미만" / "under 1%", never 0%, in status, the digest and the
// report; the figures are the plain SQL sums.
func TestRateUnderOnePercentIsNotZero(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		under := "1% 미만"
		if lang == commands.English {
			under = "under 1%"
		}
		h.run(manager, "목표 15000", commands.OutcomeOK)
		h.run(manager, "목표 15000 사업:청년", commands.OutcomeOK)
		h.run("U1", "추가 청년 132 11/20", commands.OutcomeOK)
		if got := h.yearTotal(); got != 132 || got*100/15000 != 0 {
			t.Fatalf("SQL year total %d, want 132 (under 1%% of 15,000)", got)
		}
		for _, line := range []string{"현황", "현황 11월", "현황 청년", "주간보고", "보고서"} {
			text := h.run(manager, line, commands.OutcomeOK).Text()
			mustContain(t, text, under)
			if strings.Contains(text, "(0%") || strings.Contains(text, " 0%") || strings.Contains(text, "의 0%") {
				t.Errorf("%q prints 0%% for 132 of 15,000:\n%s", line, text)
			}
		}
	}
}
