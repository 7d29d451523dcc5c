package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// clockHarness is a harness whose clock the test moves, as a replayed
// session (`--today`) does.
type clockHarness struct {
	*harness
	now *time.Time
}

func newClockHarness(t *testing.T, lang commands.Lang, start time.Time) clockHarness {
	t.Helper()
	store := dbtest.New(t)
	now := start
	svc := commands.New(commands.Config{DBDeadline: time.Minute,
		Store: store, Language: lang, Managers: []string{manager},
		Now: func() time.Time { return now },
	})
	return clockHarness{&harness{t: t, store: store, svc: svc}, &now}
}

// at sets the clock to noon of a day in Seoul.
func (h clockHarness) at(y int, m time.Month, d int) {
	*h.now = time.Date(y, m, d, 3, 0, 0, 0, time.UTC) // 12:00 in Seoul
}

// A past date compares with the target in force on it, and says what the
// figure is against the target revised since: a 과장 comparing 4월말 with
// last month's paper sees the same 58%.
func TestPastDateUsesTargetInForce(t *testing.T) {
	t.Parallel()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newClockHarness(t, lang, time.Date(2026, 1, 5, 3, 0, 0, 0, time.UTC))
		h.run(manager, "target 20500", commands.OutcomeOK)
		h.run(manager, "target 7000 program:vulnerable", commands.OutcomeOK)
		h.run(manager, "dept target 복지정책과 8000", commands.OutcomeOK)
		h.at(2026, time.May, 4)
		h.run("U1", "add 7,100 vulnerable date:2026-04-30 confirm:yes", commands.OutcomeOK)
		h.run("U1", "add 4,880 invest date:2026-04-30", commands.OutcomeOK)
		ytdApril := h.sumSQL("", day(1, 1), day(4, 30))
		if ytdApril != 11980 {
			t.Fatalf("ledger through April: %d", ytdApril)
		}
		before := h.run("U1", "status 4월말", commands.OutcomeOK).Text()

		h.at(2026, time.June, 15) // 추경: the targets are revised
		h.run(manager, "target 21000 reason:추경", commands.OutcomeOK)
		h.run(manager, "target 7500 program:vulnerable reason:추경", commands.OutcomeOK)
		h.run(manager, "dept target 복지정책과 9000 reason:supplementary budget", commands.OutcomeOK)
		h.run("U1", "add 20 youth date:2026-06-15", commands.OutcomeOK)

		after := h.run("U1", "status 4월말", commands.OutcomeOK).Text()
		then := map[commands.Lang]string{
			commands.English: "Total: 11,980 of the 20,500 target (58%)",
			commands.Korean:  "누계 11,980개 / 목표 20,500개(달성률 58%)",
		}[lang]
		revised := map[commands.Lang]string{
			commands.English: "against the target in force on 2026-04-30; against the current target of 21,000 it is 57%",
			commands.Korean:  "2026. 4. 30. 당시 목표 기준입니다. 현재 목표 21,000개 기준으로는 57%입니다.",
		}[lang]
		mustContain(t, before, then)
		mustContain(t, after, then, revised)
		// The program and the department keep April's targets too.
		mustContain(t, after, map[commands.Lang]string{
			commands.English: "7,100 of 7,000 (101%) (target now 7,500)",
			commands.Korean:  "7,100개 / 목표 7,000개(달성률 101%) (현재 목표 7,500개)",
		}[lang], map[commands.Lang]string{
			commands.English: "복지정책과: 7,100 of 8,000 target (88%) (target now 9,000)",
			commands.Korean:  "복지정책과: 7,100개 / 목표 8,000개(달성률 88%) (현재 목표 9,000개)",
		}[lang])

		// A department's status as of April compares with its April target.
		dept := h.run("U1", "status 4월말 dept:복지정책과", commands.OutcomeOK).Text()
		mustContain(t, dept, map[commands.Lang]string{
			commands.English: "against the current target of 9,000 it is 78%",
			commands.Korean:  "현재 목표 9,000개 기준으로는 78%입니다.",
		}[lang], "8,000")

		// Today's status uses today's target and has nothing to explain.
		now := h.run("U1", "status", commands.OutcomeOK).Text()
		ytd := h.sumSQL("", day(1, 1), day(6, 15))
		mustContain(t, now, formatCount(ytd), "21,000")
		if strings.Contains(now, "20,500") || strings.Contains(now, revised) {
			t.Errorf("today's status mentions the old target:\n%s", now)
		}

		// The monthly report as of April and the digest of April's last week.
		report := h.run("U1", "report 4월말", commands.OutcomeOK).Text()
		mustContain(t, report, "20,500", map[commands.Lang]string{
			commands.English: "against the current target of 21,000 the total is 57%",
			commands.Korean:  "현재 목표 21,000개 기준으로는 57%입니다.",
		}[lang])
		d, err := h.svc.Digest(context.Background(), day(4, 27))
		if err != nil {
			t.Fatal(err)
		}
		if d.Target != 20500 || d.TargetNow != 21000 || d.YearToDate.Jobs != h.sumSQL("", day(1, 1), day(5, 3)) {
			t.Errorf("digest of 2026-W18: target %d (now %d), year to date %d", d.Target, d.TargetNow, d.YearToDate.Jobs)
		}
		digest := h.svc.DigestReply(d).Text()
		mustContain(t, digest, "58%", map[commands.Lang]string{
			commands.English: "against the current target of 21,000 it is 57%",
			commands.Korean:  "현재 목표 21,000개 기준으로는 57%입니다.",
		}[lang])
		if dt := d.DepartmentTargets; len(dt) != 1 || dt[0].Target != 8000 {
			t.Errorf("digest department targets %+v; want 복지정책과 at April's 8,000", dt)
		}
	}
}

