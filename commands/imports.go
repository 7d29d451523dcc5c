package commands

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"jobsbot/commands/i18n"
)

// SourceImport marks entries that came in from a file (jobsbot import or
// /jobs 가져오기), not typed.
const SourceImport Source = "import"

// ImportKind says which kind of file an import read.
type ImportKind string

const (
	// ImportEntries is the entries sheet or CSV the bot exports: one row per
	// entry, voided ones marked.
	ImportEntries ImportKind = "entries"
	// ImportReport is the report workbook's 사업별 보고서: programs by month.
	ImportReport ImportKind = "report"
	// ImportTemplate is a department's filled-in 취합 양식.
	ImportTemplate ImportKind = "template"
)

// ImportRow is one figure read from a file, ready to write.
type ImportRow struct {
	Line    int    // the spreadsheet line it came from (the header is line 1)
	Program string // the program's code, for the preview
	Entry   NewEntry
	// LoggedAt orders an entries file's rows as they were first recorded, so
	// that cumulative reports and voids are replayed in their order.
	LoggedAt time.Time
	// Number is the entry's number in the ledger the file was exported from
	// (번호), 0 when the file has none. Numbers follow the order entries were
	// recorded, so they order the rows, and each row's void, within one
	// minute of 기록 일시 and 무효 일시 (the export's precision).
	Number int64
	// CorrectedTo is, on a row a 정정 voided, the Number of its replacement
	// (the export's 정정 column, #N로 정정); 0 otherwise.
	CorrectedTo int64
	// UndoneOf is, on a voided row whose 정정 cell says 정정 취소(#N 되살림),
	// N: the row was the replacement of a 정정 taken back by 취소, which
	// restored the file's row N (correction_undos).
	UndoneOf int64
	// Agreement is, on a hire (채용), the Number of the agreement (약정) it
	// realised (the export's 약정 번호); 0 otherwise.
	Agreement int64
	// Within is, on a hire, the export's 누계포함 예: the hire was recorded
	// as already inside the later 누계 reports, so its import re-bases the
	// first of them as the hire did (review B4).
	Within bool
	// Separate is, on a 정정's replacement, the export's 누계포함 아니오:
	// the 정정 left the later reports' increments as they were (review r13
	// S6), so its import replays it so.
	Separate bool
	// WithinSaid: the 누계포함 cell said 예 or 아니오, an answer to whether
	// a delta dated on or before a later 누계 is inside it. A department's
	// file without it has such a delta refused, as typing asks (r13 S3).
	WithinSaid bool
	// Stated is a 누계 row's 일자리 수 cell, the increment the file says
	// the report adds (StatedSet when the cell holds a whole number): a
	// department's file whose figure differs from the increment the ledger
	// derives is refused, both named (review r13 S3).
	Stated    int64
	StatedSet bool
	// IfNotHeld are problems that stand unless the ledger already holds
	// this row's 기록 식별자 for the same record (issue 20, r16): a row of
	// the ledger's own export was answered when typed and is replayed, but
	// an identifier the ledger does not hold proves nothing (anyone can
	// type a UUID), so such a row is refused as a row without one is.
	IfNotHeld []ImportProblem
	// IfAdds are problems of a month figure that stand only if the figure
	// adds jobs to the ledger, each given the jobs added as "Added" (With):
	// a report's 비고 read against the month of its cell (issue 19, r39
	// F5) misfiles nothing when the cell is as the ledger holds it.
	IfAdds []ImportProblem
	// AfterClose: the row's 마감 후 정정 cell is marked. The mark is not
	// brought in; a row the ledger already holds keeps its own (the
	// preview tells the two apart, review r28 F4).
	AfterClose bool
	// Links are the row's 무효, 정정, 약정 번호 and 누계포함 cells as
	// written, by header, for the columns the file has (rows with a 기록
	// 식별자 only): a row the ledger holds is compared with how the ledger
	// records them, so an edit there is refused, never skipped (r26 M1).
	Links map[string]string
	// AddOrder and VoidOrder are the order the exporting ledger applied
	// the row's add and its void in (기록 순번, 무효 순번; 0 when the file
	// has no such column). A file that has them is replayed by them, not
	// by its times: an imported row keeps its file's 기록 일시 but was
	// applied when imported (review r6 X13).
	AddOrder, VoidOrder int64
	// Confirmed is the row's 확인 예: a row the import would hold as the
	// typed add holds it (one entry over the year's target, a delta that
	// reads like a 누계) is taken as the typed 확인:예 takes it (r22 F16).
	Confirmed bool
	// Voided rows of an entries file are recorded and then voided.
	Voided     bool
	VoidedAt   time.Time
	VoidedBy   string
	VoidReason string
	// MonthFigure rows (a report's or template's 증가분 months) carry the
	// month's whole figure: only its difference from what earlier imports of
	// the same program and month recorded is added.
	MonthFigure bool
	// RowTotal is a report's or template's 누계 cell of the program line
	// whose last month figure this row is (RowTotalSet when it holds a
	// number): after the line's months are taken, the ledger's year total
	// through this month must equal it, or the file is refused naming the
	// cell (review r20 G38: a year-to-date total typed into 12월 beside an
	// unchanged 누계, or an edited 누계 beside unchanged months, was
	// filed or dropped without a word).
	RowTotal    int64
	RowTotalSet bool
	// RowTotalAsOf is the day the 누계 cell is taken through: the file's
	// last month column's last day, or today in the running month.
	RowTotalAsOf time.Time
}

