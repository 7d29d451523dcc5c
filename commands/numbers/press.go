package numbers

// Press writes a job count the way a press release does, honestly: "여"
// means "more than", so a figure is either written exactly or rounded
// down, never up, and only where rounding loses under a tenth. Counts of
// 1,000 or more round down to the hundred (11,980 → "1만 1,900여개",
// 12,040 → "1만 2,000여개"); a count under 1,000 is written exactly (15 →
// "15개", 187 → "187개": 10여개 for 15 would understate it by a third,
// review r22 F10/F23), and so is a round count (12,000 → "1만 2,000개").
// approx says the count is itself a lower bound (entries reported with
// 여), so it keeps its 여 even when round or small (76 → "76여개").
// Korean only; PressEnglish follows the same rule in English.
func Press(n int64, approx bool) string {
	down := roundDown(n)
	if down == n && !approx {
		return Man(n) + "개"
	}
	return Man(down) + "여개"
}

// PressEnglish is Press in English: "11,980" → "more than 11,900".
func PressEnglish(n int64, approx bool) string {
	down := roundDown(n)
	if down == n && !approx {
		return Format(n)
	}
	return "more than " + Format(down)
}

// roundDown is n rounded down to the hundred from 1,000 (what is lost is
// under a tenth); smaller counts stay as they are.
func roundDown(n int64) int64 {
	if n >= 1000 {
		return n / 100 * 100
	}
	return n
}

// Man writes n with the 만 unit as Korean prose does: 20500 → "2만 500",
// 12000 → "1만 2,000", 10000 → "1만", 8980 → "8,980".
func Man(n int64) string {
	if n < 10000 {
		return Format(n)
	}
	s := Format(n/10000) + "만"
	if rest := n % 10000; rest != 0 {
		s += " " + Format(rest)
	}
	return s
}
