package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// window2Offered is the one line of r offered that contains want, failing
// the test when none or several do.
func window2Offered(t *testing.T, r commands.Reply, want string) string {
	t.Helper()
	var found []string
	for _, l := range r32Offered(r) {
		if strings.Contains(l, want) {
			found = append(found, l)
		}
	}
	if len(found) != 1 {
		t.Fatalf("reply offers %q, want one line with %q; reply:\n%s", r32Offered(r), want, r.Text())
	}
	return found[0]
}

// window2Live is the plain SQL count of user's live entries.
func window2Live(h *harness, user string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT COUNT(*) FROM entries WHERE voided_at IS NULL AND logged_by = $1`, user)
}

// Review r45 M1: a question answered on Friday stays answered on Monday.
// The 확인:예 line that recorded #2 on Friday, typed again on Monday, is
// the same answer sent twice (answerWindow), not a new report.
func TestWindow2AnsweredOnFridayIsAnsweredOnMonday(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang              commands.Lang
		line, yes, answer string
	}{
		{commands.Korean, "추가 여성 8 12/3 메모:새일센터 연계", "확인:예", "이미 기록했습니다"},
		{commands.English, "add 8 women 12/3 note:via the centre", "confirm:yes", "lready recorded"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h, setDay := offered4At(t, tc.lang, "2026-12-04")
			u := "W2M1"
			offered4Run(h, u, tc.line, commands.OutcomeOK) // #1
			r := offered4Run(h, u, tc.line, commands.OutcomeRefused)
			yes := window2Offered(t, r, tc.yes)
			offered4Run(h, u, yes, commands.OutcomeOK) // #2
			for _, day := range []string{"2026-12-05", "2026-12-07", "2026-12-10"} {
				setDay(day)
				r = h.svc.Handle(t.Context(), commands.Caller{UserID: u, Source: commands.SourceConsole}, yes)
				if r.Outcome == commands.OutcomeOK && !strings.Contains(r.Text(), tc.answer) {
					t.Fatalf("%q on %s recorded again:\n%s", yes, day, r.Text())
				}
				mustContain(t, r.Text(), tc.answer)
				mustContain(t, r.Text(), "#2")
				if got := offered4Sum(h, u, "women", "2026-12-03"); got != 16 {
					t.Fatalf("SQL SUM on 2026-12-03 is %d after %q on %s, want 16", got, yes, day)
				}
			}
		})
	}
}

// Review r45 M2: the lines of a Friday refusal stay linked on Monday: the
// first recorded on Friday, the second typed on Monday is refused naming
// the first, as it is on the same day.
func TestWindow2RefusalLinesStayLinkedOverTheWeekend(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		line, first, second string
	}{
		{commands.Korean, "추가 청년 6 12/4 메모:어제 입사", "날짜:2026. 12. 3.", "날짜:2026. 12. 4."},
		{commands.English, "add 6 youth 12/4 note:hired yesterday", "date:2026-12-03", "date:2026-12-04"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h, setDay := offered4At(t, tc.lang, "2026-12-04")
			u := "W2M2"
			r := offered4Run(h, u, tc.line, commands.OutcomeRefused)
			first, second := window2Offered(t, r, tc.first), window2Offered(t, r, tc.second)
			r = offered4Run(h, u, first, commands.OutcomeOK)
			id := r.Text()[strings.Index(r.Text(), "#"):]
			id = id[:strings.IndexFunc(id[1:], func(c rune) bool { return c < '0' || c > '9' })+1]
			setDay("2026-12-07")
			r = offered4Run(h, u, second, commands.OutcomeRefused)
			mustContain(t, r.Text(), id)
			if got := offered4Sum(h, u, "youth", "2026-12-03") + offered4Sum(h, u, "youth", "2026-12-04"); got != 6 {
				t.Fatalf("SQL SUM on 12/3 and 12/4 is %d, want 6", got)
			}
			if got := window2Live(h, u); got != 1 {
				t.Fatalf("%d live entries, want 1", got)
			}
		})
	}
}

// A question asked on Friday is answered on Monday: its 확인:예 line
// records once, dated as asked, and sent again it records nothing.
func TestWindow2FridayQuestionAnsweredOnMonday(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang              commands.Lang
		line, yes, answer string
	}{
		{commands.Korean, "추가 여성 8 12/3 메모:새일센터 연계", "확인:예", "이미 기록했습니다"},
		{commands.English, "add 8 women 12/3 note:via the centre", "confirm:yes", "lready recorded"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h, setDay := offered4At(t, tc.lang, "2026-12-04")
			u := "W2F"
			offered4Run(h, u, tc.line, commands.OutcomeOK) // #1
			r := offered4Run(h, u, tc.line, commands.OutcomeRefused)
			yes := window2Offered(t, r, tc.yes)
			setDay("2026-12-07")
			r = offered4Run(h, u, yes, commands.OutcomeOK)
			mustContain(t, r.Text(), "#2")
			r = h.svc.Handle(t.Context(), commands.Caller{UserID: u, Source: commands.SourceConsole}, yes)
			mustContain(t, r.Text(), tc.answer)
			if got := offered4Sum(h, u, "women", "2026-12-03"); got != 16 {
				t.Fatalf("SQL SUM on 2026-12-03 is %d, want 16", got)
			}
			if got := window2Live(h, u); got != 2 {
				t.Fatalf("%d live entries, want 2", got)
			}
		})
	}
}

// After AnswerWindow a question is no longer remembered: its 확인:예 line
// is an ordinary line again. Typed without 확인: it is asked about as any
// identical entry is (the identical-entry rule holds whenever the entry
// was recorded); with 확인:예 the yes answers that question, so it records
// one new entry, once however often it is pasted.
func TestWindow2AnsweredQuestionExpiresAfterAWeek(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                     commands.Lang
		line, yes, answer, plain string
	}{
		{commands.Korean, "추가 여성 8 12/3 메모:새일센터 연계", "확인:예", "이미 기록했습니다", "추가 여성 8 2026. 12. 3. 메모:새일센터 연계"},
		{commands.English, "add 8 women 12/3 note:via the centre", "confirm:yes", "lready recorded", "add 8 women 2026-12-03 note:via the centre"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h, setDay := offered4At(t, tc.lang, "2026-12-04")
			u := "W2X"
			offered4Run(h, u, tc.line, commands.OutcomeOK) // #1
			r := offered4Run(h, u, tc.line, commands.OutcomeRefused)
			yes := window2Offered(t, r, tc.yes)
			offered4Run(h, u, yes, commands.OutcomeOK) // #2
			setDay("2026-12-12")
			r = offered4Run(h, u, tc.plain, commands.OutcomeRefused) // the identical-entry question
			mustContain(t, r.Text(), "#2")
			r = offered4Run(h, u, yes, commands.OutcomeOK)
			mustContain(t, r.Text(), "#3")
			r = h.svc.Handle(t.Context(), commands.Caller{UserID: u, Source: commands.SourceConsole}, yes)
			mustContain(t, r.Text(), tc.answer)
			if got := offered4Sum(h, u, "women", "2026-12-03"); got != 24 {
				t.Fatalf("SQL SUM on 2026-12-03 is %d, want 24", got)
			}
			if got := window2Live(h, u); got != 3 {
				t.Fatalf("%d live entries, want 3", got)
			}
		})
	}
}
