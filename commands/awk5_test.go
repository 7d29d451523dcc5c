package commands_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// awk5Sum is the plain SUM of one user's live entries dated day.
func (h *harness) awk5Sum(user, day string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = $1 AND as_of = $2::date AND voided_at IS NULL`, user, day)
}

// awk5UserSum is the plain SUM of one user's live entries.
func (h *harness) awk5UserSum(user string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = $1 AND voided_at IS NULL`, user)
}

// Review awk5 item 1: `전주 목요일` (last week's Thursday) was refused as the
// week `전주` alone on the line, and kept as the note unasked in a memo,
// where `지난주 목요일` is read. It is read as 지난주 목요일 is, on the
// line and in a note; `전주` before anything but a weekday (전주 지사, the
// city) stays a note.
func TestAwk5JeonjuWeekdayIsLastWeeksDay(t *testing.T) {
	t.Parallel()
	h, _ := weeks3At(t, commands.Korean, "2026-12-04") // a Friday
	h.run("UA51", "추가 청년 3 전주 목요일", commands.OutcomeOK)
	if got := h.awk5Sum("UA51", "2026-11-26"); got != 3 {
		t.Errorf("`전주 목요일` filed %d on 2026-11-26, want 3", got)
	}
	r := h.run("UA52", "추가 청년 4 메모:전주 목요일 입사", commands.OutcomeRefused)
	mustContain(t, r.Text(), "`전주 목요일`은 2026. 11. 26.", "날짜:2026. 11. 26.")
	if got := h.awk5UserSum("UA52"); got != 0 {
		t.Errorf("the note's day was asked but %d stored", got)
	}
	h.run("UA53", "추가 노인 5 메모:전주 지사 입사", commands.OutcomeOK)
	if got := h.awk5Sum("UA53", "2026-12-04"); got != 5 {
		t.Errorf("`전주 지사` (the city) filed %d on 2026-12-04, want 5", got)
	}
	e, _ := weeks3At(t, commands.English, "2026-12-04")
	e.run("UA5E1", "add 3 youth 전주 목요일", commands.OutcomeOK)
	if got := e.awk5Sum("UA5E1", "2026-11-26"); got != 3 {
		t.Errorf("English: `전주 목요일` filed %d on 2026-11-26, want 3", got)
	}
}

// Review awk5 item 3: `목록 내 실적` was refused as a program named `내
// 실적`; it lists the caller's own entries, as `목록 내 기록` does.
func TestAwk5MyEntriesList(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		mine, other, ask string
	}{
		{commands.Korean, "추가 청년 7 어제", "추가 노인 9 어제", "목록 내 실적"},
		{commands.English, "add 7 youth yesterday", "add 9 senior yesterday", "list my entries"},
	} {
		h, _ := weeks3At(t, tc.lang, "2026-12-04")
		h.run("UA5M1", tc.mine, commands.OutcomeOK)
		h.run("UA5M2", tc.other, commands.OutcomeOK)
		text := h.run("UA5M1", tc.ask, commands.OutcomeOK).Text()
		if h.awk5UserSum("UA5M1") != 7 || h.awk5UserSum("UA5M2") != 9 {
			t.Fatalf("SQL: UA5M1 %d, UA5M2 %d", h.awk5UserSum("UA5M1"), h.awk5UserSum("UA5M2"))
		}
		if !strings.Contains(text, "+7") || strings.Contains(text, "+9") {
			t.Errorf("%s: %q lists other people's entries or not the caller's:\n%s", tc.lang, tc.ask, text)
		}
	}
}

// Review awk5 item 4: `연말` in `연말 정산` (the year-end tax settlement) was
// read as 31 December: a 정정 whose reason said `연말 정산 오기` was refused
// as a date, and `메모:연말 정산 담당 채용` as a start to come. `연말 입사`
// is still a start to come.
func TestAwk5YearEndTaxSettlementIsNoDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                    commands.Lang
		add, correct, note, end string
	}{
		{commands.Korean, "추가 청년 3 어제", "정정 %d 5 연말 정산 오기", "추가 노인 4 메모:연말 정산 담당 채용", "추가 여성 6 메모:연말 입사"},
		{commands.English, "add 3 youth yesterday", "correct %d 5 연말 정산 오기", "add 4 senior note:연말 정산 담당 채용", "add 6 women note:연말 입사"},
	} {
		h, _ := weeks3At(t, tc.lang, "2026-12-04")
		h.run("UA5Y1", tc.add, commands.OutcomeOK)
		id := h.sqlInt(`SELECT max(id) FROM entries WHERE logged_by = 'UA5Y1'`)
		h.run("UA5Y1", strings.Replace(tc.correct, "%d", strconv.FormatInt(id, 10), 1), commands.OutcomeOK)
		if got := h.awk5Sum("UA5Y1", "2026-12-03"); got != 5 {
			t.Errorf("%s: the 정정 left %d on 2026-12-03, want 5", tc.lang, got)
		}
		h.run("UA5Y2", tc.note, commands.OutcomeOK)
		if got := h.awk5Sum("UA5Y2", "2026-12-04"); got != 4 {
			t.Errorf("%s: `연말 정산` note filed %d on 2026-12-04, want 4", tc.lang, got)
		}
		h.run("UA5Y3", tc.end, commands.OutcomeRefused)
		if got := h.awk5UserSum("UA5Y3"); got != 0 {
			t.Errorf("%s: `연말 입사` stored %d", tc.lang, got)
		}
	}
}

