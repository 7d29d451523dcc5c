// Package importer reads the files a unit already has — the entries sheet
// or CSV and the report workbook the bot exports, and a department's
// 취합 양식 — into rows for the store, checking every cell. It knows no SQL:
// db.Store.Import writes what it reads, all or nothing.
package importer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"jobsbot/commands"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// Limits cap what a file may cost before a cell is read: a zip bomb or a
// sheet of a million rows is refused, not read.
type Limits struct {
	FileBytes     int64 // the file as sent
	UnzippedBytes int64 // every part of an xlsx, unzipped (excelize UnzipSizeLimit)
	XMLInMemory   int64 // a sheet larger than this is unzipped to a temporary file (UnzipXMLSizeLimit)
	Rows          int   // rows of the sheet read
	// Cells caps the shared strings (<si>) and the cells (<c>) of any one
	// part of a workbook, counted while the part streams by before
	// excelize opens it: excelize holds the whole shared-strings table.
	Cells int
}

// DefaultLimits fit a year's ledger of a large city (bench import reads
// 100,000 rows) with room to spare.
func DefaultLimits() Limits {
	return Limits{FileBytes: 64 << 20, UnzippedBytes: 512 << 20, XMLInMemory: 16 << 20, Rows: 200_000, Cells: 200_000 * cellsPerRow}
}

// SlackRowCap is the most rows (lines of the sheet, the header among
// them) a file sent through Slack (/jobs 가져오기) may hold. Its preview and
// its apply each hold every program's lock while the file is written (and,
// for a preview, rolled back): at this size that takes a few seconds, well
// within the import's deadline (commands importDeadline). The cap is
// checked before the import's transaction, reading no further than the
// cap. A larger file goes through `jobsbot import` on the server, which
// has no such cap (only Limits.Rows).
const SlackRowCap = 10_000

// SlackLimits are those of a file sent through Slack: at most SlackRowCap
// rows, and 16 MB (10,000 rows of an entries sheet take about 2 MB), so the
// files of the imports in flight at once (EXPORT_CONCURRENCY) stay well
// inside the bot's memory. Unzipped, an xlsx may hold SlackUnzippedBytes:
// excelize reads a cell whole before MaxCellChars can refuse it, so this
// bounds what one cell costs (a 200 KB file of one 200 MiB cell took 1 GB
// of heap under DefaultLimits' 512 MB). A workbook part holds at most
// SlackRowCap × 32 cells or shared strings (320,000: about 40 MB of
// excelize's heap).
func SlackLimits() Limits {
	l := DefaultLimits()
	l.FileBytes, l.Rows, l.Cells = 16<<20, SlackRowCap, SlackRowCap*cellsPerRow
	l.UnzippedBytes, l.XMLInMemory = SlackUnzippedBytes, min(l.XMLInMemory, SlackUnzippedBytes)
	return l
}

// SlackUnzippedBytes is the most an xlsx sent through Slack may unzip to,
// all its parts together (the sheet among them): 10,000 rows of an entries
// sheet are about 2 MB as CSV and under 16 MB as sheet XML.
const SlackUnzippedBytes = 32 << 20

// MaxCellChars is the longest cell read, in characters, from any file (Slack
// or `jobsbot import`): a longer cell refuses the file on its line, and its
// text is dropped as soon as it is seen. No column of the ledger needs more
// (a note is a line or two).
const MaxCellChars = 4096

// HeavyRowWeight is what a 무효 row or a 누계 row counts for against
// SlackRowCap. Measured (review N2, the import preview through
// commands.Service on the test database): a 무효 row costs about 7–10 ms,
// replayed alone, and a 누계 row with voids in the same file more, against
// about 0.1 ms for a plain 증가분 row; 3,000 voided rows held every
// program's lock for the whole 20 s import deadline. Weighted at 20, a file
// sent through Slack holds at most 500 of them (about 5 s).
const HeavyRowWeight = 20

