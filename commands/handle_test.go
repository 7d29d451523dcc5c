package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// fixedNow is Thursday 26 November 2026, 10:00 in Seoul.
var fixedNow = time.Date(2026, time.November, 26, 1, 0, 0, 0, time.UTC)

const manager = "UMANAGER"

type harness struct {
	t     *testing.T
	store *db.Store
	svc   *commands.Service
	cfg   commands.Config // what svc was built with
}

// newHarness is a Service on a database of the test's own. Its database
// deadline is a minute, not DefaultDBDeadline: these tests check what is
// recorded and answered, and the whole suite runs side by side on a
// loaded CI machine (two CPUs, several packages, eight tests each), where a
// command's queries can wait seconds for a CPU. A 2.5 s deadline there
// made tests fail with "storage unavailable" that pass alone. What the
// deadline itself does is tested where it is set (deadline_test.go,
// stall_test.go); how fast commands are is measured by the benchmarks.
func newHarness(t *testing.T, lang commands.Lang) *harness {
	t.Helper()
	store := dbtest.New(t)
	cfg := commands.Config{
		Store: store, Language: lang, Managers: []string{manager},
		Now: func() time.Time { return fixedNow }, DBDeadline: time.Minute,
	}
	return &harness{t: t, store: store, svc: commands.New(cfg), cfg: cfg}
}

// with returns a Service on the harness's store built with the harness's
// Config as edit changes it: a poster, a file sender or people's names,
// handed over when the Service is built, as serve does.
func (h *harness) with(edit func(*commands.Config)) *commands.Service {
	cfg := h.cfg
	edit(&cfg)
	return commands.New(cfg)
}

// run runs a line as user and fails the test unless the outcome is want.
func (h *harness) run(user, line string, want commands.Outcome) commands.Reply {
	h.t.Helper()
	r := h.svc.Handle(context.Background(), commands.Caller{UserID: user, Source: commands.SourceConsole}, line)
	if r.Outcome != want {
		h.t.Fatalf("%q as %s: outcome %q, want %q; reply:\n%s", line, user, r.Outcome, want, r.Text())
	}
	return r
}

func mustContain(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("reply lacks %q:\n%s", w, text)
		}
	}
}

// yearTotal is the plain sum of live realised entries of 2026, straight from
// the entries, so the tests do not trust the handler's own arithmetic.
func (h *harness) yearTotal() int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n,
		`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of BETWEEN '2026-01-01' AND '2026-12-31'`)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

func TestArticleSession(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	for _, line := range []string{
		"/jobs target 2만500",
		"/jobs add 2400여 invest date:4월말",
		"/jobs add 6백여 rail date:4월말",
		"/jobs add 180 youth date:4월말",
		"/jobs add 1700 social date:4월말",
		"/jobs add 7100 vulnerable date:4월말",
	} {
		h.run(manager, line, commands.OutcomeOK)
	}
	r := h.run(manager, "/jobs status", commands.OutcomeOK)
	mustContain(t, r.Text(), "about 11,980 of the 20,500 target (58%)", "Public 8,980 · Private about 3,000",
		"Includes 3,000 reported as approximate", "Still needed: 8,520, about 1,420 a week over the 6 weeks left")
	if len(r.Actions) != 1 || r.Actions[0].ID != commands.ActionShare {
		t.Errorf("status offers %+v; want one Share button", r.Actions)
	}
	if got := h.yearTotal(); got != 11980 {
		t.Errorf("entries sum to %d; want 11980", got)
	}
}

func TestBadInputChangesNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", "add 100 youth", commands.OutcomeOK)
	for _, tt := range []struct{ line, says string }{
		{"/jobs add 일자리 youth", "not a number"},
		{"/jobs add 0 youth", "at least 1"},
		{"/jobs add 180 nosuchprogram", "I don't know the program `nosuchprogram`"},
		{"/jobs add 180 yuoth", "Did you mean Youth jobs (youth)"},
		{"/jobs add '; DROP TABLE entries; --", "not a number"},
		{"/jobs add 180 youth date:2026-12-01", "in the future"},
		{"/jobs add 180 youth note:" + strings.Repeat("가", 501), "longer than 500"},
		{"/jobs target 30000", "Only managers"},
	} {
		r := h.run("U1", tt.line, commands.OutcomeRefused)
		mustContain(t, r.Text(), tt.says)
		if strings.Contains(r.Text(), "sql") || strings.Contains(r.Text(), "pq:") {
			t.Errorf("%q leaks internals: %s", tt.line, r.Text())
		}
	}
	if got := h.yearTotal(); got != 100 {
		t.Errorf("total after refused commands = %d; want 100", got)
	}
	r := h.run("U1", "list", commands.OutcomeOK)
	if n := strings.Count(r.Text(), "#"); n != 1 {
		t.Errorf("list shows %d entries; want 1:\n%s", n, r.Text())
	}
}

