package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// r28aCase is a line whose note names another day than the entry's, typed
// on now (Seoul), the words its refusal must carry, the line offered dated
// the day the note names, and that day.
type r28aCase struct {
	now     string // YYYY-MM-DD, the day typed
	lang    commands.Lang
	line    string
	wants   []string
	offered string // the quoted line dated the day named
	day     string // YYYY-MM-DD the offered line files the figure on
}

// r28aRun refuses c.line with nothing written, the reply naming no other
// year than c.day's, then types the offered line and compares the plain
// SQL sum of that day with the figure.
func r28aRun(t *testing.T, c r28aCase) {
	t.Helper()
	now, err := time.Parse(time.DateOnly, c.now)
	if err != nil {
		t.Fatal(err)
	}
	h := k32Harness(t, c.lang, now.Add(time.Hour)) // 10:00 in Seoul
	r := h.refusedUntouched(manager, c.line, append(c.wants, c.offered)...)
	if n, _ := h.live(); n != 0 {
		t.Fatalf("%q wrote %d entries", c.line, n)
	}
	// Never an offered line in a year the user did not mean (review r28
	// F10: a note's 2/1 typed on 2027-02-02 offered 날짜:2026. 2. 28.).
	if c.day[:4] == c.now[:4] {
		prev := strings.TrimSpace(time.Date(now.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"))
		if strings.Contains(r.Text(), "날짜:"+prev) || strings.Contains(r.Text(), "date:"+prev) {
			t.Errorf("%q offers a line dated in %s:\n%s", c.line, prev, r.Text())
		}
	}
	line := offeredLine(t, c.offered)
	h.run(manager, line, commands.OutcomeOK)
	want := h.sqlInt(`SELECT count FROM entries WHERE id = (SELECT max(id) FROM entries)`)
	if strings.Contains(line, "누계") || strings.Contains(line, "cumulative") {
		want = h.sqlInt(`SELECT reported_total FROM entries WHERE id = (SELECT max(id) FROM entries)`)
	}
	if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, c.day); got != want {
		t.Errorf("%q: SQL sum on %s %d, want %d", line, c.day, got, want)
	}
	if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of <> $1::date`, c.day); got != 0 {
		t.Errorf("%q: %d entries on another day than %s", line, got, c.day)
	}
}

// Review r28 F10: on 2027-02-02 `추가 노인 80 누계 1월말 메모:2/1 현재`
// read the note's 2/1 as 2026-02-01 (the latest 2/1 not after the entry's
// date) and offered a line filing a 2027 누계 into February 2026. A note's
// date without a year is the latest not after the day typed: 2/1 is
// 2027-02-01, a day after the entry's, asked about as such.
func TestR28aNoteDateAfterTheEntrysIsThisYears(t *testing.T) {
	t.Parallel()
	for _, c := range []r28aCase{
		{"2027-02-02", commands.Korean, "추가 노인 80 누계 1월말 메모:2/1 현재", []string{"`2/1`", "2027. 2. 1.", "`추가 노인 누계 80 날짜:2027. 1. 31.`"},
			"`추가 노인 누계 80 날짜:2027. 2. 1. 메모:2/1 현재`", "2027-02-01"},
		{"2027-03-02", commands.Korean, "추가 청년 누계 60 2월말 메모:3/1 현재", []string{"`3/1`", "2027. 3. 1."},
			"`추가 청년 누계 60 날짜:2027. 3. 1. 메모:3/1 현재`", "2027-03-01"},
		{"2027-03-02", commands.English, "add 5 youth date:2/28 note:as of 3/1", []string{"`3/1`", "2027-03-01"},
			"`add youth 5 date:2027-03-01 note:as of 3/1`", "2027-03-01"},
	} {
		t.Run(string(c.lang)+"/"+c.line, func(t *testing.T) { r28aRun(t, c) })
	}
}

// Review r28 F1: `하루 전`, `3일 전`, `일주일 전`, `보름 전`, `한 달 전`
// (and English `2 days ago`, `a week ago`) in a note were not read while
// `이틀 전` was: the figure was filed on the day typed, across a month and
// a year too. Each is counted back from the day typed and asked.
func TestR28aDaysAgoInANoteIsAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []r28aCase{
		{"2026-12-01", commands.Korean, "추가 청년 4 메모:3일 전 입사", []string{"`3일 전`"}, "`추가 청년 4 날짜:2026. 11. 28. 메모:2026. 11. 28. 입사`", "2026-11-28"},
		{"2026-12-01", commands.Korean, "추가 청년 5 메모:일주일 전 채용", []string{"`일주일 전`"}, "`추가 청년 5 날짜:2026. 11. 24. 메모:2026. 11. 24. 채용`", "2026-11-24"},
		{"2026-12-01", commands.Korean, "추가 청년 9 메모:하루 전 채용", []string{"`하루 전`"}, "`추가 청년 9 날짜:2026. 11. 30. 메모:2026. 11. 30. 채용`", "2026-11-30"},
		{"2026-12-18", commands.Korean, "추가 청년 4 메모:3일 전 입사", []string{"`3일 전`", "2026. 12. 15."}, "`추가 청년 4 날짜:2026. 12. 15. 메모:2026. 12. 15. 입사`", "2026-12-15"},
		{"2026-12-18", commands.Korean, "추가 청년 6 메모:한 달 전 입사", []string{"`한 달 전`"}, "`추가 청년 6 날짜:2026. 11. 18. 메모:2026. 11. 18. 입사`", "2026-11-18"},
		{"2027-01-04", commands.Korean, "추가 청년 5 메모:5일 전 입사", []string{"`5일 전`", "2026"}, "`추가 청년 5 날짜:2026. 12. 30. 메모:2026. 12. 30. 입사`", "2026-12-30"},
		{"2027-01-05", commands.Korean, "추가 청년 4 메모:보름 전 입사", []string{"`보름 전`"}, "`추가 청년 4 날짜:2026. 12. 21. 메모:2026. 12. 21. 입사`", "2026-12-21"},
		{"2027-06-01", commands.English, "add 5 youth note:2 days ago", []string{"`2 days ago`"}, "`add youth 5 date:2027-05-30 note:2027-05-30`", "2027-05-30"},
		{"2027-06-01", commands.English, "add 3 youth note:hired a week ago", []string{"`a week ago`"}, "`add youth 3 date:2027-05-25 note:hired 2027-05-25`", "2027-05-25"},
	} {
		t.Run(string(c.lang)+"/"+c.now+"/"+c.line, func(t *testing.T) { r28aRun(t, c) })
	}
}

// Review r28 F8: bare weekdays in a note (`월요일 입사`, `금요일 채용분`)
// and English `on Monday`, `last Friday` were not read: on Tuesday
// 2027-06-01 May's hires were filed in June. A weekday is the latest such
// day on or before the day typed (지난 금요일's rule for last Friday).
func TestR28aWeekdayInANoteIsAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []r28aCase{
		{"2027-06-01", commands.Korean, "추가 청년 2 메모:월요일 입사", []string{"`월요일`"}, "`추가 청년 2 날짜:2027. 5. 31. 메모:2027. 5. 31. 입사`", "2027-05-31"},
		{"2027-06-01", commands.Korean, "추가 청년 3 메모:금요일 채용분", []string{"`금요일`"}, "`추가 청년 3 날짜:2027. 5. 28. 메모:2027. 5. 28. 채용분`", "2027-05-28"},
		{"2027-01-05", commands.Korean, "추가 청년 2 메모:월요일 입사", []string{"`월요일`", "2027. 1. 4."}, "`추가 청년 2 날짜:2027. 1. 4. 메모:2027. 1. 4. 입사`", "2027-01-04"},
		{"2027-06-01", commands.English, "add 4 youth note:hired on Monday", []string{"`on Monday`"}, "`add youth 4 date:2027-05-31 note:hired 2027-05-31`", "2027-05-31"},
		{"2027-06-01", commands.English, "add 6 youth note:last Friday", []string{"`last Friday`"}, "`add youth 6 date:2027-05-28 note:2027-05-28`", "2027-05-28"},
	} {
		t.Run(string(c.lang)+"/"+c.now+"/"+c.line, func(t *testing.T) { r28aRun(t, c) })
	}
}

// Review r28 F2: `메모:지난주 채용분` inside a month was not read (the
// 주간보고 counted it in the wrong week), and across a month the line
// offered was dated this week's Monday. Last week is named by its days
// and offered as its last weekday.
func TestR28aLastWeekInANoteIsAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []r28aCase{
		{"2026-12-18", commands.Korean, "추가 청년 12 메모:지난주 채용분", []string{"`지난주`", "2026. 12. 7.", "2026. 12. 13."},
			"`추가 청년 12 날짜:2026. 12. 11. 메모:채용분`", "2026-12-11"},
		{"2026-12-01", commands.Korean, "추가 청년 12 메모:지난주 채용분", []string{"`지난주`", "2026. 11. 23.", "2026. 11. 29."},
			"`추가 청년 12 날짜:2026. 11. 27. 메모:채용분`", "2026-11-27"},
		{"2027-01-13", commands.English, "add 3 youth note:hired last week", []string{"`last week`", "2027-01-04", "2027-01-10"},
			"`add youth 3 date:2027-01-08 note:hired`", "2027-01-08"},
	} {
		t.Run(string(c.lang)+"/"+c.now+"/"+c.line, func(t *testing.T) { r28aRun(t, c) })
	}
}

// Notes that name no day stay notes (전일제, 일주일 근무, 월요일마다, 주 5일
// 근무, works Monday to Friday), and so does `성탄절 전날` on 12/24 (review
// r28 F5: 전날 after a holiday is the day before it, not yesterday).
func TestR28aNotesThatAreNoDayAreKept(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
	}{
		{commands.Korean, []string{"추가 청년 1 메모:전일제 근무", "추가 청년 2 메모:일주일 근무", "추가 청년 3 메모:월요일마다 출근",
			"추가 청년 4 메모:매주 월요일 채용 면접", "추가 청년 5 메모:주 5일 근무", "추가 청년 6 메모:3일 근무 후 정식 채용",
			"추가 청년 7 12/24 메모:성탄절 전날 채용", "추가 청년 8 메모:월~금 근무", "추가 청년 9 메모:다음 월요일 오리엔테이션"}},
		{commands.English, []string{"add youth 1 note:works Monday to Friday", "add youth 2 note:2 days a week", "add youth 3 note:full-time, 5 days"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 31, 1, 0, 0, 0, time.UTC))
			h.run(manager, pickWord(tc.lang, "add youth 1000 date:2026-12-01", "추가 청년 1,000 12. 1."), commands.OutcomeOK)
			want := int64(1000)
			for i, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
				want += int64(i + 1)
			}
			if n, sum := h.live(); n != int64(len(tc.lines))+1 || sum != want {
				t.Errorf("live %d entries, %d jobs; want %d, %d", n, sum, len(tc.lines)+1, want)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of BETWEEN '2026-12-01' AND '2026-12-31'`); got != want {
				t.Errorf("SQL sum of December %d, want %d", got, want)
			}
		})
	}
}

