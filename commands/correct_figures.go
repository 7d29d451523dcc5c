package commands

import (
	"slices"
	"strings"
)

// figureArrows are the marks written between an old and a new figure
// (2 → 3, 2 -> 3, 2 ~ 3).
var figureArrows = []string{"→", "->", "-->", "⇒", "=>", "➡", "➔", "➝", "➜", "➞", "⟶", "⟹", "⇨", "~", "〜", "～"}

// figureFrom are the words written between an old and a new figure in
// words: 2 에서 3으로, 2 to 3 (review r16 MINOR 4).
var figureFrom = []string{"에서", "to"}

// splitFigurePair splits a count glued to an arrow or to 에서 (2➝3, 2→3,
// 2에서) into the figure and the mark, so twoFigures can name both figures
// rather than the word being refused as no number. A token that reads as a
// count whole is left as it is.
func splitFigurePair(ts []token) []token {
	if len(ts) < 2 || ts[1].quoted {
		return ts
	}
	w := ts[1].text
	if _, _, ok := countRun(ts[1:2], 0); ok {
		return ts
	}
	reads := func(s string) bool {
		_, _, ok := countRun([]token{{text: s, raw: s}}, 0)
		return s != "" && ok
	}
	split := func(parts ...string) []token {
		out := append([]token{}, ts[:1]...)
		for _, p := range parts {
			if p != "" {
				out = append(out, token{text: p, raw: p})
			}
		}
		return append(out, ts[2:]...)
	}
	if v, ok := strings.CutSuffix(w, "에서"); ok && reads(v) {
		return split(v, "에서")
	}
	// Longest marks first, so 2-->3 is not read as 2- and ->3.
	arrows := slices.Clone(figureArrows)
	slices.SortStableFunc(arrows, func(a, b string) int { return len(b) - len(a) })
	for _, a := range arrows {
		if i := strings.Index(w, a); i > 0 && reads(w[:i]) {
			return split(w[:i], a, w[i+len(a):])
		}
	}
	return ts
}

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
	for _, a := range slices.Concat(figureArrows, figureFrom) {
		if w == a {
			if len(next) == 0 || next[0].quoted {
				return nil
			}
			w, next = next[0].text, next[1:]
			break
		}
		if slices.Contains(figureFrom, a) {
			continue // 에서 and to stand alone; 에서3 is no form anyone writes
		}
		if after, ok := strings.CutPrefix(w, a); ok && after != "" {
			w = after
			break
		}
	}
	// 3으로 (2에서 3으로): the particle is no part of the figure.
	if v, ok := strings.CutSuffix(w, "으로"); ok && v != "" {
		w = v
	} else if v, ok := strings.CutSuffix(w, "로"); ok && v != "" {
		w = v
	}
	if _, _, ok := countRun(append([]token{{text: w, raw: w}}, next...), 0); !ok {
		return nil
	}
	return usageErr(cmd.Name, "k45.correct_two_figures", "ID", cmd.ID, "First", first, "Second", w)
}
