package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// offered3Line is the one line of r's offered lines holding word.
func offered3Line(t *testing.T, r commands.Reply, word string) string {
	t.Helper()
	for _, l := range r32Offered(r) {
		if strings.Contains(l, word) {
			return l
		}
	}
	t.Fatalf("no offered line holds %q:\n%s", word, r.Text())
	return ""
}

// Review r39 F17/F9: the 확인:예 line of a held repeat kept `어제`,
// `지난주 금요일`, `이번 달 2일`, `금요일` (and the note's `어제 입사`) as
// typed; typed back the next morning it filed the jobs a day later than
// the question was about. Every offered line names the day it was read
// as, and its note's day words the same day, so typed back the next day
// it files the day first read, with nothing asked again.
func TestOffered3RepeatLineTypedBackNextDay(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(fmt.Sprint(lang), func(t *testing.T) {
			t.Parallel()
			now := time.Date(2026, time.December, 10, 1, 0, 0, 0, time.UTC) // Thursday 10:00 in Seoul
			h := newHarness(t, lang)
			h.withClock(&now)
			rows := []struct{ line, word, want string }{
				{"추가 노인 9 어제", "어제", "2026-12-09"},
				{"추가 노인 8 지난주 금요일", "지난주", "2026-12-04"},
				{"추가 노인 7 이번 달 2일", "이번 달", "2026-12-02"},
				{"추가 노인 6 화요일", "화요일", "2026-12-08"},
				{"추가 노인 5 날짜:어제 메모:어제 입사", "어제", "2026-12-09"},
				{"추가 노인 4 지난달 말 메모:지난달 말 입사", "지난달", "2026-11-30"},
				{"추가 노인 3 메모:오늘 입사", "오늘", "2026-12-10"},
			}
			if lang == commands.English {
				rows = []struct{ line, word, want string }{
					{"add 9 senior yesterday", "yesterday", "2026-12-09"},
					{"add 8 senior last Friday", "Friday", "2026-12-04"},
					{"add 5 senior date:yesterday note:hired yesterday", "yesterday", "2026-12-09"},
					{"add 3 senior note:hired today", "today", "2026-12-10"},
				}
			}
			var yes []string
			for i, row := range rows {
				user := fmt.Sprintf("U%d", i)
				h.run(user, row.line, commands.OutcomeOK)
				r := h.run(user, row.line, commands.OutcomeRefused)
				l := offered3Line(t, r, byLang(lang, "confirm:", "확인:"))
				if strings.Contains(l, row.word) {
					t.Errorf("%s: the offered line keeps %q: %s", row.line, row.word, l)
				}
				yes = append(yes, l)
			}
			now = now.AddDate(0, 0, 1) // typed back the next morning
			for i, row := range rows {
				user := fmt.Sprintf("U%d", i)
				h.run(user, yes[i], commands.OutcomeOK)
				if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = $1 AND as_of = $2::date AND voided_at IS NULL`, user, row.want); n != 2 {
					t.Errorf("%s typed back the next day: %d entries on %s, want 2; as_of: %s", yes[i], n, row.want,
						h.sqlStr(`SELECT string_agg(as_of::text, ',' ORDER BY id) FROM entries WHERE logged_by = $1`, user))
				}
			}
			var want int64
			for _, row := range rows {
				for _, f := range strings.Fields(row.line)[1:3] {
					var n int64
					if _, err := fmt.Sscan(f, &n); err == nil {
						want += 2 * n
					}
				}
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); sum != want {
				t.Errorf("SUM = %d, want %d", sum, want)
			}
		})
	}
}

// Review r39 F17: the 누계포함:예 / 누계포함:아니오 lines kept `지난주
// 금요일` (last Friday) as typed. Each, typed back three days later,
// files the day the question named.
func TestOffered3WithinLinesTypedBackLater(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(fmt.Sprint(lang), func(t *testing.T) {
			t.Parallel()
			now := time.Date(2026, time.December, 14, 1, 0, 0, 0, time.UTC) // Monday
			h := newHarness(t, lang)
			h.withClock(&now)
			h.run("U0", byLang(lang, "add 100 senior cumulative date:2026-12-13", "추가 노인 누계 100 날짜:2026. 12. 13."), commands.OutcomeOK)
			line := byLang(lang, "add 3 senior last Friday note:hired yesterday", "추가 노인 3 지난주 금요일 메모:어제 입사")
			var lines []string
			for i, answer := range []string{byLang(lang, "within:yes", "누계포함:예"), byLang(lang, "within:no", "누계포함:아니오")} {
				l := strings.Replace(line, byLang(lang, "yesterday", "어제"), byLang(lang, "last Friday", "지난주 금요일"), 1)
				l = strings.Replace(l, " 3 ", fmt.Sprintf(" %d ", 3-i), 1) // a separate count: not a repeat of the first
				r := h.run(fmt.Sprintf("U%d", i+1), l, commands.OutcomeRefused)
				got := offered3Line(t, r, answer)
				if strings.Contains(got, byLang(lang, "Friday", "지난주")) {
					t.Errorf("the offered line keeps the day typed: %s", got)
				}
				lines = append(lines, got)
			}
			now = now.AddDate(0, 0, 3)
			for i, l := range lines {
				h.run(fmt.Sprintf("U%d", i+1), l, commands.OutcomeOK)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = '2026-12-11' AND count IN (2, 3) AND voided_at IS NULL`); n != 2 {
				t.Errorf("%d entries of 3 and 2 on 2026-12-11, want 2; as_of: %s", n,
					h.sqlStr(`SELECT string_agg(as_of::text || ':' || count, ',' ORDER BY id) FROM entries`))
			}
			// 100 reported through 12-13; 3 inside it, 2 on top
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); sum != 102 {
				t.Errorf("SUM = %d, want 102", sum)
			}
		})
	}
}

// Review r39 F9: the dated line a note-day refusal offers kept the note's
// `어제` while its date was written out: typed back the next day the note
// named another day and was asked again. Its note names the day too, so
// it records the day it names; and the 확인:다시 line of a question
// answered already names its day as well.
func TestOffered3NoteDayLineTypedBackNextDay(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(fmt.Sprint(lang), func(t *testing.T) {
			t.Parallel()
			now := time.Date(2026, time.December, 8, 1, 0, 0, 0, time.UTC)
			h := newHarness(t, lang)
			h.withClock(&now)
			r := h.run("U1", byLang(lang, "add 5 youth date:11/20 note:hired yesterday", "추가 청년 5 날짜:11/20 메모:어제 입사"), commands.OutcomeRefused)
			dated := offered3Line(t, r, byLang(lang, "2026-12-07", "2026. 12. 7."))
			if strings.Contains(dated, byLang(lang, "yesterday", "어제")) {
				t.Errorf("the dated line keeps the note's day word: %s", dated)
			}
			h.run("U2", byLang(lang, "add 4 youth yesterday", "추가 청년 4 어제"), commands.OutcomeOK)
			held := h.run("U2", byLang(lang, "add 4 youth yesterday", "추가 청년 4 어제"), commands.OutcomeRefused)
			yes := offered3Line(t, held, byLang(lang, "confirm:", "확인:"))
			h.run("U2", yes, commands.OutcomeOK)
			again := h.run("U2", yes, commands.OutcomeRefused)
			other := offered3Line(t, again, byLang(lang, "confirm:", "확인:"))
			if strings.Contains(other, byLang(lang, "yesterday", "어제")) {
				t.Errorf("the separate report's line keeps `yesterday`: %s", other)
			}
			now = now.AddDate(0, 0, 1)
			h.run("U1", dated, commands.OutcomeOK)
			h.run("U2", other, commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = 'U1' AND as_of = '2026-12-07' AND count = 5`); n != 1 {
				t.Errorf("%s typed back: %d entries of 5 on 12-07, want 1", dated, n)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE logged_by = 'U2' AND as_of = '2026-12-07' AND count = 4`); n != 3 {
				t.Errorf("%s typed back: %d entries of 4 on 12-07, want 3; as_of: %s", other, n,
					h.sqlStr(`SELECT string_agg(as_of::text, ',' ORDER BY id) FROM entries WHERE logged_by = 'U2'`))
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); sum != 17 {
				t.Errorf("SUM = %d, want 17", sum)
			}
		})
	}
}

// Review (issue 19): `메모:지난주 입사` on an entry dated 11/20, typed on
// 2026-12-08 when last week was 11/30 ~ 12/6, was recorded on 11/20
// unasked, since the week begins in November. It is another week, asked
// as one within a month is; nothing is written.
func TestOffered3LastWeekOverTwoMonthsBeforeItIsAsked(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(fmt.Sprint(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-08")
			r := h.run("U1", byLang(lang, "add 5 youth date:11/20 note:hired last week", "추가 청년 5 날짜:11/20 메모:지난주 입사"), commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "2026-11-30", "2026. 11. 30."), byLang(lang, "2026-12-06", "2026. 12. 6."))
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Errorf("%d entries written, want none", n)
			}
			for _, l := range r32Offered(r) {
				h.run("U1", l, commands.OutcomeOK) // each line offered records, unasked
				break
			}
			if n := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE as_of = '2026-12-04'`); n != 5 {
				t.Errorf("the dated line filed %d on 12-04, want 5: %s", n, h.sqlStr(`SELECT coalesce(string_agg(as_of::text, ','), '') FROM entries`))
			}
		})
	}
}

// Review (offered3): `메모:12/9·10· 합산` (the 9th and the 10th together)
// was read as the date 2012. 9. 10., the slash and the middle dot taken
// as one date's separators. A date's parts share one separator; the note
// names 12/9, a day of the entry's month. Nothing is written.
// dates7: the list is the days 12/9 and 12/10 (on 12/10 the period's
// last day, kept as a period of days is), so the entry is typed on 12/11.
func TestOffered3NoteDayListIsNoDateOfAnotherYear(t *testing.T) {
	t.Parallel()
	h := r32At(t, commands.Korean, "2026-12-11")
	r := h.run("U1", "추가 청년 5 메모:12/9·10· 합산", commands.OutcomeRefused)
	if strings.Contains(r.Text(), "2012") {
		t.Errorf("the note read as 2012:\n%s", r.Text())
	}
	mustContain(t, r.Text(), "`12/9·10`", "2026. 12. 9.", "2026. 12. 10.")
	if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
		t.Errorf("%d entries written, want none", n)
	}
}
