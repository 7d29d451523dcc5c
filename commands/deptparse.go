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
	return usageErr(cmd.Name, "deptparse.channel_is_not_channel", "Value", value)
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
			return usageErr(cmd.Name, "deptparse.came_through_as_plain", "Text", t.text)
		}
		if isOneOf(t, []string{"to", "into", "→", "->"}) {
			continue // "dept merge A into B" reads naturally
		}
		names = append(names, t.text)
	}
	cmd.Words = names
	switch {
	case cmd.Name == cmdDeptShow:
		cmd.Words = []string{strings.Join(names, " ")}
	case (cmd.Name == cmdDeptRename || cmd.Name == cmdDeptMerge) && len(names) != 2:
		return usageErr(cmd.Name, "deptparse.give_two_department_names")
	case (cmd.Name == cmdDeptAdd || cmd.Name == cmdDeptRemove) && len(names) == 0:
		return usageErr(cmd.Name, "deptparse.which_department_give_its")
	case cmd.Name == cmdDeptAdd || cmd.Name == cmdDeptRemove:
		cmd.Words = []string{strings.Join(names, " ")}
	}
	return nil
}

// monthTurnDays is how many first days of a month a 실적 없음 or 마감
// without a month is not taken as this month's: then it may as well be the
// month just ended, so the reply asks which one.
const monthTurnDays = 7

// parseNothing reads `none [month] [dept:…]`; the month defaults to this one and
// must be one calendar month. In a month's first monthTurnDays days the
// month must be typed.
func parseNothing(cmd *Command, ts []token, today time.Time) error {
	ts, err := takePeriod(cmd, ts, today)
	if err != nil {
		return err
	}
	if len(ts) == 1 && !ts[0].quoted {
		// `실적없음 6월 (사회적경제과)`: a department in brackets is the
		// department, as dept:사회적경제과 is; the handler checks the name.
		if inner, ok := unwrapName(ts[0].text); ok {
			if err := setOption(cmd, "dept", inner, today); err != nil {
				return err
			}
			ts = nil
		}
	}
	if len(ts) > 0 {
		return usageErr(cmd.Name, "deptparse.i_can_read_as", "Text", rawJoin(ts))
	}
	if cmd.Period == nil {
		this := dates.On(today.Year(), today.Month(), 1)
		if today.Day() <= monthTurnDays {
			// On 7/1 a 실적 없음 almost always means June: in the first days
			// of a month the month must be named, and nothing is guessed.
			return usageErr(cmd.Name, "nothing.which_month_at_turn", "Last", this.AddDate(0, -1, 0), "This", this)
		}
		p := dates.Period{From: this}
		cmd.Period = &p
	}
	from := cmd.Period.From
	if cmd.Period.To.IsZero() {
		cmd.Period.To = from.AddDate(0, 1, -1)
	}
	if from.Day() != 1 || !cmd.Period.To.Equal(from.AddDate(0, 1, -1)) {
		return usageErr(cmd.Name, "deptparse.none_covers_one_whole")
	}
	return nil
}

// unwrapName returns the name inside the brackets or quotes that wrap all of
// s: `(노인복지과)`, `[노인복지과]`, `【노인복지과】`, `“노인복지과”` (Slack
// curls quotes). A department is written so in 공문 and notes; where a bare
// department name is read (status, list, dept:), the wrapped one is read
// the same (review r5 A11, A3). ok is false when s is not wrapped.
func unwrapName(s string) (string, bool) {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) < 3 {
		return s, false
	}
	closer, ok := bracketPairs[rs[0]]
	switch rs[0] {
	case '“':
		closer, ok = '”', true
	case '"':
		closer, ok = '"', true
	}
	if !ok || rs[len(rs)-1] != closer {
		return s, false
	}
	inner := strings.TrimSpace(string(rs[1 : len(rs)-1]))
	if inner == "" || strings.ContainsAny(inner, "()[]{}<>（）【】") {
		return s, false
	}
	return inner, true
}
