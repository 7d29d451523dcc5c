package commands

import "strings"

// placeholderWords are the words the usage lines hold a reason's place
// with (`정정 <번호> <수> <사유>`, `void <number> <reason>`).
var placeholderWords = []string{"사유", "이유", "reason", "바른사유", "사유입력"}

// placeholderReason reports whether a reason is only the usage line's
// placeholder: <사유>, ‹사유›, <reason>, or 사유 / reason alone. Typed back
// from an offered line, `<사유>` was kept as the official reason of a
// closed month's 정정 (review r34 F4).
func placeholderReason(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	inner := strings.Trim(s, "<>‹›〈〉《》«»[](){}「」『』\"'`“”‘’ ….:")
	inner = strings.Join(strings.Fields(fold(inner)), "")
	for _, w := range placeholderWords {
		if inner == w {
			return true
		}
	}
	return false
}

// refusePlaceholderReason refuses a line whose reason is only a
// placeholder, for every command a reason goes with (정정, 무효, 마감
// 해제, 목표): nothing is written.
func refusePlaceholderReason(cmd *Command) error {
	reason := cmd.Opts.Reason
	if cmd.Name == cmdVoid {
		reason = strings.TrimSpace(cmd.Opts.Note + " " + reason) // 무효's trailing words are its reason
	}
	if !placeholderReason(reason) {
		return nil
	}
	return usageErr(cmd.Name, "r34b.placeholder_reason", "Typed", strings.TrimSpace(reason))
}
