package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r5 (채용): the repeat hold of an add holds a hire typed again
// (S7); a hire is stamped with the session's clock (L1); a hire dated
// before a later 누계 report asks whether it is already inside it and, if
// so, keeps that report's total (A4); words after the date are named, and a
// note goes after 메모: (A10). Every figure is a plain SQL SUM.

// hireLinks counts the rows of agreement_hires for agreement id.
func (h *harness) hireLinks(id int64) int {
	h.t.Helper()
	var n int
	if err := h.store.DB().Get(&n, `SELECT count(*) FROM agreement_hires WHERE agreement_entry_id = $1`, id); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// A 채용 typed again, by the same official or by a colleague, is held like
// a repeated add: the question names the earlier hire, who recorded it and
// when (on the session's clock), and 확인:예 records it. Hire entries and
// their links carry the session's instant, not the wall clock.
func TestHireRepeatIsHeldAndStampedWithSessionClock(t *testing.T) {
	t.Parallel()
	noon := time.Date(2026, 5, 4, 3, 0, 0, 0, time.UTC) // 12:00 in Seoul
	for _, tc := range []struct {
		lang                        commands.Lang
		agree, hire, confirm, other string
		again, colleague            []string
	}{
		{commands.Korean, "추가 100 invest 상태:약정 날짜:2026-03-10", "채용 1 20 3/15", "채용 1 20 3/15 확인:예", "채용 1 5 3/15",
			[]string{"같은 채용을 조금 전에 기록하셨습니다: #2 약정 #1 중 20개 채용 전환, 기준일 2026. 3. 15. (2026. 5. 4. 12:00 기록)",
				"`채용 1 20 2026. 3. 15. 확인:예`"},
			[]string{"같은 채용이 이미 기록되어 있습니다: #2 약정 #1 중 20개 채용 전환, 기준일 2026. 3. 15. (U0INV, 2026. 5. 4. 12:00 기록)"}},
		{commands.English, "add 100 invest status:agreed date:2026-03-10", "hire 1 20 2026-03-15", "hire 1 20 2026-03-15 confirm:yes", "hire 1 5 2026-03-15",
			[]string{"You recorded the same hire a short while ago: #2, 20 hired from agreement #1 as of 2026-03-15 (2026-05-04 12:00)",
				"`hire 1 20 2026-03-15 confirm:yes`"},
			[]string{"The same hire is already recorded: #2, 20 hired from agreement #1 as of 2026-03-15, recorded by U0INV (2026-05-04 12:00)"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newClockHarness(t, tc.lang, noon)
			h.run("U0INV", tc.agree, commands.OutcomeOK) // #1
			h.run("U0INV", tc.hire, commands.OutcomeOK)  // #2
			for _, q := range []string{
				`SELECT created_at FROM entries WHERE id = 2`,
				`SELECT hired_at FROM agreement_hires WHERE hire_entry_id = 2`,
			} {
				if got := h.stamp(q); !got.Equal(noon) {
					t.Errorf("%s: %s, want the session's clock %s", q, got, noon)
				}
			}
			// The same line again, seconds later: held, nothing written.
			r := h.run("U0INV", tc.hire, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.again...)
			// A colleague of the department, the same line: held too.
			r = h.run("U0INV2", tc.hire, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.colleague...)
			if n := h.entriesStored(); n != 2 {
				t.Fatalf("held hires were stored: %d entries, want 2", n)
			}
			if got := h.through("invest", "2026-12-31"); got != 20 {
				t.Errorf("SQL realised = %d, want 20", got)
			}
			// Confirmed: recorded once; another count is another hire.
			h.run("U0INV2", tc.confirm, commands.OutcomeOK) // #3
			h.run("U0INV2", tc.other, commands.OutcomeOK)   // #4
			if got := h.through("invest", "2026-12-31"); got != 45 {
				t.Errorf("SQL realised = %d, want 45", got)
			}
			if n := h.hireLinks(1); n != 3 {
				t.Errorf("%d hire links, want 3", n)
			}
			if got := h.stamp(`SELECT max(hired_at) FROM agreement_hires`); !got.Equal(noon) {
				t.Errorf("hired_at %s, want %s", got, noon)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// A 채용 dated on or before a later 누계 report is not recorded until the
// official says whether it is already inside that report: 누계포함:예 keeps
// every later report's total (the first one's increment shrinks), 누계포함:
// 아니오 raises them, as before. A void of an included hire leaves the
// reported totals where they were. The question names every later report
// that 아니오 raises, here both #3 and #4 (review F16).
func TestHireInsideLaterReportKeepsItsTotal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                    commands.Lang
		agree, delta, report, report2           string
		hire, inside, tooBig, void, separate    string
		question, kept, beyond, raised, raised2 []string
	}{
		{commands.Korean, "추가 100 invest 상태:약정 날짜:2026-03-10", "추가 10 invest 날짜:2026-03-12",
			"추가 60 invest 누계 날짜:2026-03-31", "추가 100 invest 누계 날짜:2026-04-01",
			"채용 1 20 3/15", "채용 1 20 3/15 누계포함:예", "채용 1 60 3/15 누계포함:예", "무효 6 잘못 입력", "채용 1 20 3/15 누계포함:아니오",
			[]string{"이 채용(2026. 3. 15., 20개)은 이후 누계 보고보다 앞선 날짜입니다: 2026. 3. 31. 누계 #3 60개. 이 누계에 이미 포함된 채용입니까?",
				"아직 기록하지 않았습니다.",
				"이미 포함되어 있으면(누계 60개 유지, #3의 증가분 50개 → 30개): `채용 1 20 2026. 3. 15. 누계포함:예`",
				"별도로 늘어난 채용이면 이후 누계 보고가 바뀝니다(2026. 3. 31. 누계 #3: 60개 → 80개, 2026. 4. 1. 누계 #4: 100개 → 120개): `채용 1 20 2026. 3. 15. 누계포함:아니오`"},
			[]string{"이후 누계에 이미 포함된 채용으로 기록했습니다: 2026. 3. 31. 누계 #3 60개 유지(증가분 50개 → 30개)"},
			[]string{"2026. 3. 31. 누계 #3(60개)의 증가분이 50개뿐이어서 60개 채용이 그 누계에 포함될 수 없습니다.", "`채용 1 60 2026. 3. 15. 누계포함:아니오`"},
			[]string{"2026. 3. 31. 누계 #3: 60개 → 80개"}, []string{"2026. 4. 1. 누계 #4: 100개 → 120개"}},
		{commands.English, "add 100 invest status:agreed date:2026-03-10", "add 10 invest date:2026-03-12",
			"add 60 invest cumulative date:2026-03-31", "add 100 invest cumulative date:2026-04-01",
			"hire 1 20 2026-03-15", "hire 1 20 2026-03-15 within:yes", "hire 1 60 2026-03-15 within:yes", "void 6 typed by mistake", "hire 1 20 2026-03-15 within:no",
			[]string{"This hire (20 as of 2026-03-15) is dated on or before the later cumulative report #3 (2026-03-31, 60 in total). Are these people already counted in that total?",
				"Nothing was recorded yet.",
				"If they are (the total stays 60; #3's increment 50 → 30): `hire 1 20 2026-03-15 within:yes`",
				"If they are additional, this changes the later reports: cumulative #3 of 2026-03-31: 60 → 80, cumulative #4 of 2026-04-01: 100 → 120. Send: `hire 1 20 2026-03-15 within:no`"},
			[]string{"Recorded as already inside the later cumulative report: #3 (2026-03-31) keeps its total of 60 (increment 50 → 30)."},
			[]string{"added only 50, so a hire of 60 cannot be inside it.", "`hire 1 60 2026-03-15 within:no`"},
			[]string{"from 60 to 80"}, []string{"from 100 to 120"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newClockHarness(t, tc.lang, time.Date(2026, 4, 2, 3, 0, 0, 0, time.UTC))
			h.run("U0INV", tc.agree, commands.OutcomeOK)   // #1
			h.run("U0INV", tc.delta, commands.OutcomeOK)   // #2
			h.run("U0INV", tc.report, commands.OutcomeOK)  // #3: 60, +50
			h.run("U0INV", tc.report2, commands.OutcomeOK) // #4: 100, +40
			r := h.run("U0INV", tc.hire, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.question...)
			if len(r.Actions) != 2 {
				t.Errorf("%d buttons, want one for each answer", len(r.Actions))
			}
			if n := h.entriesStored(); n != 4 {
				t.Fatalf("the question wrote: %d entries", n)
			}
			r = h.run("U0INV", tc.tooBig, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.beyond...)
			if n := h.entriesStored(); n != 4 {
				t.Fatalf("a refused hire wrote: %d entries", n)
			}

			r = h.run("U0INV", tc.inside, commands.OutcomeOK) // #5
			mustContain(t, r.Text(), tc.kept...)
			if got, want := []int64{h.through("invest", "2026-03-31"), h.through("invest", "2026-04-01"), h.countOf(3), h.countOf(4)},
				[]int64{60, 100, 30, 40}; !slicesEqual(got, want) {
				t.Errorf("inside: through 3/31, 4/1, #3, #4 = %v, want %v", got, want)
			}
			if n := h.hireLinks(1); n != 1 {
				t.Errorf("%d hire links, want 1", n)
			}
			dbtest.CheckTotals(t, h.store)

			// Correcting the included hire, then voiding it, leaves the
			// reported totals.
			h.run("U0INV", map[commands.Lang]string{commands.Korean: "정정 5 15 오기 누계포함:예", commands.English: "correct 5 15 typo within:yes"}[tc.lang], commands.OutcomeOK) // #6
			if got, want := []int64{h.through("invest", "2026-03-31"), h.through("invest", "2026-04-01"), h.countOf(3)},
				[]int64{60, 100, 35}; !slicesEqual(got, want) {
				t.Errorf("after the 정정: through 3/31, 4/1, #3 = %v, want %v", got, want)
			}
			h.run("U0INV", tc.void, commands.OutcomeOK)
			if got, want := []int64{h.through("invest", "2026-03-31"), h.through("invest", "2026-04-01"), h.countOf(3)},
				[]int64{60, 100, 50}; !slicesEqual(got, want) {
				t.Errorf("after the void: through 3/31, 4/1, #3 = %v, want %v", got, want)
			}

			// Additional hires raise the later reports, and the reply says so.
			r = h.run("U0INV", tc.separate, commands.OutcomeOK) // #7
			mustContain(t, r.Text(), tc.raised...)
			mustContain(t, r.Text(), tc.raised2...)
			if got, want := []int64{h.through("invest", "2026-03-31"), h.through("invest", "2026-04-01")}, []int64{80, 120}; !slicesEqual(got, want) {
				t.Errorf("separate: through 3/31, 4/1 = %v, want %v", got, want)
			}
			dbtest.CheckTotals(t, h.store)
		})
	}
}

// Words after a hire's date are refused by name, not as an unreadable
// date; after 메모: they are the hire's note.
func TestHireWordsAfterDateAndNote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                        commands.Lang
		agree, words, noDate, noted string
		wordsSay, noDateSay, echo   []string
		wrong                       string
	}{
		{commands.Korean, "추가 100 invest 상태:약정 날짜:2026-03-10", "채용 1 2 7/2 B공장 신규", "채용 1 2 B공장", "채용 1 2 7/2 메모:B공장 신규",
			[]string{"날짜 뒤의 `B공장 신규`는 채용 줄에서 읽을 수 없는 말이어서 아무것도 기록하지 않았습니다.", "`채용 1 2 7/2 메모:B공장 신규`"},
			[]string{"`B공장`을 날짜로 읽을 수 없어 아무것도 기록하지 않았습니다.", "`채용 1 2 메모:B공장`"},
			[]string{"메모: B공장 신규"}, "날짜 `7/2 B공장 신규`"},
		{commands.English, "add 100 invest status:agreed date:2026-03-10", "hire 1 2 2026-07-02 plant B new", "hire 1 2 plantB", "hire 1 2 2026-07-02 note:plant B new",
			[]string{"`plant B new` after the date is not part of a hire, so nothing was recorded.", "`hire 1 2 2026-07-02 note:plant B new`"},
			[]string{"I can't read `plantB` as a date, so nothing was recorded.", "`hire 1 2 note:plantB`"},
			[]string{"Note: plant B new"}, "the date `2026-07-02 plant B new`"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newClockHarness(t, tc.lang, time.Date(2026, 7, 3, 3, 0, 0, 0, time.UTC))
			h.run("U0INV", tc.agree, commands.OutcomeOK) // #1
			r := h.run("U0INV", tc.words, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.wordsSay...)
			if got := r.Text(); contains(got, tc.wrong) {
				t.Errorf("the refusal names the date as unreadable:\n%s", got)
			}
			r = h.run("U0INV", tc.noDate, commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.noDateSay...)
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("a refused hire wrote: %d entries", n)
			}
			r = h.run("U0INV", tc.noted, commands.OutcomeOK) // #2
			mustContain(t, r.Text(), tc.echo...)
			if e := h.newestEntry(); e.Note != "B공장 신규" && e.Note != "plant B new" || e.Count != 2 {
				t.Errorf("stored %+v, want 2 with the note", e)
			}
			if got := h.through("invest", "2026-12-31"); got != 2 {
				t.Errorf("SQL realised = %d, want 2", got)
			}
		})
	}
}

func slicesEqual(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
