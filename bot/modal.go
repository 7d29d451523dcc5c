package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"jobsbot/bot/blockkit"
	"jobsbot/commands"
)

// addCallbackID names the add-entry modal in view_submission payloads.
const addCallbackID = "jobs_add"

// Slack modal limits: option groups and options per group.
const (
	maxOptionGroups = 100
	maxGroupOptions = 100
	maxOptionText   = 75
	maxModalTitle   = 24
)

// openAddModal opens the add-entry form for a bare `/jobs add`, or for a
// reminder's Report now button with dept filled in. It returns nil when the
// form opened, or a message saying why it did not and how to type the entry
// instead.
func (b *Bot) openAddModal(ctx context.Context, cmd slack.SlashCommand, dept string) *slack.WebhookMessage {
	programs, err := b.svc.Programs(ctx)
	if err != nil {
		b.log.WarnContext(ctx, "add form: listing programs failed", "err", err)
		return b.notice(b.msg("bot.modal.jobs_ledger_cannot_be"))
	}
	view, ok := b.addModal(programs, cmd.ChannelID, time.Now().In(b.svc.Location()), dept)
	if !ok {
		return b.notice(b.msg("bot.modal.there_are_no_active"))
	}
	err = b.call(ctx, "views.open", func(ctx context.Context) error {
		_, err := b.api.OpenViewContext(ctx, cmd.TriggerID, view)
		return err
	})
	if err != nil {
		b.log.ErrorContext(ctx, "add form: views.open failed", "user", cmd.UserID, "err", err)
		return b.notice(b.msg("bot.modal.i_couldn_open_form"))
	}
	return nil
}

// notice is a one-line ephemeral message from the bot itself.
func (b *Bot) notice(text string) *slack.WebhookMessage {
	return b.message(commands.Reply{Title: text}, ephemeral)
}

// addModal builds the add-entry form. Block IDs are the commands.Field*
// names, so FieldErrors map straight onto Slack's field errors. The channel
// the command came from rides in private_metadata: a view_submission carries
// no channel, and the confirmation belongs where the user asked.
func (b *Bot) addModal(programs []commands.Program, channelID string, now time.Time, department string) (slack.ModalViewRequest, bool) {
	groups := b.programGroups(programs)
	if len(groups) == 0 {
		return slack.ModalViewRequest{}, false
	}
	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
	}

	program := slack.NewOptionsGroupSelectBlockElement(slack.OptTypeStatic, plain(b.msg("bot.modal.pick_program")), commands.FieldProgram, groups...)

	count := slack.NewPlainTextInputBlockElement(plain("180, 2,400, 6백여, 1만2000"), commands.FieldCount)

	date := slack.NewDatePickerBlockElement(commands.FieldDate)
	date.InitialDate = now.Format(time.DateOnly)

	dept := slack.NewPlainTextInputBlockElement(plain(b.msg("bot.modal.leave_empty_for_program")), commands.FieldDepartment)
	dept.MaxLength = commands.MaxNameRunes
	dept.InitialValue = department

	realised := slack.NewOptionBlockObject(string(commands.StatusRealised), plain(b.msg("bot.modal.realised_people_hired")), nil)
	agreed := slack.NewOptionBlockObject(string(commands.StatusAgreed), plain(b.msg("bot.modal.agreed_mou_not_yet")), nil)
	status := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, nil, commands.FieldStatus, realised, agreed)
	status.InitialOption = realised

	note := slack.NewPlainTextInputBlockElement(nil, commands.FieldNote)
	note.Multiline = true
	note.MaxLength = commands.MaxNoteRunes

	blocks := []slack.Block{
		slack.NewInputBlock(commands.FieldProgram, plain(b.msg("bot.modal.program")), nil, program),
		slack.NewInputBlock(commands.FieldCount, plain(b.msg("bot.modal.jobs_created")),
			plain(b.msg("bot.modal.any_number_form_works")), count),
		slack.NewInputBlock(commands.FieldDate, plain(b.msg("bot.modal.as_of")), nil, date),
		slack.NewInputBlock(commands.FieldDepartment, plain(b.msg("bot.modal.department")), nil, dept).WithOptional(true),
		slack.NewInputBlock(commands.FieldStatus, plain(b.msg("bot.modal.status")),
			plain(b.msg("bot.modal.agreements_are_kept_apart")), status),
		slack.NewInputBlock(commands.FieldNote, plain(b.msg("bot.modal.note")), nil, note).WithOptional(true),
	}
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		CallbackID:      addCallbackID,
		Title:           plain(blockkit.Truncate(b.msg("bot.modal.log_jobs_created"), maxModalTitle)),
		Submit:          plain(b.msg("bot.modal.save")),
		Close:           plain(b.msg("bot.modal.cancel")),
		Blocks:          slack.Blocks{BlockSet: blocks},
		PrivateMetadata: channelID,
	}, true
}

