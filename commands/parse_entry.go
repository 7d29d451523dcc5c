package commands

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"jobsbot/commands/dates"
	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// Words that are read as an entry's field when typed without a label. Only
// the plain words: "MOU" or "hired" inside a note are asked about or kept,
// never silently turned into a status.
var (
	freeStatusWords = map[string]EntryStatus{
		"약정": StatusAgreed, "agreed": StatusAgreed,
		"채용": StatusRealised, "realised": StatusRealised, "realized": StatusRealised,
		// 신규채용 is how a 보고 line writes 채용 (new hires): the same status.
		"신규채용": StatusRealised,
		// 채용완료 (hiring done) says the same, and nothing else (review r22 F29).
		"채용완료": StatusRealised,
	}
	// English "regular" or "daily" are ordinary note words, so only the
	// Korean terms, which mean nothing else, are read without type:.
	freeEmploymentWords = map[string]string{
		"상용": "regular", "상용직": "regular",
		"임시": "temporary", "임시직": "temporary",
		"일용": "daily", "일용직": "daily",
		// 정규직 has no fixed term, so it is 상용 in the 통계청 sense; 계약직
		// and 비정규직 may be 상용 or 임시 by contract length and are asked.
		"정규직": "regular",
	}
	// employmentAsk are employment words whose type depends on the contract
	// length: asked, never guessed.
	employmentAsk = []string{"계약직", "비정규직", "기간제"}
	// dateTrailers follow a date in reports ("11월30일 기준", "4월말 현재")
	// and mean nothing on their own.
	dateTrailers = []string{"기준", "현재", "기준일"}
	// A note word that looks like a date but did not read as one: 11월31일,
	// 4월, 1~4월, 4/31, 2026-13-01, 금요일쯤, 4., '26, 30일, 말일, 월말,
	// 3분기말, 하반기중.
	reDateLike = regexp.MustCompile(`\d{1,2} *월|요일|^\d{1,4}[/-]\d{1,2}|^\d{4}\.|^'?\d{1,4}\.|^'\d|\d *일|\d *년|\d *주차|^[wW]\d{1,2}$|지지난|` +
		`(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|` +
		`^(말|말일|말경|월말|월초|연말|연초|년말|초순|중순|하순|달|금월|당월|익월|내달|전달|다음달|지난달|이번달|이달|전월|내년|올해|작년|금년|금주|차주|다음주)(에|까지|기준|자|경|중|분)?$` +
		`|분기|반기|말일` +
		// Day words and their suffixes that are no one readable day (엊그제,
		// 주말, 4째주, 설날) or a compact date that does not exist (20261332).
		`|^\d{8}$|째 *주|^(엊그제|엊그저께|내일|익일|명일|모레|당일|주말|주중|평일|그믐|보름|설날|설|추석|석가탄신일|부처님오신날|오늘|금일|어제|작일|그제|그저께|어저께|전일|전날|초하루)(자|자로|부|부로|까지|기준|날짜|경|쯤|에|께)?$` +
		`|\((월|화|수|목|금|토|일)(요일)?\)`)
	// reVagueDay are day words that name no one day: asked with their own
	// reason rather than the generic "looks like a date".
	// The lunar holidays are reLunarHoliday's, matched whole: 설 as a
	// prefix was 설명회 and 설치 refused as a day word.
	reVagueDay = regexp.MustCompile(`^(엊그제|엊그저께|주말|주중|평일|그믐|보름)|째 *주`)
	// reLunarHoliday are the lunar holidays (설, 설날, 추석, 한가위), whose
	// date moves every year: never read as a date, kept as a note word when
	// the line gives its date (추석 연휴 10/5), refused otherwise.
	reLunarHoliday = regexp.MustCompile(`^(설|설날|구정|추석|한가위)(연휴|전|후|명절|맞이|기간|특별|자|경|쯤|에|께)?$`)
	// reWeekPart are the vague day words that say which part of the week a
	// day is (주말, 주중, 평일): refused as the date only when the line has no
	// date; beside one (7/12(일) 주말 채용행사) they describe it and stay in
	// the note (review r5 A14).
	reWeekPart = regexp.MustCompile(`^(주말|주중|평일)`)
	// Note words that may mean the jobs are agreements, not hires.
	statusLike = []string{"약정", "mou", "협약", "agreed", "양해각서", "약속", "협의", "의향"}
	// planLike words say the hires have not happened yet (채용 예정): not
	// jobs even beside 채용, so refused unless the status is 약정, where a
	// plan is what an agreement records (고용 계획 상태:약정).
	planLike = []string{"예정", "계획", "planned"}
	// notYetHiredLike words say people are promised, interviewed or still
	// being recruited (고용확약, 면접 대기, 모집 중): not jobs yet, refused
	// unless the status is 약정.
	notYetHiredLike = []string{"확약", "면접", "모집"}
	// conversionLike words say workers already employed changed contract
	// (정규직 전환): no new job. 정규직 followed by 전환 as its own word is
	// caught where 정규직 is read as the employment type.
	conversionLike = []string{"정규직전환", "무기계약전환", "무기직전환", "정규직화"}
	// reNotStarted are words that say people were offered the job or wait
	// to start (내정, 내정자, 채용내정, 입사대기, 발령대기, job offer): not
	// hired yet, refused unless the status is 약정. 내정 is matched at the
	// start or end of a word, so 안내정보 is a note word like any other.
	reNotStarted = regexp.MustCompile(`^내정|내정$|채용내정|(입사|발령|임용|배치|채용)대기|^offer`)
	// startWords before a bare 대기 make the pair a wait to start (입사 대기).
	startWords = []string{"입사", "발령", "임용", "배치", "채용"}
	// passedLike words say people passed selection (합격, 합격자, 최종합격).
	// Passing is not being hired, so such a word is refused unless the same
	// line says they were hired (합격자 채용, 최종합격 후 입사: hiredLike) or
	// the status is given (상태:채용, 상태:약정).
	passedLike = []string{"합격", "passed"}
	// hiredLike words in a line say the people did start work.
	hiredLike = []string{"채용", "입사", "취업", "근무", "hired", "joined"}
	// traineeLike words count trainees, who are not jobs (DOMAIN.md).
	traineeLike = []string{"교육생", "훈련생", "수강생", "연수생", "trainee"}
)

