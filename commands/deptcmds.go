package commands

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// deptShow answers `dept show [name]`.
func (s *Service) deptShow(ctx context.Context, cmd Command) Reply {
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	targets, err := s.store.DepartmentTargets(ctx, s.today().Year())
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if typed := strings.Join(cmd.Words, " "); typed != "" {
		d, ok := findDepartment(depts, typed)
		if !ok {
			return s.refuse(cmd.Name, s.unknownDepartment(typed, depts))
		}
		depts = []Department{d}
	}
	sec := Section{}
	for _, d := range depts {
		line := d.Name
		if len(d.Aliases) > 0 {
			line += " · " + s.msg("programs.also") + strings.Join(d.Aliases, ", ")
		}
		if len(d.Reporters) > 0 {
			line += " · " + s.msg("deptcmds.reporters") + mentions(d.Reporters)
		}
		if d.Channel != "" {
			line += " · " + s.msg("deptcmds.channel") + MentionChannel(d.Channel)
		}
		if t := targets[d.Name]; t > 0 {
			line += " · " + s.msg("deptcmds.d_target", "Year", s.today().Year(), "Target", s.jobs(t))
		}
		sec.Lines = append(sec.Lines, line)
	}
	return Reply{Title: s.msg("deptcmds.departments_d", "Depts", len(depts)), Sections: []Section{sec}}
}

// mentions writes Slack user IDs as mentions.
func mentions(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = MentionUser(id)
	}
	return strings.Join(out, " ")
}

