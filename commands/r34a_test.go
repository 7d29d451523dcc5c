package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r34 F1: `목욜`/`수욜` as the add's date was left unread, and the
// line offered moved it into the note, which typed back filed the figure
// on today. The everyday spelling is read as its weekday, as 목요일 is; SQL
// checks the day it is filed on.
func TestR34aColloquialWeekdayIsTheDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		today, line, day string
		count            int64
	}{
		{"2026-11-25", "추가 7 장애인 목욜 메모:복지관 보조인력", "2026-11-19", 7},
		{"2026-11-26", "추가 1 청년 수욜 메모:인턴 1명", "2026-11-25", 1},
		{"2027-01-22", "추가 3 노인 지난주 목욜", "2027-01-14", 3},
		{"2027-01-22", "추가 2 청년 월욜", "2027-01-18", 2},
	} {
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, commands.Korean, tc.today)
			h.run(manager, tc.line, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.day); got != tc.count {
				t.Errorf("%q: SQL sum on %s %d, want %d", tc.line, tc.day, got, tc.count)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE note LIKE '%욜%'`); got != 0 {
				t.Errorf("%q stored the day word in a note", tc.line)
			}
		})
	}
}

// Review r34 F1: a day-like word the add does not read (목욜쯤, 지지난주
// 목욜날) is refused naming it, and no line offered moves it into the note
// (typed back, such a line filed the figure on today): the reply asks for
// the day after 날짜: instead.
func TestR34aUnreadDayWordOffersNoNoteLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, word string
		wants      []string
	}{
		{commands.Korean, "추가 7 장애인 목욜쯤 메모:복지관 보조인력", "목욜쯤", []string{"`목욜쯤`", "날짜:"}},
		{commands.Korean, "추가 7 장애인 수요일께", "수요일께", []string{"`수요일께`", "날짜:"}},
		{commands.English, "add 7 disabled thursdayish", "thursdayish", []string{"`thursdayish`", "date:"}},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-11-25")
			r := h.refusedUntouched(manager, tc.line, tc.wants...)
			for _, offered := range r32Offered(r) {
				if strings.Contains(offered, tc.word) {
					t.Errorf("%q offers %q, keeping %q in the note", tc.line, offered, tc.word)
				}
			}
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%q wrote %d entries", tc.line, n)
			}
		})
	}
}

// Review r34 F1: `메모:목욜 투입` on an entry dated another day was stored
// silently: 투입, 배치, 합류, 착수, 근무 시작, 첫 근무 are start words too,
// so the note's day is asked about, naming it, and the first line offered
// files the figure there (SQL).
func TestR34aEverydayStartWordsInNote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line, named, day string
	}{
		{"추가 2 철도 오늘 메모:목욜 투입", "2027. 1. 21.", "2027-01-21"},
		{"추가 2 철도 오늘 메모:목요일 배치", "2027. 1. 21.", "2027-01-21"},
		{"추가 2 철도 오늘 메모:1/18 합류", "2027. 1. 18.", "2027-01-18"},
		{"추가 2 철도 오늘 메모:1/18 근무 시작", "2027. 1. 18.", "2027-01-18"},
		{"추가 2 철도 오늘 메모:1/18 첫 근무", "2027. 1. 18.", "2027-01-18"},
		{"추가 2 철도 오늘 메모:1/18 착수", "2027. 1. 18.", "2027-01-18"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, commands.Korean, "2027-01-22")
			r := h.refusedUntouched(manager, tc.line, tc.named)
			offered := r32Offered(r)
			if len(offered) == 0 {
				t.Fatalf("%q offers no line:\n%s", tc.line, r.Text())
			}
			h2 := r32At(t, commands.Korean, "2027-01-22")
			h2.run(manager, offered[0], commands.OutcomeOK)
			if got := h2.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.day); got != 2 {
				t.Errorf("%q typed back: SQL sum on %s %d, want 2", offered[0], tc.day, got)
			}
		})
	}
}

// Review r34 F6: `add 2 disabled on Thursday` was refused over `on`, and
// the line offered stored `on` as the note. `on <weekday>` is the weekday,
// read as the date, with no note (SQL).
func TestR34aOnWeekdayIsTheDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang            commands.Lang
		line, day, note string
	}{
		{commands.English, "add 2 disabled on Thursday", "2026-12-03", ""},
		{commands.English, "add 2 disabled on Monday note:job fair", "2026-12-07", "job fair"},
		{commands.Korean, "추가 2 장애인 on Thursday", "2026-12-03", ""},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-08")
			h.run("U2", tc.line, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.day); got != 2 {
				t.Errorf("%q: SQL sum on %s %d, want 2", tc.line, tc.day, got)
			}
			if got := h.sqlText(`SELECT note FROM entries`); got != tc.note {
				t.Errorf("%q stored the note %q, want %q", tc.line, got, tc.note)
			}
		})
	}
}

// Review r34 F2: `추가 4 청년 내일 메모:내일 입사 예정` was refused as not
// yet, offering `추가 4 청년 날짜:오늘`, which typed back filed the hire
// today with the memo gone. The line offered keeps the memo; when the memo
// itself would be refused dated today, no line is offered and the reply
// says why. Every line offered is typed back and checked by SQL.
func TestR34aFutureDateKeepsTheNote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		today, line string
		wants       []string
		note        string // the note stored by the line offered; "" for no line
	}{
		{commands.Korean, "2026-11-27", "추가 4 청년 내일 메모:인턴 지원", []string{"2026. 11. 28.", "메모:인턴 지원"}, "인턴 지원"},
		{commands.English, "2026-11-27", "add 4 youth tomorrow note:intern support", []string{"note:intern support"}, "intern support"},
		{commands.Korean, "2026-11-27", "추가 4 청년 내일 메모:내일 입사 예정", []string{"2026. 11. 28.", "`내일 입사 예정`"}, ""},
		{commands.Korean, "2026-12-04", "추가 10 투자유치 연말 메모:연말 채용 예정", []string{"`연말 채용 예정`"}, ""},
		{commands.English, "2026-11-27", "add 4 youth tomorrow note:starts tomorrow", []string{"`starts tomorrow`"}, ""},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, tc.today)
			r := h.refusedUntouched(manager, tc.line, tc.wants...)
			offered := r32Offered(r)
			if tc.note == "" {
				if len(offered) != 0 {
					t.Fatalf("%q offers %q though its note would be refused:\n%s", tc.line, offered, r.Text())
				}
				return
			}
			if len(offered) != 1 {
				t.Fatalf("%q offers %q, want one line:\n%s", tc.line, offered, r.Text())
			}
			h.run(manager, offered[0], commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.today); got != 4 {
				t.Errorf("%q typed back: SQL sum on %s %d, want 4", offered[0], tc.today, got)
			}
			if got := h.sqlText(`SELECT note FROM entries`); got != tc.note {
				t.Errorf("%q typed back stored the note %q, want %q", offered[0], got, tc.note)
			}
		})
	}
}

// Review r34 F9: `추가 2 노인 금요일 메모:경로당` typed on Friday 2027-01-22
// was filed today without a word. A weekday alone typed on that weekday
// is asked: today or last week's, both lines offered; each typed back
// files the figure on its day with the memo kept (SQL). Other weekdays
// are read as before.
func TestR34aSameWeekdayIsAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, note string
		days       [2]string
	}{
		{commands.Korean, "추가 2 노인 금요일 메모:경로당", "경로당", [2]string{"2027-01-22", "2027-01-15"}},
		{commands.Korean, "추가 2 노인 금욜", "", [2]string{"2027-01-22", "2027-01-15"}},
		{commands.English, "add 2 senior Friday note:senior center", "senior center", [2]string{"2027-01-22", "2027-01-15"}},
		{commands.English, "add 2 senior on Friday", "", [2]string{"2027-01-22", "2027-01-15"}},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2027-01-22")
			r := h.refusedUntouched(manager, tc.line)
			offered := r32Offered(r)
			if len(offered) != 2 {
				t.Fatalf("%q offers %q, want two lines:\n%s", tc.line, offered, r.Text())
			}
			for i, line := range offered {
				h2 := r32At(t, tc.lang, "2027-01-22")
				h2.run(manager, line, commands.OutcomeOK)
				if got := h2.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.days[i]); got != 2 {
					t.Errorf("%q typed back: SQL sum on %s %d, want 2", line, tc.days[i], got)
				}
				if got := h2.sqlText(`SELECT note FROM entries`); got != tc.note {
					t.Errorf("%q typed back stored the note %q, want %q", line, got, tc.note)
				}
			}
		})
	}
	// another weekday is read as the latest such day, unasked
	h := r32At(t, commands.Korean, "2027-01-20")
	h.run(manager, "추가 3 노인 목요일", commands.OutcomeOK)
	if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2027-01-14'`); got != 3 {
		t.Errorf("목요일 on Wednesday: SQL sum on 2027-01-14 %d, want 3", got)
	}
}

// Review r34 F3: `추가 3 장애인 지난주 목요일 메모:목요일 입사분` typed on
// Friday 2026-11-27 was held as a contradiction (the memo's 목요일 read as
// 11-26), and the first line offered filed it on 11-26. The memo repeats
// the weekday of the date given: recorded on 11-19, unasked (SQL).
func TestR34aNoteRepeatsTheDatesWeekday(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang      commands.Lang
		line, day string
	}{
		{commands.Korean, "추가 3 장애인 지난주 목요일 메모:목요일 입사분", "2026-11-19"},
		{commands.Korean, "추가 3 장애인 지난주 목욜 메모:목욜 입사", "2026-11-19"},
		{commands.English, "add 3 disabled last week Thursday note:hired on Thursday", "2026-11-19"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-11-27")
			h.run(manager, tc.line, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, tc.day); got != 3 {
				t.Errorf("%q: SQL sum on %s %d, want 3", tc.line, tc.day, got)
			}
		})
	}
}
