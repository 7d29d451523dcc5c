package commands_test

import (
	"strings"
	"testing"

	"jobsbot/commands"
)

// minor43Sum is the plain SQL sum of the live realised entries of program
// code dated from..to.
func minor43Sum(h *harness, code, from, to string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL AND e.status = 'realised' AND p.code = $1 AND e.as_of BETWEEN $2 AND $3`, code, from, to)
}

// A program whose only 2025 report is a 누계 of January to October showed
// 전년 동기 20 · 증감 -15 in 보고서 as if month by month. The row's 전년 동기
// is marked and a note names the 누계 report; a program reported month by
// month is not.
func TestMinor43ReportLastYearLumpNoted(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-14")
			h.run(manager, byLang(lang, "add disabled cumulative 20 date:2025-10-31 confirm:yes", "추가 장애인 누계 20 날짜:2025. 10. 31. 확인:예"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add disabled 5 date:2026-12-01", "추가 장애인 5 날짜:12/1"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add 3 youth date:2025-09-30 confirm:yes", "추가 청년 3 날짜:2025. 9. 30. 확인:예"), commands.OutcomeOK)
			h.run(manager, byLang(lang, "add 4 youth date:2025-10-31 confirm:yes", "추가 청년 4 날짜:2025. 10. 31. 확인:예"), commands.OutcomeOK)
			id := h.sqlInt(`SELECT id FROM entries WHERE as_of = '2025-10-31' AND kind = 'cumulative'`)
			last := minor43Sum(h, "disabled", "2025-01-01", "2025-12-14")
			now := minor43Sum(h, "disabled", "2026-01-01", "2026-12-14")
			if last != 20 || now != 5 {
				t.Fatalf("SQL sums: 2025 %d, 2026 %d; want 20 and 5", last, now)
			}
			text := h.run(manager, byLang(lang, "report", "보고서"), commands.OutcomeOK).Text()
			var row string
			for _, l := range strings.Split(text, "\n") {
				if strings.Contains(l, byLang(lang, "Jobs for disabl", "장애인 일자리")) && strings.Contains(l, itoa(last)+"※") {
					row = l
				}
			}
			if row == "" || !strings.Contains(row, itoa(now-last)) {
				t.Errorf("no row marking 전년 동기 %d※ with change %d:\n%s", last, now-last, text)
			}
			mustContain(t, text, byLang(lang, "last year: includes the Jan–Oct 누계 report #"+itoa(id)+" of 2025-10-31",
				"전년 동기: 2025. 10. 31. 기준 1월~10월 누계 보고분(#"+itoa(id)+")"))
			youthLast := minor43Sum(h, "youth", "2025-01-01", "2025-12-14")
			for _, l := range strings.Split(text, "\n") {
				if strings.Contains(l, byLang(lang, "Youth", "청년일자리")) && strings.Contains(l, "※") {
					t.Errorf("youth reported month by month (%d) is marked: %q", youthLast, l)
				}
			}
		})
	}
}

// On 2026. 12. 31. `1주차` was read as 2026's week 1 alone (2025. 12. 29. ~
// 2026. 1. 4.) and asked "12월 실적인지 1월 실적인지", its December being
// 2025's. It may as well be 2027's week 1, four days ahead: both are
// asked, the months named with their years; the past week's lines record.
func TestMinor43YearEndWeekOneAsksBoth(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-31")
			r := h.run("M43A", byLang(lang, "add 3 youth note:1주차 입사", "추가 청년 3 메모:1주차 입사"), commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "week 1 of 2026 (2025-12-29 to 2026-01-04)", "2026년 1주차(2025. 12. 29. ~ 2026. 1. 4."),
				byLang(lang, "week 1 of 2027 (2027-01-04 to 2027-01-10), still to come", "아직 오지 않은 2027년 1주차(2027. 1. 4. ~ 2027. 1. 10.)"),
				byLang(lang, "2025-12", "2025년 12월"), byLang(lang, "2026-01", "2026년 1월"))
			mustNotContain(t, r.Text(), "12월 실적인지 12월", "12월 실적인지 1월", "month 12 or month 12")
			offered := r32Offered(r)
			if len(offered) != 2 || offered[0] == offered[1] {
				t.Fatalf("offered %q, want two different lines", offered)
			}
			h.run("M43A", offered[1], commands.OutcomeOK)
			if got := minor43Sum(h, "youth", "2026-01-01", "2026-01-04"); got != 3 {
				t.Fatalf("SQL SUM of 2026's week 1 in January %d, want 3", got)
			}
			// week 2 lies in one month: its line and the entry's own date
			r = h.run("M43B", byLang(lang, "add 2 youth note:2주차 입사", "추가 청년 2 메모:2주차 입사"), commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "2027-01-11", "2027. 1. 11."))
			if offered = r32Offered(r); len(offered) != 2 || offered[0] == offered[1] {
				t.Fatalf("offered %q, want two different lines", offered)
			}
			h.run("M43B", offered[0], commands.OutcomeOK)
			if got := minor43Sum(h, "youth", "2026-01-05", "2026-01-11"); got != 2 {
				t.Fatalf("SQL SUM of 2026's week 2 %d, want 2", got)
			}
		})
	}
}

// A week over two months in the entry's own year still names its months
// without years (49주차 typed on 2026. 12. 7.).
func TestMinor43WeekStraddleSameYearMonths(t *testing.T) {
	t.Parallel()
	h := r32At(t, commands.Korean, "2026-12-07")
	r := h.run("M43C", "추가 청년 3 메모:49주차 채용", commands.OutcomeRefused)
	mustContain(t, r.Text(), "11월 실적인지 12월 실적인지")
	if got := minor43Sum(h, "youth", "2026-01-01", "2026-12-31"); got != 0 {
		t.Fatalf("SQL SUM %d, want 0", got)
	}
}

// On 2027. 1. 5. `52주차 채용` was read as 2027's week 52, a start to come,
// while `W52 채용` was 2026's: both are 2026's week 52, the most recent.
func TestMinor43WeekNumberFormsReadTheSameYear(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2027-01-05")
			var total int64
			for i, note := range []string{"52주차 채용", "W52 채용"} {
				user := []string{"M43D", "M43E"}[i]
				count := []string{"3", "4"}[i]
				r := h.run(user, byLang(lang, "add "+count+" youth note:", "추가 청년 "+count+" 메모:")+note, commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(lang, "2026-12-21", "2026. 12. 21."), byLang(lang, "date:2026-12-25", "날짜:2026. 12. 25."))
				mustNotContain(t, r.Text(), "2027. 12.", "2027-12", "이후에 입사", "start work after")
				offered := r32Offered(r)
				if len(offered) == 0 {
					t.Fatalf("%s: no line offered:\n%s", note, r.Text())
				}
				h.run(user, offered[0], commands.OutcomeOK)
				total += int64(3 + i)
				if got := minor43Sum(h, "youth", "2026-12-21", "2026-12-27"); got != total {
					t.Fatalf("%s: SQL SUM of 2026's week 52 %d, want %d", note, got, total)
				}
			}
		})
	}
}

// `날짜:0주차` is refused saying there is no week 0 and weeks run from 1.
func TestMinor43WeekZero(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-31")
			for _, line := range []string{byLang(lang, "add 3 youth date:0주차", "추가 청년 3 날짜:0주차"), byLang(lang, "status 0주차", "현황 0주차")} {
				r := h.run("M43F", line, commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(lang, "there is no week 0", "0주차라는 주는 없습니다"),
					byLang(lang, "weeks 1 to 53", "1주차부터 53주차까지"))
				mustNotContain(t, r.Text(), byLang(lang, "so it has no week 0", "53주차까지만 있어"))
			}
			if got := minor43Sum(h, "youth", "2000-01-01", "2100-12-31"); got != 0 {
				t.Fatalf("SQL SUM %d, want 0", got)
			}
		})
	}
}

// `날짜:1/2/9999` offered lines dated 9999: a year-last date in a year that
// cannot be meant (before 2000, more than a year ahead) is refused saying
// so, with no line; one in a near year is still asked both ways.
func TestMinor43YearLastDateOutOfRange(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-31")
			for _, y := range []string{"9999", "1999", "2030"} {
				r := h.run("M43G", byLang(lang, "add 3 youth date:1/2/", "추가 청년 3 날짜:1/2/")+y, commands.OutcomeRefused)
				mustContain(t, r.Text(), byLang(lang, "is in "+y+", which cannot be right", y+"년은 맞을 수 없어"))
				if offered := r32Offered(r); len(offered) != 0 {
					t.Errorf("%s: lines offered %q", y, offered)
				}
				mustNotContain(t, r.Text(), y+"-01-02", y+". 1. 2.")
			}
			r := h.run("M43G", byLang(lang, "add 3 youth date:1/2/2027", "추가 청년 3 날짜:1/2/2027"), commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, "2027-01-02", "2027. 1. 2."), byLang(lang, "2027-02-01", "2027. 2. 1."))
			if got := minor43Sum(h, "youth", "1900-01-01", "9999-12-31"); got != 0 {
				t.Fatalf("SQL SUM %d, want 0", got)
			}
		})
	}
}

// The combining-mark refusal named a word holding a backtick inside a code
// span, which closed it: the word is named without its backticks.
func TestMinor43MarkWordWithBacktick(t *testing.T) {
	t.Parallel()
	word, _, _, found := commands.MarkOnHangul("어\u0301`제 입사")
	if !found || strings.Contains(word, "`") {
		t.Fatalf("MarkOnHangul: %q found %v, want the word without backticks", word, found)
	}
	if got := commands.CodeSpanText("a`b``c"); got != "abc" {
		t.Fatalf("CodeSpanText = %q", got)
	}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := r32At(t, lang, "2026-12-31")
		r := h.run("M43H", byLang(lang, "add 3 youth note:어\u0301`제 입사", "추가 청년 3 메모:어\u0301`제 입사"), commands.OutcomeRefused)
		if n := strings.Count(r.Text(), "`"); n%2 != 0 {
			t.Errorf("%s: an odd number (%d) of backticks:\n%s", lang, n, r.Text())
		}
		if got := minor43Sum(h, "youth", "2000-01-01", "2100-12-31"); got != 0 {
			t.Fatalf("SQL SUM %d, want 0", got)
		}
	}
}

// `보고서 분기` was refused as neither a period nor a grouping: it names
// the forms that say which quarter, and each of them is read.
func TestMinor43ReportQuarterAlone(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-14")
			h.run(manager, byLang(lang, "add 7 youth date:2026-10-05", "추가 청년 7 날짜:10/5"), commands.OutcomeOK)
			r := h.run(manager, byLang(lang, "report quarter", "보고서 분기"), commands.OutcomeRefused)
			forms := []string{byLang(lang, "report Q4", "보고서 4분기"), byLang(lang, "report this quarter", "보고서 이번 분기"),
				byLang(lang, "report last quarter", "보고서 지난 분기")}
			for _, f := range forms {
				mustContain(t, r.Text(), "`"+f+"`")
			}
			q4 := minor43Sum(h, "youth", "2026-10-01", "2026-12-14")
			for _, f := range forms[:2] {
				mustContain(t, h.run(manager, f, commands.OutcomeOK).Text(), byLang(lang, "2026 Q4", "2026년 4분기"), itoa(q4))
			}
			mustContain(t, h.run(manager, forms[2], commands.OutcomeOK).Text(), byLang(lang, "2026 Q3", "2026년 3분기"))
		})
	}
}
