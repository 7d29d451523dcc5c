package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
)

// seniorSQL is the plain sum of live senior entries of any status.
func (h *harness) seniorSQL() int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE p.code = 'senior' AND e.voided_at IS NULL`)
}

// A quoted word of an add line that reads as a date, a status, another
// program or a department is refused naming it, never filed as the note
// (k36 B1: `추가 노인 5 "어제"` was dated today with the note "어제").
// Quoted plain words stay the note, and so does anything after 메모:.
// A quoted program in the program's place is the program.
func TestK36QuotedFieldWordsAreReadOrRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		refused [][]string // the line, then what the reply must say
		ok      []string
		program string // the program in quotes where the program stands
		note    string // a quoted date after 메모:, kept as typed
	}{
		{commands.Korean, [][]string{
			{`추가 노인 5 "어제"`, "`\"어제\"`", "날짜", "`추가 노인 5 날짜:어제`", "메모로도 남길 수 없습니다"}, // r33 M6: 메모:"어제" is refused, not offered
			{`추가 노인 5 "11월 9일"`, "`\"11월 9일\"`", "날짜"},
			{`추가 노인 5 "MOU"`, "`\"MOU\"`", "상태", "`추가 노인 5 \"MOU\" 상태:약정`"},
			{`추가 노인 5 "약정 기업"`, "`\"약정 기업\"`", "상태"},
			{`추가 노인 5 "노인복지과 실적"`, "`노인복지과`", "부서 이름"},
			{`추가 노인 5 "청년"`, "`\"청년\"`", "다른 사업(청년일자리)"},
			{`추가 노인 5 "추석"`, "`\"추석\"`", "날짜"},
			{`추가 노인 5 "주말 행사"`, "`\"주말 행사\"`", "날짜"},
		}, []string{`추가 노인 2 10/5 "추석 연휴"`, `추가 노인 1 "경로당"`, `추가 노인 4 확인:예 메모:"주말" 경로당`}, `추가 "노인" 5`, `"주말" 경로당`},
		{commands.English, [][]string{
			{`add 5 senior "yesterday"`, "`\"yesterday\"`", "a date", "`add 5 senior date:yesterday`", "cannot stay in the note"},
			{`add 5 senior "11월 9일"`, "`\"11월 9일\"`", "a date"},
			{`add 5 senior "MOU"`, "`\"MOU\"`", "a status", "`add 5 senior \"MOU\" status:agreed`"},
			{`add 5 senior "노인복지과 results"`, "`노인복지과`", "name of a department"},
			{`add 5 senior "youth"`, "`\"youth\"`", "another program"},
			{`add 5 senior "추석"`, "`\"추석\"`", "a date"},
		}, []string{`add 2 senior 10/5 "추석 연휴"`, `add 1 senior "job fair"`, `add 4 senior confirm:yes note:"weekend" fair`}, `add "senior" 5`, `"weekend" fair`},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, r := range tc.refused {
				reply := h.run("U1", r[0], commands.OutcomeRefused)
				mustContain(t, reply.Text(), r[1:]...)
				if n := h.entryCount(); n != 0 {
					t.Fatalf("%q wrote %d entries; want none", r[0], n)
				}
			}
			for _, line := range tc.ok {
				h.run("U1", line, commands.OutcomeOK)
			}
			if e := h.newestEntry(); e.Note != tc.note || e.AsOf.Format("2006-01-02") != "2026-11-26" {
				t.Errorf("the note after 메모: is %q dated %s; want %q dated today", e.Note, e.AsOf.Format("2006-01-02"), tc.note)
			}
			h.run("U1", tc.program, commands.OutcomeOK)
			if got := h.seniorSQL(); got != 3+4+5 {
				t.Errorf("senior holds %d; want 12 (2, 1, 4 and the quoted program's 5)", got)
			}
		})
	}
}

