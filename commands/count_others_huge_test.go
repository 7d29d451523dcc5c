package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// review_hostile2 N4: two counts (외) too large for an entry, or whose sum
// is, are refused without a suggested total: the sum of
// 9223372036854775807 and 1 overflowed int64 and the bot offered
// -9,223,372,036,854,775,808. A count above 1,000,000 is refused as too
// large, as a single one is; a sum above it names the limit, not a total.
func TestCountPlusOthersHugeSuggestsNoTotal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		line string
		want []string
	}{
		{commands.Korean, "추가 9223372036854775807 외 1명 청년", []string{"1,000,000까지만", "9,223,372,036,854,775,807"}},
		{commands.Korean, "추가 5000000000000000000 외 5000000000000000000명 청년", []string{"1,000,000까지만"}},
		{commands.Korean, "추가 1 외 9223372036854775807명 청년", []string{"1,000,000까지만", "9,223,372,036,854,775,807"}},
		{commands.Korean, "추가 600000 외 500000명 청년", []string{"수가 두 개", "1,000,000을 넘습니다", "나누어 기록"}},
		{commands.English, "add 9223372036854775807 외 1명 youth", []string{"more than the 1,000,000 one entry may hold", "9,223,372,036,854,775,807"}},
		{commands.English, "add 5000000000000000000 외 5000000000000000000명 youth", []string{"more than the 1,000,000 one entry may hold"}},
		{commands.English, "add 600000 외 500000명 youth", []string{"two counts", "more than the 1,000,000 one entry may hold"}},
	} {
		h := newHarness(t, tc.lang)
		r := h.run("U1", tc.line, commands.OutcomeRefused)
		mustContain(t, r.Text(), tc.want...)
		// The refusal is the first line; the usage and its example follow.
		first, _, _ := strings.Cut(r.Text(), "\n")
		for _, bad := range []string{"-", "1,100,000", "e.g.", "예:"} {
			if strings.Contains(first, bad) {
				t.Errorf("%q: the answer holds %q:\n%s", tc.line, bad, r.Text())
			}
		}
		if n := h.entriesStored(); n != 0 {
			t.Fatalf("%q stored %d entries", tc.line, n)
		}
	}
	// At the limit the total is still suggested.
	h := newHarness(t, commands.English)
	r := h.run("U1", "add 999999 외 1명 youth", commands.OutcomeRefused)
	mustContain(t, r.Text(), "`1,000,000`")
}

// review r2 m1: a second count with a minus sign (10 외 -5명) was kept as
// note text and 10 recorded; it is refused as two counts are.
func TestCountMinusOthersRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		line string
		want []string
	}{
		{commands.Korean, "추가 청년 10 외 -5명", []string{"`10 외 -5명`", "수가 두 개", "빼기 부호"}},
		{commands.Korean, "추가 10 외-5명 청년", []string{"`10 외-5명`", "수가 두 개"}},
		{commands.Korean, "추가 청년 10 외 - 5명", []string{"`10 외 - 5명`", "수가 두 개"}},
		{commands.English, "add youth 10 외 −5명", []string{"`10 외 −5명`", "two counts", "minus sign"}},
	} {
		h := newHarness(t, tc.lang)
		r := h.run("U1", tc.line, commands.OutcomeRefused)
		mustContain(t, r.Text(), tc.want...)
		if n := h.entriesStored(); n != 0 {
			t.Fatalf("%q stored %d entries", tc.line, n)
		}
	}
	// A note that merely mentions 외 after the count is unchanged.
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 청년 10 메모:외 -5명", commands.OutcomeOK)
}
