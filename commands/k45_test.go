package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// writesNothing fails the test unless the ledger, targets and candidates
// hold what they held before: a refused line writes nothing.
func (h *harness) writesNothing(line string, before [3]int64) {
	h.t.Helper()
	if now := h.k45Counts(); now != before {
		h.t.Fatalf("%q wrote: entries/targets/candidates %v, before %v", line, now, before)
	}
}

func (h *harness) k45Counts() [3]int64 {
	return [3]int64{
		h.sqlInt(`SELECT count(*) FROM entries`),
		h.sqlInt(`SELECT count(*) FROM target_revisions`),
		h.sqlInt(`SELECT count(*) FROM candidates`),
	}
}

// Review r13 S8: a label given twice with different values silently kept
// the last (`사업:노인 사업:청년` filed 청년, `목표 1,600 사업:청년 사업:노인`
// cut 노인's target). Every label given twice with two values is refused
// naming both; the same value twice is one.
func TestLabelTwiceWithTwoValuesIsRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		lines [][3]string // line, first value, second value
		same  []string
	}{
		{commands.Korean, [][3]string{
			{"추가 5 사업:노인 사업:청년 11/25", "노인", "청년"},
			{"추가 노인 5 11/25 상태:채용 상태:약정", "채용", "약정"},
			{"추가 여성 3 11/25 누계포함:예 누계포함:아니오", "예", "아니오"},
			{"목표 2만 연도:2026 연도:2027 사유:시험", "2026", "2027"},
			{"추가 노인 5 날짜:11/24 날짜:11/25", "11/24", "11/25"},
			{"추가 노인 5 11/25 고용형태:상용 고용형태:일용", "상용", "일용"},
			{"목표 1,600 사업:청년 사업:노인 사유:추경", "청년", "노인"},
			{"후보 추가 유성돌봄사회적협동조합 종류:사회적협동조합 종류:자활기업", "사회적협동조합", "자활기업"},
		}, []string{"추가 5 사업:노인 사업:노인 11/25", "추가 청년 5 11/24 상태:채용 상태:채용"}},
		{commands.English, [][3]string{
			{"add 5 program:senior program:youth 2026-11-25", "senior", "youth"},
			{"add 5 senior 2026-11-25 status:realised status:agreed", "realised", "agreed"},
			{"target 20000 year:2026 year:2027 reason:test", "2026", "2027"},
			{"add 5 senior date:2026-11-24 date:2026-11-25", "2026-11-24", "2026-11-25"},
		}, []string{"add 5 program:senior program:senior 2026-11-25"}},
	} {
		h := newHarness(t, c.lang)
		for _, l := range c.lines {
			before := h.k45Counts()
			r := h.run(manager, l[0], commands.OutcomeRefused)
			mustContain(t, r.Text(), "`"+l[1]+"`", "`"+l[2]+"`")
			h.writesNothing(l[0], before)
		}
		for _, l := range c.same {
			h.run(manager, l, commands.OutcomeOK)
		}
		if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != int64(5*len(c.same)) {
			t.Fatalf("SQL sum %d, want %d", got, 5*len(c.same))
		}
	}
}

// Review r13 A13: 부서: twice naming one department, once by its alias, is
// one department; two departments stay refused.
func TestSameDepartmentByAliasTwiceIsOne(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang           commands.Lang
		setup, ok, bad string
	}{
		{commands.Korean, "부서 추가 노인복지과 별칭:노인과", "추가 노인 5 11/25 부서:노인복지과 부서:노인과", "추가 노인 5 11/24 부서:노인복지과 부서:일자리정책과"},
		{commands.English, "dept add 노인복지과 aliases:노인과", "add 5 senior 2026-11-25 dept:노인복지과 dept:노인과", "add 5 senior 2026-11-24 dept:노인복지과 dept:일자리정책과"},
	} {
		h := newHarness(t, c.lang)
		h.run(manager, c.setup, commands.OutcomeOK)
		h.run(manager, c.ok, commands.OutcomeOK)
		if got := h.sqlInt(`SELECT count(*) FROM entries WHERE department = '노인복지과' AND count = 5`); got != 1 {
			t.Fatalf("entries of 노인복지과: %d, want 1", got)
		}
		before := h.k45Counts()
		mustContain(t, h.run(manager, c.bad, commands.OutcomeRefused).Text(), "`노인복지과`", "`일자리정책과`")
		h.writesNothing(c.bad, before)
	}
}