// takeEntryFields takes the free-standing date (11월30일, 11/30, 금요일),
// status word (약정, 채용) and employment type (상용, 임시, 일용) out of an
// add line into cmd.Opts, and refuses a line whose note would still hold
// something that reads as a date or a status: asking costs the user one more
// line, guessing costs a wrong figure. It returns the date as typed, if any.
func takeEntryFields(cmd *Command, ts []token, today time.Time) ([]token, string, error) {
	rest := ts[:0:0]
	dateTyped := ""
	switch cmd.Opts.Status {
	case "":
		cmd.AgreementHire = agreementHireWords(ts)
	case StatusRealised: // 상태:채용 협약기업: the label is the hire word
		cmd.AgreementHire = agreementWord(ts)
	}
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.quoted {
			rest = append(rest, t)
			continue
		}
		if err := refuseOtherDay(cmd, ts, i, today); err != nil {
			return nil, "", err
		}
		n, d, err := weekOfMonthDayRun(cmd, ts, i, today) // 11월 셋째 주 금요일: that week's Friday (review r41 F3)
		if err != nil {
			return nil, "", err
		}
		if n == 0 {
			n, d = dateRun(ts, i, today)
		}
		if n > 0 {
			typed := textJoin(ts[i : i+n])
			if cmd.Opts.Date != nil || dateTyped != "" {
				if dateTyped != "" { // both as typed, as the department refusal names both (r15 F4)
					return nil, "", usageErr(cmd.Name, "k50.two_dates", "First", dateTyped, "Second", typed)
				}
				return nil, "", usageErr(cmd.Name, "parse_entry.line_has_two_dates", "Typed", typed)
			}
			if err := askSameWeekday(cmd, typed, rawJoin(ts[i:i+n]), d, today); err != nil {
				return nil, "", err // 금요일 typed on a Friday: today or last week's (review r34 F9)
			}
			dateTyped, cmd.Opts.Date, cmd.dateRaw = typed, &d, rawJoin(ts[i:i+n])
			i += n - 1
			if i+1 < len(ts) && isOneOf(ts[i+1], dateTrailers) {
				i++
				dateTyped += " " + ts[i].text // 12. 4. 현재: asked about by asOfWords
			}
			continue
		}
		if n := cumulativeSpan(cmd, ts, i, today); n > 0 {
			i += n - 1 // 누계 1~12월 700 12월말: the 누계's span (review r31 F10)
			continue
		}
		if first, second, ok := dates.YearLastBothWays(t.text); ok {
			return nil, "", yearLastAsk(cmd, t.raw, first, second, today) // 3/12/2026 as the line's date (review r35q4)
		}
		if err := refuseDateLike(cmd, ts, i, today); err != nil {
			return nil, "", err
		}
		if st, ok := freeStatusWords[fold(t.text)]; ok && !(i+1 < len(ts) && !ts[i+1].quoted && notYet(fold(ts[i+1].text))) {
			if st == StatusAgreed && cmd.AgreementHire != "" && i+1 < len(ts) && freeStatusWords[fold(ts[i+1].text)] == "" {
				rest = append(rest, t) // 약정 인원 채용: part of the phrase, asked about (약정 채용 stays a contradiction)
				continue
			}
			if cmd.Opts.Status != "" && cmd.Opts.Status != st {
				if cmd.StatusWord != "" {
					return nil, "", usageErr(cmd.Name, "k50.two_statuses", "First", cmd.StatusWord, "Second", t.text)
				}
				return nil, "", usageErr(cmd.Name, "parse_entry.contradicts_status_given_give", "Text", t.text)
			}
			cmd.Opts.Status, cmd.StatusWord = st, t.text
			continue
		}
		if et, ok := freeEmploymentWords[fold(t.text)]; ok {
			if i+1 < len(ts) && !ts[i+1].quoted && strings.HasPrefix(fold(ts[i+1].text), "전환") {
				return nil, "", usageErr(cmd.Name, "parse_entry.conversion_is_not_a_new_job", "Text", textJoin(ts[i:i+2]))
			}
			if cmd.Opts.Employment != "" && cmd.Opts.Employment != et {
				if cmd.EmploymentWord != "" {
					return nil, "", usageErr(cmd.Name, "k50.two_employment_types", "First", cmd.EmploymentWord, "Second", t.text)
				}
				return nil, "", usageErr(cmd.Name, "parse_entry.contradicts_employment_type_given", "Text", t.text)
			}
			cmd.Opts.Employment, cmd.EmploymentWord = et, t.text
			continue
		}
		rest = append(rest, t)
	}
	return rest, dateTyped, askAboutNote(cmd, rest, today)
}

