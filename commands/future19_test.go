package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// future19Line is the add of note (with its date field, if any) in lang.
func future19Line(lang commands.Lang, n int, fields string) string {
	if lang == commands.English {
		return fmt.Sprintf("add youth %d %s", n, strings.NewReplacer("메모:", "note:", "날짜:", "date:", "상태:채용", "status:realised").Replace(fields))
	}
	return fmt.Sprintf("추가 청년 %d %s", n, fields)
}

// Review r38 B1 (issue 19): notes saying the people start later in words
// the one reader (commands.NoteStartsLater) did not know were stored as
// realised jobs typed on Friday 2026-12-04: 익일, 낼, 다음날, 연말, 새해,
// 연내, 곧, 조만간, 한 주 뒤, 사흘 뒤, 이틀 후, a later ISO week (49주차 on a
// 11. 20. entry), an 8-digit date (20261201), a two-digit year ('27년, 27년
// 1월), 이달 말부터 근무, 이달 중순/하순, starting next week, in a few days,
// the day after, by year end; and (B2) a later quarter or half on an
// earlier date (q4 on 9. 30., 하반기 on 6. 30.). Each is refused as not
// hired yet naming the word, in Korean and English, and nothing is written.
func TestFuture19NoteStartIsRefused(t *testing.T) {
	t.Parallel()
	notes := []struct{ fields, word string }{
		{"메모:익일 입사", "익일"},
		{"메모:낼 입사", "낼"},
		{"메모:다음날 입사", "다음날"},
		{"메모:다음 날 입사", "다음 날"},
		{"메모:연말 입사", "연말"},
		{"메모:새해 입사", "새해"},
		{"메모:새해부터 근무", "새해"},
		{"메모:연내 채용", "연내"},
		{"메모:곧 입사", "곧"},
		{"메모:조만간 채용", "조만간"},
		{"메모:한 주 뒤 입사", "한 주 뒤"},
		{"메모:사흘 뒤 입사", "사흘 뒤"},
		{"메모:나흘 뒤", "나흘 뒤"},
		{"메모:이틀 후 입사", "이틀 후"},
		{"날짜:2026. 11. 20. 메모:49주차 입사", "49주차"},
		{"메모:50주차 입사", "50주차"},
		{"날짜:2026. 11. 20. 메모:20261201 입사", "20261201"},
		{"메모:20261210 입사", "20261210"},
		{"메모:'27년 입사", "'27년"},
		{"메모:27년 1월 입사", "27년 1월"},
		{"메모:이달 말부터 근무", "이달 말"},
		{"메모:이달 하순 입사", "이달 하순"},
		{"메모:이달 중순 입사", "이달 중순"},
		{"메모:starting next week", "next week"},
		{"메모:in a few days", "in a few days"},
		{"메모:hired in a couple of days", "in a couple of days"},
		{"메모:starts the day after", "the day after"},
		{"메모:hired by year end", "by year end"},
		{"날짜:2026. 9. 30. 메모:q4 채용", "q4"},
		{"날짜:2026. 9. 30. 메모:4분기 입사", "4분기"},
		{"날짜:2026. 6. 30. 메모:하반기 채용", "하반기"},
		{"날짜:2026. 9. 30. 메모:Q4 hires", "Q4"},
		{"날짜:2026. 6. 30. 메모:3분기 입사", "3분기"}, // over by 12. 4., but after the entry's day
	}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			why := byLang(lang, "not hired yet", "아직 입사 전")
			for i, c := range notes {
				line := future19Line(lang, i+3, c.fields)
				r := h.refusedUntouched(manager, line, why)
				if span := strings.Split(r.Text(), "`"); len(span) < 3 || !strings.Contains(span[1], c.word) {
					t.Errorf("%q: the reply does not name %q first:\n%s", line, c.word, r.Text())
				}
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

// Review r38 B1/B2 on the days the words name a time to come: a quarter
// or half after the entry's (3분기 and 하반기 on 6. 30., q4 on 9. 30.), and
// a part of the month that has begun but not ended on the day written
// (이달 말/하순 and 연말 on 12. 25., 이달 중순 on 12. 15.): the part is no
// proof the people started by the entry's day, so it is refused as 이달 말
// typed on 12. 4. is. Nothing is written.
func TestFuture19LaterPeriodOnItsDayIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		day   string
		notes []string
	}{
		{"2026-06-30", []string{"메모:3분기 입사", "메모:하반기 채용", "메모:3/4분기 입사", "메모:q3 hires"}},
		{"2026-09-30", []string{"메모:q4 채용", "메모:4분기부터 근무"}},
		{"2026-12-25", []string{"메모:이달 말 입사", "메모:이달 하순 입사", "메모:연말 입사", "메모:이달 말부터 근무"}},
		{"2026-12-15", []string{"메모:이달 중순 입사"}},
	} {
		for _, lang := range []commands.Lang{commands.Korean, commands.English} {
			t.Run(string(lang)+"/"+tc.day, func(t *testing.T) {
				t.Parallel()
				h := r32At(t, lang, tc.day)
				for i, note := range tc.notes {
					h.refusedUntouched(manager, future19Line(lang, i+2, note), byLang(lang, "not hired yet", "아직 입사 전"))
				}
				if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
					t.Errorf("%d entries written", n)
				}
			})
		}
	}
}

