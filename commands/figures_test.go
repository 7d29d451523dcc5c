package commands_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// storedEntry is the newest entry, read straight from the table.
type storedEntry struct {
	Count       int64     `db:"count"`
	Approximate bool      `db:"approximate"`
	AsOf        time.Time `db:"as_of"`
	Status      string    `db:"status"`
	Employment  string    `db:"employment_type"`
	Note        string    `db:"note"`
}

func (h *harness) newestEntry() storedEntry {
	h.t.Helper()
	var e storedEntry
	err := h.store.DB().GetContext(context.Background(), &e,
		`SELECT count, approximate, as_of, status, employment_type, note FROM entries ORDER BY id DESC LIMIT 1`)
	if err != nil {
		h.t.Fatal(err)
	}
	return e
}

func (h *harness) entriesStored() int {
	h.t.Helper()
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries`); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// sumSQL is a plain SUM over live realised entries of one program (or all,
// code ""), as-of dates in [from, to].
func (h *harness) sumSQL(code string, from, to time.Time) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL AND e.status = 'realised' AND ($1 = '' OR p.code = $1)
		  AND e.as_of BETWEEN $2::date AND $3::date`, code, from.Format(time.DateOnly), to.Format(time.DateOnly))
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Counts written the way officials write them reach the ledger as one
// number with the approximate flag, in both reply languages.
func TestKoreanCountsThroughAdd(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		for _, tt := range []struct {
			line   string
			count  int64
			approx bool
			reply  string
		}{
			{"add 천여 명 senior", 1000, true, "1,000여"},
			{"add 만 명 vulnerable", 10000, false, "10,000"},
			{"add 백여 개 rail", 100, true, "100여"},
			{"add 1.2만 vulnerable confirm:yes", 12000, false, "12,000"},
			{"add 300 명 youth", 300, false, "300"},
			{"add 6백 명 youth", 600, false, "600"}, // not 5백: 500 after 약 500 is held as a repeat
			{"add 1만 3천여 개 vulnerable", 13000, true, "13,000여"},
		} {
			r := h.run("U1", confirmed(tt.line), commands.OutcomeOK)
			reply := tt.reply
			if n, ok := strings.CutSuffix(reply, "여"); ok && lang == commands.English {
				reply = "about " + n // English writes an approximate figure "about 1,000"
			}
			mustContain(t, r.Text(), reply)
			noFormatSlips(t, r.Text())
			if e := h.newestEntry(); e.Count != tt.count || e.Approximate != tt.approx || e.Note != "" {
				t.Errorf("%q stored %+v; want %d approx %v and no note", tt.line, e, tt.count, tt.approx)
			}
		}
		before := h.entriesStored()
		for _, tt := range []struct{ line, en, ko string }{
			{"add 1.23456만 youth", "`1.23456만` is not a whole number", "`1.23456만`: 정수가 아닙니다"},
			{"add 약 2,40,0 youth", "`2,40,0` has a misplaced comma", "`2,40,0`: 쉼표 위치가 맞지 않습니다"},
			// 약 500 is about 500; 500여, the ledger's form, a little over it (r20 F1/G5).
			{"add 약 500 youth", "`약 500` is an approximate count", "`약 500`은 어림수입니다"},
			{"add 대략 510 youth", "`대략 510` is an approximate count", "`대략 510`은 어림수입니다"},
			{"add ~520 youth", "`~520` is an approximate count", "`~520`은 어림수입니다"},
			{"add youth 약 40 명", "`약 40 명` is an approximate count", "`약 40 명`은 어림수입니다"},
			{"add 만 youth", "`만` is not a number", "`만`은 수가 아닙니다"},
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			want := tt.en
			if lang == commands.Korean {
				want = tt.ko
			}
			text := r.Text()
			mustContain(t, text, want, map[commands.Lang]string{commands.English: "/jobs add <count>", commands.Korean: "/jobs 추가 <수>"}[lang])
			if strings.Contains(text, "know the program") || strings.Contains(text, "사업을 찾을 수 없습니다") {
				t.Errorf("%q blames a program:\n%s", tt.line, text)
			}
		}
		for _, line := range []string{"add 310 명 youth", "add youth 1~4월 30"} {
			r := h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceConsole}, line)
			if text := r.Text(); strings.Contains(text, "know the program") || strings.Contains(text, "사업을 찾을 수 없습니다") {
				t.Errorf("%q blames a counter or period as a program:\n%s", line, text)
			}
		}
		if after := h.entriesStored(); after != before+1 {
			t.Errorf("refused lines wrote %d entries", after-before-1)
		}
	}
}

