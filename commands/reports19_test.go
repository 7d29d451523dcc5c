package commands_test

import (
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
)

// reports19Line is the line of text that starts with prefix.
func reports19Line(t *testing.T, text, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			return strings.TrimSpace(l)
		}
	}
	t.Fatalf("no line %q in:\n%s", prefix, text)
	return ""
}

// Review r37 F6: an agreement (#1, 2026. 11. 2.), a 채용 of it dated last
// week (11. 25.) and one this week (12. 2.), on 2026. 12. 4.: `현황 이번주`
// said "약정 100개 · 채용 17개" as the week's, last week's 10 among them.
// The week view says its own hires, by their dates, equal to a plain SQL
// SUM over that week, and titles the rest as the year to date; `현황
// 지난주` says last week's alone. A view of the year is as before.
func TestReports19WeekViewCountsAHireInTheWeekOfItsDate(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			h.run(manager, byLang(lang, "add 100 senior date:2026-11-02 status:agreed", "추가 노인 100 2026. 11. 2. 상태:약정"), commands.OutcomeOK)
			id := h.sqlInt(`SELECT id FROM entries WHERE status = 'agreed'`)
			h.run(manager, byLang(lang, fmt.Sprintf("hire %d 10 2026-11-25", id), fmt.Sprintf("채용 %d 10 2026. 11. 25.", id)), commands.OutcomeOK)
			h.run(manager, byLang(lang, fmt.Sprintf("hire %d 7 2026-12-02", id), fmt.Sprintf("채용 %d 7 2026. 12. 2.", id)), commands.OutcomeOK)
			hires := func(from, to string) int64 {
				return h.sqlInt(`SELECT COALESCE(SUM(e.count), 0) FROM entries e JOIN agreement_hires x ON x.hire_entry_id = e.id
					WHERE e.voided_at IS NULL AND e.as_of BETWEEN $1::date AND $2::date`, from, to)
			}
			year := hires("2026-01-01", "2026-12-04")
			for _, c := range []struct {
				line, from, to, span string
			}{
				{byLang(lang, "status this-week", "현황 이번주"), "2026-11-30", "2026-12-04", byLang(lang, "2026-11-30 – 2026-12-04", "2026. 11. 30. ~ 2026. 12. 4.")},
				{byLang(lang, "status last-week", "현황 지난주"), "2026-11-23", "2026-11-29", byLang(lang, "2026-11-23 – 2026-11-29", "2026. 11. 23. ~ 2026. 11. 29.")},
			} {
				text := h.run(manager, c.line, commands.OutcomeOK).Text()
				week := hires(c.from, c.to)
				through := hires("2026-01-01", c.to)
				line := reports19Line(t, text, byLang(lang, "senior: agreed", "노인 일자리: 약정"))
				want := byLang(lang, fmt.Sprintf("hired in this period (%s): %d", c.span, week), fmt.Sprintf("이 기간(%s) 채용 %d개", c.span, week))
				if !strings.Contains(line, want) {
					t.Errorf("%s: the agreement line %q lacks %q (SQL SUM of the week's hires %d)", c.line, line, want, week)
				}
				mustContain(t, line, byLang(lang, fmt.Sprintf("hired %d", through), fmt.Sprintf("채용 %d개", through)))
				mustContain(t, text, byLang(lang, "this year's agreements, to date", "약정 이행 (올해 약정, 2026. 1. 1. ~"))
				// The week's 실적 is the week's SUM too.
				mustContain(t, text, byLang(lang, fmt.Sprintf(": %d", week), fmt.Sprintf("실적 %d개", week)))
			}
			if hires("2026-11-30", "2026-12-06") != 7 || hires("2026-11-23", "2026-11-29") != 10 || year != 17 {
				t.Fatalf("ledger: week 49 %d, week 48 %d, year %d", hires("2026-11-30", "2026-12-06"), hires("2026-11-23", "2026-11-29"), year)
			}
			// The year's view: its hires are the year's, no span line.
			text := h.run(manager, byLang(lang, "status", "현황"), commands.OutcomeOK).Text()
			line := reports19Line(t, text, byLang(lang, "senior: agreed", "노인 일자리: 약정"))
			mustContain(t, line, byLang(lang, fmt.Sprintf("hired %d", year), fmt.Sprintf("채용 %d개", year)))
			if strings.Contains(line, byLang(lang, "in this period", "이 기간")) {
				t.Errorf("the year's view says a span: %q", line)
			}
		})
	}
}

