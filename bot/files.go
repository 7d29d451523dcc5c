package bot

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/slack-go/slack"

	"jobsbot/bot/slackpost"
	"jobsbot/commands"
)

// uploadTimeout bounds one file delivery: a year's workbook is a few
// megabytes, a decade of entries tens of them.
const uploadTimeout = 5 * time.Minute

// filesAPI is the part of the Web API a file delivery needs.
type filesAPI interface {
	OpenConversationContext(ctx context.Context, params *slack.OpenConversationParameters) (*slack.Channel, bool, bool, error)
	UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error)
}

// FileSender delivers export files as a direct message from the bot, through
// Slack's external upload flow (files.getUploadURLExternal, the upload itself,
// files.completeUploadExternal). It implements commands.FileSender.
type FileSender struct {
	api filesAPI
	log *slog.Logger
	// failures counts deliveries that failed at any step (nil: not counted).
	failures prometheus.Counter
}

// CountFailures registers jobsbot_export_upload_failures_total with reg, at
// 0, and counts every failed delivery in it from then on.
func (s *FileSender) CountFailures(reg prometheus.Registerer) error {
	c := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "jobsbot_export_upload_failures_total",
		Help: "Exports that could not be delivered to Slack (conversations.open or the upload failed); the user was told.",
	})
	if err := reg.Register(c); err != nil {
		return fmt.Errorf("bot: register upload metrics: %w", err)
	}
	s.failures = c
	return nil
}

var _ commands.FileSender = (*FileSender)(nil)

// NewFileSender returns a FileSender for a bot token; apiURL overrides the
// Web API base URL (fake servers), "" for Slack's own. The bot needs the
// files:write and im:write scopes.
func NewFileSender(botToken, apiURL string, logger *slog.Logger) *FileSender {
	if logger == nil {
		logger = slog.Default()
	}
	// The shared client, with a longer timeout: an upload is a large body.
	api := slackpost.NewSlackClient(botToken, apiURL, slack.OptionHTTPClient(slackpost.HTTPClient(uploadTimeout)))
	return &FileSender{api: api, log: logger}
}

// SendFile opens the direct message with the user and uploads the file
// there with its summary. Slack shares the file only when the last step,
// files.completeUploadExternal, succeeds, so a failure at any step leaves
// nothing visible to anyone: the user is told and can simply ask again.
func (s *FileSender) SendFile(ctx context.Context, userID string, f commands.File) error {
	err := s.sendFile(ctx, userID, f)
	if err != nil && s.failures != nil {
		s.failures.Inc()
	}
	return err
}

func (s *FileSender) sendFile(ctx context.Context, userID string, f commands.File) error {
	ctx, cancel := context.WithTimeout(ctx, uploadTimeout)
	defer cancel()
	im, _, _, err := s.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{userID}, ReturnIM: true})
	if err != nil {
		return fmt.Errorf("conversations.open: %w", err)
	}
	_, err = s.api.UploadFileContext(ctx, slack.UploadFileParameters{
		Reader: f.Body, FileSize: int(f.Size), Filename: f.Name, Title: f.Title,
		InitialComment: f.Summary, Channel: im.ID,
	})
	if err != nil {
		return fmt.Errorf("upload %s: %w", f.Name, err)
	}
	s.log.InfoContext(ctx, "export sent", "file", f.Name, "bytes", f.Size, "user", userID)
	return nil
}
