package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/dates"
	"jobsbot/db/dbtest"
)

// hiredFrom is a plain SUM of the live hires linked to agreement id.
func (h *harness) hiredFrom(id int64) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `SELECT coalesce(sum(e.count), 0) FROM agreement_hires a
		JOIN entries e ON e.id = a.hire_entry_id AND e.voided_at IS NULL WHERE a.agreement_entry_id = $1`, id)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Review_ko S5: `추가 투자 30 협약 인원 채용 완료` was recorded as a plain add:
// the hires counted while the program's agreement stayed open, unrealised.
// Such a line is refused naming the open agreements and the `채용 <약정
// 번호> <수>` line that links the hires; with no agreement left it says so.
// `채용 안내` and words kept after 메모: still pass.
func TestAgreementHiresInAddPointToHire(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "추가 50 투자 상태:약정 11/2", commands.OutcomeOK)
		agreement := h.newestID()
		for _, line := range []string{
			"추가 투자 30 협약 인원 채용 완료 11/20",
			"추가 투자 30 약정 인원 채용 11/20",
			"추가 투자 30 협약 기업 채용 완료 11/20",
			"추가 투자 30 약정분 채용 11/20",
			"add 30 invest status:realised 협약기업 11/20",
		} {
			r := h.run(manager, line, commands.OutcomeRefused)
			mustContain(t, r.Text(), "#"+formatThousands(agreement),
				byLang(lang, "50 agreed, 50 left", "약정 50개 중 50개 남음"),
				byLang(lang, "`hire <agreement number> <count> [date]`", "`채용 <약정 번호> <수> [날짜]`"),
				byLang(lang, "Nothing was saved", "아무것도 저장하지 않았습니다"))
			if lang == commands.Korean && !strings.Contains(line, "status:") {
				mustContain(t, r.Text(), "`채용 "+formatThousands(agreement)+" 30 2026. 11. 20.`")
			}
		}
		if n := h.entryCount(); n != 1 {
			t.Fatalf("%d entries after refused lines, want 1 (the agreement)", n)
		}
		// The line the reply points to links the hires.
		h.run(manager, "채용 "+formatThousands(agreement)+" 30 11/20", commands.OutcomeOK)
		h.run(manager, "채용 "+formatThousands(agreement)+" 20 11/21", commands.OutcomeOK)
		if got := h.hiredFrom(agreement); got != 50 {
			t.Fatalf("agreement #%d realised %d, want 50", agreement, got)
		}
		// Every agreement realised: none is open, and the reply says so.
		r := h.run(manager, "추가 투자 10 협약 인원 채용 11/22", commands.OutcomeRefused)
		mustContain(t, r.Text(), byLang(lang, "has no agreement left to hire from", "채용할 인원이 남은 약정이 없습니다"))
		// Harmless words and words after 메모: are recorded as before.
		h.run(manager, "추가 투자 3 11/23 메모:채용 안내", commands.OutcomeOK)
		h.run(manager, "추가 투자 4 11/23 상태:채용 메모:협약 인원 채용", commands.OutcomeOK)
		if e := h.newestEntry(); e.Count != 4 || e.Note != "협약 인원 채용" {
			t.Errorf("메모: line stored %d %q", e.Count, e.Note)
		}
		if got, want := h.sum("true"), int64(30+20+3+4); got != want {
			t.Errorf("realised SUM %d, want %d", got, want)
		}
		dbtest.CheckTotals(t, h.store)
	}
}

// N차 (a round, 회차) labels the hiring round, not a count: kept in the
// note, never refused as a second number.
func TestRoundLabelIsNotACount(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, tt := range []struct {
			line  string
			count int64
			note  string
		}{
			{"추가 청년 30 2차 채용 11/20", 30, "2차"},
			{"add 31 youth 3회차 11/20 confirm:yes", 31, "3회차"},
			{"추가 청년 32 11/20 1차분", 32, "1차분"},
		} {
			h.run(manager, tt.line, commands.OutcomeOK)
			if e := h.newestEntry(); e.Count != tt.count || e.Note != tt.note {
				t.Errorf("%q stored %d %q; want %d %q", tt.line, e.Count, e.Note, tt.count, tt.note)
			}
		}
		if got := h.sum("true"); got != 93 {
			t.Errorf("SUM %d, want 93", got)
		}
	}
}

