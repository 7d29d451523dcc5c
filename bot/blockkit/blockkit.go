// Package blockkit renders transport-neutral command replies as Slack Block
// Kit within Slack's limits, for every place the bot posts: command replies,
// the App Home and the weekly digest.
package blockkit

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"jobsbot/commands"
)

// Block Kit limits (docs.slack.dev/reference/block-kit/blocks). Slack refuses a
// whole message that breaks any of them, so rendering enforces them all.
const (
	MaxBlocks        = 50   // blocks in a message
	MaxSectionChars  = 3000 // text of a section block
	MaxHeaderChars   = 150  // plain text of a header block
	MaxFallbackChars = 3000 // the plain-text fallback we send
	MaxButtonLabel   = 75   // button text
	MaxButtonValue   = 2000 // button value
	MaxButtons       = 25   // elements in one actions block
)

// Render turns a reply into Block Kit. Sections are mrkdwn, the title a
// header when it fits one, the buttons one actions block; the result never
// breaks a Block Kit limit. shortened is said in the reply language.
func Render(r commands.Reply, shortened string) []slack.Block {
	var content []slack.Block
	if r.Title != "" {
		content = append(content, titleBlock(r.Title))
	}
	for _, s := range r.Sections {
		for _, text := range sectionTexts(s) {
			content = append(content, slack.NewSectionBlock(Mrkdwn(text), nil, nil))
		}
	}
	actions := actionsBlock(r.Actions)
	room := MaxBlocks
	if actions != nil {
		room--
	}
	if len(content) > room {
		// Keep the buttons (an Undo must stay reachable) and say the text was cut.
		content = append(content[:room-1], slack.NewContextBlock("", Mrkdwn(Escape(shortened))))
	}
	if actions != nil {
		content = append(content, actions)
	}
	return content
}

// titleBlock is a header when the title is short plain text; a title with
// mrkdwn (`code`) or one too long for a header becomes a bold section, so the
// formatting is not shown as raw characters.
func titleBlock(title string) slack.Block {
	// A title Escape would change (it carries < > &, a mention word or a
	// control character) is never sent raw, not even as plain text.
	if utf8.RuneCountInString(title) <= MaxHeaderChars && !strings.ContainsAny(title, "`*_~") && !strings.Contains(title, "\n") && Escape(title) == title {
		return slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, title, false, false))
	}
	text := "*" + Escape(title) + "*"
	if utf8.RuneCountInString(text) > MaxSectionChars {
		text = splitRunes(Escape(title), MaxSectionChars)[0]
	}
	return slack.NewSectionBlock(Mrkdwn(text), nil, nil)
}

// Mrkdwn is a mrkdwn text object for text already escaped. It is verbatim:
// Slack then turns no bare URL, #channel or @name into a live link or
// mention, so only what Escape let through is formatted.
func Mrkdwn(escaped string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, escaped, false, true)
}

// sectionTexts renders a section as mrkdwn texts of at most MaxSectionChars
// each, splitting between lines where it can and inside a line only when one
// line alone is too long.
func sectionTexts(s commands.Section) []string {
	if s.Mono {
		return monoTexts(s)
	}
	var lines []string
	if s.Heading != "" {
		lines = append(lines, "*"+Escape(s.Heading)+"*")
	}
	for _, l := range s.Lines {
		lines = append(lines, Escape(l))
	}
	var out []string
	var cur strings.Builder
	curLen := 0
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
			curLen = 0
		}
	}
	for _, l := range lines {
		for _, piece := range splitRunes(l, MaxSectionChars) {
			n := utf8.RuneCountInString(piece)
			if curLen > 0 && curLen+1+n > MaxSectionChars {
				flush()
			}
			if curLen > 0 {
				cur.WriteByte('\n')
				curLen++
			}
			cur.WriteString(piece)
			curLen += n
		}
	}
	flush()
	return out
}

// codeFence opens and closes a code block; each block of a monospace
// section carries its own pair, so a table split over blocks stays aligned.
const codeFence = "```"

// monoTexts renders a table section as code blocks of at most
// MaxSectionChars each, split between rows. Backticks inside would close
// the block early, so they become quotes.
func monoTexts(s commands.Section) []string {
	room := MaxSectionChars - 2*len(codeFence) - 2
	var out []string
	var cur []string
	curLen := 0
	head := ""
	if s.Heading != "" {
		head = "*" + Escape(s.Heading) + "*\n"
	}
	flush := func() {
		if len(cur) > 0 {
			out = append(out, head+codeFence+"\n"+strings.Join(cur, "\n")+"\n"+codeFence)
			cur, curLen, head = nil, 0, ""
		}
	}
	for _, l := range s.Lines {
		l = Escape(strings.ReplaceAll(l, codeFence[:1], "'"))
		for _, piece := range splitRunes(l, room-utf8.RuneCountInString(head)) {
			n := utf8.RuneCountInString(piece) + 1
			if curLen+n > room-utf8.RuneCountInString(head) {
				flush()
			}
			cur = append(cur, piece)
			curLen += n
		}
	}
	flush()
	return out
}

