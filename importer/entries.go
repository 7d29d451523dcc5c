package importer

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"jobsbot/commands"
	"jobsbot/commands/numbers"
)

// Entries columns, by the headers export writes (export/entries.go). A
// column added later (a name beside the code) is simply not read.
const (
	colNumber     = "번호"
	colAsOf       = "기준일"
	colCode       = "사업코드"
	colName       = "사업명"
	colDepartment = "부서"
	colCount      = "일자리 수"
	colKind       = "보고 방식"
	colReported   = "보고 누계"
	colApprox     = "어림수(여)"
	colStatus     = "상태"
	colEmployment = "고용형태"
	colNote       = "메모"
	colLoggedBy   = "기록자"
	colLoggedByID = "기록자 ID"
	colLoggedAt   = "기록 일시"
	colVoid       = "무효"
	colVoidedBy   = "무효 처리자"
	colVoidedByID = "무효 처리자 ID"
	colVoidedAt   = "무효 일시"
	colVoidReason = "무효 사유"
	colCorrection = "정정"
	// colCorrectionReason is filled on a 정정's replacement only: read to
	// know the row's note was written before its 기록 일시, not imported.
	colCorrectionReason = "정정 사유"
	colAgreement        = "약정 번호"
	colAddOrder         = "기록 순번"
	colAfterClose       = "마감 후 정정"
	colVoidOrder        = "무효 순번"
	colOrigin           = "기록 식별자"
	colWithin           = "누계포함"
	colConfirm          = "확인"
)

// entryColumns are the columns of an entries file the import reads: one
// named twice refuses the file (duplicateColumn).
var entryColumns = []string{colNumber, colAsOf, colCode, colName, colDepartment, colCount, colKind, colReported,
	colApprox, colStatus, colEmployment, colNote, colLoggedBy, colLoggedByID, colLoggedAt, colVoid, colVoidedBy,
	colVoidedByID, colVoidedAt, colVoidReason, colCorrection, colAgreement, colAddOrder, colAfterClose, colVoidOrder, colOrigin, colWithin, colConfirm}

// originForm is a 기록 식별자 as the export writes it: a UUID, lower case.
var originForm = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// csvNothingSection starts the 실적 없음 section an entries CSV ends with
// (export.CSVNothingSection): its lines are departments' declarations, not
// entries, and are not imported.
const csvNothingSection = "[실적 없음 보고]"

// readEntries reads an entries sheet or CSV, one entry per row, passing
// each checked row on as it is read.
func (r Reader) readEntries(t *table, h headerIndex, p *problems) error {
	for _, name := range h.names {
		if isMoney(name) && name != "" {
			p.add(1, name, "", msg("import.problem.money_column"))
			return nil
		}
	}
	// The rows read so far by key, this reading's only (a file read
	// again, held and sorted, starts afresh).
	seen := map[string]keyedRow{}
	for {
		cells, ok, err := t.next()
		if err != nil {
			return asProblem(err, p.sink)
		}
		if !ok {
			r.noteCredit()
			return nil
		}
		if blank(cells) {
			continue
		}
		if strings.TrimSpace(cells[0]) == csvNothingSection {
			r.noteCredit()
			// The 실적 없음 reports that follow are no entries; a row there
			// that is none of them is refused by its line, never dropped
			// unread (review r32 F11: rows added at the file's end).
			return readNothingSection(t, p)
		}
		if row, ok := r.entryRow(p, t.line, h, cells); ok {
			// Passed on even when refused, so the preview counts every row read.
			r.sameAsAbove(p, seen, row, shownCell(colAsOf, strings.TrimSpace(h.cell(cells, colAsOf))))
			if err := p.sink.Row(row); err != nil {
				return err
			}
		}
	}
}

// keyedRow is a row of the file read so far, under its idempotency key.
type keyedRow struct {
	line   int
	origin bool   // it carries a 기록 식별자
	asOf   string // its 기준일 cell as the sheet shows it
}

