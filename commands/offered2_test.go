package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// offered2Clock is a harness whose clock reads 10:00 in Seoul on day and
// can be moved: the clock it returns is the one the service reads.
func offered2Clock(t *testing.T, lang commands.Lang, day string) (*harness, *time.Time) {
	t.Helper()
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.Fatal(err)
	}
	now := d.Add(time.Hour)
	h := newHarness(t, lang)
	h.withClock(&now)
	return h, &now
}

// offered2With is the one line of lines holding word, failing without one.
func offered2With(t *testing.T, r commands.Reply, word string) string {
	t.Helper()
	for _, l := range r32Offered(r) {
		if strings.Contains(l, word) {
			return l
		}
	}
	t.Fatalf("no offered line holds %q:\n%s", word, r.Text())
	return ""
}

// Review r39 F17: the 확인:예 line of a repeat hold kept `어제` as typed;
// typed back the next morning it filed the jobs a day later than the
// question was about. Every such line now carries the day it was read
// as, written out, and files that day whenever it is typed.
func TestOffered19RepeatLineKeepsItsDayTheNextDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		today      string
		line, word string // word: the relative date no offered line may keep
	}{
		{commands.Korean, "2026-12-08", "추가 노인 9 어제", "어제"},
		{commands.Korean, "2026-12-13", "추가 노인 9 지난주 금요일", "지난주"},
		{commands.Korean, "2026-11-30", "추가 노인 9 이번 달 2일", "이번 달"},
		{commands.Korean, "2026-12-10", "추가 노인 9 금요일", "금요일"},
		{commands.Korean, "2026-12-10", "추가 노인 9 날짜:어제 메모:재입력", "날짜:어제"},
		{commands.English, "2026-12-08", "add 9 senior yesterday", "yesterday"},
		{commands.English, "2026-12-12", "add 9 senior last Friday", "Friday"},
		{commands.English, "2026-12-10", "add 9 senior date:yesterday note:typed again", "yesterday"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			t.Parallel()
			h, now := offered2Clock(t, tc.lang, tc.today)
			h.run("u1", tc.line, commands.OutcomeOK)
			first := h.sqlStr(`SELECT as_of::text FROM entries ORDER BY id LIMIT 1`)
			r := h.run("u1", tc.line, commands.OutcomeRefused)
			yes := offered2With(t, r, byLang(tc.lang, "confirm:", "확인:"))
			if strings.Contains(strings.Split(yes, byLang(tc.lang, "note:", "메모:"))[0], tc.word) {
				t.Errorf("the offered line keeps %q: %s", tc.word, yes)
			}
			*now = now.AddDate(0, 0, 1) // answered the next morning
			h.run("u1", yes, commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = $1::date AND voided_at IS NULL`, first); n != 2 {
				t.Errorf("%s typed back the next day: %d entries on %s, want 2; as_of: %s", yes, n, first,
					h.sqlStr(`SELECT string_agg(as_of::text, ',' ORDER BY id) FROM entries`))
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL`); sum != 18 {
				t.Errorf("SUM = %d, want 18", sum)
			}
		})
	}
}

// Review r39 F17: the 누계포함:예 / 누계포함:아니오 lines kept `지난주
// 금요일` as typed. Each, typed back the next day, files the day the
// question named.
func TestOffered19WithinLinesKeepTheirDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang         commands.Lang
		report, line string
		word         string
	}{
		{commands.Korean, "추가 노인 누계 100 날짜:2026. 12. 13.", "추가 노인 3 지난주 금요일", "지난주"},
		{commands.Korean, "추가 노인 누계 100 날짜:2026. 12. 13.", "추가 노인 3 어제 메모:어제 입사", "노인 3 어제"},
		{commands.English, "add 100 senior cumulative date:2026-12-13", "add 3 senior last Friday", "Friday"},
		{commands.English, "add 100 senior cumulative date:2026-12-13", "add 3 senior yesterday", "yesterday"},
	} {
		for _, answer := range []string{"yes", "no"} {
			t.Run(tc.line+" "+answer, func(t *testing.T) {
				t.Parallel()
				h, now := offered2Clock(t, tc.lang, "2026-12-14")
				h.run("u1", tc.report, commands.OutcomeOK)
				r := h.run("u1", tc.line, commands.OutcomeRefused)
				within := byLang(tc.lang, "within:", "누계포함:")
				if answer == "yes" {
					within += byLang(tc.lang, "yes", "예")
				} else {
					within += byLang(tc.lang, "no", "아니오")
				}
				line := offered2With(t, r, within)
				if strings.Contains(strings.Split(line, byLang(tc.lang, "note:", "메모:"))[0], tc.word) {
					t.Errorf("the offered line keeps %q: %s", tc.word, line)
				}
				want := "2026-12-11"
				if strings.Contains(tc.line, "어제") || strings.Contains(tc.line, "yesterday") {
					want = "2026-12-13"
				}
				*now = now.AddDate(0, 0, 3) // answered three days later
				h.run("u1", line, commands.OutcomeOK)
				if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = $1::date AND count = 3 AND voided_at IS NULL`, want); n != 1 {
					t.Errorf("%s typed back later: %d entries of 3 on %s; as_of: %s", line, n, want,
						h.sqlStr(`SELECT string_agg(as_of::text || ':' || count, ',' ORDER BY id) FROM entries`))
				}
			})
		}
	}
}
