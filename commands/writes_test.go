package commands_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// noBadVerbs fails when a reply carries a fmt error such as %!d(string=180):
// a message whose arguments do not fit its verbs in one of the languages.
func noBadVerbs(t *testing.T, r commands.Reply) {
	t.Helper()
	if text := r.Text(); strings.Contains(text, "%!") {
		t.Errorf("reply renders a bad format verb:\n%s", text)
	}
}

// sumThrough is the plain SUM of live realised entries of a program from 1
// January 2026 through a date.
func (h *harness) sumThrough(code, through string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = $1 AND e.voided_at IS NULL AND e.status = 'realised'
		  AND e.as_of BETWEEN '2026-01-01' AND $2::date`, code, through)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// A cumulative figure is the total through its own date: entries dated later
// stay out of the difference; an equal figure agrees and writes nothing; a
// lower one is refused naming the entries to check (issue 9).
func TestCumulativeReportIsTheTotalThroughItsDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                   commands.Lang
		recorded, agrees, below, first, second string
	}{
		{commands.English, "stands at 440 through 2026-04-30, a difference of 38", "the ledger agrees, so nothing new was recorded",
			"already has 440 jobs through 2026-04-30, so a cumulative figure of 400 would lower it", "#1 (2026-04-30, +402)", "#3 (2026-04-30, +38)"},
		{commands.Korean, "청년일자리 2026. 4. 30. 기준 누계 440개 (증가분 38개)", "보고하신 수치와 장부가 같아 새로 기록하지 않았습니다",
			"청년일자리의 2026. 4. 30. 기준 누계가 이미 440개입니다. 보고하신 누계 400개는", "#1(2026. 4. 30., +402개)", "#3(2026. 4. 30., +38개)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", "add 402 youth date:2026-04-30", commands.OutcomeOK)
			h.run("U1", "add 30 youth date:2026-05-10", commands.OutcomeOK)

			r := h.run("U1", "add 440 youth cumulative date:2026-04-30", commands.OutcomeOK)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.recorded)
			if got := h.sumThrough("youth", "2026-04-30"); got != 440 {
				t.Errorf("total through 4/30 = %d, want the 440 reported", got)
			}
			if got := h.yearTotal(); got != 470 {
				t.Errorf("year total = %d, want 440 + the 30 dated 5/10", got)
			}

			r = h.run("U2", "add 440 youth cumulative date:2026-04-30", commands.OutcomeOK)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.agrees)
			if n := h.entryCount(); n != 3 {
				t.Errorf("%d entries after an agreeing report, want 3", n)
			}

			r = h.run("U2", "add 400 youth cumulative date:2026-04-30", commands.OutcomeRefused)
			noBadVerbs(t, r)
			mustContain(t, r.Text(), tc.below, tc.first, tc.second)
			if strings.Contains(r.Text(), "#2 ") {
				t.Errorf("the refusal names #2, dated after the report:\n%s", r.Text())
			}
			if n := h.entryCount(); n != 3 || h.yearTotal() != 470 {
				t.Errorf("the refused report wrote: %d entries, total %d", n, h.yearTotal())
			}
		})
	}
}

// Every message of the write path renders in both languages without a
// format error; the Korean refusal used to read "%!d(string=180)".
func TestWriteMessagesRenderInBothLanguages(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			steps := []struct {
				line string
				want commands.Outcome
			}{
				{"add 20 rail date:2026-05-01", commands.OutcomeOK},
				{"add 100 rail cumulative date:2026-05-31", commands.OutcomeOK}, // #2 records 80
				{"add 50 rail cumulative date:2026-05-15", commands.OutcomeOK},  // #3 records 30, #2 re-based to 50
				{"add 135 rail cumulative date:2026-05-31", commands.OutcomeOK}, // #4 records 35
				{"add 135 rail cumulative date:2026-05-31", commands.OutcomeOK}, // agrees
				{"add 90 rail cumulative date:2026-05-31", commands.OutcomeRefused},
				// Recomputing #3 would leave it recording -150: refused.
				{"correct 1 200 typo within:yes", commands.OutcomeRefused}, // said inside #3 (review r13 S6 asks)
				{"void 4 wrong", commands.OutcomeOK},
				{"void 1 typo", commands.OutcomeOK}, // #3 now records 50, #2 still 50
				{"undo", commands.OutcomeRefused},   // a 무효 is not taken back by 취소 (k31)
				{"void 1 again", commands.OutcomeRepeated},
			}
			var texts []string
			for _, st := range steps {
				r := h.run(manager, st.line, st.want)
				noBadVerbs(t, r)
				texts = append(texts, r.Text())
			}
			if lang == commands.English {
				mustContain(t, texts[6], "later cumulative report #3 (2026-05-15, cumulative 50) was worked out from it")
				mustContain(t, texts[8], "report #3 (2026-05-15, cumulative 50) now records +50 instead of +30")
			} else {
				mustContain(t, texts[6], "이후 누계 보고 #3(2026. 5. 15. 기준 누계 50개)의 수치가 이 실적을 바탕으로 계산되어")
				mustContain(t, texts[8], "#3(2026. 5. 15. 기준 누계 50개)의 증가분을 +30개에서 +50개로 조정하여")
			}
			if strings.Contains(texts[8], "#2") {
				t.Errorf("the void re-based #2, which #3 now stands between:\n%s", texts[8])
			}
		})
	}
}

// Voiding an earlier cumulative report keeps the later one true: its
// recorded difference is recomputed, with the change kept (issue 10 #5).
func TestVoidingAnEarlierCumulativeReportKeepsTheLaterTrue(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", "add 100 rail cumulative date:2026-03-31", commands.OutcomeOK)
	r := h.run("U1", "add 150 rail cumulative date:2026-04-30", commands.OutcomeOK)
	mustContain(t, r.Text(), "a difference of 50")
	h.run("U1", "add 200 rail cumulative date:2026-05-31", commands.OutcomeOK)

	r = h.run("U1", "void 1 reported twice", commands.OutcomeOK)
	mustContain(t, r.Text(), "#2 (2026-04-30, cumulative 150) now records +150 instead of +50")
	if strings.Contains(r.Text(), "#3 ") {
		t.Errorf("the May report needed no change but the reply names it:\n%s", r.Text())
	}
	for through, want := range map[string]int64{"2026-04-30": 150, "2026-05-31": 200} {
		if got := h.sumThrough("rail", through); got != want {
			t.Errorf("total through %s = %d, want %d as reported", through, got, want)
		}
	}
	r = h.run("U1", "status rail", commands.OutcomeOK)
	mustContain(t, r.Text(), "Total: 200")

	var history []struct {
		Entry, Cause, Old, New int64
		By                     string
	}
	err := h.store.DB().SelectContext(context.Background(), &history, `
		SELECT entry_id AS entry, cause_entry_id AS cause, old_count AS old, new_count AS new, adjusted_by AS by
		FROM entry_adjustments ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	if len(history) != 1 || history[0].Entry != 2 || history[0].Cause != 1 || history[0].Old != 50 || history[0].New != 150 || history[0].By != "U1" {
		t.Errorf("adjustment history = %+v, want #2 50 → 150 caused by #1, by U1", history)
	}

	// A delta logged after a report, dated before it, was never part of it:
	// voiding it leaves the report alone.
	h.run("U1", "add 7 rail date:2026-04-10 within:no", commands.OutcomeOK)
	r = h.run("U1", "undo", commands.OutcomeOK)
	if strings.Contains(r.Text(), "now records") {
		t.Errorf("undoing a later delta recomputed a report:\n%s", r.Text())
	}
	if got := h.sumThrough("rail", "2026-05-31"); got != 200 {
		t.Errorf("total through 5/31 = %d, want 200", got)
	}
}

