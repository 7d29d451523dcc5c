package commands_test

import (
	"context"
	"fmt"
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

// voidedOfYearSQL sums the jobs of realised entries dated in year voided on or
// after since, straight from the entries.
func (h *harness) voidedOfYearSQL(year int, since string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(count), 0) FROM entries
		WHERE voided_at >= $2::timestamptz AND status = 'realised' AND extract(year FROM as_of) = $1`, year, since)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Review r25 F12: `목록 무효` in January 2027 listed a void made that month
// of an entry dated 2026 as 2027's, "일자리 30개 제외", as if 2027's figure
// had fallen. Since review r28 F7 a year's list is of the voids of that
// year's entries, whenever made, and the title says so: the 2026 void is in
// 2026's list, 2027's list holds only the 2027 entry's void.
func TestR25VoidListNamesTheEntriesYear(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, 12, 21, 3, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, "add 30 senior date:2026-12-20", commands.OutcomeOK)
		h.run(manager, "add 10 youth date:2026-12-20", commands.OutcomeOK)
		now = time.Date(2027, 1, 5, 3, 0, 0, 0, time.UTC)
		h.run(manager, "add 5 women date:2027-01-02", commands.OutcomeOK)
		h.run(manager, "void 1 duplicate", commands.OutcomeOK)
		h.run(manager, "void 3 typo", commands.OutcomeOK)
		cur := h.run("U1", "list voided", commands.OutcomeOK).Text()
		past := h.run("U1", "list voided 2026", commands.OutcomeOK).Text()
		old, this := formatCount(h.voidedOfYearSQL(2026, "2026-01-01")), formatCount(h.voidedOfYearSQL(2027, "2026-01-01"))
		mustContain(t, cur, byLang(lang, "Voided entries dated in 2027 (whenever voided): 1 entry, "+this+" jobs taken out",
			"2027년 무효 처리 실적(기준일 기준): 1건, 일자리 "+this+"개 제외"))
		mustContain(t, past, byLang(lang, "Voided entries dated in 2026 (whenever voided): 1 entry, "+old+" jobs taken out",
			"2026년 무효 처리 실적(기준일 기준): 1건, 일자리 "+old+"개 제외"), "#1 ·")
		if contains(cur, "#1 ·") {
			t.Errorf("%s: 2027's list holds the 2026 entry #1:\n%s", lang, cur)
		}
	}
}

// Review r25 F15: voiding a 정정's replacement that a later 누계 report
// already counts said "80개가 모두 줄어 300개가 되었습니다" though the total
// stayed 300; a plain void a later report takes up said nothing of the
// total. Each reply says what happened to the total, which equals a SUM.
func TestR25VoidReplySaysWhatTheTotalDid(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, line := range []string{
			"add 90 youth date:2026-11-10",
			"correct 1 80 typo",
			"add 300 youth cumulative date:2026-11-20",
			"add 50 senior date:2026-11-10",
			"add 120 senior cumulative date:2026-11-15",
			"add 200 senior cumulative date:2026-11-25",
			"add 40 women date:2026-11-10",
			"add 30 women date:2026-11-12",
			"add 100 women cumulative date:2026-11-20",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		year := func(code string) string {
			return formatCount(h.sumSQL(code, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)))
		}
		youthBefore := year("youth")
		r := h.run(manager, "void 2 wrong correction", commands.OutcomeOK).Text()
		if year("youth") != youthBefore {
			t.Fatalf("%s: the youth total moved from %s to %s", lang, youthBefore, year("youth"))
		}
		// The 정정's void says how much of it a later 누계 counted (the
		// chain branch's wording, review r23 B4): all of it here.
		kept := map[commands.Lang]string{commands.Korean: "80개는 모두 이후 누계 보고가 이미 센 수여서 그 누계가 그대로 남고, 청년일자리 2026년 누계는 " + year("youth") + "개 그대로입니다",
			commands.English: "total stays " + year("youth")}[lang]
		mustContain(t, r, kept)
		if strings.Contains(r, "모두 줄어") || strings.Contains(r, "dropped by the whole") {
			t.Errorf("%s: the reply says the total fell:\n%s", lang, r)
		}
		r = h.run(manager, "void 5 typo", commands.OutcomeOK).Text()
		mustContain(t, r, map[commands.Lang]string{commands.Korean: "노인 일자리 2026년 누계는 줄지 않고 " + year("senior") + "개 그대로입니다",
			commands.English: "total for 2026 stays " + year("senior")}[lang])
		// A plain delta the later 누계 (100) covers: its increment rises
		// from 30 to 60 and the total stays.
		r = h.run(manager, "void 8 typo", commands.OutcomeOK).Text()
		mustContain(t, r, map[commands.Lang]string{commands.Korean: "여성 일자리 2026년 누계는 줄지 않고 " + year("women") + "개 그대로입니다",
			commands.English: "total for 2026 stays " + year("women")}[lang])
	}
}

// Review r23 M3: 약정 300여 with 300 hired is not "이행률 100%": 300여 says
// more than 300, so the line says about 100% and that the exact rate may
// be lower (review r32 F4: not "100% 이하"). An exact agreement keeps
// its plain rate. The figures are the ledger's.
func TestR23ApproximateAgreementRateIsAnUpperBound(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "add 300여 senior status:agreed date:2026-10-01", commands.OutcomeOK)
		h.run(manager, "add 200 invest status:agreed date:2026-10-01", commands.OutcomeOK)
		h.run(manager, "hire 1 300 2026-11-10", commands.OutcomeOK)
		h.run(manager, "hire 2 100 2026-11-10", commands.OutcomeOK)
		agreed := func(code string) int64 {
			return h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
				WHERE e.voided_at IS NULL AND e.status = 'agreed' AND p.code = '` + code + `'`)
		}
		hired := func(code string) int64 {
			return h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
				WHERE e.voided_at IS NULL AND e.status = 'realised' AND p.code = '` + code + `'`)
		}
		sa, sh, ia, ih := agreed("senior"), hired("senior"), agreed("invest"), hired("invest")
		want := []string{
			fmt.Sprintf("노인 일자리: 약정 %s여개 · 채용 %s개 · 이행률 약 %d%%(약정이 어림수여서 실제 이행률은 이보다 낮을 수 있음)", formatCount(sa), formatCount(sh), sh*100/sa),
			fmt.Sprintf("기업 및 투자유치: 약정 %s개 · 채용 %s개 · 이행률 %d%%", formatCount(ia), formatCount(ih), ih*100/ia),
		}
		if lang == commands.English {
			want = []string{
				fmt.Sprintf("agreed about %s · hired %s · about %d%% (the agreement is approximate, so the exact rate may be lower)", formatCount(sa), formatCount(sh), sh*100/sa),
				fmt.Sprintf("agreed %s · hired %s · %d%%", formatCount(ia), formatCount(ih), ih*100/ia),
			}
		}
		for _, line := range []string{"status", "report"} {
			text := h.run("U1", line, commands.OutcomeOK).Text()
			mustContain(t, text, want...)
			if strings.Contains(text, "이행률 100%\n") || strings.Contains(text, "· 100%\n") {
				t.Errorf("%s %q: an approximate agreement reads as 100%% done:\n%s", lang, line, text)
			}
		}
	}
}

// Review r23 M4: a hire of exactly what a later 누계 added was refused with
// "증가분이 100개뿐" (only 100), which reads as less than the hire. The
// question and the refusal say the increase is as large as the hire and what
// to do if it is this hire; nothing is written.
func TestR23HireEqualToTheReportsIncreaseIsNotOnly(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "add 300 invest status:agreed date:2026-10-01", commands.OutcomeOK)
		h.run(manager, "add 100 invest cumulative date:2026-11-20", commands.OutcomeOK)
		before := h.yearTotal()
		inc := formatCount(h.sqlInt(`SELECT count FROM entries WHERE id = 2`))
		q := h.run(manager, "hire 1 100 2026-11-10", commands.OutcomeRefused).Text()
		r := h.run(manager, "hire 1 100 2026-11-10 within:yes", commands.OutcomeRefused).Text()
		if h.yearTotal() != before {
			t.Fatalf("%s: the ledger moved from %d to %d", lang, before, h.yearTotal())
		}
		for _, text := range []string{q, r} {
			if strings.Contains(text, "뿐") || strings.Contains(text, "added only") {
				t.Errorf("%s: the reply says the increase is less than the hire:\n%s", lang, text)
			}
			want := map[commands.Lang]string{commands.Korean: "증가분이 이 채용과 같은 " + inc + "개라서", commands.English: "added " + inc + ", as many as this hire"}[lang]
			mustContain(t, text, want, map[commands.Lang]string{commands.Korean: "`무효 2 <사유>`", commands.English: "`void 2 <reason>`"}[lang])
		}
	}
}

// Review r22 F27 / r24 F23: `현황 1~12월` typed on 2027-01-05 read as 2027,
// five days old and empty. In the range's first month, a yearless range
// that has begun but is mostly ahead means the year just ended, as `현황
// 3분기` in January offers last year's; `2027년 1~12월` still reads 2027.
func TestR22WholeYearRangeInJanuaryIsTheYearJustEnded(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, 12, 21, 3, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, "add 20 youth date:2026-11-10", commands.OutcomeOK)
		h.run(manager, "add 7 senior date:2026-12-18", commands.OutcomeOK)
		now = time.Date(2027, 1, 5, 3, 0, 0, 0, time.UTC)
		h.run(manager, "add 3 women date:2027-01-04", commands.OutcomeOK)
		last := formatCount(h.sumSQL("", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)))
		jan := formatCount(h.sumSQL("", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
		this := formatCount(h.sumSQL("", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)))
		cases := map[commands.Lang][][2]string{
			commands.Korean: {
				{"현황 1~12월", "일자리 현황 · 2026년 (2026. 12. 31. 기준)\n누계 " + last + "개"},
				{"현황 1~11월", "2026년 1~11월 실적 " + jan + "개"},
				{"현황 2027년 1~12월", "일자리 현황 · 2027년 (2027. 1. 5. 기준)\n누계 " + this + "개"},
			},
			commands.English: {
				{"status 1~12월", "2026 (as of 2026-12-31)"},
				{"status 1~12월", "Total: " + last},
				{"status 2027년 1~12월", "Jobs status · 2027 (as of 2027-01-05)\nTotal: " + this},
			},
		}
		for _, c := range cases[lang] {
			mustContain(t, h.run("U1", c[0], commands.OutcomeOK).Text(), c[1])
		}
	}
}

