package commands_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// reportRowLines returns every line
// of text starting with label, in order: one per monthly table.
func reportRowLines(text, label string) []string {
	var out []string
	for l := range strings.SplitSeq(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), label) {
			out = append(out, l)
		}
	}
	return out
}

// Review r27 F5: the monthly report by program (the default 보고서) marks
// the month a program's department said 실적 없음 for, not the "-" of a
// month nobody reported, and says what the marks mean.
func TestR27aReportByProgramMarksSaidNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang          commands.Lang
		senior, women string
		cell, note    string
	}{
		{commands.Korean, "노인 일자리", "여성 일자리", "실적 없음", "실적 없음: 그 달 실적이 없다고 보고한 달입니다. -는 실적도, 실적 없음 보고도 없는 달입니다."},
		{commands.English, "Jobs for seniors", "Jobs for women", "none rep.", "none rep.: the department reported no jobs (실적 없음) for that month; - is a month with no jobs and no such report."},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.lang)
			h.run(manager, "실적없음 부서:노인복지과 2026-10", commands.OutcomeOK)
			h.run(manager, "추가 5 청년 날짜:2026-10-02", commands.OutcomeOK)
			if n := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id WHERE p.code IN ('senior', 'women') AND e.voided_at IS NULL`); n != 0 {
				t.Fatalf("senior + women SUM = %d, want 0", n)
			}
			youth := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id WHERE p.code = 'youth' AND e.voided_at IS NULL AND e.as_of BETWEEN '2026-10-01' AND '2026-10-31'`)
			// The year's months through October (`보고서 10월` is
			// October's own since review r37 F4, checked below).
			text := h.run(manager, "보고서 10월말", commands.OutcomeOK).Text()
			senior := reportRowLines(text, tc.senior)
			if len(senior) < 2 {
				t.Fatalf("no July–October row of %s:\n%s", tc.senior, text)
			}
			if !strings.HasSuffix(strings.TrimSpace(senior[1]), tc.cell) {
				t.Errorf("%s's October cell is not %q: %q\n%s", tc.senior, tc.cell, senior[1], text)
			}
			if strings.Count(senior[1], tc.cell) != 1 {
				t.Errorf("months the department did not say 실적 없음 for are marked: %q", senior[1])
			}
			for _, l := range reportRowLines(text, tc.women) {
				if strings.Contains(l, tc.cell) {
					t.Errorf("a department that said nothing is marked %q: %q", tc.cell, l)
				}
			}
			if y := reportRowLines(text, map[commands.Lang]string{commands.Korean: "청년일자리", commands.English: "Youth jobs"}[tc.lang]); len(y) < 2 || !strings.HasSuffix(strings.TrimSpace(y[1]), strconv.FormatInt(youth, 10)) {
				t.Errorf("youth's October is not the SQL SUM %d: %q", youth, y)
			}
			mustContain(t, text, tc.note)
		})
	}
}

// Review r27 F10: a 2026 agreement hired partly in 2027. 2027's 현황 counts
// the 2027 hires as 2027's 실적 and carries the agreement, named as 2026's,
// with what is still to hire; the 2026 agreement's size is not 2027's
// figure.
func TestR27aStatusCarriesEarlierYearsOpenAgreement(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		agree, hire1, hire2 string
		status, want, head  string
	}{
		{commands.Korean, "추가 투자 200 약정 날짜:2026-12-28 메모:두리 이전협약", "채용 1 50 2027-01-04 메모:두리 1차 채용", "채용 1 30 2026-12-30 메모:12월 선채용분",
			"현황 올해", "약정 #1: 200개 중 80개 채용, 남은 120개 (2026년 약정 · 기업 및 투자유치)", "이전 연도 약정"},
		{commands.English, "add 200 invest status:agreed date:2026-12-28 note:Duri relocation", "hire 1 50 2027-01-04 note:first hires", "hire 1 30 2026-12-30 note:December hires",
			"status 2027", "Agreement #1: 80 of 200 hired, 120 left (agreed in 2026 · invest)", "Agreements of earlier years"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.lang)
			now := time.Date(2027, time.January, 2, 1, 0, 0, 0, time.UTC)
			h.withClock(&now)
			h.run(manager, tc.agree, commands.OutcomeOK)
			now = time.Date(2027, time.January, 5, 1, 0, 0, 0, time.UTC)
			h.run(manager, tc.hire1, commands.OutcomeOK)
			h.run(manager, tc.hire2, commands.OutcomeOK)
			y2027 := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of BETWEEN '2027-01-01' AND '2027-12-31'`)
			hired := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM agreement_hires x JOIN entries e ON e.id = x.hire_entry_id AND e.voided_at IS NULL WHERE x.agreement_entry_id = 1`)
			if y2027 != 50 || hired != 80 {
				t.Fatalf("SQL: 2027 realised %d, hired against #1 %d; want 50 and 80", y2027, hired)
			}
			text := h.run(manager, tc.status, commands.OutcomeOK).Text()
			mustContain(t, text, tc.head, tc.want)
			for _, wrong := range []string{"120개는 실적에서 제외", "not yet hired: 120", "아직 채용하지 않은 약정 120", "200개 (", "250"} {
				if strings.Contains(text, wrong) {
					t.Errorf("2027's status counts the 2026 agreement in its figure (%q):\n%s", wrong, text)
				}
			}
		})
	}
}