// Reader reads files against the programs the ledger knows.
type Reader struct {
	Programs    []commands.Program
	Departments []commands.Department // a template's 제출 부서 must be one of them
	Today       time.Time             // a calendar date: the year of 4월말 and similar
	By          string                // who imports: logged_by of report and template rows
	Limits      Limits
	// Want picks the sheet of a workbook holding both: "" reads the entries
	// sheet when there is one, else the report.
	Want commands.ImportKind
	// Year is the report's year when its title does not say; 0: refuse.
	Year int
	// Location is the city's time zone: the export writes 기록 일시 and 무효
	// 일시 as the city's wall clock (nil: UTC).
	Location *time.Location
	// RowCap, when set, refuses a file of more rows before any is checked
	// (SlackRowCap for files sent through Slack); 0: Limits.Rows only.
	RowCap int
	// Now is the present instant: 기록 일시 and 무효 일시 after it are
	// refused (zero: not checked).
	Now time.Time
	// Targets are the figures each program's target has held, by year and
	// program (TargetStore): a report's 목표(당초)/목표(변경) cell holding
	// another figure is refused, as an import sets no target (review r24
	// F13). nil: the cells are not read.
	Targets map[int]map[int64][]int64

	// ledgerMonths are the ledger's realised jobs of a year by department
	// and month, for a report workbook's 부서별 sheet (nil: not compared).
	ledgerMonths func(year int) (map[string]map[time.Month]int64, error)
	// regenerate writes the report workbook from the ledger, for the
	// cells of a report workbook the import does not read (nil: not
	// compared).
	regenerate regenerator

	finder       commands.ProgramFinder // built by Read
	names        map[string][2]string   // the programs read, for the preview
	units        map[string]string      // their units (개, 명), for the preview
	depts        map[string]bool        // the departments the rows credit, for the preview
	notCarried   map[string]int         // rows whose marks the import does not bring in, by column
	partsChecked bool                   // checkParts passed (Stream): the scan need not repeat it
	notes        *commands.ImportNotes  // what the preview says besides the figures
	credit       *creditCount           // rows credited to whoever imports (review r22 F15)
}

// touched notes a department a row credits, for the preview.
func (r Reader) touched(department string) {
	if r.depts != nil && department != "" {
		r.depts[department] = true
	}
}

// Read checks a file and returns it ready for the store, with every row
// held in Rows, or the problems that refuse it (nothing is then written). A
// Go error means the reader itself failed. Service streams instead (Stream):
// Read is for small files and tests.
func (r Reader) Read(name string, data []byte) (commands.ImportFile, []commands.ImportProblem, error) {
	file, problems := r.Stream(name, data)
	if len(problems) > 0 {
		return file, problems, nil
	}
	var c collector
	err := file.Scan(&c)
	file.Scan, file.Kind, file.Rows = nil, c.kind, c.rows
	return file, c.problems, err
}

// collector holds what a scan reads.
type collector struct {
	kind     commands.ImportKind
	rows     []commands.ImportRow
	problems []commands.ImportProblem
}

func (c *collector) Kind(k commands.ImportKind)       { c.kind = k }
func (c *collector) Row(row commands.ImportRow) error { c.rows = append(c.rows, row); return nil }
func (c *collector) Problem(p commands.ImportProblem) { c.problems = append(c.problems, p) }

// Stream checks what can be checked of a file without reading its cells
// (its size and its format) and returns it with a Scan that reads it, from
// data, each time it is called: the store calls it inside the import's
// transaction and writes the rows in batches as they come. The problems
// returned refuse the file before any scan.
func (r Reader) Stream(name string, data []byte) (commands.ImportFile, []commands.ImportProblem) {
	file, problems, _ := r.StreamContext(context.Background(), name, data)
	return file, problems
}

