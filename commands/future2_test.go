package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// future2Line is `추가 <program> n <date> 메모:note` in lang.
func future2Line(lang commands.Lang, program string, n int, date, note string) string {
	if lang == commands.English {
		en := map[string]string{"여성": "women", "청년": "youth"}[program]
		return strings.TrimSpace(fmt.Sprintf("add %s %d %s note:%s", en, n, date, note))
	}
	return strings.TrimSpace(fmt.Sprintf("추가 %s %d %s 메모:%s", program, n, date, note))
}

// future2Refused runs each note on day (line `추가 program N date
// 메모:note`), wants it refused as not hired yet naming the word, types
// back every line the reply offers (none may be written), and checks by a
// plain SQL count and sum that nothing was.
func future2Refused(t *testing.T, day, program, date string, notes []struct{ note, word string }) {
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, day)
			why := byLang(lang, "not hired yet", "아직 입사 전")
			for i, c := range notes {
				line := future2Line(lang, program, 300+i, date, c.note)
				r := h.refusedUntouched(manager, line, why)
				if span := strings.Split(r.Text(), "`"); len(span) < 3 || !strings.Contains(span[1], c.word) {
					t.Errorf("%q: the reply does not name %q first:\n%s", line, c.word, r.Text())
				}
				for _, offered := range r32Offered(r) {
					h.refusedUntouched(manager, offered)
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

// Review r40 B7 (issue 19): on Wednesday 2026-12-02 notes on a 12/1 entry
// saying the people start this Friday (12/4), this weekend (12/5–6) or on
// this month's 4th were recorded as 12/1 hires: 이번 금요일, 이번 주말, 금월
// 4일, 이달 4일, 첫 출근 이번 금요일, joining this weekend, first day this
// Friday. Each is refused as a start to come naming the word; nothing is
// written, and no line is offered that would write it.
func TestFuture2ThisWeekAndMonthStartIsRefused(t *testing.T) {
	t.Parallel()
	future2Refused(t, "2026-12-02", "여성", "12/1", []struct{ note, word string }{
		{"이번 금요일 입사", "이번 금요일"},
		{"이번 주말 입사", "이번 주말"},
		{"금주 주말 출근", "금주 주말"},
		{"금월 4일 입사", "금월 4일"},
		{"이달 4일 입사", "이달 4일"},
		{"이번 달 4일 입사", "이번 달 4일"},
		{"첫 출근 이번 금요일", "이번 금요일"},
		{"joining this weekend", "this weekend"},
		{"new hires, first day this Friday", "this Friday"},
		{"hired this month's 4th", "this month's 4th"},
	})
}

// Review r40 B8: `4일 금요일 입사` on 12-02 was read as the weekday alone,
// last Friday 11/27, and the line offered filed it there. A day with its
// weekday names one day, that day of this or a neighbouring month on the
// weekday (12/4 is a Friday): to come, it is refused as not hired yet.
func TestFuture2DayWithWeekdayToComeIsRefused(t *testing.T) {
	t.Parallel()
	future2Refused(t, "2026-12-02", "여성", "12/1", []struct{ note, word string }{
		{"4일 금요일 입사", "4일 금요일"},
		{"4일 금욜 입사", "4일 금욜"},
		{"4일(금) 입사", "4일(금)"},
		{"hired Friday 4th", "Friday 4th"},
		{"hired Friday the 4th", "Friday the 4th"},
	})
}

// Review r39 F10: on 2026-12-07 a note with a later 출근일, 발령, 임용 day
// (`출근일 12. 10.`, `발령 12/10`) got a note-day refusal whose second
// line, `날짜:2026. 12. 7. 메모:출근일`, typed back stored the future hires
// as realised with the day cut out. They are starts to come: refused as
// not hired yet with no line offered; `12월 중 입사` on 12-07 (December
// not over) too.
func TestFuture2StartDayAfterTheEntryIsRefused(t *testing.T) {
	t.Parallel()
	future2Refused(t, "2026-12-07", "청년", "", []struct{ note, word string }{
		{"출근일 12. 10.", "12. 10."},
		{"출근 12. 10.", "12. 10."},
		{"발령 12/10", "12/10"},
		{"발령일: 12/10", "12/10"},
		{"임용 12/10", "12/10"},
		{"첫 출근 12/10", "12/10"},
		{"first day 12/10", "12/10"},
		{"start date 12/10", "12/10"},
		{"합격자 발표, 12월 중 입사", "12월 중"},
	})
}

// The same words naming a day come by the day typed (review r40 B7/B8):
// `4일 금요일 입사` typed on 12-16 names 12/4 (not the latest Friday 12/11),
// `이달 4일 입사` on 12-07 names 12/4 (not "지난달 11. 4.인지"); the reply
// asks about that day. Its first line typed back files the entry on 12/4;
// its second keeps 12/1 with the day left out. SQL holds exactly those.
func TestFuture2NamedDayPastIsAskedAsThatDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ day, note, word string }{
		{"2026-12-16", "4일 금요일 입사", "4일 금요일"},
		{"2026-12-16", "hired Friday the 4th", "Friday the 4th"},
		{"2026-12-07", "이달 4일 입사", "이달 4일"},
		{"2026-12-07", "금월 4일 입사", "금월 4일"},
	} {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(string(lang)+"/"+tc.note, func(t *testing.T) {
				t.Parallel()
				h := r32At(t, lang, tc.day)
				r := h.run(manager, future2Line(lang, "여성", 41, "12/1", tc.note), commands.OutcomeRefused)
				mustContain(t, r.Text(), "`"+tc.word+"`", byLang(lang, "2026-12-04", "2026. 12. 4."))
				if strings.Contains(r.Text(), byLang(lang, "2026-11-", "2026. 11.")) || strings.Contains(r.Text(), byLang(lang, "2026-12-11", "2026. 12. 11.")) {
					t.Errorf("the reply names another day than 12/4:\n%s", r.Text())
				}
				offered := r32Offered(r)
				if len(offered) != 2 {
					t.Fatalf("offered %q, want two lines:\n%s", offered, r.Text())
				}
				h.run(manager, offered[0], commands.OutcomeOK)
				if got := h.sqlStr(`SELECT as_of::text || '|' || count FROM entries WHERE voided_at IS NULL ORDER BY id`); got != "2026-12-04|41" {
					t.Errorf("after the first line SQL %q, want 2026-12-04|41", got)
				}
				if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE as_of = '2026-12-01'`); sum != 0 {
					t.Errorf("12/1 SQL sum %d, want 0", sum)
				}
			})
		}
	}
}
