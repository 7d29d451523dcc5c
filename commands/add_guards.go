package commands

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// confirmYes are the values of the confirm option a person types
// (확인:예 / confirm:yes) to record an add the bot held. The option, not a
// bare word, is the confirmation: a note may well end in 확인 ("현장 확인"),
// and inside 메모:/사유: the option is note text like any other word.
var confirmYes = []string{"예", "네", "yes", "y"}

// confirmAgain are the values of the confirm option (확인:다시 /
// confirm:again) that record a held line once more although its question
// was answered already: a genuinely new batch of the same figure (review
// r29 B7), once per question (againToken). A plain 확인:예 typed again is
// told the entry is recorded.
var confirmAgain = []string{"다시", "again"}

// confirmTokenLen is the length of the sealed key a Record it button
// carries as its confirm value: confirmPart hex of the held request's key,
// then confirmPart hex of the entry's fingerprint.
const (
	confirmPart     = 16
	confirmTokenLen = 2 * confirmPart
)

// setConfirm reads the confirm option of an add: a yes typed by a person,
// or the token of a Record it button.
func setConfirm(cmd *Command, key, value string) error {
	if isOneOf(token{text: value}, confirmYes) {
		cmd.Confirmed = true
		return nil
	}
	if isOneOf(token{text: value}, confirmAgain) {
		cmd.Confirmed, cmd.confirmAgain = true, true
		return nil
	}
	if len(value) == confirmTokenLen && strings.Trim(value, "0123456789abcdef") == "" {
		cmd.ConfirmToken = value
		return nil
	}
	return usageErr(cmd.Name, "guards.bad_confirm_value", "Key", key, "Value", value)
}

// confirmToken seals a held entry for its Record it button: derived from the
// held request's idempotency key (so each question has its own) and from a
// fingerprint of the entry the bot held (so the button confirms only that
// entry). The press records under a key made from the token, so a second
// press or a redelivery answers "already recorded" and writes nothing.
func confirmToken(held string, e NewEntry) string {
	k := sha256.Sum256([]byte("held\x00" + held))
	return hex.EncodeToString(k[:confirmPart/2]) + entryPrint(e)
}

// entryPrint fingerprints what an add would record: everything a person
// typed and the bot read, not when or through which delivery it came.
func entryPrint(e NewEntry) string {
	b := fmt.Appendf(nil, "%d\x00%d\x00%s\x00%s\x00%t\x00%s\x00%s\x00%s\x00%s\x00%s",
		e.ProgramID, e.Count, e.Kind, e.AsOf.Format(time.DateOnly), e.Approximate, e.Status, e.EmploymentType,
		e.Department, e.Note, e.LoggedBy)
	if e.Agreement != 0 { // a 채용 (an add's print is unchanged)
		b = fmt.Appendf(b, "\x00hire %d", e.Agreement)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:confirmPart/2])
}

// holdPrint fingerprints which question a held add is: the user and the
// fields the repeat hold compares (IdenticalEntry: kind, program, date, count,
// status, department), not the note, the employment type or a 여. A line
// retyped with a slightly different note is the same question asked again
// (review m-d: keyed by the whole entry, the first question's button stayed
// live beside the second's, and pressing both recorded a third copy), so
// held_confirmations keeps one question per holdPrint and the newest
// supersedes the rest.
func holdPrint(e NewEntry) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "hold\x00%s\x00%d\x00%s\x00%d\x00%s\x00%s\x00%s",
		e.Kind, e.ProgramID, e.AsOf.Format(time.DateOnly), e.Count, e.Status, e.Department, e.LoggedBy))
	return hex.EncodeToString(sum[:confirmPart/2])
}

// taggedPrint is the fingerprint held_confirmations keeps for one kind of
// mark (tag) about payload: the first confirmPart/2 bytes of the SHA-256 of
// tag, NUL, payload, in hex. Each kind hashes apart from the others, so a
// mark of one kind never reads as another's.
func taggedPrint(tag, payload string) string {
	sum := sha256.Sum256([]byte(tag + "\x00" + payload))
	return hex.EncodeToString(sum[:confirmPart/2])
}

// confirmedBy applies a Record it button's token to the entry it came
// with: when the token seals this very entry, the add records under the
// token's own key, once however often it is pressed. A token for another
// entry (the line edited, or a date read on another day) confirms nothing:
// the guards ask again, with a fresh button.
//
// The button confirms by itself only while its question is the newest the
// bot asked this user about this entry, or about one differing from it
// only in what the repeat hold ignores (held_confirmations keeps one per
// holdPrint, migration 00037), and was asked within AnswerWindow. Any other
// press runs the guards under the button's key, so the bot asks again,
// naming the identical entry recorded since: the button of a question asked
// again since (review r2 m6), and a button whose question is older than
// AnswerWindow, or no longer kept (review r6 X8: after a day the newer
// question was no longer found, and an old button recorded a duplicate with
// no question, although the repeat hold looks back a week). A press whose
// key recorded already (the question was answered) is answered "already
// recorded", whatever the guards would ask.
func (s *Service) confirmedBy(ctx context.Context, cmd *Command, e *NewEntry) error {
	if cmd.ConfirmToken == "" || cmd.ConfirmToken[confirmPart:] != entryPrint(*e) {
		return nil
	}
	e.IdempotencyKey = "confirm:" + cmd.ConfirmToken
	answered, err := s.store.EntryKeyRecorded(ctx, e.IdempotencyKey)
	if err != nil {
		return err
	}
	if answered {
		cmd.Confirmed = true // the store answers "already recorded"
		return nil
	}
	// AnswerWindow: the button answers its question as long as the question is answerable
	newest, err := s.store.HeldConfirmation(ctx, e.LoggedBy, holdPrint(*e), s.now().Add(-AnswerWindow))
	if err != nil {
		return err
	}
	if newest != cmd.ConfirmToken {
		return nil // superseded, stale or never kept: the guards decide
	}
	cmd.Confirmed = true
	return nil
}

// confirmedByTyping gives a typed 확인:예 / confirm:yes the key of the
// newest question the bot asked this user about this entry (within
// AnswerWindow; the same holdPrint, so a question about the line with
// another note counts), the key its Record it button records under, while
// that question is still open: typing the yes and pressing the button
// answer one question, so the entry is written once whichever comes first
// (the other is told it is already recorded).
//
// Once the question was answered (its key recorded, within AnswerWindow
// of the question), the same 확인:예 line typed again is the same answer
// sent twice (review r29 B7: it recorded a second entry): answered is
// then the question's token and nothing is recorded; the caller names the
// entry it recorded (answeredAlready). 확인:다시 / confirm:again records
// a genuinely new batch under the question's own again key (againToken),
// once however often it is pasted; a 확인:다시 that answered the question
// itself is that batch (againAnsweredPrint). A yes whose answer
// was voided since answers the question again, once (reanswerToken). So that a
// redelivery of a request that answered the open question is still
// answered once, the request's key is kept beside the question
// (typedPrint) before anything is recorded. With no question the yes
// records under the request's own key.
//
// unasked says a 확인:다시 answers no question at all: it is an ordinary
// line, recorded under the request's own key, so the caller still asks
// the repeat question about it (issue 20, links5: `추가 청년 3 확인:다시`
// as a first line, pasted twice, recorded twice without a word), as about
// an identical line typed without 확인:. A 확인:예 with no question still
// answers the questions the line would raise, once a day (below).
func (s *Service) confirmedByTyping(ctx context.Context, cmd Command, e *NewEntry) (answered string, unasked bool, err error) {
	if !cmd.Confirmed || cmd.ConfirmToken != "" {
		return "", false, nil
	}
	// AnswerWindow: the question a yes answers, and the typed key that
	// answered it, are remembered as long as the question is answerable
	since := s.now().Add(-AnswerWindow)
	var typed string
	if e.IdempotencyKey != "" {
		typed = typedPrint(e.IdempotencyKey)
		answered, err := s.store.HeldConfirmation(ctx, e.LoggedBy, typed, since)
		if err != nil {
			return "", false, err
		}
		if answered != "" { // a redelivery: the question this request answered
			e.IdempotencyKey = "confirm:" + answered
			return "", false, nil
		}
	}
	token := cmd.pendingToken
	if token == "" {
		var err error
		token, err = s.store.HeldConfirmation(ctx, e.LoggedBy, holdPrint(*e), since)
		if err != nil {
			return "", false, err
		}
		if token == "" && cmd.confirmAgain {
			// a line a refusal offered, typed with 확인:다시 once the
			// other line recorded: that question's separate batch
			answered, err := s.againOfferedLine(ctx, e, since)
			if err != nil || answered != "" {
				return answered, false, err
			}
			// no line of a refusal either: unasked unless it was one
			return "", !strings.HasPrefix(e.IdempotencyKey, "confirm:"), s.keepTyped(ctx, *e, typed)
		}
		if token == "" && !cmd.confirmAgain {
			// no question open: the line's answer recorded before it, however long ago
			if answered, err := s.answeredLine(ctx, *e); err != nil || answered != "" {
				return answered, false, err
			}
		}
		if token == "" {
			// No question: the yes answers the questions the line would
			// raise, once a day, under a key of the entry and the day (not
			// the request's, issue 20, links5: pasted twice it recorded
			// twice), walked past voided answers below as a question's is;
			// a second paste is told it is recorded (answeredAlready).
			token = confirmToken("unasked\x00"+s.today().Format(time.DateOnly), *e)
		}
		// A voided answer re-opens the question once: the yes typed since
		// answers it under a key derived from the voided one, the same for
		// every copy of that yes, so a second paste (or three sent at once)
		// is told it is recorded already, as before the void (review r40
		// B4: each retyped yes after a void recorded again). Each void of
		// the new answer opens it once more.
		for range maxReanswers {
			first, found, err := s.store.EntryByKey(ctx, "confirm:"+token)
			if err != nil {
				return "", false, err
			}
			if !found {
				break
			}
			if cmd.confirmAgain { // a separate report, once
				// unless a 확인:다시 answered the question itself: that
				// answer is its separate report (review r48 B5: the line
				// pasted again recorded a third copy), walked as a yes's
				itself, err := s.store.HeldConfirmation(ctx, e.LoggedBy, againAnsweredPrint(token), since)
				if err != nil {
					return "", false, err
				}
				if itself == "" {
					answered, err := s.againAnswer(ctx, e, token)
					if err != nil || answered != "" {
						return answered, false, err
					}
					return "", false, s.keepTyped(ctx, *e, typed)
				}
			}
			if !first.Voided() {
				return token, false, nil // answered already
			}
			token = reanswerToken(token, *e)
		}
	}
	if typed != "" {
		if err := s.store.HoldConfirmation(ctx, e.LoggedBy, typed, token, s.now()); err != nil {
			return "", false, err
		}
	}
	if cmd.confirmAgain { // a question's answer, typed with 확인:다시: its batch (above)
		if err := s.store.HoldConfirmation(ctx, e.LoggedBy, againAnsweredPrint(token), token, s.now()); err != nil {
			return "", false, err
		}
	}
	e.IdempotencyKey = "confirm:" + token
	return "", false, nil
}