var voidedID = regexp.MustCompile(`Voided entry #(\d+)`)

// Twenty simultaneous undos by one user take back the last line once: the
// newest entry is voided, the other nineteen say the last action was already
// undone, and no older entry is touched (issue 10 #6 wanted twenty entries
// voided; review F37 found that walking back through old entries is a silent
// misfiling, k31).
func TestConcurrentUndosVoidDistinctEntries(t *testing.T) {
	t.Parallel()
	for _, programs := range [][]string{{"youth"}, {"youth", "rail", "senior"}} {
		t.Run(strings.Join(programs, "+"), func(t *testing.T) { concurrentUndos(t, programs) })
	}
}

// concurrentUndos logs 25 entries spread over programs, runs 20 undos at once
// and wants only the newest voided, once.
func concurrentUndos(t *testing.T, programs []string) {
	h := newHarness(t, commands.English)
	const entries, undos = 25, 20
	for i := 1; i <= entries; i++ {
		h.run("U1", fmt.Sprintf("add %d %s date:2026-11-20 confirm:yes", i, programs[i%len(programs)]), commands.OutcomeOK)
	}
	replies := make([]commands.Reply, undos)
	var wg sync.WaitGroup
	for i := range undos {
		wg.Go(func() {
			replies[i] = h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceConsole}, "undo")
		})
	}
	wg.Wait()
	var ids []int
	refused := 0
	for _, r := range replies {
		if m := voidedID.FindStringSubmatch(r.Title); r.Outcome == commands.OutcomeOK && m != nil {
			id, _ := strconv.Atoi(m[1])
			ids = append(ids, id)
			continue
		}
		if r.Outcome != commands.OutcomeRefused || !strings.Contains(r.Title, "already undone") {
			t.Fatalf("undo: outcome %q, reply:\n%s", r.Outcome, r.Text())
		}
		refused++
	}
	if !slices.Equal(ids, []int{entries}) || refused != undos-1 {
		t.Errorf("undos voided %v and %d refused, want [%d] and %d", ids, refused, entries, undos-1)
	}
	// Live: entries 1..24, whose counts are 1..24.
	if got := h.yearTotal(); got != 24*25/2 {
		t.Errorf("total after the undos = %d, want %d", got, 24*25/2)
	}
	if n := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NOT NULL`); n != 1 {
		t.Errorf("%d entries voided, want 1", n)
	}
	if n := h.store.ConflictRetries(); n != 0 {
		t.Errorf("%d transactions hit a deadlock or serialization failure", n)
	}
}

// Adds, cumulative reports, voids and undos on one program and day at once
// never deadlock, and every total equals a plain SUM over the entries
// (issue 10 #2). Run with -race.
func TestConcurrentWritesOnOneProgramAndDay(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	const workers, rounds = 32, 8
	var wg sync.WaitGroup
	for w := range workers {
		rng := rand.New(rand.NewPCG(uint64(w), 14))
		user := fmt.Sprintf("U%02d", w)
		caller := func(u string) commands.Caller { return commands.Caller{UserID: u, Source: commands.SourceConsole} }
		wg.Go(func() {
			var mine []int
			for range rounds {
				var line string
				who := user
				switch r := rng.IntN(10); {
				case r < 4:
					line = fmt.Sprintf("add %d youth date:2026-11-20", 1+rng.IntN(20))
				case r < 6:
					line = fmt.Sprintf("add %d youth cumulative date:2026-11-20", 50+rng.IntN(400))
				case r < 8:
					line = "undo"
				case len(mine) > 0:
					who, line = manager, fmt.Sprintf("void %d concurrency test", mine[rng.IntN(len(mine))])
				default:
					line = "add 3 youth dept:복지정책과 date:2026-11-20"
				}
				r := h.svc.Handle(context.Background(), caller(who), line)
				if r.Outcome == commands.OutcomeFailed {
					t.Errorf("%s: %q failed:\n%s", who, line, r.Text())
				}
				noBadVerbs(t, r)
				if m := regexp.MustCompile(`Recorded entry #(\d+)`).FindStringSubmatch(r.Title); m != nil {
					id, _ := strconv.Atoi(m[1])
					mine = append(mine, id)
				}
			}
		})
	}
	wg.Wait()
	if n := h.store.ConflictRetries(); n != 0 {
		t.Errorf("%d transactions hit a deadlock or serialization failure", n)
	}
	dbtest.CheckTotals(t, h.store)
	r := h.run("U1", "status youth", commands.OutcomeOK)
	mustContain(t, r.Text(), fmt.Sprintf("Total: %s", formatThousands(h.yearTotal())))
}

