package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// 실적 없음 declarations are listed in `목록`/`list` as their own lines
// (department, month, who, when, voided or live), narrowed by 부서: and
// the period as entries are, and left out of a list of one program.
func TestListShowsNothingReports(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                               commands.Lang
		list, none, void, heading, live    string
		voided, nothingOnly, octoberPeriod string
	}{
		{commands.Korean, "목록", "실적없음 %s 부서:노인복지과", "무효 %d 착오", "실적 없음 신고",
			"2026년 10월 · 노인복지과 · 실적 없음 · UMANAGER · 2026. 11. 26. 기록", "무효 #%d · 2026년 9월 · 노인복지과 · 실적 없음",
			"아래 부서가 실적 없음을 신고했습니다", "10월 1일 ~ 10월 31일"},
		{commands.English, "list", "none %s dept:노인복지과", "void %d mistake", "Nothing to report (실적 없음)",
			"October 2026 · 노인복지과 · nothing to report · UMANAGER · recorded 2026-11-26", "VOIDED #%d · September 2026 · 노인복지과 · nothing to report",
			"the departments below said they had nothing to report", "10/1 ~ 10/31"},
	} {
		h := newHarness(t, tc.lang)
		h.run(manager, "add 5 youth 11/2", commands.OutcomeOK)
		h.run(manager, fmt.Sprintf(tc.none, "2026-09"), commands.OutcomeOK)
		var sept int64
		if err := h.store.DB().GetContext(context.Background(), &sept, `SELECT id FROM nothing_reports WHERE month = '2026-09-01'`); err != nil {
			t.Fatal(err)
		}
		h.run(manager, fmt.Sprintf(tc.void, sept), commands.OutcomeOK)
		h.run(manager, fmt.Sprintf(tc.none, "2026-10"), commands.OutcomeOK)

		r := h.run(manager, tc.list, commands.OutcomeOK)
		mustContain(t, r.Text(), "#1 ", tc.heading, tc.live, fmt.Sprintf(tc.voided, sept))
		r = h.run(manager, tc.list+" "+tc.octoberPeriod, commands.OutcomeOK)
		mustContain(t, r.Text(), tc.nothingOnly, tc.live)
		if strings.Contains(r.Text(), "#1 ") || strings.Contains(r.Text(), fmt.Sprintf("#%d ", sept)) {
			t.Errorf("%s %s lists more than October:\n%s", tc.list, tc.octoberPeriod, r.Text())
		}
		r = h.run(manager, tc.list+" 11/1 ~ 11/30", commands.OutcomeOK)
		if strings.Contains(r.Text(), "노인복지과") {
			t.Errorf("November lists October's 실적 없음:\n%s", r.Text())
		}
		r = h.run(manager, tc.list+" dept:노인복지과", commands.OutcomeOK)
		mustContain(t, r.Text(), tc.live)
		r = h.run(manager, tc.list+" dept:일자리정책과", commands.OutcomeOK)
		if strings.Contains(r.Text(), "노인복지과") {
			t.Errorf("another department's list shows 노인복지과's 실적 없음:\n%s", r.Text())
		}
		r = h.run(manager, tc.list+" youth", commands.OutcomeOK)
		if strings.Contains(r.Text(), tc.heading) {
			t.Errorf("a program's list shows 실적 없음:\n%s", r.Text())
		}
	}
}
