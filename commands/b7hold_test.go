package commands_test

import (
	"regexp"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Review r38 B7: `추가 청년 5 금요일` typed on a Friday is refused offering
// a line dated today and one dated last Friday; typed one after the other,
// both recorded (10 jobs for one report). The two lines are two readings
// of one report, as a note-day refusal's: whichever records first, the
// other is refused naming it and the 확인:다시 line for a separate batch,
// in either order; the same line again is the repeat hold's, as any line.
func TestB7holdSameWeekdayLinesRecordOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang     commands.Lang
		line     string
		recorded string // the refusal of the other line names it so
	}{
		{commands.Korean, "추가 청년 5 금요일", "이미 기록했습니다"},
		{commands.English, "add 5 youth Friday", "Already recorded"},
	} {
		for _, first := range []int{0, 1} {
			t.Run(string(tc.lang)+"/"+[]string{"today first", "last week first"}[first], func(t *testing.T) {
				t.Parallel()
				h := r32At(t, tc.lang, "2026-12-04") // a Friday
				offered := r32Offered(h.refusedUntouched(manager, tc.line))
				if len(offered) != 2 {
					t.Fatalf("%q offers %q, want two lines", tc.line, offered)
				}
				h.run(manager, offered[first], commands.OutcomeOK)
				second := h.run(manager, offered[1-first], commands.OutcomeRefused)
				mustContain(t, second.Text(), tc.recorded, byLang(tc.lang, "again", "다시"))
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 5 {
					t.Fatalf("SQL SUM %d after both lines, want 5", got)
				}
				// nothing the refusal offers short of 확인:다시 records
				var again string
				for _, l := range r32Offered(second) {
					if strings.Contains(l, "다시") || strings.Contains(l, "again") {
						again = l
						continue
					}
					h.run(manager, l, commands.OutcomeRefused)
				}
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 5 {
					t.Fatalf("SQL SUM %d after the refusal's lines, want 5", got)
				}
				// the line recorded, sent again, is held as a repeat: asked,
				// not recorded
				mustContain(t, h.run(manager, offered[first], commands.OutcomeRefused).Text(), byLang(tc.lang, "same entry", "같은 실적"))
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 5 {
					t.Fatalf("SQL SUM %d after the recorded line again, want 5 (held as a repeat)", got)
				}
				// 확인:다시: a genuinely separate batch records
				if again == "" {
					t.Fatalf("the refusal offers no 확인:다시 line:\n%s", second.Text())
				}
				h.run(manager, again, commands.OutcomeOK)
				if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 10 {
					t.Errorf("SQL SUM %d after 확인:다시, want 10", got)
				}
			})
		}
	}
}

// Review r38 M1: a reason of x, 없음, ㅇ, ., -, asdf was accepted and kept
// as the official's reason. Such a reason is refused as the usage line's
// placeholder is, for 무효, 정정 (마감 후 정정) and 마감 해제, writing
// nothing; a short real reason (중복, dup) is kept.
func TestB7holdPlaceholderReasonsRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang                  commands.Lang
		add, close            string
		void, correct, reopen string // each with %s for the reason
		says                  string
		fineVoid              string
	}{
		{commands.Korean, "추가 노인 6 10/27", "마감 10월", "무효 1 %s", "정정 1 5 사유:%s", "마감 해제 10월 사유:%s",
			"자리를 나타내는 표시", "무효 1 중복"},
		{commands.English, "add 6 senior date:2026-10-27", "close 2026-10", "void 1 %s", "correct 1 5 reason:%s", "close reopen 2026-10 reason:%s",
			"placeholder", "void 1 dup"},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, c.lang)
			h.run(manager, c.add, commands.OutcomeOK)
			h.run(manager, c.close, commands.OutcomeOK)
			before := h.k45Counts()
			for _, reason := range []string{"x", "X", "없음", "ㅇ", "ㅇㅇ", ".", "-", "...", "asdf", "qwer", "ㅁㄴㅇㄹ", "n/a", "none", "xxx", "사유 없음"} {
				for _, pattern := range []string{c.void, c.correct, c.reopen} {
					line := strings.Replace(pattern, "%s", reason, 1)
					mustContain(t, h.run(manager, line, commands.OutcomeRefused).Text(), c.says)
					h.writesNothing(line, before)
				}
			}
			if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 6 {
				t.Fatalf("SQL SUM %d after the refusals, want 6", got)
			}
			h.run(manager, c.fineVoid, commands.OutcomeOK)
			if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 0 {
				t.Fatalf("SQL SUM %d after %q, want 0", got, c.fineVoid)
			}
		})
	}
}

// reOfferedHire is a 채용 line a reply offers.
var reOfferedHire = regexp.MustCompile("`((?:hire|채용) [^`]+)`")

