package commands_test

import (
	"context"
	"testing"

	"jobsbot/commands"
)

// Review r27 F8/F9: the import preview said "채용 실적 0개" for a month
// whose only row was a 증가분 answered 누계포함 예 (the jobs are inside the
// later 누계, which keeps its total), and counted rows without saying the
// header is not one. The preview says the 누계포함 예 jobs are inside the
// 누계, and which rows its count leaves out; the figures after applying
// are a plain SQL SUM.
func TestKeptImportPreviewSaysWithinAndRows(t *testing.T) {
	t.Parallel()
	const header = "기준일,사업코드,사업명,부서,일자리 수,보고 방식,보고 누계,상태,메모,누계포함\n"
	data := []byte(header + "2026-11-19,women,,,5,증가분,,채용,c,예\n")
	for _, tc := range []struct {
		lang  commands.Lang
		wants []string
	}{
		{commands.Korean, []string{"1행(머리글·빈 행·합계 행 제외)", "채용 실적 0개(누계포함 `예` 행의 5개는 이후 누계 보고에 이미 들어 있어 누계가 늘지 않음)"}},
		{commands.English, []string{"rows: 1, not counting the header, blank rows or total rows", "jobs realised 0 (rows marked 누계포함 `예` hold 5 already inside a later cumulative report, whose total stands)"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			e := newI31Env(t)
			if r := e.svc.Handle(context.Background(), slackUser("U_MGR"), "추가 women 누계 850 11/20"); r.Outcome != commands.OutcomeOK {
				t.Fatalf("ledger 850: %s", r.Text())
			}
			mustContain(t, e.preview(data, tc.lang).Text(), tc.wants...)
			if r := e.apply(data); r.Outcome != commands.OutcomeOK {
				t.Fatalf("apply: %q\n%s", r.Outcome, r.Text())
			}
			women := `program_id = (SELECT id FROM programs WHERE code = 'women') AND status = 'realised'`
			if n := e.liveSum(women); n != 850 {
				t.Errorf("women %d after the 누계포함 예 row, want the 누계's 850", n)
			}
		})
	}
}
