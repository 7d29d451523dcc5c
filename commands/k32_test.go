package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
)

// k32Now is Saturday 5 December 2026, 10:00 in Seoul: 12. 4. is yesterday.
var k32Now = time.Date(2026, time.December, 5, 1, 0, 0, 0, time.UTC)

// k32Harness is a harness whose clock reads now.
func k32Harness(t *testing.T, lang commands.Lang, now time.Time) *harness {
	t.Helper()
	h := newHarness(t, lang)
	h.withClock(&now)
	return h
}

// liveSQL is the plain SUM of one program's live entries of a status.
func (h *harness) liveSQL(code, status string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = $1 AND e.status = $2 AND e.voided_at IS NULL`, code, status)
}

// Review F1/F8: a note never sets or changes the status. `메모:채용 전`,
// `메모:채용 예정`, `메모:고용 30명 약정` were stored as 채용 because the
// status, not given, defaulted to it: now such a note is refused, naming
// its words and asking for 상태:약정 or 상태:채용; nothing is written.
// With the status given the note is kept as typed, and the status is the
// one given.
func TestNoteNeverSetsTheStatus(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		refused map[string]string // line → the words named
		agreed  string
		hired   string
		says    []string
	}{
		{commands.Korean, map[string]string{
			"추가 노인 30 메모:채용 전":           "`채용 전`",
			"추가 노인 30 메모:채용 예정":          "`채용 예정`",
			"추가 노인 30 메모:고용 30명 약정":      "`약정`",
			"추가 노인 30 메모:약정 5명(채용 전)":    "`약정`",
			"추가 노인 30 메모:MOU 체결":         "`MOU`",
			"추가 노인 30 메모:입사 대기 인원":       "`입사 대기`",
			"추가 노인 30 부서:노인복지과 메모:협약 기업": "`협약`",
		}, "추가 노인 30 상태:약정 메모:채용 전", "추가 노인 20 상태:채용 메모:약정 기업 신규 채용",
			[]string{"상태를 적지 않아 채용으로 기록될 뻔했습니다", "`상태:약정`", "`상태:채용`", "아무것도 저장하지 않았습니다"}},
		{commands.English, map[string]string{
			"add 30 senior note:MOU signed":           "`MOU`",
			"add 30 senior note:to be hired in May":   "`to be hired`",
			"add 30 senior note:before hiring starts": "`before hiring`",
			"add 30 senior note:채용 전":                 "`채용 전`",
		}, "add 30 senior status:agreed note:before hiring", "add 20 senior status:realised note:MOU firm hired",
			[]string{"no status was given", "status:agreed", "status:realised", "nothing was saved"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, k32Now)
			for line, words := range tc.refused {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), append([]string{words}, tc.says...)...)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries written by refused lines", n)
			}
			// The hire first: with an open agreement, a 채용 whose note
			// names one is an agreement's hire, refused (review r20 F9,
			// TestK54HireWhoseNoteNamesAnAgreementIsRefused).
			h.run(manager, tc.hired, commands.OutcomeOK)
			h.run(manager, tc.agreed, commands.OutcomeOK)
			if a, r := h.liveSQL("senior", "agreed"), h.liveSQL("senior", "realised"); a != 30 || r != 20 {
				t.Errorf("agreed %d, realised %d; want 30 and 20", a, r)
			}
			h.checkLedger(tc.lang)
		})
	}
}

// Review F33: `추가 노인 3,020 (12.4. 현재)`, `1,340 12.4. 현재` and
// `12. 4. 기준` were booked as jobs added that day. 현재/기준 after a date
// say "as of": asked, as 까지 is, naming the word and showing the 누계 line
// and the line for the day's new jobs; nothing is written. With 누계 the
// same words read as the total; 현황 … 기준 still reads.
func TestAsOfDateIsAskedNotBookedAsADelta(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		asked map[string][]string // line → what the question shows
		total string              // the same figure as a 누계
		delta string              // the day's new jobs, without the word
		stat  string
	}{
		{commands.Korean, map[string][]string{
			"추가 노인 3,020 (12.4. 현재)": {"`12.4. 현재`의 `현재`", "`추가 노인 누계 3,020 2026. 12. 4.`", "`추가 노인 3,020 2026. 12. 4.`"},
			"추가 노인 1,340 12.4. 현재":   {"`현재`", "`추가 노인 누계 1,340 2026. 12. 4.`"},
			"추가 노인 1,340 12. 4. 기준":  {"`12. 4. 기준`의 `기준`", "`기준` 없이"},
			"추가 1,340 노인 12/4기준":     {"`기준`", "`추가 노인 누계 1,340 2026. 12. 4.`"},
			"추가 노인 1,340 날짜:12/4 기준": {"`12/4 기준`의 `기준`"},
		}, "추가 노인 누계 3,020 12.4. 현재", "추가 노인 20 12. 4. 누계포함:아니오", "현황 12. 4. 기준"},
		{commands.English, map[string][]string{
			"add senior 3,020 (12.4. 현재)":   {"`12.4. 현재` says \"as of that day\" (`현재`)", "`add senior cumulative 3,020 ", "`add senior 3,020 "},
			"add 1,340 senior date:12/4 기준": {"(`기준`)", "without `기준`"},
		}, "add senior cumulative 3,020 12/4 기준", "add 20 senior 12/4 within:no", "status 2026-12-04"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, k32Now)
			for line, wants := range tc.asked {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), wants...)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries written by asked lines", n)
			}
			h.run(manager, tc.total, commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE kind = 'cumulative'`); n != 1 {
				t.Errorf("%d 누계 entries, want 1", n)
			}
			h.run(manager, tc.delta, commands.OutcomeOK)
			if got := h.liveSQL("senior", "realised"); got != 3040 {
				t.Errorf("senior total %d, want 3,040", got)
			}
			h.run(manager, tc.stat, commands.OutcomeOK)
			h.checkLedger(tc.lang)
		})
	}
}

