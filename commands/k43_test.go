package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// lineWith returns the first line of text containing want, or "".
func lineWith(text, want string) string {
	for l := range strings.SplitSeq(text, "\n") {
		if strings.Contains(l, want) {
			return l
		}
	}
	return ""
}

// Review r11 F3: a month a department reported 실적 없음 for is named so in
// the month's status, not a bare 0 that reads like a month nothing was
// reported for; a department that said nothing keeps "nothing logged yet".
func TestK43StatusNamesSaidNothingMonth(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		said, none string
	}{
		{commands.Korean, "여성가족과: 0개 · 실적 없음 보고(2026년 10월)", "도시재생과: 0개 · 아직 보고 없음"},
		{commands.English, "여성가족과: 0 · reported no jobs (실적 없음) for October 2026", "도시재생과: 0 · nothing logged yet"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "실적없음 부서:여성가족과 2026-10", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(*) FROM nothing_reports WHERE department = '여성가족과' AND month = '2026-10-01' AND voided_at IS NULL`); n != 1 {
				t.Fatalf("실적 없음 rows = %d, want 1", n)
			}
			if n := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE department = '여성가족과' AND voided_at IS NULL AND as_of BETWEEN '2026-10-01' AND '2026-10-31'`); n != 0 {
				t.Fatalf("여성가족과 October SUM = %d, want 0", n)
			}
			text := h.run(manager, "현황 10월", commands.OutcomeOK).Text()
			mustContain(t, text, tc.said, tc.none)
		})
	}
}

