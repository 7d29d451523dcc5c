package importer

// A report workbook's 비고 beside an edited month cell (issue 19, review
// r39 F5): the import dropped it, and a 비고 saying `11월 채용분 3명 누락`
// beside a raised 12월 cell was filed as December's jobs with no note. The
// part of 비고 the export did not write is kept as the note of what the
// row adds, and read against the month of the cell that adds it, as the
// console reads a typed note against the entry's date.

import (
	"cmp"
	"regexp"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
)

// reportExportNotes are the words the export writes into a report row's
// 비고 (export/report.go itemFigures, sumFigures, spanNote, targetedNote):
// they describe the ledger, and are no remark of the person editing.
var reportExportNotes = regexp.MustCompile(`어림수 포함` +
	`|[0-9]{1,2}월(?:·[0-9]{1,2}월)* 실적 없음 보고` +
	// ※ 10월: 1~10월 누계 보고분(#2) 포함, ※ 10월: 누계 #2 증가분에 보고
	// 없던 9~10월분 포함 가능, and such a clause as a sheet may shorten it
	`|※ ?[0-9]{1,2}월: ?[^,]*누계[^,]*포함(?: 가능)?` +
	`|달성률: 목표 대상 [0-9,]+÷[0-9,]+`)

// reportUserNote is the part of a report row's 비고 the export did not
// write: what the person who edited the sheet added (`어림수 포함, 11월
// 채용분 3명 누락` → `11월 채용분 3명 누락`). "" when 비고 is the export's.
func reportUserNote(note string) string {
	note = strings.TrimSpace(note)
	stripped := reportExportNotes.ReplaceAllString(note, "")
	if stripped == note {
		return note
	}
	var parts []string
	for _, part := range strings.Split(stripped, ",") {
		if part = strings.Trim(part, " \t\r\n;/·"); part != "" {
			parts = append(parts, part)
		}
	}
	return strings.Join(parts, ", ")
}

// reportNoteProblems reads a report row's own 비고 (reportUserNote) against
// the month cell at col, filed on asOf: a 비고 naming another month (or
// period), a day read two ways, a day counted from when it was written
// (which the file does not say), people starting later, or words the
// typed note is refused for (jobs going down, a 누계). They stand only if
// the cell adds jobs to the ledger (ImportRow.IfAdds): an unchanged cell
// files nothing the 비고 could misdate. A month without a year is the
// report's year's.
func (r Reader) reportNoteProblems(line, col int, h headerIndex, months map[int]time.Month, note string,
	asOf time.Time, year int, prog commands.Program) []commands.ImportProblem {
	if note == "" {
		return nil
	}
	written := lastDayOf(year, time.December) // the report's year, not the import day's
	if !r.Today.IsZero() && r.Today.Before(written) {
		written = r.Today
	}
	if written.Before(asOf) {
		written = asOf
	}
	cellName := func(col int) string {
		name, _ := excelize.CoordinatesToCellName(col+1, line)
		return name
	}
	noteCell := ""
	if i, ok := h.at[colNote2]; ok {
		noteCell = cellName(i)
	}
	base := []any{"NoteCell", noteCell, "Cell", cellName(col), "Month", int(months[col]), "Year", year,
		"Unit", cmp.Or(prog.Unit, "개"), "Added", ""}
	m := message{}
	if word, first, second, ok := commands.NoteDateAmbiguous(note); ok {
		m = msg("import5.report_note_ambiguous", append(base, "Word", word, "First", first, "Second", second)...)
	} else if word, ok := commands.NoteNamesRelativeDay(note); ok {
		m = msg("import5.report_note_relative", append(base, "Word", word)...)
	} else if word, ok := commands.NoteNamesRelativeMonth(note); ok {
		m = msg("import5.report_note_relative", append(base, "Word", word)...)
	} else if word, first, last, ok := commands.NoteNamesAnotherPeriod(note, asOf, written); ok {
		into := ""
		if first.Year() == year && last.Year() == year && first.Month() == last.Month() {
			for c, mo := range months {
				if mo == last.Month() {
					into = cellName(c)
				}
			}
		}
		m = msg("import5.report_note_month", append(base, "Word", word, "First", first, "Last", last,
			"OneMonth", first.Year() == last.Year() && first.Month() == last.Month(), "Into", into)...)
	} else if word, ok := commands.NoteStartsLater(note, asOf, written); ok {
		m = msg("import5.report_note_later", append(base, "Word", word, "AsOf", asOf)...)
	}
	if m.id != "" {
		return []commands.ImportProblem{problem(line, colNote2, shownCell(colNote2, note), m)}
	}
	if pr, found := noteContradiction(line, colNote2, note, 0, false, commands.StatusRealised, false); found {
		return []commands.ImportProblem{pr}
	}
	return nil
}
