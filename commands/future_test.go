package commands_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// futureToday is a Friday: 이번 주 토요일 is 2026-12-05.
var futureToday = time.Date(2026, time.December, 4, 1, 0, 0, 0, time.UTC)

// Review r33 B2, B10 (issues 19/20): notes saying the people start later
// (`내일부터 근무`, `내일 첫 출근`, `오는 월요일 입사`, `hired tomorrow`,
// `starting next Monday` …) were stored at once as today's realised jobs.
// Each is refused as not hired yet, naming the word, in Korean and
// English, and nothing is written (SQL count and sum of entries).
func TestFutureNoteStartIsRefused(t *testing.T) {
	t.Parallel()
	notes := []struct{ note, word string }{
		{"내일부터 근무", "내일"},
		{"내일 오전 입사", "내일"},
		{"내일 첫 출근", "내일"},
		{"모레부터 근무", "모레"},
		{"다음주부터 근무", "다음주"},
		{"오는 월요일 입사", "오는 월요일"},
		{"내년 입사", "내년"},
		{"다다음주 입사", "다다음주"},
		{"다음달 1일 입사", "다음달"},
		{"다음 달 초 입사", "다음 달"},
		{"글피 입사", "글피"},
		{"내달 중 입사", "내달"},
		{"익월 출근", "익월"},
		{"명년 입사", "명년"},
		{"다음 해에 입사", "다음 해"},
		{"내주에 출근", "내주"},
		{"차주 입사", "차주"},
		{"이번 주 토요일 입사", "이번 주 토요일"},
		{"12/10 입사", "12/10"},
		{"12월 10일자 입사", "12월 10일"},
		{"2027년 1월 5일 입사", "1월 5일"},
		{"12월 10일", "12월 10일"},
		{"합격자(내일 입사)", "내일"},
		{"입사일: 내일", "내일"},
		{"다음달", "다음달"},
		{"3일 후 입사", "3일 후 입사"},
		{"내일자로 발령", "내일"},
		{`"다음주" 입사`, `"다음주`},
		{"내일입사", "내일"},
		{"hired tomorrow", "tomorrow"},
		{"starts next week", "next week"},
		{"starting next Monday", "next Monday"},
		{"will start on Monday", "will start"},
		{"joins next month", "next month"},
		{"upcoming hires", "upcoming"},
		{"to start Dec 10", "Dec 10"},
		{"new hires, starting in two weeks", "in two weeks"},
		{"hired, the day after tomorrow", "the day after tomorrow"},
		{"Next Year hire", "Next Year"},
		{"hired this Saturday", "this Saturday"},
	}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			add, program, why := "추가 청년", "청년", "아직 입사 전"
			if lang == commands.English {
				add, program, why = "add youth", "youth", "not hired yet"
			}
			_ = program
			for i, c := range notes {
				line := fmt.Sprintf("%s %d 메모:%s", add, i+3, c.note)
				if lang == commands.English {
					line = fmt.Sprintf("%s %d note:%s", add, i+3, c.note)
				}
				r := h.refusedUntouched(manager, line, why)
				if span := strings.Split(r.Text(), "`"); len(span) < 3 || !strings.Contains(span[1], c.word) {
					t.Errorf("%q: the reply does not name %q first:\n%s", line, c.word, r.Text())
				}
				if strings.Contains(r.Text(), "날짜:20") || strings.Contains(r.Text(), "date:20") {
					t.Errorf("%q: the refusal offers a dated line:\n%s", line, r.Text())
				}
			}
			if n := h.sqlInt(`SELECT count(*) FROM entries`); n != 0 {
				t.Errorf("%d entries written", n)
			}
			if sum := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries`); sum != 0 {
				t.Errorf("SQL sum %d, want 0", sum)
			}
		})
	}
}

// Words that are no start to come are kept: 청년내일채움공제 (내일 inside
// a word), `내일까지` (up to), a later clause without a start word, an
// agreement's own start to come (its plan).
func TestFutureNoteWordsThatAreNoStartAreKept(t *testing.T) {
	t.Parallel()
	h := k32Harness(t, commands.Korean, futureToday)
	var want int64
	for i, line := range []string{
		"추가 청년 2 메모:청년내일채움공제 가입자 입사",
		"추가 청년 3 메모:내일채움공제 신청 후 입사",
		"추가 청년 4 메모:입사 완료, 다음주 보고",
		"추가 청년 5 메모:서류는 내일까지 제출",
		"추가 청년 6 메모:내년도 사업 대상자",
		"추가 청년 7 메모:hired today, review next week",
		"추가 청년 8 메모:오늘 입사, 내일 오리엔테이션",
		"추가 청년 9 메모:입사(다음주 교육)",
	} {
		h.run(manager, line, commands.OutcomeOK)
		want += int64(i + 2)
	}
	h.run(manager, "추가 청년 10 상태:약정 메모:다음달 1일 입사", commands.OutcomeOK)
	if got := h.liveSQL("youth", "realised"); got != want {
		t.Errorf("realised SQL sum %d, want %d", got, want)
	}
	if got := h.liveSQL("youth", "agreed"); got != 10 {
		t.Errorf("agreed SQL sum %d, want 10", got)
	}
}

// Review r33 B1: `다음달 1일 입사` on 12/4 was refused but offered
// `날짜:2026. 12. 1. 메모:다음달 1일 입사`, which typed back filed January
// hires as December's realised jobs; the 채용 path offered the same, and
// `채용 … 메모:내년 입사` was stored. Both refuse as not hired yet, offer no
// dated line, and the offered line of old is refused too.
func TestFutureNoteNextMonthDayOffersNoDatedLine(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, lang, futureToday)
			why := "아직 입사 전"
			if lang == commands.English {
				why = "not hired yet"
			}
			h.run(manager, "추가 청년 10 상태:약정 날짜:12/1", commands.OutcomeOK)
			agreement := h.sqlInt(`SELECT max(id) FROM entries`)
			for _, line := range []string{
				"추가 청년 1 메모:다음달 1일 입사",
				"추가 청년 2 날짜:2026. 12. 1. 메모:다음달 1일 입사",
				fmt.Sprintf("채용 %d 6 메모:다음달 1일 입사", agreement),
				fmt.Sprintf("채용 %d 7 메모:내년 입사", agreement),
				fmt.Sprintf("채용 %d 3 메모:hired tomorrow", agreement),
			} {
				r := h.refusedUntouched(manager, line, why)
				if strings.Contains(r.Text(), "날짜:20") || strings.Contains(r.Text(), "date:20") {
					t.Errorf("%q offers a dated line:\n%s", line, r.Text())
				}
			}
			if got := h.liveSQL("youth", "realised"); got != 0 {
				t.Errorf("realised SQL sum %d, want 0", got)
			}
			if got := h.sqlInt(`SELECT count(*) FROM entries`); got != 1 {
				t.Errorf("%d entries, want the agreement alone", got)
			}
		})
	}
}

// Review r33 M6: a quoted day word (`추가 노인 5 "어제"`) was refused with
// the note line `메모:"어제"` offered, which the note check then refused.
// The reply offers the date line alone, which records; a quoted word of a
// start to come (`"내일"`) is refused as not hired yet.
func TestFutureQuotedDayWordOffersNoRefusedNoteLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang              commands.Lang
		line, note, field string
		start, why        string
	}{
		{commands.Korean, `추가 노인 5 "어제"`, `메모:"어제"`, "`추가 노인 5 날짜:어제`", `추가 노인 6 "내일"`, "아직 입사 전"},
		{commands.English, `add 5 senior "yesterday"`, `note:"yesterday"`, "`add 5 senior date:yesterday`", `add 6 senior "tomorrow"`, "not hired yet"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := k32Harness(t, tc.lang, futureToday)
			r := h.refusedUntouched(manager, tc.line, tc.field)
			if strings.Contains(r.Text(), tc.note) {
				t.Errorf("the reply offers %s, which the note check refuses:\n%s", tc.note, r.Text())
			}
			h.refusedUntouched(manager, tc.start, tc.why)
			h.run(manager, strings.Trim(tc.field, "`"), commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-12-03'`); got != 5 {
				t.Errorf("SQL sum on 2026-12-03 %d, want 5", got)
			}
		})
	}
}
