package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// Review r21 M2: the month-turn hold (a 누계 without a date in a month's
// first week) and the earlier-year hold ended with the size holds' footer,
// "수가 맞다면 … 확인:예": it spoke of the number, and the line it offered
// files the figure dated as typed. Under a date question the footer names
// the date ("이 날짜(2026. 12. 2.)가 맞다면"), and the line for the other
// date (the month before's end; this year's) comes first, as its own
// button on Slack. A size hold keeps its footer.
func TestK58DateHoldFooterNamesTheDate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                                      commands.Lang
		setup, line, monthEnd, confirmed, console string
		slack, pastLine, pastThis, pastConsole    string
		size, sizeLine, notSize                   string
	}{
		{commands.Korean, "추가 청년 누계 950 11. 26.", "추가 청년 누계 975 메모:부서 보고",
			"추가 청년 누계 975 날짜:11월말 메모:부서 보고", "추가 청년 누계 975 날짜:2026. 12. 2. 확인:예 메모:부서 보고",
			"이 날짜(2026. 12. 2.)가 맞다면 다음 줄을 그대로 다시 입력하세요: `추가 청년 누계 975 날짜:2026. 12. 2. 확인:예 메모:부서 보고`",
			"이 날짜(2026. 12. 2.)가 맞다면 '2026. 12. 2. 기준으로 기록' 버튼을 누르거나",
			"추가 노인 6 25.11.19", "추가 노인 6 2026. 11. 19.",
			"이 날짜(2025. 11. 19.)가 맞다면 다음 줄을 그대로 다시 입력하세요: `추가 노인 6 25.11.19 확인:예`",
			"수가 맞다면 다음 줄을 그대로 다시 입력하세요: `추가 300 청년 2026. 11. 20. 확인:예`", "추가 300 청년 2026. 11. 20.", "수가 맞다면"},
		{commands.English, "add youth cumulative 950 date:2026-11-26", "add youth cumulative 975 note:dept report",
			"add youth cumulative 975 date:2026-11-30 note:dept report", "add youth cumulative 975 date:2026-12-02 confirm:yes note:dept report",
			"If this date (2026-12-02) is right, type this line: `add youth cumulative 975 date:2026-12-02 confirm:yes note:dept report`",
			"If this date (2026-12-02) is right, press 'Record as of 2026-12-02' or send this line",
			"add 6 senior 2025-11-19", "add 6 senior 2026-11-19",
			"If this date (2025-11-19) is right, type this line: `add 6 senior 2025-11-19 confirm:yes`",
			"If the figure is right, type this line: `add 300 youth 2026-11-20 confirm:yes`", "add 300 youth 2026-11-20", "figure is right"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			now := k55At(2026, time.November, 26)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run("U1", tc.setup, commands.OutcomeOK)
			now = k55At(2026, time.December, 2)

			// Console: the month-end line first, then the footer naming the date.
			text := h.run("U1", tc.line, commands.OutcomeRefused).Text()
			mustContain(t, text, tc.console, "`"+tc.monthEnd+"`")
			if strings.Contains(text, tc.notSize) {
				t.Errorf("a date question's footer speaks of the figure:\n%s", text)
			}
			if i, j := strings.Index(text, "`"+tc.monthEnd+"`"), strings.Index(text, "`"+tc.confirmed+"`"); i < 0 || j < 0 || i > j {
				t.Errorf("the month-end line should come before the confirm line:\n%s", text)
			}
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("%d entries after a held line, want 1", n)
			}

			// Slack: two buttons, the month-end line first, each naming its date.
			r := h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "k58-1"}, tc.line)
			if r.Outcome != commands.OutcomeRefused {
				t.Fatalf("not held on Slack: %s", r.Text())
			}
			mustContain(t, r.Text(), tc.slack)
			if len(r.Actions) != 2 || r.Actions[0].Command != tc.monthEnd || !strings.Contains(r.Actions[0].Label, byLang(tc.lang, "2026-11-30", "2026. 11. 30.")) ||
				!strings.Contains(r.Actions[1].Label, byLang(tc.lang, "2026-12-02", "2026. 12. 2.")) {
				t.Fatalf("buttons %+v, want the month-end line first, then the held line", r.Actions)
			}
			// The first button files November's year-end figure.
			pressed := h.svc.Handle(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceSlash, IdempotencyKey: "k58-2", Pressed: true}, r.Actions[0].Command)
			if pressed.Outcome != commands.OutcomeOK {
				t.Fatalf("the month-end button: %s", pressed.Text())
			}
			if got := h.k55Sum("2026-11-01", "2026-11-30"); got != 975 {
				t.Errorf("November SQL sum %d, want 975", got)
			}
			if got := h.k55Sum("2026-12-01", "2026-12-31"); got != 0 {
				t.Errorf("December SQL sum %d, want 0", got)
			}

			// An earlier year's date: this year's line first, the footer names the date.
			text = h.run("U1", tc.pastLine, commands.OutcomeRefused).Text()
			mustContain(t, text, tc.pastConsole, "`"+tc.pastThis+"`")
			if strings.Contains(text, tc.notSize) {
				t.Errorf("a date question's footer speaks of the figure:\n%s", text)
			}
			if strings.Index(text, "`"+tc.pastThis+"`") > strings.Index(text, tc.pastConsole) {
				t.Errorf("this year's line should come first:\n%s", text)
			}
			h.run("U1", tc.pastThis, commands.OutcomeOK)
			if got := h.k55Sum("2026-11-19", "2026-11-19"); got != 6 {
				t.Errorf("2026-11-19 SQL sum %d, want 6", got)
			}
			if got := h.k55Sum("2025-01-01", "2025-12-31"); got != 0 {
				t.Errorf("2025 SQL sum %d, want 0", got)
			}

			// A size hold keeps its footer.
			h.run(manager, byLang(tc.lang, "target 100", "목표 100"), commands.OutcomeOK)
			mustContain(t, h.run("U1", tc.sizeLine, commands.OutcomeRefused).Text(), tc.size)
			// Both questions at once: the footer asks that both are right.
			h.run(manager, byLang(tc.lang, "target 100 year:2025", "목표 100 연도:2025"), commands.OutcomeOK)
			both := strings.Replace(tc.pastLine, " 6 ", " 300 ", 1)
			mustContain(t, h.run("U1", both, commands.OutcomeRefused).Text(),
				byLang(tc.lang, "If both this date (2025-11-19) and the figure are right, type this line:", "이 날짜(2025. 11. 19.)와 수가 모두 맞다면 다음 줄을 그대로 다시 입력하세요:"))
		})
	}
}