// 3분기말, 상반기말, 연말 are read as the period's last day wherever 4월말 is;
// a lunar holiday (추석, 설) beside a date is a note word, alone it is
// refused naming it; 설명회 is an ordinary note word.
func TestPeriodEndsAndHolidays(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, tt := range []struct {
			line string
			asOf time.Time
			note string
		}{
			{"추가 10 청년 3분기말", dates.On(2026, 9, 30), ""},
			{"추가 11 청년 1분기 말 누계", dates.On(2026, 3, 31), ""},
			// after the 누계 of 11 a quarter-end 12 may be a 누계: confirmed (k32)
			{"add 12 youth 2026년 2분기말 confirm:yes", dates.On(2026, 6, 30), ""},
			{"추가 13 청년 상반기말 확인:예", dates.On(2026, 6, 30), ""},
			{"추가 14 청년 3/4분기말", dates.On(2026, 9, 30), ""},
			{"추가 15 청년 추석 연휴 10/5", dates.On(2026, 10, 5), "추석 연휴"},
			{"추가 16 청년 2/16 설 연휴 누계포함:아니오", dates.On(2026, 2, 16), "설 연휴"},
			{"추가 17 청년 11/20 메모:설명회", dates.On(2026, 11, 20), "설명회"},
		} {
			h.run(manager, confirmed(tt.line), commands.OutcomeOK)
			if e := h.newestEntry(); !e.AsOf.Equal(tt.asOf) || e.Note != tt.note {
				t.Errorf("%q stored on %s note %q; want %s %q", tt.line, e.AsOf.Format(time.DateOnly), e.Note, tt.asOf.Format(time.DateOnly), tt.note)
			}
		}
		before := h.entryCount()
		r := h.run(manager, "추가 18 청년 추석", commands.OutcomeRefused)
		mustContain(t, r.Text(), "`추석`", byLang(lang, "lunar holiday", "해마다 날짜가 바뀌는 명절"))
		h.run(manager, "추가 18 청년 연말", commands.OutcomeRefused) // December 31 is ahead of November 26
		if h.entryCount() != before {
			t.Fatal("a refused line wrote")
		}
		r = h.run(manager, "현황 3분기말", commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "2026-09-30", "2026. 9. 30. 현재 누계"))
		h.checkLedger(lang)
	}
}

// 무실적, 실적무 and `10월 무실적` are 실적 없음, not a pointer to 실적.
func TestNoResultsWords(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, tt := range []struct{ line, month string }{
			{"무실적 10월 부서:노인복지과", "2026-10-01"},
			{"9월 무실적 부서:노인복지과", "2026-09-01"},
			{"실적무 8월 부서:노인복지과", "2026-08-01"},
			{"7월 실적 없음 부서:노인복지과", "2026-07-01"},
		} {
			r := h.run(manager, tt.line, commands.OutcomeOK)
			mustContain(t, r.Text(), byLang(lang, "had nothing to report", "실적 없음"))
			var n int
			if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM nothing_reports
				WHERE department = '노인복지과' AND month = $1 AND voided_at IS NULL`, tt.month); err != nil || n != 1 {
				t.Errorf("%q: %d live nothing_reports for %s (%v), want 1", tt.line, n, tt.month, err)
			}
		}
		if h.entryCount() != 0 {
			t.Error("실적 없음 wrote an entry")
		}
	}
}

// A refusal's hint never offers a count or a date for the note, where it
// would be counted nowhere: 2월 추가분 30 beside the line's date, a second
// count, the same count twice.
func TestHintsNeverMoveACountIntoTheNote(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		for _, tt := range []struct{ line, en, ko string }{
			{"추가 청년 30 2월 추가분 30 3/5", "hold `30`, a count or a date", "수나 날짜(`30`)가 있는데"},
			{"추가 청년 30 11/20 참여자 6,000", "a line of their own", "한 줄 따로 추가하십시오"},
			{"추가 청년 33 11/20 신규 33명", "a line of their own", "한 줄 따로 추가하십시오"},
		} {
			r := h.run(manager, tt.line, commands.OutcomeRefused)
			text := r.Text()
			mustContain(t, text, byLang(lang, tt.en, tt.ko))
			for _, bad := range []string{"메모:2월", "note:2월", "메모: 뒤에", "after note:", "put it after note"} {
				if strings.Contains(text, bad) {
					t.Errorf("%q: the hint offers the note (%q):\n%s", tt.line, bad, text)
				}
			}
		}
		if h.entryCount() != 0 {
			t.Error("a refused line wrote")
		}
	}
}
