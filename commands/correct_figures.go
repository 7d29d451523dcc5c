package commands

import (
	"context"
	"slices"
	"strings"

	"jobsbot/commands/dates"
	"jobsbot/commands/numbers"
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
	marked := false // an arrow or 에서 says the second figure is the new one
	for _, a := range slices.Concat(figureArrows, figureFrom) {
		if w == a {
			if len(next) == 0 || next[0].quoted {
				return nil
			}
			w, next, marked = next[0].text, next[1:], true
			break
		}
		if slices.Contains(figureFrom, a) {
			continue // 에서 and to stand alone; 에서3 is no form anyone writes
		}
		if after, ok := strings.CutPrefix(w, a); ok && after != "" {
			w, marked = after, true
			break
		}
	}
	// 3으로 (2에서 3으로): the particle is no part of the figure.
	if v, ok := strings.CutSuffix(w, "으로"); ok && v != "" {
		w = v
	} else if v, ok := strings.CutSuffix(w, "로"); ok && v != "" {
		w = v
	}
	n2, k, ok := countRun(append([]token{{text: w, raw: w}}, next...), 0)
	if !ok {
		return nil
	}
	// Each line offered keeps its own reason: the second figure's line
	// takes the words after that figure, never a word of the reason as
	// the figure with a placeholder for the rest (review r34 F4: `정정 23
	// 5 1명 입사 취소` was offered `정정 23 1명 <사유>`, which set 1).
	second := strings.TrimSpace(w + " " + rawJoin(next[:k-1]))
	reasonB := rawJoin(next[k-1:])
	if marked {
		return usageErr(cmd.Name, "k45.correct_two_figures", "ID", cmd.ID, "First", first, "Second", second, "Reason", reasonB)
	}
	if !marked && slices.ContainsFunc(next[k-1:], func(t token) bool { return !t.quoted && additionWord(t.text) }) &&
		!cmd.Count.Approximate && !n2.Approximate {
		// 정정 46 20 5명 추가 누락분: the second figure's line, `정정 46 5명
		// 추가 누락분`, typed back was refused for its addition words
		// (review r47 A2). 5 more than 20 is the whole figure 25, which is
		// what a 정정 gives; the words go after 사유:, where they are the
		// reason, and the line is accepted as offered.
		return usageErr(cmd.Name, "cand3.correct_two_figures_sum", "ID", cmd.ID, "First", first, "Second", second,
			"Reason", rawJoin(rest), "Sum", numbers.Format(cmd.Count.Value+n2.Value))
	}
	return usageErr(cmd.Name, "r34b.correct_two_readings", "ID", cmd.ID, "First", first, "Second", second,
		"ReasonA", rawJoin(rest), "ReasonB", reasonB)
}