// StreamContext is Stream bounded by ctx: the checks before the scan, and
// the Scan it returns, stop with ctx's error when ctx ends (an import from
// Slack has a deadline), so a slow file does not run on after its reply.
func (r Reader) StreamContext(ctx context.Context, name string, data []byte) (commands.ImportFile, []commands.ImportProblem, error) {
	if r.Limits == (Limits{}) {
		r.Limits = DefaultLimits()
	}
	if r.Location == nil {
		r.Location = time.UTC
	}
	r.finder, r.names, r.units, r.depts = commands.NewProgramFinder(r.Programs), map[string][2]string{}, map[string]string{}, map[string]bool{}
	r.notCarried, r.notes, r.credit = map[string]int{}, &commands.ImportNotes{}, &creditCount{}
	sum := sha256.Sum256(data)
	file := commands.ImportFile{Name: name, SHA256: hex.EncodeToString(sum[:]), By: r.By, Names: r.names, Units: r.units, Departments: r.depts, NotCarried: r.notCarried, Notes: r.notes}
	if int64(len(data)) > r.Limits.FileBytes {
		return file, []commands.ImportProblem{problem(0, "", "", msg("import.problem.file_too_large", "MB", r.Limits.FileBytes>>20))}, nil
	}
	xlsx := bytes.HasPrefix(data, []byte("PK\x03\x04"))
	ext := strings.ToLower(filepath.Ext(name))
	if !xlsx && ext != ".csv" && ext != ".txt" && name != "" {
		return file, []commands.ImportProblem{problem(0, "", "", msg("import.problem.not_xlsx_or_csv"))}, nil
	}
	if !xlsx {
		if line, bad := firstInvalidUTF8Line(data); bad {
			// Korean Excel's "CSV (쉼표로 분리)" writes CP949: read as UTF-8
			// its header matches nothing. Refused by its real cause; not
			// decoded, since CP949 cannot be told from other legacy
			// encodings and a wrong guess would store wrong names.
			return file, []commands.ImportProblem{problem(line, "", "", msg("import.problem.csv_not_utf8"))}, nil
		}
	}
	if xlsx {
		// Once, before any transaction: the scan's openXLSX then skips it.
		if err := checkParts(ctx, data, r.Limits); err != nil {
			var p problemError
			if errors.As(err, &p) {
				return file, []commands.ImportProblem{p.p}, nil
			}
			return file, nil, err
		}
		r.partsChecked = true
	}
	if r.RowCap > 0 {
		c, err := r.countRows(ctx, data, xlsx, r.RowCap)
		switch {
		case err != nil:
			return file, nil, err
		case c.problem != nil:
			return file, []commands.ImportProblem{*c.problem}, nil
		case c.rows > r.RowCap:
			return file, []commands.ImportProblem{problem(0, "", "", msg("import.problem.too_many_rows_slack",
				"Max", numbers.Format(int64(r.RowCap)), i18n.PluralCount, r.RowCap))}, nil
		case c.weighted > r.RowCap && c.months:
			return file, []commands.ImportProblem{problem(0, "", "", msg("import.problem.too_many_month_figures_slack",
				"Max", numbers.Format(int64(r.RowCap)), "Weight", HeavyRowWeight, i18n.PluralCount, r.RowCap))}, nil
		case c.weighted > r.RowCap:
			return file, []commands.ImportProblem{problem(0, "", "", msg("import.problem.too_many_heavy_rows_slack",
				"Max", numbers.Format(int64(r.RowCap)), "Weight", HeavyRowWeight, i18n.PluralCount, r.RowCap))}, nil
		}
		r.Limits.Rows = min(r.Limits.Rows, r.RowCap)
	}
	file.Scan = func(sink commands.ImportSink) error { return r.scan(ctx, data, xlsx, sink) }
	return file, nil, nil
}

// rowCount is what countRows finds.
type rowCount struct {
	rows, weighted int
	months         bool                    // a report or template: rows weigh their month figures
	problem        *commands.ImportProblem // refuses the file (a duplicated month header)
}

