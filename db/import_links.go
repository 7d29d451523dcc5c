package db

// A row whose 기록 식별자 this ledger holds for the same record is skipped
// as present (sameRecord compares its program, date, figure, 부서,
// 고용형태, 어림수 and 메모). Its 무효, 정정, 약정 번호 and 누계포함 cells
// were not compared: an edit there (a 무효 cleared, a 약정 번호 typed in, a
// 누계포함 changed) was skipped with "가져왔습니다" (review r26 M1). Once
// every row is replayed (a void or 정정 the file makes of a held entry is
// applied to it), each held row's cells are compared with what the
// ledger's export would write for its entry; a difference refuses the row,
// naming the columns and what to type in the console instead.

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// heldRow is a row found present: its line, the entry the ledger holds
// and the row's link cells (ImportRow.Links).
type heldRow struct {
	line  int
	entry int64
	links map[string]string
}

// notePresent keeps a present row's link cells for checkHeldLinks.
func (r *importRun) notePresent(line int, entry int64) {
	links, ok := r.rowLinks[line]
	if !ok {
		return
	}
	delete(r.rowLinks, line)
	r.heldRows = append(r.heldRows, heldRow{line: line, entry: entry, links: links})
}

// keepLinks keeps a row's link cells until the row is found present or
// written (a row written is new: its links were replayed).
func (r *importRun) keepLinks(row commands.ImportRow) {
	if row.Entry.Origin == "" || len(row.Links) == 0 || row.MonthFigure {
		return
	}
	if r.rowLinks == nil {
		r.rowLinks = map[int]map[string]string{}
	}
	if r.linkColumns == nil {
		r.linkColumns = map[string]string{}
		for col := range row.Links {
			r.linkColumns[col] = ""
		}
	}
	for _, v := range row.Links {
		if v != "" {
			r.rowLinks[row.Line] = row.Links
			return
		}
	}
	// Every cell empty (most rows of an export): one shared map of the
	// file's columns, not one a row.
	r.rowLinks[row.Line] = r.linkColumns
}

// checkHeldLinks compares each held row's 무효, 정정, 약정 번호 and 누계포함
// with the ledger's entry, in the file's numbers: an entry the cells name
// is found by its 기록 식별자 among the file's rows (another ledger's
// export numbers its rows its own way); a column naming an entry the file
// does not hold is not compared.
func (r *importRun) checkHeldLinks(ctx context.Context) error {
	r.rowLinks = nil
	if len(r.heldRows) == 0 || r.problems > 0 {
		return nil
	}
	ids := make([]int64, len(r.heldRows))
	for i, h := range r.heldRows {
		ids[i] = h.entry
	}
	marks, err := entryMarks(ctx, r.tx, ids)
	if err != nil {
		return err
	}
	refs := append([]int64(nil), ids...)
	for _, m := range marks {
		refs = append(refs, m.CorrectedTo, m.CorrectionOf, m.Agreement)
	}
	var rows []struct {
		ID     int64  `db:"id"`
		Origin string `db:"origin"`
		Voided bool   `db:"voided"`
	}
	if err := sqlx.SelectContext(ctx, r.tx, &rows, `SELECT id, COALESCE(origin::text, '') AS origin, voided_at IS NOT NULL AS voided FROM entries WHERE id = ANY($1)`, pq.Array(refs)); err != nil {
		return fmt.Errorf("entries of the held rows: %w", err)
	}
	numberOf := make(map[string]int64, len(r.numberOrigins))
	for n, o := range r.numberOrigins {
		numberOf[o] = n
	}
	origin, voided := map[int64]string{}, map[int64]bool{}
	for _, x := range rows {
		origin[x.ID], voided[x.ID] = x.Origin, x.Voided
	}
	// fileNumber is the file's number of the ledger's entry id; false when
	// the file holds no row of it.
	fileNumber := func(id int64) (int64, bool) {
		n, ok := numberOf[origin[id]]
		return n, ok && origin[id] != ""
	}
	for _, h := range r.heldRows {
		m := marks[h.entry]
		var columns, said []string
		differ := func(column, ledger, file string) {
			columns = append(columns, column)
			said = append(said, fmt.Sprintf("%s %q → %q", column, ledger, file))
		}
		if cell, ok := h.links["무효"]; ok {
			want := ""
			if voided[h.entry] {
				want = "무효"
			}
			if cell != want {
				differ("무효", want, cell)
			}
		}
		// An undone 정정's replacement (correction_undos) in a file whose
		// cell is empty: an export made before 00051, or by a ledger whose
		// 취소 was made before it, which recorded no undo. Not compared.
		if cell, ok := h.links["정정"]; ok && !(m.UndoneOf != 0 && strings.TrimSpace(cell) == "") {
			want, known := m.CorrectionCell(fileNumber)
			if known && !commands.SameCorrectionCell(cell, want) {
				differ("정정", want, cell)
			}
		}
		if cell, ok := h.links["약정 번호"]; ok {
			want, known := int64(0), true
			if m.Agreement != 0 {
				want, known = fileNumber(m.Agreement)
			}
			if known && linkNumber(cell) != want {
				shown := ""
				if want != 0 {
					shown = fmt.Sprint(want)
				}
				differ("약정 번호", shown, cell)
			}
		}
		if cell, ok := h.links["누계포함"]; ok {
			want := ""
			if m.Within {
				want = "예"
			} else if m.Separate {
				want = "아니오"
			}
			said := map[string]string{"yes": "예", "no": "아니오"}[cell]
			if said == "" {
				said = cell
			}
			if said != want {
				differ("누계포함", want, cell)
			}
		}
		if len(columns) > 0 {
			r.Problem(commands.NewImportProblem(h.line, strings.Join(columns, ", "), "", "improws.import_held_links_changed",
				"ID", h.entry, "Columns", strings.Join(columns, ", "), "Changes", strings.Join(said, ", "), "Voided", voided[h.entry]))
		}
	}
	return nil
}

// linkNumber reads a number cell (1,234 as a sheet may show it); 0 when
// empty or no whole number.
func linkNumber(cell string) int64 {
	var n int64
	if _, err := fmt.Sscan(strings.ReplaceAll(strings.TrimSpace(cell), ",", ""), &n); err != nil || n < 0 {
		return 0
	}
	return n
}
