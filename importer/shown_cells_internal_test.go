package importer

import "testing"

// Review r39 F6: a problem about an exported row's 기록 일시 echoed the
// cell's Excel serial ("46387.5"); it names the date and time the sheet
// shows. Other columns keep what the cell holds.
func TestLabels19ProblemShowsSerialDatesAsDates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ column, got, want string }{
		{colLoggedAt, "46387.5", "2026-12-31 12:00"},
		{colVoidedAt, "46387.25", "2026-12-31 06:00"},
		{colLoggedAt, "46387", "2026-12-31"},
		{colAsOf, "46387.5", "2026-12-31"},
		{colAsOf, "4월말", "4월말"},
		{"일자리 수", "46387.5", "46387.5"},
	} {
		if got := shownCell(tc.column, tc.got); got != tc.want {
			t.Errorf("%s %q shown as %q; want %q", tc.column, tc.got, got, tc.want)
		}
	}
}
