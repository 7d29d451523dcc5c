package commands

import (
	"context"
	"strings"
)

// openAgreementsListed is how many open agreements a refusal names.
const openAgreementsListed = 5

// agreementHireAdd refuses an add whose words say the people hired are an
// agreement's (협약 인원 채용). Recorded as a plain add, the hires counted
// while the agreement stayed open, unrealised (review_ko S5). The reply names
// the program's open agreements and the `hire` line that links the hires to
// one, or says there is none. Nothing is written.
func (s *Service) agreementHireAdd(ctx context.Context, cmd Command, e NewEntry, p Program) Reply {
	open, err := s.store.OpenAgreements(ctx, p.ID, openAgreementsListed+1)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if len(open) == 0 {
		return s.refuse(cmd.Name, s.msg("entries.agreement_hire_none", "Typed", cmd.AgreementHire, "Program", s.programLabel(p)))
	}
	more := len(open) > openAgreementsListed
	open = open[:min(len(open), openAgreementsListed)]
	items := make([]string, len(open))
	for i, a := range open {
		items[i] = s.msg("entries.agreement_hire_item", "ID", a.Agreement.ID, "Date", s.date(a.Agreement.AsOf),
			"Agreed", s.unitCount(a.Agreement.Count, false, p.Unit), "Left", s.unitCount(a.Agreement.Count-a.Realised, false, p.Unit))
	}
	list := strings.Join(items, ", ")
	if more {
		list += s.msg("entries.agreement_hire_more")
	}
	first := open[0]
	n := min(e.Count, first.Agreement.Count-first.Realised)
	return s.refuse(cmd.Name, s.msg("entries.agreement_hire_open", "Typed", cmd.AgreementHire, "Program", s.programLabel(p),
		"List", list, "Hire", commandName(cmdHire), "ID", first.Agreement.ID, "N", n, "Date", s.date(e.AsOf)))
}

// noteAgreementHire refuses an add of 채용 whose note names an agreement
// (`메모:9번 약정 중 채용`) while the program has open agreements: recorded
// as an add, the hires counted while the agreement still showed them as
// left, so converting it later counted them twice (review r20 F9). The reply
// gives the `채용` line that converts the agreement the note names (or the
// first open one) and the add to type, without the note, for a separate
// hire. ok is false when the program has no open agreement: the add goes on.
func (s *Service) noteAgreementHire(ctx context.Context, cmd Command, e NewEntry, p Program) (Reply, bool) {
	words, id := NoteNamesAgreement(e.Note) // the reply quotes the whole note: its words read together
	if words == "" || e.Status != StatusRealised || e.Kind != KindDelta {
		return Reply{}, false
	}
	open, err := s.store.OpenAgreements(ctx, p.ID, openAgreementsListed+1)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err), true
	}
	if len(open) == 0 {
		return Reply{}, false
	}
	more := len(open) > openAgreementsListed
	first := open[0]
	for _, a := range open {
		if a.Agreement.ID == id {
			first = a
		}
	}
	open = open[:min(len(open), openAgreementsListed)]
	items := make([]string, len(open))
	for i, a := range open {
		items[i] = s.msg("entries.agreement_hire_item", "ID", a.Agreement.ID, "Date", s.date(a.Agreement.AsOf),
			"Agreed", s.unitCount(a.Agreement.Count, false, p.Unit), "Left", s.unitCount(a.Agreement.Count-a.Realised, false, p.Unit))
	}
	list := strings.Join(items, ", ")
	if more {
		list += s.msg("entries.agreement_hire_more")
	}
	n := min(e.Count, first.Agreement.Count-first.Realised)
	separate := e
	separate.Note = ""
	return s.refuse(cmd.Name, s.msg("k54.note_agreement_hire", "Note", e.Note, "Program", s.programLabel(p), "List", list,
		"Hire", commandName(cmdHire), "ID", first.Agreement.ID, "N", n, "Date", s.date(e.AsOf), "Separate", s.formLine(separate, p))), true
}