// Review r11 F12: status for a past day shows the candidates as their
// history stood that day, under a heading naming it, not today's.
func TestK43PastStatusCandidatesAsOfThatDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                    commands.Lang
		heading, none, todayHas string
	}{
		{commands.Korean, "사회적기업 후보(2026. 4. 30. 기준)", "2026. 4. 30.까지 등록된 후보가 없었습니다.", "발굴 1곳"},
		{commands.English, "Social-enterprise candidates (as of 2026-04-30)", "No candidates had been recorded by 2026-04-30.", "Discovered 1"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "후보 추가 가나다협동조합", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT count(*) FROM candidate_moves WHERE moved_at < '2026-05-01'`); n != 0 {
				t.Fatalf("moves before May = %d, want 0", n)
			}
			past := h.run(manager, "현황 4월말", commands.OutcomeOK).Text()
			mustContain(t, past, tc.heading, tc.none)
			if strings.Contains(past, tc.todayHas) {
				t.Errorf("status for 30 April shows today's candidate:\n%s", past)
			}
			now := h.run(manager, "현황", commands.OutcomeOK).Text()
			mustContain(t, now, tc.todayHas)
		})
	}
}

// Review r11: the employment-type line of status carries 여 where its
// figure holds approximate jobs, as the program and disclosure lines do,
// and only there.
func TestK43EmploymentTypeLineCarriesApproximate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang          commands.Lang
		prefix        string
		approx, exact string
	}{
		{commands.Korean, "고용형태 미지정", "고용형태 미지정 300여개", "100개"},
		{commands.English, "", "about 300", "100"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "추가 300여 노인 날짜:2026-10-05", commands.OutcomeOK)
			h.run(manager, "추가 100 청년 type:regular 날짜:2026-10-06", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND approximate AND employment_type = ''`); n != 300 {
				t.Fatalf("approximate untyped SUM = %d, want 300", n)
			}
			if n := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND NOT approximate AND employment_type = 'regular'`); n != 100 {
				t.Fatalf("exact regular SUM = %d, want 100", n)
			}
			text := h.run(manager, "현황", commands.OutcomeOK).Text()
			var typeLine string
			for l := range strings.SplitSeq(text, "\n") {
				if strings.Contains(l, " · ") && (strings.Contains(l, "상용") || strings.Contains(l, "regular") || strings.Contains(l, "Regular")) {
					typeLine = l
				}
			}
			if typeLine == "" {
				t.Fatalf("no employment-type line:\n%s", text)
			}
			mustContain(t, typeLine, tc.approx)
			if strings.Contains(typeLine, "100여") || strings.Contains(typeLine, "about 100") {
				t.Errorf("the exact 100 regular jobs carry 여: %q", typeLine)
			}
		})
	}
}

// Review r11 F1: 약 300 was kept as 300여 and the add's reply said so;
// since r20 F1/G5 it is refused (300여 is a little over 300, another
// wording), naming `300` and `300여`, and nothing is stored.
func TestK43AboutCountEchoed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{
		{commands.Korean, "`약 300`은 어림수입니다."},
		{commands.English, "`약 300` is an approximate count"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			text := h.run(manager, "추가 약 300 노인 날짜:2026-10-05", commands.OutcomeRefused).Text()
			mustContain(t, text, tc.want, "`300여`")
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Fatalf("%d rows after a refused 약 300, want 0", n)
			}
			plain := h.run(manager, "추가 300여 청년 날짜:2026-10-05", commands.OutcomeOK).Text()
			if strings.Contains(plain, "어림수)로 기록") || strings.Contains(plain, "(an approximate figure)") {
				t.Errorf("a typed 300여 is echoed as if it were rewritten:\n%s", plain)
			}
		})
	}
}

// Review r11 F8: `list voided` counts what the voids took out of the ledger,
// as a SUM over the entries shows: a voided 누계 report takes out only its
// increase over the report before it, and a void a later 누계 report took up
// (its total stands) takes out nothing.
func TestK43ListVoidedCountsWhatLeftTheLedger(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		title string
	}{
		{commands.Korean, "2026년 무효 처리 실적(기준일 기준): 2건, 일자리 15개 제외"},
		{commands.English, "2 entries, 15 jobs taken out"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "추가 58 청년 누계 날짜:2026-09-30", commands.OutcomeOK)
			h.run(manager, "추가 73 청년 누계 날짜:2026-10-31", commands.OutcomeOK)
			h.run(manager, "추가 20 노인 날짜:2026-10-01", commands.OutcomeOK)
			h.run(manager, "추가 50 노인 누계 날짜:2026-10-31", commands.OutcomeOK)
			before := h.yearTotal()
			h.run(manager, "무효 2 테스트", commands.OutcomeOK)
			h.run(manager, "무효 3 테스트", commands.OutcomeOK)
			after := h.yearTotal()
			if before-after != 15 {
				t.Fatalf("SUM before %d, after %d: %d taken out, want 15", before, after, before-after)
			}
			text := h.run(manager, "목록 무효", commands.OutcomeOK).Text()
			mustContain(t, text, tc.title)
		})
	}
}

// Review r11: the digest's line of a voided 누계 report puts the date
// before the figure (기준), not in a second bracket after 누계 73개(계산된
// 증가분 15개).
func TestK43DigestVoidedCumulativeOneBracket(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{
		{commands.Korean, "#2 청년일자리 2026. 11. 15. 기준 누계 73개(계산된 증가분 15개) · "},
		{commands.English, "cumulative 73 (increment derived: 15) as of 2026-11-15, voided by"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			now := time.Date(2026, time.November, 18, 1, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, "추가 58 청년 누계 날짜:2026-10-31", commands.OutcomeOK)
			h.run(manager, "추가 73 청년 누계 날짜:2026-11-15", commands.OutcomeOK)
			h.run(manager, "무효 2 테스트", commands.OutcomeOK)
			if n := h.yearTotal(); n != 58 {
				t.Fatalf("SUM = %d, want 58", n)
			}
			now = fixedNow
			text := h.run(manager, "주간보고", commands.OutcomeOK).Text()
			line := lineWith(text, "#2 ")
			mustContain(t, line, tc.want)
			if strings.Contains(line, ") (") || strings.Contains(line, "))") {
				t.Errorf("double bracket: %q", line)
			}
		})
	}
}

// Review r11: a 정정 of an agreed (약정) 누계 report names it 약정 누계 in
// its title and ledger line, not the jobs' 기준 누계.
func TestK43CorrectedAgreedCumulativeNamed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		title, line string
	}{
		{commands.Korean, "#1 정정: 여성 일자리 2026. 10. 31. 기준 약정 누계 40개 → 45개 (새 번호 #2)", "장부의 2026. 10. 31.까지 약정 누계는 이제 45개입니다."},
		{commands.English, "agreed (MOU) total through 2026-10-31 40 → 45 (new entry #2)", "The ledger's agreed (MOU) total through 2026-10-31 is now 45."},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "추가 40 여성 누계 약정 날짜:2026-10-31", commands.OutcomeOK)
			text := h.run(manager, "정정 1 45 오기", commands.OutcomeOK).Text()
			mustContain(t, text, tc.title, tc.line)
			if n := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'agreed'`); n != 45 {
				t.Fatalf("agreed SUM = %d, want 45", n)
			}
		})
	}
}