// programGroups lists the active programs grouped by sector, public first,
// labelled in the reply language; empty groups are left out because Slack
// refuses an option group without options.
func (b *Bot) programGroups(programs []commands.Program) []*slack.OptionGroupBlockObject {
	sectors := []struct {
		sector commands.Sector
		label  string
	}{
		{commands.SectorPublic, b.msg("bot.modal.public_sector")},
		{commands.SectorPrivate, b.msg("bot.modal.private_sector")},
	}
	var groups []*slack.OptionGroupBlockObject
	programs = slices.Clone(programs)
	slices.SortStableFunc(programs, func(x, y commands.Program) int { return strings.Compare(b.programName(x), b.programName(y)) })
	for _, s := range sectors {
		var opts []*slack.OptionBlockObject
		for _, p := range programs {
			if !p.Active || p.Sector != s.sector || len(opts) == maxGroupOptions {
				continue
			}
			label := blockkit.Truncate(blockkit.Plain(b.programName(p)), maxOptionText)
			opts = append(opts, slack.NewOptionBlockObject(p.Code, slack.NewTextBlockObject(slack.PlainTextType, label, false, false), nil))
		}
		if len(opts) > 0 && len(groups) < maxOptionGroups {
			groups = append(groups, slack.NewOptionGroupBlockElement(slack.NewTextBlockObject(slack.PlainTextType, s.label, false, false), opts...))
		}
	}
	return groups
}

// programName is the program's name in the reply language, or the other one
// when that is missing.
// programName names a program as the replies do: in Korean by its Korean
// name alone, in English with the code English users type.
func (b *Bot) programName(p commands.Program) string { return b.svc.ProgramLabel(p, b.lang()) }

// addFormFromState reads a submitted add-entry form.
func addFormFromState(state *slack.ViewState) commands.AddForm {
	if state == nil {
		return commands.AddForm{}
	}
	get := func(field string) slack.BlockAction { return state.Values[field][field] }
	return commands.AddForm{
		Program:    get(commands.FieldProgram).SelectedOption.Value,
		Count:      get(commands.FieldCount).Value,
		Date:       get(commands.FieldDate).SelectedDate,
		Department: get(commands.FieldDepartment).Value,
		Status:     get(commands.FieldStatus).SelectedOption.Value,
		Note:       get(commands.FieldNote).Value,
	}
}

// submitAdd records a submitted add-entry form. It answers with Slack field
// errors while something needs fixing, which keeps the form open with the
// user's input; on success it returns nil, which closes the form, and the
// confirmation (with its Undo button) goes to the user separately.
func (b *Bot) submitAdd(cb slack.InteractionCallback) *slack.ViewSubmissionResponse {
	// The view ID stays the same when a user submits the same form again
	// (after a timeout, say), so the entry is still recorded once.
	caller := commands.Caller{UserID: cb.User.ID, Source: commands.SourceModal, IdempotencyKey: "view:" + cb.View.ID}
	if cb.View.ID == "" {
		caller.IdempotencyKey = ""
	}
	// The answer must reach Slack within 3 s or the user sees a generic error.
	ctx, cancel := context.WithTimeout(b.workCtx, b.fastWait)
	defer cancel()
	b, caller = b.forUser(ctx, caller) // from here on b speaks the user's language
	start := time.Now()
	r, errs := b.svc.SubmitAddForm(ctx, caller, addFormFromState(cb.View.State))
	b.observe(ctx, r, cb.User.ID, time.Since(start))
	if len(errs) > 0 {
		return slack.NewErrorsViewSubmissionResponse(map[string]string(errs))
	}
	if r.Outcome == commands.OutcomeFailed {
		// Keep the form open, input and all, so the user can submit again.
		return slack.NewErrorsViewSubmissionResponse(map[string]string{commands.FieldProgram: blockkit.Truncate(r.Title, blockkit.MaxSectionChars)})
	}
	channel, user := cb.View.PrivateMetadata, cb.User.ID
	msg := b.message(r, ephemeral)
	b.background(func(ctx context.Context) {
		if err := b.tell(ctx, channel, user, msg); err != nil {
			b.log.ErrorContext(ctx, "add form: confirming to the user failed", "user", user, "err", err)
		}
	})
	return nil
}
