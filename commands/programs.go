package commands

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// programNames are the folded names a program answers to.
func programNames(p Program) []string {
	out := []string{fold(p.Code), fold(p.NameEn), fold(p.NameKo)}
	for _, a := range p.Aliases {
		out = append(out, fold(a))
	}
	return out
}

// findProgram returns the program a typed name means: its code, an alias, or
// its Korean or English name, ignoring case and spaces.
func findProgram(programs []Program, typed string) (Program, bool) {
	f := fold(typed)
	if f == "" {
		return Program{}, false
	}
	for _, p := range programs {
		if slices.Contains(programNames(p), f) {
			return p, true
		}
	}
	return Program{}, false
}

// longestProgramPrefix finds the program named by the most leading words
// ("youth jobs great month" → Youth jobs) and returns how many words it took.
func longestProgramPrefix(programs []Program, words []string) (Program, int, bool) {
	for n := len(words); n >= 1; n-- {
		if p, ok := findProgram(programs, strings.Join(words[:n], " ")); ok {
			return p, n, true
		}
	}
	return Program{}, 0, false
}

// closestPrograms suggests up to three active programs for a name that
// matched none.
func closestPrograms(programs []Program, typed string) []Program {
	active := slices.DeleteFunc(slices.Clone(programs), func(p Program) bool { return !p.Active })
	return closestNamed(active, programNames, typed)
}

// closestNamed suggests up to three items for a name that matched none:
// those with a name that contains it or is within a small edit distance,
// nearest first. names gives an item's folded names. Programs and
// departments share it so both suggest the same way.
func closestNamed[T any](items []T, names func(T) []string, typed string) []T {
	f := fold(typed)
	type scored struct {
		item  T
		score int
	}
	var found []scored
	for _, it := range items {
		best := 1 << 30
		for _, n := range names(it) {
			if n == "" {
				continue
			}
			d := editDistance(f, n)
			if strings.Contains(n, f) || strings.Contains(f, n) {
				d = min(d, 1)
			}
			best = min(best, d)
		}
		if best <= max(2, utf8.RuneCountInString(f)/3) {
			found = append(found, scored{it, best})
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].score < found[j].score })
	out := make([]T, 0, 3)
	for i := 0; i < len(found) && i < 3; i++ {
		out = append(out, found[i].item)
	}
	return out
}

// editDistance is the Levenshtein distance in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// programLabel names a program in the reply language, with its code.
func (s *Service) programLabel(p Program) string {
	name := p.NameEn
	if s.lang == Korean || name == "" {
		name = p.NameKo
	}
	return name + " (" + p.Code + ")"
}

// unknownProgram is the reply to a program name that matched nothing.
func (s *Service) unknownProgram(command, typed string, programs []Program) Reply {
	suggestions := closestPrograms(programs, typed)
	if len(suggestions) == 0 {
		return s.refuse(command, s.t("I don't know the program `%s`. Type `programs` to see the codes.",
			"`%s` 사업을 찾을 수 없습니다. `programs`로 사업 코드를 확인하세요.", typed))
	}
	labels := make([]string, len(suggestions))
	for i, p := range suggestions {
		labels[i] = s.programLabel(p)
	}
	return s.refuse(command, s.t("I don't know the program `%s`. Did you mean %s?",
		"`%s` 사업을 찾을 수 없습니다. 혹시 %s인가요?", typed, strings.Join(labels, ", ")))
}

// Programs lists the programs, for forms that offer a choice.
func (s *Service) Programs(ctx context.Context) ([]Program, error) {
	return s.store.Programs(ctx)
}

// programs answers `programs`.
func (s *Service) programs(ctx context.Context) Reply {
	list, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, "programs", err)
	}
	var sections []Section
	for _, sector := range []Sector{SectorPublic, SectorPrivate} {
		sec := Section{Heading: label(sectorWords, sector, s.lang)}
		for _, p := range list {
			if p.Sector != sector {
				continue
			}
			line := "`" + p.Code + "` " + p.NameKo + " / " + p.NameEn + " · " + p.Department
			if len(p.Aliases) > 0 {
				line += " · " + s.t("also: ", "별칭: ") + strings.Join(p.Aliases, ", ")
			}
			if !p.Active {
				line += s.t(" (inactive)", " (비활성)")
			}
			sec.Lines = append(sec.Lines, line)
		}
		if len(sec.Lines) > 0 {
			sections = append(sections, sec)
		}
	}
	return Reply{Title: s.t("Programs", "사업 목록"), Sections: sections}
}

