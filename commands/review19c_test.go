package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
)

// Review 19 saw agreements, plans and trainees stored as realised jobs:
// each is now asked about or refused with a reason, and nothing is written.
func TestAgreementsPlansAndTraineesAreNotHires(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run("U1", "add 40 invest", commands.OutcomeOK)
		for _, tt := range []struct{ line, en, ko string }{
			{"추가 28 투자 양해각서", "`양해각서` may mean agreements (MOU)", "`양해각서` 부분은 채용이 아니라 약정(협약)을 뜻할 수 있습니다"},
			{"추가 30 투자 고용약속", "`고용약속` may mean agreements", "`고용약속` 부분은 채용이 아니라 약정"},
			{"추가 31 투자 고용 약속", "`약속` may mean agreements", "`약속` 부분은 채용이 아니라 약정"},
			{"추가 32 투자 협약", "`협약` may mean agreements", "`협약` 부분은"},
			{"추가 27 청년 채용 예정", "`채용 예정` says the hires are planned", "`채용 예정`은 아직 채용 전이라는 뜻으로 보입니다. 채용 예정 인원은 일자리 실적이 아닙니다"},
			{"추가 26 청년 채용예정", "planned hires are not jobs yet", "`채용예정`은 아직 채용 전이라는 뜻"},
			{"추가 25 청년 예정 상태:채용", "planned hires are not jobs yet", "상태:약정으로 기록하고"},
			{"추가 24 청년 채용계획", "planned", "`채용계획`은 아직 채용 전"},
			{"추가 31 청년 교육생", "`교육생` counts trainees, and trainees are not jobs", "`교육생`은 교육·훈련 인원으로 보입니다. 교육생·훈련생은 일자리 실적이 아닙니다"},
			{"추가 33 청년 훈련생", "trainees are not jobs", "`훈련생`은 교육·훈련 인원"},
			{"추가 34 청년 수강생", "trainees are not jobs", "`수강생`은"},
			{"추가 35 청년 계약직", "`계약직` may be regular or temporary work", "`계약직`은 계약 기간에 따라 상용일 수도 임시일 수도 있습니다"},
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, tt.en, tt.ko))
		}
		if n := h.entriesStored(); n != 1 {
			t.Errorf("%d entries stored, want the one real add", n)
		}
		// Said plainly, the agreement is stored as one; 정규직 is 상용.
		h.run("U1", "추가 28 투자 상태:약정 메모:양해각서", commands.OutcomeOK)
		if e := h.newestEntry(); e.Status != "agreed" || e.Count != 28 {
			t.Errorf("양해각서 상태:약정 stored %+v, want 28 agreed", e)
		}
		h.run("U1", "추가 30 투자 상태:약정 메모:고용 계획", commands.OutcomeOK)
		if e := h.newestEntry(); e.Status != "agreed" || e.Note != "고용 계획" {
			t.Errorf("고용 계획 상태:약정 stored %+v, want agreed with the note", e)
		}
		h.run("U1", "추가 29 투자 상태:양해각서", commands.OutcomeOK)
		if e := h.newestEntry(); e.Status != "agreed" || e.Note != "" {
			t.Errorf("상태:양해각서 stored %+v, want agreed, no note", e)
		}
		for _, line := range []string{"추가 25 청년 정규직", "추가 26 청년 고용형태:정규직 확인:예", "추가 27 청년 고용형태:임시 메모:계약직"} {
			r := h.run("U1", line, commands.OutcomeOK)
			e := h.newestEntry()
			want := "regular"
			if e.Count == 27 {
				want = "temporary"
			}
			if e.Employment != want || e.Status != "realised" {
				t.Errorf("%q stored %+v, want %s", line, e, want)
			}
			if e.Count == 25 {
				mustContain(t, r.Text(), byLang(lang, "`정규직` as the employment type", "`정규직`을 고용형태 ‘상용’으로"))
			}
		}
		h.checkLedger(lang)
	}
}

