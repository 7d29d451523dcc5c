package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db/dbtest"
)

// Tests of the Korean review's findings 2 and 3: 여 follows what was typed
// last. An exact 누계 equal to a total made approximate by a delta clears
// 여; a 정정 typed exactly is exact, and 30여 → 30 is a correction.

// approxSQL is whether a live entry is stored approximate.
func (h *harness) approxSQL(id int64) bool {
	h.t.Helper()
	var v bool
	if err := h.store.DB().GetContext(context.Background(), &v, `SELECT approximate FROM entries WHERE id = $1`, id); err != nil {
		h.t.Fatal(err)
	}
	return v
}

// Finding 3: `정정 1 950` on 천여 명 records an exact 950, the title shows
// 여 on the side that had it; `정정 3 30` on 약 30명 is a real correction.
func TestCorrectionTakesApproximatenessFromTheTypedFigure(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 천여 명 사회적기업 2026. 4. 20.", commands.OutcomeOK) // #1
	if !h.approxSQL(1) {
		t.Fatal("#1 천여 명 is not stored approximate")
	}
	r := h.run("U1", "정정 1 950 사회적경제과 재확인", commands.OutcomeOK) // #2
	mustContain(t, r.Text(), "1,000여개 → 950개 (새 번호 #2)", "2026년 누계(정정 후): 950개")
	if h.approxSQL(2) {
		t.Error("#2, typed `950`, is stored approximate")
	}
	if got := h.approxNowSQL("social", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 0 {
		t.Errorf("SQL: %d approximate social jobs after an exact correction, want 0", got)
	}
	st := h.run("U1", "현황 사회적기업", commands.OutcomeOK).Text()
	if strings.Contains(st, "950여") || strings.Contains(st, "어림수") {
		t.Errorf("현황 still shows 여 after an exact correction:\n%s", st)
	}

	h.run("U1", "추가 30여명 공동체 2026. 5. 1.", commands.OutcomeOK) // #3
	r = h.run("U1", "정정 3 30여 중복 확인", commands.OutcomeRefused)
	mustContain(t, r.Text(), "이미 30여개입니다")
	r = h.run("U1", "정정 3 30 공동체지원과 재확인 결과 정확히 30명", commands.OutcomeOK) // #4
	mustContain(t, r.Text(), "30여개 → 30개")
	if h.approxSQL(4) || !h.voided(3) {
		t.Errorf("#4 approximate %v, #3 voided %v; want an exact #4 replacing #3", h.approxSQL(4), h.voided(3))
	}
	if got, sum := h.liveSum("community", "realised"), int64(30); got != sum {
		t.Errorf("SQL community sum %d, want %d", got, sum)
	}
	// And back: `950여` makes an exact figure approximate.
	h.run("U1", "정정 2 950여 재확인", commands.OutcomeOK) // #5
	if !h.approxSQL(5) {
		t.Error("#5, typed `950여`, is stored exact")
	}
	dbtest.CheckTotals(t, h.store)
}

// Finding 2: an exact 누계 equal to a total made approximate by a delta
// (not a 누계) records the delta again without 여 and says so; before,
// it said "nothing recorded" and 여 stayed.
func TestExactReportClearsAnApproximateDelta(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 900 사회적기업 2026. 4. 10.", commands.OutcomeOK) // #1
	h.run("U1", "추가 50여 사회적기업 2026. 4. 30.", commands.OutcomeOK) // #2
	h.run("U1", "추가 7여 사회적기업 2026. 6. 20.", commands.OutcomeOK)  // #3: after the report's date, stays 여
	sum := h.liveSum("social", "realised")
	r := h.run("U1", "추가 950 사회적기업 누계 2026. 6. 2.", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026. 6. 2. 기준 누계 950개는 장부와 같습니다", "정확한 수치로 다시 기록했습니다",
		"어림수로 입력된 #2(2026. 4. 30., +50여개)의 '여' 표시를 지우고 #4(+50개)로 다시 기록했습니다")
	if strings.Contains(r.Text(), "새로 기록하지 않았습니다") {
		t.Errorf("the reply says nothing was recorded:\n%s", r.Text())
	}
	if got := h.liveSum("social", "realised"); got != sum {
		t.Errorf("SQL sum %d after the exact report, want %d unchanged", got, sum)
	}
	if got := h.approxNowSQL("social", dates.On(2026, 1, 1), dates.On(2026, 6, 2)); got != 0 {
		t.Errorf("SQL: %d approximate through 6/2 after an exact 누계, want 0", got)
	}
	if got := h.approxNowSQL("social", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 7 {
		t.Errorf("SQL: %d approximate in the year, want the 7 after the report", got)
	}
	st := h.run("U1", "현황 2026. 6. 2. 사회적기업", commands.OutcomeOK).Text()
	mustContain(t, st, "950개")
	if strings.Contains(st, "950여") || strings.Contains(st, "어림수") {
		t.Errorf("현황 through 6/2 still shows 여:\n%s", st)
	}
	dbtest.CheckTotals(t, h.store)
}

// Finding 9: where one figure is shown and it is approximate, it carries
// 여: 목록's reported total, the refusal of a smaller 누계, 현황's headline
// and 부서별 line, and 주간보고's 부진 사업 line.
func TestOneApproximateFigureKeepsItsYeo(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "target 2400 program:youth", commands.OutcomeOK)
	h.run("U1", "추가 6백여 청년 누계 2026. 4. 28.", commands.OutcomeOK) // #1
	if got := h.approxNowSQL("youth", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 600 {
		t.Fatalf("SQL: %d approximate youth jobs, want 600", got)
	}
	mustContain(t, h.run("U1", "목록 청년", commands.OutcomeOK).Text(), "보고 당시 누계 600여개 (이 보고로 +600개)")
	r := h.run("U1", "추가 500 청년 누계 2026. 4. 29.", commands.OutcomeRefused)
	mustContain(t, r.Text(), "2026. 4. 29. 기준 누계가 이미 600여개입니다")
	st := h.run("U1", "현황", commands.OutcomeOK).Text()
	mustContain(t, st, "누계 600여개", "일자리정책과: 600여개", "청년일자리 · 공공: 600여개")
	d := h.run("U1", "주간보고", commands.OutcomeOK).Text()
	mustContain(t, d, "청년일자리: 600여개 / 목표 2,400개")
	if strings.Contains(st+d, ": 600개") || strings.Contains(st, "누계 600개") {
		t.Errorf("600여 shown as an exact 600:\n%s\n%s", st, d)
	}
}
