package importer

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// shownCell is a problem's cell as its reader wrote it: a date or time
// column holds an Excel serial (46387.5) where the sheet shows 2026-12-31
// 12:00, and a problem echoing the serial names nothing the official sees
// (review r39 F6). Other cells, and text in those columns, are as stored.
func shownCell(column, got string) string {
	switch column {
	case colAsOf, colLoggedAt, colVoidedAt:
	default:
		return got
	}
	serial, err := strconv.ParseFloat(strings.TrimSpace(got), 64)
	if err != nil || serial < 1 {
		return got
	}
	t, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		return got
	}
	t = t.Round(time.Second)
	switch {
	case column == colAsOf || (t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0):
		return t.Format(time.DateOnly)
	case t.Second() == 0:
		return t.Format("2006-01-02 15:04")
	}
	return t.Format(time.DateTime)
}
