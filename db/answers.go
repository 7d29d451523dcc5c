package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"jobsbot/commands"
)

// answerLockClass is the advisory lock class of a held question's answers
// (Lock order step 1b in totals.go): an add that answers a question with
// other answers (NewEntry.Answers: a date hold's other line, a figure
// question's 누계 lines) takes the lock of its own key and of each other
// answer's, after its program's write lock and its fingerprint's, and then
// looks for a live entry recorded under another answer in a statement of
// its own, so of two answers of one question sent at once one records and
// the other is refused (review r29 B7: two buttons pressed in the same
// instant both recorded).
const answerLockClass = `4869957`

// answerKey is the advisory lock key of one answer's idempotency key.
func answerKey(key string) int32 {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int32(h.Sum32())
}

// answerKeys are the lock keys of an add answering a question with other
// answers: its own key's and each other answer's, or none.
func answerKeys(e commands.NewEntry) []int32 {
	if len(e.Answers) == 0 {
		return nil
	}
	keys := []int32{answerKey(e.IdempotencyKey)}
	for _, a := range e.Answers {
		keys = append(keys, answerKey(a))
	}
	return keys
}

// lockAnswers takes the answer locks of the adds (Lock order step 1b), in
// ascending key order, in a statement of its own.
func lockAnswers(ctx context.Context, tx sqlx.ExecerContext, es []commands.NewEntry) error {
	var keys []int32
	for _, e := range es {
		keys = append(keys, answerKeys(e)...)
	}
	if err := lockKeys(ctx, tx, answerLockClass, keys); err != nil {
		return fmt.Errorf("lock answers: %w", err)
	}
	return nil
}

// refuseAnswered answers an add whose question another answer has recorded
// a live entry for: *commands.AnsweredError. The caller holds the answers'
// locks.
func refuseAnswered(ctx context.Context, tx sqlx.QueryerContext, e commands.NewEntry) error {
	if len(e.Answers) == 0 {
		return nil
	}
	var r entryRow
	err := sqlx.GetContext(ctx, tx, &r, entrySelect+` WHERE e.idempotency_key = ANY($1) AND e.voided_at IS NULL ORDER BY e.id LIMIT 1`,
		pq.Array(e.Answers))
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("answered entry: %w", err)
	}
	return &commands.AnsweredError{Entry: r.entry()}
}
