package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r24 F2/F3/F10: notes naming a day or period of the month (or
// year) before the entry's were filed in the entry's month: 어제 입사,
// 30일자 입사자, 지난 금요일 채용, 지난주 입사, 월말 입사자 on 1 December;
// 前月分, 11 .30 입사; 전년도분, 2026 실적 누락, '26년분, 지난 연도 실적,
// 31일 입사, 구랍 채용, 종무식 전 채용, 전년 이월분 on 4 January.
func TestK60NoteMonthReading(t *testing.T) {
	t.Parallel()
	dec1 := time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC) // Tuesday
	jan4 := time.Date(2027, time.January, 4, 0, 0, 0, 0, time.UTC)  // Monday
	dec9 := time.Date(2026, time.December, 9, 0, 0, 0, 0, time.UTC)
	dec3 := time.Date(2026, time.December, 3, 0, 0, 0, 0, time.UTC) // Thursday
	for _, tc := range []struct {
		asOf             time.Time
		note, word, last string
	}{
		{dec1, "어제 입사", "어제", "2026-11-30"},
		{dec1, "그제 채용", "그제", "2026-11-30"},
		{dec1, "30일자 입사자", "30일자", "2026-11-30"},
		{dec1, "30일 입사", "30일", "2026-11-30"},
		{dec1, "지난 금요일 채용", "지난 금요일", "2026-11-30"},
		{dec1, "지난주 금요일 채용", "지난주 금요일", "2026-11-30"},
		{dec1, "지난주 입사", "지난주", "2026-11-30"},
		{dec1, "월말 입사자", "월말", "2026-11-30"},
		{dec1, "前月分", "前月分", "2026-11-30"},
		{dec1, "11 .30 입사", "11 .30", "2026-11-30"},
		{dec3, "지난주 입사", "지난주", "2026-11-30"}, // 11. 23.–29.
		{dec9, "지난주 입사", "지난주", "2026-11-30"}, // 11. 30.–12. 6.: asked
		{jan4, "전년도분", "전년도분", "2026-12-31"},
		{jan4, "2026 실적 누락", "2026 실적", "2026-12-31"},
		{jan4, "'26년분", "'26년분", "2026-12-31"},
		{jan4, "지난 연도 실적", "지난 연도 실적", "2026-12-31"},
		{jan4, "31일 입사", "31일", "2026-12-31"},
		{jan4, "구랍 채용", "구랍", "2026-12-31"},
		{jan4, "종무식 전 채용", "종무식", "2026-12-31"},
		{jan4, "전년 이월분", "전년 이월분", "2026-12-31"},
		{jan4, "전년도 이월분", "전년도 이월분", "2026-12-31"}, // in January only (k53 pins it unread in December)
		{jan4, "지난주 입사", "지난주", "2026-12-31"},      // 12. 28.–1. 3.: asked
	} {
		word, last, ok := commands.NoteNamesAnotherMonth(tc.note, tc.asOf, tc.asOf)
		if !ok || word != tc.word || last.Format(time.DateOnly) != tc.last {
			t.Errorf("%s %q: read (%q, %s, %v), want (%q, %s)", tc.asOf.Format(time.DateOnly), tc.note, word, last.Format(time.DateOnly), ok, tc.word, tc.last)
		}
	}
	mar5 := time.Date(2026, time.March, 5, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		asOf time.Time
		note string
	}{
		{dec3, "어제 입사"}, {dec3, "2일자 입사"}, {dec3, "지난 화요일 채용"}, {dec9, "지난 금요일 채용"}, {dec9, "30일 근무"},
		{dec1, "30일간 근무"}, {dec1, "1일자 입사"}, {dec1, "12월 30일 입사 예정"}, {dec1, "월말까지"}, {dec1, "이번 월말 입사"},
		{dec9, "월말 입사자"}, {dec1, "전일제 근무"}, {dec1, "전주시 사업"}, {dec1, "근무일 30일 이상"}, {jan4, "어제 입사"},
		{jan4, "2026-1호 공고"}, {jan4, "2026년 대비 증가"}, {jan4, "전년 대비 증가"}, {jan4, "전년도 실적 대비 10%"},
		{jan4, "전년 실적 초과"}, {jan4, "2026 실적 대비"}, {jan4, "2027 실적"}, {jan4, "작년 실적"}, {jan4, "2026.5배"},
		{jan4, "1.5배"}, {jan4, "3 .14"}, {dec3, "전년 이월분"}, {mar5, "종무식 전 채용"}, {jan4, "전년 누계의 90%"},
	} {
		if word, last, ok := commands.NoteNamesAnotherMonth(tc.note, tc.asOf, tc.asOf); ok {
			t.Errorf("%s %q: read %q as %s, want no other month", tc.asOf.Format(time.DateOnly), tc.note, word, last.Format(time.DateOnly))
		}
	}
}