// reports19Section is the text of the reply's section whose heading
// starts with prefix.
func reports19Section(t *testing.T, r commands.Reply, prefix string) string {
	t.Helper()
	for _, sec := range r.Sections {
		if strings.HasPrefix(sec.Heading, prefix) {
			return strings.Join(sec.Lines, "\n")
		}
	}
	t.Fatalf("no section %q in:\n%s", prefix, r.Text())
	return ""
}

// Review r37 F4: `보고서 4분기` (`report q4`) printed the year: months
// January to December and the 누계, under a title that named no quarter.
// A report of a quarter, a month or a half is titled by it, shows its
// months only, then its own 실적 (each row equal to a plain SQL SUM over
// the entries dated in it, a 누계 report by its stored increment), and
// words the year's figures as 연간 누계 (equal to the SUM from 1 January).
// A report of the year or through a date (4월말) is as before.
func TestReports19QuarterReportShowsTheQuarter(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, lang, "2026-12-04")
			for _, line := range []string{
				"add 100 senior date:2026-03-10",
				"add 20 youth date:2026-07-01",
				"add 30여 senior date:2026-10-05",
				"add 50 senior date:2026-11-05",
				"add 200 invest cumulative date:2026-11-20",
				"add 15 youth date:2026-12-02",
				"add 40 youth date:2026-11-10 status:agreed",
			} {
				h.run(manager, line, commands.OutcomeOK)
			}
			sum := func(code, from, to string) int64 {
				if code == "" {
					return h.sum("e.as_of BETWEEN $1::date AND $2::date", from, to)
				}
				return h.sum("p.code = $1 AND e.as_of BETWEEN $2::date AND $3::date", code, from, to)
			}
			total := byLang(lang, "Total", "합계")
			rows := map[string]string{"senior": "노인 일자리", "youth": "청년일자리", "invest": "기업 및 투자유치"}
			for _, c := range []struct {
				lines            []string
				from, to, title  string
				months, noMonths []string
			}{
				{[]string{byLang(lang, "report q4", "보고서 4분기"), byLang(lang, "report 2026 q4", "보고서 2026년 4분기")}, "2026-10-01", "2026-12-04",
					byLang(lang, "Report for 2026 Q4", "2026년 4분기 추진실적"), []string{byLang(lang, "Oct", "10월"), byLang(lang, "Dec", "12월")}, []string{byLang(lang, "Jan", "1월 ")}},
				{[]string{byLang(lang, "report 2026-11", "보고서 11월")}, "2026-11-01", "2026-11-30",
					byLang(lang, "Report for 2026-11", "2026년 11월 추진실적"), []string{byLang(lang, "Nov", "11월")}, []string{byLang(lang, "Oct", "10월")}},
				{[]string{byLang(lang, "report h1", "보고서 상반기")}, "2026-01-01", "2026-06-30",
					byLang(lang, "Report for 2026 H1", "2026년 상반기 추진실적"), []string{byLang(lang, "Jan", "1월"), byLang(lang, "Jun", "6월")}, []string{byLang(lang, "Jul", "7월")}},
			} {
				for _, line := range c.lines {
					r := h.run(manager, line, commands.OutcomeOK)
					text := r.Text()
					if !strings.HasPrefix(r.Title, c.title) {
						t.Errorf("%s: title %q, want %q", line, r.Title, c.title)
					}
					own := reports19Section(t, r, byLang(lang, "Jobs in", strings.TrimSuffix(c.title, " 추진실적")+" 실적("))
					// The period's 실적 leaves out the year's first 누계 of a
					// program (invest's 200 of 11. 20.), which holds its jobs
					// from January on (review r41 F8): label9PeriodSQL.
					period := func(code string) int64 { return h.sqlInt(label9PeriodSQL, c.from, c.to, code) }
					want := period("")
					if got := r19cell(cells(t, own, total), 0); r19fig(got) != fmt.Sprint(want) {
						t.Errorf("%s: the period's total %s, SQL SUM %d\n%s", line, got, want, text)
					}
					if lang == commands.Korean {
						for code, label := range rows {
							got, want := cells(t, own, label)[0], period(code)
							if want == 0 && got != "-" || want != 0 && r19fig(got) != fmt.Sprint(want) {
								t.Errorf("%s: %s %s, SQL SUM %d", line, label, got, want)
							}
						}
					}
					// The 30여 of 10. 5. is in Q4 and in the year: both carry 여.
					approx := c.from <= "2026-10-05" && "2026-10-05" <= c.to
					if got := cells(t, own, total)[0]; strings.HasSuffix(got, "여") != (approx && lang == commands.Korean) && lang == commands.Korean {
						t.Errorf("%s: the period's total %q, 여 %v", line, got, approx)
					}
					year := reports19Section(t, r, byLang(lang, "Year to date (2026-01-01", "연간 누계(2026. 1. 1. ~"))
					if got, want := r19cell(cells(t, year, total), 1), sum("", "2026-01-01", c.to); r19fig(got) != fmt.Sprint(want) {
						t.Errorf("%s: 연간 누계 %s, SQL SUM %d", line, got, want)
					}
					mustContain(t, text, byLang(lang, "Year to date", "연간 누계"))
					var heads []string
					for _, sec := range r.Sections {
						if sec.Mono && len(sec.Lines) > 0 && strings.HasPrefix(sec.Heading, byLang(lang, "Jobs per month", "월별 실적")) {
							heads = append(heads, sec.Lines[0])
						}
					}
					header := strings.Join(heads, " ")
					for _, m := range c.months {
						if !strings.Contains(header, m) {
							t.Errorf("%s: month headers %q lack %s", line, header, m)
						}
					}
					for _, m := range c.noMonths {
						if strings.Contains(header+" ", m) && (m != byLang(lang, "Jan", "1월 ") || !strings.Contains(header, byLang(lang, "Jan", "11월"))) {
							t.Errorf("%s: month headers %q hold %s, outside the period", line, header, m)
						}
					}
				}
			}
			// A quarter not begun is refused, never the year titled as it.
			early := r32At(t, lang, "2026-09-10")
			mustContain(t, early.run(manager, byLang(lang, "report q4", "보고서 4분기"), commands.OutcomeRefused).Text(),
				byLang(lang, "2026 Q4 has not begun yet", "2026년 4분기는 아직 시작되지 않아"))
			// A report through a date is the year's 누계, as before.
			r := h.run(manager, byLang(lang, "report 2026-04-30", "보고서 4월말"), commands.OutcomeOK)
			if strings.Contains(r.Text(), byLang(lang, "Year to date (", "연간 누계(")) || !strings.Contains(r.Title, byLang(lang, "Monthly report 2026", "2026년 월별 추진실적")) {
				t.Errorf("a report through 4월말 changed:\n%s", r.Text())
			}
			text := h.run(manager, byLang(lang, "report", "보고서"), commands.OutcomeOK).Text()
			if got, want := r19cell(cells(t, text[strings.LastIndex(text, byLang(lang, "To date against", "누계 · 목표")):], total), 1), sum("", "2026-01-01", "2026-12-04"); r19fig(got) != fmt.Sprint(want) {
				t.Errorf("the year's 누계 %s, SQL SUM %d", got, want)
			}
		})
	}
}

// r19cell is the i-th figure of a table row's cells, "about 295" (English)
// taken as one.
func r19cell(cs []string, i int) string {
	if cs[i] == "about" && i+1 < len(cs) {
		return "about " + cs[i+1]
	}
	return cs[i]
}

// r19fig is a figure cell as digits: commas, 여 and "about" taken off.
func r19fig(s string) string {
	return strings.TrimSuffix(strings.ReplaceAll(strings.TrimPrefix(s, "about "), ",", ""), "여")
}
