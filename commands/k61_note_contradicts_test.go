package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// k61Sum is the plain SQL SUM of the live realised entries of a program.
func (h *harness) k61Sum(code string) int64 {
	h.t.Helper()
	return h.sqlInt(`SELECT coalesce(sum(e.count),0) FROM entries e JOIN programs p ON p.id = e.program_id
		WHERE e.voided_at IS NULL AND e.status = 'realised' AND p.code = $1`, code)
}

// Review r24 F1: `추가 청년 60 메모:11월말 누계` after 청년 35 and 12 was
// stored as +60 (누계 47 → 107) though the note says the 60 is the total.
// It is refused with both lines to type; following the 누계 line makes the
// year 60. Notes that speak of the total without calling the figure one
// (누계 반영분, 누계와 별도, 누계포함, 누계 60 beside a 13) stay recorded.
func TestK61NoteSaysTotalOnDeltaIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang               commands.Lang
		setup              []string
		line, total, delta string
		kept               []string
		keptSum            int64
	}{
		{commands.Korean, []string{"추가 청년 35 2026. 11. 27.", "추가 청년 12"},
			"추가 청년 60 메모:11월말 누계", "`추가 청년 누계 60 2026. 11. 28. 메모:11월말 누계`", "메모:11월말`",
			[]string{"추가 청년 2 누계포함:아니오 메모:누계 반영분", "추가 청년 3 누계포함:아니오 메모:누계와 별도",
				"추가 청년 4 누계포함:아니오 메모:누계포함 확인", "추가 청년 13 누계포함:아니오 메모:11월말 누계 60명"}, 2 + 3 + 4 + 13},
		{commands.English, []string{"add 35 youth 2026-11-27", "add 12 youth"},
			"add youth 60 note:total to date", "`add youth cumulative 60 date:2026-11-28 note:total to date`", "note:to date`",
			[]string{"add 2 youth within:no note:not cumulative", "add 13 youth within:no note:cumulative 60"}, 2 + 13},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			now := k55At(2026, time.November, 28)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			for _, l := range tc.setup {
				h.run(manager, l, commands.OutcomeOK)
			}
			text := h.run(manager, tc.line, commands.OutcomeRefused).Text()
			mustContain(t, text, tc.total, tc.delta)
			if got := h.k61Sum("youth"); got != 47 {
				t.Fatalf("youth SQL sum %d after a refused line, want 47", got)
			}
			h.run(manager, strings.Trim(tc.total, "`"), commands.OutcomeOK)
			if got := h.k61Sum("youth"); got != 60 {
				t.Fatalf("youth SQL sum %d after the total line, want 60", got)
			}
			for _, l := range tc.kept {
				h.run(manager, confirmed(l), commands.OutcomeOK)
			}
			if got := h.k61Sum("youth"); got != 60+tc.keptSum {
				t.Fatalf("youth SQL sum %d, want %d", got, 60+tc.keptSum)
			}
		})
	}
}

