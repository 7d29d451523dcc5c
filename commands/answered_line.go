package commands

import (
	"context"
	"strings"
)

// AnsweredStore finds the answer a 확인:예 line recorded, however long ago
// (review r47 F4).
type AnsweredStore interface {
	// AnsweredEntry returns the newest live entry of e's person, program,
	// day, count, 여 and employment type recorded under a question's key
	// (confirm:…) whose entry fingerprint (its last confirmPart characters)
	// is one of prints; ok=false when there is none. The figure, 여 and
	// type are compared in the query: a 확인:다시 batch's print leaves them
	// out, and it answers only a line of its own figure (review r50 M3),
	// while an older answer of the line's own figure still counts (r51).
	AnsweredEntry(ctx context.Context, e NewEntry, prints []string) (Entry, bool, error)
}

// answeredLine is the key (without confirm:) of a live entry a 확인:예 line
// recorded already, as an answer to a question about it or unasked, "" when
// there is none. It is looked for when the line finds no question open
// (AnswerWindow forgot it): a 확인:예 answers one question once, so the
// line typed back again more than a week after it recorded is told it is
// recorded already and how to record another batch (확인:다시), not recorded
// once more each time (review r47 F4: typed back on the 7th, the 10th and
// the 15th, the third recorded a second copy, unasked). Every key a yes
// records under ends in the print of its entry (confirmToken): the whole
// line's, or without its note (reanswerToken) or without its note, type and
// 여 (againToken), each of the same line as holdPrint reads it.
func (s *Service) answeredLine(ctx context.Context, e NewEntry) (string, error) {
	bare := e
	bare.Note = ""
	again := bare
	again.EmploymentType, again.Approximate = "", false
	o, found, err := s.store.AnsweredEntry(ctx, e, []string{entryPrint(e), entryPrint(bare), entryPrint(again)})
	if err != nil || !found {
		return "", err
	}
	return strings.TrimPrefix(o.IdempotencyKey, "confirm:"), nil
}
