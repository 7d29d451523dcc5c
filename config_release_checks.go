package main

import (
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
)

// checkAddr refuses an ADDR the server could not listen on, at start rather
// than after the log has said "serving".
func checkAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err == nil {
		var n int
		n, err = strconv.Atoi(port)
		if err == nil && (n < 0 || n > 65535) {
			err = errors.New("port out of range")
		}
	}
	if err == nil && host != "" && net.ParseIP(host) == nil && strings.ContainsAny(host, " /:") {
		err = errors.New("bad host")
	}
	if err != nil {
		return fmt.Errorf("ADDR: %q is not HOST:PORT; use e.g. :3000 or 127.0.0.1:3000", addr)
	}
	return nil
}

// checkSlackTokens refuses a token pasted into the wrong variable: Slack's
// bot tokens start with xoxb-, app-level tokens with xapp-.
func checkSlackTokens(botToken, appToken string) error {
	var errs []error
	if botToken != "" && !strings.HasPrefix(botToken, "xoxb-") {
		errs = append(errs, fmt.Errorf("SLACK_BOT_TOKEN: a bot token starts with xoxb- (OAuth & Permissions)%s", swappedHint(botToken, "xapp-", "SLACK_APP_TOKEN")))
	}
	if appToken != "" && !strings.HasPrefix(appToken, "xapp-") {
		errs = append(errs, fmt.Errorf("SLACK_APP_TOKEN: an app-level token starts with xapp- (Basic Information, App-Level Tokens)%s", swappedHint(appToken, "xoxb-", "SLACK_BOT_TOKEN")))
	}
	return errors.Join(errs...)
}

// swappedHint says where a token of the other kind belongs, never the token.
func swappedHint(token, otherPrefix, otherVariable string) string {
	if strings.HasPrefix(token, otherPrefix) {
		return "; this one is an " + otherPrefix + " token, which belongs in " + otherVariable
	}
	return ""
}

// slackUserID is a Slack user ID as MANAGER_IDS takes it: U or W and then
// capital letters and digits (profile, ⋮, Copy member ID).
var slackUserID = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)

// checkManagerIDs refuses MANAGER_IDS entries that are not user IDs, such as
// a display name (@kim) or an e-mail address, which would never match.
func checkManagerIDs(ids []string) error {
	var bad []string
	for _, id := range ids {
		if !slackUserID.MatchString(id) {
			bad = append(bad, strconv.Quote(id))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("MANAGER_IDS: %s is not a Slack user ID (like U012AB3CD: profile, ⋮, Copy member ID), comma-separated", strings.Join(bad, ", "))
}
