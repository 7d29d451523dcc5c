package commands

import (
	"regexp"
	"strings"
)

// Outcome classifies how a command ended, for logs and metrics.
type Outcome string

// Outcomes.
const (
	OutcomeOK       Outcome = "ok"       // done, or answered
	OutcomeRefused  Outcome = "refused"  // bad input or not allowed; nothing written
	OutcomeFailed   Outcome = "failed"   // storage trouble; nothing written
	OutcomeRepeated Outcome = "repeated" // a redelivery of a command already done
)

// Reply is what a command answers, independent of any transport: the console
// prints Text(), the Slack transport renders Block Kit from the same parts.
type Reply struct {
	// Command is the subcommand that ran ("add", "candidate move", …), "" if
	// the text did not parse.
	Command string
	Outcome Outcome
	// Title is a one-line heading, may be empty.
	Title    string
	Sections []Section
	Actions  []Action
	// did is what the line wrote, for 취소 (LastAction.Kind and EntryID):
	// set by the handlers that write an entry, a void or a 실적 없음.
	did LastAction
	// ranOut says the line did not finish: LastUnfinished when it ran out
	// of time with its commit unconfirmed (it may have written),
	// LastUnsaved when the ledger could not be reached (nothing written).
	// 취소 after it says which, not "refused".
	ranOut string
	// answersCancelled: the line answered a question 취소 cancelled and
	// wrote nothing (answersCancelled); pressed, it leaves the question
	// the user's last line, so the button stays dead.
	answersCancelled bool
}

// Section is a block of lines under an optional heading.
type Section struct {
	Heading string
	Lines   []string
	// Mono says the lines are a table laid out for a monospace font: Slack
	// shows them in a code block, split between lines within its limits.
	Mono bool
}

// Action is a button offered with a reply. Pressing it runs Command (a /jobs
// command line without the prefix) as the user who pressed it, so a button
// can never do more than that user could type.
type Action struct {
	ID      string // stable identifier: ActionUndo, ActionMove, ActionShare
	Label   string
	Command string
	Style   string // "primary", "danger" or ""
}

// Action IDs.
const (
	ActionUndo  = "undo"
	ActionMove  = "move"
	ActionShare = "share"
	// ActionReport opens the add form with the department filled in (reminders).
	ActionReport = "report"
	// ActionNothing records "nothing this month" for a department (reminders).
	ActionNothing = "nothing"
	// ActionConfirm records an add the bot asked about (add guards).
	ActionConfirm = "confirm"
)

// The bot's own mentions of a Slack user or channel (a department's
// reporters and channel) are marked with two private-use characters, which
// Parse refuses in typed text: the Slack renderer escapes every text and then
// turns only these marks into live mentions; Text shows them as @U… or #C….
const (
	mentionOpen  = "\uE000"
	mentionClose = "\uE001"
)

// MentionPattern matches a marked mention: group 1 is @ (user) or # (channel),
// group 2 the Slack ID.
var MentionPattern = regexp.MustCompile(mentionOpen + `([@#])([A-Z0-9]+)` + mentionClose)

// MentionUser marks a Slack user ID as a mention the bot itself makes.
func MentionUser(id string) string { return mentionOpen + "@" + id + mentionClose }

// MentionChannel marks a Slack channel ID as a channel link the bot itself makes.
func MentionChannel(id string) string { return mentionOpen + "#" + id + mentionClose }

// Text renders the reply as plain text: the title, then each section with its
// heading, sections separated by a blank line. Buttons are not shown.
func (r Reply) Text() string {
	parts := make([]string, 0, len(r.Sections))
	for _, s := range r.Sections {
		lines := s.Lines
		if s.Heading != "" {
			lines = append([]string{s.Heading}, lines...)
		}
		if len(lines) > 0 {
			parts = append(parts, strings.Join(lines, "\n"))
		}
	}
	text := r.Title + "\n" + strings.Join(parts, "\n\n")
	switch {
	case r.Title == "":
		text = strings.Join(parts, "\n\n")
	case len(parts) == 0:
		text = r.Title
	}
	return MentionPattern.ReplaceAllString(text, "$1$2")
}
