package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// A 무효 whose reason counts part of the entry in any unit (2회, 2인, 2곳,
// 중복 2건, "2 times") is refused pointing to 정정, and nothing is voided;
// an order (2차, 2회차) is no count and the void goes through (k44 item 1).
func TestK44VoidPartialCountUnits(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		refused []string
		ok      string
	}{
		{commands.Korean, []string{"무효 %d 2회 중복", "무효 %d 2인 중복", "무효 %d 중복 2건", "무효 %d 중복 2곳", "무효 %d 중복 2개소"}, "무효 %d 2차 점검 2회차 중복"},
		{commands.English, []string{"void %d duplicated 2 times", "void %d 2인 중복", "void %d 2회 중복", "void %d duplicate 2 entries"}, "void %d duplicate found in the 2차 check"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", byLang(tc.lang, "add 40 senior date:11/2", "추가 노인 40 날짜:11/2"), commands.OutcomeOK)
			id := h.newestID()
			for _, l := range tc.refused {
				h.refusedUntouched("U1", fmt.Sprintf(l, id), byLang(tc.lang, fmt.Sprintf("correct %d 38", id), fmt.Sprintf("정정 %d 38", id)))
			}
			if n, sum := h.live(); n != 1 || sum != 40 {
				t.Fatalf("live %d entries, %d jobs; want 1 and 40", n, sum)
			}
			h.run("U1", fmt.Sprintf(tc.ok, id), commands.OutcomeOK)
			if n, sum := h.live(); n != 0 || sum != 0 {
				t.Fatalf("after the whole void: live %d entries, %d jobs; want none", n, sum)
			}
		})
	}
}

// A 정정 is refused as an addition when any word of its reason says more
// (k44 item 2), not only the first; the reason after 사유: stays free.
func TestK44CorrectAdditionWordsAnywhere(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		refused []string
		ok      string
	}{
		{commands.Korean, []string{"정정 %d 3 (누락분)", "정정 %d 3 신규 추가", "정정 %d 3 증가", "정정 %d 3 오타 아니고 누락"}, "정정 %d 33 사유:누락분 3 추가 반영"},
		{commands.English, []string{"correct %d 3 add", "correct %d 3 increase", "correct %d 3 typo missing", "correct %d 3 (added)"}, "correct %d 33 reason:add the missing 3"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			h.run("U1", byLang(tc.lang, "add 30 senior date:11/2", "추가 노인 30 날짜:11/2"), commands.OutcomeOK)
			id := h.newestID()
			for _, l := range tc.refused {
				h.refusedUntouched("U1", fmt.Sprintf(l, id), "33")
			}
			if n, sum := h.live(); n != 1 || sum != 30 {
				t.Fatalf("live %d entries, %d jobs; want 1 and 30", n, sum)
			}
			h.run("U1", fmt.Sprintf(tc.ok, id), commands.OutcomeOK)
			if got := h.seniorSQL(); got != 33 {
				t.Fatalf("senior holds %d after the 정정; want 33", got)
			}
		})
	}
}

// NEL (U+0085), the Unicode line and paragraph separators and a lone \r
// end a line as \n does: a write typed over them is refused as a
// multi-line command, nothing saved (k44 item 3). A read runs over them.
func TestK44UnicodeLineBreaksRefuseWrites(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			add := byLang(lang, "add 5 senior", "추가 노인 5")
			for _, br := range []string{"\u2028", "\u2029", "\u0085", "\r"} {
				h.refusedUntouched("U1", add+br+byLang(lang, "add 3 senior", "추가 노인 3"),
					byLang(lang, "more than one line", "여러 줄"))
				h.refusedUntouched("U1", add+" "+byLang(lang, "note:", "메모:")+"a"+br+"b", byLang(lang, "more than one line", "여러 줄"))
			}
			if n, sum := h.live(); n != 0 || sum != 0 {
				t.Fatalf("live %d entries, %d jobs; want none", n, sum)
			}
			h.run("U1", byLang(lang, "status\u2028senior", "현황\u2028노인"), commands.OutcomeOK)
		})
	}
}

