package commands_test

import (
	"context"
	"jobsbot/commands/dates"
	"os"
	"regexp"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Tests of what the Korean-official review after issue 19's fixes left (i19d).

// unhiredSQL is the plain oracle of "아직 채용하지 않은 약정": live
// agreements dated in 2026 (of one department, or all with "") minus the
// live hires recorded against them with 채용.
func (h *harness) unhiredSQL(dept string) int64 {
	h.t.Helper()
	var n int64
	err := h.store.DB().GetContext(context.Background(), &n, `
		SELECT coalesce(sum(a.count), 0) - coalesce((
			SELECT sum(e.count) FROM agreement_hires x
			JOIN entries e ON e.id = x.hire_entry_id AND e.voided_at IS NULL
			JOIN entries a2 ON a2.id = x.agreement_entry_id AND a2.voided_at IS NULL
			WHERE ($1 = '' OR a2.department = $1) AND a2.as_of >= '2026-01-01'), 0)
		FROM entries a
		WHERE a.status = 'agreed' AND a.voided_at IS NULL AND ($1 = '' OR a.department = $1)
		  AND a.as_of BETWEEN '2026-01-01' AND '2026-12-31'`, dept)
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// Items 1 and 2: a filtered status speaks only of its own programs'
// 약정 이행 and 마감 후 정정, and "not yet hired" subtracts the hires
// recorded with 채용.
func TestFilteredStatusKeepsItsAuditLinesAndUnhiredSubtractsHires(t *testing.T) {
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		h := newHarness(t, lang)
		h.run(manager, "추가 100 투자 날짜:2026-08-03 상태:약정 MOU-A", commands.OutcomeOK) // #1, 투자유치과
		h.run(manager, "채용 1 30 2026-08-10", commands.OutcomeOK)                  // #2
		h.run(manager, "추가 10 청년 날짜:2026-04-10", commands.OutcomeOK)              // #3, 일자리정책과
		h.run(manager, "마감 4월", commands.OutcomeOK)
		h.run(manager, "추가 3 청년 날짜:2026-04-21 사유:도 요청으로 추가", commands.OutcomeOK) // #4 after close

		want := h.unhiredSQL("")
		if want != 70 {
			t.Fatalf("oracle says %d not yet hired, want 70", want)
		}
		unhired := byLang(lang, "Not counted: "+formatThousands(want)+" agreed", "아직 채용하지 않은 약정 "+formatThousands(want)+"개")
		agreements := byLang(lang, "Agreements realised", "약정 이행")
		afterClose := byLang(lang, "Changed after close: 1 (#4)", "마감 후 정정 1건: #4")

		all := h.run("U1", "현황", commands.OutcomeOK).Text()
		mustContain(t, all, unhired, agreements, afterClose)
		for _, line := range []string{"현황 민간", "현황 투자", "status invest", "현황 부서:투자유치과", "status dept:투자유치과"} {
			st := h.run("U1", line, commands.OutcomeOK).Text()
			mustContain(t, st, unhired, agreements)
			if strings.Contains(st, byLang(lang, "Changed after close", "마감 후 정정")) {
				t.Errorf("%q shows the youth change after close:\n%s", line, st)
			}
		}
		for _, line := range []string{"현황 청년", "status youth", "현황 공공", "현황 부서:일자리정책과"} {
			st := h.run("U1", line, commands.OutcomeOK).Text()
			mustContain(t, st, afterClose)
			for _, other := range []string{agreements, byLang(lang, "Not counted:", "아직 채용하지 않은 약정")} {
				if strings.Contains(st, other) {
					t.Errorf("%q shows the investment agreement (%q):\n%s", line, other, st)
				}
			}
		}
		for _, line := range []string{"현황 노인", "현황 부서:노인복지과"} {
			st := h.run("U1", line, commands.OutcomeOK).Text()
			for _, other := range []string{agreements, byLang(lang, "Changed after close", "마감 후 정정"), byLang(lang, "Not counted:", "아직 채용하지 않은 약정")} {
				if strings.Contains(st, other) {
					t.Errorf("%q shows another program's %q:\n%s", line, other, st)
				}
			}
		}
		// The report's note subtracts the hires as well.
		mustContain(t, h.run("U1", "보고서", commands.OutcomeOK).Text(), unhired)
		// Fully hired, the line goes away.
		h.run(manager, "채용 1 70 2026-09-01", commands.OutcomeOK)
		if n := h.unhiredSQL(""); n != 0 {
			t.Fatalf("oracle says %d not yet hired, want 0", n)
		}
		if st := h.run("U1", "현황", commands.OutcomeOK).Text(); strings.Contains(st, byLang(lang, "Not counted:", "아직 채용하지 않은 약정")) {
			t.Errorf("status still shows agreements not yet hired after all were hired:\n%s", st)
		}
		h.checkLedger(lang)
		dbtest.CheckTotals(t, h.store)
	}
}

// Item 5: a Korean example never shows an ISO date. The report's hint
// writes the date as Korean do, and what it shows is read back by 엑셀; the
// console's 엑셀 names the command line that writes the same file.
func TestKoreanExamplesUseKoreanDates(t *testing.T) {
	raw, err := os.ReadFile("i18n/messages.toml")
	if err != nil {
		t.Fatal(err)
	}
	iso := regexp.MustCompile(`20\d\d-\d\d(-\d\d)?`)
	for i, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "ko") && iso.MatchString(line) {
			t.Errorf("messages.toml line %d: a Korean text shows an ISO date: %s", i+1, line)
		}
	}
	h := newHarness(t, commands.Korean)
	h.run("U1", "추가 10 청년 2026. 4. 10.", commands.OutcomeOK)
	rep := h.run("U1", "보고서 10월 2일", commands.OutcomeOK).Text()
	mustContain(t, rep, "같은 기준일의 엑셀 파일 받기: `/jobs 엑셀 2026. 10. 2.`")
	cmd, err := commands.Parse("엑셀 2026. 10. 2.", dates.On(2026, 11, 26))
	if err != nil || !cmd.Export.AsOf.Equal(dates.On(2026, 10, 2)) {
		t.Errorf("the hint's own command reads as %+v, %v; want the export as of 2026. 10. 2.", cmd.Export, err)
	}
	en := newHarness(t, commands.English)
	mustContain(t, en.run("U1", "report 2026-10-02", commands.OutcomeOK).Text(), "`/jobs export xlsx 2026-10-02`")
	for _, tt := range []struct{ line, want string }{
		{"엑셀 2026. 10. 2.", "`jobsbot export --format xlsx --year 2026 --as-of 2026-10-02 -o 실적.xlsx`"},
		{"엑셀 2025 명세", "`jobsbot export --format xlsx --year 2025 --what entries -o 실적.xlsx`"},
		{"엑셀", "`jobsbot export --format xlsx --year 2026 -o 실적.xlsx`"},
	} {
		mustContain(t, h.run("U1", tt.line, commands.OutcomeRefused).Text(), "콘솔이 곧 서버이므로", tt.want)
	}
	for _, line := range []string{"보도자료 2026. 4. 30.", "마감 2026년 4월"} {
		if _, err := commands.Parse(line, dates.On(2026, 11, 26)); err != nil {
			t.Errorf("the Korean example %q does not read: %v", line, err)
		}
	}
}
