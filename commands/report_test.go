package commands_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
	"jobsbot/commands/numbers"
)

// sum is a plain SQL SUM over live realised entries, the oracle.
func (h *harness) sum(cond string, args ...any) int64 {
	h.t.Helper()
	var n int64
	q := `SELECT coalesce(sum(e.count), 0) FROM entries e JOIN programs p ON p.id = e.program_id
	      WHERE e.voided_at IS NULL AND e.status = 'realised' AND ` + cond
	if err := h.store.DB().GetContext(context.Background(), &n, q, args...); err != nil {
		h.t.Fatalf("oracle: %v", err)
	}
	return n
}

func reportLedger(h *harness) {
	for _, line := range []string{
		"add 500 youth date:2025-04-10 type:regular confirm:yes",
		"add 180 youth date:2026-01-31 type:regular",
		"add 2400여 invest cumulative date:2026-04-30",
		"add 600 rail date:2026-04-30 type:daily",
		"add 40 youth date:2026-04-02 status:agreed",
		"add 77 senior date:2026-03-03 dept:노인복지과",
		"target 2만500",
		"target 3000 program:invest",
	} {
		h.run(manager, line, commands.OutcomeOK)
	}
	h.run(manager, "add 999 rail date:2026-02-02", commands.OutcomeOK)
	var id int64
	if err := h.store.DB().GetContext(context.Background(), &id, `SELECT id FROM entries WHERE count = 999`); err != nil {
		h.t.Fatal(err)
	}
	h.run(manager, fmt.Sprintf("void %d 중복 보고", id), commands.OutcomeOK)
}

// cells returns the cells of the table line that starts with label.
func cells(t *testing.T, text, label string) []string {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, label+" ") {
			return strings.Fields(strings.TrimPrefix(line, label))
		}
	}
	t.Fatalf("no row %q in:\n%s", label, text)
	return nil
}

func TestReportTablesMatchTheLedger(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	reportLedger(h)
	r := h.run("U1", "보고서 4월말", commands.OutcomeOK)
	text := r.Text()
	mustContain(t, text, "2026년 월별 추진실적 · 사업별 (2026. 4. 30. 기준)", "월별 실적(1월~4월)", "전년 동기", "아직 채용하지 않은 약정 40개는 실적에서 제외했습니다.")
	if strings.Contains(text, "5월") {
		t.Errorf("a report as of April shows May:\n%s", text)
	}
	// The monthly table: total row, month by month, against SQL.
	total := cells(t, text, "합계")
	for m := 1; m <= 4; m++ {
		want := h.sum("extract(month FROM e.as_of) = $1 AND e.as_of BETWEEN '2026-01-01' AND '2026-04-30' AND p.unit <> '회'", m)
		got := total[m-1]
		// A month carries 여 when part of it is approximate now (April's
		// 2400여 of invest), by the oracle of report_month_approx_test.go.
		first := time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		mark := ""
		if h.monthApproxSQL("", first, first.AddDate(0, 1, -1), time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)) > 0 {
			mark = "여"
		}
		if want == 0 && got != "-" || want != 0 && got != numbers.Format(want)+mark {
			t.Errorf("total of month %d: %s, ledger %d", m, got, want)
		}
	}
	// The summary table: the last 합계 row is target, 누계, rate, last year, change.
	lines := strings.Split(text, "\n")
	var summary []string
	for _, l := range lines {
		if strings.HasPrefix(l, "합계 ") {
			summary = strings.Fields(strings.TrimPrefix(l, "합계"))
		}
	}
	ytd := h.sum("e.as_of BETWEEN '2026-01-01' AND '2026-04-30'")
	last := h.sum("e.as_of BETWEEN '2025-01-01' AND '2025-04-30'")
	want := []string{"20,500", numbers.Format(ytd) + "여", fmt.Sprintf("%d%%", ytd*100/20500), numbers.Format(last), "+" + numbers.Format(ytd-last) + "여"} // 증감 carries 여 like 누계
	if strings.Join(summary, " ") != strings.Join(want, " ") {
		t.Errorf("summary total %v, want %v", summary, want)
	}

	// A month's report shows the month's own 실적, then the year's 누계
	// under 연간 누계 (review r37 F4).
	r = h.run("U1", "report 2026-04 by:type", commands.OutcomeOK)
	text = r.Text()
	if got, want := cells(t, text, "상용")[0], numbers.Format(h.sum("e.employment_type = 'regular' AND e.as_of BETWEEN '2026-04-01' AND '2026-04-30'")); want != "0" && got != want || want == "0" && got != "-" {
		t.Errorf("상용 4월 실적 %s, ledger %s\n%s", got, want, text)
	}
	regular := cells(t, text[strings.LastIndex(text, "연간 누계("):], "상용")
	if got, want := regular[len(regular)-4], numbers.Format(h.sum("e.employment_type = 'regular' AND e.as_of BETWEEN '2026-01-01' AND '2026-04-30'")); got != want {
		t.Errorf("상용 누계 %s, ledger %s\n%s", got, want, text)
	}
	r = h.run("U1", "report 기준:공시", commands.OutcomeOK)
	mustContain(t, r.Text(), "공시유형별", "고용장려금")
	h.run("U1", "report by:nonsense", commands.OutcomeRefused)
	r = h.run("U1", "report 2030", commands.OutcomeRefused)
	mustContain(t, r.Text(), "사용법: `/jobs 보고서")
}