// countRows counts the file's rows, and weighs them: below the header
// (the row naming 사업코드 or 사업명, as readTable finds it) a row of an
// entries file whose 무효 column says 무효 or whose 보고 방식 says 누계
// weighs HeavyRowWeight, any other row 1; a row of a report or template
// weighs the month figures it would write (one per month cell holding a
// figure, HeavyRowWeight each when its 보고 방식 says 누계), at least 1.
// A report or template naming a month twice is refused here, before any
// transaction, as is a line the source refuses (a CSV field too long or
// a line too wide, a CSV format error). It reads no further than the row
// that takes either count past limit, and stops with ctx's error when ctx
// ends. A file that cannot otherwise be read counts the rows read so far:
// the scan names what is wrong with it.
func (r Reader) countRows(ctx context.Context, data []byte, xlsx bool, limit int) (rowCount, error) {
	var (
		src source
		c   rowCount
	)
	if xlsx {
		s, closeFn, err := r.openXLSX(ctx, data)
		if err != nil {
			return c, nil
		}
		defer closeFn()
		src = s
	} else {
		src = newCSVSource(data)
	}
	var (
		h       *headerIndex
		entries bool
		months  map[int]time.Month
		line    int
	)
	for c.rows <= limit && c.weighted <= limit {
		if err := ctx.Err(); err != nil {
			return c, fmt.Errorf("counting the file's rows: %w", err)
		}
		cells, ok, err := src.next()
		var pe problemError
		if errors.As(err, &pe) {
			// A field too long or a line too wide, seen while counting:
			// refused before the transaction.
			c.problem = &pe.p
			return c, nil
		}
		if !ok || err != nil {
			break
		}
		c.rows++
		switch {
		case h != nil && entries:
			c.weighted += rowWeight(*h, cells)
		case h != nil && months == nil:
			// The report's second header row names the months.
			c.weighted++
			sub := headers(cells)
			months = monthColumns(sub)
			if pr := duplicateMonths(c.rows, sub); pr != nil {
				c.problem = pr
				return c, nil
			}
			if len(months) == 0 {
				months = map[int]time.Month{} // a data row: readMonths refuses the file
			}
		case h != nil:
			c.weighted += monthRowWeight(*h, months, cells)
		case c.rows <= headerSearchRows && !tooLongCell(cells):
			c.weighted++
			if hi := headers(cells); hi.has("사업코드") || hi.has("사업명") {
				h, line = &hi, c.rows
				entries = hi.has("일자리 수") && hi.has("기준일")
				if !entries {
					c.months = true
					if pr := duplicateMonths(line, hi); pr != nil {
						c.problem = pr
						return c, nil
					}
					if m := monthColumns(hi); len(m) > 0 {
						months = m
					}
				}
			}
		default:
			c.weighted++
		}
	}
	return c, nil
}

// monthRowWeight is what a row of a report or template counts for
// against SlackRowCap: one per month figure it writes, HeavyRowWeight each
// for a 누계 row; at least 1.
func monthRowWeight(h headerIndex, months map[int]time.Month, cells []string) int {
	n := 0
	for col := range months {
		if col < len(cells) && monthFigure(cells[col]) {
			n++
		}
	}
	if kind, _ := cleanText(h.cell(cells, colHowKind)); kind == "누계" || kind == "누적" {
		n *= HeavyRowWeight
	}
	return max(n, 1)
}

// rowWeight is what a row below the header counts for against SlackRowCap
// (HeavyRowWeight).
func rowWeight(h headerIndex, cells []string) int {
	if v, _ := cleanText(h.cell(cells, colVoid)); v == "무효" {
		return HeavyRowWeight
	}
	switch kind, _ := cleanText(h.cell(cells, colKind)); kind {
	case "누계", "누적", "cumulative":
		return HeavyRowWeight
	}
	return 1
}

