package commands

import (
	"context"
	"errors"

	"jobsbot/commands/i18n"
)

// ImportFailureText is what `jobsbot import` prints, in lang, when reading
// or writing the ledger failed under a preview (dryRun) or an apply: never
// the storage's own error text (review r42 B3 printed a raw pq error),
// which the caller logs. An import is one transaction: a failed one wrote
// nothing, unless its COMMIT went unanswered (ErrMaybeSaved), and then the
// same file sent again is found applied or applied now, never twice.
func ImportFailureText(err error, dryRun bool, lang Lang) string {
	p := i18n.Default().Printer(lang)
	switch {
	case errors.Is(err, ErrMaybeSaved):
		return p.T("preview3.import_maybe_saved")
	case errors.Is(err, ErrUnavailable) || errors.Is(err, context.DeadlineExceeded):
		return p.T("service.jobs_ledger_cannot_be")
	case dryRun:
		return p.T("preview3.import_preview_failed")
	}
	return p.T("preview3.import_failed")
}
