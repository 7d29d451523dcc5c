package digest

import (
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"jobsbot/commands"
)

// Block Kit limits (docs.slack.dev/reference/block-kit/blocks). Slack refuses
// a whole message that breaks one, and a refused digest is a missed week.
const (
	maxBlocks        = 50
	maxSectionChars  = 3000
	maxHeaderChars   = 150
	maxFallbackChars = 3000
)

// renderBlocks turns the digest reply into Block Kit: a header, one mrkdwn
// section per reply section (split only when one passes 3,000 characters) and
// a closing context line pointing at the chart in the thread.
//
// Package bot has a general renderer for command replies, but it is not
// exported and a sub-package cannot reach it; a digest also needs none of its
// buttons, so this small one stays here.
func renderBlocks(r commands.Reply, lang commands.Lang) []slack.Block {
	var blocks []slack.Block
	if r.Title != "" {
		title := truncate(r.Title, maxHeaderChars)
		blocks = append(blocks, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, title, false, false)))
	}
	for _, s := range r.Sections {
		var lines []string
		if s.Heading != "" {
			lines = append(lines, "*"+escape(s.Heading)+"*")
		}
		for _, l := range s.Lines {
			lines = append(lines, escape(l))
		}
		for _, text := range chunks(lines, maxSectionChars) {
			blocks = append(blocks, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil))
		}
	}
	note := "📈 The chart is in the thread."
	if lang == commands.Korean {
		note = "📈 차트는 스레드에 있습니다."
	}
	if len(blocks) > maxBlocks-1 {
		blocks = blocks[:maxBlocks-1]
	}
	return append(blocks, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, note, false, false)))
}

// chunks joins lines with newlines into texts of at most n runes, cutting a
// single over-long line when it must.
func chunks(lines []string, n int) []string {
	var out []string
	var cur strings.Builder
	size := 0
	for _, l := range lines {
		l = truncate(l, n)
		k := utf8.RuneCountInString(l)
		if size > 0 && size+1+k > n {
			out = append(out, cur.String())
			cur.Reset()
			size = 0
		}
		if size > 0 {
			cur.WriteByte('\n')
			size++
		}
		cur.WriteString(l)
		size += k
	}
	if size > 0 {
		out = append(out, cur.String())
	}
	return out
}

// fallbackText is what notifications and block-less clients show.
func fallbackText(r commands.Reply) string { return truncate(r.Text(), maxFallbackChars) }

// truncate shortens s to at most n runes, ending with an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}

// escape keeps user text (program names, notes, void reasons) from being read
// as Slack links, mentions or entities.
var escape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
