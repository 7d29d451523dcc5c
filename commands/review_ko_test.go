package commands_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db/dbtest"
)

// Tests of the Korean official's review (review_ko findings 7, 8, 10, 11),
// through Service.Handle.

// deptMonthSQL is the plain SUM of a department's live entries of one status
// dated in the month starting on month (YYYY-MM-01).
func (h *harness) deptMonthSQL(dept, month, status string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(count), 0) FROM entries
		WHERE voided_at IS NULL AND department = $1 AND status = $3
		  AND as_of >= $2::date AND as_of < $2::date + interval '1 month'`, dept, month, status)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// liveNothing counts live 실적 없음 records of a department and month.
func (h *harness) liveNothing(dept, month string) int {
	h.t.Helper()
	var n int
	err := h.store.DB().GetContext(context.Background(), &n,
		`SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL AND department = $1 AND month = $2::date`, dept, month)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Finding 7: an agreement (약정) is not 실적. A month holding only
// agreements may be recorded as 실적 없음, and an agreement may be added to a
// month with a live 실적 없음; a realised job (an add or a hire against the
// agreement) is still refused there, and 실적 없음 is still refused in a month
// with realised jobs.
func TestNothingExcludesRealisedJobsOnly(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                 commands.Lang
		agree, none, add, agreeMore, hire    string
		voidLine, noneAgain, refusedNoneSays string
	}{
		{commands.Korean, "추가 40 senior 상태:약정 날짜:2026-10-01 메모:신규 협약", "실적없음 10월 부서:노인복지과",
			"추가 10 senior 날짜:2026-10-15", "추가 5 senior 상태:약정 날짜:2026-10-20", "채용 1 4 2026-10-21",
			"무효 %d 실적 확인됨", "실적없음 10월 부서:노인복지과", "실적 10개가 이미 있어"},
		{commands.English, "add 40 senior status:agreed date:2026-10-01 note:new agreement", "none 2026-10 dept:노인복지과",
			"add 10 senior date:2026-10-15", "add 5 senior status:agreed date:2026-10-20", "hire 1 4 2026-10-21",
			"void %d there were jobs", "none 2026-10 dept:노인복지과", "already has 10 jobs"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, tc.agree, commands.OutcomeOK) // #1, an agreement only
			r := h.run(manager, tc.none, commands.OutcomeOK)
			noBadVerbs(t, r)
			if h.liveNothing("노인복지과", "2026-10-01") != 1 {
				t.Fatalf("no live 실적 없음 after:\n%s", r.Text())
			}
			var nothingID int64
			if err := h.store.DB().GetContext(context.Background(), &nothingID, `SELECT id FROM nothing_reports WHERE voided_at IS NULL`); err != nil {
				t.Fatal(err)
			}
			// A realised job is still refused, by an add and by a hire.
			r = h.run(manager, tc.add, commands.OutcomeRefused)
			mustContain(t, r.Text(), fmt.Sprintf("#%d", nothingID))
			h.run(manager, tc.hire, commands.OutcomeRefused)
			// Another agreement is not 실적: allowed.
			h.run(manager, tc.agreeMore, commands.OutcomeOK)
			if got := h.deptMonthSQL("노인복지과", "2026-10-01", "realised"); got != 0 {
				t.Errorf("realised October jobs = %d, want 0", got)
			}
			if got := h.deptMonthSQL("노인복지과", "2026-10-01", "agreed"); got != 45 {
				t.Errorf("agreed October jobs = %d, want 45", got)
			}
			// Voided, the month takes realised jobs; then 실적 없음 is refused,
			// naming the realised figure only (10, not 55).
			h.run(manager, fmt.Sprintf(tc.voidLine, nothingID), commands.OutcomeOK)
			h.run(manager, tc.add, commands.OutcomeOK)
			r = h.run(manager, tc.noneAgain, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.refusedNoneSays)
			if want := h.deptMonthSQL("노인복지과", "2026-10-01", "realised"); want != 10 {
				t.Errorf("realised October jobs = %d, want 10", want)
			}
			if h.liveNothing("노인복지과", "2026-10-01") != 0 {
				t.Error("a 실적 없음 went live in a month with realised jobs")
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Finding 7 under concurrency: agreements, realised adds and a 실적 없음 of
// the same department and month race. Agreements are never refused, and no
// month ends with both a live 실적 없음 and live realised jobs.
func TestNothingAgreementsAndJobsUnderConcurrency(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	const months = 10
	var wg sync.WaitGroup
	for m := 1; m <= months; m++ {
		for i := range 5 {
			wg.Go(func() {
				var line string
				switch i {
				case 0, 1:
					line = fmt.Sprintf("add %d senior status:agreed date:2026-%02d-10", i+1, m)
				case 2:
					line = fmt.Sprintf("none 2026-%02d dept:노인복지과", m)
				default:
					if m%2 == 0 { // half the months race realised adds too
						line = fmt.Sprintf("add %d senior date:2026-%02d-15", i+1, m)
					} else {
						line = fmt.Sprintf("add %d senior status:agreed date:2026-%02d-20", i+1, m)
					}
				}
				r := h.svc.Handle(ctx, commands.Caller{UserID: manager, Source: commands.SourceConsole}, line)
				agreement := i < 2 || m%2 == 1 && i != 2
				if agreement && r.Outcome != commands.OutcomeOK || r.Outcome != commands.OutcomeOK && r.Outcome != commands.OutcomeRefused {
					t.Errorf("%q: outcome %q:\n%s", line, r.Outcome, r.Text())
				}
			})
		}
	}
	wg.Wait()
	var both []string
	if err := h.store.DB().SelectContext(ctx, &both, `
		SELECT to_char(n.month, 'YYYY-MM') FROM nothing_reports n
		WHERE n.voided_at IS NULL AND EXISTS (
			SELECT 1 FROM entries e
			WHERE e.department = n.department AND e.voided_at IS NULL AND e.status = 'realised'
			  AND date_trunc('month', e.as_of) = n.month)`); err != nil {
		t.Fatal(err)
	}
	if len(both) > 0 {
		t.Errorf("months with both a live 실적 없음 and live realised jobs: %v", both)
	}
	for m := 1; m <= months; m++ {
		month := fmt.Sprintf("2026-%02d-01", m)
		want := int64(1 + 2)
		if m%2 == 1 {
			want += 4 + 5
		}
		if got := h.deptMonthSQL("노인복지과", month, "agreed"); got != want {
			t.Errorf("%s: agreed = %d, want %d (no agreement is refused)", month, got, want)
		}
		if m%2 == 1 && h.liveNothing("노인복지과", month) != 1 {
			t.Errorf("%s holds only agreements, but its 실적 없음 was refused", month)
		}
		if m%2 == 0 && h.liveNothing("노인복지과", month) == 0 && h.deptMonthSQL("노인복지과", month, "realised") == 0 {
			t.Errorf("%s has neither a 실적 없음 nor realised jobs", month)
		}
	}
	dbtest.CheckTotals(t, h.store)
}

// cumulativeWeekSQL is the plain SUM of the increments of live realised
// cumulative reports (누계) dated in [from, to].
func (h *harness) cumulativeWeekSQL(from, to string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(count), 0) FROM entries
		WHERE voided_at IS NULL AND status = 'realised' AND kind = 'cumulative' AND as_of BETWEEN $1::date AND $2::date`, from, to)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Finding 8: the digest's share of lump reports counts only the increments
