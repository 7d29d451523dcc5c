package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r35 B2: a note naming last year's fourth quarter in the Q forms
// (`q4 실적`, `4Q 실적`, `2026 Q4`, `Q4'26`, `q4 2026 실적`) typed in January
// 2027 on a January entry was recorded in January, while `4분기 실적` is
// asked. The Q forms are read as the Korean quarter word: refused, nothing
// written, and each offered line typed back records once on its date.
func TestR35q4QuarterFormsInJanuaryAreAsked(t *testing.T) {
	t.Parallel()
	ko, en := commands.Korean, commands.English
	for _, c := range []keptCase{
		{"2027-01-05", ko, "추가 노인 8 메모:4분기 실적", "2026-12-31", ""},
		{"2027-01-05", ko, "추가 노인 8 메모:q4 실적", "2026-12-31", ""},
		{"2027-01-05", ko, "추가 노인 9 메모:4Q 실적", "2026-12-31", ""},
		{"2027-01-05", ko, "추가 노인 10 메모:2026 Q4 채용", "2026-12-31", "채용"},
		{"2027-01-05", ko, "추가 노인 12 메모:Q4'26 채용", "2026-12-31", "채용"},
		{"2027-01-05", ko, "추가 노인 5 메모:q4 2026 실적", "2026-12-31", ""},
		{"2027-01-05", ko, "추가 노인 6 메모:4/4분기 실적", "2026-12-31", ""},
		{"2027-01-05", en, "add 8 senior note:Q4 hires", "2026-12-31", "hires"},
		{"2027-01-05", en, "add 9 senior note:hires 4Q", "2026-12-31", "hires"},
		{"2027-01-05", en, "add 10 senior note:2026 Q4 hires", "2026-12-31", "hires"},
		{"2027-01-05", en, "add 12 senior note:Q4'26 hires", "2026-12-31", "hires"},
		{"2027-01-05", en, "add 5 senior note:Q4 2026 hires", "2026-12-31", "hires"},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			t.Parallel()
			runKept(t, c)
		})
	}
}