// againAnsweredPrint is the print under which held_confirmations keeps
// that the question whose key is token was answered by a 확인:다시 /
// confirm:again (confirmedByTyping): the line was typed as a separate
// batch, so that answer is the question's one separate batch, and the
// same line pasted again writes nothing (review r48 B5). Kept before the
// write, as the typed key is: a write refused after it leaves the question
// open, and the next answer records under the question's key.
func againAnsweredPrint(token string) string {
	return taggedPrint("againanswered", token)
}

// againToken is the key 확인:다시 / confirm:again records e under once
// the question whose token is token was answered: a separate batch of the
// question, one per question (review r40 M3: under the request's own key,
// the 확인:다시 line pasted twice, or sent by two processes at once,
// recorded twice). A further batch is asked again: the line sent without
// 확인: is held as a repeat, a new question (againAnsweredAlready says so).
// Sealed without the note, the employment type and a 여 (what holdPrint
// and noteLinePrint leave out), so the question's line typed again with a
// word more or less in its note is the same 확인:다시 (review r44 B3: each
// note recorded another batch, unasked), as reanswerToken is.
func againToken(token string, e NewEntry) string {
	e.Note, e.EmploymentType, e.Approximate = "", "", false
	return confirmToken("again\x00"+token, e)
}

// againAnswer keys e, typed with 확인:다시 for the answered question token,
// to that question's separate batch (againToken). When it recorded and
// is live, answered is its key: nothing is written, and the reply names
// it (answeredAlready). A voided one is answered again, once, as a voided
// 확인:예 is (reanswerToken).
func (s *Service) againAnswer(ctx context.Context, e *NewEntry, token string) (answered string, err error) {
	key, live, err := s.againKey(ctx, *e, token)
	if err != nil || live {
		return key, err
	}
	e.IdempotencyKey = "confirm:" + key
	return "", nil
}

// againKey walks the keys of the separate batch of the question whose
// token is token that e records (againToken, then reanswerToken past each
// voided one): key is the first not recorded, or the one whose entry is
// live (live).
func (s *Service) againKey(ctx context.Context, e NewEntry, token string) (key string, live bool, err error) {
	key = againToken(token, e)
	for range maxReanswers {
		first, found, err := s.store.EntryByKey(ctx, "confirm:"+key)
		if err != nil || !found {
			return key, false, err
		}
		if !first.Voided() {
			return key, true, nil
		}
		key = reanswerToken(key, e)
	}
	return key, false, nil
}

// keepTyped keeps, under typed (the request's typedPrint, "" for none),
// the key e records under when it is a question's (confirm:…), so a
// redelivery of the request is answered as that request, "already
// recorded from this same request", not as another paste.
func (s *Service) keepTyped(ctx context.Context, e NewEntry, typed string) error {
	key, ok := strings.CutPrefix(e.IdempotencyKey, "confirm:")
	if typed == "" || !ok {
		return nil
	}
	return s.store.HoldConfirmation(ctx, e.LoggedBy, typed, key, s.now())
}

// againOfferedLine is againAnswer for a line a refusal offered (a
// note-day, weekday or ambiguous-date refusal's, kept under noteLinePrint
// rather than a hold's holdPrint) when e is that line (whatever its note:
// the offered line, above holdOfferedLines). Any other 확인:다시 with no
// question records under the request's own key.
func (s *Service) againOfferedLine(ctx context.Context, e *NewEntry, since time.Time) (string, error) {
	line, err := s.store.HeldConfirmation(ctx, e.LoggedBy, noteLinePrint(*e), since)
	if err != nil || line == "" {
		return "", err
	}
	return s.againAnswer(ctx, e, line)
}

// confirmDayMoved refuses a typed 확인:예 / 확인:다시 whose line's date
// reads, now, as another day than when the bot asked about it (issue 20,
// holds3): the line sent with no date, or with a date read from the day it
// is typed (오늘, 어제, 금요일), asked about before midnight and answered
// after it, found no question about the entry of the new day and recorded
// it there, dated the new day, without a word. A question stays answerable
// for AnswerWindow, so each day of it is looked at, nearest first
// (offered8: a Friday question answered on Monday with the same line
// recorded Sunday's or Monday's entry unasked, only the day before being
// looked at): when none is kept about the entry as the line reads today,
// and one is about the entry as it read on an earlier day (a hold's, or a
// refusal's offered line), nothing is written and the reply names both
// days, the line dated the day asked about (its answer) and the line dated
// today without 확인: (another report, asked like any).
func (s *Service) confirmDayMoved(ctx context.Context, cmd Command, e NewEntry) (Reply, bool, error) {
	if !cmd.Confirmed || cmd.ConfirmToken != "" || cmd.pendingToken != "" {
		return Reply{}, false, nil
	}
	dated := cmd.Opts.Date != nil || cmd.dateTyped != ""
	if dated && cmd.dateTyped == "" {
		return Reply{}, false, nil
	}
	// AnswerWindow: a question about the line, or a refusal's offered line, as kept
	since := s.now().Add(-AnswerWindow)
	asked := func(x NewEntry) (bool, error) {
		if t, err := s.store.HeldConfirmation(ctx, x.LoggedBy, holdPrint(x), since); err != nil || t != "" {
			return t != "", err
		}
		t, err := s.store.HeldConfirmation(ctx, x.LoggedBy, noteLinePrint(x), since)
		return t != "", err
	}
	today := s.today()
	var then time.Time
	looked := map[time.Time]bool{e.AsOf: true}
	back := 1
	for ; back <= answerDays; back++ {
		day := today.AddDate(0, 0, -back) // no date: that day's
		if dated {
			// The line read as the add read it that day: the add's own
			// reader (Parse), not dates.Parse of the date's words, which
			// cannot read what only the add's line reader reads (issue
			// 20, links5: `지난달 셋째 주 금요일` after midnight at a
			// month's turn was skipped, and the 확인 line recorded the new
			// month's Friday unasked).
			read, err := Parse(cmd.Line, day)
			if err != nil || read.Opts.Date == nil {
				continue // read only from today's words (k55): left to the guards
			}
			day = *read.Opts.Date
		}
		if looked[day] {
			continue
		}
		looked[day] = true
		if len(looked) == 2 { // the first other day: is the entry as read today asked about?
			if now, err := asked(e); err != nil || now {
				return Reply{}, false, err
			}
		}
		moved := e
		moved.AsOf = day
		was, err := asked(moved)
		if err != nil {
			return Reply{}, false, err
		}
		if was {
			then = day
			break
		}
	}
	if then.IsZero() {
		return Reply{}, false, nil
	}
	value := s.msg("guards.confirm_yes")
	if cmd.confirmAgain {
		value = s.msg("holdlock.confirm_again")
	}
	// cmd.Line is the line without its 확인: (as the questions offer it)
	line := withConfirm(s.redatedLine(cmd.Line, cmd.dateTyped, then), s.msg("guards.confirm_word")+":"+value)
	key := "holds3.confirm_day_moved"
	if back > 1 {
		key = "offered8.confirm_days_moved" // the line read so before yesterday: not "the day before"
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg(key,
		"Asked", s.date(then), "Today", s.date(today), "Now", s.date(e.AsOf), "Dated", line,
		"Plain", s.redatedLine(cmd.Line, cmd.dateTyped, e.AsOf))}, true, nil
}

// answerDays are the days back a question asked stays answerable
// (AnswerWindow): a question asked on the seventh day back, later in the
// day than now, still is.
const answerDays = int(AnswerWindow / (24 * time.Hour))

// redatedLine is line with its date (typed, or none) written as day,
// which reads as that day whenever it is typed.
func (s *Service) redatedLine(line, typed string, day time.Time) string {
	date := s.date(day)
	if s.lang != Korean {
		date = day.Format(time.DateOnly)
	}
	head, tail := line, ""
	if j, _ := restOfLineOption(line); j >= 0 {
		head, tail = strings.TrimRight(line[:j], " "), " "+line[j:]
	}
	if typed != "" {
		if i := strings.Index(head, typed); i >= 0 {
			if !strings.HasSuffix(head[:i], ":") {
				date = s.msg("k42.line_date", "Date", date)
			}
			return head[:i] + date + head[i+len(typed):] + tail
		}
	}
	fields := strings.Fields(head)
	for i, f := range fields {
		if i > 0 && strings.Contains(f, ":") { // before the first option, after the count and program
			return strings.Join(fields[:i], " ") + " " + s.msg("k42.line_date", "Date", date) + " " + strings.Join(fields[i:], " ") + tail
		}
	}
	return head + " " + s.msg("k42.line_date", "Date", date) + tail
}

// maxReanswers bounds how many voided answers to one question a typed yes
// walks past: each needs a void by a person, so the bound is never met in
// use; it only keeps the walk finite.
const maxReanswers = 1000

// reanswerToken is the key a question whose answer under token was voided
// is answered under next: derived from token and the entry without its
// note, so every yes typed since, whatever its note, records under one
// key, once (review r42 B4: keyed with the note, each yes of another note
// recorded again after a void, unasked).
func reanswerToken(token string, e NewEntry) string {
	e.Note = ""
	return confirmToken("reanswer\x00"+token, e)
}

