package commands_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// reportRowCells returns the cells after the label of the first line of
// text's monthly table that starts with label.
func reportRowCells(t *testing.T, text, label string) []string {
	t.Helper()
	split := regexp.MustCompile(`\s{2,}`)
	for _, line := range strings.Split(text, "\n") {
		if f := split.Split(line, -1); len(f) > 1 && strings.HasPrefix(f[0], label) {
			return f[1:]
		}
	}
	t.Fatalf("no row %q in\n%s", label, text)
	return nil
}

// Review r25 F9: a month's figure keeps the 여 it was reported with. After
// `3월말 누계 400여` and an exact `5월말 누계 1,250`, March stays 400여 in
// every later report (the month's view), while the 누계 is exact and a note
// says why the two differ; an exact January before a 500여 May stays exact.
func TestR25ReportMonthKeepsItsApproximate(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, line := range []string{
			"target 10000",
			"add 400여 youth cumulative date:2026-03-31",
			"add 1250 youth cumulative date:2026-05-31",
			"add 100 senior cumulative date:2026-01-31",
			"add 500여 senior cumulative date:2026-05-31",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		youth, senior, note := "청년일자리", "노인 일자리", "월별 칸의 '여'는 그 달 기준으로 어림수로 보고된 실적입니다"
		if lang == commands.English {
			youth, senior, note = "Youth jobs", "Jobs for seniors", "A month marked \"about\" was reported as approximate as of that month"
		}
		month := func(m int) (time.Time, time.Time) {
			first := time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			return first, first.AddDate(0, 1, -1)
		}
		for _, asOf := range []string{"2026-05-31", "2026-03-31"} {
			text := h.run("U1", "report "+asOf, commands.OutcomeOK).Text()
			y := reportRowCells(t, text, youth)
			marchFrom, marchTo := month(3)
			if want := approxFig(lang, formatCount(h.sumSQL("youth", marchFrom, marchTo))); strings.TrimSuffix(y[2], "※") != want {
				t.Errorf("%s report %s: youth March %q, want %q\n%s", lang, asOf, y[2], want, text)
			}
			if asOf != "2026-05-31" {
				continue
			}
			mayFrom, mayTo := month(5)
			if want := formatCount(h.sumSQL("youth", mayFrom, mayTo)); strings.TrimSuffix(y[4], "※") != want {
				t.Errorf("%s: youth May %q, want %q (the exact report's increment)", lang, y[4], want)
			}
			s := reportRowCells(t, text, senior)
			janFrom, janTo := month(1)
			if want := formatCount(h.sumSQL("senior", janFrom, janTo)); strings.TrimSuffix(s[0], "※") != want {
				t.Errorf("%s: senior January %q, want %q (reported exact as of January)", lang, s[0], want)
			}
			if want := approxFig(lang, formatCount(h.sumSQL("senior", mayFrom, mayTo))); strings.TrimSuffix(s[4], "※") != want {
				t.Errorf("%s: senior May %q, want %q", lang, s[4], want)
			}
			// The youth 누계 is exact: the last two 2+-space fields of its
			// summary line are 전년 동기 and 증감; the 누계 is in between.
			ytd := formatCount(h.sumSQL("youth", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), mayTo))
			var summary []string
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(line, youth) {
					summary = strings.Fields(strings.TrimPrefix(line, youth))
				}
			}
			if !strings.Contains(strings.Join(summary, " "), " "+ytd+" ") && !strings.HasPrefix(strings.Join(summary, " "), ytd+" ") {
				t.Errorf("%s: youth 누계 line %q lacks the exact %s", lang, summary, ytd)
			}
			mustContain(t, text, note)
		}
	}
}
