package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"jobsbot/bot/blockkit"
	"jobsbot/commands"
)

// serveEvent answers POST /slack/events: the URL check Slack makes when the
// request URL is saved, and event callbacks (app_home_opened).
func (b *Bot) serveEvent(w http.ResponseWriter, _ *http.Request, body []byte) {
	// The signature already proved the sender; the legacy verification
	// token adds nothing.
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		if !json.Valid(body) {
			http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
			return
		}
		// An event type this library does not know: acknowledge it, or
		// Slack keeps retrying something the bot never asked for.
		w.WriteHeader(http.StatusOK)
		return
	}
	switch ev.Type {
	case slackevents.URLVerification:
		challenge, _ := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if challenge == nil {
			http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte(challenge.Challenge))
		return
	case slackevents.CallbackEvent:
		if !b.teamAllowed(ev.TeamID) {
			http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
			return
		}
		id := ""
		if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
			id = cb.EventID
		}
		b.event(ev, id)
	}
	// Answer at once: Slack retries events that take over 3 s.
	w.WriteHeader(http.StatusOK)
}

// event handles one Events API event for both transports. key identifies the
// delivery (the event ID over HTTP, the envelope ID in Socket Mode) and is the
// idempotency key of what it runs; a redelivery of an event already handled
// is dropped.
func (b *Bot) event(ev slackevents.EventsAPIEvent, key string) {
	if ev.Type != slackevents.CallbackEvent {
		return
	}
	// Slack retries an event under the same event ID, whatever carries it.
	id := key
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok && cb.EventID != "" {
		id = cb.EventID
	}
	if !b.seen.first("event:" + id) {
		return
	}
	if home, ok := ev.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent); ok && home.Tab == "home" && home.User != "" {
		user := home.User
		b.background(func(ctx context.Context) { b.publishHome(ctx, user, key) })
	}
}

// publishHome shows the status dashboard on the user's App Home tab, fresh
// each time the tab is opened.
func (b *Bot) publishHome(ctx context.Context, userID, key string) {
	// From here on b is the copy that speaks the user's language.
	b, caller := b.forUser(ctx, commands.Caller{UserID: userID, Source: commands.SourceSlash, IdempotencyKey: key})
	r := b.run(ctx, caller, "status")
	blocks := blockkit.Render(withoutShare(r), b.msg("bot.events.dashboard_was_shortened_to"))
	updated := b.msg("bot.events.updated", "Time", b.svc.Printer(b.lang()).DateTime(time.Now().In(b.svc.Location())))
	if len(blocks) < blockkit.MaxBlocks {
		blocks = append(blocks, slack.NewContextBlock("", blockkit.Mrkdwn(blockkit.Escape(updated))))
	}
	view := slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
	err := b.call(ctx, "views.publish", func(ctx context.Context) error {
		_, err := b.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: userID, View: view})
		return err
	})
	if err != nil {
		b.log.ErrorContext(ctx, "publishing the App Home failed", "user", userID, "err", err)
	}
}