// Review r22 F37: in January 2027, 약정 이행 said "약정 50개 · 채용 0개" while
// 100 jobs were hired that month from a 2026 agreement. The year's hires of
// earlier agreements get their own line, labelled by the agreement's year;
// the figures are the ledger's.
func TestR22HiresOfLastYearsAgreementsAreLabelled(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, "add 300 invest status:agreed date:2026-11-10", commands.OutcomeOK)
		now = time.Date(2027, 1, 5, 3, 0, 0, 0, time.UTC)
		h.run(manager, "hire 1 100 2027-01-04", commands.OutcomeOK)
		h.run(manager, "add 50 invest status:agreed date:2027-01-03", commands.OutcomeOK)
		earlier := formatCount(h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM agreement_hires x
			JOIN entries e ON e.id = x.hire_entry_id AND e.voided_at IS NULL AND e.as_of >= '2027-01-01'
			JOIN entries a ON a.id = x.agreement_entry_id AND a.as_of < '2027-01-01'`))
		agreed := formatCount(h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE status = 'agreed' AND voided_at IS NULL AND as_of >= '2027-01-01'`))
		want := map[commands.Lang][]string{
			commands.Korean: {"기업 및 투자유치: 약정 " + agreed + "개 · 채용 0개 · 이행률 0%",
				"기업 및 투자유치: 2027년 이전 약정에서 이 기간에 채용 " + earlier + "개(이 기간 실적에 포함"},
			commands.English: {"agreed " + agreed + " · hired 0 · 0%",
				": " + earlier + " hired in this period from agreements made before 2027"},
		}[lang]
		for _, line := range []string{"status", "report"} {
			mustContain(t, h.run("U1", line, commands.OutcomeOK).Text(), want...)
		}
	}
}