// Review 19 saw relative day words with a suffix, holidays, compact dates
// and bracketed weekdays kept in the note while the entry was dated today.
// Each is read as its day, with no note, or refused naming the words.
func TestDayWordsAndSuffixesAreReadOrRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang) // today 2026. 11. 26., a Thursday
		for i, tt := range []struct {
			words string
			asOf  time.Time
		}{
			{"어제자", dates.On(2026, 11, 25)},
			{"그저께자", dates.On(2026, 11, 24)},
			// 어제까지 asks whether the count is a 누계: TestThroughDateAsks
			{"어제날짜", dates.On(2026, 11, 25)},
			{"작일자", dates.On(2026, 11, 25)},
			{"전일", dates.On(2026, 11, 25)},
			{"어저께", dates.On(2026, 11, 25)},
			{"전날", dates.On(2026, 11, 25)},
			{"어제부로", dates.On(2026, 11, 25)},
			{"오늘자", dates.On(2026, 11, 26)},
			{"금일자", dates.On(2026, 11, 26)},
			{"오늘(11/26)", dates.On(2026, 11, 26)},
			{"초하루", dates.On(2026, 11, 1)},
			{"근로자의날", dates.On(2026, 5, 1)},
			{"어린이날", dates.On(2026, 5, 5)},
			{"20260504", dates.On(2026, 5, 4)},
			{"5/4자", dates.On(2026, 5, 4)},
			{"4. 30.자", dates.On(2026, 4, 30)},
			{"금요일자", dates.On(2026, 11, 20)},
			// 4월말기준, 4/30기준 say "as of": asked (k32, TestAsOfDateIsAskedNotBookedAsADelta)
			{"5월4일자로", dates.On(2026, 5, 4)},
			{"6월1일부", dates.On(2026, 6, 1)},
			{"5.4(월)", dates.On(2026, 5, 4)},
			{"5월4일(월)", dates.On(2026, 5, 4)},
			{"6.1.(월)", dates.On(2026, 6, 1)},
		} {
			count := int64(100 + i)
			line := "추가 " + formatThousands(count) + " 청년 " + tt.words
			h.run("U1", line+" 확인:예", commands.OutcomeOK)
			if e := h.newestEntry(); e.Count != count || !e.AsOf.Equal(tt.asOf) || e.Note != "" {
				t.Errorf("%q stored %d on %s note %q; want %d on %s, no note", line, e.Count, e.AsOf.Format(time.DateOnly), e.Note, count, tt.asOf.Format(time.DateOnly))
			}
		}
		for _, w := range []string{"4월말기준", "4/30기준"} {
			mustContain(t, h.run("U1", "추가 5 청년 "+w, commands.OutcomeRefused).Text(), "`기준`")
		}
		// A date written with 까지 (어제까지 102) says "through that day":
		// the count may be the 누계 through it or the day's new jobs, so it
		// is asked, and 누계 says which (review r7 S9).
		r := h.run("U1", "추가 99 청년 어제까지", commands.OutcomeRefused)
		mustContain(t, r.Text(), "`어제까지`", " 어제`")
		h.run("U1", "추가 청년 누계 9,999 어제까지", commands.OutcomeOK)
		before := h.entriesStored()
		for _, tt := range []struct{ line, en, ko string }{
			{"추가 4 여성 내일", "2026-11-27 is in the future", "2026. 11. 27.은 아직 오지 않은 날짜입니다"},
			{"추가 13 청년 익일", "2026-11-27 is in the future", "2026. 11. 27.은 아직 오지 않은 날짜입니다"},
			{"추가 4 여성 엊그제", "`엊그제` does not name one day", "`엊그제`는 어느 하루인지 알 수 없습니다"},
			{"추가 4 여성 지난 주말", "`주말` does not name one day", "`주말`은 어느 하루인지 알 수 없습니다"},
			{"추가 19 노인 4째주", "`4째주` does not name one day", "`4째주`는 어느 하루인지"},
			{"추가 19 노인 설날", "`설날` is a lunar holiday", "`설날`은 해마다 날짜가 바뀌는 명절"},
			{"추가 11 노인 20261332", "`20261332` looks like a date I cannot read", "`20261332` 부분은 날짜로 보이지만"},
			{"추가 11 노인 5.4(화)", "`5.4(화)`: 2026-05-04 is a Monday (Tuesday is 2026-05-05)", "`5.4(화)`: 2026. 5. 4.은 월요일입니다(화요일은 2026. 5. 5.)"},
			{"추가 11 노인 내일자", "2026-11-27 is in the future", "아직 오지 않은 날짜"},
			{"추가 11 노인 말일", "For the end of October, write `10월말`", "10월 말일이라면 `10월 말일`"}, // review F16
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, tt.en, tt.ko))
		}
		if n := h.entriesStored(); n != before {
			t.Errorf("refused lines stored %d entries", n-before)
		}
		h.checkLedger(lang)
	}
}

