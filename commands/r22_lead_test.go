package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r22 (Korean official, 2026-12-04): replies that did not say what
// to type. Each line writes nothing but the one read as 채용.
func TestReviewR22TypingHabits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		line  string
		wants []string
	}{
		// F1: the program typed before 추가 is moved after it, not doubled.
		{commands.Korean, "청년 추가 10 11/26", []string{"앞에 `추가`를 붙이세요", "`추가 청년 10 11/26`"}},
		{commands.English, "청년 추가 10 11/26", []string{"put `add` in front", "`add 청년 10 11/26`"}},
		// F2: 10인 is refused with the count to type.
		{commands.Korean, "추가 청년 10인 11/26", []string{"`10인`", "`10명`처럼"}},
		{commands.English, "add 청년 1,200인 11/26", []string{"`1,200인`", "`1,200명`"}},
		// F39: 네 / 확인 alone says how a held line is confirmed.
		{commands.Korean, "네", []string{"`네`만으로는 아무것도 기록되지 않습니다", "`확인:예`"}},
		{commands.Korean, "확인", []string{"`확인`만으로는"}},
		{commands.English, "yes", []string{"`yes` alone confirms nothing", "`confirm:yes`"}},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched(manager, c.line, c.wants...)
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%d entries written", n)
			}
		})
	}
}

// F29: 채용완료 (hiring done) is the status 채용 and is said so.
func TestHiringDoneWordIsTheRealisedStatus(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{{commands.Korean, "`채용완료`를 상태 ‘채용’으로 읽었습니다"}, {commands.English, "`채용완료` as the status"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			mustContain(t, h.run(manager, "추가 청년 22 채용완료", commands.OutcomeOK).Text(), tc.want)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE status = 'realised' AND note = '' AND count = 22`); n != 1 || h.sum("true") != 22 {
				t.Fatalf("%d realised entries of 22 without a note, SUM %d", n, h.sum("true"))
			}
		})
	}
}

// F20: `작년 12월 30일` is the day, not 작년 12월 with 30일 dropped.
func TestLastYearWordBeforeADayReadsTheDay(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang   commands.Lang
		period string
	}{{commands.Korean, "2026. 12. 31."}, {commands.English, "2026-12-31"}} {
		lang := c.lang
		t.Run(string(lang), func(t *testing.T) {
			now := time.Date(2027, time.January, 5, 1, 0, 0, 0, time.UTC)
			h := newHarness(t, lang)
			h.withClock(&now)
			h.run(manager, "추가 노인 31 작년 12월 30일", commands.OutcomeOK)
			h.run(manager, "추가 노인 4 올해 1월 2일", commands.OutcomeOK)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE as_of = '2026-12-30'`); got != 31 {
				t.Errorf("SQL sum on 2026-12-30 is %d, want 31", got)
			}
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE as_of = '2027-01-02'`); got != 4 {
				t.Errorf("SQL sum on 2027-01-02 is %d, want 4", got)
			}
			h.refusedUntouched(manager, "추가 노인 32 작년 12월", c.period)
		})
	}
}

// F33: an option key typed without its colon, and 현재, ran into the
// program name; the reply says what was meant.
func TestReviewR22ProgramNameWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		line  string
		wants []string
	}{
		{commands.Korean, "목표 23,000 사유 추경", []string{"쌍점(:)이 빠졌습니다", "`사유:추경`"}},
		{commands.English, "목표 23,000 사유 추경", []string{"without its colon", "`사유:추경`"}},
		{commands.Korean, "추가 청년 현재 183명 2/1", []string{"`현재`는 사업 이름이 아닙니다", "`추가 청년 누계 183`"}},
		{commands.English, "add 청년 현재 183 2/1", []string{"`현재` is not part of a program's name", "cumulative"}},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched(manager, c.line, c.wants...)
			if n := h.sqlInt(`SELECT count(*) FROM targets`); n != 0 {
				t.Fatalf("%d targets written", n)
			}
		})
	}
}

// F22: a plain add, then the 채용 of the same jobs (same program, 기준일,
// count, department): the hire is held naming the add and the 무효 that
// keeps them counted once; 확인:예 records a separate hire. SQL SUMs.
func TestHireAfterTheSameAddIsHeld(t *testing.T) {
	t.Parallel()
	noon := time.Date(2026, 5, 4, 3, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang                      commands.Lang
		agree, add, hire, confirm string
		wants                     []string
	}{
		{commands.Korean, "추가 300 invest 상태:약정 날짜:2026-03-10", "추가 invest 100 3/15 메모:B사 2차", "채용 1 100 3/15 메모:B사 2차", "채용 1 100 3/15 확인:예 메모:B사 2차",
			[]string{"약정 #1의 채용이 아닌 `추가`로 이미 기록되어 있습니다: #2 100개, 기준일 2026. 3. 15.", "`무효 2 <사유>`", "`채용 1 100 2026. 3. 15. 확인:예 메모:B사 2차`"}},
		{commands.English, "add 300 invest status:agreed date:2026-03-10", "add invest 100 2026-03-15 note:B2", "hire 1 100 2026-03-15 note:B2", "hire 1 100 2026-03-15 confirm:yes note:B2",
			[]string{"already has #2, 100 as of 2026-03-15", "not as a hire from agreement #1", "`void 2 <reason>`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newClockHarness(t, tc.lang, noon)
			h.run("U0INV", tc.agree, commands.OutcomeOK) // #1
			h.run("U0INV", tc.add, commands.OutcomeOK)   // #2
			r := h.run("U0INV", tc.hire, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.wants...)
			if got := h.sum("status = 'realised'"); got != 100 {
				t.Fatalf("realised SQL sum %d after the held hire, want 100", got)
			}
			h.run("U0INV", tc.confirm, commands.OutcomeOK)
			if got := h.sum("status = 'realised'"); got != 200 {
				t.Fatalf("realised SQL sum %d after the confirmed hire, want 200", got)
			}
		})
	}
}

// F34: renaming a department relabels its closed months' entries, as the
// README says entries move; the reply now names those months, so a filed
// report's old name is no surprise. The figures stay (SQL SUM).
func TestRenameNamesTheClosedMonthsItRelabels(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                      commands.Lang
		add, close, rename, other string
		wants                     []string
	}{
		{commands.Korean, "추가 청년 10 2026. 10. 15.", "마감 10월", "부서 이름변경 일자리정책과 일자리경제과", "부서 이름변경 복지정책과 복지기획과",
			[]string{"마감된 달(2026년 10월)의 부서별 실적도 새 이름 일자리경제과로", "일자리정책과로 적혀"}},
		{commands.English, "add 10 youth date:2026-10-15", "close 2026-10", "dept rename 일자리정책과 일자리경제과", "dept rename 복지정책과 복지기획과",
			[]string{"Closed months (", "show the name 일자리경제과, while the reports already filed show 일자리정책과"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run(manager, c.add, commands.OutcomeOK)
			h.run(manager, c.close, commands.OutcomeOK)
			mustContain(t, h.run(manager, c.rename, commands.OutcomeOK).Text(), c.wants...)
			if got := h.deptJobs("일자리경제과"); got != 10 {
				t.Errorf("일자리경제과 has %d after the rename, want 10", got)
			}
			// a department with nothing in a closed month: no such line
			if text := h.run(manager, c.other, commands.OutcomeOK).Text(); strings.Contains(text, "마감된 달") || strings.Contains(text, "Closed months") {
				t.Errorf("a rename without closed months names them:\n%s", text)
			}
		})
	}
}

// F28: `현황 3분기` on 5 January (a quarter not started) offers last
// year's same quarter instead of a page of zeros.
func TestStatusOfAPeriodNotStartedOffersLastYears(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang        commands.Lang
		line, offer string
	}{{commands.Korean, "현황 3분기", "`현황 2026년 3분기`"}, {commands.English, "status Q3", "`status 2026 Q3`"}} {
		t.Run(string(c.lang), func(t *testing.T) {
			now := time.Date(2027, time.January, 5, 1, 0, 0, 0, time.UTC)
			h := newHarness(t, c.lang)
			h.withClock(&now)
			text := h.run(manager, c.line, commands.OutcomeOK).Text()
			mustContain(t, text, c.offer)
			if strings.Contains(text, "보고 없음") || strings.Contains(text, "no report") {
				t.Errorf("a quarter not started lists departments:\n%s", text)
			}
			// the offered line reads
			h.run(manager, strings.Trim(c.offer, "`"), commands.OutcomeOK)
		})
	}
}