// Review r11 F6: the digest counts a 실적 없음 as a report only when it is
// for a month after the department's last jobs: October's 실적 없음, then
// jobs on 2 November and nothing since, leaves the department silent since
// 2 November, listed among the silent, not as having reported.
func TestK43DigestOldSaidNothingIsNoReport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang         commands.Lang
		silent, said string
	}{
		{commands.Korean, "노인복지과(2026. 11. 2. 이후)", "노인복지과(2026년 10월)"},
		{commands.English, "노인복지과 (since 2026-11-02)", "노인복지과 (October 2026)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "실적없음 부서:노인복지과 2026-10", commands.OutcomeOK)
			h.run(manager, "추가 5 노인 날짜:2026-11-02", commands.OutcomeOK)
			// every other department reported this week, so the silent list
			// is not cut short before 노인복지과
			for _, code := range []string{"community", "disabled", "invest", "rail", "social", "vulnerable", "women", "youth"} {
				h.run(manager, "추가 1 "+code+" 날짜:2026-11-20", commands.OutcomeOK)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE department = '노인복지과' AND voided_at IS NULL AND as_of > '2026-11-02'`); n != 0 {
				t.Fatalf("노인복지과 entries after 2 Nov = %d, want 0", n)
			}
			text := h.run(manager, "주간보고", commands.OutcomeOK).Text()
			mustContain(t, text, tc.silent)
			if strings.Contains(text, tc.said) {
				t.Errorf("October's 실적 없음 is counted as a report for the weeks after 2 November:\n%s", text)
			}
		})
	}
}

// Review r11 F3: the monthly report by department writes 실적 없음 in the
// month a department reported it for, not the "-" of a month with nothing
// reported, and says what the two marks mean.
func TestK43ReportMarksSaidNothingMonth(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		cell, note string
	}{
		{commands.Korean, "실적 없음", "실적 없음: 그 달 실적이 없다고 보고한 달입니다."},
		{commands.English, "none rep.", "none rep.: the department reported no jobs (실적 없음) for that month"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "실적없음 부서:여성가족과 2026-10", commands.OutcomeOK)
			h.run(manager, "추가 5 노인 날짜:2026-10-02", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE department = '여성가족과' AND voided_at IS NULL`); n != 0 {
				t.Fatalf("여성가족과 SUM = %d, want 0", n)
			}
			// The year's months through October (`보고서 10월` is
			// October's own since review r37 F4, checked below).
			text := h.run(manager, "보고서 10월말 기준:부서", commands.OutcomeOK).Text()
			var rows []string // January–June, July–October, then 누계
			for l := range strings.SplitSeq(text, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "여성가족과") {
					rows = append(rows, l)
				}
			}
			if len(rows) < 2 {
				t.Fatalf("no July–October row of 여성가족과:\n%s", text)
			}
			row := rows[1]
			if !strings.HasSuffix(strings.TrimSpace(row), tc.cell) {
				t.Errorf("여성가족과's October cell is not %q: %q\n%s", tc.cell, row, text)
			}
			mustContain(t, text, tc.note)
			for l := range strings.SplitSeq(text, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "도시재생과") && strings.Contains(l, tc.cell) {
					t.Errorf("a department that said nothing is marked %q: %q", tc.cell, l)
				}
			}
			// October's own report marks it in its month and its 실적.
			text = h.run(manager, "보고서 10월 기준:부서", commands.OutcomeOK).Text()
			rows = nil
			for l := range strings.SplitSeq(text, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "여성가족과") {
					rows = append(rows, l)
				}
			}
			if len(rows) != 3 || !strings.HasSuffix(strings.TrimSpace(rows[0]), tc.cell) || !strings.HasSuffix(strings.TrimSpace(rows[1]), tc.cell) {
				t.Errorf("October's report does not mark 여성가족과 %q in its month and 실적: %q\n%s", tc.cell, rows, text)
			}
		})
	}
}

// Review r11 F5: the monthly report marks the month cell of a 누계 report
// that covers earlier months (the year's first report, made in October for
// January–October) with ※, and a note says so; the cell keeps the SQL SUM
// of the month, and the next report's month is not marked.
func TestK43ReportMarksSpanningReport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		cell, note string
	}{
		{commands.Korean, "120※", "※ 청년일자리 10월: 1월~10월 누계 보고분(#1)으로, 이전 달 실적을 한 번에 보고한 수치가 들어 있습니다."},
		{commands.English, "120※", "※ Youth jobs, Oct: includes the Jan–Oct 누계 report #1, earlier months' jobs reported at once."},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "추가 120 청년 누계 날짜:2026-10-31", commands.OutcomeOK)
			h.run(manager, "추가 130 청년 누계 날짜:2026-11-20", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of BETWEEN '2026-10-01' AND '2026-10-31'`); n != 120 {
				t.Fatalf("October SUM = %d, want 120", n)
			}
			text := h.run(manager, "보고서", commands.OutcomeOK).Text()
			mustContain(t, text, tc.cell, tc.note)
			if strings.Contains(text, "10※") || strings.Contains(text, "#2") {
				t.Errorf("the November report (its own month only) is marked:\n%s", text)
			}
		})
	}
}
