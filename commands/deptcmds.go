package commands

import (
	"context"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"jobsbot/commands/numbers"
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
			line += " · " + s.t("also: ", "별칭: ") + strings.Join(d.Aliases, ", ")
		}
		if len(d.Reporters) > 0 {
			line += " · " + s.t("reporters: ", "보고 담당: ") + mentions(d.Reporters)
		}
		if d.Channel != "" {
			line += " · " + s.t("channel: ", "채널: ") + MentionChannel(d.Channel)
		}
		if t := targets[d.Name]; t > 0 {
			line += " · " + s.t("%d target %s", "%d년 목표 %s", s.today().Year(), numbers.Format(t))
		}
		sec.Lines = append(sec.Lines, line)
	}
	return Reply{Title: s.t("Departments (%d)", "부서 목록 (%d곳)", len(depts)), Sections: []Section{sec}}
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
	if name == "" || utf8.RuneCountInString(name) > MaxNameRunes {
		return s.refuse(cmd.Name, s.t("A department name is 1 to %d characters.", "부서 이름은 1자에서 %d자까지입니다.", MaxNameRunes))
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	d, exists := findDepartment(depts, name)
	others := slices.DeleteFunc(slices.Clone(depts), func(o Department) bool { return o.Name == d.Name })
	for _, n := range append([]string{name}, aliases...) {
		if o, taken := findDepartment(others, n); taken {
			return s.refuse(cmd.Name, s.t("`%s` already names the department %s; use another name or `dept merge`.",
				"`%s` 이름은 이미 %s 부서가 씁니다. 다른 이름을 쓰거나 `dept merge`로 합치세요.", n, o.Name))
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
		return s.refuse(cmd.Name, s.t("Someone added %s at the same moment; run `dept show %[1]s` and try again.",
			"방금 다른 사람이 %s 부서를 추가했습니다. `dept show %[1]s`로 확인하고 다시 하세요.", name))
	}
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	title := s.t("Added the department %s.", "%s 부서를 추가했습니다.", d.Name)
	if exists {
		title = s.t("Updated the department %s.", "%s 부서 정보를 고쳤습니다.", d.Name)
	}
	return Reply{Title: title, Sections: s.deptShow(ctx, Command{Name: "dept show", Words: []string{d.Name}}).Sections}
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
	title := s.t("Retired the department %s: it takes no new entries; its history stays.",
		"%s 부서를 폐지했습니다. 새 실적은 받지 않고 기록은 남습니다.", d.Name)
	if len(cmd.Users) > 0 {
		d.Reporters = slices.DeleteFunc(d.Reporters, func(id string) bool { return slices.Contains(cmd.Users, id) })
		title = s.t("Updated the reporters of %s.", "%s 부서의 보고 담당자를 고쳤습니다.", d.Name)
	} else {
		programs, err := s.store.Programs(ctx)
		if err != nil {
			return s.storageFailure(ctx, cmd.Name, err)
		}
		for _, p := range programs {
			if p.Active && p.Department == d.Name {
				return s.refuse(cmd.Name, s.t("%s still runs %s; move the program to another department first (`program rename %s dept:…`).",
					"%s 부서가 아직 %s 사업을 맡고 있습니다. 먼저 사업을 다른 부서로 옮기세요(`program rename %s dept:…`).",
					d.Name, s.programLabel(p), p.Code))
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

// deptRename answers `dept rename <department> <new name>`.
func (s *Service) deptRename(ctx context.Context, cmd Command) Reply {
	d, refusal, err := s.deptNamed(ctx, cmd.Words[0])
	if err != nil || refusal != "" {
		return s.deptFailure(ctx, cmd.Name, refusal, err)
	}
	to := CleanName(cmd.Words[1])
	if to == "" || utf8.RuneCountInString(to) > MaxNameRunes {
		return s.refuse(cmd.Name, s.t("A department name is 1 to %d characters.", "부서 이름은 1자에서 %d자까지입니다.", MaxNameRunes))
	}
	if other, _, _ := s.deptNamed(ctx, to); other.Name != "" && other.Name != d.Name {
		return s.refuse(cmd.Name, s.t("`%s` already names the department %s; use `dept merge` to join them.",
			"`%s` 이름은 이미 %s 부서가 씁니다. 두 부서를 합치려면 `dept merge`를 쓰세요.", to, other.Name))
	}
	if _, err := s.store.RenameDepartment(ctx, d.Name, to); err != nil {
		if errors.Is(err, ErrConflict) {
			return s.refuse(cmd.Name, s.t("`%s` is the name of a retired department; pick another name.",
				"`%s` 이름은 폐지된 부서가 쓰던 이름입니다. 다른 이름을 쓰세요.", to))
		}
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: s.t("Renamed %s to %s; its entries moved with it and the old name still works.",
		"부서 이름을 바꿨습니다: %s → %s. 실적도 함께 옮겼고 예전 이름으로도 찾을 수 있습니다.", d.Name, to)}
}

// deptMerge answers `dept merge <from> <into>`.
func (s *Service) deptMerge(ctx context.Context, cmd Command) Reply {
	from, refusal, err := s.deptNamed(ctx, cmd.Words[0])
	if err != nil || refusal != "" {
		return s.deptFailure(ctx, cmd.Name, refusal, err)
	}
	into, refusal, err := s.deptNamed(ctx, cmd.Words[1])
	if err != nil || refusal != "" {
		return s.deptFailure(ctx, cmd.Name, refusal, err)
	}
	if from.Name == into.Name {
		return s.refuse(cmd.Name, s.t("Both names mean %s; nothing to merge.", "두 이름 모두 %s 부서입니다. 합칠 것이 없습니다.", from.Name))
	}
	if _, err := s.store.MergeDepartments(ctx, from.Name, into.Name); err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	return Reply{Title: s.t("Merged %s into %s: its entries, programs, reporters and targets now belong to %[2]s.",
		"%s 부서를 %s 부서에 합쳤습니다. 실적, 사업, 보고 담당자, 목표가 모두 옮겨졌습니다.", from.Name, into.Name)}
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
	old, err := s.store.SetDepartmentTarget(ctx, year, d.Name, cmd.Count.Value, c.UserID)
	if err != nil {
		return s.storageFailure(ctx, cmd.Name, err)
	}
	if old == 0 {
		return Reply{Title: s.t("The %d target of %s is now %s.", "%[2]s 부서의 %[1]d년 목표를 %[3]s개로 정했습니다.", year, d.Name, numbers.Format(cmd.Count.Value))}
	}
	return Reply{Title: s.t("The %d target of %s went from %s to %s; the earlier figure stays in the history.",
		"%[2]s 부서의 %[1]d년 목표를 %[3]s개에서 %[4]s개로 바꿨습니다. 이전 목표는 이력에 남습니다.",
		year, d.Name, numbers.Format(old), numbers.Format(cmd.Count.Value))}
}
