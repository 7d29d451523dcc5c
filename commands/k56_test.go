package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r21 B5/M3: a note giving the year and month in numbers
// (`2026. 12. 누락분`, `2026.12 실적`, `2026-12`, `2026/12분`) or only a
// year or period (`2026년 말`, `연말` in January, `2026년도 실적`, `작년
// 4분기`, `작년분`) was not read, so a January 2027 entry carrying last
// year's December figure was filed in January. Review r21 M1: `3/4분기`
// was read as 4 March and `1/2 정도` as 2 January. Review r21 M6:
// `1월~11월 누계` was read as January. Each is read as the months it
// names; figures, ids, comparisons and targets are not.
func TestK56NoteMonthReading(t *testing.T) {
	t.Parallel()
	jan := time.Date(2027, time.January, 4, 0, 0, 0, 0, time.UTC)
	dec := time.Date(2026, time.December, 3, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		asOf             time.Time
		note, word, last string
	}{
		{jan, "2026. 12. 누락분", "2026. 12.", "2026-12-31"},
		{jan, "2026.12 실적", "2026.12 실적", "2026-12-31"},
		{jan, "2026-12", "2026-12", "2026-12-31"},
		{jan, "2026/12분", "2026/12분", "2026-12-31"},
		{jan, "2026-11 누락분", "2026-11", "2026-11-30"},
		{jan, "２０２６．１２ 실적", "２０２６．１２ 실적", "2026-12-31"},
		{jan, "2026년 말 기준", "2026년 말", "2026-12-31"},
		{jan, "2026년말 누계", "2026년말", "2026-12-31"},
		{jan, "연말 기준 누계", "연말", "2026-12-31"},
		{jan, "2026년도 실적", "2026년도 실적", "2026-12-31"},
		{jan, "2026년분 누락", "2026년분", "2026-12-31"},
		{jan, "작년 4분기 실적", "작년 4분기 실적", "2026-12-31"},
		{jan, "작년분", "작년분", "2026-12-31"},
		{jan, "작년 하반기", "작년 하반기", "2026-12-31"},
		{jan, "4분기 실적", "4분기 실적", "2026-12-31"},
		{jan, "2026년 4/4분기", "2026년 4/4분기", "2026-12-31"},
		{dec, "1월~11월 누계", "1월~11월", "2026-11-30"},
		{dec, "1~11월 누계", "1~11월", "2026-11-30"},
		{dec, "1-11월 누계", "1-11월", "2026-11-30"},
		{dec, "2026년 1월~11월분", "2026년 1월~11월분", "2026-11-30"},
		{dec, "3/4분기 실적", "3/4분기 실적", "2026-09-30"},
		{dec, "3분기 누락분", "3분기", "2026-09-30"},
		{dec, "상반기 실적", "상반기 실적", "2026-06-30"},
		{dec, "2025년도 실적", "2025년도 실적", "2025-12-31"},
	} {
		word, last, ok := commands.NoteNamesAnotherMonth(tc.note, tc.asOf, tc.asOf)
		if !ok || word != tc.word || last.Format(time.DateOnly) != tc.last {
			t.Errorf("%s %q: read (%q, %s, %v), want (%q, %s)", tc.asOf.Format(time.DateOnly), tc.note, word, last.Format(time.DateOnly), ok, tc.word, tc.last)
		}
	}
	for _, tc := range []struct {
		asOf time.Time
		note string
	}{
		{jan, "3.14"}, {jan, "1.5배"}, {jan, "1130 기준"}, {jan, "1/2 정도"}, {jan, "1/2 가량 채용"}, {jan, "2026-1호 공고"},
		{dec, "전년도 이월분"}, {jan, "2026년 대비 증가"}, {jan, "2026년 실적 대비 10% 증가"}, {jan, "작년 실적보다 많음"}, {jan, "전년 대비 증가"},
		{jan, "작년 실적 초과 달성"}, {jan, "작년 누계의 90%"}, {jan, "올해 연말까지"}, {jan, "2027년 말까지 목표"}, {jan, "2027년도 실적"}, {jan, "연말정산"},
		{jan, "1월분"}, {jan, "2027.1 실적"}, {jan, "2027-01"}, {jan, "1분기 실적"}, {jan, "2026.5배"},
		{dec, "1월~12월 누계"}, {dec, "1~12월 누계"}, {dec, "4분기 실적"}, {dec, "4/4분기"}, {dec, "1/2 정도"}, {dec, "연말 기준"},
		{dec, "2026.12 실적"}, {dec, "2026년도 실적"}, {dec, "하반기 실적"}, {dec, "2026년 말까지"}, {dec, "1-2명"},
		{time.Date(2026, time.March, 5, 0, 0, 0, 0, time.UTC), "2026년 말까지 100명 목표"},
		{time.Date(2026, time.March, 5, 0, 0, 0, 0, time.UTC), "연말까지 유지"},
	} {
		if word, last, ok := commands.NoteNamesAnotherMonth(tc.note, tc.asOf, tc.asOf); ok {
			t.Errorf("%s %q: read %q as %s, want no other month", tc.asOf.Format(time.DateOnly), tc.note, word, last.Format(time.DateOnly))
		}
	}
}