// answeredAlready answers a 확인:예 line whose question was answered
// already (confirmedByTyping): the entry that answer recorded is named and
// nothing is written; 확인:다시 records a genuinely new batch (review r29
// B7). Not a usage error: the line is right, its question answered.
func (s *Service) answeredAlready(ctx context.Context, cmd Command, token string) (Reply, error) {
	first, _, err := s.store.EntryByKey(ctx, "confirm:"+token)
	if err != nil {
		return Reply{}, err
	}
	if cmd.confirmAgain {
		// 확인:다시 again: the question's separate batch is recorded
		// (againToken); a further one is asked for by the plain line
		return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("holds3.again_answered_already",
			"ID", first.ID, "Date", s.date(first.AsOf), "Line", s.plainLine(cmd))}, nil
	}
	again := withConfirm(s.offeredLine(cmd, time.Time{}), s.msg("guards.confirm_word")+":"+s.msg("holdlock.confirm_again"))
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("holdlock.yes_answered_already",
		"ID", first.ID, "Date", s.date(first.AsOf), "Again", again)}, nil
}

// questionPending returns the token of a question about e asked within the
// window and not answered yet, or "": what a bare 확인 appended to the line
// answers. The add then records under that question's key (pendingToken),
// decided here once: two bare 확인 sent at once both answer it, and the
// key's unique index in the write's transaction lets one record and tells
// the other it is recorded already (review B7: the second looked again,
// found the question answered by the first, and recorded a separate entry).
func (s *Service) questionPending(ctx context.Context, e NewEntry) (string, error) {
	// AnswerWindow: a bare 확인 answers the question while it is answerable
	token, err := s.store.HeldConfirmation(ctx, e.LoggedBy, holdPrint(e), s.now().Add(-AnswerWindow))
	if err != nil || token == "" {
		return "", err
	}
	recorded, err := s.store.EntryKeyRecorded(ctx, "confirm:"+token)
	if err != nil || recorded {
		return "", err
	}
	return token, nil
}

// typedPrint is where held_confirmations keeps which question a typed yes
// delivered under key answered (confirmedByTyping): a row of the same user
// beside the questions, its fingerprint hashed apart from theirs ("typed"),
// and dropped with them after a day, well past Slack's redelivery window.
func typedPrint(key string) string {
	return taggedPrint("typed", key)
}

// repeatWindow is within which the repeat question says "you recorded the
// same entry a short while ago" (the same person, program, date and count):
// a pasted line sent twice comes within a day. It is the wording of the
// identical-entry rule only; the rule itself holds whenever the entry was
// recorded, and how long a question stays answerable is AnswerWindow's.
const repeatWindow = 24 * time.Hour

// AnswerWindow is how long a question the bot asked stays answerable (its
// button, a typed 확인:예 / 확인:다시, a line a refusal offered) and how
// long what answered it and what links it are remembered (held_confirmations:
// tokens, typed answers' keys, a refusal's offered lines and their
// siblings; db.HoldConfirmation drops a user's rows older than this). A
// week covers a weekend and a holiday or two (review r45 M1, M2: a line
// answered on Friday and typed again on Monday recorded a second time, and
// the other line of a Friday refusal recorded beside the first, because
// the question was forgotten after 24 hours).
const AnswerWindow = 7 * 24 * time.Hour

// askBeforeRecording holds an entry that is probably a mistake until the
// user confirms it: the same delta by the same person within a day (same
// program, date, count, status and department, whatever the note), or one entry larger than the program's
// whole-year target (the overall target where the program has none). It
// returns the question, or ok=false to record at once.
func (s *Service) askBeforeRecording(ctx context.Context, c Caller, cmd Command, e NewEntry, p Program) (Reply, bool, error) {
	if cmd.Confirmed {
		return Reply{}, false, nil
	}
	if r, ask, err := s.askAboutRepeat(ctx, c, e, p, cmd); err != nil || ask {
		return r, ask, err
	}
	if r, ask, err := s.askAboutOtherDepartments(ctx, c, e, p, cmd); err != nil || ask {
		if err == nil && ask {
			// Held for other departments' share and for other types at
			// once: one confirmation answers both, so the question names
			// both (review r7 S3: only the first was asked).
			types, both, err := s.askAboutOtherTypes(ctx, c, e, p, cmd)
			if err != nil {
				return types, both, err
			}
			if both {
				r.Title += "\n" + types.Title
			}
		}
		return r, ask, err
	}
	if r, ask, err := s.askAboutOtherTypes(ctx, c, e, p, cmd); err != nil || ask {
		return r, ask, err
	}
	return s.askAboutSizeAndTotals(ctx, c, e, p, cmd)
}

// askAboutOtherDepartments holds a 누계 report filed under one department
// when the program has live realised jobs of the year, through the
// report's date, filed under other departments: the 누계 is recorded as the
// whole program's total, so an official giving their department's own
// 누계 would see the other departments' jobs silently absorbed. The
// question names the other departments' share, the increment the report
// records as the program's total, and the delta to type if it was the
// department's own 누계. A report at or below the program's total is left
// to the ledger's own answer (agrees, or refused naming the entries).
func (s *Service) askAboutOtherDepartments(ctx context.Context, c Caller, e NewEntry, p Program, cmd Command) (Reply, bool, error) {
	if e.Kind != KindCumulative || e.Status != StatusRealised {
		return Reply{}, false, nil
	}
	depts, err := s.store.ProgramDepartmentJobs(ctx, e.ProgramID, dates.On(e.AsOf.Year(), 1, 1), e.AsOf)
	if err != nil {
		return Reply{}, false, err
	}
	var whole, own int64
	var others []string
	for _, d := range depts {
		whole += d.Jobs
		if d.Department == e.Department {
			own += d.Jobs
			continue
		}
		if d.Jobs > 0 {
			others = append(others, s.msg("guards.other_department_share", "Department", d.Department, "Count", s.unitCount(d.Jobs, false, p.Unit)))
		}
	}
	if len(others) == 0 || e.Count <= whole {
		return Reply{}, false, nil
	}
	word := s.programWord(p)
	delta := s.msg("guards.own_cumulative_delta", "N", e.Count-own, "Program", word,
		"Date", fmt.Sprintf("%d/%d", int(e.AsOf.Month()), e.AsOf.Day()), "Department", e.Department)
	why := s.msg("guards.cumulative_whole_program", "Program", s.programLabel(p), "Date", s.date(e.AsOf),
		"Total", s.unitCount(e.Count, e.Approximate, p.Unit), "Department", e.Department,
		"Others", strings.Join(others, ", "), "Increment", s.plusCount(e.Count-whole, e.Approximate, p.Unit),
		"Own", s.unitCount(own, false, p.Unit), "OwnDelta", s.unitCount(e.Count-own, e.Approximate, p.Unit), "Delta", delta)
	return s.confirmReply(ctx, c, cmd, e, false, why, nil)
}

// askAboutOtherTypes is askAboutOtherDepartments for employment types
// (review_ko S7): a 누계 report given with 고용형태 is recorded as the whole
// program's total, so when the program has live realised jobs of the year,
// through the report's date, of other employment types (or of none), a
// 누계 of that type alone would absorb them silently. It is held, naming
// the other types' share and the delta to type if the 누계 was only that
// type's. A report at or below the program's total is left to the ledger's
// own answer, as for departments.
func (s *Service) askAboutOtherTypes(ctx context.Context, c Caller, e NewEntry, p Program, cmd Command) (Reply, bool, error) {
	if e.Kind != KindCumulative || e.Status != StatusRealised || e.EmploymentType == "" {
		return Reply{}, false, nil
	}
	totals, err := s.store.EmploymentTotals(ctx, dates.On(e.AsOf.Year(), 1, 1), e.AsOf, "")
	if err != nil {
		return Reply{}, false, err
	}
	var whole, own int64
	var others []string
	for _, t := range totals {
		if t.ProgramID != e.ProgramID || t.Status != StatusRealised {
			continue
		}
		whole += t.Jobs
		if t.EmploymentType == e.EmploymentType {
			own += t.Jobs
			continue
		}
		if t.Jobs > 0 {
			name := EmploymentLabel(t.EmploymentType, s.lang)
			if t.EmploymentType == "" {
				name = s.msg("types.none")
			}
			others = append(others, s.msg("guards.other_department_share", "Department", name,
				"Count", s.unitCount(t.Jobs, false, p.Unit)))
		}
	}
	if len(others) == 0 || e.Count <= whole {
		return Reply{}, false, nil
	}
	word := s.programWord(p)
	typ := EmploymentLabel(e.EmploymentType, s.lang)
	delta := s.msg("types.own_cumulative_delta", "N", e.Count-own, "Program", word,
		"Date", fmt.Sprintf("%d/%d", int(e.AsOf.Month()), e.AsOf.Day()), "Type", typ)
	why := s.msg("types.cumulative_whole_program", "Program", s.programLabel(p), "Date", s.date(e.AsOf),
		"Total", s.unitCount(e.Count, e.Approximate, p.Unit), "Type", typ,
		"Others", strings.Join(others, ", "), "Increment", s.plusCount(e.Count-whole, e.Approximate, p.Unit),
		"Own", s.unitCount(own, false, p.Unit), "OwnDelta", s.unitCount(e.Count-own, e.Approximate, p.Unit), "Delta", delta)
	return s.confirmReply(ctx, c, cmd, e, false, why, nil)
}

