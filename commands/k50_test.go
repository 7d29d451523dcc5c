package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r15 F14: the later-report refusal wrote `#{{.ID}}가` and
// `#{{.ID}}(…)와` whatever the number: `#1가`, `#38와`. 1 is read 일 and
// takes 이/과; the particle now follows the number. Nothing is written.
func TestK50LaterReportRefusalParticleFollowsTheNumber(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang          commands.Lang
		later, before string
		wants         []string
	}{
		{commands.Korean, "추가 1,250 노인 누계 2026. 4. 24.", "추가 1,300 노인 누계 2026. 4. 1.",
			[]string{"이후 누계 보고 #1(2026. 4. 24. 기준 누계 1,250개)과 맞지 않습니다", "#1이 틀렸다면 `무효 1 <사유>`"}},
		{commands.English, "add 1250 senior cumulative 2026-04-24", "add 1300 senior cumulative 2026-04-01",
			[]string{"later cumulative report #1", "void 1 <reason>"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run("U1", c.later, commands.OutcomeOK)
			h.refusedUntouched("U1", c.before, c.wants...)
			if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 1250 {
				t.Fatalf("SQL sum %d, want 1,250", got)
			}
		})
	}
}

// Review r16 MINOR 6: `무효 1 ２명 중복` (full-width digit, Korean IME in
// full-width mode) voided all 40 while `무효 1 2명 중복` is refused as a
// partial void. Both are refused now; nothing is voided.
func TestK50VoidWithAFullWidthPartialCountIsRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang      commands.Lang
		add, void string
		wants     []string
	}{
		{commands.Korean, "추가 노인 40 11/3", "무효 1 ２명 중복", []string{"사유의 `2명`은 #1 실적", "`정정 1 38 <사유>`"}},
		{commands.Korean, "추가 노인 40 11/3", "무효 1 １２명 중복", []string{"사유의 `12명`은 #1 실적", "`정정 1 28 <사유>`"}},
		{commands.English, "add 40 senior date:2026-11-03", "void 1 counted ２ people twice", []string{"`2 people`", "`correct 1 38 <reason>`"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run(manager, c.add, commands.OutcomeOK)
			h.refusedUntouched(manager, c.void, c.wants...)
			if h.voided(1) {
				t.Fatal("#1 voided by a refused 무효")
			}
			if n, sum := h.live(); n != 1 || sum != 40 {
				t.Fatalf("live %d, SQL sum %d; want 1, 40", n, sum)
			}
		})
	}
}

// Review r16 MINOR 4: 정정's two-figure refusal missed ➝, ⟶ and the Korean
// `2에서 3으로`: the first figure was set and the rest filed as the reason.
func TestK50CorrectionWithOtherArrowsIsRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		add   string
		lines [][3]string // line, first, second
	}{
		{commands.Korean, "추가 노인 1 11/25", [][3]string{
			{"정정 1 2 ➝ 3 오기", "2", "3"},
			{"정정 1 2 ⟶ 3 오기", "2", "3"},
			{"정정 1 2 => 3 오기", "2", "3"},
			{"정정 1 2 ⇨ 3 오기", "2", "3"},
			{"정정 1 2➝3 오기", "2", "3"},
			{"정정 1 2에서 3으로 오기", "2", "3"},
			{"정정 1 2 에서 3으로 오기", "2", "3"},
			{"정정 1 2에서 3 오기", "2", "3"},
			{"정정 1 2 에서 3 오기", "2", "3"},
		}},
		{commands.English, "add 1 senior 2026-11-25", [][3]string{
			{"correct 1 2 ➝ 3 recount", "2", "3"},
			{"correct 1 2 ⟶ 3 recount", "2", "3"},
			{"correct 1 2 to 3 recount", "2", "3"},
		}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run(manager, c.add, commands.OutcomeOK)
			for _, l := range c.lines {
				before := h.k45Counts()
				r := h.run(manager, l[0], commands.OutcomeRefused)
				mustContain(t, r.Text(), "`"+l[1]+"`", "`"+l[2]+"`", " 1 "+l[2]+" ")
				h.writesNothing(l[0], before)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 1 {
				t.Fatalf("SQL sum %d, want 1", got)
			}
		})
	}
}

