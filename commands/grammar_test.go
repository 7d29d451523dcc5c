package commands

import (
	"strings"
	"testing"

	"jobsbot/commands/i18n"
)

// The grammar tests walk groupTable and commandTable: the parser has no
// command words of its own, so every way of naming a command is a row here,
// and every row must select what it says.

// selects is the command a line's first words select, or the refusal's ID.
func selects(t *testing.T, line string) (string, []token, string) {
	t.Helper()
	name, rest, err := selectCommand(tokenize(line))
	if err != nil {
		ue, ok := err.(*UsageError)
		if !ok {
			t.Fatalf("selectCommand(%q) returned %v; want a *UsageError", line, err)
		}
		return "", nil, ue.ID
	}
	return name, rest, ""
}

func catalogued(id string) bool {
	return i18n.Default().Source(id, i18n.English) != "" && i18n.Default().Source(id, i18n.Korean) != ""
}

// TestEveryGroupHasADefaultAndSubcommands checks each group row: its default
// is a command, it has subcommands, its refusal is in the catalogue, and its
// words alone select the default.
func TestEveryGroupHasADefaultAndSubcommands(t *testing.T) {
	t.Parallel()
	if len(groupTable) == 0 {
		t.Fatal("no command groups")
	}
	for _, g := range groupTable {
		if _, ok := specNamed(g.Default); !ok {
			t.Errorf("group %q: default %q is not a command", g.Name, g.Default)
		}
		if len(g.Words) == 0 {
			t.Errorf("group %q has no words", g.Name)
		}
		if g.Unknown != "" && !catalogued(g.Unknown) {
			t.Errorf("group %q: refusal %q is not in the catalogue in both languages", g.Name, g.Unknown)
		}
		subs := 0
		for _, s := range commandTable {
			if strings.HasPrefix(s.Name, g.Name+" ") {
				subs++
			}
		}
		if subs == 0 {
			t.Errorf("group %q has no subcommands", g.Name)
		}
		for _, w := range g.Words {
			if name, rest, id := selects(t, w); name != g.Default || len(rest) != 0 {
				t.Errorf("%q selects %q (rest %v, refusal %q); want the default %q", w, name, rest, id, g.Default)
			}
			line := w + " zzqx"
			name, rest, id := selects(t, line)
			switch {
			case g.Unknown != "" && id != g.Unknown:
				t.Errorf("%q: got %q, refusal %q; want the refusal %q", line, name, id, g.Unknown)
			case g.Unknown == "" && (name != g.Default || rawJoin(rest) != "zzqx"):
				t.Errorf("%q selects %q with %v; want %q reading zzqx", line, name, rest, g.Default)
			}
		}
	}
}

// TestEverySubcommandIsSelectedByItsParentsWords checks that every command
// named "<parent> <sub>" has a parent (a group, or a command of one word)
// and that each of the parent's words followed by each of its own words
// selects it, and nothing else.
func TestEverySubcommandIsSelectedByItsParentsWords(t *testing.T) {
	t.Parallel()
	for _, s := range commandTable {
		parent, _, isSub := strings.Cut(s.Name, " ")
		if !isSub {
			continue
		}
		var parentWords []string
		if g, ok := groupNamed(parent); ok {
			parentWords = g.Words
		} else if p, ok := specNamed(parent); ok {
			parentWords = p.Words
		} else {
			t.Errorf("%q: %q is neither a group nor a command", s.Name, parent)
			continue
		}
		for _, pw := range parentWords {
			for _, w := range s.Words {
				line := pw + " " + w
				if name, rest, id := selects(t, line); name != s.Name || len(rest) != 0 {
					t.Errorf("%q selects %q (rest %v, refusal %q); want %q", line, name, rest, id, s.Name)
				}
				name, rest, _ := selects(t, line+" 12")
				switch {
				case s.Alone && name == s.Name:
					t.Errorf("%q selects %q, which stands alone", line+" 12", name)
				case !s.Alone && (name != s.Name || rawJoin(rest) != "12"):
					t.Errorf("%q selects %q with %v; want %q reading 12", line+" 12", name, rest, s.Name)
				}
			}
		}
	}
}

func groupNamed(name string) (commandGroup, bool) {
	for _, g := range groupTable {
		if g.Name == name {
			return g, true
		}
	}
	return commandGroup{}, false
}

// TestEveryAliasSelectsItsCommand checks that each alias phrase selects its
// command and leaves the words after it.
func TestEveryAliasSelectsItsCommand(t *testing.T) {
	t.Parallel()
	aliases := 0
	for _, s := range commandTable {
		for _, a := range s.Aliases {
			aliases++
			if len(strings.Fields(a)) < 2 {
				t.Errorf("%q: alias %q is one word; put it in Words", s.Name, a)
			}
			if _, ok := groupOf(fold(strings.Fields(a)[0])); ok {
				t.Errorf("%q: alias %q starts with a group word and would never be read", s.Name, a)
			}
			line := a + " 끝"
			if name, rest, id := selects(t, line); name != s.Name || rawJoin(rest) != "끝" {
				t.Errorf("%q selects %q with %v (refusal %q); want %q reading 끝", line, name, rest, id, s.Name)
			}
		}
	}
	if aliases == 0 {
		t.Error("no aliases: add candidate and 실적 없음 are table rows")
	}
}