// Review r13 S2: a 정정 written "old → new" or "old new" took the old
// figure and filed the new one in the reason. It is refused naming both.
func TestCorrectionWithTwoFiguresIsRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		add   string
		lines [][3]string // line, first, second
		fine  string
	}{
		{commands.Korean, "추가 노인 1 11/25", [][3]string{
			{"정정 1 2 → 3 마을기업 인원 재확인", "2", "3"},
			{"정정 1 2 3 오기", "2", "3"},
			{"정정 1 1 → 3 오기", "1", "3"},
			{"정정 1 1 -> 3 오기", "1", "3"},
			{"정정 1 1 ⇒ 3 오기", "1", "3"},
			{"정정 1 1 →3 오기", "1", "3"},
			{"정정 1 1 ~ 3 오기", "1", "3"},
		}, "정정 1 3 사유:2 → 3 재확인"},
		{commands.English, "add 1 senior 2026-11-25", [][3]string{
			{"correct 1 2 -> 3 recount", "2", "3"},
			{"correct 1 1 3 typo", "1", "3"},
		}, "correct 1 3 reason:2 -> 3 recount"},
	} {
		h := newHarness(t, c.lang)
		h.run(manager, c.add, commands.OutcomeOK)
		for _, l := range c.lines {
			before := h.k45Counts()
			r := h.run(manager, l[0], commands.OutcomeRefused)
			mustContain(t, r.Text(), "`"+l[1]+"`", "`"+l[2]+"`", " 1 "+l[2]+" ")
			h.writesNothing(l[0], before)
			if n := h.sqlInt(`SELECT count(*) FROM entries WHERE voided_at IS NOT NULL`); n != 0 {
				t.Fatalf("%q voided %d entries", l[0], n)
			}
		}
		h.run(manager, c.fine, commands.OutcomeOK)
		if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 3 {
			t.Fatalf("SQL sum %d after the 정정, want 3", got)
		}
	}
}

// Review r13 S7: a short digit run after 천, 백 or 만 (1천2, 2백5, 1만5) was
// added as units (1,002); written in haste it is as likely 1,200. It is
// refused naming both readings; the digits forming the whole lower part
// (천5백, 만2천, 2만500, 1만 2,000) read as before.
func TestShortDigitsAfterAUnitAreAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang    commands.Lang
		add     string // %s the count, %d the day
		refused [][3]string
		fine    []string
		fineSum int64
	}{
		{commands.Korean, "추가 노인 %s 11/%d", [][3]string{
			{"1천2", "1,002", "1,200"}, {"2백5", "205", "250"}, {"1만5", "10,005", "15,000"},
			{"1만50", "10,050", "15,000"}, {"1만2천5", "12,005", "12,500"}, {"천5", "1,005", "1,500"},
		}, []string{"천5백", "만2천", "2만500", "1만2천", "1만 2,000", "3십5"}, 1500 + 12000 + 20500 + 12000 + 12000 + 35},
		{commands.English, "add %s senior 2026-11-%d", [][3]string{
			{"1천2", "1,002", "1,200"}, {"1만5", "10,005", "15,000"},
		}, []string{"2만500"}, 20500},
	} {
		h := newHarness(t, c.lang)
		h.run(manager, byLangK45(c.lang, "target 100000 reason:plan", "목표 10만 사유:계획"), commands.OutcomeOK)
		for _, l := range c.refused {
			line := fmt.Sprintf(c.add, l[0], 25)
			before := h.k45Counts()
			mustContain(t, h.run(manager, line, commands.OutcomeRefused).Text(), "`"+l[1]+"`", "`"+l[2]+"`")
			h.writesNothing(line, before)
		}
		for i, f := range c.fine {
			// Each figure is as large as the year so far, which asks
			// whether it is a 누계 (k42): the confirmation keeps it a delta.
			h.run(manager, fmt.Sprintf(c.add, f, 10+i)+byLangK45(c.lang, " confirm:yes", " 확인:예"), commands.OutcomeOK)
		}
		if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != c.fineSum {
			t.Fatalf("SQL sum %d, want %d", got, c.fineSum)
		}
	}
}

