package commands

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// ActionImport is the 가져오기 button under an import preview.
const ActionImport = "import"

// SharedFile is a file a user sent the bot.
type SharedFile struct {
	ID   string
	Name string
	Data []byte
	// SharedBy and SharedAt say who sent it and when, so the preview names
	// exactly which file it read (zero: not known).
	SharedBy string
	SharedAt time.Time
}

// Errors a FileFetcher answers with.
var (
	// ErrNoSharedFile: the user has sent the bot no file in a direct message.
	ErrNoSharedFile = errors.New("no file sent to the bot")
	// ErrFileTooLarge: the file is over the cap and was not downloaded.
	ErrFileTooLarge = errors.New("file too large")
)

// FileFetcher fetches a file a user sent the bot in a direct message: the
// one with fileID, or with fileID "" the latest. The Slack transport
// implements it with files.info and a download capped at maxBytes.
type FileFetcher interface {
	FetchFile(ctx context.Context, userID, fileID string, maxBytes int64) (SharedFile, error)
}

// FileImporter reads a file and applies it; package importer (reading) and
// the store (writing) implement it together.
type FileImporter interface {
	MaxFileBytes() int64
	Read(ctx context.Context, name string, data []byte, by string) (ImportFile, []ImportProblem, error)
	Import(ctx context.Context, f ImportFile, dryRun bool) (ImportResult, error)
}

// parseImportApply reads `import apply FILE-ID SHA256 [PREVIEW]`, the
// 가져오기 button's command; PREVIEW is the digest of what the preview
// said (importDigest), absent from a button sent before it existed.
func parseImportApply(cmd *Command, ts []token, _ time.Time) error {
	if len(ts) != 2 && len(ts) != 3 {
		return usageErr(cmd.Name, "import.apply_takes_file_and_hash")
	}
	cmd.Words = nil
	for _, t := range ts {
		cmd.Words = append(cmd.Words, t.text)
	}
	return nil
}

