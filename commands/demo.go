package commands

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// DemoScript is the command lines that load the demo: the Daejeon article's
// figures as of the end of April (a 20,500 target, 11,980 jobs, public 8,980,
// private 3,000: youth's 180 logged as two reports), a later agreement that
// is not counted, and candidates at different stages, so the first `status`
// reads 11,980 of 20,500 (58%) as the README and the article do. It
// goes through the ordinary commands, so the demo shows nothing the product
// could not produce itself.
func DemoScript() []string {
	return []string{
		"target 2만500",
		"target 2400 program:invest",
		"target 7500 program:vulnerable",
		"add 2400여 invest date:4월말 note:기업유치 실적",
		"add 6백여 rail date:4월말",
		"add 145 youth date:4월말",
		"add 35 youth date:4/28 dept:일자리정책과 note:청년 채용박람회",
		"add 1700 social date:4월말 note:대전형일자리",
		"add 7100 vulnerable date:4월말",
		"add 120 invest status:agreed date:yesterday note:본사 이전 기업 고용 계획",
		`candidate add "한빛제과 협동조합" kind:cooperative dept:사회적경제과 mission:jobs`,
		`candidate add "행복나눔 카페" kind:예비 dept:장애인복지과 mission:일자리제공`,
		`candidate add "초록수선공방" kind:village dept:공동체지원과 mission:community`,
		`candidate add "온누리 돌봄" kind:예비 dept:노인복지과 mission:사회서비스`,
		`candidate add "대전 업사이클 연구소" kind:ministry dept:사회적경제과 mission:innovation`,
		"candidate move 1 review",
		"candidate move 1 briefing",
		"candidate move 1 applied",
		"candidate move 2 review",
		"candidate move 2 briefing",
		"candidate move 3 review",
		"candidate move 5 on-hold",
	}
}

// DemoLastYear is the year before's entries, month by month, so the demo's
// chart and digest have a curve to compare against: front-loaded like the
// article's year, ending well short of its 20,000 target. The lines carry
// confirm:yes: a steady month's delta (invest's 250 in February after 250
// in January) is as large as the year so far, which a person's add is
// asked about (a 누계 written as new jobs?), and the loader has no one to
// answer.
func DemoLastYear(year int) []string {
	monthly := []struct{ vulnerable, invest, social int }{
		{2300, 250, 300}, {1900, 250, 250}, {1600, 250, 250}, {1300, 250, 200},
		{900, 200, 150}, {700, 200, 150}, {600, 200, 100}, {600, 200, 100},
		{500, 150, 100}, {500, 150, 100}, {400, 150, 100}, {300, 100, 50},
	}
	var lines []string
	for i, m := range monthly {
		end := time.Date(year-1, time.Month(i+2), 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		lines = append(lines,
			fmt.Sprintf("add %d vulnerable date:%s confirm:yes", m.vulnerable, end),
			fmt.Sprintf("add %d invest date:%s confirm:yes", m.invest, end),
			fmt.Sprintf("add %d social date:%s confirm:yes", m.social, end))
	}
	return append(lines, fmt.Sprintf("target 2만 year:%d", year-1))
}

// WithManager returns a Service that also treats userID as a manager, for
// trusted callers such as the demo loader and the console's --manager.
func (s *Service) WithManager(userID string) *Service {
	c := *s
	c.managers = append(slices.Clone(s.managers), userID)
	return &c
}

// WithClock returns a Service that reads the time from now, for replaying a
// session as of another day.
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}

// RunScript runs command lines as caller, stopping at the first that does not
// succeed. Tests and tools use it to load data through the real commands.
func (s *Service) RunScript(ctx context.Context, caller Caller, lines []string) error {
	for _, line := range lines {
		if r := s.Handle(ctx, caller, line); r.Outcome != OutcomeOK {
			return fmt.Errorf("commands: %q: %s", line, r.Text())
		}
	}
	return nil
}
