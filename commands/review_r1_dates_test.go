package commands_test

import (
	"fmt"
	"time"

	"testing"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// Review r1 S3, S4 and A7: days counted back from today, a bracket naming
// another day and a weekday after its date, typed in add (today is
// Thursday 2026-11-26). Each was dated today with the words in the note.
func TestDaysAgoAreReadInAdd(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang commands.Lang
		line string
		want time.Time
	}{
		{commands.Korean, "추가 4 청년 사흘 전", dates.On(2026, 11, 23)},
		{commands.Korean, "추가 19 청년 이틀 전", dates.On(2026, 11, 24)},
		{commands.Korean, "추가 5 청년 일주일 전", dates.On(2026, 11, 19)},
		{commands.Korean, "추가 7 청년 그끄저께", dates.On(2026, 11, 23)},
		{commands.Korean, "추가 7 청년 3일 전 메모:채용박람회", dates.On(2026, 11, 23)},
		{commands.Korean, "추가 8 노인 11/21 토요일 메모:행사", dates.On(2026, 11, 21)},
		{commands.Korean, "추가 13 청년 2026.11.19.목", dates.On(2026, 11, 19)},
		{commands.Korean, "추가 14 청년 11월19일목요일", dates.On(2026, 11, 19)},
		{commands.English, "add 6 youth 3 days ago", dates.On(2026, 11, 23)},
		{commands.English, "add 6 youth 2 weeks ago", dates.On(2026, 11, 12)},
	} {
		h := newHarness(t, c.lang)
		h.run(manager, c.line, commands.OutcomeOK)
		e := h.newestEntry()
		if !e.AsOf.Equal(c.want) {
			t.Errorf("%q: dated %v, want %v", c.line, e.AsOf, c.want)
		}
		if e.Note == "사흘 전" || e.Note == "전" || e.Note == "ago" {
			t.Errorf("%q: note %q keeps the date words", c.line, e.Note)
		}
	}
}

func TestBracketOrWeekdayNamingAnotherDayIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	r := h.run(manager, "추가 3 여성 오늘(11/25)", commands.OutcomeRefused)
	mustContain(t, r.Text(), "서로 다른 두 날", "2026. 11. 26.", "2026. 11. 25.")
	r = h.run(manager, "추가 3 여성 어제(11/24)", commands.OutcomeRefused)
	mustContain(t, r.Text(), "서로 다른 두 날")
	r = h.run(manager, "추가 8 노인 11/21 일요일", commands.OutcomeRefused)
	mustContain(t, r.Text(), "토요일")
	if n := h.entriesStored(); n != 0 {
		t.Fatalf("%d entries stored from refused lines", n)
	}
	h.run(manager, "추가 3 여성 어제(11/25)", commands.OutcomeOK)
	if e := h.newestEntry(); !e.AsOf.Equal(dates.On(2026, 11, 25)) {
		t.Fatalf("어제(11/25) dated %v", e.AsOf)
	}

	en := newHarness(t, commands.English)
	r = en.run(manager, "add 3 women today(11/25)", commands.OutcomeRefused)
	mustContain(t, r.Text(), "two different days")
}

// Review r1 A1: a 누계 joined to its bracketed date, as 보고서 write it.
func TestCountJoinedToItsBracketedDate(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 청년 누계 600(11/20 기준)", commands.OutcomeOK)
	e := h.newestEntry()
	if e.Count != 600 || !e.AsOf.Equal(dates.On(2026, 11, 20)) || e.Note != "" {
		t.Fatalf("stored %+v, want 600 dated 11/20 with no note", e)
	}
	h.run(manager, "추가 노인 누계 2,150여명(11.20.기준)", commands.OutcomeOK)
	e = h.newestEntry()
	if e.Count != 2150 || !e.Approximate || !e.AsOf.Equal(dates.On(2026, 11, 20)) {
		t.Fatalf("stored %+v, want 2,150여 dated 11/20", e)
	}
	if got, want := h.yearTotal(), h.sumSQL("", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != want {
		t.Fatalf("status %d, SQL %d", got, want)
	}
	// A bracket that is no date stays the note's, and the count is refused.
	h.run(manager, "추가 청년 10(경로당)", commands.OutcomeRefused)
}

// Review r1 A2: status lines that name their figure (실적, 누계) or bracket
// their date read as the plain forms; they were refused as unknown programs.
func TestStatusNamingItsFigureReadsAsThePlainForm(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "목표 2만", commands.OutcomeOK)
	h.run(manager, "추가 10 청년 10/20", commands.OutcomeOK)
	h.run(manager, "추가 11 노인 11/20", commands.OutcomeOK)
	for typed, plain := range map[string]string{
		"현황 (10/31 기준)":       "현황 10/31",
		"현황 10월 말 기준 누계":      "현황 10/31",
		"현황 10/31 기준 누계":      "현황 10/31",
		"현황 상반기 누계":           "현황 6/30",
		"현황 11월 누계":           "현황 11/26",
		"현황 10월 실적":           "현황 10월",
		"현황 당월":               "현황 이번 달",
		"현황 금월 청년":            "현황 이번 달 청년",
		"현황 (10/31 기준) 누계 공공": "현황 10/31 공공",
	} {
		got := h.run(manager, typed, commands.OutcomeOK).Text()
		want := h.run(manager, plain, commands.OutcomeOK).Text()
		if got != want {
			t.Errorf("%q reads unlike %q:\n%s\n---\n%s", typed, plain, got, want)
		}
	}
	through := h.sumSQL("", dates.On(2026, 1, 1), dates.On(2026, 10, 31))
	mustContain(t, h.run(manager, "현황 10월 말 기준 누계", commands.OutcomeOK).Text(), fmt.Sprintf("누계 %d개", through))
	h.run(manager, "추가 11 청년 당월 2일 확인:예", commands.OutcomeOK)
	if e := h.newestEntry(); !e.AsOf.Equal(dates.On(2026, 11, 2)) {
		t.Fatalf("당월 2일 dated %v", e.AsOf)
	}

	en := newHarness(t, commands.English)
	en.run(manager, "target 20000", commands.OutcomeOK)
	if got, want := en.run(manager, "status h1 cumulative", commands.OutcomeOK).Text(), en.run(manager, "status 2026-06-30", commands.OutcomeOK).Text(); got != want {
		t.Errorf("status h1 cumulative:\n%s\nwant\n%s", got, want)
	}
}