// ImportProblem is one thing wrong in a file, named where a spreadsheet
// shows it.
type ImportProblem struct {
	Line     int    // 0: the file as a whole
	Column   string // the header of the column, "" for a whole row
	Got      string
	Expected string   // what the cell should hold, in Korean (logs, tests)
	Nearest  []string // for an unknown program: the nearest names
	// ID and Args are Expected's message in the catalogue, so the preview
	// says it in the reader's language.
	ID   string
	Args []any
}

// NewImportProblem is a problem whose text is the catalogue's message id
// with its arguments (name, value pairs).
func NewImportProblem(line int, column, got, id string, kv ...any) ImportProblem {
	return ImportProblem{Line: line, Column: column, Got: got, ID: id, Args: kv,
		Expected: i18n.Default().Printer(Korean).T(id, kv...)}
}

// Text is the problem in lang: the line as a spreadsheet numbers it, the
// column's header as the file has it, what the cell held and what it should.
func (p ImportProblem) Text(lang Lang) string {
	pr := i18n.Default().Printer(lang)
	var b strings.Builder
	if p.Line > 0 {
		b.WriteString(pr.T("import.problem.line", "Line", p.Line))
	}
	if p.Column != "" {
		fmt.Fprintf(&b, " [%s]", p.Column)
	}
	if p.Got != "" {
		fmt.Fprintf(&b, " %q:", p.Got)
	}
	expected := p.Expected
	if p.ID != "" {
		expected = pr.T(p.ID, p.Args...)
	}
	b.WriteString(" " + expected)
	if len(p.Nearest) > 0 {
		b.WriteString(" " + pr.T("import.problem.nearest", "Names", strings.Join(p.Nearest, ", ")))
	}
	return strings.TrimSpace(b.String())
}

// With is p with more arguments for its message (name, value pairs, a
// later one replacing an earlier of the same name): a problem named while
// reading a file, completed once the ledger says what the row adds.
func (p ImportProblem) With(kv ...any) ImportProblem {
	p.Args = append(slices.Clone(p.Args), kv...)
	if p.ID != "" {
		p.Expected = i18n.Default().Printer(Korean).T(p.ID, p.Args...)
	}
	return p
}

func (p ImportProblem) String() string {
	s := ""
	if p.Line > 0 {
		s = fmt.Sprintf("%d행", p.Line)
	}
	if p.Column != "" {
		s += fmt.Sprintf(" [%s]", p.Column)
	}
	if p.Got != "" {
		s += fmt.Sprintf(" %q:", p.Got)
	}
	s += " " + p.Expected
	if len(p.Nearest) > 0 {
		s += fmt.Sprintf(" (비슷한 이름: %s)", joinComma(p.Nearest))
	}
	return s
}

