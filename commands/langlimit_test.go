package commands_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// `lang` is a limited write: past the write burst a Slack user's language
// change is refused, said in the language they have, and nothing is stored.
func TestLanguageChangeIsALimitedWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := dbtest.New(t)
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Now: func() time.Time { return fixedNow }})
	slack := commands.Caller{UserID: "U1", Source: commands.SourceSlash}
	for i := range 20 {
		line := []string{"lang ko", "언어 영어"}[i%2]
		if r := svc.Handle(ctx, slack, line); r.Outcome != commands.OutcomeOK {
			t.Fatalf("change %d refused: %s", i+1, r.Text())
		}
	}
	// The 20th left English; the 21st, to Korean, is refused.
	r := svc.Handle(ctx, slack, "lang ko")
	if r.Outcome != commands.OutcomeRefused {
		t.Fatalf("the 21st language change at once: %q %s", r.Outcome, r.Text())
	}
	mustContain(t, r.Title, "faster than the bot takes them")
	if l, ok, err := store.UserLanguage(ctx, "U1"); l != commands.English || !ok || err != nil {
		t.Errorf("after the refused change the stored language is %q %v %v; want en", l, ok, err)
	}
}
