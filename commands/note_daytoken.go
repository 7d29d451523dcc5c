package commands

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobsbot/commands/dates"
)

// Review r33 B3/B9: a day word written with a particle, a colloquial
// spelling, a word of the time of day between it and 입사, or in English
// without `on` (11/30에 입사, 12.3.에 입사, 12/3부터 근무, 목욜 입사, 목요일
// 오전 입사, 주말 동안 입사, 이번주 월요일 입사, Thursday hire, hired Thurs.,
// joined 30.11.2026) was not read while its plain form was, and the figure
// was filed on the day typed. dayTokens rewrites such tokens of a folded
// note into the plain forms noteMonthForms read, in one place, so every
// form takes every particle.

// dayTokenEdit replaces folded[start:end] with text.
type dayTokenEdit struct {
	start, end int
	text       string
}

// reDayTokenFiller is a day (11/30, 12.3., 7일, 목요일, (목), 주말), then
// what may stand between it and the start word (a particle: 에, 부터, 자로,
// 경, 쯤, 께, 날; for a weekday or the weekend a time of day too: 오전, 동안),
// then the start word. Only a non-empty filler is taken out.
var reDayTokenFiller = regexp.MustCompile(`(?P<num>[0-9]{1,2}/[0-9]{1,2}|[0-9]{1,2}\.[0-9]{1,2}\.?|[0-9]{1,2} ?일)?(?P<wd>[월화수목금토일]요일|\([월화수목금토일]\)|주말)?` +
	`(?P<fill>(?: ?(?:오전|오후|아침|저녁|낮|밤|동안|사이|중|무렵))*(?:에는|에|부터|까지|자로|자|부로|경에?|쯤에?|께|날에|날|즈음에?|중에)?)` +
	`(?P<sp> ?)(?P<start>입사|채용|근무|출근|발령|임용|입소|계약)`)

// reDayTokenColloquial is 목욜 (목요일), 월욜, …
var reDayTokenColloquial = regexp.MustCompile(`[월화수목금토일]욜`)

// reDayTokenThisWeek is 이번주 월요일, 이번 주 월요일, 금주 월요일, and
// with the colloquial 욜 (이번 주 화욜, 금주 화욜): read as 이번 주 화요일
// is (review r38 B5: the 욜 spelling was rewritten to 요일 in the same
// pass, so this pattern never saw it and 이번 주 was left in the note).
// 이번 월요일 (no 주) is read the same (review r42 B8: it was filed on
// the entry's day while 이번 주 월요일 was asked).
var reDayTokenThisWeek = regexp.MustCompile(`(?:이번 ?주|금주|이번) ?(?P<wd>[월화수목금토일])(?:요일|욜)`)

// reDayTokenThisEnglish is this Monday, this Fri: this week's day, read as
// `on Monday` when it has come by the day written (review r42 B8).
var reDayTokenThisEnglish = regexp.MustCompile(`(?i)\bthis (?P<wd>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b`)

// reDayTokenEuropean is 30.11.2026 (day, month, year) and 12/3/2026
// (month, day, year, or day first when the first is past 12).
var reDayTokenEuropean = regexp.MustCompile(`\b(?P<a>[0-9]{1,2})(?P<sep>[./])(?P<b>[0-9]{1,2})[./](?P<y>20[0-9]{2})\b`)

// reDayTokenLastDay is 말일 (the month's last day), and reDayTokenDayMonth
// a day and a month with stops and no year (31.12.), read day first only
// when the first is past 12.
var (
	reDayTokenLastDay  = regexp.MustCompile(`말일`)
	reDayTokenDayMonth = regexp.MustCompile(`\b(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.`)
)

// reDayTokenWeekNumber is a week of the year by its ISO number: 53주차,
// week 53.
var reDayTokenWeekNumber = regexp.MustCompile(`(?i)(?P<n>[0-9]{1,2}) ?주차|\bweek (?P<en>[0-9]{1,2})\b`)

// reDayTokenEnglishWeekday is an English weekday or its short form
// (Thursday, Thurs., Thu), and reDayTokenHired an English word saying the
// people started (hired, joined): with it a bare weekday names the day
// they started, as `on Thursday` does.
var (
	reDayTokenEnglishWeekday = regexp.MustCompile(`(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b`)
	reDayTokenHired          = regexp.MustCompile(`(?i)\b(?:hired?|hires|hiring|joined|started|began|employed|onboarded|recruited)\b`)
)

// reDayTokenReportMonth is the month a figure is reported in, closing a
// clause: (1월 보고), 2월 제출. It is when, not whose, so no month of the
// figure (review r33 M8: `12/30 메모:12월 30일자 채용 (1월 보고)` read 1월
// as the figure's month, and the line offered filed a 12/30 hire in
// January).
var reDayTokenReportMonth = regexp.MustCompile(`(?:^|[^0-9.])(?P<m>[0-9]{1,2} ?월) ?(?:보고|제출|보고 ?예정)(?: ?[)\],]|$)`)

// reDayTokenDayBefore is a day named before the report month (12월 30일자
// 채용 (1월 보고)): the figure's day is said, the month after is when.
var reDayTokenDayBefore = regexp.MustCompile(`[0-9]{1,2} ?월 ?[0-9]{1,2} ?일|[0-9]{1,2}/[0-9]{1,2}`)

// reDayTokenGlued is a numeric day glued to a time of day or a span word
// after it (11/30오후 입사, 11.30오전, 11/30동안 교육): read as the spaced
// form (11/30 오후), for glued to a word the number was read as a figure
// and the November note was filed in December (review r36 B3).
var reDayTokenGlued = regexp.MustCompile(`(?:^|[^0-9./])(?P<d>[0-9]{1,2}(?:/|\. ?)[0-9]{1,2}\.?)(?:오전|오후|아침|저녁|낮|밤|동안|무렵)`)

