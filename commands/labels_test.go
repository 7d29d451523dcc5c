package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// voidedSQL sums the jobs of entries voided in 2026, by status.
func (h *harness) voidedSQL(status string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(count), 0) FROM entries
		WHERE voided_at IS NOT NULL AND status = $1`, status)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// 누계 is the year to date through a date and nothing else: a quarter's
// figure is that quarter's 실적, and a program's figure in a period view is
// compared with its annual target as 연간 목표의 N%.
func TestEveryFigureSaysWhatItIs(t *testing.T) {
	t.Parallel()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run(manager, "target 2400 program:invest", commands.OutcomeOK)
		h.run("U1", "add 2,000 invest date:2026-03-31", commands.OutcomeOK)
		h.run("U1", "add 1,480 invest date:2026-05-31", commands.OutcomeOK)
		quarter := h.sumSQL("", day(4, 1), day(6, 30))
		ytd := h.sumSQL("", day(1, 1), day(11, 26))
		if quarter != 1480 || ytd != 3480 {
			t.Fatalf("ledger: quarter %d, year %d", quarter, ytd)
		}
		text := h.run("U1", "status q2 private", commands.OutcomeOK).Text()
		want := map[commands.Lang][]string{
			commands.English: {"Total in 2026 Q2: 1,480", "1,480 (61% of the year's 2,400 target)"},
			commands.Korean:  {"2026년 2분기 실적 1,480개", "1,480개 (연간 목표 2,400개의 61%)"},
		}[lang]
		mustContain(t, text, want...)
		for _, wrong := range []string{"누계", "Total: "} {
			if strings.Contains(text, wrong) {
				t.Errorf("the quarter's figure is labelled %q:\n%s", wrong, text)
			}
		}
		// The year to date keeps 누계 and 달성률.
		text = h.run("U1", "status private", commands.OutcomeOK).Text()
		mustContain(t, text, map[commands.Lang]string{
			commands.English: "Total: 3,480",
			commands.Korean:  "누계 3,480개",
		}[lang], map[commands.Lang]string{
			commands.English: "3,480 of 2,400 (145%)",
			commands.Korean:  "3,480개 / 목표 2,400개(달성률 145%)",
		}[lang])
		// A month without a target of its own.
		text = h.run("U1", "status 2026-05", commands.OutcomeOK).Text()
		mustContain(t, text, map[commands.Lang]string{
			commands.English: "Total in 2026-05: " + formatCount(h.sumSQL("", day(5, 1), day(5, 31))),
			commands.Korean:  "2026년 5월 실적 " + formatCount(h.sumSQL("", day(5, 1), day(5, 31))) + "개",
		}[lang])
	}
}

// `list voided` counts voided jobs and voided agreements (약정) apart.
func TestListVoidedCountsJobsAndAgreementsApart(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run("U1", "add 300 invest date:2026-10-31", commands.OutcomeOK)
		h.run("U1", "add 120 invest status:agreed date:2026-10-31", commands.OutcomeOK)
		h.run("U1", "add 40 youth date:2026-10-31", commands.OutcomeOK)
		for _, id := range []string{"1", "2", "3"} {
			h.run("U1", "void "+id+" typed twice", commands.OutcomeOK)
		}
		jobs, agreed := h.voidedSQL("realised"), h.voidedSQL("agreed")
		text := h.run("U1", map[commands.Lang]string{commands.English: "list voided", commands.Korean: "목록 무효"}[lang], commands.OutcomeOK).Text()
		mustContain(t, text, map[commands.Lang]string{
			commands.English: "3 entries, " + formatCount(jobs) + " jobs and " + formatCount(agreed) + " agreed (MOU) jobs taken out",
			commands.Korean:  "3건, 채용 실적 " + formatCount(jobs) + "개 · 약정 " + formatCount(agreed) + "개 제외",
		}[lang])
	}
}

// The reply to an add echoes every field it recorded, and says how a word
// typed without a label was read.
func TestAddReplyEchoesEveryField(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang        commands.Lang
		line        string
		wants       []string
		status, emp string
	}{
		{commands.Korean, "추가 35 청년 채용 상용 날짜:4월말", []string{"구분: 채용 · 상용", "`채용`을 상태 ‘채용’으로, `상용`을 고용형태 ‘상용’으로 읽었습니다."}, "realised", "regular"},
		{commands.Korean, "추가 12 투자유치 약정", []string{"구분: 약정", "`약정`을 상태 ‘약정’으로 읽었습니다."}, "agreed", ""},
		{commands.Korean, "추가 5 청년 고용형태:일용", []string{"구분: 채용 · 일용"}, "realised", "daily"},
		{commands.English, "add 35 youth 채용 임시", []string{"Recorded as: realised · temporary", "Read `채용` as the status (realised) and `임시` as the employment type (temporary)"}, "realised", "temporary"},
		{commands.English, "add 5 youth type:regular", []string{"Recorded as: realised · regular"}, "realised", "regular"},
	} {
		h := newHarness(t, tt.lang)
		text := h.run("U1", tt.line, commands.OutcomeOK).Text()
		mustContain(t, text, tt.wants...)
		if !strings.Contains(tt.line, "채용") && !strings.Contains(tt.line, "약정") && !strings.Contains(tt.line, "임시") &&
			(strings.Contains(text, "읽었습니다") || strings.Contains(text, "Read `")) {
			t.Errorf("%q: labelled fields are reported as read from bare words:\n%s", tt.line, text)
		}
		if e := h.newestEntry(); e.Status != tt.status || e.Employment != tt.emp {
			t.Errorf("%q stored %+v", tt.line, e)
		}
	}
}