// TestCommandWordsSelectOneCommand checks that no first word is claimed
// twice (by two commands, two groups, or a group and a command) and no
// second word twice under one parent: the table's order must never decide.
func TestCommandWordsSelectOneCommand(t *testing.T) {
	t.Parallel()
	first := map[string]string{}
	claim := func(word, by string) {
		f := fold(word)
		if other, ok := first[f]; ok && other != by {
			t.Errorf("first word %q selects both %q and %q", word, other, by)
		}
		first[f] = by
	}
	for _, g := range groupTable {
		for _, w := range g.Words {
			claim(w, "group "+g.Name)
		}
	}
	second := map[string]string{}
	for _, s := range commandTable {
		parent, _, isSub := strings.Cut(s.Name, " ")
		for _, w := range s.Words {
			if !isSub {
				claim(w, s.Name)
				continue
			}
			k := parent + "|" + fold(w)
			if other, ok := second[k]; ok {
				t.Errorf("%q after %q selects both %q and %q", w, parent, other, s.Name)
			}
			second[k] = s.Name
		}
	}
	for _, s := range commandTable {
		if s.BelowOne != "" && !catalogued(s.BelowOne) {
			t.Errorf("%q: BelowOne %q is not in the catalogue in both languages", s.Name, s.BelowOne)
		}
	}
}

// TestHelpListsEveryCommandOfTheTable checks that help lists each command of
// the table once, in the table's order, and that help on its name explains it.
func TestHelpListsEveryCommandOfTheTable(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{English, Korean} {
		s := New(Config{Language: lang})
		r := s.help(nil)
		if len(r.Sections) == 0 || len(r.Sections[0].Lines) != len(commandTable) {
			t.Fatalf("%s help lists %d commands; the table has %d", lang, len(r.Sections[0].Lines), len(commandTable))
		}
		for i, spec := range commandTable {
			if want := "`/jobs " + s.usage(spec) + "`"; !strings.HasPrefix(r.Sections[0].Lines[i], want) {
				t.Errorf("%s help line %d = %q; want %s first", lang, i, r.Sections[0].Lines[i], want)
			}
			if got := s.help(strings.Fields(spec.Name)); got.Title != "`/jobs "+s.usage(spec)+"`" {
				t.Errorf("%s help %s = %q; want its usage", lang, spec.Name, got.Title)
			}
		}
	}
}

// TestFormerSpecialCasesReadAsBefore pins what the parser's hard-coded cases
// did, now that they are rows: groups and their defaults, the two-word
// commands, the aliases, Alone, and the count flags.
func TestFormerSpecialCasesReadAsBefore(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		line, name, refusal string
	}{
		{"program", cmdPrograms, ""},
		{"사업 추가 en:x", cmdProgramAdd, ""},
		{"program frobnicate", "", "parse.unknown_program_command"},
		{"후보", cmdCandidateList, ""},
		{"candidate frobnicate", "", "parse.unknown_candidate_command"},
		{"부서", cmdDeptShow, ""},
		{"dept frobnicate", "", "parse.i_don_know_dept"},
		{"알림", cmdRemindPreview, ""},
		{"remind frobnicate", "", "parse.i_don_know_remind"},
		{"공휴일", cmdHolidayList, ""},
		{"holidays 2027", cmdHolidayList, ""},
		{"add candidate 가나다협동조합", cmdCandidateAdd, ""},
		{"등록 후보 가나다협동조합", cmdCandidateAdd, ""},
		{"추가 후보기업 가나다협동조합", "", "parse.no_count"}, // no alias: add, with no count
		{"실적 없음", cmdNone, ""},
		{"실적 없습니다 10월", cmdNone, ""},
		{"실적 2026", cmdStatus, ""},
		{"목표 이력", cmdTargetHistory, ""},
		{"target 300", cmdTarget, ""},
		{"마감 해제 2026-10 부서 보고 정정", cmdCloseReopen, ""},
		{"마감 2026-10", cmdClose, ""},
		{"import apply", "", "import.apply_takes_file_and_hash"},
		{"import", cmdImport, ""},
		{"digest post", cmdDigestPost, ""},
		{"다이제스트 게시", cmdDigestPost, ""},
		{"digest post 2026-W17", "", "digest.is_not_week_write"},
		{"digest 2026-W17", cmdDigest, ""},
		{"target 0", "", "parse.target_below_one"},
		{"부서 목표 도시재생과 0", "", "parse.target_below_one"},
		{"add 0 youth", "", "parse.count_below_one"},
	} {
		cmd, err := Parse(tt.line, parseToday)
		var got string
		if ue, ok := err.(*UsageError); ok {
			got = ue.ID
		} else if err != nil {
			t.Fatalf("Parse(%q): %v", tt.line, err)
		}
		if tt.refusal != "" {
			if got != tt.refusal {
				t.Errorf("Parse(%q) = %q, refusal %q; want the refusal %q", tt.line, cmd.Name, got, tt.refusal)
			}
			continue
		}
		if err != nil || cmd.Name != tt.name {
			t.Errorf("Parse(%q) = %q, refusal %q; want %q", tt.line, cmd.Name, got, tt.name)
		}
	}

	add, err := Parse("add 1200 youth 누계", parseToday)
	if err != nil || !add.Cumulative || add.Count.Value != 1200 {
		t.Errorf("add … 누계 = %+v, %v; want a cumulative 1200", add, err)
	}
	target, err := Parse("target 1200 youth 누계", parseToday)
	if err != nil || target.Cumulative || !strings.Contains(strings.Join(target.After, " "), "누계") {
		t.Errorf("target … 누계 = %+v, %v; want 누계 left among its words", target, err)
	}
	if _, err := Parse("target +5 youth", parseToday); err == nil {
		t.Error("target +5 was read; only add takes a signed change")
	}
	if h, err := Parse("add +5 youth", parseToday); err != nil || h.Count.Value != 5 {
		t.Errorf("add +5 = %+v, %v; want 5", h, err)
	}
}