func TestVerbatimNotes(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	note := `it's "fine" '; DROP TABLE entries; -- 😀 청년`
	h.run("U1", "add 5 youth note:"+note, commands.OutcomeOK)
	entries, err := h.store.ListEntries(context.Background(), commands.EntryFilter{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Note != note {
		t.Fatalf("stored note %q; want %q", entries[0].Note, note)
	}
}

func TestCumulativeReports(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", "add 2000 invest date:3월말", commands.OutcomeOK)
	r := h.run("U1", "add 2400여 invest cumulative date:4월말", commands.OutcomeOK)
	mustContain(t, r.Text(), "stands at about 2,400 through 2026-04-30, a difference of about 400", "total for 2026: about 2,400")
	r = h.run("U1", "add 2300 invest 누적", commands.OutcomeRefused)
	mustContain(t, r.Text(), "already has about 2,400 jobs through 2026-11-26", "Nothing was saved", "Entries to check: #2 (2026-04-30, about +400)")
	if got := h.yearTotal(); got != 2400 {
		t.Errorf("total = %d; want 2400", got)
	}
}

func TestUndoAndVoid(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	first := h.run("U1", "add 10 youth", commands.OutcomeOK)
	h.run("U1", "add 20 youth confirm:yes", commands.OutcomeOK)
	h.run("U2", "add 40 youth confirm:yes", commands.OutcomeOK)
	if len(first.Actions) != 1 || first.Actions[0].Command != "void 1 undone from the confirmation" {
		t.Fatalf("confirmation buttons = %+v", first.Actions)
	}
	h.run("U1", "undo", commands.OutcomeOK) // voids #2, U1's latest
	if got := h.yearTotal(); got != 50 {
		t.Fatalf("after undo total = %d; want 50", got)
	}
	r := h.run("U1", "void 3", commands.OutcomeRefused)
	mustContain(t, r.Text(), "only they or a manager")
	h.run(manager, "void 3 double counted with senior", commands.OutcomeOK)
	h.run(manager, "void 3", commands.OutcomeRepeated)
	r = h.run("U1", "void 99", commands.OutcomeRefused)
	mustContain(t, r.Text(), "no entry #99")
	if got := h.yearTotal(); got != 10 {
		t.Fatalf("after voids total = %d; want 10", got)
	}
	r = h.run("U1", "list", commands.OutcomeOK)
	mustContain(t, r.Text(), "VOIDED #3", "double counted with senior")
	h.run("U3", "undo", commands.OutcomeRefused)
}

func TestRepeatedDeliveryRecordsOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	caller := commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "trigger-1"}
	first := h.svc.Handle(context.Background(), caller, "add 180 youth")
	again := h.svc.Handle(context.Background(), caller, "add 180 youth")
	if first.Outcome != commands.OutcomeOK || again.Outcome != commands.OutcomeRepeated {
		t.Fatalf("outcomes %q then %q; want ok then repeated", first.Outcome, again.Outcome)
	}
	if got := h.yearTotal(); got != 180 {
		t.Fatalf("total = %d; want 180", got)
	}
}