// sameAsAbove refuses a row whose key a row above it already has, naming
// both lines, and otherwise notes it. Two such rows are one entry
// to the store (a key recorded once; the second was counted "이미 있는
// 기록" though the ledger held nothing like it, review r47): a hand-made
// sheet's copied row, or one 기준일 written `2027-03-04` and `3월 4일`,
// lost one line's jobs without a word. Whether it is the same figure
// written twice or separate jobs is for the sender to say. Two rows that
// both carry a 기록 식별자 keep their own rules (the store matches them to
// the ledger by it).
func (r Reader) sameAsAbove(p *problems, seen map[string]keyedRow, row commands.ImportRow, asOf string) {
	e := row.Entry
	first, dup := seen[e.IdempotencyKey]
	if !dup {
		seen[e.IdempotencyKey] = keyedRow{line: row.Line, origin: e.Origin != "", asOf: asOf}
		return
	}
	if first.origin && e.Origin != "" {
		return
	}
	p.add(row.Line, "", "", msg("import8.rows_read_as_one", "First", first.line, "Second", row.Line,
		"AsOf", e.AsOf, "Program", r.names[row.Program][0], "Count", numbers.Format(e.Count), "Unit", r.units[row.Program],
		"Cumulative", e.Kind == commands.KindCumulative, "Status", string(e.Status), "Department", e.Department, "Note", e.Note, "FirstAsOf", first.asOf, "SecondAsOf", asOf,
		"DatesDiffer", first.asOf != asOf))
}

// readNothingSection reads the lines after csvNothingSection: its header
// and the 실적 없음 lines, which are not imported. Any other row (an entry
// typed below the section, as one adds rows at a sheet's end) is a problem
// naming its line: the import reads every line of a file or refuses it.
func readNothingSection(t *table, p *problems) error {
	monthCol, voidCol, width := 1, 7, 12 // nothingHeader's 해당 월, 무효 and width (export/nothing.go)
	// Only the section's first line may be its header: a second one would
	// re-point the columns so that an entry row below reads as none of
	// them, dropped unread (review r35 M10).
	first := true
	for {
		cells, ok, err := t.next()
		if err != nil {
			return asProblem(err, p.sink)
		}
		if !ok {
			return nil
		}
		if blank(cells) {
			continue
		}
		if i := slices.IndexFunc(cells, func(c string) bool { return strings.TrimSpace(c) == "해당 월" }); i >= 0 && first {
			first = false
			monthCol = i
			// The section's header: where its columns are, should a
			// column before them have been deleted.
			if j := slices.IndexFunc(cells, func(c string) bool { return strings.TrimSpace(c) == "무효" }); j >= 0 {
				voidCol = j
			}
			width = len(slices.DeleteFunc(slices.Clone(cells), func(c string) bool { return strings.TrimSpace(c) == "" }))
			continue
		}
		first = false
		if nothingLine(cells, monthCol, voidCol, width) {
			continue
		}
		p.add(t.line, "", "", msg("r32imp.import_row_below_nothing", "Section", csvNothingSection))
	}
}

// nothingLine says whether cells is a line of the 실적 없음 section: a
// month, not a day other than the 1st, under 해당 월, its 무효 cell empty or
// 무효, and nothing past the section's columns. An
// entries row has its 일자리 수 where the section has 무효, and fills
// columns past the section's.
func nothingLine(cells []string, monthCol, voidCol, width int) bool {
	if monthCol < len(cells) && dayForm.MatchString(strings.TrimSpace(cells[monthCol])) {
		return false // a day, as an entry's 기준일, where a month stands
	}
	if voidCol < len(cells) {
		if v := strings.TrimSpace(cells[voidCol]); v != "" && v != "무효" {
			return false
		}
	}
	for i := width; i < len(cells); i++ {
		if strings.TrimSpace(cells[i]) != "" {
			return false
		}
	}
	return true
}

