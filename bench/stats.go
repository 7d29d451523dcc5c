package main

import (
	"fmt"
	"slices"
	"time"
)

// latencies summarises a set of timings.
type latencies struct {
	n                       int
	min, p50, p95, p99, max time.Duration
	mean                    time.Duration
}

// summarise sorts ds in place and reads its percentiles (nearest rank).
func summarise(ds []time.Duration) latencies {
	if len(ds) == 0 {
		return latencies{}
	}
	slices.Sort(ds)
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	rank := func(p float64) time.Duration {
		i := int(p*float64(len(ds))+0.999999) - 1
		return ds[max(0, min(i, len(ds)-1))]
	}
	return latencies{
		n: len(ds), min: ds[0], max: ds[len(ds)-1], mean: sum / time.Duration(len(ds)),
		p50: rank(0.50), p95: rank(0.95), p99: rank(0.99),
	}
}

// String prints the summary in milliseconds.
func (l latencies) String() string {
	return fmt.Sprintf("n=%d min=%s p50=%s p95=%s p99=%s max=%s mean=%s",
		l.n, ms(l.min), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max), ms(l.mean))
}

// ms prints a duration in milliseconds with two decimals.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
}
