package commands

import (
	"context"
	"errors"
	"time"
)

// DefaultDBDeadline bounds a writing command's database work (DB_DEADLINE),
// so its user is answered within Slack's three seconds even when the
// database stalls.
const DefaultDBDeadline = 2500 * time.Millisecond

// ErrMaybeSaved: the deadline passed, or the connection broke, after COMMIT
// was sent; the write may have been saved or not. The store returns it only
// then: any other failure of a write means its transaction did not commit
// and never will.
var ErrMaybeSaved = errors.New("the write may have been saved")

// withDeadline bounds ctx by the service's database deadline.
func (s *Service) withDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.dbDeadline)
}