// A date, status or employment type typed without its label is read as that
// field; what reads as one but cannot be placed is asked about, not noted.
func TestFreeStandingFieldsInAdd(t *testing.T) {
	t.Parallel()
	// fixedNow is Thursday 2026-11-26.
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		for _, tt := range []struct {
			line       string
			asOf       time.Time
			status     string
			employment string
			note       string
		}{
			{"add 40 senior 11월20일", dates.On(2026, 11, 20), "realised", "", ""}, // 기준 after it is asked about (k32)
			{"add 10 youth 11/20 note:job fair", dates.On(2026, 11, 20), "realised", "", "job fair"},
			{"add 15 youth 약정", dates.On(2026, 11, 26), "agreed", "", ""},
			{"add 7 youth 일용 note:박람회", dates.On(2026, 11, 26), "realised", "daily", "박람회"},
			{"add 5 youth 금요일", dates.On(2026, 11, 20), "realised", "", ""},
			{"add 6 youth 지난주 금요일", dates.On(2026, 11, 20), "realised", "", ""},
			{"add 5 youth 그저께", dates.On(2026, 11, 24), "realised", "", ""},
			{"add 5 youth 지난달 말", dates.On(2026, 10, 31), "realised", "", ""},
			{"add 5 youth 11.25", dates.On(2026, 11, 25), "realised", "", ""},
			{"add 7 youth 11월 25일자", dates.On(2026, 11, 25), "realised", "", ""},
		} {
			h.run("U1", tt.line, commands.OutcomeOK)
			e := h.newestEntry()
			if !e.AsOf.Equal(tt.asOf) || e.Status != tt.status || e.Employment != tt.employment || e.Note != tt.note {
				t.Errorf("%q stored %+v; want as of %s, %s, %q, note %q", tt.line, e, tt.asOf.Format(time.DateOnly), tt.status, tt.employment, tt.note)
			}
		}
		before := h.entriesStored()
		for _, tt := range []struct{ line, en, ko string }{
			{"add 10 youth 11월31일", "`11월31일` is not a real date: month 11 has 30 days.", "`11월31일`: 11월은 30일까지입니다."},
			{"add 10 youth MOU체결", "`MOU체결` may mean agreements (MOU)", "`MOU체결` 부분은 채용이 아니라 약정(협약)을 뜻할 수 있습니다"},
			{"add 10 youth 11/20 어제", "two dates", "날짜가 두 번 있습니다"},
			{"add 10 youth 약정 status:realised", "contradicts the status", "상태가 서로 다르게 두 번 있습니다"},
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			want, usage := tt.en, "Usage: `/jobs add"
			if lang == commands.Korean {
				want, usage = tt.ko, "사용법: `/jobs 추가"
			}
			mustContain(t, r.Text(), want, usage)
		}
		if after := h.entriesStored(); after != before {
			t.Errorf("refused lines wrote %d entries", after-before)
		}
		// note: keeps such words verbatim; a note saying MOU or 예정 needs
		// the status given, as a note never sets it (k32, F1).
		h.run("U1", "add 3 youth note: MOU 11월31일 예정", commands.OutcomeRefused)
		h.run("U1", "add 3 youth status:agreed note: MOU 11월31일 예정", commands.OutcomeOK)
		if e := h.newestEntry(); e.Note != "MOU 11월31일 예정" || e.Status != "agreed" {
			t.Errorf("note: stored %+v", e)
		}
	}
}

// An agreed (MOU) entry answers with the realised total and the agreed
// pipeline apart, never the agreed sum as the year's total.
func TestAgreedEntryReply(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang  commands.Lang
		wants []string
	}{
		{commands.English, []string{"Youth jobs (youth) total for 2026: 280 hired; agreed jobs are not in it.",
			"Agreed (MOU) pipeline for 2026, not in the jobs total: 15."}},
		{commands.Korean, []string{"청년일자리 2026년 채용 누계: 280개(약정 제외)",
			"이 사업의 2026년 약정 누계(실적 제외): 15개"}},
	} {
		h := newHarness(t, tt.lang)
		h.run("U1", "add 280 youth date:2026-05-10", commands.OutcomeOK)
		r := h.run("U1", "add 15 youth status:agreed", commands.OutcomeOK)
		mustContain(t, r.Text(), tt.wants...)
		noFormatSlips(t, r.Text())
		if strings.Contains(r.Text(), "total for 2026: 15") || strings.Contains(r.Text(), "2026년 누적: 15") {
			t.Errorf("agreed sum shown as the year's total:\n%s", r.Text())
		}
		if got := h.sumSQL("youth", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 280 {
			t.Errorf("realised youth = %d; want 280", got)
		}
	}
}

