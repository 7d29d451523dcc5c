package commands_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"jobsbot/commands"
)

// offered19Sum is the plain SUM of live entries, straight from the table.
func (h *harness) offered19Sum() int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`)
}

// offered19Case is a line refused with lines offered: each offered line,
// typed back first in a harness of its own, records the count once and
// every other offered line is then refused (one question, holdNoteLines).
type offered19Case struct {
	lang    commands.Lang
	today   string
	user    string
	setup   []string // run by the manager first, each recorded or answered
	line    string
	offered int      // how many lines the reply offers
	count   int64    // the count each line records
	want    []string // in the refusal
	not     []string // never in any offered line
}

func offered19TypeBack(t *testing.T, tc offered19Case) {
	t.Helper()
	for i := 0; ; i++ {
		h := r32At(t, tc.lang, tc.today)
		for _, l := range tc.setup {
			h.run(manager, l, commands.OutcomeOK)
		}
		r := h.run(tc.user, tc.line, commands.OutcomeRefused)
		text := r.Text()
		if strings.Count(text, "`")%2 != 0 {
			t.Fatalf("%q: the reply's backquotes do not pair:\n%s", tc.line, text)
		}
		lines := r32Offered(r)
		if len(lines) != tc.offered {
			t.Fatalf("%q: %d lines offered, want %d:\n%s", tc.line, len(lines), tc.offered, text)
		}
		if i == 0 {
			mustContain(t, text, tc.want...)
		}
		for _, l := range lines {
			for _, n := range tc.not {
				if strings.Contains(l, n) {
					t.Errorf("%q: offered line %q holds %q", tc.line, l, n)
				}
			}
		}
		if got := h.offered19Sum(); got != 0 {
			t.Fatalf("%q: the refusal wrote %d", tc.line, got)
		}
		if i >= len(lines) {
			return
		}
		h.run(tc.user, lines[i], commands.OutcomeOK)
		if got := h.offered19Sum(); got != tc.count {
			t.Fatalf("%q then %q: SUM %d, want %d", tc.line, lines[i], got, tc.count)
		}
		for j, other := range lines {
			if j != i {
				h.run(tc.user, other, commands.OutcomeRefused)
			}
		}
		h.run(tc.user, lines[i], commands.OutcomeRefused) // the same line again: a repeat, asked
		if got := h.offered19Sum(); got != tc.count {
			t.Fatalf("%q then every offered line: SUM %d, want %d once", tc.line, got, tc.count)
		}
	}
}

// Review r37 F3 / r35 M6: a note naming a period or a list of days
// (12.28.~12.31., 12/28-12/31, 11/30·12/1, 12.1. 입사, 12.3. 입사) was
// asked about its first day, and each line offered named the other day,
// so no line recorded. The period is read as its last day: on that day
// the note is kept as written; on another the reply offers the line dated
// the last day (note whole) and the line without the days, and each,
// typed back, records once.
func TestOffered19PeriodNoteOnItsLastDayRecordsAsTyped(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		today, line string
		note        string
	}{
		{commands.Korean, "2026-12-31", "추가 청년 5 메모:12.28.~12.31. 입사자", "12.28.~12.31. 입사자"},
		{commands.Korean, "2026-12-31", "추가 청년 5 메모:12.28~12.31 입사", "12.28~12.31 입사"},
		{commands.Korean, "2026-12-31", "추가 청년 5 메모:12/28-12/31 채용", "12/28-12/31 채용"},
		{commands.Korean, "2026-12-31", "추가 청년 5 메모:12/28부터 12/31까지 입사", "12/28부터 12/31까지 입사"},
		{commands.Korean, "2026-12-01", "추가 청년 5 메모:11/30·12/1 입사", "11/30·12/1 입사"},
		{commands.Korean, "2026-12-03", "추가 청년 5 메모:12.1. 입사, 12.3. 입사", "12.1. 입사, 12.3. 입사"},
		{commands.English, "2026-12-31", "add 5 youth note:hired 12/28-12/31", "hired 12/28-12/31"},
		{commands.English, "2026-12-03", "add 5 youth note:hired 12/1, 12/3", "hired 12/1, 12/3"},
	} {
		h := r32At(t, tc.lang, tc.today)
		h.run(manager, tc.line, commands.OutcomeOK)
		if got := h.offered19Sum(); got != 5 {
			t.Fatalf("%q: SUM %d, want 5", tc.line, got)
		}
		if got := h.sqlStr(`SELECT note || ' @ ' || as_of::text FROM entries`); got != tc.note+" @ "+tc.today {
			t.Errorf("%q: stored %q, want %q on %s", tc.line, got, tc.note, tc.today)
		}
	}
}

