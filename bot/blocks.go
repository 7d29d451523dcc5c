package bot

import (
	"github.com/slack-go/slack"

	"jobsbot/bot/blockkit"
	"jobsbot/commands"
)

// message is a reply as Slack takes it in an HTTP response, a Socket Mode
// acknowledgement or a POST to response_url.
func (b *Bot) message(r commands.Reply, responseType string) *slack.WebhookMessage {
	r = sealShare(r)
	blocks := blockkit.Render(r, b.msg("bot.blocks.reply_was_shortened_to"))
	msg := &slack.WebhookMessage{ResponseType: responseType, Text: blockkit.Fallback(r)}
	if len(blocks) > 0 {
		msg.Blocks = &slack.Blocks{BlockSet: blocks}
	}
	return msg
}

// withoutShare drops the Share button, for places that have no channel to
// share into (the App Home) or that are already shared.
func withoutShare(r commands.Reply) commands.Reply {
	var kept []commands.Action
	for _, a := range r.Actions {
		if a.ID != commands.ActionShare {
			kept = append(kept, a)
		}
	}
	r.Actions = kept
	return r
}