// status 4월말 and status 2026-04-30 are 누계 through that date; every view
// shows the same span last year and the change, each figure a plain SUM.
func TestStatusThroughDateAndLastYear(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		for _, line := range []string{
			"target 1000", "add 100 youth date:2025-03-15 confirm:yes", "add 50 youth date:2025-06-10 confirm:yes",
			"add 120 youth date:2026-02-01", "add 30 youth date:2026-04-30", "add 40 youth date:2026-05-10",
			"add 5 invest date:2025-04-30 confirm:yes",
		} {
			h.run(manager, line, commands.OutcomeOK)
		}
		apr := h.sumSQL("", dates.On(2026, 1, 1), dates.On(2026, 4, 30))
		aprLast := h.sumSQL("", dates.On(2025, 1, 1), dates.On(2025, 4, 30))
		if apr != 150 || aprLast != 105 {
			t.Fatalf("SQL sums %d / %d; the test data is not what it says", apr, aprLast)
		}
		for _, line := range []string{"status 4월말", "status 2026-04-30", "현황 4월말 현재 전년 동기"} {
			r := h.run("U1", line, commands.OutcomeOK)
			noFormatSlips(t, r.Text())
			if lang == commands.English {
				mustContain(t, r.Text(), "Jobs status · total through 2026-04-30", "Total: 150 of the 1,000 target (15%)",
					"Same span last year (2025-01-01 – 2025-04-30): 105 · change +45 (+43%)")
			} else {
				mustContain(t, r.Text(), "일자리 현황 · 2026. 4. 30. 현재 누계", "누계 150개 / 목표 1,000개(달성률 15%)",
					"전년 동기(2025. 1. 1. ~ 2025. 4. 30.) 105개 · 증감 +45개 (+43%)")
			}
		}
		year, yearLast := h.sumSQL("", dates.On(2026, 1, 1), dates.On(2026, 11, 26)), h.sumSQL("", dates.On(2025, 1, 1), dates.On(2025, 11, 26))
		r := h.run("U1", "status", commands.OutcomeOK)
		want := fmt.Sprintf("Same span last year (2025-01-01 – 2025-11-26): %d · change +35 (+23%%)", yearLast)
		if lang == commands.Korean {
			want = fmt.Sprintf("전년 동기(2025. 1. 1. ~ 2025. 11. 26.) %d개 · 증감 +35개 (+23%%)", yearLast)
		}
		if year-yearLast != 35 {
			t.Fatalf("SQL sums %d / %d", year, yearLast)
		}
		mustContain(t, r.Text(), want)
		r = h.run("U1", "status 1~4월 youth", commands.OutcomeOK)
		if lang == commands.English {
			mustContain(t, r.Text(), "Jobs status · 2026-01~04 · Youth jobs (youth)", "Same span last year (2025-01-01 – 2025-04-30): 100 · change +50 (+50%)")
		}
		r = h.run("U1", "status 작년 4분기", commands.OutcomeOK)
		if lang == commands.English {
			mustContain(t, r.Text(), "2025 Q4", "Same span last year (2024-10-01 – 2024-12-31): 0 · change ±0")
		}
	}
}

// The digest judges silent departments as its week's Sunday saw them, even
// when the department reported after that week.
func TestDigestSilentAsOfWeekEnd(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	late := h.svc.WithClock(func() time.Time { return time.Date(2026, 6, 1, 1, 0, 0, 0, time.UTC) })
	ctx := context.Background()
	if err := late.RunScript(ctx, commands.Caller{UserID: manager}, []string{
		"add 10 senior date:2026-05-01", "add 20 youth date:2026-05-20", "add 7 senior date:2026-05-26",
	}); err != nil {
		t.Fatal(err)
	}
	d, err := late.Digest(ctx, dates.On(2026, 5, 18))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, late.DigestReply(d).Text(), "노인복지과 (since 2026-05-01)")
	if strings.Contains(late.DigestReply(d).Text(), "일자리정책과 (") {
		t.Errorf("youth's department reported this week but shows as silent")
	}
	// The next week's digest sees the 5/26 report.
	d, err = late.Digest(ctx, dates.On(2026, 5, 25))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(late.DigestReply(d).Text(), "노인복지과 (since") {
		t.Errorf("노인복지과 reported on 5/26 but shows as silent in that week")
	}
}

