package i18n

import (
	"strings"
	"testing"
)

// A particle after an entry or candidate number follows how the number is
// read: #13 is 십삼 (으로), #12 is 십이 (로).
func TestParticleAfterNumbers(t *testing.T) {
	p := Default().Printer(Korean)
	for id, want := range map[int64]string{
		12: "이 요청은 이미 #12로 기록했으므로",
		13: "이 요청은 이미 #13으로 기록했으므로",
		10: "이 요청은 이미 #10으로 기록했으므로",
	} {
		got, err := p.Render("entries.duplicate_request", "ID", id)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got, want) {
			t.Errorf("ID %d: %q, want it to start %q", id, got, want)
		}
	}
	got, err := p.Render("candidates.moved_meanwhile", "ID", int64(3))
	if err != nil {
		t.Fatal(err)
	}
	if want := "`후보 보기 3`으로 확인한 뒤"; !strings.Contains(got, want) {
		t.Errorf("%q lacks %q", got, want)
	}
}