// deptAdd answers `dept add`: a new department, or more reporters, a channel
// or aliases for one on the list.
func (s *Service) deptAdd(ctx context.Context, cmd Command) Reply {
	name := CleanName(strings.Join(cmd.Words, " "))
	aliases := cleanNames(cmd.Opts.Aliases)
	if r, bad := s.badDepartmentName(cmd.Name, append([]string{name}, aliases...)...); bad {
		return r
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	d, exists := findDepartment(depts, name)
	others := slices.DeleteFunc(slices.Clone(depts), func(o Department) bool { return o.Name == d.Name })
	for _, n := range append([]string{name}, aliases...) {
		if o, taken := findDepartment(others, n); taken {
			return s.refuse(cmd.Name, s.msg("deptcmds.already_names_department_use", "Typed", n, "Name", o.Name))
		}
	}
	if !exists {
		d = Department{Name: name, Active: true}
	}
	d.Aliases = appendNew(d.Aliases, aliases...)
	d.Reporters = appendNew(d.Reporters, cmd.Users...)
	if cmd.Opts.Channel != "" {
		d.Channel = cmd.Opts.Channel
	}
	if exists {
		_, err = s.store.UpdateDepartment(ctx, d)
	} else {
		_, err = s.store.AddDepartment(ctx, d)
	}
	if errors.Is(err, ErrConflict) {
		return s.refuse(cmd.Name, s.msg("deptcmds.someone_added_at_same", "Name", name))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	title := s.msg("deptcmds.added_department", "Name", d.Name)
	if exists {
		title = s.msg("deptcmds.updated_department", "Name", d.Name)
	}
	return Reply{Title: title, Sections: s.deptShow(ctx, Command{Name: cmdDeptShow, Words: []string{d.Name}}).Sections}
}

// appendNew appends the values not already in list.
func appendNew(list []string, values ...string) []string {
	for _, v := range values {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// deptRemove answers `dept remove`: with people mentioned it takes them off
// the reporters; without, it retires the department.
func (s *Service) deptRemove(ctx context.Context, cmd Command) Reply {
	d, refusal, err := s.deptNamed(ctx, strings.Join(cmd.Words, " "))
	if err != nil || refusal != "" {
		return s.deptFailure(ctx, cmd.Name, refusal, err)
	}
	title := s.msg("deptcmds.retired_department_it_takes", "Name", d.Name)
	if len(cmd.Users) > 0 {
		d.Reporters = slices.DeleteFunc(d.Reporters, func(id string) bool { return slices.Contains(cmd.Users, id) })
		title = s.msg("deptcmds.updated_reporters_of", "Name", d.Name)
	} else {
		programs, err := s.store.Programs(ctx)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		for _, p := range programs {
			if p.Active && p.Department == d.Name {
				return s.refuse(cmd.Name, s.msg("deptcmds.still_runs_move_program", "Name", d.Name, "Program", s.programLabel(p), "Code", s.programShort(p)))
			}
		}
		d.Active = false
	}
	if _, err := s.store.UpdateDepartment(ctx, d); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: title}
}

// deptNamed finds the active department typed, or a refusal message.
func (s *Service) deptNamed(ctx context.Context, typed string) (Department, string, error) {
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return Department{}, "", err
	}
	d, ok := findDepartment(depts, typed)
	if !ok {
		return Department{}, s.unknownDepartment(typed, depts), nil
	}
	return d, "", nil
}

// deptFailure is the reply when deptNamed found no department or failed.
func (s *Service) deptFailure(ctx context.Context, command, refusal string, err error) Reply {
	if err != nil {
		return s.storageFailure(ctx, command, err)
	}
	return s.refuse(command, refusal)
}

// badDepartmentName refuses an empty or overlong department name, and one
// with Slack's link and mention syntax or quotes: a name is typed back into
// commands (the Report now button's dept:"…") and shown in files and posts.
func (s *Service) badDepartmentName(command string, names ...string) (Reply, bool) {
	for _, n := range names {
		if n == "" || utf8.RuneCountInString(n) > MaxNameRunes {
			return s.refuse(command, s.msg("deptcmds.department_name_is_1", "MaxNameRunes", MaxNameRunes)), true
		}
		if strings.ContainsAny(n, "<>|\"`“”") {
			return s.refuse(command, s.msg("deptcmds.department_name_chars", "Name", n)), true
		}
		if l := fieldLabelIn(n); l != "" {
			return s.refuse(command, s.msg("k36.department_name_has_label", "Name", n, "Label", l)), true
		}
	}
	return Reply{}, false
}

// fieldLabelIn is the longest field label with its colon (메모:, 부서:,
// note:) inside name, or "". Typed back after 부서: (a question's line, the
// Report now button's dept:"…"), such a name started another field: the
// line offered to confirm put 확인:예 inside `부서:"노인 메모:과"` (k36).
func fieldLabelIn(name string) string {
	f := strings.ReplaceAll(fold(name), "：", ":")
	found := ""
	for key := range optionKeys {
		if l := fold(key) + ":"; strings.Contains(f, l) && len(l) > len(found) {
			found = l
		}
	}
	return found
}

// deptRename answers `dept rename <department> <new name>`.
func (s *Service) deptRename(ctx context.Context, cmd Command) Reply {
	d, refusal, err := s.deptNamed(ctx, cmd.Words[0])
	if err != nil || refusal != "" {
		return s.deptFailure(ctx, cmd.Name, refusal, err)
	}
	to := CleanName(cmd.Words[1])
	if r, bad := s.badDepartmentName(cmd.Name, to); bad {
		return r
	}
	if to == d.Name {
		return Reply{Command: cmd.Name, Outcome: OutcomeRefused, Title: s.msg("deptcmds.already_named", "Name", d.Name)}
	}
	if other, _, _ := s.deptNamed(ctx, to); other.Name != "" && other.Name != d.Name {
		return s.refuse(cmd.Name, s.msg("deptcmds.already_names_department_use2", "To", to, "Name", other.Name))
	}
	// The closed months whose filed figures carry the old name: read
	// before the rename, which moves them, and named in the reply, since
	// those months' 부서별 rows now show the new name (review r22 F34).
	closed, err := s.store.ClosedMonthsOfDepartment(ctx, d.Name)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if _, err := s.store.RenameDepartment(ctx, d.Name, to); err != nil {
		if errors.Is(err, ErrConflict) {
			return s.refuse(cmd.Name, s.msg("deptcmds.is_name_of_retired", "To", to))
		}
		return s.storageFailure(ctx, cmd.Name, err)
	}
	r := Reply{Title: s.msg("deptcmds.renamed_to_its_entries", "Name", d.Name, "To", to)}
	if len(closed) > 0 {
		months := make([]string, len(closed))
		for i, m := range closed {
			months[i] = s.period(monthPeriod(m))
		}
		r.Sections = []Section{{Lines: []string{s.msg("lead.renamed_closed_months", "Name", d.Name, "To", to,
			"Months", strings.Join(months, ", "))}}}
	}
	return r
}

// DepartmentMerge is a merge of From into Into as the command asks it: At
// (the service's clock), By (the manager) and the reasons, in the
// session's language, stamped on each 실적 없음 the merge voids —
// DuplicateReason where Into declared the same month, JobsReason where the
// merged department has realised jobs that month. Zero values leave the
// store's own (the database clock, "merge", English).
type DepartmentMerge struct {
	From, Into                  string
	At                          time.Time
	By                          string
	DuplicateReason, JobsReason string
}

// deptMerge answers `dept merge <from> <into>`.
func (s *Service) deptMerge(ctx context.Context, c Caller, cmd Command) Reply {
	from, refusal, err := s.deptNamed(ctx, cmd.Words[0])
	if err != nil || refusal != "" {
		return s.deptFailure(ctx, cmd.Name, refusal, err)
	}
	into, refusal, err := s.deptNamed(ctx, cmd.Words[1])
	if err != nil || refusal != "" {
		return s.deptFailure(ctx, cmd.Name, refusal, err)
	}
	if from.Name == into.Name {
		return s.refuse(cmd.Name, s.msg("deptcmds.both_names_mean_nothing", "Name", from.Name))
	}
	_, voided, err := s.store.MergeDepartmentsVoiding(ctx, DepartmentMerge{
		From: from.Name, Into: into.Name, At: s.now(), By: c.UserID,
		DuplicateReason: s.msg("deptcmds.merge_void_duplicate", "From", from.Name, "Into", into.Name),
		JobsReason:      s.msg("deptcmds.merge_void_jobs", "From", from.Name, "Into", into.Name),
	})
	if err != nil {
		if closed, ok := errors.AsType[*MergeClosedMonthsError](err); ok {
			return s.mergeClosedMonths(cmd.Name, into.Name, closed)
		}
		return s.storageFailure(ctx, cmd.Name, err)
	}
	r := Reply{Title: s.msg("deptcmds.merged_into_its_entries", "Name", from.Name, "Into", into.Name)}
	// Each 실적 없음 the merge voided is named: a department's declaration
	// must not vanish from its month without a word (review r13 W3).
	var lines []string
	for _, n := range voided {
		lines = append(lines, s.msg("deptcmds.merge_voided_nothing", "ID", n.ID, "Month", s.monthLabel(n.Month),
			"Department", n.Department, "Reason", n.VoidReason))
	}
	if len(lines) > 0 {
		r.Sections = append(r.Sections, Section{Lines: lines})
	}
	return r
}

// deptTarget answers `dept target <department> <count>` and
// `target <count> dept:<department>`.
func (s *Service) deptTarget(ctx context.Context, c Caller, cmd Command) Reply {
	typed := cmd.Opts.Department
	if typed == "" {
		typed = strings.Join(append(cmd.Before, cmd.After...), " ")
	}
	d, refusal, err := s.deptNamed(ctx, typed)
	if err != nil || refusal != "" {
		return s.deptFailure(ctx, cmd.Name, refusal, err)
	}
	year := s.today().Year()
	if cmd.Opts.Year != 0 {
		year = cmd.Opts.Year
	}
	current, err := s.store.DepartmentTargets(ctx, year)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	reason := CleanReason(cmd.Opts.Reason)
	if was := current[d.Name]; was != 0 && was != cmd.Count.Value && reason == "" { // 당초 → 변경 must say why
		return s.refuse(cmd.Name, s.msg("audit.target_needs_reason", "Old", s.jobs(was), "New", s.jobs(cmd.Count.Value)))
	}
	if r := s.reasonTooLong(cmd.Name, reason); r != nil {
		return *r
	}
	old, unchanged, err := s.store.SetDepartmentTarget(ctx, year, d.Name, cmd.Count.Value, c.UserID, reason, s.now())
	if need, ok := errors.AsType[*TargetReasonError](err); ok { // set by another manager meanwhile
		return s.refuse(cmd.Name, s.msg("audit.target_needs_reason", "Old", s.jobs(need.Old), "New", s.jobs(cmd.Count.Value)))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	var r Reply
	switch {
	case unchanged:
		r = Reply{Title: s.msg("deptcmds.target_unchanged", "Year", year, "Name", d.Name, "Target", s.jobs(old))}
	case old == 0:
		r = Reply{Title: s.msg("deptcmds.d_target_of_is", "Year", year, "Name", d.Name, "Target", s.jobs(cmd.Count.Value))}
	default:
		r = Reply{Title: s.msg("deptcmds.d_target_of_went", "Year", year, "Name", d.Name, "Old", s.jobs(old), "Target", s.jobs(cmd.Count.Value))}
	}
	// A department's share above the whole city's target is a slip for
	// one of the two figures, as a program's is (targetsAboveTotal): kept,
	// with both named (review r13 A3).
	targets, err := s.store.Targets(ctx, year)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if targets.Total > 0 && cmd.Count.Value > targets.Total {
		r.Sections = append(r.Sections, Section{Lines: []string{s.msg("targets.dept_above_total",
			"Dept", d.Name, "Target", s.jobs(cmd.Count.Value), "Year", year, "Total", s.jobs(targets.Total))}})
	}
	return r
}

// DepartmentStore keeps the managed list of departments and their yearly
// targets: the `dept` commands write it; add, status, the report and the
// reminders read it.
type DepartmentStore interface {
	// Departments returns the active departments of the managed list, ordered
	// by name (retired ones are left out: the add path reads this list).
	Departments(ctx context.Context) ([]Department, error)
	// AddDepartment adds a department to the managed list (reactivating a
	// retired one of that name); ErrConflict if an active one has the name.
	AddDepartment(ctx context.Context, d Department) (Department, error)
	// UpdateDepartment saves the aliases, reporters, channel and active flag
	// of the department named d.Name; ErrNotFound if there is none.
	UpdateDepartment(ctx context.Context, d Department) (Department, error)
	// RenameDepartment renames a department, keeping the old name as an alias
	// and moving everything credited to it; ErrConflict if the name is taken.
	RenameDepartment(ctx context.Context, from, to string) (Department, error)
	// ClosedMonthsOfDepartment returns the first days of the closed months
	// in which the department has live entries or a live 실적 없음.
	ClosedMonthsOfDepartment(ctx context.Context, department string) ([]time.Time, error)
	// MergeDepartments moves everything credited to from into into and drops
	// from, whose names join into's aliases.
	MergeDepartments(ctx context.Context, from, into string) (Department, error)
	// MergeDepartmentsVoiding is MergeDepartments stamping the 실적 없음
	// it voids with m's clock, person and reasons, and returning them.
	MergeDepartmentsVoiding(ctx context.Context, m DepartmentMerge) (Department, []NothingReport, error)
	// DepartmentTargets returns the departments' yearly targets.
	DepartmentTargets(ctx context.Context, year int) (map[string]int64, error)
	// SetDepartmentTarget sets or revises a department's yearly target at
	// the instant at and returns the old value (0 if none); unchanged is true
	// when the target already was jobs, and then nothing was written. A
	// revision of a set target without a reason fails with
	// *TargetReasonError, decided inside the store's transaction.
	SetDepartmentTarget(ctx context.Context, year int, department string, jobs int64, by, reason string, at time.Time) (old int64, unchanged bool, err error)
}
