package db

import (
	"context"
	"testing"
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