// The same through Handle on Monday 4 January 2027 and Thursday 3
// December 2026: refused naming the word and the period, nothing
// written; the kept lines are filed on their dates, and the SQL sum is
// theirs.
func TestK56NoteYearAndPeriodRefusedThroughHandle(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		now     time.Time
		refused map[string][]string
		kept    []string
		sum     int64
	}{
		{commands.Korean, time.Date(2027, time.January, 4, 1, 0, 0, 0, time.UTC), map[string][]string{
			"추가 노인 5 비고:2026. 12. 누락분": {"`2026. 12.`", "2026년 12월 실적", "`추가 노인 5 날짜:2026. 12. 31. 메모:2026. 12. 누락분`", "`추가 노인 5 날짜:2027. 1. 4. 메모:누락분`", "아무것도 저장하지 않았습니다"},
			"추가 노인 5 메모:2026.12 실적":    {"`2026.12 실적`", "2026. 12. 31."},
			"추가 노인 5 메모:2026-12":       {"`2026-12`"},
			"추가 노인 5 메모:2026/12분":      {"`2026/12분`"},
			"추가 노인 5 메모:2026년 말 기준":    {"`2026년 말`", "2026년 12월 실적"},
			"추가 노인 5 메모:연말 기준 누락분":     {"`연말`", "`추가 노인 5 날짜:2026. 12. 31. 메모:연말 기준 누락분`"},
			"추가 노인 5 메모:2026년도 실적":     {"`2026년도 실적`", "2026년 실적이라는 뜻", "2026. 12. 31.", "`추가 노인 5 날짜:2027. 1. 4.`"},
			"추가 노인 5 메모:작년 4분기":        {"`작년 4분기`", "2026년 4분기 실적이라는 뜻"},
			"추가 노인 5 메모:작년 하반기":        {"`작년 하반기`", "2026년 하반기 실적이라는 뜻"},
			"추가 노인 5 메모:작년분":           {"`작년분`", "2026년 실적"},
		}, []string{"추가 노인 2 메모:3.14", "추가 노인 3 메모:1.5배", "추가 노인 4 메모:1130 기준", "추가 노인 6 메모:1/2 정도",
			"추가 노인 7 메모:2026년 대비 증가", "추가 노인 8 메모:올해 연말까지 유지"}, 2 + 3 + 4 + 6 + 7 + 8},
		{commands.English, time.Date(2027, time.January, 4, 1, 0, 0, 0, time.UTC), map[string][]string{
			"add 5 senior note:2026. 12. 누락분": {"`2026. 12.`", "month 12 of 2026", "`add senior 5 date:2026-12-31 note:2026. 12. 누락분`", "`add senior 5 date:2027-01-04 note:누락분`", "nothing was saved"},
			"add 5 senior note:2026-12":       {"`2026-12`"},
			"add 5 senior note:연말 기준":         {"`연말`", "2026-12-31"},
			"add 5 senior note:2026년도 실적":     {"`2026년도 실적`", "a figure of 2026,"},
			"add 5 senior note:작년 4분기":        {"`작년 4분기`", "a figure of Q4 2026"},
			"add 5 senior note:작년 하반기":        {"`작년 하반기`", "a figure of the second half of 2026"},
			"add 5 senior note:작년분":           {"`작년분`"},
		}, []string{"add 2 senior note:3.14", "add 3 senior note:1.5배", "add 4 senior note:1130 기준", "add 6 senior note:1/2 정도"}, 2 + 3 + 4 + 6},
		{commands.Korean, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC), map[string][]string{
			"추가 노인 5 메모:1월~11월 누계": {"`1월~11월`", "11월 실적", "`추가 노인 5 날짜:2026. 11. 30. 메모:1월~11월 누계`", "`추가 노인 5 날짜:2026. 12. 3. 메모:누계`"},
			"추가 노인 5 메모:1~11월 누계":  {"`1~11월`", "2026. 11. 30."},
			"추가 노인 5 메모:상반기 실적":    {"`상반기 실적`", "2026년 상반기 실적이라는 뜻", "2026. 6. 30."},
			"추가 노인 5 메모:3/4분기 실적":  {"`3/4분기 실적`", "2026년 3분기 실적이라는 뜻", "2026. 9. 30."},
		}, []string{"추가 노인 2 메모:1월~12월 실적", "추가 노인 3 메모:4/4분기", "추가 노인 4 메모:1/2 정도", "추가 노인 6 메모:3/4분기 대비 증가"}, 2 + 3 + 4 + 6},
		{commands.English, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC), map[string][]string{
			"add 5 senior note:1월~11월 누계": {"`1월~11월`", "month 11", "`add senior 5 date:2026-11-30 note:1월~11월 누계`"},
			"add 5 senior note:3/4분기 실적":  {"`3/4분기 실적`", "Q3 2026", "2026-09-30"},
		}, []string{"add 2 senior note:1월~12월 실적", "add 3 senior note:4/4분기", "add 4 senior note:1/2 정도"}, 2 + 3 + 4},
	} {
		t.Run(string(tc.lang)+tc.now.Format("-2006-01"), func(t *testing.T) {
			h := k32Harness(t, tc.lang, tc.now)
			for line, wants := range tc.refused {
				r := h.refusedUntouched(manager, line, wants...)
				mustContain(t, r.Text(), wants...)
			}
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%d entries written by refused lines", n)
			}
			for _, line := range tc.kept {
				h.run(manager, line, commands.OutcomeOK)
			}
			today := tc.now.Format(time.DateOnly)
			if n, sum := h.live(); n != int64(len(tc.kept)) || sum != tc.sum {
				t.Errorf("live %d, SQL sum %d; want %d, %d", n, sum, len(tc.kept), tc.sum)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of <> $1::date`, today); n != 0 {
				t.Errorf("%d entries dated another day than %s", n, today)
			}
			// 채용 reads the note as add does.
			h.run(manager, pickWord(tc.lang, "add 100 senior status:agreed", "추가 노인 100 상태:약정"), commands.OutcomeOK)
			agreement := h.sqlInt(`SELECT max(id) FROM entries`)
			for line := range tc.refused {
				note := line[strings.Index(line, ":")+1:]
				h.refusedUntouched(manager, fmt.Sprintf(pickWord(tc.lang, "hire %d 50 note:%s", "채용 %d 50 메모:%s"), agreement, note), tc.refused[line][0])
			}
		})
	}
}

// Review r20 (awkward): the note-month refusal's lines dropped `상태:채용`
// the user typed; they keep every field typed but the date they change.
func TestK56NoteMonthLinesKeepTheFieldsTyped(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		line  string
		wants []string
	}{
		{commands.Korean, "추가 노인 6 상태:채용 고용형태:상용 메모:11월분",
			[]string{"`추가 노인 6 날짜:2026. 11. 30. 상태:채용 고용형태:상용 메모:11월분`", "`추가 노인 6 날짜:2026. 12. 3. 상태:채용 고용형태:상용`"}},
		{commands.Korean, "추가 노인 6 상태:채용 메모:2026.11 실적",
			[]string{"`추가 노인 6 날짜:2026. 11. 30. 상태:채용 메모:2026.11 실적`", "`추가 노인 6 날짜:2026. 12. 3. 상태:채용`"}},
		{commands.Korean, "추가 노인 6 상태:채용 누계포함:예 메모:11월분",
			[]string{"`추가 노인 6 날짜:2026. 11. 30. 상태:채용 누계포함:예 메모:11월분`", "`추가 노인 6 날짜:2026. 12. 3. 상태:채용 누계포함:예`"}},
		{commands.Korean, "추가 노인 6 상태:약정 메모:11월분",
			[]string{"`추가 노인 6 날짜:2026. 11. 30. 상태:약정 메모:11월분`"}},
		{commands.English, "add 6 senior type:regular note:November hires",
			[]string{"`add senior 6 date:2026-11-30 type:regular note:November hires`"}},
		{commands.English, "add 6 senior status:realised note:November hires",
			[]string{"`add senior 6 date:2026-11-30 status:realised note:November hires`", "`add senior 6 date:2026-12-03 status:realised note:hires`"}},
	} {
		t.Run(tc.line, func(t *testing.T) {
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC))
			h.refusedUntouched(manager, tc.line, tc.wants...)
			if n, _ := h.live(); n != 0 {
				t.Fatalf("%d entries written", n)
			}
			// The line offered is taken as it is offered.
			h.run(manager, offeredLine(t, tc.wants[0]), commands.OutcomeOK)
			if n, sum := h.live(); n != 1 || sum != 6 {
				t.Fatalf("live %d, SQL sum %d; want 1, 6", n, sum)
			}
		})
	}
}

// A 사유: typed (a manager's line into a closed month) stays in the line
// offered for the closed month, last, as it takes the rest of the line;
// the open month's line carries none, which would refuse it (review r35
// M14).
func TestK56NoteMonthLinesKeepTheReason(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		close, line      string
		wants, openMonth string
	}{
		{commands.Korean, "마감 11월", "추가 노인 6 날짜:2026. 12. 1. 메모:11월분 사유:누락 보완", "`추가 노인 6 날짜:2026. 11. 30. 메모:11월분 사유:누락 보완`", "`추가 노인 6 날짜:2026. 12. 1.`"},
		{commands.English, "close 2026-11", "add 6 senior date:2026-12-01 note:November hires reason:missed", "`add senior 6 date:2026-11-30 note:November hires reason:missed`", "`add senior 6 date:2026-12-01 note:hires`"},
	} {
		h := k32Harness(t, tc.lang, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC))
		h.run(manager, tc.close, commands.OutcomeOK)
		h.refusedUntouched(manager, tc.line, tc.wants, tc.openMonth)
	}
}

// offeredLine is a reply's quoted line without its backquotes.
func offeredLine(t *testing.T, quoted string) string {
	t.Helper()
	if len(quoted) < 2 || quoted[0] != '`' || quoted[len(quoted)-1] != '`' {
		t.Fatalf("not a quoted line: %s", quoted)
	}
	return quoted[1 : len(quoted)-1]
}
