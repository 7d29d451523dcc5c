package importer

// Checks of a row beyond its cells' forms (review i31): the program its
// 사업명 names against its 사업코드, a date after today, a forecast.

import (
	"regexp"
	"strings"
	"time"

	"jobsbot/commands"
)

// rowProgram finds a row's program by its 사업코드, else its 사업명. When
// the row has both and the 사업명 names another program than the code, the
// row is refused naming both (review B9/F46: a `senior` row named
// 청년일자리 was filed under seniors). A 사업명 that names no program is
// not held against the code: a program renamed since the file was made
// keeps its code.
func (r Reader) rowProgram(p *problems, line int, code, name string) (commands.Program, bool) {
	if code == "" {
		return r.program(p, line, colName, name)
	}
	prog, ok := r.program(p, line, colCode, code)
	if !ok || name == "" {
		return prog, ok
	}
	if other, found := r.finder.Find(name); found && other.ID != prog.ID {
		p.add(line, colName, name, msg("import.problem.name_other_program", "Code", code, "Name", name, "NameCode", other.Code))
		return commands.Program{}, false
	}
	return prog, true
}

// notFuture refuses a figure dated after today, or a month figure of a
// month not yet begun, naming its line and column: an import, like a typed
// add, records jobs already created (review F42: a department's 12월
// 예상치 came in dated 2026. 12. 31.). It reports whether the date passed.
// Today unset (zero): not checked.
func (r Reader) notFuture(p *problems, line int, column string, asOf time.Time) bool {
	if r.Today.IsZero() {
		return true
	}
	today := time.Date(r.Today.Year(), r.Today.Month(), r.Today.Day(), 0, 0, 0, 0, time.UTC)
	if _, isMonth := monthOf(column); isMonth {
		// A month figure is dated the month's last day. The running month's
		// is its figure so far, as the bot's own report shows it (a report
		// exported on 5. 15. holds May to date); a month not yet begun
		// holds no job created.
		if !time.Date(asOf.Year(), asOf.Month(), 1, 0, 0, 0, 0, time.UTC).After(today) {
			return true
		}
		p.add(line, column, "", msg("import.problem.future_month", "Month", int(asOf.Month()), "Date", asOf))
		return false
	}
	if !asOf.After(today) {
		return true
	}
	p.add(line, column, "", msg("import.problem.future_date", "Date", asOf))
	return false
}

// notAfterToday dates the running month's figure today rather than the
// month's last day: it is the month so far, and a date after today is one
// a typed add refuses (review r20 G38: a 12월 figure imported on 12. 4.
// was dated 2026. 12. 31.). Today unset: the date as given.
func (r Reader) notAfterToday(asOf time.Time) time.Time {
	if r.Today.IsZero() {
		return asOf
	}
	today := time.Date(r.Today.Year(), r.Today.Month(), r.Today.Day(), 0, 0, 0, 0, time.UTC)
	if asOf.After(today) {
		return today
	}
	return asOf
}

// forecastWords mark a figure that is not yet an achievement: 예상(치),
// 예정, 전망, 목표치, 예측(치), 추정(치), and a plan: 채용 계획, 계획(안).
// A plain 목표 is not among them (a note may say a figure reached its
// target), nor is 계획 said of an achievement against its plan (계획대로
// 채용 완료, 계획 대비 120% 달성: planAchieved).
var forecastWords = []string{"예상", "예정", "전망", "목표치", "예측", "추정", "계획"}

// headerForecastWords refuse any header that says them (a column of 12월
// 예상치 would pass unread). The other forecastWords refuse a header only
// when it names a month (11월 계획): a column headed 연간 계획 or 추정
// 인원 beside the months is not read, and said nothing wrong before.
var headerForecastWords = []string{"예상", "예정", "전망", "목표치"}

// planAchieved finds 계획 said of what was achieved against the plan.
var planAchieved = regexp.MustCompile(`계획\s*(대로|대비)`)

// monthHeader finds a header that begins with a month (11월 계획).
var monthHeader = regexp.MustCompile(`^\s*\d{1,2}\s*월`)

// forecastWord is the first forecast word text says, or "".
func forecastWord(text string, words []string) string {
	text = planAchieved.ReplaceAllString(text, "")
	for _, w := range words {
		if strings.Contains(text, w) {
			return w
		}
	}
	return ""
}

// forecast refuses a row whose text says it is a forecast, naming the word.
func forecast(p *problems, line int, column, text string) {
	if w := forecastWord(text, forecastWords); w != "" {
		p.add(line, column, "", msg("import.problem.forecast", "Word", w))
	}
}

// forecastHeader refuses a header that says it holds forecasts.
func forecastHeader(p *problems, line int, name string) {
	words := headerForecastWords
	if monthHeader.MatchString(name) {
		words = forecastWords
	}
	if w := forecastWord(name, words); w != "" {
		p.add(line, name, "", msg("import.problem.forecast", "Word", w))
	}
}

// noteContradiction is the problem of a row whose note (메모, a template's
// 비고) says what contradicts how the row is filed, by the console's check
// (commands.NoteContradicts): the jobs went down, the figure is a 누계
// while the row is a 증가분, or an agreement's people are hired. A note
// never sets a field, in a file as on a typed line (k61, review r25).
func noteContradiction(line int, column, note string, count int64, cumulative bool, status commands.EntryStatus, agreementHire bool) (commands.ImportProblem, bool) {
	how, words := commands.NoteContradicts(note, count, cumulative, status, agreementHire)
	id := ""
	switch how {
	case commands.NoteSaysDecrease:
		id = "improws.import_note_decrease"
	case commands.NoteSaysTotal:
		id = "improws.import_note_total"
	case commands.NoteSaysHired:
		id = "improws.import_note_hired"
	default:
		return commands.ImportProblem{}, false
	}
	return problem(line, column, note, msg(id, "Words", words, "Column", column)), true
}