// of cumulative reports dated in the week, names their dates as they are (a
// 누계 dated 10/28 is not "10월 31일자"), and says what they are. Ordinary
// deltas dated on the month's last day are that day's hires and are not in
// it.
func TestDigestShareCountsCumulativeReportsOnly(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		lines       []string
		digest      string
		want, wrong []string
	}{
		{commands.Korean, []string{
			"추가 100 senior 누계 날짜:2026-09-30",
			"추가 1900 invest 누계 날짜:2026-10-31",
			"추가 465 youth 누계 날짜:2026-10-28",
			"추가 170 senior 누계 날짜:2026-10-31", // +70 on the September report
			"추가 45 disabled 날짜:2026-10-31",
			"추가 3 youth 날짜:2026-10-31",
		}, "주간보고 2026년 44주차",
			// The invest and youth reports are their programs' first of the
			// year: January's jobs on, left out of the week and named
			// (review r41 F8); the senior report's +70 stays in it.
			[]string{"이번 주 118개 가운데 70개는 10월 31일 기준 누계 보고의 증가분입니다.",
				"모두 이번 주에 새로 만들어진 일자리는 아닙니다", "이번 주 실적에 넣지 않은 올해 첫 누계 보고: 청년일자리 #3(2026. 10. 28.까지 465개), 기업 및 투자유치 #2(2026. 10. 31.까지 1,900개)"},
			[]string{"월말 보고", "10월 31일자", "2,483개 가운데 2,483개", "새로 만들어진 일자리가 아닙니다"}},
		{commands.English, []string{
			"add 100 senior cumulative date:2026-09-30",
			"add 1900 invest cumulative date:2026-10-31",
			"add 465 youth cumulative date:2026-10-28",
			"add 170 senior cumulative date:2026-10-31",
			"add 45 disabled date:2026-10-31",
			"add 3 youth date:2026-10-31",
		}, "digest 2026-W44",
			[]string{"70 of the week's 118 jobs are the increments of cumulative reports (totals as of 10/31)", "the year's first cumulative reports youth #3 (465 through 2026-10-28)"},
			[]string{"month-end"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
			}
			if got := h.cumulativeWeekSQL("2026-10-26", "2026-11-01"); got != 2435 {
				t.Fatalf("cumulative increments of the week = %d, want 2435", got)
			}
			if got := h.sumSQL("", dates.On(2026, 10, 26), dates.On(2026, 11, 1)); got != 2483 {
				t.Fatalf("the week's jobs = %d, want 2483", got)
			}
			if got := h.sqlInt(label9PeriodSQL, "2026-10-26", "2026-11-01", ""); got != 118 {
				t.Fatalf("the week's jobs less the year's first 누계 reports = %d, want 118", got)
			}
			text := h.run("U1", tc.digest, commands.OutcomeOK).Text()
			mustContain(t, text, tc.want...)
			for _, w := range tc.wrong {
				if strings.Contains(text, w) {
					t.Errorf("the digest still says %q:\n%s", w, text)
				}
			}
			noFormatSlips(t, text)
		})
	}
}

