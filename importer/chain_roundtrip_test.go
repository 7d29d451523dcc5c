package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"jobsbot/commands"
	"jobsbot/db"
	"jobsbot/db/dbtest"
)

// TestCorrectionChainRoundTrip builds ledgers through Handle with chains of
// 정정 (an entry corrected, then its replacement corrected), 정정s of 누계
// reports with later reports, voids of a replacement and hires (채용) of a
// corrected agreement (약정), exports their entries, imports each export
// into an empty database, and compares every program's figure (a plain SQL
// SUM of the live entries), the status and report replies, and then the
// same again after a 취소 in the importing ledger, which refuses: 취소
// takes back only one's own last typed line (review F37), never an
// imported 정정 (issue 20, review r4 X4's remainder). Before
// the import recreated entry_corrections and agreement_hires, a 정정 of a
// 정정 under a later 누계 came back 3 jobs higher, and 약정 이행 read 0.
func TestCorrectionChainRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		lines []string // #k: the number of the k-th entry recorded (from 0)
		undo  string   // typed in both ledgers after the import
	}{
		{"정정 of a 정정 under a later 누계", []string{
			"추가 청년 100 누계 날짜:4월 1일", "추가 청년 5 날짜:4월 5일", "추가 청년 120 누계 날짜:4월 10일",
			"정정 #1 9 오기 누계포함:예", "정정 #3 12 다시 오기 누계포함:예",
		}, "취소"},
		{"English, correction of a correction under a later cumulative", []string{
			"add 100 youth cumulative date:2026-04-01", "add 5 youth date:2026-04-05", "add 120 youth cumulative date:2026-04-10",
			"correct #1 8 typo 누계포함:예", "correct #3 3 typo again 누계포함:예",
		}, "undo"},
		{"정정 of a 정정 of a 누계 with a later report", []string{
			"추가 청년 100 누계 날짜:4월 1일", "추가 청년 120 누계 날짜:4월 10일", "정정 #0 90 오기", "정정 #2 95 다시 오기",
		}, "취소"},
		{"무효 of a 정정's replacement", []string{
			"추가 청년 100 누계 날짜:4월 1일", "추가 청년 5 날짜:4월 5일", "추가 청년 120 누계 날짜:4월 10일",
			"정정 #1 9 오기 누계포함:예", "정정 #3 12 다시 오기 누계포함:예", "무효 #4 중복",
		}, "취소"},
		{"채용 of a corrected 약정, the hire corrected", []string{
			"추가 청년 50 상태:약정 날짜:3월 5일", "채용 #0 10 4월 1일", "정정 #0 60 오기", "정정 #1 12 오기",
		}, "취소"},
		{"English, hire of an agreement, both corrected twice", []string{
			"add 50 youth status:agreed date:2026-03-05", "hire #0 10 2026-04-01", "correct #1 12 typo", "correct #2 14 typo",
			"correct #0 60 typo", "correct #4 70 typo",
		}, "undo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			from := dbtest.New(t)
			fromSvc := service(from)
			first := nextEntryID(t, from)
			for _, line := range tc.lines {
				run(t, fromSvc, numbered(line, first))
			}
			imported := map[commands.ExportFormat]*db.Store{}
			for _, format := range []commands.ExportFormat{commands.FormatCSV, commands.FormatXLSX} {
				data := exportFile(t, fromSvc, commands.ExportRequest{Format: format, Year: 2026, What: commands.ExportEntries, AllYears: true})
				to := dbtest.New(t)
				importBytes(t, to, reader(t, to), "entries."+string(format), data, false)
				sameFigures(t, string(format)+", after the import", from, to)
				imported[format] = to
			}
			// 취소 takes back only the user's own last typed line (review
			// F37): in the ledger that imported, the import was the last
			// thing done, so 취소 refuses and changes nothing; an imported
			// 정정 is never undone as a plain entry's void.
			for format, to := range imported {
				r := service(to).Handle(context.Background(), commands.Caller{UserID: "UMGR", Source: commands.SourceConsole}, tc.undo)
				if r.Outcome != commands.OutcomeRefused {
					t.Fatalf("%s: %q in the importing ledger: %s\n%s", format, tc.undo, r.Outcome, r.Text())
				}
				sameFigures(t, string(format)+", after "+tc.undo, from, to)
			}
		})
	}
}

