package commands

import "context"

// languageFor decides the language of every reply to one request: the
// caller's own language when the transport knows it, else the service default.
func (s *Service) languageFor(ctx context.Context, c Caller) Lang {
	if c.Lang != "" {
		return c.Lang
	}
	return s.lang
}
