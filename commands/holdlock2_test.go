package commands_test

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// processes returns n Services on the harness's database, each on a store
// of its own (its own connections and its own batch lanes), as n console
// processes started on one DATABASE_URL are, with the clock *now.
func (h *harness) processes(n int, now *time.Time) []*commands.Service {
	h.t.Helper()
	ctx := context.Background()
	var name string
	if err := h.store.DB().GetContext(ctx, &name, `SELECT current_database()`); err != nil {
		h.t.Fatal(err)
	}
	u, err := url.Parse(dbtest.ServerURL())
	if err != nil {
		h.t.Fatal(err)
	}
	u.Path = "/" + name
	var out []*commands.Service
	for range n {
		store, err := db.OpenExisting(ctx, u.String())
		if err != nil {
			h.t.Fatal(err)
		}
		h.t.Cleanup(func() { _ = store.Close() })
		cfg := h.cfg
		cfg.Store = store
		cfg.Now = func() time.Time { return *now }
		out = append(out, commands.New(cfg))
	}
	return out
}

// atOnce sends line i through process i, all in the same instant, as user
// typing in the console, and returns the replies.
func atOnce(procs []*commands.Service, user string, lines ...string) []commands.Reply {
	replies := make([]commands.Reply, len(lines))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, line := range lines {
		wg.Go(func() {
			<-start
			replies[i] = procs[i].Handle(context.Background(), commands.Caller{UserID: user, Source: commands.SourceConsole}, line)
		})
	}
	close(start)
	wg.Wait()
	return replies
}

// oneRecorded fails unless exactly one of the replies recorded and every
// other was refused.
func oneRecorded(t *testing.T, round int, lines []string, replies []commands.Reply) {
	t.Helper()
	ok := 0
	for i, r := range replies {
		switch r.Outcome {
		case commands.OutcomeOK:
			ok++
		case commands.OutcomeRefused:
		default:
			t.Fatalf("round %d: %q: outcome %q:\n%s", round, lines[i], r.Outcome, r.Text())
		}
	}
	if ok != 1 {
		var all string
		for i, r := range replies {
			all += fmt.Sprintf("%q → %s\n", lines[i], r.Text())
		}
		t.Fatalf("round %d: %d answers recorded, want 1:\n%s", round, ok, all)
	}
}

// Review r33 B4: two console processes on one database sending the two
// answers of a past-year date hold at the same moment (the line with this
// year's date, and the line as typed with 확인:예) both recorded. Round
// after round, exactly one entry of that day is live, by SQL.
func TestHoldlock2DateHoldAnswersFromTwoProcessesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang            commands.Lang
		ask, other, yes string
	}{
		{commands.Korean, "추가 노인 6 25.11.%d", "추가 노인 6 2026. 11. %d.", "추가 노인 6 25.11.%d 확인:예"},
		{commands.English, "add 6 senior 2025-11-%02d", "add 6 senior 2026-11-%02d", "add 6 senior 2025-11-%02d confirm:yes"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.November, 20)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			procs := h.processes(2, &now)
			for round := range 12 {
				n := 1 + round
				now = now.Add(10 * time.Minute) // the write allowance refills between rounds
				h.run(manager, fmt.Sprintf(tc.ask, n), commands.OutcomeRefused)
				lines := []string{fmt.Sprintf(tc.other, n), fmt.Sprintf(tc.yes, n)}
				if round%2 == 1 {
					lines[0], lines[1] = lines[1], lines[0]
				}
				oneRecorded(t, round, lines, atOnce(procs, manager, lines...))
				if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND extract(month FROM as_of) = 11 AND extract(day FROM as_of) = $1`, n); got != 1 {
					t.Fatalf("round %d: %d live entries of November %d, want 1", round, got, n)
				}
				if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); got != int64(6*(round+1)) {
					t.Fatalf("round %d: ledger holds %d jobs, want %d", round, got, 6*(round+1))
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Review r33 B4, the figure question: a delta as large as the year so far
// is asked whether it is a 누계; its two answers (the delta with 확인:예,
// the offered 누계 line) sent at the same moment by two console processes
// both recorded (청년 80 where either answer gives 40 or 41). A fresh
// ledger each round: exactly one of them is recorded, by SQL.
func TestHoldlock2FigureQuestionAnswersFromTwoProcessesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                   commands.Lang
		first, ask, yes, total string
	}{
		{commands.Korean, "추가 청년 1 11/5", "추가 청년 40 날짜:2026. 12. 4.", "추가 청년 40 날짜:2026. 12. 4. 확인:예", "추가 청년 누계 40 2026. 12. 4."},
		{commands.English, "add 1 youth 2026-11-05", "add 40 youth date:2026-12-04", "add 40 youth date:2026-12-04 confirm:yes", "add youth cumulative 40 date:2026-12-04"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			for round := range 8 {
				now := k55At(2026, time.December, 4)
				h := newHarness(t, tc.lang)
				h.withClock(&now)
				procs := h.processes(2, &now)
				h.run(manager, tc.first, commands.OutcomeOK)
				h.run(manager, tc.ask, commands.OutcomeRefused)
				lines := []string{tc.yes, tc.total}
				if round%2 == 1 {
					lines[0], lines[1] = lines[1], lines[0]
				}
				oneRecorded(t, round, lines, atOnce(procs, manager, lines...))
				if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-04'`); got != 1 {
					t.Fatalf("round %d: %d live entries of 2026-12-04, want 1", round, got)
				}
				if got := h.liveSumAll(); got != 40 && got != 41 {
					t.Fatalf("round %d: the year holds %d jobs, want 41 (the delta) or 40 (the 누계)", round, got)
				}
				dbtest.CheckTotals(t, h.store)
			}
		})
	}
}

