package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/bot/blockkit"
	"jobsbot/commands"
)

// serveInteraction answers POST /slack/interactions: button presses and
// modal submissions, sent as a form with one JSON "payload" field.
func (b *Bot) serveInteraction(w http.ResponseWriter, _ *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return
	}
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return
	}
	if !b.teamAllowed(cb.Team.ID) {
		http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
		return
	}
	writeJSONOrEmpty(w, b.interaction(cb))
}

// interaction handles one interaction for both transports and returns what
// to answer with: field errors for a modal that needs fixing, else nil.
func (b *Bot) interaction(cb slack.InteractionCallback) *slack.ViewSubmissionResponse {
	switch cb.Type {
	case slack.InteractionTypeBlockActions:
		b.pressButtons(cb)
	case slack.InteractionTypeViewSubmission:
		if cb.View.CallbackID == addCallbackID {
			return b.submitAdd(cb)
		}
	}
	return nil
}

// pressButtons runs the command behind each pressed button as the user who
// pressed it, so a button never does more than that user could type. The
// work runs after the acknowledgement: Slack wants it within 3 s.
func (b *Bot) pressButtons(cb slack.InteractionCallback) {
	for i, a := range cb.ActionCallback.BlockActions {
		if a == nil || a.Value == "" {
			continue
		}
		key := cb.TriggerID
		if key == "" {
			key = a.ActionTs
		}
		if i > 0 && key != "" {
			key += "/" + strconv.Itoa(i)
		}
		if blockkit.ActionKind(a.ActionID) == commands.ActionReport {
			b.pressReport(cb, a.Value)
			continue
		}
		// A question's button (ActionConfirm) is Pressed: pressed after
		// 취소 cancelled its question, it records nothing, however often.
		confirm := blockkit.ActionKind(a.ActionID) == commands.ActionConfirm
		caller := commands.Caller{UserID: cb.User.ID, Source: commands.SourceSlash, IdempotencyKey: key, Pressed: confirm}
		share := blockkit.ActionKind(a.ActionID) == commands.ActionShare
		command := a.Value
		shown, sealed := "", false
		if share {
			shown, command, sealed = unsealShare(a.Value)
		}
		b.background(func(ctx context.Context) {
			v, caller := b.forUser(ctx, caller)
			r := v.run(ctx, caller, command)
			msg := v.message(r, ephemeral)
			// Once the held entry is recorded (now or by an earlier press),
			// the question with its button gives way to the answer.
			replace := confirm && (r.Outcome == commands.OutcomeOK || r.Outcome == commands.OutcomeRepeated)
			if share {
				checked, same := v.shareReply(r, shown, sealed, time.Now())
				msg = v.message(checked, ephemeral)
				if same {
					// What is shared is read by the whole channel, so once the
					// presser's view is confirmed unchanged it is written again
					// in the channel's language, not the presser's.
					ch := b.speaking(b.channelLang)
					cr := ch.run(ctx, caller, command)
					if cr, ok := ch.shareReply(cr, fingerprint(cr), true, time.Now()); ok {
						msg = ch.message(cr, inChannel)
					}
				}
			}
			b.deliver(ctx, cb, msg, replace)
		})
	}
}

// pressReport answers a reminder's Report now button: it opens the add form
// with the department of the button's `add dept:"…"` filled in. The trigger
// expires in 3 s, so the form opens at once.
func (b *Bot) pressReport(cb slack.InteractionCallback, value string) {
	dept := commands.ReportDepartment(value)
	b.background(func(ctx context.Context) {
		open := slack.SlashCommand{TriggerID: cb.TriggerID, ChannelID: cb.Channel.ID, UserID: cb.User.ID}
		if msg := b.openAddModal(ctx, open, dept); msg != nil {
			b.deliver(ctx, cb, msg, false)
		}
	})
}

// deliver sends the reply to a button press as a new message (the original,
// with its buttons, stays), or with replace in place of the original:
// through the interaction's response_url when it has one, else to the
// channel or the user directly (the App Home has no response_url, and
// there the original stays).
func (b *Bot) deliver(ctx context.Context, cb slack.InteractionCallback, msg *slack.WebhookMessage, replace bool) {
	ctx, cancel := deliveryContext(ctx)
	defer cancel()
	msg.ReplaceOriginal = replace && cb.ResponseURL != ""
	var err error
	switch {
	case cb.ResponseURL != "":
		err = b.respond(ctx, cb.ResponseURL, msg)
	case msg.ResponseType == inChannel && cb.Channel.ID != "":
		err = b.call(ctx, "chat.postMessage", func(ctx context.Context) error {
			_, _, err := b.api.PostMessageContext(ctx, cb.Channel.ID, msgOptions(msg)...)
			return err
		})
	default:
		err = b.tell(ctx, cb.Channel.ID, cb.User.ID, msg)
	}
	if err != nil {
		b.log.ErrorContext(ctx, "delivering a button reply failed", "user", cb.User.ID, "err", err)
	}
}
