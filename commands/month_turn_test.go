package commands_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/commands"
)

// closedMonths counts the months closed now, straight from the table.
func (h *harness) closedMonths() int {
	h.t.Helper()
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM month_closes`); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// liveNothingAll counts every live 실적 없음.
func (h *harness) liveNothingAll() int {
	h.t.Helper()
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// On 7/1 a 실적 없음 typed without a month almost always means June: in a
// month's first seven days it is not filed under the month just begun; the
// reply asks which month and nothing is written. With the month typed it is
// filed; from the 8th a month-less one is this month's.
func TestNothingWithoutMonthAtMonthTurnAsks(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newClockHarness(t, lang, time.Date(2026, 7, 1, 0, 30, 0, 0, time.UTC)) // 7/1 09:30 in Seoul
		lines := map[commands.Lang][]string{
			commands.Korean:  {"실적없음 부서:노인복지과", "실적 없음 부서:노인복지과"},
			commands.English: {"none dept:노인복지과"},
		}[lang]
		for _, day := range []int{1, 3, 7} {
			h.at(2026, time.July, day)
			for _, line := range lines {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(lang,
					"type `none 2026-06` for June, or `none 2026-07` for July. Nothing was saved.",
					"6월 실적 없음이면 `실적 없음 6월`, 7월이면 `실적 없음 7월`을 입력해 주십시오. 아무것도 기록하지 않았습니다."))
			}
		}
		if n := h.liveNothingAll(); n != 0 {
			t.Fatalf("%s: %d 실적 없음 written by a question", lang, n)
		}
		h.run(manager, byLang(lang, "none 2026-06 dept:노인복지과", "실적 없음 6월 부서:노인복지과"), commands.OutcomeOK)
		if h.liveNothing("노인복지과", "2026-06-01") != 1 || h.liveNothingAll() != 1 {
			t.Fatalf("%s: the 실적 없음 of June was not filed under June", lang)
		}
		h.at(2026, time.July, 8)
		h.run(manager, byLang(lang, "none dept:노인복지과", "실적없음 부서:노인복지과"), commands.OutcomeOK)
		if h.liveNothing("노인복지과", "2026-07-01") != 1 {
			t.Fatalf("%s: from the 8th a month-less 실적 없음 is this month's", lang)
		}
	}
}

// `마감 7월` on 7/1 would close the month just begun: a month is closed
// only once it has ended, and the reply names what to type. `마감` without
// a month names last month. `마감 해제` still reopens.
func TestCloseRefusesAMonthNotEnded(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newClockHarness(t, lang, time.Date(2026, 7, 1, 0, 30, 0, 0, time.UTC))
		r := h.run(manager, byLang(lang, "close 2026-07", "마감 7월"), commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang,
			"2026-07 has not ended yet, so it cannot be closed. To close June 2026 type `close 2026-06`.",
			"2026년 7월은 아직 끝나지 않아 마감할 수 없습니다. 2026년 6월을 마감하려면 `마감 6월`을 입력하세요."))
		r = h.run(manager, byLang(lang, "close", "마감"), commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "To close June 2026 type `close 2026-06`.", "2026년 6월을 마감하려면 `마감 6월`을 입력하세요."))
		h.at(2026, time.June, 30) // the month's last day has not ended either
		h.run(manager, byLang(lang, "close 2026-06", "마감 6월"), commands.OutcomeRefused)
		if n := h.closedMonths(); n != 0 {
			t.Fatalf("%s: %d months closed by refused lines", lang, n)
		}
		h.at(2026, time.July, 1)
		r = h.run(manager, byLang(lang, "close 2026-06", "마감 6월"), commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "2026-06", "2026년 6월"))
		if n := h.closedMonths(); n != 1 {
			t.Fatalf("%s: %d months closed, want June", lang, n)
		}
		h.run(manager, byLang(lang, "close reopen 2026-06 late report", "마감 해제 6월 늦은 보고"), commands.OutcomeOK)
		if n := h.closedMonths(); n != 0 {
			t.Fatalf("%s: June still closed after 마감 해제", lang)
		}
	}
}
