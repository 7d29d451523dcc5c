package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/numbers"
)

// Review r22 F10/F23: the press line wrote exact small figures rounded
// down with 여 (15 → 10여개, 119 → 110여개) and "목표 대비 0%의 성과를
// 올렸다". Exact figures under 1,000 are written exactly, an approximate
// ledger figure keeps its 여, and a rate under 1% is left out.
func TestK59PressSmallFiguresExact(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, line := range []string{
			"add 12 disabled date:2026-11-02", "add 5 youth date:2026-11-03",
			"add 2 women date:2026-11-04", "add 100 invest date:2026-11-05", "target 21000",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		through := "e.as_of BETWEEN '2026-01-01' AND '2026-11-25' AND p.unit <> '회'"
		total := h.sum(through)
		public := h.sum(through + " AND p.sector = 'public'")
		text := h.run(manager, "press 2026-11-25", commands.OutcomeOK).Text()
		if lang == commands.Korean {
			mustContain(t, text, fmt.Sprintf("공공부문 %d개, 민간부문 100개 등 총 %d개의 일자리를 창출했다.", public, total),
				"△장애인 일자리 12개")
		} else {
			mustContain(t, text, fmt.Sprintf("it had created %d jobs: %d in the public sector", total, public))
		}
		lead, _, _ := strings.Cut(text, "\n\n") // the rule line below names 여 and "more than"
		if total != 119 || public != 19 || strings.Contains(lead, "0%") || strings.Contains(lead, "여개") || strings.Contains(lead, "more than") {
			t.Errorf("SQL %d/%d; the press line must write 119 and 19 exactly, with no 0%% rate:\n%s", total, public, text)
		}
		for _, line := range []string{
			"add 41 disabled date:2026-11-06 confirm:yes", "add 213 women date:2026-11-07 confirm:yes",
			"add 15 rail date:2026-11-08 confirm:yes", "add 30여 youth date:2026-11-09 confirm:yes", "add 1250 senior date:2026-11-10 confirm:yes",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		total = h.sum(through)
		disabled := h.sum(through + " AND p.code = 'disabled'")
		women := h.sum(through + " AND p.code = 'women'")
		rail := h.sum(through + " AND p.code = 'rail'")
		youth := h.sum(through + " AND p.code = 'youth'")
		senior := h.sum(through + " AND p.code = 'senior'")
		text = h.run(manager, "press 2026-11-25", commands.OutcomeOK).Text()
		if lang == commands.Korean {
			mustContain(t, text,
				fmt.Sprintf("△장애인 일자리 %d개", disabled), fmt.Sprintf("△여성 일자리 %d개", women),
				fmt.Sprintf("△고속철도변 정비사업 %d개", rail), fmt.Sprintf("△청년일자리 %d여개", youth),
				fmt.Sprintf("△노인 일자리 %s여개", numbers.Format(senior/100*100)),
				fmt.Sprintf("목표 대비 %d%%의 성과를 올렸다", total*100/21000))
		} else {
			mustContain(t, text, fmt.Sprintf("△ Jobs for disabled people %d", disabled), fmt.Sprintf("△ Youth jobs more than %d", youth),
				fmt.Sprintf("△ Rail-side redevelopment %d", rail))
		}
		if disabled != 53 || women != 215 || rail != 15 || youth != 35 || senior != 1250 {
			t.Errorf("SQL sums %d %d %d %d %d", disabled, women, rail, youth, senior)
		}
	}
}

// Review r22 F6/F19: in a view of a month or a year, "this week" counted
// the week's days before the view began (11/30 in a December view on
// 12/1; 12/28~31 in a 2027 view on 1/2). It counts only days inside the
// view, labelled from the view's first day, compared with SQL sums.
func TestK59ThisWeekClippedToTheView(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, time.November, 30, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, "add 100 senior date:2026-11-30", commands.OutcomeOK)
		now = time.Date(2026, time.December, 1, 1, 0, 0, 0, time.UTC) // Tuesday; the week began 11/30
		h.run(manager, "add 8 youth date:2026-12-01", commands.OutcomeOK)
		month := "e.as_of BETWEEN '2026-12-01' AND '2026-12-01' AND p.unit <> '회'"
		week := h.sum(month) // the week clipped to December: 12/1 only
		whole := h.sum("e.as_of BETWEEN '2026-11-30' AND '2026-12-01' AND p.unit <> '회'")
		text := h.run(manager, map[commands.Lang]string{commands.Korean: "현황 이번달", commands.English: "status this month"}[lang], commands.OutcomeOK).Text()
		if lang == commands.Korean {
			mustContain(t, text, fmt.Sprintf("이번 주(12. 1.~) %d개 · 이번 달 %d개", week, week))
		} else {
			mustContain(t, text, fmt.Sprintf("This week (from 1 Dec) %d · This month %d", week, week))
		}
		if week != 8 || whole != 108 || strings.Contains(text, "+100") || strings.Contains(text, "108") {
			t.Errorf("SQL week in December %d (whole week %d): November's 100 must not show in a December view:\n%s", week, whole, text)
		}
		// The week's own view and the year view still count the whole week.
		mustContain(t, h.run(manager, map[commands.Lang]string{commands.Korean: "현황", commands.English: "status"}[lang], commands.OutcomeOK).Text(),
			map[commands.Lang]string{commands.Korean: fmt.Sprintf("이번 주 %d개", whole), commands.English: fmt.Sprintf("This week %d", whole)}[lang])

		now = time.Date(2026, time.December, 29, 1, 0, 0, 0, time.UTC)
		h.run(manager, "add 31 senior date:2026-12-29 confirm:yes", commands.OutcomeOK)
		now = time.Date(2027, time.January, 2, 1, 0, 0, 0, time.UTC) // Saturday; the week began 12/28
		h.run(manager, "add 5 youth date:2027-01-02 confirm:yes", commands.OutcomeOK)
		year := h.sum("e.as_of BETWEEN '2027-01-01' AND '2027-01-02' AND p.unit <> '회'")
		text = h.run(manager, map[commands.Lang]string{commands.Korean: "현황", commands.English: "status"}[lang], commands.OutcomeOK).Text()
		if lang == commands.Korean {
			mustContain(t, text, fmt.Sprintf("이번 주(1. 1.~) %d개 · 이번 달 %d개", year, year), fmt.Sprintf("이번 주(1. 1.~) +%d개", year))
		} else {
			mustContain(t, text, fmt.Sprintf("This week (from 1 Jan) %d · This month %d", year, year))
		}
		if year != 5 || strings.Contains(text, "+31") || strings.Contains(text, "36") {
			t.Errorf("SQL 2027 %d: the 2026 days of the week must not show in the 2027 view:\n%s", year, text)
		}
	}
}