func TestOffered19PeriodNoteOnAnotherDayOffersLinesThatRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []offered19Case{
		{lang: commands.Korean, today: "2026-12-31", user: manager, line: "추가 청년 7 날짜:12/20 메모:12.28.~12.31. 입사자", offered: 2, count: 7,
			want: []string{"2026. 12. 28.부터 2026. 12. 31.까지", "날짜:2026. 12. 31. 메모:12.28.~12.31. 입사자", "날짜:2026. 12. 20. 메모:입사자"}},
		{lang: commands.Korean, today: "2026-12-04", user: manager, line: "추가 청년 5 메모:12.28~12.31 입사", offered: 0, count: 0},
		{lang: commands.Korean, today: "2026-12-04", user: manager, line: "추가 청년 5 메모:12.1. 면접, 12.3. 입사", offered: 2, count: 5,
			want: []string{"날짜:2026. 12. 3. 메모:12.1. 면접, 12.3. 입사", "날짜:2026. 12. 4. 메모:12.1. 면접, 입사"}},
		{lang: commands.Korean, today: "2026-12-04", user: manager, line: "추가 청년 5 메모:11/30·12/1 입사", offered: 2, count: 5,
			want: []string{"날짜:2026. 12. 1. 메모:11/30·12/1 입사", "날짜:2026. 12. 4. 메모:입사"}},
		{lang: commands.Korean, today: "2026-12-04", user: "U2", line: "추가 청년 5 메모:12.1. 입사, 12.3. 입사", offered: 2, count: 5,
			want: []string{"날짜:2026. 12. 3. 메모:12.1. 입사, 12.3. 입사", "날짜:2026. 12. 4. 메모:입사"}},
		{lang: commands.English, today: "2026-12-31", user: manager, line: "add 7 youth date:2026-12-20 note:hired 12/28-12/31", offered: 2, count: 7,
			want: []string{"from 2026-12-28 to 2026-12-31", "date:2026-12-31 note:hired 12/28-12/31", "date:2026-12-20 note:hired"}},
		{lang: commands.English, today: "2026-12-04", user: manager, line: "add 5 youth note:hired 12/1, 12/3", offered: 2, count: 5,
			want: []string{"date:2026-12-03 note:hired 12/1, 12/3", "date:2026-12-04 note:hired"}},
	} {
		offered19TypeBack(t, tc)
	}
}

// Review r35 M14: after 마감 11월, a manager's add dated in November with
// 사유: and a note naming a December day was offered the December line
// with the 사유:, which typed back was refused (a reason belongs to a
// closed month only). The open month's line carries no 사유:; the closed
// month's line keeps it; each records once.
func TestOffered19OpenMonthLineCarriesNoReason(t *testing.T) {
	t.Parallel()
	for _, tc := range []offered19Case{
		{lang: commands.Korean, today: "2026-12-08", user: manager, setup: []string{"마감 11월"},
			line: "추가 청년 5 날짜:11/30 사유:늦은 보고 메모:12/1 입사", offered: 2, count: 5,
			want: []string{"`추가 청년 5 날짜:2026. 12. 1. 메모:12/1 입사`", "`추가 청년 5 날짜:2026. 11. 30. 메모:입사 사유:늦은 보고`"}},
		{lang: commands.English, today: "2026-12-08", user: manager, setup: []string{"close 2026-11"},
			line: "add 5 youth date:2026-11-30 reason:late report note:hired 12/1", offered: 2, count: 5,
			want: []string{"`add youth 5 date:2026-12-01 note:hired 12/1`", "`add youth 5 date:2026-11-30 note:hired reason:late report`"}},
	} {
		offered19TypeBack(t, tc)
	}
}

