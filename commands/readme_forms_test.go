package commands_test

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
)

// Every form the README's Numbers / Dates / Periods table lists must read as
// what its row says it is, so the table never promises a form the bot refuses.
func TestReadmeFormsParse(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	today := dates.On(2026, 11, 26)
	code := regexp.MustCompile("`([^`]+)`")
	rows := 0
	for _, line := range strings.Split(string(text), "\n") {
		kind, rest, ok := strings.Cut(strings.TrimPrefix(line, "| "), " | ")
		if !ok || (kind != "number" && kind != "date" && kind != "period") {
			continue
		}
		typed, _, _ := strings.Cut(rest, " | ")
		for _, m := range code.FindAllStringSubmatch(typed, -1) {
			rows++
			form := m[1]
			switch {
			case kind == "number":
				_, err = numbers.Parse(form)
			case kind == "date":
				_, err = dates.Parse(form, today)
			case form == "전년 동기":
				_, err = commands.Parse("status "+form, today)
			default:
				_, err = dates.ParsePeriod(form, today)
			}
			if err != nil {
				t.Errorf("README lists %s %q, but it is refused: %v", kind, form, err)
			}
		}
	}
	if rows < 60 {
		t.Errorf("found only %d forms in the README table", rows)
	}
}

// help add and help status show the Korean forms, in both languages.
func TestHelpShowsKoreanForms(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		r := h.svc.Handle(context.Background(), commands.Caller{UserID: "U1"}, "help add")
		mustContain(t, r.Text(), "천여 명", "1.2만", "500여", "그저께", "지난주 금요일", "지난달 말", "11월 30일자", "약정")
		r = h.svc.Handle(context.Background(), commands.Caller{UserID: "U1"}, "help status")
		mustContain(t, r.Text(), "4월말", "1~4월", "이번주", "작년 4분기", "전년 동기")
		mustContain(t, r.Text(), map[commands.Lang]string{commands.English: "status 4월말", commands.Korean: "현황 4월말"}[lang])
	}
}