// The 채용 (hire) answering a date hold (holdlock's open point): a line
// the hold offers for this year's date records as that answer when typed
// as a hire of an agreement of the program (the same program, date, count
// and department), but HireAgreement wrote without the answers' lock, so
// the hire and the line as typed with 확인:예, sent at once by two
// processes, both recorded. Exactly one records, by SQL.
func TestHoldlock2HireAnsweringADateHoldAtOnceRecordsOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                  commands.Lang
		agree, ask, hire, yes string
	}{
		{commands.Korean, "추가 청년 100 약정 날짜:2026. 11. 1.", "추가 청년 6 25.11.%d", "채용 1 6 2026. 11. %d.", "추가 청년 6 25.11.%d 확인:예"},
		{commands.English, "add 100 youth agreed date:2026-11-01", "add 6 youth 2025-11-%02d", "hire 1 6 2026-11-%02d", "add 6 youth 2025-11-%02d confirm:yes"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.November, 20)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			procs := h.processes(2, &now)
			h.run(manager, tc.agree, commands.OutcomeOK)
			for round := range 10 {
				n := 2 + round
				now = now.Add(10 * time.Minute)
				h.run(manager, fmt.Sprintf(tc.ask, n), commands.OutcomeRefused)
				lines := []string{fmt.Sprintf(tc.hire, n), fmt.Sprintf(tc.yes, n)}
				if round%2 == 1 {
					lines[0], lines[1] = lines[1], lines[0]
				}
				oneRecorded(t, round, lines, atOnce(procs, manager, lines...))
				if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND extract(month FROM as_of) = 11 AND extract(day FROM as_of) = $1`, n); got != 1 {
					t.Fatalf("round %d: %d live realised entries of November %d, want 1", round, got, n)
				}
				if got := h.liveSumAll(); got != int64(6*(round+1)) {
					t.Fatalf("round %d: %d realised jobs, want %d", round, got, 6*(round+1))
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Review r33 M3: a note-day refusal (`메모:어제 입사` on 12/4) offers two
// lines, the one dated the note's day and the one keeping the date without
// the word; typing both recorded both (노인 12 for 6 jobs). The offered
// lines are the answers of one question: once one records, the other is
// refused naming the entry, with the 확인:다시 line for a genuinely
// separate batch, which records. The same for the month version
// (`메모:11월분`), either line first. Figures by SQL.
func TestHoldlock2NoteDayRefusalsLinesRecordOnce(t *testing.T) {
	t.Parallel()
	type steps struct {
		held, first, second, again string
		count                      int64
	}
	for _, tc := range []struct {
		lang    commands.Lang
		already string
		cases   []steps
	}{
		{commands.Korean, "이미 ", []steps{
			{"추가 노인 6 메모:어제 입사", "추가 노인 6 날짜:2026. 12. 3. 메모:2026. 12. 3. 입사", "추가 노인 6 날짜:2026. 12. 4. 메모:입사",
				"추가 노인 6 날짜:2026. 12. 4. 확인:다시 메모:입사", 6},
			{"추가 노인 5 메모:어제 입사", "추가 노인 5 날짜:2026. 12. 4. 메모:입사", "추가 노인 5 날짜:2026. 12. 3. 메모:2026. 12. 3. 입사",
				"추가 노인 5 날짜:2026. 12. 3. 확인:다시 메모:2026. 12. 3. 입사", 5},
			{"추가 노인 7 메모:11월분", "추가 노인 7 날짜:2026. 11. 30. 메모:11월분", "추가 노인 7 날짜:2026. 12. 4.",
				"추가 노인 7 날짜:2026. 12. 4. 확인:다시", 7},
			{"추가 노인 9 메모:11월분", "추가 노인 9 날짜:2026. 12. 4.", "추가 노인 9 날짜:2026. 11. 30. 메모:11월분",
				"추가 노인 9 날짜:2026. 11. 30. 확인:다시 메모:11월분", 9},
		}},
		{commands.English, "Already recorded", []steps{
			{"add 6 senior note:hired yesterday", "add senior 6 date:2026-12-03 note:hired 2026-12-03", "add senior 6 date:2026-12-04 note:hired",
				"add senior 6 date:2026-12-04 confirm:again note:hired", 6},
			{"add 5 senior note:hired yesterday", "add senior 5 date:2026-12-04 note:hired", "add senior 5 date:2026-12-03 note:hired 2026-12-03",
				"add senior 5 date:2026-12-03 confirm:again note:hired 2026-12-03", 5},
			{"add 7 senior note:for November", "add senior 7 date:2026-11-30 note:for November", "add senior 7 date:2026-12-04",
				"add senior 7 date:2026-12-04 confirm:again", 7},
			{"add 9 senior note:for November", "add senior 9 date:2026-12-04", "add senior 9 date:2026-11-30 note:for November",
				"add senior 9 date:2026-11-30 confirm:again note:for November", 9},
		}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			var want int64
			for _, s := range tc.cases {
				now = now.Add(10 * time.Minute)
				r := h.run(manager, s.held, commands.OutcomeRefused)
				mustContain(t, r.Text(), s.first, s.second)
				h.run(manager, s.first, commands.OutcomeOK)
				want += s.count
				second := h.run(manager, s.second, commands.OutcomeRefused)
				id := h.newestID()
				mustContain(t, second.Text(), tc.already, fmt.Sprintf("#%d", id), s.again)
				if got := h.liveSumAll(); got != want {
					t.Fatalf("after %q and %q: %d jobs by SQL, want %d", s.first, s.second, got, want)
				}
				// the refusal asked again keeps its answer: the other line,
				// typed again or with 확인:예 out of habit, is refused again
				h.run(manager, s.held, commands.OutcomeRefused)
				h.run(manager, s.second, commands.OutcomeRefused)
				yes := strings.Replace(s.again, "확인:다시", "확인:예", 1)
				if tc.lang == commands.English {
					yes = strings.Replace(s.again, "confirm:again", "confirm:yes", 1)
				}
				mustContain(t, h.run(manager, yes, commands.OutcomeRefused).Text(), fmt.Sprintf("#%d", id), s.again)
				if got := h.liveSumAll(); got != want {
					t.Fatalf("after %q: %d jobs by SQL, want %d", yes, got, want)
				}
				// a genuinely separate batch: the line the refusal gives
				h.run(manager, s.again, commands.OutcomeOK)
				want += s.count
				if got := h.liveSumAll(); got != want {
					t.Fatalf("after %q: %d jobs by SQL, want %d", s.again, got, want)
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// The figure question at a month's turn offers three answers (the delta
// with 확인:예, the 누계 on its date, the 누계 at the month before's end):
// sent at once by three processes, one records (review r33 B4: every
// question with two or more answer lines is answered once).
func TestHoldlock2MonthTurnQuestionsThreeAnswersFromThreeProcessesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		first, ask  string
		lines       []string
		wantOneOfIt []int64 // the year's jobs after each answer alone
	}{
		{commands.Korean, "추가 청년 1 11/5", "추가 청년 40",
			[]string{"추가 청년 40 날짜:2026. 12. 2. 확인:예", "추가 청년 누계 40 2026. 12. 2.", "추가 청년 누계 40 2026. 11. 30."}, []int64{41, 40}},
		{commands.English, "add 1 youth 2026-11-05", "add 40 youth",
			[]string{"add 40 youth date:2026-12-02 confirm:yes", "add youth cumulative 40 date:2026-12-02", "add youth cumulative 40 date:2026-11-30"}, []int64{41, 40}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			for round := range 6 {
				now := k55At(2026, time.December, 2)
				h := newHarness(t, tc.lang)
				h.withClock(&now)
				procs := h.processes(3, &now)
				h.run(manager, tc.first, commands.OutcomeOK)
				h.run(manager, tc.ask, commands.OutcomeRefused)
				lines := slices.Clone(tc.lines)
				for range round % 3 {
					lines = append(lines[1:], lines[0])
				}
				// A 누계 line that finds the ledger already at its figure (the
				// other 누계 recorded meanwhile) says so and writes nothing:
				// the entries, not the outcomes, are counted.
				for i, r := range atOnce(procs, manager, lines...) {
					if r.Outcome != commands.OutcomeOK && r.Outcome != commands.OutcomeRefused {
						t.Fatalf("round %d: %q: outcome %q:\n%s", round, lines[i], r.Outcome, r.Text())
					}
				}
				if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of >= '2026-11-30'`); got != 1 {
					t.Fatalf("round %d: %d live entries since 2026-11-30, want 1", round, got)
				}
				if got := h.liveSumAll(); !slices.Contains(tc.wantOneOfIt, got) {
					t.Fatalf("round %d: the year holds %d jobs, want one of %v", round, got, tc.wantOneOfIt)
				}
				dbtest.CheckTotals(t, h.store)
			}
		})
	}
}