// askAboutRepeat holds a delta that repeats a live one recorded by anyone,
// whenever it was typed: the same entry is the same program, 기준일, count,
// status and department (issue 19; review r3 S4: a colleague of the
// department, or days later; review r5 S3: the week's list retyped at month
// end). A second, separate report of exactly the same figure for the same
// day and department is rare; a re-sent one is the common mistake, and the
// question costs one press. The question names who recorded the earlier
// entry and when. The note, the employment type and a 여 are incidental: a
// line retyped with one more word in the note is still the same report, so
// it waits for confirmation too, and the question says what differs. A
// cumulative report needs no such check: the same total again agrees with
// the ledger and writes nothing. The store looks again while it writes,
// under the fingerprint's lock (NewEntry.HoldRepeat), so an identical add
// sent at the same moment is held too (recordGuarded).
func (s *Service) askAboutRepeat(ctx context.Context, c Caller, e NewEntry, p Program, cmd Command) (Reply, bool, error) {
	if e.Kind != KindDelta {
		return Reply{}, false, nil
	}
	o, found, err := s.store.IdenticalEntry(ctx, e)
	if err != nil || !found {
		return Reply{}, false, err
	}
	if e.Agreement != 0 {
		// A 채용 repeats a hire of the same agreement (review r5 S7): the
		// same count on the same day from another agreement is another
		// hire. It also repeats a plain add of the same jobs: typed first
		// as an add, then "properly" as the agreement's hire, they were
		// counted twice (review r22 F22).
		marks, err := s.store.EntryMarks(ctx, []int64{o.ID})
		if err != nil {
			return Reply{}, false, err
		}
		switch marks[o.ID].Agreement {
		case e.Agreement:
		case 0:
			r, err := s.hireRepeatsAddQuestion(ctx, c, cmd, e, p, o)
			return r, err == nil, err
		default:
			// The newest identical entry is another agreement's hire; an
			// older plain add or hire of this agreement may still be
			// identical (review r26 M5: it was missed).
			older, agreement, found, err := s.olderIdentical(ctx, e, o)
			if err != nil || !found {
				return Reply{}, false, err
			}
			if agreement == 0 {
				r, err := s.hireRepeatsAddQuestion(ctx, c, cmd, e, p, older)
				return r, err == nil, err
			}
			o = older
		}
	}
	r, err := s.repeatQuestion(ctx, c, cmd, e, p, o)
	return r, err == nil, err
}

// olderIdentical is the newest live delta older than o that records what
// the hire e would (program, date, count, status, department: what
// IdenticalEntry compares) and is a plain add (agreement 0) or a hire of
// e's own agreement; found=false when there is none.
func (s *Service) olderIdentical(ctx context.Context, e NewEntry, o Entry) (Entry, int64, bool, error) {
	list, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: e.ProgramID, From: e.AsOf, To: e.AsOf, Limit: 500})
	if err != nil {
		return Entry{}, 0, false, err
	}
	var same []Entry // newest first, as listed
	for _, x := range list {
		if x.ID < o.ID && !x.Voided() && x.Kind == KindDelta && x.Count == e.Count && x.Status == e.Status && x.Department == e.Department {
			same = append(same, x)
		}
	}
	if len(same) == 0 {
		return Entry{}, 0, false, nil
	}
	ids := make([]int64, len(same))
	for i, x := range same {
		ids[i] = x.ID
	}
	marks, err := s.store.EntryMarks(ctx, ids)
	if err != nil {
		return Entry{}, 0, false, err
	}
	for _, x := range same {
		if a := marks[x.ID].Agreement; a == 0 || a == e.Agreement {
			return x, a, true, nil
		}
	}
	return Entry{}, 0, false, nil
}

// repeatQuestion asks whether e, identical to the recorded entry o, is a
// second, separate report.
func (s *Service) repeatQuestion(ctx context.Context, c Caller, cmd Command, e NewEntry, p Program, o Entry) (Reply, error) {
	again, recorded := "guards.same_entry_again", "guards.same_entry_recorded"
	if e.Agreement != 0 { // a 채용: the question names the hire
		again, recorded = "hires.same_hire_again", "hires.same_hire_recorded"
	}
	// repeatWindow, not AnswerWindow: only the wording ("a short while
	// ago" or "recorded on …") of the identical-entry rule, which asks
	// whenever the entry was recorded
	id := again // the same person within a day
	if o.LoggedBy != e.LoggedBy || !o.CreatedAt.After(s.now().Add(-repeatWindow)) {
		id = recorded
	}
	why := s.msg(id, "ID", o.ID, "Program", s.programLabel(p),
		"Count", s.unitCount(o.Count, o.Approximate, p.Unit), "AsOf", s.date(e.AsOf), "At", s.instant(o.CreatedAt),
		"By", s.name(ctx, o.LoggedBy), "Agreement", e.Agreement)
	for _, d := range s.repeatDifferences(o, e, p) {
		why += " " + d
	}
	r, _, err := s.confirmReply(ctx, c, cmd, e, true, why, nil)
	return r, err
}

// hireRepeatsAddQuestion asks whether the hire e, the same program, 기준일,
// count and department as the plain add o, is other jobs than o: if o was
// this agreement's hire typed as an add, recording e counts them twice, and
// the reply says to void o first.
func (s *Service) hireRepeatsAddQuestion(ctx context.Context, c Caller, cmd Command, e NewEntry, p Program, o Entry) (Reply, error) {
	why := s.msg("lead.hire_repeats_add", "ID", o.ID, "Program", s.programLabel(p),
		"Count", s.unitCount(o.Count, o.Approximate, p.Unit), "AsOf", s.date(e.AsOf), "At", s.instant(o.CreatedAt),
		"By", s.name(ctx, o.LoggedBy), "Agreement", e.Agreement, "Void", commandName(cmdVoid))
	r, _, err := s.confirmReply(ctx, c, cmd, e, true, why, nil)
	if err != nil {
		return r, err
	}
	// Its other answer is the line sent again once #o is voided: that
	// records under the question's key, so a later press of the button
	// is answered "already recorded" (review r23 M5).
	return r, s.holdOtherAnswers(ctx, e, confirmToken(e.IdempotencyKey, e), nil, true)
}

// repeatDifferences names what a held repeat e says differently from the
// earlier entry o: its note, its employment type or its 여.
func (s *Service) repeatDifferences(o Entry, e NewEntry, p Program) []string {
	var out []string
	if o.Note != e.Note {
		out = append(out, s.msg("guards.repeat_note_differs", "ID", o.ID, "Old", s.noteOrNone(o.Note), "New", s.noteOrNone(e.Note)))
	}
	if o.EmploymentType != e.EmploymentType {
		out = append(out, s.msg("guards.repeat_type_differs", "ID", o.ID,
			"Old", s.typeOrNone(o.EmploymentType), "New", s.typeOrNone(e.EmploymentType)))
	}
	if o.Approximate != e.Approximate {
		out = append(out, s.msg("guards.repeat_count_differs", "ID", o.ID,
			"Old", s.unitCount(o.Count, o.Approximate, p.Unit), "New", s.unitCount(e.Count, e.Approximate, p.Unit)))
	}
	return out
}

// noteOrNone quotes a note for a reply, or says there is none.
func (s *Service) noteOrNone(note string) string {
	if note == "" {
		return s.msg("guards.no_note")
	}
	return "`" + CodeSpanText(note) + "`"
}

// typeOrNone names an employment type for a reply, or says none was given.
func (s *Service) typeOrNone(t string) string {
	if t == "" {
		return s.msg("guards.no_type")
	}
	return EmploymentLabel(t, s.lang)
}

// overYearTarget is the question for one figure larger than the program's
// whole-year target (the overall target where the program has none), or ""
// when it is not: an add's entry and a 정정's new figure are asked the
// same (issue 19 §5; k36: a 정정 skipped it).
func (s *Service) overYearTarget(ctx context.Context, p Program, year int, count int64, approximate bool) (string, error) {
	target, whose, err := s.yearTargetFor(ctx, p, year)
	if err != nil {
		return "", err
	}
	if target > 0 && count > target {
		return s.msg("guards.over_year_target", "Count", s.unitCount(count, approximate, p.Unit),
			"Whose", whose, "Year", year, "Target", s.unitCount(target, false, p.Unit)), nil
	}
	return "", nil
}

// yearTargetFor is the target a figure of p is compared with: the
// program's whole-year target, or the overall one where it has none (whose
// names which), 0 when neither is set.
func (s *Service) yearTargetFor(ctx context.Context, p Program, year int) (target int64, whose string, err error) {
	targets, err := s.store.Targets(ctx, year)
	if err != nil {
		return 0, "", err
	}
	target, whose = targets.Programs[p.ID], s.programLabel(p)
	if target == 0 {
		target, whose = targets.Total, s.msg("guards.overall")
	}
	return target, whose, nil
}

// cumulativeOverYearTarget is overYearTarget for a realised 누계 line: it
// is the program's total, not one entry of that size: it is asked when
// what it adds (the increment over the ledger through its date) is more
// than the target, or when it is the report that passes the target (review
// ko k3 F14), and the question names the 누계 and the increment. A 누계 of a
// program already past its target is an ordinary report (review r22 F4:
// `누계 5,700여` after 5,600여, target 5,000, was asked as "한 건에
// 5,700여개는 … 연간 목표보다 많습니다").
func (s *Service) cumulativeOverYearTarget(ctx context.Context, p Program, e NewEntry) (string, error) {
	target, whose, err := s.yearTargetFor(ctx, p, e.AsOf.Year())
	if err != nil || target <= 0 || e.Count <= target {
		return "", err
	}
	before, approx, err := s.programJobsApprox(ctx, p.ID, dates.On(e.AsOf.Year(), 1, 1), e.AsOf)
	if err != nil {
		return "", err
	}
	key := ""
	switch {
	case e.Count-before > target: // what it adds is more than the year's target
		key = "k59.cumulative_over_year_target"
	case before <= target: // it is the report that passes the target (r13 F14)
		key = "k59.cumulative_passes_year_target"
	default: // the program had passed its target already: an ordinary report
		return "", nil
	}
	return s.msg(key, "Total", s.unitCount(e.Count, e.Approximate, p.Unit),
		"Date", s.date(e.AsOf), "Before", s.unitCount(before, approx, p.Unit),
		"Increment", s.unitCount(e.Count-before, e.Approximate || approx, p.Unit),
		"Whose", whose, "Year", e.AsOf.Year(), "Target", s.unitCount(target, false, p.Unit)), nil
}

