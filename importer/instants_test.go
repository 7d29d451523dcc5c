package importer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
	"jobsbot/importer"
)

// A record or void time later than now is refused as a problem on its
// line: the file's times are kept as the entry's, so they must be past.
func TestFutureRecordAndVoidTimesAreProblems(t *testing.T) {
	ctx := context.Background()
	store := dbtest.New(t)
	svc := importer.Service{Store: store, Today: func() time.Time { return time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC) },
		Location: seoul, Now: func() time.Time { return now }}
	header := "번호,기준일,사업코드,부서,일자리 수,보고 방식,상태,메모,기록자 ID,기록 일시,무효,무효 일시,무효 처리자 ID,무효 사유\n"
	for _, tc := range []struct{ name, row, column string }{
		{"future record", "1,2026-05-01,youth,,3,증가분,채용,,U_X,2099-01-01 09:00:00,,,,", "기록 일시"},
		{"future void", "1,2026-05-01,youth,,3,증가분,채용,,U_X,2026-05-01 09:00:00,무효,2099-01-01 09:00:00,U_X,중복", "무효 일시"},
		{"an hour ahead", "1,2026-05-01,youth,,3,증가분,채용,,U_X,2026-05-15 11:00:00,,,,", "기록 일시"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, problems, err := svc.Read(ctx, "f.csv", []byte(header+tc.row+"\n"), "U_M")
			if err != nil || len(problems) > 0 {
				t.Fatalf("read: %v %v", problems, err)
			}
			res, err := svc.Import(ctx, f, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Problems) != 1 || res.Problems[0].Line != 2 || res.Problems[0].Column != tc.column ||
				res.Problems[0].ID != "import.problem.instant_in_future" {
				t.Fatalf("problems %+v, want line 2 [%s] in the future", res.Problems, tc.column)
			}
			if text := res.Problems[0].Text(commands.Korean); !strings.Contains(text, "지금보다 늦은 일시") {
				t.Fatalf("problem text %q", text)
			}
		})
	}
	var n int
	if err := store.DB().GetContext(ctx, &n, `SELECT count(*) FROM entries`); err != nil || n != 0 {
		t.Fatalf("%d entries written (%v)", n, err)
	}
	// A time of the past is kept.
	f, _, _ := svc.Read(ctx, "ok.csv", []byte(header+"1,2026-05-01,youth,,3,증가분,채용,,U_X,2026-05-15 09:59:00,,,,\n"), "U_M")
	res, err := svc.Import(ctx, f, false)
	if err != nil || len(res.Problems) > 0 || res.Added != 1 {
		t.Fatalf("a past time: added %d, problems %v (%v)", res.Added, res.Problems, err)
	}
}