func TestStatusViews(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	for _, line := range []string{
		"target 2만500", "target 500 program:youth",
		"add 100 youth date:2026-02-10", "add 200 youth date:2026-05-10 confirm:yes", "add 300 invest date:2026-11-24",
		"add 50 invest status:agreed date:2026-11-24",
	} {
		h.run(manager, line, commands.OutcomeOK)
	}
	r := h.run("U1", "status q1", commands.OutcomeOK)
	mustContain(t, r.Text(), "Total in 2026 Q1: 100 (under 1% of the year's 20,500 target)")
	r = h.run("U1", "status youth", commands.OutcomeOK)
	mustContain(t, r.Text(), "300 of the 500 target (60%)")
	r = h.run("U1", "status private", commands.OutcomeOK)
	mustContain(t, r.Text(), "Total: 300", "This week 300", "Not counted: 50 agreed")
	r = h.run("U1", "status dept:일자리정책과", commands.OutcomeOK)
	mustContain(t, r.Text(), "Total: 300")
	r = h.run("U1", "status", commands.OutcomeOK)
	mustContain(t, r.Text(), "By department", "투자유치과: 300", "silent since 2026-05-10", "nothing logged yet")
	r = h.run("U1", "status 일자리정책과", commands.OutcomeOK)
	mustContain(t, r.Text(), "Total: 300", "· 일자리정책과 (as of")
	r = h.run("U1", "status 2025", commands.OutcomeOK)
	mustContain(t, r.Text(), "Total: 0")
	h.run("U1", "status nosuch", commands.OutcomeRefused)
}

func TestCandidates(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	r := h.run("U1", `candidate add "Hanbit Bakery" kind:coop dept:사회적경제과 mission:jobs found at the fair`, commands.OutcomeOK)
	mustContain(t, r.Text(), "candidate #1: Hanbit Bakery, at stage Discovered")
	if len(r.Actions) == 0 || !strings.HasPrefix(r.Actions[0].Command, "candidate move 1 review") {
		t.Fatalf("candidate buttons = %+v", r.Actions)
	}
	h.run("U1", "add candidate 행복나눔 카페 kind:예비", commands.OutcomeOK)
	for _, st := range []string{"실무검토", "briefing", "applied", "심사"} {
		h.run("U1", "candidate move 1 "+st, commands.OutcomeOK)
	}
	h.run(manager, "candidate move 1 designated", commands.OutcomeOK)
	r = h.run("U1", "candidate move 1 review", commands.OutcomeRefused)
	mustContain(t, r.Text(), "only a manager can move it back")
	h.run(manager, "candidate move 1 review reopened after appeal", commands.OutcomeOK)
	r = h.run("U1", "candidate show 1", commands.OutcomeOK)
	mustContain(t, r.Text(), "Kind: Social cooperative", "Note: found at the fair", "Designated → Eligibility review", "reopened after appeal")
	r = h.run("U1", "candidate list review", commands.OutcomeOK)
	mustContain(t, r.Text(), "#1 Hanbit Bakery")
	r = h.run("U1", "status", commands.OutcomeOK)
	mustContain(t, r.Text(), "Discovered 1 · Eligibility review 1")
	h.run("U1", "candidate show 9", commands.OutcomeRefused)
}

func TestPrograms(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", `program add startup en:"Start-up support" sector:private`, commands.OutcomeRefused)
	h.run(manager, `program add startup en:"Start-up support" ko:창업지원 sector:민간 dept:창업지언과 aliases:창업`, commands.OutcomeRefused)
	h.addDepartment("창업지원과")
	h.run(manager, `program add startup en:"Start-up support" ko:창업지원 sector:민간 dept:창업지원과 aliases:창업`, commands.OutcomeOK)
	h.run(manager, `program add start2 en:"Other" sector:private aliases:창업`, commands.OutcomeRefused)
	h.run("U1", "add 12 창업", commands.OutcomeOK)
	h.run(manager, `program rename startup en:"Start-up and venture support"`, commands.OutcomeOK)
	h.run(manager, "program deactivate startup", commands.OutcomeOK)
	r := h.run("U1", "add 3 startup", commands.OutcomeRefused)
	mustContain(t, r.Text(), "inactive")
	r = h.run("U1", "programs", commands.OutcomeOK)
	mustContain(t, r.Text(), "Start-up and venture support · 창업지원과", "(inactive)")
	h.run(manager, "program activate startup", commands.OutcomeOK)
	h.run("U1", "add 3 startup", commands.OutcomeOK)
}

