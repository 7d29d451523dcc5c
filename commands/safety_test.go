package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// TestControlCharactersRefused: a NUL (or another control character) in a
// note, department, name or reason is bad input: one line saying where, the
// usage line and an example, and nothing written. Never "something went wrong".
func TestControlCharactersRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", "add 5 youth", commands.OutcomeOK)
	for _, tc := range []struct{ line, usage string }{
		{"add 5 youth job\x00fair", "Usage: `/jobs add <count>"},
		{"add 5 youth dept:일자리\x00정책과", "Usage: `/jobs add <count>"},
		{"add 5 youth note \x1b[2J", "Usage: `/jobs add <count>"},
		{"candidate add \"Hanbit\x00 Co-op\"", "Usage: `/jobs candidate add"},
		{"void 1 typo\x7f", "Usage: `/jobs void"},
		{"add 5 youth \u0086next", "Usage: `/jobs add <count>"}, // NEL (U+0085) is a line break (k44)
	} {
		r := h.run("U1", tc.line, commands.OutcomeRefused)
		text := r.Text()
		mustContain(t, text, "control character", tc.usage, "Example: `/jobs ")
		if strings.Contains(text, "went wrong") {
			t.Errorf("%q answered as a failure:\n%s", tc.line, text)
		}
		if strings.Count(r.Title, "\n") > 0 {
			t.Errorf("%q: reason is more than one line: %q", tc.line, r.Title)
		}
	}
	var entries, candidates, voided int
	db := h.store.DB()
	ctx := context.Background()
	if err := db.GetContext(ctx, &entries, `SELECT count(*) FROM entries`); err != nil {
		t.Fatal(err)
	}
	_ = db.GetContext(ctx, &candidates, `SELECT count(*) FROM candidates`)
	_ = db.GetContext(ctx, &voided, `SELECT count(*) FROM entries WHERE voided_at IS NOT NULL`)
	if entries != 1 || candidates != 0 || voided != 0 {
		t.Errorf("after refusals: %d entries, %d candidates, %d voided; want 1, 0, 0", entries, candidates, voided)
	}
	// Tabs are white space, not refused; a line break in an add is refused
	// (one entry a line: the later lines were its note, review r7 S11).
	h.run("U1", "add 6 youth confirm:yes\tnote:job fair hires", commands.OutcomeOK)
	r0 := h.run("U1", "add 6 youth note:job fair\r\nadd 4 senior", commands.OutcomeRefused)
	mustContain(t, r0.Text(), "one line")

	ko := newHarness(t, commands.Korean)
	r := ko.run("U1", "추가 5 청년 메모\x00", commands.OutcomeRefused)
	mustContain(t, r.Text(), "번째 글자에 보이지 않는 제어 문자(유니코드 0000)", "사용법:")
}

// TestAddFormRefusesControlCharacters: the add form marks the field.
func TestAddFormRefusesControlCharacters(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	_, errs := h.svc.SubmitAddForm(context.Background(), commands.Caller{UserID: "U1"},
		commands.AddForm{Program: "youth", Count: "5", Note: "fair\x00", Department: "a\x07b"})
	if !strings.Contains(errs[commands.FieldNote], "U+0000") || !strings.Contains(errs[commands.FieldDepartment], "U+0007") {
		t.Fatalf("field errors %v; want the note and department marked", errs)
	}
	if n := h.yearTotal(); n != 0 {
		t.Fatalf("%d jobs recorded; want none", n)
	}
}