// separateBeside is what the ledger holds through a 누계 report's date
// beside its reported figure: the deltas recorded after the report (after
// the first entry of its 정정 chain) and dated on or before it that were
// answered 누계포함:아니오 (separate jobs; one answered 예 re-based the
// report and is inside it), and their sum as the ledger tells it (the
// total through the date less the figure reported). Realised reports only:
// an agreed 누계's 정정 never re-bases another's agreement.
func (s *Service) separateBeside(ctx context.Context, old Entry) ([]Entry, int64, error) {
	if old.Kind != KindCumulative || old.Status != StatusRealised || old.Voided() {
		return nil, 0, nil
	}
	through, err := s.programThrough(ctx, old.ProgramID, old.Status, old.AsOf)
	if err != nil || through <= old.ReportedTotal {
		return nil, 0, err
	}
	root := s.correctionRoot(ctx, old.ID)
	since, err := s.store.ListEntries(ctx, EntryFilter{ProgramID: old.ProgramID, From: dates.On(old.AsOf.Year(), 1, 1), To: old.AsOf, Limit: 200})
	if err != nil {
		return nil, 0, err
	}
	var deltas []Entry
	var ids []int64
	for _, d := range slices.Backward(since) { // oldest first
		if d.Voided() || d.Kind != KindDelta || d.Status != old.Status || d.ID <= root {
			continue
		}
		deltas, ids = append(deltas, d), append(ids, d.ID)
	}
	if len(deltas) == 0 {
		return nil, 0, nil
	}
	marks, err := s.store.EntryMarks(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	deltas = slices.DeleteFunc(deltas, func(d Entry) bool { return marks[d.ID].Within })
	if len(deltas) == 0 {
		return nil, 0, nil
	}
	return deltas, through - old.ReportedTotal, nil
}

// namedDeltas names deltas as the 정정 replies do: #2 +3개, #5 +1개.
func (s *Service) namedDeltas(deltas []Entry, unit string) string {
	named := make([]string, 0, len(deltas))
	for _, d := range deltas {
		named = append(named, s.msg("corrections.late_delta", "ID", d.ID, "Count", s.plusCount(d.Count, d.Approximate, unit)))
	}
	return strings.Join(named, ", ")
}

// askCorrectionKeepsSeparate holds a 정정 of a 누계 report beside which
// deltas were recorded as separate jobs (누계포함:아니오) until the
// official says whether the corrected figure holds them now (review r22
// F30). Read as the ledger's total through the date, 12 → 14 beside a
// separate +3 made the total 14, not 17, and reversed the 아니오 given
// for the +3 without a word. The question names the deltas, the total
// through the date now, and what each answer makes it: 예 puts them inside
// the figure (the total through the date is the figure typed), 아니오
// keeps them separate (the figure plus them). Nothing is written.
func (s *Service) askCorrectionKeepsSeparate(ctx context.Context, cmd Command, old Entry, p Program) (Reply, bool, error) {
	if old.Kind != KindCumulative || cmd.Opts.Within != nil {
		return Reply{}, false, nil
	}
	deltas, separate, err := s.separateBeside(ctx, old)
	if err != nil || separate == 0 {
		return Reply{}, false, err
	}
	u := p.Unit
	named := s.namedDeltas(deltas, u)
	yes, no := s.withinLine(cmd, true), s.withinLine(cmd, false)
	title := s.msg("i47.correct_report_beside_separate", "ID", old.ID, "AsOf", s.date(old.AsOf),
		"Old", s.unitCount(old.ReportedTotal, old.Approximate, u), "New", s.unitCount(cmd.Count.Value, cmd.Count.Approximate, u),
		"Deltas", named, "Total", s.unitCount(old.ReportedTotal+separate, old.Approximate, u))
	lines := []string{s.msg("hires.nothing_recorded_yet"),
		s.msg("i47.correct_report_if_inside", "Deltas", named, "New", s.unitCount(cmd.Count.Value, cmd.Count.Approximate, u),
			"AsOf", s.date(old.AsOf), "Line", yes),
		s.msg("i47.correct_report_if_separate", "Deltas", named, "New", s.unitCount(cmd.Count.Value, cmd.Count.Approximate, u),
			"Separate", s.unitCount(separate, false, u), "Raised", s.unitCount(cmd.Count.Value+separate, cmd.Count.Approximate, u),
			"AsOf", s.date(old.AsOf), "Line", no)}
	actions := []Action{
		{ID: ActionConfirm, Label: s.msg("hires.button_inside"), Command: yes},
		{ID: ActionConfirm, Label: s.msg("within.button_separate"), Command: no, Style: "primary"},
	}
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: title, Sections: []Section{{Lines: lines}}, Actions: actions}, true, nil
}

// separateKeptLine says, after a 정정 of a 누계 answered 누계포함:아니오,
// what the ledger holds through the report's date: the figure typed and
// the separate deltas beside it. "" when there are none.
func (s *Service) separateKeptLine(ctx context.Context, r Entry, p Program) string {
	deltas, separate, err := s.separateBeside(ctx, r)
	if err != nil {
		s.log.WarnContext(ctx, "reading the separate deltas beside a corrected report failed", "err", err) // the correction is written
	}
	if separate == 0 {
		return ""
	}
	return s.msg("i47.corrected_report_kept_separate", "AsOf", s.date(r.AsOf), "New", s.unitCount(r.ReportedTotal, r.Approximate, p.Unit),
		"Deltas", s.namedDeltas(deltas, p.Unit), "Total", s.unitCount(r.ReportedTotal+separate, r.Approximate, p.Unit))
}
