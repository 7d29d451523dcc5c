package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// Status of a past span judges a department's silence as of the span's end,
// not today; a department that said it had nothing that month (실적 없음) has
// reported, in status and in the digest (review of issues 9 and 13).
func TestSilenceIsJudgedAtTheSpanEndAndNothingCounts(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	june := h.svc.WithClock(func() time.Time { return time.Date(2026, 6, 1, 1, 0, 0, 0, time.UTC) })
	ctx := context.Background()
	if err := june.RunScript(ctx, commands.Caller{UserID: manager}, []string{
		"add 10 senior date:2026-04-01", "add 10 senior date:2026-05-20 confirm:yes", "none 5월 dept:투자유치과",
	}); err != nil {
		t.Fatal(err)
	}
	april := june.Handle(ctx, commands.Caller{UserID: manager}, "status 4월").Text()
	mustContain(t, april, "노인복지과: 10 · silent since 2026-04-01")

	may := june.Handle(ctx, commands.Caller{UserID: manager}, "status 5월").Text()
	for _, line := range strings.Split(may, "\n") {
		if strings.HasPrefix(line, "투자유치과") && (strings.Contains(line, "nothing logged") || strings.Contains(line, "silent")) {
			t.Errorf("a department that reported nothing for May is called silent: %q", line)
		}
	}
	d, err := june.Digest(ctx, dates.On(2026, 5, 25))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.SilentDepartments {
		if s.Department == "투자유치과" {
			t.Errorf("the digest lists 투자유치과 as silent although it reported nothing for May")
		}
	}
}

// 실적 없음 cannot stand beside jobs of the same month, and only the
// department's reporters (or a manager) may record it, since it stops the
// month-end reminders (review of issue 13).
func TestNothingIsRefusedWhereItCannotBeTrue(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run(manager, "add 10 senior date:2026-11-02", commands.OutcomeOK)
		r := h.run("U1", "none 11월 dept:노인복지과", commands.OutcomeRefused)
		mustContain(t, r.Text(), "노인복지과")
		h.run(manager, "dept add 투자유치과 <@UINVEST>", commands.OutcomeOK)
		h.run("U1", "none 11월 dept:투자유치과", commands.OutcomeRefused)
		h.run("UINVEST", "none 11월 dept:투자유치과", commands.OutcomeOK)
		var n int
		if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); err != nil || n != 1 {
			t.Errorf("%s: live 실적 없음 reports = %d (%v), want 1", lang, n, err)
		}
	}
}

// Department names carry no Slack link or mention syntax and no quotes: they
// are typed back into commands by buttons and shown in files (review of issue 13).
func TestDepartmentNamesRefuseSlackSyntax(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, line := range []string{"dept add <!channel>", "dept add <http://evil.example|클릭>", "dept add 기획`과", "dept rename 복지정책과 <@U123>", "dept add 창업과 aliases:a|b"} {
		r := h.run(manager, line, commands.OutcomeRefused)
		if strings.Contains(r.Text(), "(는)") || strings.Contains(r.Text(), "은(") {
			t.Errorf("%q: hedged particle in %q", line, r.Text())
		}
	}
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM departments WHERE department ~ '[<>|"]' OR array_to_string(aliases, ',') ~ '[<>|"]'`); err != nil || n != 0 {
		t.Errorf("departments with Slack syntax stored: %d (%v)", n, err)
	}
}

// Staff are not offered the buttons of decisions only a manager may take
// (designated, not selected); a manager is (issue 10).
func TestDecisionButtonsOnlyForManagers(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run(manager, `candidate add "Hanbit Bakery"`, commands.OutcomeOK)
	h.run(manager, "candidate move 1 screening", commands.OutcomeOK)
	decides := func(r commands.Reply) bool {
		for _, a := range r.Actions {
			if strings.Contains(a.Command, "designated") || strings.Contains(a.Command, "not-selected") {
				return true
			}
		}
		return false
	}
	if decides(h.run("USTAFF", "candidate show 1", commands.OutcomeOK)) {
		t.Error("staff are offered a decision button")
	}
	if !decides(h.run(manager, "candidate show 1", commands.OutcomeOK)) {
		t.Error("a manager is not offered the decision buttons")
	}
}

// Department targets have a history too: `target history` lists their
// revisions, and a merge that adds one department's target to another's is
// recorded as a revision (review of issue 13).
func TestDepartmentTargetHistory(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run(manager, "dept target 복지정책과 300", commands.OutcomeOK)
	h.run(manager, "dept target 복지정책과 350 사유:추경 반영", commands.OutcomeOK)
	h.run(manager, "dept target 노인복지과 100", commands.OutcomeOK)
	h.run(manager, "dept merge 노인복지과 복지정책과", commands.OutcomeOK)
	r := h.run(manager, "target history", commands.OutcomeOK).Text()
	mustContain(t, r, "복지정책과: set to 300", "복지정책과: 350 → 450")
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n,
		`SELECT jobs FROM department_targets WHERE department = '복지정책과'`); err != nil || n != 450 {
		t.Errorf("복지정책과's target = %d (%v), want 450", n, err)
	}
}

// Officials write the investment programme as 투자, and a year total that
// includes approximate figures keeps its 여 (Korean review).
func TestInvestAliasAndApproximateYearTotal(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	r := h.run("U1", "추가 2400여 투자 누계 4월말", commands.OutcomeOK)
	mustContain(t, r.Text(), "기업 및 투자유치 2026년 누계: 2,400여개")
	r = h.run("U1", "추가 20 투자 4월말 누계포함:아니오", commands.OutcomeOK)
	mustContain(t, r.Text(), "기업 및 투자유치 2026년 누계: 2,420여개")
	r = h.run("U1", "추가 5 청년 4월말", commands.OutcomeOK)
	mustContain(t, r.Text(), "청년일자리 2026년 누계: 5개")
}
