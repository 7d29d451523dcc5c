package commands

import (
	"errors"
	"jobsbot/commands/i18n"
	"slices"
	"testing"
	"time"

	"jobsbot/commands/dates"
)

var parseToday = dates.On(2026, time.November, 26)

func TestParseAdd(t *testing.T) {
	tests := []struct {
		line          string
		count         int64
		approx        bool
		before, after []string
		cumulative    bool
		date          time.Time
	}{
		{line: "/jobs add 180 youth", count: 180, after: []string{"youth"}},
		{line: "add 180 youth", count: 180, after: []string{"youth"}},
		{line: "/JOBS add 2,400 invest", count: 2400, after: []string{"invest"}},
		{line: "add 6백여 rail date:4월말", count: 600, approx: true, after: []string{"rail"}, date: dates.On(2026, 4, 30)},
		{line: "add 2400여 invest date:4월말", count: 2400, approx: true, after: []string{"invest"}, date: dates.On(2026, 4, 30)},
		{line: "add 1만2000 vulnerable", count: 12000, after: []string{"vulnerable"}},
		{line: "add 1만 2000 vulnerable", count: 12000, after: []string{"vulnerable"}},
		{line: "add 2만 500 vulnerable", count: 20500, after: []string{"vulnerable"}},
		{line: "add 1만2천 vulnerable", count: 12000, after: []string{"vulnerable"}},
		{line: "add 2천4백 invest", count: 2400, after: []string{"invest"}},
		{line: "add １８０ youth", count: 180, after: []string{"youth"}},
		{line: "add 180명 청년", count: 180, after: []string{"청년"}},
		{line: "add youth 180", count: 180, before: []string{"youth"}},
		{line: "add 청년 일자리 35 job fair", count: 35, before: []string{"청년", "일자리"}, after: []string{"job", "fair"}},
		{line: "add 180 youth jobs great month", count: 180, after: []string{"youth", "jobs", "great", "month"}},
		{line: "add 2400 invest cumulative", count: 2400, after: []string{"invest"}, cumulative: true},
		{line: "추가 2400 invest 누적 date:2026-04-30", count: 2400, after: []string{"invest"}, cumulative: true, date: dates.On(2026, 4, 30)},
		{line: "add 35 youth date:2026. 4. 30. note", count: 35, after: []string{"youth", "note"}, date: dates.On(2026, 4, 30)},
		{line: "add 35 youth date:4월 30일", count: 35, after: []string{"youth"}, date: dates.On(2026, 4, 30)},
		{line: "add 35 youth date:yesterday", count: 35, after: []string{"youth"}, date: dates.On(2026, 11, 25)},
		{line: `add 35 youth it's "quoted" '; DROP TABLE entries; --`, count: 35,
			after: []string{"youth", "it's", `"quoted"`, "';", "DROP", "TABLE", "entries;", "--"}},
		{line: "add 35 youth meeting at 10:30", count: 35, after: []string{"youth", "meeting", "at", "10:30"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			cmd, err := Parse(tt.line, parseToday)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.line, err)
			}
			if cmd.Name != "add" || cmd.Count.Value != tt.count || cmd.Count.Approximate != tt.approx || cmd.Cumulative != tt.cumulative {
				t.Errorf("Parse(%q) = name %q count %d approx %v cumulative %v; want add %d %v %v",
					tt.line, cmd.Name, cmd.Count.Value, cmd.Count.Approximate, cmd.Cumulative, tt.count, tt.approx, tt.cumulative)
			}
			if !slices.Equal(cmd.Before, tt.before) || !slices.Equal(cmd.After, tt.after) {
				t.Errorf("Parse(%q) words = %q / %q; want %q / %q", tt.line, cmd.Before, cmd.After, tt.before, tt.after)
			}
			if !tt.date.IsZero() && (cmd.Opts.Date == nil || !cmd.Opts.Date.Equal(tt.date)) {
				t.Errorf("Parse(%q) date = %v; want %v", tt.line, cmd.Opts.Date, tt.date)
			}
		})
	}
}

