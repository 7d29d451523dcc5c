package commands_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// r13 W8: the 부서: label of 목록 reads an old name (after a rename) and an
// alias as the bare word and 현황 do, and the department's summary keeps 여.
func TestI42ListDeptLabelOldNameAndAlias(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, byLang(lang, "add 820여 senior 11/20", "추가 노인 820여 11/20"), commands.OutcomeOK)
		h.run(manager, byLang(lang, "dept add 노인복지과 aliases:노인과", "부서 추가 노인복지과 별칭:노인과"), commands.OutcomeOK)
		var sum int64
		if err := h.store.DB().GetContext(context.Background(), &sum,
			`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND department = '노인복지과'`); err != nil {
			t.Fatal(err)
		}
		if sum != 820 {
			t.Fatalf("노인복지과 sum %d, want 820", sum)
		}
		for _, line := range []string{
			byLang(lang, "list dept:노인과 11/1 ~ 11/30", "목록 부서:노인과 11월"),
		} {
			r := h.run(manager, line, commands.OutcomeOK)
			mustContain(t, r.Text(), "#1 ", byLang(lang, "about 820 jobs", "일자리 820여개"))
		}
		h.run(manager, byLang(lang, "dept rename 노인복지과 노인정책과", "부서 이름변경 노인복지과 노인정책과"), commands.OutcomeOK)
		r := h.run(manager, byLang(lang, "list dept:노인복지과 11/1 ~ 11/30", "목록 부서:노인복지과 11월"), commands.OutcomeOK)
		mustContain(t, r.Text(), "#1 ", "노인정책과")
		if strings.Contains(r.Text(), byLang(lang, "No entries", "실적이 없습니다")) {
			t.Errorf("old name lists nothing:\n%s", r.Text())
		}
	}
}

// r13 W9: a 정정 of a 누계 to an approximate figure states the ledger's new
// total with its 여 in the first line too.
func TestI42CorrectedTotalKeepsApprox(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, byLang(lang, "add 600 senior cumulative 11/20", "추가 노인 누계 600 11/20"), commands.OutcomeOK)
		r := h.run(manager, byLang(lang, "correct 1 650여 recount", "정정 1 650여 재집계"), commands.OutcomeOK)
		mustContain(t, r.Text(), byLang(lang, "is now about 650", "누계는 이제 650여개"))
		if got := h.yearTotal(); got != 650 {
			t.Errorf("entries sum to %d; want 650", got)
		}
	}
}

// r13 W4: a subtotal's (and the total's) month cell carries 여 only when a
// cell it sums does: rail's 600여 through 11/30 leaves rail's December `-`,
// so 민간's December (invest's exact 15) is exact.
func TestI42SubtotalMonthApproxOnlyFromItsCells(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, "add 600여 rail cumulative 11/30", commands.OutcomeOK)
		h.run(manager, "add 15 invest 12/2", commands.OutcomeOK)
		h.run(manager, "add 40 youth 12/2", commands.OutcomeOK)
		var dec int64
		if err := h.store.DB().GetContext(context.Background(), &dec,
			`SELECT coalesce(sum(count),0) FROM entries WHERE voided_at IS NULL AND status='realised' AND as_of >= '2026-12-01'`); err != nil {
			t.Fatal(err)
		}
		if dec != 55 {
			t.Fatalf("December sums to %d, want 55", dec)
		}
		r := h.run(manager, byLang(lang, "report", "보고서"), commands.OutcomeOK)
		split := regexp.MustCompile(`\s{2,}`)
		found := 0
		var table []string
		for _, sec := range r.Sections {
			if len(sec.Lines) > 0 && strings.HasSuffix(strings.TrimSpace(sec.Lines[0]), byLang(lang, "Dec", "12월")) {
				table = sec.Lines
			}
		}
		for _, line := range table {
			f := split.Split(strings.TrimSpace(line), -1)
			switch {
			case strings.HasPrefix(f[0], byLang(lang, "Private", "민간")):
				found++
				if last := f[len(f)-1]; last != "15" { // December
					t.Errorf("%s: private subtotal December %q, want 15:\n%s", lang, last, strings.Join(table, "\n"))
				}
			case strings.HasPrefix(f[0], byLang(lang, "Total", "합계")):
				found++
				if last := f[len(f)-1]; last != "55" {
					t.Errorf("%s: total December %q, want 55:\n%s", lang, last, strings.Join(table, "\n"))
				}
			}
		}
		if found != 2 {
			t.Errorf("%s: no private subtotal and total rows:\n%s", lang, r.Text())
		}
	}
}

