package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// Tests of review r1's silent misfilings in the words after an add's count
// (S1, S2, S5, S6, S8, S9, A4, A6), driven through Service.Handle as an
// official types the lines. Each refused line must leave the ledger as it
// was: the plain SQL SUM and the row count are checked after them.

// refusedAll runs lines that must each be refused with the wants in the
// reply, and checks that nothing was written by them.
func (h *harness) refusedAll(lines []string, wants ...string) {
	h.t.Helper()
	before, sum := h.entryCount(), h.sum("true")
	for _, line := range lines {
		r := h.run(manager, line, commands.OutcomeRefused)
		mustContain(h.t, r.Text(), wants...)
	}
	if n, s := h.entryCount(), h.sum("true"); n != before || s != sum {
		h.t.Fatalf("refused lines wrote: %d rows (sum %d), want %d (sum %d)", n, s, before, sum)
	}
}

// S1, S5, S6: a negated 누계, status or employment word, following or
// joined, never sets that field; the line is refused naming the words.
func TestNegatedKeywordsAreRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 40 청년 11/20", commands.OutcomeOK)
	h.run(manager, "추가 40 여성 11/20", commands.OutcomeOK)
	for _, tc := range []struct{ line, typed string }{
		{"추가 청년 300명 11/25 누계 아님", "누계 아님"},
		{"추가 청년 500 11/25 누계 미포함", "누계 미포함"},
		{"추가 여성 300 11/25 누계 제외분", "누계 제외분"},
		{"추가 60 청년 11/25 누적 아닌 신규분", "누적 아닌"},
		{"추가 청년 300 11/25 누계아닌", "누계아닌"},
		{"추가 청년 300 11/25 누계와 별도", "누계와 별도"},
		{"추가 청년 300 11/25 (누계X)", "(누계X)"},
	} {
		h.refusedAll([]string{tc.line}, "`"+tc.typed+"`", "누계가 아니라는 말", "아무것도 저장하지 않았습니다", "`메모:")
	}
	for _, tc := range []struct{ line, typed string }{
		{"추가 21 청년 11/25 채용 전", "채용 전"},
		{"추가 22 청년 11/25 채용전", "채용전"},
		{"추가 12 청년 11/25 미채용", "미채용"},
		{"추가 23 청년 11/25 채용 취소", "채용 취소"},
		{"추가 26 청년 11/25 채용 미확정", "채용 미확정"},
		{"추가 24 청년 11/25 채용 아님 약정임", "채용 아님"},
		{"추가 10 청년 11/25 약정 아님 실채용", "약정 아님"},
	} {
		h.refusedAll([]string{tc.line}, "`"+tc.typed+"`", "상태로 읽지 않았습니다", "`상태:약정`", "`메모:")
	}
	h.refusedAll([]string{"추가 11 노인 11/25 일용직 아님"}, "`일용직 아님`", "`고용형태:상용`", "`메모:")
	if got := h.sum("p.code = 'youth'"); got != 40 {
		t.Fatalf("youth SUM %d, want 40", got)
	}

	// The ways the reply names: a delta without the word, a note.
	h.run(manager, "추가 300 청년 11/25 확인:예 메모:누계 아님", commands.OutcomeOK)
	if kind, _, _, note := h.newestKind(); kind != "delta" || note != "누계 아님" {
		t.Fatalf("stored %s with note %q, want a delta noted 누계 아님", kind, note)
	}
	h.run(manager, "추가 5 청년 11/25 메모:누계에 반영 바랍니다", commands.OutcomeOK)
	if kind, _, _, _ := h.newestKind(); kind != "delta" {
		t.Fatalf("누계에 반영 stored %s, want a delta", kind)
	}
	h.run(manager, "추가 24 청년 11/25 상태:약정 메모:채용 아님 약정임", commands.OutcomeOK)
	if got := h.sum("p.code = 'youth'"); got != 345 {
		t.Fatalf("youth SUM %d, want 345", got)
	}

	e := newHarness(t, commands.English)
	e.run(manager, "add 40 youth 11/20", commands.OutcomeOK)
	e.refusedAll([]string{"add 300 youth 11/25 not cumulative", "add 300 youth 11/25 non-cumulative"},
		"not a cumulative total", "Nothing was saved", "note:")
	e.refusedAll([]string{"add 5 youth 11/25 not agreed", "add 5 youth 11/25 agreed cancelled"},
		"did not read a status", "status:agreed", "note:")
}

