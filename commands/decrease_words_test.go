package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Reviews r3 S1 and r4 X5: an add line whose words say the jobs went down
// (감소, 퇴사, 계약 해지 …) or that the people were not hired (채용 안 됨,
// 채용은 아직, not yet hired) was recorded as realised new jobs with the
// words in the note. Such lines are refused naming the words; nothing is
// written (plain SQL count and SUM); ordinary notes that merely contain the
// letters (안내, 이탈리아, 폐업지원금, 퇴사자 재취업) are still recorded.
func TestDecreaseAndNegatedHireWordsAreRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 40 노인 11/20", commands.OutcomeOK)
	for _, tc := range []struct{ line, typed string }{
		{"추가 노인 20명 감소 11/25", "감소"},
		{"추가 노인 11/25 10명 줄어듦", "줄어듦"},
		{"추가 노인 5명 11/25 인원 줄어", "줄어"},
		{"추가 여성 3명 차감 11/25 중복 인원 정리", "차감"},
		{"추가 노인 12명 11/25 중도포기자 발생", "중도포기자"},
		{"추가 노인 8 11/25 퇴사", "퇴사"},
		{"추가 노인 7 11/24 감원", "감원"},
		{"추가 노인 4 11/24 참여자 이탈", "이탈"},
		{"추가 노인 4 11/24 포기자", "포기자"},
		{"추가 노인 2 11/24 해고", "해고"},
		{"추가 노인 3 11/24 계약 해지", "해지"},
		{"추가 투자 9 11/24 ㈜대덕 폐업", "폐업"},
	} {
		h.refusedAll([]string{tc.line}, "`"+tc.typed+"`", "줄었다는 말", "`무효 <번호> <사유>`", "아무것도 저장하지 않았습니다", "`메모:")
	}
	for _, tc := range []struct{ line, typed string }{
		{"추가 청년 5 11/25 채용 안 됨", "채용 안 됨"},
		{"추가 청년 7 11/25 채용 못 함", "채용 못 함"},
		{"추가 청년 8 11/25 아직 채용 안 함", "아직 채용 안 함"},
		{"추가 청년 13 11/25 채용되지 않음", "채용되지"},
		{"추가 청년 15 11/25 채용은 아직", "채용은 아직"},
		{"추가 청년 16 11/25 채용 무산", "채용 무산"},
		{"추가 청년 17 11/25 채용 보류", "채용 보류"},
		{"추가 청년 12 11/25 채용 대기중", "채용 대기중"},
		{"추가 청년 11 11/25 채용보류", "채용보류"},
		{"추가 청년 10 11/25 입사 미정", "입사 미정"},
	} {
		h.refusedAll([]string{tc.line}, "`"+tc.typed+"`", "상태로 읽지 않았습니다", "`상태:채용`", "아무것도 저장하지 않았습니다", "`메모:")
	}
	if n := h.entryCount(); n != 1 {
		t.Fatalf("%d entries after refused lines, want 1", n)
	}

	// Ordinary words holding the letters are not read as a decrease: bare,
	// they are refused as words no field reads (a note goes after 메모:),
	// never as jobs that went down; after 메모: they are the note.
	for _, line := range []string{
		"추가 청년 6 11/25 취업 안정 지원",
		"추가 청년 2 11/25 이탈리아 식당 채용",
		"추가 노인 3 11/25 퇴사자 재취업",
		"추가 투자 4 11/25 폐업지원금 수령 업체 채용",
		"추가 노인 1 11/25 보류 해제 후 채용",
	} {
		r := h.run(manager, line, commands.OutcomeRefused)
		mustContain(t, r.Text(), "읽지 못해", "메모:")
		if strings.Contains(r.Text(), "줄었다는") {
			t.Errorf("%q read as a decrease:\n%s", line, r.Text())
		}
	}
	for _, line := range []string{
		"추가 청년 5 11/25 메모:채용 안내 후 입사",
		"추가 청년 6 11/25 확인:예 메모:취업 안정 지원",
		"추가 노인 20 11/25 메모:감소 아님 신규",
		"추가 청년 14 11/25 메모:채용 안 됨 건 재확인 후 채용",
	} {
		h.run(manager, confirmed(line), commands.OutcomeOK)
	}
	// A decrease word standing alone is refused wherever it stands; 메모:
	// keeps such a note.
	h.refusedAll([]string{"추가 노인 9 11/25 감소 우려 지역 신규 채용"}, "`감소`", "`메모:")
	if n := h.entryCount(); n != 5 {
		t.Fatalf("%d entries, want 5", n)
	}
	if got, want := h.sum("true"), int64(40+5+6+20+14); got != want {
		t.Fatalf("SUM %d, want %d", got, want)
	}

	e := newHarness(t, commands.English)
	e.run(manager, "add 40 youth 11/20", commands.OutcomeOK)
	e.refusedAll([]string{"add 6 youth 11/25 not yet hired", "add 6 youth 11/25 not hired",
		"add 6 youth 11/25 no hires", "add 7 youth 11/25 no one hired", "add 8 youth 11/25 hiring fell through"},
		"did not read a status", "status:realised", "Nothing was saved", "note:")
	e.refusedAll([]string{"add 5 youth 11/25 decrease", "add 5 youth 11/25 3 people left", "add 5 youth 11/25 quit",
		"add 5 youth 11/25 dropped out"},
		"went down", "`void <number> <reason>`", "Nothing was saved", "note:")
	e.run(manager, "add 5 youth 11/25 note:left-behind youth program", commands.OutcomeOK)
	e.run(manager, "add 6 youth 11/25 note:replaces 6 who left", commands.OutcomeOK)
	if n, s := e.entryCount(), e.sum("true"); n != 3 || s != 51 {
		t.Fatalf("%d entries SUM %d, want 3 and 51", n, s)
	}
}