// r13 A3: a department target above the city's whole-year target is kept
// with the warning a program target above it gets.
func TestI42DeptTargetAboveTotalWarns(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, byLang(lang, "target 12000", "목표 1만2천"), commands.OutcomeOK)
		r := h.run(manager, byLang(lang, "target 13000 dept:노인복지과 reason:allocation", "목표 1만3천 부서:노인복지과 사유:배분"), commands.OutcomeOK)
		mustContain(t, r.Text(), "노인복지과", byLang(lang, "larger than the overall target for 2026", "2026년 전체 목표"), byLang(lang, "12,000", "12,000개"))
		var n int64
		if err := h.store.DB().GetContext(context.Background(), &n, `SELECT count(*) FROM department_targets WHERE jobs = 13000`); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("department target not saved")
		}
		r = h.run(manager, byLang(lang, "target 9000 dept:일자리정책과", "목표 9천 부서:일자리정책과"), commands.OutcomeOK)
		if strings.Contains(r.Text(), byLang(lang, "overall target", "전체 목표")) {
			t.Errorf("a target below the total warns:\n%s", r.Text())
		}
	}
}

// r13 A5: a hire typed by a reporter of another department on another
// department's agreement says under which department it is filed, as the
// add does.
func TestI42HireOtherDepartmentSaysWhere(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "dept add 노인복지과 <@UPARK>", commands.OutcomeOK)
		h.run(manager, byLang(lang, "add 20 youth date:2026-11-10 status:agreed", "추가 20 youth 날짜:2026-11-10 상태:약정"), commands.OutcomeOK)
		var dept string
		if err := h.store.DB().GetContext(context.Background(), &dept, `SELECT department FROM entries WHERE id = 1`); err != nil {
			t.Fatal(err)
		}
		r := h.run("UPARK", byLang(lang, "hire 1 5 11/20", "채용 1 5 11/20"), commands.OutcomeOK)
		mustContain(t, r.Text(), dept, byLang(lang, "(your department: 노인복지과)", "(입력한 분의 부서: 노인복지과)"))
		var got string
		if err := h.store.DB().GetContext(context.Background(), &got, `SELECT department FROM entries WHERE id = 2 AND count = 5`); err != nil {
			t.Fatal(err)
		}
		if got != dept {
			t.Errorf("hire filed under %q, want the agreement's %q", got, dept)
		}
		// the reporter's own department's agreement: no such line
		h.run(manager, byLang(lang, "add 20 senior date:2026-11-10 status:agreed", "추가 20 senior 날짜:2026-11-10 상태:약정"), commands.OutcomeOK)
		r = h.run("UPARK", byLang(lang, "hire 3 5 11/20", "채용 3 5 11/20"), commands.OutcomeOK)
		if strings.Contains(r.Text(), byLang(lang, "your department", "입력한 분의 부서")) {
			t.Errorf("own department's hire names the department:\n%s", r.Text())
		}
	}
}

// r13 W2: a program or sector status lists only its own after-close
// changes; a department's voided 실적 없음 (of all its programs) belongs to
// the whole and that department's views.
func TestI42NarrowStatusLeavesOutVoidedNothing(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, byLang(lang, "add 10 youth 10/5", "추가 10 청년 10/5"), commands.OutcomeOK)
		h.run(manager, byLang(lang, "none 2026-10 dept:노인복지과", "실적없음 2026-10 부서:노인복지과"), commands.OutcomeOK)
		var id int64
		if err := h.store.DB().GetContext(context.Background(), &id, `SELECT id FROM nothing_reports`); err != nil {
			t.Fatal(err)
		}
		h.run(manager, byLang(lang, "close 2026-10", "마감 10월"), commands.OutcomeOK)
		h.run(manager, fmt.Sprintf(byLang(lang, "void %d mistake reason:late report", "무효 %d 착오 사유:늦은 보고"), id), commands.OutcomeOK)
		tag := fmt.Sprintf("#%d", id)
		afterClose := byLang(lang, "Changed after close", "마감 후 정정")
		for _, line := range []string{
			byLang(lang, "status 2026-10 youth", "현황 10월 청년"),
			byLang(lang, "status 2026-10 senior", "현황 10월 노인"),
			byLang(lang, "status 2026-10 private", "현황 10월 민간"),
		} {
			r := h.run(manager, line, commands.OutcomeOK)
			if strings.Contains(r.Text(), afterClose) {
				t.Errorf("%s lists a 실적 없음's void as its change:\n%s", line, r.Text())
			}
		}
		for _, line := range []string{
			byLang(lang, "status 2026-10", "현황 10월"),
			byLang(lang, "status 2026-10 dept:노인복지과", "현황 10월 부서:노인복지과"),
		} {
			r := h.run(manager, line, commands.OutcomeOK)
			mustContain(t, r.Text(), afterClose, tag)
		}
	}
}