// k55 gap: `도움말 추가` did not name the two holds k55 added, the dateless
// 누계 in a month's first seven days and a date in an earlier year.
func TestK58HelpAddNamesTheDateHolds(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang       commands.Lang
		line       string
		monthTurn  string
		earlier    string
		exceptions string
	}{
		{commands.Korean, "도움말 추가", "날짜 없이 적은 누계를 매달 1~7일에 보내면 지난달 말 기준인지", "날짜가 올해보다 앞선 해이면", "1월에 적은 작년 12월 날짜"},
		{commands.English, "help add", "a 누계 without a date in a month's first seven days", "a date in an earlier year", "not last December's dates in January"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			mustContain(t, h.run("U1", tc.line, commands.OutcomeOK).Text(), tc.monthTurn, tc.earlier, tc.exceptions)
		})
	}
}

// k55 gap: the add form never got the month-turn question. The form
// records new jobs only (its count field takes no 누계) and its date picker
// always sends a date, today unless changed, so the form cannot say "no
// date". Where a month-turn 누계 reaches the form is a figure read as a
// 누계 written as new jobs: `975` on 2 December after 950 reported on
// 26 November. That question offered only the 누계 line dated the form's
// date, today, which files +25 in 12월. In a month's first seven days,
// with the entry dated today and no date typed (the form's default, or a
// typed line without one), the question also offers the 누계 dated the
// month before's end, as the dateless 누계's hold does; the form's reply
// names its 기준일 when recorded.
func TestK58FormMonthTurnTotal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                        commands.Lang
		setup, monthEnd, today, dec string
	}{
		{commands.Korean, "추가 청년 누계 950 11. 26.", "`추가 청년 누계 975 2026. 11. 30.`", "`추가 청년 누계 975 2026. 12. 2.`", "기준일 2026. 12. 2."},
		{commands.English, "add youth cumulative 950 date:2026-11-26", "`add youth cumulative 975 date:2026-11-30`", "`add youth cumulative 975 date:2026-12-02`", "As of 2026-12-02"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			ctx := context.Background()
			now := k55At(2026, time.November, 26)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run("U1", tc.setup, commands.OutcomeOK)
			now = k55At(2026, time.December, 2)
			form := func(view string, f commands.AddForm) commands.Reply {
				t.Helper()
				r, errs := h.svc.SubmitAddForm(ctx, commands.Caller{UserID: "U1", Source: commands.SourceModal, IdempotencyKey: "view:" + view}, f)
				if len(errs) > 0 {
					t.Fatalf("form refused: %v %s", errs, r.Text())
				}
				return r
			}
			// The form's date left at today (the picker's default).
			r := form("1", commands.AddForm{Program: "youth", Count: "975", Date: "2026-12-02"})
			if r.Outcome != commands.OutcomeRefused {
				t.Fatalf("not held: %s", r.Text())
			}
			mustContain(t, r.Text(), tc.monthEnd, tc.today)
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("%d entries after a held form, want 1", n)
			}
			// A typed line without a date is asked the same.
			mustContain(t, h.run("U1", byLang(tc.lang, "add 975 youth", "추가 청년 975"), commands.OutcomeRefused).Text(), tc.monthEnd)
			h.run("U1", strings.Trim(tc.monthEnd, "`"), commands.OutcomeOK)
			if got := h.k55Sum("2026-11-01", "2026-11-30"); got != 975 {
				t.Errorf("November SQL sum %d, want 975", got)
			}
			if got := h.k55Sum("2026-12-01", "2026-12-31"); got != 0 {
				t.Errorf("December SQL sum %d, want 0", got)
			}
			// A form recorded in the first week names its date.
			mustContain(t, form("2", commands.AddForm{Program: "youth", Count: "5", Date: "2026-12-02"}).Text(), tc.dec)
			// A date typed, or past the first week, is not asked about the month's end.
			r = h.run("U1", byLang(tc.lang, "add 990 youth date:2026-12-02", "추가 청년 990 2026. 12. 2."), commands.OutcomeRefused)
			if strings.Contains(r.Text(), byLang(tc.lang, "990 date:2026-11-30", "990 2026. 11. 30.")) {
				t.Errorf("a typed date was asked about the month's end:\n%s", r.Text())
			}
			now = k55At(2026, time.December, 8)
			r = form("3", commands.AddForm{Program: "youth", Count: "990", Date: "2026-12-08"})
			if r.Outcome != commands.OutcomeRefused || strings.Contains(r.Text(), byLang(tc.lang, "990 date:2026-11-30", "990 2026. 11. 30.")) {
				t.Errorf("past the first week the form was asked about the month's end:\n%s", r.Text())
			}
		})
	}
}

