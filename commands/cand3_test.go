package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r47 F6: `후보 추가 한빛베이커리 협동조합 … 사명:일자리제공 …` stored
// the unknown label's word as part of the name, and no mission. 사명 is
// Korean for mission and is read as 미션:; any other word shaped as a label
// (`사업목적:…`, `purpose:…`) is refused naming it and the labels the
// command takes, and nothing is written.
func TestCand3CandidateUnknownLabelIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang           commands.Lang
		synonym        string // the mission read from the synonym label
		refused        []string
		label, choices string
		shown          string
	}{
		{commands.Korean, "후보 추가 한빛베이커리 협동조합 종류:사회적협동조합 사명:일자리제공 대표:김한빛",
			[]string{"후보 추가 다솜카페 사업목적:일자리제공 대표:이다솜", `후보 추가 "다솜카페" 사업목적:일자리제공`, "후보 추가 다솜카페 목적: 일자리제공"},
			"`사업목적:`", "`미션:`", "사회적 목적: 일자리제공"},
		{commands.English, "candidate add Hanbit Bakery Co-op kind:cooperative mission:jobs rep:Kim",
			[]string{"candidate add Dasom Cafe purpose:jobs rep:Lee", `candidate add "Dasom Cafe" purpose:jobs`, "candidate add Dasom Cafe 목적: jobs"},
			"`purpose:`", "`mission:`", "Mission: Providing jobs"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2027-03-17")
			r := h.run(manager, tc.synonym, commands.OutcomeOK)
			mustNotContain(t, r.Text(), "사명:", "mission:")
			mustContain(t, r.Text(), tc.shown)
			shown := h.run(manager, byLang(tc.lang, "candidate show 1", "후보 보기 1"), commands.OutcomeOK)
			mustContain(t, shown.Text(), tc.shown)
			if got := h.sqlInt(`SELECT count(*) FROM candidates WHERE mission = 'jobs' AND name NOT LIKE '%:%'`); got != 1 {
				t.Errorf("SQL: %d candidates with the mission and a name without a label, want 1", got)
			}
			for i, line := range tc.refused {
				r := h.run(manager, line, commands.OutcomeRefused)
				if i == 0 {
					mustContain(t, r.Text(), tc.label, tc.choices)
				}
				mustContain(t, r.Text(), tc.choices)
			}
			if got := h.sqlInt(`SELECT count(*) FROM candidates`); got != 1 {
				t.Errorf("SQL: %d candidates after the refused lines, want 1", got)
			}
		})
	}
}