// confirmReply asks to confirm the held entry e: no entry is written. The
// button carries the sealed token (confirmToken), so it records e once; a
// person may type the line again with 확인:예 / confirm:yes, which finds the
// token the store keeps for the question (confirmedByTyping) and records
// under the same key. The console has no button, so there the reply names
// only the line to type. repeat says the entry was held as a repeat of an
// identical one (the question is whether it is a separate report, not
// whether the figure is right). date is a question of the entry's date
// (dateFooter), nil for the others.
//
// alts are the entries the other lines the question offers would record
// (a 누계 for a delta that may be one): each is an answer of the question
// too, and only one answer records (holdOtherAnswers, review r23 M5).
func (s *Service) confirmReply(ctx context.Context, c Caller, cmd Command, e NewEntry, repeat bool, why string, date *dateQuestion, alts ...NewEntry) (Reply, bool, error) {
	token := confirmToken(e.IdempotencyKey, e)
	if err := s.store.HoldConfirmation(ctx, e.LoggedBy, holdPrint(e), token, s.now()); err != nil {
		return Reply{}, false, err
	}
	if date != nil && !repeat && date.first != "" && !date.firstDate.IsZero() {
		alt := e
		alt.AsOf = date.firstDate
		alts = append([]NewEntry{alt}, alts...)
	}
	if err := s.holdOtherAnswers(ctx, e, token, alts, false); err != nil {
		return Reply{}, false, err
	}
	word := s.msg("guards.confirm_word")
	line := s.lineWithItsDate(cmd, e)
	typed := withConfirm(line, word+":"+s.msg("guards.confirm_yes"))
	button := withConfirm(line, word+":"+token)
	if date != nil && !repeat {
		lines, actions := s.dateFooter(c, e, date, typed, button)
		return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: why, Sections: []Section{{Lines: lines}}, Actions: actions,
			did: LastAction{Kind: LastHeld, Print: holdPrint(e)}}, true, nil
	}
	var how string
	switch console := c.Source == SourceConsole; {
	case repeat && console:
		how = "guards.record_anyway_repeat_console"
	case repeat:
		how = "guards.record_anyway_repeat"
	case console:
		how = "guards.record_anyway_size_console"
	default:
		how = "guards.record_anyway_size"
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: why,
		Sections: []Section{{Lines: []string{s.msg(how, "Line", typed)}}},
		Actions:  []Action{{ID: ActionConfirm, Label: s.msg("guards.record_anyway"), Command: button, Style: "primary"}},
		did:      LastAction{Kind: LastHeld, Print: holdPrint(e)}}, true, nil
}

// dateFooter is the footer of a question of the entry's date (review r21
// M2): the line dated the other day first (the month before's end, this
// year's), as the first button on Slack, then the held line as typed,
// naming the date it would be filed at ("이 날짜(2026. 12. 2.)가 맞다면"),
// not the figure. Each button names its date.
func (s *Service) dateFooter(c Caller, e NewEntry, q *dateQuestion, typed, button string) ([]string, []Action) {
	console := c.Source == SourceConsole
	var (
		lines   []string
		actions []Action
	)
	lead := s.msg("hires.nothing_recorded_yet") + " "
	if q.first != "" {
		day := s.date(q.firstDate)
		label := s.msg("k58.button_as_of", "Date", day)
		var key string
		switch {
		case q.monthEnd && console:
			key = "k58.first_month_end_console"
		case q.monthEnd:
			key = "k58.first_month_end"
		case console:
			key = "k58.first_this_year_console"
		default:
			key = "k58.first_this_year"
		}
		lines = append(lines, s.msg(key, "Date", day, "Line", q.first, "Button", label, "ThisYear", s.today().Year()))
		actions = append(actions, Action{ID: ActionConfirm, Label: label, Command: q.first, Style: "primary"})
		lead = ""
	}
	var key string
	switch {
	case q.withFigure && console:
		key = "k58.record_anyway_date_figure_console"
	case q.withFigure:
		key = "k58.record_anyway_date_figure"
	case console:
		key = "k58.record_anyway_date_console"
	default:
		key = "k58.record_anyway_date"
	}
	day := s.date(e.AsOf)
	label := s.msg("k58.button_as_of", "Date", day)
	lines = append(lines, lead+s.msg(key, "Date", day, "Line", typed, "Button", label))
	style := "primary"
	if len(actions) > 0 {
		style = ""
	}
	actions = append(actions, Action{ID: ActionConfirm, Label: label, Command: button, Style: style})
	return lines, actions
}

// lineWithItsDate is the held line as offered back (offeredLine): with
// the date it was held for when it gave none, since a line without a date
// is dated the day it is sent, so the confirmation typed (or pressed) on a
// later day filed the jobs on that day, across a month end without a word
// (review r25 F6), and with a date counted from the day typed written as
// that day (review r39 F17).
func (s *Service) lineWithItsDate(cmd Command, e NewEntry) string {
	return s.offeredLine(cmd, e.AsOf)
}

// withConfirm adds the confirm option to a held line: at its end, or just
// before its 메모:/사유: (note:/reason:), which takes the rest of the line
// verbatim, so a confirm after it would be note text and the line the
// question offers (and its button's command) would be asked about again.
// The add form's line (formLine) ends in its note, so this covers it too.
func withConfirm(line, confirm string) string {
	if j, _ := restOfLineOption(line); j >= 0 {
		return strings.TrimRight(line[:j], " ") + " " + confirm + " " + line[j:] // the note's spacing as typed
	}
	return line + " " + confirm
}

// restOfLineOption finds the first note: or reason: option of line (메모:,
// 사유:, `메모 :` with spaces around the colon), which takes the rest of
// the line: the byte where its key starts and its canonical key, or -1.
func restOfLineOption(line string) (int, string) {
	// Words as the parser reads them: a quoted value (부서:"노인 메모:과",
	// a department named before names with labels were refused) is one
	// word, and a label inside it starts nothing.
	at := 0
	ts := tokenize(line)
	for i, t := range ts {
		j := at + strings.Index(line[at:], t.raw)
		at = j + len(t.raw)
		key, _, colon := strings.Cut(t.raw, ":")
		if !colon && i+1 < len(ts) && strings.HasPrefix(ts[i+1].raw, ":") {
			key, colon = t.raw, true
		}
		if c := optionKeys[fold(key)]; colon && (c == "note" || c == "reason") {
			return j, c
		}
	}
	return -1, ""
}

// laterReportLines names the cumulative reports dated on or after a delta
// that the delta changes: each still records what it recorded, so the total
// through its date is now the reported figure plus the delta. A void says
// the same of the reports it adjusts; an add must not change one silently.
func (s *Service) laterReportLines(ctx context.Context, e Entry, p Program) ([]string, error) {
	return s.movedReportLines(ctx, e, e.Count, nil, p)
}

// movedReportLines is laterReportLines for a change of change jobs dated
// e's date (a delta added: its count; a delta's 정정: new less old) that
// re-based the reports in adjusted. A report's total before is the
// ledger's now less the change and the re-basings dated on or before it;
// the reports whose total did not move are left out, and so are the
// re-based ones, which the reply names apart (review r5 L7).
func (s *Service) movedReportLines(ctx context.Context, e Entry, change int64, adjusted []Adjustment, p Program) ([]string, error) {
	if e.Kind != KindDelta || change == 0 {
		return nil, nil
	}
	yearEnd := dates.On(e.AsOf.Year(), 12, 31)
	later, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: e.ProgramID, From: e.AsOf, To: yearEnd, Limit: 200})
	if err != nil {
		return nil, err
	}
	// The report that decides a date is the latest recorded live one of
	// that date (and status), as the 누계포함 question names them.
	var lines []string
	for _, r := range decidingReports(later, e.Status, e.ID) { // oldest first
		moved := change
		for _, a := range adjusted {
			if a.Report.ID == r.ID {
				moved = 0 // named apart
				break
			}
			if a.Report.Status == e.Status && !a.Report.AsOf.After(r.AsOf) {
				moved += a.Report.Count - a.OldCount
			}
		}
		if moved == 0 {
			continue
		}
		now, err := s.programThrough(ctx, e.ProgramID, e.Status, r.AsOf)
		if err != nil {
			return nil, err
		}
		lines = append(lines, s.msg("guards.changes_later_report", "AsOf", s.date(r.AsOf), "ID", r.ID,
			// A separate approximate delta makes the raised total approximate
			// (review r27 F19: 1,400 → 1,600여).
			"Old", s.unitCount(now-moved, r.Approximate, p.Unit), "New", s.unitCount(now, r.Approximate || e.Approximate, p.Unit)))
	}
	return lines, nil
}

// programThrough is the ledger's total of a program and status for the
// year through day: what a 누계 report of that date is read against. The
// lines naming what changes a report (laterReportLines, reportLedgerLine)
// read it here, so both state the same figure.
func (s *Service) programThrough(ctx context.Context, programID int64, status EntryStatus, day time.Time) (int64, error) {
	n, _, err := s.programThroughApprox(ctx, programID, status, day)
	return n, err
}

// programThroughApprox is programThrough with whether that total carries
// 여 (the realised total by approximate.go's rule; an agreed total never
// does), so a reply stating it keeps the 여 status shows (review r13 W9).
func (s *Service) programThroughApprox(ctx context.Context, programID int64, status EntryStatus, day time.Time) (int64, bool, error) {
	totals, err := s.store.ProgramTotals(ctx, dates.On(day.Year(), 1, 1), day, "")
	if err != nil {
		return 0, false, err
	}
	for _, t := range totals {
		if t.ProgramID == programID {
			if status == StatusAgreed {
				return t.Agreed, false, nil
			}
			return t.Jobs, t.Approximate > 0, nil
		}
	}
	return 0, false, nil
}

