package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/slack-go/slack"

	"jobsbot/bot/slackpost"
	"jobsbot/commands"
)

// sharedFilesAPI is the part of the Web API fetching a shared file needs.
type sharedFilesAPI interface {
	OpenConversationContext(ctx context.Context, params *slack.OpenConversationParameters) (*slack.Channel, bool, bool, error)
	GetConversationHistoryContext(ctx context.Context, params *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error)
	GetFileInfoContext(ctx context.Context, fileID string, count, page int) (*slack.File, []slack.Comment, *slack.Paging, error)
	GetFileContext(ctx context.Context, downloadURL string, writer io.Writer) error
}

// historyScan is how many recent messages of the direct message are
// searched for the latest file.
const historyScan = 50

// FileFetcher fetches files users send the bot in a direct message, for
// `/jobs 가져오기`. It implements commands.FileFetcher. The bot needs the
// im:history and files:read scopes.
type FileFetcher struct {
	// api answers the metadata calls (conversations.open and .history,
	// files.info) through slackpost's size limit, like every other Web API
	// call: a 100 MB history must not take the bot's memory (review r6 X10).
	api sharedFilesAPI
	// download fetches the file itself, whose own cap (maxBytes, far above
	// slackpost.MaxResponseBytes) is kept by cappedBuffer as it is written.
	download sharedFilesAPI
}

var _ commands.FileFetcher = (*FileFetcher)(nil)

// NewFileFetcher returns a FileFetcher for a bot token; apiURL overrides
// the Web API base URL (fake servers), "" for Slack's own.
func NewFileFetcher(botToken, apiURL string) *FileFetcher {
	return &FileFetcher{
		api:      slackpost.NewSlackClient(botToken, apiURL, slack.OptionHTTPClient(slackpost.HTTPClient(uploadTimeout))),
		download: slackpost.NewSlackClient(botToken, apiURL, slack.OptionHTTPClient(&http.Client{Timeout: uploadTimeout})),
	}
}

// FetchFile finds the user's file (fileID, or the latest the user sent in
// the direct message with the bot), checks with files.info that the user
// shared it and that it is within maxBytes, and downloads it, stopping
// at maxBytes whatever the size Slack declared.
func (f *FileFetcher) FetchFile(ctx context.Context, userID, fileID string, maxBytes int64) (commands.SharedFile, error) {
	if fileID == "" {
		im, _, _, err := f.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{userID}, ReturnIM: true})
		if err != nil {
			return commands.SharedFile{}, fmt.Errorf("conversations.open: %w", err)
		}
		history, err := f.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: im.ID, Limit: historyScan})
		if err != nil {
			return commands.SharedFile{}, fmt.Errorf("conversations.history: %w", err)
		}
		for _, m := range history.Messages { // newest first
			if m.User == userID && len(m.Files) > 0 {
				fileID = m.Files[0].ID
				break
			}
		}
		if fileID == "" {
			return commands.SharedFile{}, commands.ErrNoSharedFile
		}
	}
	info, _, _, err := f.api.GetFileInfoContext(ctx, fileID, 0, 0)
	if err != nil {
		return commands.SharedFile{}, fmt.Errorf("files.info: %w", err)
	}
	if info.User != userID {
		// Only a file the presser sent can be imported by their button.
		return commands.SharedFile{}, commands.ErrNoSharedFile
	}
	if int64(info.Size) > maxBytes {
		return commands.SharedFile{}, commands.ErrFileTooLarge
	}
	url := info.URLPrivateDownload
	if url == "" {
		url = info.URLPrivate
	}
	w := &cappedBuffer{limit: maxBytes}
	if err := f.download.GetFileContext(ctx, url, w); err != nil {
		if errors.Is(err, commands.ErrFileTooLarge) {
			return commands.SharedFile{}, err
		}
		return commands.SharedFile{}, fmt.Errorf("download: %w", err)
	}
	sf := commands.SharedFile{ID: info.ID, Name: info.Name, Data: w.data, SharedBy: info.User}
	if info.Created > 0 {
		sf.SharedAt = info.Created.Time()
	}
	return sf, nil
}

// cappedBuffer collects a download and fails past its limit.
type cappedBuffer struct {
	data  []byte
	limit int64
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if int64(len(b.data)+len(p)) > b.limit {
		return 0, commands.ErrFileTooLarge
	}
	b.data = append(b.data, p...)
	return len(p), nil
}