// voidedPlainSQL is the plain SUM of realised entries voided without being
// replaced by a correction (정정), of one program code or all ("").
func (h *harness) voidedPlainSQL(code string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NOT NULL AND e.status = 'realised' AND ($1 = '' OR p.code = $1)
		  AND NOT EXISTS (SELECT 1 FROM entry_corrections c WHERE c.old_entry_id = e.id)`, code)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// correctedChangeSQL is what corrections (정정) changed: the SUM of new −
// old over entry_corrections, realised entries.
func (h *harness) correctedChangeSQL() int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(coalesce(n.count, 0) - o.count), 0) FROM entry_corrections c
		JOIN entries o ON o.id = c.old_entry_id
		LEFT JOIN entries n ON n.id = c.new_entry_id
		WHERE o.status = 'realised'`)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// voidsAndCorrections is the ledger of finding 10: two plain voids (#3 youth
// 18, #4 senior 50) and two corrections (#1 social 1,000 → 950 as #5, #2
// youth 40 → 45 as #6).
func voidsAndCorrections(h *harness, lang commands.Lang) {
	lines := []string{
		"add 1000 social date:2026-10-05", "add 40 youth date:2026-10-06", "add 18 youth date:2026-10-07", "add 50 senior date:2026-10-08",
		"correct 1 950 rechecked", "correct 2 45 rechecked", "void 3 duplicate", "void 4 duplicate",
	}
	if lang == commands.Korean {
		lines = []string{
			"추가 1000 social 날짜:2026-10-05", "추가 40 청년 날짜:2026-10-06", "추가 18 청년 날짜:2026-10-07", "추가 50 senior 날짜:2026-10-08",
			"정정 1 950 재확인", "정정 2 45 재확인", "무효 3 중복", "무효 4 중복",
		}
	}
	for _, line := range lines {
		h.run(manager, line, commands.OutcomeOK)
	}
	if h.voidedPlainSQL("") != 68 || h.correctedChangeSQL() != -45 {
		h.t.Fatalf("oracle: plain voids %d, corrections changed %d; want 68 and -45", h.voidedPlainSQL(""), h.correctedChangeSQL())
	}
}