// reportLedgerLine is laterReportLines seen from a corrected 누계 report:
// the 정정 made the ledger's total through r's date the figure typed (the
// replacement records it less the other live entries through that date,
// db.CorrectEntry), so the reply states that total, and names the deltas
// recorded after position (the report's place in recording order) and
// dated on or before r: they no longer add to the report but are inside
// its figure, which is why the replacement's increment (increment) is
// smaller than the change of the figure (review r5 S6). increment < 0
// when nothing new was recorded (the figure agreed with the ledger).
func (s *Service) reportLedgerLine(ctx context.Context, r Entry, increment, position int64, p Program) (string, error) {
	if r.Kind != KindCumulative {
		return "", nil
	}
	through, approximate, err := s.programThroughApprox(ctx, r.ProgramID, r.Status, r.AsOf)
	if err != nil {
		return "", err
	}
	since, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: r.ProgramID, From: dates.On(r.AsOf.Year(), 1, 1), To: r.AsOf, Limit: 200})
	if err != nil {
		return "", err
	}
	var named []string
	for _, d := range slices.Backward(since) { // oldest first
		if d.Voided() || d.Kind != KindDelta || d.Status != r.Status || d.ID <= position {
			continue
		}
		named = append(named, s.msg("corrections.late_delta", "ID", d.ID, "Count", s.plusCount(d.Count, d.Approximate, p.Unit)))
	}
	total := s.unitCount(through, approximate, p.Unit)
	if len(named) == 0 || increment < 0 {
		if r.Status == StatusAgreed {
			return s.msg("k43.ledger_now_agreed", "AsOf", s.date(r.AsOf), "Total", total), nil
		}
		return s.msg("corrections.ledger_now", "AsOf", s.date(r.AsOf), "Total", total), nil
	}
	return s.msg("corrections.ledger_now_inside", "AsOf", s.date(r.AsOf), "Total", total,
		"Deltas", strings.Join(named, ", "), "Count", s.plusCount(increment, false, p.Unit)), nil
}

// HoldStore keeps the question a held add asked, so a typed 확인:예 and the
// button answer it once (add_guards above).
type HoldStore interface {
	// HoldConfirmation keeps token as the answer to the newest question
	// asked userID before recording the entry fingerprinted print;
	// HeldConfirmation returns it if asked since since, else "".
	HoldConfirmation(ctx context.Context, userID, print, token string, at time.Time) error
	HeldConfirmation(ctx context.Context, userID, print string, since time.Time) (string, error)
	// HeldConfirmations is HeldConfirmation for several prints at once.
	HeldConfirmations(ctx context.Context, userID string, prints []string, since time.Time) (map[string]string, error)
	// EntryKeyRecorded reports whether an entry, live or voided, was
	// recorded under the idempotency key: whether a held question's key
	// answered it.
	EntryKeyRecorded(ctx context.Context, key string) (bool, error)
	// EntryByKey returns the entry, live or voided, recorded under the
	// idempotency key; ok=false when there is none.
	EntryByKey(ctx context.Context, key string) (Entry, bool, error)
	// IdenticalEntry returns the newest live delta that records what e
	// would (program, date, count, status, department), whenever it was
	// recorded; ok=false when there is none or e's own request (its
	// idempotency key) is recorded already.
	IdenticalEntry(ctx context.Context, e NewEntry) (Entry, bool, error)
}

// confirmAppended says an add's whole note is a bare 확인 (English confirm)
// typed as the line's last word: the confirmation appended to a held line,
// as 확인:예 is. Quoted, inside 메모:, or beside other note words it is note
// text.
func confirmAppended(cmd Command, noteWords []string) bool {
	if len(noteWords) != 1 || cmd.Opts.Note != "" || cmd.Confirmed || cmd.ConfirmToken != "" {
		return false
	}
	w := noteWords[0]
	fields := strings.Fields(cmd.Line)
	return (fold(w) == "확인" || fold(w) == "confirm") && len(fields) > 0 && fields[len(fields)-1] == w
}

// maxAnswers is how many other answers one question may offer: a date
// hold's other date and a figure question's 누계 lines.
const maxAnswers = 4

// siblingPrint is where held_confirmations keeps, beside a question's
// answer token, the token of its i-th other answer (a date hold's line for
// the other date, a figure question's 누계 line): a row of the same user,
// hashed apart from the questions ("other"), dropped with them after a
// day. i = maxAnswers marks a question whose held line, typed again
// without 확인:, answers it (the 채용 after an identical 추가, once that
// 추가 is voided).
func siblingPrint(token string, i int) string {
	return taggedPrint("other", fmt.Sprintf("%s\x00%d", token, i))
}

// holdOtherAnswers keeps the other answers of a held question (review r23
// M5): a line the question offers beside the held one (the other date's,
// a 누계) is its answer as much as 확인:, so it gets a token of its own
// (the question's, sealing the entry that line records), kept under that
// entry's holdPrint, and each token is kept as the other's sibling.
// Whichever answer records first, the others are refused
// (otherAnswerUsed): App Home keeps the message, and every button could
// be pressed. plain marks the held line itself, sent again without 확인:,
// as an answer.
func (s *Service) holdOtherAnswers(ctx context.Context, e NewEntry, token string, alts []NewEntry, plain bool) error {
	now := s.now()
	var rows [][2]string
	for i, alt := range alts {
		if i >= maxAnswers {
			break
		}
		other := confirmToken(e.IdempotencyKey, alt)
		if other == token || holdPrint(alt) == holdPrint(e) {
			continue
		}
		rows = append(rows, [2]string{holdPrint(alt), other}, [2]string{siblingPrint(token, i), other}, [2]string{siblingPrint(other, 0), token})
		// The other lines are each other's answers too (review r39 F11:
		// the January question's year-end 누계 and the continued year's
		// 누계, typed one after the other, both recorded): each keeps the
		// others in the slots after the held line's.
		slot := 1
		for j, more := range alts[:min(len(alts), maxAnswers)] {
			if j == i || slot >= maxAnswers {
				continue
			}
			if t := confirmToken(e.IdempotencyKey, more); t != other && t != token && holdPrint(more) != holdPrint(e) {
				rows = append(rows, [2]string{siblingPrint(other, slot), t})
				slot++
			}
		}
	}
	if plain {
		rows = append(rows, [2]string{siblingPrint(token, maxAnswers), token})
	}
	for _, row := range rows {
		if err := s.store.HoldConfirmation(ctx, e.LoggedBy, row[0], row[1], now); err != nil {
			return err
		}
	}
	return nil
}

// carriedSlot is the first sibling slot of the lines of an earlier
// question a note-day refusal's lines carry (holdOfferedLines): past the
// slots of the question's own answers and of the marks (maxAnswers,
// notePrint's maxAnswers+1).
const carriedSlot = 2*maxAnswers + 2

// maxCarried bounds the carried slots: every line offered at any depth of
// one question, each of them, and lines offered again by another branch
// (review r42 B2, B6: with four, a chain's later lines lost the first).
const maxCarried = 24

// answerSlots are the sibling slots an answer looks in for the question's
// other answers: its own question's, then those it carries.
var answerSlots = func() []int {
	var out []int
	for i := range maxAnswers {
		out = append(out, i)
	}
	for i := range maxCarried {
		out = append(out, carriedSlot+i)
	}
	return out
}()

// siblingsOf are the tokens kept in token's answer slots (answerSlots),
// in slot order: the question's other answers and those it carries, read
// in one query rather than one a slot.
func (s *Service) siblingsOf(ctx context.Context, user, token string, since time.Time) ([]string, error) {
	prints := make([]string, len(answerSlots))
	for k, i := range answerSlots {
		prints[k] = siblingPrint(token, i)
	}
	held, err := s.store.HeldConfirmations(ctx, user, prints, since)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range prints {
		if t := held[p]; t != "" {
			out = append(out, t)
		}
	}
	return out, nil
}

// notePrint is where held_confirmations marks a token as a line a
// note-day refusal offered (holdNoteAnswers): its refusal, once the other
// line recorded, names 확인:다시 for a separate batch.
func notePrint(token string) string { return siblingPrint(token, maxAnswers+1) }

// holdNoteAnswers keeps the two lines a note-day refusal offers (review
// r33 M3: `메모:어제 입사` on 12/4 offers the line dated 12/3 with the
// note and the line dated 12/4 without the word; typing both recorded
// both) as the answers of one question, as holdOtherAnswers keeps a held
// question's: each line gets a token under its entry's holdPrint, the
// tokens are each other's sibling, so whichever records first, the other
// is refused (otherAnswerUsed), also when both are sent at once (the
// answers' locks). The same refusal again within the window keeps the
// tokens it gave, so a line recorded before stays the question's answer.
// days are the dated line's day and the kept line's.
func (s *Service) holdNoteAnswers(ctx context.Context, c Caller, p Program, depts []Department, d entryDraft, days []time.Time) error {
	e, ok := s.offeredEntry(c, p, depts, d)
	if !ok {
		return nil // refused for the department once the note is right: no line to keep
	}
	typed := e
	typed.AsOf = s.today()
	if d.date != nil {
		typed.AsOf = *d.date
	}
	return s.holdOfferedLines(ctx, c, e, days, false, &typed)
}

// offeredEntry is the entry the lines a refusal of d offers would record
// (their date aside), read while d's note is refused (prepareEntry gives
// none then); ok is false when its department is not known.
func (s *Service) offeredEntry(c Caller, p Program, depts []Department, d entryDraft) (NewEntry, bool) {
	e := NewEntry{ProgramID: p.ID, Count: d.count.Value, Kind: KindDelta, Approximate: d.count.Approximate, Status: d.status,
		Department: p.Department, LoggedBy: c.UserID}
	if d.cumulative {
		e.Kind = KindCumulative
	}
	if e.Status == "" {
		e.Status = StatusRealised
	}
	if d.department != "" {
		dept, ok := findDepartment(depts, d.department)
		if !ok {
			return NewEntry{}, false
		}
		e.Department = dept.Name
	}
	e.Note = d.note
	return e, true
}

// noteLinePrint is where held_confirmations keeps the token of a line a
// note-day refusal offered: the entry's holdPrint with the command (an
// add, or a 채용 of agreement N), apart from the holds' questions (review
// r36 M1: a 채용's question and a plain 추가 of the same figure shared
// holdPrint, so the one was refused as the other's answer; M2: a size hold
// asked in between replaced the line's token under holdPrint).
func noteLinePrint(e NewEntry) string {
	return taggedPrint("note", fmt.Sprintf("%s\x00%d", holdPrint(e), e.Agreement))
}

