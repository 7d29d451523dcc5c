package commands_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// A line may end in 확인 ("현장 확인", "… please confirm"): bare, it is
// words no field reads and is refused, never a confirmation. After 메모:
// it is note text, kept whole, and the same line again is still asked
// about; the line the bot offers puts 확인:예 before 메모:, where it is read.
// Only the option 확인:예 / confirm:yes confirms, and inside 메모: it is
// note text.
func TestConfirmWordInANoteIsTheNote(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	h.addDepartment("가과")
	r := h.run("U1", "add 4 disabled date:2026-06-10 dept:가과 현장 확인", commands.OutcomeRefused)
	mustContain(t, r.Text(), "`현장 확인`", "메모:현장 확인`")
	if n := h.entriesStored(); n != 0 {
		t.Fatalf("%d entries from a line ending in a bare 확인", n)
	}
	line := "add 4 disabled date:2026-06-10 dept:가과 메모:현장 확인"
	h.run("U1", line, commands.OutcomeOK)
	if got := h.newestEntry().Note; got != "현장 확인" {
		t.Fatalf("note stored %q; want %q", got, "현장 확인")
	}
	r = h.run("U1", line, commands.OutcomeRefused) // the same entry again: asked, not recorded
	mustContain(t, r.Text(), "같은 실적을 조금 전에 기록하셨습니다")
	offered := "추가 4 disabled 날짜:2026-06-10 부서:가과 확인:예 메모:현장 확인" // the reply's words (awk5)
	mustContain(t, r.Text(), "`"+offered+"`")
	if n := h.entriesStored(); n != 1 {
		t.Fatalf("%d entries; the repeat must wait for confirmation", n)
	}

	h.run("U1", "add 4 disabled date:2026-06-11 dept:가과 confirm:yes note:please confirm", commands.OutcomeOK)
	if got := h.newestEntry().Note; got != "please confirm" {
		t.Fatalf("note stored %q; want %q", got, "please confirm")
	}
	h.run("U1", "add 2 disabled date:2026-06-12 메모: 현장 확인:예", commands.OutcomeOK)
	if got := h.newestEntry().Note; got != "현장 확인:예" {
		t.Fatalf("note stored %q; want the 메모: text whole", got)
	}
	r = h.run("U1", "add 2 disabled date:2026-06-12 메모: 현장 확인:예", commands.OutcomeRefused)
	mustContain(t, r.Text(), "같은 실적을 조금 전에 기록하셨습니다")

	before := h.entriesStored()
	h.run("U1", offered, commands.OutcomeOK) // the line the bot offered records it
	if got := h.newestEntry().Note; got != "현장 확인" || h.entriesStored() != before+1 {
		t.Fatalf("확인:예 recorded note %q, %d entries; want the note whole and one more entry", got, h.entriesStored())
	}
	r = h.run("U1", "add 4 disabled date:2026-06-10 dept:가과 확인:완료 메모:현장 확인", commands.OutcomeRefused)
	mustContain(t, r.Text(), "`확인:완료`는 확인으로 읽을 수 없습니다")
}

// The Record it button confirms the entry it was offered for, once: its
// line pressed again answers "already recorded"; a token sealed for
// another entry (the line edited) confirms nothing and is asked again.
func TestConfirmButtonTokenConfirmsItsEntryOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	h.run("U1", "add 30 youth 11월 20일", commands.OutcomeOK)
	r := h.run("U1", "add 30 youth 11월 20일", commands.OutcomeRefused)
	button := r.Actions[0].Command
	h.run("U1", button, commands.OutcomeOK)
	r = h.run("U1", button, commands.OutcomeRepeated)
	mustContain(t, r.Text(), "already recorded")
	if n := h.entriesStored(); n != 2 {
		t.Fatalf("%d entries after pressing twice; want 2", n)
	}
	token := button[strings.LastIndex(button, ":")+1:]
	h.run("U1", "add 31 youth 11월 20일 confirm:"+token, commands.OutcomeOK) // not a repeat: recorded normally
	r = h.run("U1", "add 31 youth 11월 20일 confirm:"+token, commands.OutcomeRefused)
	mustContain(t, r.Text(), "You recorded the same entry a short while ago")
	if n := h.entriesStored(); n != 3 {
		t.Fatalf("%d entries; a token for another entry must not confirm it", n)
	}
	// Another person's press of the button is theirs: it confirms nothing
	// of U1's, and the identical entry is asked about (review r3 S4).
	r = h.run("U2", button, commands.OutcomeRefused)
	mustContain(t, r.Text(), "The same entry is already recorded")
}

// A date is read …일, so its particle is 일's: 2026. 12. 25.은, not 25.는
// (review20 #15).
func TestFutureDateTakesTheParticleOfIl(t *testing.T) {
	t.Parallel()
	h := newClockHarness(t, commands.Korean, time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC))
	r := h.run("U1", "add 1 youth date:2026-12-25", commands.OutcomeRefused)
	mustContain(t, r.Text(), "2026. 12. 25.은 아직 오지 않은 날짜입니다")
	r = h.run("U1", "add 1 youth date:2026-12-22", commands.OutcomeRefused)
	mustContain(t, r.Text(), "2026. 12. 22.은 아직 오지 않은 날짜입니다")
}