// dateRun returns how many words from i read as one date (the longest run,
// up to four words for "2026. 4. 30." or "지난주 금요일") and the date.
func dateRun(ts []token, i int, today time.Time) (int, time.Time) {
	for k := min(len(ts), i+4); k > i; k-- {
		quoted := false
		for _, t := range ts[i:k] {
			quoted = quoted || t.quoted
		}
		if quoted {
			continue
		}
		if d, err := dates.Parse(textJoin(ts[i:k]), today); err == nil {
			if k < len(ts) && strings.HasSuffix(ts[k-1].text, "연말") && yearEndCompound(ts[k].text) {
				return 0, time.Time{} // 연말 정산: the tax settlement, no date
			}
			if k < len(ts) && allDigits(ts[k].text) && dates.EnglishDayFirst(textJoin(ts[i:k])) {
				return 0, time.Time{} // 5 Dec 30: the count 5, then Dec 30
			}
			return k - i, d
		}
	}
	return 0, time.Time{}
}

// refuseOtherDay refuses the words from i when they are a date whose
// bracket or weekday names another day: 오늘(4/7) typed on April 6, 5/2
// 일요일 when May 2 is a Saturday. One of the two is a typo, and filing
// the entry under either would be a guess; left unread, the words fell into
// the note and the entry was dated today (review r1 S4).
func refuseOtherDay(cmd *Command, ts []token, i int, today time.Time) error {
	for k := min(len(ts), i+4); k > i; k-- {
		if slices.ContainsFunc(ts[i:k], func(t token) bool { return t.quoted }) {
			continue
		}
		typed := textJoin(ts[i:k])
		d, named, weekday, ok := dates.OtherDay(typed, today)
		if !ok {
			continue
		}
		if weekday {
			return usageErr(cmd.Name, "parse.date_weekday_is_another_day", "Text", typed, "Date", dateArg(d),
				"Weekday", weekdayArg(d), "Named", weekdayArg(named), "NamedDate", dateArg(named))
		}
		return usageErr(cmd.Name, "parse_entry.bracket_is_another_day", "Text", typed, "Date", dateArg(d), "Named", dateArg(named))
	}
	return nil
}

