package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Tests of review r1 S7, W2, W3 and its minor items, typed through
// Service.Handle; every figure is compared with a plain SQL SUM.

// S7: a 누계 report filed under one department, of a program other
// departments also filed jobs for, is held: the reply says the 누계 is the
// whole program's, names the other departments' share and the increment,
// and says what to type for the department's own 누계. Confirming records
// it as before; the delta records the department's own figure.
func TestCumulativeWithOtherDepartmentsIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                   commands.Lang
		report, confirm, delta string
		wants                  []string
	}{
		{commands.Korean, "추가 청년 누계 700 11/25 부서:일자리정책과", "추가 청년 누계 700 11/25 부서:일자리정책과 확인:예", "추가 100 청년 11/25 부서:일자리정책과",
			[]string{"사업 전체의 누계", "노인복지과 15개", "+85개", "지금까지 600개", "`추가 100 청년 11/25 부서:일자리정책과`", "아직 기록하지 않았습니다"}},
		{commands.English, "add 700 youth cumulative date:11/25 dept:일자리정책과", "add 700 youth cumulative date:11/25 dept:일자리정책과 confirm:yes", "add 100 youth date:11/25 dept:일자리정책과",
			[]string{"whole program's total", "노인복지과 15", "records +85", "`add 100 youth date:11/25 dept:일자리정책과`", "Nothing was recorded"}},
	} {
		for _, confirm := range []bool{true, false} {
			h := newHarness(t, tc.lang)
			if tc.lang == commands.Korean {
				h.run(manager, "추가 600 청년 11/20", commands.OutcomeOK)
				h.run(manager, "추가 15 청년 11/20 부서:노인복지과", commands.OutcomeOK)
			} else {
				h.run(manager, "add 600 youth date:11/20", commands.OutcomeOK)
				h.run(manager, "add 15 youth date:11/20 dept:노인복지과", commands.OutcomeOK)
			}
			n := h.entryCount()
			r := h.run(manager, tc.report, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.wants...)
			if got := h.entryCount(); got != n {
				t.Fatalf("%s: held report wrote %d entries", tc.report, got-n)
			}
			if confirm {
				h.run(manager, tc.confirm, commands.OutcomeOK)
				if got := h.sum("p.code = 'youth' AND e.as_of <= '2026-11-25'"); got != 700 {
					t.Errorf("%s: program total %d after the confirmed 누계, want 700", tc.lang, got)
				}
				continue
			}
			h.run(manager, tc.delta, commands.OutcomeOK)
			if got := h.deptJobs("일자리정책과"); got != 700 {
				t.Errorf("%s: department total %d after the delta, want 700", tc.lang, got)
			}
			if got := h.sum("p.code = 'youth'"); got != 715 {
				t.Errorf("%s: program total %d, want 715", tc.lang, got)
			}
		}
	}
}

// S7: a 누계 report of a program only its own department filed for is
// recorded at once, as before.
func TestCumulativeOfOneDepartmentIsRecorded(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 600 청년 11/20", commands.OutcomeOK)
	h.run(manager, "추가 15 청년 11/26 부서:노인복지과", commands.OutcomeOK) // after the report's date
	h.run(manager, "추가 청년 누계 700 11/25", commands.OutcomeOK)
	if got := h.sum("p.code = 'youth' AND e.as_of <= '2026-11-25'"); got != 700 {
		t.Errorf("total through 11/25 %d, want 700", got)
	}
}

// W2: a delta dated before two same-day 누계 reports names only the report
// that decides the date (the latest recorded), with its own figures.
func TestLaterReportLinesNameOnlyTheDecidingReport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		first, second, delta string
		want, notWant        string
	}{
		{commands.Korean, "추가 여성 누계 200여 11/20", "추가 여성 누계 300 11/20", "추가 5 여성 11/10 누계포함:아니오",
			"2026. 11. 20. 누계 #2: 300개 → 305개", "#1:"},
		{commands.English, "add 200여 women cumulative date:11/20", "add 300 women cumulative date:11/20", "add 5 women date:11/10 within:no",
			"later cumulative report #2 (2026-11-20): the total through its date goes from 300 to 305", "report #1"},
	} {
		h := newHarness(t, tc.lang)
		h.run(manager, tc.first, commands.OutcomeOK)
		h.run(manager, tc.second, commands.OutcomeOK)
		r := h.run(manager, tc.delta, commands.OutcomeOK)
		mustContain(t, r.Text(), tc.want)
		if strings.Contains(r.Text(), tc.notWant) {
			t.Errorf("%s: reply names the superseded report:\n%s", tc.lang, r.Text())
		}
		if got := h.sum("p.code = 'women' AND e.as_of <= '2026-11-20'"); got != 305 {
			t.Errorf("%s: total through 11/20 %d, want 305", tc.lang, got)
		}
	}
}

