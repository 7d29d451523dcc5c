package commands_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
)

// review r2 B5: an entries import checks its 부서 column against the
// managed department list, as dept: on a typed add does. An unknown name is
// a problem on its line, with the nearest managed names; nothing is
// written and no department is created. A name that matches a managed one
// as dept: matches it (spaces aside) is credited to that department, so a
// 실적 없음 of it refuses the rows. The preview lists the departments the
// file's rows credit.
func TestImportChecksDepartmentColumn(t *testing.T) {
	t.Parallel()
	f := &fileFetcher{}
	svc, cs := importService(t, f, -1)
	ctx := context.Background()
	count := func(q string) int64 {
		t.Helper()
		var n int64
		if err := cs.DB().GetContext(ctx, &n, q); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var youthDept string
	if err := cs.DB().GetContext(ctx, &youthDept, `SELECT department FROM programs WHERE code = 'youth'`); err != nil {
		t.Fatal(err)
	}
	if youthDept != "일자리정책과" {
		t.Fatalf("youth's department is %q; the test expects 일자리정책과", youthDept)
	}
	if r := svc.Handle(ctx, slackUser("U_MGR"), "실적 없음 10월 부서:일자리정책과"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("실적 없음: %q %s", r.Outcome, r.Text())
	}
	departments := count(`SELECT count(*) FROM departments`)

	for _, tc := range []struct {
		name, row string
		want      []string
	}{
		{"typo", "1,2026-10-06,youth,일자리정책팀,4,증가분,채용,y,U_IMP,2026-10-05 09:00:00\n",
			[]string{"2행", "[부서]", "일자리정책팀", "부서 목록", "비슷한 이름", "일자리정책과"}},
		{"mention", "1,2026-10-05,youth,<!channel> 가짜과,7,증가분,채용,x,U_IMP,2026-10-05 09:00:00\n",
			[]string{"2행", "[부서]", "가짜과", "부서 목록"}},
	} {
		f.data = []byte(entriesHeader + tc.row)
		r := svc.Handle(ctx, slackUser("UA"), "가져오기")
		text := r.Text()
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: preview lacks %q:\n%s", tc.name, w, text)
			}
		}
		if len(r.Actions) != 0 {
			t.Errorf("%s: preview offers %d action(s); want none for a file with problems:\n%s", tc.name, len(r.Actions), text)
		}
	}

	// Spaces aside, 일자리 정책과 is 일자리정책과, whose October is 실적 없음.
	f.data = []byte(entriesHeader + "1,2026-10-05,youth,일자리 정책과,7,증가분,채용,x,U_IMP,2026-10-05 09:00:00\n")
	r := svc.Handle(ctx, slackUser("UA"), "가져오기")
	if len(r.Actions) == 1 {
		r = svc.Handle(ctx, slackUser("U_MGR"), r.Actions[0].Command)
	}
	if !strings.Contains(r.Text(), "실적 없음") {
		t.Errorf("a row of 일자리 정책과 in October: want the 실적 없음 named, got %q:\n%s", r.Outcome, r.Text())
	}

	if n := count(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL`); n != 0 {
		t.Errorf("entries hold %d jobs; want none written", n)
	}
	if n := count(`SELECT count(*) FROM departments`); n != departments {
		t.Errorf("departments: %d rows, want %d (none created by an import)", n, departments)
	}

	// A clean file: the preview names the department its rows credit, and
	// the manager's apply credits it.
	f.data = []byte(entriesHeader + "1,2026-11-05,youth,,3,증가분,채용,x,U_IMP,2026-11-05 09:00:00\n" +
		"2,2026-11-06,youth,일자리 정책과,2,증가분,채용,y,U_IMP,2026-11-06 09:00:00\n")
	r = svc.Handle(ctx, slackUser("UA"), "가져오기")
	if !strings.Contains(r.Text(), "실적이 기록될 부서: 일자리정책과\n") || len(r.Actions) != 1 {
		t.Fatalf("preview: want the department listed and one apply button, got %q:\n%s", r.Outcome, r.Text())
	}
	r = svc.Handle(ctx, slackUser("U_MGR"), r.Actions[0].Command)
	if n := count(`SELECT COALESCE(SUM(count), 0) FROM entries WHERE voided_at IS NULL AND department = '일자리정책과'`); n != 5 {
		t.Fatalf("일자리정책과 holds %d jobs after the apply (%s); want 5", n, r.Text())
	}
	if n := count(`SELECT count(*) FROM departments`); n != departments {
		t.Errorf("departments: %d rows after the apply, want %d", n, departments)
	}
}
