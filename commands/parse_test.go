package commands

import (
	"errors"
	"jobsbot/commands/i18n"
	"slices"
	"strings"
	"testing"
	"time"

	"jobsbot/commands/dates"
)

var parseToday = dates.On(2026, time.November, 26)

func TestParseAdd(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
	for text, want := range map[string]bool{
		"add": true, " ADD ": true, "추가": true, "/jobs add": true, "log": true,
		"add 180 youth": false, "": false, "status": false, "program add": false,
	} {
		if got := IsBareAdd(text); got != want {
			t.Errorf("IsBareAdd(%q) = %v; want %v", text, got, want)
		}
	}
}

// Forms officials type in add: counters after a space, unit words alone,
// prefixes, and dates, status and employment words without their labels.
func TestParseAddKoreanForms(t *testing.T) {
	t.Parallel()
	type want struct {
		count         int64
		approx        bool
		before, after []string
		date          time.Time
		status        EntryStatus
		employment    string
	}
	tests := []struct {
		line string
		want want
	}{
		{"add 300 명 youth", want{count: 300, after: []string{"youth"}}},
		{"add youth 5백 명", want{count: 500, before: []string{"youth"}}},
		{"add 1만 2천여 개 vulnerable", want{count: 12000, approx: true, after: []string{"vulnerable"}}},
		{"add 천여 명 senior", want{count: 1000, approx: true, after: []string{"senior"}}},
		{"add 만 명 vulnerable", want{count: 10000, after: []string{"vulnerable"}}},
		{"add 백여 개 rail", want{count: 100, approx: true, after: []string{"rail"}}},
		{"add 1.2만 vulnerable", want{count: 12000, after: []string{"vulnerable"}}},
		{"add 약 500 youth", want{}},         // 약 500 is refused: 500여 says another thing (r20 F1)
		{"add 대략 500 명 youth", want{}},      // 약 500 is refused: 500여 says another thing (r20 F1)
		{"add ~500 youth", want{}},          // 약 500 is refused: 500여 says another thing (r20 F1)
		{"add youth 약 500", want{}},         // 약 500 is refused: 500여 says another thing (r20 F1)
		{"add 40 senior 11월30일 기준", want{}}, // as of that day: a 누계 or the day's jobs? asked (k32, F33)
		{"add 40 senior 11월30일 기준 누계", want{count: 40, after: []string{"senior"}, date: dates.On(2026, 11, 30)}},
		{"add 10 youth 11/30 job fair", want{count: 10, after: []string{"youth", "job", "fair"}, date: dates.On(2026, 11, 30)}},
		{"add 10 youth 11.20", want{count: 10, after: []string{"youth"}, date: dates.On(2026, 11, 20)}},
		{"add 10 youth 11월 20일자", want{count: 10, after: []string{"youth"}, date: dates.On(2026, 11, 20)}},
		{"add 10 youth 그저께", want{count: 10, after: []string{"youth"}, date: dates.On(2026, 11, 24)}},
		{"add 10 youth 금요일", want{count: 10, after: []string{"youth"}, date: dates.On(2026, 11, 20)}},
		{"add 10 youth 지난주 금요일 박람회", want{count: 10, after: []string{"youth", "박람회"}, date: dates.On(2026, 11, 20)}},
		{"add 440 youth 지난달 말 현재 누계", want{count: 440, after: []string{"youth"}, date: dates.On(2026, 10, 31)}},
		{"add 15 youth 약정", want{count: 15, after: []string{"youth"}, status: StatusAgreed}},
		{"add 15 youth 채용", want{count: 15, after: []string{"youth"}, status: StatusRealised}},
		{"add 15 youth 일용 박람회", want{count: 15, after: []string{"youth", "박람회"}, employment: "daily"}},
		{"add 15 youth status:agreed MOU with a firm", want{count: 15, after: []string{"youth", "MOU", "with", "a", "firm"}, status: StatusAgreed}},
		{"add 15 youth 11월 교육 note: 11월 교육 약정분", want{}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			cmd, err := Parse(tt.line, parseToday)
			if tt.want.count == 0 {
				var ue *UsageError
				if !errors.As(err, &ue) || ue.Command != "add" || ue.ID == "" {
					t.Fatalf("Parse(%q) = %+v, %v; want a bilingual refusal", tt.line, cmd, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.line, err)
			}
			w := tt.want
			if cmd.Count.Value != w.count || cmd.Count.Approximate != w.approx {
				t.Errorf("count = %+v; want %d approx %v", cmd.Count, w.count, w.approx)
			}
			if !slices.Equal(cmd.Before, w.before) || !slices.Equal(cmd.After, w.after) {
				t.Errorf("words = %q / %q; want %q / %q", cmd.Before, cmd.After, w.before, w.after)
			}
			if (cmd.Opts.Date == nil) != w.date.IsZero() || (cmd.Opts.Date != nil && !cmd.Opts.Date.Equal(w.date)) {
				t.Errorf("date = %v; want %v", cmd.Opts.Date, w.date)
			}
			if cmd.Opts.Status != w.status || cmd.Opts.Employment != w.employment {
				t.Errorf("status %q type %q; want %q %q", cmd.Opts.Status, cmd.Opts.Employment, w.status, w.employment)
			}
		})
	}
}