// The digest of ISO week 1 reports the year the week ends in, and closes
// the year it starts in.
func TestDigestWeekOneReportsTheYearItEndsIn(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang  commands.Lang
		wants []string
	}{
		{commands.English, []string{"2026-W01 (2025-12-29 – 2026-01-04)", "Year to date (2026-01-04): 7 of the 1,000 target (under 1%)", "2025 closed at 650 jobs (as of 2025-12-31)."}},
		{commands.Korean, []string{"2026년 1주차 (2025. 12. 29. ~ 2026. 1. 4.)", "연간 누계(2026. 1. 4. 기준) 7개 / 목표 1,000개(달성률 1% 미만)", "2025년 최종 실적: 650개 (2025. 12. 31. 기준)."}},
	} {
		h := newHarness(t, tt.lang)
		late := h.svc.WithClock(func() time.Time { return time.Date(2026, 1, 5, 1, 0, 0, 0, time.UTC) })
		ctx := context.Background()
		if err := late.RunScript(ctx, commands.Caller{UserID: manager}, []string{
			"target 1000", "add 600 youth date:2025-06-30 confirm:yes", "add 50 youth date:2025-12-30 confirm:yes", "add 7 youth date:2026-01-02",
		}); err != nil {
			t.Fatal(err)
		}
		week, err := dates.ParseISOWeek("2026-W01")
		if err != nil {
			t.Fatal(err)
		}
		d, err := late.Digest(ctx, week)
		if err != nil {
			t.Fatal(err)
		}
		if d.Year != 2026 || d.YearToDate.Jobs != 7 || d.Week.Jobs != 57 || d.PrevYearFinal.Jobs != 650 {
			t.Fatalf("year %d, ytd %d, week %d, closed %d; want 2026, 7, 57, 650", d.Year, d.YearToDate.Jobs, d.Week.Jobs, d.PrevYearFinal.Jobs)
		}
		mustContain(t, late.DigestReply(d).Text(), tt.wants...)
		noFormatSlips(t, late.DigestReply(d).Text())
	}
}

// A week made mostly of cumulative reports (누계) says so, naming their
// dates; a delta dated on a month's last day is that day's hires and is not
// counted; a week of ordinary reports says nothing.
func TestDigestMonthEndReports(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang commands.Lang
		want string
	}{
		{commands.English, "2,750 of the week's 2,773 jobs are the increments of cumulative reports (totals as of 4/29, 4/30)"},
		{commands.Korean, "이번 주 2,773개 가운데 2,750개는 4월 29일, 4월 30일 기준 누계 보고의 증가분입니다."},
	} {
		h := newHarness(t, tt.lang)
		late := h.svc.WithClock(func() time.Time { return time.Date(2026, 5, 12, 1, 0, 0, 0, time.UTC) })
		ctx := context.Background()
		// March's reports make the 누계 reports no program's first of the
		// year, whose whole year to date a week leaves out (review r41 F8).
		if err := late.RunScript(ctx, commands.Caller{UserID: manager}, []string{
			"add 100 invest date:3/31", "add 50 youth date:3/31",
			"add 2400 invest cumulative date:4월말", "add 500 youth cumulative date:4/29", "add 20 senior date:4/28",
			"add 3 youth date:4/30", "add 30 senior date:5/5 confirm:yes", "add 10 youth date:5/6",
		}); err != nil {
			t.Fatal(err)
		}
		d, err := late.Digest(ctx, dates.On(2026, 4, 27))
		if err != nil {
			t.Fatal(err)
		}
		var cumulativeSQL int64
		if err := h.store.DB().GetContext(ctx, &cumulativeSQL, `
			SELECT coalesce(sum(count), 0) FROM entries
			WHERE voided_at IS NULL AND status = 'realised' AND as_of BETWEEN '2026-04-27' AND '2026-05-03'
			  AND kind = 'cumulative'`); err != nil {
			t.Fatal(err)
		}
		if d.CumulativeJobs != 2750 || d.CumulativeJobs != cumulativeSQL || d.Week.Jobs != h.sumSQL("", dates.On(2026, 4, 27), dates.On(2026, 5, 3)) {
			t.Fatalf("cumulative %d of %d; a plain SUM gives %d", d.CumulativeJobs, d.Week.Jobs, cumulativeSQL)
		}
		text := late.DigestReply(d).Text()
		mustContain(t, text, tt.want)
		noFormatSlips(t, text)
		d, err = late.Digest(ctx, dates.On(2026, 5, 4))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.CumulativeDays) != 0 || strings.Contains(late.DigestReply(d).Text(), "cumulative reports") {
			t.Errorf("an ordinary week is flagged as cumulative")
		}
	}
}

