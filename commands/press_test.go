package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/commands/numbers"
)

// The press line reads the ledger as of its date, every figure by the press
// rule: the total, public and private, and each program compared with plain
// SQL sums through the date; nothing dated after it counts.
func TestPressLineMatchesTheLedger(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	reportLedger(h)
	h.run(manager, "add 11980 vulnerable date:2026-04-20", commands.OutcomeOK)
	h.run(manager, "add 5000 vulnerable date:2026-05-02", commands.OutcomeOK) // after the date
	h.run(manager, `candidate add "행복나눔 카페" kind:예비 mission:일자리제공 dept:사회적경제과`, commands.OutcomeOK)
	// The database stamps the candidate with the real clock; it was found in April.
	if _, err := h.store.DB().ExecContext(context.Background(), `UPDATE candidates SET created_at = '2026-04-10 10:00+09'`); err != nil {
		t.Fatal(err)
	}
	r := h.run(manager, "보도자료 4월말", commands.OutcomeOK)
	text := r.Text()
	through := "e.as_of BETWEEN '2026-01-01' AND '2026-04-30'"
	total := h.sum(through + " AND p.unit <> '회'")
	public := h.sum(through + " AND p.unit <> '회' AND p.sector = 'public'")
	private := h.sum(through + " AND p.unit <> '회' AND p.sector = 'private'")
	vulnerable := h.sum(through + " AND p.code = 'vulnerable'")
	mustContain(t, text,
		"보도자료 문안 (2026. 4. 30. 기준)",
		"시에 따르면 올해 일자리 목표 2만 500개 중 지난 4월말 현재",
		"공공부문 "+numbers.Press(public, false)+", 민간부문 "+numbers.Press(private, true),
		"총 "+numbers.Press(total, true)+"를 창출해",
		"목표 대비 "+numbers.Format(total*100/20500)+"%의 성과를 올렸다.",
		"△취약계층 일자리 "+numbers.Press(vulnerable, false),
		"△기업 및 투자유치 2,400여개",
		"기업(단체) 1곳을 발굴했다.",
		"장부의 정확한 누계: "+numbers.Format(total)+"개",
	)
	if vulnerable != 11980 || !strings.Contains(text, "△취약계층 일자리 1만 1,900여개") {
		t.Errorf("11,980 must read 1만 1,900여개, never 1만 2천여:\n%s", text)
	}
	if strings.Contains(text, "undefined") || strings.Contains(text, "<no value>") {
		t.Errorf("a message lacks an argument:\n%s", text)
	}

	mustContain(t, h.run(manager, "보도자료 2026-04-15", commands.OutcomeOK).Text(), "중 지난 4월 15일 현재 공공부문")
	h.run(manager, "보도자료 다음주수요일쯤", commands.OutcomeRefused)
	en := newHarness(t, commands.English)
	reportLedger(en)
	mustContain(t, en.run(manager, "press 2026-04-30", commands.OutcomeOK).Text(),
		"As of the end of April it had created more than 3,200 jobs", "△ Business & investment attraction more than 2,400")
	mustContain(t, en.run(manager, "press 2026-04-15", commands.OutcomeOK).Text(), "As of 15 April it had created")
}
