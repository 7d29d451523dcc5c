package commands

import "strings"

// figureArrows are the marks written between an old and a new figure
// (2 → 3, 2 -> 3, 2 ~ 3).
var figureArrows = []string{"→", "->", "-->", "⇒", "=>", "➡", "➔", "~", "〜", "～"}

// twoFigures refuses a 정정 whose reason starts with another figure, bare
// (정정 37 2 3 오기) or after an arrow (정정 37 2 → 3 …): the person wrote
// the old figure and the new, and the old one was set while the new went
// into the reason (review r13 S2). A 정정 names only the figure after it;
// a reason that starts with a number is written after 사유:.
func twoFigures(cmd *Command, first string, rest []token) error {
	if len(rest) == 0 || rest[0].quoted {
		return nil
	}
	w := rest[0].text
	next := rest[1:]
	for _, a := range figureArrows {
		if w == a {
			if len(next) == 0 || next[0].quoted {
				return nil
			}
			w, next = next[0].text, next[1:]
			break
		}
		if after, ok := strings.CutPrefix(w, a); ok && after != "" {
			w = after
			break
		}
	}
	if _, _, ok := countRun(append([]token{{text: w, raw: w}}, next...), 0); !ok {
		return nil
	}
	return usageErr(cmd.Name, "k45.correct_two_figures", "ID", cmd.ID, "First", first, "Second", w)
}
