package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// The Korean-official review (k34) found add lines read wrong or refused
// for the wrong reason. Each is driven through Handle in both languages:
// refused lines write nothing (row count and SQL SUM), and the line the
// reply offers is recorded with the figure a plain SUM over entries gives.

// 1. A count split by sex: `6 여` was refused as "write 6여", which is
// "about 6", the opposite of what was meant.
func TestSplitBySexIsRefusedWithTheTotalAndANote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		wants []string
		line  string
	}{
		{commands.Korean, []string{"`남 6 여 4`", "한 줄에는 실적 하나", "`여`는 ‘그 수 남짓(어림수)’", "`추가 청년 10 메모:남 6, 여 4`", "아무것도 저장하지 않았습니다"},
			"추가 청년 10 메모:남 6, 여 4"},
		{commands.English, []string{"`남 6 여 4`", "one entry, one count, a line", "여 after a number means \"about\"", "`추가 청년 10 note:남 6, 여 4`", "nothing was saved"},
			"add 10 youth note:남 6, 여 4"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.refusedAll([]string{"추가 청년 남 6 여 4"}, tc.wants...)
			h.refusedAll([]string{"추가 청년 남6 여4"}, "남6 여4")
			h.refusedAll([]string{"추가 청년 남자 6명 여자 4명 11/20"}, "남자 6명 여자 4명", "11/20 10")
			h.refusedAll([]string{"add youth men 6 women 4"}, "`men 6 women 4`")
			h.refusedAll([]string{"추가 청년 10 남 6 여 4"}, tc.wants[3]) // the line's own count is the total, once
			h.run(manager, tc.line, commands.OutcomeOK)
			if n, sum := h.entryCount(), h.sum("p.code = 'youth'"); n != 1 || sum != 10 {
				t.Fatalf("%d rows, SUM %d; want 1 row of 10", n, sum)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE approximate OR note <> '남 6, 여 4'`); n != 0 {
				t.Fatalf("%d entries approximate or with another note", n)
			}
		})
	}
}

// 2. Two employment types with their counts: refused, with one line a type.
func TestTwoEmploymentTypesAreTwoLines(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		wants []string
		lines []string
	}{
		{commands.Korean, []string{"`상용 7 임시 3`", "고용형태가 다른 수", "`추가 청년 7 고용형태:상용`\n`추가 청년 3 고용형태:임시`"},
			[]string{"추가 청년 7 고용형태:상용", "추가 청년 3 고용형태:임시"}},
		{commands.English, []string{"`상용 7 임시 3`", "different employment types", "`추가 청년 7 type:regular`\n`추가 청년 3 type:temporary`"},
			[]string{"add 7 youth type:regular", "add 3 youth type:temporary"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.refusedAll([]string{"추가 청년 상용 7 임시 3"}, tc.wants...)
			h.refusedAll([]string{"추가 청년 상용7명 일용3명 메모:박람회"}, "상용7명 일용3명")
			for _, line := range tc.lines {
				h.run(manager, line, commands.OutcomeOK)
			}
			regular := h.sum("e.employment_type = 'regular'")
			temporary := h.sum("e.employment_type = 'temporary'")
			if regular != 7 || temporary != 3 || h.entryCount() != 2 {
				t.Fatalf("regular %d, temporary %d, %d rows; want 7, 3, 2", regular, temporary, h.entryCount())
			}
		})
	}
}

// 3. A part of the count (장애인 3명 포함) was refused as a second program.
func TestIncludedCountGoesToTheNote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		wants []string
		line  string
		part  string // 10명 중 …: 중 is left out of the line offered
	}{
		{commands.Korean, []string{"`장애인 3명 포함`", "포함된 인원", "`추가 청년 10 메모:장애인 3명 포함`"}, "추가 청년 10 메모:장애인 3명 포함",
			"`추가 청년 10명 메모:여성 4명 포함`"},
		{commands.English, []string{"`장애인 3명 포함`", "a part of the line's count", "`추가 청년 10 note:장애인 3명 포함`"}, "add 10 youth note:장애인 3명 포함",
			"`추가 청년 10명 note:여성 4명 포함`"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.refusedAll([]string{"추가 청년 10 장애인 3명 포함"}, tc.wants...)
			h.refusedAll([]string{"add 10 youth including 3 disabled"}, "`including 3 disabled`", "disabled")
			h.refusedAll([]string{"추가 청년 10명 중 여성 4명 포함"}, "`여성 4명 포함`", tc.part)
			h.run(manager, tc.line, commands.OutcomeOK)
			if sum := h.sum("p.code = 'youth'"); sum != 10 || h.entryCount() != 1 || h.sum("p.code = 'disabled'") != 0 {
				t.Fatalf("youth SUM %d, %d rows; want 10 in 1", sum, h.entryCount())
			}
		})
	}
}

// 4. `6 2주 전` was read as 62 weeks back (a date in 2025) and the count
// as missing; it is 6 jobs dated 14 days before today (2026-11-26).
func TestWeeksAgoAfterACount(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			for _, line := range []string{"추가 청년 6 2주 전", "추가 청년 5 3일 전", "add youth 4 1 week ago", "추가 청년 2주 전 3"} {
				h.run(manager, line, commands.OutcomeOK)
			}
			for _, c := range []struct {
				day  string
				want int64
			}{{"2026-11-12", 6 + 3}, {"2026-11-23", 5}, {"2026-11-19", 4}} {
				if got := h.sum("e.as_of = $1", c.day); got != c.want {
					t.Errorf("SUM on %s = %d, want %d", c.day, got, c.want)
				}
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE note <> '' OR as_of = '2026-11-26'`); n != 0 {
				t.Errorf("%d entries keep the words in the note or are dated today", n)
			}
		})
	}
}