// Review r20 G44: a row deleted from an entries export (export → edit →
// 가져오기) did nothing, silently: import never deletes, and the preview
// said nothing of the missing row. A file that is recognisably a full
// export of a range (its 기록 식별자 rows are this ledger's, and at most as
// many of the range's entries are missing as it holds) names each live
// entry of that range it lacks, with the 무효 line; the entry stays. An
// entry recorded after the export, or a file holding a few rows copied
// out of an export, names nothing.
func TestK58ImportNamesADeletedRow(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		lines   []string
		missing string
		later   string
	}{
		{commands.Korean, []string{"추가 청년 5 날짜:4월 1일", "추가 청년 7 날짜:4월 2일", "추가 노인 8 날짜:5월 2일", "추가 노인 6 날짜:5월 3일"},
			"내보낸 파일에 있던 기록 #%d%s 빠져 있습니다. 가져오기는 기록을 지우지 않으므로 장부에 그대로 남습니다. 무효로 하려면 `무효 %d <사유>`", "추가 청년 9 날짜:4월 3일"},
		{commands.English, []string{"add 5 youth date:2026-04-01", "add 7 youth date:2026-04-02", "add 8 senior date:2026-05-02", "add 6 senior date:2026-05-03"},
			"Entry #%d%s was in the exported file and is missing from it. Importing never deletes: it stays in the ledger. To void it, send `void %d <reason>`", "add 9 youth date:2026-04-03"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t, tc.lang)
			for _, l := range tc.lines {
				h.run(manager, l, commands.OutcomeOK)
			}
			deleted := h.sqlInt(`SELECT id FROM entries WHERE count = 7`)
			last := h.sqlInt(`SELECT id FROM entries WHERE count = 6`)
			name, data := h.exportEntries(tc.lang, "csv")
			h.run(manager, tc.later, commands.OutcomeOK) // recorded after the export
			later := h.sqlInt(`SELECT id FROM entries WHERE count = 9`)
			var kept, partial []string
			for i, l := range strings.SplitAfter(string(data), "\n") {
				if !strings.HasPrefix(l, fmt.Sprint(deleted)+",") {
					kept = append(kept, l)
				}
				if i == 0 || strings.HasPrefix(l, fmt.Sprint(last)+",") {
					partial = append(partial, l) // the header and the latest row
				}
			}
			if len(kept) == len(strings.SplitAfter(string(data), "\n")) {
				t.Fatalf("no row of #%d in the export:\n%s", deleted, data)
			}
			particle := byLang(tc.lang, "", "가")
			want := fmt.Sprintf(tc.missing, deleted, particle, deleted)
			preview, applied := h.importFile(tc.lang, name, []byte(strings.Join(kept, "")))
			mustContain(t, preview, want)
			if applied != "" { // a file adding nothing offers no apply
				mustContain(t, applied, want)
			}
			for _, text := range []string{preview, applied} {
				if strings.Contains(text, fmt.Sprintf("#%d", later)) {
					t.Errorf("the entry recorded after the export is named:\n%s", text)
				}
			}
			if got := h.liveSumAll(); got != 5+7+8+6+9 {
				t.Errorf("SQL sum %d after the import, want %d: the import never deletes", got, 5+7+8+6+9)
			}
			// A few rows copied out of an export are no full export.
			preview, _ = h.importFile(tc.lang, "part-"+name, []byte(strings.Join(partial, "")))
			if strings.Contains(preview, fmt.Sprintf("#%d", deleted)) {
				t.Errorf("a partial copy names missing rows:\n%s", preview)
			}
		})
	}
}