// Review r33 M3 under concurrency: the two lines a note-day refusal
// offers, sent at once by two processes, record once.
func TestHoldlock2NoteDayLinesFromTwoProcessesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang              commands.Lang
		held, dated, kept string
	}{
		{commands.Korean, "추가 노인 %d 메모:어제 입사", "추가 노인 %d 날짜:2026. 12. 3. 메모:어제 입사", "추가 노인 %d 날짜:2026. 12. 4. 메모:입사"},
		{commands.English, "add %d senior note:hired yesterday", "add senior %d date:2026-12-03 note:hired yesterday", "add senior %d date:2026-12-04 note:hired"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			procs := h.processes(2, &now)
			var want int64
			for round := range 10 {
				n := 3 + round
				now = now.Add(10 * time.Minute)
				h.run(manager, fmt.Sprintf(tc.held, n), commands.OutcomeRefused)
				lines := []string{fmt.Sprintf(tc.dated, n), fmt.Sprintf(tc.kept, n)}
				if round%2 == 1 {
					lines[0], lines[1] = lines[1], lines[0]
				}
				oneRecorded(t, round, lines, atOnce(procs, manager, lines...))
				want += int64(n)
				if got := h.liveSumAll(); got != want {
					t.Fatalf("round %d: %d jobs by SQL, want %d", round, got, want)
				}
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Review r33 M3 on the 채용 path: `채용 <약정> <수> 메모:어제 입사` is
// refused offering the hire dated yesterday and the hire keeping today;
// once one records, the other is refused naming it, and 확인:다시 records
// a separate batch. Figures by SQL.
func TestHoldlock2HireNoteDayRefusalsLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                     commands.Lang
		agree, held, dated, kept, again, already string
	}{
		{commands.Korean, "추가 청년 100 약정 날짜:2026. 11. 1.", "채용 1 6 메모:어제 입사", "채용 1 6 날짜:2026. 12. 3. 메모:2026. 12. 3. 입사",
			"채용 1 6 날짜:2026. 12. 4. 메모:입사", "채용 1 6 날짜:2026. 12. 4. 확인:다시 메모:입사", "이미 기록했습니다"},
		{commands.English, "add 100 youth agreed date:2026-11-01", "hire 1 6 note:hired yesterday", "hire 1 6 date:2026-12-03 note:hired 2026-12-03",
			"hire 1 6 date:2026-12-04 note:hired", "hire 1 6 date:2026-12-04 confirm:again note:hired", "Already recorded"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			now := k55At(2026, time.December, 4)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.agree, commands.OutcomeOK)
			mustContain(t, h.run(manager, tc.held, commands.OutcomeRefused).Text(), tc.dated, tc.kept)
			h.run(manager, tc.dated, commands.OutcomeOK)
			id := h.newestID()
			mustContain(t, h.run(manager, tc.kept, commands.OutcomeRefused).Text(), tc.already, fmt.Sprintf("#%d", id), tc.again)
			if got := h.liveSumAll(); got != 6 {
				t.Fatalf("%d realised jobs by SQL, want 6", got)
			}
			h.run(manager, tc.again, commands.OutcomeOK)
			if got := h.liveSumAll(); got != 12 {
				t.Fatalf("%d realised jobs by SQL, want 12", got)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}