// F17: `목록 약정` lists the agreements (not "no program 약정"), and `목록
// 채용` the hires; `목록 투자 약정` one program's agreements. The listed
// counts are the SQL SUM of that status.
func TestListOfOneStatus(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                                commands.Lang
		agree, add, list, listProgram, hire string
		title                               string
	}{
		{commands.Korean, "추가 300 invest 상태:약정 날짜:2026-11-10", "추가 청년 7 11/20", "목록 약정", "목록 투자 약정", "목록 채용", "최근 약정 기록"},
		{commands.English, "add 300 invest status:agreed date:2026-11-10", "add 7 youth date:2026-11-20", "list agreed", "list invest agreed", "list realised", "Latest entries, agreed only"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run(manager, c.agree, commands.OutcomeOK)
			h.run(manager, c.add, commands.OutcomeOK)
			for _, line := range []string{c.list, c.listProgram} {
				text := h.run(manager, line, commands.OutcomeOK).Text()
				mustContain(t, text, c.title, "#1 ", "+300")
				if strings.Contains(text, "#2 ") {
					t.Errorf("%q lists the hire #2:\n%s", line, text)
				}
			}
			text := h.run(manager, c.hire, commands.OutcomeOK).Text()
			mustContain(t, text, "#2 ", "+7")
			if strings.Contains(text, "#1 ") {
				t.Errorf("%q lists the agreement #1:\n%s", c.hire, text)
			}
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE status = 'agreed' AND voided_at IS NULL`); got != 300 {
				t.Errorf("agreed SQL sum %d, want 300", got)
			}
		})
	}
}