// TestCumulativeReportsHoldAsOfTheirDate: for random interleavings of
// deltas and cumulative reports with back-dated dates, every cumulative
// report leaves the program's total through its date equal to the figure
// reported, and status figures equal a plain SUM over entries.
func TestCumulativeReportsHoldAsOfTheirDate(t *testing.T) {
	t.Parallel()
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	h := newHarness(t, commands.English)
	programs := []string{"youth", "invest"}
	start := dates.On(2026, 1, 1)
	span := int(dates.On(2026, 11, 26).Sub(start).Hours()/24) + 1
	for step := 0; step < 60; step++ {
		code := programs[rng.IntN(len(programs))]
		day := start.AddDate(0, 0, rng.IntN(span))
		if rng.IntN(2) == 0 {
			h.run("U1", fmt.Sprintf("add %d %s date:%s confirm:yes within:no", 1+rng.IntN(200), code, day.Format(time.DateOnly)), commands.OutcomeOK)
			continue
		}
		figure := h.sumSQL(code, start, day) + 1 + int64(rng.IntN(300))
		line := fmt.Sprintf("add %d %s cumulative date:%s", figure, code, day.Format(time.DateOnly))
		// A figure that leaves a later report no increase is refused (the
		// later report keeps its total); any other is recorded.
		r := h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceConsole}, line)
		if r.Outcome == commands.OutcomeRefused && strings.Contains(r.Text(), "does not fit the later cumulative report") {
			continue
		}
		if r.Outcome != commands.OutcomeOK {
			t.Fatalf("step %d: %q: outcome %q:\n%s", step, line, r.Outcome, r.Text())
		}
		if got := h.sumSQL(code, start, day); got != figure {
			t.Fatalf("step %d: after %q the total through %s is %d; want %d (seed %d)", step, line, day.Format(time.DateOnly), got, figure, seed)
		}
	}
	for _, tt := range []struct {
		line string
		to   time.Time
	}{{"status", dates.On(2026, 11, 26)}, {"status 4월말", dates.On(2026, 4, 30)}, {"status 2026-08-31", dates.On(2026, 8, 31)}} {
		r := h.run("U1", tt.line, commands.OutcomeOK)
		mustContain(t, r.Text(), fmt.Sprintf("Total: %s", formatCount(h.sumSQL("", start, tt.to))))
		for _, code := range programs {
			mustContain(t, r.Text(), fmt.Sprintf("(%s) · ", code), fmt.Sprintf(": %s", formatCount(h.sumSQL(code, start, tt.to))))
		}
	}
}

// formatCount writes thousands separators, as replies do.
func formatCount(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// noFormatSlips fails on a fmt verb that did not meet its argument, the mark
// of arguments swapped between the English and the Korean word order.
func noFormatSlips(t *testing.T, text string) {
	t.Helper()
	if strings.Contains(text, "%!") {
		t.Errorf("reply has a format slip:\n%s", text)
	}
}

// list shows this year's entries first, newest first, even when last year's
// figures were back-filled later; a period keeps its own order.
func TestListShowsThisYearFirst(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run("U1", "add 10 youth date:2026-03-01", commands.OutcomeOK)
		h.run("U1", "add 11 youth date:2026-02-01", commands.OutcomeOK)
		for i := range 25 {
			h.run("U1", fmt.Sprintf("add %d invest date:2025-%02d-01 confirm:yes", 100+i, 1+i%12), commands.OutcomeOK)
		}
		lines := strings.Split(h.run("U1", "list", commands.OutcomeOK).Text(), "\n")
		if len(lines) < 4 || !strings.HasPrefix(lines[1], "#2 ") || !strings.HasPrefix(lines[2], "#1 ") || !strings.HasPrefix(lines[3], "#27 ") {
			t.Fatalf("list does not start with this year's entries, newest first:\n%s", strings.Join(lines, "\n"))
		}
		if n := strings.Count(strings.Join(lines, "\n"), "\n#"); n != 20 {
			t.Errorf("list shows %d entries; want 20", n)
		}
		r := h.run("U1", "list 2025", commands.OutcomeOK)
		if strings.Contains(r.Text(), "youth") {
			t.Errorf("list 2025 shows a 2026 entry:\n%s", r.Text())
		}
	}
}
