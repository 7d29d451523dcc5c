package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Tests of the Korean review's findings 1, 5 and 6: a cumulative report
// (누계) dated before a later one re-bases it instead of being counted on
// top of it, and replies say a report's total as reported apart from the
// ledger's.

// Finding 1: "3월말 누계 1,200" entered after "4. 24. 누계 1,250" leaves the
// year at 1,250 (SQL), the later report's increment becomes 50, the reply
// says so; a larger earlier figure is refused naming the later report; a
// void of the back-dated report gives the later one its increment back.
func TestBackdatedCumulativeReportRebasesTheLaterOne(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 1,250 노인 누계 2026. 4. 24.", commands.OutcomeOK)    // #1
	r := h.run("U1", "추가 천2백 노인 누계 2026. 3. 31.", commands.OutcomeOK) // #2
	mustContain(t, r.Text(), "2026. 3. 31. 기준 누계 1,200개 (증가분 1,200개)",
		"이후 누계 보고 #1(2026. 4. 24. 기준 누계 1,250개)의 증가분을 +1,250개에서 +50개로 조정하여",
		"노인 일자리 2026년 누계: 1,250개")
	if got := h.sumThrough("senior", "2026-04-24"); got != 1250 {
		t.Errorf("SQL total through 4/24 = %d, want the 1,250 reported", got)
	}
	if got := h.sumThrough("senior", "2026-03-31"); got != 1200 {
		t.Errorf("SQL total through 3/31 = %d, want 1,200", got)
	}

	// Finding 5: 4월 shows the April increment, 50, not 1,250.
	st := h.run("U1", "현황 2026년 4월 노인", commands.OutcomeOK).Text()
	mustContain(t, st, "증가분 50개")
	if strings.Contains(st, "증가분 1,250개") {
		t.Errorf("4월 현황 still counts #1 in full:\n%s", st)
	}

	// A delta dated before #1 adds to it (the existing decision); a true
	// later report is then accepted, not refused as below the ledger.
	h.run("U1", "추가 30 노인 2026. 4. 10. 누계포함:아니오", commands.OutcomeOK) // #3
	if got := h.sumThrough("senior", "2026-04-24"); got != 1280 {
		t.Errorf("SQL total through 4/24 = %d, want 1,280", got)
	}
	h.run("U1", "추가 1,300 노인 누계 2026. 4. 28.", commands.OutcomeOK) // #4
	if got := h.sumThrough("senior", "2026-12-31"); got != 1300 {
		t.Errorf("SQL year total = %d, want 1,300", got)
	}

	// An earlier figure that leaves #1 no increase is refused, nothing written.
	before := h.entriesStored()
	r = h.run("U1", "추가 1,260 노인 누계 2026. 4. 1.", commands.OutcomeRefused)
	mustContain(t, r.Text(), "2026. 4. 1. 기준 누계 1,260개는 저장하지 않았습니다",
		"이후 누계 보고 #1(2026. 4. 24. 기준 누계 1,250개)", "`무효 1 <사유>`")
	if h.entriesStored() != before {
		t.Errorf("the refused report wrote %d rows", h.entriesStored()-before)
	}

	// Voiding the back-dated report gives #1 back its 1,250: no total
	// through 4/24 moves but 3/31's.
	r = h.run("U1", "무효 2 잘못 입력", commands.OutcomeOK)
	mustContain(t, r.Text(), "이후 누계 보고 #1", "+50개에서 +1,250개로")
	if got := h.sumThrough("senior", "2026-04-24"); got != 1280 {
		t.Errorf("after the void, SQL total through 4/24 = %d, want 1,280", got)
	}
	if got := h.sumThrough("senior", "2026-03-31"); got != 0 {
		t.Errorf("after the void, SQL total through 3/31 = %d, want 0", got)
	}
	// Entered again, it re-bases #1 again: 79 stays 60 in the review's terms.
	h.run("U1", "추가 천2백 노인 누계 2026. 3. 31.", commands.OutcomeOK)
	if got := h.sumThrough("senior", "2026-04-24"); got != 1280 {
		t.Errorf("re-entered, SQL total through 4/24 = %d, want 1,280", got)
	}
	if got := h.sumThrough("senior", "2026-12-31"); got != 1300 {
		t.Errorf("re-entered, SQL year total = %d, want 1,300", got)
	}
	dbtest.CheckTotals(t, h.store)
}

// Finding 1, the review's second case: no earlier report; 60 through 6/4,
// then 45 through 6/2.
func TestBackdatedCumulativeReportKeepsTheLaterTotal(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 29 취약계층 2026. 5. 20.", commands.OutcomeOK)
	h.run("U1", "추가 60 취약계층 누계 2026. 6. 4.", commands.OutcomeOK)
	r := h.run("U1", "추가 45 취약계층 누계 2026. 6. 2.", commands.OutcomeOK)
	mustContain(t, r.Text(), "+31개에서 +15개로", "2026년 누계: 60개")
	if got := h.sumThrough("vulnerable", "2026-06-04"); got != 60 {
		t.Errorf("SQL total through 6/4 = %d, want 60", got)
	}
	if got := h.sumThrough("vulnerable", "2026-06-02"); got != 45 {
		t.Errorf("SQL total through 6/2 = %d, want 45", got)
	}
	st := h.run("U1", "현황 2026. 6. 4. 취약계층", commands.OutcomeOK).Text()
	mustContain(t, st, "60개")
	if strings.Contains(st, "76개") {
		t.Errorf("현황 still double-counts:\n%s", st)
	}
	dbtest.CheckTotals(t, h.store)
}

// Finding 6: a delta dated before a later report adds to it; a void that
// re-bases that report then says the report's figure as reported and the
// ledger's through its date, and 목록 calls the figure the one reported.
func TestRebasedReportReplySaysTheLedgerTotal(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 18 청년 2026. 4. 29.", commands.OutcomeOK)              // #1
	h.run("U1", "추가 700 청년 누계 2026. 5. 28.", commands.OutcomeOK)          // #2
	r := h.run("U1", "추가 12 청년 2026. 5. 4. 누계포함:아니오", commands.OutcomeOK) // #3
	mustContain(t, r.Text(), "누계 #2: 700개 → 712개")
	r = h.run("U1", "무효 1 임시직 중복", commands.OutcomeOK)
	mustContain(t, r.Text(), "이후 누계 보고 #2(2026. 5. 28. 기준, 보고 당시 누계 700개)의 증가분을 +682개에서 +700개로 조정했습니다",
		"장부 누계는 현재 712개입니다")
	if strings.Contains(r.Text(), "그대로 맞도록") {
		t.Errorf("the void says #2 stays as reported while the ledger says 712:\n%s", r.Text())
	}
	if got := h.sumThrough("youth", "2026-05-28"); got != 712 {
		t.Errorf("SQL total through 5/28 = %d, want 712", got)
	}
	mustContain(t, h.run("U1", "목록 청년", commands.OutcomeOK).Text(), "#2 · 2026. 5. 28. · 청년일자리 보고 당시 누계 700개 (이 보고로 +700개)")
}