// Review r28 F9: a note date written `12. 30.(수)` was cut as `12. 30`,
// and the line offered without it kept `.(수) 채용` as the note. The stop
// and the weekday are the date's.
func TestR28aNoteDateKeepsItsStopAndWeekday(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		close, line string
		word, kept  string
	}{
		{commands.Korean, "마감 2026-12", "추가 청년 2 메모:12. 30.(수) 채용", "`12. 30.(수)`", "`추가 청년 2 날짜:2027. 1. 5. 메모:채용`"},
		{commands.English, "close 2026-12", "add 2 youth note:12/30(수) hired", "`12/30(수)`", "`add youth 2 date:2027-01-05 note:hired`"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2027, time.January, 5, 1, 0, 0, 0, time.UTC))
			h.run(manager, tc.close, commands.OutcomeOK)
			r := h.refusedUntouched("U1", tc.line, tc.word, tc.kept)
			if strings.Contains(r.Text(), ".(수)") && !strings.Contains(r.Text(), "30.(수)") {
				t.Errorf("reply keeps a cut date:\n%s", r.Text())
			}
			h.run("U1", offeredLine(t, tc.kept), commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2027-01-05'`); got != 2 {
				t.Errorf("SQL sum on 2027-01-05 %d, want 2", got)
			}
		})
	}
}