// Review F35: `추가 청년 1,240 12월말` after a 누계 of 1,240 doubled the
// program's figure with no question. A delta at least the program's
// latest 누계 or year-to-date total through its date (since review r11 F2
// whatever its date's words and however the program is reported), or one
// dated with a period's end word at least its department's own figure, is
// held, showing the line to type for a 누계; a 확인 appended records it as
// typed, once. A month-end delta below those figures, and a second delta
// well below the year so far, are recorded without a question.
func TestTotalWrittenAsDeltaIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                     commands.Lang
		first, held, small, dept string
		deptHeld, confirm        string
		says, deptSays           []string
		plain, plainSays         string
		deltas                   []string
	}{
		{commands.Korean, "추가 청년 누계 1,240 11월말", "추가 청년 1,240 12월말", "추가 청년 35 11월말 누계포함:아니오",
			"추가 청년 30 부서:여성가족과 10월말 누계포함:아니오", "추가 청년 40 부서:여성가족과 11월말 누계포함:아니오", "확인",
			[]string{"1,240개는 이 사업의 올해 누계 1,240개(2026. 11. 30. 보고)와 같거나 큽니다", "누계는 2,480개가 됩니다",
				"`추가 청년 누계 1,240 2026. 12. 31.`", "아직 기록하지 않았습니다"},
			[]string{"`11월말`처럼 월말·분기말로 적은 날짜", "여성가족과의 이 사업 올해 2026. 11. 30.까지 실적(30개)", "`추가 10 청년 11/30 부서:여성가족과`"},
			"추가 청년 1,300 12. 3.", "`추가 청년 누계 1,300 2026. 12. 3.`", []string{"추가 노인 20 12. 1.", "추가 노인 10 12. 2."}},
		{commands.English, "add youth cumulative 1,240 11월말", "add 1,240 youth 12월말", "add 35 youth 11월말 within:no",
			"add 30 youth dept:여성가족과 10월말 within:no", "add 40 youth dept:여성가족과 11월말 within:no", "confirm",
			[]string{"1,240 is as many as or more than the program's year-to-date total (누계) of 1,240 reported for 2026-11-30", "makes the program's total 2,480",
				"`add youth cumulative 1,240 date:2026-12-31`"},
			[]string{"`11월말` names the end of a month", "여성가족과", "`add 10 youth date:11/30 dept:여성가족과`"},
			"add 1,300 youth 2026-12-03", "`add youth cumulative 1,300 date:2026-12-03`", []string{"add 20 senior 2026-12-01", "add 10 senior 2026-12-02"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			// 31 December, when 12월말 is today
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 31, 1, 0, 0, 0, time.UTC))
			h.run(manager, tc.first, commands.OutcomeOK)
			r := h.run(manager, tc.held, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.says...)
			if got := h.liveSQL("youth", "realised"); got != 1240 {
				t.Fatalf("after the question youth is %d, want 1,240", got)
			}
			// in Slack the question carries the Record it button
			slack := h.svc.Handle(t.Context(), commands.Caller{UserID: manager, Source: commands.SourceSlash, IdempotencyKey: "k32-slack"}, tc.held)
			if slack.Outcome != commands.OutcomeRefused || len(slack.Actions) != 1 || slack.Actions[0].ID != commands.ActionConfirm {
				t.Fatalf("Slack question: %s %+v\n%s", slack.Outcome, slack.Actions, slack.Text())
			}
			h.run(manager, tc.held+" "+tc.confirm, commands.OutcomeOK)
			h.run(manager, tc.held+" "+tc.confirm, commands.OutcomeRefused) // the same line again is a repeat
			if got := h.liveSQL("youth", "realised"); got != 2480 {
				t.Fatalf("youth is %d after confirming, want 2,480", got)
			}
			// no period word, but youth is reported by 누계: held the same
			mustContain(t, h.run(manager, tc.plain, commands.OutcomeRefused).Text(), tc.plainSays)
			// a program fed with deltas only: a second delta well below the first is no question
			// (one at least 90% of the year so far is: TestDeltaAsLargeAsTheYearIsHeld)
			h.run(manager, tc.deltas[0], commands.OutcomeOK)
			h.run(manager, tc.deltas[1], commands.OutcomeOK)
			if got := h.liveSQL("senior", "realised"); got != 30 {
				t.Fatalf("senior is %d, want 20 + 10", got)
			}
			h.run(manager, tc.small, commands.OutcomeOK) // 35 at 11월말 is no 누계 of 1,240
			h.run(manager, tc.dept, commands.OutcomeOK)
			r = h.run(manager, tc.deptHeld, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.deptSays...)
			if got := h.liveSQL("youth", "realised"); got != 2545 {
				t.Errorf("youth is %d, want 2,480 + 35 + 30", got)
			}
			h.checkLedger(tc.lang)
		})
	}
}

