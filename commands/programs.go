package commands

import (
	"context"
	"errors"
	"hash/maphash"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sync/singleflight"

	"jobsbot/commands/i18n"
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
// its Korean or English name, ignoring case and spaces. For a list the store
// handed out, Service.lookupProgram answers from a cached index.
func findProgram(programs []Program, typed string) (Program, bool) {
	return newProgramIndex(programs).find(programs, typed)
}

// programIndex maps each folded name to the position, in the programs list
// it was built from, of the first program that answers to it.
type programIndex map[string]int

func newProgramIndex(programs []Program) programIndex {
	index := make(programIndex, 4*len(programs))
	for i, p := range programs {
		for _, n := range programNames(p) {
			if _, taken := index[n]; !taken {
				index[n] = i
			}
		}
	}
	return index
}

// find is findProgram on the list the index was built from.
func (index programIndex) find(programs []Program, typed string) (Program, bool) {
	f := fold(typed)
	if f == "" {
		return Program{}, false
	}
	i, ok := index[f]
	if !ok {
		// 공문 write a program with 사업 after its name (청년일자리사업):
		// read as the program the name without it names. Names are unique,
		// so that is exactly one program, and a name that itself ends in
		// 사업 (지역공동체사업) matched above (review r5 A14).
		if stem, cut := strings.CutSuffix(f, "사업"); cut && stem != "" {
			i, ok = index[stem]
		}
		if !ok {
			return Program{}, false
		}
	}
	return programs[i], true
}

// longestPrefix finds the program named by the most leading words ("youth
// jobs great month" → Youth jobs) and returns how many words it took.
func (index programIndex) longestPrefix(programs []Program, words []string) (Program, int, bool) {
	for n := len(words); n >= 1; n-- {
		if p, ok := index.find(programs, strings.Join(words[:n], " ")); ok {
			return p, n, true
		}
	}
	return Program{}, 0, false
}

// programIndexCache keeps the index of the last programs list seen, under a
// hash of every program's ID and names in list order: the store hands out
// the same list until a program changes, and folding every name of every
// program for every add was a tenth of the bot's CPU under load. A list
// with the same IDs and names in the same order has the same positions, so
// the index serves it even where other fields (active, unit) changed.
type programIndexCache struct {
	seed  maphash.Seed
	mu    sync.Mutex
	sum   uint64
	index programIndex
	// builds collapses the rebuilds of callers who see the same new list
	// together into one: a program change must not make every add fold
	// every name at once.
	builds singleflight.Group
}

func newProgramIndexCache() *programIndexCache {
	return &programIndexCache{seed: maphash.MakeSeed()}
}

// get returns the index of programs, building it only when the names changed.
func (c *programIndexCache) get(programs []Program) programIndex {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, p := range programs {
		maphash.WriteComparable(&h, p.ID)
		for _, n := range append([]string{p.Code, p.NameEn, p.NameKo}, p.Aliases...) {
			h.WriteString(n)
			h.WriteByte(0)
		}
		h.WriteByte(1)
	}
	sum := h.Sum64()
	c.mu.Lock()
	if c.index != nil && c.sum == sum {
		index := c.index
		c.mu.Unlock()
		return index
	}
	c.mu.Unlock()
	v, _, _ := c.builds.Do(strconv.FormatUint(sum, 16), func() (any, error) {
		index := newProgramIndex(programs)
		c.mu.Lock()
		c.sum, c.index = sum, index
		c.mu.Unlock()
		return index, nil
	})
	return v.(programIndex)
}

// lookupProgram is findProgram for a list the store handed out, through the
// Service's cached index.
func (s *Service) lookupProgram(programs []Program, typed string) (Program, bool) {
	return s.programIndex(programs).find(programs, typed)
}

// programIndex is the index of programs, from the Service's cache.
func (s *Service) programIndex(programs []Program) programIndex {
	if s.programIndexes == nil {
		return newProgramIndex(programs)
	}
	return s.programIndexes.get(programs)
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
		// Never as far as the word is long: 투자 is not 철도 (two edits).
		if best <= max(2, utf8.RuneCountInString(f)/3) && best < utf8.RuneCountInString(f) {
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

// programLabel names a program in the reply language: in English with its
// code, which English replies use for typing; in Korean by its Korean name,
// which (with its aliases) is what Korean users type.
func (s *Service) programLabel(p Program) string {
	if s.lang == Korean && p.NameKo != "" {
		return p.NameKo
	}
	name := p.NameEn
	if name == "" {
		name = p.NameKo
	}
	return name + " (" + p.Code + ")"
}

// ProgramLabel names a program as replies in lang do, for the transports'
// own lists (the Slack form).
func (s *Service) ProgramLabel(p Program, lang Lang) string {
	return s.WithLanguage(lang).programLabel(p)
}

// programShort is the short name of a program in lists: its code in
// English, its Korean name in Korean.
func (s *Service) programShort(p Program) string {
	if s.lang == Korean && p.NameKo != "" {
		return p.NameKo
	}
	return p.Code
}

// colonlessKeys are the option keys that, typed without their colon
// (`사유 추경`), ran into the program name (review r22 F33).
var colonlessKeys = []string{"reason", "note", "dept", "date", "status", "type", "year", "within"}

// programWordsHint answers an unknown program name whose words say what
// was meant: an option key without its colon (`목표 23,000 사유 추경`, the
// line to type has `사유:추경`), or 현재 (`청년 현재 183명`: a figure "as
// of now" is a 누계, which the line must say). ok is false otherwise.
func (s *Service) programWordsHint(command, typed string) (Reply, bool) {
	words := strings.Fields(typed)
	for i, w := range words {
		if i > 0 && (fold(w) == "현재" || fold(w) == "현재까지") {
			return s.refuse(command, s.msg("lead.program_now_word", "Typed", typed, "Word", w)), true
		}
		if key := optionKeys[fold(w)]; slices.Contains(colonlessKeys, key) && i+1 < len(words) {
			return s.refuse(command, s.msg("lead.option_without_colon", "Typed", typed, "Key", w,
				"Option", w+":"+strings.Join(words[i+1:], " "))), true
		}
	}
	return Reply{}, false
}

// departmentAsProgram answers a department's name typed where a program
// goes (`추가 10 일자리정책과`): it names the department's programs to type
// instead of "no such program, see 사업목록" (review r22 F7). ok is false
// when typed names no department of an active program.
func (s *Service) departmentAsProgram(command, typed string, programs []Program) (Reply, bool) {
	var labels []string
	for _, p := range programs {
		if p.Active && p.Department != "" && fold(p.Department) == fold(typed) {
			labels = append(labels, s.programLabel(p))
		}
	}
	if len(labels) == 0 {
		return Reply{}, false
	}
	return s.refuse(command, s.msg("lead.department_as_program", "Typed", typed, "Join", strings.Join(labels, ", "),
		i18n.PluralCount, len(labels))), true
}

// unknownProgram is the reply to a program name that matched nothing.
func (s *Service) unknownProgram(command, typed string, programs []Program) Reply {
	if words := strings.Fields(typed); len(words) > 1 && !slices.ContainsFunc(words, func(w string) bool { return fold(w) != fold(words[0]) }) {
		// 추가 노인 노인 5: one program typed twice, not an unknown name (k44 F14)
		if p, ok := s.programIndex(programs).find(programs, words[0]); ok {
			return s.refuse(command, s.msg("k44.program_twice", "Word", words[0], "Program", s.programLabel(p)))
		}
	}
	if r, ok := s.programWordsHint(command, typed); ok {
		return r
	}
	if r, ok := s.departmentAsProgram(command, typed, programs); ok {
		return r
	}
	suggestions := closestPrograms(programs, typed)
	if len(suggestions) == 0 {
		return s.refuse(command, s.msg("programs.unknown", "Typed", typed))
	}
	labels := make([]string, len(suggestions))
	for i, p := range suggestions {
		labels[i] = s.programLabel(p)
	}
	return s.refuse(command, s.msg("programs.unknown_did_you_mean", "Typed", typed, "Join", strings.Join(labels, ", ")))
}

// Programs lists the programs, for forms that offer a choice.
func (s *Service) Programs(ctx context.Context) ([]Program, error) {
	return s.store.Programs(ctx)
}

// programs answers `programs`.
func (s *Service) programs(ctx context.Context) Reply {
	list, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmdPrograms, err)
	}
	if s.lang == Korean {
		// In Korean, programs go by their Korean names in 가나다 order
		// (Hangul code points are in dictionary order).
		list = slices.Clone(list)
		slices.SortStableFunc(list, func(a, b Program) int { return strings.Compare(s.programShort(a), s.programShort(b)) })
	}
	var sections []Section
	for _, sector := range []Sector{SectorPublic, SectorPrivate} {
		sec := Section{Heading: label(sectorWords, sector, s.lang)}
		for _, p := range list {
			if p.Sector == sector {
				sec.Lines = append(sec.Lines, s.programLine(p))
			}
		}
		if len(sec.Lines) > 0 {
			sections = append(sections, sec)
		}
	}
	return Reply{Title: s.msg("programs.programs"), Sections: sections}
}

// programLine is one program in the list: in English its code and both
// names; in Korean its Korean name and the Korean aliases that can be typed.
func (s *Service) programLine(p Program) string {
	line := "`" + p.Code + "` " + p.NameKo + " / " + p.NameEn + " · " + p.Department
	aliases := p.Aliases
	if s.lang == Korean {
		line = s.programShort(p) + " · " + p.Department
		aliases = slices.DeleteFunc(slices.Clone(aliases), func(a string) bool {
			return strings.IndexFunc(a, func(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }) >= 0
		})
	}
	if len(aliases) > 0 {
		line += " · " + s.msg("programs.also") + strings.Join(aliases, ", ")
	}
	if !p.Active {
		line += s.msg("programs.inactive")
	}
	return line
}

// programInput is what program add and rename start from: the program list
// and the options cleaned, with --dept mapped to its managed name. When ok is
// false, r is the reply (the list cannot be read, or the department is not
// on the managed list).
func (s *Service) programInput(ctx context.Context, cmd Command) (list []Program, o Options, r Reply, ok bool) {
	list, err := s.store.Programs(ctx)
	if err != nil {
		return nil, o, s.storageFailure(ctx, cmd.Name, err), false
	}
	o = cmd.Opts
	o.En, o.Ko, o.Aliases = CleanName(o.En), CleanName(o.Ko), cleanNames(o.Aliases)
	if o.Department, r, ok = s.managedDepartment(ctx, cmd.Name, o.Department); !ok {
		return nil, o, r, false
	}
	return list, o, Reply{}, true
}

// programAdd answers `program add <code> …`.
func (s *Service) programAdd(ctx context.Context, _ Caller, cmd Command) Reply {
	list, o, r, ok := s.programInput(ctx, cmd)
	if !ok {
		return r
	}
	if len(cmd.Words) != 1 {
		return s.refuse(cmd.Name, s.msg("programs.give_one_short_code"))
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
		return s.refuse(cmd.Name, s.msg("programs.program_needs_name_en"))
	}
	if r, bad := s.checkProgram(cmd.Name, p, list); bad {
		return r
	}
	saved, err := s.store.AddProgram(ctx, p)
	if errors.Is(err, ErrConflict) {
		return s.refuse(cmd.Name, s.msg("programs.code_or_alias_of", "Code", p.Code))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: s.msg("programs.added_program", "Saved", s.programLabel(saved))}
}

// programRename answers `program rename <program> …`: it changes the names,
// code, department, unit, sector, disclosure type or aliases given.
func (s *Service) programRename(ctx context.Context, _ Caller, cmd Command) Reply {
	list, o, r, ok := s.programInput(ctx, cmd)
	if !ok {
		return r
	}
	p, r, ok := s.typedProgram(cmd, list)
	if !ok {
		return r
	}
	from := p.Sector
	if !applyProgramOptions(&p, o) {
		return s.refuse(cmd.Name, s.msg("programs.nothing_to_change_give"))
	}
	others := slices.DeleteFunc(slices.Clone(list), func(q Program) bool { return q.ID == p.ID })
	if r, bad := s.checkProgram(cmd.Name, p, others); bad {
		return r
	}
	var moved string
	if p.Sector != from {
		r, held, line, err := s.sectorChangeInClosedMonths(ctx, cmd, p, from)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		if held {
			return r
		}
		moved = line
	}
	r = s.updateProgram(ctx, cmd.Name, p, s.msg("programs.updated", "Program", s.programLabel(p)))
	if moved != "" && r.Outcome == "" {
		r.Sections = append(r.Sections, Section{Lines: []string{moved}})
	}
	return r
}

// sectorChangeInClosedMonths holds a change of p's sector (from) that
// re-sorts the 공공/민간 split of closed months (review r25 F16: it did so
// without a word): it names the months and the jobs that move, and is made
// only with 확인:예, or a new program of the other sector keeps the closed
// months as filed. Confirmed, line is what the reply says moved; "" when no
// closed month has the program's jobs.
func (s *Service) sectorChangeInClosedMonths(ctx context.Context, cmd Command, p Program, from Sector) (r Reply, held bool, line string, err error) {
	months, err := s.store.ClosedMonthJobsOfProgram(ctx, p.ID)
	if err != nil || len(months) == 0 {
		return Reply{}, false, "", err
	}
	parts := make([]string, len(months))
	for i, m := range months {
		parts[i] = s.msg("holds.month_jobs", "Month", s.period(monthPeriod(m.Month)), "Count", s.unitCount(m.Jobs, false, p.Unit))
	}
	args := []any{"Program", s.programLabel(p), "From", label(sectorWords, from, s.lang), "To", label(sectorWords, p.Sector, s.lang),
		"Months", strings.Join(parts, ", ")}
	if cmd.Confirmed {
		return Reply{}, false, s.msg("holds.sector_changed_closed", args...), nil
	}
	args = append(args, "Line", withConfirm(cmd.Line, s.msg("guards.confirm_word")+":"+s.msg("guards.confirm_yes")),
		"Add", commandName(cmdProgramAdd))
	return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("holds.sector_change_closed", args...)}, true, "", nil
}

