package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r35 B1, B5 (issues 19/20): notes saying the people start later
// that the one reader (commands.NoteStartsLater) let through were stored
// as realised jobs typed on Friday 2026-12-04: `다음 월요일 입사`, `담주
// 입사`, `12월 중순 입사`, `7일(월) 입사`, `입사(다음주)`, `입사일 미정(12/8
// 예상)`, `to start Monday`, and on a back-dated entry `12월 말 입사`,
// `이번달 입사`. Each is refused as not hired yet, in Korean and English,
// and nothing is written (SQL count and sum of entries).
func TestR35FutureNoteStartIsRefused(t *testing.T) {
	t.Parallel()
	notes := []string{
		"메모:다음 월요일 입사",
		"메모:다음 화요일 첫 출근",
		"메모:담주 입사",
		"메모:담주부터 근무",
		"메모:12월 중순 입사",
		"메모:이달 말 입사",
		"메모:7일(월) 입사",
		"메모:입사(다음주)",
		"메모:입사-다음주",
		"메모:첫 출근 → 다음주",
		"메모:입사일 미정(12/8 예상)",
		"메모:12/8 입사 예상",
		"메모:to start Monday",
		"메모:joining Monday",
		"메모:starting Monday",
		"메모:starts on the 7th",
		"날짜:2026. 11. 30. 메모:12월 말 입사",
		"날짜:2026. 11. 30. 메모:12월 중순 입사",
		"날짜:2026. 11. 30. 메모:이번달 입사",
		"날짜:2026. 11. 30. 메모:이달 말 입사",
	}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			add, why := "추가 청년", "아직 입사 전"
			if lang == commands.English {
				add, why = "add youth", "not hired yet"
			}
			for i, note := range notes {
				if lang == commands.English {
					note = strings.NewReplacer("메모:", "note:", "날짜:", "date:").Replace(note)
				}
				line := fmt.Sprintf("%s %d %s", add, i+3, note)
				r := h.refusedUntouched(manager, line, why)
				if strings.Contains(r.Text(), "날짜:20") || strings.Contains(r.Text(), "date:20") {
					t.Errorf("%q: the refusal offers a dated line:\n%s", line, r.Text())
				}
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Errorf("%d entries written", n)
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries`); sum != 0 {
				t.Errorf("SQL sum %d, want 0", sum)
			}
		})
	}
}

// Review r35 M15: notes that start nobody (`다음달 근무표 작성 완료`,
// `1/2 근무`, `내일 현장 투입 교육`, `next week we will review hires`) were
// refused as starts to come (`1/2 근무` may still be asked which day); a bracket about something else after a start
// word (`입사(다음주 교육)`) is a note too. They record as typed.
func TestR35FutureNoteWithoutStartIsKept(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			add := "추가 청년"
			if lang == commands.English {
				add = "add youth"
			}
			var want int64
			for i, note := range []string{
				"다음달 근무표 작성 완료",
				"다음주 근무 일정 안내함",
				"내일 현장 투입 교육",
				"입사(다음주 교육)",
				"next week we will review hires",
			} {
				field := "메모:"
				if lang == commands.English {
					field = "note:"
				}
				h.run(manager, fmt.Sprintf("%s %d %s%s", add, i+2, field, note), commands.OutcomeOK)
				want += int64(i + 2)
			}
			// 1/2 근무 is no start: the day reader may ask which day, not
			// refuse it as not hired yet
			line := add + " 9 메모:1/2 근무"
			if lang == commands.English {
				line = add + " 9 note:1/2 근무"
			}
			if r := h.run(manager, line, commands.OutcomeRefused); strings.Contains(r.Text(), "아직 입사 전") || strings.Contains(r.Text(), "not hired yet") {
				t.Errorf("%q refused as a start to come:\n%s", line, r.Text())
			}
			if got := h.liveSQL("youth", "realised"); got != want {
				t.Errorf("realised SQL sum %d, want %d", got, want)
			}
		})
	}
}

// Review r35 B1 addendum (hire path and holds): `채용 1 5 … 메모:다음 월요일
// 입사` consumed an agreement for people not started, and the hold's
// `확인:예` line carried `메모:담주 입사` through. Both are refused as not
// hired yet; the agreement is untouched (SQL).
func TestR35FutureHireAndConfirmLineRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			why := "아직 입사 전"
			if lang == commands.English {
				why = "not hired yet"
			}
			h.run(manager, "추가 청년 10 상태:약정 날짜:12/1", commands.OutcomeOK)
			agreement := h.sqlInt(`SELECT max(id) FROM entries`)
			for _, line := range []string{
				fmt.Sprintf("채용 %d 5 메모:다음 월요일 입사", agreement),
				fmt.Sprintf("채용 %d 4 2026. 12. 4. 메모:to start Monday", agreement),
				"추가 청년 11 날짜:2026. 12. 4. 확인:예 메모:담주 입사",
				"추가 청년 12 확인:예 메모:입사(다음주)",
			} {
				h.refusedUntouched(manager, line, why)
			}
			if got := h.liveSQL("youth", "realised"); got != 0 {
				t.Errorf("realised SQL sum %d, want 0", got)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries`); got != 1 {
				t.Errorf("%d entries, want the agreement alone", got)
			}
		})
	}
}

// Review r35 B3: `메모:월요일부터 출근` typed on Friday 2026-12-04 was read as
// last Monday (11. 30.) and the line offered filed people starting on 12.
// 7. in November. It is refused naming both Mondays, offering the past
// day's line only and saying the other is still to come; nothing written.
func TestR35FutureWeekdayFromNamesBothDays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang              commands.Lang
		line, past, ahead string
	}{
		{commands.Korean, "추가 청년 5 메모:월요일부터 출근", "2026. 11. 30.", "2026. 12. 7."},
		{commands.English, "add youth 5 note:월요일부터 출근", "2026-11-30", "2026-12-07"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, futureToday)
			r := h.refusedUntouched(manager, tc.line, tc.past, tc.ahead)
			if strings.Count(r.Text(), "날짜:20")+strings.Count(r.Text(), "date:20") != 1 {
				t.Errorf("want the past day's line alone:\n%s", r.Text())
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Errorf("%d entries written", n)
			}
		})
	}
}