// Review F28: in January `추가 노인 누계 3,170 1. 4.` after `누계 3,120
// 작년 말` was booked as 3,170 new jobs: 누계 restarts on 1 January. A
// January 누계 at least half the program's total of the year before is
// held, saying so and showing the new year's figure if it continued last
// year's (3,170 − 3,120 = 50).
func TestJanuaryCumulativeCarryingLastYearIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                        commands.Lang
		last, carried, fixed, small string
		says                        []string
	}{
		{commands.Korean, "추가 노인 누계 3,120 작년 말", "추가 노인 누계 3,170 1. 4.", "추가 노인 누계 50 1. 4.", "추가 노인 누계 1,500 1. 5.",
			[]string{"누계는 해마다 1월 1일부터 새로 셉니다", "2026년 누계는 3,120개", "3,170개에서 작년 누계 3,120개를 뺀 50개", "`추가 노인 누계 50 2027. 1. 4.`"}},
		{commands.English, "add senior cumulative 3,120 2026-12-31", "add senior cumulative 3,170 2027-01-04", "add senior cumulative 50 2027-01-04", "add senior cumulative 1,500 2027-01-05",
			[]string{"starts again on 1 January", "recorded 3,120 in 2026", "3,170 − 3,120 = 50", "`add senior cumulative 50 date:2027-01-04`"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2027, time.January, 5, 1, 0, 0, 0, time.UTC))
			h.run(manager, tc.last, commands.OutcomeOK)
			r := h.run(manager, tc.carried, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.says...)
			year := func(y int) int64 {
				return h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
					WHERE p.code = 'senior' AND e.voided_at IS NULL AND e.as_of BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)`, y)
			}
			if year(2027) != 0 || year(2026) != 3120 {
				t.Fatalf("2027 %d, 2026 %d after the question", year(2027), year(2026))
			}
			h.run(manager, tc.fixed, commands.OutcomeOK)
			// under half of last year: a new cohort, no question
			h.run(manager, tc.small, commands.OutcomeOK)
			if year(2027) != 1500 || year(2026) != 3120 {
				t.Errorf("2027 %d, 2026 %d; want 1,500 and 3,120", year(2027), year(2026))
			}
		})
	}
}