// Review r24 F15: the digest of 2026-12-28 … 2027-01-03 (ISO 2026-W53)
// gave "이번 주 32개" with 2027's jobs inside and no word of it, read as
// 2026's. The week's figure is split by calendar year, each part equal to
// a SUM over its own days, and the line names the ISO rule.
func TestR24WeekAcrossTheYearIsSplit(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, 12, 31, 3, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, "add 20 youth date:2026-12-28", commands.OutcomeOK)
		h.run(manager, "add 7 senior date:2026-12-30", commands.OutcomeOK)
		now = time.Date(2027, 1, 4, 3, 0, 0, 0, time.UTC)
		h.run(manager, "add 5 women date:2027-01-02", commands.OutcomeOK)
		day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
		week := formatCount(h.sumSQL("", day(2026, 12, 28), day(2027, 1, 3)))
		old := formatCount(h.sumSQL("", day(2026, 12, 28), day(2026, 12, 31)))
		cur := formatCount(h.sumSQL("", day(2027, 1, 1), day(2027, 1, 3)))
		want := map[commands.Lang]string{
			commands.Korean: "해가 바뀌는 주입니다. 이번 주 " + week + "개 가운데 2026년 날짜(2026. 12. 28. ~ 2026. 12. 31.)는 " + old +
				"개, 2027년 날짜(2027. 1. 1. ~ 2027. 1. 3.)는 " + cur + "개입니다. 각 해의 누계에는 그 해 날짜의 실적만 들어갑니다. 주차(2026년 53주차)는 ISO 기준(목요일이 든 해)을 따르며",
			commands.English: "of its " + week + ", " + old + " are dated in 2026 (2026-12-28 – 2026-12-31) and " + cur + " in 2027 (2027-01-01 – 2027-01-03)",
		}[lang]
		mustContain(t, h.run(manager, "digest", commands.OutcomeOK).Text(), want)
	}
}

