package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// pastnote19Lines types back each line the refusal of line offers, each
// in a harness of its own (the lines answer one question: once one
// records, the other is refused, review r38 B6), and checks that it
// records as typed on the day wanted, the plain SQL SUM the count. A line
// dated in an earlier year is asked its year once more; the 확인:예 line
// that reply offers records it there.
func pastnote19Lines(t *testing.T, lang commands.Lang, today, line string, wantDays []string, count int64) {
	t.Helper()
	for i, want := range wantDays {
		h := r32At(t, lang, today)
		offered := r32Offered(h.run(manager, line, commands.OutcomeRefused))
		if len(offered) != len(wantDays) {
			t.Fatalf("%q offered %q, want %d lines", line, offered, len(wantDays))
		}
		l := offered[i]
		if strings.HasPrefix(want, "2025") {
			for _, a := range r32Offered(h.run(manager, l, commands.OutcomeRefused)) {
				if strings.Contains(a, "확인:예") || strings.Contains(a, "confirm:yes") {
					l = a
				}
			}
		}
		h.run(manager, l, commands.OutcomeOK)
		if day := h.sqlStr(`SELECT to_char(as_of, 'YYYY-MM-DD') FROM entries WHERE voided_at IS NULL`); day != want {
			t.Errorf("%q recorded on %s, want %s", l, day, want)
		}
		if sum := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); sum != count {
			t.Errorf("SQL SUM %d after %q, want %d", sum, l, count)
		}
	}
}

// Review r38 B3: a note naming an earlier year (전년도 채용, 25년 채용) or
// an earlier ISO week (W47 채용, 47주차 채용, hired week 47) was stored on
// the entry's day. It is refused naming the word, with the line dated the
// year's last day or the week's last weekday and the line keeping the
// entry's date without the word; both record as typed.
func TestPastNote19YearAndWeekNotesAreAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, word string
		days       []string
	}{
		{commands.Korean, "추가 청년 5 메모:전년도 채용", "`전년도 채용`", []string{"2025-12-31", "2026-12-04"}},
		{commands.Korean, "추가 청년 5 메모:25년 채용", "`25년 채용`", []string{"2025-12-31", "2026-12-04"}},
		{commands.Korean, "추가 청년 5 메모:2025년 입사", "`2025년 입사`", []string{"2025-12-31", "2026-12-04"}},
		{commands.Korean, "추가 청년 5 메모:W47 채용", "`W47`", []string{"2026-11-20", "2026-12-04"}},
		{commands.Korean, "추가 청년 5 메모:47주차 채용", "`47주차`", []string{"2026-11-20", "2026-12-04"}},
		{commands.Korean, "추가 청년 5 메모:2026년 47주차분", "`2026년 47주차분`", []string{"2026-11-20", "2026-12-04"}},
		{commands.English, "add youth 5 note:hired week 47", "`week 47`", []string{"2026-11-20", "2026-12-04"}},
		{commands.English, "add youth 5 note:W47 hires", "`W47`", []string{"2026-11-20", "2026-12-04"}},
		{commands.English, "add youth 5 note:2025년 입사", "`2025년 입사`", []string{"2025-12-31", "2026-12-04"}},
	} {
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			r := h.run(manager, tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.word)
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries after the refusal, want none", n)
			}
			pastnote19Lines(t, tc.lang, "2026-12-04", tc.line, tc.days, 5)
		})
	}
}

// A week or a year that is no claim about the figure stays a note:
// 입사 3주차 교육 counts weeks since joining, 25년 채용자 says who they
// are, and a week holding the entry's date agrees with it.
func TestPastNote19WeekAndYearWordsThatStayNotes(t *testing.T) {
	t.Parallel()
	h := r32At(t, commands.Korean, "2026-12-04")
	for _, line := range []string{
		"추가 청년 8 날짜:2026. 11. 20. 메모:W47 채용",
		"추가 청년 4 메모:입사 3주차 교육",
		"추가 청년 2 메모:25년 채용자 재고용",
		"추가 청년 1 메모:49주차 채용",
	} {
		h.run(manager, line, commands.OutcomeOK)
	}
	if sum := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); sum != 15 {
		t.Errorf("SQL SUM %d, want 15", sum)
	}
}

// Review r38 B5: `이번 주 화욜` and `금주 화욜` read as 이번 주 화요일, in
// the note (asked, offering 12. 1.) and as the date (2026. 12. 1.).
func TestPastNote19ThisWeekColloquialWeekday(t *testing.T) {
	t.Parallel()
	for _, note := range []string{"이번 주 화욜", "금주 화욜", "이번주 화요일"} {
		t.Run(note, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, commands.Korean, "2026-12-04")
			r := h.run(manager, "추가 청년 5 메모:"+note+" 입사", commands.OutcomeRefused)
			mustContain(t, r.Text(), "`"+note+"`", "2026. 12. 1.")
			pastnote19Lines(t, commands.Korean, "2026-12-04", "추가 청년 5 메모:"+note+" 입사", []string{"2026-12-01", "2026-12-04"}, 5)
			for _, l := range r32Offered(r) {
				if strings.Contains(l, "이번") && strings.Contains(l, "2026. 12. 4.") || strings.Contains(l, "금주") && strings.Contains(l, "2026. 12. 4.") {
					t.Errorf("kept line %q keeps half the day words", l)
				}
			}
		})
	}
	h := r32At(t, commands.Korean, "2026-12-04")
	for _, line := range []string{"추가 청년 8 이번 주 화욜", "추가 청년 4 금주 화욜", "추가 청년 2 날짜:금주 화욜", "추가 청년 1 금주 화요일"} {
		h.run(manager, line, commands.OutcomeOK)
	}
	if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-01'`); n != 15 {
		t.Errorf("SQL SUM on 12. 1. is %d, want 15", n)
	}
}