// The add form's note and department are refused for a zero-width or
// text-direction mark, as a typed line is (k44 item 5); nothing written.
func TestK44AddFormNoteInvisible(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			ctx := context.Background()
			caller := commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: "view-k44"}
			for _, note := range []string{"경로당\u202E01 추가", "a\u200Bb", "x\u2066y"} {
				r, errs := h.svc.SubmitAddForm(ctx, caller, commands.AddForm{Program: "senior", Count: "5", Date: "2026-11-20", Note: note})
				if r.Outcome != commands.OutcomeRefused || errs[commands.FieldNote] == "" {
					t.Fatalf("note %q: outcome %q, errors %v; want the note refused", note, r.Outcome, errs)
				}
				mustContain(t, errs[commands.FieldNote], byLang(lang, "invisible character", "보이지 않는 문자"))
			}
			_, errs := h.svc.SubmitAddForm(ctx, caller, commands.AddForm{Program: "senior", Count: "5", Date: "2026-11-20", Department: "노인\u200B복지과"})
			if errs[commands.FieldDepartment] == "" {
				t.Fatalf("department with a zero-width space: errors %v; want it refused", errs)
			}
			if n := h.entryCount(); n != 0 {
				t.Fatalf("the form wrote %d entries; want none", n)
			}
			if _, errs := h.svc.SubmitAddForm(ctx, caller, commands.AddForm{Program: "senior", Count: "5", Date: "2026-11-20", Note: "경로당 행사"}); errs != nil {
				t.Fatalf("plain note refused: %v", errs)
			}
			if got := h.seniorSQL(); got != 5 {
				t.Fatalf("senior holds %d; want 5", got)
			}
		})
	}
}

// A 누계 refused for being below the ledger shows the figure typed with its
// 여 (k44 F10); a hire's 정정 beyond its agreement names the hire's own
// count, not "0 hired" (k44 F13). Nothing is written by either.
func TestK44RefusalFigures(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run("U1", byLang(lang, "add senior cumulative 400여 date:11/10", "추가 노인 누계 400여 날짜:11/10"), commands.OutcomeOK)
			h.refusedUntouched("U1", byLang(lang, "add senior cumulative 300여 date:11/12", "추가 노인 누계 300여 날짜:11/12"),
				byLang(lang, "cumulative figure of about 300", "보고하신 누계 300여개"))
			h.run("U1", byLang(lang, "add 10 youth status:agreed date:11/5", "추가 청년 10 상태:약정 날짜:11/5"), commands.OutcomeOK)
			agreement := h.newestID()
			h.run("U1", fmt.Sprintf(byLang(lang, "hire %d 4 11/6", "채용 %d 4 11/6"), agreement), commands.OutcomeOK)
			hire := h.newestID()
			r := h.refusedUntouched("U1", fmt.Sprintf(byLang(lang, "correct %d 11 typo", "정정 %d 11 오타"), hire),
				byLang(lang, "4 hired, 4 of them by this hire", "4개 채용 전환(이 채용 기록"), byLang(lang, "6 left", "남은 수 6개"),
				byLang(lang, "at most 10", "10개까지"))
			if strings.Contains(r.Text(), byLang(lang, "0 already hired", "0개 채용 전환")) {
				t.Errorf("the refusal says none were hired:\n%s", r.Text())
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); got != 404 {
				t.Errorf("realised entries sum to %d; want 404 (400 and the hire's 4)", got)
			}
		})
	}
}

