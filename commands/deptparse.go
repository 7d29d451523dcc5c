package commands

import (
	"regexp"
	"strings"
	"time"

	"jobsbot/commands/dates"
)

// Slack sends a mention as <@U123> or <@U123|name> and a channel as
// <#C123|name>; the console may type the bare IDs.
var (
	userMention    = regexp.MustCompile(`^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$`)
	channelMention = regexp.MustCompile(`^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$`)
	bareChannelID  = regexp.MustCompile(`^[CG][A-Z0-9]{6,}$`)
)

// parseChannel reads channel:<#C123|name> (or a bare channel ID).
func parseChannel(cmd *Command, value string) error {
	if m := channelMention.FindStringSubmatch(value); m != nil {
		cmd.Opts.Channel = m[1]
		return nil
	}
	if bareChannelID.MatchString(value) {
		cmd.Opts.Channel = value
		return nil
	}
	return usageErr(cmd.Name, "`channel:%s` is not a channel Slack sent: pick it with # so Slack links it.",
		"`채널:%s` 값은 Slack 채널이 아닙니다. #으로 채널을 골라 Slack이 연결하게 하세요.", value)
}

// parseDept reads the department names and the people mentioned of dept
// show, add, remove, rename and merge.
func parseDept(cmd *Command, ts []token, _ time.Time) error {
	var names []string
	for _, t := range ts {
		if m := userMention.FindStringSubmatch(t.text); m != nil && !t.quoted {
			cmd.Users = append(cmd.Users, m[1])
			continue
		}
		if strings.HasPrefix(t.text, "@") && !t.quoted {
			return usageErr(cmd.Name, "`%s` came through as plain text: pick the person from Slack's @ list so their ID comes with it.",
				"`%s` 값이 일반 글자로 왔습니다. Slack의 @ 목록에서 사람을 골라 주세요.", t.text)
		}
		if isOneOf(t, []string{"to", "into", "→", "->"}) {
			continue // "dept merge A into B" reads naturally
		}
		names = append(names, t.text)
	}
	cmd.Words = names
	switch {
	case cmd.Name == "dept show":
		cmd.Words = []string{strings.Join(names, " ")}
	case (cmd.Name == "dept rename" || cmd.Name == "dept merge") && len(names) != 2:
		return usageErr(cmd.Name, "Give two department names (quote a name with spaces).", "부서 이름 두 개를 쓰세요(공백이 있으면 따옴표로 묶으세요).")
	case (cmd.Name == "dept add" || cmd.Name == "dept remove") && len(names) == 0:
		return usageErr(cmd.Name, "Which department? Give its name.", "어느 부서인지 이름을 쓰세요.")
	case cmd.Name == "dept add" || cmd.Name == "dept remove":
		cmd.Words = []string{strings.Join(names, " ")}
	}
	return nil
}

// parseNone reads `none [month] [dept:…]`; the month defaults to this one and
// must be one calendar month.
func parseNone(cmd *Command, ts []token, today time.Time) error {
	ts = takePeriod(cmd, ts, today)
	if len(ts) > 0 {
		return usageErr(cmd.Name, "I can't read `%s` as a month. Write it like 11월, 지난달 or 2026-10.",
			"`%s` 부분을 달로 읽을 수 없습니다. 11월, 지난달, 2026-10처럼 쓰세요.", rawJoin(ts))
	}
	if cmd.Period == nil {
		p := dates.Period{From: dates.On(today.Year(), today.Month(), 1)}
		cmd.Period = &p
	}
	from := cmd.Period.From
	if cmd.Period.To.IsZero() {
		cmd.Period.To = from.AddDate(0, 1, -1)
	}
	if from.Day() != 1 || !cmd.Period.To.Equal(from.AddDate(0, 1, -1)) {
		return usageErr(cmd.Name, "`none` covers one whole month; write it like 11월 or 지난달.",
			"실적 없음은 한 달 단위로 기록합니다. 11월, 지난달처럼 쓰세요.")
	}
	return nil
}