// Review r38 M2: a combining mark on a Hangul letter (NFC composes none)
// splits the word: `메모:어\u0301제 입사` was stored on the entry's day.
// It is refused naming the mark; a no-break or other Unicode space between
// words reads as a space (`어제\u00a0입사` is asked as 어제 입사 is).
func TestPastNote19UnicodeMarksAndSpaces(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			for _, line := range []string{"추가 청년 5 메모:어\u0301제 입사", "추가 청년 5 메모:어제\u0301 입사", "추가 청년 5 어\u0301제", "add youth 5 note:hired 내\u0301일"} {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), "0301")
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries, want none", n)
			}
			for _, sp := range []string{"\u00a0", "\u2009", "\u202f", "\u3000"} {
				r := h.run(manager, "추가 청년 5 메모:어제"+sp+"입사", commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(lang, "2026-12-03", "2026. 12. 3."))
				if r := h.run(manager, "추가 청년 5 메모:내일"+sp+"입사", commands.OutcomeRefused); !strings.Contains(r.Text(), "내일") {
					t.Errorf("내일 with U+%04X not named:\n%s", []rune(sp)[0], r.Text())
				}
			}
			h.run(manager, "추가 청년 5 어제\u00a0메모:x", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE as_of = '2026-12-03'`); n != 5 {
				t.Errorf("SQL SUM on 12. 3. is %d, want 5", n)
			}
		})
	}
}

// Review r38 M6: a weekday note agreeing with the entry's own date a
// month back (`11/6 메모:금요일 입사`, 11/6 a Friday, typed Friday 12/4)
// was asked; it is recorded as typed. Another weekday is still asked.
func TestPastNote19WeekdayNoteAgreesWithItsDate(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			h.run(manager, byLang(lang, "add youth 5 11/6 note:hired on Friday", "추가 청년 5 11/6 메모:금요일 입사"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add youth 5 2026-10-02 note:hired Friday", "추가 청년 5 10/2 메모:금욜 입사"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add youth 5 11/5 note:hired on Friday", "추가 청년 5 11/5 메모:금요일 입사"), commands.OutcomeRefused)
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE as_of IN ('2026-11-06', '2026-10-02')`); n != 10 {
				t.Errorf("SQL SUM %d, want 10", n)
			}
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries`); n != 10 {
				t.Errorf("SQL SUM %d, want 10", n)
			}
		})
	}
}

// Review r35 M11: `오는 7일` as the date is a day to come, refused as
// 내일 is (it was asked for its month, as if the 7th just past were
// meant); in a note with 입사 it is a start to come.
func TestPastNote19ComingDay(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			r := h.run(manager, "추가 청년 5 오는 7일", commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "2026-12-07", "2026. 12. 7."))
			r = h.run(manager, "추가 청년 5 날짜:오는 3일", commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "2027-01-03", "2027. 1. 3."))
			h.run(manager, "추가 청년 5 메모:오는 7일 입사", commands.OutcomeRefused)
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries, want none", n)
			}
		})
	}
}

// Review r35 M9: `날짜:53주차` typed when that week is all ahead was
// called a period under way and today offered; `날짜:2026년 1주차` was
// read as the year 2026. A week as the date is named by its days and
// offered on its last weekday (as 11월 넷째주 is), a week to come is
// refused, and the day offered records.
func TestPastNote19WeekAsTheDate(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-01-05")
			r := h.run(manager, byLang(lang, "add youth 5 date:53주차", "추가 청년 5 날짜:53주차"), commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "not begun", "아직 오지 않았습니다"))
			if strings.Contains(r.Text(), byLang(lang, "today's date", "오늘까지")) {
				t.Errorf("a week to come offered today:\n%s", r.Text())
			}
			r = h.run(manager, byLang(lang, "add youth 5 date:2026년 1주차", "추가 청년 5 날짜:2026년 1주차"), commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "2025-12-29 to 2026-01-04", "2025. 12. 29. ~ 2026. 1. 4."), byLang(lang, "date:2026-01-02", "날짜:2026. 1. 2."))
			h.run(manager, byLang(lang, "add youth 5 date:2026-01-02", "추가 청년 5 날짜:2026. 1. 2."), commands.OutcomeOK)

			h2 := r32At(t, lang, "2027-01-05")
			r = h2.run(manager, byLang(lang, "add youth 3 date:53주차", "추가 청년 3 날짜:53주차"), commands.OutcomeRefused)
			// over two months: each month's last working day, never 신정 (review r41 F6)
			mustContain(t, r.Text(), byLang(lang, "date:2026-12-31", "날짜:2026. 12. 31."), byLang(lang, "date:2027-01-03", "날짜:2027. 1. 3."))
			r = h2.run(manager, byLang(lang, "add youth 3 date:2027년 53주차", "추가 청년 3 날짜:2027년 53주차"), commands.OutcomeRefused)
			mustContain(t, r.Text(), "53")
			h2.run(manager, byLang(lang, "add youth 3 date:2026-12-31", "추가 청년 3 날짜:2026. 12. 31."), commands.OutcomeOK)
			if n := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE as_of = '2026-01-02'`); n != 5 {
				t.Errorf("SQL SUM %d, want 5", n)
			}
			if n := h2.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE as_of = '2026-12-31'`); n != 3 {
				t.Errorf("SQL SUM %d, want 3", n)
			}
		})
	}
}