// Review r15 F21: `추가 청년 21 11.25 - 채용박람회` (a dash before a note, as
// in 보고 lines) was refused as "`-`를 두 번 썼습니다 … 사업은 한 번만": a
// dash folds to nothing, as did the program word it was compared with.
func TestK50DashBeforeANoteIsNotAProgramTwice(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		line  string
		wants []string
		typed string // the line the reply offers, which records
	}{
		{commands.Korean, "추가 청년 21 11.25 - 채용박람회", []string{"`- 채용박람회`", "`추가 청년 21 11.25 메모:채용박람회`"}, "추가 청년 21 11.25 메모:채용박람회"},
		{commands.English, "add 21 youth 2026-11-25 - job fair", []string{"`job fair`", "note:job fair`"}, "add 21 youth 2026-11-25 - note:job fair"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			r := h.refusedUntouched("U1", c.line, c.wants...)
			for _, bad := range []string{"두 번", "twice"} {
				if strings.Contains(r.Text(), bad) {
					t.Errorf("reply says %q:\n%s", bad, r.Text())
				}
			}
			if n, sum := h.live(); n != 0 || sum != 0 {
				t.Fatalf("live %d, SQL sum %d; want nothing", n, sum)
			}
			h.run("U1", c.typed, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND (note LIKE '%채용박람회' OR note LIKE '%job fair')`); got != 21 {
				t.Fatalf("SQL sum of the entry with the note: %d, want 21", got)
			}
		})
	}
}

// Review r15 F8: an approximate agreement (`약 300 약정`) lost its 여 in the
// agreement lines: "약정 누계(실적 제외): 300개", "약정 #1: 전체 300개 …
// 남은 수 220개". The add itself said 300여개.
func TestK50ApproximateAgreementKeepsItsYeo(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang              commands.Lang
		add, hire         string
		addWant, hireWant string
	}{
		{commands.Korean, "추가 노인 300여 약정 11/18", "채용 1 80 11/20",
			"약정 누계(실적 제외): 300여개", "약정 #1: 전체 300여개 · 채용 80개 · 남은 수 220여개"},
		{commands.English, "add 300여 senior status:agreed date:2026-11-18", "hire 1 80 2026-11-20",
			"not in the jobs total: about 300", "Agreement #1: about 300 agreed · 80 hired · about 220 left"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			mustContain(t, h.run(manager, c.add, commands.OutcomeOK).Text(), c.addWant)
			mustContain(t, h.run(manager, c.hire, commands.OutcomeOK).Text(), c.hireWant)
			if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); got != 80 {
				t.Fatalf("SQL realised sum %d, want 80", got)
			}
		})
	}
}

// Review r15 F4: a status or a date given twice named only one of the two
// ("상태가 서로 다르게 두 번 있습니다(`채용`)", "날짜가 두 번 있습니다(`11월말`
// 외 하나)"); both are named now, as the department refusal does.
func TestK50TwoStatusesOrDatesNameBoth(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		line  string
		wants []string
	}{
		{commands.Korean, "추가 노인 60 약정 채용 11.25", []string{"상태가 서로 다르게 두 번 있습니다(`약정`, `채용`)"}},
		{commands.Korean, "추가 노인 60 약정 11.25 11월말", []string{"날짜가 두 번 있습니다(`11.25`, `11월말`)"}},
		{commands.Korean, "추가 노인 60 상용 임시 11.25", []string{"고용형태가 서로 다르게 두 번 있습니다(`상용`, `임시`)"}},
		{commands.English, "add 60 senior 2026-11-25 11/20", []string{"two dates, `2026-11-25` and `11/20`"}},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.refusedUntouched("U1", c.line, c.wants...)
			if n, sum := h.live(); n != 0 || sum != 0 {
				t.Fatalf("live %d, SQL sum %d; want nothing", n, sum)
			}
		})
	}
}

// Review r15 F10: after 마감, a staff add dated in the closed month that
// would be asked the 누계포함 question was asked first and refused for the
// close only once answered. The close is said first; nothing is written.
func TestK50ClosedMonthIsSaidBeforeTheWithinQuestion(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                     commands.Lang
		report, close, add, want string
	}{
		{commands.Korean, "추가 노인 누계 200 10/20", "마감 2026-10", "추가 노인 5 10/19", "2026년 10월은 마감되었습니다"},
		{commands.English, "add 200 senior cumulative 2026-10-20", "close 2026-10", "add 5 senior 2026-10-19", "is closed"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			h := newHarness(t, c.lang)
			h.run(manager, c.report, commands.OutcomeOK)
			h.run(manager, c.close, commands.OutcomeOK)
			r := h.refusedUntouched("U1", c.add, c.want)
			for _, bad := range []string{"누계포함", "within:"} {
				if strings.Contains(r.Text(), bad) {
					t.Errorf("the reply asks the question:\n%s", r.Text())
				}
			}
			if len(r.Actions) != 0 {
				t.Errorf("the refusal offers %d buttons", len(r.Actions))
			}
			if n, sum := h.live(); n != 1 || sum != 200 {
				t.Fatalf("live %d, SQL sum %d; want 1, 200", n, sum)
			}
		})
	}
}

// Review r19 F14: a count spelled in Korean words (`두 명`, `세 건`) or
// with 人 (`2人`) in a 무효's reason voided the whole entry while `2명` is
// refused as a partial void. Both are refused now, naming the words and
// the 정정 to what remains; a whole-entry count (`마흔 명` is no word we
// read, and `40명` is the whole) still voids.
func TestVoidWithAWordCountIsRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		void  string
		wants []string
	}{
		{"무효 1 두 명 중복", []string{"`두 명`", "`정정 1 38 <사유>`"}},
		{"무효 1 세건 중복 입력", []string{"`세건`", "`정정 1 37 <사유>`"}},
		{"무효 1 열두 명 중복", []string{"`열두 명`", "`정정 1 28 <사유>`"}},
		{"무효 1 2人 중복", []string{"`2人`", "`정정 1 38 <사유>`"}},
	} {
		t.Run(c.void, func(t *testing.T) {
			h := newHarness(t, commands.Korean)
			h.run(manager, "추가 노인 40 11/3", commands.OutcomeOK)
			h.refusedUntouched(manager, c.void, c.wants...)
			if n, sum := h.live(); n != 1 || sum != 40 {
				t.Fatalf("live %d, SQL sum %d; want 1, 40", n, sum)
			}
		})
	}
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 노인 40 11/3", commands.OutcomeOK)
	h.run(manager, "무효 1 한 사업장 중복 보고", commands.OutcomeOK) // 한 사업장: no count of jobs
	if n, _ := h.live(); n != 0 {
		t.Fatalf("무효 with 한 사업장 left %d live", n)
	}
}
