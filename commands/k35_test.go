package commands_test

import (
	"fmt"
	"testing"
	"time"

	"jobsbot/commands"
)

// Tests of what the figures say about 여 and what they are (k35): the
// status lines beside the headline, a refused 정정, the title of a 정정 of a
// 누계, the list's 누계 entries and the voided 누계 in 목록 무효 and the
// digest. Every figure is compared with a plain SUM over the entries.

// k35Day is a day of 2026 as a date.
func k35Day(month time.Month, day int) time.Time {
	return time.Date(2026, month, day, 0, 0, 0, 0, time.UTC)
}

// k35Fig is a count as a status line writes it: 1,250개 / 1,250여개 in
// Korean, 1,250 / about 1,250 in English.
func k35Fig(lang commands.Lang, n int64, approx bool) string {
	f := formatCount(n)
	if approx {
		f = approxFig(lang, f)
	}
	if lang == commands.Korean {
		return f + "개"
	}
	return f
}

// The status headline's 누계 carries 여 when part of it is approximate; so
// must the lines beside it that sum the same entries: 증감 against 전년 동기
// (and 전년 동기 itself), the 공공·민간 split and 이번 주 / 이번 달 (k35 L4).
// A part with nothing approximate stays plain.
func TestStatusLinesCarryApproximate(t *testing.T) {
	today := k35Day(time.November, 26)
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, line := range []string{
			"target 2만",
			// youth (public): 250여 through June, an exact delta after it.
			"add 250여 youth cumulative date:2026-06-30",
			"add 30 youth date:2026-07-10",
			// senior (public): exact through June, then 10여 this week.
			"add 70 senior cumulative date:2026-06-30",
			"add 10여 senior date:2026-11-24",
			// invest (private): exact, this month; last year approximate.
			"add 40 invest date:2026-11-05",
			"add 100여 invest date:2025-03-01",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		text := h.run("U1", "status", commands.OutcomeOK).Text()
		total := h.sumSQL("", k35Day(time.January, 1), today)
		approx := h.approxNowSQL("", k35Day(time.January, 1), today)
		last := h.sumSQL("", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC))
		pub, priv := h.sectorSQL("public", today), h.sectorSQL("private", today)
		pubApprox := h.approxNowSQL("youth", k35Day(time.January, 1), today) + h.approxNowSQL("senior", k35Day(time.January, 1), today)
		privApprox := h.approxNowSQL("invest", k35Day(time.January, 1), today)
		week, month := h.sumSQL("", k35Day(time.November, 23), today), h.sumSQL("", k35Day(time.November, 1), today)
		weekApprox := h.approxNowSQL("", k35Day(time.November, 23), today)
		monthApprox := h.approxNowSQL("", k35Day(time.November, 1), today)
		if approx == 0 || pubApprox == 0 || privApprox != 0 || weekApprox == 0 || monthApprox == 0 {
			t.Fatalf("the ledger does not have the parts the test needs: %d %d %d %d %d", approx, pubApprox, privApprox, weekApprox, monthApprox)
		}
		change := signedFigure(total - last)
		var want []string
		if lang == commands.Korean {
			want = []string{
				"누계 " + k35Fig(lang, total, true) + " / 목표",
				fmt.Sprintf("전년 동기(2025. 1. 1. ~ 2025. 11. 26.) %s · 증감 %s여개", k35Fig(lang, last, true), change),
				fmt.Sprintf("공공 %s · 민간 %s", k35Fig(lang, pub, true), k35Fig(lang, priv, false)),
				fmt.Sprintf("이번 주 %s · 이번 달 %s", k35Fig(lang, week, true), k35Fig(lang, month, true)),
			}
		} else {
			want = []string{
				"Total: " + k35Fig(lang, total, true) + " of",
				fmt.Sprintf("Same span last year (2025-01-01 – 2025-11-26): %s · change about %s", k35Fig(lang, last, true), change),
				fmt.Sprintf("Public %s · Private %s", k35Fig(lang, pub, true), k35Fig(lang, priv, false)),
				fmt.Sprintf("This week %s · This month %s", k35Fig(lang, week, true), k35Fig(lang, month, true)),
			}
		}
		// A program's line: its week and its 전년 동기 likewise.
		seniorWeek := h.sumSQL("senior", k35Day(time.November, 23), today)
		investLast := h.sumSQL("invest", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC))
		if lang == commands.Korean {
			want = append(want, fmt.Sprintf(" · 이번 주 +%s여개", formatCount(seniorWeek)), fmt.Sprintf(" · 전년 동기 %s여개", formatCount(investLast)))
		} else {
			want = append(want, fmt.Sprintf(" · about +%s this week", formatCount(seniorWeek)), fmt.Sprintf(" · last year about %s", formatCount(investLast)))
		}
		mustContain(t, text, want...)
		noFormatSlips(t, text)
	}
}