// The Q forms of the entry's own quarter, words that only hold a q and
// a digit, and 주말일자리 (no 말일) are no other period: recorded on the day typed, the SQL
// sum theirs.
func TestR35q4OwnQuarterFormsAreRecorded(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
		sum   int64
	}{
		{commands.Korean, []string{"추가 노인 3 메모:Q4 실적", "추가 노인 4 메모:2026 Q4 채용", "추가 노인 5 메모:q4a 양식", "추가 노인 6 메모:4Q 실적", "추가 노인 7 메모:주말일자리 채용"}, 3 + 4 + 5 + 6 + 7},
		{commands.English, []string{"add 3 senior note:Q4 hires", "add 4 senior note:Q4'26 hires", "add 5 senior note:form q41"}, 3 + 4 + 5},
	} {
		h := k32Harness(t, tc.lang, k55At(2026, time.December, 4))
		for _, line := range tc.lines {
			h.run(manager, line, commands.OutcomeOK)
		}
		if n, sum := h.live(); n != int64(len(tc.lines)) || sum != tc.sum {
			t.Errorf("%s: live %d, SQL sum %d; want %d, %d", tc.lang, n, sum, len(tc.lines), tc.sum)
		}
		if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of <> '2026-12-04'`); n != 0 {
			t.Errorf("%s: %d entries dated another day than 2026-12-04", tc.lang, n)
		}
	}
}

// Review r35 M7: `12.1.2026` in a note was read day first as 2026. 1. 12.
// (an M.D.YYYY writer means 12/1), and `1.12.2026` as a start to come. A
// dotted date with the year last whose first two numbers could each be
// the month is refused naming both days, nothing written, with a line for
// each, its note written year first; each typed back records once on its
// day. `30.11.2026` (30 is no month) and `12.12.2026` are read as before.
func TestR35q4AmbiguousDottedDateIsAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		now   string
		lang  commands.Lang
		line  string
		wants []string
		lines [][2]string // line offered, its date
	}{
		{"2027-01-05", commands.Korean, "추가 노인 5 메모:12.1.2026 입사", []string{"`12.1.2026`", "2026. 12. 1.", "2026. 1. 12.", "아무것도 저장하지 않았습니다"}, [][2]string{
			{"추가 노인 5 날짜:2026. 12. 1. 메모:2026. 12. 1. 입사", "2026-12-01"}, {"추가 노인 5 날짜:2026. 1. 12. 메모:2026. 1. 12. 입사", "2026-01-12"}}},
		{"2026-12-04", commands.Korean, "추가 노인 7 메모:1.12.2026 입사", []string{"`1.12.2026`"}, [][2]string{
			{"추가 노인 7 날짜:2026. 1. 12. 메모:2026. 1. 12. 입사", "2026-01-12"}, {"추가 노인 7 날짜:2026. 12. 1. 메모:2026. 12. 1. 입사", "2026-12-01"}}},
		{"2027-01-05", commands.English, "add 7 senior note:hired 1.12.2026", []string{"`1.12.2026`", "2026-01-12", "2026-12-01", "nothing was saved"}, [][2]string{
			{"add senior 7 date:2026-01-12 note:hired 2026-01-12", "2026-01-12"}, {"add senior 7 date:2026-12-01 note:hired 2026-12-01", "2026-12-01"}}},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			t.Parallel()
			now, err := time.Parse(time.DateOnly, c.now)
			if err != nil {
				t.Fatal(err)
			}
			h := k32Harness(t, c.lang, now.Add(time.Hour))
			r := h.refusedUntouched(manager, c.line, c.wants...)
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%q wrote %d entries", c.line, n)
			}
			got := offeredLines(r.Text())
			if len(got) != len(c.lines) {
				t.Fatalf("%q offers %q, want %d lines:\n%s", c.line, got, len(c.lines), r.Text())
			}
			for i, l := range c.lines {
				if got[i] != l[0] {
					t.Errorf("line %d offered %q, want %q", i, got[i], l[0])
				}
				kc := keptCase{now: c.now, lang: c.lang}
				typeBack(t, kc, l[0], l[1], noteOf(l[0]))
			}
		})
	}
}

// `30.11.2026` (30 is no month) and `12.12.2026` name one day: asked as
// that day, as before.
func TestR35q4UnambiguousDottedDateIsRead(t *testing.T) {
	t.Parallel()
	runKept(t, keptCase{"2027-01-05", commands.English, "add 5 senior note:joined 30.11.2026", "2026-11-30", "joined"})
	runKept(t, keptCase{"2027-01-05", commands.Korean, "추가 노인 5 메모:12.12.2026 입사", "2026-12-12", "입사"})
}

// Review r35 B2: `말일 입사`, `말일자 채용` and `joined 31.12.` typed in
// early January on a January entry were recorded in January while `월말
// 입사`, `31일자 입사` and `12.31.에 입사` are asked: read as those are,
// refused, and each offered line typed back records once on its day.
func TestR35q4MonthEndAndDayMonthInJanuaryAreAsked(t *testing.T) {
	t.Parallel()
	ko, en := commands.Korean, commands.English
	for _, c := range []keptCase{
		{"2027-01-05", ko, "추가 노인 6 메모:말일 입사", "2026-12-31", "입사"},
		{"2027-01-05", ko, "추가 노인 7 메모:말일자 채용", "2026-12-31", "채용"},
		{"2027-01-04", en, "add 4 senior note:joined 31.12.", "2026-12-31", "joined"},
		{"2027-01-04", en, "add 4 senior note:joined 30.11. staggered", "2026-11-30", "joined staggered"},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			t.Parallel()
			runKept(t, c)
		})
	}
}

// Review r35 B2: `53주차 채용` typed on 2027. 1. 5. names ISO week 53 of
// 2026 (2026. 12. 28. ~ 2027. 1. 3.), the week before the one typed in,
// and was recorded in January: read as 지난주 is, a week over two months,
// asked, and each offered line typed back records once on its day.
func TestR35q4LastWeekNumberIsAsked(t *testing.T) {
	t.Parallel()
	ko, en := commands.Korean, commands.English
	for _, c := range []keptCase{
		{"2027-01-05", ko, "추가 노인 5 메모:53주차 채용", "2026-12-31", "53주차 채용"},
		{"2027-01-05", en, "add 5 senior note:week 53 hires", "2026-12-31", "week 53 hires"},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) {
			t.Parallel()
			// each month's line is dated inside the week (review r41 F6:
			// the January line was dated 2027. 1. 5., outside it): 1. 1. is
			// 신정 and 1. 2.–3. a weekend, so January's is its last day
			h := r32At(t, c.lang, c.now)
			r := h.refusedUntouched(manager, c.line)
			lines := offeredLines(r.Text())
			if len(lines) != 2 {
				t.Fatalf("%q offers %d lines, want one per month:\n%s", c.line, len(lines), r.Text())
			}
			typeBack(t, c, lines[0], c.dated, c.kept)
			typeBack(t, c, lines[1], "2027-01-03", c.kept)
		})
	}
	// this week's number agrees with the entry: recorded
	h := k32Harness(t, ko, k55At(2027, time.January, 5))
	h.run(manager, "추가 노인 3 메모:1주차 채용", commands.OutcomeOK)
	if n, sum := h.live(); n != 1 || sum != 3 {
		t.Errorf("live %d, SQL sum %d; want 1, 3", n, sum)
	}
}
