package commands_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files from the current output")

// The golden data set's moments: the demo is loaded on Wednesday 20 May
// 2026, and the digest of the week of 18–24 May (2026-W21) is read on the
// Monday after, 10:00 in Seoul.
var (
	loadedAt  = time.Date(2026, time.May, 20, 1, 0, 0, 0, time.UTC)
	digestAt  = time.Date(2026, time.May, 25, 1, 0, 0, 0, time.UTC)
	goldenWk  = dates.On(2026, time.May, 18)
	seoulZone = mustLoad("Asia/Seoul")
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// goldenData loads the article's April figures (DemoScript), last year's
// curve, a few weeks of entries, a void and candidate moves, with every
// instant the database stamps itself (voids, stage moves) set to a fixed
// moment so the digest never depends on when the test runs.
func goldenData(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	load := h.svc.WithClock(func() time.Time { return loadedAt })
	boss := commands.Caller{UserID: manager, Source: commands.SourceConsole}
	if err := load.RunScript(ctx, boss, commands.DemoScript()); err != nil {
		t.Fatal(err)
	}
	if err := load.RunScript(ctx, boss, []string{
		"target 1000 program:youth",
		// Last year, for the chart's second curve.
		"add 3000 vulnerable date:2025-03-31 confirm:yes", "add 2500 invest date:2025-06-30 confirm:yes",
		"add 4000 vulnerable date:2025-09-30 confirm:yes", "add 3500 social date:2025-12-15 confirm:yes",
		// The week before (2026-W20).
		"add 80 vulnerable date:2026-05-12", "add 40 invest date:2026-05-14",
	}); err != nil {
		t.Fatal(err)
	}
	week := h.svc.WithClock(func() time.Time { return digestAt })
	if err := week.RunScript(ctx, boss, []string{
		"add 60 senior date:2026-05-21 dept:노인복지과 note:주간보호센터 요양보호사",
		"add 25 social date:2026-05-22",
		"add 10 youth date:2026-05-22 note:중복 입력",
		"add 15 rail date:2026-05-24",
		"add 5 youth date:2026-05-24",
		"void 16 중복 입력",
		"void 18 다음 주 실적",
		// The demo's own job-fair report is dated in April; this week has one too.
		"add 35 youth date:2026-05-19 dept:일자리정책과 note:채용박람회",
	}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		// Void 16 late on Sunday night in Seoul: inside the week. Void 18
		// ten minutes into Monday in Seoul, still Sunday in UTC: outside.
		`UPDATE entries SET voided_at = '2026-05-24 23:30+09' WHERE id = 16`,
		`UPDATE entries SET voided_at = '2026-05-25 00:10+09' WHERE id = 18`,
		// Candidates 1–3 were found the week before; 4 and 5 this week.
		`UPDATE candidate_moves SET moved_at = '2026-05-12 10:00+09'`,
		`UPDATE candidate_moves SET moved_at = '2026-05-18 09:00+09'::timestamptz + id * interval '1 hour' WHERE id IN (4, 5, 8, 10, 12)`,
	} {
		if _, err := h.store.DB().ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	h.svc = week
	return h
}

func TestDigestGolden(t *testing.T) {
	t.Parallel()
	h := goldenData(t)
	ctx := context.Background()
	var out strings.Builder
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: h.store, Language: lang, Location: seoulZone, Now: func() time.Time { return digestAt }})
		d, err := svc.Digest(ctx, goldenWk)
		if err != nil {
			t.Fatalf("Digest: %v", err)
		}
		out.WriteString("===== " + string(lang) + " =====\n")
		out.WriteString(svc.DigestReply(d).Text())
		out.WriteString("\n\n")
	}
	checkGolden(t, "digest.golden", out.String())
}

// TestStatusGolden keeps the status, list and candidate replies of the golden
// data set in both languages, for review line by line.
func TestStatusGolden(t *testing.T) {
	t.Parallel()
	h := goldenData(t)
	ctx := context.Background()
	lines := map[commands.Lang][]string{
		commands.English: {"status", "status q2", "status h1", "status 2026-05", "status youth", "list", "candidate show 1"},
		commands.Korean:  {"현황", "현황 2분기", "현황 상반기", "현황 2026년 5월", "현황 청년", "목록", "후보 보기 1"},
	}
	var out strings.Builder
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		for _, line := range lines[lang] {
			r := h.svc.Handle(ctx, commands.Caller{UserID: manager, Source: commands.SourceConsole, Lang: lang}, line)
			out.WriteString("===== " + string(lang) + ": " + line + " =====\n" + r.Text() + "\n\n")
		}
	}
	checkGolden(t, "status.golden", out.String())
}