// Review r24 F16: `추가 청년 3 메모:퇴사 3명 차감` was stored as +3. A note
// saying the jobs went down is refused as the same words outside a note
// are, pointing to 정정/무효; a note of replacement hires (퇴사자 충원), a
// region (인구 감소 지역) or a denial (감소 아님) stays recorded.
func TestK61NoteSaysDecreaseIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang    commands.Lang
		setup   string
		refused []string
		wants   []string
		kept    []string
		keptSum int64
	}{
		{commands.Korean, "추가 청년 414 2026. 12. 20.",
			[]string{"추가 청년 3 메모:퇴사 3명 차감", "추가 청년 2 메모:중도 포기", "추가 청년 4 메모:이탈자 발생",
				"추가 청년 1 메모:계약 해지", "추가 청년 5 메모:마이너스 5", "추가 청년 2 메모:해고", "추가 청년 6 메모:인원 감소"},
			[]string{"줄었다는 말", "`정정 <번호> <수> <사유>`", "`무효 <번호> <사유>`", "아무것도 저장하지 않았습니다"},
			[]string{"추가 청년 3 메모:퇴사자 충원", "추가 청년 2 메모:인구 감소 지역 청년", "추가 청년 1 메모:감소 아님 신규",
				"추가 청년 4 메모:퇴사자 재취업"}, 3 + 2 + 1 + 4},
		{commands.English, "add 414 youth 2026-12-20",
			[]string{"add youth 3 note:3 deducted", "add youth 5 note:minus 5", "add youth 2 note:decrease"},
			[]string{"going down", "`correct <number> <count> <reason>`", "`void <number> <reason>`", "Nothing was saved"},
			[]string{"add youth 6 note:replaces 6 who left", "add youth 1 note:left-behind youth"}, 6 + 1},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			now := k55At(2027, time.January, 5)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.run(manager, tc.setup, commands.OutcomeOK)
			h.refusedAll(tc.refused, tc.wants...)
			// the add form runs the same check on its note field
			_, errs := h.svc.SubmitAddForm(context.Background(), commands.Caller{UserID: "U1", Source: commands.SourceModal,
				IdempotencyKey: "view:k61"}, commands.AddForm{Program: "youth", Count: "3", Date: "2027-01-05", Note: "퇴사 3명 차감"})
			if !strings.Contains(errs["note"], "`퇴사`") {
				t.Fatalf("the form's decrease note: %v", errs)
			}
			if got := h.k61Sum("youth"); got != 414 {
				t.Fatalf("youth SQL sum %d after refused lines, want 414", got)
			}
			for _, l := range tc.kept {
				h.run(manager, confirmed(l), commands.OutcomeOK)
			}
			if got := h.k61Sum("youth"); got != 414+tc.keptSum {
				t.Fatalf("youth SQL sum %d, want %d", got, 414+tc.keptSum)
			}
		})
	}
}

// Review r24 F20: `추가 투자 100 약정 메모:채용 완료` was filed as an
// agreement (not counted) while the note says the people are hired. It is
// asked: `채용 <약정 번호> <수>`, the line with 상태:채용, or the agreement
// without the words. Following the 상태:채용 line counts the 100.
func TestK61AgreedWithHiredNoteIsAsked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang             commands.Lang
		lines            []string
		wants            []string
		realised, agreed string
		kept             string
	}{
		{commands.Korean, []string{"추가 투자 100 약정 메모:채용 완료", "추가 투자 100 상태:약정 메모:입사 완료", "추가 투자 100 약정 메모:채용됨",
			"추가 투자 100 약정 메모:약정 100명 채용했음"},
			[]string{"‘약정’", "이미 채용했다는", "`채용 <약정 번호> <수>`", "아무것도 저장하지 않았습니다"},
			"`추가 100 투자유치 날짜:2027.1.5 부서:", "메모:채용 완료`", "추가 투자 100 약정 메모:채용 완료 예정"},
		{commands.English, []string{"add invest 100 status:agreed note:already hired"},
			[]string{"read as agreed", "`hire <agreement number> <count>`", "Nothing was saved"},
			"`add 100 invest date:2027-01-05 dept:", "status:realised note:already hired`", "add invest 100 status:agreed note:hiring planned"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			now := k55At(2027, time.January, 5)
			h := newHarness(t, tc.lang)
			h.withClock(&now)
			h.refusedAll(tc.lines, tc.wants...)
			text := h.run(manager, tc.lines[0], commands.OutcomeRefused).Text()
			mustContain(t, text, tc.realised, tc.agreed)
			h.run(manager, confirmed(tc.kept), commands.OutcomeOK)
			if got := h.k61Sum("invest"); got != 0 {
				t.Fatalf("invest SQL sum %d after an agreement, want 0", got)
			}
			i := strings.Index(text, tc.realised)
			line := text[i+1:]
			line = line[:strings.Index(line, "`")]
			h.run(manager, line, commands.OutcomeOK)
			if got := h.k61Sum("invest"); got != 100 {
				t.Fatalf("invest SQL sum %d after the 상태:채용 line, want 100", got)
			}
		})
	}
}
