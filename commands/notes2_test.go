package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Issue 19 (review r40 B5/B6, r39 F1/F2/F4/F12): a note naming another day
// than the entry's, written glued (11/30부, 11/30월, 27일(금)), day first
// (30.11, joined 30/11), in English glued or ordinal (30Nov, the 30th,
// 11/30am, 11/30Mon), with a one-syllable weekday (저번주 금), as a part
// of the week or month (주초, 월초), as the quarter before (지난 분기) or
// as a month's week and weekday (11월 마지막 주 금요일), was filed on the
// entry's date. Each is refused naming the word; every line offered,
// typed back, records on the day it says (pastnote19Lines checks the SQL).
func TestNotes2OtherDayNotesAreAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		today, line string
		word        string
		days        []string
	}{
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:11/30부 입사", "`11/30`", []string{"2026-11-30", "2026-12-03"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:11.30부 입사", "`11.30`", []string{"2026-11-30", "2026-12-03"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:11/30월 입사", "`11/30월`", []string{"2026-11-30", "2026-12-03"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:11/30화 입사", "`11/30화`", []string{"2026-11-30", "2026-12-03"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:11/30(월요일) 입사", "`11/30(월요일)`", []string{"2026-11-30", "2026-12-03"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:11.30월 입사", "`11.30월`", []string{"2026-11-30", "2026-12-03"}},
		{commands.Korean, "2026-12-02", "추가 여성 5 12/1 메모:27일(금) 입사", "`27일(금)`", []string{"2026-11-27", "2026-12-01"}},
		{commands.Korean, "2026-12-02", "추가 여성 5 12/1 메모:금요일(27일) 입사", "`금요일(27일)`", []string{"2026-11-27", "2026-12-01"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:30.11 입사", "`30.11`", []string{"2026-11-30", "2026-12-03"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:25.11 채용", "`25.11`", []string{"2026-11-25", "2026-12-03"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:15/11 입사", "`15/11`", []string{"2026-11-15", "2026-12-03"}},
		{commands.Korean, "2026-12-04", "추가 청년 5 12/3 메모:31/10 입사", "`31/10`", []string{"2026-10-31", "2026-12-03"}},
		{commands.English, "2026-12-04", "add youth 5 12/3 note:joined 30/11", "`30/11`", []string{"2026-11-30", "2026-12-03"}},
		{commands.English, "2026-12-04", "add youth 5 12/3 note:hired 30Nov", "`30Nov`", []string{"2026-11-30", "2026-12-03"}},
		{commands.English, "2026-12-04", "add youth 5 12/3 note:hired Nov30", "`Nov30`", []string{"2026-11-30", "2026-12-03"}},
		{commands.English, "2026-12-04", "add youth 5 12/3 note:started on the 30th", "`on the 30th`", []string{"2026-11-30", "2026-12-03"}},
		{commands.English, "2026-12-04", "add youth 5 12/3 note:hired the 30th", "`the 30th`", []string{"2026-11-30", "2026-12-03"}},
		{commands.English, "2026-12-04", "add youth 5 12/3 note:started 11/30am", "`11/30am`", []string{"2026-11-30", "2026-12-03"}},
		{commands.English, "2026-12-04", "add youth 5 12/3 note:hired 11/30pm", "`11/30pm`", []string{"2026-11-30", "2026-12-03"}},
		{commands.English, "2026-12-04", "add youth 5 12/3 note:started 11/30Mon", "`11/30Mon`", []string{"2026-11-30", "2026-12-03"}},
		{commands.Korean, "2026-12-07", "추가 여성 5 메모:저번주 금", "`저번주 금`", []string{"2026-12-04", "2026-12-07"}},
		{commands.Korean, "2026-12-07", "추가 여성 5 메모:지난 금 입사", "`지난 금`", []string{"2026-12-04", "2026-12-07"}},
		{commands.Korean, "2026-12-07", "추가 여성 5 메모:지난주 금 입사", "`지난주 금`", []string{"2026-12-04", "2026-12-07"}},
		{commands.Korean, "2026-12-02", "추가 여성 5 메모:주초 입사", "`주초`", []string{"2026-11-30", "2026-12-02"}},
		{commands.Korean, "2026-12-02", "추가 여성 5 메모:이번 주 초 입사", "`이번 주 초`", []string{"2026-11-30", "2026-12-02"}},
		{commands.Korean, "2026-12-04", "추가 여성 5 메모:주초 채용", "`주초`", []string{"2026-11-30", "2026-12-04"}},
		{commands.Korean, "2026-12-04", "추가 여성 5 메모:월초 입사", "`월초`", []string{"2026-12-01", "2026-12-04"}},
		{commands.Korean, "2026-12-04", "추가 여성 5 메모:지난 분기 채용", "`지난 분기`", []string{"2026-09-30", "2026-12-04"}},
		{commands.Korean, "2026-12-04", "추가 여성 5 메모:지난 분기 말 입사", "`지난 분기 말`", []string{"2026-09-30", "2026-12-04"}},
		{commands.Korean, "2026-12-04", "추가 여성 5 메모:전 분기분", "`전 분기분`", []string{"2026-09-30", "2026-12-04"}},
		{commands.Korean, "2026-12-04", "추가 여성 5 메모:직전 분기", "`직전 분기`", []string{"2026-09-30", "2026-12-04"}},
		{commands.Korean, "2026-12-04", "추가 여성 5 메모:지난 반기", "`지난 반기`", []string{"2026-06-30", "2026-12-04"}},
		{commands.Korean, "2026-12-07", "추가 여성 5 메모:11월 마지막 주 금요일", "`11월 마지막 주 금요일`", []string{"2026-11-27", "2026-12-07"}},
		{commands.Korean, "2026-12-07", "추가 여성 5 메모:11월 넷째 주 금요일 입사", "`11월 넷째 주 금요일`", []string{"2026-11-27", "2026-12-07"}},
	} {
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, tc.today)
			r := h.run(manager, tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.word)
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries after the refusal, want none", n)
			}
			pastnote19Lines(t, tc.lang, tc.today, tc.line, tc.days, 5)
		})
	}
}