func byLangK45(lang commands.Lang, en, ko string) string {
	if lang == commands.Korean {
		return ko
	}
	return en
}

func (h *harness) sqlText(q string, args ...any) string {
	h.t.Helper()
	var s string
	if err := h.store.DB().GetContext(context.Background(), &s, q, args...); err != nil {
		h.t.Fatal(err)
	}
	return s
}

// Review r13 S1, A4: after 마감 an add's 사유: took `메모:박람회` into the
// reason (the note lost), and `메모:… 사유:…` was refused as if 사유 were
// missing. Each of the two ends where the other starts, in either order.
func TestReasonAndNoteEndAtEachOther(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang          commands.Lang
		close, rn, nr string
	}{
		{commands.Korean, "마감 11월", "추가 청년 18 11/27 사유:늦은 보고 메모:박람회", "추가 청년 7 11/26 메모:박람회 현장채용 사유:누락 보고"},
		{commands.English, "close 2026-11", "add 18 youth 2026-11-27 reason:late report note:박람회", "add 7 youth 2026-11-26 note:박람회 현장채용 reason:누락 보고"},
	} {
		h := newClockHarness(t, c.lang, time.Date(2026, 12, 3, 3, 0, 0, 0, time.UTC))
		h.run(manager, c.close, commands.OutcomeOK)
		h.run(manager, c.rn, commands.OutcomeOK)
		if note := h.sqlText(`SELECT note FROM entries ORDER BY id DESC LIMIT 1`); note != "박람회" {
			t.Fatalf("note %q, want 박람회", note)
		}
		if reason := h.sqlText(`SELECT reason FROM entry_after_close ORDER BY entry_id DESC LIMIT 1`); reason != byLangK45(c.lang, "late report", "늦은 보고") {
			t.Fatalf("reason %q", reason)
		}
		h.run(manager, c.nr, commands.OutcomeOK)
		if note := h.sqlText(`SELECT note FROM entries ORDER BY id DESC LIMIT 1`); note != "박람회 현장채용" {
			t.Fatalf("note %q, want 박람회 현장채용", note)
		}
		if reason := h.sqlText(`SELECT reason FROM entry_after_close ORDER BY entry_id DESC LIMIT 1`); reason != "누락 보고" {
			t.Fatalf("reason %q", reason)
		}
		if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 25 {
			t.Fatalf("SQL sum %d, want 25", got)
		}
	}
}