// Finding 10: `list voided` counts in "N jobs taken out" only plain voids;
// corrections are listed apart as 정정 with old → new and what they
// changed, and say they are not in the count. A program filter applies.
func TestListVoidedCountsCorrectionsApart(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		all, youth           string
		wantAll, wantYouth   []string
		wrongAll, wrongYouth []string
	}{
		{commands.Korean, "목록 무효", "목록 무효 청년",
			[]string{"2026년 무효 처리 실적(기준일 기준): 2건, 일자리 68개 제외", "정정 2건",
				"#1 · 사회적기업", "1,000개 → 950개(새 번호 #5)", "40개 → 45개(새 번호 #6)",
				"무효 처리 건수와 제외 일자리에 넣지 않았습니다", "정정으로 바뀐 채용 실적: -45개"},
			[]string{"2026년 청년일자리 무효 처리 실적(기준일 기준): 1건, 일자리 18개 제외", "#3 ·", "40개 → 45개(새 번호 #6)", "정정으로 바뀐 채용 실적: +5개"},
			[]string{"1,068", "1,108"}, []string{"#4 ·", "#1 ·", "50개"}},
		{commands.English, "list voided", "list voided youth",
			[]string{"Voided entries dated in 2026 (whenever voided): 2 entries, 68 jobs taken out", "Corrections: 2",
				"1,000 → 950 (now #5)", "40 → 45 (now #6)", "not counted above", "changed realised jobs by -45"},
			[]string{"Voided entries dated in 2026 (youth) (whenever voided): ", "18 jobs taken out", "#3 ·", "40 → 45 (now #6)", "changed realised jobs by +5"},
			[]string{"1,068", "1,108"}, []string{"#4 ·", "#1 ·"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			voidsAndCorrections(h, tc.lang)
			text := h.run("U1", tc.all, commands.OutcomeOK).Text()
			mustContain(t, text, tc.wantAll...)
			for _, w := range tc.wrongAll {
				if strings.Contains(text, w) {
					t.Errorf("%q says %q:\n%s", tc.all, w, text)
				}
			}
			if h.voidedPlainSQL("youth") != 18 {
				t.Fatalf("oracle: youth plain voids %d, want 18", h.voidedPlainSQL("youth"))
			}
			text = h.run("U1", tc.youth, commands.OutcomeOK).Text()
			mustContain(t, text, tc.wantYouth...)
			for _, w := range tc.wrongYouth {
				if strings.Contains(text, w) {
					t.Errorf("%q says %q:\n%s", tc.youth, w, text)
				}
			}
			noFormatSlips(t, text)
			h.run("U1", "list voided nosuchprogram", commands.OutcomeRefused)
			dept := h.run("U1", "list voided dept:노인복지과", commands.OutcomeOK).Text()
			mustContain(t, dept, "#4 ·", "노인복지과")
			if strings.Contains(dept, "#3 ·") || strings.Contains(dept, "#1 ·") {
				t.Errorf("list voided dept:노인복지과 lists other departments' entries:\n%s", dept)
			}
		})
	}
}

