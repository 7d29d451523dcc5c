package main

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	_ "github.com/lib/pq" // the driver behind database/sql here
)

// waitSampler polls pg_stat_activity while a load runs and counts what the
// database's active backends are doing: running on CPU, or waiting on a lock,
// on I/O, on the client. Lock waits among the top entries mean writers queue
// behind each other's row locks (issue 14).
type waitSampler struct {
	done   chan struct{}
	stop   context.CancelFunc
	polls  int
	counts map[string]int
	err    error
}

// startWaitSampler polls every 50 ms until stopped.
func startWaitSampler(ctx context.Context, dbURL string) *waitSampler {
	ctx, stop := context.WithCancel(ctx)
	w := &waitSampler{done: make(chan struct{}), stop: stop, counts: map[string]int{}}
	go func() {
		defer close(w.done)
		db, err := sql.Open("postgres", dbURL)
		if err != nil {
			w.err = err
			return
		}
		defer db.Close()
		const q = `
			SELECT coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, 'running')
			FROM pg_stat_activity
			WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			rows, err := db.QueryContext(ctx, q)
			if err != nil {
				if ctx.Err() == nil {
					w.err = err
				}
				return
			}
			w.polls++
			for rows.Next() {
				var what string
				if rows.Scan(&what) == nil {
					w.counts[what]++
				}
			}
			rows.Close()
		}
	}()
	return w
}

// report stops the sampler and prints the commonest states, as the average
// number of active backends in each.
func (w *waitSampler) report(out io.Writer) {
	w.stop()
	<-w.done
	if w.err != nil {
		fmt.Fprintf(out, "wait events: sampling failed: %v\n", w.err)
		return
	}
	keys := slices.SortedFunc(maps.Keys(w.counts), func(a, b string) int { return cmp.Compare(w.counts[b], w.counts[a]) })
	fmt.Fprintf(out, "wait events of active backends (pg_stat_activity, %d samples every 50 ms; average backends per state):\n", w.polls)
	for _, k := range keys[:min(8, len(keys))] {
		fmt.Fprintf(out, "  %-36s %5.2f\n", k, float64(w.counts[k])/float64(max(1, w.polls)))
	}
}
