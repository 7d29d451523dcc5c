package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/commands/reasons"
)

// headerSearchRows is how far down a sheet the header row is looked for:
// title, 단위 and 작성 부서 rows sit above a report's table.
const headerSearchRows = 30

// maxProblems caps the problems listed: a file wrong on every line needs
// the first few named, not a hundred thousand.
const maxProblems = 200

// readTable finds the header, decides what the file is and reads its rows
// into p's sink.
func (r Reader) readTable(t *table, p *problems) error {
	var above []string // text of the rows above the header: title, 단위, 부서
	for {
		cells, ok, err := t.next()
		if err != nil {
			return asProblem(err, p.sink)
		}
		if !ok || t.line > headerSearchRows {
			p.add(0, "", "", msg("import.problem.no_header"))
			return nil
		}
		h := headers(cells)
		switch {
		case h.has("일자리 수") && (h.has("사업코드") || h.has("사업명")) && h.has("기준일"):
			p.sink.Kind(commands.ImportEntries)
			if pr := duplicateColumn(t.line, h, entryColumns); pr != nil {
				p.put(*pr)
				return nil
			}
			return r.readEntries(t, h, p)
		case h.has("사업명") || h.has("사업코드"):
			if pr := duplicateColumn(t.line, h, monthFileColumns); pr != nil {
				p.put(*pr)
				return nil
			}
			return r.readMonths(t, h, above, p)
		}
		above = append(above, strings.Join(cells, " "))
	}
}

// duplicateColumn refuses a header row naming a column the import reads
// twice (two 일자리 수): headers finds a column by its first, so the other
// would be silently dropped. The problem names the header and both
// columns; nil when none of cols repeats.
func duplicateColumn(line int, h headerIndex, cols []string) *commands.ImportProblem {
	for _, col := range cols {
		first, ok := h.at[col]
		if !ok {
			continue
		}
		for i := first + 1; i < len(h.names); i++ {
			if h.names[i] != col {
				continue
			}
			a, _ := excelize.ColumnNumberToName(first + 1)
			b, _ := excelize.ColumnNumberToName(i + 1)
			pr := problem(line, col, "", msg("import.problem.duplicate_column", "Header", col, "First", a, "Second", b))
			return &pr
		}
	}
	return nil
}

// asProblem passes a problem error to the sink as the problem that refuses
// the file; any other error is returned.
func asProblem(err error, sink commands.ImportSink) error {
	var p problemError
	if errors.As(err, &p) {
		sink.Problem(p.p)
		return nil
	}
	return err
}

// headerIndex finds columns by their header text, never by position.
type headerIndex struct {
	names []string
	at    map[string]int
}

func headers(cells []string) headerIndex {
	h := headerIndex{names: make([]string, len(cells)), at: map[string]int{}}
	for i, c := range cells {
		name := commands.CleanName(c)
		h.names[i] = name
		if _, dup := h.at[name]; !dup && name != "" {
			h.at[name] = i
		}
	}
	return h
}

func (h headerIndex) has(name string) bool { _, ok := h.at[name]; return ok }

// cell is the text of a named column in a row ("" when absent).
func (h headerIndex) cell(row []string, name string) string {
	i, ok := h.at[name]
	if !ok || i >= len(row) {
		return ""
	}
	return row[i]
}

// problems passes a file's problems to its sink, up to maxProblems, and
// counts them all.
type problems struct {
	sink commands.ImportSink
	n    int
}

func (p *problems) add(line int, column, got string, m message) {
	p.put(problem(line, column, shownCell(column, got), m))
}

// message is a problem's text: a catalogue message and its arguments.
type message struct {
	id string
	kv []any
}

func msg(id string, kv ...any) message { return message{id: id, kv: kv} }

func problem(line int, column, got string, m message) commands.ImportProblem {
	return commands.NewImportProblem(line, column, got, m.id, m.kv...)
}

func (p *problems) put(pr commands.ImportProblem) {
	p.n++
	if p.n <= maxProblems {
		p.sink.Problem(pr)
	}
}

// text reads a text cell: NFC, no control characters, and no combining
// mark on a Hangul letter, refused as a typed line is (review r42: a note
// `어́제 입사` was taken, the mark hiding 어제 from the relative-day check).
func (p *problems) text(line int, column, raw string) string {
	s, ok := cleanText(raw)
	if !ok {
		p.add(line, column, "", msg("import.problem.control_character"))
		return s
	}
	if word, r, at, found := commands.MarkOnHangul(s); found {
		p.add(line, column, "", msg("preview3.import_mark_on_hangul", "Word", word, "R", fmt.Sprintf("%04X", r), "At", at))
	}
	return s
}

// count reads a whole number of jobs, 0 or more, as a typed count is read
// (readFigure: commas where they belong, full-width digits, no sign, no
// 여); ok false when the cell is empty.
func (p *problems) count(line int, column, raw string) (int64, bool) {
	s := strings.TrimSpace(raw)
	if s == "" || s == "-" {
		return 0, false
	}
	if isMoney(s) || strings.HasSuffix(s, "원") {
		p.add(line, column, raw, msg("import.problem.money_figure"))
		return 0, false
	}
	n, m, ok := readFigure(column, s)
	if !ok {
		got := "" // the message quotes the cell as typed
		if m.id == "import.problem.money_figure" {
			got = raw
		}
		p.add(line, column, got, m)
		return 0, false
	}
	return n, true
}

