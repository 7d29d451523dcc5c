package commands_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// daywordsCase is a line whose note names another day than the entry's in
// a form r33 found unread, typed on now by user (the manager, or staff
// with November closed), the words its refusal must carry and the day the
// note names (YYYY-MM-DD; "" when no line dated it may be offered).
type daywordsCase struct {
	now    string
	lang   commands.Lang
	staff  bool
	line   string
	wants  []string
	named  string
	closed bool // November closed by the manager before
}

// reDaywordsOffered is a line the reply offers to type.
var reDaywordsOffered = regexp.MustCompile("`((?:추가|add|채용|hire) [^`]*)`")

// reDaywordsDate is an offered line's date.
var reDaywordsDate = regexp.MustCompile(`(?:날짜:([0-9]{4})\. ([0-9]{1,2})\. ([0-9]{1,2})\.|date:([0-9]{4})-([0-9]{2})-([0-9]{2}))`)

// daywordsRun refuses c.line with nothing written, the reply naming the
// word (and the day), then types every offered line back in turn: each
// records exactly one entry, on the line's own date, and the plain SQL
// sum of that date grows by its count.
func daywordsRun(t *testing.T, c daywordsCase) {
	now, err := time.Parse(time.DateOnly, c.now)
	if err != nil {
		t.Fatal(err)
	}
	h := k32Harness(t, c.lang, now.Add(time.Hour)) // 10:00 in Seoul
	// a year's figures before, so no line offered is asked about its size
	// (a 누계 written as new jobs) instead of its day
	h.run(manager, pickWord(c.lang, "add youth 1000 date:2026-10-30 confirm:yes", "추가 청년 1,000 날짜:2026. 10. 30. 확인:예"), commands.OutcomeOK)
	h.run(manager, pickWord(c.lang, "add senior 1000 date:2026-10-30 confirm:yes", "추가 노인 1,000 날짜:2026. 10. 30. 확인:예"), commands.OutcomeOK)
	const seeded = 2
	if c.closed {
		h.run(manager, "마감 2026-11", commands.OutcomeOK)
	}
	user := manager
	if c.staff {
		user = "USTAFF"
	}
	r := h.refusedUntouched(user, c.line, c.wants...)
	if got := h.sqlInt(`SELECT count(*) FROM entries`); got != seeded {
		t.Fatalf("%q wrote %d entries", c.line, got)
	}
	offered := reDaywordsOffered.FindAllStringSubmatch(r.Text(), -1)
	if len(offered) == 0 {
		t.Fatalf("%q: no line offered:\n%s", c.line, r.Text())
	}
	sawNamed := false
	for i, o := range offered {
		line := o[1]
		if i > 0 {
			// the other line of one refusal, a separate batch once the
			// first is recorded (review r33 M3: refused without 확인:다시)
			word, label := "확인:다시", "메모:"
			if c.lang == commands.English {
				word, label = "confirm:again", "note:"
			}
			if strings.Contains(line, label) {
				line = strings.Replace(line, label, word+" "+label, 1)
			} else {
				line += " " + word
			}
		}
		d := reDaywordsDate.FindStringSubmatch(line)
		if d == nil {
			t.Fatalf("offered %q has no date", line)
		}
		day := d[1] + "-" + pad2(d[2]) + "-" + pad2(d[3])
		if d[1] == "" {
			day = d[4] + "-" + d[5] + "-" + d[6]
		}
		if day == c.named {
			sawNamed = true
		}
		if c.closed && day < "2026-12-01" {
			t.Errorf("staff offered a line in the closed month: %q", line)
		}
		if r := h.svc.Handle(context.Background(), commands.Caller{UserID: user, Source: commands.SourceConsole}, line); r.Outcome != commands.OutcomeOK {
			// a line in an earlier year is asked about its year (확인:예),
			// as every such line is; the answer offered records it
			again := reDaywordsOffered.FindStringSubmatch(r.Text())
			if day[:4] >= c.now[:4] || again == nil || !strings.Contains(again[1], "확인:예") && !strings.Contains(again[1], "confirm:yes") {
				t.Fatalf("%q as %s: outcome %q; reply:\n%s", line, user, r.Outcome, r.Text())
			}
			h.run(user, again[1], commands.OutcomeOK)
		}
		if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL`); got != int64(seeded+i+1) {
			t.Fatalf("after %q: %d live entries, want %d", line, got, seeded+i+1)
		}
		if got := h.sqlInt(`SELECT count(*) FROM entries WHERE id = (SELECT max(id) FROM entries) AND as_of = $1::date`, day); got != 1 {
			t.Errorf("%q was not recorded on %s", line, day)
		}
		want := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE id = (SELECT max(id) FROM entries)`)
		if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, day); got < want {
			t.Errorf("SQL sum on %s %d, want at least %d", day, got, want)
		}
	}
	if c.named != "" && !sawNamed {
		t.Errorf("%q: no line dated %s offered:\n%s", c.line, c.named, r.Text())
	}
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// Review r33 B3/B9: a day word with a particle (11/30에, 12.3.에, 12/3부터),
// a colloquial weekday (목욜), a time of day between (목요일 오전),
// 이번주 월요일, 주말 동안, an English weekday beside hired (Thursday hire,
// hired Thurs.) or a date written day first (30.11.2026) was stored on the
// day typed with no question; staff filed November's hires in December with
// November closed. Each is asked (staff told the month is closed), nothing
// written, and each line offered records once, on its own date.
func TestDaywordsNoteDayFormsAreAsked(t *testing.T) {
	t.Parallel()
	const fri = "2026-12-04" // a Friday
	ko, en := commands.Korean, commands.English
	cases := []daywordsCase{
		{fri, ko, false, "추가 청년 1 메모:목요일 오전 입사", []string{"`목요일`", "2026. 12. 3."}, "2026-12-03", false},
		{fri, ko, false, "추가 청년 7 메모:목욜 입사", []string{"`목욜`", "2026. 12. 3."}, "2026-12-03", false},
		{fri, ko, false, "추가 청년 2 메모:화욜에 입사", []string{"`화욜`", "2026. 12. 1."}, "2026-12-01", false},
		{fri, ko, false, "추가 청년 3 메모:월욜 오후 출근", []string{"`월욜`"}, "2026-11-30", false},
		{fri, ko, false, "추가 청년 12 메모:이번주 월요일 입사", []string{"`이번주 월요일`"}, "2026-11-30", false},
		{fri, ko, false, "추가 청년 14 메모:이번 주 수요일에 입사", []string{"`이번 주 수요일`", "2026. 12. 2."}, "2026-12-02", false},
		{fri, ko, false, "추가 청년 13 메모:주말 동안 입사", []string{"`주말`", "2026. 11. 28.", "2026. 11. 29."}, "2026-11-28", false},
		{fri, ko, false, "추가 청년 5 메모:11/30에 입사", []string{"`11/30`"}, "2026-11-30", false},
		{fri, ko, false, "추가 노인 3 메모:12/3에 입사", []string{"`12/3`", "2026. 12. 3."}, "2026-12-03", false},
		{fri, ko, false, "추가 노인 4 메모:12.3.에 입사", []string{"`12.3.`", "2026. 12. 3."}, "2026-12-03", false},
		{fri, ko, false, "추가 노인 5 메모:12/3부터 근무", []string{"`12/3`", "2026. 12. 3."}, "2026-12-03", false},
		{fri, ko, false, "추가 노인 6 메모:12/3일자", []string{"`12/3`", "2026. 12. 3."}, "2026-12-03", false},
		{fri, ko, false, "추가 청년 8 메모:11/30부터 근무", []string{"`11/30`"}, "2026-11-30", false},
		{fri, ko, false, "추가 청년 9 메모:2일경 입사", []string{"`2일`", "2026. 12. 2."}, "2026-12-02", false},
		{fri, ko, false, "추가 청년 10 메모:수요일쯤 입사", []string{"`수요일`", "2026. 12. 2."}, "2026-12-02", false},
		{fri, ko, false, "추가 청년 11 메모:12/2께 채용", []string{"`12/2`", "2026. 12. 2."}, "2026-12-02", false},
		{fri, en, false, "add 8 youth note:Thursday hire", []string{"`Thursday`", "2026-12-03"}, "2026-12-03", false},
		{fri, en, false, "add 3 senior note:hired Thurs.", []string{"`Thurs`", "2026-12-03"}, "2026-12-03", false},
		{fri, en, false, "add 4 senior note:hired Thu", []string{"`Thu`", "2026-12-03"}, "2026-12-03", false},
		{fri, en, false, "add 2 youth note:joined Monday", []string{"`Monday`"}, "2026-11-30", false},
		{fri, en, false, "add 5 senior note:joined 30.11.2026", []string{"`30.11.2026`"}, "2026-11-30", false},
		{fri, en, false, "add 6 senior note:hired 12/3/2026", []string{"`12/3/2026`", "2026-12-03"}, "2026-12-03", false},
		{fri, en, false, "add 7 youth note:11/30에 입사", []string{"`11/30`"}, "2026-11-30", false},
		{fri, en, false, "add 9 youth note:목욜 입사", []string{"`목욜`", "2026-12-03"}, "2026-12-03", false},
		// staff, November closed: told so, only the line keeping the date offered
		{fri, ko, true, "추가 청년 5 메모:11/30에 입사", []string{"`11/30`", "2026년 11월", "마감"}, "", true},
		{fri, ko, true, "추가 청년 6 메모:이번주 월요일 입사", []string{"`이번주 월요일`", "2026년 11월", "마감"}, "", true},
		{fri, ko, true, "추가 청년 7 메모:11/30부터 근무", []string{"`11/30`", "마감"}, "", true},
		{fri, ko, true, "추가 청년 8 메모:주말 동안 입사", []string{"`주말`", "마감"}, "", true},
		{fri, en, true, "add 9 youth note:joined 30.11.2026", []string{"`30.11.2026`", "closed"}, "", true},
		{fri, en, true, "add 4 youth note:hired Monday", []string{"`Monday`", "closed"}, "", true},
		// staff, the day in December (open): asked, the dated line records
		{fri, ko, true, "추가 노인 3 메모:12/3에 입사", []string{"`12/3`", "2026. 12. 3."}, "2026-12-03", true},
		{fri, en, true, "add 3 senior note:hired Thurs.", []string{"`Thurs`", "2026-12-03"}, "2026-12-03", true},
		// across the year: Monday 2027-01-04
		{"2027-01-04", ko, false, "추가 청년 3 메모:목욜 입사", []string{"`목욜`", "2026. 12. 31."}, "2026-12-31", false},
		{"2027-01-04", ko, false, "추가 청년 4 메모:12/31에 입사", []string{"`12/31`"}, "2026-12-31", false},
		{"2027-01-04", en, false, "add 5 youth note:hired Thursday", []string{"`Thursday`", "2026-12-31"}, "2026-12-31", false},
	}
	for _, c := range cases {
		t.Run(string(c.lang)+"/"+c.now+"/"+map[bool]string{true: "staff", false: "manager"}[c.staff]+"/"+c.line, func(t *testing.T) {
			t.Parallel()
			daywordsRun(t, c)
		})
	}
}

