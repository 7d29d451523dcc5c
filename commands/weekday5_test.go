package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r46 M2: `추가 7 여성 일자리 금요일 메모:어제 입사` typed on Friday
// 4 December offered lines keeping `메모:어제 입사`. Typed back on
// Saturday, 어제 named the 12. 4. line's own date and it recorded unasked,
// though the note meant 12. 3. Every line the weekday question offers
// (add, 채용), the year-last question's and the future-date refusal's write the note's day words as
// the days they name: typed back the same day or the next, the note still
// names 12. 3., so each line dated otherwise is asked the note-day
// question and nothing is recorded without a word; the year-last line
// dated 12. 3. records there (plain SQL SUMs by date).
func TestWeekday5OfferedLinesWriteNoteDayWords(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		for _, next := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/next=%v", lang, next), func(t *testing.T) {
				t.Parallel()
				h := r32At(t, lang, "2026-12-04")
				now := time.Date(2026, 12, 4, 1, 0, 0, 0, time.UTC)
				h.withClock(&now)
				hire := byLang(lang, "hire", "채용")
				h.run(manager, byLang(lang, "add senior 20 status:agreed date:2026-11-01", "추가 노인 20 상태:약정 날짜:2026. 11. 1."), commands.OutcomeOK)
				yesterday := byLang(lang, "yesterday", "어제")
				type lineCase struct {
					line, prefix string
					n            int
				}
				cases := []lineCase{
					{byLang(lang, "add 7 women friday note:hired yesterday", "추가 7 여성 일자리 금요일 메모:어제 입사"), byLang(lang, "add 7", "추가 7"), 2},
					{byLang(lang, "add 7 women 3/12/2026 note:hired yesterday", "추가 7 여성 일자리 3/12/2026 메모:어제 입사"), byLang(lang, "add 7", "추가 7"), 2},
					{hire + byLang(lang, " 1 3 Friday note:hired yesterday", " 1 3 금요일 메모:어제 입사"), hire + " 1 3", 2},
				}
				if lang == commands.Korean {
					// a date to come: the line dated today (r34a.delta_note's);
					// in English `interviewed 2026-12-03` would be read as the
					// figure's day, so lineNote keeps that word as typed
					cases = append(cases, lineCase{"추가 7 여성 일자리 날짜:2026. 12. 10. 메모:어제 면접", "추가 7", 1})
				}
				for _, tc := range cases {
					now = time.Date(2026, 12, 4, 1, 0, 0, 0, time.UTC)
					r := holds3Run(h, "U1", tc.line, commands.OutcomeRefused)
					offered := notes8Ticked(r, tc.prefix)
					if len(offered) != tc.n {
						t.Fatalf("%q: offered %q, want %d lines:\n%s", tc.line, offered, tc.n, r.Text())
					}
					for _, o := range offered {
						if strings.Contains(o, yesterday) {
							t.Fatalf("%q: offered %q keeps %q:\n%s", tc.line, o, yesterday, r.Text())
						}
						mustContain(t, o, byLang(lang, "2026-12-03", "2026. 12. 3."))
					}
					if next {
						now = now.AddDate(0, 0, 1)
					}
					for _, o := range offered {
						want := commands.OutcomeRefused // the note names 12. 3., not the line's date
						if strings.HasPrefix(o, byLang(lang, "add 7 women 2026-12-03", "추가 7 여성 일자리 2026. 12. 3.")) {
							want = commands.OutcomeOK // 3/12/2026 read day first: the note's own day
						}
						holds3Run(h, "U1", o, want)
					}
				}
				for day, want := range map[string]int64{"2026-11-27": 0, "2026-12-03": 7, "2026-12-04": 0, "2026-03-12": 0} {
					if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of = $1`, day); got != want {
						t.Fatalf("realised SQL SUM on %s: %d, want %d (nothing recorded unasked)", day, got, want)
					}
				}
			})
		}
	}
}
