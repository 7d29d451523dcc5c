package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r39 F15: last year's jobs all sat in a 2025-12-31 누계 report, so
// 전년 동기 through 12-14 read "0개 · 증감 +22개" — a director read this year
// as far ahead when it was behind (22 against 30). When a 누계 report dated
// after the window covers a span starting inside it, the same-span figure
// is not comparable and 현황 says so, naming the report.
func TestLabels19StatusLastYearLumpedInLaterCumulative(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-14")
			h.run(manager, byLang(lang, "add disabled cumulative 30 date:2025-12-31 confirm:yes", "추가 장애인 누계 30 작년말"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add disabled 22 date:2026-11-20", "추가 장애인 22 날짜:11/20"), commands.OutcomeOK)
			id := h.sqlInt(`SELECT id FROM entries WHERE as_of = '2025-12-31'`)
			if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised' AND as_of BETWEEN '2025-01-01' AND '2025-12-31'`); got != 30 {
				t.Fatalf("2025 sums to %d; want 30", got)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised' AND as_of BETWEEN '2025-01-01' AND '2025-12-14'`); got != 0 {
				t.Fatalf("2025 through 12-14 sums to %d; want 0", got)
			}
			now := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised' AND as_of BETWEEN '2026-01-01' AND '2026-12-14'`)
			for _, line := range []string{byLang(lang, "status disabled", "현황 장애인"), byLang(lang, "status", "현황")} {
				text := h.run(manager, line, commands.OutcomeOK).Text()
				for _, l := range strings.Split(text, "\n") {
					if strings.Contains(l, "#"+itoa(id)) {
						t.Logf("%s: %s", line, l)
					}
				}
				for _, bad := range []string{"0개 · 증감 +22개", "증감 +22", "0 · change +22", "change +22"} {
					if strings.Contains(text, bad) {
						t.Errorf("%s: a bare comparison %q against a year lumped into #%d:\n%s", line, bad, id, text)
					}
				}
				mustContain(t, text, byLang(lang, "#"+itoa(id), "#"+itoa(id)),
					byLang(lang, "not comparable", "비교할 수 없습니다"),
					byLang(lang, "2025-12-31", "2025. 12. 31."),
					byLang(lang, itoa(now), itoa(now)+"개"))
			}
			// Another program's jobs dated inside the window: the figure is
			// shown, but still not as a comparison.
			h.run(manager, byLang(lang, "add youth 5 date:2025-06-10 confirm:yes", "추가 청년 5 날짜:2025-06-10 확인:예"), commands.OutcomeOK)
			before := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised' AND as_of BETWEEN '2025-01-01' AND '2025-12-14'`)
			text := h.run(manager, byLang(lang, "status", "현황"), commands.OutcomeOK).Text()
			mustContain(t, text, byLang(lang, "Same span last year (2025-01-01 – 2025-12-14): "+itoa(before)+", but not comparable. Part of 2025's jobs sit in the 누계 report #"+itoa(id),
				"전년 동기(2025. 1. 1. ~ 2025. 12. 14.) "+itoa(before)+"개: 다만 2025년 실적 일부가 2025. 12. 31. 기준 누계 보고(#"+itoa(id)))
			if strings.Contains(text, byLang(lang, "change +", "증감 +")) {
				t.Errorf("a change against a lumped year:\n%s", text)
			}
			// A window after the lump is compared as before: 2025 in full.
			text = h.run(manager, byLang(lang, "status last year", "현황 작년"), commands.OutcomeOK).Text()
			if strings.Contains(text, byLang(lang, "not comparable", "비교할 수 없습니다")) {
				t.Errorf("last year as a whole holds its own 누계 report; nothing to refuse:\n%s", text)
			}
		})
	}
}
