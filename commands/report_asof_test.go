package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
)

// `/jobs 보고서 4월말` compares with the target in force on 30 April: a
// revision made on 10 May counts from 10 May, not before.
func TestReportUsesTheTargetInForceOnItsDate(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	reportLedger(h)
	h.run(manager, "target 3500 program:invest reason:투자 협약 추가", commands.OutcomeOK)
	for _, q := range []string{
		`UPDATE target_revisions SET changed_at = '2026-01-05 10:00+09'`,
		`UPDATE target_revisions SET changed_at = '2026-05-10 10:00+09' WHERE new_jobs = 3500`,
	} {
		if _, err := h.store.DB().ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	april := h.run(manager, "보고서 4월말", commands.OutcomeOK).Text()
	may := h.run(manager, "보고서 5월말", commands.OutcomeOK).Text()
	invest := func(text string) []string {
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "기업 및 투자") && strings.Contains(line, "2,400") && strings.Contains(line, "%") {
				return strings.Fields(line)
			}
		}
		t.Fatalf("no invest row with its 누계 in:\n%s", text)
		return nil
	}
	if row := strings.Join(invest(april), " "); !strings.Contains(row, "3,000 2,400여") || !strings.Contains(row, "80%") {
		t.Errorf("as of 30 April the invest row reads %q, want target 3,000 and 80%%:\n%s", row, april)
	}
	if row := strings.Join(invest(may), " "); !strings.Contains(row, "3,500 2,400여") || !strings.Contains(row, "68%") {
		t.Errorf("as of 31 May the invest row reads %q, want target 3,500 and 68%%:\n%s", row, may)
	}
}