// holdNoteLines is holdNoteAnswers for the entry e the refused line would
// record (its date aside): an add's, or a 채용's of an agreement (e.Agreement).
// The tokens are the same for every refusal of the same lines asked the
// same day (review r36 M6: the refused line sent by processes at once wrote
// rows of different tokens that interleaved, unlinking the two lines).
func (s *Service) holdNoteLines(ctx context.Context, c Caller, e NewEntry, days []time.Time) error {
	kept := e
	kept.AsOf = days[len(days)-1] // the refused line's own date
	return s.holdOfferedLines(ctx, c, e, days, false, &kept)
}

// holdDayChoice is holdNoteLines for the two lines of a date read as two
// days (DayChoiceError: 금요일 on a Friday, review r38 B7): one mechanism
// for every refusal that offers a line per reading. Their tokens are
// marked as that question's (dayChoiceMark), so the refusal of the other
// line names it rather than a note.
func (s *Service) holdDayChoice(ctx context.Context, c Caller, e NewEntry, days [2]time.Time) error {
	return s.holdOfferedLines(ctx, c, e, days[:], true, nil)
}

// dayChoiceMark is what notePrint keeps for a token of a DayChoiceError's
// line (a note-day refusal's line keeps the token itself): a token of its
// own shape, never another line's.
func dayChoiceMark(token string) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "daychoice\x00%s", token))
	return hex.EncodeToString(sum[:confirmPart])
}

// holdOfferedLines keeps the lines holdNoteLines and holdDayChoice keep,
// one per day; dayChoice marks them as a DayChoiceError's. typed is the
// entry of the line refused, when known: a line an earlier refusal offered
// carries that question's lines to these.
//
// The offered line (issue 20, links4, review r42 B1). A line typed back is
// taken for an offered line when it has the line's program, count, date,
// status, department and command (noteLinePrint, through holdPrint),
// whatever its note: the note as offered, with a word more or less, or
// none. Over-linking costs a refusal that names 확인:다시 for a genuinely
// separate report; under-linking recorded one report twice without a word
// (holds3 asked for the same note remainder: `… 메모:11/30 정규직 입사`,
// one word added to the offered line, recorded as another report, and the
// other offered line recorded beside it).
func (s *Service) holdOfferedLines(ctx context.Context, c Caller, e NewEntry, days []time.Time, dayChoice bool, typed *NewEntry) error {
	// Up to three lines: the two-weekends reply offers the line of each
	// weekend and the kept one, and any two recorded were one batch twice
	// (review r35 M12).
	var lines []NewEntry
	for _, day := range days {
		line := e
		line.AsOf = day
		if !slices.ContainsFunc(lines, func(l NewEntry) bool { return holdPrint(l) == holdPrint(line) }) && len(lines) < maxAnswers {
			lines = append(lines, line)
		}
	}
	if len(lines) < 2 {
		return nil
	}
	// AnswerWindow: an earlier refusal's lines stay linked as long as they are answerable
	since := s.now().Add(-AnswerWindow)
	held := make([]string, len(lines))
	for i, line := range lines {
		t, err := s.store.HeldConfirmation(ctx, e.LoggedBy, noteLinePrint(line), since)
		if err != nil {
			return err
		}
		held[i] = t
	}
	if !slices.Contains(held, "") {
		same := true
		for i := 1; i < len(held) && same; i++ {
			sibling, err := s.store.HeldConfirmation(ctx, e.LoggedBy, siblingPrint(held[0], i-1), since)
			if err != nil {
				return err
			}
			same = sibling == held[i]
		}
		marked, err := s.store.HeldConfirmation(ctx, e.LoggedBy, notePrint(held[0]), since)
		if err != nil {
			return err
		}
		if same && marked != "" {
			return nil // asked again: the lines keep the tokens the first refusal gave
		}
	}
	// The line refused may itself be one an earlier refusal offered (review
	// r40 B2: the 1 December line offered for 12.1.2026, refused for
	// 11월분, offered the lines of 11. 30. and 12. 1.): the new lines
	// belong to that earlier question, so they carry its other lines.
	// A line offered before by another question (or another branch of
	// this one: review r42 B6, the 12. 4. line offered by the refusals of
	// two lines of one question) keeps its place too: its token and its
	// question's lines are carried, so the token replaced still answers.
	var carried []string
	olds := slices.Clone(held)
	if typed != nil {
		old, err := s.store.HeldConfirmation(ctx, e.LoggedBy, noteLinePrint(*typed), since)
		if err != nil {
			return err
		}
		olds = append(olds, old)
	}
	for _, old := range olds {
		if old == "" || slices.Contains(carried, old) {
			continue
		}
		carried = append(carried, old)
		siblings, err := s.siblingsOf(ctx, e.LoggedBy, old, since)
		if err != nil {
			return err
		}
		for _, t := range siblings {
			if !slices.Contains(carried, t) {
				carried = append(carried, t)
			}
		}
	}
	seed := "note:" + e.LoggedBy + ":" + s.today().Format(time.DateOnly)
	for _, line := range lines {
		seed += ":" + noteLinePrint(line)
	}
	tokens := make([]string, len(lines))
	for i, line := range lines {
		tokens[i] = confirmToken(seed, line)
	}
	carried = slices.DeleteFunc(carried, func(t string) bool { return slices.Contains(tokens, t) })
	if err := s.carryAnswers(ctx, e.LoggedBy, carried, tokens...); err != nil {
		return err
	}
	var rows [][2]string
	for i, line := range lines {
		rows = append(rows, [2]string{noteLinePrint(line), tokens[i]})
		j := 0
		for k := range lines {
			if k != i {
				rows = append(rows, [2]string{siblingPrint(tokens[i], j), tokens[k]})
				j++
			}
		}
		mark := tokens[i]
		if dayChoice {
			mark = dayChoiceMark(tokens[i])
		}
		rows = append(rows, [2]string{notePrint(tokens[i]), mark})
	}
	now := s.now()
	for _, row := range rows {
		if err := s.store.HoldConfirmation(ctx, e.LoggedBy, row[0], row[1], now); err != nil {
			return err
		}
	}
	return nil
}

