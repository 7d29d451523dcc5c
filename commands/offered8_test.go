package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// offered8Rows are the live entries as `as_of|note` lines, oldest first,
// straight from the table.
func (h *harness) offered8Rows() string {
	h.t.Helper()
	return h.sqlStr(`SELECT coalesce(string_agg(as_of::text || '|' || note || '|' || count, E'\n' ORDER BY id), '') FROM entries WHERE voided_at IS NULL`)
}

// offered8: a note's date of another event written with its year
// (`면접 2026. 12. 3.`, `trained 2026-12-03`) was not read as the
// figure's day, but its month and day alone (`12. 3.`, `12-03`) were: the
// add was asked as if the note named the figure's day, the line dated it
// filed the jobs on the interview's day, and the line without it kept
// `면접 2026.` (`trained 2026`), a stray year. The whole date is the other
// event's: the add records as typed, and a line a weekday question
// offers keeps the note whole and records it so.
func TestOffered8OtherEventDateWithItsYear(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line, note string
		weekday    string // the same add dated by today's weekday: asked, two lines
	}{
		{commands.Korean, "추가 청년 5 메모:면접 2026. 12. 3.", "면접 2026. 12. 3.", "추가 청년 5 금요일 메모:면접 2026. 12. 3."},
		{commands.Korean, "추가 청년 5 메모:교육 2026-12-03", "교육 2026-12-03", "추가 청년 5 금요일 메모:교육 2026-12-03"},
		{commands.English, "add 5 youth note:trained 2026-12-03", "trained 2026-12-03", "add 5 youth friday note:trained 2026-12-03"},
		{commands.English, "add 5 youth note:interviewed 2026. 12. 3.", "interviewed 2026. 12. 3.", "add 5 youth friday note:interviewed 2026. 12. 3."},
	} {
		h := r32At(t, tc.lang, "2026-12-04") // a Friday
		h.run("U1", tc.line, commands.OutcomeOK)
		if got, want := h.offered8Rows(), "2026-12-04|"+tc.note+"|5"; got != want {
			t.Errorf("%q: entries\n%s\nwant\n%s", tc.line, got, want)
		}

		h = r32At(t, tc.lang, "2026-12-04")
		r := h.run("U1", tc.weekday, commands.OutcomeRefused)
		lines := r32Offered(r)
		if len(lines) != 2 {
			t.Fatalf("%q: %d lines offered, want 2:\n%s", tc.weekday, len(lines), r.Text())
		}
		for _, l := range lines {
			if !strings.HasSuffix(l, tc.note) {
				t.Errorf("%q: offered line %q does not keep the note %q whole", tc.weekday, l, tc.note)
			}
		}
		h.run("U1", lines[1], commands.OutcomeOK) // last week's Friday
		if got, want := h.offered8Rows(), "2026-11-27|"+tc.note+"|5"; got != want {
			t.Errorf("%q then %q: entries\n%s\nwant\n%s", tc.weekday, lines[1], got, want)
		}
	}
}

// offered8: a typed yes to the repeat question about a line dated by
// no date or a word counted from the day typed (`어제`, `yesterday`),
// asked on Friday and typed again with 확인:예 on Monday (or any later day
// of AnswerWindow), recorded a new entry of Sunday or Monday without a
// word: only a question asked the day before was looked for
// (confirmDayMoved). It is refused naming both days, nothing written, and
// the line it offers for the day asked about records that answer, once.
func TestOffered8YesToAQuestionOfAnEarlierDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang      commands.Lang
		line, yes string
		asked     string // the day the question was about, as SQL writes it
		days      int    // days after the question the yes is typed
		earlier   string // the reply's words for a question of an earlier day
	}{
		{commands.Korean, "추가 청년 5 메모:입사", "추가 청년 5 확인:예 메모:입사", "2026-12-04", 3, "며칠 전에 드린 2026. 12. 4. 실적"},
		{commands.Korean, "추가 청년 5 어제 메모:입사", "추가 청년 5 어제 확인:예 메모:입사", "2026-12-03", 3, "며칠 전에 드린 2026. 12. 3. 실적"},
		{commands.Korean, "추가 청년 5 날짜:어제 메모:입사", "추가 청년 5 날짜:어제 확인:예 메모:입사", "2026-12-03", 7, "며칠 전에 드린 2026. 12. 3. 실적"},
		{commands.Korean, "추가 청년 5 메모:입사", "추가 청년 5 확인:예 메모:입사", "2026-12-04", 1, "전날 드린 2026. 12. 4. 실적"},
		{commands.English, "add 5 youth note:hired", "add 5 youth confirm:yes note:hired", "2026-12-04", 3, "asked on an earlier day, was about 2026-12-04"},
		{commands.English, "add 5 youth yesterday note:hired", "add 5 youth yesterday confirm:yes note:hired", "2026-12-03", 7, "asked on an earlier day, was about 2026-12-03"},
	} {
		now := time.Date(2026, 12, 4, 1, 0, 0, 0, time.UTC) // Friday 10:00 in Seoul
		h := k32Harness(t, tc.lang, now)
		h.run("U1", tc.line, commands.OutcomeOK)
		h.run("U1", tc.line, commands.OutcomeRefused) // the repeat question
		note := tc.line[strings.LastIndex(tc.line, ":")+1:]
		once := tc.asked + "|" + note + "|5"
		now = now.AddDate(0, 0, tc.days).Add(-time.Hour) // within the week the question is kept
		h.withClock(&now)
		r := h.run("U1", tc.yes, commands.OutcomeRefused)
		if got := h.offered8Rows(); got != once {
			t.Errorf("%q %d days later: entries\n%s\nwant\n%s", tc.yes, tc.days, got, once)
		}
		mustContain(t, r.Text(), tc.earlier)
		lines := r32Offered(r)
		if len(lines) != 2 {
			t.Fatalf("%q: %d lines offered, want 2:\n%s", tc.yes, len(lines), r.Text())
		}
		h.run("U1", lines[0], commands.OutcomeOK) // the answer, dated the day asked about
		if got, want := h.offered8Rows(), once+"\n"+once; got != want {
			t.Errorf("%q then %q: entries\n%s\nwant\n%s", tc.yes, lines[0], got, want)
		}
		h.run("U1", lines[0], commands.OutcomeRefused) // answered already
		if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL`); got != 2 {
			t.Errorf("%q typed twice: %d entries, want 2", lines[0], got)
		}
	}
}
