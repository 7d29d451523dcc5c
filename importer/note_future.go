package importer

import "time"

// writtenOn is the day a row's note was written, which its words counting
// forward (내일, 다음 주) count from: an exported row's 기록 일시 in the
// city's time zone, or else the import day, as the console reads a line
// typed today (review r33 B11).
func writtenOn(typedOn bool, recordedAt time.Time, loc *time.Location, today time.Time) time.Time {
	if !typedOn {
		return today
	}
	if loc != nil {
		recordedAt = recordedAt.In(loc)
	}
	return time.Date(recordedAt.Year(), recordedAt.Month(), recordedAt.Day(), 0, 0, 0, 0, time.UTC)
}