// 5. 신규채용 is the status 채용, said so in the reply.
func TestNewHireWordIsTheRealisedStatus(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{{commands.Korean, "`신규채용`을 상태 ‘채용’으로 읽었습니다"}, {commands.English, "`신규채용` as the status"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			mustContain(t, h.run(manager, "추가 청년 6 신규채용", commands.OutcomeOK).Text(), tc.want)
			h.refusedAll([]string{"추가 청년 6 신규채용 취소"}, "신규채용 취소")
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE status = 'realised' AND note = '' AND count = 6`); n != 1 || h.sum("true") != 6 {
				t.Fatalf("%d realised entries of 6 without a note, SUM %d", n, h.sum("true"))
			}
		})
	}
}

// 6. Round labels (2기, 3차, 2회차) are note words wherever they stand:
// never the count, never part of the program's name.
func TestRoundLabelsAreNeverTheCount(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			for _, line := range []string{"추가 청년 6 2기", "추가 청년 3차 7 확인:예", "추가 청년 2회차 8", "추가 2기 청년 9 11/20", "add youth 10 (3차) 11/19"} {
				h.run(manager, line, commands.OutcomeOK)
			}
			if sum := h.sum("p.code = 'youth'"); sum != 6+7+8+9+10 || h.entryCount() != 5 {
				t.Fatalf("SUM %d over %d rows, want 40 over 5", sum, h.entryCount())
			}
			for count, note := range map[int]string{6: "2기", 7: "3차", 8: "2회차", 9: "2기", 10: "(3차)"} {
				if n := h.sqlInt(`SELECT count(*) FROM entries WHERE count = $1 AND note = $2`, count, note); n != 1 {
					t.Errorf("the entry of %d does not have the note %q", count, note)
				}
			}
		})
	}
}

// 7. A department's name with a particle files the entry there.
func TestDepartmentWithParticleIsTheDepartment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{{commands.Korean, "`노인복지과에서`를 부서 ‘노인복지과’로 읽었습니다"}, {commands.English, "`노인복지과에서` as the department (노인복지과)"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			mustContain(t, h.run(manager, "노인복지과에서 추가 청년 5", commands.OutcomeOK).Text(), tc.want, "노인복지과")
			h.run(manager, "추가 청년 6 노인복지과의 확인:예", commands.OutcomeOK)
			h.run(manager, "노인복지과에서 추가 노인 4 메모:경로당", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE count = 4 AND department = '노인복지과' AND note = '경로당'`); n != 1 {
				t.Errorf("the entry of 4 is not 노인복지과's with the note 경로당")
			}
			h.run(manager, "무효 3 시험", commands.OutcomeOK)
			h.run(manager, "추가 청년 7 여성가족과가 11/20", commands.OutcomeOK)
			h.refusedAll([]string{"추가 청년 8 노인복지과에서 부서:여성가족과"}, "`노인복지과에서`", "노인복지과", "여성가족과")
			if got := h.sum("e.department = '노인복지과'"); got != 11 {
				t.Errorf("노인복지과 SUM %d, want 11", got)
			}
			if got := h.sum("e.department = '여성가족과'"); got != 7 {
				t.Errorf("여성가족과 SUM %d, want 7", got)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE note <> '' AND voided_at IS NULL`); n != 0 {
				t.Errorf("%d entries keep the department in the note", n)
			}
		})
	}
}

// 8. 퇴직 is a decrease word, also after a bracketed round.
func TestResignationIsADecreaseWord(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{{commands.Korean, "줄었다는 말"}, {commands.English, "went down"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "추가 40 노인 11/20", commands.OutcomeOK)
			h.refusedAll([]string{"추가 노인 5 (2차)퇴직"}, "`(2차)퇴직`", tc.want)
			h.refusedAll([]string{"추가 노인 퇴직 3"}, "`퇴직`", tc.want)
			h.refusedAll([]string{"추가 노인 3 퇴직자"}, "`퇴직자`", tc.want)
			h.run(manager, "추가 노인 3 메모:퇴직자 재취업", commands.OutcomeOK)
			if h.sum("true") != 43 {
				t.Fatalf("SUM %d, want 43", h.sum("true"))
			}
		})
	}
}

// 9. 실적없음 for the month still running is accepted with a note that it
// is not over; a past month's has none.
func TestNothingForTheRunningMonthSaysItIsNotOver(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, past string
		want       string
	}{
		{commands.Korean, "실적없음 부서:노인복지과", "실적없음 10월 부서:노인복지과", "2026년 11월은 아직 끝나지 않았습니다(2026. 11. 30.까지)"},
		{commands.English, "none dept:노인복지과", "none 2026-10 dept:노인복지과", "November 2026 is not over yet"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			text := h.run(manager, tc.line, commands.OutcomeOK).Text()
			mustContain(t, text, tc.want)
			if strings.Contains(h.run(manager, tc.past, commands.OutcomeOK).Text(), tc.want[:10]) {
				t.Error("a past month's 실적 없음 is said not to be over")
			}
			if n := h.sqlInt(`SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); n != 2 || h.sum("true") != 0 {
				t.Fatalf("%d live 실적 없음, SUM %d; want 2 and 0", n, h.sum("true"))
			}
		})
	}
}

