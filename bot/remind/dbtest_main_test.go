package remind_test

import (
	"testing"

	"jobsbot/db/dbtest"
)

// TestMain shares emptied test databases between this package's tests
// (dbtest.Main): copying and dropping one per test was most of the run.
func TestMain(m *testing.M) { dbtest.Main(m) }
