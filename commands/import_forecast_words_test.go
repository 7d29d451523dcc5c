package commands_test

import (
	"fmt"
	"testing"

	"jobsbot/commands"
)

// Issue 20 (F42): a 메모 or 비고 that says 예측(치), 추정(치), 채용 계획,
// 계획(안) marks a figure that is not yet an achievement, as 예상/예정/전망/
// 목표치 already did: the row is refused naming its line and the word, and
// nothing is written. A note that compares an achievement with its plan
// (계획대로 채용 완료, 계획 대비 120% 달성) is an achievement and imports;
// a report column headed 연간 계획 holds no month and is not read, so it
// does not refuse the file (a month column headed 12월 계획 does).
func TestImportRefusesMoreForecastWords(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	for i, tc := range []struct{ note, word string }{
		{"10월 예측치", "예측"}, {"추정치", "추정"}, {"채용 계획 인원", "계획"}, {"계획(안)", "계획"},
		{"하반기 계획안", "계획"}, {"예상치", "예상"},
	} {
		e.refused(fmt.Sprintf("note %d %s", i, tc.note), []byte(entriesHeader+
			"1,2026-10-20,youth,,5,증가분,채용,a,U_IMP,2026-10-20 09:00\n"+
			"2,2026-10-31,youth,,7,증가분,채용,"+tc.note+",U_IMP,2026-10-21 09:00\n"),
			map[commands.Lang][]string{commands.Korean: {"3행", "`" + tc.word + "`"}, commands.English: {"line 3", "forecast"}})
	}
	// A report's 비고 saying 계획 is asked about as a typed note is (it may
	// mean people not hired yet: NoteSaysNotHired), before the forecast.
	e.refused("비고 채용 계획", []byte("2026년 일자리사업 추진실적\n사업코드,사업명,9월,10월,비고\nyouth,청년일자리,5,6,채용 계획\n"),
		map[commands.Lang][]string{commands.Korean: {"3행", "`계획`"}, commands.English: {"line 3", "`계획`"}})
	e.refused("비고 추정치", []byte("2026년 일자리사업 추진실적\n사업코드,사업명,9월,10월,비고\nyouth,청년일자리,5,6,10월은 추정치\n"),
		map[commands.Lang][]string{commands.Korean: {"3행", "`추정`"}, commands.English: {"line 3", "forecast"}})
	e.refused("12월 계획 column", []byte("2026년 일자리사업 추진실적\n사업코드,사업명,9월,10월,11월 계획,비고\nyouth,청년일자리,5,6,9,\n"),
		map[commands.Lang][]string{commands.Korean: {"`계획`"}, commands.English: {"forecast"}})

	// Achievements said against their plan import, every figure kept.
	r := e.apply([]byte(entriesHeader +
		"1,2026-10-20,youth,,5,증가분,채용,계획대로 채용 완료,U_IMP,2026-10-20 09:00\n" +
		"2,2026-10-21,youth,,7,증가분,채용,계획 대비 120% 달성,U_IMP,2026-10-21 09:00\n"))
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("achievements against plan: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`TRUE`); n != 12 {
		t.Errorf("%d jobs imported, want 12", n)
	}
	r = e.apply([]byte("2026년 일자리사업 추진실적\n사업코드,사업명,9월,10월,연간 계획,비고\nsenior,노인 일자리,3,4,100,\n"))
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("a 연간 계획 column: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(`program_id = (SELECT id FROM programs WHERE code = 'senior')`); n != 7 {
		t.Errorf("senior holds %d, want 7 (9월 3 + 10월 4; 연간 계획 not read)", n)
	}
}