func TestAuditViews(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	reportLedger(h)
	h.run(manager, "target 2만1000 reason:supplementary budget", commands.OutcomeOK)

	r := h.run("U1", "목록 무효 2026", commands.OutcomeOK)
	mustContain(t, r.Text(), "무효 처리 실적(기준일 기준): 1건, 일자리 999개 제외", "고속철도변 정비사업 999개", "UMANAGER", "사유: 중복 보고")
	r = h.run("U1", "list voided 2025", commands.OutcomeOK)
	mustContain(t, r.Text(), "무효 처리된 것이 없습니다")

	r = h.run("U1", "목표 이력", commands.OutcomeOK)
	mustContain(t, r.Text(), "2026년 목표 변경 이력 (당초 → 변경)", "전체 목표: 당초 20,500개", "전체 목표: 20,500개 → 21,000개(+500) · UMANAGER",
		"기업 및 투자유치: 당초 3,000개")
	r = h.run("U1", "target history 2025", commands.OutcomeOK)
	mustContain(t, r.Text(), "2025년 목표가 정해진 적이 없습니다")

	r = h.run("U1", "list dept:노인복지과 2026-03", commands.OutcomeOK)
	want := h.sum("e.department = '노인복지과' AND e.as_of BETWEEN '2026-03-01' AND '2026-03-31'")
	mustContain(t, r.Text(), "노인 일자리 +77개", fmt.Sprintf("노인복지과: 유효 실적 1건, 일자리 %d개", want))
	if strings.Contains(r.Text(), "청년") {
		t.Errorf("another department's entries are listed:\n%s", r.Text())
	}
}

func TestStatusShowsDisclosureAndEmploymentBreakdowns(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.Korean)
	reportLedger(h)
	r := h.run("U1", "status", commands.OutcomeOK)
	year := "e.as_of BETWEEN '2026-01-01' AND '2026-12-31' AND p.unit <> '회'"
	mustContain(t, r.Text(), "공시유형별 · 고용형태별",
		"고용장려금 "+numbers.Format(h.sum(year+" AND p.disclosure_type = 'subsidies'")),
		"상용 "+numbers.Format(h.sum(year+" AND e.employment_type = 'regular'")),
		"일용 "+numbers.Format(h.sum(year+" AND e.employment_type = 'daily'")),
		"고용형태 미지정 "+numbers.Format(h.sum(year+" AND e.employment_type = ''")))
}

func TestExportWithoutSlackSaysWhereToGetTheFile(t *testing.T) {
	t.Parallel()
	h := newHarness(t, commands.English)
	r := h.run("U1", "export csv 2026 entries", commands.OutcomeRefused)
	mustContain(t, r.Text(), "jobsbot export --format csv --year 2026 --what entries -o report.csv")
	r = h.run("U1", "export pdf", commands.OutcomeRefused)
	mustContain(t, r.Text(), "Usage: `/jobs export")
}

func TestParseReportAndExport(t *testing.T) {
	t.Parallel()
	today := time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		line string
		want string
	}{
		{"report", "report program 2026-05-15"},
		{"보고서 1분기 기준:부서", "report dept 2026-03-31"},
		{"월별실적 2025 공시유형별", "report disclosure 2025-12-31"},
		{"export", "export xlsx report 0"},
		{"엑셀 2025 명세", "export xlsx entries 2025 2025-12-31"},
		{"export csv entries year:2024", "export csv entries 2024"},
		{"엑셀 4월말", "export xlsx report 2026 2026-04-30"},
		{"export xlsx 2026-04-30", "export xlsx report 2026 2026-04-30"},
		{"보고서 4월말", "report program 2026-04-30"},
		{"target history 2025", "target history  2025"},
		{"list voided 2026-04", "list voided"},
	} {
		cmd, err := commands.Parse(tc.line, today)
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		var got string
		switch cmd.Name {
		case "report":
			to := today
			if cmd.Period != nil {
				to = cmd.Period.To
			}
			got = fmt.Sprintf("report %s %s", cmd.By, to.Format(time.DateOnly))
		case "export":
			got = fmt.Sprintf("export %s %s %d", cmd.Export.Format, cmd.Export.What, cmd.Export.Year)
			if !cmd.Export.AsOf.IsZero() {
				got += " " + cmd.Export.AsOf.Format(time.DateOnly)
			}
		case "target history":
			got = fmt.Sprintf("target history  %d", cmd.Opts.Year)
		case "list":
			got = "list"
			if cmd.Voided {
				got += " voided"
			}
		}
		if got != tc.want {
			t.Errorf("%q parsed as %q, want %q", tc.line, got, tc.want)
		}
	}
}