func TestParseRefusesBadInput(t *testing.T) {
	tests := []struct {
		line, command string
	}{
		{"add 일자리 youth", "add"},
		{"add 0 youth", "add"},
		{"add '; DROP TABLE entries; --", "add"},
		{"add youth", "add"},
		{"add", "add"},
		{"add 1000001 youth", "add"},
		{"add 1.5 youth", "add"},
		{"add -3 youth", "add"},
		{"add 180 2000 youth", "add"},
		{"add 3회 youth", "add"},
		{"add 3464억원 invest", "add"},
		{"add 180 youth date:someday", "add"},
		{"add 180 youth date:2026-02-30", "add"},
		{"add 180 youth status:maybe", "add"},
		{"add 180 youth kind:village", "add"},
		{"add 180 youth dpet:기획과", "add"},
		{"void", "void"},
		{"void abc", "void"},
		{"candidate move 3 nowhere", "candidate move"},
		{"candidate move 3", "candidate move"},
		{"candidate list limbo", "candidate list"},
		{"candidate show 3 4", "candidate show"},
		{"target 2만500 year:99", "target"},
		{"undo now", "undo"},
		{"frobnicate", ""},
		{"candidate fly", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			_, err := Parse(tt.line, parseToday)
			var ue *UsageError
			if !errors.As(err, &ue) {
				t.Fatalf("Parse(%q) error = %v; want a *UsageError", tt.line, err)
			}
			en, errEn := ue.Reason(i18n.Default().Printer(i18n.English)), ""
			ko, kerr := i18n.Default().Printer(i18n.Korean).Render(ue.ID, ue.args()...)
			if kerr != nil {
				errEn = kerr.Error()
			}
			if ue.Command != tt.command || en == "" || ko == "" || errEn != "" {
				t.Errorf("Parse(%q) = %+v; want a bilingual error for %q", tt.line, ue, tt.command)
			}
		})
	}
}