// dateTypo refuses typed when it is a date with a typo in it: a day past
// its month's end (9. 31.), or a weekday that is another day's (11/3(금)).
// It is nil for anything else, which its caller refuses in its own words.
func dateTypo(cmd *Command, typed string, today time.Time) error {
	if err := impossibleDay(cmd, typed, today); err != nil {
		return err
	}
	if d, named, weekday, ok := dates.OtherDay(typed, today); ok {
		if weekday {
			return usageErr(cmd.Name, "parse.date_weekday_is_another_day", "Text", typed, "Date", dateArg(d),
				"Weekday", weekdayArg(d), "Named", weekdayArg(named), "NamedDate", dateArg(named))
		}
		return usageErr(cmd.Name, "parse_entry.bracket_is_another_day", "Text", typed, "Date", dateArg(d), "Named", dateArg(named))
	}
	if m := reBracketedWeekday.FindStringSubmatch(typed); m != nil {
		if err := unreadDate(cmd, typed, today); err != nil {
			var ue *UsageError
			if errors.As(err, &ue) && ue.ID == "parse.date_weekday_is_another_day" {
				return err
			}
		}
	}
	return nil
}

// cumulativeSpan is how many words from i name the span of a 누계 line
// (`누계 1~12월 700 12월말`, `누계 1월~11월 650 11/30`): a range of months
// from January to the month of the line's date (today's without one),
// which is what a 누계 counts (the year to date), so it is read as such
// and dropped; 0 otherwise (then refuseDateLike asks). Review r31 F10:
// the span was refused as a period holding a figure, 700 taken for a note
// number.
func cumulativeSpan(cmd *Command, ts []token, i int, today time.Time) int {
	if !cmd.Cumulative {
		return 0
	}
	for k := min(len(ts), i+3); k > i; k-- {
		if slices.ContainsFunc(ts[i:k], func(t token) bool { return t.quoted }) {
			continue
		}
		typed := textJoin(ts[i:k])
		if !strings.ContainsAny(typed, "~–") && !strings.Contains(typed, "-") {
			continue
		}
		p, err := dates.ParsePeriod(typed, today)
		if err != nil || p.Through || p.From.Month() != time.January || p.From.Day() != 1 || p.From.Year() != p.To.Year() {
			continue
		}
		if p.To.AddDate(0, 0, 1).Day() != 1 {
			continue // a month's end only
		}
		d, ok := lineDate(cmd, ts, k, today)
		if !ok {
			d = today
		}
		// the span's year too: `누계 2025년 1~11월 650 11/30` typed in
		// 2026 is no 2026 누계 (review r35 B6: it was filed as one)
		if d.Year() != p.To.Year() || d.Month() != p.To.Month() {
			return 0
		}
		return k - i
	}
	return 0
}

// refuseDateLike refuses the words from i when they were meant as a date
// but are not one day: a period (지난달, 이번 달, 상반기, 2026년 4월) or an
// impossible date (4월 31일). An entry is dated one day, and a period has no
// one day to file it under: the reply asks for the date, suggesting the
// period's last day (not after today), rather than guessing it.
func refuseDateLike(cmd *Command, ts []token, i int, today time.Time) error {
	for k := min(len(ts), i+5); k > i; k-- {
		if !slices.ContainsFunc(ts[i:k], func(t token) bool { return t.quoted }) {
			if err := yearStartDate(cmd, textJoin(ts[i:k]), today); err != nil {
				return err // 연초 as the line's date (review r41 F5)
			}
		}
	}
	if _, dated := lineDate(cmd, ts, i+1, today); !dated {
		// 11월 넷째주 as the line's date: a week, named by its days (review r22 F3)
		if err := weekOfMonthDate(cmd, ts[i:], today); err != nil {
			return err
		}
	}
	for k := min(len(ts), i+4); k > i; k-- {
		if slices.ContainsFunc(ts[i:k], func(t token) bool { return t.quoted }) {
			continue
		}
		typed := textJoin(ts[i:k])
		if err := impossibleDay(cmd, typed, today); err != nil {
			return err
		}
		if allDigits(typed) {
			continue // 2026 is a count here, not the year
		}
		p, err := dates.ParsePeriod(typed, today)
		if err != nil || p.Through {
			continue
		}
		if d, ok := lineDate(cmd, ts, i+k, today); ok {
			// the shortest run that is the period: a longer one may have
			// swallowed words after it (2월 추가분 30)
			end := i + 1
			for ; end < k; end++ {
				if q, err := dates.ParsePeriod(textJoin(ts[i:end]), today); err == nil && !q.Through {
					break
				}
			}
			if figure := figureIn(ts[end:], today); figure != "" {
				// 2월 추가분 30: the words hold a count (or a date), which a
				// note would keep out of every figure; no note: is offered.
				suggest := p.To
				if suggest.After(today) {
					suggest = today
				}
				return usageErr(cmd.Name, "counts.period_words_hold_a_figure", "Typed", typed, "Figure", figure,
					"Date", dateArg(d), "Suggest", dateArg(suggest))
			}
			// The line has its date: the period is words of the note.
			return usageErr(cmd.Name, "parse_entry.period_beside_date", "Typed", typed, "Date", dateArg(d),
				"Note", noteWords(ts, i, today))
		}
		return periodIsNotADay(cmd, typed, p, today)
	}
	return nil
}