// dayTokenWeekday is a Korean weekday's place from Monday.
var dayTokenWeekday = map[string]int{"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}

// dayTokens is the folded note with its day tokens in their plain forms,
// and offs (noteFold's) carried over: replaced text maps to the start of
// what it replaces, and the byte after a removal to the removal's start,
// so a word quoted back is the note's own (11/30 of 11/30에, 목욜 of 목욜,
// 이번주 월요일 of 이번주 월요일, Thursday of Thursday).
func dayTokens(folded string, offs []int, asOf, today time.Time) (string, []int) {
	// first the spellings (목욜, 이번주 월요일, 30.11.2026, Thursday), then
	// what stands between the day and its start word (목욜 오후 입사)
	edits := append(daySpellings(folded, asOf, today), quarterSpellings(folded)...)
	edits = append(edits, dayListSpellings(folded)...) // 12/9·10·11 (dates7)
	folded, offs = applyDayTokenEdits(folded, offs, append(edits, gluedDaySpellings(folded, asOf, today)...))
	return applyDayTokenEdits(folded, offs, dayFillers(folded))
}

// reDayTokenQuarter is a quarter written Q4, 4Q, Q4'26, 2026 Q4 or Q4
// 2026 (review r35 B2: `q4 실적` typed in January was filed in January
// while `4분기 실적` is asked).
var reDayTokenQuarter = regexp.MustCompile(`(?i)\b(?:(?P<y1>20[0-9]{2}) ?)?(?:q(?P<q>[1-4])|(?P<q2>[1-4])q)(?:['’](?P<y2>[0-9]{2})| (?P<y3>20[0-9]{2}))?\b`)

// quarterSpellings rewrite the Q forms as the quarter word the quarter
// reader reads (q4 → 4분기, 2026 Q4 → 2026년 4분기), so they are asked
// as `4분기` and `작년 4분기` are.
func quarterSpellings(folded string) []dayTokenEdit {
	var edits []dayTokenEdit
	for _, m := range reDayTokenQuarter.FindAllStringSubmatchIndex(folded, -1) {
		g := func(name string) string {
			i := reDayTokenQuarter.SubexpIndex(name)
			if m[2*i] < 0 {
				return ""
			}
			return folded[m[2*i]:m[2*i+1]]
		}
		var years []string
		for _, y := range []string{g("y1"), g("y2"), g("y3")} {
			if len(y) == 2 {
				y = "20" + y
			}
			if y != "" {
				years = append(years, y)
			}
		}
		text := g("q") + g("q2") + "분기"
		switch {
		case len(years) == 1:
			text = years[0] + "년 " + text
		case len(years) > 1:
			continue // 2026 Q4 2027: two years, no one quarter
		}
		edits = append(edits, dayTokenEdit{m[0], m[1], text})
	}
	return edits
}

// dayFillers are the particles and times of day between a day and its
// start word, taken out (11/30에 입사 → 11/30 입사).
func dayFillers(folded string) []dayTokenEdit {
	var edits []dayTokenEdit
	for _, m := range reDayTokenFiller.FindAllStringSubmatchIndex(folded, -1) {
		group := func(name string) (int, int) {
			i := reDayTokenFiller.SubexpIndex(name)
			return m[2*i], m[2*i+1]
		}
		ns, _ := group("num")
		ws, _ := group("wd")
		fs, fe := group("fill")
		ss, se := group("start")
		if ns < 0 && ws < 0 || fs == fe {
			continue
		}
		fill := folded[fs:fe]
		if ws < 0 && strings.ContainsAny(strings.TrimSpace(fill), " ") || ws < 0 && hasAnyPrefix(strings.TrimSpace(fill), []string{"오전", "오후", "아침", "저녁", "낮", "밤", "동안", "사이", "중", "무렵"}) {
			continue // 3일 동안 근무: a span, not a day
		}
		if ne := m[2*reDayTokenFiller.SubexpIndex("num")+1]; (ws >= 0 || ns >= 0 && folded[ne-len("일"):ne] == "일") && slices.Contains(noteParticles, fill) {
			continue // 30일자 입사, 목요일에 입사: read as they are (dayWordAfter)
		}
		word := folded[ss:se]
		if word == "근무" && !strings.HasSuffix(fill, "부터") {
			continue // 7일까지 근무, 주말 근무자: no start
		}
		edits = append(edits, dayTokenEdit{fs, fe, ""})
		if word == "근무" {
			edits = append(edits, dayTokenEdit{ss, se, "입사"}) // 12/3부터 근무: they started that day
		}
	}
	return edits
}

// daySpellings are the day words spelled other than noteMonthForms read.
func daySpellings(folded string, asOf, today time.Time) []dayTokenEdit {
	var edits []dayTokenEdit
	for _, m := range reDayTokenGlued.FindAllStringSubmatchIndex(folded, -1) {
		edits = append(edits, dayTokenEdit{m[3], m[3], " "})
	}
	for i := range len(folded) {
		// 입사[12/3]: square brackets read as round ones (review r36 B3)
		switch folded[i] {
		case '[':
			edits = append(edits, dayTokenEdit{i, i + 1, "("})
		case ']':
			edits = append(edits, dayTokenEdit{i, i + 1, ")"})
		}
	}
	for _, m := range reDayTokenReportMonth.FindAllStringSubmatchIndex(folded, -1) {
		if !reDayTokenDayBefore.MatchString(folded[:m[2]]) {
			continue // (11월 보고) alone may say whose report the figure is
		}
		edits = append(edits, dayTokenEdit{m[2], m[3], ""})
	}
	for _, loc := range reDayTokenColloquial.FindAllStringIndex(folded, -1) {
		edits = append(edits, dayTokenEdit{loc[0] + len("월"), loc[1], "요일"})
	}
	for _, m := range reDayTokenThisWeek.FindAllStringSubmatchIndex(folded, -1) {
		if hangulBefore(folded[:m[0]]) {
			continue
		}
		wd := dayTokenWeekday[folded[m[2]:m[3]]]
		if !asOf.IsZero() {
			from := written(asOf, today)
			if wd > (int(from.Weekday())+6)%7 {
				continue // 이번주 금요일 on a Wednesday: a day to come, not this reader's
			}
		}
		edits = append(edits, dayTokenEdit{m[0], m[2], ""}) // 이번주 월요일: the latest Monday, as 월요일 is
	}
	if lower := asciiLower(folded); !asOf.IsZero() && (reDayTokenHired.MatchString(folded) || reEnglishStart.MatchString(lower) || reStartBefore.MatchString(lower)) {
		from := written(asOf, today)
		for _, m := range reDayTokenThisEnglish.FindAllStringSubmatchIndex(lower, -1) {
			w := lower[m[2]:m[3]]
			if !englishWeekday(w) || thisWeekDay(w[:3], from).After(from) {
				continue // this Friday on a Wednesday: a day to come (NoteStartsLater)
			}
			edits = append(edits, dayTokenEdit{m[0], m[0] + len("this"), "on"}) // this Monday hire: as on Monday
		}
	}
	if !asOf.IsZero() {
		edits = append(edits, namedDaySpellings(folded, written(asOf, today))...)
	}
	for _, m := range reDayTokenEuropean.FindAllStringSubmatchIndex(folded, -1) {
		a, b, y := folded[m[2]:m[3]], folded[m[6]:m[7]], folded[m[8]:m[9]]
		month, day := b, a // 30.11.2026: day first
		if folded[m[4]:m[5]] == "/" && len(a) <= 2 && atoiOr(a) <= 12 {
			month, day = a, b // 12/3/2026: month first, as the bot's 11/30 is
		}
		edits = append(edits, dayTokenEdit{m[0], m[1], y + "-" + month + "-" + day})
	}
	for _, loc := range reDayTokenLastDay.FindAllStringIndex(folded, -1) {
		if hangulBefore(folded[:loc[0]]) || strings.HasSuffix(strings.TrimRight(folded[:loc[0]], " "), "월") {
			continue // 12월 말일 is read as 12월 말; 주말일 is no month end
		}
		edits = append(edits, dayTokenEdit{loc[0], loc[1], "월말"}) // 말일 입사: as 월말 입사 (review r35 B2)
	}
	for _, m := range reDayTokenDayMonth.FindAllStringSubmatchIndex(folded, -1) {
		d, mo := atoiOr(folded[m[2]:m[3]]), atoiOr(folded[m[4]:m[5]])
		if d <= 12 || mo < 1 || mo > 12 || m[1] < len(folded) && folded[m[1]] >= '0' && folded[m[1]] <= '9' {
			continue // 12.3. is 3 December; 31.12.2026 is reDayTokenEuropean's
		}
		// joined 31.12.: the day first, as 30.11.2026 is (review r35 B2)
		edits = append(edits, dayTokenEdit{m[2], m[5], folded[m[4]:m[5]] + "/" + folded[m[2]:m[3]]})
	}
	for _, m := range reDayTokenWeekNumber.FindAllStringSubmatchIndex(folded, -1) {
		if asOf.IsZero() || hangulBefore(folded[:m[0]]) || strings.HasSuffix(strings.TrimRight(folded[:m[0]], " "), "월") {
			continue // 12월 5주차 is a week of a month (monthWeek)
		}
		n, text := "", "지난주"
		if m[2] >= 0 {
			n = folded[m[2]:m[3]]
		} else {
			n, text = folded[m[4]:m[5]], "last week"
		}
		// 53주차 typed in the week after ISO week 53: last week, asked as
		// 지난주 is (review r35 B2); another week's number is left
		if _, w := written(asOf, today).AddDate(0, 0, -7).ISOWeek(); w == atoiOr(n) {
			edits = append(edits, dayTokenEdit{m[0], m[1], text})
		}
	}
	{
		hired := reDayTokenHired.MatchString(folded)
		for _, loc := range reDayTokenEnglishWeekday.FindAllStringIndex(folded, -1) {
			w := strings.ToLower(folded[loc[0]:loc[1]])
			if !englishWeekday(w) || (w == "sat" || w == "sun" || w == "wed") && !strings.HasPrefix(folded[loc[1]:], ".") {
				continue // sat an exam, the sun, wed: words, unless written Sat.
			}
			// first day Monday, start date Monday: the start named before
			// the day, read as hired Monday is (review r42 B8)
			if !hired && !reStartBefore.MatchString(strings.TrimRight(asciiLower(folded[:loc[0]]), " ")) {
				continue
			}
			prev := strings.Fields(strings.ToLower(folded[:loc[0]]))
			if len(prev) > 0 && !strings.HasSuffix(folded[:loc[0]], " ") {
				continue
			}
			if len(prev) > 0 && hasAnySuffix(prev[len(prev)-1], []string{"on", "last", "past", "every", "next", "this", "coming", "each", "until", "till", "by", "from"}) {
				continue // on Thursday is read as it is; next Thursday is to come
			}
			edits = append(edits, dayTokenEdit{loc[0], loc[0], "on "})
		}
	}
	return edits
}

// applyDayTokenEdits applies edits (overlaps after the first dropped) to
// folded and offs.
func applyDayTokenEdits(folded string, offs []int, edits []dayTokenEdit) (string, []int) {
	if len(edits) == 0 {
		return folded, offs
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	out := make([]int, 0, len(offs))
	pos, pending := 0, -1
	keep := func(from, to int) {
		b.WriteString(folded[from:min(to, len(folded))])
		for i := from; i < to; i++ {
			o := offs[i]
			if pending >= 0 {
				// the byte after a removal maps to its start: 11/30에
				// 입사's word ends before 에, 이번주 월요일's starts at 이번주
				o, pending = pending, -1
			}
			out = append(out, o)
		}
	}
	for _, e := range edits {
		if e.start < pos {
			continue
		}
		keep(pos, e.start)
		if e.text != "" {
			b.WriteString(e.text)
			for range len(e.text) {
				out = append(out, offs[e.start])
			}
			pending = -1
		} else if e.end > e.start {
			pending = offs[e.start]
		}
		pos = e.end
	}
	keep(pos, len(folded)+1) // and the end's
	return b.String(), out
}

func atoiOr(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// dayAheadReply is the refusal of a bare day of the month (`7일 입사`)
// that is still to come in the entry's month on the day typed, or "":
// read as the month before's (2026. 11. 7. on 12. 4.) it is a guess, for
// the people may start on 12. 7. and are not hired yet (review r33 M2).
// Both days are named: the line dated the month before's day, and none for
// the day to come.
func (s *Service) dayAheadReply(r noteRead, asOf time.Time, dated, kept string) string {
	if r.day.IsZero() || r.relative || r.dayWord || r.inMonth || !r.weekAgoFrom.IsZero() {
		return ""
	}
	ahead := dates.On(asOf.Year(), asOf.Month(), r.day.Day())
	if ahead.Day() != r.day.Day() || !ahead.After(s.today()) || !r.day.Equal(dates.On(asOf.Year(), asOf.Month()-1, r.day.Day())) {
		return ""
	}
	return s.msg("daywords.note_day_ahead", "Word", r.word, "Named", s.date(r.day), "Ahead", s.date(ahead), "Date", s.date(asOf),
		"Dated", dated, "Kept", kept)
}

// startsLater is noteStartsLater as of the day typed: a start in a month
// that has come by today (`12월 입사` on a 2026. 11. 30. entry typed on
// 2027. 2. 2.) is no start to come, for December 2026 is past; it is read
// as the month it names (review r33 M9: it was refused as "아직 입사 전").
func startsLater(note string, asOf, today time.Time) (string, bool) {
	w, later := noteStartsLater(note, asOf)
	if !later || today.IsZero() {
		return w, later
	}
	folded, _ := noteFold(w)
	m := reFutureStart.FindStringSubmatch(folded)
	if m == nil {
		return w, later // 내일 입사, 다음주 입사: counted from the day typed
	}
	num := func(name string) int { return atoiOr(m[reFutureStart.SubexpIndex(name)]) }
	month, day := num("m"), num("d")
	if month == 0 {
		month, day = num("sm"), num("sd")
	}
	if day > 0 {
		if _, _, both := dates.AheadNextYear(fmt.Sprintf("%d/%d", month, day), today); both {
			return "", false // 1/2 입사 on 12/31: asked with both years (review r41 F10)
		}
	}
	start := dates.On(asOf.Year(), time.Month(month), max(day, 1))
	if start.Before(asOf) || start.Equal(asOf) && day == 0 {
		start = dates.On(asOf.Year()+1, time.Month(month), max(day, 1))
	}
	if start.After(today) {
		return w, true
	}
	return "", false
}

// weekendOfEntryReply is the refusal of `주말` on an entry dated in
// another week than the weekend before the day typed, or "": the README
// counts relative words from the day typed, so that weekend is offered,
// but the entry's own weekend is as likely (review r33 M10: on 2027. 2. 2.
// `2026. 12. 28. 메모:주말에 입사` offered only 2027. 1. 30., filing a
// December 2026 hire in 2027 with no word about the year). Both weekends
// are named, each with its line, and the year said when it changes.
func (s *Service) weekendOfEntryReply(r noteRead, asOf time.Time, dated, kept string) string {
	if r.weekend.IsZero() {
		return ""
	}
	sat, day, ok := entryWeekend(r, asOf)
	if !ok {
		return ""
	}
	entryLine := strings.Replace(kept, s.date(asOf), s.date(day), 1)
	reply := s.msg("daywords.note_weekend_two", "Word", r.word, "Today", s.date(s.today()), "From", s.date(r.weekend),
		"To", s.date(r.weekend.AddDate(0, 0, 1)), "Date", s.date(asOf), "EntryFrom", s.date(sat), "EntryTo", s.date(sat.AddDate(0, 0, 1)),
		"Dated", dated, "EntryLine", entryLine, "Kept", kept)
	if r.weekend.Year() != asOf.Year() {
		reply += " " + s.msg("daywords.note_weekend_other_year", "From", s.date(r.weekend), "Year", r.weekend.Year(), "EntryYear", asOf.Year())
	}
	return reply
}

// ambiguousNoteDate is the refusal of a note date written with the year
// last whose first two numbers could each be the month
// (`12.1.2026`: 1 December written month first, or 12 January day
// first), or "": it was read day first, and the line offered filed a
// December hire in January (review r35 M7). Both days are named, each
// with its line, the note's date written year first there. `30.11.2026`
// (30 is no month) and `12.12.2026` name one day and are read.
func (s *Service) ambiguousNoteDate(p Program, d entryDraft) string {
	word, first, second, ok := ambiguousNoteDays(d.note)
	if !ok {
		return ""
	}
	line := func(day time.Time) string {
		date := s.date(day)
		if s.lang != Korean {
			date = day.Format(time.DateOnly)
		}
		return s.draftLine(p, d, day, strings.Replace(d.note, word, date, 1))
	}
	return s.msg("r35q4.note_date_ambiguous", "Word", word, "First", s.date(first), "Second", s.date(second),
		"FirstLine", line(first), "SecondLine", line(second))
}

// ambiguousNoteDays finds the first note date with the year last that
// reads both ways (ambiguousNoteDate): the word as the note has it, and
// its two days, month first and day first. Dotted or with slashes alike
// (review r35q4: `3/12/2026` was read month first without a word, while
// `3.12.2026` was asked); one rule wherever a note is read (an add, a
// 채용, an imported row).
func ambiguousNoteDays(note string) (word string, first, second time.Time, ok bool) {
	folded, offs := noteFold(note)
	for _, m := range reDayTokenEuropean.FindAllStringSubmatchIndex(folded, -1) {
		a, b, y := atoiOr(folded[m[2]:m[3]]), atoiOr(folded[m[6]:m[7]]), atoiOr(folded[m[8]:m[9]])
		if a == b || a < 1 || b < 1 || a > 12 || b > 12 {
			continue
		}
		return note[offs[m[0]]:offs[m[1]]], dates.On(y, time.Month(a), b), dates.On(y, time.Month(b), a), true
	}
	return "", time.Time{}, time.Time{}, false
}

// NoteDateAmbiguous is ambiguousNoteDays for the importer: a note cell's
// date with the year last that reads both ways (`12.1.2026`, `3/12/2026`)
// is refused as the typed line's is, naming both days.
func NoteDateAmbiguous(note string) (word string, first, second time.Time, ok bool) {
	return ambiguousNoteDays(note)
}

// noteWeekendClosed is the two-weekends reply (weekendOfEntryReply) when
// the entry's own weekend lies in a closed month, or "": the line dated
// that weekend is one only a manager can record, with 사유: (review r35
// M12: staff were offered it, and typed back it was refused as closed).
// why is the refusal the draft got; the reply keeps the two lines the
// caller can type, and for the closed weekend names the managers (staff)
// or says to add 사유: (a manager).
func (s *Service) noteWeekendClosed(ctx context.Context, p Program, d entryDraft, why string, manager bool) (string, error) {
	today := s.today()
	asOf := today
	if d.date != nil {
		asOf = *d.date
	}
	refusal, dated := s.noteNamesAnotherMonth(p, d, asOf, today)
	if refusal != why || dated.IsZero() {
		return "", nil
	}
	var r noteRead
	for _, read := range noteMonths(d.note, asOf, today) {
		if !read.weekend.IsZero() {
			r = read
			break
		}
	}
	if r.weekend.IsZero() {
		return "", nil
	}
	sat, day, ok := entryWeekend(r, asOf)
	if !ok {
		return "", nil
	}
	closes, err := s.store.MonthClosesBetween(ctx, sat, asOf)
	if err != nil || len(closes) == 0 {
		return "", err
	}
	for _, c := range closes {
		if c.Month.Year() == asOf.Year() && c.Month.Month() == asOf.Month() {
			return "", nil // the entry's own month closed: refused as closed once typed
		}
	}
	id := "offered19.note_weekend_closed"
	if manager {
		id = "offered19.note_weekend_closed_manager" // a manager records it with 사유:
	}
	return s.msg(id, "EntryDay", s.date(day), "Word", r.word, "Today", s.date(today), "From", s.date(r.weekend),
		"To", s.date(r.weekend.AddDate(0, 0, 1)), "Date", s.date(asOf), "EntryFrom", s.date(sat), "EntryTo", s.date(sat.AddDate(0, 0, 1)),
		"Dated", s.draftLine(p, d, dated, d.note), "Kept", s.keptLine(p, d, asOf, r.word),
		"Month", s.period(monthPeriod(closes[0].Month)), "Managers", s.managerNames(ctx)), nil
}

// entryWeekend is the Saturday of the weekend on or before asOf and the
// day the two-weekends reply dates its line (that Saturday, or asOf on
// its Sunday); ok=false when that weekend is the one the note's r names.
func entryWeekend(r noteRead, asOf time.Time) (sat, day time.Time, ok bool) {
	if r.weekend.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	sat = asOf
	for ; sat.Weekday() != time.Saturday; sat = sat.AddDate(0, 0, -1) {
	}
	if sat.Equal(r.weekend) {
		return time.Time{}, time.Time{}, false
	}
	day = sat
	if asOf.Weekday() == time.Sunday {
		day = asOf
	}
	return sat, day, true
}

// entryWeekendLine is the day of the two-weekends reply's line for the
// entry's own weekend when the note's 주말 asks it, so the refusal holds
// that line with the other two as one question.
func (s *Service) entryWeekendLine(note string, asOf, today time.Time) (time.Time, bool) {
	for _, r := range noteMonths(note, asOf, today) {
		if !r.weekend.IsZero() {
			_, day, ok := entryWeekend(r, asOf)
			return day, ok
		}
	}
	return time.Time{}, false
}

// reDayTokenThisMonthDay is a day of the month written named with it:
// 이달 4일, 금월 4일, 이번 달 4일, this month's 4th, the 4th of this month.
var reDayTokenThisMonthDay = regexp.MustCompile(`(?i)(?:이번 ?달|이달|금월) ?(?P<d>[0-9]{1,2}) ?일|\bthis month(?:['’]s)? (?:the )?(?P<ed>[0-9]{1,2})(?:st|nd|rd|th)\b|\bthe (?P<ed2>[0-9]{1,2})(?:st|nd|rd|th) (?:of )?this month\b`)

// namedDaySpellings rewrite a day whose month the note names as the full
// date, so the day readers ask about that one day (review r40 B7/B8): 이달
// 4일 is the month written's 4th, never asked as "지난달 11. 4.인지"; 4일
// 금요일, 4일(금), Friday the 4th the day of this or a neighbouring month
// on that weekday (dayOfWeekday), never the latest Friday. A day with a
// weekday no near month holds is left as it was.
func namedDaySpellings(folded string, from time.Time) []dayTokenEdit {
	var edits []dayTokenEdit
	iso := func(t time.Time) string { return fmt.Sprintf("%d-%d-%d", t.Year(), t.Month(), t.Day()) }
	for _, m := range reDayTokenThisMonthDay.FindAllStringSubmatchIndex(folded, -1) {
		if hangulBefore(folded[:m[0]]) {
			continue
		}
		n := 0
		for _, g := range []int{1, 2, 3} {
			if m[2*g] >= 0 {
				n = atoiOr(folded[m[2*g]:m[2*g+1]])
			}
		}
		if day := dates.On(from.Year(), from.Month(), n); day.Day() == n {
			edits = append(edits, dayTokenEdit{m[0], m[1], iso(day)})
		}
	}
	lower := asciiLower(folded)
	for _, m := range reDayWeekday.FindAllStringSubmatchIndex(lower, -1) {
		if hangulBefore(lower[:m[0]]) || m[0] > 0 && strings.ContainsAny(lower[m[0]-1:m[0]], "0123456789/.") {
			continue
		}
		d, weekday := reDayWeekdayGroup(lower, m)
		if day, ok := dayOfWeekday(d, weekday, from); ok {
			edits = append(edits, dayTokenEdit{m[0], m[1], iso(day)})
		}
	}
	return edits
}

// Issue 19 (review r40 B5/B6, r39 F1/F2/F4/F12): a day glued to 부 or to
// a weekday (11/30부 입사, 11/30월 입사, 11/30(월요일)), a day with its
// weekday in brackets (27일(금), 금요일(27일)), a day written day first
// with no stop (30.11 입사, joined 30/11, 15.12 입사), an English day
// glued or ordinal (30Nov, Nov30, the 30th, 11/30am, 11/30Mon), a weekday
// cut to one syllable after a week word (저번주 금), a part of this week
// or month (주초, 이번 주 초, 월초), a month's week and weekday (11월
// 마지막 주 금요일) and the quarter or half before (지난 분기, 전 분기,
// 지난 반기) were not read, and the figure was filed on the entry's day.
// They are rewritten here into the forms the note readers read, so they
// are asked or refused, naming the note's own word, as those are.
var (
	reDayTokenGluedBu      = regexp.MustCompile(`(?:^|[^0-9./])(?P<d>[0-9]{1,2}(?:/|\. ?)[0-9]{1,2})부(?P<next>터|로|\z)?`)
	reDayTokenGluedWeekday = regexp.MustCompile(`(?:^|[^0-9./])(?P<mo>[0-9]{1,2})(?:/|\. ?)[0-9]{1,2}\.?(?P<w>(?P<wd>[월화수목금토일])(?:요일)?)(?P<next>[가-힣])?`)
	reDayTokenBracketWd    = regexp.MustCompile(`\((?P<wd>[월화수목금토일])요일\)`)
	reDayTokenDayWeekday   = regexp.MustCompile(`(?:^|[^0-9./])(?P<d>[0-9]{1,2}) ?일 ?(?P<w>\([월화수목금토일](?:요일)?\))`)
	reDayTokenWeekdayDay   = regexp.MustCompile(`[월화수목금토일]요일 ?\((?P<d>[0-9]{1,2}) ?일\)`)
	reDayTokenDayFirst     = regexp.MustCompile(`(?:^|[^0-9./:,])(?P<d>[0-9]{1,2})[./](?P<m>[0-9]{1,2})(?P<next>[0-9./%:,]|$)?`)
	reDayTokenFigureUnit   = regexp.MustCompile(`(?i)^ ?(?:월|배|%|퍼센트|정도|가량|명|개|건|원|천|만|억|세|살|시간|시|분|초|점|년|개월|달|주|일|km|kg|x\b|times\b|of\b|hours?\b|hrs?\b|h\b|years?\b|yrs?\b|percent\b|people\b|jobs?\b|million\b|k\b)`)
	reDayTokenEnglishGlued = regexp.MustCompile(`(?i)\b(?:(?P<d>[0-9]{1,2})(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?P<d2>[0-9]{1,2}))\b`)
	reDayTokenOrdinal      = regexp.MustCompile(`(?i)\b(?:on )?the (?P<d>[0-9]{1,2})(?:st|nd|rd|th)\b(?: of (?:the |this |last )?month\b)?`)
	reDayTokenAmPm         = regexp.MustCompile(`(?i)[0-9]{1,2}[/.][0-9]{1,2}(?P<w>a\.?m\.?|p\.?m\.?)(?:\b|$)`)
	reDayTokenEnglishWdGlu = regexp.MustCompile(`(?i)[0-9]{1,2}/[0-9]{1,2}(?P<w>(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b`)
	reDayTokenShortWeekday = regexp.MustCompile(`(?P<p>지난 ?주|저번 ?주|지난|저번) ?(?P<wd>[월화수목금토일])(?P<next>[가-힣])?`)
	reDayTokenWeekStart    = regexp.MustCompile(`(?:이번 ?주 ?|금주 ?)?주?초(?P<next>[가-힣])?`)
	reDayTokenMonthStart   = regexp.MustCompile(`(?:이번 ?달 ?|이달 ?|금월 ?)?월초`)
	reDayTokenLastQuarter  = regexp.MustCompile(`(?:지난|전|직전|저번|이전) ?(?:(?P<q>분기)|(?P<h>반기))`)
)

// dayTokenEnglishWeekdays are the Korean weekday syllables of the English
// weekdays.
var dayTokenEnglishWeekdays = map[string]string{"mon": "월", "tue": "화", "wed": "수", "thu": "목", "fri": "금", "sat": "토", "sun": "일"}

// subexpAt is where group name of re matched in s (m from
// FindAllStringSubmatchIndex) and its text; -1, -1, "" where it did not.
func subexpAt(s string, re *regexp.Regexp, m []int, name string) (int, int, string) {
	i := re.SubexpIndex(name)
	if m[2*i] < 0 {
		return -1, -1, ""
	}
	return m[2*i], m[2*i+1], s[m[2*i]:m[2*i+1]]
}

// gluedDaySpellings are the issue-19 spellings (above), each rewritten as
// the plain form the readers take: 11/30 부, 11/30(월), 27일, 11/30, 30
// Nov, 30일, 지난주 금요일, 월요일, 1일, 11/27, 3분기.
func gluedDaySpellings(folded string, asOf, today time.Time) []dayTokenEdit {
	var edits []dayTokenEdit
	group := func(re *regexp.Regexp, m []int, name string) (int, int, string) { return subexpAt(folded, re, m, name) }
	for _, m := range reDayTokenGluedBu.FindAllStringSubmatchIndex(folded, -1) {
		if _, _, next := group(reDayTokenGluedBu, m, "next"); next == "터" || next == "로" {
			continue // 11/30부터, 11/30부로 are read as they are
		}
		_, de, _ := group(reDayTokenGluedBu, m, "d")
		edits = append(edits, dayTokenEdit{de, de, " "}) // 11/30부 입사: as 11/30 부 입사
	}
	for _, m := range reDayTokenGluedWeekday.FindAllStringSubmatchIndex(folded, -1) {
		ws, we, _ := group(reDayTokenGluedWeekday, m, "w")
		_, _, wd := group(reDayTokenGluedWeekday, m, "wd")
		if _, _, next := group(reDayTokenGluedWeekday, m, "next"); next != "" && we-ws == len("월") {
			continue // 12/3월말, 11/30일자: no weekday
		}
		if _, _, mo := group(reDayTokenGluedWeekday, m, "mo"); atoiOr(mo) > 12 {
			continue // '26.11월, 26.11월분: a year and its month, no weekday
		}
		edits = append(edits, dayTokenEdit{ws, we, "(" + wd + ")"}) // 11/30월 입사: as 11/30(월)
	}
	for _, m := range reDayTokenBracketWd.FindAllStringSubmatchIndex(folded, -1) {
		edits = append(edits, dayTokenEdit{m[0], m[1], "(" + folded[m[2]:m[3]] + ")"}) // (월요일): as (월)
	}
	for _, m := range reDayTokenDayWeekday.FindAllStringSubmatchIndex(folded, -1) {
		ds, _, d := group(reDayTokenDayWeekday, m, "d")
		_, we, _ := group(reDayTokenDayWeekday, m, "w")
		edits = append(edits, dayTokenEdit{ds, we, d + "일"}) // 27일(금): the 27th, as 27일 is
	}
	for _, m := range reDayTokenWeekdayDay.FindAllStringSubmatchIndex(folded, -1) {
		_, _, d := group(reDayTokenWeekdayDay, m, "d")
		edits = append(edits, dayTokenEdit{m[0], m[1], d + "일"}) // 금요일(27일): the same
	}
	edits = append(edits, dayFirstSpellings(folded)...)
	if reDayTokenHired.MatchString(folded) || reEnglishStart.MatchString(asciiLower(folded)) {
		for _, m := range reDayTokenOrdinal.FindAllStringSubmatchIndex(folded, -1) {
			_, _, d := group(reDayTokenOrdinal, m, "d")
			edits = append(edits, dayTokenEdit{m[0], m[1], d + "일자"}) // started on the 30th: as 30일자
		}
	}
	for _, m := range reDayTokenAmPm.FindAllStringSubmatchIndex(folded, -1) {
		ws, we, _ := group(reDayTokenAmPm, m, "w")
		// 11/30am: as 11/30, the word quoted back 11/30am
		edits = append(edits, dayTokenEdit{m[0], we, folded[m[0]:ws]})
	}
	for _, m := range reDayTokenEnglishWdGlu.FindAllStringSubmatchIndex(folded, -1) {
		ws, we, w := group(reDayTokenEnglishWdGlu, m, "w")
		_, _, wd := group(reDayTokenEnglishWdGlu, m, "wd")
		if !englishWeekday(strings.ToLower(w)) {
			continue
		}
		edits = append(edits, dayTokenEdit{ws, we, "(" + dayTokenEnglishWeekdays[strings.ToLower(wd)] + ")"}) // 11/30Mon: as 11/30(월)
	}
	for _, m := range reDayTokenShortWeekday.FindAllStringSubmatchIndex(folded, -1) {
		_, _, p := group(reDayTokenShortWeekday, m, "p")
		_, we, wd := group(reDayTokenShortWeekday, m, "wd")
		if _, _, next := group(reDayTokenShortWeekday, m, "next"); next != "" || hangulBefore(folded[:m[0]]) {
			continue // 지난주 금요일 is read as it is; 지난 일은 is no weekday
		}
		if wd == "일" || !strings.Contains(p, "주") && wd == "월" {
			continue // 지난 월, 지난주 일: a month, work
		}
		edits = append(edits, dayTokenEdit{we, we, "요일"}) // 저번주 금: as 저번주 금요일
	}
	for _, m := range reDayTokenWeekStart.FindAllStringSubmatchIndex(folded, -1) {
		text := folded[m[0]:m[1]]
		if _, _, next := group(reDayTokenWeekStart, m, "next"); next != "" {
			text = strings.TrimSuffix(text, next)
		}
		digitBefore := m[0] > 0 && folded[m[0]-1] >= '0' && folded[m[0]-1] <= '9'
		if !strings.Contains(text, "주") || strings.HasPrefix(text, "초") || hangulBefore(folded[:m[0]]) || digitBefore ||
			len(text) < m[1]-m[0] && !hasAnyPrefix(folded[m[0]+len(text):], []string{"에", "부터"}) {
			continue // 주초과, 3주초: no part of this week
		}
		// 주초 입사, 이번 주 초: this week's Monday, as 이번주 월요일 is
		edits = append(edits, dayTokenEdit{m[0], m[0] + len(text), "월요일"})
	}
	for _, m := range reDayTokenMonthStart.FindAllStringSubmatchIndex(folded, -1) {
		if hangulBefore(folded[:m[0]]) || m[0] > 0 && folded[m[0]-1] >= '0' && folded[m[0]-1] <= '9' {
			continue // 11월초 is read as 11월 초
		}
		edits = append(edits, dayTokenEdit{m[0], m[1], "1일"}) // 월초 입사: this month's first days, asked as 1일 is
	}
	if !asOf.IsZero() {
		edits = append(edits, yearStartSpellings(folded, asOf, today)...)
	}
	if !asOf.IsZero() {
		from := written(asOf, today)
		for _, m := range reWeekOfMonthDayNote.FindAllStringSubmatchIndex(folded, -1) {
			if m[0] > 0 && folded[m[0]-1] >= '0' && folded[m[0]-1] <= '9' || hangulBefore(folded[:m[0]]) {
				continue
			}
			// 11월 셋째 주 금요일, 지난달 셋째 주 수요일: that week's day, by
			// the date slot's one rule (readWeekOfMonthDay, review r41 F3);
			// a week whose day is not the month's n-th such weekday is left
			// to be read as the week, and asked as one
			w, ok := readWeekOfMonthDay(reWeekOfMonthDayNote, m, folded, from)
			if !ok || len(w.days) != 1 {
				continue
			}
			edits = append(edits, dayTokenEdit{m[0], m[1], w.days[0].Format("2006-1-2")}) // 11월 마지막 주 금요일: 11/27
		}
		for _, m := range reDayTokenLastQuarter.FindAllStringSubmatchIndex(folded, -1) {
			if hangulBefore(folded[:m[0]]) {
				continue
			}
			year, q := from.Year(), (int(from.Month())-1)/3 // the quarter before's index from 0
			text := ""
			if qs, _, _ := group(reDayTokenLastQuarter, m, "q"); qs >= 0 {
				if q == 0 {
					year, q = year-1, 4
				}
				text = strconv.Itoa(q) + "분기" // 지난 분기 in December: 3분기
			} else if from.Month() <= 6 {
				year, text = year-1, "하반기"
			} else {
				text = "상반기"
			}
			if year < from.Year() {
				text = strconv.Itoa(year) + "년 " + text
			}
			edits = append(edits, dayTokenEdit{m[0], m[1], text})
		}
	}
	return edits
}

// dayFirstSpellings are the day-first and glued English days (30.11,
// 15/12, 30Nov, Dec15) rewritten month first (11/30, 12/15, 30 Nov, Dec
// 15): one reading of them for the note-day readers (a day past) and
// NoteStartsLater (a day to come) alike.
func dayFirstSpellings(folded string) []dayTokenEdit {
	var edits []dayTokenEdit
	group := func(re *regexp.Regexp, m []int, name string) (int, int, string) { return subexpAt(folded, re, m, name) }
	for _, m := range reDayTokenDayFirst.FindAllStringSubmatchIndex(folded, -1) {
		ds, _, d := group(reDayTokenDayFirst, m, "d")
		_, me, mo := group(reDayTokenDayFirst, m, "m")
		if _, _, next := group(reDayTokenDayFirst, m, "next"); next != "" || atoiOr(d) <= 12 || atoiOr(d) > 31 || atoiOr(mo) < 1 || atoiOr(mo) > 12 ||
			reDayTokenFigureUnit.MatchString(folded[me:]) {
			continue // 12.3 is read month first; 13.5시간, 25.3세 are figures; 26.11월, '26.11 a year and month
		}
		// 30.11 입사, joined 30/11: 30 is no month, so the day comes first
		// (25.11 may be 2025. 11.: either names November)
		edits = append(edits, dayTokenEdit{ds, me, mo + "/" + d})
	}
	for _, m := range reDayTokenEnglishGlued.FindAllStringSubmatchIndex(folded, -1) {
		if _, de, d := group(reDayTokenEnglishGlued, m, "d"); d != "" {
			edits = append(edits, dayTokenEdit{de, de, " "}) // 30Nov: as 30 Nov
		} else if ds, _, _ := group(reDayTokenEnglishGlued, m, "d2"); ds >= 0 {
			edits = append(edits, dayTokenEdit{ds, ds, " "}) // Nov30: as Nov 30
		}
	}
	return edits
}

// reDayTokenYearStart is the start of a year (review r41 F5): 연초, 연초분,
// 年初, 올해 초, 금년 초, 작년 초, 전년 초, 지난해 초, early this year,
// start of the year, early last year. ReYearStartNext is what may follow
// it glued: a particle or a start word, never 연초과 or 올해 초과.
var (
	reDayTokenYearStart = regexp.MustCompile(`(?i)(?P<last>작년|전년 ?도?|지난 ?해) ?초|(?:올해|금년|올 ?해|이번 ?해) ?초|연초|年初|[연년]初|` +
		`\b(?:early|earlier) (?:this|the) year\b|\b(?:the )?(?:start|beginning) of (?:this|the) year\b|` +
		`\b(?P<enlast>early last year|(?:the )?(?:start|beginning) of last year)\b`)
	yearStartNext = []string{"에는", "에", "분", "부터", "부", "경", "쯤", "께", "입사", "채용", "출근", "근무", "중", "실적"}
)

// yearStartSpellings rewrite the start of a year as its January with the
// year written (2026년 1월), so the month readers ask about it as they ask
// about 2026년 1월, offered on January's last working day (noteRead.dated):
// 연초 입사 on a December entry was filed in December (review r41 F5).
// 연초 is the entry's year's; 올해 초 the year of the day written; 작년
// 초 the year before it.
func yearStartSpellings(folded string, asOf, today time.Time) []dayTokenEdit {
	var edits []dayTokenEdit
	for _, m := range reDayTokenYearStart.FindAllStringSubmatchIndex(folded, -1) {
		if hangulBefore(folded[:m[0]]) {
			continue // 흡연초, 지난해초 of a longer word
		}
		if r, _ := utf8.DecodeRuneInString(folded[m[1]:]); r != utf8.RuneError && unicode.Is(unicode.Hangul, r) && !hasAnyPrefix(folded[m[1]:], yearStartNext) {
			continue // 연초과, 올해 초과 달성
		}
		word := strings.ToLower(folded[m[0]:m[1]])
		year := written(asOf, today).Year()
		switch {
		case m[2] >= 0 || m[4] >= 0:
			year-- // 작년 초, early last year
		case strings.HasPrefix(word, "연") || strings.HasPrefix(word, "년"):
			year = asOf.Year() // 연초: the entry's year's
		}
		edits = append(edits, dayTokenEdit{m[0], m[1], strconv.Itoa(year) + "년 1월"})
	}
	return edits
}
