package bot

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
)

// A response_url lets whoever holds it post into the channel as the bot for
// 30 minutes, and Slack tokens are the app's keys: neither may reach a log,
// where operators, log shippers and support tickets read it. These patterns
// find them inside any text, error messages included (net/http quotes the
// whole URL in its errors).
var (
	// urlPath is a URL's path and query: hooks.slack.com/commands/T…/…/secret
	// and its like carry the secret there, so only scheme and host are kept.
	urlPath = regexp.MustCompile(`\b((?:https?|wss?)://[^\s/"'<>]+)/[^\s"'<>]+`)
	// slackHost is a Slack host written without a scheme, and its path.
	slackHost = regexp.MustCompile(`\b((?:hooks|api|wss-[a-z]+)\.slack\.com)/[^\s"'<>]+`)
	// hookPath is a response_url's or webhook's path quoted alone, without
	// scheme and host (an error may quote req.URL.Path): /commands/T…/…,
	// /actions/T…/…, /services/T…/…, /workflows/T…/…, /triggers/T…/….
	hookPath = regexp.MustCompile(`/(?:commands|actions|services|workflows|triggers)/T[A-Za-z0-9]+/[^\s"'<>:]+`)
	// escapedURL, escapedHost and escapedHook are the same three written
	// JSON-escaped (https:\/\/hooks.slack.com\/commands\/…), as a logged
	// Slack payload carries a response_url, or escaped again by each %q
	// that quoted it (https:\\\/\\\/…): any run of backslashes before a
	// slash. The path stops before a backslash that escapes a quote, so the
	// JSON around it stays whole.
	escapedURL  = regexp.MustCompile(`\b((?:https?|wss?):\\+/\\+/[^\s/\\"'<>]+)(\\+/)(?:[^\s"'<>\\]|\\+/)+`)
	escapedHost = regexp.MustCompile(`\b((?:hooks|api|wss-[a-z]+)\.slack\.com)(\\+/)(?:[^\s"'<>\\]|\\+/)+`)
	escapedHook = regexp.MustCompile(`\\+/(?:commands|actions|services|workflows|triggers)\\+/T[A-Za-z0-9]+\\+/(?:[^\s"'<>:\\]|\\+/)+`)
	// encodedURL, encodedHost and encodedHook are the same written
	// URL-encoded (https%3A%2F%2Fhooks.slack.com%2Fcommands%2F…), as a
	// logged raw form body carries the response_url, or encoded again
	// (%253A%252F…, a body carried inside another URL): each %25 more is
	// one encoding more. The path stops at the next field (&), so the
	// others stay readable.
	encodedURL  = regexp.MustCompile(`(?i)\b((?:https?|wss?)%(?:25)*3A%(?:25)*2F%(?:25)*2F[^\s/%"'<>&]+(?:%(?:25)*3A[0-9]+)?)(%(?:25)*2F)[^\s"'<>&]+`)
	encodedHost = regexp.MustCompile(`(?i)\b((?:hooks|api|wss-[a-z]+)\.slack\.com)(%(?:25)*2F)[^\s"'<>&]+`)
	encodedHook = regexp.MustCompile(`(?i)%(?:25)*2F(?:commands|actions|services|workflows|triggers)%(?:25)*2FT[A-Za-z0-9]+%(?:25)*2F[^\s"'<>&]+`)
	// slackToken is a bot, user, app or config token.
	slackToken = regexp.MustCompile(`\b(xox[abposre]|xapp)-[A-Za-z0-9-]+`)
)

// Redact removes URL paths (with or without scheme and host, for Slack's
// hook paths; plain, JSON-escaped or URL-encoded) and Slack tokens from s.
func Redact(s string) string {
	s = escapedURL.ReplaceAllString(s, "$1$2[redacted]")
	s = escapedHost.ReplaceAllString(s, "$1$2[redacted]")
	s = escapedHook.ReplaceAllString(s, "[redacted]")
	s = encodedURL.ReplaceAllString(s, "$1$2[redacted]")
	s = encodedHost.ReplaceAllString(s, "$1$2[redacted]")
	s = encodedHook.ReplaceAllString(s, "[redacted]")
	s = urlPath.ReplaceAllString(s, "$1/[redacted]")
	s = slackHost.ReplaceAllString(s, "$1/[redacted]")
	s = hookPath.ReplaceAllString(s, "[redacted]")
	return slackToken.ReplaceAllString(s, "$1-[redacted]")
}

// redactedError keeps the chain of an error (errors.Is and As still see the
// cause) but says it without secrets.
type redactedError struct{ err error }

func (e redactedError) Error() string { return Redact(e.err.Error()) }
func (e redactedError) Unwrap() error { return e.err }

// redactErr wraps err so that printing it reveals no secret; nil stays nil.
func redactErr(err error) error {
	if err == nil {
		return nil
	}
	return redactedError{err}
}

// RedactingHandler wraps h so that every log line passes through Redact: its
// message and every attribute, errors and nested groups included. Used for
// the process's logger, so no code path can log a secret by mistake.
func RedactingHandler(h slog.Handler) slog.Handler { return redactingHandler{h} }

type redactingHandler struct{ next slog.Handler }

func (h redactingHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, l)
}

func (h redactingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Redact(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(redactAttr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h redactingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = redactAttr(a)
	}
	return redactingHandler{h.next.WithAttrs(clean)}
}

func (h redactingHandler) WithGroup(name string) slog.Handler {
	return redactingHandler{h.next.WithGroup(name)}
}

func redactAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, Redact(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = redactAttr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			return slog.String(a.Key, Redact(x.Error()))
		case fmt.Stringer:
			return slog.String(a.Key, Redact(x.String()))
		default:
			// Structured values keep their shape unless they hide a secret.
			if s := fmt.Sprintf("%+v", x); Redact(s) != s {
				return slog.String(a.Key, Redact(s))
			}
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
