package commands_test

import (
	"context"
	"testing"

	"jobsbot/commands"
)

// Issue 20 (r16): a 기록 식별자 this ledger does not hold proves nothing
// about the row (anyone can type a UUID), so the row is checked exactly as
// a row without one: its note naming another month and its 증가분 dated
// before a 누계 of this ledger without 누계포함 are refused as they are
// for a department's file. Only a row the ledger already holds (same
// 식별자, same record) is replayed as it was answered when typed, and a
// row of another ledger's export against a 누계 that export carries.
func TestI43ForgedOriginIsCheckedLikeNoOrigin(t *testing.T) {
	t.Parallel()
	const header = "기준일,사업코드,사업명,부서,일자리 수,보고 방식,보고 누계,상태,메모,기록 식별자\n"
	const (
		o3 = "11111111-2222-4333-8444-555555555503"
	)
	e := newI31Env(t)
	if r := e.svc.Handle(context.Background(), slackUser("U_MGR"), "추가 women 누계 850 11/20"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("ledger 850: %s", r.Text())
	}
	women := `program_id = (SELECT id FROM programs WHERE code = 'women') AND status = 'realised'`
	e.refused("forged id: a delta dated before the ledger's 누계", []byte(header+
		"2026-11-19,women,,,5,증가분,,채용,c,"+o3+"\n"), map[commands.Lang][]string{
		commands.Korean:  {"2행", "#1", "누계포함"},
		commands.English: {"line 2", "#1", "누계포함"},
	})
	e.refused("forged id: a note naming another month", []byte(header+
		"2026-11-24,women,,,5,증가분,,채용,10월분,"+o3+"\n"), map[commands.Lang][]string{
		commands.Korean:  {"2행", "10월분", "2026. 10. 31."},
		commands.English: {"line 2", "10월분", "2026-10"},
	})
	if n := e.liveSum(women); n != 850 {
		t.Fatalf("after refusals women %d, want 850", n)
	}
	if n := e.sqlInt(`SELECT count(*) FROM entries`); n != 1 {
		t.Fatalf("%d entries after refusals, want 1", n)
	}
}
