package db

import (
	"context"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// A load that began before a change is not kept: the next get reads again
// and sees the change at once.
func TestCacheDropsALoadThatAChangeOvertook(t *testing.T) {
	var c cache[string]
	stored := "before"
	_, err := c.get(context.Background(), func(context.Context) (string, error) {
		read := stored // the load reads...
		stored = "after"
		c.forget() // ...then a change lands before it returns
		return read, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.get(context.Background(), func(context.Context) (string, error) { return stored, nil })
	if err != nil || got != "after" {
		t.Errorf("get after the change = %q, %v; want %q", got, err, "after")
	}
}

// Callers who find the value stale together wait on one load, not one each.
func TestCacheReloadsOnceForConcurrentCallers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var c cache[string]
		var loads atomic.Int32
		release := make(chan struct{})
		load := func(context.Context) (string, error) {
			loads.Add(1)
			<-release
			return "v", nil
		}
		const callers = 8
		got := make(chan string, callers)
		for range callers {
			go func() {
				v, err := c.get(context.Background(), load)
				if err != nil {
					t.Error(err)
				}
				got <- v
			}()
		}
		synctest.Wait() // every caller is in get, waiting on the one load
		close(release)
		for range callers {
			if v := <-got; v != "v" {
				t.Errorf("get = %q; want v", v)
			}
		}
		if n := loads.Load(); n != 1 {
			t.Errorf("%d callers made %d loads; want 1", callers, n)
		}
	})
}