// S2, A6: a second figure after the count, bare, with commas, in brackets
// or in 천, is refused naming both figures; the same figure again is said to
// be that. Note words with a suffix of their own stay notes.
func TestSecondFigureInNoteIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 95 고속철도 11/20", commands.OutcomeOK)
	for _, tc := range []struct{ line, first, second string }{
		{"추가 100 고속철도 11/25 누계 6,000", "100", "6,000"},
		{"추가 120 고속철도 11/25 누계 600", "120", "600"},
		{"추가 5 사회적기업 11/25 누적 2500", "5", "2500"},
		{"추가 7 공동체 11/25 2,500", "7", "2,500"},
		{"추가 9 공동체 11/25 (2,500)", "9", "(2,500)"},
		{"추가 12 장애인 11/25 3천", "12", "3천"},
		{"추가 12 장애인 11/25 행사 30명", "12", "30명"},
	} {
		h.refusedAll([]string{tc.line}, "`"+tc.first+"`", "`"+tc.second+"`", "두 수가 있어", "아무것도 저장하지 않았습니다")
	}
	h.refusedAll([]string{"추가 3 청년 11/25 파트타임 3명"}, "`3명`", "같은 수를 한 번 더 쓴 것", "아무것도 저장하지 않았습니다")
	if got := h.sum("true"); got != 95 {
		t.Fatalf("SUM %d after refused lines, want 95", got)
	}
	for _, line := range []string{
		"추가 8 공동체 11/25 2차",
		"추가 6 공동체 11/25 메모:3층 회의실",
		"추가 4 투자 11/25 메모:3개사",
		"추가 5 청년 11/26 메모:채용박람회",
	} {
		h.run(manager, line, commands.OutcomeOK)
	}
	h.run(manager, "추가 고속철도 누계 6,000 11/25", commands.OutcomeOK)
	if kind, reported, _, _ := h.newestKind(); kind != "cumulative" || reported != 6000 {
		t.Fatalf("stored %s %d, want cumulative 6000", kind, reported)
	}
	if got := h.sum("p.code = 'rail'"); got != 6000 {
		t.Fatalf("rail SUM %d, want 6000", got)
	}
	if got := h.sum("true"); got != 6000+8+6+4+5 {
		t.Fatalf("SUM %d, want %d", got, 6000+8+6+4+5)
	}

	e := newHarness(t, commands.English)
	e.refusedAll([]string{"add 100 rail 11/25 cumulative 6,000", "add 7 community 11/25 (2,500)"},
		"are two figures", "Nothing was saved")
	e.refusedAll([]string{"add 3 youth 11/25 part-time 3"}, "same figure", "Nothing was saved")
}

// S9, A4: hedge words make a count approximate and are refused asking for
// N여, joined or later in the line; bound words are refused naming them.
func TestHedgedAndBoundedCountsAreRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, tc := range []struct{ line, example string }{
		{"추가 32 공동체 11/25 정도", "`32여`"},
		{"추가 34 공동체 11/24 안팎", "`34여`"},
		{"추가 30명 내외 공동체 11/25", "`30여명`"},
		{"추가 30명내외 공동체 11/25", "`30여명`"},
		{"추가 31명 가량 공동체 11/25", "`31여명`"},
		{"추가 35 공동체 11/25 추정", "`35여`"},
		{"추가 36 공동체 11/25 잠정", "`36여`"},
	} {
		h.refusedAll([]string{tc.line}, "어림수를 뜻하는 말", tc.example, "아무것도 저장하지 않았습니다")
	}
	for _, tc := range []struct{ line, word string }{
		{"추가 33명 이상 공동체 11/25", "이상"},
		{"추가 33명이상 공동체 11/25", "33명이상"},
		{"추가 36명 미만 공동체 11/25", "미만"},
		{"추가 33 공동체 11/25 이하", "이하"},
		{"추가 33 공동체 11/25 초과", "초과"},
	} {
		h.refusedAll([]string{tc.line}, "`"+tc.word+"`", "범위(이상·미만·이하·초과)를 말할 뿐", "아무것도 저장하지 않았습니다")
	}
	if n := h.entryCount(); n != 0 {
		t.Fatalf("%d rows from refused lines", n)
	}
	h.run(manager, "추가 32여 공동체 11/25", commands.OutcomeOK)
	if e := h.newestEntry(); !e.Approximate || e.Count != 32 {
		t.Fatalf("stored %+v, want 32 approximate", e)
	}
	if got := h.sum("true"); got != 32 {
		t.Fatalf("SUM %d, want 32", got)
	}

	e := newHarness(t, commands.English)
	e.refusedAll([]string{"add about 30 community 11/25", "add 30 community 11/25 roughly"}, "approximate", "`30여`", "Nothing was saved")
	e.refusedAll([]string{"add 30 community 11/25 over"}, "`over` is a bound", "Nothing was saved")
}

// S8: two dept: options in one line are refused naming both, as two dates
// are; the same department twice is one.
func TestTwoDepartmentsAreRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.refusedAll([]string{"추가 7 청년 부서:복지정책과 11/25 부서:노인복지과"}, "`복지정책과`", "`노인복지과`", "부서가", "두 개")
	h.refusedAll([]string{"추가 8 청년 11/25 dept:노인복지과 부서:여성가족과"}, "`노인복지과`", "`여성가족과`", "두 개")
	h.run(manager, "추가 8 청년 11/25 부서:노인복지과", commands.OutcomeOK)
	if got := h.sum("e.department = '노인복지과'"); got != 8 {
		t.Fatalf("노인복지과 SUM %d, want 8", got)
	}
	e := newHarness(t, commands.English)
	e.refusedAll([]string{"add 8 youth 11/25 dept:노인복지과 dept:여성가족과"}, "two departments", "`노인복지과`", "`여성가족과`")
}
