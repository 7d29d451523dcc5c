package commands_test

import (
	"context"
	"testing"

	"jobsbot/commands"
)

// The same report entered by two officials of one department, or re-sent
// by the same official days later, is held for confirmation like a repeat
// within a day, the question naming who recorded the earlier entry and
// when; 확인:예 records it (review r3 S4).
func TestIdenticalEntryByColleagueOrDaysLaterIsHeld(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang               commands.Lang
		line, confirm      string
		held               string
		colleague, earlier string
		when               string
	}{
		{commands.Korean, "추가 6 youth 11월 20일 메모:새일센터 취업", "추가 6 youth 11월 20일 확인:예 메모:새일센터 취업",
			"같은 실적이 이미 기록되어 있습니다: #1", "U0CHOI", "따로 한 번 더 기록할 실적이 맞습니까?", "2026. 11. 23. 10:00 기록"},
		{commands.English, "add 6 youth 2026-11-20 note:job centre", "add 6 youth 2026-11-20 confirm:yes note:job centre",
			"The same entry is already recorded: #1", "U0CHOI", "Is this a second, separate report?", "recorded by U0JUNG (2026-11-23 10:00)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U0CHOI", tc.line, commands.OutcomeOK) // #1
			// Another official of the same department, the same line: held.
			r := h.run("U0JUNG", tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.held, tc.colleague, tc.earlier)
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("the held repeat was stored: %d entries", n)
			}
			h.run("U0JUNG", tc.confirm, commands.OutcomeOK) // #2
			if got := h.yearTotal(); got != 12 {
				t.Errorf("SQL year total = %d, want 12", got)
			}
			// The same official three days later: held, naming the newest
			// identical entry (#2), who recorded it and when.
			if _, err := h.store.DB().ExecContext(context.Background(),
				`UPDATE entries SET created_at = $1`, fixedNow.AddDate(0, 0, -3)); err != nil {
				t.Fatal(err)
			}
			r = h.run("U0CHOI", tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.held[:len(tc.held)-1]+"2", "U0JUNG", tc.when)
			h.run("U0CHOI", tc.confirm, commands.OutcomeOK) // #3
			// Eight days on, an identical entry is still held (review r5 S3:
			// the same 기준일 is the same report whenever it is retyped).
			if _, err := h.store.DB().ExecContext(context.Background(),
				`UPDATE entries SET created_at = $1`, fixedNow.AddDate(0, 0, -8)); err != nil {
				t.Fatal(err)
			}
			r = h.run("U0JUNG", tc.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.held[:len(tc.held)-1]+"3")
			h.run("U0JUNG", tc.confirm, commands.OutcomeOK) // #4
			if got := h.yearTotal(); got != 24 {
				t.Errorf("SQL year total = %d, want 24", got)
			}
			if n := h.entriesStored(); n != 4 {
				t.Errorf("%d entries stored, want 4", n)
			}
		})
	}
}