// checkGolden compares got with testdata/name, rewriting it under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./commands -run Golden -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (rerun with -update if the change is intended):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

// TestDigestFigures checks the digest's numbers against sums taken straight
// from the entries, not against its own arithmetic.
func TestDigestFigures(t *testing.T) {
	t.Parallel()
	h := goldenData(t)
	ctx := context.Background()
	d, err := h.svc.Digest(ctx, goldenWk.AddDate(0, 0, 3)) // any day of the week names it
	if err != nil {
		t.Fatal(err)
	}
	sum := func(from, to string) int64 {
		var n int64
		if err := h.store.DB().GetContext(ctx, &n, `SELECT coalesce(sum(count), 0) FROM entries
			WHERE voided_at IS NULL AND status = 'realised' AND as_of BETWEEN $1 AND $2`, from, to); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if !d.WeekStart.Equal(goldenWk) || !d.WeekEnd.Equal(dates.On(2026, 5, 24)) {
		t.Errorf("week %s..%s; want 2026-05-18..2026-05-24", d.WeekStart, d.WeekEnd)
	}
	if want := sum("2026-05-18", "2026-05-24"); d.Week.Jobs != want {
		t.Errorf("week jobs %d; entries say %d", d.Week.Jobs, want)
	}
	if want := sum("2026-05-11", "2026-05-17"); d.PrevWeek.Jobs != want {
		t.Errorf("week before %d; entries say %d", d.PrevWeek.Jobs, want)
	}
	if want := sum("2026-01-01", "2026-05-24"); d.YearToDate.Jobs != want {
		t.Errorf("year to date %d; entries say %d", d.YearToDate.Jobs, want)
	}
	if d.WeekPublic.Jobs+d.WeekPrivate.Jobs != d.Week.Jobs {
		t.Errorf("public %d + private %d != week %d", d.WeekPublic.Jobs, d.WeekPrivate.Jobs, d.Week.Jobs)
	}
	if len(d.Voided) != 1 || d.Voided[0].ID != 16 {
		t.Errorf("voided this week = %+v; want only #16 (the other was voided on Monday in Seoul)", d.Voided)
	}
	if len(d.NewCandidates) != 2 || len(d.Moves) != 3 {
		t.Errorf("candidates: %d new, %d moves; want 2 and 3", len(d.NewCandidates), len(d.Moves))
	}
	if len(d.Lagging) != 1 || d.Lagging[0].Program.Code != "youth" {
		t.Errorf("lagging = %+v; want youth alone", d.Lagging)
	}
	c := d.Chart
	if c.Year != 2026 || c.Target != 20500 || len(c.ThisYear) == 0 || len(c.LastYear) == 0 {
		t.Fatalf("chart series = %+v", c)
	}
	if last := c.ThisYear[len(c.ThisYear)-1]; !last.Day.Equal(d.AsOf) || last.Jobs != d.YearToDate.Jobs {
		t.Errorf("chart ends at %+v; want %s with the year to date %d", last, d.AsOf, d.YearToDate.Jobs)
	}
	if last := c.LastYear[len(c.LastYear)-1]; last.Jobs != sum("2025-01-01", "2025-12-31") || last.Day != dates.On(2025, 12, 31) {
		t.Errorf("last year's curve ends at %+v", last)
	}
	// Drawing it is the poster's: bot/digest's tests render a gathered digest.
}

// TestDigestAcrossTheYearEnd: the week of 2026-12-28..2027-01-03 (ISO week
// 2026-W53) reports 2026's final total, with no weeks left.
func TestDigestAcrossTheYearEnd(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run(manager, "target 1000", commands.OutcomeOK)
	late := h.svc.WithClock(func() time.Time { return time.Date(2027, 1, 5, 1, 0, 0, 0, time.UTC) })
	ctx := context.Background()
	if err := late.RunScript(ctx, commands.Caller{UserID: manager}, []string{
		"add 600 youth date:2026-06-30 confirm:yes", "add 50 youth date:2026-12-30", "add 7 youth date:2027-01-02",
	}); err != nil {
		t.Fatal(err)
	}
	week, err := dates.ParseISOWeek("2026-W53")
	if err != nil {
		t.Fatal(err)
	}
	d, err := late.Digest(ctx, week)
	if err != nil {
		t.Fatal(err)
	}
	if d.Year != 2026 || !d.AsOf.Equal(dates.On(2026, 12, 31)) || d.WeeksLeft != 0 {
		t.Fatalf("year %d, as of %s, %d weeks left; want 2026, 2026-12-31, 0", d.Year, d.AsOf, d.WeeksLeft)
	}
	if d.Week.Jobs != 57 || d.YearToDate.Jobs != 650 {
		t.Errorf("week %d, year to date %d; want 57 (both years' days) and 650 (2026 only)", d.Week.Jobs, d.YearToDate.Jobs)
	}
	text := late.DigestReply(d).Text()
	mustContain(t, text, "2026-W53 (2026-12-28 – 2027-01-03)", "650 of the 1,000 target (65%)", "The year ended 350 short of the target.")
}

// fakePoster records PostDigest calls and answers with a fixed result.
type fakePoster struct {
	weeks []time.Time
	by    []string
	res   commands.PostResult
	err   error
}

func (f *fakePoster) PostDigest(_ context.Context, week time.Time, by string) (commands.PostResult, error) {
	f.weeks, f.by = append(f.weeks, week), append(f.by, by)
	r := f.res
	r.WeekStart = week
	return r, f.err
}

func TestDigestCommands(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	// fixedNow is Thursday 2026-11-26: the last complete week is 2026-W47.
	r := h.run("U1", "/jobs digest", commands.OutcomeOK)
	mustContain(t, r.Text(), "Weekly jobs digest · 2026-W47 (2026-11-16 – 2026-11-22)", "Preview: only you see this")
	r = h.run("U1", "digest 2026-W17", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026-W17 (2026-04-20 – 2026-04-26)")
	r = h.run("U1", "digest 2026-W48", commands.OutcomeRefused)
	mustContain(t, r.Text(), "has not ended yet")
	r = h.run("U1", "digest someday", commands.OutcomeRefused)
	mustContain(t, r.Text(), "ISO week like 2026-W17", "Usage: `/jobs digest [2026-W17]`")
	r = h.run("U1", "digest post", commands.OutcomeRefused)
	mustContain(t, r.Text(), "Only managers")
	r = h.run(manager, "digest post", commands.OutcomeRefused)
	mustContain(t, r.Text(), "DIGEST_CHANNEL")

	poster := &fakePoster{res: commands.PostResult{Status: commands.PostedNow, Channel: "CDIGEST", MessageTS: "1.2"}}
	svc := h.with(func(c *commands.Config) { c.DigestPoster = poster })
	boss := commands.Caller{UserID: manager}
	r = svc.Handle(context.Background(), boss, "digest post")
	if r.Outcome != commands.OutcomeOK || !strings.Contains(r.Text(), "Posted the digest for 2026-W47 to CDIGEST") {
		t.Fatalf("digest post: %s %s", r.Outcome, r.Text())
	}
	if len(poster.weeks) != 1 || !poster.weeks[0].Equal(dates.On(2026, 11, 16)) || poster.by[0] != manager {
		t.Fatalf("poster called with %v by %v", poster.weeks, poster.by)
	}
	poster.res.Status = commands.PostedBefore
	r = svc.Handle(context.Background(), boss, "주간 게시")
	if r.Outcome != commands.OutcomeRepeated || !strings.Contains(r.Text(), "already posted") {
		t.Fatalf("digest post again: %s %s", r.Outcome, r.Text())
	}
	poster.err = context.DeadlineExceeded
	r = svc.Handle(context.Background(), boss, "digest post")
	if r.Outcome != commands.OutcomeFailed || strings.Contains(r.Text(), "deadline") {
		t.Fatalf("failed post: %s %s", r.Outcome, r.Text())
	}
	r = h.run("U1", "help digest", commands.OutcomeOK)
	mustContain(t, r.Text(), "digest 2026-W17")
}
