package commands_test

import (
	"fmt"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r19 F4 / r19b-F3: everyday spellings of another month in a note
// slipped past the note-month refusal and the figure was filed in the
// entry's month (December): a year before the month (`2026.11월분`,
// `'26.11월`, `2026/11월분`, `25년 12월분`), a day glued to a word
// (`11.30기준`, `11/28채용`, `11/30까지`), `11-30`, `11·30`, a two-digit
// year (`26.11.30`), full-width digits, 月/分, Korean month words
// (`십일월분`), English month names, 작년말 / 지난해 말. r19b-M2: 지지난달 /
// 전전월 were read as 지난달. Each is read as the month it names (one
// reading for add, 채용 and the importer); figures that are no month, the
// entry's own month and a plan after the month are not.
func TestK53NoteMonthReading(t *testing.T) {
	t.Parallel()
	asOf := time.Date(2026, time.December, 3, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ note, word, last string }{
		{"2026.11월분", "2026.11월분", "2026-11-30"},
		{"'26.11월 실적", "'26.11월 실적", "2026-11-30"},
		{"26.11월분", "26.11월분", "2026-11-30"},
		{"2026/11월분", "2026/11월분", "2026-11-30"},
		{"2026-11월분", "2026-11월분", "2026-11-30"},
		{"11.30기준 누계", "11.30", "2026-11-30"},
		{"11/30기준", "11/30", "2026-11-30"},
		{"11/28채용", "11/28", "2026-11-30"},
		{"11/30까지", "11/30", "2026-11-30"},
		{"11.30까지", "11.30", "2026-11-30"},
		{"11-30 기준", "11-30", "2026-11-30"},
		{"26.11.30 기준", "26.11.30", "2026-11-30"},
		{"１１월분", "１１월분", "2026-11-30"},
		{"１１．３０ 기준", "１１．３０", "2026-11-30"},
		{"11月分", "11月分", "2026-11-30"},
		{"십일월분", "십일월분", "2026-11-30"},
		{"시월 실적", "시월 실적", "2026-10-31"},
		{"11·30 기준", "11·30", "2026-11-30"},
		{"November hires", "November", "2026-11-30"},
		{"hires for Nov.", "Nov.", "2026-11-30"},
		{"for November", "November", "2026-11-30"},
		{"as of 30 Nov", "30 Nov", "2026-11-30"},
		{"Nov 30 hires", "Nov 30", "2026-11-30"},
		{"Nov 실적", "Nov", "2026-11-30"},
		{"December 2025 hires", "December 2025", "2025-12-31"},
		{"25년 12월분", "25년 12월분", "2025-12-31"},
		{"작년말 기준", "작년말", "2025-12-31"},
		{"지난해 말 기준", "지난해 말", "2025-12-31"},
		{"지지난달", "지지난달", "2026-10-31"},
		{"전전월 누락분", "전전월", "2026-10-31"},
		{"전전달분", "전전달분", "2026-10-31"},
		{"지난달 누락", "지난달", "2026-11-30"},
		{"11.30 기준", "11.30", "2026-11-30"},
		{"11. 30. 기준", "11. 30.", "2026-11-30"},
		{"11월 30일자", "11월 30일자", "2026-11-30"},
		{"작년 12월분", "작년 12월분", "2025-12-31"},
		{"09.30 기준", "09.30", "2026-09-30"},
		{"11.28~11.30 채용", "11.28~11.30", "2026-11-30"}, // the period, named whole (review r37 F3)
		{"(11.30)", "11.30", "2026-11-30"},
	} {
		word, last, ok := commands.NoteNamesAnotherMonth(tc.note, asOf, asOf)
		if !ok || word != tc.word || last.Format(time.DateOnly) != tc.last {
			t.Errorf("%q: read (%q, %s, %v), want (%q, %s)", tc.note, word, last.Format(time.DateOnly), ok, tc.word, tc.last)
		}
	}
	for _, note := range []string{
		"1.5배", "1/2명", "3.14", "원주율 3.14 정도", "2차", "12,500", "12,500명", "1.5 배", "10.5%", "1.5~2배", "1-2명",
		"12월 채용박람회", "12월분", "12/1 채용", "12.1 기준", "2026.12월분", "십이월분", "December hires", "Dec 1",
		"12월 채용예정", "11월 채용 예정", "January hires planned", "1월 채용예정 5명은 제외",
		"1130 기준", // also a number (1,130): left as written
		"전년도 이월분", "구월동 센터", "감사월", "1일 월요일", "may include two part-time", "오월드 행사",
		"26년 12월분", "'26.12월 실적", "2026. 12. 1.",
	} {
		if word, last, ok := commands.NoteNamesAnotherMonth(note, asOf, asOf); ok {
			t.Errorf("%q: read %q as %s, want no other month", note, word, last.Format(time.DateOnly))
		}
	}
}

// The same spellings through Handle: refused naming the word, nothing
// written; figures that are no month and the entry's own month are kept.
func TestK53NoteMonthSpellingsAreRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		refused map[string][]string
		kept    []string
		hireBad string
	}{
		{commands.Korean, map[string][]string{
			"추가 노인 6 오늘 메모:2026.11월분":   {"`2026.11월분`", "`추가 노인 6 날짜:2026. 11. 30. 메모:2026.11월분`", "아무것도 저장하지 않았습니다"},
			"추가 노인 6 오늘 메모:'26.11월 실적":  {"`'26.11월 실적`", "2026. 11. 30."},
			"추가 노인 6 오늘 메모:2026/11월분":   {"`2026/11월분`"},
			"추가 노인 6 오늘 메모:11.30기준 누계":  {"`11.30`", "`추가 노인 6 날짜:2026. 12. 3. 메모:누계`"},
			"추가 노인 6 오늘 메모:11/30기준":     {"`11/30`"},
			"추가 노인 6 오늘 메모:11/28채용":     {"`11/28`"},
			"추가 노인 6 오늘 메모:11/30까지":     {"`11/30`"},
			"추가 노인 6 오늘 메모:11.30까지":     {"`11.30`"},
			"추가 노인 6 오늘 메모:11-30 기준":    {"`11-30`"},
			"추가 노인 6 오늘 메모:26.11.30 기준": {"`26.11.30`"},
			"추가 노인 6 오늘 메모:１１월분":        {"`１１월분`"},
			"추가 노인 6 오늘 메모:11月分":        {"`11月分`"},
			"추가 노인 6 오늘 메모:십일월분":        {"`십일월분`", "2026. 11. 30."},
			"추가 노인 6 오늘 메모:11·30 기준":    {"`11·30`"},
			"추가 노인 6 오늘 메모:25년 12월분":    {"`25년 12월분`", "2025년 12월", "`추가 노인 6 날짜:2025. 12. 31. 메모:25년 12월분`"},
			"추가 노인 6 오늘 메모:작년말 기준":      {"`작년말`", "2025. 12. 31."},
			"추가 노인 6 오늘 메모:지난해 말 기준":    {"`지난해 말`", "2025. 12. 31."},
			"추가 노인 6 오늘 메모:지지난달":        {"`지지난달`", "`추가 노인 6 날짜:2026. 10. 31. 메모:2026년 10월`", "`추가 노인 6 날짜:2026. 12. 3.`"},
			"추가 노인 6 오늘 메모:전전월 누락분":     {"`전전월`", "2026. 10. 31.", "`추가 노인 6 날짜:2026. 12. 3. 메모:누락분`"},
			"추가 노인 6 오늘 메모:Nov 실적":      {"`Nov`", "2026. 11. 30."},
		}, []string{"추가 노인 2 오늘 메모:1.5배", "추가 노인 3 오늘 메모:1/2명", "추가 노인 4 오늘 메모:3.14", "추가 노인 5 오늘 메모:2차 12,500",
			"추가 노인 6 오늘 메모:12월 채용박람회", "추가 노인 7 오늘 상태:채용 메모:12월 채용예정 제외", "추가 노인 8 오늘 메모:1130 기준"},
			"채용 %d 50 12.1 메모:11.30기준"},
		{commands.English, map[string][]string{
			"add 6 senior note:November hires":       {"`November`", "`add senior 6 date:2026-11-30 note:November hires`", "`add senior 6 date:2026-12-03 note:hires`", "nothing was saved"},
			"add 6 senior note:hires for Nov.":       {"`Nov.`", "2026-11-30"},
			"add 6 senior note:for November":         {"`November`"},
			"add 6 senior note:as of 30 Nov":         {"`30 Nov`", "`add senior 6 date:2026-12-03`"},
			"add 6 senior note:2026.11월분":            {"`2026.11월분`"},
			"add 6 senior note:11/30기준":              {"`11/30`"},
			"add 6 senior note:25년 12월분":             {"`25년 12월분`", "2025-12-31"},
			"add 6 senior note:two months ago, 지지난달": {"`two months ago`", "2026-10-03"}, // read as a day since review r28 F1
		}, []string{"add 2 senior note:1.5배", "add 3 senior note:1/2명", "add 4 senior note:3.14", "add 5 senior note:2차 12,500",
			"add 6 senior note:December hires", "add 7 senior status:realised note:12월 채용예정 제외", "add 8 senior note:1130 기준"},
			"hire %d 50 2026-12-01 note:November hires"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			// Thursday 3 December 2026, 10:00 in Seoul
			h := k32Harness(t, tc.lang, time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC))
			base := "추가 노인 1,000 11. 2."
			agreed := "추가 노인 100 11. 2. 상태:약정"
			if tc.lang == commands.English {
				base, agreed = "add 1000 senior 2026-11-02", "add 100 senior 2026-11-02 status:agreed"
			}
			h.run(manager, base, commands.OutcomeOK)
			h.run(manager, agreed, commands.OutcomeOK)
			agreement := h.sqlInt(`SELECT max(id) FROM entries`)
			before := h.sqlInt(`SELECT count(*) FROM entries`)
			for line, wants := range tc.refused {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), wants...)
			}
			h.run(manager, fmt.Sprintf(tc.hireBad, agreement), commands.OutcomeRefused)
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != before {
				t.Fatalf("%d entries written by refused lines", n-before)
			}
			for _, line := range tc.kept {
				h.run(manager, line, commands.OutcomeOK)
			}
			if got := h.liveSQL("senior", "realised"); got != 1000+2+3+4+5+6+7+8 {
				t.Errorf("senior is %d, want 1,035", got)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of <> '2026-12-03' AND as_of <> '2026-11-02'`); n != 0 {
				t.Errorf("%d entries dated another day", n)
			}
			h.checkLedger(tc.lang)
		})
	}
}
