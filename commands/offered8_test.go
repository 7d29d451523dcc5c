package commands_test

import (
	"strings"
	"testing"

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
