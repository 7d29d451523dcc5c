package commands

import (
	"strings"
	"time"
)

// reportSpanRefusal refuses a period that report, press and export cannot
// honour. All three state the year from January 1 through a date (the
// period's end, never later than today): a period crossing a year end, or
// a typed span (a label with ~) that starts after January 1, would be read
// as something else than it says. Whole months, quarters, halves and weeks
// name the date they end on, as 4월말 does, and are read so.
func (s *Service) reportSpanRefusal(cmd Command) (Reply, bool) {
	p := cmd.Period
	if p == nil {
		return Reply{}, false
	}
	// An export says "file" where report and press say "report"; the rule
	// and the code are one.
	crosses, notFromJanuary := "report.span_crosses_years", "report.span_not_from_january"
	if cmd.Name == "export" {
		crosses, notFromJanuary = "export_span.crosses_years", "export_span.not_from_january"
	}
	span := s.msg("format.period.span", "From", s.date(p.From), "To", s.date(p.To))
	if p.From.Year() != p.To.Year() {
		return s.refuse(cmd.Name, s.msg(crosses, "Span", span, "Date", s.date(p.To))), true
	}
	fromJanuary := p.From.Month() == time.January && p.From.Day() == 1
	if !p.Through && !fromJanuary && strings.Contains(p.Label, "~") {
		return s.refuse(cmd.Name, s.msg(notFromJanuary, "Span", span, "Date", s.date(p.To))), true
	}
	return Reply{}, false
}