// A date given after 날짜: with 까지, 현재 or 기준 is asked about as the
// same date typed without the label is (k36 B2): the count may be the 누계
// through that day or the day's new jobs. 누계 says which. The add form's
// date is asked the same way.
func TestK36LabelledThroughDateIsAsked(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			for _, tt := range []struct{ line, typed, day string }{
				{byLang(lang, "add 5 senior date:11월9일까지", "추가 노인 5 날짜:11월9일까지"), "`11월9일까지`", " 11월9일`"},
				{byLang(lang, "add 5 senior date:11월9일현재", "추가 노인 5 날짜:11월9일현재"), "`11월9일현재`", byLang(lang, "cumulative 5 ", "누계 5 ")},
				{byLang(lang, "add 5 senior date:11월 9일 기준", "추가 노인 5 날짜:11월 9일 기준"), "`11월 9일 기준`", byLang(lang, "cumulative 5 ", "누계 5 ")},
			} {
				r := h.run("U1", tt.line, commands.OutcomeRefused)
				mustContain(t, r.Text(), tt.typed, tt.day)
			}
			if n := h.entryCount(); n != 0 {
				t.Fatalf("%d entries written; want none", n)
			}
			h.run("U1", byLang(lang, "add senior cumulative 40 date:11월9일까지", "추가 노인 누계 40 날짜:11월9일까지"), commands.OutcomeOK)
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = '2026-11-09' AND kind = 'cumulative'`); got != 1 {
				t.Errorf("%d cumulative entries on 11/9; want 1", got)
			}
			r, errs := h.svc.SubmitAddForm(context.Background(), commands.Caller{UserID: "U1"},
				commands.AddForm{Program: "senior", Count: "5", Date: "11월9일까지"})
			if r.Outcome != commands.OutcomeRefused || !strings.Contains(errs[commands.FieldDate], "11월9일까지") {
				t.Errorf("the form's date 11월9일까지: outcome %q, errors %v; want the date field asked about", r.Outcome, errs)
			}
			if got := h.seniorSQL(); got != 40 {
				t.Errorf("senior holds %d; want 40", got)
			}
		})
	}
}

// Every write takes one line (k36 B3): a 정정 or 채용 with a second line
// took it as its reason or date words, so `정정 1 7 사유:오기` followed by
// `추가 노인 5` corrected #1 with the add as its reason. Nothing changes.
func TestK36EveryWriteIsOneLine(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run(manager, byLang(lang, "add 5 senior status:agreed", "추가 노인 5 상태:약정"), commands.OutcomeOK)
			for _, line := range []string{
				byLang(lang, "correct 1 7 reason:typo\nadd 5 senior", "정정 1 7 사유:오기\n추가 노인 5"),
				byLang(lang, "hire 1 3\nadd 2 senior", "채용 1 3\n추가 노인 2"),
				byLang(lang, "void 1 duplicate\nadd 2 senior", "무효 1 중복\n추가 노인 2"),
				byLang(lang, "target 20000\nsenior", "목표 2만\n노인"),
				byLang(lang, "none 11월\ndept:노인복지과", "실적없음 11월\n부서:노인복지과"),
			} {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(lang, "more than one line", "여러 줄"))
			}
			if got := h.seniorSQL(); got != 5 {
				t.Errorf("senior holds %d; want the agreement's 5 untouched", got)
			}
			if n := h.entryCount(); n != 1 {
				t.Errorf("%d entries; want 1", n)
			}
			if n := h.sqlInt(`SELECT count(*) FROM targets`); n != 0 {
				t.Errorf("%d targets set; want none", n)
			}
		})
	}
}

// A department name holding a field label (메모:, 부서:, 날짜:) is refused
// when it is created or renamed to (k36 B-minor-1): typed back in a
// question's line, `부서:"노인 메모:과"` put 확인:예 inside the name. A name
// given before that is still confirmed with the line offered.
func TestK36DepartmentNameWithFieldLabelIsRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			for _, line := range []string{
				byLang(lang, `dept add "노인 메모:과"`, `부서 추가 "노인 메모:과"`),
				byLang(lang, `dept add 노인메모:과`, `부서 추가 노인메모:과`),
				byLang(lang, `dept add "날짜:과"`, `부서 추가 "날짜:과"`),
				byLang(lang, `dept add 노인과 aliases:"노인 부서:과"`, `부서 추가 노인과 별칭:"노인 부서:과"`),
				byLang(lang, `dept rename 노인복지과 "노인 note:과"`, `부서 이름변경 노인복지과 "노인 note:과"`),
			} {
				r := h.run(manager, line, commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(lang, "field label", "항목 이름"))
			}
			if n := h.sqlInt(`SELECT count(*) FROM departments WHERE department LIKE '%:%' OR array_to_string(aliases, ',') LIKE '%:%'`); n != 0 {
				t.Errorf("%d departments with a colon; want none", n)
			}
			// One named so before the refusal is still confirmed with the
			// line the question offers: 확인:예 goes after the quoted name.
			h.addDepartment("노인 메모:과")
			h.run(manager, byLang(lang, "target 100 program:senior", "목표 100 사업:노인"), commands.OutcomeOK)
			line := byLang(lang, `add 500 senior dept:"노인 메모:과"`, `추가 노인 500 부서:"노인 메모:과"`)
			// the line as typed, with the date it was held for (r25 F6)
			confirmed := line + byLang(lang, " date:2026-11-26 confirm:yes", " 날짜:2026. 11. 26. 확인:예")
			r := h.run(manager, line, commands.OutcomeRefused)
			mustContain(t, r.Text(), "`"+confirmed+"`")
			h.run(manager, confirmed, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE department = '노인 메모:과' AND voided_at IS NULL`); got != 500 {
				t.Errorf("노인 메모:과 holds %d; want 500", got)
			}
		})
	}
}

// A 정정 to a figure larger than the program's whole-year target waits for
// the same confirmation an add of it does (k36 B-minor-2, issue 19 §5):
// nothing changes until 확인:예 is typed.
func TestK36CorrectionOverYearTargetIsHeld(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			for _, line := range []string{
				byLang(lang, "target 100 program:senior", "목표 100 사업:노인"),
				byLang(lang, "add 50 senior", "추가 노인 50"),
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			r := h.run(manager, byLang(lang, "correct 1 500 reason:typo", "정정 1 500 사유:오기"), commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "100", "100개"), byLang(lang, "correct 1 500 confirm:yes reason:typo", "정정 1 500 확인:예 사유:오기"))
			if got := h.seniorSQL(); got != 50 {
				t.Fatalf("senior holds %d after the held correction; want 50", got)
			}
			h.run(manager, byLang(lang, "correct 1 500 confirm:yes reason:typo", "정정 1 500 확인:예 사유:오기"), commands.OutcomeOK)
			if got := h.seniorSQL(); got != 500 {
				t.Errorf("senior holds %d after the confirmed correction; want 500", got)
			}
			h.run(manager, byLang(lang, "correct 2 90 reason:typo", "정정 2 90 사유:오기"), commands.OutcomeOK)
			if got := h.seniorSQL(); got != 90 {
				t.Errorf("senior holds %d; want 90 (below the target: no question)", got)
			}
		})
	}
}
