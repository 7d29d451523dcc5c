package commands_test

import (
	"fmt"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// A numeric date glued to the word after it (11/30오후 입사, 11.30오전 입사,
// 11/30동안 교육) or in square brackets (입사[12/3]) names a day as the
// spaced and round-bracketed forms do: another day's note is refused with
// its two lines, nothing written (review r36 B3: recorded in December).
func TestHoldlock3GluedAndBracketedNoteDatesAreRead(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
	}{
		{commands.Korean, []string{"추가 노인 43 메모:11/30오후 입사", "추가 노인 52 메모:11.30오후 입사", "추가 노인 53 메모:11/30오전 입사",
			"추가 노인 38 메모:11/30동안 교육", "추가 노인 32 메모:입사[12/3]"}},
		{commands.English, []string{"add senior 43 note:11/30오후 입사", "add senior 52 note:11.30오후 입사", "add senior 53 note:11/30오전 입사",
			"add senior 38 note:11/30동안 교육", "add senior 32 note:hired [12/3]"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			for _, line := range tc.lines {
				h.run(manager, line, commands.OutcomeRefused)
				if got := h.liveSumAll(); got != 0 {
					t.Fatalf("after %q: %d jobs by SQL, want 0", line, got)
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// A 채용's note-day question and an add's are different questions: an add
// of new jobs on the 채용's offered day records, and so does the 채용's other
// line; and the other way round (review r36 M1: refused as "one of the two
// lines", advising to void the unrelated entry).
func TestHoldlock3HireAndAddNoteDayQuestionsAreApart(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		agree string
		lines []string
	}{
		{commands.Korean, "추가 노인 50 약정 날짜:2026. 11. 20.", []string{
			"채용 1 5 메모:어제 입사", "추가 노인 5 날짜:2026. 12. 3. 메모:시장형 별도", "채용 1 5 날짜:2026. 12. 4. 메모:입사",
			"추가 노인 4 메모:어제 입사", "채용 1 4 날짜:2026. 12. 3.", "추가 노인 4 날짜:2026. 12. 4. 메모:입사"}},
		{commands.English, "add 50 senior agreed date:2026-11-20", []string{
			"hire 1 5 note:hired yesterday", "add senior 5 date:2026-12-03 note:separate", "hire 1 5 date:2026-12-04 note:hired",
			"add senior 4 note:hired yesterday", "hire 1 4 date:2026-12-03", "add senior 4 date:2026-12-04 note:hired"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.agree, commands.OutcomeOK)
			want := []commands.Outcome{commands.OutcomeRefused, commands.OutcomeOK, commands.OutcomeOK}
			for i, line := range tc.lines {
				h.run(manager, line, want[i%3])
			}
			if got := h.liveSumAll(); got != 18 {
				t.Fatalf("%d realised jobs by SQL, want 18", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// After the first line is taken back (취소) and the other recorded, the
// first line again is refused naming the other (review r36 M8: both live).
func TestHoldlock3NoteDayLineAgainAfterUndoIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                    commands.Lang
		held, dated, undo, kept string
	}{
		{commands.Korean, "추가 노인 6 메모:어제 입사", "추가 노인 6 날짜:2026. 12. 3. 메모:어제 입사", "취소", "추가 노인 6 날짜:2026. 12. 4. 메모:입사"},
		{commands.English, "add senior 6 note:hired yesterday", "add senior 6 date:2026-12-03 note:hired yesterday", "undo", "add senior 6 date:2026-12-04 note:hired"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.held, commands.OutcomeRefused)
			h.run(manager, tc.dated, commands.OutcomeOK)
			h.run(manager, tc.undo, commands.OutcomeOK)
			h.run(manager, tc.kept, commands.OutcomeOK)
			id := h.newestID()
			mustContain(t, h.run(manager, tc.dated, commands.OutcomeRefused).Text(), fmt.Sprintf("#%d", id))
			if got := h.liveSumAll(); got != 6 {
				t.Fatalf("%d realised jobs by SQL, want 6", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// The refused line sent by three processes at once keeps one question: of
// its two lines typed after, one records and the other is refused (review
// r36 M6: the refusals' rows interleaved and both lines recorded).
func TestHoldlock3NoteDayRefusalFromThreeProcessesKeepsOneQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang              commands.Lang
		held, dated, kept string
	}{
		{commands.Korean, "추가 노인 %d 메모:어제 입사", "추가 노인 %d 날짜:2026. 12. 3. 메모:어제 입사", "추가 노인 %d 날짜:2026. 12. 4. 메모:입사"},
		{commands.English, "add senior %d note:hired yesterday", "add senior %d date:2026-12-03 note:hired yesterday", "add senior %d date:2026-12-04 note:hired"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			procs := h.processes(3, &now)
			var want int64
			for n := 61; n < 69; n++ {
				held := fmt.Sprintf(tc.held, n)
				for _, r := range atOnce(procs, manager, held, held, held) {
					if r.Outcome != commands.OutcomeRefused {
						t.Fatalf("%q: outcome %q:\n%s", held, r.Outcome, r.Text())
					}
				}
				h.run(manager, fmt.Sprintf(tc.dated, n), commands.OutcomeOK)
				want += int64(n)
				h.run(manager, fmt.Sprintf(tc.kept, n), commands.OutcomeRefused)
				if got := h.liveSumAll(); got != want {
					t.Fatalf("round %d: %d realised jobs by SQL, want %d", n, got, want)
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// A 채용 note-day question's two lines sent at once by two processes: one
// records, the other's refusal, also when the store refuses it, names the
// 확인:다시 line for a separate batch (review r36 M7: the date-hold wording).
func TestHoldlock3HireNoteDayLinesAtOnceRefusalNamesConfirmAgain(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                            commands.Lang
		agree, held, dated, kept, again string
	}{
		{commands.Korean, "추가 노인 500 약정 날짜:2026. 11. 20.", "채용 1 %d 메모:어제 입사", "채용 1 %d 날짜:2026. 12. 3. 메모:어제 입사",
			"채용 1 %d 날짜:2026. 12. 4. 메모:입사", "확인:다시"},
		{commands.English, "add 500 senior agreed date:2026-11-20", "hire 1 %d note:hired yesterday", "hire 1 %d date:2026-12-03 note:hired yesterday",
			"hire 1 %d date:2026-12-04 note:hired", "confirm:again"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.agree, commands.OutcomeOK)
			procs := h.processes(2, &now)
			var want int64
			for n := 1; n <= 8; n++ {
				h.run(manager, fmt.Sprintf(tc.held, n), commands.OutcomeRefused)
				lines := []string{fmt.Sprintf(tc.dated, n), fmt.Sprintf(tc.kept, n)}
				if n%2 == 0 {
					lines[0], lines[1] = lines[1], lines[0]
				}
				replies := atOnce(procs, manager, lines...)
				oneRecorded(t, n, lines, replies)
				for _, r := range replies {
					if r.Outcome == commands.OutcomeRefused {
						mustContain(t, r.Text(), tc.again)
					}
				}
				want += int64(n)
				if got := h.liveSumAll(); got != want {
					t.Fatalf("round %d: %d realised jobs by SQL, want %d", n, got, want)
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// A size hold asked between a note-day refusal and its line keeps the
// question: once the line recorded with 확인:예, the other line, with or
// without 확인:예, is refused naming it (review r36 M2: both recorded).
func TestHoldlock3SizeHoldBetweenKeepsNoteDayQuestion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                                commands.Lang
		target, held, dated, datedYes, kept, keptYes, again string
	}{
		{commands.Korean, "목표 2만1천", "추가 노인 3만 메모:어제 입사", "추가 노인 3만 날짜:2026. 12. 3. 메모:어제 입사",
			"추가 노인 3만 날짜:2026. 12. 3. 확인:예 메모:어제 입사", "추가 노인 3만 날짜:2026. 12. 4. 메모:입사",
			"추가 노인 3만 날짜:2026. 12. 4. 확인:예 메모:입사", "확인:다시"},
		{commands.English, "target 21000", "add senior 30000 note:hired yesterday", "add senior 30000 date:2026-12-03 note:hired yesterday",
			"add senior 30000 date:2026-12-03 confirm:yes note:hired yesterday", "add senior 30000 date:2026-12-04 note:hired",
			"add senior 30000 date:2026-12-04 confirm:yes note:hired", "confirm:again"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.target, commands.OutcomeOK)
			h.run(manager, tc.held, commands.OutcomeRefused)
			send := func(line string) commands.Reply {
				return h.svc.Handle(t.Context(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, line)
			}
			send(tc.dated) // the size hold
			if got := h.liveSumAll(); got != 0 {
				t.Fatalf("after %q: %d realised jobs by SQL, want 0", tc.dated, got)
			}
			h.run(manager, tc.datedYes, commands.OutcomeOK)
			id := h.newestID()
			for _, line := range []string{tc.kept, tc.keptYes} {
				mustContain(t, h.run(manager, line, commands.OutcomeRefused).Text(), fmt.Sprintf("#%d", id), tc.again)
				if got := h.liveSumAll(); got != 30000 {
					t.Fatalf("after %q: %d realised jobs by SQL, want 30000", line, got)
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}
