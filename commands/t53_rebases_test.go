package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// correctionsLine is the line of `목록 무효` that says what the 정정s moved.
func correctionsLine(t *testing.T, text string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "정정으로 바뀐") {
			return l
		}
	}
	t.Fatalf("목록 무효 says nothing of the 정정s:\n%s", text)
	return ""
}

// Review r19b F1/F2 (and r19 F9): `목록 무효` told which re-basings a 정정
// made by its transaction id and stamps. A copy restored from pg_dump has
// new transaction ids, and an import is one transaction, so the copies
// said the 정정s moved other figures (+18 where the ledger said +10; -50
// where it said ±0) while every SUM was the same. What the 정정s moved is
// now told from the re-basings themselves: the copies say what the ledger
// says.
func TestVoidedListSaysTheSameOfACopy(t *testing.T) {
	for _, sc := range []struct {
		name  string
		lines []string
	}{
		{"restored", []string{"추가 12 노인 날짜:2026-10-18", "추가 3290 노인 누계 날짜:2026-10-31 확인:예", "추가 30 청년 날짜:2026-10-20",
			"정정 1 20 시니어인턴 재확인 누계포함:예", "정정 3 40 오기"}},
		{"inside a later report", []string{"추가 노인 누계 200 날짜:11/20", "추가 노인 50 날짜:11/1 누계포함:예", "정정 2 60 오타"}},
		{"a chain", []string{"추가 노인 50 날짜:11/1", "추가 노인 누계 200 날짜:11/20", "정정 1 80 오타 누계포함:예", "정정 3 20 오타 누계포함:아니오"}},
	} {
		t.Run(sc.name, func(t *testing.T) {
			h := newHarness(t, commands.Korean)
			for _, l := range sc.lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			want := correctionsLine(t, h.run(manager, "목록 무효", commands.OutcomeOK).Text())
			if got := correctionsLine(t, restored(t, h).run(manager, "목록 무효", commands.OutcomeOK).Text()); got != want {
				t.Errorf("restored copy: %s\nthe ledger: %s", got, want)
			}
			for _, format := range []string{"csv", "xlsx"} {
				name, data := h.exportEntries(commands.Korean, format)
				b := newHarness(t, commands.Korean)
				b.importFile(commands.Korean, name, data)
				if b.liveSumAll() != h.liveSumAll() {
					t.Fatalf("%s copy holds %d, the ledger %d", format, b.liveSumAll(), h.liveSumAll())
				}
				if got := correctionsLine(t, b.run(manager, "목록 무효", commands.OutcomeOK).Text()); got != want {
					t.Errorf("%s copy: %s\nthe ledger: %s", format, got, want)
				}
			}
		})
	}
}