// dayForm is a day other than a month's first (2026-12-15), as an entries
// row's 기준일 is written: 해당 월 is 2026-12, or 2026-12-01 once a
// spreadsheet has made it a date.
var dayForm = regexp.MustCompile(`^\d{4}-\d{1,2}-(0?[2-9]|[12]\d|3[01])$`)

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// entryRow reads one entries row; ok false when a cell was refused.
func (r Reader) entryRow(p *problems, line int, h headerIndex, cells []string) (commands.ImportRow, bool) {
	before := p.n
	get := func(col string) string { return p.text(line, col, unquote(h.cell(cells, col))) }
	// who: the user ID the export writes beside the name, else the name
	// (a file from elsewhere), else whoever imports.
	who := func(idCol, nameCol string) string {
		if h.has(idCol) {
			return get(idCol)
		}
		return get(nameCol)
	}
	row := commands.ImportRow{Line: line, Number: entryNumber(h.cell(cells, colNumber))}
	e := &row.Entry
	e.Source, e.LoggedBy = commands.SourceImport, who(colLoggedByID, colLoggedBy)
	if e.LoggedBy == "" {
		e.LoggedBy = r.By
	}
	fileBy := e.LoggedBy // the key keeps the file's 기록자 (a file imported before is found again)
	// 확인: 예 confirms a row the import would hold as the typed add holds it
	// (one entry over the year's target, a delta that reads like a 누계).
	switch w := get(colConfirm); w {
	case "예", "yes", "Yes", "YES":
		row.Confirmed = true
	case "", "아니오", "no":
	default:
		p.add(line, colConfirm, w, msg("i46.import_confirm_word"))
	}

	prog, progOK := r.rowProgram(p, line, get(colCode), get(colName))
	if progOK {
		e.ProgramID, row.Program = prog.ID, prog.Code
	}
	var dated bool
	if e.AsOf, dated = p.date(line, colAsOf, h.cell(cells, colAsOf), r.Today); dated {
		r.notFuture(p, line, colAsOf, e.AsOf)
	}

	switch kind := get(colKind); kind {
	case "누계", "누적", "cumulative":
		// 누적 is read as 누계, as the console reads it (review r22 F41).
		e.Kind = commands.KindCumulative
		if n, ok := p.count(line, colReported, h.cell(cells, colReported)); ok {
			e.Count = n
		} else if p.n == before {
			p.add(line, colReported, "", msg("import.problem.cumulative_missing"))
		}
		// 일자리 수 beside a 누계 is the increment the file says it adds:
		// kept to compare with the one the ledger derives (r13 S3). A cell
		// that is no whole number was never read on a 누계 row, and is not.
		if n, ok := figureOrNot(h.cell(cells, colCount)); ok {
			row.Stated, row.StatedSet = n, true
		}
	case "증가분", "delta", "":
		e.Kind = commands.KindDelta
		if reported := strings.TrimSpace(h.cell(cells, colReported)); reported != "" {
			// A 보고 누계 on a 증가분 row (or one whose 보고 방식 is blank)
			// says two figures: the total or the increase. Which one is for
			// the sender to say; it was dropped without a word (review r20
			// G18).
			p.add(line, colReported, reported, msg("i44.import_total_on_delta",
				"Kind", kind, "Total", reported, "Count", strings.TrimSpace(h.cell(cells, colCount))))
			break
		}
		if n, ok := p.count(line, colCount, h.cell(cells, colCount)); ok && n > 0 {
			e.Count = n
		} else if p.n == before {
			p.add(line, colCount, h.cell(cells, colCount), msg("import.problem.positive_number"))
		}
	default:
		p.add(line, colKind, kind, msg("import.problem.kind"))
	}
	switch a := get(colApprox); a {
	case "여":
		e.Approximate = true
	case "":
	default:
		p.add(line, colApprox, a, msg("import.problem.approximate"))
	}
	status, ok := statusOf(get(colStatus))
	if !ok {
		p.add(line, colStatus, h.cell(cells, colStatus), msg("import.problem.status"))
	}
	e.Status = status
	emp, ok := employmentOf(get(colEmployment))
	if !ok {
		p.add(line, colEmployment, h.cell(cells, colEmployment), msg("import.problem.employment"))
	}
	e.EmploymentType = emp
	// 부서 must be a department on the managed list (a name or an alias,
	// matched as dept: is), as for a typed add: the store would otherwise
	// create a department for any name (review r2 B5). The entry is
	// credited to the managed name; the key keeps the cell as written, so
	// a file imported before is still found.
	typedDepartment := commands.CleanName(get(colDepartment))
	if typedDepartment != "" {
		if d, ok := commands.FindDepartment(r.Departments, typedDepartment); ok {
			e.Department = d.Name
		} else {
			pr := problem(line, colDepartment, typedDepartment, msg("import.problem.unknown_department"))
			pr.Nearest = commands.NearestDepartmentNames(r.Departments, typedDepartment)
			p.put(pr)
		}
	}
	e.Note = get(colNote)
	if words := commands.NoteSaysNotHired(e.Note); words != "" && get(colStatus) == "" {
		// 상태 left empty is 채용; a 메모 saying 약정 or 채용 전 does not
		// change that, so the row is asked about, as a typed note is (F8).
		p.add(line, colNote, e.Note, msg("k32.import_note_not_hired_status", "Words", words))
	}
	// 기록 식별자: the entry's origin, kept, so the ledger knows it again
	// when the same entry comes back in another export.
	if o := strings.ToLower(get(colOrigin)); o != "" {
		if originForm.MatchString(o) {
			e.Origin = o
		} else {
			p.add(line, colOrigin, h.cell(cells, colOrigin), msg("import.problem.origin"))
		}
	}
	if e.Origin != "" && typedDepartment == "" && progOK {
		// A blank 부서 credits the program's department (as the store
		// does for a new row): said here so that a row the ledger holds
		// under its 기록 식별자 is compared with that entry's department
		// (review r24 F7). The key keeps the blank cell.
		e.Department = prog.Department
	}
	// 약정 번호: the agreement a hire realised, linked again on import.
	if a := get(colAgreement); a != "" {
		row.Agreement = entryNumber(a)
		if row.Agreement == 0 || e.Status != commands.StatusRealised {
			p.add(line, colAgreement, a, msg("import.problem.agreement_number"))
		}
	}
	// 누계포함: 예 on a delta (an add or a hire) recorded as already inside
	// the later 누계 (review r12 BREAK 4: adds answer it as hires do).
	switch w := get(colWithin); w {
	case "예", "yes":
		row.Within, row.WithinSaid = true, true
		if e.Kind != commands.KindDelta {
			p.add(line, colWithin, w, msg("import.problem.within_not_hire"))
		}
	case "아니오", "no":
		row.Separate = true
		row.WithinSaid = true
	case "":
	default:
		p.add(line, colWithin, w, msg("import.problem.within"))
	}
	row.LoggedAt = p.instant(line, colLoggedAt, h.cell(cells, colLoggedAt), r.Location, r.Today)
	e.RecordedAt = row.LoggedAt // 기록 일시 is kept; zero: the import's time
	if e.Origin == "" {
		// A row without 기록 식별자 is a new record, whatever its 기록자 and
		// 기록 일시 say: copied in Excel from a colleague's row, they would
		// credit the colleague, at that row's time (review r22 F15). It is
		// the importer's, recorded now; the preview says so. A row with one
		// (an export replayed into another ledger) keeps its recorder.
		// "Now" is the service's clock (Reader.Now), the one a typed add is
		// stamped with: by the database's, an import in a session replayed
		// with --today was recorded after the month's later 마감, unlike
		// the console's adds between 마감 해제 and that 마감, and its own
		// export came back refused as recorded in the future (review r37
		// F9). Zero Now: the database's clock, as before.
		e.LoggedBy, e.RecordedAt = cmp.Or(r.By, e.LoggedBy), r.Now
	}
	switch v := get(colVoid); v {
	case "무효":
		row.Voided = true
		row.VoidedBy, row.VoidReason = who(colVoidedByID, colVoidedBy), get(colVoidReason)
		row.VoidedAt = p.instant(line, colVoidedAt, h.cell(cells, colVoidedAt), r.Location, r.Today)
		if row.VoidedBy == "" {
			row.VoidedBy = r.By
		}
		row.CorrectedTo = correctedTo(get(colCorrection))
		row.UndoneOf = undoneOf(get(colCorrection))
	case "":
	default:
		p.add(line, colVoid, v, msg("import.problem.void"))
	}
	// A note saying 예상 or 예정 marks a forecast, not jobs created; an
	// agreement (약정) is a promise by nature, and a voided row counts for
	// nothing, so theirs may say so. A row carrying a 기록 식별자 is an
	// entries export of a ledger: its note was typed, and judged by the
	// typed add's checks (NoteSaysNotHired above, as typing asks when no
	// status is given), which accept 예정 beside 상태:채용 and never ask
	// about 예상; refusing it here refused the ledger's own export (issue
	// 19/20 round trip). A department's own file has no 기록 식별자.
	if e.Status == commands.StatusRealised && !row.Voided && e.Origin == "" {
		forecast(p, line, colNote, e.Note)
	}
	// A department's row whose note names another month than its 기준일
	// (11월분 on a December date) is refused as the typed add is (review
	// r15 F17); an export's row the ledger holds (기록 식별자) was checked
	// when typed, so with an identifier the problem stands only if the
	// ledger does not hold it (IfNotHeld, issue 20 r16: a forged one).
	// 지난달 / 작년 12월분 in a file name a month counted from the day the
	// note was written, which the file does not say (review r19b-M3):
	// refused rather than read as of the import day.
	noteAsked := false // one problem a note: the month it names first
	if !row.Voided && !e.AsOf.IsZero() {
		today := r.Today
		if today.IsZero() || today.Before(e.AsOf) {
			today = e.AsOf
		}
		var m message
		found := false
		// An exported row (기록 식별자 and 기록 일시) had its relative words
		// read by the typed line's checks on the day it was written: a
		// ledger's own `금요일 입사` or `3일 전 입사`, accepted when typed,
		// refused its whole export (review r30 B8). A file row without them
		// does not say that day.
		typedOn := e.Origin != "" && !e.RecordedAt.IsZero()
		// The day the note was written: its 기록 일시 on an exported row,
		// else the import day (the row is recorded now). Every relative
		// word (지난달, 작년분, 연말, 어제) counts from it, never from the
		// import day: an old export re-imported a year on read 작년 4분기
		// as another year (review r34c).
		written := writtenOn(typedOn, e.RecordedAt, r.Location, today)
		if word, first, second, ok := commands.NoteDateAmbiguous(e.Note); ok {
			// 12.1.2026, 3/12/2026: 1 December or 12 January, refused as
			// the typed line is, never read one way (review r35q4)
			m, found = msg("b7hold.import_note_date_ambiguous", "Word", word, "First", first, "Second", second), true
		} else if word, ok := commands.NoteStartsLater(e.Note, e.AsOf, written); ok && e.Status == commands.StatusRealised {
			m, found = msg("future.import_note_starts_later", "Word", word, "AsOf", e.AsOf), true // not hired yet (r33 B11)
		} else if word, ok := commands.NoteNamesRelativeDay(e.Note); ok {
			// 어제 입사, 지난주 채용: counted from a day the file does not give (r24 F17)
			// The example is the day before the row's own date, never a fixed day
			// (import6: a 12/30 row was told `2026. 11. 30. 입사`).
			m, found = msg("k60.import_note_relative_day", "Word", word, "Example", e.AsOf.AddDate(0, 0, -1)), !typedOn
		} else if word, ok := commands.NoteNamesRelativeMonth(e.Note); ok && !typedOn {
			m, found = msg("k53.import_note_relative_month", "Word", word), true
		} else if ok {
			// An exported row's 지난달 / 작년 4분기 counted from its 기록 일시,
			// as the typed line read it that day: the month it names is
			// checked like any other (a forged identifier passed 지난달분
			// on a December row unread, review r34c). A 정정's replacement
			// (정정 사유 filled) carries its original's note, written before
			// its own 기록 일시, on a day the row does not give: not read.
			replacement := strings.TrimSpace(h.cell(cells, colCorrectionReason)) != ""
			if word, first, last, other := commands.NoteNamesAnotherPeriod(e.Note, e.AsOf, written); other && !replacement {
				m, found = msg("importfix.import_note_relative_month", "Word", word, "First", first, "Last", last,
					"AsOf", e.AsOf, "Written", written), true
			}
		} else if word, first, last, ok := commands.NoteNamesAnotherPeriod(e.Note, e.AsOf, written); ok && first.Month() != last.Month() {
			// 2026년도 실적, 작년 4분기: the months named, not only the last (k56)
			m, found = msg("k56.import_note_period", "Word", word, "First", first, "Last", last, "AsOf", e.AsOf), true
		} else if ok {
			m, found = msg("k49.import_note_month", "Word", word, "Last", last, "AsOf", e.AsOf), true
		}
		if !found {
			// 12/4 입사 on a 12-07 row: another day of its month, refused as
			// the typed line is (review r34 F7); an exported row's 어제 or
			// 목욜 counts from its 기록 일시.
			if word, named, ok := commands.NoteNamesAnotherDay(e.Note, e.AsOf, written); ok {
				rw, relative := commands.NoteNamesRelativeDay(e.Note)
				m, found = msg("r34c.import_note_another_day", "Word", word, "Named", named, "AsOf", e.AsOf,
					"Written", written, "Relative", relative && rw == word && typedOn), true
			}
		}
		if found {
			noteAsked = true
			if e.Origin == "" {
				p.add(line, colNote, e.Note, m)
			} else {
				row.IfNotHeld = append(row.IfNotHeld, problem(line, colNote, e.Note, m))
			}
		}
	}
	// A note saying the jobs went down, that the figure is a 누계 beside a
	// 증가분, or that an agreement's people are hired is refused as the
	// typed line is (k61, review r25): the console's check, one for both.
	// A row this ledger holds under its 기록 식별자 was typed and is not
	// asked again (IfNotHeld, as above).
	if !row.Voided && !noteAsked {
		if pr, found := noteContradiction(line, colNote, e.Note, e.Count, e.Kind == commands.KindCumulative, e.Status, row.Agreement > 0); found {
			if e.Origin == "" {
				p.put(pr)
			} else {
				row.IfNotHeld = append(row.IfNotHeld, pr)
			}
		}
	}
	if e.Origin != "" {
		// What a held row says of its void, 정정, agreement and 누계포함,
		// compared with the ledger's entry once the file is replayed.
		for _, col := range []string{colVoid, colCorrection, colAgreement, colWithin} {
			if h.has(col) {
				if row.Links == nil {
					row.Links = map[string]string{}
				}
				row.Links[col] = get(col)
			}
		}
	}
	// 마감 후 정정 is not brought in (an import writes into no closed month,
	// and brings in no month close): counted, for the preview to say so.
	if get(colAfterClose) != "" {
		row.AfterClose = true
		if r.notCarried != nil {
			r.notCarried[colAfterClose]++
		}
	}
	// 기록 순번 / 무효 순번: where the file has the column, every row (and
	// every voided row's void) needs its number, or the file's rows could
	// not be put in the order applied.
	if h.has(colAddOrder) {
		if row.AddOrder = entryNumber(get(colAddOrder)); row.AddOrder == 0 {
			p.add(line, colAddOrder, h.cell(cells, colAddOrder), msg("import.problem.order_number"))
		}
	}
	if row.Voided && (h.has(colVoidOrder) || h.has(colAddOrder)) {
		if row.VoidOrder = entryNumber(get(colVoidOrder)); row.VoidOrder == 0 {
			p.add(line, colVoidOrder, h.cell(cells, colVoidOrder), msg("import.problem.order_number"))
		}
	}
	// A time the file gives is kept as the entry's record or void time: one
	// after now is no record of what happened.
	if !r.Now.IsZero() {
		if row.LoggedAt.After(r.Now) {
			p.add(line, colLoggedAt, h.cell(cells, colLoggedAt), msg("import.problem.instant_in_future"))
		}
		if row.VoidedAt.After(r.Now) {
			p.add(line, colVoidedAt, h.cell(cells, colVoidedAt), msg("import.problem.instant_in_future"))
		}
	}
	if p.n > before {
		return row, false
	}
	// The key leaves out the void columns: an entry voided since an earlier
	// import is found and voided, not added again.
	e.IdempotencyKey = "import:entry:" + rowKey(get(colNumber), row.Program, e.AsOf.Format("2006-01-02"),
		strconv.FormatInt(e.Count, 10), string(e.Kind), strconv.FormatBool(e.Approximate), string(e.Status),
		e.EmploymentType, typedDepartment, e.Note, fileBy, row.LoggedAt.Format("2006-01-02 15:04:05"))
	if progOK {
		r.touched(cmp.Or(e.Department, prog.Department))
	}
	if e.Origin == "" && r.credit != nil {
		r.credit.n++
	}
	return row, true
}