// Where a note would hold a date or a status, or a field comes twice, add
// asks instead of guessing; the reason names the part it could not read.
func TestParseAddAsksInsteadOfGuessing(t *testing.T) {
	t.Parallel()
	tests := []struct{ line, names string }{
		{"add 10 youth 11월31일", "11월31일"},
		{"add 10 youth 4월 채용분", "4월"},
		{"add 10 youth 1~4월", "1~4월"},
		{"add 10 youth 4/31", "4/31"},
		{"add 10 youth MOU체결", "MOU체결"},
		{"add 10 youth 협약기업", "협약기업"},
		{"add 10 youth 약정 채용", "채용"},
		{"add 10 youth 11/20 어제", "어제"},
		{"add 10 youth date:어제 11/20", "11/20"},
		{"add 10 youth 상용 일용", "일용"},
		{"add 1.23456만 youth", "1.23456만"},
		{"add 약 2,40,0 youth", "2,40,0"},
		{"add 4.5 youth", "`4.5`"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			_, err := Parse(tt.line, parseToday)
			var ue *UsageError
			if !errors.As(err, &ue) || ue.Command != "add" {
				t.Fatalf("Parse(%q) error = %v; want a refusal for add", tt.line, err)
			}
			for _, text := range []string{ue.Reason(i18n.Default().Printer(i18n.English)), ue.Reason(i18n.Default().Printer(i18n.Korean))} {
				if !strings.Contains(text, tt.names) || strings.Contains(text, "program") || strings.Contains(text, "사업") {
					t.Errorf("refusal %q should name %q and not blame a program", text, tt.names)
				}
			}
		})
	}
}

// A word meant as a period that does not read as one is refused with the
// reason, naming the word; it is never looked up as a program.
func TestParseRefusesUnreadPeriods(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ line, en, ko string }{
		{"status 13월", "`13월` has a month outside 1-12", "`13월`: 월이 1~12 범위를 벗어났습니다"},
		{"status 5분기", "`5분기` has a quarter outside 1-4", "`5분기`: 분기가 1~4 범위를 벗어났습니다"},
		{"status 4~1월", "`4~1월` ends before it starts", "`4~1월`: 끝이 시작보다 앞섭니다"},
		{"status youth 2월30일", "`2월30일` is not a real date: month 2 has 28 days.", "`2월30일`: 2월은 28일까지입니다."},
		{"list q7", "`q7` has a quarter outside 1-4", "`q7`: 분기가 1~4 범위를 벗어났습니다"},
		{"status 2026-W60", "`2026-W60`: 2026 has weeks 1 to 53, so it has no week 60", "`2026-W60`: 2026년은 53주차까지만 있어 60주차가 없습니다"},
	} {
		_, err := Parse(tt.line, parseToday)
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(ue.Reason(i18n.Default().Printer(i18n.English)), tt.en) ||
			!strings.Contains(ue.Reason(i18n.Default().Printer(i18n.Korean)), tt.ko) {
			t.Errorf("Parse(%q) = %v; want a refusal %q / %q", tt.line, err, tt.en, tt.ko)
		}
	}
}

func TestParseStatusPeriods(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line     string
		from, to time.Time
		through  bool
	}{
		{"status 4월말", dates.On(2026, 1, 1), dates.On(2026, 4, 30), true},
		{"status 2026-04-30", dates.On(2026, 1, 1), dates.On(2026, 4, 30), true},
		{"status 4월말 현재", dates.On(2026, 1, 1), dates.On(2026, 4, 30), true},
		{"status 1~4월", dates.On(2026, 1, 1), dates.On(2026, 4, 30), false},
		{"status 1월-4월 youth", dates.On(2026, 1, 1), dates.On(2026, 4, 30), false},
		{"status 이번주", dates.On(2026, 11, 23), dates.On(2026, 11, 29), false},
		{"status 지난주", dates.On(2026, 11, 16), dates.On(2026, 11, 22), false},
		{"status 작년 4분기", dates.On(2025, 10, 1), dates.On(2025, 12, 31), false},
		{"status 올해 전년 동기", dates.On(2026, 1, 1), dates.On(2026, 12, 31), false},
		{"status 지난달 전년동기", dates.On(2026, 10, 1), dates.On(2026, 10, 31), false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			cmd, err := Parse(tt.line, parseToday)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.line, err)
			}
			if cmd.Period == nil || !cmd.Period.From.Equal(tt.from) || !cmd.Period.To.Equal(tt.to) || cmd.Period.Through != tt.through {
				t.Fatalf("Parse(%q).Period = %+v; want %v..%v through %v", tt.line, cmd.Period, tt.from, tt.to, tt.through)
			}
			for _, w := range cmd.Words {
				if w != "youth" {
					t.Errorf("Parse(%q) left %q as a program word", tt.line, w)
				}
			}
		})
	}
}

// Money or sessions are named as such even when the figure is also too large
// for one entry: 500만원 is not "5,000,000 jobs, too many".
func TestParseNamesMoneyBeforeSize(t *testing.T) {
	t.Parallel()
	for line, want := range map[string]string{"add 500만원 invest": "원(금액)은 일자리 수가 아닙니다", "add 2백만회 youth": "횟수(회)는 일자리가 아닙니다"} {
		_, err := Parse(line, parseToday)
		var ue *UsageError
		if !errors.As(err, &ue) {
			t.Fatalf("Parse(%q) error = %v; want a refusal", line, err)
		}
		if got := ue.Reason(i18n.Default().Printer(i18n.Korean)); !strings.Contains(got, want) {
			t.Errorf("Parse(%q) refusal %q; want %q", line, got, want)
		}
	}
}