// lineDate is the date an add line already has, from date: or a date
// read before the word at i, or else one among the words from next on.
func lineDate(cmd *Command, ts []token, next int, today time.Time) (time.Time, bool) {
	if cmd.Opts.Date != nil {
		return *cmd.Opts.Date, true
	}
	for j := next; j < len(ts); j++ {
		if n, d := dateRun(ts, j, today); n > 0 {
			return d, true
		}
	}
	return time.Time{}, false
}

// noteWords are the words from i up to the next date, as typed: what a
// person meant as the note when a period word begins it.
func noteWords(ts []token, i int, today time.Time) string {
	end := i + 1
	for end < len(ts) {
		if n, _ := dateRun(ts, end, today); n > 0 {
			break
		}
		end++
	}
	return rawJoin(ts[i:end])
}

// allDigits reports whether s is made of ASCII digits only.
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// askAboutNote refuses words that would land in the note while reading as a
// date or a status. note:… is the way to keep such words as a note.
func askAboutNote(cmd *Command, ts []token, today time.Time) error {
	passed := ""
	for i, t := range ts {
		if t.quoted {
			continue
		}
		if _, err := numbers.Parse(t.text); (err == nil || strings.ContainsAny(t.text, "만천백억") && numbers.StartsLikeNumber(t.text)) && !(len(t.text) == 8 && allDigits(t.text) && strings.HasPrefix(t.text, "20")) {
			continue // a count (1.2만) or a count mistyped (1.23456만): the count's own check names it
		}
		if reLunarHoliday.MatchString(t.text) {
			if cmd.Opts.Date != nil {
				continue // 추석 연휴 10/5: the date is given, the name is a note word
			}
			return usageErr(cmd.Name, "dates.lunar_holiday_needs_date", "Text", t.text)
		}
		if cmd.Opts.Date != nil && reWeekPart.MatchString(t.text) {
			continue // 7/12(일) 주말 채용행사: the day is given, 주말 describes it
		}
		if reVagueDay.MatchString(t.text) {
			return usageErr(cmd.Name, "parse_entry.day_word_not_one_day", "Text", t.text)
		}
		if m := reMonthShare.FindStringSubmatch(t.text); m != nil {
			if err := monthShareAsked(cmd, t, m[1], today); err != nil {
				return err
			}
		}
		if reDateLike.MatchString(t.text) {
			return unreadDate(cmd, t.text, today)
		}
		f := fold(t.text)
		if containsAny(f, planLike) && cmd.Opts.Status != StatusAgreed {
			return usageErr(cmd.Name, "parse_entry.plans_are_not_jobs", "Text", withWordBefore(ts, i, planLike))
		}
		if containsAny(f, notYetHiredLike) && cmd.Opts.Status != StatusAgreed {
			return usageErr(cmd.Name, "entries.not_yet_hired", "Text", t.text)
		}
		if containsAny(f, conversionLike) {
			return usageErr(cmd.Name, "parse_entry.conversion_is_not_a_new_job", "Text", t.text)
		}
		if cmd.Opts.Status != StatusAgreed && (reNotStarted.MatchString(f) ||
			f == "대기" && i > 0 && !ts[i-1].quoted && isOneOf(ts[i-1], startWords)) {
			return usageErr(cmd.Name, "entries.not_started", "Text", withWordBefore(ts, i, []string{"대기"}))
		}
		if passed == "" && containsAny(f, passedLike) && cmd.Opts.Status == "" && !saysHired(ts) {
			passed = t.text // asked after the other words: 합격 후 입사예정 is a plan
		}
		if containsAny(f, traineeLike) {
			return usageErr(cmd.Name, "parse_entry.trainees_are_not_jobs", "Text", t.text)
		}
		if containsAny(f, employmentAsk) && cmd.Opts.Employment == "" {
			return usageErr(cmd.Name, "parse_entry.contract_type_ask", "Text", t.text)
		}
		for _, w := range statusLike {
			if cmd.Opts.Status == "" && strings.Contains(f, w) {
				return usageErr(cmd.Name, "parse_entry.may_mean_agreements_mou", "Text", t.text)
			}
		}
	}
	if passed != "" {
		return usageErr(cmd.Name, "entries.passed_not_hired", "Text", passed)
	}
	return nil
}