// Review awk5 item 6: `광복절 전날` on the line found two dates (`광복절`,
// and `전날` read as yesterday) and `메모:광복절 다음날 입사` typed in
// December was refused as a start to come (다음날 read from the entry's
// day). On the line a solar holiday with 전날/다음날 is the day it names,
// as the holiday alone is (a day to come refused as one); in a note it is
// note text, as the holiday alone and `성탄절 전날` are.
func TestAwk5HolidayDayBeforeAndAfter(t *testing.T) {
	t.Parallel()
	h, _ := weeks3At(t, commands.Korean, "2026-12-04")
	h.run("UA5H1", "추가 청년 5 광복절 전날", commands.OutcomeOK)
	h.run("UA5H2", "추가 노인 6 광복절 다음날", commands.OutcomeOK)
	if a, b := h.awk5Sum("UA5H1", "2026-08-14"), h.awk5Sum("UA5H2", "2026-08-16"); a != 5 || b != 6 {
		t.Errorf("광복절 전날 filed %d on 8/14 (want 5), 다음날 %d on 8/16 (want 6)", a, b)
	}
	r := h.run("UA5H3", "추가 여성 7 날짜:성탄절 전날", commands.OutcomeRefused)
	mustContain(t, r.Text(), "2026. 12. 24.", "아직 오지 않은")
	if got := h.awk5UserSum("UA5H3"); got != 0 {
		t.Errorf("a day to come stored %d", got)
	}
	for i, line := range []string{"추가 장애인 8 메모:광복절 다음날 입사", "추가 장애인 9 메모:광복절 전날 입사"} {
		user := "UA5H4" + strconv.Itoa(i)
		h.run(user, line, commands.OutcomeOK)
		if got := h.awk5Sum(user, "2026-12-04"); got != int64(8+i) {
			t.Errorf("%q filed %d on 2026-12-04, want %d", line, got, 8+i)
		}
	}
	e, _ := weeks3At(t, commands.English, "2026-12-04")
	e.run("UA5HE", "add 5 youth 광복절 전날", commands.OutcomeOK)
	if got := e.awk5Sum("UA5HE", "2026-08-14"); got != 5 {
		t.Errorf("English: 광복절 전날 filed %d on 8/14, want 5", got)
	}
}

// Review awk5 item 5: the 누계포함 question offered the line typed with
// its own labels and the reply's answer word: a Korean reply offered
// `… 누계포함:예 note:hired`, an English one `add 4 youth … within:yes
// 메모:hired`. The line offered is in the reply's words, and typed back it
// records the jobs inside the report (SQL: the 누계 keeps its total).
func TestAwk5WithinLineInTheRepliesWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                  commands.Lang
		report, add, yes, bad string
	}{
		{commands.Korean, "추가 청년 누계 20 11/30", "add 3 youth 11/20 status:realised note:hired",
			"`추가 3 youth 2026. 11. 20. 상태:채용 누계포함:예 메모:hired`", "note:"},
		{commands.English, "add youth cumulative 20 2026-11-30", "추가 청년 3 11/20 상태:채용 메모:hired",
			"`add 청년 3 2026-11-20 status:realised within:yes note:hired`", "메모:"},
	} {
		h, _ := weeks3At(t, tc.lang, "2026-12-04")
		h.run("UA5W", tc.report, commands.OutcomeOK)
		r := h.run("UA5W", tc.add, commands.OutcomeRefused)
		mustContain(t, r.Text(), tc.yes)
		for _, line := range r32Offered(r) {
			if strings.Contains(line, tc.bad) {
				t.Errorf("%s: a line of two languages offered: %q", tc.lang, line)
			}
		}
		h.run("UA5W", strings.Trim(tc.yes, "`"), commands.OutcomeOK)
		through := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = 'UA5W' AND as_of <= '2026-11-30' AND voided_at IS NULL`)
		if got := h.awk5Sum("UA5W", "2026-11-20"); got != 3 || through != 20 {
			t.Errorf("%s: 11/20 holds %d (want 3), the total through 11/30 %d (want 20: inside the report)", tc.lang, got, through)
		}
	}
}

// Review awk5 item 9: in January a 누계 carrying last year's approximate
// total was answered `80 − 78여 = 2여`: figures without their unit in a
// sum no 주무관 writes. Korean names each figure with its unit.
func TestAwk5CarriedApproximateTotalWordedWithUnits(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                commands.Lang
		last, carried, want string
		bad                 []string
	}{
		{commands.Korean, "추가 청년 78여 12/4", "추가 청년 누계 80 1/5", "80개에서 작년 누계 78여개를 뺀 2여개", []string{"− 78여", "= 2여"}},
		{commands.English, "add 78여 youth 2026-12-04", "add youth cumulative 80 2027-01-05", "80 − 78 = about 2", []string{"78여"}},
	} {
		h, now := weeks3At(t, tc.lang, "2026-12-04")
		h.run("UA5C", tc.last, commands.OutcomeOK)
		*now = time.Date(2027, time.January, 5, 1, 0, 0, 0, time.UTC)
		text := h.run("UA5C", tc.carried, commands.OutcomeRefused).Text()
		mustContain(t, text, tc.want)
		mustNotContain(t, text, tc.bad...)
		if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE logged_by = 'UA5C' AND as_of >= '2027-01-01'`); got != 0 {
			t.Errorf("%s: the held 누계 stored %d in 2027", tc.lang, got)
		}
	}
}