// The same through Handle on the review's days (Tuesday 1 December 2026,
// Wednesday 9 December 2026, Monday 4 January 2027): each line is refused
// naming the word and offering the line dated the day or month it names;
// nothing is written. Typing the offered line files the figure there, and
// notes that name no other month are kept on their date: the SQL sums
// per month are those lines'.
func TestK60NoteNamesDayOfLastMonthThroughHandle(t *testing.T) {
	t.Parallel()
	type refusal struct{ line, word, dated string }
	for _, tc := range []struct {
		lang     commands.Lang
		now      time.Time
		prefix   string // "추가 청년 " or "add youth "
		refused  []refusal
		kept     []string
		sumToday int64
	}{
		{commands.Korean, time.Date(2026, time.December, 1, 1, 0, 0, 0, time.UTC), "추가 청년 ", []refusal{
			{"22 메모:어제 입사", "`어제`", "`추가 청년 22 날짜:2026. 11. 30. 메모:2026. 11. 30. 입사`"},
			{"21 메모:30일자 입사자", "`30일자`", "`추가 청년 21 날짜:2026. 11. 30. 메모:30일자 입사자`"},
			{"23 메모:지난 금요일 채용", "`지난 금요일`", "`추가 청년 23 날짜:2026. 11. 27. 메모:2026. 11. 27. 채용`"},
			{"36 메모:지난주 입사", "`지난주`", "`추가 청년 36 날짜:2026. 11. 27. 메모:입사`"}, // last week's last weekday (review r28 F2)
			{"32 메모:월말 입사자", "`월말`", "`추가 청년 32 날짜:2026. 11. 30. 메모:월말 입사자`"},
			{"28 메모:前月分", "`前月分`", "`추가 청년 28 날짜:2026. 11. 30. 메모:前月分`"},
			{"37 메모:11 .30 입사", "`11 .30`", "`추가 청년 37 날짜:2026. 11. 30. 메모:11 .30 입사`"},
		}, []string{"2 메모:1일자 입사", "3 메모:30일간 근무", "4 메모:전일제 근무", "5 메모:2026-1호 공고", "6 메모:월말까지 근무"}, 2 + 3 + 4 + 5 + 6},
		{commands.English, time.Date(2026, time.December, 1, 1, 0, 0, 0, time.UTC), "add youth ", []refusal{
			{"22 note:어제 입사", "`어제`", "`add youth 22 date:2026-11-30 note:2026-11-30 입사`"},
			{"21 note:30일자 입사자", "`30일자`", "`add youth 21 date:2026-11-30 note:30일자 입사자`"},
			{"23 note:지난 금요일 채용", "`지난 금요일`", "`add youth 23 date:2026-11-27 note:2026-11-27 채용`"},
			{"32 note:월말 입사자", "`월말`", "`add youth 32 date:2026-11-30 note:월말 입사자`"},
			{"28 note:前月分", "`前月分`", "`add youth 28 date:2026-11-30 note:前月分`"},
		}, []string{"2 note:1일자 입사", "3 note:30일간 근무"}, 2 + 3},
		{commands.Korean, time.Date(2027, time.January, 4, 1, 0, 0, 0, time.UTC), "추가 청년 ", []refusal{
			{"26 메모:전년도분", "`전년도분`", "`추가 청년 26 날짜:2026. 12. 31. 메모:전년도분`"},
			{"28 메모:2026 실적 누락", "`2026 실적`", "`추가 청년 28 날짜:2026. 12. 31. 메모:2026 실적 누락`"},
			{"36 메모:'26년분", "`'26년분`", "`추가 청년 36 날짜:2026. 12. 31. 메모:'26년분`"},
			{"38 메모:지난 연도 실적", "`지난 연도 실적`", "`추가 청년 38 날짜:2026. 12. 31. 메모:지난 연도 실적`"},
			{"29 메모:31일 입사", "`31일`", "`추가 청년 29 날짜:2026. 12. 31. 메모:31일 입사`"},
			{"35 메모:구랍 채용", "`구랍`", "`추가 청년 35 날짜:2026. 12. 31. 메모:구랍 채용`"},
			{"33 메모:종무식 전 채용", "`종무식`", "`추가 청년 33 날짜:2026. 12. 31. 메모:종무식 전 채용`"},
			{"37 메모:전년 이월분", "`전년 이월분`", "`추가 청년 37 날짜:2026. 12. 31. 메모:전년 이월분`"},
		}, []string{"2 메모:2026년 대비 증가", "3 메모:전년 대비 증가", "4 메모:2026-1호 공고", "5 메모:1.5배", "6 메모:4일자 입사"}, 2 + 3 + 4 + 5 + 6},
		{commands.English, time.Date(2027, time.January, 4, 1, 0, 0, 0, time.UTC), "add youth ", []refusal{
			{"26 note:전년도분", "`전년도분`", "`add youth 26 date:2026-12-31 note:전년도분`"},
			{"28 note:2026 실적 누락", "`2026 실적`", "`add youth 28 date:2026-12-31 note:2026 실적 누락`"},
			{"29 note:31일 입사", "`31일`", "`add youth 29 date:2026-12-31 note:31일 입사`"},
			{"35 note:구랍 채용", "`구랍`", "`add youth 35 date:2026-12-31 note:구랍 채용`"},
		}, []string{"2 note:2026년 대비 증가", "3 note:전년 대비 증가"}, 2 + 3},
	} {
		t.Run(string(tc.lang)+tc.now.Format("-2006-01-02"), func(t *testing.T) {
			h := k32Harness(t, tc.lang, tc.now)
			for _, r := range tc.refused {
				h.refusedUntouched(manager, tc.prefix+r.line, r.word, r.dated)
			}
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%d entries written by refused lines", n)
			}
			var offered int64
			for _, r := range tc.refused {
				h.run(manager, r.dated[1:len(r.dated)-1], commands.OutcomeOK)
				offered += h.sqlInt(`SELECT count FROM entries WHERE id = (SELECT max(id) FROM entries)`)
			}
			for _, line := range tc.kept {
				h.run(manager, tc.prefix+line, commands.OutcomeOK)
			}
			today := tc.now.Format(time.DateOnly)
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = $1::date`, today); sum != tc.sumToday {
				t.Errorf("SQL sum on %s %d, want %d", today, sum, tc.sumToday)
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of < date_trunc('month', $1::date)`, today); sum != offered {
				t.Errorf("SQL sum before %s's month %d, want %d (the offered lines)", today, sum, offered)
			}
		})
	}
}

// 지난주 on Wednesday 9 December 2026 is 30 November to 6 December: the
// bot asks which month's figure it is, offering both lines, each dated
// inside the week (review r41 F6: December's was dated 12/9).
func TestK60LastWeekOverTwoMonthsIsAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		line  string
		wants []string
	}{
		{commands.Korean, "추가 청년 36 메모:지난주 입사", []string{"`지난주`(2026. 11. 30. ~ 2026. 12. 6.)", "두 달에 걸친", "11월 실적이라면 `추가 청년 36 날짜:2026. 11. 30. 메모:입사`", "12월 실적이라면 `추가 청년 36 날짜:2026. 12. 4. 메모:입사`"}},
		{commands.English, "add youth 36 note:지난주 입사", []string{"`지난주`", "over two months", "`add youth 36 date:2026-11-30 note:입사`", "`add youth 36 date:2026-12-04 note:입사`"}},
	} {
		h := k32Harness(t, tc.lang, time.Date(2026, time.December, 9, 1, 0, 0, 0, time.UTC))
		h.refusedUntouched(manager, tc.line, tc.wants...)
		if n, sum := h.live(); n != 0 || sum != 0 {
			t.Errorf("%s: %d entries (sum %d) written", tc.lang, n, sum)
		}
	}
}
