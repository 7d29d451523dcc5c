package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/commands"
)

// Response types of a message sent back to Slack.
const (
	ephemeral = slack.ResponseTypeEphemeral // only the user sees it
	inChannel = slack.ResponseTypeInChannel // everyone in the channel sees it
)

// serveCommand answers POST /slack/commands.
func (b *Bot) serveCommand(w http.ResponseWriter, _ *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return
	}
	cmd := slashCommandFromForm(form)
	if !b.teamAllowed(cmd.TeamID) {
		http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
		return
	}
	writeJSONOrEmpty(w, b.slash(cmd))
}

// slashCommandFromForm reads the fields of a slash-command form body.
func slashCommandFromForm(f url.Values) slack.SlashCommand {
	return slack.SlashCommand{
		TeamID:      f.Get("team_id"),
		ChannelID:   f.Get("channel_id"),
		UserID:      f.Get("user_id"),
		Command:     f.Get("command"),
		Text:        f.Get("text"),
		ResponseURL: f.Get("response_url"),
		TriggerID:   f.Get("trigger_id"),
	}
}

// slash runs a slash command for both transports. It returns the message to
// answer with right away, or nil when there is nothing to say at once: the
// command is slow and its reply will follow through response_url, or the
// add-entry modal opened.
func (b *Bot) slash(cmd slack.SlashCommand) *slack.WebhookMessage {
	cmd.Text = unescapeLinks(cmd.Text)
	// The trigger_id is unique per invocation and the same on a redelivery,
	// so it makes the command run once however often Slack sends it.
	caller := commands.Caller{UserID: cmd.UserID, Source: commands.SourceSlash, IdempotencyKey: cmd.TriggerID}
	return b.answerSoon(cmd.ResponseURL, func(ctx context.Context) *slack.WebhookMessage {
		v, caller := b.forUser(ctx, caller)
		if commands.IsBareAdd(cmd.Text) {
			return v.openAddModal(ctx, cmd, "")
		}
		return v.message(v.run(ctx, caller, cmd.Text), ephemeral)
	})
}

// answerSoon runs produce in the background and returns its message if it
// is ready within fastWait, in time for Slack's 3-second limit. Otherwise it
// returns nil at once, and the message goes to responseURL when ready, from
// a goroutine bound to the bot's lifetime rather than to the request.
func (b *Bot) answerSoon(responseURL string, produce func(ctx context.Context) *slack.WebhookMessage) *slack.WebhookMessage {
	h := &handoff{waiting: true, ready: make(chan *slack.WebhookMessage, 1)}
	b.background(func(ctx context.Context) {
		msg := produce(ctx)
		if h.give(msg) || msg == nil {
			return
		}
		if responseURL == "" {
			b.log.WarnContext(ctx, "slow reply has nowhere to go: no response_url")
			return
		}
		ctx, cancel := deliveryContext(ctx)
		defer cancel()
		if err := b.respond(ctx, responseURL, msg); err != nil {
			b.log.ErrorContext(ctx, "delivering a reply to response_url failed", "err", err)
		}
	})
	timer := time.NewTimer(b.fastWait)
	defer timer.Stop()
	select {
	case msg := <-h.ready:
		return msg
	case <-timer.C:
		return h.stopWaiting()
	}
}

// handoff passes a message from the worker to the request while the request
// still waits, and makes sure each message takes exactly one way: in the
// response, or through response_url.
type handoff struct {
	mu      sync.Mutex
	waiting bool
	ready   chan *slack.WebhookMessage // buffered: give never blocks
}

// give hands msg (nil too: nothing to say) to the waiting request and reports
// whether it did; false means the request has gone and msg is the worker's.
func (h *handoff) give(msg *slack.WebhookMessage) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.waiting {
		return false
	}
	h.waiting = false
	h.ready <- msg
	return true
}

// stopWaiting ends the wait, returning a message given at the last moment.
func (h *handoff) stopWaiting() *slack.WebhookMessage {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.waiting = false
	select {
	case msg := <-h.ready:
		return msg
	default:
		return nil
	}
}

// writeJSONOrEmpty answers 200 with v as JSON, or with an empty body when v
// is nil (Slack takes that as a plain acknowledgement).
func writeJSONOrEmpty[T any](w http.ResponseWriter, v *T) {
	if v == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(body)
}

// slackLink is a link as Slack escapes it in a slash command's text:
// <https://…|label> or <mailto:…|label>.
var slackLink = regexp.MustCompile(`<((?:https?|mailto):[^|>]*)(?:\|[^>]*)?>`)

// unescapeLinks gives links back as typed. The manifest asks Slack to escape
// the command text (should_escape), so that a mention arrives as <@U123|kim>
// and `dept add` gets the person's ID; that also wraps links in angle
// brackets, which a note should not keep. Mentions and channels stay escaped:
// replies show them as plain text.
func unescapeLinks(text string) string {
	return slackLink.ReplaceAllStringFunc(text, func(m string) string {
		return strings.TrimPrefix(slackLink.FindStringSubmatch(m)[1], "mailto:")
	})
}