// A date before the year's target was first set had no target in force:
// no view claims a 당시 목표 for it. Status, the report and the digest say no
// target had been set on that date and compare with the current target,
// labelled as such (현재 목표).
func TestDateBeforeFirstTargetSaysThereWasNone(t *testing.T) {
	t.Parallel()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newClockHarness(t, lang, time.Date(2026, 5, 4, 3, 0, 0, 0, time.UTC))
		h.run("U1", "add 7,100 vulnerable date:2026-03-31 confirm:yes", commands.OutcomeOK)
		h.run(manager, "target 20500", commands.OutcomeOK) // first set on 2026-05-04
		h.at(2026, time.June, 15)
		h.run(manager, "target 21000 reason:추경", commands.OutcomeOK)
		ytd := h.sumSQL("", day(1, 1), day(3, 31))
		if ytd != 7100 {
			t.Fatalf("ledger through March: %d", ytd)
		}
		text := h.run("U1", byLang(lang, "status 2026-03-31", "현황 3월말"), commands.OutcomeOK).Text()
		mustContain(t, text,
			byLang(lang, "Total: 7,100 of the 21,000 target (33%)", "누계 7,100개 / 목표 21,000개(달성률 33%)"),
			byLang(lang, "No target had been set yet on 2026-03-31: the percentage is against the current target of 21,000.",
				"2026. 3. 31.에는 아직 목표가 정해지지 않았습니다. 달성률은 현재 목표 21,000개 기준입니다."))
		for _, claim := range []string{"20,500", "당시 목표", "in force on"} {
			if strings.Contains(text, claim) {
				t.Errorf("status as of 3/31 says %q, claiming a target of that date:\n%s", claim, text)
			}
		}
		// After the first setting the target of the day stands, as before.
		april := h.run("U1", byLang(lang, "status 2026-05-31", "현황 5월말"), commands.OutcomeOK).Text()
		mustContain(t, april, "20,500", byLang(lang, "against the target in force on 2026-05-31", "2026. 5. 31. 당시 목표 기준입니다."))
		if strings.Contains(april, byLang(lang, "No target had been set", "아직 목표가 정해지지")) {
			t.Errorf("5월말 had a target:\n%s", april)
		}

		report := h.run("U1", byLang(lang, "report 2026-03-31", "보고서 3월말"), commands.OutcomeOK).Text()
		mustContain(t, report, byLang(lang, "No target had been set yet on 2026-03-31: the percentages are against the current targets (the year's: 21,000).",
			"2026. 3. 31.에는 아직 목표가 정해지지 않았습니다. 달성률은 현재 목표(전체 21,000개) 기준입니다."))
		if strings.Contains(report, byLang(lang, "in force on", "당시 목표")) {
			t.Errorf("report as of 3/31 claims a target of that date:\n%s", report)
		}

		d, err := h.svc.Digest(context.Background(), day(3, 23)) // 2026-W13, ending 3/29
		if err != nil {
			t.Fatal(err)
		}
		if d.Target != 21000 || !d.TargetNotYet || d.YearToDate.Jobs != h.sumSQL("", day(1, 1), day(3, 29)) {
			t.Errorf("digest of 2026-W13: target %d (not yet set: %v), year to date %d", d.Target, d.TargetNotYet, d.YearToDate.Jobs)
		}
		digest := h.svc.DigestReply(d).Text()
		mustContain(t, digest, byLang(lang, "No target had been set yet on 2026-03-29", "2026. 3. 29.에는 아직 목표가 정해지지 않았습니다."))
		if strings.Contains(digest, byLang(lang, "in force on", "당시 목표")) {
			t.Errorf("digest of 2026-W13 claims a target of that week:\n%s", digest)
		}
	}
}
