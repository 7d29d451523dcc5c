package commands_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"

	"jobsbot/commands"
)

// TestCSVSavedByKoreanExcelIsRefusedByItsEncoding: the bot's own entries
// CSV re-saved by Korean Excel ("CSV (쉼표로 분리)", CP949) is refused by its
// real cause, saying how to save it, in both languages, and nothing is
// written; the same rows in UTF-8 preview as usual (review r6 m-11).
func TestCSVSavedByKoreanExcelIsRefusedByItsEncoding(t *testing.T) {
	t.Parallel()
	f := &fileFetcher{}
	svc, cs := slackImportService(t, f, nil)
	utf := entriesCSV(t, cs.Store, 3)
	cp949, err := korean.EUCKR.NewEncoder().Bytes(utf)
	if err != nil {
		t.Fatal(err)
	}
	f.data = cp949
	for _, tc := range []struct {
		lang commands.Lang
		want string
	}{
		{commands.Korean, "UTF-8 형식이 아니어서 머리글을 읽을 수 없습니다"},
		{commands.Korean, "'CSV UTF-8(쉼표로 분리)(*.csv)'로 저장"},
		{commands.English, "\"CSV UTF-8 (Comma delimited) (*.csv)\""},
	} {
		r := svc.Handle(context.Background(), commands.Caller{UserID: "U_MGR", Source: commands.SourceSlash, Lang: tc.lang}, "가져오기")
		if !strings.Contains(r.Text(), tc.want) || strings.Contains(r.Text(), "머리글 행(") {
			t.Errorf("a CP949 CSV (%s): %q %s; want it to say %q", tc.lang, r.Outcome, r.Text(), tc.want)
		}
	}
	var entries int
	if err := cs.Store.DB().GetContext(context.Background(), &entries, `SELECT count(*) FROM entries`); err != nil {
		t.Fatal(err)
	}
	if entries != 0 {
		t.Errorf("%d entries written; want none", entries)
	}
	f.data = utf
	if r := svc.Handle(context.Background(), commands.Caller{UserID: "U_MGR", Source: commands.SourceSlash}, "가져오기"); !strings.Contains(r.Text(), "+3개") {
		t.Errorf("the same rows in UTF-8: %q %s", r.Outcome, r.Text())
	}
}
