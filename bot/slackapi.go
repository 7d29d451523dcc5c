package bot

import (
	"context"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/bot/delivery"
)

// slackAPI is the part of the Slack Web API the bot calls. *slack.Client
// implements it; keeping it this narrow shows at a glance what the bot does
// in a workspace.
type slackAPI interface {
	OpenViewContext(ctx context.Context, triggerID string, view slack.ModalViewRequest) (*slack.ViewResponse, error)
	PublishViewContext(ctx context.Context, req slack.PublishViewContextRequest) (*slack.ViewResponse, error)
	PostMessageContext(ctx context.Context, channelID string, options ...slack.MsgOption) (string, string, error)
	PostEphemeralContext(ctx context.Context, channelID, userID string, options ...slack.MsgOption) (string, error)
	GetUserInfoContext(ctx context.Context, user string, options ...slack.GetUserInfoOption) (*slack.User, error)
}

const (
	// maxRateLimitRetries bounds how often one call waits out a 429.
	maxRateLimitRetries = 3
	// maxRetryAfter caps a single wait: a reply delivered minutes late is
	// worse than an error in the log.
	maxRetryAfter = 30 * time.Second
)

// call runs one Slack call through the shared retry helper (package
// delivery), waiting out rate limits a bounded number of times and giving up
// when ctx ends. Every failed attempt is counted under method.
func (b *Bot) call(ctx context.Context, method string, fn func(ctx context.Context) error) error {
	return delivery.Call(ctx, maxRateLimitRetries, maxRetryAfter,
		func(_ error, wait time.Duration) {
			b.log.WarnContext(ctx, "slack rate limit, retrying", "method", method, "retry_after", wait)
		},
		func(ctx context.Context) error {
			err := fn(ctx)
			if err != nil {
				b.metrics.apiErrors.WithLabelValues(method).Inc()
			}
			return err
		})
}

// respond posts a message to an interaction's or command's response_url.
func (b *Bot) respond(ctx context.Context, responseURL string, msg *slack.WebhookMessage) error {
	// The URL is a credential and net/http quotes it in its errors.
	return redactErr(b.call(ctx, "response_url", func(ctx context.Context) error {
		return slack.PostWebhookCustomHTTPContext(ctx, responseURL, b.http, msg)
	}))
}

// tell sends a message only the user sees: ephemeral in the channel when
// there is one, else a direct message from the bot (postEphemeral fails in
// channels the bot is not in, and a DM always reaches the user).
func (b *Bot) tell(ctx context.Context, channelID, userID string, msg *slack.WebhookMessage) error {
	opts := msgOptions(msg)
	if channelID != "" {
		err := b.call(ctx, "chat.postEphemeral", func(ctx context.Context) error {
			_, err := b.api.PostEphemeralContext(ctx, channelID, userID, opts...)
			return err
		})
		if err == nil {
			return nil
		}
		b.log.WarnContext(ctx, "ephemeral message failed, sending a direct message", "channel", channelID, "user", userID, "err", err)
	}
	return b.call(ctx, "chat.postMessage", func(ctx context.Context) error {
		_, _, err := b.api.PostMessageContext(ctx, userID, opts...)
		return err
	})
}

// msgOptions turns a message into chat.* options.
func msgOptions(msg *slack.WebhookMessage) []slack.MsgOption {
	opts := []slack.MsgOption{slack.MsgOptionText(msg.Text, false)}
	if msg.Blocks != nil {
		opts = append(opts, slack.MsgOptionBlocks(msg.Blocks.BlockSet...))
	}
	return opts
}