// Review r35 M12: staff were offered, by the two-weekends reply, the line
// dated the entry's weekend in a closed month, which only a manager can
// record. Staff get the two lines they can type and the manager named; a
// manager the same two lines and how to date the closed weekend with
// 사유:. With no month closed, the three lines answer one question: once
// one records, the others are refused.
func TestOffered19TwoWeekendsReplyOffersStaffNoClosedMonthLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []offered19Case{
		{lang: commands.Korean, today: "2026-12-08", user: "U2", setup: []string{"마감 11월"},
			line: "추가 청년 5 날짜:12/2 메모:주말 입사", offered: 2, count: 5,
			want: []string{"2026년 11월은 마감되어", "관리자"}, not: []string{"2026. 11."}},
		{lang: commands.Korean, today: "2026-12-08", user: manager, setup: []string{"마감 11월"},
			line: "추가 청년 5 날짜:12/2 메모:주말 입사", offered: 2, count: 5,
			want: []string{"2026년 11월은 마감되었으므로 날짜를 2026. 11. 28.로 하고", "`사유:`"}, not: []string{"2026. 11."}},
		{lang: commands.Korean, today: "2026-12-08", user: "U2",
			line: "추가 청년 5 날짜:12/2 메모:주말 입사", offered: 3, count: 5},
	} {
		offered19TypeBack(t, tc)
	}
}

// Review r35 M8: a backtick in a note broke the code spans of the lines
// offered back (`메모:`특채` 입사 12.1.`). A line holding one is refused up
// front, naming its word, nothing written; the line retyped without it is
// read as any other, and each line its refusal offers records once.
func TestOffered19BacktickInLineIsRefusedNamingIt(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		line, fixed string
		want        string
	}{
		{commands.Korean, "추가 청년 5 12/3 메모:`특채` 입사 12.1.", "추가 청년 5 12/3 메모:'특채' 입사 12.1.", "「특채」에 역따옴표"},
		{commands.Korean, "추가 청년 5 메모:특채`", "", "「특채」에 역따옴표"},
		{commands.English, "add 5 youth 12/3 note:`special` hire 12.1.", "add 5 youth 12/3 note:'special' hire 12.1.", "backtick (the code-format mark) at “special”"},
	} {
		h := r32At(t, tc.lang, "2026-12-04")
		r := h.run(manager, tc.line, commands.OutcomeRefused)
		mustContain(t, r.Text(), tc.want)
		if strings.Count(r.Text(), "`")%2 != 0 || len(r32Offered(r)) != 0 {
			t.Errorf("%q: the reply's backquotes do not pair or offer a line:\n%s", tc.line, r.Text())
		}
		if got := h.offered19Sum(); got != 0 {
			t.Fatalf("%q wrote %d", tc.line, got)
		}
		if tc.fixed != "" {
			offered19TypeBack(t, offered19Case{lang: tc.lang, today: "2026-12-04", user: manager, line: tc.fixed, offered: 2, count: 5})
		}
	}
}

// Review r35 M14, 채용: the hire's line offered for the open month carries
// no 사유:, and its two lines answer one question.
func TestOffered19HireOpenMonthLineCarriesNoReason(t *testing.T) {
	t.Parallel()
	h := r32At(t, commands.Korean, "2026-12-08")
	h.run(manager, "추가 청년 10 날짜:11/2 상태:약정", commands.OutcomeOK)
	h.run(manager, "마감 11월", commands.OutcomeOK)
	id := h.sqlInt(`SELECT max(id) FROM entries`)
	r := h.run(manager, fmt.Sprintf("채용 %d 5 11/30 사유:늦은 보고 메모:12/1 입사", id), commands.OutcomeRefused)
	var lines []string
	for _, m := range regexp.MustCompile("`(채용 [^`]+)`").FindAllStringSubmatch(r.Text(), -1) {
		lines = append(lines, m[1])
	}
	if len(lines) != 2 || strings.Contains(lines[0], "사유:") || !strings.Contains(lines[1], "사유:늦은 보고") {
		t.Fatalf("lines offered %q, want the December line without 사유: and the November line with it:\n%s", lines, r.Text())
	}
	h.run(manager, lines[0], commands.OutcomeOK)
	h.run(manager, lines[1], commands.OutcomeRefused)
	if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE status = 'realised' AND voided_at IS NULL`); got != 5 {
		t.Fatalf("realised SUM %d, want 5", got)
	}
}
