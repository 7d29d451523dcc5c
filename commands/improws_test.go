package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r25/r26 (improws): an imported row is read right or refused,
// never silently wrong. Today is 2026-11-26 (newI31Env).

// improwsAgreement records an agreement of invest by the console and
// returns its entry number.
func improwsAgreement(t *testing.T, e *i31Env) int64 {
	t.Helper()
	for _, line := range []string{"추가 투자 300 10/1 상태:약정"} {
		if r := e.typed(line); r.Outcome != commands.OutcomeOK {
			t.Fatalf("%q: %q\n%s", line, r.Outcome, r.Text())
		}
	}
	return e.sqlInt(`SELECT max(id) FROM entries WHERE status = 'agreed'`)
}

// r25 F3: a new row (no 기록 식별자, no 번호) naming the ledger's
// agreement #N in 약정 번호 was stored as a plain add, the link dropped:
// 약정 이행 stayed where it was. It is refused naming the column and the
// console's line, `채용 N 40`; nothing is written.
func TestImportNewRowNamingALedgerAgreementIsRefused(t *testing.T) {
	t.Parallel()
	e := newI31Env(t)
	id := improwsAgreement(t, e)
	if r := e.typed(fmt.Sprintf("채용 %d 50 10/10", id)); r.Outcome != commands.OutcomeOK {
		t.Fatalf("채용: %q\n%s", r.Outcome, r.Text())
	}
	hired := func() int64 {
		return e.sqlInt(`SELECT COALESCE(SUM(h.count), 0) FROM agreement_hires ah JOIN entries h ON h.id = ah.hire_entry_id
			WHERE ah.agreement_entry_id = $1 AND h.voided_at IS NULL`, id)
	}
	file := []byte(fmt.Sprintf("기준일,사업명,일자리 수,보고 방식,보고 누계,상태,메모,약정 번호\n2026-11-20,투자,40,증가분,,채용,,%d\n", id))
	e.refused("new row with 약정 번호", file, map[commands.Lang][]string{
		commands.Korean:  {"2행 [약정 번호]", fmt.Sprintf("`채용 %d 40 2026. 11. 20.`", id), "아무것도 가져오지 않았습니다"},
		commands.English: {"line 2 [약정 번호]", fmt.Sprintf("`hire %d 40 2026. 11. 20.`", id)},
	}, "가져왔습니다")
	if got := hired(); got != 50 {
		t.Errorf("agreement #%d hired %d (SQL SUM), want 50", id, got)
	}
	if n := e.liveSum(`status = 'realised'`); n != 50 {
		t.Errorf("realised %d (SQL SUM), want 50", n)
	}
	// The line the refusal gives links the hire as typed.
	if r := e.typed(fmt.Sprintf("채용 %d 40 2026. 11. 20.", id)); r.Outcome != commands.OutcomeOK {
		t.Fatalf("suggested line: %q\n%s", r.Outcome, r.Text())
	}
	if got := hired(); got != 90 {
		t.Errorf("after the typed line: hired %d, want 90", got)
	}
	_ = strings.Contains
}
