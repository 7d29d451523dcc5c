package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
)

// Issue 19 §5: an identical entry (same person, program, date, count) within
// a day waits for confirmation. The note is not part of what makes it the
// same entry: one more word in the note must not let it through.
func TestRepeatWithAnotherNoteIsHeld(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.runAs("U1", "k1", "추가 5 청년 11/20 메모:A사", commands.OutcomeOK)
			held := h.runAs("U1", "k2", "추가 5 청년 11/20 메모:A사 신규", commands.OutcomeRefused)
			mustContain(t, held.Text(), "#1", byLang(lang, "The note differs (#1: `A사`; now: `A사 신규`)", "메모는 다릅니다(#1: `A사`, 이번: `A사 신규`)"))
			// A 여 or another employment type is not another entry either.
			r := h.runAs("U1", "k3", "추가 5 청년 11/20 상용", commands.OutcomeRefused)
			mustContain(t, r.Text(), "#1", byLang(lang, "The note differs (#1: `A사`; now: no note)", "메모는 다릅니다(#1: `A사`, 이번: 메모 없음)"),
				byLang(lang, "The employment type differs", "고용형태가 다릅니다"))
			if n := h.entriesStored(); n != 1 {
				t.Fatalf("%d entries after held repeats, want 1", n)
			}
			// Another status or department is another entry; another person's
			// identical entry is held too (review r3 S4).
			h.runAs("U1", "k4", "추가 5 청년 11/20 상태:약정 메모:A사", commands.OutcomeOK)
			h.runAs("U1", "k5", "추가 5 청년 11/20 부서:노인복지과 확인:예 메모:A사", commands.OutcomeOK)
			h.runAs("U2", "k6", "추가 5 청년 11/20 메모:A사", commands.OutcomeRefused)
			h.runAs("U2", "k6b", "추가 5 청년 11/20 확인:예 메모:A사", commands.OutcomeOK)
			// The first question's button was superseded by the 상용 line's
			// question (the same repeat, review m-d): it asks again, and the
			// question asked again confirms the held line, once.
			if len(held.Actions) != 1 || held.Actions[0].ID != commands.ActionConfirm {
				t.Fatalf("the repeat was not held with a button:\n%s", held.Text())
			}
			again := h.runAs("U1", "k7", held.Actions[0].Command, commands.OutcomeRefused)
			if len(again.Actions) != 1 {
				t.Fatalf("the question asked again has no button:\n%s", again.Text())
			}
			h.runAs("U1", "k7b", again.Actions[0].Command, commands.OutcomeOK)
			h.runAs("U1", "k8", again.Actions[0].Command, commands.OutcomeRepeated)
			if got := h.newestEntry().Note; got != "A사 신규" {
				t.Fatalf("confirmed note %q, want %q", got, "A사 신규")
			}
			// Typing 확인:예 confirms too.
			h.runAs("U1", "k9", "추가 5 청년 11/20 메모:A사 다시", commands.OutcomeRefused)
			h.runAs("U1", "k10", "추가 5 청년 11/20 확인:예 메모:A사 다시", commands.OutcomeOK)
			if n := h.entriesStored(); n != 6 {
				t.Fatalf("%d entries, want 6", n)
			}
			if got := h.liveSum("youth", "realised"); got != 25 {
				t.Errorf("youth hires = %d, want 25 (#1, 부서:노인복지과, U2, two confirmed)", got)
			}
		})
	}
}