// sameFigures compares every program's figure, a plain SQL SUM of the
// live entries by program, date and status, the totals the status and
// report replies show, and the replies themselves.
func sameFigures(t *testing.T, when string, from, to *db.Store) {
	t.Helper()
	if a, b := programDaySums(t, from), programDaySums(t, to); a != b || a == "" {
		t.Errorf("%s: figures differ:\n got:\n%s\nwant:\n%s", when, b, a)
	}
	for _, cond := range []string{`status = 'realised'`, `status = 'agreed'`} {
		if a, b := sum(t, from, cond), sum(t, to, cond); a != b {
			t.Errorf("%s: %s: %d in the ledger, %d imported", when, cond, a, b)
		}
	}
	if a, b := hireLinks(t, from), hireLinks(t, to); a != b {
		t.Errorf("%s: 채용 of live agreements differ:\n got:\n%s\nwant:\n%s", when, b, a)
	}
	fromSvc, toSvc := service(from), service(to)
	for _, line := range []string{"현황", "status", "보고서"} {
		if a, b := reply(t, fromSvc, line), reply(t, toSvc, line); a != b {
			t.Errorf("%s: %s differs:\n%s", when, line, lineDiff(a, b))
		}
	}
	dbtest.CheckTotals(t, to)
}

// hireLinks is, for each live agreement (by program, date and count), the
// live hires linked to it: plain SQL over agreement_hires.
func hireLinks(t *testing.T, store *db.Store) string {
	t.Helper()
	var rows []string
	err := store.DB().SelectContext(context.Background(), &rows, `
		SELECT concat_ws('|', p.code, a.as_of, a.count, COALESCE(SUM(h.count) FILTER (WHERE h.voided_at IS NULL), 0))
		FROM entries a JOIN programs p ON p.id = a.program_id
		LEFT JOIN agreement_hires l ON l.agreement_entry_id = a.id
		LEFT JOIN entries h ON h.id = l.hire_entry_id
		WHERE a.status = 'agreed' AND a.voided_at IS NULL
		GROUP BY p.code, a.as_of, a.count
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(rows, "\n")
}

// lineDiff is the lines of a and b that differ, side by side.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "ledger:   "+x, "imported: "+y)
		}
	}
	return strings.Join(out, "\n")
}

// TestHireWithoutItsAgreementIsRefused: an entries file whose hire (채용)
// names by 약정 번호 an agreement that is not a row of the file is refused
// on the hire's line, in the reader's language, and nothing is written: the
// hire would count as a plain entry and its agreement's 이행 come out short.
func TestHireWithoutItsAgreementIsRefused(t *testing.T) {
	from := dbtest.New(t)
	fromSvc := service(from)
	first := nextEntryID(t, from)
	run(t, fromSvc, numbered("추가 청년 50 상태:약정 날짜:3월 5일", first), numbered("채용 #0 10 4월 1일", first))
	data := string(exportFile(t, fromSvc, commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true}))
	lines := strings.Split(data, "\n")
	if !strings.Contains(lines[1], ",약정,") || !strings.Contains(lines[2], ",채용,") {
		t.Fatalf("export:\n%s", data)
	}
	cut := strings.Join(append(lines[:1:1], lines[2:]...), "\n") // the agreement's row left out
	to := dbtest.New(t)
	f, problems, err := reader(t, to).Read("entries.csv", []byte(cut))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	res, err := to.Import(context.Background(), f, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || res.Problems[0].ID != "import.problem.hire_agreement_missing" || res.Problems[0].Line != 2 {
		t.Fatalf("problems %+v", res.Problems)
	}
	id := fmt.Sprint("#", first)
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		if text := res.Problems[0].Text(lang); !strings.Contains(text, id) || !strings.Contains(text, "약정 번호") {
			t.Errorf("%s: %s", lang, text)
		}
	}
	if n := sum(t, to, "true"); n != 0 {
		t.Errorf("%d jobs written", n)
	}
}

// TestCorrectionToARowNotInTheFileIsRefused: a voided row whose 정정 column
// names a replacement the file does not hold (#N로 정정, edited or cut) is
// refused on its line, in the reader's language, and nothing is written:
// imported unlinked, a later 취소 of the replacement would not restore it.
func TestCorrectionToARowNotInTheFileIsRefused(t *testing.T) {
	from := dbtest.New(t)
	fromSvc := service(from)
	first := nextEntryID(t, from)
	run(t, fromSvc, "추가 청년 5 날짜:4월 5일", numbered("정정 #0 9 오기", first))
	data := string(exportFile(t, fromSvc, commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true}))
	link := fmt.Sprintf("#%d로 정정", first+1)
	if !strings.Contains(data, link) {
		t.Fatalf("export:\n%s", data)
	}
	to := dbtest.New(t)
	f, problems, err := reader(t, to).Read("entries.csv", []byte(strings.Replace(data, link, "#999999로 정정", 1)))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	res, err := to.Import(context.Background(), f, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || res.Problems[0].ID != "import.problem.correction_unlinked" || res.Problems[0].Line != 2 {
		t.Fatalf("problems %+v", res.Problems)
	}
	for _, lang := range []commands.Lang{commands.Korean, commands.English} {
		if text := res.Problems[0].Text(lang); !strings.Contains(text, "#999999") || !strings.Contains(text, "정정") {
			t.Errorf("%s: %s", lang, text)
		}
	}
	if n := sum(t, to, "true"); n != 0 {
		t.Errorf("%d jobs written", n)
	}
}
