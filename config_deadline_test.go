package main

import (
	"strings"
	"testing"
	"time"

	"jobsbot/commands"
)

// DB_DEADLINE bounds a writing command's database work: 2.5 s unless set,
// and a value outside 500ms–10s stops start-up with a line naming it.
func TestDBDeadlineSetting(t *testing.T) {
	for value, want := range map[string]time.Duration{"": commands.DefaultDBDeadline, "1s": time.Second, "2500ms": 2500 * time.Millisecond} {
		cfg, err := loadConfig(func(k string) string { return map[string]string{"DB_DEADLINE": value}[k] })
		if err != nil || cfg.DBDeadline != want {
			t.Errorf("DB_DEADLINE=%q: %v, %v; want %v", value, cfg.DBDeadline, err, want)
		}
	}
	for _, bad := range []string{"100ms", "1m", "soon", "0"} {
		_, err := loadConfig(func(k string) string { return map[string]string{"DB_DEADLINE": bad}[k] })
		if err == nil || !strings.HasPrefix(err.Error(), "DB_DEADLINE:") {
			t.Errorf("DB_DEADLINE=%q: error %v; want one naming DB_DEADLINE", bad, err)
		}
	}
}
