package commands

import (
	"slices"
	"strings"
)

// forwardWords count forward from the day typed (다음 주, next week, 오는,
// 내달, 내년). Unread on an add line they are no note: `add 7 disabled
// Monday next week` was offered `… Monday note:next week`, which typed
// back filed last Monday (review r32 F1).
var forwardWords = []string{"다음", "다음주", "담주", "오는", "돌아오는", "내주", "차주", "다음달", "내달", "익월", "내년", "명년", "익년",
	"이듬해", "다음해", "next", "coming", "upcoming"}

// unreadForward is the unread words when one of them counts forward, or
// "".
func unreadForward(unread []string) string {
	for _, u := range unread {
		if slices.Contains(forwardWords, strings.ToLower(u)) {
			return strings.Join(unread, " ")
		}
	}
	return ""
}