// notYet reports whether a folded word says the people are not hired yet:
// a plan (예정), a promise or wait (확약, 대기) or an offer (내정). A status
// word before it (채용 예정) is part of that phrase, not the status.
func notYet(f string) bool {
	return containsAny(f, planLike) || containsAny(f, notYetHiredLike) || reNotStarted.MatchString(f) || f == "대기"
}

// withWordBefore names ts[i] with the word before it when ts[i] is one of
// bare alone (예정, 대기): `입사 예정` says more than `예정`.
func withWordBefore(ts []token, i int, bare []string) string {
	if i > 0 && !ts[i-1].quoted && isOneOf(ts[i], bare) {
		return ts[i-1].text + " " + ts[i].text
	}
	return ts[i].text
}

// saysHired reports whether a note word says the people started work
// (채용, 입사, 취업, 근무), not merely that they passed or will start.
func saysHired(ts []token) bool {
	return slices.ContainsFunc(ts, func(t token) bool {
		f := fold(t.text)
		return containsAny(f, hiredLike) && !notYet(f) && !containsAny(f, passedLike)
	})
}

// reMonthShare is a month's share written as a memo writes it (12월분).
var reMonthShare = regexp.MustCompile(`^(\d{1,2})월분$`)

// monthShareAsked asks about `12월분` typed outside 메모: (README: 5월분 is a
// month and is asked about), never lecturing on date formats: it names the
// month and offers the line filed on its last day with the word as the
// note, when that day has passed, and the line for today (review r27 F15).
// A month not yet begun this year is last year's, as 12월 typed in January.
func monthShareAsked(cmd *Command, t token, month string, today time.Time) error {
	m, err := strconv.Atoi(month)
	if err != nil || m < 1 || m > 12 {
		return nil
	}
	y := today.Year()
	if m > int(today.Month()) {
		y--
	}
	end := dates.On(y, time.Month(m)+1, 1).AddDate(0, 0, -1)
	ts := tokenize(cmd.Line)
	at := slices.IndexFunc(ts, func(x token) bool { return x.raw == t.raw })
	if at < 0 {
		return nil
	}
	rest := slices.Delete(slices.Clone(ts), at, at+1)
	if !end.Before(today) {
		// this month's share: today's line with the word as its note
		return usageErr(cmd.Name, "r27b.month_share_this_month", "Text", t.text, "Year", y, "Month", m,
			"Today", dateArg(today), "Line", datedLine{ts: rest, at: at, day: today, note: t.text})
	}
	return usageErr(cmd.Name, "r27b.month_share_asked", "Text", t.text, "Year", y, "Month", m,
		"End", dateArg(end), "EndLine", datedLine{ts: rest, at: at, day: end, note: t.text},
		"Today", dateArg(today), "TodayLine", datedLine{ts: rest, at: at, day: today})
}

// datedLine is a line offered dated day: ts, the line's words, with
// date:<day> written at at, and note, if any, put first in the note
// (added as one when the line has none). The day is written out, never
// left out nor a word counted from today (review r43 F1: the line for
// today had no date, and typed back on Monday filed Friday's jobs on
// Monday).
type datedLine struct {
	ts   []token
	at   int
	day  time.Time
	note string
}

// In implements i18n.Localized: the date as the language writes it.
func (l datedLine) In(p i18n.Printer) string {
	word := p.T("k42.line_date", "Date", p.Date(l.day))
	out := rawJoin(slices.Insert(slices.Clone(l.ts), min(l.at, len(l.ts)), token{text: word, raw: word}))
	if l.note == "" {
		return out
	}
	if i := strings.Index(out, "메모:"); i >= 0 {
		return out[:i+len("메모:")] + l.note + " " + out[i+len("메모:"):]
	}
	if i := strings.Index(strings.ToLower(out), "note:"); i >= 0 {
		return out[:i+len("note:")] + l.note + " " + out[i+len("note:"):]
	}
	return out + " " + p.T("offered4.note_label") + l.note
}