// The readings that are past or realised are kept (review r38 B1/B2): a
// quarter holding the entry's day, 12월 on a December day, a week or a
// part of the month over by the day written, 27년 근무 (27 years of
// service), 곧바로 입사, hired the day after the fair, 입사 예정자 중 3명
// 입사. They record as typed; the SQL sum is theirs.
func TestFuture19PastOrRealisedNotesAreKept(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			var want int64
			for i, note := range []string{
				"메모:12월 입사",
				"메모:4분기 입사",
				"메모:하반기 채용",
				"메모:49주차 입사",
				"상태:채용 메모:입사 예정자 중 3명 입사",
				"메모:27년 근무 경력자 입사",
				"메모:곧바로 입사",
				"메모:hired the day after the fair",
				"메모:연말정산 서류 제출",
			} {
				h.run(manager, future19Line(lang, i+2, note), commands.OutcomeOK)
				want += int64(i + 2)
			}
			if got := h.liveSQL("youth", "realised"); got != want {
				t.Errorf("realised SQL sum %d, want %d", got, want)
			}
			// past words other readers ask about are never refused as
			// not hired yet
			for i, note := range []string{"메모:어제 입사", "메모:지난주 입사", "메모:2026년 1월 입사", "메모:1/4분기 입사", "날짜:2026. 12. 3. 메모:1일 입사"} {
				line := future19Line(lang, 40+i, note)
				r := h.run(manager, line, commands.OutcomeRefused)
				if strings.Contains(r.Text(), "아직 입사 전") || strings.Contains(r.Text(), "not hired yet") {
					t.Errorf("%q refused as a start to come:\n%s", line, r.Text())
				}
			}
			if got := h.liveSQL("youth", "realised"); got != want {
				t.Errorf("realised SQL sum %d after the refusals, want %d", got, want)
			}
		})
	}
}

// Review r38 B1 on the hire path: `채용 <약정> <수> 메모:익일 입사` (곧 입사,
// in a few days, 이달 하순 입사) consumed the agreement for people not
// started. Each is refused as not hired yet; the agreement is untouched.
func TestFuture19HireNoteStartIsRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			h.run(manager, "추가 청년 10 상태:약정 날짜:12/1", commands.OutcomeOK)
			agreement := h.sqlInt(`SELECT max(id) FROM entries`)
			for i, note := range []string{"익일 입사", "곧 입사", "in a few days", "이달 하순 입사", "사흘 뒤 입사"} {
				h.refusedUntouched(manager, fmt.Sprintf("채용 %d %d 메모:%s", agreement, i+1, note),
					byLang(lang, "not hired yet", "아직 입사 전"), fmt.Sprintf("#%d", agreement))
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