// Review 19 saw a second program, a department without its colon, a second
// count and leftover label words filed as the note. Each is read (부서
// 노인복지과, 메모 경로당, 상태 약정, 날짜 : 5/5) or refused naming the word.
func TestNoteWordsThatAreFieldsAreReadOrRefused(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		before := h.entriesStored()
		for _, tt := range []struct{ line, en, ko string }{
			{"추가 20 청년 노인", "`노인` is another program", "`노인`은 다른 사업"},
			{"추가 6개 노인 및 여성 5/6", "`여성` is another program", "`여성`은 다른 사업"},
			{"추가 180 청년 외 20명", "`180` and `20명` are two figures", "`180`과 `20명` 두 수가 있어"},
			{"추가 7 청년 날짜 경로당", "`날짜` looks like a field label without its colon", "`날짜`는 항목 이름으로 보이지만 쌍점(:)이 없어"},
			{"추가 8 청년 상태", "`상태` looks like a field label", "`상태`는 항목 이름으로"},
		} {
			r := h.run("U1", tt.line, commands.OutcomeRefused)
			mustContain(t, r.Text(), byLang(lang, tt.en, tt.ko))
		}
		if n := h.entriesStored(); n != before {
			t.Errorf("refused lines stored %d entries", n-before)
		}
		for _, tt := range []struct {
			line, note, status string
			asOf               time.Time
		}{
			{"추가 12 청년 날짜 : 5/5", "", "realised", dates.On(2026, 5, 5)},
			{"추가 4 노인 메모 경로당 5/6", "경로당", "realised", dates.On(2026, 5, 6)},
			{"추가 23 청년 상태 약정", "", "agreed", dates.On(2026, 11, 26)},
			{"추가 21 청년 부서 노인복지과 확인:예", "", "realised", dates.On(2026, 11, 26)},
		} {
			h.run("U1", tt.line, commands.OutcomeOK)
			if e := h.newestEntry(); e.Note != tt.note || e.Status != tt.status || !e.AsOf.Equal(tt.asOf) {
				t.Errorf("%q stored %+v; want note %q, %s, %s", tt.line, e, tt.note, tt.status, tt.asOf.Format(time.DateOnly))
			}
		}
		var dept string
		if err := h.store.DB().GetContext(context.Background(), &dept, `SELECT department FROM entries WHERE count = 21`); err != nil || dept != "노인복지과" {
			t.Errorf("부서 노인복지과 stored department %q (%v)", dept, err)
		}
		h.checkLedger(lang)
	}
}