// TestOnlyManagersDecideCandidates: designated (지정) and not selected (탈락)
// are the city's official decisions, so only a manager moves a candidate
// there; staff may record that the organisation withdrew.
func TestOnlyManagersDecideCandidates(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", `candidate add "Hanbit Bakery"`, commands.OutcomeOK)
	h.run("U1", `candidate add "Dasom Cafe"`, commands.OutcomeOK)
	h.run("U1", "candidate move 1 screening", commands.OutcomeOK)
	stage := func(id int) string {
		var st string
		if err := h.store.DB().GetContext(context.Background(), &st, `SELECT stage FROM candidates WHERE id = $1`, id); err != nil {
			t.Fatal(err)
		}
		return st
	}
	for _, target := range []string{"designated", "지정", "not-selected", "탈락"} {
		r := h.run("U1", "candidate move 1 "+target, commands.OutcomeRefused)
		mustContain(t, r.Text(), "Only a manager of the jobs unit can move a candidate to")
		if st := stage(1); st != "screening" {
			t.Fatalf("after a refused move to %s the stage is %s", target, st)
		}
	}
	ko := commands.New(commands.Config{DBDeadline: time.Minute, Store: h.store, Language: commands.Korean, Managers: []string{manager}})
	r := ko.Handle(context.Background(), commands.Caller{UserID: "U1"}, "후보 이동 1 지정")
	mustContain(t, r.Text(), "지정 단계는 시의 공식 결정이므로 일자리 담당 관리자만 옮길 수 있습니다.")
	h.run("U1", "candidate move 2 withdrawn", commands.OutcomeOK)
	h.run(manager, "candidate move 1 designated", commands.OutcomeOK)
	if st := stage(1); st != "designated" {
		t.Fatalf("a manager's move left the stage at %s", st)
	}
}

// TestWriteRateLimit: a Slack user gets 20 writes at once and then 30 a
// minute; past that a write is refused with a friendly message saying when
// to try again, nothing is written, and other users and reads go on.
func TestWriteRateLimit(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	now := fixedNow
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Managers: []string{manager}, Now: func() time.Time { return now }})
	ctx := context.Background()
	slack := func(user string) commands.Caller { return commands.Caller{UserID: user, Source: commands.SourceSlash} }
	for i := range 20 {
		if r := svc.Handle(ctx, slack("U1"), fmt.Sprintf("add %d youth confirm:yes", i+1)); r.Outcome != commands.OutcomeOK {
			t.Fatalf("write %d refused: %s", i+1, r.Text())
		}
	}
	r := svc.Handle(ctx, slack("U1"), "add 1 youth")
	if r.Outcome != commands.OutcomeRefused {
		t.Fatalf("the 21st write at once: %s", r.Text())
	}
	mustContain(t, r.Title, "faster than the bot takes them (30 a minute per person)", "try again in 2 seconds")
	if r := svc.Handle(ctx, slack("U1"), "status"); r.Outcome != commands.OutcomeOK {
		t.Errorf("a read was limited: %s", r.Text())
	}
	if r := svc.Handle(ctx, slack("U2"), "add 50 youth"); r.Outcome != commands.OutcomeOK { // not U1's figure: an identical entry would be held
		t.Errorf("another user was limited: %s", r.Text())
	}
	if r := svc.Handle(ctx, commands.Caller{UserID: "U1", Source: commands.SourceConsole}, "add 21 youth"); r.Outcome != commands.OutcomeOK {
		t.Errorf("the console was limited: %s", r.Text())
	}
	_, errs := svc.SubmitAddForm(ctx, commands.Caller{UserID: "U1", Source: commands.SourceModal}, commands.AddForm{Program: "youth", Count: "1"})
	if !strings.Contains(errs[commands.FieldProgram], "not saved") {
		t.Errorf("the add form was not limited: %v", errs)
	}
	now = now.Add(2 * time.Second)
	if r := svc.Handle(ctx, slack("U1"), "add 22 youth"); r.Outcome != commands.OutcomeOK {
		t.Errorf("after the wait the write was refused: %s", r.Text())
	}
	var n int
	if err := store.DB().GetContext(ctx, &n, `SELECT count(*) FROM entries`); err != nil || n != 23 {
		t.Fatalf("%d entries (%v); want 20 + 1 other user + 1 console + 1 after the wait", n, err)
	}
	ko := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Language: commands.Korean, WritesPerMinute: 1, Now: func() time.Time { return now }})
	for range 20 {
		ko.Handle(ctx, slack("U3"), "add 1 youth")
	}
	r = ko.Handle(ctx, slack("U3"), "add 1 youth")
	mustContain(t, r.Title, "한 사람당 1분에 1건까지", "60초 뒤에 다시 시도해 주세요")
}
