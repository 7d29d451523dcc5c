package importer_test

import (
	"context"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// TestImportPreviewCountsRealisedJobsInTheProgramUnit: the preview's line
// per program and month says the 채용 실적 the import adds, net of the
// file's voided rows, in the program's unit, and the 약정 apart (review r6
// m-3, r5 L3). It said "+150명" for 100 agreed, 30 hired and 20 voided jobs
// of a program counted in 개. Each figure is checked against a plain SQL
// SUM of the live entries after the apply.
func TestImportPreviewCountsRealisedJobsInTheProgramUnit(t *testing.T) {
	from := dbtest.New(t)
	// 노인 일자리 counted in persons (명), 기업 및 투자유치 in 개.
	if _, err := from.DB().ExecContext(context.Background(), `UPDATE programs SET unit = '명' WHERE code = 'senior'`); err != nil {
		t.Fatal(err)
	}
	first := nextEntryID(t, from)
	run(t, service(from),
		"추가 투자 100 상태:약정 날짜:3월 5일", numbered("채용 #0 30 3월 20일", first), "추가 투자 20 날짜:3월 25일",
		numbered("무효 #2 중복", first), "추가 노인 7 날짜:3월 10일")
	data := exportFile(t, service(from), commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true})

	for _, tc := range []struct {
		lang  commands.Lang
		wants []string
	}{
		{commands.Korean, []string{"기업 및 투자유치 2026년 3월: 3행, 채용 실적 +30개, 약정(채용 전까지 실적 아님) +100개\n",
			"노인 일자리 2026년 3월: 1행, 채용 실적 +7명\n"}},
		{commands.English, []string{"Business & investment attraction March 2026: rows 3, jobs realised +30, agreed (MOU, not jobs until hired) +100\n",
			"Jobs for seniors March 2026: rows 1, jobs realised +7\n"}},
	} {
		to := dbtest.New(t)
		if _, err := to.DB().ExecContext(context.Background(), `UPDATE programs SET unit = '명' WHERE code = 'senior'`); err != nil {
			t.Fatal(err)
		}
		f, res := importBytes(t, to, reader(t, to), "entries.csv", data, true)
		preview := commands.ImportPreview(f, nil, res, true, tc.lang)
		for _, want := range tc.wants {
			if !strings.Contains(preview, want) {
				t.Errorf("%s preview lacks %q:\n%s", tc.lang, want, preview)
			}
		}
		importBytes(t, to, reader(t, to), "entries.csv", data, false)
		for cond, want := range map[string]int64{
			`status = 'realised' AND program_id = (SELECT id FROM programs WHERE code = 'invest')`: 30,
			`status = 'agreed' AND program_id = (SELECT id FROM programs WHERE code = 'invest')`:   100,
			`status = 'realised' AND program_id = (SELECT id FROM programs WHERE code = 'senior')`: 7,
		} {
			if got := sum(t, to, cond); got != want {
				t.Errorf("%s: %d, want %d", cond, got, want)
			}
		}
	}
}

// TestImportPreviewSaysAfterCloseMarksAreNotCarried: an entries file whose
// rows carry 마감 후 정정 (a month closed, then a void and a 정정 in it with
// a manager's reason) imports with the same figures (plain SQL SUM), but
// neither the marks nor the close come in: the preview says so, in the
// reader's language, rather than dropping them silently (review r6 X6).
func TestImportPreviewSaysAfterCloseMarksAreNotCarried(t *testing.T) {
	from := dbtest.New(t)
	first := nextEntryID(t, from)
	run(t, at(from, "2026-03-20"), "추가 청년 10 날짜:3월 20일", "추가 청년 20 날짜:3월 20일 확인:예 메모:둘째")
	run(t, at(from, "2026-04-05"), "마감 3월",
		numbered("무효 #0 늦은 정정 사유:감사 지적", first), numbered("정정 #1 25 오기 사유:감사 지적 정정", first))
	var marks int
	if err := from.DB().GetContext(context.Background(), &marks, `SELECT count(*) FROM entry_after_close`); err != nil || marks == 0 {
		t.Fatalf("source: %d 마감 후 정정 marks (%v)", marks, err)
	}
	data := exportFile(t, service(from), commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true})
	for lang, want := range map[commands.Lang]string{
		commands.Korean:  "마감 후 정정 표시가 있는 행 3건: 이 표시와 월 마감은 가져오지 않습니다.",
		commands.English: "3 rows are marked 마감 후 정정 (changed after their month was closed): the import does not bring in that mark, nor the month closes.",
	} {
		to := dbtest.New(t)
		f, res := importBytes(t, to, reader(t, to), "entries.csv", data, true)
		if preview := commands.ImportPreview(f, nil, res, true, lang); !strings.Contains(preview, want) {
			t.Errorf("%s preview lacks %q:\n%s", lang, want, preview)
		}
		importBytes(t, to, reader(t, to), "entries.csv", data, false)
		if a, b := programDaySums(t, from), programDaySums(t, to); a != b {
			t.Errorf("figures differ:\n%s\n%s", a, b)
		}
	}
}