func TestParseCommands(t *testing.T) {
	tests := []struct {
		line, name string
		check      func(Command) bool
	}{
		{"", "help", nil},
		{"/jobs", "help", nil},
		{"help add", "help", func(c Command) bool { return slices.Equal(c.Words, []string{"add"}) }},
		{"도움말", "help", nil},
		{"list mine youth 2026-04", "list", func(c Command) bool {
			return c.Mine && slices.Equal(c.Words, []string{"youth"}) && c.Period.From.Equal(dates.On(2026, 4, 1))
		}},
		{"undo", "undo", nil},
		{"void #12 counted twice", "void", func(c Command) bool { return c.ID == 12 && c.Opts.Note == "counted twice" }},
		{"status", "status", func(c Command) bool { return c.Period == nil && len(c.Words) == 0 }},
		{"status q1", "status", func(c Command) bool { return c.Period.To.Equal(dates.On(2026, 3, 31)) }},
		{"status 상반기 민간", "status", func(c Command) bool { return c.Period.To.Equal(dates.On(2026, 6, 30)) && c.Sector == SectorPrivate }},
		{"현황 2026년 1분기", "status", func(c Command) bool { return c.Period.To.Equal(dates.On(2026, 3, 31)) }},
		{"status youth dept:일자리정책과", "status", func(c Command) bool { return c.Opts.Department == "일자리정책과" && c.Words[0] == "youth" }},
		{"target 2만500", "target", func(c Command) bool { return c.Count.Value == 20500 }},
		{"target 2400 program:invest year:2027", "target", func(c Command) bool {
			return c.Count.Value == 2400 && c.Opts.Program == "invest" && c.Opts.Year == 2027
		}},
		{"programs", "programs", nil},
		{"program", "programs", nil},
		{`program add startup en:"Start-up support" ko:창업지원 sector:민간 aliases:창업,startups`, "program add", func(c Command) bool {
			return c.Words[0] == "startup" && c.Opts.En == "Start-up support" && c.Opts.Sector == SectorPrivate && slices.Equal(c.Opts.Aliases, []string{"창업", "startups"})
		}},
		{"program deactivate rail", "program deactivate", nil},
		{"사업 비활성 rail", "program deactivate", nil},
		{`candidate add "Hanbit Bakery" kind:coop found at the fair`, "candidate add", func(c Command) bool {
			return c.Words[0] == "Hanbit Bakery" && c.Opts.Kind == KindCooperative && c.Opts.Note == "found at the fair"
		}},
		{"add candidate 행복나눔 카페 kind:예비 mission:일자리제공", "candidate add", func(c Command) bool {
			return slices.Equal(c.Words, []string{"행복나눔", "카페"}) && c.Opts.Kind == KindPreliminaryRegional && c.Opts.Mission == MissionJobs
		}},
		{"후보 추가 온누리 note: 대표 면담 완료", "candidate add", func(c Command) bool { return c.Opts.Note == "대표 면담 완료" }},
		{"candidates", "candidate list", nil},
		{"candidate list 실무검토", "candidate list", func(c Command) bool { return c.Stage == StageReview }},
		{"candidate show 3", "candidate show", func(c Command) bool { return c.ID == 3 }},
		{"candidate move 3 not selected after screening", "candidate move", func(c Command) bool {
			return c.Stage == StageNotSelected && c.Opts.Note == "after screening"
		}},
		{"candidate move 3 설명회·컨설팅 6월 공모 대비", "candidate move", func(c Command) bool {
			return c.Stage == StageBriefing && c.Opts.Note == "6월 공모 대비"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			cmd, err := Parse(tt.line, parseToday)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.line, err)
			}
			if cmd.Name != tt.name {
				t.Fatalf("Parse(%q).Name = %q; want %q", tt.line, cmd.Name, tt.name)
			}
			if tt.check != nil && !tt.check(cmd) {
				t.Errorf("Parse(%q) = %+v; fields not as expected", tt.line, cmd)
			}
		})
	}
}

// Every example in the command table must parse as the command it illustrates,
// so help never shows a line that would be refused.
func TestHelpExamplesParse(t *testing.T) {
	for _, spec := range commandTable {
		for _, lang := range []Lang{English, Korean} {
			for _, ex := range New(Config{Language: lang}).examples(spec) {
				cmd, err := Parse(ex, parseToday)
				if err != nil {
					t.Errorf("example %q of %s: %v", ex, spec.Name, err)
					continue
				}
				if cmd.Name != spec.Name {
					t.Errorf("example %q parses as %q; want %q", ex, cmd.Name, spec.Name)
				}
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"add 180 youth", "add 6백여 rail date:4월말", `candidate add "x" note: y`, "status 상반기 민간",
		"void #1 x", "add 1만 2000 youth cumulative", "add '; DROP TABLE entries; --", "\"", "date:", "add 2026. 4. 30."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		cmd, err := Parse(line, parseToday)
		if err != nil {
			var ue *UsageError
			if !errors.As(err, &ue) || ue.ID == "" {
				t.Fatalf("Parse(%q) returned %v; want a *UsageError with a message", line, err)
			}
			return
		}
		if _, ok := specNamed(cmd.Name); !ok {
			t.Fatalf("Parse(%q) gave unknown command %q", line, cmd.Name)
		}
		if cmd.Name == "add" && (cmd.Count.Value < 1 || cmd.Count.Value > MaxCount) {
			t.Fatalf("Parse(%q) accepted count %d", line, cmd.Count.Value)
		}
	})
}

func TestIsBareAdd(t *testing.T) {
	for text, want := range map[string]bool{
		"add": true, " ADD ": true, "추가": true, "/jobs add": true, "log": true,
		"add 180 youth": false, "": false, "status": false, "program add": false,
	} {
		if got := IsBareAdd(text); got != want {
			t.Errorf("IsBareAdd(%q) = %v; want %v", text, got, want)
		}
	}
}
