package importer_test

import (
	"context"
	"testing"

	"jobsbot/commands"
	"jobsbot/db/dbtest"
)

// Review r28 F4: a file read twice (its rows held and sorted) counted each
// 마감 후 정정 mark twice: "12건" for a file of 6 marked rows. However often
// the store scans the file, the count is the file's.
func TestAfterCloseMarksCountedOnceAFile(t *testing.T) {
	t.Parallel()
	from := dbtest.New(t)
	first := nextEntryID(t, from)
	run(t, at(from, "2026-03-20"), "추가 청년 10 날짜:3월 20일", "추가 청년 20 날짜:3월 20일 확인:예 메모:둘째")
	run(t, at(from, "2026-04-05"), "마감 3월",
		numbered("무효 #0 늦은 정정 사유:감사 지적", first), numbered("정정 #1 25 오기 사유:감사 지적 정정", first))
	var marks int
	if err := from.DB().GetContext(context.Background(), &marks, `SELECT count(DISTINCT entry_id) FROM entry_after_close`); err != nil || marks == 0 {
		t.Fatalf("source: %d 마감 후 정정 marks (%v)", marks, err)
	}
	data := exportFile(t, service(from), commands.ExportRequest{Format: commands.FormatCSV, Year: 2026, What: commands.ExportEntries, AllYears: true})
	f, problems := reader(t, from).Stream("entries.csv", data)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	for scan := 1; scan <= 2; scan++ {
		var sink countingSink
		if err := f.Scan(&sink); err != nil {
			t.Fatal(err)
		}
		if got := f.NotCarried["마감 후 정정"]; got != marks {
			t.Errorf("after scan %d: %d marked rows, want %d", scan, got, marks)
		}
	}
}

type countingSink struct{ rows int }

func (s *countingSink) Kind(commands.ImportKind)         {}
func (s *countingSink) Row(commands.ImportRow) error     { s.rows++; return nil }
func (s *countingSink) Problem(p commands.ImportProblem) {}
