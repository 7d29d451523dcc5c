package commands_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/export"

	"github.com/xuri/excelize/v2"
)

// sqlInt runs a query returning one integer (a plain SUM or COUNT over the
// entries), so the tests below do not trust the handler's own arithmetic.
func (h *harness) sqlInt(q string, args ...any) int64 {
	h.t.Helper()
	var n int64
	if err := h.store.DB().GetContext(context.Background(), &n, q, args...); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// The weekly digest writes 여 wherever the figure comes from a 여 entry:
// the week's change (+7여개, not +7개), the headline's week and the
// departments' lines, by the same rule as the report's 증감 and status
// (review r5 L4). Its 약정 이행 점검 names the program by its Korean name,
// as every other line of the Korean digest does, never by the code typed
// for it (review r5 A8).
func TestDigestWeekChangeCarriesApproximateAndNamesPrograms(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang   commands.Lang
		digest string
		want   func(week, prev, women int64) []string
		wrong  []string
	}{
		{commands.Korean, "주간보고 2026년 26주차", func(week, prev, women int64) []string {
			return []string{
				fmt.Sprintf("이번 주 %s여개 (전주 %s개 대비 %s여개)", formatCount(week), formatCount(prev), signedFigure(week-prev)),
				fmt.Sprintf("여성 일자리 · 공공: %s여개 (전주 0개 대비 +%s여개)", formatCount(women), formatCount(women)),
				fmt.Sprintf("가장 많이 기록한 부서: 일자리정책과 89개 · 여성가족과 %s여개", formatCount(women)),
				fmt.Sprintf("여성가족과 %s여개 / 목표", formatCount(women)),
				"#1 · 청년일자리 19개 · 2026. 1. 29. · 일자리정책과",
			}
		}, []string{"youth 19", " 대비 +7개)"}},
		{commands.English, "digest 2026-W26", func(week, prev, women int64) []string {
			return []string{
				fmt.Sprintf("This week: about %s jobs (about %s on the week before's %s)", formatCount(week), signedFigure(week-prev), formatCount(prev)),
				fmt.Sprintf("Jobs for women (women) · Public: about %s (week before 0, about +%s)", formatCount(women), formatCount(women)),
				fmt.Sprintf("Logged most: 일자리정책과 89 · 여성가족과 about %s", formatCount(women)),
				fmt.Sprintf("Against department targets: 여성가족과 about %s of 100", formatCount(women)),
				"#1 · youth 19 ·",
			}
		}, []string{"week before 0, +7)"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, line := range []string{
				"add 19 youth date:2026-01-29 status:agreed",
				"dept target 여성가족과 100",
				"add 100 youth date:2026-06-16",
				"add 89 youth date:2026-06-24",
				"add 7여 women date:2026-06-27 토요일 note:채용박람회",
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			week := h.sumSQL("", dates.On(2026, 6, 22), dates.On(2026, 6, 28))
			prev := h.sumSQL("", dates.On(2026, 6, 15), dates.On(2026, 6, 21))
			women := h.sumSQL("women", dates.On(2026, 6, 22), dates.On(2026, 6, 28))
			if week != 96 || prev != 100 || women != 7 {
				t.Fatalf("ledger: week %d, week before %d, women %d; want 96, 100, 7", week, prev, women)
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE approximate AND voided_at IS NULL`); n != 1 {
				t.Fatalf("%d entries carry 여, want 1", n)
			}
			text := h.run("U1", tc.digest, commands.OutcomeOK).Text()
			mustContain(t, text, tc.want(week, prev, women)...)
			for _, w := range tc.wrong {
				if strings.Contains(text, w) {
					t.Errorf("the digest still says %q:\n%s", w, text)
				}
			}
			noFormatSlips(t, text)
		})
	}
}

// signedFigure writes a change the way the digest does: +7, -4.
func signedFigure(n int64) string {
	if n < 0 {
		return "-" + formatCount(-n)
	}
	return "+" + formatCount(n)
}

// A department's status and the report as of a past date compare with the
// targets in force then; a department or program target first set later is
// today's, and the reply says so in the words the program's status uses
// (review r5 L5): 일자리정책과's 800, set on 5/4, is not 3월말's target.
func TestPastDateSaysWhichTargetsWereNotYetSet(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		t.Run(string(lang), func(t *testing.T) {
			h := newClockHarness(t, lang, time.Date(2026, 1, 5, 3, 0, 0, 0, time.UTC))
			for _, line := range []string{
				"target 20000",
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			h.at(2026, time.April, 1)
			for _, line := range []string{
				"add 701 youth date:2026-03-10",
				"add 7 youth date:2026-03-11 dept:노인복지과",
				"add 50 invest date:2026-03-20",
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			h.at(2026, time.May, 4)
			for _, line := range []string{"target 1000 program:youth", "target 300 program:invest", "dept target 일자리정책과 800"} {
				h.run(manager, line, commands.OutcomeOK)
			}
			h.at(2026, time.October, 5)
			dept := h.deptSumSQL("youth", "일자리정책과") + h.deptSumSQL("invest", "일자리정책과")
			if dept != 701 {
				t.Fatalf("일자리정책과 through March: %d, want 701", dept)
			}
			ko := lang == commands.Korean
			pick := func(en, k string) string {
				if ko {
					return k
				}
				return en
			}
			text := h.run("U1", "status 3월말 dept:일자리정책과", commands.OutcomeOK).Text()
			mustContain(t, text,
				pick(fmt.Sprintf("Total: %s of the 800 target (87%%)", formatCount(dept)), fmt.Sprintf("누계 %s개 / 목표 800개(달성률 87%%)", formatCount(dept))),
				pick("No target had been set yet on 2026-03-31: the percentage is against the current target of 800.",
					"2026. 3. 31.에는 아직 목표가 정해지지 않았습니다. 달성률은 현재 목표 800개 기준입니다."),
				pick("No target had been set yet on 2026-03-31 for youth: their percentages are against the current targets.",
					"2026. 3. 31.에는 청년일자리의 목표가 아직 정해지지 않았습니다. 달성률은 현재 목표 기준입니다."))

			text = h.run("U1", "status 3월말", commands.OutcomeOK).Text()
			mustContain(t, text,
				pick("No target had been set yet on 2026-03-31 for youth, invest: their percentages are against the current targets.",
					"2026. 3. 31.에는 청년일자리, 기업 및 투자유치의 목표가 아직 정해지지 않았습니다. 달성률은 현재 목표 기준입니다."),
				// r13 W5 (k47): the department shows no target on a date before it was set.
				pick("On 2026-03-31 no department target was set yet for 일자리정책과, so no target or percentage is shown for it then (current target: 일자리정책과 800).",
					"2026. 3. 31.에는 일자리정책과의 부서 목표가 아직 정해지지 않았습니다. 그래서 그날 기준 목표와 달성률은 표시하지 않았습니다(현재 목표: 일자리정책과 800개)."))

			text = h.run("U1", "report 3월말", commands.OutcomeOK).Text()
			mustContain(t, text, pick("No target had been set yet on 2026-03-31 for Youth jobs, ",
				"2026. 3. 31.에는 청년일자리, 기업 및 투자유치의 목표가 아직 정해지지 않았습니다."))
			text = h.run("U1", "report 1분기", commands.OutcomeOK).Text()
			mustContain(t, text, pick("No target had been set yet on 2026-03-31 for Youth jobs, ",
				"2026. 3. 31.에는 청년일자리, 기업 및 투자유치의 목표가 아직 정해지지 않았습니다."))
			text = h.run("U1", "report 4월말 by:department", commands.OutcomeOK).Text()
			mustContain(t, text, pick("No target had been set yet on 2026-04-30 for 일자리정책과:",
				"2026. 4. 30.에는 일자리정책과의 목표가 아직 정해지지 않았습니다."))
			// The digest of a week in March lists 일자리정책과 against its
			// (current) target, and says it was not yet set then.
			text = h.run("U1", pick("digest 2026-W11", "주간보고 2026년 11주차"), commands.OutcomeOK).Text()
			mustContain(t, text, pick("No target had been set yet on 2026-03-15 for 일자리정책과:",
				"2026. 3. 15.에는 일자리정책과의 목표가 아직 정해지지 않았습니다."))
			// After the targets were set, nothing is said.
			text = h.run("U1", "report 5월말 by:department", commands.OutcomeOK).Text()
			if strings.Contains(text, pick("No target had been set", "아직 정해지지")) {
				t.Errorf("a report after the targets were set says one was not yet set:\n%s", text)
			}
		})
	}
}

// The 미배분 row says what it is in each view (review r5 L8): by program
// the part of the year's target given to no program, by department the part
// given to no department, and by employment type, where no type has a
// target, no 미배분 at all in the text and "고용형태별 목표 없음" in the
// workbook (whose 합계 formula still adds it). Text and workbook.
func TestUnassignedTargetIsLabelledPerView(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			for _, line := range []string{
				"target 20000", "target 1000 program:youth", "target 500 program:senior",
				"target 400 program:women", "target 300 program:invest", "dept target 일자리정책과 800",
				"add 120 youth date:2026-05-10", "add 30 senior date:2026-05-11 type:regular",
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			total := h.sqlInt(`SELECT jobs FROM targets WHERE year = 2026 AND program_id IS NULL`)
			programs := total - h.sqlInt(`SELECT sum(jobs) FROM targets WHERE year = 2026 AND program_id IS NOT NULL`)
			depts := total - h.sqlInt(`SELECT sum(jobs) FROM department_targets WHERE year = 2026`)
			if programs != 17800 || depts != 19200 {
				t.Fatalf("unassigned: programs %d, departments %d; want 17,800 and 19,200", programs, depts)
			}
			ko := lang == commands.Korean
			pick := func(en, k string) string {
				if ko {
					return k
				}
				return en
			}
			text := h.run("U1", "report", commands.OutcomeOK).Text()
			mustContain(t, text, pick(fmt.Sprintf("Note: Unassigned (%s) is the part of the year's target not given to any program.", formatCount(programs)),
				fmt.Sprintf("※ 미배분 %s개: 사업에 나누지 않은 목표입니다.", formatCount(programs))))
			text = h.run("U1", "report by:department", commands.OutcomeOK).Text()
			mustContain(t, text, pick(fmt.Sprintf("Note: Unassigned (%s) is the part of the year's target not given to any department", formatCount(depts)),
				fmt.Sprintf("※ 미배분 %s개: 부서에 나누지 않은 목표입니다.", formatCount(depts))))
			if strings.Contains(text, pick("any program", "사업에 나누지")) {
				t.Errorf("by department, 미배분 is called the part not given to programs:\n%s", text)
			}
			text = h.run("U1", "report by:type", commands.OutcomeOK).Text()
			mustContain(t, text, pick("Note: no employment type has a target", "※ 고용형태별 목표는 없습니다."))
			if strings.Contains(text, pick("Unassigned", "미배분")) {
				t.Errorf("by employment type, the year's target stands as 미배분:\n%s", text)
			}

			if !ko {
				return // the workbook is Korean whatever the caller's language
			}
			sent := &fileCatcher{}
			h.svc = h.with(func(c *commands.Config) { c.Exporter, c.FileSender = export.New(h.store, nil), sent })
			h.run("U1", "export xlsx", commands.OutcomeOK)
			f, err := excelize.OpenReader(bytes.NewReader(sent.body))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				sheet, label, note string
				target             int64
			}{
				{export.SheetByProgram, "미배분", "사업에 나누지 않은 목표", programs},
				{export.SheetByDepartment, "미배분", "부서에 나누지 않은 목표", depts},
				{export.SheetByType, "고용형태별 목표 없음", "합계의 목표는 연간 전체 목표", total},
			} {
				rows, err := f.GetRows(c.sheet, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, r := range rows {
					line := strings.Join(r, "|")
					if strings.Contains(line, "미배분") && c.label != "미배분" {
						t.Errorf("%s: a 미배분 row: %q", c.sheet, line)
					}
					if len(r) == 0 || r[0] != c.label {
						continue
					}
					found = true
					if !strings.Contains(line, c.note) || !strings.Contains(line, fmt.Sprint(c.target)) {
						t.Errorf("%s: %q, want the note %q and the target %d", c.sheet, line, c.note, c.target)
					}
					if c.sheet != export.SheetByProgram && strings.Contains(line, "사업에 나누지") {
						t.Errorf("%s: %q still says 사업에 나누지 않은 목표", c.sheet, line)
					}
				}
				if !found {
					t.Errorf("%s: no row %q", c.sheet, c.label)
				}
			}
		})
	}
}

// A department in brackets is read as the department wherever the bare name
// is (review r5 A11, A3): `현황 (노인복지과)`, `목록 [노인복지과]`,
// `실적없음 6월 (사회적경제과)`, `부서:(사회적경제과)`, and an add's
// `부서:(복지정책과)`. Before, status and list looked for a program and
// offered 노인 일자리, and 실적없음 could not read the month.
func TestBracketedDepartmentIsTheDepartment(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		t.Run(string(lang), func(t *testing.T) {
			h := newClockHarness(t, lang, time.Date(2026, 7, 10, 3, 0, 0, 0, time.UTC))
			for _, line := range []string{
				"add 30 senior date:2026-07-02",
				"add 5 youth date:2026-07-03 dept:노인복지과",
				"add 10 youth date:2026-07-03 confirm:yes",
				"add 3 youth date:2026-07-04 dept:(복지정책과)",
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE department = '복지정책과' AND voided_at IS NULL`); got != 3 {
				t.Errorf("dept:(복지정책과): 복지정책과 has %d, want 3", got)
			}
			senior := h.deptSumSQL("senior", "노인복지과") + h.deptSumSQL("youth", "노인복지과")
			if senior != 35 {
				t.Fatalf("노인복지과: %d, want 35", senior)
			}
			ko := lang == commands.Korean
			for _, line := range []string{"현황 (노인복지과)", "status [노인복지과]", "status （노인복지과）", "현황 부서:(노인복지과)"} {
				text := h.run("U1", line, commands.OutcomeOK).Text()
				mustContain(t, text, "노인복지과", formatCount(senior))
			}
			for _, line := range []string{"목록 [노인복지과]", "list (노인복지과)", "목록 노인복지과"} {
				text := h.run("U1", line, commands.OutcomeOK).Text()
				mustContain(t, text, "#1", "#2")
				if strings.Contains(text, "#3") {
					t.Errorf("%s lists 일자리정책과's #3:\n%s", line, text)
				}
			}
			month := map[bool]string{true: "6월", false: "2026-06"}[ko]
			h.run(manager, "실적없음 "+month+" (사회적경제과)", commands.OutcomeOK)
			if n := h.liveNothing("사회적경제과", "2026-06-01"); n != 1 {
				t.Errorf("실적없음 6월 (사회적경제과): %d live reports for June, want 1", n)
			}
			h.run(manager, "실적없음 7월 부서:(사회적경제과)", commands.OutcomeOK)
			if n := h.liveNothing("사회적경제과", "2026-07-01"); n != 1 {
				t.Errorf("실적없음 7월 부서:(사회적경제과): %d live reports for July, want 1", n)
			}
			// A bracketed word that is no department is still refused.
			h.run("U1", "현황 (노인과장)", commands.OutcomeRefused)
			h.run(manager, "실적없음 5월 (없는과)", commands.OutcomeRefused)
			if n := h.sqlInt(`SELECT count(*) FROM nothing_reports`); n != 2 {
				t.Errorf("%d 실적 없음 reports, want 2", n)
			}
		})
	}
}

// 주말 beside a date describes that day and stays in the note; it is refused
// only as the line's only date (review r5 A14). A program written with 사업
// after its name (청년일자리사업, as 공문 write it) is that program.
func TestWeekendBesideDateAndProgramWithSaeop(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		t.Run(string(lang), func(t *testing.T) {
			h := newClockHarness(t, lang, time.Date(2026, 7, 13, 3, 0, 0, 0, time.UTC))
			type want struct {
				code, day, note string
				count           int64
			}
			for _, c := range []struct {
				line string
				want want
			}{
				{"추가 32 노인 7/12(일) 주말 메모:채용행사", want{"senior", "2026-07-12", "주말 채용행사", 32}},
				{"add 8 senior 주말 7/11 note:job fair", want{"senior", "2026-07-11", "주말", 8}},
				{"추가 21 청년일자리사업 7/13", want{"youth", "2026-07-13", "", 21}},
				{"add 4 청년일자리 사업 date:2026-07-10 평일 채용", want{"youth", "2026-07-10", "평일", 4}},
			} {
				before := h.sqlInt(`SELECT count(*) FROM entries`)
				h.run(manager, c.line, commands.OutcomeOK)
				w := c.want
				got := h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
					WHERE e.id > $1 AND p.code = $2 AND e.as_of = $3::date AND e.note LIKE '%' || $4 || '%' AND e.voided_at IS NULL`, before, w.code, w.day, w.note)
				if got != w.count {
					t.Errorf("%q: %d jobs of %s on %s with note %q, want %d; stored %v", c.line, got, w.code, w.day, w.note, w.count, h.newestEntry())
				}
			}
			stored := h.sqlInt(`SELECT count(*) FROM entries`)
			r := h.run(manager, "추가 9 노인 주말 채용행사", commands.OutcomeRefused)
			mustContain(t, r.Text(), "주말")
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != stored {
				t.Errorf("a line dated only 주말 wrote %d entries", n-stored)
			}
			text := h.run("U1", "status 청년일자리사업", commands.OutcomeOK).Text()
			mustContain(t, text, formatCount(h.sumSQL("youth", dates.On(2026, 1, 1), dates.On(2026, 7, 13))))
		})
	}
}

// `확인: 예` with a space after the colon is the confirmation (r5 addenda),
// and a bare `확인` (English `confirm`) appended as the line's whole note
// confirms a held entry, as issue 19 promises; `현장 확인` stays a note
// (TestConfirmWordInANoteIsTheNote).
func TestConfirmWithSpaceAndAppendedConfirm(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run(manager, "target 10000 program:youth", commands.OutcomeOK)
			youth := func() int64 { return h.sumSQL("youth", dates.On(2026, 1, 1), dates.On(2026, 12, 31)) }

			// Larger than the program's target, with 확인 appended: the
			// confirmation the question asked for once one is pending (not
			// before: a line ending in 확인 pasted twice is held, review r8
			// m-2).
			h.run("U1", "추가 청년 12,345여 6월 1일 확인", commands.OutcomeRefused)
			h.run("U1", "추가 청년 12,345여 6월 1일 확인", commands.OutcomeOK)
			if got := youth(); got != 12345 {
				t.Fatalf("youth after `… 확인`: %d, want 12,345", got)
			}
			if e := h.newestEntry(); e.Note != "" || !h.approxSQL(h.newestID()) {
				t.Errorf("`… 확인` stored note %q (approximate %v); want no note, 여 kept", e.Note, h.approxSQL(h.newestID()))
			}
			h.run("U1", "add 7 youth date:2026-06-02 confirm", commands.OutcomeOK)
			if got := youth(); got != 12352 {
				t.Fatalf("youth after `… confirm`: %d, want 12,352", got)
			}

			// A repeat, confirmed with a space after the colon.
			for _, c := range []struct{ line, confirm string }{
				{"추가 5 청년 6/3 \"A사\"", " 확인: 예"},
				{"add 6 youth date:2026-06-04 \"B사\"", " confirm: yes"},
			} {
				h.run("U1", c.line, commands.OutcomeOK)
				before := youth()
				h.run("U1", c.line, commands.OutcomeRefused) // held
				if youth() != before {
					t.Fatalf("%q again was recorded without confirmation", c.line)
				}
				h.run("U1", c.line+c.confirm, commands.OutcomeOK)
				if got, want := youth(), before+h.sqlInt(`SELECT count FROM entries WHERE id = $1`, h.newestID()); got != want || h.newestEntry().Note != strings.Fields(c.line)[len(strings.Fields(c.line))-1] {
					t.Errorf("%q: youth %d, want %d; note %q", c.line+c.confirm, got, want, h.newestEntry().Note)
				}
			}
			r := h.run("U1", "추가 5 청년 6/3 \"A사\" 확인: 완료", commands.OutcomeRefused)
			mustContain(t, r.Text(), "완료")
		})
	}
}