// Review r47 F7: `추가 공동체 4 12/1` typed on 12 March was refused as a
// day to come, offering `추가 4 공동체 날짜:2027. 3. 12.`, which typed as
// offered filed December's jobs in March. A date without its year still
// to come is most likely last year's: the refusal offers the line as typed
// with last year's day written out, and no line dated today. Typed back it
// is asked as last year's figure, and files the jobs on last year's day.
func TestCand3FutureDateWithoutYearOffersLastYear(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang          commands.Lang
		line, offered string
		notOffered    []string
	}{
		{commands.Korean, "추가 공동체 4 12/1", "추가 공동체 4 2026. 12. 1.", []string{"2027. 3. 12.`", "날짜:2027. 12. 1."}},
		{commands.Korean, "추가 누계 공동체 4 날짜:12월 1일 메모:경로당 배치", "추가 누계 공동체 4 날짜:2026. 12. 1. 메모:경로당 배치", []string{"2027. 3. 12.`"}},
		{commands.English, "add community 4 12/1", "add community 4 2026-12-01", []string{"2027-03-12`", "date:2027-12-01"}},
		{commands.English, "add community 4 cumulative date:12/1 note:senior centre", "add community 4 cumulative date:2026-12-01 note:senior centre", []string{"2027-03-12`"}},
	} {
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2027-03-12")
			r := h.run("U1", tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), "`"+tc.offered+"`", byLang(tc.lang, "has no year", "연도가 없어"))
			mustNotContain(t, r.Text(), tc.notOffered...)
			if got := h.sqlInt(`SELECT count(*) FROM entries`); got != 0 {
				t.Errorf("SQL: %d entries after the refusal, want 0", got)
			}
			// asked once as last year's figure, its own question
			asked := h.run("U1", tc.offered, commands.OutcomeRefused)
			mustContain(t, asked.Text(), byLang(tc.lang, "a date in 2026", "2026년 날짜입니다"))
			yes := ""
			for _, l := range r32Offered(asked) {
				if strings.Contains(l, byLang(tc.lang, "confirm:yes", "확인:예")) {
					yes = l
				}
			}
			if yes == "" {
				t.Fatalf("no line to confirm offered:\n%s", asked.Text())
			}
			h.run("U1", yes, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-01'`); got != 4 {
				t.Errorf("SQL SUM %d on 2026-12-01, want 4", got)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of <> '2026-12-01'`); got != 0 {
				t.Errorf("SQL: %d entries on another day, want 0", got)
			}
		})
	}
}

// Review r47 A2: `정정 46 20 5명 추가 누락분` was refused offering
// `정정 46 5명 추가 누락분`, which typed back is refused for its addition
// words. With addition words after the second figure, the line offered for
// it is the corrected whole figure (20 and 5 more: 25), with the words as
// the reason after 사유:, and typed as offered it is accepted.
func TestCand3TwoFiguresWithAdditionWordsOffersTheSum(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang           commands.Lang
		add, line, sum string
		bad            string
	}{
		{commands.Korean, "추가 공동체 20 3/2", "정정 1 20 5명 추가 누락분", "정정 1 25 사유:5명 추가 누락분", "`정정 1 5명 추가 누락분`"},
		{commands.English, "add community 20 3/2", "correct 1 20 5 more missed", "correct 1 25 reason:5 more missed", "`correct 1 5 more missed`"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2027-03-12")
			h.run("U1", tc.add, commands.OutcomeOK)
			r := h.run("U1", tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), "`"+tc.sum+"`")
			mustNotContain(t, r.Text(), tc.bad)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 20 {
				t.Errorf("SQL SUM %d after the refusal, want 20", got)
			}
			h.run("U1", tc.sum, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 25 {
				t.Errorf("SQL SUM %d after the line offered, want 25", got)
			}
		})
	}
}

// Review r47 A3: a delta dated before a 4월말 누계 in a closed April was
// asked 누계포함, offering staff `누계포함:예`, which typed back was refused
// as April closed; a manager's 누계포함:예 was refused for its missing
// 사유:, and with 사유: as a reason in an open month (March). The question
// says up front the report's month is closed and offers staff no 예 line;
// a manager's line with 사유: re-bases the report.
func TestCand3WithinClosedReportMonth(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                         commands.Lang
		report, closeApril, add, yes string
		closed                       string
	}{
		{commands.Korean, "추가 청년 누계 100 4/30", "마감 4월", "추가 청년 5 3/15", "추가 청년 5 2027. 3. 15. 누계포함:예",
			"마감된 2027년 4월"},
		{commands.English, "add youth cumulative 100 4/30", "close 2027-04", "add youth 5 3/15", "add youth 5 2027-03-15 within:yes",
			"2027-04, which is closed"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2027-05-10")
			h.run(manager, tc.report, commands.OutcomeOK)
			h.run(manager, tc.closeApril, commands.OutcomeOK)
			r := h.run("U1", tc.add, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.closed)
			mustNotContain(t, r.Text(), tc.yes)
			for _, a := range r.Actions {
				if strings.Contains(a.Command, byLang(tc.lang, "within:yes", "누계포함:예")) {
					t.Errorf("a button offers %q to staff", a.Command)
				}
			}
			m := h.run(manager, tc.add, commands.OutcomeRefused)
			mustContain(t, m.Text(), tc.closed, "`"+tc.yes+" "+byLang(tc.lang, "reason:", "사유:"))
			h.run(manager, tc.yes+" "+byLang(tc.lang, "reason:", "사유:")+"3월 누락분", commands.OutcomeOK)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of <= '2027-04-30' AND status = 'realised'`); got != 100 {
				t.Errorf("SQL SUM through April %d, want 100 (the report keeps its total)", got)
			}
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2027-03-15'`); got != 5 {
				t.Errorf("SQL SUM on 3/15 %d, want 5", got)
			}
		})
	}
}
