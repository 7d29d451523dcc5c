package db_test

import (
	"context"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

func TestUserLanguage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.New(t)
	check := func(user string, want commands.Lang, wantOK bool) {
		t.Helper()
		got, ok, err := s.UserLanguage(ctx, user)
		if err != nil || got != want || ok != wantOK {
			t.Errorf("UserLanguage(%s) = %q, %v, %v; want %q, %v", user, got, ok, err, want, wantOK)
		}
	}
	check("U1", "", false)
	for _, l := range []commands.Lang{commands.Korean, commands.English} {
		if err := s.SetUserLanguage(ctx, "U1", l); err != nil {
			t.Fatalf("SetUserLanguage(%s): %v", l, err)
		}
		check("U1", l, true)
	}
	check("U2", "", false)
	if err := s.SetUserLanguage(ctx, "U1", ""); err != nil {
		t.Fatalf("clearing: %v", err)
	}
	check("U1", "", false)
	var rows int
	if err := s.DB().GetContext(ctx, &rows, `SELECT count(*) FROM user_settings`); err != nil || rows != 0 {
		t.Errorf("%d rows left after clearing (%v)", rows, err)
	}
	// The schema refuses a language replies cannot be written in.
	if err := s.SetUserLanguage(ctx, "U1", "fr"); err == nil {
		t.Error("SetUserLanguage accepted fr")
	}
}