// entryNumber reads 번호, the entry's number where the file was exported
// (1,234 as a sheet may show it); 0 when the cell is empty or no whole
// number: it only orders rows of the same minute, and a file from
// elsewhere may number its rows any way.
func entryNumber(raw string) int64 {
	if strings.Contains(raw, ",") {
		// Commas only where a count has them (1,234): "1,20" is no number
		// (review r22 F35), and 0 here refuses 약정 번호 and 기록 순번.
		if n, err := numbers.Parse(raw); err != nil || n.Approximate || n.Counter != "" {
			return 0
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(strings.ReplaceAll(raw, ",", "")), 10, 64)
	if err != nil || n < 0 || n > 1<<52 {
		return 0
	}
	return n
}

// correctedTo reads the 정정 column of a voided row, #N으로 정정 or #N로
// 정정 (exports before 1.12.0 wrote 로 after every number), as N; 0 for
// anything else.
func correctedTo(s string) int64 {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	for _, suffix := range []string{"으로 정정", "로 정정", "으로정정", "로정정"} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			return entryNumber(n)
		}
	}
	return 0
}

// undoneOf reads the 정정 cell of a 정정 taken back by 취소 (정정 취소(#N
// 되살림), commands.UndoneCell): N, or 0.
func undoneOf(s string) int64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	rest, ok := strings.CutPrefix(s, "정정취소(#")
	if !ok {
		return 0
	}
	n, ok := strings.CutSuffix(rest, "되살림)")
	if !ok {
		return 0
	}
	return entryNumber(n)
}

// unquote removes the apostrophe export puts before text that a
// spreadsheet would read as a formula (export.csvText).
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// statusOf reads 상태 as the export writes it, in either language, or the
// words typed in commands.
func statusOf(s string) (commands.EntryStatus, bool) {
	if s == "" {
		return commands.StatusRealised, true
	}
	for _, st := range []commands.EntryStatus{commands.StatusRealised, commands.StatusAgreed} {
		if s == string(st) || s == commands.StatusLabel(st, commands.Korean) || strings.EqualFold(s, commands.StatusLabel(st, commands.English)) {
			return st, true
		}
	}
	switch s {
	case "실적":
		return commands.StatusRealised, true
	case "협약":
		return commands.StatusAgreed, true
	}
	return "", false
}

// employmentOf reads 고용형태 as the export writes it ("" for 미기재).
func employmentOf(s string) (string, bool) {
	for _, code := range []string{"", "regular", "temporary", "daily"} {
		if s == code || s == commands.EmploymentLabel(code, commands.Korean) || strings.EqualFold(s, commands.EmploymentLabel(code, commands.English)) {
			return code, true
		}
	}
	return "", false
}
