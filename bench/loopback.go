package main

import (
	"fmt"
	"net"
	"net/url"
)

// loopbackURL refuses URLs that point anywhere but this machine: bench is a
// load generator and must never be aimed at someone else's server.
func loopbackURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	host := u.Hostname()
	if host == "" || host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%s is not a loopback address: bench only runs against this machine", raw)
}