func joinComma(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

// ImportFile is a file read and checked, ready for the store.
type ImportFile struct {
	Name   string // the file's name, as sent
	SHA256 string // hex of the whole file: the same file is applied once
	Kind   ImportKind
	By     string // who imports it
	Rows   []ImportRow
	// Names are the Korean and English names of the file's programs, by
	// code, for the preview.
	Names map[string][2]string
	// Units are the file's programs' units (개, 명), by code, for the
	// preview; a program missing counts in 개.
	Units map[string]string
	// NotCarried counts the rows whose marks the import does not bring in,
	// by the file's column (마감 후 정정): the preview says so, as a round
	// trip does not carry them.
	NotCarried map[string]int
	// Departments are the departments the file's rows credit (a row's 부서,
	// else its program's department), for the preview.
	Departments map[string]bool
	// Notes are what the preview says of the file besides its figures
	// and refuse nothing: the sheet of a workbook read and the hidden
	// sheets skipped, a 증가분 row whose months look like running totals.
	// The scan fills them (nil: none).
	Notes *ImportNotes
	// Applied says the file was applied before (found by its SHA-256
	// before reading it): it has no rows and adds nothing.
	Applied bool
	// Scan, when set, reads the file (again) from its bytes and streams its
	// checked rows to a sink, in file order, instead of Rows: the store
	// writes them in batches as they come, inside the import's transaction,
	// so a file of a hundred thousand rows is never held whole. Kind, Rows
	// and the file's problems then come from the scan (ImportResult.Kind,
	// ImportResult.Rows, ImportResult.Problems).
	Scan func(ImportSink) error
}

// ImportNotes are a file's notes (ImportFile.Notes), each a catalogue
// message with the line it is about (0: the file), said in the reader's
// language as problems are.
type ImportNotes struct {
	List []ImportProblem
	// ProgramRows counts the program rows a report or template was read
	// from, one a program however many months it fills: the preview says
	// how many rows were read, not how many month cells (import6: a sheet
	// of 9 programs said 108행).
	ProgramRows int
}

// Add notes m about line.
func (n *ImportNotes) Add(line int, column, id string, kv ...any) {
	n.List = append(n.List, NewImportProblem(line, column, "", id, kv...))
}

// ImportSink takes what a scan of a file reads: first its kind, then each
// checked row (a row with a problem is not passed on) and every problem.
// A Row error stops the scan and is returned by it.
type ImportSink interface {
	Kind(ImportKind)
	Row(ImportRow) error
	Problem(ImportProblem)
}

// ImportCell is one program and month of a preview.
type ImportCell struct {
	Program string
	Month   time.Time // first day of the month
	Rows    int       // rows read
	Added   int64     // realised jobs (채용 실적) the import adds (after applying, or would add), net of its voids
	Agreed  int64     // agreed jobs (약정) it adds, net of its voids: not jobs, said apart (review r6 m-3)
	// Within are the jobs of its 누계포함 예 rows, already inside a later
	// 누계 report, which keeps its total: said, so 채용 실적 0 is not read
	// as rows lost (review r27 F9).
	Within int64
	// AddedApprox and AgreedApprox: a row this file writes into the cell
	// is approximate (400여), so the figure is shown with 여 as the
	// console shows the entry (review r37 F7: the preview said +400).
	AddedApprox, AgreedApprox bool
}

// ImportResult is what an import did, or in a dry run would do.
type ImportResult struct {
	AlreadyImported bool       // this very file was applied before: nothing added
	Kind            ImportKind // what the file is, when a scan found it
	Rows            int        // rows read without a problem, when a scan read them
	Added           int        // entries added
	Unchanged       int        // rows already in the ledger
	// Present counts the rows whose 기록 식별자 (origin) the ledger already
	// holds: the same entries, exported and brought back, not added again.
	// They are among Unchanged too.
	Present int
	// AfterClosePresent counts the Present rows marked 마감 후 정정: the
	// ledger's own entries, whose marks and month closes it keeps.
	AfterClosePresent int
	Voided            int // entries voided as the file marks them
	// Kept counts the rows written whose 기록 식별자 this ledger did not
	// hold (another ledger's export, or an identifier typed in): they keep
	// the file's 기록자 and 기록 일시, and the preview says so and whose,
	// KeptBy (the first few), never silently (review r26 M3).
	Kept   int
	KeptBy []string
	// Missing are the live entries of the range an entries file
	// recognisably exports that the file lacks, by ID (review r20 G44):
	// a row deleted from an export. The import never voids them; the
	// preview names them with the 무효 line.
	Missing  []int64
	Cells    []ImportCell
	Problems []ImportProblem
}

// ProgramFinder finds the program a name in a file means: its code, an
// alias, or its Korean or English name (the matcher commands use), from an
// index built once for a whole file.
type ProgramFinder struct {
	programs []Program
	index    programIndex
}

// NewProgramFinder indexes programs by every name they answer to.
func NewProgramFinder(programs []Program) ProgramFinder {
	return ProgramFinder{programs: programs, index: newProgramIndex(programs)}
}

// Find returns the program name means.
func (f ProgramFinder) Find(name string) (Program, bool) { return f.index.find(f.programs, name) }

// NearestProgramNames names up to three active programs near a name that
// matched none, as an unknown program in a command is answered.
func NearestProgramNames(programs []Program, name string) []string {
	var out []string
	for _, p := range closestPrograms(programs, name) {
		out = append(out, p.NameKo+"("+p.Code+")")
	}
	return out
}

// ControlCharacter reports the first control character in text that typed
// input would refuse, with its 1-based position.
func ControlCharacter(text string) (rune, int, bool) { return firstControl(text) }

// FindDepartment returns the active department a name in a file means: its
// name or an alias, as commands match it.
func FindDepartment(depts []Department, name string) (Department, bool) {
	return findDepartment(depts, name)
}

// NearestDepartmentNames names up to three active departments near a name
// that matched none.
func NearestDepartmentNames(depts []Department, name string) []string {
	active := slices.DeleteFunc(slices.Clone(depts), func(d Department) bool { return !d.Active })
	var out []string
	for _, d := range closestNamed(active, departmentNames, name) {
		out = append(out, d.Name)
	}
	return out
}