// formatThousands writes n with thousands separators, as replies do.
func formatThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// For random interleavings of deltas, back-dated cumulative reports, voids
// and undos, every live cumulative report states the total through its date
// of the cumulative reports dated before it (a back-dated one re-bases it),
// those of its date recorded up to it, itself, and the deltas recorded up to
// it (a delta recorded later adds to it), after every step; the totals equal
// plain SUMs at the end (issue 9, issue 10 #5, review_ko finding 1).
func TestCumulativeReportsStayTrueUnderRandomHistories(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	rng := rand.New(rand.NewPCG(9, 10))
	programs := []string{"rail", "youth"}
	var recorded []int
	for step := range 150 {
		p := programs[rng.IntN(len(programs))]
		date := fmt.Sprintf("date:2026-%02d-%02d", 1+rng.IntN(11), 1+rng.IntN(28))
		var line string
		switch r := rng.IntN(10); {
		case r < 4:
			line = fmt.Sprintf("add %d %s %s within:no", 1+rng.IntN(40), p, date) // separate jobs where a later 누계 asks
		case r < 7:
			line = fmt.Sprintf("add %d %s cumulative %s", 1+rng.IntN(600), p, date)
		case r < 8:
			line = "undo"
		case len(recorded) > 0:
			line = fmt.Sprintf("void %d random", recorded[rng.IntN(len(recorded))])
		default:
			continue
		}
		r := h.svc.Handle(context.Background(), commands.Caller{UserID: manager, Source: commands.SourceConsole}, line)
		if r.Outcome == commands.OutcomeFailed {
			t.Fatalf("step %d %q failed:\n%s", step, line, r.Text())
		}
		if m := regexp.MustCompile(`Recorded entry #(\d+)`).FindStringSubmatch(r.Title); m != nil {
			id, _ := strconv.Atoi(m[1])
			recorded = append(recorded, id)
		}
		var untrue []int64
		err := h.store.DB().SelectContext(context.Background(), &untrue, `
			SELECT c.id FROM entries c
			WHERE c.kind = 'cumulative' AND c.voided_at IS NULL
			  AND c.reported_total <> (
			      SELECT sum(e.count) FROM entries e
			      WHERE e.program_id = c.program_id AND e.status = c.status AND e.voided_at IS NULL
			        AND (e.id <= c.id OR (e.kind = 'cumulative' AND e.as_of < c.as_of))
			        AND e.as_of <= c.as_of AND e.as_of >= date_trunc('year', c.as_of))`)
		if err != nil {
			t.Fatal(err)
		}
		if len(untrue) > 0 {
			t.Fatalf("after step %d %q, cumulative reports %v no longer state their totals:\n%s", step, line, untrue, r.Text())
		}
	}
	if len(recorded) < 40 {
		t.Fatalf("only %d entries recorded: the history is too thin to test anything", len(recorded))
	}
	dbtest.CheckTotals(t, h.store)
	r := h.run("U1", "status", commands.OutcomeOK)
	mustContain(t, r.Text(), fmt.Sprintf("Total: %s", formatThousands(h.yearTotal())))
}
