package bot

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"jobsbot/commands"
)

// Share posts to the channel what the user saw, never figures they did not:
// the Share button carries a fingerprint of the reply it came with, and the
// press re-runs the command and posts only if the result is the same. When
// entries changed the figures in between, the user gets the new view
// privately, with a fresh Share button, and nothing is posted. Slack does not
// send an ephemeral message's content back with a button press, so the
// fingerprint (not the reply itself, which can be far over a button value's
// 2,000 characters) is what travels.

// shareVersion starts a sealed Share button value.
const shareVersion = "share1"

// sealShare rewrites each Share button of r to carry the fingerprint of r;
// a button already sealed (for the view without a note) is kept.
func sealShare(r commands.Reply) commands.Reply {
	if len(r.Actions) == 0 {
		return r
	}
	actions := make([]commands.Action, len(r.Actions))
	for i, a := range r.Actions {
		if a.ID == commands.ActionShare && !strings.HasPrefix(a.Command, shareVersion+" ") {
			a.Command = shareVersion + " " + fingerprint(r) + " " + a.Command
		}
		actions[i] = a
	}
	r.Actions = actions
	return r
}

// unsealShare splits a Share button value into the fingerprint of what was
// shown and the command to run; ok is false for a value from before sealing.
func unsealShare(value string) (print, command string, ok bool) {
	parts := strings.SplitN(value, " ", 3)
	if len(parts) != 3 || parts[0] != shareVersion {
		return "", value, false
	}
	return parts[1], parts[2], true
}

// fingerprint identifies what a reply shows: its text, buttons aside.
func fingerprint(r commands.Reply) string {
	sum := sha256.Sum256([]byte(r.Text()))
	return hex.EncodeToString(sum[:12])
}

// shareReply is what pressing Share answers: the view for the channel, with
// the moment its figures were checked, when it is what the user saw (inChannel
// true); else the current view for the user alone, saying why nothing was posted.
func (b *Bot) shareReply(r commands.Reply, shown string, sealed bool, now time.Time) (commands.Reply, bool) {
	// Only a reply that offers Share itself may go to the channel, so a
	// crafted button value cannot post another command's answer.
	if r.Outcome != commands.OutcomeOK || !offersShare(r) {
		return r, false
	}
	if !sealed || shown != fingerprint(r) {
		note := b.msg("bot.share.figures_changed_after_this")
		r = sealShare(r) // the fresh button stands for the view, not for the note
		r.Sections = append([]commands.Section{{Lines: []string{"⚠️ " + note}}}, r.Sections...)
		return r, false
	}
	at := b.svc.Printer(b.lang()).DateTime(now.In(b.svc.Location()))
	r = withoutShare(r)
	r.Sections = append(r.Sections, commands.Section{Lines: []string{b.msg("bot.share.as_of", "Time", at)}})
	return r, true
}

func offersShare(r commands.Reply) bool {
	for _, a := range r.Actions {
		if a.ID == commands.ActionShare {
			return true
		}
	}
	return false
}
