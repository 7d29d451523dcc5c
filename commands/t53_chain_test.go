package commands_test

import (
	"context"
	"fmt"
	"testing"

	"jobsbot/commands"
)

// Review r19 F7/F8: the 누계포함:아니오 answer of the second 정정 in a chain
// (a 정정 of a 정정's replacement) was left out of the entries export: the
// mark asked for a later 누계 recorded after the 정정's own original, and
// the report is older than the first replacement. The imported copy then
// re-based where the source had not: 200 where the source holds 140, or
// the same total and a different one after the next 무효. Every chain
// below, exported as csv and xlsx and imported into an empty ledger, holds
// the source's total, and the same 무효 on both leaves both equal (plain
// SQL SUMs).
func TestCorrectionChainsRoundTrip(t *testing.T) {
	t.Parallel()
	for _, sc := range []struct {
		name  string
		lines []string
		live  int64 // the live delta voided afterwards
	}{
		{"아니오 then 아니오", []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 20 오타 누계포함:아니오", "정정 3 30 오타 누계포함:아니오"}, 30},
		{"아니오 then 예", []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 20 오타 누계포함:아니오", "정정 3 30 오타 누계포함:예"}, 30},
		{"예 then 아니오", []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 80 오타 누계포함:예", "정정 3 20 오타 누계포함:아니오"}, 20},
		{"two later reports", []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "추가 노인 누계 260 날짜:11/25", "정정 1 20 오타 누계포함:아니오"}, 20},
		{"a later report after the 정정", []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 20 오타 누계포함:아니오", "추가 노인 누계 300 날짜:11/25"}, 20},
	} {
		t.Run(sc.name, func(t *testing.T) {
			src := newHarness(t, commands.Korean)
			for _, l := range sc.lines {
				r := src.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, l)
				if r.Outcome != commands.OutcomeOK {
					t.Fatalf("%s: %s\n%s", l, r.Outcome, r.Text())
				}
			}
			total := src.liveSumAll()
			voidLive := func(h *harness) {
				t.Helper()
				id := h.sqlInt(fmt.Sprintf(`SELECT id FROM entries WHERE voided_at IS NULL AND kind = 'delta' AND count = %d`, sc.live))
				h.run(manager, fmt.Sprintf("무효 %d 확인용", id), commands.OutcomeOK)
			}
			var copies []*harness
			for _, format := range []string{"csv", "xlsx"} {
				name, data := src.exportEntries(commands.Korean, format)
				dst := newHarness(t, commands.Korean)
				_, applied := dst.importFile(commands.Korean, name, data)
				if got := dst.liveSumAll(); got != total {
					t.Fatalf("%s: the imported copy holds %d, the source %d\n%s", format, got, total, applied)
				}
				copies = append(copies, dst)
			}
			voidLive(src)
			for i, dst := range copies {
				voidLive(dst)
				if got, want := dst.liveSumAll(), src.liveSumAll(); got != want {
					t.Errorf("copy %d after the same 무효: %d, the source %d", i, got, want)
				}
			}
		})
	}
}