// programCommand answers program add, rename, deactivate and activate.
func (s *Service) programCommand(ctx context.Context, cmd Command) Reply {
	list, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	o := cmd.Opts
	o.En, o.Ko, o.Aliases = CleanName(o.En), CleanName(o.Ko), cleanNames(o.Aliases)
	dept, refusal, err := s.managedDepartment(ctx, o.Department)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if refusal != "" {
		return s.refuse(cmd.Name, refusal)
	}
	o.Department = dept
	if cmd.Name == "program add" {
		if len(cmd.Words) != 1 {
			return s.refuse(cmd.Name, s.t("Give one short code for the new program, without spaces.", "새 사업의 짧은 코드를 공백 없이 하나 쓰세요."))
		}
		p := Program{Code: cmd.Words[0], NameEn: o.En, NameKo: o.Ko, Sector: o.Sector, Department: o.Department,
			Unit: o.Unit, Aliases: o.Aliases, DisclosureType: o.Disclosure, Active: true}
		if p.Unit == "" {
			p.Unit = "개"
		}
		if p.DisclosureType == "" {
			p.DisclosureType = "other"
		}
		if p.NameEn == "" && p.NameKo == "" || p.Sector == "" {
			return s.refuse(cmd.Name, s.t("A program needs a name (en:\"…\" or ko:\"…\") and a sector (sector:public or sector:private).",
				"사업에는 이름(en:\"…\" 또는 ko:\"…\")과 부문(sector:public 또는 sector:private)이 필요합니다."))
		}
		if r, bad := s.checkProgram(cmd.Name, p, list); bad {
			return r
		}
		saved, err := s.store.AddProgram(ctx, p)
		if errors.Is(err, ErrConflict) {
			return s.refuse(cmd.Name, s.t("The code or an alias of `%s` is already used by another program.", "`%s`의 코드나 별칭을 이미 다른 사업이 쓰고 있습니다.", p.Code))
		}
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		return Reply{Title: s.t("Added program %s.", "%s 사업을 추가했습니다.", s.programLabel(saved))}
	}
	typed := strings.Join(cmd.Words, " ")
	if typed == "" {
		return s.refuse(cmd.Name, s.t("Which program? Give its code or name.", "어느 사업인지 코드나 이름을 쓰세요."))
	}
	p, ok := findProgram(list, typed)
	if !ok {
		return s.unknownProgram(cmd.Name, typed, list)
	}
	var title string
	switch cmd.Name {
	case "program deactivate":
		p.Active = false
		title = s.t("Deactivated %s: no new entries; its history stays.", "%s 사업을 비활성화했습니다. 새 실적은 받지 않고 기록은 남습니다.", s.programLabel(p))
	case "program activate":
		p.Active = true
		title = s.t("Activated %s again.", "%s 사업을 다시 활성화했습니다.", s.programLabel(p))
	default: // rename
		before := p
		setIf(&p.NameEn, o.En)
		setIf(&p.NameKo, o.Ko)
		setIf(&p.Code, o.Code)
		setIf(&p.Department, o.Department)
		setIf(&p.Unit, o.Unit)
		setIf(&p.DisclosureType, o.Disclosure)
		if o.Sector != "" {
			p.Sector = o.Sector
		}
		if o.Aliases != nil {
			p.Aliases = o.Aliases
		}
		if slices.Equal(before.Aliases, p.Aliases) && before.NameEn == p.NameEn && before.NameKo == p.NameKo &&
			before.Code == p.Code && before.Department == p.Department && before.Unit == p.Unit &&
			before.Sector == p.Sector && before.DisclosureType == p.DisclosureType {
			return s.refuse(cmd.Name, s.t("Nothing to change: give en:\"…\", ko:\"…\", code:, aliases:, sector:, dept: or unit:.",
				"바꿀 내용이 없습니다. en:\"…\", ko:\"…\", code:, aliases:, sector:, dept:, unit: 중 하나를 쓰세요."))
		}
		others := slices.DeleteFunc(slices.Clone(list), func(q Program) bool { return q.ID == p.ID })
		if r, bad := s.checkProgram(cmd.Name, p, others); bad {
			return r
		}
		title = s.t("Updated %s.", "%s 사업을 수정했습니다.", s.programLabel(p))
	}
	if _, err := s.store.UpdateProgram(ctx, p); err != nil {
		if errors.Is(err, ErrConflict) {
			return s.refuse(cmd.Name, s.t("That code or alias is already used by another program.", "그 코드나 별칭은 이미 다른 사업이 쓰고 있습니다."))
		}
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: title}
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// checkProgram refuses names too long, codes with spaces, and names that
// another program already answers to (which would make entries ambiguous).
func (s *Service) checkProgram(command string, p Program, others []Program) (Reply, bool) {
	if strings.ContainsAny(p.Code, " \t") || p.Code == "" || utf8.RuneCountInString(p.Code) > 40 {
		return s.refuse(command, s.t("A program code is one word of at most 40 characters.", "사업 코드는 40자 이내의 한 단어입니다.")), true
	}
	for _, n := range append([]string{p.NameEn, p.NameKo}, p.Aliases...) {
		if utf8.RuneCountInString(n) > MaxNameRunes {
			return s.refuse(command, s.t("Names are at most %d characters.", "이름은 %d자 이내입니다.", MaxNameRunes)), true
		}
	}
	for _, name := range append([]string{p.Code, p.NameEn, p.NameKo}, p.Aliases...) {
		if name == "" {
			continue
		}
		if q, taken := findProgram(others, name); taken {
			return s.refuse(command, s.t("`%s` already names %s; pick another.", "`%s`은(는) 이미 %s 사업의 이름입니다. 다른 이름을 쓰세요.", name, s.programLabel(q))), true
		}
	}
	return Reply{}, false
}