// Review r22 F18: the 2027 view on 1/2 said `도시재생과: 0개 · 2026. 11. 30.
// 이후 보고 없음` though the department had reported 실적 없음 for December
// 2026. The last report, 실적 없음 included, is named.
func TestK59SilenceCountsLastYearsNothingReport(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, time.November, 30, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, "add 15 rail date:2026-11-30", commands.OutcomeOK)
		now = time.Date(2026, time.December, 2, 1, 0, 0, 0, time.UTC)
		h.run(manager, map[commands.Lang]string{commands.Korean: "실적없음 12월 부서:도시재생과", commands.English: "none 2026-12 dept:도시재생과"}[lang], commands.OutcomeOK)
		now = time.Date(2027, time.January, 2, 1, 0, 0, 0, time.UTC)
		rail2026 := h.sum("e.as_of BETWEEN '2026-01-01' AND '2026-12-31' AND p.code = 'rail'")
		rail2027 := h.sum("e.as_of BETWEEN '2027-01-01' AND '2027-12-31' AND p.code = 'rail'")
		text := h.run(manager, map[commands.Lang]string{commands.Korean: "현황", commands.English: "status"}[lang], commands.OutcomeOK).Text()
		if lang == commands.Korean {
			mustContain(t, text, fmt.Sprintf("도시재생과: %d개 · 실적 없음 보고(2026년 12월)", rail2027))
		} else {
			mustContain(t, text, "reported no jobs (실적 없음) for")
		}
		if rail2026 != 15 || rail2027 != 0 || strings.Contains(text, "2026. 11. 30.") || strings.Contains(text, "2026-11-30") {
			t.Errorf("SQL 2026 %d, 2027 %d; the 실적 없음 report of December must count:\n%s", rail2026, rail2027, text)
		}
		// In March, December's report is the last one: named, and nothing since.
		now = time.Date(2027, time.March, 10, 1, 0, 0, 0, time.UTC)
		text = h.run(manager, map[commands.Lang]string{commands.Korean: "현황", commands.English: "status"}[lang], commands.OutcomeOK).Text()
		if lang == commands.Korean {
			mustContain(t, text, "도시재생과: 0개 · 실적 없음 보고(2026년 12월), 이후 보고 없음")
		} else {
			mustContain(t, text, ", nothing since")
		}
	}
}

