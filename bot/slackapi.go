package bot

import (
	"context"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/bot/slackpost"
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

// call runs one Slack Web API call, counting a failure under method. The
// client itself waits out short rate limits (slackpost.WatchedSlackClient,
// which counts each wait the same way); a longer one fails the call, since a
// reply delivered minutes late is worse than an error in the log.
func (b *Bot) call(ctx context.Context, method string, fn func(ctx context.Context) error) error {
	err := fn(ctx)
	if err != nil {
		b.metrics.apiErrors.WithLabelValues(method).Inc()
	}
	return err
}

// onRateLimit hears of every rate limit the Web API client waits out.
func (b *Bot) onRateLimit(method string, wait time.Duration) {
	b.metrics.apiErrors.WithLabelValues(method).Inc()
	b.log.Warn("slack rate limit, retrying", "method", method, "retry_after", wait)
}

// respond posts a message to an interaction's or command's response_url.
func (b *Bot) respond(ctx context.Context, responseURL string, msg *slack.WebhookMessage) error {
	// The URL is a credential and net/http quotes it in its errors.
	// It is not a Web API call, so the client's retries do not cover it:
	// it waits out the same short rate limits here.
	return redactErr(slackpost.Call(ctx, slackpost.RateLimitRetries, slackpost.MaxRetryAfter,
		func(_ error, wait time.Duration) {
			b.log.WarnContext(ctx, "slack rate limit, retrying", "method", "response_url", "retry_after", wait)
		},
		func(ctx context.Context) error {
			return b.call(ctx, "response_url", func(ctx context.Context) error {
				return slack.PostWebhookCustomHTTPContext(ctx, responseURL, b.http, msg)
			})
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