// Review r33 M2: on 12. 4. `7일 입사` was read as 11. 7. (the day gone by
// this month) and only that line offered, while the people may start on
// 12. 7. Both days are named; the line dated 11. 7. records once there.
func TestDaywordsDayStillToComeIsAskedWithBothDays(t *testing.T) {
	t.Parallel()
	for _, c := range []daywordsCase{
		{"2026-12-04", commands.Korean, false, "추가 청년 7 메모:7일 입사", []string{"`7일`", "2026. 11. 7.", "2026. 12. 7.", "입사한 뒤에"}, "2026-11-07", false},
		{"2026-12-04", commands.English, false, "add 7 youth note:7일 입사", []string{"`7일`", "2026-11-07", "2026-12-07", "not hired yet"}, "2026-11-07", false},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			t.Parallel()
			daywordsRun(t, c)
		})
	}
}

// Day words that are no day stay notes (no question, stored on the day typed).
func TestDaywordsNotesThatAreNoDayAreKept(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
	}{
		{commands.Korean, []string{"추가 청년 1 메모:3일 동안 근무", "추가 청년 2 메모:7일까지 근무", "추가 청년 3 메모:주말 근무자", "추가 청년 4 메모:목요일마다 출근",
			"추가 청년 5 메모:30일간 근무", "추가 청년 6 메모:1/2 정도 입사"}},
		{commands.English, []string{"add youth 1 note:Fridays only", "add youth 2 note:meeting Thursday", "add youth 3 note:hired, starts every Monday", "add youth 4 note:weekend staff", "add youth 5 note:hired, sat an exam first"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC))
			h.run(manager, pickWord(tc.lang, "add youth 1000", "추가 청년 1,000"), commands.OutcomeOK)
			want := int64(1000)
			for i, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
				want += int64(i + 1)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-04'`); got != want {
				t.Errorf("SQL sum on 2026-12-04 %d, want %d", got, want)
			}
		})
	}
}