// scan reads the file's rows into sink.
func (r Reader) scan(ctx context.Context, data []byte, xlsx bool, sink commands.ImportSink) error {
	var (
		src source
		err error
	)
	if r.notes != nil {
		r.notes.List = r.notes.List[:0] // a file read again (held and sorted) says each note once
		r.notes.ProgramRows = 0
	}
	if r.credit != nil {
		r.credit.n = 0
	}
	// Counted once a file, however often it is read (held and sorted): the
	// ledger's own export said 12 marked rows where it has 6 (review r28 F4).
	clear(r.notCarried)
	if xlsx {
		var closeFn func()
		src, closeFn, err = r.openXLSX(ctx, data)
		if closeFn != nil {
			defer closeFn()
		}
	} else {
		src = newCSVSource(data)
	}
	if err != nil {
		return asProblem(err, sink)
	}
	t := &table{ctx: ctx, src: src, limits: r.Limits}
	if x, ok := src.(*xlsxSource); ok {
		// Passed on apart from the rows' problems, whose count stops a
		// table's reading: the rows are read and checked all the same.
		for _, pr := range x.sheetProblems[:min(len(x.sheetProblems), maxProblems)] {
			sink.Problem(pr)
		}
	}
	return r.readTable(t, &problems{sink: sink})
}

// problemError carries a problem that refuses the whole file.
type problemError struct{ p commands.ImportProblem }

func (e problemError) Error() string { return e.p.String() }

// source yields a sheet's rows: cells as stored (numbers and dates raw,
// formulas as their cached values, never evaluated).
type source interface {
	next() ([]string, bool, error)
	// kinds lists the sheets, for a workbook, in the order to try.
}

type csvSource struct {
	r     *csv.Reader
	bound *csvBound
}

func newCSVSource(data []byte) *csvSource {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	bound := &csvBound{r: bytes.NewReader(data), line: 1}
	r := csv.NewReader(bound)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true // each record is read before the next: its strings outlive the slice
	return &csvSource{r: r, bound: bound}
}

func (s *csvSource) next() ([]string, bool, error) {
	rec, err := s.r.Read()
	if errors.Is(err, io.EOF) {
		return nil, false, nil
	}
	var long errCSVFieldTooLong
	if errors.As(err, &long) {
		return nil, false, problemError{problem(long.line, "", "", msg("import.problem.cell_too_long",
			"Max", numbers.Format(MaxCellChars), i18n.PluralCount, MaxCellChars))}
	}
	var wide errCSVTooManyFields
	if errors.As(err, &wide) {
		return nil, false, problemError{problem(wide.line, "", "", msg("import.problem.csv_too_many_columns",
			"Max", numbers.Format(maxCSVFields), i18n.PluralCount, maxCSVFields))}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, false, problemError{problem(pe.Line, "", "", msg("import.problem.csv_format"))}
		}
		return nil, false, err
	}
	return rec, true, nil
}

// maxCSVFieldBytes is the longest field a CSV may hold as bytes: past it
// the field holds more than MaxCellChars characters whatever they are.
// encoding/csv builds a whole record before it returns it, so the field is
// refused while it streams by (a 16 MB cell cost 106 MB of heap).
const maxCSVFieldBytes = 4 * MaxCellChars

// maxCSVFields is the most fields one CSV line may hold: encoding/csv
// makes a string of each (a line of 16 million commas would cost 256 MB).
// A report of 12 months has under 20.
const maxCSVFields = 1024

type errCSVFieldTooLong struct{ line int }

func (e errCSVFieldTooLong) Error() string {
	return fmt.Sprintf("CSV line %d: a field longer than %d bytes", e.line, maxCSVFieldBytes)
}

type errCSVTooManyFields struct{ line int }

func (e errCSVTooManyFields) Error() string {
	return fmt.Sprintf("CSV line %d: more than %d fields", e.line, maxCSVFields)
}

// csvBound passes a CSV through to encoding/csv, following its quoting,
// and fails the read at the first field longer than maxCSVFieldBytes or
// line of more than maxCSVFields fields: the bytes before it are passed
// on first, so the lines before it read as usual. line counts records,
// the first 1 (a newline inside quotes continues its record).
type csvBound struct {
	r        io.Reader
	line     int
	field    int  // bytes of the current field
	fields   int  // fields of the current line
	inQuotes bool // "" inside a quoted field toggles twice: still inside
	err      error
}

