package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r48 B5: the same `확인:다시` line pasted five times. The first
// paste answers no question (an ordinary line, recorded), the second is
// asked as a repeat, the third answers that question. Its 확인:다시 is the
// question's separate batch already: the fourth recorded yet another
// entry under the question's again key, three identical entries in all.
// Once per question: the fourth and fifth paste write nothing and name
// the entry the third recorded.
func TestAgain2ConfirmAgainAnsweringTheQuestionIsItsBatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang     commands.Lang
		again    string
		yes      string
		already  string
		separate string
	}{
		{commands.Korean, "추가 여성 9 날짜:2026. 12. 1. 확인:다시", "추가 여성 9 날짜:2026. 12. 1. 확인:예",
			"이미 기록했습니다", "따로 한 번 더"},
		{commands.English, "add women 9 date:2026-12-01 confirm:again", "add women 9 date:2026-12-01 confirm:yes",
			"Already recorded", "separate report"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			u := "U8"
			check := func(want int64, when string) {
				t.Helper()
				if got := holds3Sum(h, u, "women"); got != want {
					t.Fatalf("after %s: SQL SUM %d, want %d", when, got, want)
				}
			}
			holds3Run(h, u, tc.again, commands.OutcomeOK) // no question: an ordinary line
			check(9, "paste 1")
			mustContain(t, holds3Run(h, u, tc.again, commands.OutcomeRefused).Text(), tc.separate)
			check(9, "paste 2 (the repeat question)")
			holds3Run(h, u, tc.again, commands.OutcomeOK) // answers the question
			check(18, "paste 3")
			batch := links6Last(h, u)
			for i := 4; i <= 5; i++ {
				r := holds3Run(h, u, tc.again, commands.OutcomeRefused)
				mustContain(t, r.Text(), tc.already, fmt.Sprintf("#%d", batch))
				check(18, fmt.Sprintf("paste %d", i))
			}
			// the question's 확인:예 is answered by the same entry
			mustContain(t, holds3Run(h, u, tc.yes, commands.OutcomeRefused).Text(), tc.already)
			check(18, "확인:예 after it")
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = $1 AND voided_at IS NULL`, u); n != 2 {
				t.Fatalf("%d live entries, want 2", n)
			}
		})
	}
}

// Review r47 A5 (a): an exact 누계 that clears the 여 of an approximate one
// said "합계는 바뀌지 않았습니다" twice, in the title and again in the line
// naming the entry recorded again. Once: the line names the entries only.
func TestAgain2ExactReportSaysTotalsUnchangedOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		unchanged  string
		recordedAs string
	}{
		{commands.Korean, "합계는 바뀌지 않았습니다", "'여' 표시를 지우고"},
		{commands.English, "no total changed", "was recorded again as"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			holds3Run(h, "U1", "추가 청년 누계 1천여 11월말", commands.OutcomeOK)
			r := holds3Run(h, "U1", "추가 청년 누계 1,000 11월말", commands.OutcomeOK)
			text := r.Text()
			mustContain(t, text, tc.recordedAs)
			if n := strings.Count(text, tc.unchanged); n != 1 {
				t.Fatalf("%q said %d times, want once:\n%s", tc.unchanged, n, text)
			}
			if got := holds3Sum(h, "U1", "youth"); got != 1000 {
				t.Fatalf("SQL SUM %d, want 1,000", got)
			}
		})
	}
}

// Review r47 A5 (b): the press line wrote "민간부문 0개 등" (a sector
// with no jobs named as a part) and "지난 12월 4일 현재" for today's
// figures. A sector with none is left out, the one left holding them all;
// today's date has no 지난. Figures are the plain SQL SUMs.
func TestAgain2PressLeavesOutAnEmptySectorAndTodaysPast(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			for _, line := range []string{"add 5 youth date:2026-12-01", "add 7 women date:2026-11-20", "target 21000"} {
				holds3Run(h, manager, line, commands.OutcomeOK)
			}
			through := func(day string) string {
				return "e.as_of BETWEEN '2026-01-01' AND '" + day + "' AND p.unit <> '회'"
			}
			today := h.sum(through("2026-12-04"))
			public := h.sum(through("2026-12-04") + " AND p.sector = 'public'")
			if today != 12 || public != today {
				t.Fatalf("SQL: %d in all, %d public, want 12 and 12", today, public)
			}
			text := holds3Run(h, manager, byLang(lang, "press", "보도자료"), commands.OutcomeOK).Text()
			mustContain(t, text, byLang(lang, fmt.Sprintf("As of 4 December it had created %d jobs, all in the public sector.", today),
				fmt.Sprintf("중 12월 4일 현재 공공부문에서 총 %d개의 일자리를 창출했다.", today)))
			mustNotContain(t, text, "지난", "민간부문", "private sector")
			// a day gone by keeps its 지난
			november := h.sum(through("2026-11-30"))
			text = holds3Run(h, manager, byLang(lang, "press 2026-11-30", "보도자료 11월말"), commands.OutcomeOK).Text()
			mustContain(t, text, byLang(lang, fmt.Sprintf("As of the end of November it had created %d jobs, all in the public sector.", november),
				fmt.Sprintf("중 지난 11월말 현재 공공부문에서 총 %d개의 일자리를 창출했다.", november)))
			// with private jobs too, both parts are named
			holds3Run(h, manager, "add 100 invest date:2026-12-02", commands.OutcomeOK)
			private := h.sum(through("2026-12-04") + " AND p.sector = 'private'")
			today = h.sum(through("2026-12-04"))
			text = holds3Run(h, manager, byLang(lang, "press", "보도자료"), commands.OutcomeOK).Text()
			mustContain(t, text, byLang(lang, fmt.Sprintf(": %d in the public sector and %d in the private sector.", public, private),
				fmt.Sprintf("중 12월 4일 현재 공공부문 %d개, 민간부문 %d개 등 총 %d개의 일자리를 창출했다.", public, private, today)))
		})
	}
}