// Review r22 F38: `정정 90 5` and `채용 90 5` where #90 is a 실적 없음
// report said "#90 실적을 찾을 수 없습니다". They refuse naming the report
// and `무효 90 <사유>`, writing nothing.
func TestK59CorrectOrHireANothingReport(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "add 7 youth date:2026-11-20", commands.OutcomeOK)
		h.run(manager, map[commands.Lang]string{commands.Korean: "실적없음 10월 부서:사회적경제과", commands.English: "none 2026-10 dept:사회적경제과"}[lang], commands.OutcomeOK)
		var id int64
		if err := h.store.DB().GetContext(context.Background(), &id, `SELECT id FROM nothing_reports WHERE department = '사회적경제과'`); err != nil {
			t.Fatal(err)
		}
		before := h.sum("true")
		lines := map[commands.Lang][]string{
			commands.Korean:  {fmt.Sprintf("정정 %d 5 오기", id), fmt.Sprintf("채용 %d 5 2026-11-20", id)},
			commands.English: {fmt.Sprintf("correct %d 5 typo", id), fmt.Sprintf("hire %d 5 2026-11-20", id)},
		}[lang]
		for _, line := range lines {
			text := h.run(manager, line, commands.OutcomeRefused).Text()
			if lang == commands.Korean {
				mustContain(t, text, fmt.Sprintf("#%d 기록은 사회적경제과의 2026년 10월 실적 없음 보고", id), fmt.Sprintf("`무효 %d <사유>`", id))
			} else {
				mustContain(t, text, fmt.Sprintf("#%d is 사회적경제과's no-jobs report", id), fmt.Sprintf("`void %d <reason>`", id))
			}
			if strings.Contains(text, "찾을 수 없습니다") || strings.Contains(text, "There is no entry") {
				t.Errorf("%q: the report exists:\n%s", line, text)
			}
		}
		if after := h.sum("true"); after != before || before != 7 {
			t.Errorf("SQL sum %d → %d: nothing may be written", before, after)
		}
		var live int
		if err := h.store.DB().GetContext(context.Background(), &live, `SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); err != nil || live != 1 {
			t.Errorf("live 실적 없음 reports %d (%v); want 1", live, err)
		}
		// Voided, it is still named, not "no such entry".
		h.run(manager, map[commands.Lang]string{commands.Korean: fmt.Sprintf("무효 %d 잘못 보고", id), commands.English: fmt.Sprintf("void %d wrong report", id)}[lang], commands.OutcomeOK)
		mustContain(t, h.run(manager, lines[0], commands.OutcomeRefused).Text(),
			map[commands.Lang]string{commands.Korean: "이미 무효로 한 사회적경제과의 2026년 10월 실적 없음 보고", commands.English: "already voided"}[lang])
	}
}

// newestEntryID is the number of the entry recorded last.
func (h *harness) k59NewestID() int64 {
	h.t.Helper()
	var id int64
	if err := h.store.DB().GetContext(context.Background(), &id, `SELECT max(id) FROM entries`); err != nil {
		h.t.Fatal(err)
	}
	return id
}

// Review r22 F11: the digest said "이번 주 기록된 약정 100개는 아직 채용
// 전이어서 …" where 100 was the unhired rest of a 300 약정 recorded that
// week. It names both: 약정 300개 중 아직 채용되지 않은 100개.
// Review r22 F40: its 부진 사업 line compared with a target set after the
// week's end without the note 현황 지난주 gives.
func TestK59DigestAgreedAndTargetNotYet(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "add 300 invest status:agreed date:2026-11-17", commands.OutcomeOK)
		agreement := h.k59NewestID()
		h.run(manager, fmt.Sprintf("hire %d 200 2026-11-18", agreement), commands.OutcomeOK)
		h.run(manager, "add 40 youth date:2026-11-18", commands.OutcomeOK)
		h.run(manager, "target 1700 program:youth", commands.OutcomeOK) // set today, 11/26: after the week
		week := "e.as_of BETWEEN '2026-11-16' AND '2026-11-22'"
		var agreed int64
		if err := h.store.DB().GetContext(context.Background(), &agreed,
			`SELECT coalesce(sum(count), 0) FROM entries e WHERE voided_at IS NULL AND status = 'agreed' AND `+week); err != nil {
			t.Fatal(err)
		}
		hired := h.sum(week + " AND p.code = 'invest'")
		youth := h.sum("e.as_of BETWEEN '2026-01-01' AND '2026-11-22' AND p.code = 'youth'")
		text := h.run(manager, map[commands.Lang]string{commands.Korean: "주간보고 2026년 47주차", commands.English: "digest 2026-W47"}[lang], commands.OutcomeOK).Text()
		if lang == commands.Korean {
			mustContain(t, text, fmt.Sprintf("이번 주 기록된 약정 %d개 중 아직 채용되지 않은 %d개는 실적에서 제외했습니다.", agreed, agreed-hired),
				fmt.Sprintf("%d개 / 목표 1,700개", youth), "2026. 11. 22.에는 청년", "목표가 아직 정해지지 않았습니다")
		} else {
			mustContain(t, text, fmt.Sprintf("of the %d agreed (MOU) jobs logged this week, %d are not yet hired", agreed, agreed-hired),
				"No target had been set yet on")
		}
		if agreed != 300 || hired != 200 || youth != 40 {
			t.Errorf("SQL agreed %d, hired %d, youth %d", agreed, hired, youth)
		}
	}
}

// Review r22 F4/F9/F21: hold replies dropped 여 or misnamed a 누계.
// F4: `추가 노인 누계 5,700여 오늘` after 5,600여 was held "한 건에
// 5,700여개는 … 연간 목표보다 많습니다": the 누계 adds 100여; it is the
// increment that is compared with the target. F9: the "누계가 됩니다"
// figure after an approximate program total keeps 여. F21: last year's
// approximate total is written with 여 and the subtraction says so.
func TestK59HoldsKeepYeoAndCompareTheIncrement(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, time.November, 27, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		for _, line := range []string{
			"target 21000", "target 5000 program:senior",
			"add 4250 senior cumulative date:2026-10-31",
			"add 1250 senior date:2026-11-20 confirm:yes",
			"add 100여 senior date:2026-11-25 confirm:yes",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		r := h.run(manager, "add 5700여 senior cumulative date:2026-11-27", commands.OutcomeOK)
		year := "e.as_of BETWEEN '2026-01-01' AND '2026-12-31' AND p.code = 'senior'"
		if got := h.sum(year); got != 5700 || !h.approxSQL(h.k59NewestID()) {
			t.Errorf("SQL senior 2026 %d; want 5,700 with the 누계 stored approximate:\n%s", got, r.Text())
		}
		// A 누계 whose increment alone passes the target is still asked,
		// naming the 누계 and its increment.
		text := h.run(manager, "add 57000 senior cumulative date:2026-11-27", commands.OutcomeRefused).Text()
		inc := 57000 - h.sum(year)
		if lang == commands.Korean {
			mustContain(t, text, "누계 57,000개", fmt.Sprintf("%s여개", numbers.Format(inc)), "연간 목표(5,000개)")
		} else {
			mustContain(t, text, "cumulative 57,000", "about "+numbers.Format(inc), "(5,000)")
		}
		if strings.Contains(text, "한 건에") || strings.Contains(text, "in one entry") || h.sum(year) != 5700 {
			t.Errorf("a 누계 is not one entry of its size; SQL %d:\n%s", h.sum(year), text)
		}

		now = time.Date(2026, time.December, 2, 1, 0, 0, 0, time.UTC)
		text = h.run(manager, "add 12500 senior date:2026-12-02", commands.OutcomeRefused).Text()
		after := h.sum(year) + 12500
		if lang == commands.Korean {
			mustContain(t, text, fmt.Sprintf("이 사업의 누계는 %s여개가 됩니다", numbers.Format(after)))
		} else {
			mustContain(t, text, fmt.Sprintf("makes the program's total about %s", numbers.Format(after)))
		}

		now = time.Date(2027, time.January, 4, 1, 0, 0, 0, time.UTC)
		text = h.run(manager, "add 6010 senior cumulative date:2027-01-04", commands.OutcomeRefused).Text()
		prev := h.sum(year)
		if lang == commands.Korean {
			mustContain(t, text, fmt.Sprintf("2026년 누계는 %s여개", numbers.Format(prev)),
				fmt.Sprintf("6,010개에서 작년 누계 %s여개를 뺀 %s여개", numbers.Format(prev), numbers.Format(6010-prev)), "어림수")
		} else {
			mustContain(t, text, fmt.Sprintf("recorded about %s in 2026", numbers.Format(prev)),
				fmt.Sprintf("6,010 − %s = about %d", numbers.Format(prev), 6010-prev), "approximate")
		}
		if strings.Contains(text, fmt.Sprintf("%s개인데", numbers.Format(prev))) {
			t.Errorf("the approximate 2026 total lost its 여:\n%s", text)
		}
	}
}