func TestKoreanReplies(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "목표 2만500", commands.OutcomeOK)
	// The same target again is no revision: said so, and the history keeps one line.
	r := h.run(manager, "목표 20,500", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026년 전체 목표는 이미 20,500개입니다. 바뀐 것이 없습니다.")
	r = h.run(manager, "목표 이력", commands.OutcomeOK)
	if strings.Count(r.Text(), "전체 목표:") != 1 {
		t.Errorf("target history after the same figure twice:\n%s", r.Text())
	}
	// A short word suggests only programs that contain it, not any two-syllable name.
	r = h.run("U1", "추가 180 유치", commands.OutcomeRefused)
	mustContain(t, r.Text(), "이름이 비슷한 사업: 기업 및 투자유치\n")
	r = h.run("U1", "추가 180 청년 date:4월말", commands.OutcomeOK)
	mustContain(t, r.Text(), "#1 기록: 청년일자리 180개", "청년일자리 2026년 누계: 180개")
	r = h.run("U1", "현황", commands.OutcomeOK)
	mustContain(t, r.Text(), "누계 180개 / 목표 20,500개(달성률 1% 미만)", "공공 180개 · 민간 0개")
	r = h.run("U1", "추가 일자리 청년", commands.OutcomeRefused)
	mustContain(t, r.Text(), "수가 아닙니다", "사용법")
}

func TestAddForm(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	ctx := context.Background()
	caller := commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: "view-1"}
	_, errs := h.svc.SubmitAddForm(ctx, caller, commands.AddForm{Program: "youth", Count: "일자리", Date: "someday"})
	if errs[commands.FieldCount] == "" || errs[commands.FieldDate] == "" {
		t.Fatalf("field errors = %v; want count and date", errs)
	}
	_, errs = h.svc.SubmitAddForm(ctx, caller, commands.AddForm{Program: "", Count: "5"})
	if errs[commands.FieldProgram] == "" {
		t.Fatalf("field errors = %v; want program", errs)
	}
	r, errs := h.svc.SubmitAddForm(ctx, caller, commands.AddForm{Program: "youth", Count: "1만 2000", Date: "2026-04-30", Note: "spring"})
	if errs != nil || r.Outcome != commands.OutcomeOK {
		t.Fatalf("valid form: %v %s", errs, r.Text())
	}
	if got := h.yearTotal(); got != 12000 {
		t.Fatalf("total = %d; want 12000", got)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	r := h.run("U1", "help", commands.OutcomeOK)
	mustContain(t, r.Text(), "/jobs add <count> <program>", "/jobs candidate move")
	r = h.run("U1", "help add", commands.OutcomeOK)
	mustContain(t, r.Text(), "add 2400여 invest cumulative")
	r = h.run("U1", "frobnicate", commands.OutcomeRefused)
	mustContain(t, r.Text(), "I don't know the command `frobnicate`", "help")
}

func TestStorageOutageIsExplained(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	svc := commands.New(commands.Config{DBDeadline: time.Minute, Store: store, Now: func() time.Time { return fixedNow }})
	store.Close()
	r := svc.Handle(context.Background(), commands.Caller{UserID: "U1"}, "add 5 youth")
	if r.Outcome != commands.OutcomeFailed {
		t.Fatalf("outcome %q; want failed", r.Outcome)
	}
	mustContain(t, r.Text(), "nothing was saved")
}

func TestRedeliveredUndoVoidsOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", "add 10 youth", commands.OutcomeOK)
	h.run("U1", "add 20 youth confirm:yes", commands.OutcomeOK)
	caller := commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "trigger-undo"}
	first := h.svc.Handle(context.Background(), caller, "undo")
	again := h.svc.Handle(context.Background(), caller, "undo")
	if first.Outcome != commands.OutcomeOK || again.Outcome != commands.OutcomeRepeated {
		t.Fatalf("outcomes %q then %q; want ok then repeated", first.Outcome, again.Outcome)
	}
	if got := h.yearTotal(); got != 10 {
		t.Fatalf("total = %d; want 10 (only the latest entry undone)", got)
	}
}

// Sessions (회) are not jobs: a program counted in sessions never adds to the
// job totals of status or the departments.
func TestSessionProgramsAreNotJobs(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.addDepartment("상담센터")
	h.run(manager, `program add counsel en:"Job counselling" sector:public dept:상담센터 unit:회`, commands.OutcomeOK)
	h.run("U1", "add 40 counsel", commands.OutcomeOK)
	h.run("U1", "add 10 youth", commands.OutcomeOK)
	r := h.run("U1", "status", commands.OutcomeOK)
	mustContain(t, r.Text(), "Total: 10", "상담센터: 0")
}
