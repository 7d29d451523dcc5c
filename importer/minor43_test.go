package importer_test

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// The combining-mark refusal of an imported cell named a word holding a
// backtick inside backquotes, which closed the code span: the word is
// named without its backticks.
func TestMinor43ImportMarkWordWithBacktick(t *testing.T) {
	t.Parallel()
	store := dbtest.New(t)
	head := "\uFEFF기준일,사업코드,사업명(신규),일자리 수,보고 방식,보고 누계,어림수(여),상태,메모\n"
	rows := "2026-11-20,youth,,5,증가분,,,채용,어\u0301`제 입사\n"
	rd := reader(t, store)
	rd.Today = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	_, problems, err := rd.Read("dept.csv", []byte(head+rows))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 {
		t.Fatalf("problems %+v, want one", problems)
	}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		text := problems[0].Text(lang)
		if !strings.Contains(text, "`어\u0301제`") || strings.Count(text, "`")%2 != 0 {
			t.Errorf("%s: %q, want the word `어\u0301제` in one code span", lang, text)
		}
	}
	if n := sum(t, store, "true"); n != 0 {
		t.Errorf("SQL sum %d written by a read", n)
	}
}