// unreadDate refuses a word that looks like a date but reads as no one day,
// never offering today's date as the form to type: copied, it would file the
// entry on the wrong day. A bracketed weekday that is another day (5.4(화),
// 5/4 being a Monday) is named with the weekday the date has; a word that
// reads as a date once a stray suffix is dropped (6.5일) is offered in the
// forms that read; anything else gets the forms with placeholders.
func unreadDate(cmd *Command, text string, today time.Time) error {
	if err := dateWithoutMonth(cmd, text, today); err != nil {
		return err // 30일, 말일, 11-27: the month or the form that reads
	}
	if m := reBracketedWeekday.FindStringSubmatch(text); m != nil {
		if d, err := dates.Parse(m[1], today); err == nil {
			if wd, ok := koreanWeekdays[m[2]]; ok && wd != d.Weekday() {
				named := d.AddDate(0, 0, mondayFirst(wd)-mondayFirst(d.Weekday()))
				return usageErr(cmd.Name, "parse.date_weekday_is_another_day", "Text", text, "Date", dateArg(d),
					"Weekday", weekdayArg(d), "Named", weekdayArg(named), "NamedDate", dateArg(named))
			}
		}
	}
	for _, suffix := range []string{"일자", "일", "자"} {
		if rest, ok := strings.CutSuffix(text, suffix); ok && rest != "" {
			if d, err := dates.Parse(rest, today); err == nil {
				return usageErr(cmd.Name, "parse_entry.looks_like_date_i", "Text", text, "Example", dateArg(d), "MonthDay", monthDayArg(d))
			}
		}
	}
	return usageErr(cmd.Name, "parse.date_unread_placeholder", "Text", text)
}

// reBracketedWeekday is a date with a Korean weekday in brackets: 5.4(화),
// 5/4 (월요일).
var reBracketedWeekday = regexp.MustCompile(`^(.+?) *\( *([월화수목금토일])(?:요일)? *\)$`)

var koreanWeekdays = map[string]time.Weekday{
	"월": time.Monday, "화": time.Tuesday, "수": time.Wednesday, "목": time.Thursday,
	"금": time.Friday, "토": time.Saturday, "일": time.Sunday,
}

// mondayFirst numbers weekdays from Monday (0) to Sunday (6), the week an
// official's calendar shows.
func mondayFirst(w time.Weekday) int { return (int(w) + 6) % 7 }

// weekdayArg is the weekday of a date, written in the reply's language.
type weekdayArg time.Time

// In implements i18n.Localized.
func (d weekdayArg) In(p i18n.Printer) string {
	return p.T("parse.format_weekday", "Date", time.Time(d))
}

// containsAny reports whether folded text f holds any of words.
func containsAny(f string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(f, w) })
}

// comparisonWords ask for 전년 동기, which status always shows beside the
// span; they are accepted so that a line copied from a report still reads.
var comparisonWords = []string{"전년동기", "전년동기대비", "전년대비", "yoy", "vslastyear"}

// dropComparison removes 전년 동기 (one word or two) from status words
// before the period is read, so 전년 is not taken for "last year".
func dropComparison(ts []token) []token {
	out := ts[:0:0]
	for i := 0; i < len(ts); i++ {
		if isOneOf(ts[i], comparisonWords) {
			continue
		}
		if i+1 < len(ts) && !ts[i+1].quoted && isOneOf(ts[i], []string{"전년"}) && isOneOf(ts[i+1], []string{"동기", "대비", "동기대비"}) {
			i++
			continue
		}
		out = append(out, ts[i])
	}
	return out
}

// rePeriodLike is a word that was meant as a period or date (13월, 5분기,
// 1~13월, q5, 2026-13) though it did not read as one.
var rePeriodLike = regexp.MustCompile(`(?i)\d *(월|분기|반기|일)|^\d{4}[-./]|^[qh]\d+$|^\d{1,2} *[~～]|^\d{4}-?w\d`)

// refuseUnreadPeriod refuses a word left after the period was taken that
// was plainly meant as one: it would otherwise be looked up as a program
// and blamed as an unknown program. The reason names the word.
func refuseUnreadPeriod(cmd *Command, ts []token, today time.Time) error {
	for _, t := range ts {
		if t.quoted || !rePeriodLike.MatchString(t.text) {
			continue
		}
		id := "parse.period.unknown"
		var e *dates.Error
		if _, err := dates.ParsePeriod(t.text, today); errors.As(err, &e) && reasonIDs[e.Reason] != "" {
			id = reasonIDs[e.Reason]
		}
		return usageErr(cmd.Name, id, "Typed", t.text)
	}
	return nil
}

// bracketPairs are the brackets and quotes a memo wraps a date in: (7/2
// 기준 누계), [7/1], ‘7/2’, 「6/30」.
var bracketPairs = map[rune]rune{
	'(': ')', '[': ']', '{': '}', '‘': '’', '「': '」', '『': '』', '<': '>', '〈': '〉', '《': '》', '【': '】', '（': '）',
}

