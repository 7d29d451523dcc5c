package importer_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r42 (MINOR): an imported note `어́제 입사` (a combining mark on a
// Hangul letter) was taken, although the typed line is refused for it
// (markOnHangul, r38 M2), and the mark hid 어제 from the import's
// relative-day refusal. A text cell holding such a mark is refused with the
// typed line's reason, naming the word, the mark and where it is.
func TestR42ImportRefusesACombiningMarkOnHangul(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "2026-11-20,youth,,5,증가분,,,채용,어\u0301제 입사\n" +
		"2026-11-20,youth,,6,증가분,,,채용,신규 입\u0300사\n" +
		"2026-11-20,youth,,7,증가분,,,채용,e\u0301tude 입사\n" // a mark on a Latin letter is a letter of its own (NFC é)
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	_, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, p := range problems {
		lines = append(lines, p.Line)
	}
	if got, want := fmt.Sprint(lines), "[2 3]"; got != want {
		t.Fatalf("problems on lines %s, want %s: %+v", got, want, problems)
	}
	for _, tc := range []struct {
		lang commands.Lang
		want []string
	}{
		{commands.Korean, []string{"2번째 글자가 한글에 붙은 결합 부호(유니코드 0301)", "`어\u0301제`를 읽을 수 없습니다", "부호를 지우고"}},
		{commands.English, []string{"Character 2 of the cell is a combining mark (U+0301) on a Hangul letter", "`어\u0301제` cannot be read", "Delete the mark"}},
	} {
		text := problems[0].Text(tc.lang)
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q lacks %q", tc.lang, text, w)
			}
		}
	}
	if text := problems[1].Text(commands.Korean); !strings.Contains(text, "5번째 글자") || !strings.Contains(text, "`입\u0300사`") {
		t.Errorf("line 3: %q", text)
	}
	if n := sum(t, store, "true"); n != 0 {
		t.Errorf("SQL sum %d written by a read", n)
	}
}
