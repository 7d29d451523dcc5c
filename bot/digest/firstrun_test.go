package digest_test

import (
	"context"
	"testing"
	"time"

	"jobsbot/bot/digest"
	"jobsbot/commands"
)

// TestFirstStartPostsNoOldDigest: a bot installed on Monday at 10:00, after
// that day's 09:00 firing, posts nothing at start (the week before it ran
// was never its to post); a week later, down at 09:00 and back at 10:00, it
// catches up on the firing it missed.
func TestFirstStartPostsNoOldDigest(t *testing.T) {
	t.Parallel()
	url := newDatabase(t)
	fake := newFakeSlack(t)
	ctx := context.Background()
	scheduler := func(at time.Time, name string) *digest.Scheduler {
		r := newReplica(t, url, fake.client(), name)
		s, err := digest.NewScheduler(digest.SchedulerConfig{Poster: r.poster, Schedule: "0 9 * * MON", Location: seoul,
			Logger: quiet, Now: func() time.Time { return at },
			FirstRun: func(ctx context.Context, now time.Time) (time.Time, error) {
				return r.store.DigestFirstRun(ctx, channel, now)
			}})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if res, due, err := scheduler(now, "installed").CatchUp(ctx); err != nil || due {
		t.Fatalf("first start after a firing: %+v due=%v %v; want nothing due", res, due, err)
	}
	if msgs := fake.accepted(); len(msgs) != 0 {
		t.Fatalf("the first start posted %+v", msgs)
	}
	nextWeek := now.AddDate(0, 0, 7)
	res, due, err := scheduler(nextWeek, "restarted").CatchUp(ctx)
	if err != nil || !due || res.Status != commands.PostedNow || !res.WeekStart.Equal(week.AddDate(0, 0, 7)) {
		t.Fatalf("catch-up a week after the first run: %+v due=%v %v; want week %s posted", res, due, err, week.AddDate(0, 0, 7))
	}
	if msgs := fake.accepted(); len(msgs) != 1 || msgs[0].Week != "2026-W49" {
		t.Fatalf("messages %+v; want one for 2026-W49", msgs)
	}
}
