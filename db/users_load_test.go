package db_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// Language changes cost one user's row: a burst of `lang` from many users,
// with every one of them asking for their language meanwhile, never reads
// the whole user_settings table, and concurrent reads of one user's
// language collapse into one query.
func TestLanguageChangesReadOneRow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := dbtest.URL(t)
	open := func() *db.Store {
		s, err := db.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	s := open()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	const users = 40
	for i := range users {
		if err := s.SetUserLanguage(ctx, fmt.Sprintf("U%02d", i), commands.Korean); err != nil {
			t.Fatal(err)
		}
	}
	queries0, rows0 := s.LanguageReads()

	// Every user switches language 6 times, ending on ko, while 10 readers per user ask.
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range users {
		user := fmt.Sprintf("U%02d", i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for n := range 6 {
				l := []commands.Lang{commands.English, commands.Korean}[n%2]
				if err := s.SetUserLanguage(ctx, user, l); err != nil {
					t.Error(err)
				}
			}
		}()
		for range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				if _, _, err := s.UserLanguage(ctx, user); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	close(start)
	wg.Wait()
	queries, rows := s.LanguageReads()
	queries, rows = queries-queries0, rows-rows0
	if rows > queries {
		t.Errorf("%d language queries read %d rows: some read more than the asking user's row", queries, rows)
	}
	// After the burst each user's language is the last they chose.
	for i := range users {
		if l, ok, err := s.UserLanguage(ctx, fmt.Sprintf("U%02d", i)); l != commands.Korean || !ok || err != nil {
			t.Errorf("U%02d: %q %v %v after its last change to ko", i, l, ok, err)
		}
	}

	// 100 requests of one user not yet cached arrive at once: one query.
	if err := s.SetUserLanguage(ctx, "UNEW", commands.English); err != nil {
		t.Fatal(err)
	}
	other := open() // a second replica: its cache is cold
	q0, _ := other.LanguageReads()
	start = make(chan struct{})
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if l, _, err := other.UserLanguage(ctx, "UNEW"); l != commands.English || err != nil {
				t.Errorf("UNEW: %q %v", l, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	// One flight, or two if the first answer's second of freshness ran out
	// before every request arrived on a very slow machine.
	if q, _ := other.LanguageReads(); q-q0 > 2 {
		t.Errorf("100 concurrent requests for one uncached language made %d queries; want them collapsed into one", q-q0)
	}
}