// employmentSQL sums the live realised jobs of one employment type.
func (h *harness) employmentSQL(etype string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND employment_type = $1`, etype)
}

// Review r24 F21: an exact 상용 100 beside `누계 200여 고용형태:일용` showed
// 상용 100여: the report's 여 falls on its own type's increment, not on
// another type's exact jobs. Status and the report by type agree with SQL.
func TestR24EmploymentBreakdownKeepsExactPartsExact(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "add 100 youth date:2026-11-10 type:regular", commands.OutcomeOK)
		h.run(manager, "add 200여 youth cumulative date:2026-11-20 type:daily confirm:yes", commands.OutcomeOK)
		reg, daily := formatCount(h.employmentSQL("regular")), formatCount(h.employmentSQL("daily"))
		status := map[commands.Lang]string{commands.Korean: "상용 " + reg + "개 · 일용 " + daily + "여개",
			commands.English: "regular " + reg + " · daily about " + daily}[lang]
		mustContain(t, h.run("U1", "status", commands.OutcomeOK).Text(), status)
		text := h.run("U1", "report by:type", commands.OutcomeOK).Text()
		regular := map[commands.Lang]string{commands.Korean: "상용", commands.English: "regular"}[lang]
		var rows [][]string
		for _, line := range strings.Split(text, "\n") {
			if f := strings.Fields(line); len(f) > 1 && f[0] == regular {
				rows = append(rows, f[1:])
			}
		}
		if len(rows) < 3 {
			t.Fatalf("%s: no 상용 rows in\n%s", lang, text)
		}
		// November's cell of the second half and the 누계 of the summary.
		if got := rows[1][4]; got != reg {
			t.Errorf("%s: 상용 November %q, want %q\n%s", lang, got, reg, text)
		}
		if got := rows[2][1]; got != reg {
			t.Errorf("%s: 상용 누계 %q, want %q\n%s", lang, got, reg, text)
		}
	}
}

// Review r24 F22: a 채용 dated in the future was refused with "오늘이나 그
// 이전 날짜를 쓰세요", which offers days before the agreement, and one dated
// before the agreement offered no day at all. Both name the span from the
// agreement's date to today; nothing is written.
func TestR24HireRefusalOffersOnlyDaysAfterTheAgreement(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang) // today 2026-11-26
		h.run(manager, "add 300 invest status:agreed date:2026-11-20", commands.OutcomeOK)
		span := map[commands.Lang]string{commands.Korean: "약정 #1의 기준일(2026. 11. 20.)부터 오늘(2026. 11. 26.)까지로 쓰세요",
			commands.English: "between agreement #1's date (2026-11-20) and today (2026-11-26)"}[lang]
		future := h.run(manager, "hire 1 50 2026-12-10", commands.OutcomeRefused).Text()
		mustContain(t, future, span)
		if strings.Contains(future, "오늘이나 그 이전") || strings.Contains(future, "or an earlier one") {
			t.Errorf("%s: the refusal offers any earlier day:\n%s", lang, future)
		}
		before := h.run(manager, "hire 1 50 2026-11-10", commands.OutcomeRefused).Text()
		mustContain(t, before, map[commands.Lang]string{commands.Korean: "채용 날짜는 2026. 11. 20.부터 오늘(2026. 11. 26.)까지로 쓰세요",
			commands.English: "Date it between 2026-11-20 and today (2026-11-26)"}[lang])
		if n := h.sqlInt(`SELECT count(*) FROM entries WHERE status = 'realised'`); n != 0 {
			t.Errorf("%s: %d hires written", lang, n)
		}
	}
}
