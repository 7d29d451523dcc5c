package commands

import "strings"

// noteReasonEnd is where the note or reason label at tokens[i] ends: at the
// other of the two, when the command takes both (an add after 마감 takes a
// 사유: and a 메모:). Each takes the rest of the line, so `사유:늦은 보고
// 메모:박람회` filed the note in the reason and `메모:박람회 사유:누락` lost
// the reason to the note (review r13 S1, A4). Any other label inside
// them stays their text.
func noteReasonEnd(cmd *Command, tokens []token, i int, canonical string) int {
	other := "reason"
	if canonical == "reason" {
		other = "note"
	}
	if !allows(cmd.Name, other) {
		return len(tokens)
	}
	for j := i + 1; j < len(tokens); j++ {
		t := tokens[j]
		if t.quoted || strings.HasPrefix(t.raw, `"`) || strings.HasPrefix(t.raw, "“") {
			continue
		}
		if key, _, ok := strings.Cut(t.text, ":"); ok && optionKeys[fold(key)] == other {
			return j
		}
	}
	return len(tokens)
}

// noteReasonAgain refuses a note or reason given a second time on a line
// (사유:a 메모:b 사유:c): one would be lost, as any label twice (S8).
func noteReasonAgain(cmd *Command, canonical, key, second string) error {
	first := cmd.Opts.Note
	if canonical == "reason" {
		first = cmd.Opts.Reason
	}
	if first == "" {
		return nil
	}
	return usageErr(cmd.Name, "k45.label_twice", "Key", key, "First", first, "Second", second)
}
