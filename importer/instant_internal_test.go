package importer

import (
	"testing"
	"time"

	"jobsbot/commands"
)

type problemCount struct{ n int }

func (c *problemCount) Kind(commands.ImportKind)       {}
func (c *problemCount) Row(commands.ImportRow) error   { return nil }
func (c *problemCount) Problem(commands.ImportProblem) { c.n++ }

// TestInstantReadsTheExportsAndTheKoreanForm: 기록 일시 and 무효 일시 are
// read as the export writes them and as the problem message shows them to a
// Korean user (2026. 4. 30. 15:04), in the city's time zone.
func TestInstantReadsTheExportsAndTheKoreanForm(t *testing.T) {
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, time.April, 30, 15, 4, 0, 0, seoul)
	for _, raw := range []string{"2026-04-30 15:04", "2026-04-30 15:04:00", "2026. 4. 30. 15:04", "2026. 4. 30. 15:04:00"} {
		sink := &problemCount{}
		p := &problems{sink: sink}
		if got := p.instant(2, "기록 일시", raw, seoul, time.Time{}); !got.Equal(want) || sink.n != 0 {
			t.Errorf("instant(%q) = %v with %d problems; want %v", raw, got, sink.n, want)
		}
	}
	sink := &problemCount{}
	p := &problems{sink: sink}
	if got := p.instant(2, "기록 일시", "4월 30일 오후", seoul, time.Time{}); !got.IsZero() || sink.n != 1 {
		t.Errorf("an unreadable instant gave %v with %d problems; want a problem", got, sink.n)
	}
}
