package commands_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// Issue 19 §4, "every figure says what it is": the report's subtotal rates
// say what they divide, the digest headline carries 여 exactly when status
// does, departments that reported 실적 없음 are not listed as silent, and
// English writes an approximate figure as "about N". Every figure is compared
// with a plain SQL SUM over the entries.

// figureLedger is the ledger the tests share: a year's target, three
// program targets, programs of both sectors with and without a target, two
// approximate (여) reports, and a department's 실적 없음 for October.
func figureLedger(t *testing.T, lang commands.Lang) *harness {
	t.Helper()
	h := newHarness(t, lang)
	lines := map[commands.Lang][]string{
		commands.Korean: {
			"목표 2만1천", "목표 2400 사업:투자", "목표 7500 사업:취약계층", "목표 300 사업:청년",
			"추가 2400여 투자 10월말", "추가 6백여 고속철도변 10월말", "추가 180 청년 10월말",
			"추가 1700 사회적기업 10월말", "추가 7100 취약계층 10월말", "추가 55 청년 11/24",
			"실적 없음 10월 부서:여성가족과",
		},
		commands.English: {
			"target 21000", "target 2400 program:invest", "target 7500 program:vulnerable", "target 300 program:youth",
			"add 2400여 invest date:10월말", "add 6백여 rail date:10월말", "add 180 youth date:10월말",
			"add 1700 social date:10월말", "add 7100 vulnerable date:10월말", "add 55 youth date:11/24",
			"none 2026-10 dept:여성가족과",
		},
	}
	for _, line := range lines[lang] {
		h.run(manager, line, commands.OutcomeOK)
	}
	return h
}