// Review r13 S5: `… 누계 1,150 12/3 약정 포함` was refused with the hint
// `… 약정 메모:포함`, which records +1,135 agreements. A status word with
// an including word is asked about; no hint keeps 약정 as the status.
func TestStatusIncludedIsAsked(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		lines []string
		want  string
		never []string
	}{
		{commands.Korean, []string{"추가 청년 누계 1,150 11/25 약정 포함", "추가 청년 누계 1,150 11/25 약정분 포함", "추가 청년 누계 1,150 11/25 약정 포함해서",
			"추가 청년 누계 1,150 11/25 약정포함", "추가 청년 1,150 11/25 채용 포함", "추가 청년 누계 1,150 11/25 (약정 포함)"}, "상태:약정", []string{"메모:포함", "약정 메모:", "메모:약정"}},
		{commands.English, []string{"add 1150 youth cumulative 2026-11-25 agreed included", "add 1150 youth cumulative 2026-11-25 including agreed"}, "status:agreed", []string{"note:included", "note:including", "agreed note:"}},
	} {
		h := newHarness(t, c.lang)
		for _, l := range c.lines {
			before := h.k45Counts()
			text := h.run(manager, l, commands.OutcomeRefused).Text()
			mustContain(t, text, c.want)
			for _, n := range c.never {
				if strings.Contains(text, n) {
					t.Errorf("%q: the reply offers %q:\n%s", l, n, text)
				}
			}
			h.writesNothing(l, before)
		}
	}
}

// Review r13 A7: conversions written other ways than 정규직 전환 got a note
// hint (`메모:정규 전환`), which records new jobs for converted workers.
func TestConversionWordsAreRefusedAsConversions(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, l := range []string{"추가 청년 2 11/25 정규 전환", "추가 청년 2 11/25 정규직으로 전환", "추가 청년 2 11/25 무기직 전환",
		"추가 청년 2 11/25 전환채용", "추가 청년 2 11/25 인턴 전환", "추가 청년 2명 11/25 인턴→정규 채용", "추가 청년 2 11/25 정규직 전환"} {
		before := h.k45Counts()
		text := h.run(manager, l, commands.OutcomeRefused).Text()
		mustContain(t, text, "정규직 전환", "새 일자리로 세지 않고")
		if strings.Contains(text, "2 11/25 메모:") || strings.Contains(text, "채용 메모:") {
			t.Errorf("%q: the reply offers a note line:\n%s", l, text)
		}
		h.writesNothing(l, before)
	}
	en := newHarness(t, commands.English)
	mustContain(t, en.run(manager, "add 2 youth 2026-11-25 converted to permanent", commands.OutcomeRefused).Text(), "not a new job")
	if n := en.entriesStored(); n != 0 {
		t.Fatalf("%d entries stored", n)
	}
}

// Review r13 A8: `전월 말일` was refused as a period while `전월말` and
// `지난달 말` read as last month's last day.
func TestLastMonthsLastDayWords(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for i, l := range []string{"추가 노인 1%d 전월 말일", "추가 청년 1%d 전월말일", "추가 여성 1%d 전달 말일", "추가 투자 1%d 저번달 말"} {
		h.run(manager, fmt.Sprintf(l, i), commands.OutcomeOK)
	}
	if got := h.sqlInt(`SELECT count(*) FROM entries WHERE as_of = '2026-10-31'`); got != 4 {
		t.Fatalf("%d entries dated 2026-10-31, want 4", got)
	}
	if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries`); got != 10+11+12+13 {
		t.Fatalf("SQL sum %d", got)
	}
}

// Review r13 A11: `현황 12월 현재` and `현황 11월 한달` looked `현재` and
// `한달` up as programs. After a period they say the period, no program.
func TestStatusPeriodTrailers(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 노인 7 11/20", commands.OutcomeOK)
	plain := h.run(manager, "현황 11월", commands.OutcomeOK).Text()
	for _, l := range []string{"현황 11월 현재", "현황 11월 한달", "현황 11월 한 달", "현황 11월 한달간", "현황 이번달 현재"} {
		if got := h.run(manager, l, commands.OutcomeOK).Text(); got != plain {
			t.Errorf("%q:\n%s\nwant as 현황 11월:\n%s", l, got, plain)
		}
	}
	if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries`); got != 7 {
		t.Fatalf("SQL sum %d", got)
	}
}