// Replies review 19 found awkward: the console's user is 콘솔 in Korean, a
// mistyped command word is pointed to the command, and the console's hold
// names the line to type (it has no button).
func TestReview19Replies(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		r := h.run(commands.ConsoleUser, "추가 10 청년", commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "logged by console", "기록자 콘솔"))
		if lang == commands.Korean && strings.Contains(r.Text(), "console") {
			t.Errorf("Korean reply shows the console's ID:\n%s", r.Text())
		}
		r = h.run("U1", "추기 10 청년", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "There is no command `추기`. If you meant `추가`, type `추가 10 청년`.",
			"`추기`라는 명령은 없습니다. `추가`를 뜻하셨다면 `추가 10 청년`처럼 입력하세요."))
		r = h.run("U1", "현항", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "If you meant `현황`", "`현황`을 뜻하셨다면 `현황`처럼 입력하세요."))
		r = h.run("U1", "stauts", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "If you meant `status`", "`status`를 뜻하셨다면"))
		h.run(manager, "target 1000", commands.OutcomeOK)
		r = h.run("U1", "추가 3000 청년", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "If the figure is right, type this line: `add 3000 청년 date:2026-11-26 confirm:yes`", "수가 맞다면 다음 줄을 그대로 다시 입력하세요: `추가 3000 청년 날짜:2026. 11. 26. 확인:예`"))
		if strings.Contains(r.Text(), byLang(lang, "button", "버튼")) {
			t.Errorf("the console's hold mentions a button:\n%s", r.Text())
		}
		h.checkLedger(lang)
	}
}

// An exact cumulative report that equals the ledger after an approximate
// one clears 여 (the latest report decides, review 19 §5): the approximate
// report is recorded again without 여, no total moves, and status, the
// oracle and the add reply all show the figure as exact.
func TestExactReportEqualToLedgerClearsApproximate(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.English, commands.Korean} {
		h := newHarness(t, lang)
		h.run("U1", "add 30 rail date:2026-10-02", commands.OutcomeOK)
		h.run("U1", "추가 철도 누계 2,700여개 어제", commands.OutcomeOK)
		approxID := h.newestID()
		if got := h.approxNowSQL("rail", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 2700 {
			t.Fatalf("oracle before: %d approximate, want 2,700", got)
		}
		sumBefore := h.sumSQL("rail", dates.On(2026, 1, 1), dates.On(2026, 12, 31))
		r := h.run("U1", "추가 철도 누계 2천7백 오늘", commands.OutcomeOK)
		// The title says what was done, not "nothing was recorded" (review_ko §19).
		mustContain(t, r.Text(), byLang(lang, "were recorded again as exact; no total changed",
			"정확한 수치로 다시 기록했습니다"),
			byLang(lang, fmt.Sprintf("earlier approximate report #%d", approxID), fmt.Sprintf("어림수로 보고된 #%d(2026. 11. 25. 기준 2,700여개)의 '여' 표시를 지우고", approxID)))
		if got := h.approxNowSQL("", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != 0 {
			t.Errorf("oracle after the exact report: %d approximate, want 0", got)
		}
		if got := h.sumSQL("rail", dates.On(2026, 1, 1), dates.On(2026, 12, 31)); got != sumBefore || got != 2700 {
			t.Errorf("rail sum %d after the exact report, want %d = 2,700", got, sumBefore)
		}
		if !h.voided(approxID) {
			t.Errorf("#%d still live", approxID)
		}
		for _, line := range []string{"status", "status rail"} {
			text := h.run("U1", line, commands.OutcomeOK).Text()
			if strings.Contains(text, "2,700여") || strings.Contains(text, "approximate") || strings.Contains(text, "어림수") {
				t.Errorf("%q still shows 여 after an exact report:\n%s", line, text)
			}
		}
		// The same exact report again changes nothing more.
		r = h.run("U1", "추가 철도 누계 2700 오늘 확인:예", commands.OutcomeOK)
		if strings.Contains(r.Text(), "#") {
			t.Errorf("a second exact report rewrote a report again:\n%s", r.Text())
		}
		h.checkLedger(lang)
	}
}
