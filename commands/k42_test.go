package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r11 F2: a delta as large as the program's whole year was taken
// without a question unless the program was reported by 누계 or the date
// had a month-end word: `추가 1만 2천 취약계층 날짜:11. 25.` right after a
// 12,100 누계 made the year 24,100, and `추가 1천 공동체` on a program
// whose year was 120 was simply added. A realised delta at least 90% of
// the program's latest 누계 (dated on or before it) or of its year-to-date
// total through its date is held, naming the figure it matched; nothing is
// written until it is confirmed (the button in Slack, 확인 appended in the
// console). A first delta of the year and a delta well below both figures
// are recorded at once.
func TestDeltaAsLargeAsTheYearIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                     commands.Lang
		report, held, heldOK     string
		reportSays               []string
		first, big, bigOK, small string
		bigSays                  []string
		confirmWord              string
	}{
		{commands.Korean, "추가 취약계층 누계 12,100 11. 20.", "추가 1만 2천 취약계층 날짜:11. 25.", "추가 1만 2천 취약계층 날짜:11. 25. 확인",
			[]string{"이 사업의 올해 누계 12,100개(2026. 11. 20. 보고)에 가깝습니다", "이미 기록된 12,100개보다 적어",
				"`추가 1만 2천 취약계층 날짜:2026. 11. 25. 확인:예`", "아직 기록하지 않았습니다"}, // the day written out (review r39 F17)
			"추가 120 공동체 11. 2.", "추가 1천 공동체", "추가 1천 공동체 확인", "추가 100 공동체",
			[]string{"1,000개는 지역공동체사업의 올해 2026. 12. 5.까지 누계(120개)와 같거나 많아",
				"`추가 공동체 누계 1,000 2026. 12. 5.`", "차이인 +880개만 기록됩니다", "`추가 1천 공동체 날짜:2026. 12. 5. 확인:예`"}, "확인"},
		{commands.English, "add vulnerable cumulative 12,100 2026-11-20", "add 1만 2천 vulnerable date:2026-11-25", "add 1만 2천 vulnerable date:2026-11-25 confirm",
			[]string{"near (90% or more) the program's year-to-date total (누계) of 12,100 reported for 2026-11-20", "below the 12,100 already recorded through that day",
				"`add 1만 2천 vulnerable date:2026-11-25 confirm:yes`", "Nothing was recorded"},
			"add 120 community 2026-11-02", "add 1천 community", "add 1천 community confirm", "add 100 community",
			[]string{"1,000 is as many as or more than everything Community projects (community) has recorded this year through",
				"`add community cumulative 1,000 date:2026-12-05`", "it records the difference, +880", "`add 1천 community date:2026-12-05 confirm:yes`"}, "confirm"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, k32Now)
			h.run(manager, tc.report, commands.OutcomeOK)
			r := h.run(manager, tc.held, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.reportSays...)
			if got := h.liveSQL("vulnerable", "realised"); got != 12100 {
				t.Fatalf("after the question vulnerable is %d, want 12,100", got)
			}
			// in Slack the question carries the Record it button
			slack := h.svc.Handle(t.Context(), commands.Caller{UserID: manager, Source: commands.SourceSlash, IdempotencyKey: "k42-slack"}, tc.held)
			if slack.Outcome != commands.OutcomeRefused || len(slack.Actions) != 1 || slack.Actions[0].ID != commands.ActionConfirm {
				t.Fatalf("Slack question: %s %+v\n%s", slack.Outcome, slack.Actions, slack.Text())
			}
			if got := h.liveSQL("vulnerable", "realised"); got != 12100 {
				t.Fatalf("after the Slack question vulnerable is %d, want 12,100", got)
			}
			h.run(manager, tc.heldOK, commands.OutcomeOK)
			if got := h.liveSQL("vulnerable", "realised"); got != 24100 {
				t.Fatalf("after confirming vulnerable is %d, want 24,100", got)
			}

			h.run(manager, tc.first, commands.OutcomeOK) // the year's first delta: nothing to compare
			r = h.run(manager, tc.big, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.bigSays...)
			if got := h.liveSQL("community", "realised"); got != 120 {
				t.Fatalf("after the question community is %d, want 120", got)
			}
			h.run(manager, tc.bigOK, commands.OutcomeOK)
			h.run(manager, tc.small, commands.OutcomeOK) // 100 of 1,120: no question
			if got := h.liveSQL("community", "realised"); got != 1220 {
				t.Fatalf("community is %d, want 120 + 1,000 + 100", got)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE note <> ''`); n != 0 {
				t.Errorf("%d entries with a note: the appended %s is no note", n, tc.confirmWord)
			}
			h.checkLedger(tc.lang)
		})
	}
}

// Review r11 F9: `추가 노인 15 메모:11월분` typed on 3 December was filed
// on 3 December, a December figure, although the note says November's
// (and November of that department said 실적 없음). A note naming another
// month than the entry's date (N월분, N월 실적, 지난달분, last month's) is
// refused, naming the word and giving the line dated that month's last
// day and the line keeping the date without the word; nothing is written.
// A note naming the entry's own month is kept.
func TestNoteNamingAnotherMonthIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		refused map[string][]string // line → what the refusal shows
		kept    []string
	}{
		{commands.Korean, map[string][]string{
			"추가 노인 15 메모:11월분":          {"`11월분`", "2026. 12. 3.", "`추가 노인 15 날짜:2026. 11. 30. 메모:11월분`", "`추가 노인 15 날짜:2026. 12. 3.`", "아무것도 저장하지 않았습니다"},
			"추가 노인 15 메모:지난달분 경로당":      {"`지난달분`", "`추가 노인 15 날짜:2026. 11. 30. 메모:2026년 11월분 경로당`", "`추가 노인 15 날짜:2026. 12. 3. 메모:경로당`"},
			"추가 노인 15 12. 1. 메모:11월 실적": {"`11월 실적`", "`추가 노인 15 날짜:2026. 12. 1.`"},
			"추가 노인 15 11. 30. 메모:10월분":  {"`10월분`", "`추가 노인 15 날짜:2026. 10. 31. 메모:10월분`"},
			"추가 노인 15 상태:약정 메모:1월분":     {"`1월분`", "`추가 노인 15 날짜:2026. 1. 31. 상태:약정 메모:1월분`"},
		}, []string{"추가 노인 15 11. 30. 메모:11월분", "추가 노인 5 메모:12월분 경로당"}},
		{commands.English, map[string][]string{
			"add 15 senior note:11월분":               {"`11월분`", "2026-12-03", "`add senior 15 date:2026-11-30 note:11월분`", "`add senior 15 date:2026-12-03`", "nothing was saved"},
			"add 15 senior note:last month's hires": {"`last month's`", "`add senior 15 date:2026-11-30 note:November 2026's hires`", "`add senior 15 date:2026-12-03 note:hires`"},
		}, []string{"add 15 senior 2026-11-30 note:last month's hires", "add 5 senior note:12월분"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			// Thursday 3 December 2026, 10:00 in Seoul
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC))
			for line, wants := range tc.refused {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), wants...)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries written by refused lines", n)
			}
			for _, line := range tc.kept {
				h.run(manager, line, commands.OutcomeOK)
			}
			if got := h.liveSQL("senior", "realised"); got != 20 {
				t.Errorf("senior is %d, want 15 + 5", got)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = '2026-11-30'`); n != 1 {
				t.Errorf("%d entries dated 2026-11-30, want 1", n)
			}
			h.checkLedger(tc.lang)
		})
	}
}

