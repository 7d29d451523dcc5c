package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"

	"github.com/lib/pq"

	"jobsbot/commands"
)

// TestWrapTranslatesDriverErrors covers the failures a live server cannot be
// made to produce on demand (a crash, a shutdown, a dropped network).
func TestWrapTranslatesDriverErrors(t *testing.T) {
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"no rows", sql.ErrNoRows, commands.ErrNotFound},
		{"unique violation", &pq.Error{Code: "23505"}, commands.ErrConflict},
		{"foreign key violation", &pq.Error{Code: "23503"}, commands.ErrNotFound},
		{"dial error", dial, commands.ErrUnavailable},
		{"wrapped dial error", fmt.Errorf("ping: %w", dial), commands.ErrUnavailable},
		{"bad connection", driver.ErrBadConn, commands.ErrUnavailable},
		{"connection closed mid-reply", io.ErrUnexpectedEOF, commands.ErrUnavailable},
		{"connection exception", &pq.Error{Code: "08006"}, commands.ErrUnavailable},
		{"admin shutdown", &pq.Error{Code: "57P01"}, commands.ErrUnavailable},
		{"crash shutdown", &pq.Error{Code: "57P02"}, commands.ErrUnavailable},
		{"starting up", &pq.Error{Code: "57P03"}, commands.ErrUnavailable},
		{"deadline while connecting", context.DeadlineExceeded, commands.ErrUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap("doing it", tt.err)
			if !errors.Is(got, tt.want) {
				t.Errorf("wrap(%v) = %v, want it to wrap %v", tt.err, got, tt.want)
			}
			// sql.ErrNoRows is replaced, not kept: "not found" says it all.
			if tt.err != sql.ErrNoRows && !errors.Is(got, tt.err) {
				t.Errorf("wrap(%v) = %v, lost the original error", tt.err, got)
			}
		})
	}
	if err := wrap("x", &pq.Error{Code: "23514"}); errors.Is(err, commands.ErrUnavailable) || errors.Is(err, commands.ErrConflict) {
		t.Errorf("a check violation became %v", err)
	}
	if err := wrap("x", nil); err != nil {
		t.Errorf("wrap(nil) = %v", err)
	}
}
