package commands

import (
	"context"
	"slices"
	"strings"
)

// departmentNames are the folded names a department answers to.
func departmentNames(d Department) []string {
	out := []string{fold(d.Name)}
	for _, a := range d.Aliases {
		out = append(out, fold(a))
	}
	return out
}

// findDepartment returns the active department a typed name means: its name
// or an alias, ignoring case, spaces and invisible characters, as programs
// are matched.
func findDepartment(depts []Department, typed string) (Department, bool) {
	f := fold(typed)
	if f == "" {
		return Department{}, false
	}
	for _, d := range depts {
		if d.Active && slices.Contains(departmentNames(d), f) {
			return d, true
		}
	}
	return Department{}, false
}

// unknownDepartment says that a typed department is not on the managed
// list, suggesting the closest active names the way programs do.
func (s *Service) unknownDepartment(typed string, depts []Department) string {
	active := slices.DeleteFunc(slices.Clone(depts), func(d Department) bool { return !d.Active })
	suggestions := closestNamed(active, departmentNames, typed)
	if len(suggestions) == 0 {
		return s.msg("departments.is_not_department_on", "Typed", typed)
	}
	names := make([]string, len(suggestions))
	for i, d := range suggestions {
		names[i] = d.Name
	}
	return s.msg("departments.is_not_department_on2", "Typed", typed, "Join", strings.Join(names, ", "))
}

// managedDepartment maps a typed department to the managed name it means;
// "" stays "". When it cannot (a name not on the list, or the list cannot be
// read), ok is false and the reply says why, for the command to return as is.
func (s *Service) managedDepartment(ctx context.Context, command, typed string) (name string, r Reply, ok bool) {
	if CleanName(typed) == "" {
		return "", Reply{}, true
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		return "", s.storageFailure(ctx, command, err), false
	}
	d, found := findDepartment(depts, typed)
	if !found {
		return "", s.refuse(command, s.unknownDepartment(typed, depts)), false
	}
	return d.Name, Reply{}, true
}