// programDeactivate answers `program deactivate <program>`.
func (s *Service) programDeactivate(ctx context.Context, _ Caller, cmd Command) Reply {
	return s.setProgramActive(ctx, cmd, false, "programs.deactivated_no_new_entries")
}

// programActivate answers `program activate <program>`.
func (s *Service) programActivate(ctx context.Context, _ Caller, cmd Command) Reply {
	return s.setProgramActive(ctx, cmd, true, "programs.activated_again")
}

// setProgramActive is what deactivate and activate share: the typed program
// gets the flag and the reply titled by the message with ID titleID.
func (s *Service) setProgramActive(ctx context.Context, cmd Command, active bool, titleID string) Reply {
	list, err := s.store.Programs(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	p, r, ok := s.typedProgram(cmd, list)
	if !ok {
		return r
	}
	p.Active = active
	return s.updateProgram(ctx, cmd.Name, p, s.msg(titleID, "Program", s.programLabel(p)))
}

// typedProgram is the program the command's words name; when ok is false, r
// asks for one or says the name is unknown.
func (s *Service) typedProgram(cmd Command, list []Program) (p Program, r Reply, ok bool) {
	typed := strings.Join(cmd.Words, " ")
	if typed == "" {
		return Program{}, s.refuse(cmd.Name, s.msg("programs.which_program_give_its2")), false
	}
	p, ok = s.lookupProgram(list, typed)
	if !ok {
		return Program{}, s.unknownProgram(cmd.Name, typed, list), false
	}
	return p, Reply{}, true
}

// applyProgramOptions sets the fields the options give and reports whether
// any of them changed.
func applyProgramOptions(p *Program, o Options) (changed bool) {
	before := *p
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
	return !slices.Equal(before.Aliases, p.Aliases) || before.NameEn != p.NameEn || before.NameKo != p.NameKo ||
		before.Code != p.Code || before.Department != p.Department || before.Unit != p.Unit ||
		before.Sector != p.Sector || before.DisclosureType != p.DisclosureType
}

// updateProgram saves p and answers with title, or says why it could not.
func (s *Service) updateProgram(ctx context.Context, command string, p Program, title string) Reply {
	if _, err := s.store.UpdateProgram(ctx, p); err != nil {
		if errors.Is(err, ErrConflict) {
			return s.refuse(command, s.msg("programs.that_code_or_alias"))
		}
		return s.storageFailure(ctx, command, err)
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
		return s.refuse(command, s.msg("programs.program_code_is_one")), true
	}
	for _, n := range append([]string{p.NameEn, p.NameKo}, p.Aliases...) {
		if utf8.RuneCountInString(n) > MaxNameRunes {
			return s.refuse(command, s.msg("shared.name_too_long", "MaxNameRunes", MaxNameRunes)), true
		}
	}
	for _, name := range append([]string{p.Code, p.NameEn, p.NameKo}, p.Aliases...) {
		if name == "" {
			continue
		}
		if q, taken := findProgram(others, name); taken {
			return s.refuse(command, s.msg("programs.already_names_pick_another", "Name", name, "Other", s.programLabel(q))), true
		}
	}
	return Reply{}, false
}

// ProgramStore keeps the programs (사업): `program` and every command that
// names one reads them.
type ProgramStore interface {
	// Programs returns every program, inactive ones included, ordered by code.
	Programs(ctx context.Context) ([]Program, error)
	// AddProgram stores a new program; ErrConflict if its code or an alias is taken.
	AddProgram(ctx context.Context, p Program) (Program, error)
	// UpdateProgram saves names, aliases, sector, department, unit and the
	// active flag of an existing program; ErrConflict on a taken code or alias.
	UpdateProgram(ctx context.Context, p Program) (Program, error)
	// ClosedMonthJobsOfProgram returns the closed months in which the
	// program has live realised jobs, oldest first, with those jobs.
	ClosedMonthJobsOfProgram(ctx context.Context, programID int64) ([]MonthJobs, error)
}

// MonthJobs is a month (its first day) and a program's realised jobs in it.
type MonthJobs struct {
	Month time.Time
	Jobs  int64
}