// A day written day first that is still to come (15.12 입사, starts 15/12,
// starting Dec15 on a 12/3 line) is a start to come, refused as not hired
// yet; nothing is stored.
func TestNotes2DayFirstStartToComeIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, want string
	}{
		{commands.Korean, "추가 청년 5 12/3 메모:15.12 입사", "입사 전"},
		{commands.Korean, "추가 청년 5 12/3 메모:출근일 15.12", "입사 전"},
		{commands.Korean, "추가 청년 5 12/3 메모:15/12 출근", "입사 전"},
		{commands.English, "add youth 5 12/3 note:starts 15/12", "not hired yet"},
		{commands.English, "add youth 5 12/3 note:joining 15.12", "not hired yet"},
		{commands.English, "add youth 5 12/3 note:starting Dec15", "not hired yet"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			mustContain(t, h.run(manager, tc.line, commands.OutcomeRefused).Text(), tc.want)
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d entries after the refusal, want none", n)
			}
		})
	}
}

// Figures and words that look like the new forms stay notes: a decimal
// with a unit, 12.3 (3 December, the entry's day), 지난 일, 주초과.
func TestNotes2LookAlikesStayNotes(t *testing.T) {
	t.Parallel()
	h := r32At(t, commands.Korean, "2026-12-04")
	for _, line := range []string{
		"추가 청년 50 12/3 메모:평균 13.5시간 근무",
		"추가 청년 5 12/3 메모:12.3 입사",
		"추가 청년 3 12/3 메모:지난 일은 정리함",
		"추가 청년 4 12/3 메모:예산 주초과 없음",
		"추가 청년 1 12/3 메모:25.5세 평균",
	} {
		h.run(manager, line, commands.OutcomeOK)
	}
	if sum := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-03'`); sum != 63 {
		t.Errorf("SQL SUM %d on 12/3, want 63", sum)
	}
}