// Review r13 A10: moving an entry to another program or department by a
// 정정 (`정정 57 5 사업:청년`, `정정 57 5명 청년일자리로 사업 변경`) said
// "no option" or "already 5", or changed the figure and kept the program.
// It is refused naming the way: 무효, then 추가.
func TestCorrectionCannotMoveProgram(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  commands.Lang
		add   string
		lines []string
		want  []string
	}{
		{commands.Korean, "추가 노인 5 11/25", []string{"정정 1 5 사업:청년 사유:사업 오기", "정정 1 4명 청년일자리로 사업 변경", "정정 1 5명 청년일자리로 사업 변경",
			"정정 1 5 부서:일자리정책과 사유:x", "정정 1 5 부서 이관"}, []string{"`무효 1 <사유>`", "`추가 "}},
		{commands.English, "add 5 senior 2026-11-25", []string{"correct 1 5 program:youth reason:wrong program", "correct 1 4 moved to youth program"}, []string{"`void 1 <reason>`", "`add "}},
	} {
		h := newHarness(t, c.lang)
		h.run(manager, c.add, commands.OutcomeOK)
		for _, l := range c.lines {
			before := h.k45Counts()
			mustContain(t, h.run(manager, l, commands.OutcomeRefused).Text(), c.want...)
			h.writesNothing(l, before)
		}
		if got := h.sqlInt(`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL`); got != 5 {
			t.Fatalf("SQL sum %d", got)
		}
	}
}

// Review r13 A6: `채용 13 12/1 5명` (date before count) said "`12/1` is not
// a number". It names the order: number, count, date.
func TestHireDateBeforeCount(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang      commands.Lang
		add, line string
		want      string
	}{
		{commands.Korean, "추가 노인 10 11/20 상태:약정", "채용 1 11/25 5명", "`채용 1 5명 11/25`"},
		{commands.English, "add 10 senior 2026-11-20 status:agreed", "hire 1 2026-11-25 5", "`hire 1 5 2026-11-25`"},
	} {
		h := newHarness(t, c.lang)
		h.run(manager, c.add, commands.OutcomeOK)
		before := h.k45Counts()
		mustContain(t, h.run(manager, c.line, commands.OutcomeRefused).Text(), c.want)
		h.writesNothing(c.line, before)
	}
}

// Review r13 A2: `목표 노인 +500` and `목표 청년 1,500에서 1,700으로` named
// the wrong word; a target is set as the new whole figure.
func TestTargetChangeWordsHint(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang commands.Lang
		line string
		want []string
	}{
		{commands.Korean, "목표 노인 +500 사유:추경 증액", []string{"`+500`", "새 전체 목표"}},
		{commands.Korean, "목표 청년 1,500에서 1,700으로 사유:추경", []string{"`목표 1,700 사업:청년 사유:…`"}},
		{commands.English, "target senior +500 reason:budget", []string{"`+500`", "new whole target"}},
	} {
		h := newHarness(t, c.lang)
		before := h.k45Counts()
		mustContain(t, h.run(manager, c.line, commands.OutcomeRefused).Text(), c.want...)
		h.writesNothing(c.line, before)
	}
}

// Review r13 A1: `추가 청년 5, 노인 3` was refused for a misplaced comma;
// the line holds two programs, and the reply says so.
func TestTwoProgramsWithACommaAreNamed(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	before := h.k45Counts()
	mustContain(t, h.run(manager, "추가 청년 5, 노인 3 11/25", commands.OutcomeRefused).Text(), "다른 사업", "한 줄씩")
	h.writesNothing("two programs", before)
}

// Review r13 S5 (every note hint): a word right after a free status word
// gets no note line keeping the status.
func TestUnreadWordAfterStatusHasNoNoteLine(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	before := h.k45Counts()
	text := h.run(manager, "추가 청년 누계 1,150 11/25 약정 검토분", commands.OutcomeRefused).Text()
	mustContain(t, text, "`약정 검토분`")
	if strings.Contains(text, "약정 메모:") {
		t.Errorf("the reply offers a note line keeping 약정:\n%s", text)
	}
	h.writesNothing("약정 검토분", before)
}
