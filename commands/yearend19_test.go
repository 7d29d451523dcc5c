package commands_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// Review r39 F16: on 31 December `추가 청년 3 1월 2일`, `1. 4.`, `1/2` and
// `상태:약정 1월 4일` were filed in January of the year ending, eleven months
// back, with no question, while the note reader read `메모:1/2 입사` that day
// as the coming January. A day without a year that, read this year, lies
// behind today while next year's is within three months ahead is asked:
// nothing is written, the reply names both days and offers the line with
// this year's date written out, which records last January's day; typed
// back, it files exactly that.
func TestYearEndDateWithoutYearIsAsked(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-31")
			for _, tc := range []struct {
				line, past, status, count string
			}{
				{"추가 청년 3 1월 2일", "2026-01-02", "realised", "3"},
				{"추가 청년 4 1. 4.", "2026-01-04", "realised", "4"},
				{"추가 청년 5 1/2", "2026-01-02", "realised", "5"},
				{"추가 청년 6 상태:약정 1월 4일", "2026-01-04", "agreed", "6"},
				{"추가 청년 7 날짜:1월 5일", "2026-01-05", "realised", "7"},
				{"add 8 youth date:Jan 6", "2026-01-06", "realised", "8"},
				{"추가 청년 9 1월말", "2026-01-31", "realised", "9"},
			} {
				before := h.sqlInt(`SELECT count(*) FROM entries`)
				r := h.run(manager, tc.line, commands.OutcomeRefused)
				if n := h.sqlInt(`SELECT count(*) FROM entries`); n != before {
					t.Fatalf("%q wrote %d entries", tc.line, n-before)
				}
				past, _ := dates.Parse(tc.past, dates.On(2026, 12, 31))
				ahead := past.AddDate(1, 0, 0)
				mustContain(t, r.Text(), byLang(lang, "has no year", "연도가 없어"),
					byLang(lang, past.Format("2006-01-02"), dateKo(past)), byLang(lang, ahead.Format("2006-01-02"), dateKo(ahead)))
				offered := r32Offered(r)
				if len(offered) != 1 {
					t.Fatalf("%q offers %q, want one line", tc.line, offered)
				}
				if !strings.Contains(offered[0], "2026") {
					t.Errorf("%q does not write the year", offered[0])
				}
				h.run(manager, offered[0], commands.OutcomeOK)
				if got := h.sqlStr(`SELECT as_of::text || '|' || status || '|' || count FROM entries WHERE voided_at IS NULL ORDER BY id DESC LIMIT 1`); got != tc.past+"|"+tc.status+"|"+tc.count {
					t.Errorf("%q typed back stored %q, want %s|%s|%s", offered[0], got, tc.past, tc.status, tc.count)
				}
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of >= '2026-02-01' OR voided_at IS NOT NULL`); n != 0 {
				t.Errorf("%d entries outside January or voided", n)
			}
			// A date with its year, or last month's, is read as typed, unasked.
			h.run(manager, "추가 청년 2 올해 1월 3일", commands.OutcomeOK)
			h.run(manager, "추가 청년 1 26. 1. 3.", commands.OutcomeOK)
			h.run(manager, "추가 청년 2 12월 30일", commands.OutcomeOK)
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = '2026-01-03'`); got != 2 {
				t.Errorf("%d entries of 2026-01-03 with a year typed, want 2", got)
			}
			// 현황 1월 is the January past, as before.
			st := h.run(manager, "현황 1월", commands.OutcomeOK).Text()
			want := h.sqlInt(`SELECT SUM(count) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of BETWEEN '2026-01-01' AND '2026-01-31'`)
			mustContain(t, st, byLang(lang, "2026", "2026년 1월"), strconv.FormatInt(want, 10))
			// The note reader reads 1/2 that day as the coming January too.
			h.run(manager, "추가 청년 3 메모:1/2 입사", commands.OutcomeRefused)
			// A note's day without a year names both days, as the date
			// field does; each line offered records as typed.
			for i, line := range []string{"추가 여성 3 메모:1월 2일 기준", "추가 여성 4 12월 31일 메모:1/2 현재"} {
				hn := r32At(t, lang, "2026-12-31")
				r := hn.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(lang, "2026-01-02", "2026. 1. 2."), byLang(lang, "2027-01-02", "2027. 1. 2."),
					byLang(lang, "has no year", "연도가 없어"))
				offered := r32Offered(r)
				if len(offered) != 2 || hn.sqlInt(`SELECT count(*) FROM entries`) != 0 {
					t.Fatalf("%q offers %q, want two lines and nothing written", line, offered)
				}
				// The two lines answer one question: each is typed back on
				// a ledger of its own.
				for j, o := range offered {
					ho := r32At(t, lang, "2026-12-31")
					ho.run(manager, o, commands.OutcomeOK)
					want := []string{"2026-01-02", "2026-12-31"}[j] + "|" + strconv.Itoa(3+i)
					if got := ho.sqlStr(`SELECT string_agg(as_of::text || '|' || count, ',') FROM entries WHERE voided_at IS NULL`); got != want {
						t.Errorf("%q typed back stored %q, want %q", o, got, want)
					}
				}
			}
		})
	}
	// In January, 12월 31일 stays last December's, unasked.
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := r32At(t, lang, "2027-01-04")
		h.run(manager, "추가 청년 3 12월 31일", commands.OutcomeOK)
		if got := h.sqlStr(`SELECT as_of::text FROM entries WHERE voided_at IS NULL`); got != "2026-12-31" {
			t.Errorf("12월 31일 on 2027-01-04 stored %q, want 2026-12-31", got)
		}
	}
}

// dateKo is a day as Korean replies write it: 2026. 1. 2.
func dateKo(d time.Time) string { return d.Format("2006. 1. 2.") }
