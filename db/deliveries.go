package db

import "context"

// ClaimDelivery records that the delivery with this key is being handled. It
// returns false when the key was claimed before: the request is a redelivery.
func (s *Store) ClaimDelivery(ctx context.Context, key, command string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `
		INSERT INTO command_deliveries (idempotency_key, command) VALUES ($1, $2)
		ON CONFLICT (idempotency_key) DO NOTHING`, key, command)
	if err != nil {
		return false, wrap("claim delivery", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, wrap("claim delivery", err)
	}
	return n == 1, nil
}

// ReleaseDelivery forgets a claim whose command failed, so a retry may run it.
func (s *Store) ReleaseDelivery(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM command_deliveries WHERE idempotency_key = $1`, key)
	return wrap("release delivery", err)
}