func (b *csvBound) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	for i, c := range p[:n] {
		switch {
		case c == '"':
			b.inQuotes = !b.inQuotes
		case b.inQuotes:
		case c == ',':
			b.field, b.fields = 0, b.fields+1
			if b.fields >= maxCSVFields {
				b.err = errCSVTooManyFields{line: b.line}
			}
		case c == '\n':
			b.field, b.fields, b.line = 0, 0, b.line+1
			continue
		}
		if b.field++; b.field > maxCSVFieldBytes && b.err == nil {
			b.err = errCSVFieldTooLong{line: b.line}
		}
		if b.err != nil {
			if i == 0 {
				return 0, b.err
			}
			return i, nil
		}
	}
	return n, err
}

// table walks a source, counting lines (the first row is line 1) and
// refusing one longer than the row cap.
type table struct {
	ctx    context.Context // the scan stops with its error when it ends
	src    source
	limits Limits
	line   int
}

func (t *table) next() ([]string, bool, error) {
	if err := t.ctx.Err(); err != nil {
		return nil, false, fmt.Errorf("reading the file: %w", err)
	}
	cells, ok, err := t.src.next()
	if !ok || err != nil {
		return nil, false, err
	}
	t.line++
	if t.line > t.limits.Rows {
		return nil, false, problemError{problem(t.line, "", "", msg("import.problem.too_many_rows", "Max", numbers.Format(int64(t.limits.Rows)), i18n.PluralCount, t.limits.Rows))}
	}
	if tooLongCell(cells) {
		return nil, false, problemError{problem(t.line, "", "", msg("import.problem.cell_too_long",
			"Max", numbers.Format(MaxCellChars), i18n.PluralCount, MaxCellChars))}
	}
	// Korean text saved in NFD (decomposed jamo, as macOS may save a CSV)
	// is read as NFC, as typed text is: headers, title lines (연도, 제출
	// 부서) and cells alike, so no name is matched or stored decomposed
	// (review r26 M6).
	// The marks that show nothing (a soft hyphen, a zero-width space, a
	// Hangul filler) are dropped too, as from typed text, so a note is
	// checked and stored as it shows (review r35 B4). The marks a typed
	// line is refused for stay, to be refused by the cell's checks (review
	// r38 B4).
	for i, c := range cells {
		cells[i] = commands.CleanCell(c)
	}
	return cells, true, nil
}

// tooLongCell reports whether a cell holds more than MaxCellChars
// characters (counted only past MaxCellChars bytes).
func tooLongCell(cells []string) bool {
	for _, c := range cells {
		if len(c) > MaxCellChars && utf8.RuneCountInString(c) > MaxCellChars {
			return true
		}
	}
	return false
}

// cleanText is a cell's text as typed input is taken: NFC, and refused
// when it holds a control character, a direction override or a zero-width
// mark, as a typed line is (review r38 B4: a reversed note hid `내일 입사`).
func cleanText(s string) (string, bool) {
	s = norm.NFC.String(s)
	if _, _, bad := commands.ControlCharacter(s); bad || commands.HasRefusedMark(s) {
		return "", false
	}
	return strings.TrimSpace(s), true
}

// moneyWords mark a column or a sheet counted in money, which is never a
// number of jobs.
var moneyWords = []string{"금액", "예산", "사업비", "천원", "백만원", "(원)", "단위: 원", "단위:원", "원)", "₩"}

func isMoney(s string) bool {
	for _, w := range moneyWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// rowKey is a short digest of a row's cells, for idempotency keys.
func rowKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}

// firstInvalidUTF8Line is the line (from 1) of the first byte that is not
// UTF-8, and whether there is one.
func firstInvalidUTF8Line(data []byte) (int, bool) {
	if utf8.Valid(data) {
		return 0, false
	}
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, true
		}
		if data[i] == '\n' {
			line++
		}
		i += size
	}
	return line, true
}
