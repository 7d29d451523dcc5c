package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// bareBot is enough of a Bot to run answerSoon without Slack or a database.
func bareBot(fastWait time.Duration) *Bot {
	return &Bot{work: &tracker{}, workCtx: context.Background(), fastWait: fastWait,
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

func TestAnswerSoonFastReplyIsInline(t *testing.T) {
	b := bareBot(time.Hour)
	want := &slack.WebhookMessage{Text: "done"}
	start := time.Now()
	if got := b.answerSoon("", func(context.Context) *slack.WebhookMessage { return want }); got != want {
		t.Errorf("answerSoon = %v; want the reply", got)
	}
	// Nothing to say (a modal opened) ends the wait at once too.
	if got := b.answerSoon("", func(context.Context) *slack.WebhookMessage { return nil }); got != nil {
		t.Errorf("answerSoon = %v; want nil", got)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("fast replies took %s: the request waited out the timer", d)
	}
}

// During shutdown the work runs in the request itself and is still answered
// in the response.
func TestAnswerSoonWhileShuttingDown(t *testing.T) {
	b := bareBot(time.Hour)
	b.work.Close()
	want := &slack.WebhookMessage{Text: "done"}
	if got := b.answerSoon("", func(context.Context) *slack.WebhookMessage { return want }); got != want {
		t.Errorf("answerSoon = %v; want the reply", got)
	}
}

func TestSeenSet(t *testing.T) {
	s := newSeenSet(time.Hour, 3)
	if first, again := s.first("a"), s.first("a"); !first || again {
		t.Error("a repeated ID must be seen once")
	}
	if first, again := s.first(""), s.first(""); !first || !again {
		t.Error("an empty ID is never a repeat")
	}
	for i := range 5 {
		s.first(fmt.Sprint(i))
	}
	if s.at.Len() > 3 {
		t.Errorf("set holds %d IDs; bounded at 3", s.at.Len())
	}
	if !s.first("a") {
		t.Error("the oldest IDs should have been forgotten")
	}
	short := newSeenSet(time.Nanosecond, 100)
	short.first("x")
	time.Sleep(time.Millisecond)
	if !short.first("x") {
		t.Error("an expired ID should be new again")
	}
}

func TestTrackerWaitsForWork(t *testing.T) {
	var tr tracker
	release := make(chan struct{})
	if !tr.Go(func() { <-release }) {
		t.Fatal("an open tracker refused work")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := tr.Wait(ctx); err == nil {
		t.Error("Wait returned while work was running")
	}
	tr.Close()
	if tr.Go(func() {}) {
		t.Error("a closed tracker took new work")
	}
	close(release)
	if err := tr.Wait(context.Background()); err != nil {
		t.Errorf("Wait: %v", err)
	}
}