// Issue 19: 내정, 합격, 채용 예정, 입사 예정, 입사 대기 mean nobody is hired
// yet. They are refused, naming the word, unless the status is 약정; 합격
// is accepted when the same line says the people were hired.
func TestOfferedPassedAndPlannedAreNotHires(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			for _, c := range []struct{ line, named, why string }{
				{"추가 5 청년 11/20 내정", "`내정`", byLang(lang, "offered the job", "내정이나 입사 대기")},
				{"추가 5 청년 11/20 채용내정", "`채용내정`", byLang(lang, "offered the job", "내정이나 입사 대기")},
				{"추가 5 청년 11/20 내정자 통보", "`내정자`", byLang(lang, "offered the job", "내정이나 입사 대기")},
				{"추가 5 청년 11/20 입사대기", "`입사대기`", byLang(lang, "waiting to start", "내정이나 입사 대기")},
				{"추가 5 청년 11/20 입사 대기", "`입사 대기`", byLang(lang, "waiting to start", "내정이나 입사 대기")},
				{"add 5 youth 11/20 job offer", "`offer`", byLang(lang, "offered the job", "내정이나 입사 대기")},
				{"추가 5 청년 11/20 합격", "`합격`", byLang(lang, "passed selection", "합격했다는 뜻")},
				{"추가 5 청년 11/20 최종합격자", "`최종합격자`", byLang(lang, "passed selection", "합격했다는 뜻")},
				{"추가 5 청년 11/20 채용 예정", "`채용 예정`", byLang(lang, "planned", "채용 전")},
				{"추가 5 청년 11/20 채용예정", "`채용예정`", byLang(lang, "planned", "채용 전")},
				{"추가 5 청년 11/20 입사 예정", "`입사 예정`", byLang(lang, "planned", "채용 전")},
				{"추가 5 청년 11/20 최종합격 후 입사예정", "`입사예정`", byLang(lang, "planned", "채용 전")},
			} {
				r := h.run("U1", c.line, commands.OutcomeRefused)
				mustContain(t, r.Text(), c.named, c.why, byLang(lang, "status:agreed", "상태:약정"))
			}
			if n := h.entriesStored(); n != 0 {
				t.Fatalf("%d entries stored from refused lines", n)
			}
			// Passed and then hired, said on the line, are hires; 내정 or
			// 합격 under 상태:약정 is an agreement; 안내정보 is no 내정.
			h.run("U1", "추가 1 청년 11/20 채용 메모:합격자", commands.OutcomeOK)
			h.run("U1", "추가 2 청년 11/20 확인:예 메모:최종합격 후 입사", commands.OutcomeOK)
			h.run("U1", "추가 3 청년 11/20 상태:채용 확인:예 메모:합격자", commands.OutcomeOK)
			h.run("U1", "add 4 youth 11/20 note:passed and hired", commands.OutcomeOK)
			h.run("U1", "추가 5 청년 11/20 채용 메모:안내정보 제공 후", commands.OutcomeOK)
			h.run("U1", "추가 6 청년 11/20 상태:약정 메모:내정", commands.OutcomeOK)
			h.run("U1", "추가 7 청년 11/20 상태:약정 메모:채용 예정", commands.OutcomeOK)
			if got := h.liveSum("youth", "realised"); got != 15 {
				t.Errorf("youth hires = %d, want 1+2+3+4+5", got)
			}
			if got := h.liveSum("youth", "agreed"); got != 13 {
				t.Errorf("youth agreements = %d, want 6+7", got)
			}
		})
	}
}

// Issue 19: a program target larger than the year's overall target, or an
// overall target lowered below a program's, is saved with a warning naming
// both figures.
func TestProgramTargetAboveOverallWarns(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		t.Run(string(lang), func(t *testing.T) {
			h := newHarness(t, lang)
			h.run(manager, "목표 10000", commands.OutcomeOK)
			r := h.run(manager, "목표 20000 사업:청년", commands.OutcomeOK)
			mustContain(t, r.Text(), byLang(lang, "the target of Youth jobs (youth), 20,000, is larger than the overall target for 2026, 10,000",
				"청년일자리 목표 20,000개가 2026년 전체 목표 10,000개보다 많습니다"), byLang(lang, "The target is saved", "목표는 저장했으니"))
			r = h.run(manager, "목표 5000 사업:청년 사유:추경 감액", commands.OutcomeOK)
			if got := r.Text(); strings.Contains(got, "10,000") && strings.Contains(got, byLang(lang, "larger than", "많습니다")) {
				t.Errorf("a program target below the overall target warned:\n%s", got)
			}
			r = h.run(manager, "목표 4000 사유:추경 감액", commands.OutcomeOK)
			mustContain(t, r.Text(), byLang(lang, "the overall target for 2026, 4,000, is now smaller than the target of Youth jobs (youth), 5,000",
				"2026년 전체 목표 4,000개가 청년일자리 목표 5,000개보다 적습니다"))
			var youth, total int64
			db := h.store.DB()
			ctx := context.Background()
			if err := db.GetContext(ctx, &youth, `SELECT t.jobs FROM targets t JOIN programs p ON p.id = t.program_id WHERE p.code = 'youth' AND t.year = 2026`); err != nil {
				t.Fatal(err)
			}
			if err := db.GetContext(ctx, &total, `SELECT jobs FROM targets WHERE program_id IS NULL AND year = 2026`); err != nil {
				t.Fatal(err)
			}
			if youth != 5000 || total != 4000 {
				t.Errorf("targets stored youth %d, total %d; want 5000, 4000 (a warning still saves)", youth, total)
			}
		})
	}
}