// r13 W3: a merge that voids a 실적 없음 names it in its reply, and stores a
// reason in the session's language that says which department merged into
// which, stamped with the service's clock and the manager.
func TestI42MergeNamesVoidedNothing(t *testing.T) {
	t.Parallel()
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		now := time.Date(2026, 12, 3, 1, 0, 0, 0, time.UTC)
		h.withClock(&now)
		h.run(manager, byLang(lang, "none 2026-10 dept:노인복지과", "실적없음 2026-10 부서:노인복지과"), commands.OutcomeOK)
		h.run(manager, byLang(lang, "add 10 youth 10/5", "추가 10 청년 10/5"), commands.OutcomeOK)
		var id int64
		if err := h.store.DB().GetContext(context.Background(), &id, `SELECT id FROM nothing_reports`); err != nil {
			t.Fatal(err)
		}
		r := h.run(manager, byLang(lang, "dept merge 노인복지과 일자리정책과", "부서 병합 노인복지과 일자리정책과"), commands.OutcomeOK)
		mustContain(t, r.Text(), fmt.Sprintf("#%d", id), "노인복지과", byLang(lang, "October 2026", "2026년 10월"),
			byLang(lang, "merged 노인복지과 into 일자리정책과", "노인복지과를 일자리정책과로 통합"))
		var row struct {
			VoidedBy   string    `db:"voided_by"`
			VoidReason string    `db:"void_reason"`
			VoidedAt   time.Time `db:"voided_at"`
		}
		if err := h.store.DB().GetContext(context.Background(), &row, `SELECT voided_by, void_reason, voided_at FROM nothing_reports WHERE id = $1`, id); err != nil {
			t.Fatal(err)
		}
		if row.VoidedBy != manager || !row.VoidedAt.Equal(now) ||
			!strings.Contains(row.VoidReason, byLang(lang, "merged 노인복지과 into 일자리정책과", "노인복지과를 일자리정책과로 통합")) {
			t.Errorf("voided 실적 없음 stored %+v; want by %s at %s, reason naming 노인복지과 merged into 일자리정책과", row, manager, now)
		}
		if lang == commands.Korean && strings.Contains(row.VoidReason, "merged") {
			t.Errorf("Korean session stored an English reason %q", row.VoidReason)
		}
		var live int64
		if err := h.store.DB().GetContext(context.Background(), &live, `SELECT count(*) FROM nothing_reports WHERE voided_at IS NULL`); err != nil {
			t.Fatal(err)
		}
		if live != 0 {
			t.Errorf("%d live 실적 없음 beside October's jobs", live)
		}
	}
}

// r13 S3: a department file's 증가분 row dated on or before a 누계 report
// applied before it (an earlier row of the file, or the ledger's) is refused
// on its line unless its 누계포함 cell answers; a 누계 row whose 일자리 수
// is not the increment the ledger derives is refused naming both figures.
// Every figure that stays is a plain SQL SUM.
func TestI42ImportDeltaAfterCumulativeRow(t *testing.T) {
	t.Parallel()
	const header = "기준일,사업코드,사업명,부서,일자리 수,보고 방식,보고 누계,상태,메모\n"
	const headerWithin = "기준일,사업코드,사업명,부서,일자리 수,보고 방식,보고 누계,상태,메모,누계포함\n"
	e := newI31Env(t)
	if r := e.svc.Handle(context.Background(), slackUser("U_MGR"), "추가 women 누계 850 11/20"); r.Outcome != commands.OutcomeOK {
		t.Fatalf("ledger 850: %s", r.Text())
	}
	women := `program_id = (SELECT id FROM programs WHERE code = 'women') AND status = 'realised'`
	if n := e.liveSum(women); n != 850 {
		t.Fatalf("ledger women %d, want 850", n)
	}
	// The review's file: +12, 누계 870 (일자리 수 20), then a back-dated +5.
	e.refused("누계 row's 일자리 수 differs", []byte(header+
		"2026-11-21,women,,,12,증가분,,채용,a\n"+
		"2026-11-23,women,,,20,누계,870,채용,b\n"+
		"2026-11-22,women,,,5,증가분,,채용,c\n"), map[commands.Lang][]string{
		commands.Korean:  {"3행", "일자리 수 20개", "증가분은 8개", "862개"},
		commands.English: {"line 3", "20", "adds 8"},
	})
	e.refused("a delta below an earlier 누계 row", []byte(header+
		"2026-11-21,women,,,12,증가분,,채용,a\n"+
		"2026-11-23,women,,,,누계,870,채용,b\n"+
		"2026-11-22,women,,,5,증가분,,채용,c\n"), map[commands.Lang][]string{
		commands.Korean:  {"4행", "이 파일 3행", "누계포함", "2026. 11. 23."},
		commands.English: {"line 4", "line 3 of this file", "누계포함", "2026-11-23"},
	})
	e.refused("a delta dated before the ledger's 누계", []byte(header+
		"2026-11-19,women,,,5,증가분,,채용,c\n"), map[commands.Lang][]string{
		commands.Korean:  {"2행", "#1", "누계포함", "850개"},
		commands.English: {"line 2", "#1", "누계포함"},
	})
	if n := e.liveSum(women); n != 850 {
		t.Fatalf("after refusals women %d, want 850", n)
	}
	// Answered 예: inside the 누계, which keeps its 870.
	r := e.apply([]byte(headerWithin +
		"2026-11-21,women,,,12,증가분,,채용,a,\n" +
		"2026-11-23,women,,,8,누계,870,채용,b,\n" +
		"2026-11-22,women,,,5,증가분,,채용,c,예\n"))
	if r.Outcome != commands.OutcomeOK {
		t.Fatalf("answered file: %q\n%s", r.Outcome, r.Text())
	}
	if n := e.liveSum(women + ` AND as_of <= '2026-11-23'`); n != 870 {
		t.Errorf("women through 11/23 = %d, want the file's 870", n)
	}
}