// Review r11 F11: `도움말 추가` promised that a delta at least the
// program's year so far waits for confirmation, which it did only at a
// month's end or in a program reported by 누계 (`추가 노인 10` then
// `추가 노인 20` was recorded with no question). Each hold the help names
// is made: the help's words are checked, then each promised case is held
// (nothing written) and recorded once confirmed.
func TestHelpHoldsAreTheHoldsMade(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		help    string
		says    []string
		setup   []string
		held    []string // each held, in order, then confirmed with the word
		confirm string
	}{
		{commands.Korean, "도움말 추가",
			[]string{"같은 실적(사업·기준일·수·상태·부서)이 이미 기록되어 있으면", "한 건이 연간 목표보다 많으면",
				"최근 누계나 그날까지의 올해 실적의 90% 이상이어서 누계로 보이면", "1월의 누계가 작년 누계의 절반 이상이면", "1월에 늘어난 수가 작년 누계의 절반 이상이면",
				"`메모:11월분`"},
			[]string{"목표 100 사업:노인", "추가 노인 10 12. 1.", "추가 청년 누계 300 2025. 12. 31. 확인:예"},
			[]string{"추가 노인 10 12. 1.", "추가 노인 20 12. 2.", "추가 노인 150 12. 3.", "추가 청년 누계 200 2026. 1. 1."}, "확인"},
		{commands.English, "help add",
			[]string{"same program, date, count, status and department", "one over a year's target",
				"a delta at least 90% of the program's latest 누계 or of its year so far", "a January 누계 at least half of last year's,", "a January delta at least half of last year's total",
				"`note:11월분`"},
			[]string{"target 100 program:senior", "add 10 senior 2026-12-01", "add youth cumulative 300 2025-12-31 confirm:yes"},
			[]string{"add 10 senior 2026-12-01", "add 20 senior 2026-12-02", "add 150 senior 2026-12-03", "add youth cumulative 200 2026-01-01"}, "confirm"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, k32Now)
			mustContain(t, h.run(manager, tc.help, commands.OutcomeOK).Text(), tc.says...)
			for _, line := range tc.setup {
				h.run(manager, line, commands.OutcomeOK)
			}
			entries := func() int64 { return h.sqlInt(`SELECT count(*) FROM entries`) }
			for _, line := range tc.held {
				before := entries()
				h.run(manager, line, commands.OutcomeRefused)
				if n := entries(); n != before {
					t.Fatalf("%q wrote %d entries while held", line, n-before)
				}
				h.run(manager, line+" "+tc.confirm, commands.OutcomeOK)
				if n := entries(); n != before+1 {
					t.Fatalf("%q confirmed: %d entries, want %d", line, n, before+1)
				}
			}
			// 10 + 10 + 20 + 150 (2026); youth's 2026 누계 of 200
			if got := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
				WHERE p.code = 'senior' AND e.voided_at IS NULL AND e.as_of >= '2026-01-01'`); got != 190 {
				t.Errorf("senior 2026 is %d, want 190", got)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
				WHERE p.code = 'youth' AND e.voided_at IS NULL AND e.as_of >= '2026-01-01'`); got != 200 {
				t.Errorf("youth 2026 is %d, want 200", got)
			}
		})
	}
}

// confirmed is line with the confirm option (확인:예, or confirm:yes for a
// line in English) before its note, as a person answers a held add: for
// tests whose adds are no 누계 but are as large as the year so far.
func confirmed(line string) string {
	word := "확인:예"
	if line != "" && line[0] >= 'a' && line[0] <= 'z' || strings.HasPrefix(line, "/jobs add") {
		word = "confirm:yes"
	}
	for _, key := range []string{" 메모:", " note:", " 비고:"} {
		if i := strings.Index(line, key); i >= 0 {
			return line[:i] + " " + word + line[i:]
		}
	}
	return line + " " + word
}