// Review r35q4: a note date with the year last whose first two numbers
// could each be the month is one question wherever a note is read: with
// slashes (`3/12/2026`, read month first before) as with dots, on an add
// and on a 채용 (read day first before). Both days are named, each with
// its line; once one line records, the other is refused, SQL SUM the
// figure once. A date one way only (13/11/2026) is read.
func TestB7holdYearLastNoteDateAskedEverywhere(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang        commands.Lang
		agree, line string
		days        [2]string
	}{
		{commands.Korean, "", "추가 청년 5 메모:3/12/2026 입사", [2]string{"2026-03-12", "2026-12-03"}},
		{commands.English, "", "add 5 youth note:hired 3/12/2026", [2]string{"2026-03-12", "2026-12-03"}},
		{commands.Korean, "추가 청년 100 약정 날짜:2026. 1. 1.", "채용 1 5 메모:12.1.2026 입사", [2]string{"2026-12-01", "2026-01-12"}},
		{commands.English, "add 100 youth agreed date:2026-03-01", "hire 1 5 note:hired 3/12/2026", [2]string{"2026-03-12", "2026-12-03"}},
	} {
		t.Run(string(tc.lang)+"/"+tc.line, func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			if tc.agree != "" {
				h.run(manager, tc.agree, commands.OutcomeOK)
			}
			base := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`)
			r := h.refusedUntouched(manager, tc.line)
			offered := r32Offered(r)
			if tc.agree != "" {
				offered = nil
				for _, l := range reOfferedHire.FindAllStringSubmatch(r.Text(), -1) {
					offered = append(offered, l[1])
				}
			}
			if len(offered) != 2 {
				t.Fatalf("%q offers %q, want two lines:\n%s", tc.line, offered, r.Text())
			}
			h.run(manager, offered[1], commands.OutcomeOK)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised' AND as_of = $1::date`, tc.days[1]); got != 5 {
				t.Fatalf("%q: SQL SUM on %s %d, want 5", offered[1], tc.days[1], got)
			}
			h.run(manager, offered[0], commands.OutcomeRefused)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND status = 'realised'`); got != base+5 {
				t.Errorf("SQL SUM %d after both lines, want %d", got, base+5)
			}
		})
	}
	// one reading only: read, asked as any other note day (the line
	// dated that day records it there)
	h := r32At(t, commands.Korean, "2026-12-04")
	r := h.refusedUntouched(manager, "추가 청년 5 메모:13/11/2026 입사")
	mustContain(t, r.Text(), "2026. 11. 13.")
	h.run(manager, "추가 청년 5 날짜:2026. 11. 13. 메모:13/11/2026 입사", commands.OutcomeOK)
	if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-11-13'`); got != 5 {
		t.Errorf("13/11/2026: SQL SUM on 2026-11-13 %d, want 5", got)
	}
}

// Review r35q4: in the date field a day written with the year last is one
// rule with the note's: both numbers a month and different (3/12/2026) is
// asked naming both days, an add offering the line dated each, which
// answer one question (SQL SUM once); one reading only (13/11/2026,
// 3/13/2026) is read; year first (2026/3/12, 2026. 3. 12.) stays read.
// A 채용 names both days.
func TestB7holdYearLastDateFieldAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang                  commands.Lang
		line, hireLine, agree string
		read                  []string
	}{
		{commands.Korean, "추가 청년 5 3/12/2026", "채용 1 5 날짜:3/12/2026", "추가 청년 100 약정 날짜:2026. 1. 1.",
			[]string{"추가 청년 1 13/11/2026", "추가 청년 1 3/13/2026", "추가 청년 1 2026/3/12", "추가 청년 2 2026. 3. 12."}},
		{commands.Korean, "추가 청년 5 날짜:3/12/2026", "채용 1 5 날짜:3/12/2026", "추가 청년 100 약정 날짜:2026. 1. 1.",
			[]string{"추가 청년 1 날짜:13/11/2026", "추가 청년 1 날짜:3/13/2026", "추가 청년 1 날짜:2026/3/12", "추가 청년 2 날짜:2026. 3. 12."}},
		{commands.English, "add 5 youth date:3/12/2026", "hire 1 5 date:3/12/2026", "add 100 youth agreed date:2026-01-01",
			[]string{"add 1 youth date:13/11/2026", "add 1 youth date:3/13/2026", "add 1 youth date:2026/3/12", "add 2 youth date:2026-03-12"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			t.Parallel()
			h := r32At(t, tc.lang, "2026-12-04")
			r := h.refusedUntouched(manager, tc.line)
			mustContain(t, r.Text(), "`3/12/2026`", byLang(tc.lang, "month first", "월·일 순서"), byLang(tc.lang, "day first", "일·월 순서"))
			offered := r32Offered(r)
			if len(offered) != 2 {
				t.Fatalf("%q offers %q, want two lines:\n%s", tc.line, offered, r.Text())
			}
			h.run(manager, offered[0], commands.OutcomeOK)
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-03-12'`); got != 5 {
				t.Fatalf("%q: SQL SUM on 2026-03-12 %d, want 5", offered[0], got)
			}
			mustContain(t, h.run(manager, offered[1], commands.OutcomeRefused).Text(), byLang(tc.lang, "Already recorded", "이미 기록했습니다"))
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != 5 {
				t.Fatalf("SQL SUM %d after both lines, want 5", got)
			}
			for _, l := range tc.read {
				h.run(manager, l, commands.OutcomeOK)
			}
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of IN ('2026-11-13', '2026-03-13')`); got != 2 {
				t.Errorf("13/11/2026 and 3/13/2026: SQL SUM %d, want 2", got)
			}
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND as_of = '2026-03-12'`); got != 8 {
				t.Errorf("year first: SQL SUM on 2026-03-12 %d, want 8", got)
			}
			h.run(manager, tc.agree, commands.OutcomeOK)
			before := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`)
			for _, hire := range []string{tc.hireLine, strings.Replace(tc.hireLine, byLang(tc.lang, "date:", "날짜:"), "", 1)} {
				mustContain(t, h.refusedUntouched(manager, hire).Text(), byLang(tc.lang, "month first", "월·일 순서"), byLang(tc.lang, "2026-12-03", "2026. 12. 3."))
			}
			if got := h.sqlInt(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); got != before {
				t.Errorf("the 채용 wrote: SQL SUM %d, want %d", got, before)
			}
		})
	}
}