// sectorSQL is a plain SUM of live realised 2026 entries of one sector's
// programs through asOf; targeted keeps only the given program codes.
func (h *harness) sectorSQL(sector string, asOf time.Time, codes ...string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL AND e.status = 'realised' AND p.sector = $1
		  AND (cardinality($2::text[]) = 0 OR p.code = ANY($2::text[]))
		  AND e.as_of BETWEEN '2026-01-01' AND $3::date`, sector, "{"+strings.Join(codes, ",")+"}", asOf.Format(time.DateOnly))
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// tableRow is the last line of a report table that starts with label.
func tableRow(t *testing.T, text, label string) []string {
	t.Helper()
	lines := strings.Split(text, "\n")
	for i := len(lines) - 1; i >= 0; i-- { // the last table: 누계 against 목표
		if strings.HasPrefix(lines[i], label+" ") {
			return strings.Fields(strings.TrimPrefix(lines[i], label))
		}
	}
	t.Fatalf("no row %q in:\n%s", label, text)
	return nil
}

func TestReportSubtotalRateSaysWhatItDivides(t *testing.T) {
	t.Parallel()
	today := dates.On(2026, time.November, 26)
	for _, tc := range []struct {
		lang                               commands.Lang
		line, pub, priv, unassigned, total string
		approx                             func(string) string
	}{
		{commands.Korean, "보고서", "공공 소계", "민간 소계", "미배분", "합계", func(n string) string { return n + "여" }},
		{commands.English, "report", "Public subtotal", "Private subtotal", "Unassigned", "Total", func(n string) string { return "about " + n }},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := figureLedger(t, tc.lang)
			r := h.run(manager, tc.line, commands.OutcomeOK)
			text := r.Text()
			f := numbers.Format
			// 공공: youth 300 and vulnerable 7,500 have targets; social has none.
			pub, pubTargeted := h.sectorSQL("public", today), h.sectorSQL("public", today, "youth", "vulnerable")
			priv, privTargeted := h.sectorSQL("private", today), h.sectorSQL("private", today, "invest")
			const pubTarget, privTarget, yearTarget = 7800, 2400, 21000
			pubRate := (pubTargeted*100 + pubTarget/2) / pubTarget
			privRate := (privTargeted*100 + privTarget/2) / privTarget
			// The rows: the rate is marked, since it is not 누계 ÷ 목표 of the row.
			if got, want := tableRow(t, text, tc.pub), []string{f(pubTarget), f(pub), fmtPct(pubRate) + "*"}; !slices3(got, want) {
				t.Errorf("%s row %v; want it to start %v", tc.pub, got, want)
			}
			if got, want := tableRow(t, text, tc.priv), strings.Fields(f(privTarget)+" "+tc.approx(f(priv))+" "+fmtPct(privRate)+"*"); !slices3(got, want) {
				t.Errorf("%s row %v; want it to start %v", tc.priv, got, want)
			}
			// The year's target is the programs' targets plus 미배분, by hand.
			if got := tableRow(t, text, tc.unassigned); len(got) != 1 || got[0] != f(yearTarget-pubTarget-privTarget) {
				t.Errorf("%s row %v; want %s", tc.unassigned, got, f(yearTarget-pubTarget-privTarget))
			}
			all := h.yearTotal()
			if got, want := tableRow(t, text, tc.total), strings.Fields(f(yearTarget)+" "+tc.approx(f(all))+" "+fmtPct((all*100+yearTarget/2)/yearTarget)); !slices3(got, want) {
				t.Errorf("%s row %v; want it to start %v", tc.total, got, want)
			}
			// The notes give the figures each marked rate divides.
			switch tc.lang {
			case commands.Korean:
				mustContain(t, text,
					"* 공공 소계 달성률 "+fmtPct(pubRate)+" = 목표가 있는 항목의 누계 "+f(pubTargeted)+"개 ÷ 그 목표의 합 "+f(pubTarget)+"개. 목표가 없는 항목의 "+f(pub-pubTargeted)+"개는 넣지 않았습니다.",
					"* 민간 소계 달성률 "+fmtPct(privRate)+" = 목표가 있는 항목의 누계 "+f(privTargeted)+"여개 ÷ 그 목표의 합 "+f(privTarget)+"개. 목표가 없는 항목의 "+f(priv-privTargeted)+"여개는 넣지 않았습니다.")
			default:
				mustContain(t, text,
					"* Public subtotal rate "+fmtPct(pubRate)+" = "+f(pubTargeted)+" (to date, rows with a target) ÷ "+f(pubTarget)+" (their targets); rows without a target ("+f(pub-pubTargeted)+") are left out.",
					"* Private subtotal rate "+fmtPct(privRate)+" = about "+f(privTargeted)+" (to date, rows with a target) ÷ "+f(privTarget)+" (their targets); rows without a target (about "+f(priv-privTargeted)+") are left out.")
			}
		})
	}
}

func fmtPct(n int64) string { return numbers.Format(n) + "%" }

// slices3 says whether got starts with want.
func slices3(got, want []string) bool {
	if len(got) < len(want) {
		return false
	}
	for i := range want {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}

// The digest's 연간 누계 carries 여 exactly when status's 누계 does: both
// come from the same function, and an exact report that clears 여 clears it
// in both.
func TestDigestHeadlineCarriesYeoLikeStatus(t *testing.T) {
	t.Parallel()
	weekEnd := dates.On(2026, time.November, 22)
	for _, tc := range []struct {
		lang                  commands.Lang
		status, digest, exact string
		statusFig, digestFig  func(n string, approx bool) string
	}{
		{commands.Korean, "현황", "주간보고", "추가 2400 투자 누계 10월말",
			func(n string, a bool) string { return "누계 " + n + yeo(a, "여") + "개 / 목표" },
			func(n string, a bool) string { return "기준) " + n + yeo(a, "여") + "개 / 목표" }},
		{commands.English, "status", "digest", "add 2400 invest cumulative date:10월말",
			func(n string, a bool) string { return "Total: " + yeo(a, "about ") + n + " of the" },
			func(n string, a bool) string { return "(2026-11-22): " + yeo(a, "about ") + n + " of the" }},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := figureLedger(t, tc.lang)
			for _, approx := range []bool{true, false} {
				if !approx {
					// 600여 of rail stays approximate; make it exact too.
					h.run(manager, tc.exact, commands.OutcomeOK)
					h.run(manager, strings.NewReplacer("2400", "600", "투자", "고속철도변", "invest", "rail").Replace(tc.exact), commands.OutcomeOK)
				}
				st := h.run(manager, tc.status, commands.OutcomeOK).Text()
				dg := h.run(manager, tc.digest, commands.OutcomeOK).Text()
				mustContain(t, st, tc.statusFig(numbers.Format(h.yearTotal()), approx))
				mustContain(t, dg, tc.digestFig(numbers.Format(h.sumSQL("", dates.On(2026, time.January, 1), weekEnd)), approx))
			}
		})
	}
}

func yeo(on bool, s string) string {
	if on {
		return s
	}
	return ""
}

// A department that reported 실적 없음 for the month is listed as having
// reported so, apart from the departments that did not report at all.
func TestDigestListsNothingReportsApartFromSilent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang               commands.Lang
		line, said, silent string
	}{
		{commands.Korean, "주간보고 2026-W44", "'실적 없음'으로 보고한 부서(미보고 아님): 여성가족과(2026년 10월)", "2주 이상 보고가 없는 부서: "},
		{commands.English, "digest 2026-W44", "Reported no jobs (실적 없음), not silent: 여성가족과 (October 2026)", "Silent for two weeks or more: "},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := figureLedger(t, tc.lang)
			text := h.run(manager, tc.line, commands.OutcomeOK).Text()
			mustContain(t, text, tc.said)
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(line, tc.silent) {
					if strings.Contains(line, "여성가족과") {
						t.Errorf("여성가족과 reported 실적 없음 but is listed as silent: %s", line)
					}
					if !strings.Contains(line, "장애인복지과") {
						t.Errorf("장애인복지과 never reported but is not listed as silent: %s", line)
					}
				}
			}
		})
	}
}

// English writes an approximate figure as "about N" wherever a figure is
// shown (status headline, program lines, digest, report); Korean keeps N여.
func TestApproximateFigureReadsAboutInEnglish(t *testing.T) {
	t.Parallel()
	yeoAfterDigit := regexp.MustCompile(`[0-9]여`)
	en := figureLedger(t, commands.English)
	invest := numbers.Format(en.sumSQL("invest", dates.On(2026, time.January, 1), dates.On(2026, time.November, 26)))
	total := numbers.Format(en.yearTotal())
	want := map[string][]string{
		"status":          {"Total: about " + total + " of the 21,000 target", "Private: about " + invest + " of 2,400 (100%)"},
		"status invest":   {"about " + invest},
		"digest":          {"about " + numbers.Format(en.sumSQL("", dates.On(2026, time.January, 1), dates.On(2026, time.November, 22)))},
		"digest 2026-W44": {"Private: about " + invest + " (week before 0, about +" + invest + ")"},
		"report":          {"about " + total, `"about" marks a figure that includes approximate reports.`},
	}
	for line, wants := range want {
		text := en.run(manager, line, commands.OutcomeOK).Text()
		mustContain(t, text, wants...)
		if yeoAfterDigit.MatchString(text) {
			t.Errorf("%q in English writes 여 after a number:\n%s", line, text)
		}
	}
	ko := figureLedger(t, commands.Korean)
	mustContain(t, ko.run(manager, "현황", commands.OutcomeOK).Text(), "누계 "+total+"여개 / 목표 21,000개", "민간: "+invest+"여개 / 목표 2,400개")
	mustContain(t, ko.run(manager, "보고서", commands.OutcomeOK).Text(), total+"여")
}
