package commands_test

import (
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r31 F3/F15: a back-dated report whose note gives the start day.
// When the note's day is the entry's own it is simply recorded; when it
// is another day both lines are offered, the reply says the kept line
// leaves the day out and why (a note naming another day is asked again),
// and each line typed back records once with no question.
func TestKeptBackdatedNoteDay(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, time.December, 3, 1, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang commands.Lang
		line string
		note string
	}{
		{commands.Korean, "추가 5 청년 날짜:11/28 메모:11/28 입사", "11/28 입사"},
		{commands.Korean, "추가 5 청년 날짜:11/28 메모:11월 28일 입사자", "11월 28일 입사자"},
		{commands.English, "add 5 youth date:11/28 note:hired 11/28", "hired 11/28"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			h := k32Harness(t, tc.lang, now)
			h.run(manager, tc.line, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-28' AND count = 5 AND note = $1`, tc.note); got != 1 {
				t.Errorf("%q: %d entries of 5 on 2026-11-28 with its note, want 1", tc.line, got)
			}
		})
	}
	for _, tc := range []struct {
		lang       commands.Lang
		line, says string
		kept       string
	}{
		{commands.Korean, "추가 5 청년 날짜:11/28 메모:11월 26일 입사", "그 날짜(2026. 11. 26.)를 남기려면 첫 번째 줄처럼 그날을 기준일로 기록하십시오", "입사"},
		{commands.English, "add 5 youth date:11/28 note:hired on 11/26", "to keep that day (2026-11-26), record the figure on it", "hired"},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			h := k32Harness(t, tc.lang, now)
			r := h.refusedUntouched(manager, tc.line, tc.says)
			lines := offeredLines(r.Text())
			if len(lines) != 2 {
				t.Fatalf("%d lines offered, want 2:\n%s", len(lines), r.Text())
			}
			c := keptCase{now: "2026-12-03", lang: tc.lang}
			typeBack(t, c, lines[0], "2026-11-26", tc.line[len(tc.line)-len(noteOf(tc.line)):])
			typeBack(t, c, lines[1], "2026-11-28", tc.kept)
		})
	}
}

// noteOf is the note of a line, after its first 메모: or note:.
func noteOf(line string) string {
	for i := range line {
		for _, label := range []string{"메모:", "note:"} {
			if len(line) >= i+len(label) && line[i:i+len(label)] == label {
				return line[i+len(label):]
			}
		}
	}
	return ""
}