// splitRunes cuts s into pieces of at most n runes, never inside an HTML
// entity that Escape produced (which Slack would show half-decoded).
func splitRunes(s string, n int) []string {
	var out []string
	for utf8.RuneCountInString(s) > n {
		cut := byteOffset(s, n)
		if amp := strings.LastIndexByte(s[:cut], '&'); amp > 0 && cut-amp < len("&amp;") && !strings.Contains(s[amp:cut], ";") {
			cut = amp
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	if s != "" || len(out) == 0 {
		out = append(out, s)
	}
	return out
}

// byteOffset is the byte index of the n-th rune of s.
func byteOffset(s string, n int) int {
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// actionsBlock renders buttons. An action ID must be unique in a message, and
// two buttons may share a kind (several stage moves), so each ID gets its
// index; the handler reads the kind back with ActionKind.
func actionsBlock(actions []commands.Action) *slack.ActionBlock {
	if len(actions) == 0 {
		return nil
	}
	var elems []slack.BlockElement
	for i, a := range actions {
		if i == MaxButtons || len(a.Command) > MaxButtonValue {
			break
		}
		label := Truncate(a.Label, MaxButtonLabel)
		btn := slack.NewButtonBlockElement(a.ID+"-"+strconv.Itoa(i), a.Command, slack.NewTextBlockObject(slack.PlainTextType, label, false, false))
		switch a.Style {
		case "primary":
			btn.Style = slack.StylePrimary
		case "danger":
			btn.Style = slack.StyleDanger
		}
		elems = append(elems, btn)
	}
	if len(elems) == 0 {
		return nil
	}
	return slack.NewActionBlock("actions", elems...)
}

// ActionKind returns the commands.Action ID inside a rendered action ID.
func ActionKind(actionID string) string {
	if i := strings.LastIndexByte(actionID, '-'); i > 0 {
		return actionID[:i]
	}
	return actionID
}

// Fallback is the top-level text of a message, shown in notifications and by
// clients that cannot draw blocks. Slack reads it as mrkdwn and notifies on
// the mentions in it, so it is escaped exactly as the blocks are.
func Fallback(r commands.Reply) string {
	text := Escape(r.Text())
	if utf8.RuneCountInString(text) <= MaxFallbackChars {
		return text
	}
	return splitRunes(text, MaxFallbackChars-1)[0] + "…"
}

// Truncate shortens s to at most n runes, ending with an ellipsis when cut.
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return s[:byteOffset(s, n-1)] + "…"
}

// Escape makes text safe for mrkdwn and for everyone who reads it:
//   - &, < and > become entities: Slack reads them as the start of entities,
//     links (<http://evil|click>) and mentions (<!channel>, <@U123>);
//   - a bare @channel, @here or @everyone gets a fullwidth ＠ (U+FF20): it
//     reads the same to a person, notifies nobody even where Slack resolves
//     bare names, and, unlike a zero-width joiner, survives copying visibly;
//   - control characters other than tab and newline, and the bidi controls
//     that can make a line read backwards, are dropped.
func Escape(s string) string {
	s = strings.Map(dropControl, s)
	s = mrkdwnEscaper.Replace(s)
	s = broadcastMention.ReplaceAllString(s, "＠$1")
	// The bot's own marked mentions (commands.MentionUser) become live ones
	// only now, after everything around them was escaped.
	return commands.MentionPattern.ReplaceAllString(s, "<$1$2>")
}

var (
	mrkdwnEscaper    = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	broadcastMention = regexp.MustCompile(`(?i)@(channel|here|everyone)`)
)

// Plain makes user text safe for a plain_text object (option labels): Slack
// shows it literally, so only control and bidi characters are dropped.
func Plain(s string) string {
	return strings.Map(dropControl, s)
}

// dropControl is a strings.Map function removing C0/C1 control characters
// (but tab and newline) and the Unicode bidi embedding, override and isolate
// characters.
func dropControl(r rune) rune {
	switch {
	case r == '\n' || r == '\t':
		return r
	case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return -1
	}
	return r
}
