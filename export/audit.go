package export

import (
	"context"
	"fmt"

	"jobsbot/commands"
)

// entryAudit is what the entries sheet shows beside each entry for the
// audit: people by name (IDs stay in their own columns), corrections, 마감
// 후 정정 and the agreement a hire realised. The marks are few (they come
// from corrections, closes and hires), so they are read once, up front.
type entryAudit struct {
	ctx   context.Context
	names commands.PeopleNames
	seen  map[string]string
	marks map[int64]commands.EntryMark
}

func (x *Exporter) newEntryAudit(ctx context.Context, req commands.ExportRequest) (*entryAudit, error) {
	marks, err := x.store.EntryMarks(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("entry marks: %w", err)
	}
	return &entryAudit{ctx: ctx, names: req.Names, seen: map[string]string{}, marks: marks}, nil
}

// name is a user's name, asked once per export.
func (a *entryAudit) name(id string) string {
	if a == nil || id == "" || a.names == nil {
		return id
	}
	if n, ok := a.seen[id]; ok {
		return n
	}
	n := a.names.NameOf(a.ctx, id)
	if n == "" {
		n = id
	}
	a.seen[id] = n
	return n
}

func (a *entryAudit) mark(id int64) commands.EntryMark {
	if a == nil {
		return commands.EntryMark{}
	}
	return a.marks[id]
}

// correction says how an entry takes part in a correction (정정).
func (a *entryAudit) correction(id int64) string {
	cell, _ := a.mark(id).CorrectionCell(func(id int64) (int64, bool) { return id, true })
	return cell
}
