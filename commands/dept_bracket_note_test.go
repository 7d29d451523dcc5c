package commands_test

import (
	"testing"

	"jobsbot/commands"
)

// A department written in brackets in the note, `(여성가족과)` or
// `(여성가족과 제출)`, is asked about like the bare name rather than kept
// in the note while the entry is filed elsewhere (review r3 S2). Nothing
// is written.
func TestDepartmentInBracketsIsNotKeptAsANote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang  commands.Lang
		lines []string
		wants []string
		kept  string
	}{
		{commands.Korean,
			[]string{"추가 12 youth 2026. 7. 3. (여성가족과)", "추가 11 youth 7.6 (여성가족과 제출)", "추가 청년 9 7.6 여성가족과 실적"},
			[]string{"`여성가족과`는 부서 이름이어서 메모로 남기지 않았습니다", "`부서:여성가족과`", "아무것도 저장하지 않았습니다"},
			"추가 12 youth 2026. 7. 3. 메모:(일자리 센터)"},
		{commands.English,
			[]string{"add 12 youth 2026-07-03 (여성가족과)", "add 11 youth 2026-07-06 (여성가족과 submitted)", "add 9 youth 2026-07-06 여성가족과 report"},
			[]string{"`여성가족과` is the name of a department, so I did not keep it as a note", "`dept:여성가족과`", "Nothing was saved."},
			"add 12 youth 2026-07-03 note:(job centre)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run(manager, "/jobs dept add 여성가족과", commands.OutcomeOK)
			before := h.entriesStored()
			for _, line := range tc.lines {
				r := h.run("U1", line, commands.OutcomeRefused)
				mustContain(t, r.Text(), tc.wants...)
			}
			if got := h.entriesStored(); got != before {
				t.Errorf("refused lines wrote %d rows", got-before)
			}
			if got := h.yearTotal(); got != 0 {
				t.Errorf("SQL year total = %d, want 0", got)
			}
			// A bracketed note that names no department is kept as before.
			h.run("U1", tc.kept, commands.OutcomeOK)
			if got := h.yearTotal(); got != 12 {
				t.Errorf("SQL year total = %d, want 12", got)
			}
		})
	}
}