// carryAnswers links the new lines' tokens with the earlier question's
// lines carried, both ways, in the carried slots (each in the first free
// one; a link kept already is kept once).
func (s *Service) carryAnswers(ctx context.Context, user string, carried []string, tokens ...string) error {
	// AnswerWindow: carried links live as long as the lines they link
	since, now := s.now().Add(-AnswerWindow), s.now()
	link := func(from, to string) error {
		for i := range maxCarried {
			t, err := s.store.HeldConfirmation(ctx, user, siblingPrint(from, carriedSlot+i), since)
			if err != nil || t == to {
				return err
			}
			if t == "" {
				return s.store.HoldConfirmation(ctx, user, siblingPrint(from, carriedSlot+i), to, now)
			}
		}
		return nil // full: the question's own slots still link it
	}
	for _, c := range carried {
		for _, t := range tokens {
			for _, pair := range [][2]string{{t, c}, {c, t}} {
				if err := link(pair[0], pair[1]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// otherAnswerUsed refuses an answer of a two-answer hold when its other
// answer recorded already (review r23 M5: both buttons pressed recorded
// the jobs twice), naming the entry it recorded; a voided one no longer
// answers, so the person may take the other date after voiding it. A line
// the hold offered for the other date, typed or pressed without 확인:, is
// that answer too: it records under its own token (e's key), so a press of
// the line as typed after it is refused in turn.
func (s *Service) otherAnswerUsed(ctx context.Context, cmd Command, e *NewEntry) (Reply, bool, error) {
	if cmd.confirmAgain {
		return Reply{}, false, nil // 확인:다시: a separate batch, whatever answered the question
	}
	// AnswerWindow: a question's other answer, recorded on Friday, still
	// refuses this one on Monday (review r45 M2)
	since := s.now().Add(-AnswerWindow)
	mine, ok := strings.CutPrefix(e.IdempotencyKey, "confirm:")
	var again string // the key of a line answering again after a void
	if !ok {
		// a note-day refusal's line first (its question is the command's),
		// then a held question's
		held, err := s.store.HeldConfirmation(ctx, e.LoggedBy, noteLinePrint(*e), since)
		if err != nil {
			return Reply{}, false, err
		}
		if held == "" {
			held, err = s.store.HeldConfirmation(ctx, e.LoggedBy, holdPrint(*e), since)
		}
		if err != nil || held == "" {
			return Reply{}, false, err
		}
		linked := false
		for i := range maxAnswers + 1 {
			t, err := s.store.HeldConfirmation(ctx, e.LoggedBy, siblingPrint(held, i), since)
			if err != nil {
				return Reply{}, false, err
			}
			linked = linked || t != ""
		}
		if !linked {
			return Reply{}, false, nil // an ordinary question: the guards ask again
		}
		if _, live, err := s.againKey(ctx, *e, held); err != nil || live {
			// the line's 확인:다시 batch is live: the question has its answer
			// and its separate batch, and the line without 확인: is a further
			// batch, held as a repeat as the 확인:다시 reply says (review r44
			// B3: refused naming 확인:다시, which answered "already")
			return Reply{}, false, err
		}
		recorded, err := s.store.EntryKeyRecorded(ctx, "confirm:"+held)
		if err != nil {
			return Reply{}, false, err
		}
		mine = held
		if recorded {
			// answered already: the line again is the guards' to ask, unless
			// it was taken back and the other line recorded since (review
			// r36 M8: the line again recorded beside the other)
			if r, used, err := s.otherAnswerLive(ctx, cmd, e, held, since); err != nil || used {
				return r, used, err
			}
			// taken back: the line answers the question again, once, under
			// the next key of its chain (review r42 B5: it recorded under
			// the request's own key, unlinked, and so did the other line)
			var live bool
			if again, live, err = s.lineAnswerKey(ctx, held); err != nil || live {
				return Reply{}, false, err
			}
		}
	} else if err := s.noteLineRelinked(ctx, *e, mine, since); err != nil {
		return Reply{}, false, err
	}
	siblings, err := s.siblingsOf(ctx, e.LoggedBy, mine, since)
	if err != nil {
		return Reply{}, false, err
	}
	for _, sibling := range siblings {
		key, live, err := s.lineAnswerKey(ctx, sibling)
		if err != nil {
			return Reply{}, false, err
		}
		if live {
			other, _, err := s.store.EntryByKey(ctx, key)
			if err != nil {
				return Reply{}, false, err
			}
			note, err := s.store.HeldConfirmation(ctx, e.LoggedBy, notePrint(mine), since)
			if err != nil {
				return Reply{}, false, err
			}
			if note != "" {
				return s.markedAnswerRecorded(cmd, other, mine, note), true, nil
			}
			return s.otherAnswerRecorded(cmd, other), true, nil
		}
		// Looked for again while written, under the answers' lock: two
		// answers sent at once never both record (review r29 B7).
		e.Answers = append(e.Answers, key)
	}
	if !ok {
		e.IdempotencyKey = "confirm:" + mine
		if again != "" {
			e.IdempotencyKey = again
		}
	}
	return Reply{}, false, nil
}

// lineAnswerKey walks the keys an offered line whose token is token
// records under: its own, then, each time the entry it recorded was
// voided, the next (lineReanswerKey). key is the first not recorded, or
// the one whose entry is live (live).
func (s *Service) lineAnswerKey(ctx context.Context, token string) (key string, live bool, err error) {
	key = "confirm:" + token
	for range maxReanswers {
		first, found, err := s.store.EntryByKey(ctx, key)
		if err != nil || !found {
			return key, false, err
		}
		if !first.Voided() {
			return key, true, nil
		}
		key = lineReanswerKey(key)
	}
	return key, false, nil
}

// lineReanswerKey is the key an offered line answers its question under
// once the entry recorded under key was voided: derived from key alone, so
// every line of the question finds it (review r42 B5).
func lineReanswerKey(key string) string {
	sum := sha256.Sum256([]byte("line-reanswer\x00" + key))
	return "confirm:" + hex.EncodeToString(sum[:confirmPart])
}

// noteLineRelinked puts mine, the token of a question asked about a line
// a note-day refusal offered (a size hold, review r36 M2; a past-year
// date), among that refusal's answers, so whichever records, the others
// are refused: the hold's answer records under its own key, and the
// refusal's other lines looked for the line's token. mine is linked, both
// ways (carryAnswers), with every line the line is linked with, its own
// question's and those it carries (issue 20, links5: only
// the line's first sibling was relinked, so with three lines, or a line
// carrying an earlier question's, another line recorded beside the
// hold's answer). A token with answers of its own question (a date
// hold's other date) keeps its place there; it is linked all the same.
func (s *Service) noteLineRelinked(ctx context.Context, e NewEntry, mine string, since time.Time) error {
	line, err := s.store.HeldConfirmation(ctx, e.LoggedBy, noteLinePrint(e), since)
	if err != nil || line == "" || line == mine {
		return err
	}
	// A line that recorded already (itself, or its 확인:다시 batch) was
	// held as a repeat of that entry: the question's answer is another
	// batch by the person's word, not an answer of the line's question
	// (review r44 B4: it took the line's place, and once it was voided the
	// question's other line recorded beside the line's entry).
	if _, live, err := s.lineAnswerKey(ctx, line); err != nil || live {
		return err
	}
	if _, live, err := s.againKey(ctx, e, line); err != nil || live {
		return err
	}
	siblings, err := s.siblingsOf(ctx, e.LoggedBy, line, since)
	if err != nil || len(siblings) == 0 {
		return err
	}
	own, err := s.store.HeldConfirmation(ctx, e.LoggedBy, siblingPrint(mine, 0), since)
	if err != nil {
		return err
	}
	first := siblings[0]
	// the line's own token is left out: recorded already, the hold is the
	// repeat question about it, whose 확인:예 is a separate batch
	others := slices.DeleteFunc(slices.Clone(siblings), func(t string) bool { return t == mine || t == line })
	if err := s.carryAnswers(ctx, e.LoggedBy, others, mine); err != nil {
		return err
	}
	if own != "" {
		return nil
	}
	mark, err := s.store.HeldConfirmation(ctx, e.LoggedBy, notePrint(line), since)
	if err != nil {
		return err
	}
	myMark := mine
	if mark != "" && mark == dayChoiceMark(line) {
		myMark = dayChoiceMark(mine) // still the day question's line
	}
	now := s.now()
	// the line typed again finds the hold's token, an answer linked in
	// its own first slot (otherAnswerUsed), marked as the refusal's
	for _, row := range [][2]string{{noteLinePrint(e), mine}, {siblingPrint(mine, 0), first}, {notePrint(mine), myMark}} {
		if err := s.store.HoldConfirmation(ctx, e.LoggedBy, row[0], row[1], now); err != nil {
			return err
		}
	}
	return nil
}

// otherAnswerLive is otherAnswerUsed's refusal when an other answer of
// the question whose answer token is mine recorded a live entry.
func (s *Service) otherAnswerLive(ctx context.Context, cmd Command, e *NewEntry, mine string, since time.Time) (Reply, bool, error) {
	siblings, err := s.siblingsOf(ctx, e.LoggedBy, mine, since)
	if err != nil {
		return Reply{}, false, err
	}
	for _, sibling := range siblings {
		other, found, err := s.store.EntryByKey(ctx, "confirm:"+sibling)
		if err != nil {
			return Reply{}, false, err
		}
		if found && !other.Voided() {
			r, err := s.answerRecorded(ctx, cmd, *e, other)
			return r, err == nil, err
		}
	}
	return Reply{}, false, nil
}

// answerRecorded is the refusal of e, an answer of a question whose other
// answer recorded other: a note-day refusal's line names 확인:다시 for a
// separate batch (also when the store refuses it, review r36 M7).
func (s *Service) answerRecorded(ctx context.Context, cmd Command, e NewEntry, other Entry) (Reply, error) {
	if mine, ok := strings.CutPrefix(e.IdempotencyKey, "confirm:"); ok {
		// AnswerWindow: the refusal's mark is kept with its lines
		note, err := s.store.HeldConfirmation(ctx, e.LoggedBy, notePrint(mine), s.now().Add(-AnswerWindow))
		if err != nil {
			return Reply{}, err
		}
		if note != "" {
			return s.markedAnswerRecorded(cmd, other, mine, note), nil
		}
	}
	return s.otherAnswerRecorded(cmd, other), nil
}

// carryMark is what notePrint keeps for a token of a line the January
// question offers (newYearCarry, newYearDelta: the held line, the line
// dated last 31 December, the continued year's 누계): its refusal, once
// another of them recorded, names the lines as that question's and
// 확인:다시 for a separate report (review r39 F11).
func carryMark(token string) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "carry\x00%s", token))
	return hex.EncodeToString(sum[:confirmPart])
}

// markCarryAnswers marks the held line of the January question and the
// lines it offers (alts) as that question's (carryMark).
func (s *Service) markCarryAnswers(ctx context.Context, e NewEntry, alts []NewEntry) error {
	now := s.now()
	for _, x := range append([]NewEntry{e}, alts...) {
		t := confirmToken(e.IdempotencyKey, x)
		if err := s.store.HoldConfirmation(ctx, e.LoggedBy, notePrint(t), carryMark(t), now); err != nil {
			return err
		}
	}
	return nil
}

// markedAnswerRecorded is the refusal of a line whose token mine is marked
// (notePrint) as one of the lines one question offered, once another
// recorded other: the mark says which question.
func (s *Service) markedAnswerRecorded(cmd Command, other Entry, mine, mark string) Reply {
	if mark == carryMark(mine) {
		return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("holds2.carry_answer_recorded",
			"Date", s.date(other.AsOf), "ID", other.ID, "Void", commandName(cmdVoid), "Again", s.againLine(cmd))}
	}
	return s.noteAnswerRecorded(cmd, other, mark == dayChoiceMark(mine))
}

// plainLine is cmd's line without its 확인: option, its days written out
// (offeredLine): the line to send for a further separate report, which
// the repeat hold asks about.
func (s *Service) plainLine(cmd Command) string {
	line, note := s.offeredLine(cmd, time.Time{}), ""
	if j, _ := restOfLineOption(line); j >= 0 {
		line, note = line[:j], line[j:]
	}
	fields := slices.DeleteFunc(strings.Fields(line), func(f string) bool {
		key, _, colon := strings.Cut(f, ":")
		return colon && optionKeys[fold(key)] == "confirm"
	})
	return strings.TrimSpace(strings.Join(fields, " ") + " " + note)
}

// againLine is cmd's line with 확인:다시 for a separate report: in place
// of a 확인: the line holds already (before its note), else added.
func (s *Service) againLine(cmd Command) string {
	return withConfirm(s.plainLine(cmd), s.msg("guards.confirm_word")+":"+s.msg("holdlock.confirm_again"))
}

// noteAnswerRecorded refuses a line a note-day refusal offered when the
// other line it offered recorded other (review r33 M3), naming it, the
// void to take back a wrong date, and the 확인:다시 line for a genuinely
// separate batch.
// dayChoice: the lines were offered for a date read as two days (review
// r38 B7), not for a note.
func (s *Service) noteAnswerRecorded(cmd Command, other Entry, dayChoice bool) Reply {
	again := withConfirm(s.offeredLine(cmd, time.Time{}), s.msg("guards.confirm_word")+":"+s.msg("holdlock.confirm_again"))
	id := "holdlock2.note_answer_recorded"
	if dayChoice {
		id = "b7hold.day_choice_answer_recorded"
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg(id,
		"Date", s.date(other.AsOf), "ID", other.ID, "Void", commandName(cmdVoid), "Again", again)}
}

// otherAnswerRecorded refuses an answer of a held question whose other
// answer recorded other. Not a usage error: the line is right, its question
// answered.
func (s *Service) otherAnswerRecorded(cmd Command, other Entry) Reply {
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("holds.other_answer_recorded",
		"Date", s.date(other.AsOf), "ID", other.ID, "Void", commandName(cmdVoid))}
}
