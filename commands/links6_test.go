package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// links6Last is the id of user's newest entry.
func links6Last(h *harness, user string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT COALESCE(MAX(id), 0) FROM entries WHERE logged_by = $1`, user)
}

// Review r44 B3: a note-day refusal (`추가 청년 3 메모:어제 입사` on 4
// December) offers the lines of the 3rd and the 4th; once the 3rd's
// recorded, the 4th's with 확인:다시 records the question's separate batch.
// It recorded again each time its note differed by a word (or was left
// out): the again key sealed the note. One 확인:다시 per question records
// once whatever its note; a further batch is asked as a repeat (the line
// without 확인:), as the reply says.
func TestLinks6AgainRecordsOnceWhateverItsNote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                 commands.Lang
		refused, past, today string
		again, notes         string
		already              string
		words                []string
	}{
		{commands.Korean, "추가 청년 %d 메모:어제 입사", "추가 청년 %d 날짜:2026. 12. 3. 메모:2026. 12. 3. 입사",
			"추가 청년 %d 날짜:2026. 12. 4. 메모:입사", "추가 청년 %d 날짜:2026. 12. 4. 확인:다시", " 메모:",
			"이미 기록했습니다", []string{"입사", "신규 입사", "", "입사"}},
		{commands.English, "add %d youth note:hired yesterday", "add youth %d date:2026-12-03 note:hired 2026-12-03",
			"add youth %d date:2026-12-04 note:hired", "add youth %d date:2026-12-04 confirm:again", " note:",
			"Already recorded", []string{"hired", "newly hired", "", "hired"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			for i, refusedFirst := range []bool{true, false} {
				// distinct counts: the users' entries are one department's
				u, n := fmt.Sprintf("U%d", i+1), int64(3+i)
				holds3Run(h, u, fmt.Sprintf(tc.refused, n), commands.OutcomeRefused)
				holds3Run(h, u, fmt.Sprintf(tc.past, n), commands.OutcomeOK)
				if refusedFirst {
					holds3Run(h, u, fmt.Sprintf(tc.today, n), commands.OutcomeRefused)
				}
				for j, note := range tc.words {
					line := fmt.Sprintf(tc.again, n)
					if note != "" {
						line += tc.notes + note
					}
					if j == 0 {
						holds3Run(h, u, line, commands.OutcomeOK)
					} else {
						r := holds3Run(h, u, line, commands.OutcomeRefused)
						mustContain(t, r.Text(), tc.already, fmt.Sprintf("#%d", links6Last(h, u)))
					}
					if got := holds3Sum(h, u, "youth"); got != 2*n {
						t.Fatalf("%s after %q: SQL SUM %d, want %d (the report and its one separate batch)", u, line, got, 2*n)
					}
				}
				// a further batch: the line without 확인: is asked as a repeat
				r := holds3Run(h, u, fmt.Sprintf(tc.today, n), commands.OutcomeRefused)
				yes := links4Pick(t, r32Offered(r), byLang(tc.lang, "confirm:yes", "확인:예"))
				if got := holds3Sum(h, u, "youth"); got != 2*n {
					t.Fatalf("%s: SQL SUM %d, want %d", u, got, 2*n)
				}
				holds3Run(h, u, yes, commands.OutcomeOK) // the further batch, by the user's word
				r = holds3Run(h, u, yes, commands.OutcomeRefused)
				mustContain(t, r.Text(), tc.already)
				if got := holds3Sum(h, u, "youth"); got != 3*n {
					t.Fatalf("%s: SQL SUM %d, want %d (a further batch, once)", u, got, 3*n)
				}
			}
		})
	}
}

// Review r44 B4: once the 3rd's line of a note-day refusal recorded (#1),
// the same line again is held as a repeat, and its 확인:예 records a
// separate batch (#2). That answer took over the note question's link to
// the 3rd's line, so once #2 was voided the 4th's line recorded beside #1:
// one `어제 입사` report counted twice. The separate batch is no answer of
// the note question; the 4th's line is refused naming #1.
func TestLinks6RepeatAnswerKeepsTheNoteQuestionsLink(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                          commands.Lang
		refused, past, yes, today, vd string
		already                       string
	}{
		{commands.Korean, "추가 청년 %d 메모:어제 입사", "추가 청년 %d 날짜:2026. 12. 3. 메모:2026. 12. 3. 입사",
			"추가 청년 %d 날짜:2026. 12. 3. 확인:예 메모:2026. 12. 3. 입사", "추가 청년 %d 날짜:2026. 12. 4. 메모:입사",
			"무효 %d 중복 입력", "이미 기록했습니다"},
		{commands.English, "add %d youth note:hired yesterday", "add youth %d date:2026-12-03 note:hired 2026-12-03",
			"add youth %d date:2026-12-03 confirm:yes note:hired 2026-12-03", "add youth %d date:2026-12-04 note:hired",
			"void %d duplicate", "Already recorded"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			u, n := "U1", int64(3)
			holds3Run(h, u, fmt.Sprintf(tc.refused, n), commands.OutcomeRefused)
			holds3Run(h, u, fmt.Sprintf(tc.past, n), commands.OutcomeOK)
			first := links6Last(h, u)
			r := holds3Run(h, u, fmt.Sprintf(tc.past, n), commands.OutcomeRefused) // the repeat question
			mustContain(t, r.Text(), byLang(tc.lang, "confirm:yes", "확인:예"))
			holds3Run(h, u, fmt.Sprintf(tc.yes, n), commands.OutcomeOK) // a separate batch, by the user's word
			second := links6Last(h, u)
			if got := holds3Sum(h, u, "youth"); got != 2*n {
				t.Fatalf("SQL SUM %d, want %d", got, 2*n)
			}
			holds3Run(h, u, fmt.Sprintf(tc.vd, second), commands.OutcomeOK)
			r = holds3Run(h, u, fmt.Sprintf(tc.today, n), commands.OutcomeRefused)
			mustContain(t, r.Text(), tc.already, fmt.Sprintf("#%d", first))
			if got := holds3Sum(h, u, "youth"); got != n {
				t.Fatalf("SQL SUM %d for one report of %d", got, n)
			}
		})
	}
}

// Review r44 M3: the lines offered for `메모:어제 입사, 어제 면접` wrote
// only the first 어제 as its day, leaving a word counted from the day
// typed in the line to type back (typed the next day, it names another
// day). Every day word counted from today in the note is written as the
// day it names, each its own.
func TestLinks6OfferedLineWritesEveryRelativeDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line       string
		past, kept string // the notes of the offered lines
		gone       []string
	}{
		{commands.Korean, "추가 청년 %d 메모:어제 입사, 어제 면접",
			"메모:2026. 12. 3. 입사, 2026. 12. 3. 면접", "메모:입사, 2026. 12. 3. 면접", []string{"어제"}},
		{commands.Korean, "추가 청년 %d 메모:어제 입사, 그제 면접, 오늘 교육",
			"메모:2026. 12. 3. 입사, 2026. 12. 2. 면접, 2026. 12. 4. 교육", "메모:입사, 2026. 12. 2. 면접, 2026. 12. 4. 교육",
			[]string{"어제", "그제", "오늘"}},
		// interviewed and trained name the day of another event, never
		// read as the figure's (offered8): written as their days too
		{commands.English, "add %d youth note:hired yesterday, interviewed yesterday",
			"note:hired 2026-12-03, interviewed 2026-12-03", "note:hired, interviewed 2026-12-03", []string{"yesterday"}},
		{commands.English, "add %d youth note:hired yesterday, trained today",
			"note:hired 2026-12-03, trained 2026-12-04", "note:hired, trained 2026-12-04", []string{"yesterday", "today"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			for i, typeKept := range []bool{false, true} {
				u, n := fmt.Sprintf("U%d", i+1), int64(5+i)
				offered := r32Offered(holds3Run(h, u, fmt.Sprintf(tc.line, n), commands.OutcomeRefused))
				if len(offered) != 2 {
					t.Fatalf("%q offers %q, want two lines", tc.line, offered)
				}
				past := links4Pick(t, offered, byLang(tc.lang, "date:2026-12-03", "날짜:2026. 12. 3."))
				kept := links4Pick(t, offered, byLang(tc.lang, "date:2026-12-04", "날짜:2026. 12. 4."))
				for _, l := range offered {
					for _, w := range tc.gone {
						if strings.Contains(strings.ToLower(l), w) {
							t.Errorf("offered line %q keeps %q", l, w)
						}
					}
				}
				mustContain(t, past, tc.past)
				mustContain(t, kept, tc.kept)
				first, second := past, kept
				if typeKept {
					first, second = kept, past
				}
				holds3Run(h, u, first, commands.OutcomeOK)
				holds3Run(h, u, second, commands.OutcomeRefused)
				if got := holds3Sum(h, u, "youth"); got != n {
					t.Fatalf("%s: SQL SUM %d for one report of %d", u, got, n)
				}
			}
		})
	}
}