// Review r27 F6: the report marks a 누계's month cell with ※ only when its
// increment spans months with no report of the program: a 누계 after
// monthly adds is not marked; one after months without a report says its
// cell may hold them, naming the report before it; the year's first
// report keeps its note. The cells stay the SQL SUMs of the months.
func TestR27aSpanNoteOnlyOverUnreportedMonths(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		lines                []string
		senior, youth, women string
		youthNote, womenNote string
	}{
		{commands.Korean, []string{
			"추가 노인 100 날짜:2026-09-30", "추가 노인 20 날짜:2026-10-30", "추가 노인 누계 150 날짜:2026-11-20",
			"추가 청년 50 날짜:2026-08-31", "추가 청년 누계 120 날짜:2026-11-20",
			"추가 여성 누계 80 날짜:2026-10-31"},
			"노인 일자리", "청년일자리", "여성 일자리",
			"※ 청년일자리 11월: 누계 보고(#5)의 증가분으로, 앞선 보고(2026. 8. 31.) 뒤 보고가 없던 9월~11월 실적이 한 번에 들어 있을 수 있습니다.",
			"※ 여성 일자리 10월: 1월~10월 누계 보고분(#6)으로, 이전 달 실적을 한 번에 보고한 수치가 들어 있습니다."},
		{commands.English, []string{
			"add 100 senior date:2026-09-30", "add 20 senior date:2026-10-30", "add 150 senior cumulative date:2026-11-20",
			"add 50 youth date:2026-08-31", "add 120 youth cumulative date:2026-11-20",
			"add 80 women cumulative date:2026-10-31"},
			"Jobs for seniors", "Youth jobs", "Jobs for women",
			"※ Youth jobs, Nov: the 누계 report #5 added what was not reported since 2026-08-31, so it may hold the jobs of Sep–Nov reported at once.",
			"※ Jobs for women, Oct: includes the Jan–Oct 누계 report #6, earlier months' jobs reported at once."},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.lang)
			for _, l := range tc.lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			month := func(code, from, to string) string {
				return strconv.FormatInt(h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
					WHERE p.code = '`+code+`' AND e.voided_at IS NULL AND e.status = 'realised' AND e.as_of BETWEEN '`+from+`' AND '`+to+`'`), 10)
			}
			// The year's months through November (`보고서 11월` is
			// November's own since review r37 F4).
			text := h.run(manager, "보고서 11월말", commands.OutcomeOK).Text()
			senior := reportRowLines(text, tc.senior)
			if len(senior) < 2 || !strings.HasSuffix(strings.TrimSpace(senior[1]), " "+month("senior", "2026-11-01", "2026-11-30")) {
				t.Errorf("senior's November is not the unmarked SQL SUM %s: %q\n%s", month("senior", "2026-11-01", "2026-11-30"), senior, text)
			}
			youth := reportRowLines(text, tc.youth)
			if len(youth) < 2 || !strings.HasSuffix(strings.TrimSpace(youth[1]), " "+month("youth", "2026-11-01", "2026-11-30")+"※") {
				t.Errorf("youth's November is not the marked SQL SUM %s※: %q\n%s", month("youth", "2026-11-01", "2026-11-30"), youth, text)
			}
			mustContain(t, text, tc.youthNote, tc.womenNote)
			if strings.Count(text, "※ "+tc.senior) != 0 {
				t.Errorf("a 누계 after monthly adds is noted as holding earlier months:\n%s", text)
			}
		})
	}
}

// Review r27 F20: a void in a closed month re-bases a later 누계 report:
// the digest's 마감 후 정정 line says its increment moved from the old to
// the new figure and by how much, not the new increment alone as if that
// were the change; the void's reply says once that it was marked.
func TestR27aDigestNamesReBasedIncrement(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                      commands.Lang
		lines                     []string
		void, marked, line, wrong string
	}{
		{commands.Korean, []string{"추가 청년 30 날짜:2026-10-10", "추가 청년 10 날짜:2026-10-20", "추가 청년 누계 45 날짜:2026-10-31", "마감 10월"},
			"무효 2 사유:이중 보고", "이 무효는 '마감 후 정정'으로 표시했습니다.", "#3 · 2026년 10월 · 누계 보고 조정: 증가분 5개 → 15개 (+10개)", "누계 보고 조정 15개"},
		{commands.English, []string{"add 30 youth date:2026-10-10", "add 10 youth date:2026-10-20", "add 45 youth cumulative date:2026-10-31", "close 2026-10"},
			"void 2 reason:reported twice", "This void is marked \"changed after close\".", "#3 · 2026-10 · cumulative report re-based: increment 5 → 15 (+10)", "re-based 15"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tc.lang)
			for _, l := range tc.lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			text := h.run(manager, tc.void, commands.OutcomeOK).Text()
			if n := strings.Count(text, tc.marked); n != 1 {
				t.Errorf("the void's reply says %d times %q:\n%s", n, tc.marked, text)
			}
			lines := strings.Split(text, "\n")
			for i := 1; i < len(lines); i++ {
				if lines[i] == lines[i-1] || strings.TrimSpace(lines[i]) == "'마감 후 정정'으로 표시했습니다." {
					t.Errorf("the void's reply repeats a bare mark line %q:\n%s", lines[i], text)
				}
			}
			inc := h.sqlInt(`SELECT count FROM entries WHERE id = 3 AND voided_at IS NULL`)
			old := h.sqlInt(`SELECT old_count FROM entry_adjustments WHERE entry_id = 3 ORDER BY id DESC LIMIT 1`)
			oct := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of BETWEEN '2026-10-01' AND '2026-10-31'`)
			if inc != 15 || old != 5 || oct != 45 {
				t.Fatalf("SQL: #3 now %d (was %d), October %d; want 15, 5, 45", inc, old, oct)
			}
			d, err := h.svc.Digest(context.Background(), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			text = h.svc.DigestReply(d).Text()
			mustContain(t, text, tc.line)
			if strings.Contains(text, tc.wrong) {
				t.Errorf("the digest gives the new increment as the change (%q):\n%s", tc.wrong, text)
			}
		})
	}
}