// Finding 10, the digest: "이번 주 무효 처리" lists plain voids; corrections
// are a line of their own, 정정 N건(…): #1 … 1,000개 → 950개, ….
func TestDigestListsCorrectionsApart(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		digest      string
		want, wrong []string
	}{
		{commands.Korean, "주간보고 2026년 48주차",
			[]string{"#3 청년일자리 18개", "#4 노인 일자리 50개", "정정 2건(무효 처리가 아니라 수를 바로잡은 것): #1 사회적기업", "1,000개 → 950개", "#2 청년일자리 40개 → 45개"},
			[]string{"#1 사회적기업 육성(대전형일자리) 및 기반시설 1,000개 (", "#2 청년일자리 40개 ("}},
		{commands.English, "digest 2026-W48",
			[]string{"Corrected (replaced, not taken out), 2: #1 social 1,000 → 950, #2 youth 40 → 45"},
			[]string{"1,000 (2026"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			voidsAndCorrections(h, tc.lang)
			next := h.svc.WithClock(func() time.Time { return time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC) })
			r := next.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceConsole}, tc.digest)
			if r.Outcome != commands.OutcomeOK {
				t.Fatalf("%s: %s\n%s", tc.digest, r.Outcome, r.Text())
			}
			text := r.Text()
			mustContain(t, text, tc.want...)
			for _, w := range tc.wrong {
				if strings.Contains(text, w) {
					t.Errorf("the digest lists a correction as a void (%q):\n%s", w, text)
				}
			}
		})
	}
}

// reportRow returns the fields of the line of the report's "to date
// against target" table that starts with label.
func reportRow(t *testing.T, text, label string) []string {
	t.Helper()
	var last []string
	for _, line := range strings.Split(text, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == label {
			last = f // the target table comes after the monthly tables
		}
	}
	if last == nil {
		t.Fatalf("no row %q in:\n%s", label, text)
	}
	return last
}

// Finding 11: the report by department shows in a department's target
// column only a department target set with `부서 목표`; a department whose
// program has a target but which has none of its own shows "-" and no 달성률.
func TestReportByDepartmentShowsOnlyDepartmentTargets(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
		show  string
	}{
		{commands.Korean, []string{"목표 2600 사업:youth", "부서 목표 노인복지과 1만2천", "목표 2만"}, "보고서 기준:부서"},
		{commands.English, []string{"target 2600 program:youth", "dept target 노인복지과 12000", "target 20000"}, "report by:dept"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, line := range append(tc.lines, "add 853 youth date:2026-10-05", "add 3000 senior date:2026-10-06") {
				h.run(manager, line, commands.OutcomeOK)
			}
			youthDept, seniorDept := h.deptJobs("일자리정책과"), h.deptJobs("노인복지과")
			if youthDept != 853 || seniorDept != 3000 {
				t.Fatalf("oracle: 일자리정책과 %d, 노인복지과 %d; want 853 and 3000", youthDept, seniorDept)
			}
			text := h.run("U1", tc.show, commands.OutcomeOK).Text()
			// label, target, to date, rate, last year, change
			if got := reportRow(t, text, "일자리정책과"); got[1] != "-" || got[2] != "853" || got[3] != "-" {
				t.Errorf("일자리정책과 row %q; want no target (-), 853, no rate (-):\n%s", got, text)
			}
			if got := reportRow(t, text, "노인복지과"); got[1] != "12,000" || got[2] != "3,000" || got[3] != "25%" {
				t.Errorf("노인복지과 row %q; want 12,000, 3,000, 25%%:\n%s", got, text)
			}
			if strings.Contains(text, "2,600") {
				t.Errorf("the report by department shows the youth program's target 2,600:\n%s", text)
			}
		})
	}
}
