package db

import (
	"math/rand/v2"
	"testing"
	"time"
)

// splitMonths covers every day of a span exactly once: the days of its head
// and tail ranges and of its whole months, and nothing outside the span.
func TestSplitMonthsCoversEachDayOnce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 14))
	base := time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)
	parse := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for range 2000 {
		from := base.AddDate(0, 0, rng.IntN(800))
		to := from.AddDate(0, 0, rng.IntN(500))
		if rng.IntN(4) == 0 { // spans that start or end on month boundaries
			from = monthOf(from)
			to = monthOf(to).AddDate(0, 1, -1)
		}
		m := splitMonths(from, to)
		seen := map[time.Time]int{}
		for _, r := range [][2]string{{m.headFrom, m.headTo}, {m.tailFrom, m.tailTo}} {
			for d := parse(r[0]); !d.After(parse(r[1])); d = d.AddDate(0, 0, 1) {
				seen[d]++
			}
		}
		for mo := parse(m.monthFrom); !mo.After(parse(m.monthTo)); mo = mo.AddDate(0, 1, 0) {
			if mo.Day() != 1 {
				t.Fatalf("%s..%s: month %s is not a month's first day", from, to, mo)
			}
			for d := mo; d.Month() == mo.Month(); d = d.AddDate(0, 0, 1) {
				seen[d]++
			}
		}
		for d := from.AddDate(0, 0, -40); !d.After(to.AddDate(0, 0, 40)); d = d.AddDate(0, 0, 1) {
			want := 0
			if !d.Before(from) && !d.After(to) {
				want = 1
			}
			if seen[d] != want {
				t.Fatalf("%s..%s split as %+v counts %s %d times, want %d", from.Format(time.DateOnly), to.Format(time.DateOnly), m, d.Format(time.DateOnly), seen[d], want)
			}
		}
	}
}