// reBracketWeekday is a bracketed weekday standing alone (7/2 (목)): it
// repeats the date before it and is read with it, so it keeps its brackets.
var reBracketWeekday = regexp.MustCompile(`^[(（] *[월화수목금토일](요일)? *[)）]$`)

// unwrapDateWords drops the brackets or quotes around a word that reads as
// a date, a period, a date suffix or a 누계 word once they are gone: `(6/30)`,
// `(7/2`, `누계)`, `‘7/2’`. Left wrapped, such a word fell into the note
// and the entry was dated today (review_ko2 finding 1). Any other bracketed
// word stays as typed, for the note.
func unwrapDateWords(ts []token, today time.Time) []token {
	out := make([]token, 0, len(ts))
	for _, t := range ts {
		if t.quoted || reBracketWeekday.MatchString(t.text) {
			out = append(out, t)
			continue
		}
		if count, date, ok := splitCountBracket(t.text, today); ok {
			out = append(out, token{text: count, raw: count}, token{text: date, raw: date})
			continue
		}
		inner := stripBrackets(t.text)
		if inner != t.text && inner != "" && dateWord(inner, today) {
			t.text, t.raw = inner, inner
		}
		out = append(out, t)
	}
	return out
}

// splitCountBracket splits a count joined to the bracket that dates it, as
// 보고서 write a 누계: `600(6/30 기준)`, `2,150여명(3.31.기준)`. Joined, the
// word read as no number and the line was refused pointing at the figure
// (review r1 A1). The count must read as one and the bracket as a date
// word; anything else stays one word.
func splitCountBracket(text string, today time.Time) (count, date string, ok bool) {
	open := strings.IndexAny(text, "(（[")
	if open <= 0 {
		return "", "", false
	}
	count, rest := text[:open], text[open:]
	if _, err := numbers.Parse(count); err != nil {
		return "", "", false
	}
	date = stripBrackets(rest)
	if date == "" || date == rest || !dateWord(date, today) {
		return "", "", false
	}
	return count, date, true
}

// stripBrackets removes an opening bracket at the start and a closing one at
// the end of s, a closing one only when it closes no bracket inside s
// (7/2(목) keeps its bracket). ASCII ' is taken only as a pair ('7/2'), so
// '26 stays a year.
func stripBrackets(s string) string {
	if len(s) > 2 && strings.HasPrefix(s, "'") && strings.HasSuffix(s, "'") {
		return s[1 : len(s)-1]
	}
	rs := []rune(s)
	if len(rs) > 0 {
		if _, ok := bracketPairs[rs[0]]; ok {
			rs = rs[1:]
		}
	}
	if len(rs) > 0 {
		last := rs[len(rs)-1]
		opens := false
		for o, c := range bracketPairs {
			if c == last && slices.Contains(rs, o) {
				opens = true
			}
		}
		isCloser := false
		for _, c := range bracketPairs {
			isCloser = isCloser || c == last
		}
		if isCloser && !opens {
			rs = rs[:len(rs)-1]
		}
	}
	return strings.TrimSpace(string(rs))
}

// dateWord reports whether w, unwrapped, is something the add line reads
// or asks about: a date, a period, a date's trailer or a 누계 word.
func dateWord(w string, today time.Time) bool {
	if allDigits(w) {
		return false // (3) is a count or a note, never a year
	}
	if _, err := dates.Parse(w, today); err == nil {
		return true
	}
	if _, err := dates.ParsePeriod(w, today); err == nil {
		return true
	}
	t := token{text: w}
	return isOneOf(t, cumulativeWords) || isOneOf(t, dateTrailers) || reDateLike.MatchString(w)
}

// figureIn is the first word of ts, up to the line's next date, that is a
// count of jobs (30, 30명, 1만) or another date, as typed; "" when none is.
// A hint never offers such words for the note, where the figure would be
// counted nowhere (k17).
func figureIn(ts []token, today time.Time) string {
	for i, t := range ts {
		if t.quoted {
			continue
		}
		if n, _ := dateRun(ts, i, today); n > 0 {
			return ""
		}
		if isRoundLabel(t.text) {
			continue
		}
		if n, err := numbers.Parse(stripBrackets(t.text)); err == nil && (n.Counter == "" || n.Counter == "명" || n.Counter == "개") {
			return t.raw
		}
		if _, err := dates.ParsePeriod(t.text, today); err == nil && !allDigits(t.text) {
			return t.raw
		}
	}
	return ""
}
