package commands_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// reOfferedAdd is an add line a reply offers to type, in backquotes (the
// usage and example lines begin with /jobs).
var reOfferedAdd = regexp.MustCompile("`((?:add|추가) [^`]+)`")

// r32Offered are the add lines a reply offers to type.
func r32Offered(r commands.Reply) []string {
	var lines []string
	for _, m := range reOfferedAdd.FindAllStringSubmatch(r.Text(), -1) {
		lines = append(lines, m[1])
	}
	return lines
}

// r32At is a harness whose clock is 10:00 in Seoul on day (YYYY-MM-DD).
func r32At(t *testing.T, lang commands.Lang, day string) *harness {
	t.Helper()
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.Fatal(err)
	}
	return k32Harness(t, lang, d.Add(time.Hour))
}

// Review r32 F1: `add 7 disabled next Monday` (typed 2026-11-27) was
// refused offering `add 7 disabled Monday note:next`, which typed back
// stored LAST Monday with the note "next"; `다음 주 금요일` offered a line
// storing today with the note "다음 주". A day to come as the line's date
// is refused as not yet, naming the day, as 내일 is; every line offered,
// typed back, files nothing before today and carries no half of the date
// phrase; unread words counting forward (Monday next week) offer no line.
func TestR32NotesDayToComeAsTheDateIsNotYet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		today      string
		line, day  string // the day to come, as the reply names it
		half       string // the half of the phrase no offered line may keep
		count, sum int64
	}{
		{commands.English, "2026-11-27", "add 7 disabled next Monday", "2026-11-30", "next", 7, 0},
		{commands.English, "2026-11-27", "add 7 disabled next week Monday", "2026-11-30", "next", 7, 0},
		{commands.English, "2026-11-27", "add 7 disabled coming Monday", "2026-11-30", "coming", 7, 0},
		{commands.English, "2027-01-08", "add 4 disabled next Friday", "2027-01-15", "next", 4, 0},
		{commands.Korean, "2027-01-08", "추가 4 장애인 다음 주 금요일", "2027. 1. 15.", "다음", 4, 0},
		{commands.Korean, "2027-01-08", "추가 4 장애인 다음주 금요일", "2027. 1. 15.", "다음", 4, 0},
		{commands.Korean, "2027-01-08", "추가 4 장애인 다음 금요일", "2027. 1. 15.", "다음", 4, 0},
		{commands.Korean, "2027-01-08", "추가 4 장애인 오는 월요일", "2027. 1. 11.", "오는", 4, 0},
		{commands.Korean, "2027-01-08", "추가 4 장애인 내주 월요일", "2027. 1. 11.", "내주", 4, 0},
		{commands.Korean, "2026-11-27", "추가 7 장애인 next Monday", "2026. 11. 30.", "next", 7, 0},
		// the phrase split around the weekday: no line keeps its half
		{commands.English, "2026-11-27", "add 7 disabled Monday next week", "`next week`", "next", 7, 0},
		{commands.Korean, "2027-01-08", "추가 4 장애인 금요일 다음 주", "`다음 주`", "다음", 4, 0},
		{commands.Korean, "2027-01-08", "추가 4 장애인 다음 주", "`다음 주`", "다음", 4, 0},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, tc.today)
			r := h.refusedUntouched(manager, tc.line, tc.day)
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%q wrote %d entries", tc.line, n)
			}
			for _, offered := range r32Offered(r) {
				if strings.Contains(offered, tc.half) {
					t.Errorf("%q offers %q, keeping %q of the date", tc.line, offered, tc.half)
				}
				h2 := r32At(t, tc.lang, tc.today)
				h2.run(manager, offered, commands.OutcomeOK)
				if got := h2.sqlInt(`SELECT count(*) FROM entries WHERE as_of < $1::date`, tc.today); got != 0 {
					t.Errorf("%q typed back filed %d entries before %s", offered, got, tc.today)
				}
				if got := h2.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.today); got != tc.count {
					t.Errorf("%q typed back: SQL sum on %s %d, want %d", offered, tc.today, got, tc.count)
				}
				if got := h2.sqlInt(`SELECT count(*) FROM entries WHERE note LIKE '%' || $1 || '%'`, tc.half); got != 0 {
					t.Errorf("%q typed back stored %q in a note", offered, tc.half)
				}
			}
		})
	}
}

