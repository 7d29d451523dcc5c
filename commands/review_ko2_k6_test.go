package commands_test

import (
	"context"
	"testing"

	"jobsbot/commands"
)

// Tests of the second Korean-official review (review_ko2 S2, S8, S7, S9),
// driven through Service.Handle as a Korean official types the lines.

func (h *harness) voidedCount() int {
	h.t.Helper()
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM entries WHERE voided_at IS NOT NULL`); err != nil {
		h.t.Fatal(err)
	}
	return n
}

// S2: `무효 43 44 누계 오기` means two entries; the second number is never
// swallowed into the first one's reason.
func TestVoidReasonStartingWithANumberIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 5 청년 11/20", commands.OutcomeOK)
	h.run(manager, "추가 6 청년 11/21 확인:예", commands.OutcomeOK)
	for _, line := range []string{"무효 1 2 누계 오기", "무효 1 #2 중복", "무효 1 2번 중복"} {
		r := h.run(manager, line, commands.OutcomeRefused)
		mustContain(t, r.Text(), "한 번에 한 건씩 무효 처리합니다", "`무효 1 <사유>`", "`무효 2 <사유>`")
	}
	if n := h.voidedCount(); n != 0 {
		t.Fatalf("%d entries voided by a refused line", n)
	}
	// A number later in the reason is kept as its reason (a count smaller
	// than the entry, as "2건" was here before k31, reads as a partial void: F38).
	h.run(manager, "무효 1 누계 오기 11/20 보고분", commands.OutcomeOK)
	if n := h.voidedCount(); n != 1 {
		t.Fatalf("voided %d, want 1", n)
	}
}

// S8: promised, interviewed or still-recruited people are not hires.
func TestNotYetHiredWordsAreRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, line := range []string{
		"추가 22 투자 11/20 고용확약",
		"추가 16 투자 11/20 채용 확약",
		"추가 26 청년 11/20 면접 대기",
		"추가 27 노인 11/20 참여자 모집 중",
		"추가 27 노인 11/20 모집중",
	} {
		r := h.run(manager, line, commands.OutcomeRefused)
		mustContain(t, r.Text(), "실적이 아닙니다", "`상태:약정`")
	}
	if n := h.entryCount(); n != 0 {
		t.Fatalf("%d entries stored from refused lines", n)
	}
	h.run(manager, "추가 22 투자 11/20 상태:약정 메모:고용확약", commands.OutcomeOK)
}

// S7: `채용 88 10여` never drops the 여 silently: a hire count is exact.
func TestHireCountWithYeoIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.run(manager, "추가 50 투자 11/20 상태:약정", commands.OutcomeOK)
	for _, line := range []string{"채용 1 10여", "채용 1 약 10"} {
		r := h.run(manager, line, commands.OutcomeRefused)
		mustContain(t, r.Text(), "어림수", "정확한 수로 입력해 주십시오")
	}
	if n := h.entryCount(); n != 1 {
		t.Fatalf("%d entries, want only the agreement", n)
	}
	h.run(manager, "채용 1 10", commands.OutcomeOK)
}

// S9: `목표 2만여 사업:여성` never sets 20,000: a target is exact.
func TestTargetWithYeoIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	for _, line := range []string{"목표 2만여 사업:여성", "목표 2만여", "목표 약 3000 부서:노인복지과"} {
		r := h.run(manager, line, commands.OutcomeRefused)
		mustContain(t, r.Text(), "목표는 정확한 수로 입력해 주십시오")
	}
	var n int
	if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM targets`); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d targets stored from refused lines", n)
	}
	h.run(manager, "목표 20000 사업:여성", commands.OutcomeOK)
}

// S5: a bare department name after the program is never filed silently as a
// note under the program's own department.
func TestDepartmentNameInNoteIsRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	r := h.run(manager, "추가 6 여성 11/20 노인복지과", commands.OutcomeRefused)
	mustContain(t, r.Text(), "부서를 바꾸려면 `부서:노인복지과`", "`메모:노인복지과`")
	if n := h.entryCount(); n != 0 {
		t.Fatalf("%d entries stored from a refused line", n)
	}
	h.run(manager, "추가 6 여성 11/20 메모:여성가족과", commands.OutcomeOK)
	h.run(manager, "추가 6 여성 11/20 부서:노인복지과 확인:예", commands.OutcomeOK)
	h.run(manager, "추가 7 여성 11/20 메모:노인복지과", commands.OutcomeOK) // 6 again is held as a repeat of 부서:노인복지과
}
