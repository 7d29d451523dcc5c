package dbtest

import "testing"

// TestMain runs this package's own tests with a pool, as the packages
// that use it do.
func TestMain(m *testing.M) { Main(m) }