// Review r32 F13: English `last Monday` as the date was the Monday of the
// week before (2027-01-04 on Friday 2027-01-15) while 지난 월요일 and the
// note's `last Monday` were the latest Monday before today (01-11). One
// rule, in both languages and both places: the latest such day before
// the day typed (a week back when today is that day).
func TestR32NotesLastWeekdayIsOneDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		today, line, day string
	}{
		{commands.English, "2027-01-15", "add 2 women last Monday", "2027-01-11"},
		{commands.Korean, "2027-01-15", "추가 2 여성 지난 월요일", "2027-01-11"},
		{commands.English, "2027-01-15", "add 3 women this past Monday", "2027-01-11"},
		{commands.English, "2027-01-15", "add 2 women last Friday", "2027-01-08"},
		{commands.Korean, "2027-01-15", "추가 2 여성 지난 금요일", "2027-01-08"},
		{commands.English, "2027-01-08", "add 2 women last Monday note: hired last Monday", "2027-01-04"},
		{commands.Korean, "2027-01-08", "추가 2 여성 지난 월요일 메모:지난 월요일 입사", "2027-01-04"},
		{commands.English, "2026-11-27", "add 5 women last Monday note:joined last Monday", "2026-11-23"},
		{commands.Korean, "2026-11-27", "추가 5 여성 지난 월요일 메모:지난 월요일 채용", "2026-11-23"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, tc.today)
			h.run(manager, tc.line, commands.OutcomeOK)
			want := h.sqlInt(`SELECT count FROM entries WHERE id = (SELECT max(id) FROM entries)`)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.day); got != want || want == 0 {
				t.Errorf("%q: SQL sum on %s %d, want %d", tc.line, tc.day, got, want)
			}
		})
	}
	// The note's last Monday read as the line's: dated otherwise it is
	// asked, offering that day, and the line offered files it there.
	for _, tc := range []struct {
		lang                    commands.Lang
		today, line, named, day string
	}{
		{commands.English, "2027-01-15", "add 2 women date:2027-01-04 note:hired last Monday", "2027-01-11", "2027-01-11"},
		{commands.Korean, "2027-01-15", "추가 2 여성 날짜:2027. 1. 4. 메모:지난 월요일 입사", "2027. 1. 11.", "2027-01-11"},
	} {
		t.Run(string(tc.lang)+"/asked/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, tc.today)
			r := h.refusedUntouched(manager, tc.line, tc.named)
			offered := r32Offered(r)
			if len(offered) == 0 {
				t.Fatalf("%q offers no line:\n%s", tc.line, r.Text())
			}
			h2 := r32At(t, tc.lang, tc.today)
			h2.run(manager, offered[0], commands.OutcomeOK)
			if got := h2.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.day); got != 2 {
				t.Errorf("%q typed back: SQL sum on %s %d, want 2", offered[0], tc.day, got)
			}
		})
	}
}

// Review r32 F9: on 2026-12-30 a note `내년 1월분` was offered the line
// `날짜:2026. 1. 31.`, January of this year, which typed back filed 7 jobs
// eleven months back. 내년, 다음 해, 명년 name next year: a month to come is
// refused as not yet, with no line offered, nothing written.
func TestR32NotesNextYearsMonthIsNotYet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		line, named string
	}{
		{commands.Korean, "추가 7 공동체 26.12.30 메모:내년 1월분 선반영", "2027년 1월"},
		{commands.Korean, "추가 7 공동체 메모:다음 해 1월분", "2027년 1월"},
		{commands.Korean, "추가 7 공동체 메모:명년 1월분", "2027년 1월"},
		{commands.Korean, "추가 7 공동체 메모:내년 3월말 누계", "2027년 3월"},
		{commands.Korean, "추가 7 공동체 메모:내년 1분기 실적", "2027년 1분기"},
		{commands.Korean, "추가 7 공동체 메모:2027년 1월분", "2027년 1월"},
		{commands.English, "add 7 community 2026-12-30 note:내년 1월분 선반영", "2027-01"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-30")
			r := h.refusedUntouched(manager, tc.line, tc.named)
			if offered := r32Offered(r); len(offered) != 0 {
				t.Errorf("%q offers lines %q:\n%s", tc.line, offered, r.Text())
			}
			if strings.Contains(r.Text(), "2026. 1.") || strings.Contains(r.Text(), "2026-01") {
				t.Errorf("%q names January 2026:\n%s", tc.line, r.Text())
			}
			if n, _ := h.live(); n != 0 {
				t.Errorf("%q wrote %d entries", tc.line, n)
			}
		})
	}
	// A note about next year that names no month stays a note; an
	// agreement's next-year month is its plan.
	for _, tc := range []struct {
		lang commands.Lang
		line string
	}{
		{commands.Korean, "추가 7 공동체 메모:내년 사업 준비"},
		{commands.Korean, "추가 7 공동체 상태:약정 메모:내년 1월분"},
		{commands.English, "add 7 community note:내년 사업 준비"},
	} {
		t.Run(string(tc.lang)+"/kept/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-30")
			h.run(manager, tc.line, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-30'`); got != 7 {
				t.Errorf("%q: SQL sum on 2026-12-30 %d, want 7", tc.line, got)
			}
		})
	}
}