// importDigest is a short digest of what an import added, left unchanged
// and voided, per program and month: the preview puts it on its button, so
// the apply can say when it did something else (the ledger changed in
// between: the preview holds no lock, and the apply checks everything
// again under its locks).
func importDigest(res ImportResult) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d %d %d\n", res.Added, res.Unchanged, res.Voided)
	for _, c := range res.Cells {
		if c.Agreed == 0 { // as before 약정 was counted apart, so a button from then still compares
			fmt.Fprintf(h, "%s %s %d %d\n", c.Program, c.Month.Format("2006-01"), c.Rows, c.Added)
		} else {
			fmt.Fprintf(h, "%s %s %d %d %d\n", c.Program, c.Month.Format("2006-01"), c.Rows, c.Added, c.Agreed)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// importPreview answers `import`: it reads the latest file the caller sent
// the bot in a direct message and shows what it would add, writing
// nothing; when there is something to add, a manager's 가져오기 button
// applies it.
func (s *Service) importPreview(ctx context.Context, c Caller, cmd Command) Reply {
	return s.importFile(ctx, c, cmd, "", "", "")
}

// importApply answers the 가져오기 button (managers only): it fetches the
// same file again, checks it is unchanged since the preview, and applies
// it, once (the store keeps the file's hash).
func (s *Service) importApply(ctx context.Context, c Caller, cmd Command) Reply {
	previewed := ""
	if len(cmd.Words) == 3 {
		previewed = cmd.Words[2]
	}
	return s.importFile(ctx, c, cmd, cmd.Words[0], cmd.Words[1], previewed)
}

// importFile previews (fileID "") or applies a file; previewed is the
// digest of the preview an apply comes from ("": not known).
func (s *Service) importFile(ctx context.Context, c Caller, cmd Command, fileID, sha, previewed string) Reply {
	if s.fetcher == nil || s.importer == nil {
		return Reply{Outcome: OutcomeRefused, Title: s.msg("import.not_available")}
	}
	apply := fileID != ""
	release, refused := s.admitHeavy(ctx, c)
	if refused != nil {
		refused.Command = cmd.Name
		return *refused
	}
	// The slot is kept until every part of the import has stopped: this
	// command's own work (the download, the checks before the scan) and
	// any scan of the file the store is still running. At the deadline the
	// user is answered on time (answerByDeadline, the store's commitGate),
	// but a reader that runs on past it still holds its memory and CPU, so
	// it still counts against the cap; otherwise more heavy reads than
	// EXPORT_CONCURRENCY could run at once.
	hold := newHeavyHold(release)
	defer hold.leave()
	file, err := s.fetcher.FetchFile(ctx, c.UserID, fileID, s.importer.MaxFileBytes())
	switch {
	case errors.Is(err, ErrNoSharedFile):
		return s.refuse(cmd.Name, s.msg("import.send_a_file_first"))
	case errors.Is(err, ErrFileTooLarge):
		return s.refuse(cmd.Name, s.msg("import.file_too_large", "MB", s.importer.MaxFileBytes()>>20))
	case err != nil:
		s.log.ErrorContext(ctx, "fetching a shared file failed", "err", err)
		return Reply{Outcome: OutcomeFailed, Title: s.msg("import.could_not_fetch")}
	}
	f, problems, err := s.importer.Read(ctx, file.Name, file.Data, c.UserID)
	if err != nil {
		if tooSlow(ctx, err) {
			// Reading the file took the time: nothing was written.
			s.log.WarnContext(ctx, "import read past its deadline", "command", cmd.Name, "err", err)
			return Reply{Command: cmd.Name, Outcome: OutcomeFailed, Title: s.msg("import.too_slow_for_slack")}
		}
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if apply && f.SHA256 != sha {
		return s.refuse(cmd.Name, s.msg("import.file_changed"))
	}
	if scan := f.Scan; scan != nil {
		f.Scan = func(sink ImportSink) error {
			if !hold.enter() {
				// The command has ended (answered at its deadline): a scan
				// started this late would read with no slot held.
				return fmt.Errorf("import: the command ended before the file was read: %w", context.Cause(ctx))
			}
			defer hold.leave()
			return scan(sink)
		}
	}
	var res ImportResult
	if len(problems) == 0 {
		if res, err = s.importer.Import(ctx, f, !apply); err != nil {
			if tooSlow(ctx, err) {
				s.log.WarnContext(ctx, "import ran past its deadline", "command", cmd.Name, "rows", len(f.Rows), "err", err)
				return Reply{Command: cmd.Name, Outcome: OutcomeFailed, Title: s.msg("import.too_slow_for_slack")}
			}
			return s.storageFailure(ctx, cmd.Name, err)
		}
	}
	r := Reply{Command: cmd.Name, Outcome: OutcomeOK, Title: s.msg("import.preview_title", "Name", CleanName(file.Name))}
	if apply {
		r.Title = s.msg("import.applied_title", "Name", CleanName(file.Name))
	}
	if len(problems)+len(res.Problems) > 0 {
		r.Outcome = OutcomeRefused
	}
	s.nameCreditNote(ctx, f, c.UserID)
	preview := ImportPreview(f, problems, res, !apply, s.lang)
	lines := strings.Split(strings.TrimRight(preview, "\n"), "\n")
	if !file.SharedAt.IsZero() {
		// Which file was read, by whom and when it was sent: the newest file
		// in the direct message is taken, and the preview says so, so a
		// wrong one is seen before the button is pressed.
		lines = append([]string{s.msg("import.shared_file", "Name", CleanName(file.Name), "By", s.name(ctx, file.SharedBy),
			"At", s.tr.DateTime(file.SharedAt.In(s.loc)))}, lines...)
	}
	if apply && previewed != "" && r.Outcome == OutcomeOK && !res.AlreadyImported && importDigest(res) != previewed {
		// The ledger changed between the preview and the press: the apply
		// says so rather than differing silently; its figures are below.
		lines = append([]string{s.msg("import_preview.apply_differs")}, lines...)
	}
	r.Sections = []Section{{Lines: lines}}
	if !apply && r.Outcome == OutcomeOK && !res.AlreadyImported && res.Added+res.Voided > 0 {
		r.Actions = []Action{{ID: ActionImport, Label: s.msg("import.button"), Style: "primary",
			Command: "import apply " + file.ID + " " + f.SHA256 + " " + importDigest(res)}}
	}
	return r
}

// heavyHold keeps a heavy-job slot while anything of one import still
// runs: the command itself holds it from the start, and each scan of the
// file takes a hold of its own. The slot is given back when the last hold
// is left, and no hold is taken after that.
type heavyHold struct {
	mu      sync.Mutex
	holds   int
	release func()
}

func newHeavyHold(release func()) *heavyHold { return &heavyHold{holds: 1, release: release} }

// enter takes a hold, unless the slot was already given back.
func (h *heavyHold) enter() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.holds == 0 {
		return false
	}
	h.holds++
	return true
}

// leave gives a hold back; the last one gives the slot back.
func (h *heavyHold) leave() {
	h.mu.Lock()
	h.holds--
	last := h.holds == 0
	h.mu.Unlock()
	if last {
		h.release()
	}
}

// tooSlow reports whether an import failed because its own deadline
// (importDeadline) passed before it committed: the file is too slow to
// apply from Slack, not the ledger out of reach. A deadline met after COMMIT
// was sent (ErrMaybeSaved) is not this: the file may have been applied.
func tooSlow(ctx context.Context, err error) bool {
	if errors.Is(err, ErrMaybeSaved) {
		return false
	}
	return errors.Is(ctx.Err(), context.DeadlineExceeded)
}

// creditNoteID is importer.CreditNoteID: the preview note naming whom a
// file's new rows are credited to (review r22 F15).
const creditNoteID = "i46.import_credited"

// nameCreditNote puts the importing user's name, not their Slack ID, in
// the note naming whom the file's new rows are credited to.
func (s *Service) nameCreditNote(ctx context.Context, f ImportFile, userID string) {
	if f.Notes == nil {
		return
	}
	for i, n := range f.Notes.List {
		if n.ID != creditNoteID {
			continue
		}
		args := slices.Clone(n.Args)
		for j := 0; j+1 < len(args); j += 2 {
			if args[j] == "By" {
				args[j+1] = s.name(ctx, userID)
			}
		}
		f.Notes.List[i] = NewImportProblem(n.Line, n.Column, n.Got, n.ID, args...)
	}
}