// Review r33 M9: `12월 입사` on a 2026. 11. 30. entry typed 2027. 2. 2.
// was refused as people not hired yet, though December 2026 is past. It
// is asked as another month's figure: the line dated December records
// once there. A start still to come stays refused.
func TestDaywordsPastMonthStartIsNoStartToCome(t *testing.T) {
	t.Parallel()
	for _, c := range []daywordsCase{
		{"2027-02-02", commands.Korean, false, "추가 청년 7 2026. 11. 30. 메모:12월 입사", []string{"`12월`", "2026. 12. 31."}, "2026-12-31", false},
		{"2027-02-02", commands.English, false, "add 7 youth date:2026-11-30 note:12월 입사", []string{"`12월`", "2026-12-31"}, "2026-12-31", false},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			t.Parallel()
			daywordsRun(t, c)
		})
	}
	h := k32Harness(t, commands.Korean, time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC))
	h.refusedUntouched(manager, "추가 청년 7 메모:1월 입사", "`1월 입사`", "아직 입사 전")
	if got := h.sqlInt(`SELECT count(*) FROM entries`); got != 0 {
		t.Errorf("1월 입사 on 2026-12-04 wrote %d entries", got)
	}
}

// Review r33 M8: `12/30 메모:12월 30일자 채용 (1월 보고)` typed 2027. 2. 2.
// read 1월 (the month it is reported in) as the figure's month and offered
// a line filing the 12/30 hire in January, then 12. 31., never 12/30. The
// report month is no month of the figure: the entry is recorded on
// 2026-12-30 with its note (after the question every earlier year's date
// gets).
func TestDaywordsReportMonthIsNoFigureMonth(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, note string
	}{
		{commands.Korean, "추가 청년 6 12/30 메모:12월 30일자 채용 (1월 보고)", "12월 30일자 채용 (1월 보고)"},
		{commands.English, "add 6 youth date:12/30 note:12월 30일자 채용 (1월 보고)", "12월 30일자 채용 (1월 보고)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, time.Date(2027, time.February, 2, 1, 0, 0, 0, time.UTC))
			r := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, tc.line)
			if r.Outcome != commands.OutcomeOK {
				if strings.Contains(r.Text(), "`1월`") || strings.Contains(r.Text(), "2027. 1. 31.") || strings.Contains(r.Text(), "2027-01-31") {
					t.Fatalf("%q read 1월 as the figure's month:\n%s", tc.line, r.Text())
				}
				again := reDaywordsOffered.FindStringSubmatch(r.Text())
				if again == nil {
					t.Fatalf("%q: nothing offered:\n%s", tc.line, r.Text())
				}
				h.run(manager, again[1], commands.OutcomeOK)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-30' AND count = 6 AND note = $1`, tc.note); got != 1 {
				t.Errorf("%d entries of 6 on 2026-12-30 with the note, want 1", got)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries`); got != 1 {
				t.Errorf("%d entries, want 1", got)
			}
		})
	}
}

// Review r33 M10: on 2027. 2. 2. `2026. 12. 28. 메모:주말에 입사` offered
// only the weekend before the day typed (2027. 1. 30.), filing a December
// 2026 hire in 2027 with no word about the year. Both weekends are named,
// each with its line, and the year said; each line records once on its
// date.
func TestDaywordsWeekendOnABackDatedEntryNamesBoth(t *testing.T) {
	t.Parallel()
	for _, c := range []daywordsCase{
		{"2027-02-02", commands.Korean, false, "추가 청년 6 2026. 12. 28. 메모:주말에 입사",
			[]string{"`주말`", "2027. 1. 30.", "2026. 12. 26.", "2026. 12. 27.", "2027년 실적", "`추가 청년 6 날짜:2027. 1. 30. 메모:입사`"}, "2026-12-26", false}, // the weekend the date names, left out (review r39 F9)
		{"2027-02-02", commands.English, false, "add 6 youth date:2026-12-28 note:주말에 입사",
			[]string{"`주말`", "2027-01-30", "2026-12-26", "count in 2027", "`add youth 6 date:2027-01-30 note:입사`"}, "2026-12-26", false},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			t.Parallel()
			daywordsRun(t, c)
		})
	}
}