// Review r32 F6: `말일` and `월말` as the date were refused on the month's
// last day itself, the one month end they can mean then: they are today.
// On another day they are refused as before, naming the month to add.
func TestR32NotesMonthEndOnItsLastDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
		want  int64
	}{
		{commands.Korean, []string{"추가 55 여성 말일 메모:11월 말일자 입사", "추가 70여 철도 월말 메모:하도급 포함 약 70명", "추가 5 여성 말일자"}, 130},
		{commands.English, []string{"add 55 women 말일", "add 70 rail 월말 note:subcontractors included"}, 125},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-11-30")
			for _, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-30'`); got != tc.want {
				t.Errorf("SQL sum on 2026-11-30 %d, want %d", got, tc.want)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of <> '2026-11-30'`); got != 0 {
				t.Errorf("%d entries on another day", got)
			}
			h2 := r32At(t, tc.lang, "2026-11-29")
			h2.refusedUntouched(manager, tc.lines[0], "`말일`")
		})
	}
}

// Review r32 F14: a date in the note attached to 퇴사, 면접, 합격, 지원 or 교육
// (`12월 31일 퇴사자 대체 채용`, `작년 12월 면접, 1월 입사`, `11/20 면접`,
// `12/1 퇴사자 대체`) is not when the jobs began: it blocked the record and
// the line offered cut it out of the note. Such a line is recorded as
// typed, the note whole; a date attached to 입사 is still checked, and the
// lines then offered keep the other date.
func TestR32NotesOtherEventDateInNote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		today, line, day string
		note             string
	}{
		{commands.Korean, "2027-01-08", "추가 11 청년 2027. 1. 7. 메모:12월 31일 퇴사자 대체 채용", "2027-01-07", "12월 31일 퇴사자 대체 채용"},
		{commands.Korean, "2027-01-15", "추가 4 취약계층 1. 11. 메모:작년 12월 면접, 1월 입사", "2027-01-11", "작년 12월 면접, 1월 입사"},
		{commands.Korean, "2026-11-27", "추가 5 청년 11/25 메모:11/20 면접, 11/25 입사", "2026-11-25", "11/20 면접, 11/25 입사"},
		{commands.Korean, "2026-12-04", "추가 8 청년 메모:12/1 퇴사자 대체", "2026-12-04", "12/1 퇴사자 대체"},
		{commands.Korean, "2026-12-04", "추가 9 청년 메모:11/30 퇴사자 대체", "2026-12-04", "11/30 퇴사자 대체"},
		{commands.Korean, "2026-11-27", "추가 6 청년 메모:11/20 지원, 11/24 합격", "2026-11-27", "11/20 지원, 11/24 합격"},
		{commands.Korean, "2026-12-04", "추가 3 청년 메모:11/27 교육 수료자", "2026-12-04", "11/27 교육 수료자"},
		{commands.English, "2027-01-08", "add 11 youth 2027-01-07 note:12월 31일 퇴사자 대체 채용", "2027-01-07", "12월 31일 퇴사자 대체 채용"},
		{commands.English, "2026-12-04", "add 8 youth note:replaces one who left on 12/1", "2026-12-04", "replaces one who left on 12/1"},
		{commands.English, "2026-11-27", "add 5 youth date:11/25 note:interview 11/20, hired 11/25", "2026-11-25", "interview 11/20, hired 11/25"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, tc.today)
			h.run(manager, tc.line, commands.OutcomeOK)
			want := h.sqlInt(`SELECT count FROM entries WHERE id = (SELECT max(id) FROM entries)`)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date AND note = $2`, tc.day, tc.note); got != want || want == 0 {
				t.Errorf("%q: SQL sum on %s with the note whole %d, want %d", tc.line, tc.day, got, want)
			}
		})
	}
	// A start date in the note besides: asked about as before, each line
	// offered keeping the 퇴사 date; typed back, each files its day.
	for _, tc := range []struct {
		lang       commands.Lang
		line, keep string
		days       []string
	}{
		{commands.Korean, "추가 3 청년 2027. 1. 7. 메모:12/31 퇴사자 대체, 1/5 입사", "12/31 퇴사자 대체", []string{"2027-01-05", "2027-01-07"}},
		{commands.English, "add 3 youth 2027-01-07 note:12/31 퇴사자 대체, 1/5 입사", "12/31 퇴사자 대체", []string{"2027-01-05", "2027-01-07"}},
	} {
		t.Run(string(tc.lang)+"/asked/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2027-01-08")
			r := h.refusedUntouched(manager, tc.line, "1/5")
			offered := r32Offered(r)
			if len(offered) != len(tc.days) {
				t.Fatalf("%q offers %d lines, want %d:\n%s", tc.line, len(offered), len(tc.days), r.Text())
			}
			for i, line := range offered {
				if !strings.Contains(line, tc.keep) {
					t.Errorf("offered %q drops %q", line, tc.keep)
				}
				h2 := r32At(t, tc.lang, "2027-01-08")
				h2.run(manager, line, commands.OutcomeOK)
				if got := h2.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.days[i]); got != 3 {
					t.Errorf("%q typed back: SQL sum on %s %d, want 3", line, tc.days[i], got)
				}
			}
		})
	}
}