// W3: 현황 부서별 names a silent department's 실적 없음 reports instead of
// calling it unreported: 실적 없음 for April only, after jobs in March, says
// so and that nothing came after; 실적 없음 through last month covers it.
func TestStatusNamesNothingReportsOfSilentDepartment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                          commands.Lang
		add, status, partial, covered string
		silent                        string
	}{
		{commands.Korean, "추가 5 철도 3/3", "현황 상반기", "도시재생과: 5개 · 실적 없음 보고(2026년 4월), 이후 보고 없음",
			"도시재생과: 5개 · 실적 없음 보고(2026년 4월, 2026년 5월)", "이후 보고 없음"},
		{commands.English, "add 5 rail date:3/3", "status h1", "도시재생과: 5 · reported no jobs (실적 없음) for April 2026, nothing since",
			"도시재생과: 5 · reported no jobs (실적 없음) for April 2026, May 2026", "silent since"},
	} {
		h := newHarness(t, tc.lang)
		h.run(manager, tc.add, commands.OutcomeOK)
		h.run(manager, "실적없음 2026-04 부서:도시재생과", commands.OutcomeOK)
		if got := h.deptJobs("도시재생과"); got != 5 {
			t.Fatalf("도시재생과 %d, want 5", got)
		}
		r := h.run(manager, tc.status, commands.OutcomeOK)
		mustContain(t, r.Text(), tc.partial)
		h.run(manager, "실적없음 2026-05 부서:도시재생과", commands.OutcomeOK)
		r = h.run(manager, tc.status, commands.OutcomeOK)
		mustContain(t, r.Text(), tc.covered)
		for _, line := range strings.Split(r.Text(), "\n") {
			if strings.HasPrefix(line, "도시재생과") && strings.Contains(line, tc.silent) {
				t.Errorf("%s: 도시재생과 still called silent: %s", tc.lang, line)
			}
		}
	}
}

// Minor (W3): 취소 of a 약정 누계 report calls it 약정, not 실적, and names
// the 누계 it reported beside its increment; a voided 약정 delta is 약정 too.
func TestVoidOfAgreementNamesItAgreement(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                           commands.Lang
		agree, report, undo, void      string
		wantReport, wantAgree, notWant string
	}{
		{commands.Korean, "추가 40 투자 11/20 상태:약정", "추가 투자 누계 50 약정 11/25", "취소", "무효 1 중복",
			"#2 약정 누계 보고(2026. 11. 25. 기업 및 투자유치 약정 누계 50개, 증가분 10개)를 무효 처리했습니다",
			"#1 약정(2026. 11. 20. 기업 및 투자유치 40개)을 무효 처리했습니다", "실적("},
		{commands.English, "add 40 invest date:11/20 status:agreed", "add 50 invest cumulative status:agreed date:11/25", "undo", "void 1 duplicate",
			"Voided cumulative agreement report #2", "Voided agreement #1", "Voided entry"},
	} {
		h := newHarness(t, tc.lang)
		h.run(manager, tc.agree, commands.OutcomeOK)
		h.run(manager, tc.report, commands.OutcomeOK)
		r := h.run(manager, tc.undo, commands.OutcomeOK)
		mustContain(t, r.Text(), tc.wantReport)
		if tc.lang == commands.English {
			mustContain(t, r.Text(), "50 agreed in total", "an increase of 10")
		}
		if strings.Contains(r.Text(), tc.notWant) {
			t.Errorf("%s: an agreement called a realised entry:\n%s", tc.lang, r.Text())
		}
		r = h.run(manager, tc.void, commands.OutcomeOK)
		mustContain(t, r.Text(), tc.wantAgree)
		if got := h.liveSum("invest", "agreed"); got != 0 {
			t.Errorf("%s: live agreed %d after both voids, want 0", tc.lang, got)
		}
	}
}

// Minor (W3): the report's 증감 column carries 여 where its 누계 does.
func TestReportChangeCarriesYeoLikeTotal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang          commands.Lang
		add, report   string
		total, change string
	}{
		{commands.Korean, "추가 여성 누계 200여 11/20", "보고서", "200여", "+200여"},
		{commands.English, "add 200여 women cumulative date:11/20", "report", "about 200", "about +200"},
	} {
		h := newHarness(t, tc.lang)
		h.run(manager, tc.add, commands.OutcomeOK)
		if got := h.sum("p.code = 'women'"); got != 200 {
			t.Fatalf("women %d, want 200", got)
		}
		r := h.run(manager, tc.report, commands.OutcomeOK)
		found := false
		for _, line := range strings.Split(r.Text(), "\n") {
			line = strings.TrimSpace(line)
			if !strings.Contains(line, tc.total+" ") || !strings.Contains(line, "+") {
				continue
			}
			found = true
			if !strings.HasSuffix(line, " "+tc.change) {
				t.Errorf("%s: 증감 column lacks %q beside 누계 %s: %s", tc.lang, tc.change, tc.total, line)
			}
		}
		if !found {
			t.Errorf("%s: no row with 누계 %s:\n%s", tc.lang, tc.total, r.Text())
		}
	}
}