// date reads a date cell: an Excel serial date, or any form commands read
// (2026-04-30, 2026. 4. 30., 4월말).
func (p *problems) date(line int, column, raw string, today time.Time) (time.Time, bool) {
	s := strings.TrimSpace(raw)
	if s == "" {
		p.add(line, column, "", msg("import.problem.date_missing", exampleDates(today)...))
		return time.Time{}, false
	}
	if serial, err := strconv.ParseFloat(s, 64); err == nil {
		t, err := excelize.ExcelDateToTime(serial, false)
		if err != nil || serial < 1 {
			p.add(line, column, raw, msg("import.problem.date_unreadable", exampleDates(today)...))
			return time.Time{}, false
		}
		return dates.On(t.Year(), t.Month(), t.Day()), true
	}
	clean, ok := cleanText(s)
	if !ok {
		p.add(line, column, "", msg("import.problem.control_character"))
		return time.Time{}, false
	}
	d, err := dates.Parse(clean, today)
	if ne, ok := errors.AsType[*dates.Error](err); ok && ne.Reason == reasons.DateAmbiguous {
		// 3/12/2026: 12 March or 3 December, asked as a typed date is (review r35q4)
		p.add(line, column, raw, msg("b7hold.import_date_ambiguous", "First", ne.From, "Second", ne.To))
		return time.Time{}, false
	}
	if err != nil {
		p.add(line, column, raw, msg("import.problem.date_unreadable", exampleDates(today)...))
		return time.Time{}, false
	}
	if past, ahead, ok := dates.AheadNextYear(clean, today); ok && past.Equal(d) {
		// 1월 2일, 1/2 imported on 31 December: this January's, long past,
		// or the coming one's, asked as the add's date is (review r42 B7)
		p.add(line, column, raw, msg("notes8.import_date_past_or_ahead", "Past", past, "Ahead", ahead))
		return time.Time{}, false
	}
	return d, true
}

// exampleDates are the dates a date problem gives as examples: the last
// day of the month before today, written as the 기준일 column takes it
// (2026. 11. 30., 2026-11-30, 11월말). An example fixed in the catalogue
// (2026. 4. 30.) was a day still to come early in a year, and typed as
// shown it was refused as future (review r37 F7); a month's last day
// before today is never ahead, and 11월말 reads as it in January too.
// Today unset (a reader with no clock): the clock's day.
func exampleDates(today time.Time) []any {
	if today.IsZero() {
		today = time.Now()
	}
	end := dates.On(today.Year(), today.Month(), 1).AddDate(0, 0, -1)
	return []any{"Date", end.Format("2006. 1. 2."), "ISO", end.Format(time.DateOnly),
		"MonthEnd", fmt.Sprintf("%d월말", end.Month())}
}

// instant reads 기록 일시 or 무효 일시, the city's wall clock (loc) as the
// export writes it: an Excel serial or 2026-04-30 15:04, or as an official
// types it, 2026. 4. 30. 15:04; zero when empty.
func (p *problems) instant(line int, column, raw string, loc *time.Location, today time.Time) time.Time {
	s := strings.TrimSpace(raw)
	if s == "" {
		return time.Time{}
	}
	if serial, err := strconv.ParseFloat(s, 64); err == nil {
		if t, err := excelize.ExcelDateToTime(serial, false); err == nil {
			t = t.Round(time.Second)
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", time.DateOnly, "2006. 1. 2. 15:04:05", "2006. 1. 2. 15:04", "2006. 1. 2."} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t
		}
	}
	p.add(line, column, raw, msg("import.problem.instant", exampleDates(today)...))
	return time.Time{}
}

// program finds a program by code or name, listing the nearest names of an
// unknown one.
func (r Reader) program(p *problems, line int, column, name string) (commands.Program, bool) {
	prog, ok := r.finder.Find(name)
	if ok {
		r.names[prog.Code] = [2]string{prog.NameKo, prog.NameEn}
		r.units[prog.Code] = prog.Unit
	}
	if !ok {
		pr := problem(line, column, name, msg("import.problem.unknown_program"))
		pr.Nearest = commands.NearestProgramNames(r.Programs, name)
		p.put(pr)
		return commands.Program{}, false
	}
	return prog, true
}

// monthLabel reads a month header: 1월 … 12월.
var monthLabel = regexp.MustCompile(`^(\d{1,2})\s*월$`)

// yearInTitle finds 2025년 in the rows above a report's table.
var yearInTitle = regexp.MustCompile(`(20\d\d)\s*년`)

// departmentInTitle finds 제출 부서: 복지정책과 above a template's table
// (the report's 작성 부서 is who wrote the report, not whose figures).
var departmentInTitle = regexp.MustCompile(`제출 부서\s*[:：]\s*(\S+)`)

func monthOf(name string) (time.Month, bool) {
	m := monthLabel.FindStringSubmatch(name)
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(m[1])
	if n < 1 || n > 12 {
		return 0, false
	}
	return time.Month(n), true
}

func lastDayOf(year int, m time.Month) time.Time { return dates.On(year, m+1, 0) }
