package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// An add recorded as already inside a later 누계 (누계포함:예) comes back
// from an entries export re-basing that 누계 again, as a hire so recorded
// does (review r12 BREAK 4: the export marked only hires, so the report
// grew by the add, 100 → 105). A separate add (누계포함:아니오) comes back
// separate. Every figure is a plain SQL SUM in both ledgers.
func TestWithinAddRoundTripKeepsTheReport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		report     string
		add        string
		want       int64
		answerWord string
	}{
		{commands.Korean, "추가 노인 누계 100 5월 31일", "추가 노인 5 5월 10일 누계포함:예", 100, "예"},
		{commands.Korean, "추가 노인 누계 100 5월 31일", "추가 노인 5 5월 10일 누계포함:아니오", 105, "아니오"},
		{commands.English, "add senior cumulative 100 date:2026-05-31", "add 5 senior date:2026-05-10 within:yes", 100, "yes"},
	} {
		t.Run(string(tc.lang)+"-"+tc.answerWord, func(t *testing.T) {
			a := newHarness(t, tc.lang)
			a.run(manager, tc.report, commands.OutcomeOK)
			a.run(manager, tc.add, commands.OutcomeOK)
			if got := a.liveSumAll(); got != tc.want {
				t.Fatalf("ledger A holds %d; want %d", got, tc.want)
			}
			for _, format := range []string{"csv", "xlsx"} {
				name, data := a.exportEntries(tc.lang, format)
				b2 := newHarness(t, tc.lang)
				_, applied := b2.importFile(tc.lang, name, data)
				if got := b2.liveSumAll(); got != tc.want {
					t.Errorf("%s: the importing ledger holds %d; want %d as the source\n%s", format, got, tc.want, applied)
				}
			}
		})
	}
}

// An entries file whose hire names, by 약정 번호, an agreement of another
// program is refused on the hire's line and writes nothing: a typed 채용
// hires in its agreement's program only (review r12 BREAK 3: the import
// linked a 청년 hire to a 투자 agreement, and 현황 투자 then read 채용 30
// with 누계 0).
func TestImportedHireOfAnotherProgramsAgreementIsRefused(t *testing.T) {
	t.Parallel()
	a := newHarness(t, commands.Korean)
	a.run(manager, "추가 투자 100 약정 4월 1일", commands.OutcomeOK)
	a.run(manager, "채용 1 30 5월 1일", commands.OutcomeOK)
	name, data := a.exportEntries(commands.Korean, "csv")
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	hire := strings.Split(lines[2], ",")
	if hire[2] != "invest" {
		t.Fatalf("the export's third line is not the invest hire: %q", lines[2])
	}
	hire[2], hire[3], hire[4], hire[6] = "youth", "청년일자리", "공공", "일자리정책과"
	lines[2] = strings.Join(hire, ",")
	b := newHarness(t, commands.Korean)
	preview, applied := b.importFile(commands.Korean, name, []byte(strings.Join(lines[:3], "\n")+"\n"))
	mustContain(t, preview+applied, "3행", "다른 사업의 약정")
	if n := b.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
		t.Errorf("%d entries written by a refused file\n%s", n, applied)
	}
}

// A row whose 기록 식별자 this ledger holds is skipped as present only when
// it records the same thing; a row edited after the export (5 → 500) is
// refused on its line, never silently skipped (review r12 BREAK 2).
func TestImportedRowWithAKnownOriginButOtherContentIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 청년 5 4월 2일", commands.OutcomeOK)
	h.run(manager, "추가 노인 7 4월 3일", commands.OutcomeOK)
	name, data := h.exportEntries(commands.Korean, "csv")
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	row := strings.Split(lines[1], ",")
	if row[2] != "youth" || row[7] != "5" {
		t.Fatalf("the export's second line is not the youth 5: %q", lines[1])
	}
	row[7] = "500"
	lines[1] = strings.Join(row, ",")
	preview, applied := h.importFile(commands.Korean, name, []byte(strings.Join(lines, "\n")+"\n"))
	mustContain(t, preview+applied, "2행", "#1 실적의 것인데", "실적과 달라")
	if got := h.liveSumAll(); got != 12 {
		t.Errorf("the ledger holds %d after the edited file; want 12\n%s%s", got, preview, applied)
	}
	// unchanged, the same file adds nothing and says so
	preview, applied = h.importFile(commands.Korean, name, data)
	if got := h.liveSumAll(); got != 12 {
		t.Errorf("the ledger holds %d after its own export; want 12\n%s%s", got, preview, applied)
	}
}