// A date after 날짜: / date: with a day past its month's end or a weekday
// of another day is refused naming the whole date and what is wrong, as
// the same words are without the label, never blaming its first word
// (k44 F4, F7). A weekday that matches is read.
func TestK44LabelledDateTypos(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			add := byLang(lang, "add 5 senior date:", "추가 노인 5 날짜:")
			for _, tc := range [][]string{
				{"9. 31.", byLang(lang, "month 9 has 30 days", "9월은 30일까지입니다")},
				{"2026. 9. 31.", byLang(lang, "month 9 has 30 days", "9월은 30일까지입니다")},
				{"9/31", byLang(lang, "month 9 has 30 days", "9월은 30일까지입니다")},
				{"2월 29일", byLang(lang, "month 2 has 28 days", "2월은 28일까지입니다")},
				{"2028. 2. 30.", byLang(lang, "month 2 has 29 days", "2월은 29일까지입니다")},
				{"11/3(금)", byLang(lang, "2026-11-03 is a Tuesday", "2026. 11. 3.은 화요일입니다")},
				{"11. 3. (금)", byLang(lang, "2026-11-03 is a Tuesday", "2026. 11. 3.은 화요일입니다")},
				{"11/3 금요일", byLang(lang, "2026-11-03 is a Tuesday", "2026. 11. 3.은 화요일입니다")},
			} {
				r := h.refusedUntouched("U1", add+tc[0], tc[1])
				if strings.Contains(r.Text(), byLang(lang, "can't read the date", "읽을 수 없습니다")) {
					t.Errorf("%q blames a part of the date:\n%s", tc[0], r.Text())
				}
			}
			h.run("U1", add+"11. 3. (화)", commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-03'`); got != 5 {
				t.Errorf("2026-11-03 holds %d; want 5", got)
			}
		})
	}
}

// English "as of <date>" is read as <date> 기준 (k44 item 4): an add
// without cumulative is asked which it means, nothing saved; a cumulative
// add and a status read the date.
func TestK44EnglishAsOf(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run("U1", "add 7 senior date:11/19", commands.OutcomeOK)
			for _, line := range []string{"add 10 senior as of 2026-11-20", "add 10 senior as of 2026. 11. 20.", "add 10 senior date:as of 11/20"} {
				h.refusedUntouched("U1", line, "`as of", byLang(lang, "add senior cumulative 10 2026-11-20", "추가 senior 누계 10 2026. 11. 20."))
			}
			h.run("U1", "add senior cumulative 10 as of 11/20", commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-20'`); got != 3 {
				t.Errorf("2026-11-20 holds %d; want 3 (the 누계 10 less the 7 before it)", got)
			}
			r := h.run("U1", "status as of 11/20", commands.OutcomeOK)
			mustContain(t, r.Text(), byLang(lang, "total through 2026-11-20", "2026. 11. 20. 현재 누계"))
			if got := h.seniorSQL(); got != 10 {
				t.Errorf("senior holds %d; want 10", got)
			}
		})
	}
}

// Bare digits that are a month and day (1207) are refused naming the date
// form, after a count or after 날짜:, never read as a date or a second
// count in silence; a program typed twice is said to be that; 7일 alone is
// refused with the month it lacks, as day-only words are (k44 F14, F16).
func TestK44DigitsDateAndRepeats(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			for _, line := range []string{"추가 노인 5 1207", "add 5 senior 1107", "추가 노인 5 날짜:1107", "add 5 senior date:0907"} {
				r := h.refusedUntouched("U1", line, byLang(lang, "month and day apart", "월과 일을 나눠"))
				if !strings.Contains(r.Text(), "11/7") && !strings.Contains(r.Text(), "12/7") && !strings.Contains(r.Text(), "9/7") {
					t.Errorf("%q names no date form:\n%s", line, r.Text())
				}
			}
			for _, line := range []string{"추가 노인 노인 5", "추가 5 노인 노인", "add 5 senior senior"} {
				h.refusedUntouched("U1", line, byLang(lang, "typed twice", "두 번 썼습니다"))
			}
			// 7일 names the month it lacks, with the forms for the latest 7th (review F16).
			h.refusedUntouched("U1", "추가 노인 5 7일", byLang(lang, "`11월 7일` or `2026-11-07`", "`11월 7일` 또는 `2026. 11. 7.`"))
			h.run("U1", "추가 노인 5 12. 7.", commands.OutcomeRefused) // a future day (today is 2026. 11. 26.)
			h.run("U1", "추가 노인 5 11. 7.", commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-07'`); got != 5 || h.entryCount() != 1 {
				t.Errorf("2026-11-07 holds %d in %d entries; want 5 in one", got, h.entryCount())
			}
		})
	}
}