// 10. An entry added and voided after its month closed is listed once
// among the 마감 후 정정.
func TestChangedAfterCloseListsAnEntryOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang   commands.Lang
		status string
		want   string
	}{{commands.Korean, "현황 2026-04", "마감 후 정정 2건: #2, #3"}, {commands.English, "status 2026-04", "Changed after close: 2 (#2, #3)"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "추가 5 youth 날짜:2026-04-20", commands.OutcomeOK)           // #1
			h.run(manager, "마감 2026-04", commands.OutcomeOK)                         //
			h.run(manager, "추가 3 youth 날짜:2026-04-21 사유:누락분", commands.OutcomeOK)    // #2, after close
			h.run(manager, "무효 2 중복 기록", commands.OutcomeOK)                         // #2 voided after close
			h.run(manager, "추가 4 youth 날짜:2026-04-22 사유:누락분 확인", commands.OutcomeOK) // #3
			text := h.run(manager, tc.status, commands.OutcomeOK).Text()
			mustContain(t, text, tc.want)
			if n := h.sqlInt(`SELECT count(DISTINCT entry_id) FROM entry_after_close`); n != 2 {
				t.Fatalf("%d entries changed after close, want 2", n)
			}
			if h.sum("e.as_of BETWEEN '2026-04-01' AND '2026-04-30'") != 9 {
				t.Fatalf("April SUM %d, want 9", h.sum("e.as_of BETWEEN '2026-04-01' AND '2026-04-30'"))
			}
		})
	}
}

// 11. Zero-width and direction characters are refused as typed, naming
// where they stand; nothing is written.
func TestInvisibleCharactersAreRefusedAtInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{{commands.Korean, "보이지 않는 문자"}, {commands.English, "invisible character"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "추가 5 청년 11/20", commands.OutcomeOK)
			for _, c := range []struct{ line, code, at string }{
				{"추가 청년 5 메모:a\u200bb", "200B", "13"},
				{"추가 청년\u200c 6", "200C", "6"},
				{"추가 7 청년 메모:\u202eabc", "202E", "12"},
				{"추가 7 청년 메모:\u2066x\u2069", "2066", "12"},
				{"\ufeff추가 8 청년", "FEFF", "1"},
				{"추가 9 청년 메모:a\u2060b", "2060", "13"},
				{"프로그램 추가 test2 \u200d청년", "200D", "15"},
			} {
				h.refusedAll([]string{c.line}, tc.want, c.code, c.at)
			}
			if n := h.sqlInt(`SELECT count(*) FROM programs WHERE code = 'test2'`); n != 0 {
				t.Fatal("a program was added with an invisible character")
			}
		})
	}
}
